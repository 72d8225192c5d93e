"""Problems found in content files, reported as `path:line: field: message`.

Every check in the engine adds a `Problem` instead of raising, so an editor sees
every mistake in one run rather than one per build.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from enum import Enum
from operator import attrgetter


class Severity(str, Enum):
    ERROR = "fel"
    SUGGESTION = "förslag"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor should fix (or, for a suggestion, consider)."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        prefix = " förslag:" if self.severity is Severity.SUGGESTION else ""
        return f"{where}:{prefix}{field} {self.message}"


def dotted(loc: tuple[str | int, ...]) -> str:
    """A field's location as editors read it: `next_meetings[0].end`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a build (suggestions do not)."""
    return [p for p in problems if p.severity is Severity.ERROR]


def report(problems: list[Problem]) -> str:
    """All problems, sorted by file and line, with a closing count in Swedish."""
    lines = [str(p) for p in sorted(problems, key=_order)]  # as sorted(problems), without a call per comparison
    n_err = len(errors(problems))
    n_sugg = len(problems) - n_err
    summary = f"{n_err} fel"
    if n_sugg:
        summary += f", {n_sugg} förslag"
    return "\n".join([*lines, summary])


_order = attrgetter("path", "line", "field", "message", "severity")


class ContentError(Exception):
    """Raised by callers that must stop on bad content; carries every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(report(problems))


# Why a file could not be read, in the editors' language (the operating system says it in English).
_OS_ERRORS = {
    errno.ENOENT: "filen finns inte",
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
    errno.EISDIR: "det är en mapp, inte en fil",
    errno.ENAMETOOLONG: "namnet är för långt",
}


def os_reason(exc: OSError) -> str:
    """An OSError's reason in Swedish where it is a usual one, else as the system says it."""
    return _OS_ERRORS.get(exc.errno or 0, exc.strerror or str(exc))
