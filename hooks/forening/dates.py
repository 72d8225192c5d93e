"""Swedish date formats for readers (the site speaks Swedish whatever the locale)."""

from __future__ import annotations

import datetime as dt
import os

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december")
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def long_date(day: dt.date, precision: str = "day") -> str:
    """`5 maj 2021`, or `mars 2021` when only the month is known."""
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


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
