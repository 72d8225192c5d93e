"""The build's second core: one helper process that takes work the build can hand off.

A generator such as MkDocs renders a site in one Python process, on one core,
and a build machine has two or more. Work that needs nothing but its arguments
and costs seconds at thousands of pages (the source checks' finders, the
calendar feeds, the output checks) runs here instead, while the generator goes
on. `Helper.submit` returns a `Future`; every user does the same work itself if
the helper cannot start or dies (`Helper.result_or`), so a missing helper makes
a build slower, never different.

The process is started with `spawn`, not `fork`: a forked copy of the generator
would count its memory twice and inherit its threads (`mkdocs serve`). It is
started on first use (or by `start`), so code that never hands off work (a
`make check` that finds everything in the memo, a script that only generates
pages) starts nothing. Like every program that starts processes this way, a
script that runs the build in its own process needs the
`if __name__ == "__main__":` guard.
"""

from __future__ import annotations

import multiprocessing
import site
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# The new interpreter imports this package from where the generator found it
# (MkDocs puts hooks/ on sys.path only while it imports the hooks).
_PACKAGE_PARENT = Path(__file__).resolve().parent.parent


class Helper:
    """One helper process for one build; work runs in the order it was submitted."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self.broken = False  # the helper could not start, or died

    def submit(self, work: Callable[..., T], *args: Any) -> Future[T]:
        """`work(*args)` in the helper. `work` and its arguments must be picklable (module-level)."""
        try:
            return self._process().submit(work, *args)
        except (BrokenProcessPool, OSError) as exc:  # it cannot start here, or it died
            self.broken = True
            failed: Future[T] = Future()
            failed.set_exception(BrokenProcessPool(str(exc)))
            return failed

    def start(self) -> None:
        """Start the process now, to import while the caller goes on, not at the first real work."""
        self.submit(_ready)

    def result_or(self, future: Future[T], here: Callable[[], T]) -> T:
        """The helper's result, or `here()` if the helper could not do the work."""
        try:
            return future.result()
        except BrokenProcessPool:
            self.broken = True
            return here()

    def close(self) -> None:
        """Stop the helper: work not yet started is dropped, the piece it is doing ends first.

        That piece is short (a chunk of texts, a batch of pages, at most the calendars),
        and waiting for it is needed: Python 3.11 writes to the pool's wake-up pipe at
        exit without a lock, and if the pool's own thread is closing that pipe just then,
        a traceback follows a `make check` or build that ended right after `close`."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _process(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=site.addsitedir, initargs=(str(_PACKAGE_PARENT),))
        return self._pool


def _ready() -> None:
    """The work of `Helper.start`: none."""
