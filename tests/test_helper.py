"""forening.helper: work handed to a second process gives what the build would compute itself."""

from __future__ import annotations

import datetime as dt
import os

from conftest import ROOT
from forening import pages
from forening.helper import Helper
from forening.validate import Layout, load_archive

SETTINGS = {"site_url": "https://example.invalid/", "site_name": "Samordningsförbundet Skaraborg", "project_root": str(ROOT)}


def _build() -> pages.Build:
    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    return pages.Build(archive=archive, today=dt.date(2026, 11, 23), settings=SETTINGS)


def test_work_runs_in_another_process(helper: Helper) -> None:
    assert helper.submit(os.getpid).result() != os.getpid()


def test_a_dead_helper_leaves_the_work_to_the_build(helper: Helper) -> None:
    helper.submit(os._exit, 1)  # the helper process ends as if killed
    future = helper.submit(os.getpid)
    assert helper.result_or(future, os.getpid) == os.getpid()
    assert helper.broken


def _by_dest(assets: list[pages.Asset]) -> list[pages.Asset]:
    return sorted(assets, key=lambda asset: asset.dest)


def test_the_site_generated_with_a_helper_is_the_site_generated_without(helper: Helper) -> None:
    build = _build()
    got_pages, ready, later = pages.generate_site(build, helper)
    calendars = later.assets()
    assert not helper.broken  # the calendars were written in the helper
    assert got_pages == pages.generate(build) == [page for generator in pages.GENERATORS for page in generator(build)]
    assert _by_dest(ready + calendars) == _by_dest(pages.generate_assets(build))
    assert [asset.dest for asset in calendars] == later.dests  # known before they were made
    assert len(calendars) == 1 + len(build.archive.group_order)
    assert all(asset.dest.endswith(".ics") and b"BEGIN:VEVENT" in (asset.content or b"") for asset in calendars)


def test_the_site_generated_without_a_working_helper_is_the_same(helper: Helper) -> None:
    build = _build()
    helper.submit(os._exit, 1)
    got_pages, ready, later = pages.generate_site(build, helper)
    calendars = later.assets()
    assert helper.broken
    assert got_pages == pages.generate(build)
    assert _by_dest(ready + calendars) == _by_dest(pages.generate_assets(build))
