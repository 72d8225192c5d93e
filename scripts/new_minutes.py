"""Start a new minutes file for a coming meeting.

    python scripts/new_minutes.py --group GROUP --date YYYY-MM-DD [--force]

Writes minutes/<group>/<date>.md with the group's members listed as present (move
those who did not come to `absent`), time and place from the previous minutes
that announced this meeting, and the usual agenda headings. An existing file is
never overwritten without --force. Exit code: 0 when written, 1 otherwise.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from forening.cli import Parser  # noqa: E402
from forening.installed import pinned_packages  # noqa: E402

with pinned_packages():  # run with .venv's Python directly: see installed.py
    from forening import writer
    from forening.problems import report
    from forening.scaffold import SHOWN_EMPTY, ScaffoldError, scaffold
    from forening.validate import Layout, load_archive


def main(argv: list[str] | None = None) -> int:
    parser = Parser(
        description="Påbörja minnesanteckningarna för ett kommande möte: gruppens ledamöter som närvarande, tid och plats från mötet som annonserades tidigare, och de vanliga rubrikerna. En befintlig fil skrivs aldrig över utan --force.",
    )
    parser.add_argument("--group", metavar="GRUPP", required=True, help="gruppens kortnamn i minutes/groups.yml, t.ex. norra")
    parser.add_argument("--date", metavar="DATUM", required=True, help="mötesdatum ÅÅÅÅ-MM-DD")
    parser.add_argument("-o", "--output", metavar="UTFIL", help="fil att skriva (standard minutes/<grupp>/<datum>.md); - skriver till skärmen")
    parser.add_argument("--force", action="store_true", help="skriv över en befintlig fil")
    parser.add_argument("--root", metavar="MAPP", type=Path, default=ROOT, help="projektmappen (den med mkdocs.yml)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        date = dt.date.fromisoformat(args.date)
    except ValueError:
        return fail(f"--date {args.date} är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2021-05-05")
    archive, problems = load_archive(Layout(root=root))
    if archive is None:
        return fail("innehållet har fel som måste rättas först:\n" + report(problems))
    try:
        made = scaffold(archive, args.group, date)
    except ScaffoldError as exc:
        return fail(str(exc))
    text = writer.document(made.minutes, made.body, keep=SHOWN_EMPTY, comments=made.comments)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    target = Path(args.output) if args.output else root / "minutes" / args.group / f"{date.isoformat()}.md"
    if target.exists() and not args.force:
        return fail(f"{target} finns redan; inget skrevs. Använd --force för att skriva över den")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    where = f"; tid och plats från {made.announced_in.source}" if made.announced_in else "; inget tidigare möte annonserade det, fyll i start och end"
    count = len(made.minutes.present)
    print(f"Skrev {target} med {count} {'ledamot' if count == 1 else 'ledamöter'} under present{where}.", file=sys.stderr)
    return 0


def fail(message: str) -> int:
    print(f"new_minutes: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
