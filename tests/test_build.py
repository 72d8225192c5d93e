"""The real site, built with MkDocs from the repository's content."""

from __future__ import annotations

import errno
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, load_script, mkdocs_build, run, validate


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html"
    assert path.is_file(), f"{url} was not built"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_every_minutes_and_project_file_has_its_page(site: Path) -> None:
    minutes = sorted((ROOT / "minutes").glob("*/*.md"))
    projects = sorted((ROOT / "projects").glob("*.md"))
    assert len(minutes) >= 4 and len(projects) >= 10
    for path in minutes:
        page(site, f"minnesanteckningar/{path.parent.name}/{path.stem}")
    for path in projects:
        page(site, f"projekt/{path.stem}")
    for url in ("", "minnesanteckningar", "projekt", "minnesanteckningar/norra"):
        page(site, url)


def test_minutes_page_shows_seed_content(site: Path) -> None:
    soup = page(site, "minnesanteckningar/norra/2021-05-05")
    assert soup.h1.get_text(strip=True) == "Beredningsgrupp norra 5 maj 2021"
    text = soup.get_text(" ", strip=True)
    assert "09:00–11:45" in text
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in soup.select("article h2")]
    assert "3. Rapport från styrelsemötet" in headings
    attendance = soup.select_one(".fm-attendance")  # counts only: older than attendance_years (mkdocs.yml)
    assert attendance is not None and "10 närvarande" in attendance.get_text() and "Mona Strand" not in attendance.get_text()
    recent = page(site, "minnesanteckningar/norra/2022-01-01").select_one("details.fm-attendance")
    assert recent is not None and "Mona Strand" in recent.get_text()
    next_meetings = soup.select_one(".fm-next").get_text(" ", strip=True)
    assert "tisdag 24 augusti 2021 kl. 09:00–11:45" in next_meetings


def test_month_precision_dates_show_month_only(site: Path) -> None:
    soup = page(site, "minnesanteckningar/gemensam/2023-02-01")
    assert soup.h1.get_text(strip=True) == "Beredningsgruppen (gemensam) februari 2023"


def test_project_page_links_back_to_minutes(site: Path) -> None:
    soup = page(site, "projekt/cresco-creare")
    assert soup.h1.get_text(strip=True) == "Cresco Creare"
    links = [a["href"] for a in soup.select(".fm-mentions a")]
    assert "../../minnesanteckningar/gemensam/2023-02-01/" in links


def test_html_lang_is_swedish_and_no_google_fonts(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in html
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_broken_copy_fails_build_and_check_naming_every_file(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "minutes" / "norra" / "2021-05-05.md").write_text("---\ndate: 2021-05-05\ngroup: norra\npresnt: [A]\n---\n", encoding="utf-8")
    (project_copy / "projects" / "startgrid.md").write_text("---\ntitle: Startgrid\nstatus: klar\n---\n", encoding="utf-8")
    (project_copy / "minutes" / "gemensam" / "2023-02-01.md").write_bytes(b"---\ndate: 2023-02-01\ngroup: gemensam\ntitle: \xe5\n---\n")
    expected = [
        "minutes/norra/2021-05-05.md:4: presnt: okänt fält",
        "projects/startgrid.md:3: status: `klar` är inte tillåtet",
        "minutes/gemensam/2023-02-01.md:4: filen är inte sparad som UTF-8",
    ]
    built = mkdocs_build(project_copy, tmp_path / "out")
    checked = validate(project_copy)
    for result in (built, checked):
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        for line in expected:
            assert line in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_failed_build_leaves_previous_site(project_copy: Path) -> None:
    build = [sys.executable, str(project_copy / "scripts" / "build.py"), "--config", str(project_copy / "mkdocs.yml")]
    assert run(build, cwd=project_copy).returncode == 0
    before = (project_copy / "site" / "index.html").read_text(encoding="utf-8")
    (project_copy / "projects" / "startgrid.md").write_text("broken", encoding="utf-8")
    result = run(build, cwd=project_copy)
    assert result.returncode == 1 and "orörd" in result.stderr
    assert "projects/startgrid.md:1: " in result.stderr and "Aborted with a BuildError" not in result.stderr, result.stderr
    assert (project_copy / "site" / "index.html").read_text(encoding="utf-8") == before
    assert not list(project_copy.glob(".site-build-*"))


@pytest.mark.parametrize(
    ("script", "words"),
    [
        ("validate", ["Kontrollera allt innehåll", "vars förslag visas (fel visas alltid i alla filer", "projektmappen"]),
        ("build", ["Bygg webbplatsen", "mappen att bygga till", "inställningsfilen"]),
        ("redact", ["Ta bort en person", "projektmappen"]),
        ("new_minutes", ["Påbörja minnesanteckningarna"]),
        ("newsletter", ["Skriv nyhetsbrevet"]),
    ],
)
def test_help_is_swedish(script: str, words: list[str]) -> None:
    """Every option has a Swedish help text, and argparse's own words are Swedish too (forening.cli)."""
    result = run([sys.executable, str(ROOT / "scripts" / f"{script}.py"), "--help"], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert all(word in text for word in words), text
    for english in ("Check every", "only report", "project folder", "Build the site", "Remove a person", "Start a new", "Write the newsletter"):
        assert english not in text
    for argparse_word in ("usage:", "options:", "positional arguments", "show this help", "OUTPUT", "ROOT"):
        assert argparse_word not in result.stdout, argparse_word
    options = [line for line in result.stdout.splitlines() if line.startswith("  -") and not line.startswith("  -h")]
    assert all(len(line.split("  ")) > 1 or line.strip().endswith(("UTFIL", "UTFIL,", "MAPP", "MAPP,")) for line in options), options


def test_repository_content_is_valid() -> None:
    result = validate(ROOT)
    assert result.returncode == 0, result.stderr
    assert re.search(r"giltigt", result.stdout)


def test_validate_with_paths_reports_errors_elsewhere_too(project_copy: Path) -> None:
    """pre-commit passes the staged files: any error elsewhere stops the build all the same, so it is shown, said apart."""
    (project_copy / "projects" / "startgrid.md").write_text("broken", encoding="utf-8")
    (project_copy / "projects" / "kick-off.md").write_text("broken too", encoding="utf-8")
    result = validate(project_copy, str(project_copy / "projects" / "startgrid.md"))
    assert result.returncode == 1
    assert "projects/startgrid.md:1:" in result.stderr and "projects/kick-off.md:1:" in result.stderr
    assert re.search(r"\d+ av felen finns i andra filer än de angivna", result.stderr)


def test_pre_commit_hook_runs_the_validator() -> None:
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = config["repos"][0]["hooks"]
    assert hook["entry"].endswith("scripts/validate.py") and hook["language"] == "system"
    assert re.search(hook["files"], "minutes/norra/2021-05-05.md") and re.search(hook["files"], "projects/x.md")
    assert hook.get("always_run") is True  # a commit that only deletes a project is checked too


def test_failed_output_check_leaves_previous_site(project_copy: Path) -> None:
    """The output checks run in on_post_build: failing them fails the build, and nothing is published."""
    build = [sys.executable, str(project_copy / "scripts" / "build.py"), "--config", str(project_copy / "mkdocs.yml")]
    assert run(build, cwd=project_copy).returncode == 0
    before = (project_copy / "site" / "index.html").read_text(encoding="utf-8")
    # A template: no source check reads it (a script in a page of docs/ is refused before the build).
    template = project_copy / "hooks" / "theme" / "main.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{% endblock %}", "<script>alert(1)</script>{% endblock %}", 1), encoding="utf-8")
    result = run(build, cwd=project_copy)
    assert result.returncode == 1
    assert "klarade inte kontrollen" in result.stderr and "den tidigare versionen i site/ är orörd" in result.stderr
    assert (project_copy / "site" / "index.html").read_text(encoding="utf-8") == before
    assert not list(project_copy.glob(".site-*"))


def test_first_failed_build_creates_no_site(project_copy: Path) -> None:
    (project_copy / "projects" / "startgrid.md").write_text("broken", encoding="utf-8")
    result = run([sys.executable, str(project_copy / "scripts" / "build.py"), "--config", str(project_copy / "mkdocs.yml")], cwd=project_copy)
    assert result.returncode == 1 and "ingen site/ skapades" in result.stderr
    assert not (project_copy / "site").exists() and not list(project_copy.glob(".site-*"))


@pytest.fixture
def build_script(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, list[str], Path]:
    """scripts/build.py in this process (to make its renames fail), with its arguments and site/."""
    monkeypatch.setenv("SITE_TODAY", "2026-11-23")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    site = project_copy / "site"
    return load_script("build"), ["--site-dir", str(site), "--config", str(project_copy / "mkdocs.yml")], site


def test_failed_swap_puts_the_previous_site_back(build_script: tuple[Any, list[str], Path], monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    build, args, site = build_script
    assert build.main(args) == 0
    before = (site / "index.html").read_text(encoding="utf-8")
    real_rename = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if self.name.startswith(".site-build-"):  # the new build cannot take site/'s place
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    (site.parent / "docs" / "index.md").write_text("# Ny startsida\n", encoding="utf-8")
    assert build.main(args) == 1
    assert "site/ kunde inte bytas ut" in capfd.readouterr().err
    assert (site / "index.html").read_text(encoding="utf-8") == before
    assert not list(site.parent.glob(".site-*"))


def test_site_that_is_a_mount_point_is_replaced_in_place(build_script: tuple[Any, list[str], Path], monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    build, args, site = build_script
    site.mkdir()
    (site / "stale.html").write_text("old", encoding="utf-8")
    inode = site.stat().st_ino
    monkeypatch.setattr(build.os.path, "ismount", lambda path: Path(path) == site)
    assert build.main(args) == 0
    assert "monteringspunkt" in capfd.readouterr().out
    assert site.stat().st_ino == inode  # the same folder, not a renamed one
    assert (site / "index.html").is_file() and not (site / "stale.html").exists()
    assert not list(site.parent.glob(".site-*"))


def test_a_build_to_publish_refuses_the_placeholder_site_url(project_copy: Path, tmp_path: Path) -> None:
    """The calendar page tells visitors to subscribe at site_url: https://example.invalid/ must never go out."""
    site = tmp_path / "site"
    command = [sys.executable, str(project_copy / "scripts" / "build.py"), "--site-dir", str(site), "--publish"]
    result = run(command, cwd=project_copy)
    assert result.returncode == 1 and not site.exists()
    line = (project_copy / "mkdocs.yml").read_text(encoding="utf-8").split("\nsite_url:")[0].count("\n") + 2
    assert f"mkdocs.yml:{line}: site_url: `https://example.invalid/` är en platshållare" in result.stderr, result.stderr
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("https://example.invalid/", "https://www.samordningsforbundetskaraborg.se/"), encoding="utf-8")
    result = run(command, cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert "https://www.samordningsforbundetskaraborg.se/kalender.ics" in (site / "kalender" / "index.html").read_text(encoding="utf-8")
