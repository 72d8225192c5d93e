"""forening.postbuild: the index lands in the site, and the checks read both the site and the index."""

from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path

import pytest
from forening import search
from forening.checks import check_output, output_checker
from forening.postbuild import SiteChecks, _Fragments
from forening.problems import Problem


def _copy_without_index(site: Path, dest: Path) -> Path:
    shutil.copytree(site, dest, ignore=shutil.ignore_patterns("pagefind"))
    return dest


def test_index_is_written_into_the_site_and_the_site_passes(site: Path, tmp_path: Path) -> None:
    copy = _copy_without_index(site, tmp_path / "site")
    (copy / "pagefind").mkdir()
    (copy / "pagefind" / "stale.txt").write_text("from a dirty build", encoding="utf-8")
    size, problems = SiteChecks(copy, {}).finish()
    assert problems == []
    assert size.pages > 20
    entry = json.loads((copy / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert "sv" in entry["languages"]
    assert sorted(p.name for p in (copy / "pagefind").iterdir()) == sorted(p.name for p in (site / "pagefind").iterdir())
    assert not (copy / "pagefind" / "pagefind").exists()


def test_a_leak_is_found_in_the_page_and_in_the_index(site: Path, tmp_path: Path) -> None:
    copy = _copy_without_index(site, tmp_path / "site")
    _plant_personnummer(copy)
    _, problems = SiteChecks(copy, {}).finish()
    paths = {p.path for p in problems}
    assert "projekt/cresco-creare/index.html" in paths
    assert any(path.startswith("pagefind/fragment/") for path in paths), paths
    assert all("personnum" in p.message and "121212" in p.message for p in problems), problems


def _plant_personnummer(site: Path) -> str:
    rel = "projekt/cresco-creare/index.html"
    page = site / rel
    # Made up: Skatteverket's test personnummer, planted into the built page.
    html = page.read_text(encoding="utf-8").replace("<div data-pagefind-body>", "<div data-pagefind-body><p>Personnummer 121212-1212.</p>", 1)
    page.write_text(html, encoding="utf-8")
    return rel


def test_pages_named_while_written_are_checked_by_the_helper(site: Path, tmp_path: Path) -> None:
    copy = _copy_without_index(site, tmp_path / "site")
    planted = _plant_personnummer(copy)
    checks = SiteChecks(copy, {})
    pages = sorted(p.relative_to(copy).as_posix() for p in copy.rglob("index.html"))
    for rel in pages:  # as the adapter does: each page once it is on disk
        checks.written(rel)
    checks.written("not/written/index.html")  # a page with empty output: MkDocs writes nothing
    _, problems = checks.finish()
    assert not checks.helper.broken  # the helper did its share
    assert {p.path for p in problems if not p.path.startswith("pagefind/")} == {planted}
    assert any(p.path.startswith("pagefind/fragment/") for p in problems)
    # The helper found what checking every file here finds.
    assert sorted(problems) == sorted(check_output(copy, {}))


def test_if_the_helper_dies_every_file_is_checked_here(site: Path, tmp_path: Path) -> None:
    copy = _copy_without_index(site, tmp_path / "site")
    planted = _plant_personnummer(copy)
    checks = SiteChecks(copy, {})
    checks.written(planted)
    checks.helper.submit(os._exit, 1)  # the helper process ends as if killed
    _, problems = checks.finish()
    assert checks.helper.broken
    assert planted in {p.path for p in problems}
    assert any(p.path.startswith("pagefind/fragment/") for p in problems)


def test_a_generated_file_is_checked_as_generated_or_again_if_the_disk_holds_other_bytes(site: Path, tmp_path: Path) -> None:
    copy = _copy_without_index(site, tmp_path / "site")
    calendar = (copy / "kalender.ics").read_bytes()
    # Made up: a number from PTS's range for fiction, in text the generator is about to write.
    leaking = calendar.replace(b"END:VCALENDAR", b"X-NOTE:Ring 070-174 06 05\r\nEND:VCALENDAR")
    checks = SiteChecks(copy, {})
    checks.generated("kalender.ics", leaking)  # as generated: found before it is written
    (copy / "kalender.ics").write_bytes(leaking)
    checks.generated("feed.xml", (copy / "feed.xml").read_bytes())  # clean as generated ...
    (copy / "feed.xml").write_bytes((copy / "feed.xml").read_bytes().replace(b"</feed>", b"<!-- 070-174 06 05 --></feed>"))
    _, problems = checks.finish()  # ... but not as written: read again
    assert not checks.helper.broken
    found = sorted((p.path, p.message.split("`")[1]) for p in problems)
    assert found == [("feed.xml", "070-174 06 05"), ("kalender.ics", "070-174 06 05")]


def _fragment(text: str) -> bytes:
    """A Pagefind page fragment as Pagefind writes it: signed, gzip-compressed JSON."""
    return gzip.compress(b"pagefind_dcd" + json.dumps({"url": "/x/", "content": text}).encode())


def test_fragments_checked_while_pagefind_writes_count_only_if_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "pagefind" / "fragment"
    folder.mkdir(parents=True)
    leak = _fragment("Personnummer 121212-1212.")  # made up: Skatteverket's test personnummer
    clean = _fragment("Inget att se här.")
    (folder / "a.pf_fragment").write_bytes(leak)
    (folder / "b.pf_fragment").write_bytes(clean[: len(clean) // 2])  # Pagefind is still writing it
    (folder / "c.pf_fragment").write_bytes(clean)
    fragments = _Fragments(tmp_path, output_checker({}))
    fragments.check_new()  # sees them: reads a file once it has the same size as the time before
    (folder / "e.pf_fragment").write_bytes(leak[:10])  # just appeared: not read
    fragments.check_new()
    (folder / "b.pf_fragment").write_bytes(clean)  # now written in full
    (folder / "c.pf_fragment").write_bytes(leak)  # written again after it was read
    (folder / "d.pf_fragment").write_bytes(leak)  # written after the last look
    (folder / "e.pf_fragment").write_bytes(leak)
    rels = [f"pagefind/fragment/{name}.pf_fragment" for name in "abcde"] + ["pagefind/pagefind-entry.json"]
    problems, rest = fragments.settled(rels)
    assert [p.path for p in problems] == ["pagefind/fragment/a.pf_fragment"]
    assert "121212-1212" in problems[0].message
    assert rest == rels[1:]  # no "cannot be read" for b: it is simply read again


def test_fragments_checked_while_pagefind_writes_find_what_checking_afterwards_finds(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "POLL", 0.001)  # look as often as possible, so that it happens on a small site
    rest: list[int] = []
    settled = _Fragments.settled

    def counting(self: _Fragments, rels: list[str]) -> tuple[list[Problem], list[str]]:
        problems, left = settled(self, rels)
        rest.append(len(left))
        return problems, left

    monkeypatch.setattr(_Fragments, "settled", counting)
    copy = _copy_without_index(site, tmp_path / "site")
    _plant_personnummer(copy)
    _, problems = SiteChecks(copy, {}).finish()
    index = [path for path in (copy / "pagefind").rglob("*") if path.is_file()]
    fragments = [path for path in index if path.parent.name == "fragment"]
    assert rest and rest[0] < len(index) - len(fragments) // 2  # more than half the fragments were checked early
    assert any(p.path.startswith("pagefind/fragment/") for p in problems)
    assert sorted(problems) == sorted(check_output(copy, {}))
