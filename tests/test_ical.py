"""The built .ics feeds, read back with icalendar: real seed meetings, stable UIDs, Europe/Stockholm."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from conftest import ROOT, mkdocs_build, run
from forening.archive import MinutesEntry
from forening.ical import calendar_feed
from forening.links import Links
from forening.meetings import Meeting
from forening.memo import FileText
from forening.schema import Minutes
from forening.validate import Layout, load_archive
from icalendar import Calendar, Event

STOCKHOLM = ZoneInfo("Europe/Stockholm")
SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def read(path: Path) -> Calendar:
    assert path.is_file(), f"{path} was not built"
    calendar = Calendar.from_ical(path.read_bytes())
    calendar.validate()
    return calendar


def events(calendar: Calendar) -> dict[str, Event]:
    found = calendar.walk("VEVENT")
    uids = [str(e["UID"]) for e in found]
    assert len(uids) == len(set(uids)), "a meeting appears twice"
    return dict(zip(uids, found, strict=True))


def attendance_names() -> set[str]:
    """Everyone on a seed attendance list: none of them may appear in a feed."""
    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    names = {name for entry in archive.minutes for name in [*entry.meta.present, *entry.meta.absent]}
    assert len(names) > 40
    return names


def test_the_whole_calendar_holds_every_seed_meeting_once(site: Path) -> None:
    calendar = read(site / "kalender.ics")
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    found = events(calendar)
    # 10 announced meetings and 5 events of the association (test_events.py).
    assert len([uid for uid in found if not uid.startswith("evenemang-")]) == 10
    assert len(found) == 15
    assert all(uid.endswith("@example.invalid") for uid in found)
    for event in found.values():
        assert event["DTSTAMP"] and event["SUMMARY"] and str(event["URL"]).startswith(SITE_URL)


def test_norra_meets_24_august_2021_from_nine_to_quarter_to_twelve_stockholm_time(site: Path) -> None:
    event = events(read(site / "kalender" / "norra.ics"))["norra-20210824T0900@example.invalid"]
    assert event["DTSTART"].dt == dt.datetime(2021, 8, 24, 9, 0, tzinfo=STOCKHOLM)
    assert event["DTEND"].dt == dt.datetime(2021, 8, 24, 11, 45, tzinfo=STOCKHOLM)
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert str(event["SUMMARY"]) == "Beredningsgrupp norra: möte"
    # Linked to the minutes that announced it (seed 003), with an absolute URL.
    assert str(event["URL"]) == SITE_URL + "minnesanteckningar/norra/2021-05-05/"
    assert SITE_URL + "minnesanteckningar/norra/2021-05-05/" in str(event["DESCRIPTION"])


def test_ostra_and_vastra_meetings_of_may_2021(site: Path) -> None:
    ostra = events(read(site / "kalender" / "ostra.ics"))["ostra-20210506T1315@example.invalid"]
    assert ostra["DTSTART"].dt == dt.datetime(2021, 5, 6, 13, 15, tzinfo=STOCKHOLM)
    assert ostra["DTEND"].dt == dt.datetime(2021, 5, 6, 16, 0, tzinfo=STOCKHOLM)
    vastra = events(read(site / "kalender" / "vastra.ics"))["vastra-20210504T0900@example.invalid"]
    assert vastra["DTSTART"].dt == dt.datetime(2021, 5, 4, 9, 0, tzinfo=STOCKHOLM)
    assert str(vastra["URL"]) == SITE_URL + "minnesanteckningar/gemensam/2021-03-01/"


def test_joint_heldagar_are_all_day_events(site: Path) -> None:
    raw = (site / "kalender" / "gemensam.ics").read_bytes()
    assert b"DTSTART;VALUE=DATE:20210421" in raw and b"DTSTART;VALUE=DATE:20230425" in raw
    found = events(read(site / "kalender" / "gemensam.ics"))
    # One meeting of the joint group, and the five events (three of them for every group).
    assert sorted(found) == [
        "evenemang-heldag-20210421@example.invalid",
        "evenemang-heldag-20211013@example.invalid",
        "evenemang-konferens-20230829@example.invalid",
        "evenemang-omvarldsdag-20230425@example.invalid",
        "evenemang-oppet-hus-20210409@example.invalid",
        "gemensam-20230509T0900@example.invalid",
    ]
    heldag = found["evenemang-omvarldsdag-20230425@example.invalid"]
    assert heldag["DTSTART"].dt == dt.date(2023, 4, 25) and not isinstance(heldag["DTSTART"].dt, dt.datetime)
    assert heldag["DTEND"].dt == dt.date(2023, 4, 26)
    assert str(heldag["LOCATION"]) == "Science Park i Skövde"
    assert str(heldag["SUMMARY"]) == "Vårens omvärldsdag"
    assert found["evenemang-heldag-20210421@example.invalid"]["DTSTART"].dt == dt.date(2021, 4, 21)


def test_each_group_feed_holds_only_its_group(site: Path) -> None:
    total = 0
    for slug in ("norra", "vastra", "ostra", "gemensam"):
        found = [uid for uid in events(read(site / "kalender" / f"{slug}.ics")) if not uid.startswith("evenemang-")]
        assert found and all(uid.startswith(f"{slug}-") for uid in found)
        total += len(found)
    assert total == 10


def test_feeds_declare_the_stockholm_timezone_and_are_rfc5545_lines(site: Path) -> None:
    for path in [site / "kalender.ics", *sorted((site / "kalender").glob("*.ics"))]:
        calendar = read(path)
        assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
        raw = path.read_bytes()
        lines = raw.split(b"\r\n")
        assert lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b""), "lines must end in CRLF"
        assert max(len(line) for line in lines) <= 75, "lines must be folded at 75 octets"


def test_the_timezone_is_yearly_rules_that_agree_with_tzdata(site: Path) -> None:
    """Outlook for Windows misreads a VTIMEZONE of per-year RDATEs (summer meetings an
    hour off), so the feeds carry the EU rules; read back by dateutil, they must give
    tzdata's offset every day from 1996 to 2040, and every hour of the days it changes."""
    from dateutil import tz

    raw = (site / "kalender.ics").read_bytes()
    block = raw[raw.index(b"BEGIN:VTIMEZONE") : raw.index(b"END:VTIMEZONE") + len(b"END:VTIMEZONE\r\n")]
    assert b"RDATE" not in block and block.count(b"RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=") == 2
    readable = "".join(line for line in block.decode().splitlines(keepends=True) if not line.startswith("X-LIC-"))  # dateutil knows no X- hints
    rules = tz.tzical(io.StringIO(readable)).get("Europe/Stockholm")
    day = dt.datetime(1996, 1, 1, tzinfo=dt.UTC)
    while day.year <= 2040:
        changing = day.month in (3, 10) and day.day > 24 and day.weekday() == 6  # a last Sunday: every hour
        for instant in [day + dt.timedelta(hours=hour) for hour in range(24)] if changing else [day + dt.timedelta(hours=12)]:
            assert instant.astimezone(rules).utcoffset() == instant.astimezone(STOCKHOLM).utcoffset(), instant
        day += dt.timedelta(days=1)
    # The spring change at 02:00 local (01:00 UTC), not at 03:00: 01:30 UTC is already summer time.
    assert dt.datetime(2022, 3, 27, 1, 30, tzinfo=dt.UTC).astimezone(rules).strftime("%H:%M %z") == "03:30 +0200"
    for path in sorted((site / "kalender").glob("*.ics")):
        assert block in path.read_bytes(), "every feed carries the same block"


def test_no_attendance_name_in_any_calendar(site: Path) -> None:
    names = attendance_names()
    for path in [site / "kalender.ics", *(site / "kalender").glob("*.ics")]:
        text = Calendar.from_ical(path.read_bytes()).to_ical().decode()  # unfolded values, not raw lines
        unfolded = text.replace("\r\n ", "")
        assert not [name for name in names if name in unfolded], path


def test_two_builds_give_identical_calendars_whatever_the_build_date(project_copy: Path, tmp_path: Path) -> None:
    first, second, later = tmp_path / "first", tmp_path / "second", tmp_path / "later"
    assert mkdocs_build(project_copy, first).returncode == 0
    assert mkdocs_build(project_copy, second).returncode == 0
    build = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(later)]
    assert run(build, cwd=project_copy, SITE_TODAY="2021-06-01").returncode == 0
    feeds = ["kalender.ics", "kalender/norra.ics", "kalender/vastra.ics", "kalender/ostra.ics", "kalender/gemensam.ics"]
    for feed in feeds:
        assert set(events(read(first / feed))) == set(events(read(second / feed)))
        assert (first / feed).read_bytes() == (second / feed).read_bytes() == (later / feed).read_bytes(), feed


def _links() -> Links:
    return Links(site_url="https://fixture.example/", minutes_title=lambda e: f"Fixtur {e.date}", group_name=lambda slug: "Fixturgruppen")


def test_an_empty_calendar_is_still_valid() -> None:
    calendar = Calendar.from_ical(calendar_feed([], "Tom", _links()))
    calendar.validate()
    assert calendar.walk("VEVENT") == [] and len(calendar.walk("VTIMEZONE")) == 1


def test_text_with_ical_special_characters_round_trips() -> None:
    note = "Budget; tema, rum 3\\4\nTa med dator"
    minutes = Minutes.model_validate(
        {"date": "2024-01-10", "group": "fixtur", "next_meetings": [{"group": "fixtur", "start": "2024-02-01T09:00", "place": "Hus A; plan 2, rum 3", "note": note}]}
    )
    entry = MinutesEntry(meta=minutes, body_text=FileText(""), source="minutes/fixtur/2024-01-10.md", body_line=1)
    meeting = Meeting(details=minutes.next_meetings[0], announced_in=(entry,))
    event = events(Calendar.from_ical(calendar_feed([meeting], "Fixtur", _links())))["fixtur-20240201T0900@fixture.example"]
    assert str(event["LOCATION"]) == "Hus A; plan 2, rum 3"
    assert str(event["SUMMARY"]) == f"Fixturgruppen: {note}"
    assert str(event["DESCRIPTION"]).startswith(note + "\n")
    assert event["DTSTAMP"].dt == dt.datetime(2024, 1, 10, tzinfo=dt.UTC)  # from the minutes, not the clock
