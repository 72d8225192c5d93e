"""Events beside meetings: the association's joint days, open houses and conferences from the minutes.

Seed facts: 000 "Förbundet har öppat hus 9 april", "Heldagen 21 april kommer bli
helt digitalt" (2021); 003 "höstens heldag (13 oktober)" (2021); 002 "Den 25
april äger vårens omvärldsdag rum, ... Science Park i Skövde", "lunch till
lunchkonferens äger rum den 29–30 augusti" (2023). Seed 001's "Förslag på datum
är 3-4 maj" is a proposal, not an event, and is left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project, mkdocs_build_on, run
from forening import events
from forening.archive import Archive, MinutesEntry
from forening.meetings import collect as collect_meetings
from forening.memo import FileText
from forening.schema import Minutes
from forening.validate import Layout, load_archive
from icalendar import Calendar

KEYS = [
    "evenemang-oppet-hus-20210409",
    "evenemang-heldag-20210421",
    "evenemang-heldag-20211013",
    "evenemang-omvarldsdag-20230425",
    "evenemang-konferens-20230829",
]


@pytest.fixture(scope="module")
def seeds() -> Archive:
    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    return archive


def vevents(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    calendar.validate()
    return {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}


def test_the_seed_events_are_collected_once_in_date_order(seeds: Archive) -> None:
    found = events.collect(seeds)
    assert [e.key for e in found] == KEYS
    by_key = {e.key: e for e in found}
    heldag = by_key["evenemang-heldag-20210421"]
    assert heldag.all_day and heldag.details.place == "digitalt" and heldag.groups == ("gemensam", "norra", "vastra", "ostra")
    assert [e.key for e in heldag.announced_in] == ["gemensam/2021-03-01"]
    assert by_key["evenemang-oppet-hus-20210409"].groups == ("gemensam",)  # no groups named: the announcing group's
    omvarldsdag = by_key["evenemang-omvarldsdag-20230425"]
    assert omvarldsdag.details.place == "Science Park i Skövde" and omvarldsdag.details.audience == "Förbundets styrelse och beredningsgrupp"
    conference = by_key["evenemang-konferens-20230829"]
    assert (conference.day, conference.last_day) == (dt.date(2023, 8, 29), dt.date(2023, 8, 30))
    assert by_key["evenemang-heldag-20211013"].latest_announcement.key == "norra/2021-05-05"


def test_no_day_is_both_a_meeting_and_an_event(seeds: Archive) -> None:
    meeting_days = {(m.group, m.day) for m in collect_meetings(seeds) if m.all_day}
    assert meeting_days == set()  # the joint heldagar are events now, not all-day meetings
    assert len(collect_meetings(seeds)) == 10


def test_an_event_over_several_days_is_coming_until_its_last_day(seeds: Archive) -> None:
    timeline = events.timeline(collect_meetings(seeds), events.collect(seeds))
    coming, past = events.split(timeline, dt.date(2023, 8, 30))
    assert [i.key for i in coming] == ["evenemang-konferens-20230829"]
    coming, past = events.split(timeline, dt.date(2023, 8, 31))
    assert coming == [] and len(past) == 15 and past[0].key == "evenemang-konferens-20230829"


@pytest.fixture(scope="module")
def april_2021(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("april-2021")
    result = mkdocs_build_on("2021-04-01", ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


def test_the_calendar_lists_events_with_the_meetings(april_2021: Path) -> None:
    page = BeautifulSoup((april_2021 / "kalender" / "index.html").read_text(encoding="utf-8"), "lxml")
    coming = [li["id"] for li in page.select("ul.fm-meetings:not(.fm-meetings--past) > li")]
    assert coming[:3] == ["evenemang-oppet-hus-20210409", "evenemang-heldag-20210421", "vastra-20210504T0900"]
    assert [key for key in coming if key.startswith("evenemang-")] == KEYS
    heldag = " ".join(page.select_one("#evenemang-heldag-20210421").get_text().split())
    assert heldag.startswith("onsdag 21 april 2021 Heldag: Gemensam heldag, digitalt.")
    assert "För: Beredningsgrupperna västra, östra och norra" in heldag
    conference = " ".join(page.select_one("#evenemang-konferens-20230829").get_text().split())
    assert conference.startswith("tisdag 29 augusti 2023 – onsdag 30 augusti 2023 Konferens: Lunch till lunch-konferens.")
    assert page.select_one("#evenemang-heldag-20210421 .fm-archive__meta a")["href"] == "../minnesanteckningar/gemensam/2021-03-01/"


def test_the_minutes_page_lists_its_events_linked_to_the_calendar(april_2021: Path) -> None:
    page = BeautifulSoup((april_2021 / "minnesanteckningar" / "gemensam" / "2021-03-01" / "index.html").read_text(encoding="utf-8"), "lxml")
    section = page.select_one("section.fm-events")
    assert section.h2.get_text(strip=True) == "Evenemang"
    anchors = [a["href"].split("#")[1] for a in section.select("li a")]
    assert anchors == ["evenemang-oppet-hus-20210409", "evenemang-heldag-20210421"]
    calendar = BeautifulSoup((april_2021 / "kalender" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert all(calendar.find(id=anchor) is not None for anchor in anchors)
    # The heldag is no longer under "Nästa möte" as well.
    assert "heldag" not in page.select_one("section.fm-next").get_text().lower()


def test_the_feeds_carry_each_event_where_it_belongs(site: Path) -> None:
    every = vevents(site / "kalender.ics")
    assert [key for key in every if key.startswith("evenemang-")] == KEYS
    for slug in ("norra", "vastra", "ostra"):
        assert sorted(k for k in vevents(site / "kalender" / f"{slug}.ics") if k.startswith("evenemang-")) == [
            "evenemang-heldag-20210421",
            "evenemang-heldag-20211013",
        ], slug
    conference = every["evenemang-konferens-20230829"]
    assert conference["DTSTART"].dt == dt.date(2023, 8, 29) and conference["DTEND"].dt == dt.date(2023, 8, 31)  # exclusive end
    assert str(conference["SUMMARY"]) == "Lunch till lunch-konferens" and "LOCATION" not in conference  # the title names its kind
    assert [str(c) for c in conference["CATEGORIES"].cats] == ["Konferens"]
    heldag = every["evenemang-heldag-20211013"]
    assert str(heldag["SUMMARY"]) == "Höstens heldag"
    description = str(heldag["DESCRIPTION"])
    assert "För: Beredningsgrupperna och styrelsen" in description
    assert "https://example.invalid/minnesanteckningar/norra/2021-05-05/" in description
    assert heldag["DTSTAMP"].dt == dt.datetime(2021, 5, 5, tzinfo=dt.UTC)  # from the minutes, not the clock


def test_the_same_event_told_twice_is_one_event_with_the_newest_details(seeds: Archive) -> None:
    reminder = Minutes.model_validate(
        {
            "date": "2023-03-15",
            "group": "gemensam",
            "events": [{"title": "Vårens omvärldsdag", "kind": "omvärldsdag", "start": "2023-04-25", "place": "Fixturhuset"}],
        }
    )
    extra = MinutesEntry(meta=reminder, body_text=FileText("Fixtur."), source="minutes/gemensam/2023-03-15.md", body_line=5)
    found = [e for e in events.collect(dataclasses.replace(seeds, minutes=[*seeds.minutes, extra])) if e.key == "evenemang-omvarldsdag-20230425"]
    assert len(found) == 1
    assert found[0].details.place == "Fixturhuset" and [e.key for e in found[0].announced_in] == ["gemensam/2023-02-01", "gemensam/2023-03-15"]


TIMED = """\
---
date: 2024-01-10
group: vastra
title: Fixturmöte med en utbildning
events:
  - title: Fixtur <i>om SIP</i>
    kind: utbildning
    start: 2024-02-01T13:00
    end: 2024-02-01T16:30
    place: "Rum 3; plan 2, Fixturhuset"
    audience: Handläggare & remittenter
---

Fixtur.
"""


def test_a_timed_event_in_a_fixture_is_stockholm_time_and_escaped(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "minutes" / "vastra").mkdir()
    (root / "minutes" / "vastra" / "2024-01-10.md").write_text(TIMED, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build_on("2024-01-15", root, site)
    assert result.returncode == 0, result.stderr
    event = vevents(site / "kalender" / "vastra.ics")["evenemang-utbildning-20240201T1300"]
    stockholm = ZoneInfo("Europe/Stockholm")
    assert event["DTSTART"].dt == dt.datetime(2024, 2, 1, 13, 0, tzinfo=stockholm) and event["DTEND"].dt == dt.datetime(2024, 2, 1, 16, 30, tzinfo=stockholm)
    assert str(event["LOCATION"]) == "Rum 3; plan 2, Fixturhuset" and str(event["SUMMARY"]) == "Utbildning: Fixtur <i>om SIP</i>"
    assert "evenemang-utbildning-20240201T1300" not in vevents(site / "kalender" / "norra.ics")
    page = BeautifulSoup((site / "kalender" / "index.html").read_text(encoding="utf-8"), "lxml")
    item = page.select_one("#evenemang-utbildning-20240201T1300")
    assert item.select_one("i") is None
    assert " ".join(item.get_text().split()).startswith("torsdag 1 februari 2024 kl. 13:00–16:30 Utbildning: Fixtur <i>om SIP</i>, Rum 3; plan 2")


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        ("    start: 2023-08-29\n    end: 2023-08-28\n", "events[0].end: `end` (2023-08-28) måste vara efter `start` (2023-08-29)"),
        ("    start: 2023-08-29\n    end: 2023-08-29T12:00\n", "events[0].end: `end` ska vara av samma slag som `start`"),
        ("    start: 2023-08-29\n    groups: [mellersta]\n", "events[0].groups[0]: gruppen `mellersta` finns inte"),
        ("    start: 2023-08-29\n    kind2: x\n", "events[0].kind2: okänt fält"),
    ],
    ids=["end before start", "date and time mixed", "unknown group", "unknown field"],
)
def test_event_mistakes_have_their_line_and_message(tmp_path: Path, event: str, expected: str) -> None:
    root = copy_project(tmp_path / "project")
    (root / "minutes" / "vastra").mkdir()
    text = f"---\ndate: 2023-02-01\ngroup: vastra\nevents:\n  - title: Fixtur\n    kind: konferens\n{event}---\n"
    (root / "minutes" / "vastra" / "2023-02-01.md").write_text(text, encoding="utf-8")
    result = run([sys.executable, str(root / "scripts" / "validate.py"), "--root", str(root)], cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"minutes/vastra/2023-02-01.md:8: {expected}" in result.stderr, result.stderr  # the line after `start`


def test_an_unknown_kind_names_the_allowed_ones(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "minutes" / "vastra").mkdir()
    text = "---\ndate: 2023-02-01\ngroup: vastra\nevents:\n  - title: Fixtur\n    kind: fest\n    start: 2023-03-01\n---\n"
    (root / "minutes" / "vastra" / "2023-02-01.md").write_text(text, encoding="utf-8")
    result = run([sys.executable, str(root / "scripts" / "validate.py"), "--root", str(root)], cwd=root)
    assert "minutes/vastra/2023-02-01.md:6: events[0].kind: `fest` är inte tillåtet; skriv ett av: 'heldag', 'omvärldsdag'" in result.stderr, result.stderr


def test_two_events_alike_in_one_minutes_are_an_error(tmp_path: Path) -> None:
    """Kind and start name an event in the calendar: the second of two alike would be lost."""
    root = copy_project(tmp_path / "project")
    (root / "minutes" / "vastra").mkdir()
    text = (
        "---\ndate: 2026-05-06\ngroup: vastra\nevents:\n"
        "  - {title: Utbildning i lösningsfokus för chefer, kind: utbildning, start: 2026-10-20}\n"
        "  - {title: SIP-utbildning, kind: utbildning, start: 2026-10-20, place: Lidköping}\n---\n"
    )
    (root / "minutes" / "vastra" / "2026-05-06.md").write_text(text, encoding="utf-8")
    result = run([sys.executable, str(root / "scripts" / "validate.py"), "--root", str(root)], cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        "minutes/vastra/2026-05-06.md:4: events: två evenemang av slaget utbildning börjar 2026-10-20 "
        "(”Utbildning i lösningsfokus för chefer” och ”SIP-utbildning”); kalendern kan bara visa det ena."
    ) in result.stderr, result.stderr
