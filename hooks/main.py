"""MkDocs adapter: hands the engine's pages to MkDocs. No business logic here.

The engine (`hooks/forening/`) loads, validates and renders; this file only
translates between it and MkDocs' events:

- `on_files`: start the helper process (forening.helper), which takes the
  project names, the slow part of the source checks, the calendars and the
  output checks off this one; validate everything (every error at once, or
  stop), keep what is published today (`publication.published`: publish_until,
  retention), then add the generated pages and files and drop hand-written pages
  past their `publish_until` and the theme's files no page loads (Material's
  search and source maps: forening.vendor). Priority 100, before plugins look at
  the files.
- `on_nav`: the list of files is final; hand the generated pages' Markdown to
  the helper, which converts them from the last page backwards while MkDocs
  converts from the first (convert_ahead.py).
- `on_env`: all pages are converted; give the files the helper made meanwhile
  (the calendars) their bytes before MkDocs copies them.
- `on_page_markdown`: give generated pages their (escaped) title and meta (and,
  if the helper converts them, its result in place of MkDocs' conversion), and
  fill the engine's markers (`<!-- forening:retention -->`) in hand-written pages.
- `on_post_page`: name each page to the output checks (privacy guard, active
  content) once MkDocs has written it: they run in a helper process while the
  next pages are rendered (forening.postbuild).
- `on_post_build`: index the built site for search (Pagefind) while the helper
  checks the rest of the site; then the index is checked too.
- `on_build_error`, `on_shutdown`: stop the helper process.

In `mkdocs serve` (`on_startup`), content with errors is not a failed build: the
preview becomes one page that lists the errors (forening.preview), and the theme's
404 page shows them too, because a failed build would keep the browser waiting.

Hook modules are loaded once per `mkdocs serve`: restart serve after editing
code under hooks/. Content edits under minutes/ and projects/ rebuild live.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from convert_ahead import ConvertAhead
from forening import dates, markers, mentions, preview, publication, retention, urls, vendor
from forening.archive import Archive
from forening.checks import check_sources
from forening.memo import FOLDER, ChangedDuringRun, kept_in
from forening.helper import Helper
from forening.pages import Asset, Build, Later, Page, generate_site
from forening.postbuild import SiteChecks
from forening.problems import ContentError, Problem, report
from forening.validate import Layout
from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage

log = get_plugin_logger(__name__)

# Per-build state, rebuilt in on_files: `mkdocs serve` keeps this module loaded.
_generated: dict[str, Page] = {}
_build: Build | None = None
_later: Later | None = None  # the files the helper makes while MkDocs converts the pages
_helper: Helper | None = None
_checks: SiteChecks | None = None
_last_page: str | None = None  # written once the next page comes (or the build ends)
_ahead: ConvertAhead | None = None  # the generated pages the helper converts
_serving = False  # `mkdocs serve`: content with errors gives a page of them, not a failed build
_preview: Page | None = None  # this build is that page (forening.preview)

HELPER_BROKEN = "Hjälpprocessen kunde inte användas: bygget gjorde kalendrarna och alla kontroller själv (samma resultat, långsammare)."


def build_date() -> dt.date:
    """Today, unless SITE_TODAY=YYYY-MM-DD pins it (tests, reproducible builds)."""
    return dates.build_date()


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    try:
        with kept_in(root / FOLDER):  # what earlier builds found in unchanged files (forening/memo.py)
            return _validate_and_generate(files, config, root)
    except ChangedDuringRun as exc:  # an editor saved while the build read: `serve` builds again anyway
        raise PluginError(str(exc)) from None


def _validate_and_generate(files: Files, config: MkDocsConfig, root: Path) -> Files:
    global _build, _later, _preview
    _preview = None
    helper = _start_helper()
    settings = dict(config.extra) | {"project_root": str(root), "site_url": config.site_url or ""}
    settings["site_name"] = config.site_name
    # Without the suggestions: they are for `make check`. While the content is read and
    # validated here, the helper reads it too and does the source checks' slow work and
    # finds the project names and headings for the mention index; then the pages are
    # generated here (the project pages last, with the names). They are used only if
    # the checks pass, and so is an error in generating them: the checks say better
    # what is wrong in the content (a bad setting in mkdocs.yml, say).
    generated: list[tuple[Build, list[Page], list[Asset], Later] | Exception] = []

    def generate(archive: Archive) -> None:
        try:
            generated.append(_generate(archive, settings, helper))
        except Exception as exc:  # noqa: BLE001 - raised below, once the checks found nothing
            generated.append(exc)

    layout = Layout(root=root, config_file=Path(config.config_file_path).name)
    archive, problems = check_sources(layout, suggestions=False, helper=helper, meanwhile=generate, minutes_ahead=[mentions.index_ahead])
    for problem in problems:
        if archive is not None:
            log.info(str(problem))  # suggestions only: they never stop a build
    if archive is None and _serving:
        return _error_preview(files, config, problems)
    if archive is None:
        raise PluginError("Innehållet har fel; inget publicerades.\n" + report(problems))
    if isinstance(made := generated[0], Exception):
        raise made
    _build, pages, assets, _later = made
    # The helper's next work: the output checks, as the calendars come and the pages are written.
    checks = _start_checks(Path(config.site_dir), settings, helper)
    expired, _ = publication.expired_pages(Path(config.docs_dir), _build.today, Path(config.docs_dir).name)
    for src, _until, _line in expired:  # hand-written pages past `publish_until` (listed by the check)
        if (file := files.get_file_from_path(src)) is not None:
            files.remove(file)
    _drop_unused_theme_files(files, config)
    _generated.clear()
    for page in pages:
        _add(files, File.generated(config, page.src, content=page.markdown, inclusion=_inclusion(page)))
        if page.source:
            files.get_file_from_path(page.src).edit_uri = f"../{page.source}"  # type: ignore[union-attr]
        _generated[page.src] = page
    for asset in assets:
        if asset.path is not None:
            _add(files, File.generated(config, asset.dest, abs_src_path=asset.path))
        else:
            _add(files, File.generated(config, asset.dest, content=asset.content))
            checks.generated(asset.dest, asset.content or b"")  # checked while MkDocs converts the Markdown
    for dest in _later.dests:  # their bytes come in on_env, before MkDocs copies them
        _add(files, File.generated(config, dest, content=b""))
    # Every page is generated: the bodies now live in the pages, so the build keeps
    # the archive for later events without them (see Archive.without_bodies), as `Later` has it.
    _build = _later.build
    return files


def _error_preview(files: Files, config: MkDocsConfig, problems: list[Problem]) -> Files:
    """The preview while the content has errors: one page that lists them (forening.preview)."""
    global _preview
    _stop_checks()  # nothing of the site is built, so nothing to check
    print("Innehållet har fel; förhandsvisningen visar dem tills de är rättade:\n" + report(problems), flush=True)  # not a log warning: strict mode would stop the preview
    for file in [f for f in files if f.is_documentation_page()]:
        files.remove(file)
    config.nav = None  # the menu of pages that are not built this time
    _preview = preview.error_page(problems)
    _generated.clear()
    _generated[_preview.src] = _preview
    files.append(File.generated(config, _preview.src, content=_preview.markdown))
    return files


def _generate(archive: Archive, settings: dict, helper: Helper) -> tuple[Build, list[Page], list[Asset], Later]:
    """What is published today (expired parts and old attendance names left out), and its pages."""
    if not settings["site_url"]:
        raise PluginError("site_url saknas i mkdocs.yml: kalendern och webbflödet behöver webbplatsens fullständiga adress")
    today = build_date()
    try:
        build = Build(archive=publication.published(archive, today, retention.from_settings(settings)), today=today, settings=settings)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    return build, *generate_site(build, helper)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    global _ahead
    # Every plugin has added its files: the links between pages resolve as they will in MkDocs.
    if _helper is not None and not _helper.broken:
        _ahead = ConvertAhead(_helper, {src: page.markdown for src, page in _generated.items()}, files, config)
    return nav


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    global _ahead
    env.globals["feeds"] = urls.FEEDS  # linked in every page's <head> (hooks/theme/main.html)
    if _preview is not None:  # the theme's 404 page lists the errors too (hooks/theme/404.html)
        env.globals["forening_preview"] = Markup(_preview.markdown)
        return env
    env.globals["forening_preview"] = None
    # Every page is converted; MkDocs copies the other files next: the helper's are due.
    assert _later is not None and _checks is not None, "on_files made them"
    _ahead = None  # nothing more to take from it (a page never converted leaves its piece unused)
    for asset in _later.assets():
        files.get_file_from_path(asset.dest).content_bytes = asset.content or b""  # type: ignore[union-attr]
        _checks.generated(asset.dest, asset.content or b"")  # checked while MkDocs writes the pages
    return env


def on_page_markdown(markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    generated = _generated.get(page.file.src_uri)
    if generated is not None:
        # MkDocs' templates do not autoescape: escape the title and description here.
        page.meta = {"title": str(escape(generated.title)), "description": str(escape(generated.description)), **generated.meta}
        if _ahead is not None:
            page.render = _ahead.renderer(page)  # type: ignore[method-assign]
        if markdown == generated.markdown:
            # MkDocs' front-matter reader hands over a copy of the file's text; the
            # original is held anyway (by the File), so keep one copy per page, not two.
            return generated.markdown
    else:  # a hand-written page in docs/: fill the engine's markers
        shown = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        markdown, problems = markers.fill(markdown, _build, page.file.src_uri, shown, page.file.content_string)  # type: ignore[arg-type]
        if problems:
            raise PluginError(report(problems))
    return markdown


@event_priority(-100)  # last: after any other plugin changed the page
def on_post_page(output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
    global _last_page
    # MkDocs writes `output` right after this event, so the page before this one is on disk now.
    if _checks is not None and _last_page is not None:
        _checks.written(_last_page)
    _last_page = page.file.dest_uri
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    global _checks
    if _preview is not None:
        return  # the page of errors: no site to index or check
    checks, _checks = _checks, None
    assert checks is not None, "on_files starts the checks of every build"
    if _last_page is not None:
        checks.written(_last_page)
    size, problems = checks.finish()
    log.info(size.summary())
    if checks.helper.broken:  # the same result, but tell whoever wonders why the build was slow
        log.info(HELPER_BROKEN)
    if problems:
        raise PluginError("Den byggda webbplatsen klarade inte kontrollen:\n" + report(problems))


def on_build_error(*, error: Exception) -> None:
    _stop_checks()  # a failed build does not wait for the helper


def on_shutdown() -> None:
    _stop_checks()  # MkDocs is ending (and a caller that only ran on_files is done)


def _start_helper() -> Helper:
    """Start this build's helper process (it imports while this one reads the content)."""
    global _helper
    _stop_checks()  # an earlier build's, in `mkdocs serve`
    _helper = Helper()
    _helper.start()
    return _helper


def _start_checks(site_dir: Path, settings: dict, helper: Helper) -> SiteChecks:
    """Start this build's output checks in its helper (see forening.postbuild)."""
    global _checks, _last_page
    _checks, _last_page = SiteChecks(site_dir, settings, helper), None
    return _checks


def _stop_checks() -> None:
    global _checks, _helper, _ahead
    _checks = _ahead = None  # their helper is this build's `_helper`
    if _helper is not None:
        _helper.close()
        _helper = None


def _drop_unused_theme_files(files: Files, config: MkDocsConfig) -> None:
    """Leave out the theme's files that no page loads (see forening.vendor for which and why).

    MkDocs 1.6 adds every file of the theme to `files` before `on_files`. Only the
    theme's are dropped: a file of the same name in docs/ is the editors' own."""
    theme_dirs = set(config.theme.dirs)
    for file in [f for f in files if f.src_dir in theme_dirs and vendor.unused_theme_file(f.src_uri)]:
        files.remove(file)


def _inclusion(page: Page) -> InclusionLevel:
    return InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV


def _add(files: Files, file: File) -> None:
    if files.get_file_from_path(file.src_uri) is not None:
        raise PluginError(f"{file.src_uri} finns redan i docs/; ta bort den filen, sidan skapas från minutes/ eller projects/")
    files.append(file)
