"""Write the newsletter digest of what the site published in a period.

    python scripts/newsletter.py --from 2021-01-01 [--to 2021-03-31] [-o DIR] [--force] [--no-git]

Writes three files into DIR (default: nyhetsbrev/), named for the period:
`nyhetsbrev-<from>--<to>.md`, a page for the site (move it into docs/ to publish
it), and `.txt` and `.html`, the same digest ready to paste into an e-mail tool.
`--to` defaults to today (or SITE_TODAY). What counts as published when is
explained in hooks/forening/newsletter.py: git history where there is one,
else the dates in the content (`--no-git` asks for the content's dates).
An existing file is never overwritten without --force. Exit code 0 when written,
1 on bad content or arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from forening.cli import Parser  # noqa: E402
from forening.installed import pinned_packages  # noqa: E402

with pinned_packages():  # run with .venv's Python directly: see installed.py
    from forening import dates, history, newsletter, publication, retention
    from forening.checks import check_sources
    from forening.problems import errors, report
    from forening.siteconfig import read as read_config
    from forening.validate import Layout


def day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` är inget datum; skriv år-månad-dag, t.ex. 2021-03-31") from None


def main(argv: list[str] | None = None) -> int:
    parser = Parser(
        description="Skriv nyhetsbrevet: vad webbplatsen publicerade under en period, som .md (en sida att lägga i docs/), .txt och .html (att klistra in i ett e-postverktyg).",
    )
    parser.add_argument("--from", dest="start", metavar="DATUM", type=day, required=True, help="första dagen i perioden (ÅÅÅÅ-MM-DD)")
    parser.add_argument("--to", dest="end", metavar="DATUM", type=day, default=None, help="sista dagen i perioden (standard: i dag)")
    parser.add_argument("-o", "--output", metavar="MAPP", type=Path, default=Path("nyhetsbrev"), help="mapp att skriva till (standard: nyhetsbrev/)")
    parser.add_argument("--force", action="store_true", help="skriv över filer som redan finns")
    parser.add_argument("--no-git", action="store_true", help="räkna med datumen i innehållet, inte git-historiken")
    parser.add_argument("--root", metavar="MAPP", type=Path, default=ROOT, help="projektmappen (den med mkdocs.yml)")
    args = parser.parse_args(argv)
    end = args.end or dates.build_date()
    if args.start > end:
        print(f"--from ({args.start}) ligger efter --to ({end}); perioden är tom.", file=sys.stderr)
        return 1
    root = args.root.resolve()

    archive, problems = check_sources(Layout(root=root))
    config, config_problems = read_config(root)
    rules, _ = retention.from_config(config) if config is not None else (None, [])
    problems += config_problems
    if archive is None or config is None or errors(problems):
        print("Innehållet har fel; inget nyhetsbrev skrevs.\n" + report(errors(problems)), file=sys.stderr)
        return 1
    if not config.site_url:
        print("site_url saknas i mkdocs.yml: nyhetsbrevets länkar behöver webbplatsens fullständiga adress.", file=sys.stderr)
        return 1

    past = history.History() if args.no_git else history.from_git(root)
    # What was published at the period's end and still is today: a newsletter written
    # afterwards must not bring back minutes withdrawn since (publish_until, retention),
    # nor link to pages that are gone.
    published = publication.published(publication.published(archive, end, rules), dates.build_date(), rules)
    digest = newsletter.digest(published, args.start, end, past)
    links = newsletter.links_for(published, config.site_url)
    site_name = config.site_name or links.host
    stem = f"nyhetsbrev-{args.start}--{end}"
    texts = {
        f"{stem}.md": newsletter.render_page(digest, published, links, site_name),
        f"{stem}.txt": newsletter.render_text(digest, published, links, site_name),
        f"{stem}.html": newsletter.render_html(digest, published, links, site_name),
    }
    targets = {args.output / name: text for name, text in texts.items()}
    existing = [path for path in targets if path.exists()]
    if existing and not args.force:
        shown = ", ".join(str(path) for path in existing)
        print(f"{shown} finns redan; inget skrevs. Använd --force för att skriva över.", file=sys.stderr)
        return 1
    args.output.mkdir(parents=True, exist_ok=True)
    for path, text in targets.items():
        path.write_text(text, encoding="utf-8")
        print(f"Skrev {path}")
    counted = "git-historiken" if digest.dated_by_git else "datumen i innehållet (ingen git-historik)"
    print(
        f"{digest.title}: {len(digest.seeking)} projekt söker deltagare, {len(digest.new_projects)} nya och "
        f"{len(digest.changed_projects)} ändrade projekt, {len(digest.minutes)} minnesanteckningar, "
        f"{len(digest.coming)} kommande möten och evenemang. Publiceringsdatum från {counted}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
