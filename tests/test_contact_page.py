"""/kontakt/ and /personuppgifter/ on the real site: members as groups.yml lists them,
and nothing about meetings or attendance."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from forening import dates
from forening.archive import Archive
from forening.contact_page import alphabetical
from forening.schema import Group, Member
from forening.validate import Layout, load_archive

MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"


@pytest.fixture(scope="module")
def archive() -> Archive:
    result, problems = load_archive(Layout(root=ROOT))
    assert result is not None, problems
    return result


def soup_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def test_groups_and_members_as_in_groups_yml(site: Path, archive: Archive) -> None:
    soup = soup_of(site, "kontakt")
    assert soup.h1.get_text(strip=True) == "Kontakt"
    for slug in archive.group_order:
        group = archive.groups[slug]
        heading = soup.select_one(f"h3#grupp-{slug}")
        assert heading is not None and heading.get_text(strip=True).rstrip("¶") == group.name
        listed = heading.find_next_sibling(["ul", "p"])
        expected = [", ".join(filter(None, [m.name, m.role, m.workplace])) for m in alphabetical(group)]
        if expected:
            # How old the list is, so that nobody reads a list of 2022 as today's.
            assert listed.get_text(strip=True) == f"Enligt uppgift från {group.members_date.year}:"
            listed = listed.find_next_sibling("ul")
            assert [li.get_text(strip=True) for li in listed.select("li")] == expected
        else:
            assert listed.get_text(strip=True) == "Gruppens ledamöter är inte publicerade."
    assert "Kristian Lagerström, Enhetschef, Arbetsmarknadsenheten i Karlsborg" in soup.get_text()


def test_members_are_listed_alphabetically_not_in_the_files_order(site: Path, archive: Archive) -> None:
    """groups.yml often holds a meeting's present list followed by its absent list: in
    that order the page would tell who was absent after retention hid the names."""
    norra = [li.get_text(strip=True) for li in soup_of(site, "kontakt").select_one("h3#grupp-norra").find_next_sibling("ul").select("li")]
    assert [m.name for m in archive.groups["norra"].members] != norra  # the file's order is another
    assert norra[:3] == ["Anitta Into", "Annika Bengtzing", "Annika Sundin Gustafson"]
    group = Group(name="G", members=[Member(name=n) for n in ["Örjan Ek", "Åsa Berg", "Ärla Dahl", "Zara Al", "Anna Öberg", "anna Ceder"]])
    assert [m.name for m in alphabetical(group)] == ["anna Ceder", "Anna Öberg", "Zara Al", "Åsa Berg", "Ärla Dahl", "Örjan Ek"]


def test_no_attendance_and_no_meeting_dates(site: Path, archive: Archive) -> None:
    html = (site / "kontakt" / "index.html").read_text(encoding="utf-8")
    members = {m.name for g in archive.groups.values() for m in g.members}
    attendance_only = {n for e in archive.minutes for n in e.meta.present + e.meta.absent if n not in members}
    attendance_only |= {n.split(" (")[0] for n in attendance_only}
    assert "Sara Kristiansson" in attendance_only and "Caroline Carlsson" in attendance_only  # the test sees real cases
    assert [n for n in sorted(attendance_only) if n in html] == []

    meeting_dates = {e.date for e in archive.minutes} | {m.start for e in archive.minutes for m in e.meta.next_meetings}
    for day in meeting_dates:
        plain = day.date() if hasattr(day, "date") else day
        for written in (plain.isoformat(), dates.long_date(plain), dates.weekday_date(plain)):
            assert written not in html, written
    article = soup_of(site, "kontakt").select_one("article")
    text = article.get_text(" ", strip=True)
    assert article.select("time") == []
    assert not re.search(rf"\b({MONTHS}) \d{{4}}\b", text)
    assert not re.search(r"\b\d{1,2}[:.]\d{2}\b", text)
    assert not re.search(r"närvar|frånvar|nästa möte", text, re.IGNORECASE)


def test_without_function_contacts_the_page_points_to_the_website(site: Path) -> None:
    soup = soup_of(site, "kontakt")
    section = soup.select_one("section.fm-contact")
    assert [a["href"] for a in section.select("a")] == ["https://www.samordningsforbundetskaraborg.se/"]
    assert not soup.select('a[href^="tel:"], a[href^="mailto:"]')


def test_kontakt_and_personuppgifter_are_in_the_navigation(site: Path) -> None:
    nav = {a.get_text(strip=True): a["href"] for a in soup_of(site, "").select("nav.md-nav--primary a.md-nav__link")}
    assert nav["Kontakt"] == "kontakt/" and nav["Personuppgifter"] == "personuppgifter/"


def test_privacy_notice(site: Path) -> None:
    soup = soup_of(site, "personuppgifter")
    text = soup.select_one("article").get_text(" ", strip=True)
    headings = [h.get_text(strip=True).rstrip("¶") for h in soup.select("article h2")]
    assert headings == [
        "Vilka uppgifter som publiceras",
        "Varför uppgifterna publiceras",
        "Hur länge uppgifterna finns kvar",
        "Rättelse och borttagning",
        "Kontakt",
        "Kakor och lagring i webbläsaren",
    ]
    for words in ("artikel 6.1 e", "inga kakor", "localStorage", ".__palette", "sessionStorage", "Integritetsskyddsmyndigheten"):
        assert words in text, words
    links = [a["href"] for a in soup.select("article a")]
    assert "../kontakt/" in links and "../minnesanteckningar/norra/2021-05-05/" in links
