"""The output checks and the search index, on the build's second core, while and after the site is written.

The output checks (privacy guard, active content) cost about as much CPU as
Pagefind's indexing, and at thousands of pages that is tens of seconds. So
`SiteChecks` runs them in the build's helper process (forening.helper):

1. Before and while the site is written: files whose bytes are known early
   (calendars, feeds) are checked as soon as they are generated (`generated`),
   while MkDocs converts the Markdown; then the generator names each page as
   soon as it is on disk (`written`), and the helper reads and checks it while
   the next pages are rendered.
2. After the last page (`finish`): the helper checks every other file of the
   site (assets, sitemap, feeds, calendars, and pages no one named) while
   Pagefind indexes the site into a staging folder outside it. Pagefind writes
   its page fragments (most of the index) first and then works on its word
   index on one core for seconds: this process checks the fragments meanwhile
   (`_Fragments`). Then the helper and this process check half the rest of the
   index each, and it is moved into the site.

Every file is checked once, by the checks of `checks.check_output`, as read
from disk, or for a generated file as generated (or a fragment as read while
Pagefind wrote on) when the file on disk holds the same bytes (compared by
digest in `finish`; if not, it is read again). Their state across files only
saves work (the guard's texts found clean), so any split of the files finds the
same problems. If the helper cannot start or dies, every file is checked here
instead: slower, never fewer.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from . import checks
from .helper import Helper
from .problems import Problem
from .search import OUTPUT, IndexSize, build_search_index
from .speed import return_free_memory

# Pages handed to the helper at a time: one round trip per batch, not per page.
BATCH = 25


class SiteChecks:
    """The output checks of one build of `site_dir`, mostly in `helper` (which `finish` closes)."""

    def __init__(self, site_dir: Path, settings: dict, helper: Helper | None = None) -> None:
        self.site_dir = site_dir
        self.settings = settings
        self.helper = helper or Helper()
        self._named: set[str] = set()  # every page named so far, as paths in the site
        self._generated: dict[str, str] = {}  # files checked before they were written: path to digest
        self._batch: list[str] = []
        self._results: list[Future[list[Problem]]] = []

    def written(self, rel: str) -> None:
        """The file at `rel` (a path in the site) is written completely: check it."""
        self._named.add(rel)
        self._batch.append(rel)
        if len(self._batch) >= BATCH:
            self._hand_over(self.site_dir, self._batch)
            self._batch = []

    def generated(self, rel: str, data: bytes) -> None:
        """The generator will write exactly `data` at `rel`: check it now (`finish` makes sure it did)."""
        self._generated[rel] = _digest(data)
        self._submit(_check_data, rel, data)

    def finish(self) -> tuple[IndexSize, list[Problem]]:
        """Index the site into `site_dir/pagefind/`, and every problem of every file, the index's included."""
        shutil.rmtree(self.site_dir / OUTPUT, ignore_errors=True)  # a dirty build's old index is not checked or kept
        self._hand_over(self.site_dir, self._batch)
        self._hand_over(self.site_dir, [rel for rel in checks.site_files(self.site_dir) if rel not in self._named and not self._as_checked(rel)])
        # Pagefind brings the build's peak of memory: both processes give back what they freed
        # (the helper once it has checked the pages before it).
        return_free_memory()
        self.helper.submit(return_free_memory)
        with tempfile.TemporaryDirectory(prefix="pagefind-") as tmp:
            staging = Path(tmp)
            check = checks.output_checker(self.settings)
            fragments = _Fragments(staging, check)
            size = build_search_index(self.site_dir, staging / OUTPUT, meanwhile=fragments.check_new)
            # The index is checked where it is (paths read `pagefind/...`, as in the
            # site): the fragments checked meanwhile if unchanged since; of the rest,
            # every other file by the helper, the others here.
            problems, index = fragments.settled(checks.site_files(staging))
            self._hand_over(staging, index[::2])
            problems += [problem for rel in index[1::2] for problem in checks.check_file(check, staging, rel)]
            try:
                problems += [problem for result in self._results for problem in result.result()]
            except BrokenProcessPool:  # no helper, or it died (out of memory, killed): check it all here
                self.helper.broken = True
                problems = checks.check_output(self.site_dir, self.settings) + checks.check_output(staging, self.settings)
            finally:
                self.helper.close()
            shutil.move(staging / OUTPUT, self.site_dir / OUTPUT)
        return size, problems

    def _as_checked(self, rel: str) -> bool:
        """Whether the file at `rel` holds the bytes `generated` checked."""
        digest = self._generated.get(rel)
        return digest is not None and _digest((self.site_dir / rel).read_bytes()) == digest

    def _hand_over(self, folder: Path, rels: list[str]) -> None:
        if rels:
            self._submit(_check_files, folder, list(rels))

    def _submit(self, work: Callable[..., list[Problem]], *args: Any) -> None:
        if not self._results:  # the helper's checker for this site, before its first file
            self._results.append(self.helper.submit(_begin, self.settings))
        self._results.append(self.helper.submit(work, *args))


class _Fragments:
    """Pagefind's page fragments, checked in this process while Pagefind writes the rest of its index.

    A file appears before Pagefind has written it, so one is read only once its
    size is the same as at the call before. Even so, what was checked counts only
    for a file that holds the same bytes once Pagefind is done."""

    def __init__(self, staging: Path, check: checks.FileCheck) -> None:
        self.staging = staging
        self.check = check
        self._sizes: dict[str, int] = {}  # path in the site: size at the last call
        self._checked: dict[str, tuple[str, list[Problem]]] = {}  # path in the site: digest, problems

    def check_new(self) -> None:
        """Check every fragment Pagefind has finished writing since the last call."""
        folder = f"{OUTPUT}/fragment"
        try:
            entries = list(os.scandir(self.staging / folder))
        except FileNotFoundError:  # not written yet (or Pagefind names it otherwise: all is checked at the end)
            return
        for entry in entries:
            rel = f"{folder}/{entry.name}"
            if rel in self._checked:
                continue
            try:
                size = entry.stat().st_size
                if not size or self._sizes.get(rel) != size:  # still being written, or new
                    self._sizes[rel] = size
                    continue
                data = (self.staging / rel).read_bytes()
            except OSError:
                continue
            self._checked[rel] = (_digest(data), self.check(rel, data))

    def settled(self, rels: list[str]) -> tuple[list[Problem], list[str]]:
        """The problems of the files at `rels` checked as they are now, and the files still to check."""
        problems: list[Problem] = []
        rest: list[str] = []
        for rel in rels:
            early = self._checked.get(rel)
            if early is not None and early[0] == _digest((self.staging / rel).read_bytes()):
                problems += early[1]
            else:
                rest.append(rel)
        return problems, rest


def _digest(data: bytes) -> str:
    """What a file checked before it was final is compared by."""
    return hashlib.sha256(data).hexdigest()


# In the helper process: one checker for the whole site, made by `_begin`.
_checker: checks.FileCheck | None = None


def _begin(settings: dict) -> list[Problem]:
    global _checker
    _checker = checks.output_checker(settings)
    return []


def _check_data(rel: str, data: bytes) -> list[Problem]:
    assert _checker is not None, "_begin runs first"
    return _checker(rel, data)


def _check_files(folder: Path, rels: list[str]) -> list[Problem]:
    assert _checker is not None, "_begin runs first"
    return [problem for rel in rels for problem in checks.check_file(_checker, folder, rel)]
