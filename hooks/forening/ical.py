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

from icalendar import Calendar, Event, Timezone, vDuration

from .links import Links
from .meetings import Meeting

TZID = "Europe/Stockholm"
ZONE = ZoneInfo(TZID)
REFRESH = dt.timedelta(days=1)  # the site is rebuilt daily; tell calendar apps to look again as often


def calendar_feed(meetings: list[Meeting], name: str, links: Links, events: dict[str, Event] | None = None) -> bytes:
    """One VCALENDAR named `name`: a VEVENT per meeting, and the Europe/Stockholm VTIMEZONE.

    `events`, shared between the feeds of one build, keeps each meeting's VEVENT so
    the site-wide feed and the group's feed build it once.
    """
    events = {} if events is None else events
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
    calendar.add_component(_timezone(meetings))
    for meeting in meetings:
        if meeting.key not in events:
            events[meeting.key] = _event(meeting, links)
        calendar.add_component(events[meeting.key])
    calendar.validate()
    return calendar.to_ical()


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
    event.add("summary", f"{group}: {details.note}" if details.note else f"{group}: möte")
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


def _timezone(meetings: list[Meeting]) -> Timezone:
    """Europe/Stockholm from tzdata, for the years the meetings span (and the next)."""
    years = [m.day.year for m in meetings] or [Timezone.DEFAULT_FIRST_DATE.year]
    first, last = dt.date(min(years), 1, 1), dt.date(max(years) + 2, 1, 1)
    return Timezone.from_tzid(TZID, first_date=first, last_date=last)
