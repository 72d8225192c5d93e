"""Reading the secretary's file: encodings, and Markdown saved as .txt."""

from __future__ import annotations

from pathlib import Path

import pytest
from forening.importer import SourceError, read_source


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


@pytest.mark.parametrize("name", ["minnen.rtf", "minnen.odt", "minnen.pdf", "minnen.RTF", "minnen.markdown", "minnen"])
def test_only_docx_md_and_txt_are_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("{\\rtf1\\ansi Närvarande: Åsa Öberg\\par}\n", encoding="utf-8")
    with pytest.raises(SourceError) as refused:
        read_source(path)
    assert "importen läser bara .docx, .md och .txt" in str(refused.value)
    assert "spara som .docx (Word-dokument) eller .txt (oformaterad text)" in str(refused.value)


def test_the_case_of_the_extension_does_not_matter(tmp_path: Path) -> None:
    (tmp_path / "a.TXT").write_text("Närvarande: Åsa Öberg\n", encoding="utf-8")
    (tmp_path / "b.Md").write_text("Närvarande: Åsa Öberg\n", encoding="utf-8")
    assert read_source(tmp_path / "a.TXT").lines[0].text == read_source(tmp_path / "b.Md").lines[0].text == "Närvarande: Åsa Öberg"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"PK\x03\x04\x14\x00\x00\x08mimetypeapplication/vnd.oasis.opendocument.text", "zip-fil"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "en PDF"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "RTF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", ".doc"),
        (b"N\x00\xe4\x00r\x00v\x00", "nolltecken"),
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_renamed_document_is_refused(tmp_path: Path, content: bytes, kind: str, suffix: str) -> None:
    path = tmp_path / f"minnen{suffix}"
    path.write_bytes(content)
    with pytest.raises(SourceError) as refused:
        read_source(path)
    assert f"filen heter {suffix} men innehållet är" in str(refused.value) and kind in str(refused.value)
    assert "spara som .docx" in str(refused.value)


@pytest.mark.parametrize("content", [b"", b"\n\n", b"\xef\xbb\xbf \r\n\t\r\n"])
def test_an_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "minnen.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError, match="filen är tom"):
        read_source(path)


def test_an_empty_word_document_is_refused(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "minnen.docx"
    docx.Document().save(str(path))
    with pytest.raises(SourceError, match="filen är tom"):
        read_source(path)
