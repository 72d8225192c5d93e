"""Known projects the minutes name, by title or alias, whatever the case.

Longer names win where names overlap, so `Cresco+` is Cresco+ and not the
alias `Cresco` of Cresco Creare, and `Cresco Creare` is one mention, not two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..archive import ProjectEntry


def find_projects(texts: Iterable[str], projects: Mapping[str, ProjectEntry]) -> list[str]:
    """Slugs of the projects named in `texts`, in order of first mention."""
    names = sorted(
        ((name, slug) for slug, entry in projects.items() for name in (entry.meta.title, *entry.meta.aliases)),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    patterns = [(re.compile(rf"(?<!\w){re.escape(name)}(?![\w+])", re.IGNORECASE), slug) for name, slug in names]
    first: dict[str, tuple[int, int]] = {}
    for row, line in enumerate(texts):
        taken = [False] * len(line)
        for pattern, slug in patterns:
            for match in pattern.finditer(line):
                if any(taken[match.start() : match.end()]):
                    continue
                taken[match.start() : match.end()] = [True] * (match.end() - match.start())
                first.setdefault(slug, (row, match.start()))
    return sorted(first, key=first.__getitem__)
