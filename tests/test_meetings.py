"""Announced meetings from the real seed minutes: collected once each, in order, split by a date."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import ROOT
from forening.archive import Archive, MinutesEntry
from forening.events import split
from forening.meetings import collect, for_group, meeting_key
from forening.memo import FileText
from forening.schema import Minutes
from forening.validate import Layout, load_archive


@pytest.fixture(scope="module")
def archive() -> Archive:
    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    return archive


def test_seed_meetings_are_all_collected_in_date_order(archive: Archive) -> None:
    meetings = collect(archive)
    # The joint heldagar of 21 April 2021 and 25 April 2023 are events (test_events.py), not meetings.
    assert [m.key for m in meetings] == [
        "vastra-20210504T0900",
        "norra-20210505T0900",
        "ostra-20210506T1315",
        "norra-20210824T0900",
        "ostra-20210825T0900",
        "vastra-20210826T1315",
        "ostra-20220308T0900",
        "vastra-20220309T0900",
        "norra-20220310T0900",
        "gemensam-20230509T0900",
    ]
    assert {slug: len(for_group(meetings, slug)) for slug in archive.group_order} == {"norra": 3, "vastra": 3, "ostra": 3, "gemensam": 1}


def test_a_meeting_knows_its_announcement_and_its_own_minutes(archive: Archive) -> None:
    meetings = {m.key: m for m in collect(archive)}
    norra = meetings["norra-20210505T0900"]
    assert [e.key for e in norra.announced_in] == ["gemensam/2021-03-01"]
    assert norra.minutes is not None and norra.minutes.key == "norra/2021-05-05"  # the meeting was held and minuted
    assert norra.end == dt.datetime(2021, 5, 5, 11, 45)
    assert not norra.all_day
    assert meetings["norra-20210824T0900"].minutes is None


def test_the_same_meeting_announced_twice_is_one_meeting_with_the_newest_details(archive: Archive) -> None:
    reminder = Minutes.model_validate(
        {
            "date": "2021-06-15",
            "group": "ostra",
            "next_meetings": [{"group": "ostra", "start": "2021-08-25T09:00", "end": "2021-08-25T12:00", "place": "Fixturrummet"}],
        }
    )
    extra = MinutesEntry(meta=reminder, body_text=FileText("Fixtur."), source="minutes/ostra/2021-06-15.md", body_line=5)
    with_reminder = dataclasses.replace(archive, minutes=[*archive.minutes, extra])
    meetings = [m for m in collect(with_reminder) if m.key == "ostra-20210825T0900"]
    assert len(meetings) == 1
    assert [e.key for e in meetings[0].announced_in] == ["norra/2021-05-05", "ostra/2021-06-15"]
    assert meetings[0].details.place == "Fixturrummet" and meetings[0].end == dt.datetime(2021, 8, 25, 12, 0)
    assert len(collect(with_reminder)) == 10


def test_split_counts_today_as_coming_and_lists_the_past_newest_first(archive: Archive) -> None:
    coming, past = split(collect(archive), dt.date(2021, 8, 25))
    assert [m.key for m in coming][:2] == ["ostra-20210825T0900", "vastra-20210826T1315"]
    assert [m.key for m in past][:2] == ["norra-20210824T0900", "ostra-20210506T1315"]
    assert len(coming) + len(past) == 10
    coming, past = split(collect(archive), dt.date(2026, 11, 23))
    assert coming == [] and len(past) == 10


def test_meeting_key_names_group_and_start() -> None:
    timed = Minutes.model_validate({"date": "2021-01-01", "group": "norra", "next_meetings": [{"group": "norra", "start": "2021-08-24T09:00"}]})
    whole_day = Minutes.model_validate({"date": "2021-01-01", "group": "norra", "next_meetings": [{"group": "gemensam", "start": "2021-04-21"}]})
    assert meeting_key(timed.next_meetings[0]) == "norra-20210824T0900"
    assert meeting_key(whole_day.next_meetings[0]) == "gemensam-20210421"


def _with(archive: Archive, *announcements: tuple[str, str, list[dict]]) -> Archive:
    """The seed archive and fixture minutes (date, group, next_meetings), appended newest last."""
    extra = [
        MinutesEntry(
            meta=Minutes.model_validate({"date": day, "group": group, "next_meetings": announced}),
            body_text=FileText("Fixtur."),
            source=f"minutes/{group}/{day}.md",
            body_line=5,
        )
        for day, group, announced in announcements
    ]
    return dataclasses.replace(archive, minutes=[*archive.minutes, *extra])


def test_a_new_time_the_same_day_moves_the_meeting(archive: Archive) -> None:
    """Once both times stayed in every calendar: the old one was never taken back."""
    moved = _with(
        archive,
        ("2026-06-10", "norra", [{"group": "norra", "start": "2026-09-01T09:00"}]),
        ("2026-08-15", "norra", [{"group": "norra", "start": "2026-09-01T13:00", "note": "Flyttat från förmiddagen"}]),
    )
    status = {m.key: m.status for m in collect(moved) if m.key.startswith("norra-20260901")}
    assert status == {"norra-20260901T0900": "flyttat", "norra-20260901T1300": ""}


def test_a_reminder_of_one_session_does_not_move_the_other(archive: Archive) -> None:
    both = [{"group": "norra", "start": "2026-09-01T09:00"}, {"group": "norra", "start": "2026-09-01T13:00"}]
    reminded = _with(archive, ("2026-06-10", "norra", both), ("2026-08-15", "norra", both[:1]))
    assert {m.key: m.status for m in collect(reminded) if m.key.startswith("norra-20260901")} == {"norra-20260901T0900": "", "norra-20260901T1300": ""}


def test_a_cancelled_meeting_says_so(archive: Archive) -> None:
    cancelled = _with(
        archive,
        ("2026-06-10", "norra", [{"group": "norra", "start": "2026-09-01T09:00", "place": "Skövde"}]),
        ("2026-08-15", "norra", [{"group": "norra", "start": "2026-09-01T09:00", "cancelled": True}, {"group": "norra", "start": "2026-09-08T09:00"}]),
    )
    meetings = {m.key: m for m in collect(cancelled) if m.key.startswith("norra-2026")}
    assert {key: m.status for key, m in meetings.items()} == {"norra-20260901T0900": "inställt", "norra-20260908T0900": ""}
    assert [e.key for e in meetings["norra-20260901T0900"].announced_in] == ["norra/2026-06-10", "norra/2026-08-15"]
