"""Where each generated page lives: its source name for MkDocs and its URL.

One place for the URL scheme, so links between pages cannot drift. Pages are
served with directory URLs (`minnesanteckningar/norra/2021-05-05/`).
"""

from __future__ import annotations

import posixpath

from .archive import MinutesEntry

MINUTES = "minnesanteckningar"
PROJECTS = "projekt"
CALENDAR = "kalender"
CALENDAR_SRC = f"{CALENDAR}/index.md"
CALENDAR_FEED = f"{CALENDAR}.ics"  # every group's meetings
ATOM_FEED = "feed.xml"
SEEKING_SRC = f"{PROJECTS}/soker-deltagare.md"  # projects that take participants
SEEKING_FEED = f"{PROJECTS}/soker-deltagare.xml"
ARCHIVE_SRC = f"{MINUTES}/index.md"  # every minutes, by year
CATALOGUE_SRC = f"{PROJECTS}/index.md"  # every project
# The generated pages with a fixed name (besides /kontakt/ and the field reference, named in
# their modules); minutes, projects and groups are named by the functions below.
FIXED_SRCS = (ARCHIVE_SRC, CATALOGUE_SRC, CALENDAR_SRC, SEEKING_SRC)
# The Atom feed and what it holds, as every page's <head> announces it to feed readers.
# Only the one at the site's root: Material reads every <link rel="alternate"> as a
# language version and fetches sitemap.xml beside it, which for projekt/soker-deltagare.xml
# is a 404 on every page load (its page links that feed in its text).
FEEDS = ((ATOM_FEED, "nya minnesanteckningar och projekt"),)


def minutes_src(entry: MinutesEntry) -> str:
    return f"{MINUTES}/{entry.group}/{entry.date.isoformat()}.md"


def attachment_url(entry: MinutesEntry, file: str) -> str:
    """An attachment is published beside its minutes page, so its `file` link just works."""
    return url_of(minutes_src(entry)) + file


def group_src(slug: str) -> str:
    return f"{MINUTES}/{slug}/index.md"


def project_src(slug: str) -> str:
    return f"{PROJECTS}/{slug}.md"


def group_calendar_feed(slug: str) -> str:
    """One group's meetings, so a member can subscribe to her own group only."""
    return f"{CALENDAR}/{slug}.ics"


def url_of(src: str) -> str:
    """The directory URL MkDocs gives a source name (`a/b.md` → `a/b/`, `a/index.md` → `a/`)."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(from_src: str, to: str) -> str:
    """A link from the page built from `from_src` to the URL `to` (both site-relative)."""
    base = url_of(from_src)
    rel = _relpath(to, base)
    if (to == "" or to.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


def _relpath(to: str, base: str) -> str:
    """`posixpath.relpath("/" + to, "/" + base)` for the site's own URLs (no `.` or `..` in
    them), without its normalising: a page lists hundreds of links, a site has thousands of pages."""
    if "/." in "/" + to or "/." in "/" + base:
        return posixpath.relpath("/" + to, "/" + base)
    target = [part for part in to.split("/") if part]
    start = [part for part in base.split("/") if part]
    common = 0
    for a, b in zip(target, start):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."
