"""Find the agenda items and other headings of the minutes.

Agenda items are numbered: `1. Välkommen`, `§ 3 Kompetensutveckling`,
`### 4. Cresco Creare`, `**5. Övrigt**`. In Markdown whose headings carry the
numbers, only headings count (a numbered list under an item stays a list). In
plain text a numbered line counts when it reads like a title (short, one
phrase) and its number does not go backwards, so the `1. 2. 3.` of a list
inside item 6 is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import Line, fold, strip_markup

_MD_HEADING = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<title>.+?)\s*#*\s*$")
_NUMBERED = re.compile(r"^(?:§\s*(?P<para>\d{1,3})[.:]?|(?P<num>\d{1,2})[.)])\s+(?P<rest>\S.*)$")
_TITLE_WORDS = re.compile(r"^(?:minnesanteckningar|motesanteckningar|anteckningar|protokoll|minutes)\b")
MAX_TITLE = 80


@dataclass(frozen=True)
class Heading:
    """A heading line: an agenda item (numbered) or a sub-heading, with its level in the input."""

    index: int
    title: str  # as written, without `#` and bold markers, e.g. `3. Rapport från styrelsemötet`
    agenda: bool
    level: int  # number of `#` in the input; 0 for a plain line
    number: int | None = None


def find_headings(lines: list[Line]) -> list[Heading]:
    """Every agenda item and Markdown heading, in order."""
    marked = [_markdown_heading(i, line) for i, line in enumerate(lines)]
    heading_mode = any(h is not None and h.agenda for h in marked)
    found: list[Heading] = []
    last = None
    for i, line in enumerate(lines):
        heading = marked[i]
        if heading is None and not heading_mode:
            heading = _plain_agenda_item(i, line, last)
        if heading is None:
            continue
        if heading.agenda:
            last = heading.number
        found.append(heading)
    return found


def is_title_line(text: str) -> bool:
    """`Minnesanteckningar`, `Protokoll beredningsgrupp norra`: the document's own title."""
    return bool(_TITLE_WORDS.match(fold(strip_markup(text)))) and len(text) <= MAX_TITLE + 20


def body_level(heading: Heading, agenda_level: int) -> int:
    """The `#` count in the output: agenda items `##`, sub-headings below them keep their depth."""
    if heading.agenda:
        return 2
    return min(6, 3 + max(0, heading.level - max(agenda_level, 1) - 1))


def _markdown_heading(index: int, line: Line) -> Heading | None:
    match = _MD_HEADING.match(line.text)
    if match is None:
        return None
    title = strip_markup(match["title"]).strip()
    if not title:
        return None
    numbered = _NUMBERED.match(title)
    number = int(numbered["para"] or numbered["num"]) if numbered else None
    return Heading(index, title, agenda=numbered is not None, level=len(match["hashes"]), number=number)


def _plain_agenda_item(index: int, line: Line, last: int | None) -> Heading | None:
    title = strip_markup(line.text).strip()
    match = _NUMBERED.match(title)
    if match is None:
        return None
    number = int(match["para"] or match["num"])
    rest = match["rest"].rstrip(":").strip()
    if last is not None and number < last:
        return None
    if len(rest) > MAX_TITLE or rest.endswith((",", ";")) or re.search(r"[.!?]\s+\S", rest):
        return None
    if rest[0].islower():
        return None
    return Heading(index, title.rstrip(":").strip(), agenda=True, level=0, number=number)
