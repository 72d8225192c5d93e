"""Load every content file, check it against the schema and across files.

`read_content` is the one reading: the MkDocs hook, `scripts/validate.py` and
the pre-commit hook reach it through `checks.check_sources` (which adds the text
and source checks), so they can never disagree. `load_archive` is the same
reading for the scripts that need only the valid archive (import, new minutes,
redact, the guide's examples).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import load, siteconfig
from .archive import Archive, MinutesEntry, ProjectEntry
from .memo import FileText
from .messages import problems_from
from .problems import Problem, dotted, errors
from .schema import Group, Minutes, Project
from .speed import without_gc_pauses
from .strays import stray_files
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


def docs_paths(layout: Layout) -> list[Path]:
    """The hand-written pages (mkdocs.yml's `docs_dir`, docs/ unless it says otherwise), which
    the privacy, active-content and offsite checks read too."""
    config, _ = siteconfig.read(layout.root, layout.config_file)  # its own problems are reported by the settings checks
    folder = layout.root / (config.docs_dir if config is not None else "docs")
    return sorted(folder.rglob("*.md")) if folder.is_dir() else []


def bodies(layout: Layout, files: list[SourceFile]) -> list[tuple[str, FileText, int]]:
    """Every body the text checks of bodies read: each readable minutes and project file's
    (`files`), then each page in docs/, as (path shown, Markdown body, line it starts on)."""
    found = [(source.path, source.body, source.body_line) for source in files if source.body is not None]
    return found + docs_bodies(layout)


def docs_bodies(layout: Layout) -> list[tuple[str, FileText, int]]:
    """Each readable page in docs/: its Markdown after any front matter, and the line it
    starts on (for the checks of bodies: active content, requests to other hosts)."""
    found: list[tuple[str, FileText, int]] = []
    for path in docs_paths(layout):
        texts = load.file_and_body(path)
        if texts is not None:
            found.append((layout.shown(path), FileText(texts.body, digest=texts.body_digest), texts.body_line))
            continue
        text = load.read_text(path, layout.shown(path), [])  # no front matter: the whole page is Markdown
        if text is not None:
            found.append((layout.shown(path), FileText(text), 1))
    return found


def minutes_paths(layout: Layout) -> list[Path]:
    """The minutes files (in a group's folder), in the order they are read."""
    folder = layout.root / layout.minutes_dir
    return sorted(folder.glob("*/*.md")) if folder.is_dir() else []


@dataclass(frozen=True)
class SourceFile:
    """A minutes or project file as far as it could be read, valid or not.

    The checks that need only a file's own text (privacy, active content) run over
    these even when other files, or this file's front matter, have errors: an editor
    then sees every error in one run, not the phone number in the body only after
    fixing a typo in a field.
    """

    path: str  # as shown to editors
    text: FileText  # the whole file
    body: FileText | None  # the Markdown after the front matter; None when there is no front matter to split at
    body_line: int  # 1-based file line where the body starts


@dataclass
class Content:
    """What `read_content` found: the archive (None on errors), every problem, every readable file."""

    archive: Archive | None
    problems: list[Problem]
    files: list[SourceFile] = field(default_factory=list)


def load_archive(
    layout: Layout, projects_read: Callable[[list[ProjectEntry], list[Path]], object] | None = None
) -> tuple[Archive | None, list[Problem]]:
    """Read and validate everything. Returns the archive (None on errors) and all problems.

    See `read_content`, which also returns every readable file for the text checks.
    """
    content = read_content(layout, projects_read)
    return content.archive, content.problems


@without_gc_pauses
def read_content(layout: Layout, projects_read: Callable[[list[ProjectEntry], list[Path]], object] | None = None) -> Content:
    """Read and validate everything: the archive (None on errors), all problems, and every readable file.

    Every file's errors are kept, always: a minutes file is only valid relative to
    groups.yml and projects/, so a change to one file (a renamed group, a deleted
    project) can make another invalid. `projects_read`, if given, is called
    with the valid projects and the minutes files before these are read (`make check`
    hands both to the helper process then, to look for the names in the minutes meanwhile).
    """
    problems: list[Problem] = []
    files: list[SourceFile] = []
    groups, declared = _load_groups(layout, problems)
    projects, bad_projects = _load_projects(layout, problems, files)
    paths = minutes_paths(layout)
    if projects_read is not None:
        projects_read([entry for entry, _ in projects], paths)
    minutes, bad_minutes = _load_minutes(layout, paths, problems, files)
    _check_references(layout, declared, projects, minutes, problems, bad_projects, bad_minutes)
    listed = {((layout.root / entry.source).parent / a.file).resolve() for entry, _ in minutes for a in entry.meta.attachments}
    problems += stray_files(layout.root, layout.minutes_dir, layout.projects_dir, listed)
    if errors(problems):
        return Content(None, problems, files)
    archive = Archive(
        groups=groups,
        minutes=[entry for entry, _ in minutes],
        projects={entry.slug: entry for entry, _ in projects},
        texts={doc.path: doc.file_text for _, doc in [*projects, *minutes]},
    )
    return Content(archive, problems, files)


def _source_file(path: Path, shown: str, doc: load.Document | None) -> SourceFile | None:
    """The file's text and body: from its document, or, for a file `read_document` refused
    (a tab, broken YAML), split as `read_document` would; None if it cannot be read as text."""
    if doc is not None:
        return SourceFile(shown, doc.file_text, doc.body_text, doc.body_line)
    texts = load.file_and_body(path)
    if texts is None:
        text = load.read_text(path, shown, [])  # its problem is already reported
        return None if text is None else SourceFile(shown, FileText(text), None, 1)
    return SourceFile(shown, FileText(texts.text, digest=texts.text_digest), FileText(texts.body, digest=texts.body_digest), texts.body_line)


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
        empty = "filen är tom; den " if data is None else ""  # nothing, or only comments
        problems.append(Problem(shown, 1, "", f"{empty}ska vara grupper av formen `kortnamn:` med `name:` och `members:` indraget under"))
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


def _load_projects(
    layout: Layout, problems: list[Problem], files: list[SourceFile]
) -> tuple[list[tuple[ProjectEntry, load.Document]], list[load.Document]]:
    """The valid projects, and the documents of those that failed the schema (for their references)."""
    projects: list[tuple[ProjectEntry, load.Document]] = []
    invalid: list[load.Document] = []
    for path in project_paths(layout):
        shown = layout.shown(path)
        slug = path.stem
        if not SLUG.match(slug):
            problems.append(Problem(shown, 1, "", "filnamnet får bara ha små bokstäver a–z, siffror och bindestreck, t.ex. `cresco-creare.md`"))
            _add_source(files, path, shown, None)
            continue
        doc = load.read_document(path, shown, problems)
        _add_source(files, path, shown, doc)
        if doc is None:
            continue
        meta = _validate(Project, doc, problems)
        if isinstance(meta, Project):
            projects.append((ProjectEntry(slug=slug, meta=meta, body_text=doc.body_text, source=shown, body_line=doc.body_line), doc))
        else:
            invalid.append(doc)
    return projects, invalid


def _add_source(files: list[SourceFile], path: Path, shown: str, doc: load.Document | None) -> None:
    source = _source_file(path, shown, doc)
    if source is not None:
        files.append(source)


def _load_minutes(
    layout: Layout, paths: list[Path], problems: list[Problem], files: list[SourceFile]
) -> tuple[list[tuple[MinutesEntry, load.Document]], list[load.Document]]:
    """The valid minutes, and the documents of those that failed the schema (for their references)."""
    found: list[tuple[MinutesEntry, load.Document]] = []
    invalid: list[load.Document] = []
    folder = layout.root / layout.minutes_dir
    for path in paths:
        shown = layout.shown(path)
        if not _MINUTES_NAME.match(path.name):
            problems.append(Problem(shown, 1, "", "filnamnet ska vara mötesdatumet, t.ex. `2021-05-05.md`"))
            _add_source(files, path, shown, None)
            continue
        doc = load.read_document(path, shown, problems)
        _add_source(files, path, shown, doc)
        if doc is None:
            continue
        meta = _validate(Minutes, doc, problems)
        if not isinstance(meta, Minutes):
            invalid.append(doc)
            continue
        if meta.date.isoformat() != path.stem:
            problems.append(Problem(shown, doc.line_of(("date",)), "date", f"{meta.date} stämmer inte med filnamnet; byt namn på filen till `{meta.date}.md` eller rätta datumet"))
        if meta.group != path.parent.name:
            problems.append(Problem(shown, doc.line_of(("group",)), "group", f"`{meta.group}` stämmer inte med mappen `{path.parent.name}`; flytta filen till minutes/{meta.group}/ eller rätta gruppen"))
        entry = MinutesEntry(meta=meta, body_text=doc.body_text, source=shown, body_line=doc.body_line)
        found.append((entry, doc))
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        problems.append(Problem(layout.shown(path), 1, "", "minnesanteckningar ska ligga i gruppens mapp, t.ex. minutes/norra/2021-05-05.md"))
        _add_source(files, path, layout.shown(path), None)
    return found, invalid


_GROUP, _PROJECT = "group", "project"

# Where a file that failed the schema names groups and projects ("*": every item of a
# list), read from its raw front matter: its own mistakes elsewhere must not hide these.
# The same places as `_minutes_references` and the projects' `areas` read from a valid
# file's model; those stay plain code, for they run over every minutes of every run,
# where walking these patterns generically would cost tens of milliseconds at 5,000.
_MINUTES_REFERENCES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("group",), _GROUP),
    (("projects", "*"), _PROJECT),
    (("next_meetings", "*", "group"), _GROUP),
    (("events", "*", "groups", "*"), _GROUP),
)
_PROJECT_REFERENCES: tuple[tuple[tuple[str, ...], str], ...] = ((("areas", "*"), _GROUP),)

Reference = tuple[tuple[str | int, ...], str, str]  # (location, _GROUP or _PROJECT, slug)


def _minutes_references(meta: Minutes) -> Iterator[Reference]:
    yield ("group",), _GROUP, meta.group
    for i, slug in enumerate(meta.projects):
        yield ("projects", i), _PROJECT, slug
    for i, meeting in enumerate(meta.next_meetings):
        yield ("next_meetings", i, "group"), _GROUP, meeting.group
    for i, event in enumerate(meta.events):
        for j, slug in enumerate(event.groups):
            yield ("events", i, "groups", j), _GROUP, slug


def _raw_references(doc: load.Document, patterns: tuple[tuple[tuple[str, ...], str], ...], problems: list[Problem]) -> Iterator[Reference]:
    """The references of a document that failed the schema, where they can be read without
    guessing: slugs written as text, at places where the schema found nothing wrong."""
    faulty = {p.field for p in problems if p.path == doc.path}
    for pattern, kind in patterns:
        for loc, value in _walk(doc.data, pattern, ()):
            where = dotted(loc)
            if isinstance(value, str) and SLUG.match(value) and not any(_within(where, f) for f in faulty):
                yield loc, kind, value


def _within(where: str, faulty: str) -> bool:
    """Whether the field at `where` is `faulty` or part of it (a problem with the whole list, say)."""
    return where == faulty or where.startswith((faulty + ".", faulty + "["))


def _walk(data: Any, pattern: tuple[str, ...], loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    if not pattern:
        yield loc, data
    elif pattern[0] == "*":
        for i, item in enumerate(data if isinstance(data, list) else []):
            yield from _walk(item, pattern[1:], (*loc, i))
    elif isinstance(data, dict) and pattern[0] in data:
        yield from _walk(data[pattern[0]], pattern[1:], (*loc, pattern[0]))


def _check_references(
    layout: Layout,
    groups: list[str] | None,
    projects: list[tuple[ProjectEntry, load.Document]],
    minutes: list[tuple[MinutesEntry, load.Document]],
    problems: list[Problem],
    bad_projects: list[load.Document],
    bad_minutes: list[load.Document],
) -> None:
    """Cross-file checks: groups and projects that exist, attachments on disk.

    Files that failed the schema are checked too, as far as `_raw_references` can read them."""
    group_list = ", ".join(groups or []) or f"(inga grupper; lägg till dem i {layout.groups_file})"
    slugs = [entry.slug for entry, _ in projects]
    known_slugs = set(slugs)  # looked up for every listed project of thousands of minutes

    def check(doc: load.Document, references: Iterator[Reference]) -> None:
        for loc, kind, slug in references:
            if kind == _GROUP and groups is not None and slug not in groups:
                message = f"gruppen `{slug}` finns inte i {layout.groups_file}; använd en av: {group_list}"
            elif kind == _PROJECT and slug not in known_slugs:
                close = difflib.get_close_matches(slug, slugs, n=1)
                hint = f"menade du `{close[0]}`?" if close else f"skapa {layout.projects_dir}/{slug}.md eller ta bort raden"
                message = f"projektet `{slug}` finns inte i {layout.projects_dir}/; {hint}"
            else:
                continue
            problems.append(Problem(doc.path, doc.line_of(loc), dotted(loc), message))

    for project, doc in projects:
        check(doc, ((("areas", i), _GROUP, area) for i, area in enumerate(project.meta.areas)))
    for doc in bad_projects:
        check(doc, _raw_references(doc, _PROJECT_REFERENCES, problems))
    for doc in bad_minutes:
        check(doc, _raw_references(doc, _MINUTES_REFERENCES, problems))
    for entry, doc in minutes:
        meta = entry.meta
        check(doc, _minutes_references(meta))
        folder = (layout.root / entry.source).parent
        for i, attachment in enumerate(meta.attachments):
            target = folder / attachment.file
            where = doc.line_of(("attachments", i, "file"))
            if "/" in attachment.file or "\\" in attachment.file or attachment.file.startswith("."):
                problems.append(Problem(doc.path, where, f"attachments[{i}].file", "skriv bara filnamnet; bilagan ska ligga i samma mapp som minnesanteckningarna"))
            elif not target.is_file():
                problems.append(Problem(doc.path, where, f"attachments[{i}].file", f"filen `{attachment.file}` finns inte i {layout.shown(folder)}/; lägg den där eller rätta namnet"))
