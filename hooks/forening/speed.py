"""Performance helpers that keep decades of minutes fast to load (and a build's memory down).

Measured with `scripts/bench.py` on 5,000 minutes; see the README's "Scale" section.
"""

from __future__ import annotations

import ctypes
import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def without_gc_pauses(func: Callable[P, R]) -> Callable[P, R]:
    """Run `func` with Python's cyclic garbage collector paused, then restore it.

    Loading the archive creates tens of objects per front-matter line (YAML nodes,
    dicts, line maps, models) and keeps most of them, so the collector would scan
    the growing heap again and again and find nothing to free: about a quarter of
    `make check` over 5,000 minutes. Reference counting still frees everything
    that is not a cycle; the collector runs again as soon as `func` returns.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper


def return_free_memory() -> None:
    """Give the memory this process has freed back to the system, where the C library allows it.

    glibc keeps freed memory for the process to reuse, so it still counts as the
    process's. Before Pagefind indexes, when the build's memory peaks, that is
    everything the generators and MkDocs let go of: 150 MB at 5,000 minutes.
    Elsewhere than glibc this does nothing."""
    try:
        ctypes.CDLL(None).malloc_trim(0)  # the C library this process already runs on
    except (OSError, TypeError, AttributeError):  # no such handle here, or a C library without malloc_trim
        pass
