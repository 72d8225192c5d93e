"""The project catalogue: how projects are grouped, ordered and filtered.

The association groups its work as seed 003 ("Projektdiskussioner") does:
individinriktade insatser (projects, insatser and förstudier for participants)
and strukturinriktade insatser (samverkansteam and kompetensutveckling). The
group follows from a project's `kind`, so there is no second field to keep in step.

Filters are built from the data: every status, kind, municipality and area that
some project has gets an option, and nothing else, so no choice leads nowhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass

from . import dates
from .archive import Archive, ProjectEntry
from .schema import PROJECT_KINDS, PROJECT_STATUSES


@dataclass(frozen=True)
class Orientation:
    """A part of the association's work, as the catalogue's sections show it."""

    heading: str
    anchor: str  # the section's id on the catalogue page
    kinds: tuple[str, ...]


# In the order the catalogue shows them.
ORIENTATIONS = (
    Orientation("Individinriktade insatser", "individinriktade-insatser", ("projekt", "insats", "förstudie")),
    Orientation("Strukturinriktade insatser", "strukturinriktade-insatser", ("samverkansteam", "kompetensutveckling")),
)

# Running work first, then what is applied for or planned, then what has ended.
STATUS_ORDER = ("pågående", "beviljat", "ansökt", "planerat", "avslutat", "avslaget")

# Swedish alphabetical order: å, ä, ö come after z.
_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


@dataclass(frozen=True)
class Option:
    value: str  # what the URL and the data attributes carry
    label: str  # what the visitor reads


@dataclass(frozen=True)
class Facet:
    """One filter: a form field whose name is also the URL parameter."""

    name: str
    label: str
    options: tuple[Option, ...]
    values: Callable[[ProjectEntry], list[str]]  # a project's values for this facet


@dataclass(frozen=True)
class Group:
    """A section of the catalogue and its projects."""

    orientation: Orientation
    projects: tuple[ProjectEntry, ...]


def swedish_key(text: str) -> str:
    return text.casefold().translate(_SWEDISH)


def status_label(status: str) -> str:
    return status.capitalize()


def status_class(status: str) -> str:
    """A CSS class part in plain ASCII: `pågående` → `pagaende`."""
    return status.translate(str.maketrans("åäö", "aao"))


def kind_label(kind: str) -> str:
    return kind.capitalize()


def orientation(kind: str) -> Orientation:
    return next(o for o in ORIENTATIONS if kind in o.kinds)


def sort_key(project: ProjectEntry) -> tuple[int, str]:
    return STATUS_ORDER.index(project.meta.status), swedish_key(project.meta.title)


def groups(archive: Archive, leave_out: Collection[str] = ()) -> list[Group]:
    """The catalogue's sections, each ordered running first, then by title.

    `leave_out` names projects shown in a section of their own above these
    (those that seek participants), so no project is listed twice.
    """
    result = []
    for part in ORIENTATIONS:
        members = sorted((p for p in archive.projects.values() if p.meta.kind in part.kinds and p.slug not in leave_out), key=sort_key)
        if members:
            result.append(Group(orientation=part, projects=tuple(members)))
    return result


def facets(archive: Archive) -> list[Facet]:
    """The filters, each with the options that occur in the data, in a reader's order."""
    projects = list(archive.projects.values())
    statuses = {p.meta.status for p in projects}
    kinds = {p.meta.kind for p in projects}
    municipalities = {m for p in projects for m in p.meta.municipalities}
    areas = {a for p in projects for a in p.meta.areas}
    return [
        Facet(
            "status",
            "Status",
            tuple(Option(s, status_label(s)) for s in STATUS_ORDER if s in statuses),
            lambda p: [p.meta.status],
        ),
        Facet(
            "slag",
            "Slag",
            tuple(Option(k, kind_label(k)) for k in PROJECT_KINDS if k in kinds),
            lambda p: [p.meta.kind],
        ),
        Facet(
            "kommun",
            "Kommun",
            tuple(Option(m, m) for m in sorted(municipalities, key=swedish_key)),
            lambda p: list(p.meta.municipalities),
        ),
        Facet(
            "omrade",
            "Område",
            tuple(Option(a, archive.group_name(a)) for a in archive.group_order if a in areas),
            lambda p: list(p.meta.areas),
        ),
    ]


def period(start: dt.date | None, end: dt.date | None) -> str:
    """`1 mars 2021 – 28 februari 2023`, `från 1 mars 2021`, `till 28 februari 2023`, or ''."""
    if start and end:
        return f"{dates.long_date(start)} – {dates.long_date(end)}"
    if start:
        return f"från {dates.long_date(start)}"
    if end:
        return f"till {dates.long_date(end)}"
    return ""


# A status or kind added to the schema must get its place here too: fail at import, not on the site.
if set(STATUS_ORDER) != set(PROJECT_STATUSES):
    raise RuntimeError("catalogue.STATUS_ORDER must list every status of schema.PROJECT_STATUSES")
if sorted(k for o in ORIENTATIONS for k in o.kinds) != sorted(PROJECT_KINDS):
    raise RuntimeError("catalogue.ORIENTATIONS must place every kind of schema.PROJECT_KINDS exactly once")
