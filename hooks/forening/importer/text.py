"""Small text helpers the importer's readers share: folding, markup, labels, lines.

Secretaries write the same thing many ways (`**Närvarande:**`, `Närvarande`,
`## Närvarande`, `- Närvarande:`), so every reader compares a plain, folded form
of a line rather than the line itself.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
# `-Text` and `•Text` (no space) come from Word; `*` and `+` need a space, or `*kursiv*` would be a bullet.
_BULLET = re.compile(r"^\s*(?:[-•·–—](?:\s+|(?=[^\W\d_]))|[*+]\s+|\d{1,2}[.)]\s+)")
_EMPHASIS = re.compile(r"\*\*|__")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:]{0,40}?)\s*:\s*(?P<rest>.*)$")


@dataclass(frozen=True)
class Line:
    """One line of the input and where it was: its line (for Word: its paragraph) number."""

    number: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def clean(text: str) -> str:
    """Page and line breaks become line breaks, hard spaces spaces; other control characters go (tabs stay)."""
    text = re.sub("[\f\v\u2028\u2029\x85]", "\n", text).replace("\u00a0", " ")
    return _CONTROL.sub("", text)


def fold(text: str) -> str:
    """Lower case without accents, spaces collapsed: `Västra ` and `vastra` compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())


def strip_markup(text: str) -> str:
    """The words of a line without heading marks, bullets and bold markers."""
    text = _HEADING.sub("", text)
    text = _EMPHASIS.sub("", text)
    return text.strip()


def strip_bullet(text: str) -> str:
    """A list item's text without its marker (`- `, `* `, `• `, `-Text`, `1. `)."""
    return _BULLET.sub("", text, count=1).strip()


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text)) and bool(strip_bullet(text)) and not re.match(r"^\s*---", text)


def is_heading(text: str) -> bool:
    return bool(_HEADING.match(text)) and bool(strip_markup(text))


def split_label(text: str) -> tuple[str, str]:
    """(`folded label`, rest) for `Label: rest`; a line without a colon is all label.

    Callers compare the label with the words they know, so a sentence that is not
    a label simply matches nothing.
    """
    plain = strip_markup(text)
    if re.match(r"^\s*[-*•]\s+", plain):
        plain = strip_bullet(plain)
    match = _LABEL.match(plain)
    if match:
        return fold(match["label"]), match["rest"].strip()
    return fold(plain.rstrip(":").strip()), ""
