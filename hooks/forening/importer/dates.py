"""Dates and times as secretaries write them, in Swedish and English.

`2021-03-09`, `9 mars 2021`, `tisdag den 3 oktober 2023`, `21 August 2024`,
`August 21, 2024`, `26/9`; times `kl. 9:00–11:45`, `9.00-11.45`, `13:15 - 16:00`,
`kl 9-12`. A date without a year takes the year of a reference date (the
meeting's), and the next year when its month has already passed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .text import fold

_MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "february": 2,
    "mars": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "maj": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augusti": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "mandag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lordag": 5, "sondag": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(_WEEKDAYS)
# Matched against folded text (lower case, no accents), whose length equals the original's
# for the letters we use, so spans can be cut from the original line.
_LEAD = rf"(?:(?P<weekday>{_WEEKDAY})(?:en)?,?\s+)?(?:den\s+)?"
_PATTERNS = (
    re.compile(rf"(?<![\w/-]){_LEAD}(?P<year>\d{{4}})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})(?![\w/-])"),
    re.compile(rf"(?<![\w/-]){_LEAD}(?P<day>\d{{1,2}})(?::?e|:a|st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<month>{_MONTH})\.?(?:,?\s+(?P<year>\d{{4}}))?(?!\w)"),
    re.compile(rf"(?<![\w/-]){_LEAD}(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?(?![\w:.]\d)(?!\w)"),
    re.compile(rf"(?<![\w/.:-]){_LEAD}(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})(?:[-/ ](?P<year>\d{{4}}))?(?![\w/])"),
)
_MONTH_ONLY = re.compile(rf"(?<!\w)(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?(?!\w)")

_CLOCK = r"(?P<{h}>\d{{1,2}})(?:[:.](?P<{m}>\d{{2}}))?"
_SPAN = re.compile(
    r"(?<![\w:./-])(?:(?P<kl>kl)\.?\s*)?" + _CLOCK.format(h="h1", m="m1")
    + r"\s*(?:–|-|—|till|to)\s*(?:kl\.?\s*)?" + _CLOCK.format(h="h2", m="m2") + r"(?![\w:./-])"
)  # fmt: skip
_SINGLE = re.compile(r"(?<![\w:./-])(?:(?P<kl>kl)\.?\s*)?" + _CLOCK.format(h="h1", m="m1") + r"(?![\w:./-])")


@dataclass(frozen=True)
class DateHit:
    """A date found in a line: where it is and what it says (year may be missing)."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    weekday: int | None


@dataclass(frozen=True)
class TimeHit:
    start: int
    end: int
    begins: dt.time
    ends: dt.time | None


def find_dates(text: str) -> list[DateHit]:
    """Every date written in `text`, left to right, without overlaps."""
    folded = fold_same_length(text)
    hits: list[DateHit] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            if any(match.start() < h.end and h.start < match.end() for h in hits):
                continue
            month = match["month"]
            weekday = match["weekday"]
            hits.append(
                DateHit(
                    start=match.start(),
                    end=match.end(),
                    day=int(match["day"]),
                    month=int(month) if month.isdigit() else _MONTHS[month],
                    year=int(match["year"]) if match["year"] else None,
                    weekday=_WEEKDAYS[weekday] if weekday else None,
                )
            )
    return sorted(hits, key=lambda h: h.start)


def resolve(hit: DateHit, reference: dt.date | None) -> dt.date | str:
    """The calendar date of a hit, or a Swedish message saying why there is none.

    Without a year the reference's year is used, or the next year when the month
    lies before the reference's month (minutes in December announcing January).
    """
    year = hit.year
    if year is None:
        if reference is None:
            return "datumet saknar år"
        year = reference.year + (1 if hit.month < reference.month else 0)
    try:
        day = dt.date(year, hit.month, hit.day)
    except ValueError:
        return f"{hit.day}/{hit.month} {year} finns inte i kalendern"
    if hit.weekday is not None and hit.weekday != day.weekday():
        return f"{day.isoformat()} är ingen {_weekday_name(hit.weekday)}; kontrollera datumet"
    return day


def find_month(text: str) -> tuple[int, int | None] | None:
    """A month (and year) named without a day, e.g. `februari` or `februari 2023`."""
    match = _MONTH_ONLY.search(fold_same_length(text))
    if match is None or len(match["month"]) < 4:  # `mar`, `maj`, `jun` alone are too often other words
        return None
    return _MONTHS[match["month"]], int(match["year"]) if match["year"] else None


def find_times(text: str) -> TimeHit | None:
    """The first clock time or span (`kl 9-12`, `13:15 - 16:00`, `kl. 13.30`) in `text`.

    A bare `9-12` is not a time (it may be a range of days); it needs `kl` or minutes.
    """
    folded = fold_same_length(text)
    for match in _SPAN.finditer(folded):
        if not (match["kl"] or match["m1"] or match["m2"]):
            continue
        begins, ends = _clock(match["h1"], match["m1"]), _clock(match["h2"], match["m2"])
        if begins and ends and ends > begins:
            return TimeHit(match.start(), match.end(), begins, ends)
    for match in _SINGLE.finditer(folded):
        if not (match["kl"] or match["m1"]):
            continue
        begins = _clock(match["h1"], match["m1"])
        if begins:
            return TimeHit(match.start(), match.end(), begins, None)
    return None


def fold_same_length(text: str) -> str:
    """`fold` letter by letter, so positions in the result are positions in `text`."""
    return "".join((fold(c) or c)[:1] if c.strip() else c for c in text)


def _clock(hour: str, minute: str | None) -> dt.time | None:
    h, m = int(hour), int(minute or 0)
    if h > 23 or m > 59:
        return None
    return dt.time(h, m)


def _weekday_name(index: int) -> str:
    return ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")[index]
