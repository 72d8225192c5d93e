"""The "Nästa möte" section: one line per meeting, with or without a group."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from forening.importer.next_meetings import group_keys, parse_meeting
from importing import import_text, notes, real_archive

KEYS = group_keys({slug: group.name for slug, group in real_archive().groups.items()})
SEPTEMBER = dt.date(2023, 9, 12)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Norra: 5 maj kl. 9:00–11:45", {"group": "norra", "start": "2024-05-05T09:00", "end": "2024-05-05T11:45"}),
        ("Västra: 26 augusti kl. 13:15 - 16:00", {"group": "vastra", "start": "2024-08-26T13:15", "end": "2024-08-26T16:00"}),
        ("Beredningsgrupp östra: 3/10 kl 9-12", {"group": "ostra", "start": "2023-10-03T09:00", "end": "2023-10-03T12:00"}),
        ("tisdag 7 november 2023 kl. 09.00-11.45", {"group": "norra", "start": "2023-11-07T09:00", "end": "2023-11-07T11:45"}),
        ("26/9 kl. 13.30-16.00", {"group": "norra", "start": "2023-09-26T13:30", "end": "2023-09-26T16:00"}),
        ("- 19 januari kl 9-12", {"group": "norra", "start": "2024-01-19T09:00", "end": "2024-01-19T12:00"}),
        ("Gemensam heldag 21 april – digitalt", {"group": "gemensam", "start": "2024-04-21", "place": "digitalt", "note": "Gemensam heldag"}),
        ("Nästa möte: 17 oktober kl 13.15", {"group": "norra", "start": "2023-10-17T13:15"}),
        ("22/4 kl 13.30-16.00 Förbundschefermöte (Kipa ordf)", {"group": "norra", "start": "2024-04-22T13:30", "end": "2024-04-22T16:00", "note": "Förbundschefermöte (Kipa ordf)"}),
    ],
)  # fmt: skip
def test_meeting_lines(line: str, expected: dict) -> None:
    assert parse_meeting(line, "norra", KEYS, SEPTEMBER) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Styrelsen: 5 maj kl 9-12", "«Styrelsen» är ingen grupp i groups.yml"),
        ("Fokusområde: myndighetsgemensamma team", "inget datum"),
        ("Vi återkommer om tid", "inget datum"),
        ("Norra och västra 5 maj kl 9-12", "flera grupper på samma rad (norra, vastra); skriv ett möte per rad"),
        ("5 maj eller 6 maj kl 9-12", "flera datum på samma rad; skriv ett möte per rad"),
        ("31 juni kl 9-12", "31/6 2024 finns inte i kalendern"),
    ],
)
def test_lines_that_are_not_one_meeting_say_why(line: str, message: str) -> None:
    assert parse_meeting(line, "norra", KEYS, SEPTEMBER) == message


def test_a_fully_placed_section_leaves_the_body(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        Minnesanteckningar tisdag den 12 september 2023

        1. Välkommen

        2. Nästa möte

        Norra: 5 december kl. 9:00–11:45

        Västra: 19/1 kl 13.15-16.00
        """,
    )
    starts = [(m.group, m.start) for m in result.minutes.next_meetings]
    assert starts == [("norra", dt.datetime(2023, 12, 5, 9, 0)), ("vastra", dt.datetime(2024, 1, 19, 13, 15))]
    assert result.body == "## 1. Välkommen\n"
    assert result.notes == []


def test_a_section_with_other_text_stays_whole_and_the_rest_is_reported(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        2023-09-12

        1. Välkommen

        2. Tider för kommande möten

        17/10 kl 9-12

        Vi bokar lokal senare.

        3. Övrigt
        """,
    )
    assert [m.start for m in result.minutes.next_meetings] == [dt.datetime(2023, 10, 17, 9, 0)]
    assert "## 2. Tider för kommande möten\n\n17/10 kl 9-12\n\nVi bokar lokal senare." in result.body
    assert notes(result) == ["9: nästa möte: inget datum: «Vi bokar lokal senare.»; lägg in mötet för hand eller ta bort raden"]


def test_a_meeting_without_a_time_is_said_to_be_all_day_unless_it_says_heldag(tmp_path: Path) -> None:
    result = import_text(tmp_path, "2023-09-12\n\n1. Nästa möte\n\nNorra: 5 december\nGemensam heldag 21 april\n")
    assert [m.start for m in result.minutes.next_meetings] == [dt.date(2023, 12, 5)]
    assert [e.start for e in result.minutes.events] == [dt.date(2024, 4, 21)]
    assert notes(result)[0] == "5: nästa möte: ingen tid angiven, så mötet 2023-12-05 blir en heldag i kalendern; lägg till tid om det inte är en heldag"
    assert notes(result)[1].startswith("6: nästa möte: «Gemensam heldag 21 april» är en heldag och lades under events")


def test_a_heading_that_holds_the_meeting(tmp_path: Path) -> None:
    result = import_text(tmp_path, "## 1. Välkommen\n\n## 8. Nästa möte 24 augusti kl 9-12\n", suffix=".md", date=dt.date(2021, 5, 5))
    assert [(m.start, m.end) for m in result.minutes.next_meetings] == [(dt.datetime(2021, 8, 24, 9), dt.datetime(2021, 8, 24, 12))]
    assert result.body == "## 1. Välkommen\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Nästa möte 17/10 kl 9-11.30 på Stadshuset i Skövde.",
            {"group": "norra", "start": "2023-10-17T09:00", "end": "2023-10-17T11:30", "place": "Stadshuset i Skövde"},
        ),
        ("Därefter 14 november.", {"group": "norra", "start": "2023-11-14"}),
        ("Regional konferens 19 maj kl 9-12 i Skara", {"group": "norra", "start": "2024-05-19T09:00", "end": "2024-05-19T12:00", "place": "Skara", "note": "Regional konferens"}),
    ],
)
def test_a_named_place_is_the_place_and_lead_in_words_no_note(line: str, expected: dict) -> None:
    assert parse_meeting(line, "norra", KEYS, SEPTEMBER) == expected


def test_a_joint_day_is_an_event_not_a_meeting(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        Minnesanteckningar 1 mars 2021

        10. Nästa möte

        Gemensam heldag 21 april – digitalt

        Norra: 5 maj kl. 9:00–11:45
        """,
        group="norra",
    )
    assert [(m.group, m.start.isoformat()) for m in result.minutes.next_meetings] == [("norra", "2021-05-05T09:00:00")]
    assert [e.model_dump(exclude_defaults=True) for e in result.minutes.events] == [
        {"title": "Gemensam heldag", "kind": "heldag", "start": dt.date(2021, 4, 21), "place": "digitalt", "groups": ["gemensam"]}
    ]
    assert notes(result) == [
        "5: nästa möte: «Gemensam heldag 21 april – digitalt» är en heldag och lades under events (kind: heldag), inte som möte; "
        "den visas i kalendern för gemensam: lägg till groups (och audience) om fler grupper ska se den"
    ]
    assert "heldag" not in result.body
