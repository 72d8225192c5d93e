"""forening.prefetch: the checks' work read ahead in the helper gives what this process would compute."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from forening import activecontent, guard, prefetch, privacy
from forening.checks import check_sources
from forening.helper import Helper
from forening.load import file_and_body
from forening.memo import kept_in, remembered
from forening.validate import Layout

@pytest.fixture(autouse=True)
def hand_over_a_few(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests hand over a few files: more than `make check` would (prefetch.FEWEST)."""
    monkeypatch.setattr(prefetch, "FEWEST", 1)


BODIES = ["Ring 070-123 45 67.", "Skriv till anna.andersson@example.se.", "Inget här.", "Inget här."]
WORKS = [guard.READ_AHEAD, activecontent.READ_AHEAD]


def _files(folder: Path) -> list[Path]:
    paths = []
    for i, body in enumerate(BODIES):
        path = folder / f"{i}.md"
        path.write_text(f"---\ntitle: Fil {i % 3}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    (folder / "broken.md").write_bytes(b"\xff\xfe not UTF-8")  # read_document refuses it: so does the helper
    return [*paths, folder / "broken.md"]


def _not_here() -> list:
    raise AssertionError("computed in this process, not in the helper")


def _findings(text: str, compute=_not_here) -> list[privacy.Finding]:
    return remembered("privacy", text, compute, guard._findings_to_json, guard._findings_from_json)


def _texts(paths: list[Path]) -> list[tuple[str, str]]:
    """Each readable file's text and body, as the helper reads them."""
    return [(texts.text, texts.body) for path in paths if (texts := file_and_body(path)) is not None]


def test_the_memo_takes_the_helpers_results_instead_of_computing(helper: Helper, tmp_path: Path) -> None:
    paths = _files(tmp_path)
    with kept_in(None) as memo:
        assert prefetch.read_ahead(helper, paths, WORKS) == 5
        texts = _texts(paths)
        assert [_findings(text) for text, _ in texts] == [privacy.find(text) for text, _ in texts]
        assert any(_findings(text) for text, _ in texts)
        bodies = [activecontent.body_problems("x.md", body, 4) for _, body in texts]  # found, not computed
        assert memo.computed == 4 * 2  # what the helper sent: two works on each readable file
    assert bodies == [[], [], [], []] and not helper.broken


def test_a_file_changed_after_the_helper_read_it_is_computed_here(helper: Helper, tmp_path: Path) -> None:
    paths = _files(tmp_path)
    with kept_in(None) as memo:
        prefetch.read_ahead(helper, paths, WORKS)
        memo._arriving[-1][0].result()  # the helper has read every file
        paths[2].write_text("---\ntitle: Ny\n---\nRing 0500-12 34 56.\n", encoding="utf-8")
        [(text, _)] = _texts(paths[2:3])
        computed = []
        assert [f.text for f in _findings(text, lambda: computed.append(1) or privacy.find(text))] == ["0500-12 34 56"]
        assert computed == [1]


def test_without_an_open_memo_nothing_is_handed_over(helper: Helper, tmp_path: Path) -> None:
    assert prefetch.read_ahead(helper, _files(tmp_path), WORKS) == 0
    assert helper._pool is None  # not even started


def test_fewer_files_than_the_fewest_are_left_to_this_process(helper: Helper, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _files(tmp_path)
    monkeypatch.setattr(prefetch, "FEWEST", 6)
    with kept_in(None):
        assert prefetch.read_ahead(helper, paths, WORKS) == 0
    assert helper._pool is None  # not even started
    monkeypatch.setattr(prefetch, "FEWEST", 5)
    with kept_in(None):
        assert prefetch.read_ahead(helper, paths, WORKS) == 5


def test_a_dead_helper_leaves_the_work_to_this_process(helper: Helper, tmp_path: Path) -> None:
    paths = _files(tmp_path)
    helper.submit(os._exit, 1)  # the helper process ends as if killed
    with kept_in(None):
        prefetch.read_ahead(helper, paths, WORKS)
        found = [_findings(text, lambda text=text: privacy.find(text)) for text, _ in _texts(paths)]
    assert found == [privacy.find(text) for text, _ in _texts(paths)]
    assert any(found)


@pytest.mark.parametrize("kept", [False, True], ids=["memo-for-this-run", "memo-in-a-folder"])
def test_make_check_with_a_helper_finds_what_it_finds_without(project_copy: Path, tmp_path: Path, kept: bool, helper: Helper) -> None:
    minutes = project_copy / "minutes" / "norra" / "2021-05-05.md"
    text = minutes.read_text(encoding="utf-8")
    minutes.write_text(text + "\nRing Anna på 070-123 45 67 eller anna.andersson@example.se.\n\n<script>alert(1)</script>\n", encoding="utf-8")

    def problems(helper: Helper | None, name: str) -> list[str]:
        with kept_in(tmp_path / name if kept else None) as memo:  # each run starts with nothing remembered
            _, found = check_sources(Layout(root=project_copy), helper=helper)
            assert not memo._arriving or helper is None  # every result that came was used
        return sorted(map(str, found))

    without = problems(None, "without")
    with_helper = problems(helper, "with")
    assert helper._pool is not None  # the work was handed over
    assert with_helper == without
    assert any("070-123 45 67" in line for line in without)
    assert any("anna.andersson@example.se" in line for line in without)
    assert any("<script>" in line for line in without)
    assert any("förslag: projects: texten nämner" in line for line in without)  # the names, found ahead too
    assert not helper.broken


def test_an_unchanged_archive_hands_nothing_over(project_copy: Path, tmp_path: Path) -> None:
    """A second `make check` finds every file recorded and its results remembered: no helper starts."""
    import time

    from forening import memo

    time.sleep(max(0, max(p.stat().st_ctime_ns for p in project_copy.rglob("*.md")) + memo.RACY_NS - time.time_ns()) / 1e9)
    for run in range(2):
        helper = Helper()
        try:
            with kept_in(tmp_path / "memo") as kept:
                _, found = check_sources(Layout(root=project_copy), helper=helper)
        finally:
            started = helper._pool is not None
            helper.close()
        assert started == (run == 0) and (kept.computed > 0) == (run == 0)


def test_work_the_helper_has_not_started_is_taken_back(helper: Helper, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make check` has nothing else to do once it has read the files: it does, from the
    last chunk back, what the helper has not started on, and finds the same."""
    import time

    paths = _files(tmp_path)
    monkeypatch.setattr(prefetch, "CHUNK", 1)
    helper.submit(time.sleep, 1).running()  # the helper is busy: the chunks wait
    with kept_in(None) as memo:
        assert prefetch.read_ahead(helper, paths, WORKS) == 5
        taken = prefetch.take_back()
        assert 3 <= taken <= 5 and len(memo._arriving) == 5 - taken  # the first one or two may be on their way already
        texts = _texts(paths)
        assert [_findings(text) for text, _ in texts] == [privacy.find(text) for text, _ in texts]
    assert not helper.broken
