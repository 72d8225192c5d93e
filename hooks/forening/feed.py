"""The Atom feed of published minutes and projects, written with feedgen.

Every date in the feed comes from the content, never from the clock, so two
builds of the same content give the same bytes and feed readers see an entry as
new only when it is. Entries carry titles, dates, group and project names and
links: no attendance (privacy) and no body text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator

from .archive import Archive, ProjectEntry
from .links import Links

ZONE = ZoneInfo("Europe/Stockholm")
EPOCH = dt.date(1970, 1, 1)  # `updated` of a feed without entries: a fixed date, not the build time


@dataclass(frozen=True)
class _Item:
    day: dt.date
    kind: str
    title: str
    url: str
    summary: str
    categories: tuple[str, ...]


def project_date(archive: Archive, project: ProjectEntry) -> dt.date | None:
    """The project's start, else the date of the newest minutes that list it.

    None when the content gives no date: such a project stays out of the feed
    rather than get the build time, which would change on every build.
    """
    if project.meta.start is not None:
        return project.meta.start
    listing = archive.minutes_listing_project.get(project.slug, [])
    return listing[0].date if listing else None


def atom_feed(archive: Archive, title: str, feed_url: str, links: Links) -> bytes:
    """Atom 1.0 named `title` at `feed_url` (site-relative): minutes and projects, newest first."""
    items = _items(archive, links)
    home = links.absolute("")
    feed = FeedGenerator()
    feed.id(home)
    feed.title(title)
    feed.subtitle("Nya minnesanteckningar och projekt")
    feed.author({"name": title})
    feed.link(href=home, rel="alternate", type="text/html")
    feed.link(href=links.absolute(feed_url), rel="self", type="application/atom+xml")
    feed.language("sv")
    feed.generator("feedgen")  # no version: a library upgrade should not change the bytes
    feed.updated(_moment(items[0].day if items else EPOCH))
    for item in items:
        entry = feed.add_entry(order="append")
        entry.id(item.url)
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate", type="text/html")
        entry.published(_moment(item.day))
        entry.updated(_moment(item.day))
        entry.summary(item.summary)
        for category in item.categories:
            entry.category(term=category)
    return feed.atom_str(pretty=True)


def _items(archive: Archive, links: Links) -> list[_Item]:
    items: list[_Item] = []
    for entry in archive.minutes:
        title = links.minutes_title(entry)
        projects = [archive.projects[slug].meta.title for slug in entry.meta.projects]
        summary = f"Minnesanteckningar från {title}."
        if projects:
            summary += " Projekt som behandlades: " + ", ".join(projects) + "."
        group = archive.group_name(entry.group)
        items.append(_Item(entry.date, "minutes", title, links.minutes(entry), summary, ("Minnesanteckningar", group)))
    for project in archive.projects.values():
        day = project_date(archive, project)
        if day is not None:
            items.append(_Item(day, "project", project.meta.title, links.project(project), project.meta.summary, ("Projekt",)))
    # Newest first; on the same day minutes before projects, then by title: a stable order.
    return sorted(items, key=lambda i: (-i.day.toordinal(), i.kind, i.title.lower(), i.url))


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=ZONE)
