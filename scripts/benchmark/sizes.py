"""One archive size, measured end to end: generate, validate, build twice, check three ways, search.

Every measured command runs in a fresh subprocess with the same interpreter, the
build date pinned (SITE_TODAY) and MkDocs' end-of-life banner silenced, exactly
as the tests run them. Builds and the first `make check` start with nothing
remembered (forening/memo.py); `make check` is then run again unchanged, and
again after one minutes file was edited, as an editor's commit runs it.
"""

from __future__ import annotations

import contextlib
import os
import pstats
import shutil
import statistics
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from forening.memo import FOLDER as MEMO_FOLDER

from . import plain, processes, search, synthetic

BUILD_DATE = "2026-11-23"

# The floor for `make check`: nothing but python-frontmatter over every content file
# (and PyYAML over groups.yml), in a fresh interpreter like scripts/validate.py.
FLOOR = """
import sys, pathlib, frontmatter, yaml
root = pathlib.Path(sys.argv[1])
for path in sorted(root.glob("minutes/*/*.md")) + sorted(root.glob("projects/*.md")):
    frontmatter.load(path)
yaml.load((root / "minutes" / "groups.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


@dataclass(frozen=True)
class Options:
    source: Path  # the repository to copy (never written to)
    work: Path  # where copies and sites go
    seed: int
    repeat: int
    queries: tuple[str, str]
    profile: Path | None = None  # write a cProfile of the real build here


def environment() -> dict[str, str]:
    return os.environ | {"SITE_TODAY": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}


def measure(minutes: int, options: Options, say=print) -> dict:
    """Everything the report shows for one archive of `minutes` minutes."""
    root = options.work / f"project-{minutes}"
    logs = options.work / f"logs-{minutes}"
    shutil.rmtree(root, ignore_errors=True)
    say(f"N={minutes}: generating the synthetic archive in {root}")
    sizes = synthetic.generate(options.source, root, minutes, seed=options.seed)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "hooks"), str(root / "scripts")], check=True)
    env, py = environment(), sys.executable
    say(f"N={minutes}: validating it (it must be valid)")
    processes.run([py, str(root / "scripts" / "validate.py"), "--root", str(root)], root, env, logs, "validate-first")

    ours_site, plain_site = options.work / f"site-{minutes}", options.work / f"site-plain-{minutes}"
    ours_args = [py, "-m", "mkdocs", "build", "--site-dir", str(ours_site)]
    plain_args = [py, "-m", "mkdocs", "build", "--config-file", plain.PLAIN_CONFIG, "--site-dir", str(plain_site)]
    check_args = [py, str(root / "scripts" / "validate.py"), "--root", str(root)]
    ours, plain_runs, checks, again, edited, floors = [], [], [], [], [], []
    for i in range(options.repeat):
        say(f"N={minutes}: build with our hooks ({i + 1}/{options.repeat})")
        forget(root)  # every build starts with nothing remembered, as in CI's fresh clone
        ours.append(processes.run(ours_args, root, env, logs, f"build-ours-{i}"))
        if i == 0:
            plain.write_plain_project(root, BUILD_DATE, pagefind=(ours_site / "pagefind").is_dir())
        say(f"N={minutes}: plain mkdocs-material build ({i + 1}/{options.repeat})")
        plain_runs.append(processes.run(plain_args, root, env, logs, f"build-plain-{i}"))
        say(f"N={minutes}: make check (first, again, after editing one file) and the front-matter parse floor ({i + 1}/{options.repeat})")
        forget(root)
        checks.append(processes.run(check_args, root, env, logs, f"check-{i}"))
        again.append(processes.run(check_args, root, env, logs, f"check-again-{i}"))
        with one_file_edited(root, i):
            edited.append(processes.run(check_args, root, env, logs, f"check-edited-{i}"))
        floors.append(processes.run([py, "-c", FLOOR, str(root)], root, env, logs, f"floor-{i}"))

    say(f"N={minutes}: searching in Chromium")
    cost = search.measure(ours_site, *options.queries)
    if options.profile is not None:
        say(f"N={minutes}: profiling the real build into {options.profile}")
        profile(root, options.work / f"site-profile-{minutes}", options.profile, env)
    build = {"ours": _summary(ours), "plain": _summary(plain_runs)}
    build["wall_ratio"] = build["ours"]["wall_s"] / build["plain"]["wall_s"]
    build["cpu_ratio"] = build["ours"]["cpu_s"] / build["plain"]["cpu_s"]
    build["memory_ratio"] = build["ours"]["peak_mib"] / build["plain"]["peak_mib"]
    build["plain_includes_pagefind"] = (ours_site / "pagefind").is_dir()
    check = {
        "validate_s": _median(m.wall_s for m in checks),  # the first run: nothing remembered
        "again_s": _median(m.wall_s for m in again),  # nothing changed since
        "edited_s": _median(m.wall_s for m in edited),  # one minutes file changed: a commit's pre-commit run
        "parse_floor_s": _median(m.wall_s for m in floors),
    }
    check["ratio"] = check["validate_s"] / check["parse_floor_s"]
    check["edited_ratio"] = check["edited_s"] / check["parse_floor_s"]
    check["cpu_ratio"] = _median(m.cpu_s for m in checks) / _median(m.cpu_s for m in floors)
    return {
        "minutes": sizes.minutes,
        "projects": sizes.projects,
        "attachments": sizes.attachments,
        "build": build,
        "check": check,
        "site": site_stats(ours_site),
        "search": cost.as_dict(),
    }


def forget(root: Path) -> None:
    """Remove what earlier runs remembered (forening/memo.py) in the project copy."""
    shutil.rmtree(root / MEMO_FOLDER, ignore_errors=True)


@contextlib.contextmanager
def one_file_edited(root: Path, run: int) -> Iterator[None]:
    """One minutes file with a line added to its body, as an editor's commit would; then put back."""
    path = sorted(root.glob("minutes/*/*.md"))[-1]
    text = path.read_text(encoding="utf-8")
    path.write_text(f"{text.rstrip()}\n\nTillägg {run + 1} till mötet.\n", encoding="utf-8")
    try:
        yield
    finally:
        path.write_text(text, encoding="utf-8")


def site_stats(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    search_dirs = [site / "search", site / "pagefind"]
    return {
        "bytes": sum(p.stat().st_size for p in files),
        "html_pages": sum(1 for p in files if p.suffix == ".html" and p.name != "404.html"),
        "search_bytes": sum(p.stat().st_size for p in files if any(d in p.parents for d in search_dirs)),
    }


def profile(root: Path, site: Path, out: Path, env: dict[str, str]) -> None:
    """The real build under cProfile (not timed: the profiler slows it down)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    args = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "--site-dir", str(site)]
    subprocess.run(args, cwd=root, env=env, check=True, capture_output=True)
    stats = pstats.Stats(str(out), stream=sys.stderr)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)


def _summary(runs: list[processes.Measured]) -> dict:
    return {
        "wall_s": _median(m.wall_s for m in runs),
        "cpu_s": _median(m.cpu_s for m in runs),
        "peak_mib": _median(m.peak_mib for m in runs),
        "runs": len(runs),
    }


def _median(values) -> float:
    return statistics.median(list(values))
