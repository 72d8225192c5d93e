"""Known projects the minutes name, found by the same finder the project pages use.

`names.NameFinder` matches titles and aliases case-insensitively on word
boundaries, in the genitive too, longest name first (`Cresco+` is Cresco+, not
the alias `Cresco`), and skips link targets and addresses. The importer only
orders what it finds by first mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..archive import ProjectEntry
from ..names import NameFinder


def find_projects(texts: Iterable[str], projects: Mapping[str, ProjectEntry]) -> list[str]:
    """Slugs of the projects named in `texts`, in order of first mention."""
    found = NameFinder(projects.values()).find("\n".join(texts))
    return sorted(found, key=lambda slug: min(found[slug]))
