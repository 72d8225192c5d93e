"""The retention setting: old attendance names are gone from every output, old minutes from the site.

mkdocs.yml sets attendance_years: 5 and minutes_years: 10. With the session's
build date (2026-11-23) the two 2021 meetings show counts only and the 2022 and
2023 meetings their names; every minutes file is still published.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, mkdocs_build, mkdocs_build_on, run, site_texts, validate
from forening import retention
from forening.archive import Archive
from forening.schema import Retention
from forening.validate import Layout, load_archive

SIGNATURE = b"pagefind_dcd"


@pytest.fixture(scope="module")
def seeds() -> Archive:
    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    return archive


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def withheld_only(archive: Archive) -> set[str]:
    """Names that stand only in attendance lists older than 5 years at the build date:
    not in newer lists, not among groups.yml's members (the contact page may list them),
    and not in any text the site publishes on purpose."""
    old = [m for m in archive.minutes if m.date.year == 2021]
    new = [m for m in archive.minutes if m.date.year > 2021]
    members = {member.name for group in archive.groups.values() for member in group.members}
    shown = {name for m in new for name in [*m.meta.present, *m.meta.absent]}
    texts = " ".join([m.body for m in archive.minutes] + [p.body for p in archive.projects.values()])
    names = {name for m in old for name in [*m.meta.present, *m.meta.absent]} - members - shown
    return {name for name in names if name not in texts}


def test_the_setting_in_mkdocs_yml_is_valid_and_read_with_its_numbers() -> None:
    rules, problems = retention.load(ROOT)
    assert problems == [] and rules == Retention(attendance_years=5, minutes_years=10)


def test_old_attendance_shows_counts_only_and_recent_attendance_names(site: Path) -> None:
    for url, counts in (("minnesanteckningar/norra/2021-05-05", (10, 2)), ("minnesanteckningar/gemensam/2021-03-01", (26, 14))):
        page = soup(site, url)
        assert page.select_one("details.fm-attendance") is None, url
        withheld = page.select_one("p.fm-attendance--withheld")
        text = " ".join(withheld.get_text().split())
        assert text == f"Närvaro: {counts[0]} närvarande, {counts[1]} frånvarande. Namnen visas inte längre: närvarolistor publiceras i 5 år efter mötet."
        assert withheld["data-pagefind-ignore"] == "all"
    assert "Peter Larsson" not in soup(site, "minnesanteckningar/norra/2021-05-05").get_text()
    for url in ("minnesanteckningar/norra/2022-01-01", "minnesanteckningar/gemensam/2023-02-01"):
        assert soup(site, url).select("details.fm-attendance li"), url


def test_withheld_names_are_in_no_page_feed_calendar_or_search_index(site: Path, seeds: Archive) -> None:
    names = withheld_only(seeds)
    assert len(names) >= 10
    texts = site_texts(site)
    assert any(path.startswith("pagefind/fragment/") for path in texts)
    leaks = [(path, name) for path, text in texts.items() for name in names if name in text]
    assert leaks == []


def test_the_search_fragments_of_old_minutes_hold_no_name_from_their_attendance(site: Path, seeds: Archive) -> None:
    """Pagefind's fragments are gzipped JSON: read them as the search does."""
    fragments = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(SIGNATURE)
        fragment = json.loads(raw[len(SIGNATURE) :])
        fragments[fragment["url"]] = fragment["content"]
    for entry in seeds.minutes:
        if entry.date.year != 2021:
            continue
        content = fragments[f"/minnesanteckningar/{entry.group}/{entry.date}/"]
        body = entry.body
        for name in [*entry.meta.present, *entry.meta.absent]:
            if name not in body:  # a name the minutes' own text uses is published as text
                assert name not in content, (entry.key, name)


def test_while_recent_the_same_names_are_published(tmp_path: Path, seeds: Archive) -> None:
    """The control: built in June 2021, the lists are there, so the tests above can fail."""
    site = tmp_path / "site"
    result = mkdocs_build_on("2021-06-01", ROOT, site)
    assert result.returncode == 0, result.stderr
    html = (site / "minnesanteckningar" / "gemensam" / "2021-03-01" / "index.html").read_text(encoding="utf-8")
    assert all(name in html for name in withheld_only(seeds))
    assert "fm-attendance--withheld" not in html


def test_minutes_older_than_minutes_years_leave_the_site_with_a_notice(tmp_path: Path) -> None:
    # 2031-03-02: ten years after the March 2021 meeting (filed 2021-03-01), not yet after 5 May 2021.
    site = tmp_path / "site"
    result = mkdocs_build_on("2031-03-02", ROOT, site)
    assert result.returncode == 0, result.stderr
    assert not (site / "minnesanteckningar" / "gemensam" / "2021-03-01").exists()
    assert (site / "minnesanteckningar" / "norra" / "2021-05-05" / "index.html").is_file()
    archive_page = (site / "minnesanteckningar" / "index.html").read_text(encoding="utf-8")
    assert "gemensam/2021-03-01/" not in archive_page
    assert "minnesanteckningar/gemensam/2021-03-01/" not in (site / "feed.xml").read_text(encoding="utf-8")
    # What only those minutes announced is gone with them (västra's meeting of 4 May 2021, the open house).
    calendar = (site / "kalender.ics").read_text(encoding="utf-8")
    assert "vastra-20210504T0900" not in calendar and "evenemang-oppet-hus-20210409" not in calendar
    assert "gemensam/2021-03-01" not in (site / "projekt" / "kick-off" / "index.html").read_text(encoding="utf-8")
    # Reported in the build log (INFO) with the file and line of its date.
    assert re.search(r"INFO.*minutes/gemensam/2021-03-01\.md:\d+: förslag: date: mötet är äldre än 10 år", result.stderr), result.stderr


def test_the_archive_page_states_the_numbers_of_the_setting(site: Path, project_copy: Path, tmp_path: Path) -> None:
    text = " ".join(soup(site, "minnesanteckningar").select_one(".fm-retention").get_text().split())
    assert "publiceras i 5 år efter mötet" in text and "Minnesanteckningarna publiceras i 10 år efter mötet" in text
    config = project_copy / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("attendance_years: 5 ", "attendance_years: 3 ").replace("minutes_years: 10 ", "minutes_years: 7 "),
        encoding="utf-8",
    )
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    text = " ".join(soup(tmp_path / "site", "minnesanteckningar").select_one(".fm-retention").get_text().split())
    assert "publiceras i 3 år efter mötet" in text and "Minnesanteckningarna publiceras i 7 år efter mötet" in text
    # January 2022 + 3 years is before the build date: now those names are withheld too.
    assert soup(tmp_path / "site", "minnesanteckningar/norra/2022-01-01").select_one("details.fm-attendance") is None


@pytest.mark.parametrize(
    ("block", "field", "words"),
    [
        ("", "extra.retention", "saknas"),
        ("  retention:\n    attendance_years: fem\n    minutes_years: 10\n", "extra.retention.attendance_years", "`fem` är inget antal år"),
        ("  retention:\n    attendance_years: 12\n    minutes_years: 10\n", "extra.retention.attendance_years", "kan inte publiceras längre (12 år) än minnesanteckningarna (10 år)"),
        ("  retention:\n    attendance_years: 0\n    minutes_years: 0\n", "extra.retention.minutes_years", "minst 1 år"),
        ("  retention:\n    attendance_year: 5\n    minutes_years: 10\n", "extra.retention.attendance_year", "menade du `attendance_years`"),
    ],
    ids=["missing", "not a number", "names longer than minutes", "zero years", "typo"],
)
def test_a_bad_setting_stops_check_and_build_with_its_line(project_copy: Path, tmp_path: Path, block: str, field: str, words: str) -> None:
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  retention:\n")
    end = text.index("then removed\n", start) + len("then removed\n")
    text = text[:start] + block + text[end:]
    config.write_text(text, encoding="utf-8")
    key = field.rsplit(".", 1)[1] if block else "extra"
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.strip().startswith(key + ":"))
    for result in (validate(project_copy), mkdocs_build(project_copy, tmp_path / "site")):
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert f"mkdocs.yml:{line}: {field}: " in result.stderr and words in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("    attendance_years: 5 ", "    attendance_years: 5: år ", "kolon"),
        ("    attendance_years: 5 ", "\tattendance_years: 5 ", "tabbtecken"),
        ("    phone:\n", '    phone: "0500-12 34 56\n', "citattecknet som börjar här stängs aldrig"),
    ],
    ids=["colon", "tab", "unclosed quote"],
)
def test_a_yaml_mistake_in_mkdocs_yml_is_a_message_at_its_line(project_copy: Path, tmp_path: Path, old: str, new: str, words: str) -> None:
    """`make check` and scripts/build.py (before MkDocs, whose message is English) say it in Swedish."""
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    build = run([sys.executable, str(project_copy / "scripts" / "build.py"), "--site-dir", str(tmp_path / "site")], cwd=project_copy)
    for result in (validate(project_copy), build):
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert f"mkdocs.yml:{line}: felaktig YAML" in result.stderr and words in result.stderr, result.stderr
        assert "\n1 fel" in result.stderr  # once, not again for extra.contact
    assert "inget publicerades" in build.stderr and "MkDocs" not in build.stderr and not (tmp_path / "site").exists()
