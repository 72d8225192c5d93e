"""Dates and times as secretaries write them."""

from __future__ import annotations

import datetime as dt

import pytest
from forening.importer.dates import find_dates, find_month, find_times, resolve

MEETING = dt.date(2023, 9, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-03-09", dt.date(2021, 3, 9)),
        ("Förbundschefermöte 9 mars 2021 kl 13.30-16.00", dt.date(2021, 3, 9)),
        ("tisdag den 3 oktober 2023", dt.date(2023, 10, 3)),
        ("Tisdagen den 3:e oktober 2023", dt.date(2023, 10, 3)),
        ("21 August 2024", dt.date(2024, 8, 21)),
        ("Wednesday, August 21, 2024", dt.date(2024, 8, 21)),
        ("Datum: 9/3 2021", dt.date(2021, 3, 9)),
        ("5 maj", dt.date(2024, 5, 5)),  # May has passed by September: next year
        ("26/9 kl. 13.30-16.00", dt.date(2023, 9, 26)),
        ("tisdag 7 november 2023 kl. 09.00-11.45", dt.date(2023, 11, 7)),
        ("15 jan.", dt.date(2024, 1, 15)),
    ],
)
def test_dates(text: str, expected: dt.date) -> None:
    hits = find_dates(text)
    assert len(hits) == 1
    assert resolve(hits[0], MEETING) == expected


def test_the_year_rolls_over_only_when_the_month_has_passed() -> None:
    december = dt.date(2023, 12, 5)
    assert resolve(find_dates("15 januari")[0], december) == dt.date(2024, 1, 15)
    assert resolve(find_dates("19 december")[0], december) == dt.date(2023, 12, 19)


def test_impossible_and_contradictory_dates_are_messages() -> None:
    assert "finns inte i kalendern" in str(resolve(find_dates("31 april 2023")[0], None))
    assert "ingen onsdag" in str(resolve(find_dates("onsdag 3 oktober 2023")[0], None))
    assert "saknar år" in str(resolve(find_dates("3 oktober")[0], None))


def test_ranges_of_days_and_plain_numbers_are_not_dates() -> None:
    assert find_dates("Förslag på datum är 3-4 maj") == []
    assert find_dates("Målet var 30% och vi nådde 27%.") == []
    assert find_dates("en gång per kvartal") == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("kl. 9:00–11:45", "09:00", "11:45"),
        ("9.00-11.45", "09:00", "11:45"),
        ("13:15 - 16:00", "13:15", "16:00"),
        ("kl 9-12", "09:00", "12:00"),
        ("kl 16-18 Läns gemensamt presidiummöte", "16:00", "18:00"),
        ("Anna anslöt kl. 14.22", "14:22", None),
    ],
)
def test_times(text: str, start: str, end: str | None) -> None:
    hit = find_times(text)
    assert hit is not None
    assert hit.begins.strftime("%H:%M") == start
    assert (hit.ends.strftime("%H:%M") if hit.ends else None) == end


def test_a_bare_range_is_not_a_time() -> None:
    assert find_times("sidorna 9-12") is None
    assert find_times("kl 25-26") is None


def test_month_without_a_day() -> None:
    assert find_month("Minnesanteckningar februari") == (2, None)
    assert find_month("Minnesanteckningar februari 2023") == (2, 2023)
    assert find_month("Vi ses i maj") is None  # three-letter months alone are too often other words
