"""Which minutes name which project, and under which agenda heading.

A project page lists every minutes page that lists the project in `projects`
or names it in its text, by its title or one of its `aliases` (found as
forening.names finds them).

The index is built once per archive (`Archive.mentions`) in one pass over the
minutes, so the work grows with the archive, not with archive × projects. The
build uses it for the project pages; `make check` reads the same names per body
for its suggestions (the build leaves those to it: `checks.SUGGESTION_CHECKS`),
and needs only their lines, not the headings they stand under. So the two are
remembered between runs apart (memo): the lines of the names in a body
(`named_lines`) and a body's headings (`body_headings`), and the helper process
finds ahead what each needs (`names_ahead`, `index_ahead`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import TYPE_CHECKING, NamedTuple

from .headings import Heading, headings
from .memo import FileText, remembered, text_of
from .names import NameFinder, Names, names_of
from .prefetch import FileWork
from .problems import Problem, Severity

if TYPE_CHECKING:
    from .archive import Archive, MinutesEntry, ProjectEntry
    from .validate import Layout


class Section(NamedTuple):
    """Where on a minutes page a project is named: under which heading.

    A named tuple rather than a frozen dataclass: a large archive makes hundreds of
    thousands of them (also read back from the memo), and a tuple is made in C."""

    trail: tuple[str, ...]  # heading texts from the outermost down, e.g. ("5. Projektprocesser", "SUS")
    anchor: str | None  # the heading's id; None for text before the first heading

    @property
    def heading(self) -> str | None:
        return self.trail[-1] if self.trail else None


@dataclass(frozen=True)
class Mention:
    """One minutes page that discusses a project."""

    entry: MinutesEntry
    listed: bool  # the minutes list the project in `projects`
    sections: tuple[Section, ...]  # where the text names it, in page order (none when only listed)
    lines: tuple[int, ...]  # file lines where the text names it


@dataclass(frozen=True)
class MentionIndex:
    """Every project's mentions, newest minutes first."""

    by_project: dict[str, list[Mention]]

    def of(self, slug: str) -> list[Mention]:
        return self.by_project.get(slug, [])


def places(finder: NameFinder, body: str | FileText) -> dict[str, tuple[tuple[Section, ...], tuple[int, ...]]]:
    """For each project named in a minutes body, where: the sections (in page order)
    and the 0-based body lines."""
    named = named_lines(finder, body)
    if not named:
        return {}
    sections = _Sections(body_headings(body))
    return {slug: (tuple(dict.fromkeys(sections.at(line) for line in lines)), lines) for slug, lines in named.items()}


def named_lines(finder: NameFinder, body: str | FileText) -> dict[str, tuple[int, ...]]:
    """For each project named in a minutes body, the 0-based body line of each naming.
    Remembered between runs for the same names and body (see memo)."""
    return remembered(_NAMES, body, lambda: _lines_of(finder, text_of(body)), _lines_to_json, _lines_from_json, salt=finder.digest)


def _lines_of(finder: NameFinder, body: str) -> dict[str, tuple[int, ...]]:
    return {slug: _lines_at(body, offsets) for slug, offsets in finder.find(body).items()}


def _lines_at(text: str, offsets: list[int]) -> tuple[int, ...]:
    """The 0-based lines of ascending character offsets in `text`."""
    lines, line, last = [], 0, 0
    for offset in offsets:
        line += text.count("\n", last, offset)
        last = offset
        lines.append(line)
    return tuple(lines)


def _lines_to_json(named: dict[str, tuple[int, ...]]) -> dict:
    return {slug: list(lines) for slug, lines in named.items()}


def _lines_from_json(stored: dict) -> dict[str, tuple[int, ...]]:
    return {str(slug): tuple(map(int, lines)) for slug, lines in stored.items()}


def body_headings(body: str | FileText) -> list[Heading]:
    """A body's headings (forening.headings), remembered between runs for the same body (see memo)."""
    return remembered(_HEADINGS, body, lambda: headings(text_of(body)), _headings_to_json, _headings_from_json)


def _headings_to_json(found: list[Heading]) -> list[list]:
    return [[h.line, h.level, h.text, h.anchor] for h in found]


def _headings_from_json(stored: list) -> list[Heading]:
    return [Heading(int(line), int(level), str(text), str(anchor)) for line, level, text, anchor in stored]


def index_mentions(minutes: list[MinutesEntry], projects: dict[str, ProjectEntry]) -> MentionIndex:
    """Every project's mentions (listed or named), newest minutes first."""
    finder = NameFinder(projects.values())
    by_project: dict[str, list[Mention]] = {slug: [] for slug in projects}
    for entry in reversed(minutes):  # the archive keeps minutes oldest first
        named = places(finder, entry.body_text)
        for slug in dict.fromkeys([*entry.meta.projects, *named]):
            sections, body_lines = named.get(slug, ((), ()))
            by_project.setdefault(slug, []).append(
                Mention(
                    entry=entry,
                    listed=slug in entry.meta.projects,
                    sections=sections,
                    lines=tuple(dict.fromkeys(entry.body_line + line for line in body_lines)),
                )
            )
    return MentionIndex(by_project=by_project)


# What the memo keeps of a body under: `named_lines` (salted with the names), `body_headings`.
_NAMES, _HEADINGS = "names", "headings"


def names_ahead(projects: list[ProjectEntry]) -> list[FileWork]:
    """The lines of these projects' names in a minutes body, for the helper to find ahead
    (forening.prefetch): all that `make check`'s suggestions need."""
    names = names_of(projects)
    return [FileWork(_NAMES, partial(_named_lines, names), _lines_to_json, body=True, salt=_finder_of(names).digest)]


def index_ahead(projects: list[ProjectEntry]) -> list[FileWork]:
    """The names and the headings of a minutes body, for the helper to find ahead.

    The build hands this over: its project pages need the mention index of the
    archive as published, made from the same bodies and names, which then finds
    every body's names and headings kept (`places`)."""
    return [*names_ahead(projects), FileWork(_HEADINGS, headings, _headings_to_json, body=True)]


@lru_cache(maxsize=2)
def _finder_of(names: Names) -> NameFinder:
    return NameFinder.of_names(names)


def _named_lines(names: Names, body: str) -> dict[str, tuple[int, ...]]:
    """In the helper: `named_lines` without the memo (the memo of the run that handed it keeps what this returns)."""
    return _lines_of(_finder_of(names), body)


def mention_suggestions(layout: Layout, archive: Archive) -> list[Problem]:
    """`make check`: minutes whose text names a project that their `projects` does not list.

    Straight from the lines of each body's names (`named_lines`), without the
    headings and the index of all mentions that project pages need: `make check` has no
    project pages to make.
    """
    finder = NameFinder(archive.projects.values())
    problems = []
    for entry in archive.minutes:
        for slug, body_lines in named_lines(finder, entry.body_text).items():
            if slug in entry.meta.projects:
                continue
            title = archive.projects[slug].meta.title
            first, *more = dict.fromkeys(entry.body_line + line for line in body_lines)
            also = f" (även rad {', '.join(map(str, more))})" if more else ""
            problems.append(
                Problem(
                    path=entry.source,
                    line=first,
                    field="projects",
                    message=f"texten nämner {title}{also} men `{slug}` står inte under `projects`; "
                    "lägg till det om mötet behandlade projektet, så länkar projektsidan hit",
                    severity=Severity.SUGGESTION,
                )
            )
    return problems


class _Sections:
    """A minutes body's headings, to place a mention under its heading."""

    def __init__(self, found: list[Heading]):
        self._headings = found
        self._heading_lines = [h.line for h in found]
        self._trails = _trails(found)

    def at(self, line: int) -> Section:
        """The section of a 0-based body line."""
        i = bisect_right(self._heading_lines, line) - 1
        if i < 0:
            return Section(trail=(), anchor=None)
        return Section(trail=self._trails[i], anchor=self._headings[i].anchor)


def _trails(found: list[Heading]) -> list[tuple[str, ...]]:
    """Each heading with the headings it stands under (agenda item, sub-item, ...)."""
    trails: list[tuple[str, ...]] = []
    stack: list[Heading] = []
    for heading in found:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
        trails.append(tuple(h.text for h in stack))
    return trails

