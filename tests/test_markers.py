"""Markers in hand-written pages, filled by the build: the privacy notice's retention numbers."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import mkdocs_build

# A made-up page standing in for the privacy notice (docs/personuppgifter.md, issue 5).
NOTICE = """\
---
title: Fixtur för personuppgifter
---

# Fixtur för personuppgifter

## Hur länge uppgifterna publiceras

<!-- forening:retention -->

Kort sagt: namn i {marker_a} år, anteckningar i {marker_b} år.
"""


def write_notice(root: Path, text: str) -> None:
    (root / "docs" / "fixtur-personuppgifter.md").write_text(text, encoding="utf-8")


def test_the_notice_states_the_numbers_of_mkdocs_yml(project_copy: Path, tmp_path: Path) -> None:
    write_notice(project_copy, NOTICE.format(marker_a="<!-- forening:retention.attendance_years -->", marker_b="<!-- forening:retention.minutes_years -->"))
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("attendance_years: 5 ", "attendance_years: 4 "), encoding="utf-8")
    assert mkdocs_build(project_copy, tmp_path / "site").returncode == 0
    html = (tmp_path / "site" / "fixtur-personuppgifter" / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "lxml").article
    statement = " ".join(article.select_one(".fm-retention").get_text().split())
    assert "publiceras i 4 år efter mötet" in statement and "Minnesanteckningarna publiceras i 10 år efter mötet" in statement
    assert "Kort sagt: namn i 4 år, anteckningar i 10 år." in " ".join(article.get_text().split())
    assert "forening:" not in html  # every marker was replaced
    # The archive page says the same, from the same setting.
    archive = BeautifulSoup((tmp_path / "site" / "minnesanteckningar" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert archive.select_one(".fm-retention").get_text() == article.select_one(".fm-retention").get_text()


def test_an_unknown_marker_stops_the_build_with_its_line(project_copy: Path, tmp_path: Path) -> None:
    write_notice(project_copy, NOTICE.format(marker_a="<!-- forening:retention.attendance -->", marker_b="10"))
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/fixtur-personuppgifter.md:11: okänd markör `forening:retention.attendance`" in result.stderr
    assert "`forening:retention.attendance_years`" in result.stderr  # the known ones are named


def test_the_real_privacy_notice_states_the_archive_pages_numbers(site: Path) -> None:
    """docs/personuppgifter.md carries the marker: it and the archive state one setting."""
    notice = BeautifulSoup((site / "personuppgifter" / "index.html").read_text(encoding="utf-8"), "lxml")
    archive = BeautifulSoup((site / "minnesanteckningar" / "index.html").read_text(encoding="utf-8"), "lxml")
    stated = notice.select_one("article .fm-retention")
    assert stated is not None, "the privacy notice lacks the retention statement"
    assert " ".join(stated.get_text().split()) == " ".join(archive.select_one(".fm-retention").get_text().split())
    assert "5 år" in stated.get_text() and "10 år" in stated.get_text()
