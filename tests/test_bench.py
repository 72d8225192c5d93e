"""scripts/bench.py: the synthetic archive is valid and complete, and the report has every metric.

No timing is asserted (speed targets are the bench's business, not the tests'):
these tests check that the bench measures the real thing and reports all of it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import frontmatter
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, run, validate

sys.path.insert(0, str(ROOT / "scripts"))

from benchmark import report, synthetic  # noqa: E402
from forening.validate import Layout, load_archive  # noqa: E402


def test_synthetic_archive_is_valid_with_the_counts_asked_for(tmp_path: Path) -> None:
    before = sorted(p.relative_to(ROOT) for p in [*ROOT.glob("minutes/**/*"), *ROOT.glob("projects/*")])
    real = load_archive(Layout(root=ROOT))[0]
    root = tmp_path / "project"
    sizes = synthetic.generate(ROOT, root, minutes=20, seed=3)
    n_real_projects = len(real.projects)
    assert (sizes.minutes, sizes.projects) == (20, n_real_projects), "the real projects are kept even above N/10"
    assert len(list(root.glob("minutes/*/*.md"))) == 20
    assert len(list(root.glob("projects/*.md"))) == n_real_projects
    result = validate(root)
    assert result.returncode == 0, result.stderr
    archive, problems = load_archive(Layout(root=root))
    assert archive is not None, problems
    assert set(archive.groups) == set(real.groups)
    assert len({entry.key for entry in archive.minutes}) == 20
    assert {entry.key for entry in real.minutes} <= {entry.key for entry in archive.minutes}, "the real minutes are part of it"
    made = [entry for entry in archive.minutes if entry.key not in {e.key for e in real.minutes}]
    assert len(made) == 20 - len(real.minutes)
    years = {entry.date.year for entry in made}
    assert min(years) >= synthetic.FIRST_YEAR and max(years) <= synthetic.LAST_YEAR and len(years) > 5
    assert all(entry.meta.next_meetings for entry in made)
    assert any(entry.meta.present for entry in made)
    assert any(entry.meta.projects for entry in made)
    paragraphs = {p for entry in real.minutes for p in synthetic._blocks(entry.body)}
    assert any(block in paragraphs for block in synthetic._blocks(made[0].body)), "text is resampled from the real minutes"
    after = sorted(p.relative_to(ROOT) for p in [*ROOT.glob("minutes/**/*"), *ROOT.glob("projects/*")])
    assert after == before, "the repository's own content is never written"


def test_larger_archive_has_synthetic_projects_too(tmp_path: Path) -> None:
    sizes = synthetic.generate(ROOT, tmp_path / "project", minutes=250, seed=1)
    assert sizes.projects == 25
    assert validate(tmp_path / "project").returncode == 0
    made = sorted((tmp_path / "project" / "projects").glob("testprojekt-*.md"))
    assert len(made) == 25 - len(list((ROOT / "projects").glob("*.md")))
    titles = [frontmatter.load(path)["title"] for path in made]
    assert len({title.split()[0] for title in titles}) == len(titles), "each synthetic project's name starts with its own word, as real names do"


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    """The whole bench at two tiny sizes, kept on disk to look at its sites."""
    work = tmp_path_factory.mktemp("bench")
    result = run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--minutes", "10", "--minutes", "20", "--json", "--keep", str(work)], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), work


def test_json_has_every_metric(bench: tuple[dict, Path]) -> None:
    data, _ = bench
    assert {"nproc", "cpu", "memory_gib", "python"} <= set(data["machine"])
    assert [r["minutes"] for r in data["runs"]] == [10, 20]
    for run_ in data["runs"]:
        for side in ("ours", "plain"):
            assert run_["build"][side]["wall_s"] > 0 and run_["build"][side]["peak_mib"] > 20
        assert run_["build"]["wall_ratio"] > 0 and run_["build"]["memory_ratio"] > 0
        assert run_["check"]["validate_s"] > 0 and run_["check"]["parse_floor_s"] > 0 and run_["check"]["ratio"] > 0
        assert run_["check"]["again_s"] > 0 and run_["check"]["edited_s"] > 0 and run_["check"]["edited_ratio"] > 0
        assert run_["site"]["html_pages"] >= run_["minutes"] + run_["projects"]
        assert 0 < run_["site"]["search_bytes"] < run_["site"]["bytes"]
        search = run_["search"]
        assert search["engine"] in ("material-lunr", "pagefind")
        first = search["first_search"]
        assert first["requests"] > 0 and 0 < first["gzip_bytes"] < first["raw_bytes"]
        assert any(path.startswith(("search/", "pagefind/")) for path in first["files"])
        assert first["results"] > 0 and search["typical_query"]["results"] > 0
        assert {"requests", "raw_bytes", "gzip_bytes"} <= set(search["typical_query"])
    assert data["growth"]["from_minutes"] == 10 and data["growth"]["to_minutes"] == 20
    assert len(data["targets"]) == 6 and all(isinstance(t["met"], bool) for t in data["targets"])


def test_table_shows_every_row_and_target(bench: tuple[dict, Path]) -> None:
    data, _ = bench
    text = report.table(data)
    for label, _read in report.ROWS:
        assert label in text
    assert "Growth: t(20) / t(10)" in text
    assert text.count(": met") + text.count(": NOT met") == 6


def test_plain_build_renders_the_same_pages(bench: tuple[dict, Path]) -> None:
    _, work = bench
    ours, plain = work / "site-20", work / "site-plain-20"
    pages = sorted(p.relative_to(ours) for p in ours.rglob("*.html"))
    assert pages == sorted(p.relative_to(plain) for p in plain.rglob("*.html"))
    minutes_pages = [p for p in pages if p.parts[0] == "minnesanteckningar" and len(p.parts) == 4]
    assert minutes_pages
    for page in [*minutes_pages[:3], Path("projekt/index.html")]:
        assert _article(ours / page) == _article(plain / page), page
    # The generated files too: the calendars, which our build makes in its helper process.
    calendars = sorted(p.relative_to(ours) for p in ours.rglob("*.ics"))
    assert calendars and all(b"BEGIN:VEVENT" in (plain / rel).read_bytes() for rel in calendars)
    assert [(ours / rel).read_bytes() for rel in calendars] == [(plain / rel).read_bytes() for rel in calendars]


def _article(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    for button in soup.select("a.md-content__button"):
        button.decompose()  # the edit link exists only for our pages, which have a source file
    return str(soup.select_one("article")) + str(soup.title)
