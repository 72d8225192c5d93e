"""Word documents, made in the test with python-docx, as Word would save them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from forening.importer import SourceError, read_source
from importing import import_file, notes


def add_link(paragraph, text: str, url: str) -> None:
    """A real Word hyperlink (python-docx reads them but has no call to write one)."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def make_minutes(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Minnesanteckningar beredningsgrupp norra tisdag den 3 oktober 2023", level=1)
    paragraph = document.add_paragraph()
    paragraph.add_run("Närvarande:").bold = True
    paragraph.add_run(" Anna Qvist, ordförande, Bo Ek och Lisa Berg")
    paragraph = document.add_paragraph()
    paragraph.add_run("Anmält förhinder:").bold = True
    paragraph.add_run(" Per Al")
    document.add_paragraph("Välkommen", style="List Number")  # Word's own numbering: not in the text
    document.add_paragraph("Cresco Creare", style="List Number")
    paragraph = document.add_paragraph("Läs mer på ")
    add_link(paragraph, "hemsidan", "https://example.invalid/cresco")
    paragraph.add_run(". Det var ")
    paragraph.add_run("mycket").italic = True
    paragraph.add_run(" bra.")
    document.add_paragraph("Första punkten", style="List Bullet")
    document.add_paragraph("Andra punkten", style="List Bullet")
    paragraph = document.add_paragraph()
    paragraph.add_run("Beslut:").bold = True
    paragraph.add_run(" Att fortsätta projektet.")
    document.add_paragraph("Nästa möte", style="List Number")
    document.add_paragraph("Norra: 7 november kl. 09.00-11.45")
    document.add_paragraph("Sekreterare: Lisa Berg")
    document.save(str(path))
    return path


def test_a_word_document_is_imported(tmp_path: Path) -> None:
    result = import_file(make_minutes(tmp_path / "minnen.docx"))
    meta = result.minutes
    assert meta.date == dt.date(2023, 10, 3)
    assert meta.present == ["Anna Qvist", "Bo Ek", "Lisa Berg"] and meta.absent == ["Per Al"]
    assert (meta.chair, meta.secretary) == ("Anna Qvist", "Lisa Berg")
    assert meta.decisions == ["Att fortsätta projektet."]
    assert meta.projects == ["cresco-creare"]
    assert [(m.group, m.start, m.end) for m in meta.next_meetings] == [
        ("norra", dt.datetime(2023, 11, 7, 9, 0), dt.datetime(2023, 11, 7, 11, 45))
    ]
    assert result.body == (
        "## 1. Välkommen\n\n"
        "## 2. Cresco Creare\n\n"
        "Läs mer på [hemsidan](https://example.invalid/cresco). Det var *mycket* bra.\n\n"
        "- Första punkten\n- Andra punkten\n\n"
        "**Beslut:** Att fortsätta projektet.\n"
    )
    assert result.notes == []


def test_lines_of_a_word_document_are_its_paragraph_numbers(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Minnesanteckningar 2023-10-03")
    document.add_paragraph("Närvarande: Anna Qvist, 3 personer")
    path = tmp_path / "minnen.docx"
    document.save(str(path))
    assert notes(import_file(path)) == ["2: närvaro: «3 personer» ser inte ut som ett namn; lägg till namnet för hand"]


def test_tables_are_kept_as_tables(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("2023-10-03")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "Kommun", (0, 1): "Intresse", (1, 0): "Hjo", (1, 1): "ja | kanske"}.items():
        table.cell(row, col).text = text
    path = tmp_path / "minnen.docx"
    document.save(str(path))
    assert import_file(path).body == "| Kommun | Intresse |\n| --- | --- |\n| Hjo | ja \\| kanske |\n"


def test_unreadable_files_are_refused_with_advice(tmp_path: Path) -> None:
    (tmp_path / "gammal.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SourceError, match="spara dokumentet som .docx"):
        read_source(tmp_path / "gammal.doc")
    (tmp_path / "trasig.docx").write_bytes(b"PK not a zip")
    with pytest.raises(SourceError, match="kan inte läsas som Word-dokument"):
        read_source(tmp_path / "trasig.docx")
    with pytest.raises(SourceError, match="finns inte"):
        read_source(tmp_path / "saknas.txt")


def test_notes_on_the_rows_of_a_table_keep_the_rows_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Minnesanteckningar 2023-10-03")
    document.add_paragraph("Nästa möte")
    table = document.add_table(rows=3, cols=1)
    for row, text in enumerate(["Zon", "Mitt", "Alfa"]):
        table.cell(row, 0).text = text
    path = tmp_path / "minnen.docx"
    document.save(str(path))
    rows = [note.split("«")[1].split("»")[0] for note in notes(import_file(path)) if note.startswith("3: nästa möte")]
    assert rows == ["| Zon |", "| --- |", "| Mitt |", "| Alfa |"]
