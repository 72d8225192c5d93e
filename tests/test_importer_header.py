"""The meeting's own date, time and place, from the head of the minutes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from forening.importer import ImportStop
from importing import import_file, import_text, notes


@pytest.mark.parametrize(
    ("head", "date", "kept"),
    [
        ("# Minnesanteckningar beredningsgrupp norra 2021-03-09", dt.date(2021, 3, 9), ""),
        ("Minnesanteckningar\n\nDatum: 9 mars 2021", dt.date(2021, 3, 9), ""),
        ("Beredningsgrupp norra\ntisdag den 3 oktober 2023", dt.date(2023, 10, 3), "Beredningsgrupp norra\n\n"),
        ("Meeting of the group, 21 August 2024", dt.date(2024, 8, 21), ""),
    ],
)
def test_date_from_heading_datum_line_or_first_lines(tmp_path: Path, head: str, date: dt.date, kept: str) -> None:
    result = import_text(tmp_path, f"{head}\n\n1. Välkommen\n", suffix=".md" if head.startswith("#") else ".txt")
    assert result.minutes.date == date and result.minutes.date_precision == "day"
    assert result.body == f"{kept}## 1. Välkommen\n"  # the date line leaves the body; other lines stay


def test_time_and_place_from_the_date_line_or_their_labels(tmp_path: Path) -> None:
    result = import_text(tmp_path, "Förbundschefermöte 9 mars 2021 kl 13.30-16.00\nPlats: digitalt\n\n1. Öppnande\n")
    assert (result.minutes.start, result.minutes.end) == (dt.time(13, 30), dt.time(16, 0))
    assert result.minutes.place == "digitalt"
    result = import_text(tmp_path, "Datum: 2023-10-03\nTid: 9.00-11.45\n\n1. Öppnande\n")
    assert (result.minutes.start, result.minutes.end) == (dt.time(9, 0), dt.time(11, 45))


def test_a_date_in_an_agenda_item_is_not_the_meeting_date(tmp_path: Path) -> None:
    with pytest.raises(ImportStop, match="hittade inget mötesdatum.*--date"):
        import_text(tmp_path, "Minnesanteckningar\n\n1. Välkommen\n\n2. Heldag\n\nHeldagen hålls 21 april 2021.\n")


def test_month_and_year_give_month_precision(tmp_path: Path) -> None:
    result = import_text(tmp_path, "Minnesanteckningar februari 2023\n\n1. Välkommen\n")
    assert (result.minutes.date, result.minutes.date_precision) == (dt.date(2023, 2, 1), "month")
    assert notes(result) == ["1: datum: bara månad och år anges; daterad 2023-02-01 med date_precision: month"]


def test_a_month_without_year_stops_and_says_what_it_saw(tmp_path: Path) -> None:
    with pytest.raises(ImportStop, match="«Minnesanteckningar februari» anger bara en månad, utan dag och år"):
        import_text(tmp_path, "Minnesanteckningar februari\n\n1. Välkommen\n")


def test_the_editors_date_wins_and_a_difference_is_reported(tmp_path: Path) -> None:
    result = import_text(tmp_path, "Möte 2021-03-09\n\n1. Välkommen\n", date=dt.date(2021, 3, 10))
    assert result.minutes.date == dt.date(2021, 3, 10)
    assert notes(result) == ["1: datum: texten anger 2021-03-09, men --date 2021-03-10 används"]


def test_a_weekday_that_does_not_match_is_reported_not_guessed(tmp_path: Path) -> None:
    with pytest.raises(ImportStop, match="«onsdag 3 oktober 2023»: 2023-10-03 är ingen onsdag"):
        import_text(tmp_path, "Minnesanteckningar onsdag 3 oktober 2023\n\n1. Välkommen\n")
    result = import_text(tmp_path, "Minnesanteckningar onsdag 3 oktober 2023\n\n1. Välkommen\n", date=dt.date(2023, 10, 3))
    assert notes(result) == ["1: datum: 2023-10-03 är ingen onsdag; kontrollera datumet"]


def test_a_date_conflict_is_noted_at_the_line_of_the_date(tmp_path: Path) -> None:
    path = tmp_path / "minnen.txt"  # seed 004's head: a blank first line, the date on line 2
    path.write_text("\nFörbundschefermöte 9 mars 2021 kl 13.30-16.00\n\nMinnesanteckningar\n", encoding="utf-8")
    result = import_file(path, date=dt.date(2021, 3, 10))
    assert notes(result) == ["2: datum: texten anger 2021-03-09, men --date 2021-03-10 används"]
