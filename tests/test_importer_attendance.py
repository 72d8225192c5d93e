"""Attendance and signatures in every form secretaries use (made-up names: fixtures)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from importing import import_text, notes

DAY = dt.date(2023, 10, 3)


def test_bold_labels_with_names_on_the_same_line(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        **Närvarande:** Anna Qvist, ordförande, Bo Ek och Lisa Berg
        **Frånvarande**: Per Al
        **Sekreterare:** Lisa Berg

        1. Välkommen
        """,
        date=DAY,
    )
    meta = result.minutes
    assert meta.present == ["Anna Qvist", "Bo Ek", "Lisa Berg"]
    assert meta.absent == ["Per Al"]
    assert (meta.chair, meta.secretary) == ("Anna Qvist", "Lisa Berg")
    assert "Närvarande" not in result.body and "Sekreterare" not in result.body
    assert result.notes == []


def test_bulleted_lists_under_headings_and_forhinder(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        # Minnesanteckningar

        ## Närvarande

        - Anna Qvist (ordförande)
        - Bo Ek

        - Caroline Carlsson ersätter Anitta

        ## Anmält förhinder

        * Per Al
        * Eva Lund

        ## 1. Välkommen

        Text.
        """,
        suffix=".md",
        date=DAY,
    )
    assert result.minutes.present == ["Anna Qvist", "Bo Ek", "Caroline Carlsson (ersätter Anitta)"]
    assert result.minutes.absent == ["Per Al", "Eva Lund"]
    assert result.minutes.chair == "Anna Qvist"
    assert result.body == "## 1. Välkommen\n\nText.\n"


def test_labels_on_their_own_line_and_forhinder_as_absent(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        Närvarande

        Anna Qvist, Bo Ek
        Lisa Berg och Eva Lund

        Förhinder: Per Al, Jan Ho

        1. Välkommen

        Sekreterare
        Lisa Berg
        """,
        date=DAY,
    )
    assert result.minutes.present == ["Anna Qvist", "Bo Ek", "Lisa Berg", "Eva Lund"]
    assert result.minutes.absent == ["Per Al", "Jan Ho"]
    assert result.minutes.secretary == "Lisa Berg"
    assert result.body == "## 1. Välkommen\n"


def test_what_cannot_be_read_is_reported_with_its_line(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        Minnesanteckningar 3 oktober 2023

        Närvarande: Anna Qvist, 3 personer från kommunen,
        Bo Ek anslöt kl. 10.15
        Frånvarande: Per Al (ordförande)
        """,
    )
    assert result.minutes.present == ["Anna Qvist", "Bo Ek (anslöt kl. 10.15)"]
    assert notes(result) == [
        "3: närvaro: «3 personer från kommunen» ser inte ut som ett namn; lägg till namnet för hand",
        "4: närvaro: «anslöt kl. 10.15» efter Bo Ek skrevs inom parentes; kontrollera",
        "5: Per Al står som ordförande bland frånvarande; fyll i chair för hand",
    ]
    assert result.minutes.chair is None


def test_a_sentence_that_starts_with_a_role_word_stays_in_the_text(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        1. Val av sekreterare

        Ordförande: Anna Qvist öppnade mötet.
        """,
        date=DAY,
    )
    assert result.minutes.chair is None
    assert "Anna Qvist öppnade mötet." in result.body


def test_workplaces_in_the_lists_are_left_out_and_reported(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        Minnesanteckningar norra 12 september 2023

        Närvarande: Eva Bremer, Skövde kommun, Ida Wiik, Försäkringskassan, Peter Larsson, VGR

        Frånvarande:
        - Sofia Melin, Hjo kommun
        - Anna Andersson, Arbetsförmedlingen
        """,
    )
    assert result.minutes.present == ["Eva Bremer", "Ida Wiik", "Peter Larsson"]
    assert result.minutes.absent == ["Sofia Melin", "Anna Andersson"]
    assert sorted(note.split(" efter ")[0] for note in notes(result)) == [
        "3: närvaro: «Försäkringskassan»",
        "3: närvaro: «Skövde kommun»",
        "3: närvaro: «VGR»",
        "6: närvaro: «Hjo kommun»",
        "7: närvaro: «Arbetsförmedlingen»",
    ]
    assert all(note.endswith("; kontrollera mot originalet") for note in notes(result))


def test_a_list_of_first_names_is_kept_and_the_doubt_told_once(tmp_path: Path) -> None:
    result = import_text(
        tmp_path,
        """
        Minnesanteckningar 12 september 2023

        Närvarande: Kjell, Kipa, Ida,
        Anna anslöt kl. 14.22
        """,
    )
    assert result.minutes.present == ["Kjell", "Kipa", "Ida", "Anna (anslöt kl. 14.22)"]
    assert notes(result) == [
        "3: närvaro: Kjell, Kipa, Anna står bara med förnamn, och inget av dem är förnamnet på en medlem i groups.yml; "
        "de togs med som personer, kontrollera att det är personer och inte arbetsplatser",
        "4: närvaro: «anslöt kl. 14.22» efter Anna skrevs inom parentes; kontrollera",
    ]
