"""The body: what is left once the front matter took its part, as Markdown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from importing import import_text

DAY = dt.date(2023, 10, 3)


def test_a_broken_sentence_is_joined_and_plain_text_keeps_its_lines(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        1. Nyhetsbrev

        Nyhetsbrevet går ut ungefär en gång per kvartal med info om

        aktuella insatser.
        Sophia & Karin = Försäkringskassan
        Elin och Kjell hälsade alla välkomna
        och introducerade verktyget.
        Ett <b>fetstilt</b> ord.
        """,
        date=DAY,
    )
    assert result.body == (
        "## 1. Nyhetsbrev\n\n"
        "Nyhetsbrevet går ut ungefär en gång per kvartal med info om aktuella insatser.\n\n"
        "Sophia & Karin = Försäkringskassan\n\n"
        "Elin och Kjell hälsade alla välkomna\noch introducerade verktyget.\n\n"
        "Ett &lt;b>fetstilt&lt;/b> ord.\n"
    )


def test_word_bullets_become_markdown_and_italics_stay_italics(tmp_path: Path) -> None:
    result = import_text(tmp_path, "1. Konferens\n\n-Inspel på programmet\n•Spridning\n*Viktigt med visioner!*\n-5 grader ute\n", date=DAY)
    assert result.body == "## 1. Konferens\n\n- Inspel på programmet\n- Spridning\n\n*Viktigt med visioner!*\n\n-5 grader ute\n"
