"""The Markdown body: what is left of the input once the front matter took its part.

Agenda items become `##` headings and sub-headings sit below them; lists and links
stay as they were. Lines that moved into the front matter (title, date,
attendance, signatures, placed meetings) are left out. Plain text keeps its line
breaks: a line becomes its own paragraph unless it continues a wrapped sentence.
"""

from __future__ import annotations

import re

from .agenda import body_level
from .reading import MOVED, Reading
from .text import is_bullet, strip_markup

_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")


def build_body(reading: Reading, markdown: bool) -> str:
    headings = {h.index: h for h in reading.headings}
    out: list[str] = []
    agenda_level = 1
    for index, line in enumerate(reading.lines):
        if reading.claims.get(index) in MOVED:
            continue
        heading = headings.get(index)
        if heading is not None:
            if heading.agenda:
                agenda_level = heading.level or 1
            _blank(out)
            out += ["#" * body_level(heading, agenda_level) + " " + heading.title, ""]
            continue
        if line.blank:
            _blank(out)
            continue
        text = line.text if markdown else _plain(line.text)
        if len(out) > 1 and out[-1] == "" and _broken_sentence(out[-2], text):
            out.pop()
            out[-1] = f"{out[-1].rstrip()} {text.lstrip()}"
            continue
        if not markdown and out and out[-1] and not _continues(out[-1], text):
            out.append("")
        out.append(text)
    return _squeeze(out)


def _broken_sentence(previous: str, text: str) -> bool:
    """A paragraph break in mid-sentence (`… med info om` / `aktuella insatser`), as pasting from Word leaves."""
    if not (_prose(previous) and _prose(text)):
        return False
    return text.lstrip()[:1].islower() and not previous.rstrip().endswith((".", "!", "?", ":", ";"))


def _prose(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not line.startswith(("    ", "\t")) and not stripped.startswith(("#", "|", "<", ">")) and not is_bullet(stripped)


def _plain(text: str) -> str:
    """A plain-text line as Markdown: `•`/`-Text` bullets become `- `, stray `<` is escaped."""
    text = text.rstrip()
    text = re.sub(r"^(\s*)[•·–—]\s*", r"\1- ", text)
    text = re.sub(r"^(\s*)-(?=[^\W\d_])", r"\1- ", text)
    parts = _AUTOLINK.split(text)
    return "".join(f"<{part}>" if i % 2 else part.replace("<", "&lt;") for i, part in enumerate(parts))


def _continues(previous: str, text: str) -> bool:
    """Plain text: a list continues a list; a lower-case start continues a wrapped sentence."""
    if is_bullet(previous) and is_bullet(text):
        return True
    if previous.startswith("#"):
        return False
    first = strip_markup(text)[:1]
    return bool(first) and first.islower() and not previous.rstrip().endswith((".", "!", "?", ":"))


def _blank(out: list[str]) -> None:
    if out and out[-1] != "":
        out.append("")


def _squeeze(out: list[str]) -> str:
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"
