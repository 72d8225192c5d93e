"""Read the secretary's file: plain text, Markdown or Word, into numbered lines.

Text files from Word's "Spara som text" are not always UTF-8; they are read as
Windows-1252 then, and the importer says so rather than printing `Ã¤` for `ä`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .text import Line, clean
from .word import read_docx

MARKDOWN_SUFFIXES = (".md", ".markdown")
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
    if suffix == ".docx":
        try:
            return Source(shown, read_docx(path), markdown=True)
        except Exception as exc:  # python-docx raises many kinds for a damaged file
            raise SourceError(f"{shown}: kan inte läsas som Word-dokument ({exc.__class__.__name__}); öppna och spara det i Word igen") from None
    raw = path.read_bytes()
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
    return Source(shown, lines, markdown=markdown, notes=notes)
