"""iCalendar feeds (RFC 5545) of announced meetings, written with the icalendar library.

A member subscribes once and her phone keeps the group's meetings. That only
works if the feed is stable: a UID names the meeting (group + start), never the
build, and DTSTAMP comes from the minutes that announced the meeting, never the
clock, so two builds of the same content give the same bytes and calendar apps
do not see every meeting as changed every day.

The feeds hold every meeting, past ones too, so they do not depend on the build
date either. Nothing from attendance lists goes in (privacy): only group, time,
place, note and links.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from collections.abc import Callable, Sequence

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vDuration

from .events import AnnouncedEvent
from .links import Links
from .meetings import Meeting

TZID = "Europe/Stockholm"
ZONE = ZoneInfo(TZID)
REFRESH = dt.timedelta(days=1)  # the site is rebuilt daily; tell calendar apps to look again as often


def calendar_feed(
    meetings: list[Meeting], name: str, links: Links, events: Sequence[AnnouncedEvent] = (), written: dict[str, bytes] | None = None
) -> bytes:
    """One VCALENDAR named `name`: a VEVENT per meeting and per event, and the Europe/Stockholm VTIMEZONE.

    `written` keeps each VEVENT's bytes across the feeds of one build: a meeting is
    in the site's feed and in its group's, and writing it once halves the work.
    """
    calendar = Calendar()
    calendar.add("prodid", f"-//{links.host}//Kalender//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))  # the same hint for Outlook
    # Always declared, so a feed without meetings still holds a component (RFC 5545 needs one).
    calendar.add_component(_stockholm())
    calendar.validate()
    # icalendar writes a calendar as its lines, then each component's, then END:VCALENDAR;
    # the events go before that last line exactly as `calendar.add_component` would put them.
    head = calendar.to_ical()
    assert head.endswith(_END), "icalendar ends a calendar with END:VCALENDAR"
    written = {} if written is None else written
    parts = [head[: -len(_END)]]
    for meeting in meetings:
        parts.append(_written(written, f"meeting {meeting.key}", lambda: _event(meeting, links)))
    for happening in events:
        parts.append(_written(written, f"event {happening.key}", lambda: _association_event(happening, links)))
    parts.append(_END)
    return b"".join(parts)


_END = b"END:VCALENDAR\r\n"


def _written(written: dict[str, bytes], key: str, make: Callable[[], Event]) -> bytes:
    if key not in written:
        written[key] = make().to_ical()
    return written[key]


def uid(meeting: Meeting, host: str) -> str:
    """Stable across builds and announcements: `norra-20210824T0900@example.org`."""
    return f"{meeting.key}@{host}"


def _event(meeting: Meeting, links: Links) -> Event:
    event = Event()
    event.add("uid", uid(meeting, links.host))
    # When the newest announcement was written: changes only when the content does.
    event.add("dtstamp", dt.datetime.combine(meeting.latest_announcement.date, dt.time(0), tzinfo=dt.UTC))
    details = meeting.details
    group = links.group_name(meeting.group)
    event.add("summary", _status(meeting.status) + (f"{group}: {details.note}" if details.note else f"{group}: möte"))
    if meeting.status:
        event.add("status", "CANCELLED")  # calendar apps strike it through; the summary says why
    if meeting.all_day:
        # VALUE=DATE; DTEND is the next day (exclusive), as calendar apps expect.
        event.add("dtstart", meeting.day)
        event.add("dtend", meeting.day + dt.timedelta(days=1))
    else:
        event.add("dtstart", details.start.replace(tzinfo=ZONE))  # type: ignore[union-attr]
        if details.end is not None:
            event.add("dtend", details.end.replace(tzinfo=ZONE))
    if details.place:
        event.add("location", details.place)
    event.add("url", links.minutes(meeting.latest_announcement))
    lines = [details.note] if details.note else []
    lines += [f"Annonserat i {links.minutes_title(entry)}: {links.minutes(entry)}" for entry in reversed(meeting.announced_in)]
    if meeting.minutes is not None:
        lines.append(f"Minnesanteckningar från mötet: {links.minutes(meeting.minutes)}")
    event.add("description", "\n".join(lines))
    return event


def _association_event(happening: AnnouncedEvent, links: Links) -> Event:
    """A joint day, open house, conference or study trip: UID from kind and start, like a meeting's."""
    event = Event()
    event.add("uid", f"{happening.key}@{links.host}")
    event.add("dtstamp", dt.datetime.combine(happening.latest_announcement.date, dt.time(0), tzinfo=dt.UTC))
    details = happening.details
    # "Vårens omvärldsdag" says what it is; "Lunch till lunch" gets its kind: "Konferens: Lunch till lunch".
    event.add("summary", _status(happening.status) + (details.title if details.kind in details.title.lower() else f"{happening.kind_label}: {details.title}"))
    if happening.status:
        event.add("status", "CANCELLED")
    event.add("categories", [happening.kind_label])
    if happening.all_day:
        event.add("dtstart", happening.day)
        event.add("dtend", happening.last_day + dt.timedelta(days=1))  # exclusive, as for a heldag meeting
    else:
        event.add("dtstart", details.start.replace(tzinfo=ZONE))  # type: ignore[union-attr]
        if details.end is not None:
            event.add("dtend", details.end.replace(tzinfo=ZONE))  # type: ignore[union-attr]
    if details.place:
        event.add("location", details.place)
    event.add("url", links.minutes(happening.latest_announcement))
    lines = [details.note] if details.note else []
    if details.audience:
        lines.append(f"För: {details.audience}")
    lines += [f"Berättat om i {links.minutes_title(entry)}: {links.minutes(entry)}" for entry in reversed(happening.announced_in)]
    event.add("description", "\n".join(lines))
    return event


def _status(status: str) -> str:
    """"Inställt: " or "Flyttat: " before the summary, for apps that do not show STATUS."""
    return f"{status.capitalize()}: " if status else ""


def _stockholm() -> Timezone:
    """Europe/Stockholm as two yearly rules: summer time from the last Sunday of March at
    02:00 to the last Sunday of October at 03:00, as the EU has had it since 1996.

    The same block in every feed, whatever the meetings' years: Outlook for Windows,
    which the members' workplaces use, misreads a VTIMEZONE that lists each year's
    changes as RDATEs (the form icalendar's `Timezone.from_tzid` writes) and shows
    summer meetings an hour off; Google and Microsoft export these rules themselves.
    Each DTSTART is the local time just before the change (RFC 5545 3.6.5).
    """
    timezone = Timezone()
    timezone.add("tzid", TZID)
    timezone.add("x-lic-location", TZID)
    for part, name, before, after, start, month in (
        (TimezoneDaylight(), "CEST", 1, 2, dt.datetime(1996, 3, 31, 2, 0), 3),
        (TimezoneStandard(), "CET", 2, 1, dt.datetime(1996, 10, 27, 3, 0), 10),
    ):
        part.add("tzname", name)
        part.add("tzoffsetfrom", dt.timedelta(hours=before))
        part.add("tzoffsetto", dt.timedelta(hours=after))
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        timezone.add_component(part)
    return timezone
