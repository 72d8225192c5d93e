"""The meeting's own date, time and place, from the head of the minutes.

Looked for, in this order: a `Datum:` line (with `Tid:` and `Plats:` beside it),
then the document's title and first lines (`Förbundschefermöte 9 mars 2021 kl
13.30-16.00`, `# Minnesanteckningar tisdag den 3 oktober 2023`). Only the head is
read: a date in item 6 is a date in item 6. A month with a year but no day gives
`date_precision: month`, as the archive files month-dated minutes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .agenda import is_title_line
from .dates import find_dates, find_month, find_times, resolve
from .reading import Kind, Reading
from .text import split_label, strip_markup

DATE_LABELS = frozenset({"datum", "date", "motesdatum", "datum och tid", "tid och datum", "dag och tid", "nar"})
TIME_LABELS = frozenset({"tid", "klockan", "kl", "time"})
PLACE_LABELS = frozenset({"plats", "lokal", "motesplats", "place", "location", "var"})
FIRST_LINES = 8


@dataclass
class Head:
    date: dt.date | None = None
    precision: str = "day"
    start: dt.time | None = None
    end: dt.time | None = None
    place: str | None = None
    doubt: str | None = None  # why a date that was seen is not used: for the message
    at: int | None = None  # index of the line the date was read from, for notes about it


def read_head(reading: Reading) -> Head:
    head = Head()
    lines = reading.lines
    agenda = [h.index for h in reading.headings if h.agenda]
    limit = agenda[1] if len(agenda) > 1 else len(lines)
    first_item = agenda[0] if agenda else len(lines)
    for index in range(min(limit, len(lines))):
        if index in reading.claims:
            continue
        label, rest = split_label(lines[index].text)
        if not rest:
            continue
        if label in DATE_LABELS:
            reading.claim(index, Kind.DATE)
            _take_date(reading, index, rest, head)
        elif label in TIME_LABELS and head.start is None:
            times = find_times(rest)
            if times is not None:
                reading.claim(index, Kind.DATE)
                head.start, head.end = times.begins, times.ends
        elif label in PLACE_LABELS and head.place is None:
            reading.claim(index, Kind.DATE)
            head.place = rest.strip()
    seen = 0
    for index in range(min(first_item, len(lines))):
        if lines[index].blank or (index in reading.claims and reading.claims[index] is not Kind.TITLE):
            continue
        seen += 1
        if seen > FIRST_LINES:
            break
        text = strip_markup(lines[index].text)
        title = is_title_line(text)
        if title:
            reading.claim(index, Kind.TITLE)
        if head.date is None and _take_date(reading, index, text, head) and not title and _title_like(text):
            reading.claim(index, Kind.DATE)
    return head


def _take_date(reading: Reading, index: int, text: str, head: Head) -> bool:
    """Read a date (and a time) from `text` into `head`; True if a full date was found."""
    hits = find_dates(text)
    for hit in hits:
        if hit.year is None:
            head.doubt = head.doubt or f"«{text[hit.start : hit.end].strip()}» saknar år"
            continue
        day = resolve(hit, None)
        if isinstance(day, str):
            reading.note(index, f"datum: {day}")
            head.doubt = head.doubt or f"«{text[hit.start : hit.end].strip()}»: {day}"
            return False
        head.date, head.precision, head.at = day, "day", index
        rest = text[: hit.start] + " " * (hit.end - hit.start) + text[hit.end :]
        times = find_times(rest)
        if times is not None and head.start is None:
            head.start, head.end = times.begins, times.ends
        return True
    month = find_month(text)
    if month is not None and not hits:
        if month[1] is None:
            head.doubt = head.doubt or f"«{text.strip()}» anger bara en månad, utan dag och år"
        else:
            head.date, head.precision, head.at = dt.date(month[1], month[0], 1), "month", index
            reading.note(index, f"datum: bara månad och år anges; daterad {head.date} med date_precision: month")
            return True
    return False


def _title_like(text: str) -> bool:
    """A short line that is a heading, not a sentence: safe to take out of the body."""
    return len(text) <= 100 and not re.search(r"[.!?]\s+\S|[.!?]$", text)
