"""Projects with places left: who seeks participants on the build date, and their feed.

A case officer (handläggare) looks for projects that can take her clients now.
A project says so with `open_for_participants: true`, optionally with the last
day (`participants_until`) and who may be referred (`referral`). From the day
after `participants_until` the project no longer counts as seeking, at the next
build, without anyone editing the file (`make check` then suggests removing the
lines). The catalogue shows seeking projects first, `/projekt/soker-deltagare/`
lists them, and `/projekt/soker-deltagare.xml` is their Atom feed.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from . import catalogue, dates, urls
from .archive import Archive, ProjectEntry
from .feed import ZONE, project_date, quiet_date
from .links import Links
from .problems import Problem
from .validate import Layout

HEADING = "Söker deltagare"
ANCHOR = "soker-deltagare"  # the catalogue section's id
FACET = "deltagare"  # the filter's name: `?deltagare=soker` in the catalogue's URL
FACET_VALUE = "soker"
UNDATED = dt.date(1970, 1, 1)  # an entry whose project the content gives no date (see `atom_feed`)


def seeking(project: ProjectEntry, today: dt.date) -> bool:
    """Takes participants on `today` (the last day included)."""
    meta = project.meta
    return meta.open_for_participants and (meta.participants_until is None or today <= meta.participants_until)


def seeking_projects(archive: Archive, today: dt.date) -> list[ProjectEntry]:
    """The projects that take participants on `today`, by title."""
    found = [p for p in archive.projects.values() if seeking(p, today)]
    return sorted(found, key=lambda p: catalogue.swedish_key(p.meta.title))


def facet(slugs: set[str]) -> catalogue.Facet | None:
    """The catalogue filter "Söker deltagare", only when some project seeks (no choice leads nowhere)."""
    if not slugs:
        return None
    return catalogue.Facet(FACET, "Deltagare", (catalogue.Option(FACET_VALUE, HEADING),), lambda p: [FACET_VALUE] if p.slug in slugs else [])


def places_text(project: ProjectEntry) -> str:
    """`Tar emot deltagare till och med 30 juni 2021.` or `Tar emot deltagare.`"""
    until = project.meta.participants_until
    return f"Tar emot deltagare till och med {dates.long_date(until)}." if until else "Tar emot deltagare."


# The pages the build makes under /projekt/ besides the projects' own, by file name.
RESERVED = {
    "index": "projektkatalogen (/projekt/)",
    urls.SEEKING_SRC.rsplit("/", 1)[1].removesuffix(".md"): "sidan med projekt som söker deltagare",
}


def reserved_name(layout: Layout, archive: Archive) -> list[Problem]:
    """A source check: no project may take the name of a page the build makes under /projekt/
    (the build would otherwise stop on a clash it cannot explain in the editor's terms)."""
    return [
        Problem(project.source, 1, "", f"namnet `{slug}` används av {page}; byt namn på filen, t.ex. till projektets namn")
        for slug, page in RESERVED.items()
        if (project := archive.projects.get(slug)) is not None
    ]


def atom_feed(
    archive: Archive, projects: list[ProjectEntry], title: str, feed_url: str, page_url: str, links: Links, today: dt.date
) -> bytes:
    """Atom 1.0 of the seeking projects on `today` (the build date). Dates come from the content, never the clock.

    An entry is dated like the site's main feed (the project's start, else the
    newest minutes that list it), or 1 January 1970 when the content gives no
    date: the same on every build. Its id names the project and its last day for
    new participants (`participants_until`), so a project that seeks again with a
    new last day is a new entry to a reader who saw it seek before. The feed is as
    new as its newest dated entry or `feed.quiet_date` (the last day the content
    says the site changed, such as the day the last project stopped taking
    participants), whichever is later: it never goes back in time.
    """
    days = {p.slug: project_date(archive, p) or UNDATED for p in projects}
    dated = [day for day in days.values() if day != UNDATED]
    feed = FeedGenerator()
    feed.id(links.absolute(page_url))
    feed.title(title)
    feed.subtitle("Projekt som har platser kvar och tar emot deltagare")
    feed.author({"name": title})
    feed.link(href=links.absolute(page_url), rel="alternate", type="text/html")
    feed.link(href=links.absolute(feed_url), rel="self", type="application/atom+xml")
    feed.language("sv")
    feed.generator("feedgen")
    feed.updated(_moment(max([*dated, quiet_date(archive, today)])))
    for project in sorted(projects, key=lambda p: (-days[p.slug].toordinal(), catalogue.swedish_key(p.meta.title))):
        entry = feed.add_entry(order="append")
        url = links.project(project)
        until = project.meta.participants_until
        entry.id(f"{url}#{ANCHOR}-{until.isoformat()}" if until else f"{url}#{ANCHOR}")  # one id per time it seeks
        entry.title(project.meta.title)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.updated(_moment(days[project.slug]))
        summary = f"{project.meta.summary} {places_text(project)}"
        if project.meta.referral:
            summary += f" Vem kan remitteras: {project.meta.referral}"
        entry.summary(summary)
        entry.category(term=HEADING)
    return feed.atom_str(pretty=True)


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=ZONE)
