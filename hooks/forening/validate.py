"""Load every content file, check it against the schema and across files.

`load_archive` is the one entry point: the MkDocs hook, `scripts/validate.py`
and the pre-commit hook all call it, so they can never disagree.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import load
from .archive import Archive, MinutesEntry, ProjectEntry
from .messages import problems_from
from .problems import Problem, errors
from .schema import Group, Minutes, Project
from .speed import without_gc_pauses
from .types import SLUG

_MINUTES_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}\.md$")


@dataclass(frozen=True)
class Layout:
    """Where content lives, relative to the project root (the folder of mkdocs.yml)."""

    root: Path
    minutes_dir: str = "minutes"
    projects_dir: str = "projects"
    groups_file: str = "minutes/groups.yml"
    config_file: str = "mkdocs.yml"  # the site settings (function contacts), beside the content

    def shown(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


def project_paths(layout: Layout) -> list[Path]:
    """The project files, in the order they are read."""
    folder = layout.root / layout.projects_dir
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


def minutes_paths(layout: Layout) -> list[Path]:
    """The minutes files (in a group's folder), in the order they are read."""
    folder = layout.root / layout.minutes_dir
    return sorted(folder.glob("*/*.md")) if folder.is_dir() else []


@without_gc_pauses
def load_archive(
    layout: Layout, only: set[Path] | None = None, projects_read: Callable[[list[ProjectEntry], list[Path]], object] | None = None
) -> tuple[Archive | None, list[Problem]]:
    """Read and validate everything. Returns the archive (None on errors) and all problems.

    `only`, if given, limits which files' problems are reported (pre-commit passes
    the staged files), but every file is still read, because a minutes file is only
    valid relative to groups.yml and projects/. `projects_read`, if given, is called
    with the valid projects and the minutes files before these are read (`make check`
    hands both to the helper process then, to look for the names in the minutes meanwhile).
    """
    problems: list[Problem] = []
    groups, declared = _load_groups(layout, problems)
    projects = _load_projects(layout, problems)
    paths = minutes_paths(layout)
    if projects_read is not None:
        projects_read([entry for entry, _ in projects], paths)
    minutes = _load_minutes(layout, paths, problems)
    _check_references(layout, declared, projects, minutes, problems)
    if only is not None:
        shown = {layout.shown(p.resolve()) for p in only}
        problems = [p for p in problems if p.path in shown]
    if errors(problems):
        return None, problems
    return Archive(
        groups=groups,
        minutes=[entry for entry, _ in minutes],
        projects={entry.slug: entry for entry, _ in projects},
        texts={doc.path: doc.file_text for _, doc in [*projects, *minutes]},
    ), problems


def _validate(model: type[BaseModel], doc: load.Document, problems: list[Problem]) -> BaseModel | None:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from(exc, model, doc))
        return None


def _load_groups(layout: Layout, problems: list[Problem]) -> tuple[dict[str, Group], list[str] | None]:
    """The valid groups, and every slug declared (valid or not) for reference checks.

    None instead of the slugs when groups.yml cannot be read at all: its own problem
    says why, and every minutes file repeating "group not found" would bury it.
    """
    path = layout.root / layout.groups_file
    shown = layout.groups_file
    if not path.is_file():
        problems.append(Problem(shown, 1, "", "filen saknas; den ska lista grupperna och deras ledamöter"))
        return {}, None
    result = load.read_yaml(path, shown, problems)
    if result is None:
        return {}, None
    data, parsed = result
    doc = load.Document(path=shown, data=data, body_line=0, parsed=parsed, first_line=1)
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, "", "ska vara grupper av formen `kortnamn:` med `name:` och `members:` indraget under"))
        return {}, None
    groups: dict[str, Group] = {}
    for slug, value in data.items():
        if not SLUG.match(slug):
            problems.append(Problem(shown, doc.line_of((slug,)), slug, "gruppens kortnamn får bara ha små bokstäver a–z, siffror och bindestreck (skriv `vastra`, inte `västra`)"))
            continue
        try:
            groups[slug] = Group.model_validate(value)
        except ValidationError as exc:
            problems.extend(problems_from(exc, Group, doc, base=(slug,)))
    return groups, [slug for slug in data if SLUG.match(slug)]


def _load_projects(layout: Layout, problems: list[Problem]) -> list[tuple[ProjectEntry, load.Document]]:
    projects: list[tuple[ProjectEntry, load.Document]] = []
    for path in project_paths(layout):
        shown = layout.shown(path)
        slug = path.stem
        if not SLUG.match(slug):
            problems.append(Problem(shown, 1, "", "filnamnet får bara ha små bokstäver a–z, siffror och bindestreck, t.ex. `cresco-creare.md`"))
            continue
        doc = load.read_document(path, shown, problems)
        if doc is None:
            continue
        meta = _validate(Project, doc, problems)
        if isinstance(meta, Project):
            projects.append((ProjectEntry(slug=slug, meta=meta, body_text=doc.body_text, source=shown, body_line=doc.body_line), doc))
    return projects


def _load_minutes(layout: Layout, paths: list[Path], problems: list[Problem]) -> list[tuple[MinutesEntry, load.Document]]:
    found: list[tuple[MinutesEntry, load.Document]] = []
    folder = layout.root / layout.minutes_dir
    for path in paths:
        shown = layout.shown(path)
        if not _MINUTES_NAME.match(path.name):
            problems.append(Problem(shown, 1, "", "filnamnet ska vara mötesdatumet, t.ex. `2021-05-05.md`"))
            continue
        doc = load.read_document(path, shown, problems)
        if doc is None:
            continue
        meta = _validate(Minutes, doc, problems)
        if not isinstance(meta, Minutes):
            continue
        if meta.date.isoformat() != path.stem:
            problems.append(Problem(shown, doc.line_of(("date",)), "date", f"{meta.date} stämmer inte med filnamnet; byt namn på filen till `{meta.date}.md` eller rätta datumet"))
        if meta.group != path.parent.name:
            problems.append(Problem(shown, doc.line_of(("group",)), "group", f"`{meta.group}` stämmer inte med mappen `{path.parent.name}`; flytta filen till minutes/{meta.group}/ eller rätta gruppen"))
        entry = MinutesEntry(meta=meta, body_text=doc.body_text, source=shown, body_line=doc.body_line)
        found.append((entry, doc))
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        problems.append(Problem(layout.shown(path), 1, "", "minnesanteckningar ska ligga i gruppens mapp, t.ex. minutes/norra/2021-05-05.md"))
    return found


def _check_references(
    layout: Layout,
    groups: list[str] | None,
    projects: list[tuple[ProjectEntry, load.Document]],
    minutes: list[tuple[MinutesEntry, load.Document]],
    problems: list[Problem],
) -> None:
    """Cross-file checks: groups and projects that exist, attachments on disk."""
    group_list = ", ".join(groups or []) or f"(inga grupper; lägg till dem i {layout.groups_file})"

    def known(slug: str) -> bool:
        return groups is None or slug in groups

    def unknown_group(slug: str) -> str:
        return f"gruppen `{slug}` finns inte i {layout.groups_file}; använd en av: {group_list}"

    slugs = [entry.slug for entry, _ in projects]
    known_slugs = set(slugs)  # looked up for every listed project of thousands of minutes
    for project, doc in projects:
        for i, area in enumerate(project.meta.areas):
            if not known(area):
                problems.append(Problem(doc.path, doc.line_of(("areas", i)), f"areas[{i}]", unknown_group(area)))
    for entry, doc in minutes:
        meta = entry.meta
        if not known(meta.group):
            problems.append(Problem(doc.path, doc.line_of(("group",)), "group", unknown_group(meta.group)))
        for i, slug in enumerate(meta.projects):
            if slug not in known_slugs:
                close = difflib.get_close_matches(slug, slugs, n=1)
                hint = f"menade du `{close[0]}`?" if close else f"skapa {layout.projects_dir}/{slug}.md eller ta bort raden"
                problems.append(Problem(doc.path, doc.line_of(("projects", i)), f"projects[{i}]", f"projektet `{slug}` finns inte i {layout.projects_dir}/; {hint}"))
        for i, meeting in enumerate(meta.next_meetings):
            if not known(meeting.group):
                problems.append(Problem(doc.path, doc.line_of(("next_meetings", i, "group")), f"next_meetings[{i}].group", unknown_group(meeting.group)))
        for i, event in enumerate(meta.events):
            for j, slug in enumerate(event.groups):
                if not known(slug):
                    problems.append(Problem(doc.path, doc.line_of(("events", i, "groups", j)), f"events[{i}].groups[{j}]", unknown_group(slug)))
        folder = (layout.root / entry.source).parent
        for i, attachment in enumerate(meta.attachments):
            target = folder / attachment.file
            where = doc.line_of(("attachments", i, "file"))
            if "/" in attachment.file or "\\" in attachment.file or attachment.file.startswith("."):
                problems.append(Problem(doc.path, where, f"attachments[{i}].file", "skriv bara filnamnet; bilagan ska ligga i samma mapp som minnesanteckningarna"))
            elif not target.is_file():
                problems.append(Problem(doc.path, where, f"attachments[{i}].file", f"filen `{attachment.file}` finns inte i {layout.shown(folder)}/; lägg den där eller rätta namnet"))
