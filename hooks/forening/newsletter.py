"""The newsletter digest: what the site published in a period, ready to send.

The association sends a newsletter about once a quarter to case officers
(handläggare, remittenter) "med fokus på projekt som behöver deltagare" (seed
000, item 7). `digest` gathers it from the archive as published on the period's
last day (`publication.published`: nothing expired, no withheld names):

- projects that take participants on that day: the newsletter's focus, first;
- new projects, and projects that changed, in the period;
- the minutes published in the period, with their decisions;
- meetings and events from the period's last day on.

When something was published (see history.py): with git history, the commit
dates of its file; a project is new when its file's first commit falls in the
period and changed when a later one does. Without git history the content's own
dates stand in: a minutes file is published on its meeting date, a project is
new when its `start` falls in the period and changed when minutes in the period
list it in `projects`.

`render_*` give a page for the site (front matter and an HTML block, like the
generated pages) and a plain-text and an HTML body for an e-mail tool. Links are
absolute. HTML is escaped by Jinja; the digest holds no attendance and no
contact details: titles, summaries, decisions, dates, places and links only.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache

import jinja2

from . import dates, events, meetings, participants, urls
from .archive import Archive, MinutesEntry, ProjectEntry
from .history import History
from .links import Links
from .pages import minutes_title
from .render import environment


@dataclass(frozen=True)
class ProjectNews:
    project: ProjectEntry
    day: dt.date  # when it appeared or last changed in the period


@dataclass(frozen=True)
class MinutesNews:
    entry: MinutesEntry
    day: dt.date  # when it was published


@dataclass(frozen=True)
class Digest:
    """Everything one newsletter tells, for the period `start`–`end` (both included)."""

    start: dt.date
    end: dt.date
    seeking: list[ProjectEntry]
    new_projects: list[ProjectNews]
    changed_projects: list[ProjectNews]
    minutes: list[MinutesNews]
    coming: list[events.Item]
    dated_by_git: bool

    @property
    def period(self) -> str:
        return f"{dates.long_date(self.start)} – {dates.long_date(self.end)}"

    @property
    def title(self) -> str:
        return f"Nyhetsbrev {self.period}"


def digest(archive: Archive, start: dt.date, end: dt.date, history: History) -> Digest:
    """The digest of `archive` (as published on `end`) for the period."""
    within = lambda day: start <= day <= end  # noqa: E731
    new, changed = [], []
    for project in archive.projects.values():
        first, changes = _project_dates(archive, project, history)
        if first is not None and within(first):
            new.append(ProjectNews(project, first))
        elif days := [d for d in changes if within(d)]:
            changed.append(ProjectNews(project, max(days)))
    minutes = [MinutesNews(entry, day) for entry in archive.minutes if within(day := _minutes_date(entry, history))]
    timeline = events.timeline(meetings.collect(archive), events.collect(archive))
    coming, _ = events.split(timeline, end)
    by_day = lambda news: (news.day, news.project.meta.title)  # noqa: E731
    return Digest(
        start=start,
        end=end,
        seeking=participants.seeking_projects(archive, end),
        new_projects=sorted(new, key=by_day),
        changed_projects=sorted(changed, key=by_day),
        minutes=sorted(minutes, key=lambda news: (news.entry.date, news.entry.group)),
        coming=coming,
        dated_by_git=history.available,
    )


def _project_dates(archive: Archive, project: ProjectEntry, history: History) -> tuple[dt.date | None, list[dt.date]]:
    """When a project appeared and when it changed: git, else its start and the minutes that list it."""
    commits = history.dates(project.source)
    if commits:
        return commits[0], commits[1:]
    return project.meta.start, [entry.date for entry in archive.minutes_listing_project.get(project.slug, [])]


def _minutes_date(entry: MinutesEntry, history: History) -> dt.date:
    commits = history.dates(entry.source)
    return commits[0] if commits else entry.date


def _context(d: Digest, archive: Archive, links: Links, site_name: str) -> dict:
    calendar = links.absolute(urls.url_of(urls.CALENDAR_SRC))
    return {
        "d": d,
        "site_name": site_name,
        "home": links.absolute(""),
        "calendar": calendar,
        "calendar_feed": links.absolute(urls.CALENDAR_FEED),
        "seeking_page": links.absolute(urls.url_of(urls.SEEKING_SRC)),
        "seeking_feed": links.absolute(urls.SEEKING_FEED),
        "project_url": links.project,
        "minutes_url": links.minutes,
        "minutes_title": links.minutes_title,
        "group_name": archive.group_name,
        "item_url": lambda item: f"{calendar}#{item.key}",
        "is_event": events.is_event,
        "places_text": participants.places_text,
        "when": _when,
    }


def links_for(archive: Archive, site_url: str) -> Links:
    return Links(site_url=site_url, minutes_title=lambda e: minutes_title(archive, e), group_name=archive.group_name)


def render_html(d: Digest, archive: Archive, links: Links, site_name: str) -> str:
    """A whole HTML document to paste into an e-mail tool (or to send as the e-mail's HTML part)."""
    return environment().get_template("newsletter_email.html").render(**_context(d, archive, links, site_name))


def render_page(d: Digest, archive: Archive, links: Links, site_name: str) -> str:
    """A page for the site's docs/: front matter, then the digest as an HTML block."""
    body = environment().get_template("newsletter.html").render(**_context(d, archive, links, site_name))
    description = f"Vad {site_name} publicerade {d.period}."
    quoted = lambda text: json.dumps(text, ensure_ascii=False)  # noqa: E731 - a YAML double-quoted string
    return f"---\ntitle: {quoted(d.title)}\ndescription: {quoted(description)}\n---\n\n{body.strip()}\n"


def render_text(d: Digest, archive: Archive, links: Links, site_name: str) -> str:
    """Plain text for an e-mail tool: the same content, links written out."""
    return _text_environment().get_template("newsletter.txt").render(**_context(d, archive, links, site_name)).strip() + "\n"


@cache
def _text_environment() -> jinja2.Environment:
    """The templates' environment without HTML escaping: for plain text only."""
    return environment().overlay(autoescape=False)


def _when(item: events.Item) -> str:
    """`tisdag 9 maj 2023 kl. 09:00–12:00`, `tisdag 29 augusti – onsdag 30 augusti 2023`, in plain text."""
    start = item.start
    if isinstance(start, dt.datetime):
        text = f"{dates.weekday_date(start.date())} kl. {dates.clock(start.time())}"
        end = item.end
        if isinstance(end, dt.datetime):
            text += f"–{dates.clock(end.time())}" if end.date() == start.date() else f" – {dates.weekday_date(end.date())} kl. {dates.clock(end.time())}"
        return text
    end = item.end if events.is_event(item) else None
    if end is not None and end != start:
        return f"{dates.weekday_date(start)} – {dates.weekday_date(end)}"  # type: ignore[arg-type]
    return dates.weekday_date(start)
