"""The front-matter writer: schema order, and values that read back as written."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from forening import strictyaml, writer
from forening.schema import Minutes, NextMeeting


def read_back(text: str) -> Minutes:
    assert text.startswith("---\n") and text.rstrip().endswith("---")
    return Minutes.model_validate(strictyaml.load(text.strip().strip("-")).data)


@pytest.mark.parametrize(
    "value",
    ["no", "yes", "on", "off", "NO", "true", "null", "~", "", "010", "18:00", "09:00", "2021-05-05", "1e3",
     "Punkt 3: Ekonomi", "# inte en kommentar", "a # b", "- lista", "[x]", "{x}", "*ref", "&anchor", "!tag", "'citat'",
     '"citat"', "@x", "`x`", "%x", " kant ", "Cresco+", "Förbundschefermöte (Kipa ordf, Sophia sekr)", "rad\nbrytning"],
)  # fmt: skip
def test_every_text_reads_back_as_the_same_text(value: str) -> None:
    line = f"key: {writer.scalar(value)}\n"
    assert strictyaml.load(line).data == {"key": value}
    assert yaml.safe_load(line) == {"key": value}  # also for YAML 1.1 tools


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_round_trips(value: str) -> None:
    line = f"key: {writer.scalar(value)}\n"
    assert strictyaml.load(line).data == {"key": value}
    assert yaml.safe_load(line) == {"key": value}


def test_dates_and_times_are_written_as_editors_write_them() -> None:
    assert writer.scalar(dt.date(2021, 5, 5)) == "2021-05-05"
    assert writer.scalar(dt.time(9, 0)) == "09:00"
    assert writer.scalar(dt.datetime(2021, 8, 24, 13, 15)) == "2021-08-24T13:15"
    assert writer.scalar("Eva Bremer") == "Eva Bremer"  # plain where plain is safe


def test_fields_follow_the_schema_order_and_defaults_are_left_out() -> None:
    minutes = Minutes.model_validate(
        {
            "next_meetings": [{"note": "Gemensam heldag", "start": "2021-04-21", "group": "gemensam", "place": "digitalt"}],
            "present": ["no", "Eva Bremer"],
            "end": "11:45",
            "start": "09:00",
            "group": "norra",
            "date": "2021-05-05",
            "title": "Punkt 3: Ekonomi",
        }
    )
    text = writer.front_matter(minutes)
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    assert keys == [name for name in Minutes.model_fields if name in keys]
    assert keys == ["date", "group", "title", "start", "end", "present", "next_meetings"]
    block = text.split("next_meetings:\n")[1].split("---")[0]
    nested = [line.strip().removeprefix("- ").split(":")[0] for line in block.splitlines()]
    assert nested == [name for name in NextMeeting.model_fields if name not in ("end", "cancelled")]  # defaults left out
    assert read_back(text) == minutes


def test_kept_empty_fields_and_comments() -> None:
    minutes = Minutes.model_validate({"date": "2021-05-05", "group": "norra"})
    text = writer.front_matter(minutes, keep=["absent"], comments={"absent": "Flytta hit\nden som inte kom."}, header=["Rubrik"])
    assert text.splitlines() == ["---", "# Rubrik", "date: 2021-05-05", "group: norra", "# Flytta hit", "# den som inte kom.", "absent:", "---"]
    assert read_back(text) == minutes


def test_document_puts_the_body_after_a_blank_line() -> None:
    minutes = Minutes.model_validate({"date": "2021-05-05", "group": "norra"})
    text = writer.document(minutes, "\n## 1. Välkommen\n\n")
    assert text.endswith("---\n\n## 1. Välkommen\n")
