"""Swedish date formats for readers (the site speaks Swedish whatever the locale)."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .schema import Minutes

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december")
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def long_date(day: dt.date, precision: str = "day") -> str:
    """`5 maj 2021`, or `mars 2021` when only the month is known."""
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def meeting_date(meta: Minutes) -> str:
    """How a minutes' meeting day reads: `5 maj 2021`; `mars 2021` when only the month is
    known; `februari–mars 2021` or `december 2021–januari 2022` when only a period is."""
    if meta.date_between is None:
        return long_date(meta.date, meta.date_precision)
    first, last = meta.date_between.first, meta.date_between.last
    if (first.year, first.month) == (last.year, last.month):
        return long_date(first, "month")
    if first.year == last.year:
        return f"{MONTHS[first.month - 1]}–{MONTHS[last.month - 1]} {last.year}"
    return f"{long_date(first, 'month')}–{long_date(last, 'month')}"


def meeting_datetime(meta: Minutes) -> str | None:
    """`meeting_date` for a `<time datetime>`: a day, a month or a year; None for a period
    across two years, which HTML has no value for (the text alone is shown)."""
    if meta.date_between is None:
        return meta.date.isoformat() if meta.date_precision == "day" else meta.date.strftime("%Y-%m")
    first, last = meta.date_between.first, meta.date_between.last
    if (first.year, first.month) == (last.year, last.month):
        return first.strftime("%Y-%m")
    return str(first.year) if first.year == last.year else None


def weekday_date(day: dt.date) -> str:
    """`onsdag 5 maj 2021`."""
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def clock(time: dt.time) -> str:
    return f"{time:%H:%M}"


def time_span(start: dt.time | None, end: dt.time | None) -> str:
    if start and end:
        return f"{clock(start)}–{clock(end)}"
    return clock(start) if start else ""


def build_date() -> dt.date:
    """Today, unless SITE_TODAY=YYYY-MM-DD pins it (tests, reproducible builds).

    One reader for the build and `make check`, so both agree on what has expired.
    """
    pinned = os.environ.get("SITE_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
