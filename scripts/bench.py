"""Benchmark the site at archive sizes of decades: build, check and search.

    python scripts/bench.py [--minutes N ...] [--repeat R] [--json] [--keep DIR] [--profile FILE]

For each N (default 1000 and 5000) it writes, in a temporary copy of the project,
a synthetic archive of N minutes over the real groups and N/10 projects (text
resampled from the real minutes), validates it, and measures:

- the real build (our hooks) against plain mkdocs-material over the same pages,
  wall time and peak memory of the process tree, as ratios;
- `make check` (scripts/validate.py) against the floor of only parsing every
  file's front matter with python-frontmatter: the first run (nothing
  remembered, see forening/memo.py), again unchanged, and after one file was
  edited (a commit's pre-commit run); every build starts with nothing remembered;
- site bytes, HTML pages, and the bytes Chromium downloads for the first search
  and for one typical query (raw and gzip-compressed);
- build time at each N, and its growth.

It prints a Markdown table and whether issue 7's targets (set at N=5000 on a
2-core machine) are met; `--json` prints the same as JSON. The repository's own
minutes/ and projects/ are only read. N=5000 takes several minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from benchmark import report, sizes  # noqa: E402

DEFAULT_MINUTES = [1000, 5000]
# A word of the seed minutes for the first search, and a typical query that needs
# Swedish stemming to find its inflected forms (kartläggning, kartlägga, kartläggningen).
QUERIES = ("styrgrupp", "kartläggning")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=int, action="append", metavar="N", help="archive size in minutes (repeatable; default 1000 and 5000)")
    parser.add_argument("--repeat", type=int, default=1, metavar="R", help="measure each build and check R times and report the median (default 1)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep the generated projects and sites")
    parser.add_argument("--profile", type=Path, metavar="FILE", help="also profile the real build at the largest N with cProfile into FILE")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the synthetic archive (default 7)")
    parser.add_argument("--query", nargs=2, default=QUERIES, metavar=("FIRST", "TYPICAL"), help=f"the two search queries (default {' '.join(QUERIES)})")
    args = parser.parse_args(argv)
    minutes = sorted(set(args.minutes or DEFAULT_MINUTES))
    if min(minutes) < 1 or args.repeat < 1:
        parser.error("--minutes and --repeat must be at least 1")

    load_at_start = [round(x, 2) for x in os.getloadavg()]
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        runs = []
        for n in minutes:
            options = sizes.Options(
                source=ROOT,
                work=work,
                seed=args.seed,
                repeat=args.repeat,
                queries=tuple(args.query),
                profile=args.profile.resolve() if args.profile and n == minutes[-1] else None,
            )
            runs.append(sizes.measure(n, options, say=lambda text: print(text, file=sys.stderr, flush=True)))
            if not args.keep:
                for leftover in work.iterdir():
                    shutil.rmtree(leftover, ignore_errors=True)
    except sizes.processes.CommandFailed as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    settings = {
        "minutes": minutes,
        "repeat": args.repeat,
        "seed": args.seed,
        "build_date": sizes.BUILD_DATE,
        "queries": list(args.query),
        "load_average_at_start": load_at_start,
    }
    result = report.as_json(runs, settings)
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else report.table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
