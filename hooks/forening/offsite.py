"""No page makes a request to another host: what would, and two checks for it.

A visitor's browser fetches every image, video, style sheet and font a page names,
and each fetch tells that host the visitor's address and which page they read: the
case the German courts decided against Google Fonts. So the site loads nothing from
anywhere but itself. Markdown makes it easy to break by accident: an editor who
pastes `![Logga](https://…/logga.png)` into minutes, or `<img src="https://…">` into
a page in docs/, would publish a page that reports every reader to that host.

- `check_bodies` (a source check, run also when other checks found errors) refuses
  such images and files in every body of minutes and projects and in the pages in
  docs/, at path:line, in Swedish, before anything is built; and
- `output_check` (an output check) parses every built page and style sheet and
  refuses any element, attribute or CSS rule that would fetch from another host,
  wherever it came from: a page, a template, a theme setting (Material's `font`
  loads Google Fonts).

A link (`[text](https://…)`, `<a href>`) is not a request: the visitor chooses to
follow it. The site's own host (`site_url`) is not another host. Scripts, frames and
embeds from anywhere are forening.activecontent's to refuse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from html.parser import HTMLParser
from urllib.parse import urlsplit

from . import siteconfig
from .codespans import Code
from .memo import remembered, text_of
from .prefetch import FileWork
from .problems import Problem
from .site_text import read_html
from .validate import Layout, SourceFile, bodies

# The attributes each element fetches from (HTML's living standard; SVG's `image`,
# `use` and `feImage`, lower-cased as libxml2 and html.parser read them). `link` is
# decided by its `rel` (see `_link_fetches`); any element's `style` by its url().
FETCHING = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
    "body": ("background",),
    "table": ("background",),
    "td": ("background",),
    "th": ("background",),
    "link": ("href", "imagesrcset"),
}

# `rel` values of a <link> the browser does not fetch: where the page is, or other
# versions of it (Material writes canonical, and our feeds are alternates).
_NOT_FETCHED_RELS = frozenset({"canonical", "alternate", "prev", "next", "author", "license", "help", "bookmark", "me", "tag"})

_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE | re.DOTALL)

# Browsers drop tabs and line breaks anywhere in a URL, trim spaces and control
# characters around it, and read `\` as `/` in web addresses (`\\host` is `//host`).
_DROPPED = re.compile(r"[\t\n\r]")
_TRIMMED = "".join(map(chr, range(0x21)))  # space and the C0 control characters


def host_of(url: str) -> str | None:
    """The host a browser would fetch `url` from, or None for this site's own files
    (a relative address, `data:`). Only a host is of interest: the caller compares it
    with the site's own."""
    cleaned = _DROPPED.sub("", url).strip(_TRIMMED).replace("\\", "/")
    try:
        parts = urlsplit(cleaned)
        host = parts.hostname
    except ValueError:  # an address no browser could fetch either
        return None
    if host:
        return host
    if parts.scheme.lower() in ("http", "https") and parts.path.strip("/"):
        return parts.path.strip("/").split("/")[0].lower()  # `https:host/x`: browsers read the host
    return None


def urls_fetched(tag: str, attributes: Iterable[tuple[str, str | None]]) -> Iterator[tuple[str, str]]:
    """(attribute, URL) for each URL an element with these attributes makes the browser fetch."""
    attributes = [(name.lower(), value or "") for name, value in attributes]
    fetching = FETCHING.get(tag, ())
    if tag == "link" and not _link_fetches(dict(attributes).get("rel", "")):
        fetching = ()
    for name, value in attributes:
        if name in fetching:
            for url in _srcset(value) if name.endswith("srcset") else (value,):
                yield name, url
        elif name == "style":
            for url in css_urls(value):
                yield name, url
        elif name == "ping":  # <a ping>: a request when the link is followed
            for url in value.split():
                yield name, url


def _link_fetches(rel: str) -> bool:
    tokens = set(rel.lower().split())
    return not tokens or not tokens <= _NOT_FETCHED_RELS


def _srcset(value: str) -> Iterator[str]:
    """The URLs of a srcset: each candidate is a URL and an optional width or density."""
    for candidate in value.split(","):
        words = candidate.split()
        if words:
            yield words[0]


def css_urls(css: str) -> Iterator[str]:
    """The URLs CSS fetches: `url(…)` and `@import "…"`."""
    return (url for _, url in _css_references(css))


def _css_references(css: str) -> Iterator[tuple[int, str]]:
    """(offset, URL) of each `url(…)` and `@import "…"` in CSS."""
    for match in _CSS_URL.finditer(css):
        yield match.start(), match[2] if match[2] is not None else match[4]


def _message(tag: str, attribute: str, host: str) -> str:
    if attribute == "ping":
        request = f"sidan skulle anropa en annan webbplats ({host}) när länken följs"
    else:
        request = f"sidan skulle hämta {_what(tag, attribute)} från en annan webbplats ({host})"
    return (
        f"{request}, som då får veta vem som läser sidan; lägg filen i docs/assets/ och hänvisa dit "
        "(se guiden För redaktörer, Skriv så här), eller gör en vanlig länk: [text](https://…)"
    )


def _what(tag: str, attribute: str) -> str:
    """What a request fetches, in the editor's words."""
    if attribute in ("poster", "background", "srcset") or (tag in _IMAGES and attribute != "style"):
        return "en bild"
    return _OTHERS.get(tag, "en fil")


_IMAGES = frozenset({"img", "input", "image", "use", "feimage"})
_OTHERS = {"video": "en video", "audio": "ett ljud", "track": "en textremsa"}


# --- The source check: bodies of minutes, projects and pages in docs/ -----------------------

# `![alt](url` and `![alt][label]`, `![label][]`, `![label]` with `[label]: url` elsewhere.
_LABEL = r"(?:[^\]\\\n]|\\.){0,500}"  # bounded: a line of many `[` stays linear
_INLINE_IMAGE = re.compile(r"!\[" + _LABEL + r"\]\(\s*<?([^\s)>]*)")
_IMAGE_REFERENCE = re.compile(r"!\[(" + _LABEL + r")\](?:\s?\[(" + _LABEL + r")\])?(?!\()")
_DEFINITION = re.compile(r"^ {0,3}\[(" + _LABEL + r")\]:[ \t]*\n?[ \t]*<?([^\s>]+)", re.MULTILINE)


class _TagFinder(HTMLParser):
    """Collects (line, element, attribute, URL) for every URL the HTML tags in a Markdown text fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        self.found.extend((line, tag, attribute, url) for attribute, url in urls_fetched(tag, attrs))


def body_requests(body: str) -> list[tuple[int, str, str, str]]:
    """(body line, element, attribute, URL) for each absolute URL one Markdown body would fetch.

    Which of them are another host's is decided after (the site's own host is a
    setting), so that the memo can keep this for any site. A body without `//` or
    `\\` names no host, and is not parsed (most minutes)."""
    if "//" not in body and "\\" not in body and "http" not in body:
        return []
    found: list[tuple[int, str, str, str]] = []
    if "![" in body:
        found += [(_line(body, match.start()), "img", "src", match[1]) for match in _INLINE_IMAGE.finditer(body)]
        used = {_label(match[2] or match[1]) for match in _IMAGE_REFERENCE.finditer(body)}
        found += [(_line(body, match.start(2)), "img", "src", match[2]) for match in _DEFINITION.finditer(body) if _label(match[1]) in used]
    if "<" in body:
        finder = _TagFinder()
        finder.feed(body)
        finder.close()
        found += finder.found
    if not found:
        return []
    code = Code(body)
    return [request for request in found if host_of(request[3]) is not None and not code.holds(request[0], request[3])]


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def _label(label: str) -> str:
    """A reference label as Markdown matches it: case and runs of spaces do not count."""
    return " ".join(label.lower().split())


_KIND = "offsite"  # what the memo keeps `body_requests` of a body under


def _to_json(found: list[tuple[int, str, str, str]]) -> list[list]:
    return [list(request) for request in found]


def _from_json(stored: list) -> list[tuple[int, str, str, str]]:
    return [(int(line), str(tag), str(attribute), str(url)) for line, tag, attribute, url in stored]


def check_bodies(layout: Layout, files: list[SourceFile]) -> list[Problem]:
    """Source check: no body of minutes or projects (every readable file's), nor any page in
    docs/, names an image or other file on another host."""
    config, _ = siteconfig.read(layout.root, layout.config_file)  # mkdocs.yml's own problems are reported elsewhere
    own = _own_host(config.site_url if config else "")
    problems: list[Problem] = []
    for path, body, first_line in bodies(layout, files):
        for line, tag, attribute, url in remembered(_KIND, body, lambda body=body: body_requests(text_of(body)), _to_json, _from_json):
            host = host_of(url)
            if host is not None and host != own:
                problems.append(Problem(path, first_line + line - 1, "text", _message(tag, attribute, host)))
    return sorted(set(problems))


# What `check_bodies` will ask the memo of each body, for the helper to do ahead (forening.prefetch).
READ_AHEAD = FileWork(_KIND, body_requests, _to_json, body=True)


def _own_host(site_url: str) -> str | None:
    return urlsplit(site_url).hostname if site_url else None


# --- The output check: every built page and style sheet ---------------------------------------


def page_requests(text: str, own_host: str | None) -> list[tuple[int, str]]:
    """(line, message) for each request one built HTML page would make to another host."""
    root, _ = read_html(text)  # parsed once for this check, the privacy guard and active content
    if root is None:
        return []  # forening.activecontent reports a page it cannot read
    found: list[tuple[int, str]] = []
    for element in _fetching_elements(root, text):
        tag = element.tag.lower()
        requests = list(urls_fetched(tag, element.items()))
        if tag == "style":
            requests += [("", url) for url in css_urls(element.text or "")]
        for attribute, url in requests:
            host = host_of(url)
            if host is not None and host != own_host:
                where = f"`{attribute}` i <{tag}>" if attribute else f"<{tag}>"
                found.append((element.sourceline or 1, f"{_message(tag, attribute, host)} ({where})"))
    return found


def _fetching_elements(root: Any, text: str) -> Iterator[Any]:
    """The elements of a page that may fetch: those `FETCHING` names and <style>, in one
    pass of libxml2's own (a Python loop over every element costs as much again as the
    rest of this check), then, only in a page whose text holds the attribute at all, any
    element with a `style` or `ping` attribute (Material's pages have none)."""
    yield from root.iter(*FETCHING, "style")
    if "style=" in text or "ping=" in text:
        yield from (element for element in root.iter() if isinstance(element.tag, str) and element.tag.lower() not in FETCHING and element.tag.lower() != "style" and ("style" in element.attrib or "ping" in element.attrib))


def output_check(settings: dict) -> Callable[[str, bytes], list[Problem]]:
    """The check of one built file: an HTML page's or style sheet's requests to other hosts."""
    own = _own_host(settings.get("site_url", ""))

    def check(rel: str, data: bytes) -> list[Problem]:
        if rel.endswith(".html"):
            found = page_requests(data.decode("utf-8", errors="replace"), own)
        elif rel.endswith(".css"):
            found = _css_requests(data.decode("utf-8", errors="replace"), own)
        else:
            return []
        return [Problem(rel, line, "", message) for line, message in found]

    return check


def _css_requests(css: str, own_host: str | None) -> list[tuple[int, str]]:
    if "url(" not in css.lower() and "@import" not in css.lower():
        return []
    found = []
    for at, url in _css_references(css):
        host = host_of(url)
        if host is not None and host != own_host:
            found.append((_line(css, at), _message("style", "", host)))
    return found
