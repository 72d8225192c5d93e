"""The importer's working state: the input lines, which reader took which line, and notes.

Each reader claims the lines it used. The body is what is left (plus headings and
decisions, which stay in the text), and every line a reader looked at but could
not place becomes a note for the editor: nothing is dropped without a word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .agenda import Heading
from .text import Line


class Kind(str, Enum):
    TITLE = "title"
    DATE = "date"
    ATTENDANCE = "attendance"
    ROLE = "role"
    MEETING = "meeting"
    MEETING_IN_TEXT = "meeting in text"  # read into next_meetings, but its section stays in the body
    DECISION = "decision"


# Lines whose content moved into the front matter, so the body leaves them out.
MOVED = frozenset({Kind.TITLE, Kind.DATE, Kind.ATTENDANCE, Kind.ROLE, Kind.MEETING})


@dataclass(frozen=True, order=True)
class Note:
    """Something the importer could not place, at a line of the input."""

    line: int
    message: str


@dataclass
class Reading:
    lines: list[Line]
    headings: list[Heading]
    claims: dict[int, Kind] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)

    def claim(self, index: int, kind: Kind) -> None:
        self.claims.setdefault(index, kind)

    def is_free(self, index: int) -> bool:
        return index not in self.claims and not self.is_heading(index)

    def is_heading(self, index: int) -> bool:
        return any(h.index == index for h in self.headings)

    def note(self, index: int, message: str) -> None:
        number = self.lines[index].number if 0 <= index < len(self.lines) else 1
        self.notes.append(Note(number, message))

    def next_heading(self, index: int) -> int:
        """Index of the first heading after `index`, or the end."""
        return next((h.index for h in self.headings if h.index > index), len(self.lines))

