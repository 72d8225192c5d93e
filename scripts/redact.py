"""Remove a person from the archive on request (GDPR).

    python scripts/redact.py "Förnamn Efternamn" [--apply]

Removes the person from the attendance lists (`present`, `absent`), as `chair`
or `secretary` of every minutes file, and from the members in groups.yml. Other
mentions (body text, decisions, comments) are listed with path:line for you to
review and edit by hand. Without --apply nothing is written: you see what would
change. The edits keep every other line, comment and blank line as it was, and
nothing is written unless all content is still valid afterwards.

The published site changes at the next build; the git history still holds the
old versions (ask the site's maintainer if they must go too).
Exit code: 0 when done (or nothing to do), 1 on content errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from forening.cli import Parser  # noqa: E402
from forening.installed import pinned_packages  # noqa: E402

with pinned_packages():  # run with .venv's Python directly: see installed.py
    from forening import redact
    from forening.problems import errors, report
    from forening.validate import Layout, load_archive


def main(argv: list[str] | None = None) -> int:
    parser = Parser(
        description="Ta bort en person ur arkivet på begäran (GDPR): ur närvarolistor, som ordförande eller sekreterare och ur groups.yml. Andra omnämnanden listas med fil:rad för att redigeras för hand.",
    )
    parser.add_argument("name", metavar="NAMN", help="personens namn som det skrivs i minnesanteckningarna")
    parser.add_argument("--apply", action="store_true", help="skriv ändringarna (annars bara en provkörning)")
    parser.add_argument("--root", metavar="MAPP", type=Path, default=ROOT, help="projektmappen (den med mkdocs.yml)")
    args = parser.parse_args(argv)
    layout = Layout(root=args.root.resolve())
    name = " ".join(args.name.split())
    if not name:
        parser.error("ange ett namn")

    _, before = load_archive(layout)
    if errors(before):
        print("Innehållet har fel redan före borttagningen; rätta dem först:\n" + report(before), file=sys.stderr)
        return 1
    plan = redact.plan(layout, name)
    if errors(plan.problems):
        print(f"Borttagningen av {name} skulle ge ogiltigt innehåll; inget skrevs:\n" + report(plan.problems), file=sys.stderr)
        return 1

    if plan.removals:
        verb = "Tog bort" if args.apply else "Skulle ta bort"
        print(f"{verb} {name} på {_count(len(plan.removals), 'ställe', 'ställen')} i {_count(len(plan.texts), 'fil', 'filer')}:")
        for removal in sorted(plan.removals):
            print(f"  {removal}")
    else:
        print(f"{name} finns inte i någon närvarolista, som ordförande eller sekreterare eller bland ledamöterna i groups.yml.")
    if plan.mentions:
        print(f"\n{name} nämns också här; läs och redigera för hand:")
        for mention in sorted(plan.mentions):
            print(f"  {mention}")
    if plan.similar_mentions:
        print(f"\nEtt namn som stavas nästan som {name} står här (samma person med annan stavning?); kontrollera och redigera för hand:")
        for mention in sorted(plan.similar_mentions):
            print(f"  {mention}")
    if plan.first_name_mentions:
        print(f"\nFörnamnet {redact._first_name(name)} står ensamt här; kontrollera om det är samma person:")
        for mention in sorted(plan.first_name_mentions):
            print(f"  {mention}")

    if args.apply:
        written = redact.write(layout, plan)
        print(f"\nSkrev {_count(len(written), 'fil', 'filer')}." if written else "\nInget att skriva.")
    elif plan.texts:
        print("\nProvkörning: inget har ändrats. Kör igen med --apply för att skriva ändringarna.")
    return 0


def _count(n: int, one: str, many: str) -> str:
    """`1 fil`, `2 filer`: Swedish singular and plural."""
    return f"{n} {one if n == 1 else many}"


if __name__ == "__main__":
    sys.exit(main())
