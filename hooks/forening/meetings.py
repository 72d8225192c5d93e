"""Announced meetings: every minutes' `next_meetings`, gathered into one calendar.

The same meeting is often announced again in later minutes (a reminder, a new
place). It is one meeting: the calendar page, the .ics feeds and their UIDs all
see it once, identified by group and start, and keep every minutes that
announced it so readers can follow the link back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .archive import Archive, MinutesEntry
from .schema import NextMeeting


@dataclass(frozen=True)
class Meeting:
    """One announced meeting. `details` comes from the newest announcement."""

    details: NextMeeting
    announced_in: tuple[MinutesEntry, ...]  # oldest first; never empty
    minutes: MinutesEntry | None = None  # the minutes of this meeting itself, once written
    moved: bool = False  # a later announcement gave the group another time that day

    @property
    def status(self) -> str:
        """"inställt", "flyttat" or "" (as planned): shown before the meeting and in its feed entry."""
        return "inställt" if self.details.cancelled else "flyttat" if self.moved else ""

    @property
    def group(self) -> str:
        return self.details.group

    @property
    def start(self) -> dt.date | dt.datetime:
        return self.details.start

    @property
    def end(self) -> dt.datetime | None:
        return self.details.end

    @property
    def all_day(self) -> bool:
        """A start without a clock time: the whole day (e.g. a joint heldag)."""
        return not isinstance(self.start, dt.datetime)

    @property
    def day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def key(self) -> str:
        return meeting_key(self.details)

    @property
    def latest_announcement(self) -> MinutesEntry:
        return self.announced_in[-1]


def meeting_key(announced: NextMeeting) -> str:
    """Group and start, e.g. `norra-20210824T0900` or `gemensam-20210421`.

    It names the meeting, not the file that announced it, so the iCal UID and
    the calendar page's anchor stay the same however often the meeting is
    announced, and from one build to the next.
    """
    start = announced.start
    stamp = f"{start:%Y%m%dT%H%M}" if isinstance(start, dt.datetime) else f"{start:%Y%m%d}"
    return f"{announced.group}-{stamp}"


def collect(archive: Archive) -> list[Meeting]:
    """Every announced meeting once, in date order (then group order).

    When minutes disagree about a meeting (a new place, a new end time), the
    newest minutes win: they carry the latest word from the group.
    """
    found: dict[str, tuple[NextMeeting, list[MinutesEntry]]] = {}
    for entry in archive.minutes:  # oldest first, so later announcements overwrite details
        for announced in entry.meta.next_meetings:
            key = meeting_key(announced)
            _, sources = found.get(key, (announced, []))
            if entry not in sources:
                sources.append(entry)
            found[key] = (announced, sources)
    held = {(m.group, m.date): m for m in archive.minutes if m.meta.date_precision == "day"}
    order = {slug: i for i, slug in enumerate(archive.group_order)}
    moved = _moved(archive, found)
    meetings = [
        Meeting(details=details, announced_in=tuple(sources), minutes=held.get((details.group, _day(details.start))), moved=key in moved)
        for key, (details, sources) in found.items()
    ]
    return sorted(meetings, key=lambda m: (m.day, _clock(m.start), order.get(m.group, len(order)), m.group))


def _moved(archive: Archive, found: dict[str, tuple[NextMeeting, list[MinutesEntry]]]) -> set[str]:
    """The meetings a later announcement moved to another time the same day.

    A group meets once a day: when minutes announce it at a time that no earlier
    word on that day named, a time announced before that, and not again since, is
    the old one. (A reminder of both of two sessions keeps both.) Moving a meeting
    to another day takes `cancelled: true` on the old one (see NextMeeting)."""
    position = {entry.key: i for i, entry in enumerate(archive.minutes)}
    by_day: dict[tuple[str, dt.date], list[tuple[str, int, int]]] = {}
    for key, (details, sources) in found.items():
        first, last = position[sources[0].key], position[sources[-1].key]
        by_day.setdefault((details.group, _day(details.start)), []).append((key, first, last))
    return {
        key for same_day in by_day.values() if len(same_day) > 1 for key, _, last in same_day if any(first > last for _, first, _ in same_day)
    }


def for_group(meetings: list[Meeting], group: str) -> list[Meeting]:
    return [m for m in meetings if m.group == group]


def _day(start: dt.date | dt.datetime) -> dt.date:
    return start.date() if isinstance(start, dt.datetime) else start


def _clock(start: dt.date | dt.datetime) -> dt.time:
    """All-day meetings sort before timed ones on the same day."""
    return start.time() if isinstance(start, dt.datetime) else dt.time.min
