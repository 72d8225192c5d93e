"""Attendance is shown on its own meeting's page and nowhere else: not in the search
index (so searching a name gives no list of her meetings), not on any other page."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT, mkdocs_build_on
from forening.validate import Layout, load_archive

FIXTURE_PERSON = "Testa Närvarosson"  # made up: planted in attendance lists only


def search_texts(site: Path) -> dict[str, str]:
    """Everything the site's search can find, by location: Pagefind's (gzip-compressed)
    fragments, and MkDocs' own index if the site has one."""
    found: dict[str, str] = {}
    for fragment in sorted((site / "pagefind").glob("fragment/*.pf_fragment")):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[f"pagefind:{data['url']}"] = json.dumps(data, ensure_ascii=False)
    lunr = site / "search" / "search_index.json"
    for doc in json.loads(lunr.read_text(encoding="utf-8"))["docs"] if lunr.is_file() else []:
        found[doc["location"]] = found.get(doc["location"], "") + f" {doc['title']} {doc['text']}"
    assert len(found) > 20, "the built site has no search index"
    return found


def test_names_only_in_attendance_are_not_searchable(site: Path) -> None:
    archive, _ = load_archive(Layout(root=ROOT))
    assert archive is not None
    named_elsewhere = " ".join(
        [m.name for g in archive.groups.values() for m in g.members]
        + [e.body for e in archive.minutes]
        + [p.body for p in archive.projects.values()]
    )
    only_attendance = sorted({n for e in archive.minutes for n in e.meta.present + e.meta.absent if n not in named_elsewhere})
    assert len(only_attendance) > 5, only_attendance
    texts = search_texts(site)
    hits = {name: [where for where, text in texts.items() if name in text] for name in only_attendance}
    assert {name: where for name, where in hits.items() if where} == {}
    # The attendance block's own headings are not indexed either (the editors' field
    # reference may describe the `absent` field, so only minutes pages are checked).
    minutes_texts = {where: text for where, text in texts.items() if "/minnesanteckningar/" in where}
    assert len(minutes_texts) >= 4
    assert not [where for where, text in minutes_texts.items() if "Närvaro:" in text or "Frånvarande" in text]


def test_planted_attendee_appears_only_in_her_meetings_attendance(project_copy: Path, tmp_path: Path) -> None:
    planted = ["minutes/norra/2021-05-05.md", "minutes/norra/2022-01-01.md", "minutes/gemensam/2023-02-01.md"]
    for rel in planted:
        path = project_copy / rel
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("present:\n", f"present:\n  - {FIXTURE_PERSON}\n", 1), encoding="utf-8")
    site = tmp_path / "out"
    # Built as of mid-2023, when every planted meeting is recent enough to show names (retention).
    result = mkdocs_build_on("2023-06-01", project_copy, site)
    assert result.returncode == 0, result.stderr

    assert [where for where, text in search_texts(site).items() if "Närvarosson" in text] == []
    pages_naming_her = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if "Närvarosson" not in html:
            continue
        pages_naming_her.append(page.parent.relative_to(site).as_posix())
        soup = BeautifulSoup(html, "lxml")
        for block in soup.select("details.fm-attendance"):
            block.decompose()
        assert "Närvarosson" not in str(soup), page
    expected = sorted(f"minnesanteckningar/{rel.removeprefix('minutes/').removesuffix('.md')}" for rel in planted)
    assert sorted(pages_naming_her) == expected
    assert not [p for p in site.rglob("*") if p.is_file() and p.suffix in (".xml", ".ics", ".json", ".txt") and "Närvarosson" in p.read_text(encoding="utf-8", errors="replace")]


def test_the_chair_and_secretary_are_not_searchable_and_go_with_the_lists(project_copy: Path, tmp_path: Path) -> None:
    """They attended too: searching a chair's name once listed every meeting she chaired,
    and her name stayed on meetings whose attendance retention had hidden."""
    planted = ["minutes/norra/2021-05-05.md", "minutes/norra/2022-01-01.md"]
    for rel in planted:
        path = project_copy / rel
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\ngroup: norra\n", "\ngroup: norra\nchair: Testa Ordförandesson\nsecretary: Sekra Protokollsdotter\n", 1), encoding="utf-8")
    site = tmp_path / "out"
    result = mkdocs_build_on("2026-11-23", project_copy, site)  # 2021 is past the 5 years of names, 2022 is not
    assert result.returncode == 0, result.stderr
    assert [where for where, text in search_texts(site).items() if "Ordförandesson" in text or "Protokollsdotter" in text] == []
    old = (site / "minnesanteckningar" / "norra" / "2021-05-05" / "index.html").read_text(encoding="utf-8")
    recent = (site / "minnesanteckningar" / "norra" / "2022-01-01" / "index.html").read_text(encoding="utf-8")
    assert "Ordförandesson" not in old and "Protokollsdotter" not in old
    assert "Ordförandesson" in recent and "Protokollsdotter" in recent
