"""The site's search index: Pagefind over the built HTML, with Swedish stemming.

Why Pagefind and not Material's lunr search: Material's search worker appends a
`*` wildcard to every query term and lunr does not stem wildcard terms, so
inflected Swedish queries ("beredningsgruppens", "kompetensutvecklingen") find
nothing. Pagefind stems Swedish and splits its index into chunks, so a query
downloads a few hundred kilobytes however large the archive grows.

What gets indexed is marked in the HTML: the theme marks the article with
`data-pagefind-body` (so header, navigation and footer stay out), the minutes
template marks the attendance list `data-pagefind-ignore="all"` (privacy), and
minutes carry their group and date as `data-pagefind-meta`. `EXCLUDE` below
leaves out the parts of the article that repeat other pages. This module only
runs the indexer over a built site and measures what it wrote; it knows
nothing of MkDocs. Of what Pagefind writes, its ready-made search UIs are
removed (`vendor.PAGEFIND_UNUSED`): the site's own search box uses only its
runtime, and the UIs name their translators' e-mail addresses.
"""

from __future__ import annotations

import asyncio
import stat
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import IndexConfig
from pagefind.service import PagefindService

from .vendor import PAGEFIND_UNUSED

# The folder in the built site that holds the index and Pagefind's search script.
OUTPUT = "pagefind"

# The whole site is Swedish: one index with Swedish stemming, whatever a page declares.
LANGUAGE = "sv"

# Parts of the article that no reader searches for: the heading permalinks
# ("¶"), the "edit this page" button, and the labels of the fact lists
# ("Grupp", "Datum", "Status": on every page, and Pagefind would glue each
# label to its value, "Statuspågående").
# Lists that repeat other pages' titles and summaries (the archive and its
# year links, the catalogue, "mentioned in", previous/next meeting) are left
# out too: the pages they link to are indexed themselves, and a search for a
# project should find the project, not every list that names it.
EXCLUDE = [
    ".headerlink",
    ".md-content__button",
    ".fm-facts dt",
    ".fm-archive",
    ".fm-years",
    ".fm-catalogue",
    ".fm-mentions",
    ".fm-pager",
]


@dataclass(frozen=True)
class IndexSize:
    """What the indexer wrote: the numbers the build reports."""

    pages: int
    total_bytes: int  # everything under pagefind/, the search script and wasm included
    index_bytes: int  # the index chunks and page fragments only: what grows with the site

    @property
    def bytes_per_page(self) -> int:
        return self.index_bytes // self.pages if self.pages else 0

    def summary(self) -> str:
        """One line in Swedish for the build log."""
        return (
            f"Sökindex: {self.pages} sidor, {self.total_bytes / 1024:.0f} kB totalt, "
            f"varav index {self.index_bytes / 1024:.0f} kB ({self.bytes_per_page} byte per sida)"
        )


def build_search_index(site_dir: Path, output: Path | None = None, meanwhile: Callable[[], object] | None = None) -> IndexSize:
    """Index every HTML page of a built site into `site_dir/pagefind/` (or `output`, to be moved there).

    `meanwhile()` is called every `POLL` seconds while Pagefind works: the indexer
    runs in its own process, and the caller may look at what it has written so far."""
    output = site_dir / OUTPUT if output is None else output
    # Pagefind's Python API is async. Its own thread and event loop let any
    # caller use this, also one that already runs a loop (Playwright does).
    with ThreadPoolExecutor(max_workers=1) as pool:
        indexing = pool.submit(asyncio.run, _index(site_dir, output))
        while meanwhile is not None and wait([indexing], timeout=POLL).not_done:
            meanwhile()
        indexing.result()
    return measure(output)


POLL = 0.5  # seconds between calls of `build_search_index`'s `meanwhile`


async def _index(site_dir: Path, output: Path) -> None:
    # Absolute paths: Pagefind's service resolves relative ones against the
    # working directory. The service, not the index, is the context: the index's
    # own context would stop the service as soon as the files are written (below).
    config: IndexConfig = {"force_language": LANGUAGE, "exclude_selectors": EXCLUDE, "output_path": str(output.resolve())}
    async with PagefindService() as service:
        index = await service.create_index(config)
        await index.add_directory(str(site_dir.resolve()))
        await index.write_files()
        await _written(output)
    for name in PAGEFIND_UNUSED:  # written, and so never still on its way, once `_written` returns
        (output / name).unlink(missing_ok=True)


async def _written(output: Path, timeout: float = 60.0) -> None:
    """Wait until the files Pagefind's service says it wrote are on disk, before it stops.

    Its `WriteFiles` answers once it has created every file and handed each one's bytes
    to a background thread (tokio's `File`, never flushed); stopping the service then
    (as `PagefindIndex`'s context does at once) loses whatever is still on its way, and
    leaves that file empty: a search script, a word index or a page's fragment, at
    random. Each file's bytes are written in one piece and no file of Pagefind's is
    empty, so the files are all written once none is empty and nothing changed between
    two looks a moment apart.
    """
    deadline = asyncio.get_running_loop().time() + timeout
    before: dict[Path, int] | None = None
    while True:
        sizes = {path: info.st_size for path in output.rglob("*") if stat.S_ISREG((info := path.stat()).st_mode)}  # one stat a file
        if sizes == before and all(sizes.values()):
            return
        if asyncio.get_running_loop().time() > deadline:
            empty = sorted(path.relative_to(output).as_posix() for path, size in sizes.items() if not size)
            raise RuntimeError(f"Pagefind skrev inte klart sökindexet (tomma filer: {', '.join(empty[:5]) or 'inga'}); bygg igen")
        before = sizes
        await asyncio.sleep(_SETTLE)


_SETTLE = 0.05  # seconds between two looks at what Pagefind has written


def measure(output: Path) -> IndexSize:
    """Sizes of the written index. Pagefind writes one fragment per indexed page;
    fragments, index chunks and the metadata file grow with the site, the
    script and wasm are a fixed cost."""
    files = [path for path in output.rglob("*") if path.is_file()]
    grows = {".pf_index", ".pf_fragment", ".pf_meta"}
    return IndexSize(
        pages=sum(1 for path in files if path.suffix == ".pf_fragment"),
        total_bytes=sum(path.stat().st_size for path in files),
        index_bytes=sum(path.stat().st_size for path in files if path.suffix in grows),
    )
