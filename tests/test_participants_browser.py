"""Places left and events in a real Chromium, on the content built as on 1 April 2021.

Then Elings ark and Måla för hälsan take participants (seed 000) and the open
house, the heldagar and the conference are all ahead, so the catalogue's
"Söker deltagare" filter and the events in the calendar can be used and checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser import browser  # noqa: F401
from conftest import ROOT, mkdocs_build_on
from playwright.sync_api import Browser, expect
from test_catalogue_browser import choose_by_keyboard, query, serve, tab_to, visible_titles

TOTAL = 17
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def april_2021(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("april-2021")
    result = mkdocs_build_on("2021-04-01", ROOT, site)
    assert result.returncode == 0, result.stderr
    with serve(Path(site)) as url:
        yield url


def test_the_seeking_filter_works_by_keyboard_and_lives_in_the_url(browser: Browser, april_2021: str) -> None:  # noqa: F811
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(april_2021 + "projekt/")
    count = page.get_by_role("status")
    expect(count).to_have_text(f"Visar alla {TOTAL} projekt.")
    assert visible_titles(page)[:2] == ["Elings ark", "Måla för hälsan"]  # first, under "Söker deltagare"
    tab_to(page, "fm-filter-deltagare")
    choose_by_keyboard(page, "fm-filter-deltagare", "soker")
    expect(count).to_have_text(f"Visar 2 av {TOTAL} projekt.")
    assert visible_titles(page) == ["Elings ark", "Måla för hälsan"]
    assert query(page) == {"deltagare": ["soker"]}
    expect(page.get_by_role("heading", name="Individinriktade insatser")).to_be_hidden()
    page.reload()
    expect(count).to_have_text(f"Visar 2 av {TOTAL} projekt.")
    page.goto(april_2021 + "projekt/?deltagare=soker&status=avslutat")  # a shared link
    expect(count).to_have_text(f"Inget av {TOTAL} projekt matchar filtret.")
    assert errors == []
    page.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_new_pages_meet_wcag_aa(browser: Browser, april_2021: str, color_scheme: str) -> None:  # noqa: F811
    context = browser.new_context(color_scheme=color_scheme)  # type: ignore[arg-type]
    page = context.new_page()
    for url in ("projekt/", "projekt/soker-deltagare/", "projekt/elings-ark/", "kalender/", "minnesanteckningar/gemensam/2021-03-01/"):
        page.goto(april_2021 + url)
        results = Axe().run(page, context="article", options=WCAG_AA)
        violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
        assert violations == [], (url, violations)
    context.close()


def test_an_event_link_on_the_minutes_page_lands_on_the_calendar_entry(browser: Browser, april_2021: str) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(april_2021 + "minnesanteckningar/gemensam/2021-03-01/")
    page.locator("section.fm-events a", has_text="Gemensam heldag").click()
    page.wait_for_url("**/kalender/#evenemang-heldag-20210421")
    expect(page.locator("#evenemang-heldag-20210421")).to_contain_text("Heldag: Gemensam heldag, digitalt")
    page.close()
