"""Everything that checks content, in two calls: over the sources, over the output.

`check_sources` is what `make check`, pre-commit and the build run first: schema
and cross-file validation, the checks in `TEXT_CHECKS` (privacy guard, active
content, requests to other hosts, the settings), which need no valid archive and so run even when
validation found errors (every error at once), then the source checks that need
the archive, registered in `SOURCE_CHECKS`, and, except in the build, the advice in
`SUGGESTION_CHECKS` (mention suggestions). Given the helper process,
it hands it the slow part of these checks (`READ_AHEAD`, `SUGGESTIONS_AHEAD`, see
forening.prefetch), to do while this process reads and validates the files.
`check_output` runs the checks registered in `OUTPUT_CHECKS` over the built site.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from . import activecontent, bodylinks, consistency, guard, mentions, offsite, prefetch
from .archive import Archive, ProjectEntry
from .guide import check_guide_examples
from .helper import Helper
from .participants import reserved_name as participants_page_name
from .problems import Problem, Severity, errors, os_reason
from .publication import check_pages as docs_front_matter
from .publication import notices as publication_notices
from .retention import check_setting as retention_setting
from .speed import without_gc_pauses
from .validate import Layout, SourceFile, project_paths, read_content

SourceCheck = Callable[[Layout, Archive], list[Problem]]
TextCheck = Callable[[Layout, list[SourceFile]], list[Problem]]
FileCheck = Callable[[str, bytes], list[Problem]]

# Checks of each readable file's own text (and of the settings), which need no valid
# archive: they run even when validation found errors, so one run shows them all.
TEXT_CHECKS: list[TextCheck] = [
    guard.check_sources,  # privacy: no e-mail, phone number or personnummer in the sources
    activecontent.check_bodies,
    offsite.check_bodies,  # no image or other file fetched from another host
    retention_setting,  # extra.retention in mkdocs.yml: required and valid
    docs_front_matter,  # pages in docs/: front matter and publish_until that can be read
    check_guide_examples,  # the guide's example files: their own small archive
]

# Checks over a valid archive's sources; each returns problems with path:line.
SOURCE_CHECKS: list[SourceCheck] = [
    publication_notices,  # what today's build leaves out (publish_until, retention): suggestions
    participants_page_name,  # projects/soker-deltagare.md would take the page of seeking projects
    bodylinks.check_links,  # relative links and images in bodies lead to a page or file of the site
]

# The source checks' slow work on each minutes and project file, which the helper
# process does while this one reads the same files (forening.prefetch).
READ_AHEAD: list[prefetch.FileWork] = [
    guard.READ_AHEAD,
    activecontent.READ_AHEAD,
    offsite.READ_AHEAD,
    bodylinks.READ_AHEAD,
]

# Advice for editors, never an error: `make check` and pre-commit show it, the build
# leaves it out (nobody reads it in a build log, and over decades of minutes the
# mention index behind it costs seconds of every build).
SUGGESTION_CHECKS: list[SourceCheck] = [
    mentions.mention_suggestions,  # minutes that name a project without listing it
    consistency.contradictions,  # valid fields that contradict each other (a name both present and absent)
]

# Slow work on each minutes file that needs the projects read first (their names): the
# suggestions', handed to the helper the same way when they are shown.
MinutesWork = Callable[[list[ProjectEntry]], list[prefetch.FileWork]]
SUGGESTIONS_AHEAD: list[MinutesWork] = [
    mentions.names_ahead,
]

# Checks over the built site (HTML, search index, feeds, .ics); any problem fails the build.
# Each entry makes, from the site's settings, the check of one file: (path in the
# site, bytes) to problems. `check_output` reads each file once for all of them.
OUTPUT_CHECKS: list[Callable[[dict], FileCheck]] = [
    guard.output_check,  # privacy: the same over every file the build wrote
    activecontent.output_check,
    offsite.output_check,  # no page or style sheet fetches from another host
]


@without_gc_pauses
def check_sources(
    layout: Layout,
    only: set[Path] | None = None,
    suggestions: bool = True,
    helper: Helper | None = None,
    meanwhile: Callable[[Archive], Any] | None = None,
    minutes_ahead: Sequence[MinutesWork] = (),
) -> tuple[Archive | None, list[Problem]]:
    """Validate all content and run every source check (and, unless told not to, every
    suggestion check). The archive is None on errors.

    `only` (pre-commit's staged files) limits the suggestions to those files. Errors
    are reported wherever they are: a change to one file can break another (a group
    renamed in groups.yml, a project deleted), and a commit that leaves any error
    stops the next build for everyone.

    With a `helper`, the checks' slow work (`READ_AHEAD`; once the projects are read,
    `SUGGESTIONS_AHEAD` with the suggestions, and `minutes_ahead`: the build's index)
    runs there while this process reads and validates the files, then runs
    `meanwhile(archive)` (the build: its pages); the checks find that work done.
    """
    projects_read = None
    if helper is not None:
        prefetch.read_ahead(helper, project_paths(layout), READ_AHEAD)
        projects_read = partial(_minutes_ahead, helper, [*(SUGGESTIONS_AHEAD if suggestions else []), *minutes_ahead])
    content = read_content(layout, projects_read=projects_read)
    archive, problems = content.archive, content.problems
    if archive is not None and meanwhile is not None:
        meanwhile(archive)
    elif helper is not None:
        prefetch.take_back()  # nothing else to do here: share what the helper has not started
    shown = {layout.shown(p.resolve()) for p in only} if only is not None else None

    def kept(found: list[Problem]) -> list[Problem]:
        return [p for p in found if shown is None or p.severity is Severity.ERROR or p.path in shown]

    for text_check in TEXT_CHECKS:
        problems += kept(text_check(layout, content.files))
    if archive is None:
        return None, problems
    for check in (SUGGESTION_CHECKS if suggestions else []) + SOURCE_CHECKS:
        problems += kept(check(layout, archive))
    return (None if errors(problems) else archive), problems


def _minutes_ahead(helper: Helper, makers: list[MinutesWork], projects: list[ProjectEntry], minutes: list[Path]) -> None:
    """Once the projects are read: the helper reads the minutes files for `READ_AHEAD` and
    for what `makers` make of the projects, all in one reading of each file."""
    works = [work for make in makers for work in make(projects)]
    prefetch.read_ahead(helper, minutes, READ_AHEAD + works)


def output_checker(settings: dict, makers: list[Callable[[dict], FileCheck]] = OUTPUT_CHECKS) -> FileCheck:
    """Every output check of one file (or those of `makers`), for one site (the checks keep state across its files)."""
    checks = [make(settings) for make in makers]

    def check(rel: str, data: bytes) -> list[Problem]:
        return [problem for one in checks for problem in one(rel, data)]

    return check


def check_output(site_dir: Path, settings: dict, makers: list[Callable[[dict], FileCheck]] = OUTPUT_CHECKS) -> list[Problem]:
    """Every output check (or those of `makers`) over the built site, in one pass: each file is read once."""
    return check_files(site_dir, site_files(site_dir), settings, makers)


def site_files(folder: Path) -> list[str]:
    """Every file under `folder`, as sorted paths relative to it."""
    return [path.relative_to(folder).as_posix() for path in sorted(folder.rglob("*")) if path.is_file()]


def check_files(site_dir: Path, rels: list[str], settings: dict, makers: list[Callable[[dict], FileCheck]] = OUTPUT_CHECKS) -> list[Problem]:
    """Every output check (or those of `makers`) over the files at `rels` in `site_dir`."""
    check = output_checker(settings, makers)
    return [problem for rel in rels for problem in check_file(check, site_dir, rel)]


def check_file(check: FileCheck, site_dir: Path, rel: str) -> list[Problem]:
    """The problems of the file at `rel` in `site_dir` (none if it is not there: nothing was written)."""
    try:
        data = (site_dir / rel).read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        return [Problem(rel, 1, "", f"filen kan inte läsas för kontrollen ({os_reason(exc)})")]
    return check(rel, data)
