"""A `.venv` that lacks a pinned package: a hint in Swedish instead of a traceback.

Editors run some scripts with `.venv`'s Python directly, not through make:
pre-commit runs scripts/validate.py, and the guide has them run import_minutes.py
and new_minutes.py. After a pull that added a dependency, `.venv` lacks it until
make installs requirements.txt again (its stamp is the file's digest), and Python's
"ModuleNotFoundError" says nothing about what to do. This module imports only the
standard library, so that it works in such a `.venv`.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

HINT = "Python-paketet {name} saknas i .venv: kör `make check` en gång, så installeras de fastlåsta beroendena (requirements.txt)."


@contextlib.contextmanager
def pinned_packages() -> Iterator[None]:
    """Around a script's imports: a missing package that is not the engine's own ends the
    script with `HINT` (exit code 1)."""
    try:
        yield
    except ModuleNotFoundError as exc:
        if exc.name is None or exc.name.partition(".")[0] == __package__:
            raise
        sys.exit(HINT.format(name=exc.name))
