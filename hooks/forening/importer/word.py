"""Word documents (.docx) as Markdown lines, read with python-docx.

Named `word` rather than `docx` so it can never be mistaken for the library.
Each paragraph becomes one line, numbered by paragraph so messages can point at
it: headings keep their level, Word's own list numbering becomes `1.` (it is not
in the paragraph text, only in the numbering definitions), bullets become `- `,
bold and italic runs become `**`/`*`, links keep their address, tables become
Markdown tables.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from .text import Line, clean

_HEADING_STYLE = re.compile(r"^(?:Heading|Rubrik)\s*(\d)$", re.IGNORECASE)


def read_docx(path: Path) -> list[Line]:
    """The document's paragraphs and tables as Markdown lines, blank lines between blocks."""
    document = docx.Document(str(path))
    numbering = _Numbering(document)
    lines: list[Line] = []
    previous_was_item = False
    for number, block in enumerate(document.iter_inner_content(), start=1):
        if isinstance(block, Table):
            rows = _table(block)
            lines += [Line(number, ""), *(Line(number, row) for row in rows)]
            previous_was_item = False
            continue
        text = _paragraph(block, numbering)
        is_item = text.startswith("- ")
        if not (is_item and previous_was_item):
            lines.append(Line(number, ""))
        # A line break inside a paragraph (Shift+Enter) starts a new line of the same paragraph.
        lines += [Line(number, part.strip()) for part in clean(text).replace("\t", " ").split("\n")]
        previous_was_item = is_item
    return lines[1:] if lines and lines[0].blank else lines


def _paragraph(paragraph: Paragraph, numbering: _Numbering) -> str:
    text = "".join(_inline(item) for item in paragraph.iter_inner_content()).strip()
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = _HEADING_STYLE.match(style or "")
    if heading and text:
        return f"{'#' * min(int(heading[1]), 6)} {_unbold(text)}"
    if style == "Title" and text:
        return f"# {_unbold(text)}"
    marker = numbering.marker(paragraph)
    return f"{marker}{text}" if marker and text else text


def _inline(item: Run | Hyperlink) -> str:
    if isinstance(item, Hyperlink):
        label = "".join(run.text for run in item.runs).strip()
        url = item.url
        if not url:
            return label
        return f"<{url}>" if label in ("", url) else f"[{label}]({url})"
    text = item.text
    if not text.strip():
        return text
    core = text.strip()
    lead, tail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    if item.bold:
        core = f"**{core}**"
    if item.italic:
        core = f"*{core}*"
    return f"{lead}{core}{tail}"


def _unbold(text: str) -> str:
    return text.replace("**", "")


def _table(table: Table) -> list[str]:
    rows = [[cell.text.strip().replace("|", "\\|").replace("\n", " ") for cell in row.cells] for row in table.rows]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return lines


class _Numbering:
    """Word's list numbering: which paragraphs are numbered or bulleted, and their numbers."""

    def __init__(self, document: WordDocument):
        self._formats: dict[tuple[str, str], tuple[str, int]] = {}
        self._counters: dict[tuple[str, str], int] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            definition = abstract.get(ref.get(qn("w:val"))) if ref is not None else None
            if definition is None:
                continue
            for level in definition.findall(qn("w:lvl")):
                fmt = level.find(qn("w:numFmt"))
                start = level.find(qn("w:start"))
                key = (num.get(qn("w:numId")), level.get(qn("w:ilvl")))
                self._formats[key] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )

    def marker(self, paragraph: Paragraph) -> str:
        """`- `, `3. ` or nothing, counting each list's items as Word does."""
        num_id, level = self._num_pr(paragraph)
        if num_id is None or num_id == "0":
            return ""
        key = (num_id, level or "0")
        fmt, start = self._formats.get(key, ("bullet", 1))
        if fmt in ("bullet", "none"):
            return "- "
        self._counters[key] = self._counters.get(key, start - 1) + 1
        return f"{self._counters[key]}. "

    @staticmethod
    def _num_pr(paragraph: Paragraph) -> tuple[str | None, str | None]:
        # The paragraph's own numbering, else its style's (List Number, List Bullet, ...).
        candidates = [paragraph._p.pPr]
        style = paragraph.style
        while style is not None:
            candidates.append(style.element.pPr)
            style = style.base_style
        for ppr in candidates:
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_pr is not None:
                num_id = num_pr.find(qn("w:numId"))
                level = num_pr.find(qn("w:ilvl"))
                return (
                    num_id.get(qn("w:val")) if num_id is not None else None,
                    level.get(qn("w:val")) if level is not None else None,
                )
        return None, None
