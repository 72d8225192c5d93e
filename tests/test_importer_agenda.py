"""Agenda items become `##` headings; lists and sub-headings stay what they are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from forening.importer.agenda import find_headings
from forening.importer.text import Line
from importing import import_text

DAY = dt.date(2023, 10, 3)


def lines(text: str) -> list[Line]:
    return [Line(i, t) for i, t in enumerate(text.split("\n"), start=1)]


def test_markdown_headings_of_any_level_become_agenda_items(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        ## Minnesanteckningar

        ### 3. Rapport från styrelsemötet

        Se [protokollet](https://example.invalid/protokoll) och <https://example.invalid/>.

        ### 4. Cresco Creare

        #### Lägesrapport

        1. Första punkten i en lista.
        2. Andra punkten.

        ## § 5 Övrigt
        """,
        suffix=".md",
        date=DAY,
    )
    assert result.body == (
        "## 3. Rapport från styrelsemötet\n\n"
        "Se [protokollet](https://example.invalid/protokoll) och <https://example.invalid/>.\n\n"
        "## 4. Cresco Creare\n\n"
        "### Lägesrapport\n\n"
        "1. Första punkten i en lista.\n2. Andra punkten.\n\n"
        "## § 5 Övrigt\n"
    )
    assert result.minutes.projects == ["cresco-creare"]


def test_paragraph_signs_and_numbers_in_plain_text(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        § 2 Inledning

        § 3 Kompetensutveckling

        Tre förslag:
        1. Lösningsfokus
        2. 7TJUGO

        **§ 4 Övrigt:**

        - punkt
        •annan punkt
        """,
        date=DAY,
    )
    assert result.body == (
        "## § 2 Inledning\n\n## § 3 Kompetensutveckling\n\nTre förslag:\n\n1. Lösningsfokus\n2. 7TJUGO\n\n"
        "## § 4 Övrigt\n\n- punkt\n- annan punkt\n"
    )


def test_numbered_list_lines_that_are_sentences_or_go_backwards_are_not_items() -> None:
    found = find_headings(lines("1. Välkommen\n\n6. Projekt\n\n1. Budget\n2. Insatsen förlängs inte. Alla erbjuds 7TJUGO.\n\n7. Övrigt"))
    assert [(h.title, h.number) for h in found] == [("1. Välkommen", 1), ("6. Projekt", 6), ("7. Övrigt", 7)]
