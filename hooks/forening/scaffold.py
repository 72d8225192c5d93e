"""Start the minutes of a coming meeting with what the archive already knows.

The group's members are listed as present, for the secretary to move those who
did not come to `absent`. Time and place come from the announced meeting of this
group on this date (`meetings.collect`, the calendar's own list: the newest
announcement wins). Seed 000 announced "Norra: 5 maj kl. 9:00–11:45", so
norra's 2021-05-05 starts at 09:00. The body
holds the agenda items every seed has: Välkommen, Inledning, Rapport från
styrelsemötet and Övrigt. The seeds' last item, Nästa möte, goes into
`next_meetings`, which the site shows under that heading itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .archive import Archive, MinutesEntry
from .meetings import Meeting, collect
from .schema import Minutes

# Recurring items of seeds 000–003, in their order.
USUAL_AGENDA = ("Välkommen", "Inledning", "Rapport från styrelsemötet", "Övrigt")

# Fields written even when empty, so the secretary sees where things go.
SHOWN_EMPTY = ("present", "absent", "projects", "decisions", "next_meetings")
# An empty list is written `absent:` (the schema reads it as []): the comment says how to fill it.
EMPTY_LIST_NOTE = "Skriv ett per rad under fältet, med `  - ` först."


@dataclass(frozen=True)
class Scaffold:
    minutes: Minutes
    body: str
    comments: dict[str, str]
    announced_in: MinutesEntry | None


class ScaffoldError(Exception):
    """The scaffold cannot be made; the message says why, in Swedish."""


def scaffold(archive: Archive, group: str, date: dt.date) -> Scaffold:
    if group not in archive.groups:
        raise ScaffoldError(f"gruppen `{group}` finns inte i minutes/groups.yml; använd en av: {', '.join(archive.groups)}")
    members = [member.name for member in archive.groups[group].members]
    found = announced_meeting(archive, group, date)
    data: dict = {"date": date.isoformat(), "group": group, "present": members}
    comments = {
        "present": "Alla ledamöter i gruppen (minutes/groups.yml). Flytta den som inte kom till absent,\n"
        "och lägg till ersättare och gäster, t.ex. Anna Exempel (ersätter Bo Exempel)."
        if members
        else "Gruppen har inga ledamöter i minutes/groups.yml: skriv de närvarande här, ett namn per rad.",
        "absent": "Frånvarande: flytta hit namnen från present.",
        "projects": _described("projects"),
        "decisions": _described("decisions"),
        "next_meetings": "Punkten Nästa möte: ett möte per rad med group, start och gärna end och place;\n"
        "webbplatsen visar dem under rubriken Nästa möte.",
    }
    announced_in = None
    if found is not None:
        announced_in, meeting = found.latest_announcement, found.details
        if isinstance(meeting.start, dt.datetime):
            data["start"] = meeting.start.strftime("%H:%M")
            if meeting.end is not None:
                data["end"] = meeting.end.strftime("%H:%M")
        if meeting.place:
            data["place"] = meeting.place
        note = f" ({meeting.note})" if meeting.note else ""
        comments["date"] = f"Mötet annonserades i {announced_in.source}{note}; tid och plats kommer därifrån."
    minutes = Minutes.model_validate(data)
    for name in SHOWN_EMPTY:  # written `name:`, to be filled in under it
        if not getattr(minutes, name) and name in comments:
            comments[name] += f"\n{EMPTY_LIST_NOTE}"
    body = "\n\n".join(f"## {number}. {item}" for number, item in enumerate(USUAL_AGENDA, start=1)) + "\n"
    return Scaffold(minutes, body, comments, announced_in)


def _described(name: str) -> str:
    """The field's own description in the schema (one text, no copy to keep in step)."""
    return Minutes.model_fields[name].description or ""


def announced_meeting(archive: Archive, group: str, date: dt.date) -> Meeting | None:
    """The meeting of `group` on `date` as announced in the minutes (newest announcement), if any."""
    return next((m for m in collect(archive) if m.group == group and m.day == date), None)
