"""Decisions from `Beslut:` lines and blocks; the text stays in the body."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from importing import import_text, notes

DAY = dt.date(2023, 10, 3)


def test_lines_and_blocks(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        1. Budget

        **Beslut:** Att godkänna budgeten.

        2. Konferens

        Diskussion om programmet.

        Beslut:

        - Att upplägget godkänns
        - Att inbjudan skickas ut
        vecka 11.

        Att Karin återkommer med färdig inbjudan.

        3. Övrigt

        Inget.
        """,
        date=DAY,
    )
    assert result.minutes.decisions == [
        "Att godkänna budgeten.",
        "Att upplägget godkänns",
        "Att inbjudan skickas ut vecka 11.",
        "Att Karin återkommer med färdig inbjudan.",
    ]
    assert "Beslut:" in result.body and "Att Karin återkommer med färdig inbjudan." in result.body
    assert "Inget." not in result.minutes.decisions


def test_an_empty_decision_is_reported(tmp_path: Path) -> None:
    result = import_text(tmp_path, "1. Budget\n\nBeslut:\n\n2. Övrigt\n", date=DAY)
    assert result.minutes.decisions == []
    assert notes(result) == ["3: «Beslut:» följs inte av någon text"]


def test_two_beslut_lines_in_a_row_are_two_decisions(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        Minnesanteckningar 12 september 2023

        §2 Cresco Plus
        Beslut: att tillstyrka ansökan från Startgrid.
        Beslut: att bordlägga ärendet om Hälsoskolor
        """,
    )
    assert result.minutes.decisions == ["att tillstyrka ansökan från Startgrid.", "att bordlägga ärendet om Hälsoskolor"]
