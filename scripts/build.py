"""Build the site atomically: site/ changes only to a complete, checked build.

    python scripts/build.py [--site-dir site]

MkDocs writes into a fresh temporary folder beside site/. The build validates
all content first and runs the output checks (privacy guard, active content) in
on_post_build, so a passed build has passed them all. Only then is the old site/
swapped out for the new one, by two renames on the same file system; if the swap
fails the old site/ is put back. On any failure the previous site/ stays exactly
as it was, and the message says so.

A site/ that is a mount point (a Docker volume, say) cannot be renamed: its
contents are replaced in place after a passed build instead, which is not atomic,
and the message says that too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from forening.cli import Parser  # noqa: E402
from forening.installed import pinned_packages  # noqa: E402

with pinned_packages():  # run with .venv's Python directly: see installed.py
    from forening import siteconfig
    from forening.problems import report


def main(argv: list[str] | None = None) -> int:
    parser = Parser(
        description="Bygg webbplatsen. site/ byts ut först när bygget är klart och alla kontroller har gått igenom; misslyckas bygget är site/ orörd.",
    )
    parser.add_argument("--site-dir", metavar="MAPP", type=Path, default=ROOT / "site", help="mappen att bygga till (standard: site/)")
    parser.add_argument("--config", metavar="FIL", type=Path, default=ROOT / "mkdocs.yml", help="inställningsfilen (standard: mkdocs.yml)")
    parser.add_argument("--publish", action="store_true", help="bygget ska publiceras: en platshållare som site_url (example.invalid) är då ett fel")
    args = parser.parse_args(argv)
    site = args.site_dir.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    kept = "den tidigare versionen i site/ är orörd" if site.exists() else "ingen site/ skapades"
    config_path = args.config.resolve()
    config, problems = siteconfig.read(config_path.parent, config_path.name)  # MkDocs would say it in English
    if config is not None and args.publish:
        problems += siteconfig.publishing_problems(config)
    if problems:
        print(f"{report(problems)}\nBygget misslyckades; inget publicerades ({kept}).", file=sys.stderr)
        return 1
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site.parent))
    try:
        returncode = _mkdocs_build(args.config, staging)
        if returncode != 0:
            print(f"Bygget misslyckades; inget publicerades ({kept}).", file=sys.stderr)
            return 1
        if os.path.ismount(site):
            _replace_contents(site, staging)
            print(f"Webbplatsen är byggd i {site}. (site/ är en monteringspunkt: innehållet byttes fil för fil, inte i ett steg.)")
            return 0
        try:
            _swap(site, staging)
        except OSError as exc:
            print(f"Bygget lyckades men site/ kunde inte bytas ut ({exc.strerror}); inget publicerades ({kept}).", file=sys.stderr)
            return 1
        print(f"Webbplatsen är byggd i {site}.")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# MkDocs' last line after a failed build, in English; the Swedish summary follows it.
_ABORTED = "Aborted with a BuildError!"


def _mkdocs_build(config: Path, staging: Path) -> int:
    """Run `mkdocs build` into `staging`, passing its log on as it comes, but for _ABORTED."""
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(config), "--site-dir", str(staging)]
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace") as process:
        assert process.stderr is not None
        for line in process.stderr:
            if line.strip() != _ABORTED:
                sys.stderr.write(line)
                sys.stderr.flush()
    return process.returncode


def _swap(site: Path, staging: Path) -> None:
    """Put `staging` in place of `site`; on failure `site` is as it was. Raises OSError."""
    old = site.with_name(f".site-old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    had_site = site.exists()
    if had_site:
        site.rename(old)
    try:
        staging.rename(site)
    except OSError:
        if had_site:
            old.rename(site)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _replace_contents(site: Path, staging: Path) -> None:
    """Empty `site` and copy the new build into it (for a site/ that cannot be renamed)."""
    for child in site.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    shutil.copytree(staging, site, dirs_exist_ok=True)


if __name__ == "__main__":
    sys.exit(main())
