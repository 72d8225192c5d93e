"""Shared fixtures: the real site built once, and throw-away copies of the project.

Tests build with the real MkDocs in a subprocess, exactly as `make site` does,
with the build date pinned (SITE_TODAY) so "coming" and "past" are stable.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from forening.helper import Helper

ROOT = Path(__file__).resolve().parent.parent
BUILD_DATE = "2026-11-23"
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "minutes", "projects", "scripts")


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a command with the venv's Python, capturing text output."""
    full_env = os.environ | {"SITE_TODAY": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"} | env
    return subprocess.run(args, cwd=cwd, env=full_env, capture_output=True, text=True, check=False)


def mkdocs_build(root: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)], cwd=root)


def validate(root: Path, *paths: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, str(root / "scripts" / "validate.py"), "--root", str(root), *paths], cwd=root)


def copy_project(dest: Path) -> Path:
    """A copy of the project's sources (no .venv, no site) to break or extend."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session from the repository's content."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def load_script(name: str) -> ModuleType:
    """A CLI under scripts/ as a module, so tests can call its functions directly."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def mkdocs_build_on(day: str, root: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Build as if today were `day` (YYYY-MM-DD): for what depends on the build date."""
    return run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)], cwd=root, SITE_TODAY=day)


def site_texts(site_dir: Path) -> dict[str, str]:
    """Every text the built site publishes, by path: pages, feeds, calendars, sitemaps and
    the search index (gzipped files unpacked), so a test can look for a string everywhere."""
    import gzip

    found = {}
    for path in site_dir.rglob("*"):
        if not path.is_file() or path.suffix in (".png", ".svg", ".ico", ".woff", ".woff2", ".wasm"):
            continue
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        found[path.relative_to(site_dir).as_posix()] = raw.decode("utf-8", errors="replace")
    return found


@pytest.fixture
def helper() -> Iterator[Helper]:
    """A helper process (forening.helper) for one test, stopped after it."""
    started = Helper()
    yield started
    started.close()
