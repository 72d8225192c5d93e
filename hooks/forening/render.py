"""Jinja templates for generated pages, with escaping on by default.

Templates produce HTML blocks inside Markdown. Python-Markdown passes block-level
HTML through untouched, so a value from front matter is HTML-escaped once here
and never read as Markdown (a title `[x](javascript:…)` stays text).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from . import dates, urls

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["long_date"] = dates.long_date
    env.globals["meeting_date"] = dates.meeting_date
    env.globals["meeting_datetime"] = dates.meeting_datetime
    env.filters["weekday_date"] = dates.weekday_date
    env.filters["clock"] = dates.clock
    env.globals["time_span"] = dates.time_span
    return env


def render(template: str, src: str, **context: Any) -> str:
    """Render `template` for the page built from `src`; `link(url)` is relative to it."""
    env = environment()
    return env.get_template(template).render(src=src, link=lambda to: urls.relative(src, to), **context)

