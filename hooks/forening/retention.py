"""How long the minutes and their attendance names stay published: `extra.retention`.

Two numbers in mkdocs.yml decide it, for example

    extra:
      retention:
        attendance_years: 5
        minutes_years: 10

Attendance names (`present`, `absent`) are published for `attendance_years`
after the meeting; after that the site shows only how many attended. Minutes
are published for `minutes_years` after the meeting; after that they leave the
site. `publication.published` applies both to the archive the build publishes,
so the names are gone from every page, feed and the search index, not hidden.

The privacy notice and the archive page state the numbers from this same
setting (`statement`, and the markers in `markers.py`), so they cannot drift.
The setting is required: a site that publishes names must say for how long.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import dates
from .messages import problems_from
from .problems import ContentError, Problem
from .render import render
from .schema import Retention
from .siteconfig import CONFIG_FILE, SiteConfig, read
from .validate import Layout

KEY = "retention"
EXAMPLE = "`retention:` med `attendance_years: 5` och `minutes_years: 10` indraget under"


def load(root: Path) -> tuple[Retention | None, list[Problem]]:
    """The setting from `root`/mkdocs.yml, or None and problems that point at its lines."""
    config, problems = read(root)
    if config is None:
        return None, problems
    return from_config(config)


def from_config(config: SiteConfig) -> tuple[Retention | None, list[Problem]]:
    value = config.extra.get(KEY)
    if value is None:
        where = config.line_of("extra")  # line 1 when there is no `extra:` either
        message = f"saknas; ange hur länge närvarolistor och minnesanteckningar publiceras: {EXAMPLE} under `extra:`"
        return None, [Problem(CONFIG_FILE, where, f"extra.{KEY}", message)]
    try:
        return Retention.model_validate(value), []
    except ValidationError as exc:
        return None, problems_from(exc, Retention, config.document, base=("extra", KEY))


def check_setting(layout: Layout, files: Any) -> list[Problem]:
    """A text check: the setting exists and is valid (`make check`, and first in the build), whatever the content (`files`)."""
    return load(layout.root)[1]


def from_settings(settings: dict) -> Retention | None:
    """The setting as MkDocs read it (the build's `extra`); None when there is none (unit tests)."""
    value = settings.get(KEY)
    if value is None or isinstance(value, Retention):
        return value
    try:
        return Retention.model_validate(value)
    except ValidationError:
        raise ContentError([Problem(CONFIG_FILE, 1, f"extra.{KEY}", f"är inte giltig; skriv {EXAMPLE}")]) from None


def names_shown(meeting: dt.date, today: dt.date, retention: Retention) -> bool:
    """Attendance names of a meeting are published until `attendance_years` after it."""
    return today < dates.add_years(meeting, retention.attendance_years)


def minutes_shown(meeting: dt.date, today: dt.date, retention: Retention) -> bool:
    """Minutes are published until `minutes_years` after the meeting."""
    return today < dates.add_years(meeting, retention.minutes_years)


def years(n: int) -> str:
    return f"{n} år"


def statement(retention: Retention, src: str = "index.md") -> str:
    """The rules in Swedish, as an HTML block: for the privacy notice and the archive page."""
    return render("retention.html", src, retention=retention, years=years).strip()
