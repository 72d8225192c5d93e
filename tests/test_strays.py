"""Text files the engine would never read are errors, so no minutes go unpublished without a word."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import validate

MINUTES = "minutes/norra/2021-05-05.md"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("minutes/norra/2023-09-12.txt", "ska sluta på `.md` (små bokstäver), t.ex. 2023-09-12.md"),
        ("minutes/norra/2023-09-13.MD", "ska sluta på `.md` (små bokstäver), t.ex. 2023-09-13.md"),
        ("minutes/norra/2023/2023-09-12.md", "ska ligga direkt i gruppens mapp, t.ex. minutes/norra/2021-05-05.md"),
        ("minutes/2023-09-12.txt", "ska heta minutes/<grupp>/ÅÅÅÅ-MM-DD.md"),
        ("projects/nytt-projekt.txt", "ska sluta på `.md` (små bokstäver), t.ex. projects/nytt-projekt.md"),
        ("projects/gamla/nytt-projekt.md", "projekt ska ligga direkt i projects/"),
    ],
)
def test_a_text_file_where_the_engine_does_not_read_is_an_error(project_copy: Path, name: str, words: str) -> None:
    target = project_copy / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(project_copy / MINUTES, target)
    result = validate(project_copy)
    assert result.returncode == 1
    assert f"{name}:1: filen läses inte: " in result.stderr and words in result.stderr, result.stderr


def test_attachments_and_hidden_files_are_left_alone(project_copy: Path) -> None:
    folder = project_copy / "minutes" / "norra"
    (folder / "2021-05-05-deltagare.txt").write_text("En bilaga.\n", encoding="utf-8")
    (folder / "2021-05-05-program.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / ".gitkeep").write_text("", encoding="utf-8")
    (folder / ".utkast").mkdir()
    (folder / ".utkast" / "2021-06-01.md").write_text("utkast\n", encoding="utf-8")
    minutes = folder / "2021-05-05.md"
    text = minutes.read_text(encoding="utf-8")
    minutes.write_text(text.replace("\ngroup: norra\n", "\ngroup: norra\nattachments:\n  - title: Deltagarlista\n    file: 2021-05-05-deltagare.txt\n", 1), encoding="utf-8")
    result = validate(project_copy)
    assert result.returncode == 0, result.stderr
    assert "läses inte" not in result.stderr


def test_a_word_document_beside_the_minutes_is_a_suggestion_to_import_it(project_copy: Path) -> None:
    """The association writes minutes in Word: one dropped into the group's folder was
    silently never published. Listed under `attachments`, it is an attachment."""
    (project_copy / "minutes" / "norra" / "Minnesanteckningar norra jan 2022.docx").write_bytes(b"PK\x03\x04")
    result = validate(project_copy)
    assert result.returncode == 0, result.stderr  # a suggestion, not an error: it may be an attachment in progress
    assert (
        'minutes/norra/Minnesanteckningar norra jan 2022.docx:1: förslag: filen används inte på webbplatsen. Är det minnesanteckningar, '
        'gör om dem med `.venv/bin/python scripts/import_minutes.py "minutes/norra/Minnesanteckningar norra jan 2022.docx" --group norra`'
    ) in result.stderr, result.stderr
    minutes = project_copy / "minutes" / "norra" / "2022-01-01.md"
    text = minutes.read_text(encoding="utf-8")
    minutes.write_text(text.replace("\ngroup: norra\n", '\ngroup: norra\nattachments:\n  - title: Original\n    file: "Minnesanteckningar norra jan 2022.docx"\n', 1), encoding="utf-8")
    assert "filen används inte" not in validate(project_copy).stderr
