"""Reading the secretary's file: encodings, and Markdown saved as .txt."""

from __future__ import annotations

from pathlib import Path

from forening.importer import read_source


def test_windows_1252_text_is_read_and_said(tmp_path: Path) -> None:
    path = tmp_path / "minnen.txt"
    path.write_bytes("Närvarande: Åsa Öberg\r\n".encode("cp1252"))
    source = read_source(path)
    assert source.lines[0].text == "Närvarande: Åsa Öberg"
    assert source.notes == [(1, "filen var inte sparad som UTF-8; den lästes som Windows-1252. Kontrollera å, ä och ö")]


def test_utf16_and_byte_order_marks(tmp_path: Path) -> None:
    path = tmp_path / "minnen.txt"
    path.write_bytes("Närvarande: Åsa Öberg\n".encode("utf-16"))
    assert read_source(path).lines[0].text == "Närvarande: Åsa Öberg"
    path.write_bytes("\ufeffNärvarande: Åsa Öberg\n".encode())
    assert read_source(path).lines[0].text == "Närvarande: Åsa Öberg" and read_source(path).notes == []


def test_markdown_is_known_by_its_name_or_its_headings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("## 1. Välkommen\nrad med två mellanslag  \n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("1. Välkommen\n#hashtag\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("1. Välkommen\n", encoding="utf-8")
    assert [read_source(tmp_path / name).markdown for name in ("a.txt", "b.txt", "c.md")] == [True, False, True]
    assert read_source(tmp_path / "a.txt").lines[1].text.endswith("  ")  # a Markdown line break survives
