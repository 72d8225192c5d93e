"""A second association's site on the same engine: nothing of Skaraborg comes with it.

Seed 004 is the minutes of another network (heads of coordination associations in
Stockholm county), never Skaraborg content. Here it is what a second association
would start from, as the README's "A second site" says: the engine (`hooks/`,
`scripts/`, `docs/assets/`, the editors' guide), a `mkdocs.yml` and pages of its
own, one group with no members published, no projects, and its minutes imported
from the seed. The site names, texts and settings in this test are the fixture's
own, never published.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, mkdocs_build, run, validate

SEEDS = ROOT / "tests" / "fixtures" / "seeds"  # copies of ../shared/seeds
SITE_NAME = "Förbundschefernätverket (testfixtur)"

PAGES = {
    "index.md": f"# {SITE_NAME}\n\nMinnesanteckningar från förbundschefernas möten.\n",
    "personuppgifter.md": "# Personuppgifter\n\nNätverket publicerar namn i minnesanteckningarna.\n\n<!-- forening:retention -->\n",
    "tillganglighet.md": "# Tillgänglighet\n\nNätverket står bakom den här webbplatsen.\n",
}

GROUPS = "forbundschefer:\n  name: Förbundschefermöten\n  members: []\n"


def _second_site(root: Path) -> Path:
    """The engine, and everything else the second association's own."""
    for part in ("hooks", "scripts"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    shutil.copytree(ROOT / "docs" / "redaktorer", root / "docs" / "redaktorer")
    for name, text in PAGES.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("site_name: Samordningsförbundet Skaraborg", f"site_name: {SITE_NAME}", 1)
    config = "\n".join(line for line in config.splitlines() if not line.startswith("site_description:")) + "\n"
    config = config.replace("    website: https://www.samordningsforbundetskaraborg.se/\n", "    website:\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "minutes").mkdir()
    (root / "minutes" / "groups.yml").write_text(GROUPS, encoding="utf-8")
    (root / "projects").mkdir()
    return root


@pytest.fixture(scope="module")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = _second_site(tmp_path_factory.mktemp("second") / "project")
    [seed] = SEEDS.glob("004_*.txt")
    imported = run([sys.executable, str(root / "scripts" / "import_minutes.py"), str(seed), "--group", "forbundschefer"], cwd=root)
    assert imported.returncode == 0, imported.stderr
    checked = validate(root)
    assert checked.returncode == 0, checked.stderr
    site_dir = root.parent / "site"
    built = mkdocs_build(root, site_dir)
    assert built.returncode == 0, built.stderr
    return root, site_dir


def _text(site_dir: Path, page: str) -> str:
    soup = BeautifulSoup((site_dir / page / "index.html").read_text(encoding="utf-8"), "lxml")
    return " ".join(soup.select_one("article").get_text(" ").split())


def test_nothing_of_skaraborg_is_published(second_site: tuple[Path, Path]) -> None:
    _, site_dir = second_site
    for path in site_dir.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".ics", ".json", ".js", ".css"):
            assert "skaraborg" not in path.read_text(encoding="utf-8", errors="replace").lower(), path


def test_the_imported_minutes_are_in_the_archive_and_the_calendar(second_site: tuple[Path, Path]) -> None:
    _, site_dir = second_site
    assert "9 mars 2021 · Förbundschefermöten" in _text(site_dir, "minnesanteckningar")
    minutes = _text(site_dir, "minnesanteckningar/forbundschefer/2021-03-09")
    assert "Mötets öppnande" in minutes
    calendar = (site_dir / "kalender.ics").read_text(encoding="utf-8")
    assert calendar.count("BEGIN:VEVENT") == 3  # the three meetings the seed announces
    assert f"X-WR-CALNAME:{SITE_NAME}" in calendar.replace("\r\n ", "")


def test_a_site_without_projects_or_published_members_says_so(second_site: tuple[Path, Path]) -> None:
    _, site_dir = second_site
    assert "Inga projekt är publicerade ännu." in _text(site_dir, "projekt")
    contact = _text(site_dir, "kontakt")
    assert "Förbundets kontaktuppgifter är inte publicerade här." in contact
    assert "Förbundschefermöten Gruppens ledamöter är inte publicerade." in contact


def test_the_site_name_heads_every_page(second_site: tuple[Path, Path]) -> None:
    _, site_dir = second_site
    for page in ("", "minnesanteckningar", "kalender", "kontakt"):
        soup = BeautifulSoup((site_dir / page / "index.html").read_text(encoding="utf-8"), "lxml")
        assert soup.title is not None and soup.title.get_text().endswith(SITE_NAME), page
