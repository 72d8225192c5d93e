"""Turn one set of minutes into a validated `Minutes` record and a Markdown body.

The readers run in a fixed order, each claiming the lines it used: agenda
headings, attendance and signatures, decisions, the head (date, time, place),
then the next-meeting section, which needs the meeting's date for its years.
Projects are looked for in everything that is not a name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import ValidationError

from ..archive import Archive
from ..schema import Minutes
from .agenda import find_headings
from .attendance import read_attendance
from .body import build_body
from .decisions import read_decisions
from .header import read_head
from .next_meetings import read_next_meetings
from .projects import find_projects
from .reading import Kind, Note, Reading
from .source import Source


class ImportStop(Exception):
    """The importer cannot produce a file; the message tells the editor what to do."""


@dataclass(frozen=True)
class Imported:
    minutes: Minutes
    body: str
    notes: list[Note]


def import_minutes(
    source: Source,
    group: str,
    archive: Archive,
    date: dt.date | None = None,
    precision: str = "day",
) -> Imported:
    """Read `source` as minutes of `group`. `date` (the editor's `--date`) wins over the text's."""
    if group not in archive.groups:
        raise ImportStop(f"gruppen `{group}` finns inte i minutes/groups.yml; använd en av: {', '.join(archive.groups)}")
    reading = Reading(source.lines, find_headings(source.lines))
    reading.notes += [Note(line, message) for line, message in source.notes]
    attendance = read_attendance(reading, [member.name for g in archive.groups.values() for member in g.members])
    decisions = read_decisions(reading)
    head = read_head(reading)
    if date is None and head.date is None:
        why = f" ({head.doubt})" if head.doubt else ""
        raise ImportStop(
            f"{source.name}: hittade inget mötesdatum i rubriken, på en rad «Datum:» eller i de första raderna{why}; "
            "ange datumet med --date ÅÅÅÅ-MM-DD (eller --date ÅÅÅÅ-MM om bara månaden är känd)"
        )
    if date is not None and head.date is not None and (head.date != date or head.precision != precision):
        reading.note(head.at if head.at is not None else 0, f"datum: texten anger {head.date}, men --date {date} används")
    meeting_date = date or head.date
    assert meeting_date is not None
    if date is not None:
        head.precision = precision
    groups = {slug: g.name for slug, g in archive.groups.items()}
    coming = read_next_meetings(reading, group, groups, meeting_date)
    names = {Kind.ATTENDANCE, Kind.ROLE}
    texts = [line.text for i, line in enumerate(reading.lines) if reading.claims.get(i) not in names]
    data = {
        "date": meeting_date.isoformat(),
        "date_precision": head.precision,
        "group": group,
        "start": head.start.strftime("%H:%M") if head.start else None,
        "end": head.end.strftime("%H:%M") if head.end and head.start else None,
        "place": head.place,
        "present": attendance.present,
        "absent": attendance.absent,
        "chair": attendance.chair,
        "secretary": attendance.secretary,
        "projects": find_projects(texts, archive.projects),
        "decisions": decisions,
        "next_meetings": coming.meetings,
        "events": coming.events,
    }
    try:
        minutes = Minutes.model_validate({key: value for key, value in data.items() if value is not None})
    except ValidationError as exc:
        found = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False))
        raise ImportStop(f"{source.name}: det inlästa klarar inte kontrollen ({found}); rätta originalet eller skriv filen för hand") from None
    # By line, and within a line (a Word table is one paragraph number) in the order they were found.
    return Imported(minutes=minutes, body=build_body(reading, source.markdown), notes=sorted(reading.notes, key=lambda note: note.line))
