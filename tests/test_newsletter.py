"""The newsletter digest, run as the office runs it: scripts/newsletter.py on a copy of the project."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project, mkdocs_build, run
from forening.validate import Layout, load_archive
from test_history import git_project

STEM = "nyhetsbrev-2021-01-01--2021-03-31"


def newsletter(root: Path, *args: str, today: str = "2026-11-23") -> subprocess.CompletedProcess[str]:
    return run([sys.executable, str(root / "scripts" / "newsletter.py"), "--root", str(root), *args], cwd=root, SITE_TODAY=today)


def sections(html: str) -> dict[str, BeautifulSoup]:
    """Each h2 of the digest with what follows it, up to the next h2."""
    soup = BeautifulSoup(html, "lxml")
    found = {}
    for h2 in soup.select("h2"):
        part = BeautifulSoup("", "lxml")
        for sibling in h2.find_next_siblings():
            if sibling.name == "h2":
                break
            part.append(sibling.__copy__())
        found[h2.get_text(strip=True)] = part
    return found


@pytest.fixture(scope="module")
def spring_2021(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The first quarter of 2021, from a copy without git: the content's own dates count."""
    root = copy_project(tmp_path_factory.mktemp("copy") / "project")
    out = root.parent / "ut"
    result = newsletter(root, "--from", "2021-01-01", "--to", "2021-03-31", "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out, result


def test_three_files_are_written_and_named_for_the_period(spring_2021: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, result = spring_2021
    assert sorted(p.name for p in out.iterdir()) == [f"{STEM}.html", f"{STEM}.md", f"{STEM}.txt"]
    assert f"Skrev {out / STEM}.md" in result.stdout
    assert "datumen i innehållet (ingen git-historik)" in result.stdout


def test_the_digest_leads_with_projects_that_seek_participants(spring_2021: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, _ = spring_2021
    html = (out / f"{STEM}.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    assert soup.html["lang"] == "sv" and soup.title.get_text() == "Nyhetsbrev 1 januari 2021 – 31 mars 2021"
    parts = sections(html)
    assert list(parts) == ["Projekt som söker deltagare", "Projekt med nytt innehåll", "Minnesanteckningar och beslut", "Kommande möten och evenemang"]
    seeking = [a["href"] for a in parts["Projekt som söker deltagare"].select("li a")]
    assert seeking == ["https://example.invalid/projekt/elings-ark/", "https://example.invalid/projekt/mala-for-halsan/"]
    assert "Tar emot deltagare till och med 30 juni 2021." in parts["Projekt som söker deltagare"].get_text()
    # Without git: changed = listed in minutes of the period (March 2021: seed 000).
    changed = [a.get_text() for a in parts["Projekt med nytt innehåll"].select("li a")]
    assert changed == ["Cresco Creare", "Elings ark", "Kick Off", "Måla för hälsan"]
    minutes = parts["Minnesanteckningar och beslut"]
    assert [a["href"] for a in minutes.select("h3 a")] == ["https://example.invalid/minnesanteckningar/gemensam/2021-03-01/"]
    assert [li.get_text() for li in minutes.select("li")][0].startswith("Senaste nyhetsbrevet skickas ut till beredningsgruppen")
    coming = parts["Kommande möten och evenemang"].select("li")
    assert coming[0].get_text() == "fredag 9 april 2021: Öppet hus, Förbundets öppna hus"
    assert coming[0].a["href"] == "https://example.invalid/kalender/#evenemang-oppet-hus-20210409"
    assert coming[2].get_text() == "tisdag 4 maj 2021 kl. 09:00–11:45: Beredningsgrupp västra"


def test_the_text_and_the_page_say_the_same(spring_2021: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, _ = spring_2021
    text = (out / f"{STEM}.txt").read_text(encoding="utf-8")
    assert text.startswith("Nyhetsbrev 1 januari 2021 – 31 mars 2021\n====")
    assert "* Elings ark: Projekt som våren 2021 hade platser kvar för deltagare. Tar emot deltagare till och med 30 juni 2021.\n  https://example.invalid/projekt/elings-ark/" in text
    assert "* onsdag 21 april 2021: Heldag, Gemensam heldag, digitalt. För: Beredningsgrupperna västra, östra och norra" in text
    assert "<" not in text  # plain text, not HTML
    page = (out / f"{STEM}.md").read_text(encoding="utf-8")
    assert page.startswith('---\ntitle: "Nyhetsbrev 1 januari 2021 – 31 mars 2021"\ndescription: "')
    html = (out / f"{STEM}.html").read_text(encoding="utf-8")
    body = BeautifulSoup(html, "lxml").body
    assert " ".join(BeautifulSoup(page.split("---\n", 2)[2], "lxml").get_text().split()) == " ".join(body.get_text().split())


def test_no_attendance_and_no_contact_details(spring_2021: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, _ = spring_2021
    archive, _ = load_archive(Layout(root=ROOT))
    assert archive is not None
    names = {name for entry in archive.minutes for name in [*entry.meta.present, *entry.meta.absent]}
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8")
        assert [name for name in names if name in text] == [], path
        assert not re.search(r"[\w.+-]+@[\w-]+\.\w+|mailto:|tel:", text), path


def test_the_digest_page_builds_as_a_page_of_the_site(spring_2021: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path) -> None:
    out, _ = spring_2021
    root = copy_project(tmp_path / "project")
    (root / "docs" / "nyhetsbrev").mkdir()
    shutil.copy(out / f"{STEM}.md", root / "docs" / "nyhetsbrev" / f"{STEM}.md")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site" / "nyhetsbrev" / STEM / "index.html").read_text(encoding="utf-8"), "lxml")
    assert page.select_one("article h1").get_text(strip=True) == "Nyhetsbrev 1 januari 2021 – 31 mars 2021"
    assert page.title.get_text().startswith("Nyhetsbrev 1 januari 2021 – 31 mars 2021")
    assert [h.get_text(strip=True) for h in page.select("article h2")][0] == "Projekt som söker deltagare"


def test_a_later_quarter_has_its_decisions_and_no_seeking_projects(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    result = newsletter(root, "--from", "2023-01-01", "--to", "2023-03-31", "-o", str(tmp_path / "ut"))
    assert result.returncode == 0, result.stderr
    parts = sections((tmp_path / "ut" / "nyhetsbrev-2023-01-01--2023-03-31.html").read_text(encoding="utf-8"))
    assert "Just nu söker inga projekt deltagare." in parts["Projekt som söker deltagare"].get_text()
    assert len(parts["Minnesanteckningar och beslut"].select("li")) == 1
    coming = [li.a["href"].split("#")[1] for li in parts["Kommande möten och evenemang"].select("li")]
    assert coming == ["evenemang-omvarldsdag-20230425", "gemensam-20230509T0900", "evenemang-konferens-20230829"]


def test_minutes_withdrawn_since_the_period_stay_out(tmp_path: Path) -> None:
    """A newsletter for a past quarter once brought back minutes withdrawn since, with
    their decisions and a link that now leads nowhere."""
    root = copy_project(tmp_path / "project")
    minutes = root / "minutes" / "gemensam" / "2023-02-01.md"
    minutes.write_text(minutes.read_text(encoding="utf-8").replace("\ngroup: gemensam\n", "\ngroup: gemensam\npublish_until: 2024-01-01\n", 1), encoding="utf-8")
    result = newsletter(root, "--from", "2023-01-01", "--to", "2023-03-31", "-o", str(tmp_path / "ut"))
    assert result.returncode == 0, result.stderr
    for suffix in ("html", "txt", "md"):
        text = (tmp_path / "ut" / f"nyhetsbrev-2023-01-01--2023-03-31.{suffix}").read_text(encoding="utf-8")
        assert "gemensam/2023-02-01" not in text, suffix


def test_with_git_new_and_changed_come_from_the_commit_dates(tmp_path: Path) -> None:
    root = git_project(tmp_path)
    result = newsletter(root, "--from", "2024-02-01", "--to", "2024-03-31", "-o", str(tmp_path / "ut"))
    assert result.returncode == 0, result.stderr
    assert "Publiceringsdatum från git-historiken." in result.stdout
    parts = sections((tmp_path / "ut" / "nyhetsbrev-2024-02-01--2024-03-31.html").read_text(encoding="utf-8"))
    assert [a.get_text() for a in parts["Nya projekt"].select("li a")] == ["Fixtur ny"]
    assert [a.get_text() for a in parts["Projekt med nytt innehåll"].select("li a")] == ["Startgrid"]
    assert [li.get_text() for li in parts["Minnesanteckningar och beslut"].select("li")] == ["Fixturbeslut om en påhittad sak."]
    # The same copy with --no-git: the content's dates, where nothing but the minutes falls in the period.
    result = newsletter(root, "--from", "2024-02-01", "--to", "2024-03-31", "-o", str(tmp_path / "ut2"), "--no-git")
    assert result.returncode == 0, result.stderr
    parts = sections((tmp_path / "ut2" / "nyhetsbrev-2024-02-01--2024-03-31.html").read_text(encoding="utf-8"))
    assert "Nya projekt" not in parts and "Projekt med nytt innehåll" not in parts
    assert [li.get_text() for li in parts["Minnesanteckningar och beslut"].select("li")] == ["Fixturbeslut om en påhittad sak."]


def test_existing_files_are_kept_unless_forced(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    out = tmp_path / "ut"
    out.mkdir()
    (out / f"{STEM}.txt").write_text("Redaktörens egen text.\n", encoding="utf-8")
    result = newsletter(root, "--from", "2021-01-01", "--to", "2021-03-31", "-o", str(out))
    assert result.returncode == 1 and "finns redan; inget skrevs. Använd --force" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"{STEM}.txt"]  # nothing written, not even the other two
    assert (out / f"{STEM}.txt").read_text(encoding="utf-8") == "Redaktörens egen text.\n"
    result = newsletter(root, "--from", "2021-01-01", "--to", "2021-03-31", "-o", str(out), "--force")
    assert result.returncode == 0 and (out / f"{STEM}.txt").read_text(encoding="utf-8").startswith("Nyhetsbrev")


HOSTILE = """\
---
title: Fixtur <script>alert(1)</script> & "citat"
summary: Fixtur med <b>fet</b> text.
status: pågående
kind: projekt
open_for_participants: true
referral: Alla <i>som vill</i>
---
"""


def test_text_from_front_matter_is_escaped_in_html_and_plain_in_text(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "projects" / "fixtur.md").write_text(HOSTILE, encoding="utf-8")
    result = newsletter(root, "--from", "2026-01-01", "-o", str(tmp_path / "ut"))  # --to: today (SITE_TODAY)
    assert result.returncode == 0, result.stderr
    stem = "nyhetsbrev-2026-01-01--2026-11-23"
    for suffix in (".html", ".md"):
        html = (tmp_path / "ut" / f"{stem}{suffix}").read_text(encoding="utf-8")
        assert "<script>" not in html and "<b>" not in html and "<i>" not in html, suffix
        assert "Fixtur &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;citat&#34;" in html, suffix
    text = (tmp_path / "ut" / f"{stem}.txt").read_text(encoding="utf-8")
    assert '* Fixtur <script>alert(1)</script> & "citat": Fixtur med <b>fet</b> text. Tar emot deltagare. Vem kan remitteras: Alla <i>som vill</i>' in text


def test_bad_arguments_and_bad_content_write_nothing(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    out = tmp_path / "ut"
    result = newsletter(root, "--from", "2021-04-01", "--to", "2021-03-31", "-o", str(out))
    assert result.returncode == 1 and "--from (2021-04-01) ligger efter --to (2021-03-31)" in result.stderr
    result = newsletter(root, "--from", "1 april", "-o", str(out))
    assert result.returncode == 2 and "`1 april` är inget datum" in result.stderr
    (root / "projects" / "startgrid.md").write_text("trasig\n", encoding="utf-8")
    result = newsletter(root, "--from", "2021-01-01", "-o", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "projects/startgrid.md:1:" in result.stderr
    assert not out.exists()
