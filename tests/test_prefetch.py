"""forening.prefetch: the source checks' work done ahead in the helper gives what this process would compute."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from forening import guard, prefetch, privacy
from forening.checks import check_sources
from forening.helper import Helper
from forening.memo import kept_in, remembered
from forening.validate import Layout

TEXTS = ["Ring 070-123 45 67.", "Skriv till anna.andersson@example.se.", "Inget här.", "Inget här."]


def _not_here() -> list[privacy.Finding]:
    raise AssertionError("computed in this process, not in the helper")


def _findings(text: str) -> list[privacy.Finding]:
    return remembered("privacy", text, _not_here, guard._findings_to_json, guard._findings_from_json)


def _work() -> list[prefetch.Work]:
    return [prefetch.Work("privacy", privacy.find, guard._findings_to_json, list(TEXTS))]


def test_the_memo_takes_the_helpers_results_instead_of_computing(helper: Helper) -> None:
    with kept_in(None) as memo:
        assert prefetch.ahead(helper, _work()) == 3  # the same text twice is one
        assert [_findings(text) for text in TEXTS] == [privacy.find(text) for text in TEXTS]
        assert memo.computed == 3
        assert prefetch.ahead(helper, _work()) == 0
    assert not helper.broken


def test_without_an_open_memo_nothing_is_handed_over(helper: Helper) -> None:
    assert prefetch.ahead(helper, _work()) == 0
    assert helper._pool is None  # not even started


def test_a_dead_helper_leaves_the_work_to_this_process(helper: Helper) -> None:
    helper.submit(os._exit, 1)  # the helper process ends as if killed
    with kept_in(None):
        prefetch.ahead(helper, _work())
        found = [remembered("privacy", text, lambda text=text: privacy.find(text), guard._findings_to_json, guard._findings_from_json) for text in TEXTS]
    assert found == [privacy.find(text) for text in TEXTS]
    assert any(found)


@pytest.mark.parametrize("kept", [False, True], ids=["memo-for-this-run", "memo-in-a-folder"])
def test_make_check_with_a_helper_finds_what_it_finds_without(project_copy: Path, tmp_path: Path, kept: bool, helper: Helper) -> None:
    minutes = project_copy / "minutes" / "norra" / "2021-05-05.md"
    text = minutes.read_text(encoding="utf-8")
    minutes.write_text(text + "\nRing Anna på 070-123 45 67 eller anna.andersson@example.se.\n\n<script>alert(1)</script>\n", encoding="utf-8")

    def problems(helper: Helper | None, name: str) -> list[str]:
        with kept_in(tmp_path / name if kept else None):  # each run starts with nothing remembered
            _, found = check_sources(Layout(root=project_copy), helper=helper)
        return sorted(map(str, found))

    without = problems(None, "without")
    with_helper = problems(helper, "with")
    assert helper._pool is not None  # the work was handed over
    assert with_helper == without
    assert any("070-123 45 67" in line for line in without)
    assert any("anna.andersson@example.se" in line for line in without)
    assert any("<script>" in line for line in without)
    assert not helper.broken
