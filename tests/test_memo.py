"""memo: what `make check` and the build remember between runs changes nothing they find.

The memo only saves work: every test here compares a run that remembers with
one that computes everything, on the real content and on content that changed.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from conftest import mkdocs_build, validate
from forening import load, memo, strictyaml
from forening.checks import check_sources
from forening.strictyaml import Parsed
from forening.validate import Layout


def stored(root: Path) -> dict:
    """Every entry of the memo in `root`, from its files."""
    entries: dict = {}
    for path in (root / memo.FOLDER / memo.SHARDS).glob("*.json"):
        entries |= json.loads(path.read_text(encoding="utf-8"))["entries"]
    return entries


def check(root: Path, remember: bool = True) -> tuple[list[str], memo.Memo]:
    """Every problem of `make check` over `root`, as text, and the memo it ran with."""
    with memo.kept_in(root / memo.FOLDER if remember else None) as used:
        _, problems = check_sources(Layout(root=root))
    return sorted(map(str, problems)), used


def test_a_second_run_remembers_everything_and_finds_the_same(project_copy: Path) -> None:
    first, memo_first = check(project_copy)
    assert memo_first.computed > 0 and stored(project_copy)
    again, memo_again = check(project_copy)
    assert memo_again.computed == 0, "nothing changed, so nothing is computed again"
    assert again == first == check(project_copy, remember=False)[0]


def test_an_edited_file_is_read_again(project_copy: Path) -> None:
    check(project_copy)
    path = project_copy / "minutes" / "norra" / "2021-05-05.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nRing 070-174 06 05.\n\n<script>alert(1)</script>\n", encoding="utf-8")
    found, used = check(project_copy)
    assert 0 < used.computed <= 6, "only the edited file's results (YAML, privacy, script, other hosts, links, names) are computed"
    assert found == check(project_copy, remember=False)[0]
    assert any("minutes/norra/2021-05-05.md" in p and "070-174 06 05" in p for p in found)
    assert any("minutes/norra/2021-05-05.md" in p and "skript" in p for p in found)
    assert validate(project_copy).returncode == 1, "make check reports it too"


def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The content files read from now on (as shown to editors)."""
    seen: list[str] = []
    original = load.read_text

    def counted(path: Path, shown: str, problems: list) -> str | None:
        seen.append(shown)
        return original(path, shown, problems)

    monkeypatch.setattr(load, "read_text", counted)
    return seen


def test_unchanged_files_are_not_read_again(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "RACY_NS", 0)  # the copy's files count as old enough to trust
    first, _ = check(project_copy)
    seen = reads(monkeypatch)
    again, used = check(project_copy)
    assert used.computed == 0 and again == first
    assert not [shown for shown in seen if shown.startswith(("minutes/", "projects/")) and shown.endswith(".md")], seen
    assert again == check(project_copy, remember=False)[0]


def test_a_file_rewritten_with_the_same_size_and_time_is_read_again(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Size and modification time can be kept by a tool (or set back by hand); the change time cannot."""
    monkeypatch.setattr(memo, "RACY_NS", 0)
    check(project_copy)
    path = project_copy / "minutes" / "norra" / "2021-05-05.md"
    before, text = path.stat(), path.read_text(encoding="utf-8")
    body = text.index("\n---\n") + 5
    span = re.compile(r" [A-Za-z ]{13} ").search(text, body)  # words of the body, replaced by as many bytes
    assert span is not None
    path.write_text(text[: span.start()] + " 070-174 06 05 " + text[span.end() :], encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    found, _ = check(project_copy)
    assert any(p.startswith("minutes/norra/2021-05-05.md:") and "070-174 06 05" in p for p in found)


def test_a_file_changed_just_now_is_not_trusted_by_its_times(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write in the same tick of the clock as the reading would keep size and times: such a
    file is recorded only when its last change is RACY_NS older than the run."""
    path = project_copy / "minutes" / "norra" / "2021-05-05.md"
    check(project_copy)  # the copy was made just now
    with memo.kept_in(project_copy / memo.FOLDER):
        assert memo.known_file(path, path.stat(), lambda stored: stored) is None
    monkeypatch.setattr(memo, "RACY_NS", 0)
    check(project_copy)
    with memo.kept_in(project_copy / memo.FOLDER):
        assert memo.known_file(path, path.stat(), lambda stored: stored) is not None


def test_a_file_changed_while_the_run_reads_it_stops_the_run(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "RACY_NS", 0)
    check(project_copy)
    path = project_copy / "minutes" / "norra" / "2021-05-05.md"
    with memo.kept_in(project_copy / memo.FOLDER):
        doc = load.read_document(path, "minutes/norra/2021-05-05.md", [])
        assert doc is not None and doc.body_text.digest  # known: not read yet
        path.write_text(path.read_text(encoding="utf-8") + "\nEtt tillägg.\n", encoding="utf-8")
        with pytest.raises(memo.ChangedDuringRun, match="minutes/norra/2021-05-05.md: filen ändrades"):
            doc.body


def test_a_project_renamed_changes_the_suggestions(project_copy: Path) -> None:
    """Which projects a body names depends on every project's names: a rename is seen."""
    before, _ = check(project_copy)
    path = project_copy / "projects" / "aurum-locus.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Aurum Locus\n", "title: Aurum Locus\naliases: [Töreboda]\n", 1), encoding="utf-8")
    after, _ = check(project_copy)
    assert after == check(project_copy, remember=False)[0]
    new = set(after) - set(before)
    assert any(p.startswith("minutes/gemensam/2023-02-01.md:") and "texten nämner Aurum Locus" in p for p in new), new


@pytest.mark.parametrize(
    "content",
    [
        "not json at all",
        json.dumps({"format": 2, "engine": "another engine", "entries": {}}),
        None,  # the right engine, every entry replaced by something this engine never writes
    ],
)
def test_a_memo_that_cannot_be_trusted_is_ignored(project_copy: Path, content: str | None) -> None:
    expected, _ = check(project_copy)
    files = sorted((project_copy / memo.FOLDER / memo.SHARDS).glob("*.json"))
    for path in files:
        if content is None:
            kept = json.loads(path.read_text(encoding="utf-8"))
            kept["entries"] = {key: [["x"], {"y": None}] for key in kept["entries"]}
            path.write_text(json.dumps(kept), encoding="utf-8")
        else:
            path.write_text(content, encoding="utf-8")
    found, used = check(project_copy)
    assert found == expected and used.computed > 0
    for path in files:
        assert json.loads(path.read_text(encoding="utf-8"))["engine"] == used.engine, "and written anew"
    assert check(project_copy)[1].computed == 0


def test_a_run_rewrites_only_the_files_whose_entries_changed(project_copy: Path) -> None:
    def files() -> dict[Path, int]:
        return {path: path.stat().st_ino for path in (project_copy / memo.FOLDER / memo.SHARDS).glob("*.json")}  # a rewrite is a new file

    check(project_copy)
    before = files()
    path = project_copy / "minutes" / "norra" / "2021-05-05.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nEtt tillägg.\n", encoding="utf-8")
    check(project_copy)
    after = files()
    written = [p for p, inode in after.items() if before.get(p) != inode]
    assert 0 < len(written) <= 5 < len(after), "privacy, active content, requests to other hosts, links and names of the one file"


def test_the_memo_is_plain_json_in_the_ignored_cache_folder(project_copy: Path) -> None:
    check(project_copy)
    for path in (project_copy / memo.FOLDER / memo.SHARDS).glob("*.json"):
        assert set(json.loads(path.read_text(encoding="utf-8"))) == {"format", "engine", "entries"}
    kinds = {key.split(":")[0] for key in stored(project_copy)}
    assert {"yaml", "privacy", "activecontent", "offsite", "bodylinks", "names"} <= kinds <= {"yaml", "privacy", "activecontent", "offsite", "bodylinks", "names", "file"}
    assert ".cache/" in (Path(__file__).parent.parent / ".gitignore").read_text(encoding="utf-8").split()
    assert not list((project_copy / memo.FOLDER).rglob(".memo-*")), "no half-written file is left"


def test_without_an_open_memo_nothing_is_kept() -> None:
    calls = []
    for _ in range(2):
        assert memo.remembered("kind", "text", lambda: calls.append(1) or 42) == 42
    assert len(calls) == 2


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n",
        "title: Möte\nlist:\n  - x: 1\n    y: [a, b]\n  - ''\nnested:\n  deeper:\n    - - 1\n      - true\n    - null\n",
        "- 1\n- two\n",
        "just text\n",
    ],
)
def test_parsed_yaml_comes_back_the_same_from_json(text: str) -> None:
    parsed = strictyaml.load(text)
    stored = json.loads(json.dumps(parsed.to_json()))
    back = Parsed.from_json(stored)
    assert back.data == parsed.data and back.lines == parsed.lines


def test_a_build_that_remembers_writes_the_same_site(project_copy: Path, tmp_path: Path) -> None:
    """The build (mkdocs serve rebuilds on every save) uses the memo too: same site, byte for byte."""
    first, again = tmp_path / "first", tmp_path / "again"
    time.sleep(max(0, max(p.stat().st_ctime_ns for p in project_copy.rglob("*.md")) + memo.RACY_NS - time.time_ns()) / 1e9)
    assert mkdocs_build(project_copy, first).returncode == 0
    assert {key.split(":")[0] for key in stored(project_copy)} >= {"yaml", "privacy", "activecontent", "offsite", "bodylinks", "names", "headings", "file"}
    assert mkdocs_build(project_copy, again).returncode == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert [f for f in files if (first / f).read_bytes() != (again / f).read_bytes()] == []
