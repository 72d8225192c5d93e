"""When content files were published, from git: the dates the newsletter counts by.

In the association's workflow a file goes on the site when its commit does
(edit, `make check`, commit, push; the site is built from the repository). So a
file's commit dates are its publication dates: the first commit is when it
appeared, later commits are when it changed. Committer dates are used (when a
commit landed), not author dates (when it was first written).

Where there is no git history (a copy of the project, an export, a file not
committed yet), `dates` returns nothing and the newsletter falls back to the
dates in the content (see newsletter.py). Renamed files start a new history.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

FOLDERS = ("minutes", "projects")


@dataclass(frozen=True)
class History:
    """Commit dates per file (path relative to the project root), oldest first."""

    commits: dict[str, list[dt.date]] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return bool(self.commits)

    def dates(self, path: str) -> list[dt.date]:
        return self.commits.get(path, [])


def from_git(root: Path) -> History:
    """The history of minutes/ and projects/ under `root`, or an empty one without git."""
    try:
        inside = _git(root, "rev-parse", "--is-inside-work-tree")
        if inside.strip() != "true":
            return History()
        log = _git(root, "log", "--relative", "--no-renames", "--format=%x00%cs", "--name-only", "--", *FOLDERS)
    except (OSError, subprocess.CalledProcessError):
        return History()
    commits: dict[str, list[dt.date]] = defaultdict(list)
    day: dt.date | None = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            day = dt.date.fromisoformat(line[1:].strip())
        elif line.strip() and day is not None:
            commits[line.strip()].append(day)
    return History({path: sorted(days) for path, days in commits.items()})


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True, encoding="utf-8")
    return result.stdout
