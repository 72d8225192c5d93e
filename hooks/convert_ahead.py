"""MkDocs adapter: the generated pages' Markdown converted in the helper process too.

MkDocs converts every page's Markdown to HTML in this process, one page after
another: its longest phase (34–45 s at 5,500 pages), while the helper
(forening.helper) has little to do. The generated pages' Markdown is known as soon
as `on_files` has run, so the helper converts them as well, from the last page
backwards, while MkDocs converts from the first page on. Where the two meet, every
page has been converted once.

The helper runs MkDocs' own `Page.render` (the same Markdown extensions, the same
link rewriting and link warnings) over a copy of the site's list of files. Here,
`render` of such a page takes the helper's result instead of converting: the HTML,
table of contents, title, anchors and links to anchors, and the messages the
conversion logged, logged here in the page's turn, so that a broken link still
fails a strict build. This process converts a page itself, exactly as MkDocs would,
whenever the helper has not started it yet, its Markdown changed after it was handed
over (another plugin's `on_page_markdown`), or anything failed in the helper.

This module belongs to the MkDocs adapter (it uses MkDocs' `Page`, `File` and
`Files`), not to the engine; the helper imports it from `hooks/` by its name. It
relies on what MkDocs 1.6.1 (its last release) does: `_populate_page` calls
`page.render(config, files)` right after `on_page_markdown`, and `render` sets
exactly the attributes `Converted.apply` sets. tests/test_convert_ahead.py builds
a site both ways and compares every file.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from forening.helper import Helper
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

# Pages per piece of the helper's work. Where the two meet, this process waits for
# at most the piece the helper is converting and the one queued behind it.
CHUNK = 10

# The loggers whose levels decide what a conversion logs (and whether MkDocs keeps
# a page's links to anchors: only above DEBUG, see `Page.render`).
_LOGGERS = ("", "mkdocs", "mkdocs.structure.pages")


@dataclass(frozen=True)
class Converted:
    """What `Page.render` leaves on a page, and what it logged meanwhile."""

    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri
    logged: list[tuple[str, int, str]]  # logger name, level, message

    def apply(self, page: Page, files: Files) -> None:
        """Set on `page` what its own `render` would have set, and log what it would have logged."""
        page.content = self.content
        page.toc = self.toc
        page._title_from_render = self.title
        page.present_anchor_ids = self.anchors
        if self.links_to_anchors is not None:
            page.links_to_anchors = {files.get_file_from_path(src): links for src, links in self.links_to_anchors.items()}  # type: ignore[misc]
        for name, level, message in self.logged:
            logging.getLogger(name).log(level, message)


class ConvertAhead:
    """The helper converts the pages handed over, the last one first; `renderer` uses its results."""

    def __init__(self, helper: Helper, markdown: dict[str, str], files: Files, config: MkDocsConfig, chunk: int = CHUNK) -> None:
        self._helper = helper
        # src_uri -> the Markdown handed over: the file's text, which is the Markdown
        # MkDocs converts unless front matter or a plugin changed it (see `_converted`).
        self._markdown = markdown
        key = uuid.uuid4().hex
        helper.submit(_set_up, key, _site_of(files, config))
        order = [file.src_uri for file in files.documentation_pages() if file.src_uri in markdown]
        self._pieces: dict[str, Future[dict[str, Converted]]] = {}
        for end in range(len(order), 0, -chunk):
            piece = order[max(0, end - chunk) : end]
            future = helper.submit(_convert, key, [(src, markdown[src]) for src in piece])
            self._pieces.update(dict.fromkeys(piece, future))

    def renderer(self, page: Page) -> Callable[[MkDocsConfig, Files], None]:
        """What MkDocs should call as `page.render(config, files)` for a page handed over."""

        def render(config: MkDocsConfig, files: Files) -> None:
            vars(page).pop("render", None)  # once: the page is MkDocs' own again
            converted = self._converted(page)
            if converted is None:
                page.render(config, files)  # Page.render: converted here, as MkDocs would
            else:
                converted.apply(page, files)

        return render

    def _converted(self, page: Page) -> Converted | None:
        """The helper's conversion of `page`, waiting for it if the helper is at it; None to convert here."""
        src = page.file.src_uri
        future = self._pieces.pop(src, None)
        # MkDocs converts what `read_source` and the plugins' `on_page_markdown` made of
        # the file's text; the adapter's own gives the very text back if nothing changed it.
        if future is None or page.markdown != self._markdown.get(src) or future.cancel():
            return None  # not handed over, changed since, or not started yet: this process converts it
        try:
            return self._helper.result_or(future, dict).get(src)
        except Exception:  # noqa: BLE001 - e.g. a setting that cannot be pickled: convert here
            return None


# --- in the helper process ---------------------------------------------------

# The site of the build being converted: its key, list of files and settings.
_site: tuple[str, Files, Any] | None = None


def _site_of(files: Files, config: MkDocsConfig) -> dict[str, Any]:
    """What the conversion needs of the build, as plain data."""
    links = config.validation.links
    return {
        "files": [(f.src_uri, f.dest_uri, f.url, f.inclusion) for f in files],
        "use_directory_urls": config.use_directory_urls,
        "markdown_extensions": list(config.markdown_extensions),
        "mdx_configs": dict(config.mdx_configs or {}),
        "links": {name: getattr(links, name) for name in ("absolute_links", "not_found", "unrecognized_links", "anchors")},
        "levels": {name: logging.getLogger(name).getEffectiveLevel() for name in _LOGGERS},
    }


class _Config(dict):
    """The few settings `Page` and `Page.render` read, by key and by attribute, as MkDocsConfig has them."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def _set_up(key: str, site: dict[str, Any]) -> None:
    """Keep the build's files and settings for the pieces that follow."""
    global _site
    use_directory_urls = site["use_directory_urls"]
    files = []
    for src, dest, url, inclusion in site["files"]:
        file = File(src, None, "", use_directory_urls, dest_uri=dest, inclusion=InclusionLevel(inclusion))
        file.url = url
        files.append(file)
    config = _Config(
        use_directory_urls=use_directory_urls,
        markdown_extensions=site["markdown_extensions"],
        mdx_configs=site["mdx_configs"],
        validation=SimpleNamespace(links=SimpleNamespace(**site["links"])),
    )
    for name, level in site["levels"].items():
        logging.getLogger(name).setLevel(level)
    _site = (key, Files(files), config)


class _Kept(logging.Handler):
    """Keeps what a conversion logs, to be logged in the build process."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.logged: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.logged.append((record.name, record.levelno, record.getMessage()))


def _convert(key: str, pages: list[tuple[str, str]]) -> dict[str, Converted]:
    """Each page converted by MkDocs' `Page.render`. One that failed is left out: the
    build converts it again and reports the error as MkDocs does."""
    if _site is None or _site[0] != key:
        raise RuntimeError("the build's files were not handed over")  # the build converts these itself
    _, files, config = _site
    kept = _Kept()
    root = logging.getLogger()
    root.addHandler(kept)
    done: dict[str, Converted] = {}
    try:
        for src, markdown in pages:
            file = files.get_file_from_path(src)
            if file is None:
                continue
            kept.logged = []
            page = Page(None, file, config)  # type: ignore[arg-type]
            page.markdown = markdown
            try:
                page.render(config, files)  # type: ignore[arg-type]
            except Exception:  # noqa: BLE001 - left to the build, see above
                continue
            finally:
                file.page = None  # keep no page here: only its result goes back
            links = page.links_to_anchors
            done[src] = Converted(
                content=page.content or "",
                toc=page.toc,
                title=page._title_from_render,
                anchors=page.present_anchor_ids or set(),
                links_to_anchors=None if links is None else {target.src_uri: anchors for target, anchors in links.items()},
                logged=kept.logged,
            )
    finally:
        root.removeHandler(kept)
    return done
