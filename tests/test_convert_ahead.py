"""convert_ahead: a page converted in the helper is the page MkDocs converts itself.

The real project's pages, from the adapter's own `on_files`, converted both ways in
this process: by MkDocs' `Page.render`, and through `ConvertAhead` once the helper
has converted every page. Then the warnings a broken link gives, and the cases where
this process must convert a page itself.
"""

from __future__ import annotations

import filecmp
import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import BUILD_DATE, ROOT, copy_project, mkdocs_build
from convert_ahead import ConvertAhead
from forening.helper import Helper
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files, set_exclusions
from mkdocs.structure.pages import Page

sys.path.insert(0, str(ROOT / "scripts"))
from benchmark import synthetic  # noqa: E402

BROKEN = "Läs mer i [protokollet](../saknas.md) och [beslutet](#finns-inte)."


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[MkDocsConfig, Files]]:
    """The real project's config and files after the adapter's `on_files` (our pages added)."""
    with _files_of(ROOT, monkeypatch) as found:
        yield found


@contextmanager
def _files_of(root: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[MkDocsConfig, Files]]:
    monkeypatch.setenv("SITE_TODAY", BUILD_DATE)
    config = load_config(str(root / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    try:
        files = config.plugins.on_files(get_files(config), config=config)
        set_exclusions(files, config)
        yield config, files
    finally:
        config.plugins.on_shutdown()  # the adapter's own helper


def _generated(files: Files) -> list[File]:
    return [file for file in files.documentation_pages() if file.generated_by is not None]


def _handed_over(helper: Helper, files: Files, config: MkDocsConfig) -> ConvertAhead:
    """Every generated page's text handed to the helper, in pieces of three."""
    return ConvertAhead(helper, {file.src_uri: file.content_string for file in _generated(files)}, files, config, chunk=3)


def _ahead(helper: Helper, files: Files, config: MkDocsConfig) -> ConvertAhead:
    """Every generated page handed over, and converted: the helper runs its work in order."""
    ahead = _handed_over(helper, files, config)
    helper.submit(int).result()  # queued behind every piece
    return ahead


def _read(file: File, config: MkDocsConfig) -> Page:
    page = Page(None, file, config)
    page.read_source(config)
    return page


def _rendered(page: Page) -> tuple:
    """All that `Page.render` leaves on a page, comparable."""
    links = {target.src_uri: anchors for target, anchors in (page.links_to_anchors or {}).items()}
    return page.content, str(page.toc), [(item.id, item.level) for item in page.toc], page._title_from_render, page.present_anchor_ids, links


def _render(file: File, config: MkDocsConfig, files: Files, ahead: ConvertAhead | None = None) -> Page:
    """The page of `file` rendered as in a build: by MkDocs, or through `ahead` as the adapter sets it up."""
    page = _read(file, config)
    if ahead is not None:
        page.render = ahead.renderer(page)  # type: ignore[method-assign]
    page.render(config, files)
    assert "render" not in vars(page)  # the page is MkDocs' own again
    return page


def _converted(files: Files, config: MkDocsConfig, caplog: pytest.LogCaptureFixture, ahead: ConvertAhead | None = None) -> dict[str, tuple]:
    """Every generated page rendered (see `_render`): what it holds and what was logged meanwhile."""
    found = {}
    for file in _generated(files):
        caplog.clear()
        page = _render(file, config, files, ahead)
        found[file.src_uri] = (*_rendered(page), [(r.name, r.levelno, r.getMessage()) for r in caplog.records])
    return found


class _Counted:
    """Counts the conversions MkDocs' `Page.render` does in this process."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        render = Page.render

        def counted(page: Page, config: MkDocsConfig, files: Files) -> None:
            self.calls += 1
            render(page, config, files)

        monkeypatch.setattr(Page, "render", counted)


def test_the_helpers_pages_are_the_pages_mkdocs_converts(built, helper: Helper, caplog, monkeypatch) -> None:
    config, files = built
    caplog.set_level(logging.INFO)
    expected = _converted(files, config, caplog)
    assert len(expected) > 20 and any(toc for _, toc, *_ in expected.values())
    ahead = _ahead(helper, files, config)
    here = _Counted(monkeypatch)
    assert _converted(files, config, caplog, ahead) == expected
    assert here.calls == 0  # every page came from the helper
    assert not helper.broken


def test_a_broken_link_warns_in_the_pages_turn(tmp_path: Path, helper: Helper, caplog, monkeypatch) -> None:
    """What MkDocs logs while converting a page is logged in that page's turn when the helper
    converted it. A broken link is one such warning (forening.bodylinks finds it before the
    build; left out here, so that MkDocs' own warning is what is replayed)."""
    from forening import bodylinks, checks

    monkeypatch.setattr(checks, "SOURCE_CHECKS", [check for check in checks.SOURCE_CHECKS if check is not bodylinks.check_links])
    root = copy_project(tmp_path / "project")
    minutes = root / "minutes" / "norra" / "2021-05-05.md"
    minutes.write_text(minutes.read_text(encoding="utf-8") + f"\n{BROKEN}\n", encoding="utf-8")
    with _files_of(root, monkeypatch) as (config, files):
        caplog.set_level(logging.INFO)
        expected = _converted(files, config, caplog)
        warned = [logged for *_, logged in expected.values() if logged]
        assert len(warned) == 1 and "saknas.md" in warned[0][0][2] and warned[0][0][1] == logging.WARNING
        ahead = _ahead(helper, files, config)
        here = _Counted(monkeypatch)
        assert _converted(files, config, caplog, ahead) == expected
        assert here.calls == 0


def test_a_broken_link_in_minutes_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    """Before anything is converted: the source check names the body's line (forening.bodylinks)."""
    minutes = project_copy / "minutes" / "norra" / "2021-05-05.md"
    minutes.write_text(minutes.read_text(encoding="utf-8") + f"\n{BROKEN}\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "minutes/norra/2021-05-05.md:" in result.stderr and "sidan `../saknas.md` finns inte på webbplatsen" in result.stderr


def test_a_page_changed_after_it_was_handed_over_is_converted_here(built, helper: Helper, caplog, monkeypatch) -> None:
    config, files = built
    ahead = _ahead(helper, files, config)
    here = _Counted(monkeypatch)
    file = _generated(files)[-1]
    page = _read(file, config)
    page.markdown = f"{page.markdown}\n\nEtt tillägg av ett annat tillägg.\n"  # as another plugin's on_page_markdown might
    page.render = ahead.renderer(page)  # type: ignore[method-assign]
    page.render(config, files)
    assert here.calls == 1 and "Ett tillägg av ett annat tillägg." in (page.content or "")


def test_pages_the_helper_has_not_started_are_converted_here(built, helper: Helper, caplog, monkeypatch) -> None:
    config, files = built
    helper.submit(time.sleep, 3)  # the helper is busy with other work
    ahead = _handed_over(helper, files, config)
    here = _Counted(monkeypatch)
    started = time.monotonic()
    page = _render(_generated(files)[0], config, files, ahead)
    assert here.calls == 1 and page.content
    assert time.monotonic() - started < 2  # it did not wait for the helper


def test_a_dead_helper_leaves_the_pages_to_this_process(built, helper: Helper, caplog, monkeypatch) -> None:
    config, files = built
    caplog.set_level(logging.INFO)
    expected = _converted(files, config, caplog)
    helper.submit(os._exit, 1)  # the helper process ends as if killed, before it converts anything
    ahead = _handed_over(helper, files, config)
    assert helper.result_or(helper.submit(int), lambda: -1) == -1 and helper.broken
    here = _Counted(monkeypatch)
    assert _converted(files, config, caplog, ahead) == expected
    assert here.calls == len(expected)


def _build_in_process(root: Path, site_dir: Path) -> None:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()  # the adapter's helper


def _differing(left: Path, right: Path) -> list[str]:
    """Every file that is not byte for byte the same in the two folders (or in one only)."""
    compared = filecmp.dircmp(left, right)
    found = [*compared.left_only, *compared.right_only, *compared.diff_files, *compared.funny_files]
    found += [f"{name}/{inner}" for name in compared.subdirs for inner in _differing(left / name, right / name)]
    return found


def test_a_build_whose_pages_all_come_from_the_helper_is_the_build_without_it(tmp_path: Path, monkeypatch) -> None:
    """The whole build (templates, tables of contents, anchors checked, Pagefind) over
    a synthetic archive: once with every generated page converted in the helper before
    MkDocs reaches it, once with every page converted here."""
    root = tmp_path / "project"
    synthetic.generate(ROOT, root, minutes=60, seed=2)
    monkeypatch.setenv("SITE_TODAY", BUILD_DATE)
    hand_written = sum(1 for path in (root / "docs").rglob("*.md"))

    handed = ConvertAhead.__init__

    def converted_first(self: ConvertAhead, helper: Helper, *args, **kwargs) -> None:
        handed(self, helper, *args, **kwargs)
        helper.submit(int).result()  # queued behind every piece: all are converted

    with monkeypatch.context() as patched:
        patched.setattr(ConvertAhead, "__init__", converted_first)
        here = _Counted(patched)
        _build_in_process(root, tmp_path / "ahead")
        assert here.calls == hand_written  # the generated pages all came from the helper

    with monkeypatch.context() as patched:
        patched.setattr(ConvertAhead, "_converted", lambda self, page: None)
        here = _Counted(patched)
        _build_in_process(root, tmp_path / "here")
        assert here.calls > 60 + hand_written

    assert _differing(tmp_path / "ahead", tmp_path / "here") == []
