"""Check every content file without building the site.

    python scripts/validate.py [PATH ...]

Runs the same validation as the build (minutes/, projects/, minutes/groups.yml,
and the privacy check over the sources) and prints every problem as
`path:line: field: message`. With PATHs (files or folders, as pre-commit passes the
staged files) suggestions are shown only for those files, but errors in every file,
said apart: a change to one file can break another (a group renamed in groups.yml,
a deleted project), and any error stops the build. A PATH that does not exist is
an error. Exit code: 0 when there are no errors (suggestions may remain), 1 otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from forening.cli import Parser  # noqa: E402
from forening.installed import pinned_packages  # noqa: E402

with pinned_packages():  # pre-commit runs this with .venv's Python directly: see installed.py
    from forening.checks import check_sources
    from forening.helper import Helper
    from forening.memo import FOLDER, ChangedDuringRun, kept_in
    from forening.problems import Problem, errors, report
    from forening.speed import without_gc_pauses
    from forening.validate import Layout


@without_gc_pauses  # also while reporting: tens of thousands of lines over a large archive (see speed.py)
def main(argv: list[str] | None = None) -> int:
    parser = Parser(
        description="Kontrollera allt innehåll (minnesanteckningar, projekt, groups.yml, sidor i docs/ och inställningarna i mkdocs.yml) utan att bygga webbplatsen. Varje fel skrivs som fil:rad: fält: meddelande.",
        epilog="Slutkod 0 när inget fel finns (förslag kan finnas kvar), annars 1.",
    )
    parser.add_argument("paths", metavar="FIL", nargs="*", type=Path, help="filer eller mappar vars förslag visas (fel visas alltid i alla filer, eftersom hänvisningar går mellan filer)")
    parser.add_argument("--root", metavar="MAPP", type=Path, default=ROOT, help="projektmappen (den med mkdocs.yml)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    only, path_problems = named_files(args.paths, root) if args.paths else (None, [])
    helper = Helper()  # a second core for what the memo does not know yet; started only if needed
    try:
        with kept_in(root / FOLDER):  # what earlier runs found in unchanged files (see forening/memo.py)
            _, problems = check_sources(Layout(root=root), only=only, helper=helper)
    except ChangedDuringRun as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        helper.close()
    problems = path_problems + problems
    if problems:
        print(report(problems), file=sys.stderr)
    if only is not None:
        named = {path.relative_to(root).as_posix() for path in only}
        elsewhere = [p for p in errors(problems) if p.path not in named and p not in path_problems]
        if elsewhere:
            print(
                f"{len(elsewhere)} av felen finns i andra filer än de angivna. De stoppar också bygget, och ändringen kan ha orsakat dem "
                "(till exempel en grupp som bytt namn i minutes/groups.yml eller ett projekt som tagits bort).",
                file=sys.stderr,
            )
    if not errors(problems):
        checked = "Allt innehåll är giltigt." if only is None else "Allt innehåll är giltigt (alla filer kontrollerades; förslag visas bara för de angivna filerna)."
        print(checked + (" Förslagen ovan är frivilliga." if problems else ""))
    return 1 if errors(problems) else 0


def named_files(paths: list[Path], root: Path) -> tuple[set[Path], list[Problem]]:
    """The files the PATHs name (a folder: every file in it), and a problem for each PATH
    that does not exist or lies outside the project: a mistyped name must not pass as checked."""
    found: set[Path] = set()
    problems: list[Problem] = []
    for given in paths:
        path = given.resolve()
        if not path.exists():
            problems.append(Problem(given.as_posix(), 1, "", "finns inte; kontrollera namnet (sökvägen räknas från mappen du står i)"))
        elif not path.is_relative_to(root):
            problems.append(Problem(given.as_posix(), 1, "", f"ligger utanför projektmappen {root}; ange en fil i projektet"))
        elif path.is_dir():
            found |= {child for child in path.rglob("*") if child.is_file()}
        else:
            found.add(path)
    return found, problems


if __name__ == "__main__":
    sys.exit(main())
