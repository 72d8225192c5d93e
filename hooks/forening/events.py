"""The association's events beside the groups' meetings: every minutes' `events`, once each.

Joint days (heldag, omvärldsdag), open houses, conferences and study trips are
told in the minutes like meetings are. Members should find them in the same
calendar as their meetings, so the calendar page and the .ics feeds show both,
in one date order (`timeline`). Like a meeting, an event told again in later
minutes is one event: it is named by kind and start (`evenemang-heldag-20210421`),
which gives the calendar anchor and the iCal UID, and the newest minutes give its
details.

An event shows in the calendar of each group in its `groups`, or of the group
that wrote the minutes when it names none. Nothing from attendance lists goes
into an event (privacy).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .archive import Archive, MinutesEntry
from .meetings import Meeting
from .schema import EVENT_KINDS, Event

PREFIX = "evenemang"  # keeps event keys apart from meeting keys (`<group>-...`)


@dataclass(frozen=True)
class AnnouncedEvent:
    """One event. `details` come from the newest minutes that tell of it."""

    details: Event
    announced_in: tuple[MinutesEntry, ...]  # oldest first; never empty

    @property
    def key(self) -> str:
        return event_key(self.details)

    @property
    def start(self) -> dt.date | dt.datetime:
        return self.details.start

    @property
    def end(self) -> dt.date | dt.datetime | None:
        return self.details.end

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def day(self) -> dt.date:
        return _day(self.start)

    @property
    def last_day(self) -> dt.date:
        """The day it ends: an event over several days is coming until its last day has passed."""
        return _day(self.end) if self.end is not None else self.day

    @property
    def groups(self) -> tuple[str, ...]:
        """The groups whose calendars show it."""
        return tuple(self.details.groups) or (self.latest_announcement.group,)

    @property
    def latest_announcement(self) -> MinutesEntry:
        return self.announced_in[-1]

    @property
    def kind_label(self) -> str:
        return kind_label(self.details.kind)

    @property
    def status(self) -> str:
        """"inställt" or "" (as planned), as a meeting's."""
        return "inställt" if self.details.cancelled else ""


def kind_label(kind: str) -> str:
    return kind[:1].upper() + kind[1:]


def event_key(event: Event) -> str:
    """Kind and start, e.g. `evenemang-heldag-20210421` or `evenemang-oppet-hus-20210409T1300`."""
    kind = event.kind.translate(str.maketrans("åäö ", "aao-"))
    start = event.start
    stamp = f"{start:%Y%m%dT%H%M}" if isinstance(start, dt.datetime) else f"{start:%Y%m%d}"
    return f"{PREFIX}-{kind}-{stamp}"


def collect(archive: Archive) -> list[AnnouncedEvent]:
    """Every event once, in date order; when minutes disagree, the newest win."""
    found: dict[str, tuple[Event, list[MinutesEntry]]] = {}
    for entry in archive.minutes:  # oldest first
        for event in entry.meta.events:
            key = event_key(event)
            _, sources = found.get(key, (event, []))
            if entry not in sources:
                sources.append(entry)
            found[key] = (event, sources)
    events = [AnnouncedEvent(details=details, announced_in=tuple(sources)) for details, sources in found.values()]
    return sorted(events, key=lambda e: (e.day, _clock(e.start), EVENT_KINDS.index(e.details.kind), e.details.title))


def for_group(events: list[AnnouncedEvent], group: str) -> list[AnnouncedEvent]:
    return [e for e in events if group in e.groups]


Item = Meeting | AnnouncedEvent


def timeline(meetings: list[Meeting], events: list[AnnouncedEvent]) -> list[Item]:
    """Meetings and events in one date order; on the same day all-day items first, events before meetings."""
    return sorted([*events, *meetings], key=lambda i: (i.day, _clock(i.start), 0 if is_event(i) else 1))


def split(items: list[Item], today: dt.date) -> tuple[list[Item], list[Item]]:
    """Coming (soonest first, today included; an event until its last day) and past (most
    recent first). "Today" is the build date: the site has to be rebuilt for a meeting to
    move from coming to past (see README, "The build date")."""
    coming = [i for i in items if _last_day(i) >= today]
    past = [i for i in reversed(items) if _last_day(i) < today]
    return coming, past


def is_event(item: Item) -> bool:
    return isinstance(item, AnnouncedEvent)


def _last_day(item: Item) -> dt.date:
    return item.last_day if isinstance(item, AnnouncedEvent) else item.day


def _day(moment: dt.date | dt.datetime) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def _clock(start: dt.date | dt.datetime) -> dt.time:
    return start.time() if isinstance(start, dt.datetime) else dt.time.min
