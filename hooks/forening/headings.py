"""The headings of a Markdown body, and the anchors MkDocs gives them.

A project page links straight to the agenda heading under which a minutes page
names the project, so the anchor must be exactly the id that the `toc` extension
writes when MkDocs renders that page. Rather than copy its rules (inline markup
stripped, `slugify`, `_1`, `_2` for a repeated heading, `{#id}` from attr_list),
the headings are rendered by Python-Markdown's own `toc` extension, on a small
document that holds only the headings, once per minutes page.

Only headings written in Markdown take part: the page's own header and footer
are HTML blocks, which Python-Markdown passes through untouched, so their ids
neither come first nor shift the body's ids. Those ids contain `--`
(`fm--rubrik`, `fm--nasta-mote`), which `slugify` never produces (it folds runs
of dashes), so a body heading can never share an id with them
(tests/test_headings.py checks both against the built site).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache, lru_cache

import markdown
from markdown.extensions.toc import slugify, unique

# The Markdown extensions that decide heading ids; mkdocs.yml uses the same
# (`toc` with its default slugify, and `attr_list` for `## Rubrik {#id}`).
ID_EXTENSIONS = ("toc", "attr_list")

# Python-Markdown's rules (blockprocessors.py): a line that starts with `#` is a
# heading (`#` to `######`; more `#` stay in the text of an h6); a setext heading
# is a block's first line with a line of `=` or `-` under it.
_ATX = re.compile(r"^(#{1,6})")
_SETEXT_UNDERLINE = re.compile(r"^(?:=+|-+)[ ]*$")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*\S")
_QUOTE = re.compile(r"^(?:[ ]{0,3}>[ ]?)+")
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[*+-]|\d+\.)[ ]+")
_RULE = re.compile(r"^[ ]{0,3}(?:(?:-[ ]{0,2}){3,}|(?:_[ ]{0,2}){3,}|(?:\*[ ]{0,2}){3,})$")
_INDENT = "    "
# Heading text without anything Markdown or HTML would change: no emphasis, code,
# links, HTML, entities, escapes or attribute lists.
_PLAIN = re.compile(r"^[^*_`\[\]<>&\\{}!]*$")


@dataclass(frozen=True)
class Heading:
    """A heading of the body: where it is, how deep, what it says, its anchor."""

    line: int  # 0-based line in the body where the heading text stands
    level: int
    text: str  # plain text, as the reader sees it
    anchor: str  # the id MkDocs gives it


def headings(body: str) -> list[Heading]:
    """Every Markdown heading of `body`, in order, with its MkDocs anchor."""
    lines = body.split("\n")
    found = _find(lines)
    if not found:
        return []
    if all(_PLAIN.match(text) for _, _, text in found):
        # The usual case (`## 4. Cresco Creare`): no markup, so toc's own slugify and
        # unique give the ids directly, without a Markdown run per minutes page.
        used: set[str] = set()
        names = [_plain_name(text) for _, _, text in found]
        tokens = [{"name": name, "id": unique(_slug(name), used)} for name in names]
    else:
        blocks = [text for _, _, text in found]
        # Reference links in a heading (`## [Cresco][c]`) need their definitions.
        blocks += [text for text in lines if _REFERENCE.match(text)]
        tokens = _render_ids("\n\n".join(blocks) + "\n")
    return [
        Heading(line=line, level=level, text=html.unescape(token["name"]), anchor=token["id"])
        for (line, level, _), token in zip(found, tokens, strict=True)
    ]


@lru_cache(maxsize=4096)
def _slug(name: str) -> str:
    """toc's own slugify: the same agenda headings come back in meeting after meeting."""
    return slugify(name, "-")


def _plain_name(text: str) -> str:
    """A heading's text as toc names it, when it holds no markup."""
    first = text.split("\n", 1)[0]
    atx = _ATX.match(first)
    if atx:  # `## A ##` → `A`; a seventh `#` stays in the text, as in Python-Markdown
        return first[atx.end() :].rstrip("#").strip()
    return first.strip()


def _find(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line, level, Markdown of the heading alone) for every heading.

    Follows Python-Markdown's block rules as far as minutes use them: headings
    in block quotes and in list items count, indented code blocks do not. Not
    modelled: "lazy" lines that continue a list item or quote without a blank
    line before a heading (tests/test_headings.py proves the rest equal to
    Python-Markdown's own result).
    """
    found: list[tuple[int, int, str]] = []
    block_start = True  # the line opens a block: after a blank line or a heading
    in_code = False
    in_list = False
    nested = False  # inside an indented block of a list item
    underline = -1  # the line under a setext heading just found
    for i, raw in enumerate(lines):
        if i == underline:
            block_start = True  # Python-Markdown starts a new block after it
            continue
        if not raw.strip():
            block_start = True
            continue
        indented = raw.startswith((_INDENT, "\t"))
        if not indented:
            block_start = block_start or in_code  # Python-Markdown starts a new block after code
            in_code = False
            in_list = (bool(_LIST_ITEM.match(raw)) and not _RULE.match(raw)) or (in_list and not block_start)
        elif block_start and not in_list:
            in_code = True
        if in_code:
            block_start = False
            continue
        if indented:
            # Inside a list item, an indented block after a blank line is parsed
            # as Markdown blocks; anywhere else an indented line continues a paragraph.
            nested = in_list and (nested or block_start)
            if not nested:
                block_start = False
                continue
        else:
            nested = False
        text = _content(raw)
        quoted = bool(_QUOTE.match(raw))
        atx = _ATX.match(text)
        if atx:
            found.append((i, len(atx[1]), text))
            # A line right after a quote continues the quote (Python-Markdown's lazy quotes).
            block_start = not quoted
            in_list = in_list and nested  # a heading outside a list item ends the list
            continue
        under = _content(lines[i + 1]) if block_start and i + 1 < len(lines) else ""
        if under and _SETEXT_UNDERLINE.match(under):
            found.append((i, 1 if under.startswith("=") else 2, f"{text}\n{under}"))
            underline = i + 1
        block_start = bool(_RULE.match(text))  # a rule splits the block it stands in
        in_list = in_list and (nested or not block_start)  # and ends a list
    return found


def _content(line: str) -> str:
    """A line without block-quote markers and list-item indentation."""
    if line[:1] not in (">", " ", "\t"):
        return line  # the usual line: nothing to take away
    line = _QUOTE.sub("", line)
    while line.startswith((_INDENT, "\t")):
        line = line[1:] if line.startswith("\t") else line[len(_INDENT) :]
    return line


@cache
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(ID_EXTENSIONS))


def _render_ids(document: str) -> list[dict]:
    """The `toc` extension's tokens for `document`, flattened in page order."""
    md = _markdown()
    md.reset()
    md.convert(document)
    flat: list[dict] = []

    def walk(tokens: list[dict]) -> None:
        for token in tokens:
            flat.append(token)
            walk(token.get("children", []))

    walk(md.toc_tokens)  # type: ignore[attr-defined]
    return flat
