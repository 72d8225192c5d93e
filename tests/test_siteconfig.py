"""The settings the engine reads from mkdocs.yml itself (forening.siteconfig), with their lines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from forening import siteconfig

CONFIG = """\
site_name: Förbundet
site_url: {site_url}
docs_dir: sidor
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
extra:
  contact:
    website: https://www.forbundet.example/
"""


def _read(tmp_path: Path, site_url: str) -> siteconfig.SiteConfig:
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(site_url=site_url), encoding="utf-8")
    config, problems = siteconfig.read(tmp_path)
    assert problems == [] and config is not None, problems
    return config


def test_the_settings_and_their_lines(tmp_path: Path) -> None:
    """MkDocs' own tags elsewhere in the file (`!!python/name:`) are neither run nor refused."""
    config = _read(tmp_path, "https://www.forbundet.example/")
    assert (config.site_name, config.site_url, config.docs_dir) == ("Förbundet", "https://www.forbundet.example/", "sidor")
    assert config.site_url_line == 2 and config.line_of("extra", "contact", "website") == 9


def test_site_url_from_the_environment_as_mkdocs_reads_it(tmp_path: Path) -> None:
    """`!ENV [NAME, default]` is how MkDocs' documentation sets site_url in CI: make check
    once refused the tag, so a site configured that way could not be checked at all."""
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(site_url="!ENV [FORENING_TEST_URL, 'https://standard.example/']"), encoding="utf-8")
    script = "import sys; from pathlib import Path; from forening import siteconfig; print(siteconfig.read(Path(sys.argv[1]))[0].site_url)"
    env = {key: value for key, value in os.environ.items() if key != "FORENING_TEST_URL"} | {"PYTHONPATH": str(ROOT / "hooks")}
    read = lambda extra: subprocess.run([sys.executable, "-c", script, str(tmp_path)], env=env | extra, capture_output=True, text=True, check=True).stdout.strip()  # noqa: E731
    assert read({}) == "https://standard.example/"
    assert read({"FORENING_TEST_URL": "https://ci.example/"}) == "https://ci.example/"


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    """Read once per run while unchanged, but `mkdocs serve` keeps the module loaded."""
    assert _read(tmp_path, "https://first.example/").site_url == "https://first.example/"
    os.utime(tmp_path / "mkdocs.yml", ns=(1, 1))  # a different change time, as an editor's save gives
    assert _read(tmp_path, "https://second.example/").site_url == "https://second.example/"


def test_a_placeholder_site_url_is_refused_for_publishing_only(tmp_path: Path) -> None:
    problems = siteconfig.publishing_problems(_read(tmp_path, "https://example.invalid/"))
    assert [(p.path, p.line, p.field) for p in problems] == [("mkdocs.yml", 2, "site_url")]
    assert "platshållare" in problems[0].message
    assert siteconfig.publishing_problems(_read(tmp_path, "https://www.samordningsforbundetskaraborg.se/")) == []


def test_a_yaml_mistake_is_one_problem_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nextra:\n  contact:\n\twebsite: x\n", encoding="utf-8")
    config, [problem] = siteconfig.read(tmp_path)
    assert config is None and problem.path == "mkdocs.yml" and problem.line == 4
