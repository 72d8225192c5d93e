"""Links and images in bodies that would lead nowhere on the built site: errors at path:line.

An editor links another page or shows an image with a relative address. MkDocs
reads one that names a file (`../../projekt/cresco-creare.md`, `../assets/logga.png`)
from the page's source file, as it will stand in the site: minutes as
`minnesanteckningar/<grupp>/<datum>.md`, a project as `projekt/<kortnamn>.md`. A
file it does not find stops the build with an English warning and no line; an
address without a file ending (`../../projekt/cresco-creare/`) it leaves as it is,
and the browser reads it from the page's address, one folder deeper, so it is
published broken and only the link check before deploying finds it, at a line of
the built page. This check says both at the body's own line, in `make check`.

What a body links is kept by the memo (it depends on the text only); which links
lead nowhere is decided over the archive each run.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import contact_page, dates, guide, publication, retention, siteconfig, urls
from .archive import Archive
from .codespans import Code
from .memo import FileText, remembered, text_of
from .prefetch import FileWork
from .problems import Problem
from .validate import Layout, docs_bodies

# `[text](address` and `![alt](address` (the text may run over lines); reference definitions `[name]: address`.
_LABEL = r"(?:[^\]\\]|\\.){0,500}"  # bounded: a text of many `[` and no `]` stays linear
_LINK = re.compile(r"(!?)\[" + _LABEL + r"\]\(\s*<?([^\s)>]+)")
_DEFINITION = re.compile(r"^ {0,3}\[" + _LABEL + r"\]:[ \t]*<?([^\s>]+)", re.MULTILINE)


def body_links(body: str) -> list[tuple[int, str]]:
    """(body line, address) for each relative address a body links or shows, code left out."""
    if "](" not in body and "]:" not in body:
        return []
    found = [(body.count("\n", 0, m.start(2)) + 1, m[2]) for m in _LINK.finditer(body)]
    found += [(body.count("\n", 0, m.start(1)) + 1, m[1]) for m in _DEFINITION.finditer(body)]
    found = [(line, address) for line, address in found if _relative(address)]
    if not found:
        return []
    code = Code(body)
    return sorted((line, address) for line, address in found if not code.holds(line, address))


def _relative(address: str) -> bool:
    parts = urlsplit(address)
    return not parts.scheme and not parts.netloc and not address.startswith(("/", "#")) and bool(parts.path)


_KIND = "bodylinks"  # what the memo keeps `body_links` of a body under


def _to_json(found: list[tuple[int, str]]) -> list[list]:
    return [list(link) for link in found]


def _from_json(stored: list) -> list[tuple[int, str]]:
    return [(int(line), str(address)) for line, address in stored]


# What `check_links` will ask the memo of each body, for the helper to do ahead (forening.prefetch).
READ_AHEAD = FileWork(_KIND, body_links, _to_json, body=True)


def check_links(layout: Layout, archive: Archive) -> list[Problem]:
    """A source check: every relative link and image in a body leads to a page or file of the site
    as it is published today (a link to minutes that retention has removed leads nowhere)."""
    site = _Site(layout, archive)
    bodies: list[tuple[str, str, FileText, int]] = []
    for entry in archive.minutes:
        bodies.append((entry.source, urls.minutes_src(entry), entry.body_text, entry.body_line))
    for project in archive.projects.values():
        bodies.append((project.source, urls.project_src(project.slug), project.body_text, project.body_line))
    for shown, body, first_line in docs_bodies(layout):
        bodies.append((shown, Path(shown).relative_to(site.docs_dir).as_posix(), body, first_line))
    problems = []
    for shown, src, body, first_line in bodies:
        for line, address in remembered(_KIND, body, lambda body=body: body_links(text_of(body)), _to_json, _from_json):
            message = site.leads_nowhere(src, address)
            if message:
                problems.append(Problem(shown, first_line + line - 1, "text", message))
    return problems


class _Site:
    """The pages and files of the site as MkDocs will have them, by source name."""

    def __init__(self, layout: Layout, archive: Archive) -> None:
        config, _ = siteconfig.read(layout.root, layout.config_file)
        self.docs_dir = config.docs_dir if config is not None else "docs"
        today, rules = dates.build_date(), retention.from_config(config)[0] if config is not None else None
        minutes = [entry for entry in archive.minutes if publication.is_published(entry, today, rules)]
        projects = [slug for slug, project in archive.projects.items() if publication.is_published(project, today, rules)]
        self.withdrawn = {urls.minutes_src(entry) for entry in archive.minutes} | {urls.project_src(slug) for slug in archive.projects}
        self.withdrawn -= {urls.minutes_src(entry) for entry in minutes} | {urls.project_src(slug) for slug in projects}
        folder = layout.root / self.docs_dir
        docs = [path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()] if folder.is_dir() else []
        self.pages = {src for src in docs if src.endswith(".md")}
        self.pages |= {urls.minutes_src(entry) for entry in minutes}
        self.pages |= {urls.project_src(slug) for slug in projects}
        self.pages |= {urls.group_src(slug) for slug in archive.groups}
        self.pages |= set(urls.FIXED_SRCS) | {contact_page.SRC, guide.SRC}
        self.files = {src for src in docs if not src.endswith(".md")}
        self.files |= {urls.CALENDAR_FEED, urls.ATOM_FEED, urls.SEEKING_FEED} | {urls.group_calendar_feed(slug) for slug in archive.groups}
        for entry in minutes:  # attachments are published beside their minutes page, until their publish_until
            self.files |= {
                urls.attachment_url(entry, attachment.file) for attachment in entry.meta.attachments if not publication.expired(attachment.publish_until, today)
            }
        self.urls = {urls.url_of(src) for src in self.pages}

    def leads_nowhere(self, src: str, address: str) -> str | None:
        """Why the address on the page built from `src` leads nowhere, or None if it leads somewhere."""
        path = unquote(urlsplit(address).path)
        if posixpath.splitext(path.rstrip("/"))[1]:  # names a file: MkDocs reads it from the source file
            target = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
            if target in self.pages or target in self.files:
                return None
            if target in self.withdrawn:
                return f"sidan `{address}` publiceras inte i dag (publish_until eller extra.retention i mkdocs.yml); ta bort länken eller länka en annan sida"
            if path.endswith(".md"):
                return f"sidan `{address}` finns inte på webbplatsen (adressen leder till {target}); rätta adressen, räknat från {src}"
            return f"filen `{address}` finns inte (adressen leder till {self.docs_dir}/{target}); lägg filen där eller rätta adressen, räknat från {src}"
        # An address like a folder: the browser reads it from the page's own address.
        target = posixpath.normpath(posixpath.join(urls.url_of(src) or ".", path))
        if target == "." or (not target.startswith("..") and f"{target}/" in self.urls):
            return None
        meant = posixpath.normpath(posixpath.join(posixpath.dirname(src), path.rstrip("/")))
        for page in (f"{meant}.md", f"{meant}/index.md"):
            if page in self.pages:
                written = path.rstrip("/") + (".md" if page.endswith(f"{meant}.md") else "/index.md")
                return f"länken `{address}` leder fel på den publicerade sidan (den läses från sidans adress, inte från filen); länka till filen: `{written}`"
        return f"länken `{address}` leder ingenstans på webbplatsen; länka till sidans fil, t.ex. `../../projekt/kortnamn.md` från minnesanteckningar"
