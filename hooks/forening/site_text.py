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

Not scanned, on purpose: binary files (images, PDFs; no text to read without
guessing), and the script and style files under `assets/javascripts/`,
`assets/stylesheets/` and Pagefind's runtime: Material's and Pagefind's are copied
unchanged from their packages (their licence headers name their authors' e-mail
addresses), and the theme's own scripts there (hooks/theme/) are code. None can
hold our content. Everything else, including files added later, is
scanned: a new file kind is covered until it is listed here as vendor.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import re
from collections.abc import Iterator
from fnmatch import fnmatch
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

Chunk = tuple[int, str]  # (1-based line, text)

# Copied unchanged from Material for MkDocs' and Pagefind's packages.
VENDOR = (
    "assets/javascripts/*",  # Material's bundle, search worker, source maps; hooks/theme/ scripts
    "assets/stylesheets/*",  # Material's CSS and source maps
    "pagefind/*.js",  # Pagefind's search runtime and UI
    "pagefind/*.css",
    "pagefind/wasm.*",
)
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


def is_vendor(rel: str) -> bool:
    return any(fnmatch(rel, pattern) for pattern in VENDOR)


def is_word_index(rel: str) -> bool:
    """Whether the file holds search terms (punctuation removed) rather than text."""
    return rel.endswith(PAGEFIND_WORDS)


def scan_targets(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """Every file of the built site that the guard reads, as (site-relative path, path)."""
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_file() and not is_vendor(rel):
            yield rel, path


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
    return [(i, html.unescape(html.unescape(line))) for i, line in enumerate(text.split("\n"), start=1)]


def html_chunks(text: str) -> list[Chunk]:
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


def _cbor_strings(data: bytes, pos: int) -> tuple[list[str], int]:
    """The text strings in one CBOR item (RFC 8949) at `pos`, and the position after it.

    CBOR writes nested items one after another, so a count of items still to read
    replaces recursion: a word index is mostly arrays of small numbers, and one
    call per number was most of the guard's time on Pagefind's files.
    """
    strings: list[str] = []
    pending = 1
    while pending:
        pending -= 1
        head = data[pos]
        major, info = head >> 5, head & 0x1F
        pos += 1
        if info < 24:
            arg = info
        elif info < 28:
            size = 1 << (info - 24)
            arg = int.from_bytes(data[pos : pos + size], "big")
            pos += size
        else:
            raise ValueError("indefinite-length CBOR is not used by Pagefind")
        if major == 3:
            strings.append(data[pos : pos + arg].decode("utf-8", errors="replace"))
            pos += arg
        elif major == 2:
            pos += arg
        elif major == 4:
            pending += arg
        elif major == 5:
            pending += 2 * arg
        elif major == 6:
            pending += 1  # a tag: the item it tags follows
    return strings, pos


def _gunzip(data: bytes) -> bytes:
    """Decompressed, but never more than 64 MiB (a site file, not a zip bomb)."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        out = stream.read(_MAX_UNZIPPED + 1)
    if len(out) > _MAX_UNZIPPED:
        raise ValueError("decompressed file larger than 64 MiB")
    return out
