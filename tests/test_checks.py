"""checks.check_sources through scripts/validate.py: every error of every file in one run."""

from __future__ import annotations

from pathlib import Path

from conftest import validate
from forening.checks import site_files

MINUTES = """\
---
date: {date}
group: norra
start: 09:00
end: 11:45
{present}:
  - Eva Bremer
  - Ida Wiik
absent:
  - Mona Strand
projects:
  - {project}
---

## 1. Välkommen

{body}
"""

PROJECT = """\
---
title: Nytt projekt
summary: Ett nytt projekt för test.
status: pagaende
kind: projekt
---

Text.
"""


def test_one_run_reports_every_error_of_every_file(project_copy: Path) -> None:
    """Schema errors in some files once hid the privacy guard, the active-content check and
    the references of the files that failed the schema: the editor saw 4 of these 7."""
    norra = project_copy / "minutes" / "norra"
    tab = MINUTES.format(date="2023-09-12", present="present", project="cresco-creare", body="Text.").replace("  - Eva Bremer", "\t- Eva Bremer")
    (norra / "2023-09-12.md").write_text(tab, encoding="utf-8")
    (norra / "2023-10-10.md").write_text(
        MINUTES.format(date="2023-10-10", present="precent", project="cresco-creare", body="Ring Eva på 070-123 45 67."), encoding="utf-8"
    )
    (norra / "2023-11-14.md").write_text(
        MINUTES.format(date="2023-11-14", present="present", project="cresco-kreare", body="<script>alert(1)</script> Personnummer 850312-1231."),
        encoding="utf-8",
    )
    (project_copy / "projects" / "nytt-projekt.md").write_text(PROJECT, encoding="utf-8")
    expected = [
        "minutes/norra/2023-09-12.md:7: present[0]: tabbtecken",
        "minutes/norra/2023-10-10.md:6: precent: okänt fält",
        "minutes/norra/2023-10-10.md:17: text: telefonnumret `070-123 45 67`",
        "minutes/norra/2023-11-14.md:12: projects[0]: projektet `cresco-kreare` finns inte",
        "minutes/norra/2023-11-14.md:17: text: HTML-taggen <script>",
        "minutes/norra/2023-11-14.md:17: text: personnumret `850312-1231`",
        "projects/nytt-projekt.md:4: status: `pagaende` är inte tillåtet",
    ]
    first = validate(project_copy)
    again = validate(project_copy)  # the same from what the memo kept of the first run
    for result in (first, again):
        assert result.returncode == 1
        errors = [line for line in result.stderr.splitlines() if ": förslag:" not in line and line != "7 fel"]
        assert len(errors) == len(expected), result.stderr
        for line, start in zip(errors, expected):
            assert line.startswith(start), (line, start)
        assert "\n7 fel" in result.stderr


def test_retention_setting_is_checked_when_content_has_errors(project_copy: Path) -> None:
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("attendance_years: 5", "attendance_years: fem"), encoding="utf-8")
    (project_copy / "projects" / "nytt-projekt.md").write_text(PROJECT, encoding="utf-8")
    result = validate(project_copy)
    assert result.returncode == 1
    assert "projects/nytt-projekt.md:4: status:" in result.stderr
    assert "extra.retention.attendance_years: `fem`" in result.stderr


def test_every_site_file_is_listed_for_the_output_checks_vendor_code_included(tmp_path: Path) -> None:
    for rel in ("assets/javascripts/bundle.x.min.js", "assets/stylesheets/main.x.min.css", "pagefind/pagefind.js", "pagefind/wasm.sv.pagefind",
                "assets/site.css", "index.html", "pagefind/fragment/sv_1.pf_fragment", "feed.xml", "robots.txt"):  # fmt: skip
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    assert site_files(tmp_path) == [
        "assets/javascripts/bundle.x.min.js", "assets/site.css", "assets/stylesheets/main.x.min.css", "feed.xml", "index.html",
        "pagefind/fragment/sv_1.pf_fragment", "pagefind/pagefind.js", "pagefind/wasm.sv.pagefind", "robots.txt",
    ]  # fmt: skip


def test_real_site_pages_search_index_feeds_and_sitemap_are_listed_for_the_output_checks(site: Path) -> None:
    scanned = set(site_files(site))
    assert {"index.html", "kontakt/index.html", "sitemap.xml", "sitemap.xml.gz", "feed.xml", "kalender.ics", "pagefind/pagefind-entry.json"} <= scanned
    for pattern in ("**/*.html", "**/*.ics", "pagefind/fragment/*", "pagefind/index/*", "pagefind/*.pf_meta"):
        files = [p.relative_to(site).as_posix() for p in site.glob(pattern)]
        assert files and set(files) <= scanned, pattern
    assert {"assets/javascripts/pagefind-search.js", "pagefind/pagefind.js", "pagefind/pagefind-worker.js"} <= scanned
    assert any(rel.startswith("assets/javascripts/bundle.") for rel in scanned)  # Material's code is read too
