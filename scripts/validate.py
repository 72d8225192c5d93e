"""Check every content file without building the site.

    python scripts/validate.py [PATH ...]

Runs the same validation as the build (minutes/, projects/, minutes/groups.yml,
and the privacy check over the sources) and prints every problem as
`path:line: field: message`. With PATHs (as pre-commit passes them) only those
files' problems are shown, but all files are read, since references cross files.
Exit code: 0 when there are no errors (suggestions may remain), 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from forening.installed import pinned_packages  # noqa: E402

with pinned_packages():  # pre-commit runs this with .venv's Python directly: see installed.py
    from forening.checks import check_sources
    from forening.helper import Helper
    from forening.memo import FOLDER, ChangedDuringRun, kept_in
    from forening.problems import errors, report
    from forening.speed import without_gc_pauses
    from forening.validate import Layout


@without_gc_pauses  # also while reporting: tens of thousands of lines over a large archive (see speed.py)
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="only report problems in these files")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (the one with mkdocs.yml)")
    args = parser.parse_args(argv)
    only = set(args.paths) if args.paths else None
    root = args.root.resolve()
    helper = Helper()  # a second core for what the memo does not know yet; started only if needed
    try:
        with kept_in(root / FOLDER):  # what earlier runs found in unchanged files (see forening/memo.py)
            _, problems = check_sources(Layout(root=root), only=only, helper=helper)
    except ChangedDuringRun as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        helper.close()
    if problems:
        print(report(problems), file=sys.stderr)
    if not errors(problems):
        print("Allt innehåll är giltigt." + (" Förslagen ovan är frivilliga." if problems else ""))
    return 1 if errors(problems) else 0


if __name__ == "__main__":
    sys.exit(main())
