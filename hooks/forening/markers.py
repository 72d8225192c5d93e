"""Markers in hand-written pages (docs/) that the build fills from the site's settings.

A page in docs/ writes `<!-- forening:retention -->` on a line of its own where
the retention rules belong (the privacy notice does), or the bare numbers inline:
`i <!-- forening:retention.attendance_years --> år`. The build replaces each marker,
so the page states the numbers of mkdocs.yml's `extra.retention` and nothing
else. A marker the engine does not know is an error, not silently left as an
invisible HTML comment.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import retention
from .pages import Build
from .problems import Problem
from .schema import Retention

MARKER = re.compile(r"<!--\s*forening:([a-z_.]+)\s*-->")


def _rules(build: Build) -> Retention:
    """The setting, or LookupError: a page cannot state rules the site does not have."""
    rules = retention.from_settings(build.settings)
    if rules is None:
        raise LookupError("extra.retention saknas i mkdocs.yml")
    return rules


# Every marker and what it becomes. `src` is the page's path in docs/.
MARKERS: dict[str, Callable[[Build, str], str]] = {
    "retention": lambda build, src: "\n\n" + retention.statement(_rules(build), src) + "\n\n",
    "retention.attendance_years": lambda build, src: str(_rules(build).attendance_years),
    "retention.minutes_years": lambda build, src: str(_rules(build).minutes_years),
}


def fill(markdown: str, build: Build, src: str, shown: str, source: str = "") -> tuple[str, list[Problem]]:
    """The page with every marker replaced; problems (`shown`:line) for unknown markers.

    `source` is the whole file as MkDocs read it: the Markdown is its tail after
    the front matter, so lines in problems count from the top of the file.
    """
    problems: list[Problem] = []
    at = source.rfind(markdown) if markdown else -1
    offset = source[:at].count("\n") if at >= 0 else 0

    def replace(match: re.Match[str]) -> str:
        name = match[1]
        line = offset + markdown[: match.start()].count("\n") + 1
        if name not in MARKERS:
            known = ", ".join(f"`forening:{n}`" for n in MARKERS)
            problems.append(Problem(shown, line, "", f"okänd markör `forening:{name}`; kända markörer: {known}"))
            return match[0]
        try:
            return MARKERS[name](build, src)
        except LookupError as exc:
            problems.append(Problem(shown, line, "", f"markören `forening:{name}` kan inte fyllas: {exc}"))
            return match[0]

    return MARKER.sub(replace, markdown), problems
