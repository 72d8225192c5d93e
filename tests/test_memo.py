"""memo: what `make check` and the build remember between runs changes nothing they find.

The memo only saves work: every test here compares a run that remembers with
one that computes everything, on the real content and on content that changed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import validate
from forening import memo
from forening.checks import check_sources
from forening.strictyaml import Parsed, load
from forening.validate import Layout


def check(root: Path, remember: bool = True) -> tuple[list[str], memo.Memo]:
    """Every problem of `make check` over `root`, as text, and the memo it ran with."""
    with memo.kept_in(root / memo.FOLDER if remember else None) as used:
        _, problems = check_sources(Layout(root=root))
    return sorted(map(str, problems)), used


def test_a_second_run_remembers_everything_and_finds_the_same(project_copy: Path) -> None:
    first, memo_first = check(project_copy)
    assert memo_first.computed > 0 and (project_copy / memo.FOLDER / memo.FILE).is_file()
    again, memo_again = check(project_copy)
    assert memo_again.computed == 0, "nothing changed, so nothing is computed again"
    assert again == first == check(project_copy, remember=False)[0]


def test_an_edited_file_is_read_again(project_copy: Path) -> None:
    check(project_copy)
    path = project_copy / "minutes" / "norra" / "2021-05-05.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nRing 070-174 06 05.\n\n<script>alert(1)</script>\n", encoding="utf-8")
    found, used = check(project_copy)
    assert 0 < used.computed <= 4, "only the edited file's results (YAML, privacy, script, names) are computed"
    assert found == check(project_copy, remember=False)[0]
    assert any("minutes/norra/2021-05-05.md" in p and "070-174 06 05" in p for p in found)
    assert any("minutes/norra/2021-05-05.md" in p and "skript" in p for p in found)
    assert validate(project_copy).returncode == 1, "make check reports it too"


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
        json.dumps({"format": 1, "engine": "another engine", "entries": {}}),
        None,  # the right engine, every entry replaced by something this engine never writes
    ],
)
def test_a_memo_that_cannot_be_trusted_is_ignored(project_copy: Path, content: str | None) -> None:
    expected, _ = check(project_copy)
    path = project_copy / memo.FOLDER / memo.FILE
    if content is None:
        stored = json.loads(path.read_text(encoding="utf-8"))
        stored["entries"] = {key: [["x"], {"y": None}] for key in stored["entries"]}
        content = json.dumps(stored)
    path.write_text(content, encoding="utf-8")
    found, used = check(project_copy)
    assert found == expected and used.computed > 0
    assert json.loads(path.read_text(encoding="utf-8"))["engine"] == used.engine, "and written anew"


def test_the_memo_is_plain_json_in_the_ignored_cache_folder(project_copy: Path) -> None:
    check(project_copy)
    stored = json.loads((project_copy / memo.FOLDER / memo.FILE).read_text(encoding="utf-8"))
    assert set(stored) == {"format", "engine", "entries"}
    assert {key.split(":")[0] for key in stored["entries"]} == {"yaml", "privacy", "activecontent", "mentions"}
    assert ".cache/" in (Path(__file__).parent.parent / ".gitignore").read_text(encoding="utf-8").split()
    assert not list((project_copy / memo.FOLDER).glob(".memo-*")), "no half-written file is left"


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
    parsed = load(text)
    stored = json.loads(json.dumps(parsed.to_json()))
    back = Parsed.from_json(stored)
    assert back.data == parsed.data and back.lines == parsed.lines
