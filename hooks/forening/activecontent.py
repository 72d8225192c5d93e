"""No page runs anyone's script: what counts as active content, and two checks for it.

Minutes and project bodies are Markdown written by editors, and Markdown lets HTML
through: Python-Markdown copies `<script>`, `<img onerror=…>` and
`[x](javascript:…)` into the page as they are (entities such as `java&#x73;cript:`
included), and the `attr_list` extension turns `## Rubrik { onclick="…" }` into an
event handler. The site needs none of these, so

- `check_bodies` (a source check, run also when other checks found errors)
  refuses them in every body of minutes and projects and in the hand-written pages
  in docs/, at path:line, in Swedish, before anything is built; and
- `output_check` (an output check, run by `checks.check_output`) parses every
  built page and refuses any script that is not the theme's own, any event-handler
  attribute and any script URL, wherever it came from: a hand-written page in
  docs/, a template, the adapter's escaping.

Refused, not sanitised: an editor who pastes an `<iframe>` learns at once that it will
not be shown, instead of finding it silently missing from the published page. Code
spans are not exempt: Markdown's rules for where one starts are subtle (an escaped
backtick does not), and a mistaken exemption would let a real `<script>` through.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from .memo import FileText, remembered, text_of
from .prefetch import FileWork
from .problems import Problem
from .site_text import read_html
from .validate import Layout, SourceFile, bodies

# Elements that run script, load another page into this one or redirect its links.
ACTIVE_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base"})

# Elements that belong to the page, not to a text: refused in bodies (the theme uses them).
PAGE_TAGS = frozenset({"meta", "link", "style", "form"})


def _spaced(word: str) -> str:
    # Browsers drop tabs and line breaks inside a URL before they read its scheme.
    return "[\\t\\n\\r]*".join(map(re.escape, word))


SCRIPT_URL = re.compile(f"{_spaced('javascript:')}|{_spaced('vbscript:')}", re.IGNORECASE)

# attr_list's `{ … onclick=… }` after a heading, link or paragraph.
_ATTR_LIST_HANDLER = re.compile(r"\{[^{}\n]*?(?<![\w-])(on[a-z]+)\s*=", re.IGNORECASE)

# The inline scripts Material for MkDocs 9.8 writes into every page (main.html, base.html).
THEME_SCRIPTS = (
    "__md_scope=new URL(",
    'var palette=__md_get("__palette")',
    "var target=document.getElementById(location.hash.slice(1))",
)


def _tag_message(tag: str) -> str:
    return (
        f"HTML-taggen <{tag}> är inte tillåten i texten (den kan köra skript, bädda in andra webbplatser "
        "eller ändra hela sidan); ta bort den, och länka i stället med [text](https://adress)"
    )


def _handler_message(name: str) -> str:
    return f"attributet `{name}` är inte tillåtet (det kör skript i besökarens webbläsare); ta bort det"


def _url_message(found: str) -> str:
    scheme = re.sub(r"[\t\n\r]", "", found).lower()
    return f"länkar som börjar med `{scheme}` är inte tillåtna (de kör skript); länka till en adress som börjar med https://"


class _BodyFinder(HTMLParser):
    """Collects (line, message) for refused tags and event handlers in Markdown text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in ACTIVE_TAGS or tag in PAGE_TAGS:
            self.found.append((line, _tag_message(tag)))
        for name, _ in attrs:
            if name.startswith("on"):
                self.found.append((line, _handler_message(name)))


def body_problems(path: str, body: str | FileText, first_line: int) -> list[Problem]:
    """Active content in one Markdown body; `first_line` is the file line the body starts on."""
    found = remembered(_KIND, body, lambda: _body_findings(text_of(body)), _findings_to_json, _findings_from_json)
    return sorted({Problem(path, first_line + line - 1, "text", message) for line, message in found})  # "text": the body, as the privacy guard says


def _body_findings(body: str) -> list[tuple[int, str]]:
    """(body line, message) for everything in one body that could run a script."""
    finder = _BodyFinder()
    finder.feed(body)
    finder.close()
    found = list(finder.found)
    for match in _ATTR_LIST_HANDLER.finditer(body):
        found.append((body.count("\n", 0, match.start()) + 1, _handler_message(match[1].lower())))
    text = html.unescape(body) if "&" in body else body  # `java&#x73;cript:` is javascript: to a browser
    for match in script_urls(text):
        found.append((text.count("\n", 0, match.start()) + 1, _url_message(match[0])))
    return found


def script_urls(text: str) -> Iterator[re.Match[str]]:
    """`SCRIPT_URL.finditer(text)`, tried only before a colon.

    Each match ends at its only colon, after 10 letters (`javascript`) or 8
    (`vbscript`) with tabs and line breaks between: so each colon is searched
    back from its tenth letter before it. A body has a few dozen colons, and the
    pattern tried at every position of 50 MB of minutes costs most of a second.
    """
    at = text.find(":")
    while at >= 0:
        start = max(0, at - _LETTERS)
        while start > 0 and (at - start) - _breaks(text, start, at) < _LETTERS:  # too few letters: breaks between
            start = max(0, at - _LETTERS - _breaks(text, start, at))
        for match in SCRIPT_URL.finditer(text, start, at + 1):
            if match.end() == at + 1:
                yield match
        at = text.find(":", at + 1)


_LETTERS = len("javascript")  # the longest scheme SCRIPT_URL finds


def _breaks(text: str, start: int, end: int) -> int:
    """The tabs and line breaks in `text[start:end]`, which browsers drop inside a URL's scheme."""
    return text.count("\t", start, end) + text.count("\n", start, end) + text.count("\r", start, end)


_KIND = "activecontent"  # what the memo keeps `_body_findings` of a body under


def _findings_to_json(found: list[tuple[int, str]]) -> list[list]:
    return [list(finding) for finding in found]


def _findings_from_json(stored: list) -> list[tuple[int, str]]:
    return [(int(line), str(message)) for line, message in stored]


def check_bodies(layout: Layout, files: list[SourceFile]) -> list[Problem]:
    """Source check: no body of minutes or projects (every readable file's), nor any page in
    docs/, holds script, embeds or script links. The pages are checked here too, not only in
    the built site, so the editor learns it from `make check` at the page's own line."""
    return [problem for path, body, first_line in bodies(layout, files) for problem in body_problems(path, body, first_line)]


# What `check_bodies` will ask the memo of each body, for the helper to do ahead (forening.prefetch).
READ_AHEAD = FileWork(_KIND, _body_findings, _findings_to_json, body=True)


def page_findings(text: str) -> list[tuple[int, str]]:
    """(line, message) for everything in one built HTML page that could run a script."""
    root, errors = read_html(text)  # parsed once for this check and the privacy guard
    if root is None:
        return [(1, "sidan är tom eller kan inte läsas som HTML")]
    if any(level >= etree.ErrorLevels.FATAL for level in errors):
        # libxml2 stops reading past 256 levels of nesting: what it did not read, it cannot check.
        return [(1, "sidan kan inte läsas hel (HTML nästlad i fler än 256 nivåer); förenkla HTML-koden i sidan")]
    found: list[tuple[int, str]] = []
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments, processing instructions
            continue
        line = element.sourceline or 1
        tag = element.tag.lower()
        if tag == "script" and not _theme_script(element):
            found.append((line, "skript som inte kommer från temat; bara temats egna skript får finnas på sidan"))
        elif tag in ACTIVE_TAGS and tag != "script":
            found.append((line, _tag_message(tag)))
        elif tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append((line, "<meta http-equiv=refresh> skickar besökaren vidare; ta bort den"))
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append((line, _handler_message(name.lower())))
            match = SCRIPT_URL.search(value)
            if match:
                found.append((line, _url_message(match[0])))
    return found


def _theme_script(element: Any) -> bool:
    """The theme's scripts: its bundle (a file on this site), its JSON config, its inline snippets."""
    src = element.get("src")
    if src is not None:
        parts = urlsplit(src)
        return not parts.scheme and not parts.netloc and not (element.text or "").strip()
    if (element.get("type") or "").lower() == "application/json":
        return True  # data, never run
    return (element.text or "").lstrip().startswith(THEME_SCRIPTS)


def output_check(settings: dict) -> Callable[[str, bytes], list[Problem]]:
    """The check of one built file: an HTML page's findings, nothing for other files."""

    def check(rel: str, data: bytes) -> list[Problem]:
        if not rel.endswith(".html"):
            return []
        text = data.decode("utf-8", errors="replace")
        return [Problem(rel, line, "", message) for line, message in page_findings(text)]

    return check
