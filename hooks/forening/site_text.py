"""The text a visitor or a crawler can read in each file of the built site.

The privacy guard scans what this module extracts. Each format hides text its
own way, so each is read as what it is:

- HTML (and SVG): text and every attribute value, with character references
  decoded (Python-Markdown writes `<x@y.se>` as `&#109;&#97;...`). Text inside
  inline elements is joined (`070-<b>123</b>`), block elements break it.
  Attributes inside `<svg>` are drawing instructions (`d="M12 2A10 10 0 0 0..."`)
  and are skipped; SVG text (`<title>`) is read.
- JSON (MkDocs' search index, Pagefind's entry file): every string, HTML-decoded,
  since the search index stores page text as HTML.
- Pagefind's index (`pagefind/`): gzip-compressed; fragments are JSON and hold
  each page's text as written. The word index and metadata are CBOR, whose text
  strings are read one by one; they are search terms with the punctuation
  removed (`09:00–11:45` becomes `09001145`), so `is_word_index` tells the guard
  not to read phone numbers into them: the fragments hold the same numbers as
  written.
- iCalendar: lines unfolded and unescaped; `UID` values are identifiers in
  `name@host` form, not addresses, and are skipped.
- Any other text (sitemap, feeds, robots.txt, CSS of our own): line by line, XML
  and HTML entities decoded (feeds carry escaped HTML). `.gz` files are read
  decompressed.

Not scanned, on purpose: binary files (images, PDFs, Pagefind's wasm; no text to
read without guessing). Everything else is, vendor code included: Material's
bundle and CSS and Pagefind's runtime are read line by line like any text. The
vendor files that name their authors' or translators' e-mail addresses (source
maps, lunr, Pagefind's ready-made UIs) are not published at all (forening.vendor),
so a vendor file that brings an address in a later version fails the build.
One reading is special, and it is narrow: in Material's bundle `tel:` is code,
not a link (its table of input types reads `{tel:!0,email:!0,...}`), so in the
`CODE_LINKS` files the colon after `tel`, `mailto`, `sms` or `callto` is read as a
space: no link is found there, but an address or a number after it still is.
"""

from __future__ import annotations

import functools
import gzip
import html
import io
import json
import re
from collections.abc import Iterator
from fnmatch import fnmatch
from html.parser import HTMLParser
from typing import Any

from lxml import etree

Chunk = tuple[int, str]  # (1-based line, text)

# Minified vendor code in which `tel:` stands as an object key, not a link: Material's
# bundle (see the module's docstring). A scheme's colon is read as a space there.
CODE_LINKS = ("assets/javascripts/bundle.*.min.js",)
_SCHEME_COLON = re.compile(r"(?<![\w.-])(mailto|tel|sms|callto):", re.IGNORECASE)
PAGEFIND_DATA = (".pf_fragment", ".pf_meta", ".pf_index")
PAGEFIND_WORDS = (".pf_meta", ".pf_index")
_PAGEFIND_SIGNATURE = b"pagefind_dcd"
_GZIP_MAGIC = b"\x1f\x8b"
_MAX_UNZIPPED = 64 * 1024 * 1024

# Elements whose text runs on into the surrounding text.
_INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
}  # fmt: skip


def links_are_code(rel: str) -> bool:
    """Whether `mailto:`/`tel:` in the file are code rather than links (Material's bundle)."""
    return any(fnmatch(rel, pattern) for pattern in CODE_LINKS)


def is_search_index(rel: str) -> bool:
    """Whether the file is part of Pagefind's index: its page fragments, word index and metadata."""
    return rel.endswith(PAGEFIND_DATA)


def is_word_index(rel: str) -> bool:
    """Whether the file holds search terms (punctuation removed) rather than text."""
    return rel.endswith(PAGEFIND_WORDS)


def chunks(rel: str, data: bytes) -> list[Chunk] | None:
    """The readable text of one file, or None for a binary file."""
    name = rel
    if data[:2] == _GZIP_MAGIC:
        data = _gunzip(data)
        name = rel.removesuffix(".gz")
    if name.endswith(PAGEFIND_DATA):
        return _pagefind(name, data.removeprefix(_PAGEFIND_SIGNATURE))
    if b"\x00" in data[:8192]:
        return None
    text = data.decode("utf-8", errors="replace")
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    if suffix in ("html", "htm", "svg"):
        return html_chunks(text)
    if suffix in ("json", "webmanifest"):
        try:
            return [(1, s) for s in _json_strings(json.loads(text))]
        except ValueError:
            pass
    if suffix == "ics":
        return ics_chunks(text)
    lines = [(i, html.unescape(html.unescape(line))) for i, line in enumerate(text.split("\n"), start=1)]
    if links_are_code(name):
        return [(i, _SCHEME_COLON.sub(r"\1 ", line)) for i, line in lines]
    return lines


def html_chunks(text: str) -> list[Chunk]:
    """Text runs and attribute values of an HTML page, as Python's `html.parser` reads them.

    libxml2 (lxml) reads a page several times faster, which counts over thousands
    of pages, but where HTML is broken it repairs it and may drop text (past 256
    levels of nesting, after a second <body>, inside <textarea>, ...). So it reads
    only pages shaped like the theme's (`_plain_page`) and only when it reports
    no repair; every other page is read with `html.parser`. On such pages the two
    give the same texts (whitespace aside; tests/test_site_text.py checks that the
    guard finds no less). The line of a text run is the line of the element it
    starts in. The loop is the guard's busiest code, hence written out in one piece.
    """
    if not _plain_page(text):
        return _html_chunks_slow(text)
    root, errors = read_html(text)
    if root is None or errors:  # libxml2 had to repair something: read it as written
        return _html_chunks_slow(text)
    chunks: list[Chunk] = []
    run: list[str] = []  # the text run being read: data joins it, a block element ends it
    run_line = 1
    svg = 0
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = element.tag
        if event == "comment" or event == "pi":
            data = element.tail  # as html.parser: the comment is not read, the text after it runs on
        else:
            if run and tag not in _INLINE:  # a block element starts or ends: so does the run
                chunks.append((run_line, "".join(run)))
                run = []
            if event == "start":
                if tag == "svg":
                    svg += 1
                if not svg and element.attrib:
                    line = element.sourceline or 1
                    chunks.extend((line, value) for value in element.attrib.values() if value)
                data = element.text
            else:
                if tag == "svg" and svg:
                    svg -= 1
                data = element.tail
        if data:
            if not run:
                run_line = element.sourceline or 1
            run.append(data)
    if run:
        chunks.append((run_line, "".join(run)))
    return chunks


@functools.lru_cache(maxsize=1)
def read_html(text: str) -> tuple[Any, tuple[int, ...]]:
    """libxml2's tree of one page (None if it reads nothing) and the level of each error it reported.

    The privacy guard and the active-content check read each page one after the
    other (`checks.check_output`): this one-page cache parses it once for both.
    Neither changes the tree.
    """
    # Plain lxml elements (lxml.html's element classes cost a lookup each), and no table
    # of ids: nothing here looks an element up by id, and a repeated id is no repair.
    parser = etree.HTMLParser(collect_ids=False)
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, ValueError):
        return None, ()
    return root, tuple(error.level for error in parser.error_log)


# Where libxml2 and html.parser read a page differently, libxml2 may leave text out:
# it drops or moves what stands in a second <html>/<head>/<body> or after </html>,
# and reads <textarea>, <iframe>, <template>, <select> and CDATA sections by its own rules.
# One pattern finds both kinds in one pass over the page: the tags a plain page holds
# once each (group `once` or `closed`) and the starts of the others (no group).
_ONCE = ("html", "head", "/head", "body", "/body", "/html", "title")
_ELSEWHERE = ("![cdata[", "template", "textarea", "iframe", "select", "plaintext", "xmp", "noscript", "noembed", "noframes", "frameset")
_TAGS = re.compile(
    r"<(?P<once>html|head|body|title)[\s>]|<(?P<closed>/(?:head|body|html))\s*>|<(?:%s)" % "|".join(map(re.escape, _ELSEWHERE))
)


def _plain_page(text: str) -> bool:
    """A page libxml2 reads as html.parser does: one <html>, <head> and <body> each, nothing
    after </html>, none of the elements with text rules of their own. Theme pages are."""
    lowered = text.lower()
    seen: list[str] = []
    for match in _TAGS.finditer(lowered):
        tag = match["once"] or match["closed"]
        if tag is None:  # one of _ELSEWHERE
            return False
        seen.append(tag)
    return len(seen) == len(_ONCE) and set(seen) == set(_ONCE) and lowered.rstrip().endswith("</html>")


def _html_chunks_slow(text: str) -> list[Chunk]:
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    parser.flush()
    return parser.chunks


def ics_chunks(text: str) -> list[Chunk]:
    """Unfolded content lines (RFC 5545 3.1), unescaped, without UID values."""
    result: list[Chunk] = []
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if line[:1] in (" ", "\t") and result:
            first, previous = result[-1]
            result[-1] = (first, previous + line[1:])
        else:
            result.append((number, line))
    unescaped = [(n, re.sub(r"\\([,;\\nN])", lambda m: "\n" if m[1] in "nN" else m[1], line)) for n, line in result]
    return [(n, line) for n, line in unescaped if not re.match(r"UID[;:]", line, re.IGNORECASE)]


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[Chunk] = []
        self._text: list[str] = []
        self._line = 1
        self._svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _INLINE:
            self.flush()
        if tag == "svg":
            self._svg += 1
        if not self._svg:
            line = self.getpos()[0]
            self.chunks.extend((line, value) for _, value in attrs if value)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _INLINE:
            self.flush()
        if tag == "svg" and self._svg:
            self._svg -= 1

    def handle_data(self, data: str) -> None:
        if not self._text:
            self._line = self.getpos()[0]
        self._text.append(data)

    def flush(self) -> None:
        if self._text:
            self.chunks.append((self._line, "".join(self._text)))
            self._text = []


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield html.unescape(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _pagefind(name: str, data: bytes) -> list[Chunk]:
    """Pagefind's fragments are JSON; its index and metadata are CBOR."""
    if name.endswith(".pf_fragment"):
        try:
            return [(1, s) for s in _json_strings(json.loads(data))]
        except ValueError:
            pass
    try:
        strings, _ = _cbor_strings(data, 0)
        return [(1, s) for s in strings]
    except (IndexError, ValueError):
        # An unknown layout: read what looks like text rather than nothing.
        return [(1, data.decode("utf-8", errors="replace"))]


# Every CBOR head that is not a byte or text string, with its argument bytes: numbers,
# the heads of arrays, maps and tags (their items follow as heads of their own), and
# simple values. Read in one regular-expression match, a run of these costs no Python.
_NOT_STRINGS = re.compile(
    rb"(?:[\x00-\x17\x20-\x37\x80-\x97\xa0-\xb7\xc0-\xd7\xe0-\xf7]"
    rb"|[\x18\x38\x98\xb8\xd8\xf8].|[\x19\x39\x99\xb9\xd9\xf9].{2}"
    rb"|[\x1a\x3a\x9a\xba\xda\xfa].{4}|[\x1b\x3b\x9b\xbb\xdb\xfb].{8})*",
    re.DOTALL,
)


def _cbor_strings(data: bytes, pos: int) -> tuple[list[str], int]:
    """The text strings in CBOR data (RFC 8949) from `pos` on, and the position after them.

    With definite lengths, which is all Pagefind writes, CBOR is a flat sequence of
    heads in document order: an array's head is followed by its items' heads. So
    the text strings are found by reading head after head, without following the
    nesting. A word index is hundreds of thousands of small numbers and a few
    thousand words: `_NOT_STRINGS` passes over the numbers, Python reads the words.
    """
    strings: list[str] = []
    end = len(data)
    while True:
        pos = _NOT_STRINGS.match(data, pos).end()  # type: ignore[union-attr]  # matches the empty string too
        if pos >= end:
            return strings, pos
        head = data[pos]
        major, info = head >> 5, head & 0x1F
        if major not in (2, 3) or info > 27:
            raise ValueError("indefinite-length or reserved CBOR is not used by Pagefind")
        pos += 1
        if info < 24:
            size = info
        else:
            width = 1 << (info - 24)
            size = int.from_bytes(data[pos : pos + width], "big")
            pos += width
        if pos + size > end:
            raise ValueError("a CBOR string runs past the end of the file")
        if major == 3:
            strings.append(data[pos : pos + size].decode("utf-8", errors="replace"))
        pos += size


def _gunzip(data: bytes) -> bytes:
    """Decompressed, but never more than 64 MiB (a site file, not a zip bomb)."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        out = stream.read(_MAX_UNZIPPED + 1)
    if len(out) > _MAX_UNZIPPED:
        raise ValueError("decompressed file larger than 64 MiB")
    return out
