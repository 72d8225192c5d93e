"""Read the secretary's file: plain text, Markdown or Word, into numbered lines.

Only .docx, .md and .txt are read (any case). Anything else is refused with a
Swedish message saying how to save the file: read as text, an RTF, OpenDocument
or PDF file gives minutes full of `{\\rtf1` or zip bytes that still pass the
checks. A .txt or .md whose bytes are clearly not text (NUL bytes, a zip, PDF,
RTF or old Word signature) is refused too, since editors rename files.

Text files from Word's "Spara som text" are not always UTF-8; they are read as
Windows-1252 then, and the importer says so rather than printing `Ã¤` for `ä`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .text import Line, clean
from .word import read_docx

MARKDOWN_SUFFIXES = (".md",)
TEXT_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES)
_SAVE_AS = "öppna den i Word eller LibreOffice och spara som .docx (Word-dokument) eller .txt (oformaterad text), och importera den filen"
# What a renamed file really is, by its first bytes; tested in this order.
_SIGNATURES = (
    (b"PK\x03\x04", "ett Word- eller LibreOffice-dokument (en zip-fil)"),
    (b"%PDF", "en PDF"),
    (b"{\\rtf", "RTF (formaterad text)"),
    (b"\xd0\xcf\x11\xe0", "ett dokument i det gamla Word-formatet .doc"),
)
# A .txt file with `## Rubrik` lines is Markdown saved as text (as seeds 001 and 003 are).
_ATX_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)


class SourceError(Exception):
    """The input cannot be read at all; the message says what to do."""


@dataclass
class Source:
    """The input as lines. `markdown` is False for plain text, whose line breaks are kept.

    A file is Markdown when it is named .md, or when it has Markdown headings.
    """

    name: str
    lines: list[Line]
    markdown: bool
    notes: list[tuple[int, str]] = field(default_factory=list)


def read_source(path: Path, shown: str | None = None) -> Source:
    shown = shown or str(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise SourceError(f"{shown}: filen finns inte")
    if suffix == ".doc":
        raise SourceError(f"{shown}: det gamla Word-formatet .doc kan inte läsas; spara dokumentet som .docx i Word och försök igen")
    if suffix != ".docx" and suffix not in TEXT_SUFFIXES:
        raise SourceError(f"{shown}: {_kind_of_name(suffix)} kan inte läsas; importen läser bara .docx, .md och .txt. Gör så här: {_SAVE_AS}")
    if suffix == ".docx":
        try:
            lines = read_docx(path)
        except Exception as exc:  # python-docx raises many kinds for a damaged file
            raise SourceError(f"{shown}: kan inte läsas som Word-dokument ({exc.__class__.__name__}); öppna och spara det i Word igen") from None
        return _not_empty(Source(shown, lines, markdown=True))
    raw = path.read_bytes()
    binary = _binary_kind(raw)
    if binary is not None:
        raise SourceError(f"{shown}: filen heter {suffix} men innehållet är {binary}, inte oformaterad text; {_SAVE_AS}")
    notes: list[tuple[int, str]] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            text = raw.decode("utf-16")
        else:
            text = raw.decode("cp1252", errors="replace")
            notes.append((1, "filen var inte sparad som UTF-8; den lästes som Windows-1252. Kontrollera å, ä och ö"))
    text = clean(text.replace("\r\n", "\n").replace("\r", "\n"))
    markdown = suffix in MARKDOWN_SUFFIXES or bool(_ATX_HEADING.search(text))
    # Markdown keeps its spaces (indents nest lists; two at the end break a line). Plain text
    # loses them: an indent from a word processor would make a Markdown code block.
    lines = [Line(number, line if markdown else line.strip()) for number, line in enumerate(text.split("\n"), start=1)]
    return _not_empty(Source(shown, lines, markdown=markdown, notes=notes))


def _not_empty(source: Source) -> Source:
    """An empty file would give a minutes file with nothing in it, and no word about why."""
    if all(line.blank for line in source.lines):
        raise SourceError(f"{source.name}: filen är tom (ingen text); inget skrevs. Kontrollera att du valt rätt fil och att den är sparad")
    return source


def _kind_of_name(suffix: str) -> str:
    if not suffix:
        return "en fil utan filändelse"
    if suffix == ".pdf":
        return "en PDF"  # Word opens a PDF as a document, which can then be saved as .docx
    return f"filtypen {suffix}"


def _binary_kind(raw: bytes) -> str | None:
    """What a file named .txt or .md really is, when its bytes are clearly not text."""
    start = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    for signature, kind in _SIGNATURES:
        if start.startswith(signature):
            return kind
    if raw[:2] not in (b"\xff\xfe", b"\xfe\xff") and b"\x00" in raw[:8192]:
        return "binärt (den innehåller nolltecken)"  # UTF-16 text has NUL bytes too, but starts with its mark
    return None
