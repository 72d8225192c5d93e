"""Turn minutes written in Word, Markdown or plain text into a minutes file.

    python scripts/import_minutes.py INPUT --group GROUP [--date YYYY-MM-DD] [-o OUT] [--force]

Writes minutes/<group>/<date>.md (or OUT; `-o -` prints it) with the front matter
filled in from the text: date, time, place, present and absent, chair and
secretary, decisions, projects, coming meetings and joint days (`events`). Every line it could not place
is listed on stderr as `INPUT:line: message`; nothing is guessed silently. An
existing file is never overwritten without --force.
`--date YYYY-MM` dates minutes that only name the month (date_precision: month).
Exit code: 0 when the file was written, 1 when nothing was written.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from forening.cli import Parser  # noqa: E402
from forening.installed import pinned_packages  # noqa: E402

with pinned_packages():  # run with .venv's Python directly: see installed.py
    from forening import writer
    from forening.importer import ImportStop, SourceError, import_minutes, read_source
    from forening.problems import report
    from forening.validate import Layout, load_archive

HEADER = (
    "Importerad från {name} med scripts/import_minutes.py.",
    "Kontrollera varje fält mot originalet och läs meddelandena från importen.",
)


# What --help says, for editors: in Swedish, and what the script really does.
DESCRIPTION = (
    "Gör om minnesanteckningar från Word (.docx), Markdown (.md) eller text (.txt) till en fil i "
    "minutes/<grupp>/<datum>.md. Datum, tid, plats, närvarande, frånvarande, ordförande, sekreterare, "
    "beslut, projekt, kommande möten och heldagar fylls i från texten. Varje rad som inte kunde "
    "placeras skrivs ut som FIL:rad: meddelande, så att du kan kontrollera den mot originalet."
)
EPILOG = (
    "Andra filtyper (.doc, .rtf, .odt, .pdf) läses inte: spara dem som .docx eller .txt i Word eller LibreOffice. "
    "En befintlig fil skrivs aldrig över utan --force. Slutkod 0 när filen skrevs, 1 när inget skrevs."
)


def main(argv: list[str] | None = None) -> int:
    parser = Parser(description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("input", metavar="FIL", type=Path, help="minnesanteckningarna: .docx, .md eller .txt")
    parser.add_argument("--group", metavar="GRUPP", required=True, help="gruppens kortnamn i minutes/groups.yml, t.ex. norra")
    parser.add_argument(
        "--date",
        metavar="DATUM",
        help="mötesdatum ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM när bara månaden är känd (date_precision: month); "
        "går före datumet i texten och behövs när texten inte anger något",
    )
    parser.add_argument("-o", "--output", metavar="UTFIL", help="fil att skriva (annars minutes/<grupp>/<datum>.md); med «-o -» skrivs filen till skärmen i stället")
    parser.add_argument("--force", action="store_true", help="skriv över filen om den redan finns")
    parser.add_argument("--root", metavar="MAPP", type=Path, default=ROOT, help="projektmappen (den med mkdocs.yml); annars den här projektmappen")
    args = parser.parse_args(argv)
    root = args.root.resolve()

    try:
        date, precision = parse_date_option(args.date)
    except ValueError as exc:
        return fail(str(exc))
    archive, problems = load_archive(Layout(root=root))
    if archive is None:
        return fail("innehållet har fel som måste rättas först:\n" + report(problems))
    try:
        source = read_source(args.input, shown=args.input.name)
        imported = import_minutes(source, args.group, archive, date=date, precision=precision)
    except (SourceError, ImportStop) as exc:
        return fail(str(exc))

    for note in imported.notes:
        print(f"{source.name}:{note.line}: {note.message}", file=sys.stderr)
    text = writer.document(imported.minutes, imported.body, header=[line.format(name=source.name) for line in HEADER])
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    target = Path(args.output) if args.output else root / "minutes" / args.group / f"{imported.minutes.date.isoformat()}.md"
    if target.exists() and not args.force:
        return fail(f"{target} finns redan; inget skrevs. Använd --force för att skriva över den, eller -o för att välja en annan fil")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    summary = f"Skrev {target}: {len(imported.minutes.present)} närvarande, {len(imported.minutes.absent)} frånvarande, "
    summary += f"{len(imported.minutes.decisions)} beslut, {len(imported.minutes.next_meetings)} kommande möten"
    if imported.minutes.events:
        summary += f", {len(imported.minutes.events)} evenemang"
    if imported.notes:
        summary += f"; {len(imported.notes)} {'rad' if len(imported.notes) == 1 else 'rader'} att kontrollera (se ovan)"
    print(summary + ".", file=sys.stderr)
    return 0


def parse_date_option(value: str | None) -> tuple[dt.date | None, str]:
    """`--date`: a day (YYYY-MM-DD) or, for minutes that name only the month, YYYY-MM."""
    if value is None:
        return None, "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        try:
            return dt.date.fromisoformat(f"{value}-01"), "month"
        except ValueError:
            pass
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value), "day"
        except ValueError:
            raise ValueError(f"--date {value} finns inte i kalendern") from None
    raise ValueError(f"--date {value} är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2021-05-05 (eller ÅÅÅÅ-MM)")


def fail(message: str) -> int:
    print(f"import_minutes: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
