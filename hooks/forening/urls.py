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


def minutes_src(entry: MinutesEntry) -> str:
    return f"{MINUTES}/{entry.group}/{entry.date.isoformat()}.md"


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
    rel = posixpath.relpath("/" + to, "/" + base) if to else posixpath.relpath("/", "/" + base)
    if (to == "" or to.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel
