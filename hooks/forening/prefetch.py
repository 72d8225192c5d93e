"""The source checks' slow work, done ahead in the helper process.

A `make check` or a build with nothing remembered spends seconds on pure
functions of one text that the memo keeps (forening.memo): the privacy finder
over every source file and the active-content finder over every body (and in
the build, the project names in every minutes body: mentions.work_ahead). `ahead`
hands the texts the memo does not know yet to the helper process
(forening.helper), in chunks, and tells the memo to expect the results. A check
that asks for one then waits for its chunk instead of computing it, and this
process does other work meanwhile (`make check`: the project names for its
suggestions; the build: its pages). The helper runs the same functions, and the
memo keeps their results as if computed here; if the helper cannot, the memo
computes them here when asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .helper import Helper
from .memo import FileText, digest_of_text, open_memo, text_of

# Texts per hand-over: one round trip each, and the first results come early.
CHUNK = 250


@dataclass(frozen=True)
class Work:
    """One pure function over many texts, as the memo keeps it: `encode(find(text))` under `kind`."""

    kind: str
    find: Callable[[str], Any]  # module-level, or a partial of one (the helper imports it by name)
    encode: Callable[[Any], Any]  # module-level: find's result as JSON's values
    texts: list[str | FileText]
    salt: str = ""


def ahead(helper: Helper, works: list[Work]) -> int:
    """Start every work in `helper` for the texts the open memo does not know. Returns how many texts.

    Without an open memo nothing would keep the results, so nothing is started."""
    memo = open_memo()
    if memo is None:
        return 0
    handed = 0
    for work in works:
        todo: dict[str, str | FileText] = {}
        for text in work.texts:
            digest = digest_of_text(text)
            if digest not in todo and not memo.knows(work.kind, work.salt, digest):
                todo[digest] = text
        digests = list(todo)
        for start in range(0, len(digests), CHUNK):
            chunk = digests[start : start + CHUNK]
            results = helper.submit(_run, work.find, work.encode, [text_of(todo[digest]) for digest in chunk])
            memo.expect(work.kind, work.salt, chunk, results)
        handed += len(digests)
    return handed


def _run(find: Callable[[str], Any], encode: Callable[[Any], Any], texts: list[str]) -> list[Any]:
    """In the helper: what the memo keeps for each text."""
    return [encode(find(text)) for text in texts]
