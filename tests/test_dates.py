"""Meeting days as readers see them: a day, a month, or a period when only that is known."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from forening import dates
from forening.schema import Minutes
from forening.validate import load_archive
from test_validate import GOOD_MINUTES, make_content, only_problem


def minutes(**fields: object) -> Minutes:
    return Minutes.model_validate({"group": "norra", **fields})


@pytest.mark.parametrize(
    ("fields", "text", "machine"),
    [
        ({"date": "2021-05-05"}, "5 maj 2021", "2021-05-05"),
        ({"date": "2023-02-01", "date_precision": "month"}, "februari 2023", "2023-02"),
        ({"date": "2021-03-01", "date_precision": "period", "date_between": {"first": "2021-02-23", "last": "2021-03-31"}}, "februari–mars 2021", "2021"),
        ({"date": "2022-01-01", "date_precision": "period", "date_between": {"first": "2021-12-01", "last": "2022-02-14"}}, "december 2021–februari 2022", None),
        ({"date": "2022-01-10", "date_precision": "period", "date_between": {"first": "2022-01-03", "last": "2022-01-21"}}, "januari 2022", "2022-01"),
    ],
    ids=["day", "month", "period in one year", "period over new year", "period in one month"],
)
def test_meeting_date_says_what_is_known_and_no_more(fields: dict, text: str, machine: str | None) -> None:
    meta = minutes(**fields)
    assert dates.meeting_date(meta) == text
    assert dates.meeting_datetime(meta) == machine


PERIOD = GOOD_MINUTES.replace("date: 2021-05-05\n", "date: 2021-05-05\ndate_precision: period\ndate_between:\n  first: 2021-05-01\n  last: 2021-05-31\n")


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        (PERIOD.replace("date_between:\n  first: 2021-05-01\n  last: 2021-05-31\n", ""), 3, "date_precision", "kräver `date_between`"),
        (PERIOD.replace("date_precision: period\n", ""), 3, "date_between", "bara med `date_precision: period`"),
        (PERIOD.replace("first: 2021-05-01", "first: 2021-05-06"), 2, "date", "ligger utanför `date_between`"),
        (PERIOD.replace("last: 2021-05-31", "last: 2021-04-30"), 6, "date_between.last", "får inte vara före `first`"),
    ],
    ids=["period without dates", "dates without period", "date outside", "last before first"],
)
def test_a_period_that_does_not_hold_together_is_an_error(tmp_path: Path, text: str, line: int, field: str, words: str) -> None:
    problem = only_problem(make_content(tmp_path, {"norra/2021-05-05.md": text}))
    assert (problem.path, problem.line, problem.field) == ("minutes/norra/2021-05-05.md", line, field), str(problem)
    assert words in problem.message


def test_a_period_is_valid(tmp_path: Path) -> None:
    archive, problems = load_archive(make_content(tmp_path, {"norra/2021-05-05.md": PERIOD}))
    assert problems == [] and archive is not None
    assert dates.meeting_date(archive.minutes[0].meta) == "maj 2021"


def test_the_undated_seed_minutes_show_their_period(site: Path) -> None:
    """Seeds 000 and 001 bound their meetings only by other dates: the site shows that period, not a guessed month."""
    for url, shown, machine in [
        ("minnesanteckningar/gemensam/2021-03-01", "februari–mars 2021", "2021"),
        ("minnesanteckningar/norra/2022-01-01", "januari–februari 2022", "2022"),
    ]:
        soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
        day = soup.select_one("[data-pagefind-meta=date]")
        assert day.get_text(strip=True) == shown and day.time["datetime"] == machine
        assert soup.h1.get_text(strip=True).endswith(shown)
