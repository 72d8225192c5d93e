"""The checks' slow work, done in the helper process while this one reads the files.

A `make check` or a build with nothing remembered spends seconds on pure
functions of one file's text that the memo keeps (forening.memo): the privacy
finder over every content file, the active-content finder over every body, and
the project names in every minutes body (with their headings, in the build).
Reading and validating the files costs this process as long again. So before it
reads them, `read_ahead` hands their paths to the helper process
(forening.helper), in chunks: the helper reads each file as `read_document`
does and sends back every result with the digest of its text, and the memo
(`Memo.arriving`) waits for those rather than computing them here. The names
can only be looked for once the projects are read: those paths are handed over
then (forening.checks). The helper runs the same functions on the same texts,
and the memo keeps their results as if computed here; if the helper cannot, the
memo computes them here when asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from .helper import Helper
from .load import file_and_body, recorded_digests
from .memo import Arrival, Memo, open_memo

# Files per hand-over: one round trip each, and the first results come early.
CHUNK = 100

# Fewer files are left to this process: their work costs less than starting the helper
# (a tenth of a second) and waiting for it.
FEWEST = CHUNK


@dataclass(frozen=True)
class FileWork:
    """One pure function over one part of many files, as the memo keeps it: `encode(find(part))` under `kind`."""

    kind: str
    find: Callable[[str], Any]  # module-level, or a partial of one (the helper imports it by name)
    encode: Callable[[Any], Any]  # module-level: find's result as JSON's values
    body: bool  # the Markdown body after the front matter; False: the whole file
    salt: str = ""


def read_ahead(helper: Helper, paths: list[Path], works: list[FileWork]) -> int:
    """Have the helper read the files at `paths` and do `works` on them, while this process
    goes on. Returns how many files were handed over.

    A file unchanged since a run that recorded it (see memo) whose results are all
    remembered is left out, and fewer than `FEWEST` files are not handed over, so an
    unchanged archive, or one with a few files edited, starts no helper. Without an
    open memo nothing would keep the results, so nothing is handed over."""
    memo = open_memo()
    if memo is None or not works:
        return 0
    todo = [path for path in paths if not _all_known(memo, path, works)]
    if len(todo) < FEWEST:
        return 0  # a small archive, or a commit's few changed files: done here sooner
    kinds = {(work.kind, work.salt) for work in works}
    for start in range(0, len(todo), CHUNK):
        chunk = todo[start : start + CHUNK]
        memo.arriving(kinds, helper.submit(_read_and_do, chunk, works), partial(_read_and_do, chunk, works))
    return len(todo)


def take_back() -> int:
    """Do here the work handed over that the helper has not started on, from the last
    chunk back, while it does the rest: for a process with nothing else to do meanwhile
    (`make check`). Returns how many chunks were taken back."""
    memo = open_memo()
    return memo.take_back() if memo is not None else 0


def _all_known(memo: Memo, path: Path, works: list[FileWork]) -> bool:
    """Whether the file is unchanged since a run recorded it and every work's result is remembered."""
    recorded = recorded_digests(path)
    if recorded is None:
        return False
    text_digest, body_digest = recorded
    return all(memo.knows(work.kind, work.salt, body_digest if work.body else text_digest) for work in works)


def _read_and_do(paths: list[Path], works: list[FileWork]) -> list[Arrival]:
    """In the helper (or here, for a chunk taken back): each work's result for each file
    that `read_document` would read."""
    arrivals: list[Arrival] = []
    for path in paths:
        texts = file_and_body(path)
        if texts is None:
            continue
        text, body, text_digest, body_digest = texts
        for work in works:
            part, digest = (body, body_digest) if work.body else (text, text_digest)
            arrivals.append((work.kind, work.salt, digest, work.encode(work.find(part))))
    return arrivals
