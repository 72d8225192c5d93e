"""The search index the build writes: what it holds, what it leaves out, its size.

Reads the Pagefind files of the real built site (each page's fragment is
gzipped JSON behind a `pagefind_dcd` signature) and checks them against the
built HTML and the archive. The queries themselves run in a real browser in
test_search_browser.py.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, mkdocs_build
from forening import dates, urls
from forening.search import build_search_index
from forening.validate import Layout, load_archive

SIGNATURE = b"pagefind_dcd"


def fragments(site: Path) -> dict[str, dict]:
    """Every indexed page, by URL: Pagefind's stored content and metadata."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(SIGNATURE), path
        fragment = json.loads(raw[len(SIGNATURE) :])
        found[fragment["url"]] = fragment
    return found


@pytest.fixture(scope="module")
def index(site: Path) -> dict[str, dict]:
    return fragments(site)


@pytest.fixture(scope="module")
def archive():
    loaded, problems = load_archive(Layout(root=ROOT))
    assert loaded is not None, problems
    return loaded


def built_pages(site: Path) -> set[str]:
    """The URL of every page MkDocs built (directory URLs: `a/b/index.html` is `/a/b/`)."""
    found = set()
    for path in site.rglob("index.html"):
        folder = path.parent.relative_to(site).as_posix()
        found.add("/" if folder == "." else f"/{folder}/")
    return found


def test_materials_search_index_is_not_built(site: Path) -> None:
    assert not (site / "search" / "search_index.json").exists()
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_every_content_page_is_indexed_and_nothing_else(site: Path, index: dict[str, dict]) -> None:
    assert set(index) == built_pages(site)
    assert "/404.html" not in index and len(index) >= 28


def test_minutes_carry_group_and_date(index: dict[str, dict], archive) -> None:
    for entry in archive.minutes:
        fragment = index["/" + urls.url_of(urls.minutes_src(entry))]
        assert fragment["meta"]["group"] == archive.group_name(entry.group)
        assert fragment["meta"]["date"] == dates.meeting_date(entry.meta)


def test_attendance_is_not_in_the_index(site: Path, index: dict[str, dict], archive) -> None:
    """Names in an attendance list are searchable only where the minutes' text itself names them."""
    checked = 0
    for entry in archive.minutes:
        url = urls.url_of(urls.minutes_src(entry))
        soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
        attendance = soup.select_one(".fm-attendance")  # the list, or the counts once names are withheld
        assert attendance is not None, url
        attendance.decompose()
        rest = soup.select_one("[data-pagefind-body]").get_text(" ")
        content = index["/" + url]["content"]
        assert "Närvaro:" not in content and "Närvarande" not in content
        for name in [*entry.meta.present, *entry.meta.absent]:
            if name not in rest:
                assert name not in content, f"{name} from the attendance of {url} is in the search index"
                checked += 1
    assert checked >= 10  # the seed minutes list many people their text never names


def test_boilerplate_is_not_in_the_index(site: Path, index: dict[str, dict], archive) -> None:
    for url, fragment in index.items():
        content = fragment["content"]
        assert "¶" not in content, url  # heading permalinks
        assert "Gå till innehållet" not in content, url  # Material's skip link: no header or nav
        if url != "/tillganglighet/":
            assert "Tillgänglighetsredogörelse" not in content, url  # the footer
    cresco = index["/projekt/cresco-creare/"]["content"]
    assert "Status" not in cresco.split()  # fact labels are left out, their values stay
    assert "Avslutat" in cresco
    catalogue = index["/projekt/"]["content"]
    for project in archive.projects.values():
        assert project.meta.summary not in catalogue  # each project's own page carries it


# Lists that repeat other pages: previous/next meeting, "mentioned in", the archive and its years.
REPEATING = ".fm-pager li, .fm-mentions h2, .fm-mentions li, .fm-archive li, .fm-years p"


def test_lists_repeating_other_pages_are_not_in_the_index(site: Path, index: dict[str, dict]) -> None:
    checked = 0
    for url, fragment in index.items():
        soup = BeautifulSoup((site / url.strip("/") / "index.html").read_text(encoding="utf-8"), "lxml")
        for element in soup.select(f"[data-pagefind-body] :is({REPEATING})"):
            text = " ".join(element.get_text(" ").split())
            assert text not in fragment["content"], f"{url}: {text}"
            checked += 1
    assert checked >= 30


def test_project_aliases_are_indexed_with_the_name(index: dict[str, dict]) -> None:
    assert "Cresco Create, Cresco" in index["/projekt/cresco-creare/"]["content"]
    assert "Rehabforum" in index["/projekt/samverkansteam/"]["content"]


def test_index_size_is_measured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fixture pages, made up for this test: two indexed, one left out."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the index goes into the site, never the working directory
    tmp_path = tmp_path / "site"
    tmp_path.mkdir()
    page = '<html lang="sv"><body><nav>Meny</nav><main data-pagefind-body><h1>{0}</h1><p>{1}</p></main></body></html>'
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(page.format("Första sidan", "Beredningsgruppens möte."), encoding="utf-8")
    (tmp_path / "b.html").write_text(page.format("Andra sidan", "Projektet fortsätter."), encoding="utf-8")
    (tmp_path / "404.html").write_text("<html><body><h1>Saknas</h1></body></html>", encoding="utf-8")
    size = build_search_index(tmp_path)
    assert size.pages == 2
    written = sum(p.stat().st_size for p in (tmp_path / "pagefind").rglob("*") if p.is_file())
    assert size.total_bytes == written
    assert 0 < size.index_bytes < size.total_bytes
    assert size.bytes_per_page == size.index_bytes // 2
    assert size.summary().startswith("Sökindex: 2 sidor, ")
    assert set(fragments(tmp_path)) == {"/a/", "/b.html"}
    assert list(elsewhere.iterdir()) == []


def test_build_reports_index_size(project_copy: Path, tmp_path: Path) -> None:
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    line = re.search(r"Sökindex: (\d+) sidor, (\d+) kB totalt, varav index (\d+) kB \((\d+) byte per sida\)", result.stderr)
    assert line is not None, result.stderr
    assert int(line.group(1)) == len(fragments(tmp_path / "site"))
    assert int(line.group(4)) > 0


def test_the_index_is_waited_for_until_every_file_is_written(tmp_path: Path) -> None:
    """Pagefind's service answers `WriteFiles` before the last bytes are on disk; stopped
    then, it leaves files empty (seen in a test build: pagefind-component-ui.js, 0 bytes)."""
    import asyncio

    from forening.search import _written

    (tmp_path / "fragment").mkdir()
    (tmp_path / "pagefind.js").write_text("x", encoding="utf-8")
    late = tmp_path / "fragment" / "a.pf_fragment"
    late.write_bytes(b"")

    async def wait_while_it_is_written() -> int:
        asyncio.get_running_loop().call_later(0.3, late.write_bytes, b"gz")
        await _written(tmp_path, timeout=10)
        return late.stat().st_size

    assert _in_own_loop(wait_while_it_is_written) == 2


def test_an_index_left_empty_fails_the_build(tmp_path: Path) -> None:
    from forening.search import _written

    (tmp_path / "pagefind-ui.js").write_bytes(b"")
    with pytest.raises(RuntimeError, match="pagefind-ui.js"):
        _in_own_loop(lambda: _written(tmp_path, timeout=0.2))


def _in_own_loop(make):
    """`make()`'s coroutine run in a thread of its own: the browser tests leave an event loop in this one."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result()
