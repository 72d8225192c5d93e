"""publish_until: pages, links and attachments leave the site the day after, and the build says so.

The seeds carry no `publish_until`: the recorded lecture of seed 000 (item 8,
"under hela våren 2021 enligt avtal") has no link in the minutes, so there is
nothing to limit; its paragraph is minutes text and stays. The fixtures below
are made up, with dates of their own.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import copy_project, mkdocs_build, mkdocs_build_on, run, validate

MINUTES_A = """\
---
date: 2024-03-12
group: vastra
title: Fixturmöte med tidsbegränsat innehåll
projects: [fixtur-tidsbegransad]
attachments:
  - title: Fixturbilaga som får visas till april
    file: 2024-03-12-kort.pdf
    publish_until: 2024-04-30
  - title: Fixturbilaga utan slutdatum
    file: 2024-03-12-lang.pdf
links:
  - title: Fixturföreläsning till april
    url: https://fixtur.example/forelasning
    publish_until: 2024-04-30
  - title: Fixturlänk utan slutdatum
    url: https://fixtur.example/alltid
---

Fixtur.
"""

MINUTES_B = """\
---
date: 2024-03-19
group: vastra
title: Fixturmöte som publiceras till maj
publish_until: 2024-05-31
---

Fixtur.
"""

PROJECT = """\
---
title: Fixturprojekt till maj
summary: Påhittat projekt som publiceras till och med maj 2024.
status: pågående
kind: projekt
publish_until: 2024-05-31
---

Fixtur.
"""

DOCS_PAGE = """\
---
title: Fixturerbjudande
publish_until: 2024-04-30
---

# Fixturerbjudande

Ett påhittat erbjudande som bara gäller till april.
"""


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("copy") / "project")
    folder = root / "minutes" / "vastra"
    folder.mkdir()
    (folder / "2024-03-12.md").write_text(MINUTES_A, encoding="utf-8")
    (folder / "2024-03-19.md").write_text(MINUTES_B, encoding="utf-8")
    (folder / "2024-03-12-kort.pdf").write_bytes(b"%PDF-1.4 fixture\n")
    (folder / "2024-03-12-lang.pdf").write_bytes(b"%PDF-1.4 fixture\n")
    (root / "projects" / "fixtur-tidsbegransad.md").write_text(PROJECT, encoding="utf-8")
    (root / "docs" / "fixtur-erbjudande.md").write_text(DOCS_PAGE, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def builds(root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """The copy built on the last day of April, the first of May and the first of June 2024."""
    result = {}
    for day in ("2024-04-30", "2024-05-01", "2024-06-01"):
        site = tmp_path_factory.mktemp(f"site-{day}")
        built = mkdocs_build_on(day, root, site)
        assert built.returncode == 0, built.stderr
        result[day] = (site, built.stderr)
    return result


def page(site: Path, url: str) -> BeautifulSoup | None:
    path = site / url / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml") if path.is_file() else None


def test_on_the_last_day_everything_is_published(builds: dict[str, tuple[Path, str]]) -> None:
    site, log = builds["2024-04-30"]
    minutes = page(site, "minnesanteckningar/vastra/2024-03-12")
    assert [a.get_text(strip=True) for a in minutes.select(".fm-attachments a")] == ["Fixturbilaga som får visas till april", "Fixturbilaga utan slutdatum"]
    links = {a.get_text(strip=True): a["href"] for a in minutes.select(".fm-links a")}
    assert links == {"Fixturföreläsning till april": "https://fixtur.example/forelasning", "Fixturlänk utan slutdatum": "https://fixtur.example/alltid"}
    assert "publiceras till och med 30 april 2024" in minutes.select_one(".fm-links").get_text()
    assert (site / "minnesanteckningar" / "vastra" / "2024-03-12" / "2024-03-12-kort.pdf").is_file()
    assert page(site, "fixtur-erbjudande") is not None
    assert page(site, "projekt/fixtur-tidsbegransad") is not None
    assert "publish_until" not in log


def test_the_day_after_links_attachments_and_pages_are_left_out(builds: dict[str, tuple[Path, str]]) -> None:
    site, log = builds["2024-05-01"]
    minutes = page(site, "minnesanteckningar/vastra/2024-03-12")
    assert [a.get_text(strip=True) for a in minutes.select(".fm-attachments a")] == ["Fixturbilaga utan slutdatum"]
    assert [a.get_text(strip=True) for a in minutes.select(".fm-links a")] == ["Fixturlänk utan slutdatum"]
    assert not (site / "minnesanteckningar" / "vastra" / "2024-03-12" / "2024-03-12-kort.pdf").exists()
    assert (site / "minnesanteckningar" / "vastra" / "2024-03-12" / "2024-03-12-lang.pdf").is_file()
    assert page(site, "fixtur-erbjudande") is None
    assert "fixtur.example/forelasning" not in "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    # Still published until the end of May.
    assert page(site, "minnesanteckningar/vastra/2024-03-19") is not None and page(site, "projekt/fixtur-tidsbegransad") is not None
    # The build log says what it left out, at INFO, with file and line.
    for expected in (
        "minutes/vastra/2024-03-12.md:9: förslag: attachments[0].publish_until: sista publiceringsdag var 2024-04-30",
        "minutes/vastra/2024-03-12.md:15: förslag: links[0].publish_until: sista publiceringsdag var 2024-04-30",
        "docs/fixtur-erbjudande.md:3: förslag: publish_until: sista publiceringsdag var 2024-04-30; sidan lämnas utanför webbplatsen",
    ):
        assert re.search(r"INFO\s+-\s+hooks/main: " + re.escape(expected), log), expected


def test_expired_minutes_and_projects_leave_every_listing(builds: dict[str, tuple[Path, str]]) -> None:
    site, log = builds["2024-06-01"]
    assert page(site, "minnesanteckningar/vastra/2024-03-19") is None
    assert page(site, "projekt/fixtur-tidsbegransad") is None
    everything = "".join(p.read_text(encoding="utf-8") for p in [*site.rglob("*.html"), site / "feed.xml", site / "sitemap.xml"])
    assert "2024-03-19" not in everything and "fixtur-tidsbegransad" not in everything
    assert "Fixturprojekt till maj" not in everything
    # The minutes that listed the project stay, without the project.
    minutes = page(site, "minnesanteckningar/vastra/2024-03-12")
    assert minutes is not None and minutes.select_one(".fm-projects") is None
    assert "minutes/vastra/2024-03-19.md:5: förslag: publish_until: sista publiceringsdag var 2024-05-31; minnesanteckningarna lämnas utanför" in log
    assert "projects/fixtur-tidsbegransad.md:6: förslag: publish_until: sista publiceringsdag var 2024-05-31; projektsidan lämnas utanför" in log


def test_make_check_reports_the_same_notices_as_suggestions(root: Path) -> None:
    result = run([sys.executable, str(root / "scripts" / "validate.py"), "--root", str(root)], cwd=root, SITE_TODAY="2024-06-01")
    assert result.returncode == 0, result.stderr  # suggestions never fail the check
    notices = [line for line in result.stderr.splitlines() if "publish_until" in line]
    assert notices == [
        "docs/fixtur-erbjudande.md:3: förslag: publish_until: sista publiceringsdag var 2024-04-30; sidan lämnas utanför webbplatsen",
        "minutes/vastra/2024-03-12.md:9: förslag: attachments[0].publish_until: sista publiceringsdag var 2024-04-30; "
        "bilagan `2024-03-12-kort.pdf` publiceras inte. Ta bort raden och filen",
        "minutes/vastra/2024-03-12.md:15: förslag: links[0].publish_until: sista publiceringsdag var 2024-04-30; "
        "länken ”Fixturföreläsning till april” publiceras inte. Ta bort raden",
        "minutes/vastra/2024-03-19.md:5: förslag: publish_until: sista publiceringsdag var 2024-05-31; "
        "minnesanteckningarna lämnas utanför webbplatsen. Ta bort filen när den inte behövs",
        "projects/fixtur-tidsbegransad.md:6: förslag: publish_until: sista publiceringsdag var 2024-05-31; "
        "projektsidan lämnas utanför webbplatsen. Ta bort filen när den inte behövs",
    ]


@pytest.mark.parametrize(
    ("where", "text", "expected"),
    [
        ("docs/fixtur.md", "---\ntitle: X\npublish_until: 30 april\n---\n\nFixtur.\n", "docs/fixtur.md:3: publish_until: `30 april` är inget datum"),
        (
            "minutes/vastra/2024-03-12.md",
            "---\ndate: 2024-03-12\ngroup: vastra\nlinks:\n  - title: X\n    url: javascript:alert(1)\n---\n",
            "minutes/vastra/2024-03-12.md:6: links[0].url: `javascript:alert(1)` är ingen webbadress",
        ),
        (
            "minutes/vastra/2024-03-12.md",
            "---\ndate: 2024-03-12\ngroup: vastra\npublish_until: 2024-03-01\n---\n",
            "minutes/vastra/2024-03-12.md:4: publish_until: `publish_until` (2024-03-01) ligger före mötet (2024-03-12)",
        ),
    ],
    ids=["docs page date", "link scheme", "before the meeting"],
)
def test_a_bad_value_is_an_error_with_its_line(tmp_path: Path, where: str, text: str, expected: str) -> None:
    root = copy_project(tmp_path / "project")
    (root / where).parent.mkdir(parents=True, exist_ok=True)
    (root / where).write_text(text, encoding="utf-8")
    result = run([sys.executable, str(root / "scripts" / "validate.py"), "--root", str(root)], cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert expected in result.stderr, result.stderr


def test_the_seed_lecture_paragraph_stays(site: Path) -> None:
    """Seed 000's recorded lecture: no link in the seed, so no publish_until; the minutes text is published."""
    text = " ".join(page(site, "minnesanteckningar/gemensam/2021-03-01").article.get_text().split())
    assert "tillgänglig för samordningsförbundet att använda under hela våren 2021 enligt avtal" in text


BROKEN_PAGES = [
    ("unquoted colon", "---\ntitle: Inbjudan\ndescription: Program: förmiddag\npublish_until: 2020-01-01\n---\n\nText.\n", "docs/inbjudan.md:3: felaktig YAML"),
    ("not a date", "---\ntitle: Inbjudan\npublish_until: snart\n---\n\nText.\n", "docs/inbjudan.md:3: publish_until:"),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in BROKEN_PAGES], ids=[c[0] for c in BROKEN_PAGES])
def test_a_page_with_unreadable_front_matter_fails_check_and_build(project_copy: Path, tmp_path: Path, text: str, expected: str) -> None:
    """MkDocs would publish it with its YAML as text, and keep it past its publish_until."""
    (project_copy / "docs" / "inbjudan.md").write_text(text, encoding="utf-8")
    checked = validate(project_copy)
    built = mkdocs_build(project_copy, tmp_path / "out")
    for result in (checked, built):
        assert result.returncode == 1
        assert expected in result.stderr, result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_minutes_written_ahead_are_a_suggestion_to_merge_after_the_meeting(project_copy: Path) -> None:
    """new_minutes.py writes next meeting's file with every member present; merged before the
    meeting, it is published at once as a record of a meeting not yet held."""
    made = run(
        [sys.executable, str(project_copy / "scripts" / "new_minutes.py"), "--root", str(project_copy), "--group", "norra", "--date", "2026-12-01"],
        cwd=project_copy,
    )
    assert made.returncode == 0, made.stderr
    checked = validate(project_copy)
    assert checked.returncode == 0, checked.stderr
    assert re.search(
        r"minutes/norra/2026-12-01\.md:\d+: förslag: date: mötet har inte hållits än \(i dag är det 2026-11-23\), men anteckningarna publiceras så snart",
        checked.stderr,
    ), checked.stderr
