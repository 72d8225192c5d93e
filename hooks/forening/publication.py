"""What the site publishes today: `publish_until` and the retention setting applied.

The build does not hide what has expired, it leaves it out: `published` returns a
copy of the archive without expired minutes, projects, links and attachments, and
with the attendance names of old meetings taken out of the data (only the counts
remain, in `MinutesEntry.withheld`). Every page, feed, calendar and the search
index are made from that copy, so none of them can show what is no longer
published, now or in a generator added later.

`notices` tells editors what was left out, as suggestions (never errors), in
`make check` and in the build log; both ask `dates.build_date()` for "today".
Hand-written pages in docs/ can carry `publish_until` in their front matter too:
`expired_pages` lists them for the adapter to drop and for the notices.

A `publish_until` date is the last day something is published; it leaves the
site from the day after.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from . import dates, load, retention
from .archive import Archive, MinutesEntry, ProjectEntry, WithheldAttendance
from .problems import Problem, Severity, dotted
from .schema import Retention
from .siteconfig import read as read_config
from .types import parse_date
from .validate import Layout

KEY = "publish_until"


def expired(until: dt.date | None, today: dt.date) -> bool:
    """True from the day after `until`."""
    return until is not None and today > until


def published(archive: Archive, today: dt.date, rules: Retention | None) -> Archive:
    """The archive as published on `today`: expired parts out, old attendance as counts only."""
    projects = {slug: _trim_project(project, today) for slug, project in archive.projects.items() if is_published(project, today, rules)}
    minutes = [_trim_minutes(entry, today, rules, projects) for entry in archive.minutes if _minutes_published(entry, today, rules)]
    return Archive(groups=archive.groups, minutes=minutes, projects=projects, group_order=list(archive.group_order))


def is_published(entry: MinutesEntry | ProjectEntry, today: dt.date, rules: Retention | None) -> bool:
    """Whether `published` keeps these minutes or this project: for a check that needs only
    which pages exist, without the copies `published` makes of every entry."""
    if isinstance(entry, MinutesEntry):
        return _minutes_published(entry, today, rules)
    return not expired(entry.meta.publish_until, today)


def _minutes_published(entry: MinutesEntry, today: dt.date, rules: Retention | None) -> bool:
    if expired(entry.meta.publish_until, today):
        return False
    return rules is None or retention.minutes_shown(entry.date, today, rules)


def _trim_minutes(entry: MinutesEntry, today: dt.date, rules: Retention | None, projects: dict[str, ProjectEntry]) -> MinutesEntry:
    meta = entry.meta
    update: dict[str, Any] = {
        "projects": [slug for slug in meta.projects if slug in projects],
        "attachments": [a for a in meta.attachments if not expired(a.publish_until, today)],
        "links": [link for link in meta.links if not expired(link.publish_until, today)],
    }
    withheld = None
    if rules is not None and _names_withheld(entry, today, rules):
        withheld = WithheldAttendance(present=len(meta.present), absent=len(meta.absent), years=rules.attendance_years)
        update |= {"present": [], "absent": [], "chair": None, "secretary": None}
    return dataclasses.replace(entry, meta=meta.model_copy(update=update), withheld=withheld)


def _names_withheld(entry: MinutesEntry, today: dt.date, rules: Retention) -> bool:
    """Whether retention takes the names out of these minutes today. The chair and the
    secretary were at the meeting too: their names go with the lists."""
    meta = entry.meta
    named = meta.present or meta.absent or meta.chair or meta.secretary
    return bool(named) and not retention.names_shown(entry.date, today, rules)


def _trim_project(project: ProjectEntry, today: dt.date) -> ProjectEntry:
    links = [link for link in project.meta.links if not expired(link.publish_until, today)]
    return dataclasses.replace(project, meta=project.meta.model_copy(update={"links": links}))


def expired_pages(docs_dir: Path, today: dt.date, shown_dir: str = "docs") -> tuple[list[tuple[str, dt.date, int]], list[Problem]]:
    """Hand-written pages past their `publish_until`: (path in docs/, date, line), and bad dates.

    MkDocs reads these pages' front matter itself (YAML 1.1, errors swallowed: the
    page is then published with its YAML as text, and its `publish_until` ignored), so
    the engine reads every page's front matter strictly here: front matter it cannot
    read, or a date it cannot read, is an error, never a page that silently stays.
    """
    found: list[tuple[str, dt.date, int]] = []
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else []:
        src = path.relative_to(docs_dir).as_posix()
        shown = f"{shown_dir}/{src}"
        text = path.read_text(encoding="utf-8", errors="replace")
        if not text.lstrip("\ufeff").startswith("---"):
            continue  # pages without front matter are fine
        doc = load.read_document(path, shown, problems)
        if doc is None or doc.data.get(KEY) is None:
            continue
        line = doc.line_of((KEY,))
        try:
            until = parse_date(doc.data[KEY])
        except ValueError as exc:  # pydantic's error type is a ValueError
            problems.append(Problem(shown, line, KEY, str(exc)))
            continue
        if expired(until, today):
            found.append((src, until, line))
    return found, problems


def notices(layout: Layout, archive: Archive) -> list[Problem]:
    """A source check: what today's build leaves out, said as suggestions (never errors)."""
    today = dates.build_date()
    config, _ = read_config(layout.root, layout.config_file)
    rules = retention.from_config(config)[0] if config is not None else None
    lines = FieldLines(layout)
    found: list[Problem] = []

    def say(source: str, loc: tuple[str | int, ...], message: str) -> None:
        found.append(lines.suggestion(source, loc, message))

    withheld: list[MinutesEntry] = []
    for entry in archive.minutes:
        meta = entry.meta
        if entry.date > today:
            say(
                entry.source,
                ("date",),
                f"mötet har inte hållits än (i dag är det {today}), men anteckningarna publiceras så snart de slås ihop med main, "
                "med närvaron som den står: slå ihop dem efter mötet",
            )
        if expired(meta.publish_until, today):
            say(entry.source, (KEY,), f"sista publiceringsdag var {meta.publish_until}; minnesanteckningarna lämnas utanför webbplatsen. Ta bort filen när den inte behövs")
            continue
        if rules is not None and not retention.minutes_shown(entry.date, today, rules):
            say(entry.source, ("date",), f"mötet är äldre än {rules.minutes_years} år (extra.retention.minutes_years i mkdocs.yml); minnesanteckningarna lämnas utanför webbplatsen. Ta bort filen")
            continue
        for i, attachment in enumerate(meta.attachments):
            if expired(attachment.publish_until, today):
                say(entry.source, ("attachments", i, KEY), f"sista publiceringsdag var {attachment.publish_until}; bilagan `{attachment.file}` publiceras inte. Ta bort raden och filen")
        _link_notices(entry.source, meta.links, today, say)
        if rules is not None and _names_withheld(entry, today, rules):
            withheld.append(entry)
    for project in archive.projects.values():
        meta = project.meta
        if expired(meta.publish_until, today):
            say(project.source, (KEY,), f"sista publiceringsdag var {meta.publish_until}; projektsidan lämnas utanför webbplatsen. Ta bort filen när den inte behövs")
            continue
        _link_notices(project.source, meta.links, today, say)
        if meta.open_for_participants and expired(meta.participants_until, today):
            say(
                project.source,
                ("participants_until",),
                f"sista dag för nya deltagare var {meta.participants_until}; projektet visas inte längre som att det söker deltagare. "
                "Ange ett nytt datum eller ta bort raderna om deltagare",
            )
    if withheld and rules is not None and config is not None:
        newest = max(withheld, key=lambda e: e.date)
        found.append(
            Problem(
                "mkdocs.yml",
                config.line_of("extra", retention.KEY, "attendance_years"),
                "extra.retention.attendance_years",
                f"närvarolistorna i {len(withheld)} minnesanteckningar är äldre än {rules.attendance_years} år; webbplatsen visar bara antalet "
                f"närvarande och frånvarande (den senaste: {newest.source})",
                Severity.SUGGESTION,
            )
        )
    if config is not None:
        pages, _ = expired_pages(layout.root / config.docs_dir, today, config.docs_dir)  # their errors: `check_pages`
        for src, until, line in pages:
            found.append(Problem(f"{config.docs_dir}/{src}", line, KEY, f"sista publiceringsdag var {until}; sidan lämnas utanför webbplatsen", Severity.SUGGESTION))
    return found


def check_pages(layout: Layout, files: Any) -> list[Problem]:
    """A text check: the front matter of the hand-written pages in docs/ (and their
    `publish_until`) can be read. Run whatever the content (`files`), so that `make check`
    and the build refuse a page MkDocs would publish with its YAML as text."""
    config, _ = read_config(layout.root, layout.config_file)  # a broken mkdocs.yml is the retention check's to report
    if config is None:
        return []
    return expired_pages(layout.root / config.docs_dir, dates.build_date(), config.docs_dir)[1]


def _link_notices(source: str, links: list, today: dt.date, say: Any) -> None:
    for i, link in enumerate(links):
        if expired(link.publish_until, today):
            say(source, ("links", i, KEY), f"sista publiceringsdag var {link.publish_until}; länken ”{link.title}” publiceras inte. Ta bort raden")


class FieldLines:
    """Lines of fields in content files, read again only for the few files a notice is about."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.docs: dict[str, load.Document | None] = {}

    def of(self, source: str, loc: tuple[str | int, ...]) -> int:
        if source not in self.docs:
            self.docs[source] = load.read_document(self.layout.root / source, source, [])
        doc = self.docs[source]
        return doc.line_of(loc) if doc is not None else 1

    def suggestion(self, source: str, loc: tuple[str | int, ...], message: str) -> Problem:
        """A `förslag` about the field at `loc` of `source`, at its line."""
        return Problem(source, self.of(source, loc), dotted(loc), message, Severity.SUGGESTION)
