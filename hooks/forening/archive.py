"""The whole archive in memory, and the links between its parts.

Built once per build (or per `make check`) by `validate.read_content` and passed
to every page generator, so nothing is read or computed twice.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property

from .memo import FileText
from .mentions import MentionIndex, index_mentions
from .schema import Group, Minutes, Project


@dataclass(frozen=True)
class WithheldAttendance:
    """Attendance names no longer published (the retention setting): only the counts remain."""

    present: int
    absent: int
    years: int  # how long names are published, from the setting


@dataclass(frozen=True)
class MinutesEntry:
    """One minutes file: its validated data, its Markdown body and where it came from."""

    meta: Minutes
    body_text: FileText  # read from the file when first used: `make check` may never need it
    source: str  # path relative to the project root, e.g. minutes/norra/2021-05-05.md
    body_line: int
    withheld: WithheldAttendance | None = None  # set when `meta` no longer carries the names

    @property
    def body(self) -> str:
        return self.body_text.value

    @property
    def group(self) -> str:
        return self.meta.group

    @property
    def date(self) -> dt.date:
        return self.meta.date

    @property
    def key(self) -> str:
        """Unique and stable: `<group>/<date>`."""
        return f"{self.meta.group}/{self.meta.date.isoformat()}"


@dataclass(frozen=True)
class ProjectEntry:
    """One project file."""

    slug: str
    meta: Project
    body_text: FileText  # as in MinutesEntry
    source: str
    body_line: int

    @property
    def body(self) -> str:
        return self.body_text.value


@dataclass
class Archive:
    """Groups, minutes (oldest first) and projects, with derived relations."""

    groups: dict[str, Group]
    minutes: list[MinutesEntry]
    projects: dict[str, ProjectEntry]
    group_order: list[str] = field(default_factory=list)
    # Each minutes and project file's whole text as `load_archive` found it (read, or
    # known unchanged), for the privacy guard; `without_bodies` leaves them out.
    texts: dict[str, FileText] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.minutes.sort(key=lambda m: (m.date, m.group))
        if not self.group_order:
            self.group_order = list(self.groups)

    @cached_property
    def minutes_by_group(self) -> dict[str, list[MinutesEntry]]:
        """Each group's minutes, oldest first (groups without minutes included)."""
        result: dict[str, list[MinutesEntry]] = {slug: [] for slug in self.group_order}
        for entry in self.minutes:
            result[entry.group].append(entry)
        return result

    @cached_property
    def neighbours(self) -> dict[str, tuple[MinutesEntry | None, MinutesEntry | None]]:
        """For each minutes key, the previous and next meeting of the same group."""
        result: dict[str, tuple[MinutesEntry | None, MinutesEntry | None]] = {}
        for entries in self.minutes_by_group.values():
            for i, entry in enumerate(entries):
                prev = entries[i - 1] if i > 0 else None
                nxt = entries[i + 1] if i + 1 < len(entries) else None
                result[entry.key] = (prev, nxt)
        return result

    @cached_property
    def minutes_listing_project(self) -> dict[str, list[MinutesEntry]]:
        """For each project slug, the minutes that list it in `projects`, newest first."""
        result: dict[str, list[MinutesEntry]] = defaultdict(list)
        for entry in reversed(self.minutes):
            for slug in entry.meta.projects:
                result[slug].append(entry)
        return result

    @cached_property
    def mentions(self) -> MentionIndex:
        """For each project, the minutes that list it or name it in their text, newest first.

        Computed once per archive, however many project pages or suggestions read it.
        """
        return index_mentions(self.minutes, self.projects)

    def group_name(self, slug: str) -> str:
        return self.groups[slug].name

    def without_bodies(self) -> Archive:
        """The same archive with every Markdown body left out.

        Bodies are read once, to generate the pages; after that the pages hold them.
        A build over decades of minutes would otherwise keep every body twice for
        its whole length (about 80 MiB at 5,000 minutes).
        """
        return Archive(
            groups=self.groups,
            minutes=[replace(entry, body_text=_EMPTY) for entry in self.minutes],
            projects={slug: replace(project, body_text=_EMPTY) for slug, project in self.projects.items()},
            group_order=self.group_order,
        )


_EMPTY = FileText("")
