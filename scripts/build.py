"""Build the site atomically: site/ changes only to a complete, checked build.

    python scripts/build.py [--site-dir site]

MkDocs writes into a fresh temporary folder beside site/. Only when the build,
the validation and the privacy guard all passed is the old site/ swapped out for
the new one; on any failure the previous site/ stays exactly as it was.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    site = args.site_dir.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site.parent))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(args.config), "--site-dir", str(staging)],
            check=False,
        )
        if result.returncode != 0:
            kept = "den tidigare versionen i site/ är orörd" if site.exists() else "ingen site/ skapades"
            print(f"Bygget misslyckades; inget publicerades ({kept}).", file=sys.stderr)
            return 1
        old = site.with_name(site.name + ".old")
        if site.exists():
            site.rename(old)
        staging.rename(site)
        shutil.rmtree(old, ignore_errors=True)
        print(f"Webbplatsen är byggd i {site}.")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
