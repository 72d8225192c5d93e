"""Places left: projects that seek participants, in the catalogue, on their own page and in their feed.

Seed 000 (March 2021): "Det finns platser kvar på Elings ark och Måla för hälsan".
The two projects carry `participants_until: 2021-06-30` (derived: the spring of
2021, see their YAML comments), so a build in April 2021 shows them first and a
build in 2026 does not.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project, mkdocs_build_on, run
from forening import participants
from forening.archive import Archive
from forening.links import Links
from forening.validate import Layout, load_archive
from lxml import etree

ATOM = {"a": "http://www.w3.org/2005/Atom"}
SEEKING = ["elings-ark", "mala-for-halsan"]


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def slug_of(item) -> str:  # noqa: ANN001 - a catalogue item
    return item.select_one("h3 a")["href"].strip("/").split("/")[-1]


def feed_entries(site: Path) -> list[dict[str, str]]:
    root = etree.parse(str(site / "projekt" / "soker-deltagare.xml")).getroot()
    return [{field: e.findtext(f"a:{field}", namespaces=ATOM) for field in ("id", "title", "updated", "summary")} for e in root.findall("a:entry", ATOM)]


@pytest.fixture(scope="module")
def april_2021(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's content built as on 1 April 2021."""
    site = tmp_path_factory.mktemp("april-2021")
    result = mkdocs_build_on("2021-04-01", ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def seeds() -> Archive:
    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    return archive


def test_in_spring_2021_the_two_projects_come_first_under_their_own_heading(april_2021: Path) -> None:
    page = soup(april_2021, "projekt")
    sections = page.select("section[data-fm-group]")
    assert [s.h2.get_text(strip=True) for s in sections] == ["Söker deltagare", "Individinriktade insatser", "Strukturinriktade insatser"]
    assert sections[0].h2["id"] == "soker-deltagare"
    first = sections[0].select("li[data-fm-item]")
    assert [slug_of(i) for i in first] == SEEKING
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in first[0].select("dt")}
    assert facts["Deltagare"] == "Tar emot deltagare till och med 30 juni 2021."
    # Listed once: not again in their orientation's section.
    every = [slug_of(i) for i in page.select("li[data-fm-item]")]
    assert len(every) == len(set(every)) == 17
    links = [a["href"] for a in sections[0].select("p a")]
    assert links == ["soker-deltagare/", "soker-deltagare.xml"]
    intro = page.select_one("article h1").find_next_siblings("p")[1].get_text(" ", strip=True)
    assert intro.startswith("Projekt som har platser kvar står först, under ”Söker deltagare”.")


def test_the_filter_offers_seeking_participants_and_marks_each_project(april_2021: Path, seeds: Archive) -> None:
    page = soup(april_2021, "projekt")
    select = page.select_one("form[data-fm-filter] select[name='deltagare']")
    assert page.select_one(f"label[for='{select['id']}']").get_text(strip=True) == "Deltagare"
    assert [(o["value"], o.get_text(strip=True)) for o in select.select("option")] == [("", "Alla"), ("soker", "Söker deltagare")]
    for item in page.select("li[data-fm-item]"):
        expected = ["soker"] if slug_of(item) in SEEKING else []
        assert json.loads(item["data-filter-deltagare"]) == expected
    assert len(page.select("li[data-fm-item]")) == len(seeds.projects)


def test_the_seeking_page_and_feed_list_them(april_2021: Path) -> None:
    page = soup(april_2021, "projekt/soker-deltagare")
    assert page.h1.get_text(strip=True) == "Söker deltagare"
    assert [a["href"] for a in page.select("article h2 a")] == ["../elings-ark/", "../mala-for-halsan/"]
    assert "1 april 2021" in page.article.get_text()
    entries = feed_entries(april_2021)
    # One id per time a project seeks: its page and its last day for new participants.
    assert [e["id"] for e in entries] == [f"https://example.invalid/projekt/{slug}/#soker-deltagare-2021-06-30" for slug in SEEKING]
    assert entries[0]["title"] == "Elings ark" and entries[0]["updated"] == "2021-03-01T00:00:00+01:00"  # the minutes that list it
    assert entries[0]["summary"].endswith("Tar emot deltagare till och med 30 juni 2021.")
    project = soup(april_2021, "projekt/elings-ark").select_one(".fm-seeking")
    assert "Tar emot deltagare till och med 30 juni 2021." in project.get_text()
    assert project.select_one("a")["href"] == "../soker-deltagare/"


def test_in_2026_the_statement_of_2021_is_not_shown_as_current(site: Path) -> None:
    page = soup(site, "projekt")
    assert page.find(id="soker-deltagare") is None
    intro = page.select_one("article h1").find_next_siblings("p")[1].get_text(" ", strip=True)
    assert intro.startswith("Just nu söker inga projekt deltagare.")  # no promise of a section that is not there
    assert "under ”Söker deltagare”" not in page.article.get_text()
    assert page.select_one("select[name='deltagare']") is None  # no filter that leads nowhere
    assert [h.get_text(strip=True) for h in page.select("section[data-fm-group] h2")] == ["Individinriktade insatser", "Strukturinriktade insatser"]
    seeking = soup(site, "projekt/soker-deltagare")
    assert "Just nu söker inga projekt deltagare." in seeking.article.get_text()
    assert feed_entries(site) == []
    assert soup(site, "projekt/elings-ark").select_one(".fm-seeking") is None


def test_the_empty_feed_is_dated_by_the_content_not_1970(site: Path, seeds: Archive) -> None:
    """No project seeks participants in 2026: the feed has no entries, but Atom needs its
    `updated`, and a reader shows it. It is the newest date of what the site publishes."""
    updated = etree.parse(str(site / "projekt" / "soker-deltagare.xml")).getroot().findtext("a:updated", namespaces=ATOM)
    assert updated == "2023-02-01T00:00:00+01:00"  # the newest minutes, as feed.xml's newest entry
    links = Links("https://example.invalid/", lambda entry: entry.source, lambda group: group)
    closed = participants.atom_feed(seeds, [], "Söker deltagare", "projekt/soker-deltagare.xml", "projekt/soker-deltagare/", links, dt.date(2021, 7, 2))
    assert etree.fromstring(closed).findtext("a:updated", namespaces=ATOM) == "2021-07-01T00:00:00+02:00"  # the places closed


def test_the_flag_turns_itself_off_the_day_after_until(seeds: Archive) -> None:
    project = seeds.projects["elings-ark"]
    assert participants.seeking(project, dt.date(2021, 6, 30))
    assert not participants.seeking(project, dt.date(2021, 7, 1))
    assert [p.slug for p in participants.seeking_projects(seeds, dt.date(2021, 6, 30))] == SEEKING
    assert participants.seeking_projects(seeds, dt.date(2021, 7, 1)) == []


def test_make_check_suggests_updating_a_passed_until() -> None:
    result = run([sys.executable, str(ROOT / "scripts" / "validate.py")], cwd=ROOT)
    assert result.returncode == 0
    assert "projects/elings-ark.md:18: förslag: participants_until: sista dag för nya deltagare var 2021-06-30" in result.stderr


FIXTURE = """\
---
title: Fixturprojekt <b>med plats</b>
summary: Påhittat projekt som tar emot deltagare.
status: pågående
kind: insats
open_for_participants: true
referral: Personer med "försörjningsstöd" & <i>aktivitetsersättning</i>
---

Fixtur.
"""


def test_a_project_without_until_and_with_referral_is_listed_escaped(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "projects" / "fixtur-platser.md").write_text(FIXTURE, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build_on("2030-01-01", root, site)
    assert result.returncode == 0, result.stderr
    referral = 'Personer med "försörjningsstöd" & <i>aktivitetsersättning</i>'
    catalogue = soup(site, "projekt")
    [item] = catalogue.select("#soker-deltagare ~ ul li[data-fm-item]")
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in item.select("dt")}
    assert facts["Deltagare"] == "Tar emot deltagare." and facts["Vem kan remitteras"] == referral
    assert item.select_one("i") is None and item.select_one("h3").get_text(strip=True) == "Fixturprojekt <b>med plats</b>"
    page = soup(site, "projekt/soker-deltagare")
    assert page.select_one("article i") is None and referral in page.article.get_text()
    [entry] = feed_entries(site)
    assert entry["title"] == "Fixturprojekt <b>med plats</b>" and entry["summary"].endswith(f"Vem kan remitteras: {referral}")
    assert entry["updated"] == "1970-01-01T00:00:00+01:00"  # no date in the content: a fixed one, never the build time
    # The feed itself is not dated by that entry: it has no date; the newest content's is used.
    assert etree.parse(str(site / "projekt" / "soker-deltagare.xml")).getroot().findtext("a:updated", namespaces=ATOM) == "2023-02-01T00:00:00+01:00"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("status: avslutat\nkind: projekt\nopen_for_participants: true\n", "projects/fixtur.md:6: open_for_participants: ett projekt med status `avslutat` kan inte ta emot deltagare"),
        ("status: pågående\nkind: projekt\nparticipants_until: 2021-06-30\n", "projects/fixtur.md:6: participants_until: `participants_until` gäller bara när projektet tar emot deltagare"),
        ("status: pågående\nkind: projekt\nopen_for_participants: ja\n", "projects/fixtur.md:6: open_for_participants: ska vara true eller false, inte `ja`"),
    ],
    ids=["ended project", "until without open", "not true or false"],
)
def test_rules_for_places_left(tmp_path: Path, lines: str, expected: str) -> None:
    root = copy_project(tmp_path / "project")
    (root / "projects" / "fixtur.md").write_text(f"---\ntitle: Fixtur\nsummary: Fixtur.\n{lines}---\n", encoding="utf-8")
    result = run([sys.executable, str(root / "scripts" / "validate.py"), "--root", str(root)], cwd=root)
    assert result.returncode == 1 and expected in result.stderr, result.stderr


def test_no_project_may_take_the_name_of_the_seeking_page(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "projects" / "soker-deltagare.md").write_text("---\ntitle: X\nsummary: Y.\nstatus: pågående\nkind: projekt\n---\n", encoding="utf-8")
    result = run([sys.executable, str(root / "scripts" / "validate.py"), "--root", str(root)], cwd=root)
    assert result.returncode == 1 and "projects/soker-deltagare.md:1: namnet `soker-deltagare` används av sidan" in result.stderr


def test_no_project_may_take_the_name_of_the_catalogue(tmp_path: Path) -> None:
    """projects/index.md once passed `make check` and stopped the build with "projekt/index.md finns redan i docs/"."""
    root = copy_project(tmp_path / "project")
    (root / "projects" / "index.md").write_text("---\ntitle: X\nsummary: Y.\nstatus: pågående\nkind: projekt\n---\n", encoding="utf-8")
    result = run([sys.executable, str(root / "scripts" / "validate.py"), "--root", str(root)], cwd=root)
    assert result.returncode == 1 and "projects/index.md:1: namnet `index` används av projektkatalogen" in result.stderr, result.stderr


def test_a_project_that_seeks_again_is_a_new_entry_and_the_feed_never_goes_back(tmp_path: Path) -> None:
    """Once the entry kept its 2021 id, so a reader who saw it then showed nothing new,
    and the feed's own date fell from 2023 (quiet since) back to the entry's 2021."""
    root = copy_project(tmp_path / "project")
    project = root / "projects" / "elings-ark.md"
    project.write_text(project.read_text(encoding="utf-8").replace("participants_until: 2021-06-30", "participants_until: 2026-12-31"), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build_on("2026-11-23", root, site)
    assert result.returncode == 0, result.stderr
    feed = etree.parse(str(site / "projekt" / "soker-deltagare.xml")).getroot()
    assert [e.findtext("a:id", namespaces=ATOM) for e in feed.findall("a:entry", ATOM)] == [
        "https://example.invalid/projekt/elings-ark/#soker-deltagare-2026-12-31"
    ]
    assert feed.findtext("a:updated", namespaces=ATOM) >= "2023-02-01"  # the newest minutes, not the entry's 2021
