"""Coming meetings from the "Nästa möte" section.

One line per meeting. A line may name its group (`Norra: 5 maj kl. 9:00–11:45`,
`Gemensam heldag 21 april – digitalt`), or not, and then it is a meeting of the
minutes' own group (`tisdag 7 november 2023 kl. 09.00-11.45`, `26/9 kl.
13.30-16.00`). Whatever is left of a line after group, date and time becomes the
meeting's note; `digitalt`, or a closing `på Stadshuset i Skövde` (på or i
and a capitalised name), becomes its place. Words that only lead into the date
(`Nästa möte 17/10 …`, `Därefter 14 november.`) are no note.

A joint day (`Gemensam heldag 21 april – digitalt`) is an event of the
association, not a meeting of one group (README: it would otherwise show twice),
so a line with `heldag` becomes an `events` entry of kind heldag, titled with
what is left of the line; the editor is told, since only they know which groups'
calendars should show it.

A section whose every line became a meeting or an event leaves the body, since the site shows
`next_meetings` under its own heading; a section with anything else in it stays
in the body whole, and each line that is not a meeting is reported.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import find_dates, find_times, resolve
from .reading import MOVED, Kind, Reading
from .text import fold, split_label, strip_bullet, strip_markup

_SECTION = re.compile(r"^(?:nasta (?:mote|moten|motet|sammantrade)|kommande moten?|motestider|next meetings?)\b|\bkommande\b.*\bmoten?\b")
_OWN_LABELS = frozenset({"nasta mote", "nasta motet", "nasta moten", "nasta sammantrade", "tid", "datum", "next meeting"})
_PLACE = re.compile(r"(?<!\w)(?:digitalt|digital|på distans)(?!\w)", re.IGNORECASE)
_NAMED_PLACE = re.compile(r"(?:^|\s)(?:på|i)\s+(?P<place>[A-ZÅÄÖ][^,;()]*?)[\s.]*$")
_LEAD_IN = re.compile(r"^(?:(?:nästa|kommande)\s+(?:möte[nt]?|sammanträde[nt]?)|därefter|sedan|samt|och)(?!\w)[\s,:–-]*", re.IGNORECASE)


_JOINT_DAY = re.compile(r"(?<!\w)heldag(?:en|ar|arna)?(?!\w)")


@dataclass(frozen=True)
class Section:
    heading: int | None  # index of the heading or label line, None for a single inline line
    start: int
    end: int


def is_next_meeting_title(title: str) -> bool:
    text = re.sub(r"^(?:§\s*\d+[.:]?|\d+[.)])\s*", "", fold(strip_markup(title)))
    return bool(_SECTION.search(text))


@dataclass
class Coming:
    """What the next-meeting sections announce, and the sections the body can leave out."""

    meetings: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    placed: list[Section] = field(default_factory=list)


def read_next_meetings(reading: Reading, group: str, groups: dict[str, str], meeting_date: dt.date) -> Coming:
    """The meetings and joint days announced, and the sections the body can leave out because all of them were placed."""
    coming = Coming()
    meetings = coming.meetings
    placed = coming.placed
    keys = group_keys(groups)
    for section in _sections(reading):
        complete = True
        for i in range(section.start, section.end):
            line = reading.lines[i]
            if i in reading.claims:
                complete = complete and reading.claims[i] in MOVED  # a decision keeps the section in the body
                continue
            text = _after_title(line.text) if i == section.heading else line.text
            if not text.strip():
                continue
            found = parse_meeting(text, group, keys, meeting_date)
            if isinstance(found, str):
                reading.note(i, f"nästa möte: {found}: «{strip_markup(line.text)}»; lägg in mötet för hand eller ta bort raden")
                complete = False
                continue
            reading.claim(i, Kind.MEETING)
            if _JOINT_DAY.search(fold(text)):
                event = joint_day(found, group)
                coming.events.append(event)
                shown = found["group"]
                reading.note(
                    i,
                    f"nästa möte: «{strip_markup(line.text)}» är en heldag och lades under events (kind: heldag), inte som möte; "
                    f"den visas i kalendern för {shown}: lägg till groups (och audience) om fler grupper ska se den",
                )
                continue
            meetings.append(found)
            if "T" not in found["start"] and "heldag" not in fold(text):
                reading.note(i, f"nästa möte: ingen tid angiven, så mötet {found['start']} blir en heldag i kalendern; lägg till tid om det inte är en heldag")
        if complete and section.heading is not None:
            reading.claim(section.heading, Kind.MEETING)
            placed.append(section)
        elif not complete:
            for i in range(section.start, section.end):
                if reading.claims.get(i) is Kind.MEETING:
                    reading.claims[i] = Kind.MEETING_IN_TEXT
    return coming


def joint_day(meeting: dict, own_group: str) -> dict:
    """A meeting line that announces a heldag, as an `events` entry: only what the line says."""
    event = {"title": meeting.get("note") or "Heldag", "kind": "heldag", "start": meeting["start"]}
    for key in ("end", "place"):
        if key in meeting:
            event[key] = meeting[key]
    if meeting["group"] != own_group:
        event["groups"] = [meeting["group"]]
    return event


def parse_meeting(text: str, own_group: str, keys: dict[str, str], reference: dt.date) -> dict | str:
    """One meeting as front-matter data, or a Swedish message saying what is missing."""
    line = strip_markup(text)
    line = strip_bullet(line) if re.match(r"^\s*[-*•–]", line) else line
    group = own_group
    label_match = re.match(r"^(?P<label>[^\W\d_][^:\d]{0,40}?)\s*:\s*(?P<rest>.*)$", line)
    if label_match:
        label = fold(label_match["label"])
        if _group_of(label, keys):
            group = _group_of(label, keys) or own_group
        elif label not in _OWN_LABELS:
            return f"«{label_match['label']}» är ingen grupp i groups.yml" if find_dates(line) else "inget datum"
        line = label_match["rest"]
    else:
        named = {slug for key, slug in keys.items() if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", fold(line))}
        if len(named) > 1:
            return f"flera grupper på samma rad ({', '.join(sorted(named))}); skriv ett möte per rad"
        if named:
            group = named.pop()
    hits = find_dates(line)
    if not hits:
        return "inget datum"
    if len(hits) > 1:
        return "flera datum på samma rad; skriv ett möte per rad"
    day = resolve(hits[0], reference)
    if isinstance(day, str):
        return day
    rest = line[: hits[0].start] + " " * (hits[0].end - hits[0].start) + line[hits[0].end :]
    meeting: dict = {"group": group, "start": day.isoformat()}
    times = find_times(rest)
    if times is not None:
        meeting["start"] = dt.datetime.combine(day, times.begins).isoformat(timespec="minutes")
        if times.ends is not None:
            meeting["end"] = dt.datetime.combine(day, times.ends).isoformat(timespec="minutes")
        rest = rest[: times.start] + rest[times.end :]
    if _PLACE.search(rest):
        meeting["place"] = "digitalt"
        rest = _PLACE.sub(" ", rest)
    note = _tidy(rest)
    while note and _LEAD_IN.match(note):
        note = _tidy(_LEAD_IN.sub("", note, count=1))
    named = _NAMED_PLACE.search(note)
    if named and "place" not in meeting:
        meeting["place"] = named["place"].strip()
        note = _tidy(note[: named.start()])
    if note:
        meeting["note"] = note[0].upper() + note[1:]
    return meeting


def group_keys(groups: dict[str, str]) -> dict[str, str]:
    """Folded words that name a group (its slug and its name) → its slug."""
    keys: dict[str, str] = {}
    for slug, name in groups.items():
        keys[fold(slug.replace("-", " "))] = slug
        keys[fold(name)] = slug
    return keys


def _group_of(label: str, keys: dict[str, str]) -> str | None:
    if label in keys:
        return keys[label]
    last = label.split()[-1] if label.split() else ""
    return keys.get(last)


def _sections(reading: Reading) -> list[Section]:
    """Next-meeting sections: a heading, an agenda item or a lone `Nästa möte` line, to the next heading."""
    sections: list[Section] = []
    for heading in reading.headings:
        if is_next_meeting_title(heading.title):
            end = next(
                (h.index for h in reading.headings if h.index > heading.index and (h.agenda or h.level <= heading.level)),
                len(reading.lines),
            )
            sections.append(Section(heading.index, heading.index, end))
    for index, line in enumerate(reading.lines):
        if index in reading.claims or reading.is_heading(index) or any(s.start <= index < s.end for s in sections):
            continue
        label, rest = split_label(line.text)
        if label in _OWN_LABELS - {"tid", "datum"}:
            if rest:
                sections.append(Section(None, index, index + 1))
            else:
                sections.append(Section(index, index, reading.next_heading(index)))
    return sorted(sections, key=lambda s: s.start)


def _after_title(text: str) -> str:
    """What follows `Nästa möte` in a heading such as `8. Nästa möte 24 augusti kl 9-12`, if anything."""
    title = re.sub(r"^(?:§\s*\d+[.:]?|\d+[.)])\s*", "", strip_markup(text))
    match = re.match(r"^(?i:nästa\s+möte[nt]?|kommande\s+möten?)\s*:?\s*", title)
    return title[match.end() :] if match else ""


def _tidy(text: str) -> str:
    text = re.sub(r"(?<!\w)kl\.?(?!\w)", " ", text)
    text = " ".join(text.split())
    return text.strip(" -–—,:;.")
