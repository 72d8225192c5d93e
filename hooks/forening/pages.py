"""Generate the site's pages from the archive: plain Markdown strings.

Each generator takes the `Build` (the published archive, the build date, the
settings) and returns `Page`s. The MkDocs hook adds them
as generated files; another generator could write them to a folder instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from itertools import groupby

from . import catalogue, dates, events, feed, ical, meetings, participants, retention, urls
from .archive import Archive, MinutesEntry
from .contact_page import contact_pages
from .guide import guide_pages
from .helper import Helper
from .links import Links
from .render import render
from .speed import without_gc_pauses


@dataclass(frozen=True)
class Build:
    """What every generator gets: the archive and the facts of this build."""

    archive: Archive
    today: dt.date  # the build date: "coming" and "past" are relative to it
    settings: dict = field(default_factory=dict)  # the site's `extra` settings from mkdocs.yml


@dataclass(frozen=True)
class Page:
    """A page to publish. `title` is plain text (the adapter escapes it for MkDocs)."""

    src: str  # source name as MkDocs sees it, e.g. projekt/cresco-creare.md
    markdown: str
    title: str
    description: str = ""
    source: str | None = None  # the editor's file behind it, for the edit link
    in_nav: bool = False
    meta: dict = field(default_factory=dict)  # extra page meta (e.g. search settings)


def minutes_title(archive: Archive, entry: MinutesEntry) -> str:
    if entry.meta.title:
        return entry.meta.title
    return f"{archive.group_name(entry.group)} {dates.meeting_date(entry.meta)}"


def minutes_pages(build: Build) -> Iterator[Page]:
    archive = build.archive
    for entry in archive.minutes:
        src = urls.minutes_src(entry)
        prev, nxt = archive.neighbours[entry.key]
        title = minutes_title(archive, entry)
        header = render(
            "minutes_header.html",
            src,
            entry=entry,
            meta=entry.meta,
            title=title,
            group_name=archive.group_name(entry.group),
            group_url=urls.url_of(urls.group_src(entry.group)),
            projects=[archive.projects[slug] for slug in entry.meta.projects],
            project_url=lambda slug: urls.url_of(urls.project_src(slug)),
            prev=prev,
            next=nxt,
            minutes_url=lambda e: urls.url_of(urls.minutes_src(e)),
            minutes_title=lambda e: minutes_title(archive, e),
        )
        footer = render(
            "minutes_footer.html",
            src,
            meta=entry.meta,
            archive=archive,
            calendar_url=urls.url_of(urls.CALENDAR_SRC),
            calendar_anchor=meetings.meeting_key,
            event_anchor=events.event_key,
            kind_label=events.kind_label,
        )
        yield Page(
            src=src,
            markdown=f"{header}\n\n{entry.body.strip()}\n\n{footer}",
            title=title,
            description=f"Minnesanteckningar från {title}.",
            source=entry.source,
        )


def project_pages(build: Build) -> Iterator[Page]:
    """A page per project: facts, the editor's text, and the minutes that discuss it."""
    archive = build.archive
    for project in archive.projects.values():
        src = urls.project_src(project.slug)
        header = render(
            "project_header.html",
            src,
            project=project,
            meta=project.meta,
            archive=archive,
            orientation=catalogue.orientation(project.meta.kind),
            catalogue_url=urls.url_of(f"{urls.PROJECTS}/index.md"),
            seeking=participants.seeking(project, build.today),
            seeking_url=urls.url_of(urls.SEEKING_SRC),
            **_project_helpers(),
        )
        footer = render(
            "project_footer.html",
            src,
            mentions=archive.mentions.of(project.slug),
            minutes_url=lambda e: urls.url_of(urls.minutes_src(e)),
            minutes_title=lambda e: minutes_title(archive, e),
        )
        yield Page(
            src=src,
            markdown=f"{header}\n\n{project.body.strip()}\n\n{footer}",
            title=project.meta.title,
            description=project.meta.summary,
            source=project.source,
        )


def archive_pages(build: Build) -> Iterator[Page]:
    """The archive of all groups by year, and one page per group."""
    archive = build.archive
    src = urls.ARCHIVE_SRC
    newest_first = list(reversed(archive.minutes))
    by_year = [(year, list(items)) for year, items in groupby(newest_first, key=lambda e: e.date.year)]
    yield Page(
        src=src,
        markdown=render(
            "archive.html",
            src,
            by_year=by_year,
            archive=archive,
            calendar_url=urls.url_of(urls.CALENDAR_SRC),
            feed_url=urls.ATOM_FEED,
            retention_statement=_retention_statement(build, src),
            **_listing_helpers(archive),
        ),
        title="Minnesanteckningar",
        description="Minnesanteckningar från förbundets grupper, efter år.",
        in_nav=True,
    )
    for slug in archive.group_order:
        src = urls.group_src(slug)
        entries = list(reversed(archive.minutes_by_group[slug]))
        by_year = [(year, list(items)) for year, items in groupby(entries, key=lambda e: e.date.year)]
        yield Page(
            src=src,
            markdown=render(
                "group.html",
                src,
                group=archive.groups[slug],
                slug=slug,
                by_year=by_year,
                archive_url=urls.url_of(f"{urls.MINUTES}/index.md"),
                calendar_url=urls.url_of(urls.CALENDAR_SRC),
                group_feed_url=urls.group_calendar_feed(slug),
                **_listing_helpers(archive),
            ),
            title=archive.group_name(slug),
            description=f"Minnesanteckningar från {archive.group_name(slug)}.",
        )


def _retention_statement(build: Build, src: str) -> str | None:
    """How long minutes and names stay published, from mkdocs.yml (None without the setting)."""
    rules = retention.from_settings(build.settings)
    return retention.statement(rules, src) if rules is not None else None


def catalogue_pages(build: Build) -> Iterator[Page]:
    """The catalogue: every project, grouped and ordered, with filters built from the data.

    Projects that take participants on the build date come first, in a section
    of their own, and get a filter of their own.
    """
    archive = build.archive
    src = urls.CATALOGUE_SRC
    seeking = participants.seeking_projects(archive, build.today)
    slugs = {p.slug for p in seeking}
    yield Page(
        src=src,
        markdown=render(
            "catalogue.html",
            src,
            seeking=seeking,
            seeking_heading=participants.HEADING,
            seeking_anchor=participants.ANCHOR,
            seeking_url=urls.url_of(urls.SEEKING_SRC),
            seeking_feed_url=urls.SEEKING_FEED,
            groups=catalogue.groups(archive, leave_out=slugs),
            facets=[f for f in [participants.facet(slugs), *catalogue.facets(archive)] if f is not None],
            total=len(archive.projects),
            project_url=lambda p: urls.url_of(urls.project_src(p.slug)),
            group_name=archive.group_name,
            **_project_helpers(),
        ),
        title="Projekt och insatser",
        description="Projekt och insatser som Samordningsförbundet finansierar.",
        in_nav=True,
    )


def seeking_pages(build: Build) -> Iterator[Page]:
    """/projekt/soker-deltagare/: the projects that take participants on the build date."""
    src = urls.SEEKING_SRC
    yield Page(
        src=src,
        markdown=render(
            "seeking.html",
            src,
            today=build.today,
            projects=participants.seeking_projects(build.archive, build.today),
            heading=participants.HEADING,
            feed_url=urls.SEEKING_FEED,
            catalogue_url=urls.url_of(f"{urls.PROJECTS}/index.md"),
            project_url=lambda p: urls.url_of(urls.project_src(p.slug)),
            absolute=_links(build).absolute,
            group_name=build.archive.group_name,
            **_project_helpers(),
        ),
        title=participants.HEADING,
        description="Projekt och insatser som har platser kvar och tar emot deltagare.",
    )


def seeking_feed_assets(build: Build) -> Iterator[Asset]:
    """/projekt/soker-deltagare.xml: the Atom feed of projects that take participants."""
    links = _links(build)
    site = build.settings.get("site_name") or links.host
    projects = participants.seeking_projects(build.archive, build.today)
    title = f"{site}: {participants.HEADING.lower()}"
    content = participants.atom_feed(build.archive, projects, title, urls.SEEKING_FEED, urls.url_of(urls.SEEKING_SRC), links, build.today)
    yield Asset(dest=urls.SEEKING_FEED, content=content)


def _project_helpers() -> dict:
    """How a project's status, kind and period read, shared by the catalogue and project pages."""
    return {
        "status_label": catalogue.status_label,
        "status_class": catalogue.status_class,
        "kind_label": catalogue.kind_label,
        "period": catalogue.period,
        "places_text": participants.places_text,
    }


@dataclass(frozen=True)
class Asset:
    """A file published as it is (attachment, feed, calendar): bytes or a path on disk."""

    dest: str  # path in the built site, e.g. kalender.ics
    content: bytes | None = None
    path: str | None = None  # absolute path of a file to copy


def attachment_assets(build: Build) -> Iterator[Asset]:
    """Attachments are published beside their minutes page, so `file` links just work."""
    root = build.settings.get("project_root", ".")
    for entry in build.archive.minutes:
        for attachment in entry.meta.attachments:
            source = f"{root}/{entry.source.rsplit('/', 1)[0]}/{attachment.file}"
            yield Asset(dest=urls.attachment_url(entry, attachment.file), path=source)


def _listing_helpers(archive: Archive) -> dict:
    return {
        "minutes_url": lambda e: urls.url_of(urls.minutes_src(e)),
        "minutes_title": lambda e: minutes_title(archive, e),
        "group_url": lambda slug: urls.url_of(urls.group_src(slug)),
        "group_name": archive.group_name,
    }


def calendar_pages(build: Build) -> Iterator[Page]:
    """/kalender/: coming meetings and events soonest first, past ones below; "today" is the build date."""
    archive = build.archive
    coming, past = events.split(events.timeline(meetings.collect(archive), events.collect(archive)), build.today)
    src = urls.CALENDAR_SRC
    yield Page(
        src=src,
        markdown=render(
            "calendar.html",
            src,
            today=build.today,
            coming=coming,
            past=past,
            is_event=events.is_event,
            all_feed_url=urls.CALENDAR_FEED,
            group_feeds=[(slug, urls.group_calendar_feed(slug)) for slug in archive.group_order],
            absolute=_links(build).absolute,
            webcal=_links(build).webcal,
            **_listing_helpers(archive),
        ),
        title="Kalender",
        description="Kommande möten i förbundets grupper och förbundets evenemang, med kalender att prenumerera på.",
        in_nav=True,
    )


def calendar_dests(build: Build) -> list[str]:
    """Where `calendar_assets` writes: /kalender.ics, then /kalender/<group>.ics per group."""
    return [urls.CALENDAR_FEED, *(urls.group_calendar_feed(slug) for slug in build.archive.group_order)]


def calendar_assets(build: Build) -> Iterator[Asset]:
    """/kalender.ics with every group's meetings and all events, and /kalender/<group>.ics per group."""
    links = _links(build)
    every = meetings.collect(build.archive)
    happenings = events.collect(build.archive)
    site_name = build.settings.get("site_name") or links.host
    written: dict[str, bytes] = {}  # each meeting's VEVENT, written once for all the feeds it is in
    everything, *by_group = calendar_dests(build)
    yield Asset(dest=everything, content=ical.calendar_feed(every, f"{site_name}: möten", links, happenings, written))
    for slug, dest in zip(build.archive.group_order, by_group):
        name = f"{site_name}: {build.archive.group_name(slug)}"
        content = ical.calendar_feed(meetings.for_group(every, slug), name, links, events.for_group(happenings, slug), written)
        yield Asset(dest=dest, content=content)


def feed_assets(build: Build) -> Iterator[Asset]:
    """/feed.xml: the Atom feed of minutes and projects."""
    links = _links(build)
    title = build.settings.get("site_name") or links.host
    yield Asset(dest=urls.ATOM_FEED, content=feed.atom_feed(build.archive, title, urls.ATOM_FEED, links, build.today))


def _links(build: Build) -> Links:
    archive = build.archive
    return Links(site_url=build.settings.get("site_url", ""), minutes_title=lambda e: minutes_title(archive, e), group_name=archive.group_name)


# Every page generator, in order. A feature adds its generator here.
GENERATORS: list[Callable[[Build], Iterator[Page]]] = [
    archive_pages,
    minutes_pages,
    catalogue_pages,
    project_pages,
    calendar_pages,
    contact_pages,
    guide_pages,
    seeking_pages,
]


# Every generator of published files other than pages (attachments, .ics, feeds).
ASSET_GENERATORS: list[Callable[[Build], Iterator[Asset]]] = [
    attachment_assets,
    calendar_assets,
    feed_assets,
    seeking_feed_assets,
]


# Generators whose pages need the mention index (the project names in every minutes
# body): made last, while the helper may still be finding the names (see main.py).
NEEDS_NAMES = [project_pages]


@without_gc_pauses  # thousands of pages built and kept: see speed.without_gc_pauses
def generate(build: Build) -> list[Page]:
    """All generated pages of the site, in the order of GENERATORS (those of NEEDS_NAMES made last)."""
    made = {generator: list(generator(build)) for generator in sorted(GENERATORS, key=lambda g: g in NEEDS_NAMES)}
    return [page for generator in GENERATORS for page in made[generator]]


# Asset generators that read no minutes body and take seconds at thousands of
# meetings, with where they write: `generate_site` runs them in the build's
# helper process (forening.helper), on the archive without its bodies, while the
# pages are generated and converted here.
ON_HELPER: dict[Callable[[Build], Iterator[Asset]], Callable[[Build], list[str]]] = {
    calendar_assets: calendar_dests,
}


@without_gc_pauses
def generate_assets(build: Build) -> list[Asset]:
    """All other generated files of the site, made in this process: what the tests
    compare the build's (`generate_site`, with the helper) against."""
    return [asset for generator in ASSET_GENERATORS for asset in generator(build)]


class Later:
    """Files made in the helper: where they go is known now, their bytes when `assets()` is asked.

    MkDocs needs every file's path before it converts the pages, but copies
    files such as the calendars only after: so the helper has that long."""

    def __init__(self, build: Build, helper: Helper) -> None:
        self.build = build  # without the bodies: they need none, and they are sent to the helper
        self.dests = [dest for plan in ON_HELPER.values() for dest in plan(build)]
        self._helper = helper
        self._made = [(generator, helper.submit(assets_of, generator, build)) for generator in ON_HELPER]

    def assets(self) -> list[Asset]:
        """The files (made here if the helper could not), waiting for the helper if needed."""
        made = [asset for generator, future in self._made for asset in self._helper.result_or(future, lambda: assets_of(generator, self.build))]
        assert [asset.dest for asset in made] == self.dests, "ON_HELPER: a generator's plan names other files than it writes"
        return made


def generate_site(build: Build, helper: Helper) -> tuple[list[Page], list[Asset], Later]:
    """`generate` and `generate_assets` at once: the generators of `ON_HELPER` in `helper`, for later."""
    later = Later(replace(build, archive=build.archive.without_bodies()), helper)
    pages = generate(build)
    assets = [asset for generator in ASSET_GENERATORS if generator not in ON_HELPER for asset in assets_of(generator, build)]
    return pages, assets, later


@without_gc_pauses
def assets_of(generator: Callable[[Build], Iterator[Asset]], build: Build) -> list[Asset]:
    return list(generator(build))


