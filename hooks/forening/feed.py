"""The Atom feed of published minutes and projects, written with feedgen.

Every date in the feed comes from the content, never from the clock, so two
builds of the same content give the same bytes and feed readers see an entry as
new only when it is. Entries carry titles, dates, group and project names and
links: no attendance (privacy) and no body text. A feed without entries still
needs a date (Atom's `updated`): `quiet_date` gives it one from the content too
(the build date only where the site publishes nothing dated at all).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator

from .archive import Archive, ProjectEntry
from .links import Links

ZONE = ZoneInfo("Europe/Stockholm")


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


def quiet_date(archive: Archive, today: dt.date) -> dt.date:
    """The `updated` of a feed without entries: the last day the content says the site changed.

    Atom requires the date, and a feed reader shows it as when the feed was last
    updated. A reader who finds the feed empty wants to know how long it has been
    quiet, so the date is the newest, up to the build date, of what the site
    publishes with a date: a meeting's minutes, a project (dated as in the feed),
    and the day a project stopped taking participants (the day after its
    `participants_until`; that is when it left the list of seeking projects).
    Like every other date in the feeds it comes from the content, so a rebuild
    without content changes gives the same bytes. Only a site that publishes
    nothing dated at all has nothing to point to: it gets the build date
    (`dates.build_date`, which SITE_TODAY pins), the day the site said "nothing
    here", rather than an invented date such as 1 January 1970.
    """
    days = [entry.date for entry in archive.minutes]
    for project in archive.projects.values():
        days.append(project_date(archive, project))
        until = project.meta.participants_until
        if project.meta.open_for_participants and until is not None:
            days.append(until + dt.timedelta(days=1))
    return max((day for day in days if day is not None and day <= today), default=today)


def atom_feed(archive: Archive, title: str, feed_url: str, links: Links, today: dt.date) -> bytes:
    """Atom 1.0 named `title` at `feed_url` (site-relative): minutes and projects, newest first.

    `today` is the build date: it only matters for a feed without entries (`quiet_date`)."""
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
    feed.updated(_moment(items[0].day if items else quiet_date(archive, today)))
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
