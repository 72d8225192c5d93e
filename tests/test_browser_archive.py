"""Archive, minutes and calendar pages in a real Chromium: collapsible attendance, links, WCAG 2.1 AA."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from browser import browser, served_site  # noqa: F401
from playwright.sync_api import Browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}
PAGES = (
    "minnesanteckningar/",
    "minnesanteckningar/norra/",
    "minnesanteckningar/norra/2021-05-05/",
    "minnesanteckningar/gemensam/2023-02-01/",
    "kalender/",
)


def test_attendance_is_collapsed_until_opened(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(served_site + "minnesanteckningar/norra/2021-05-05/")
    name = page.locator("details.fm-attendance li", has_text="Peter Larsson")
    assert not name.is_visible()
    page.locator("details.fm-attendance summary").click()
    assert name.is_visible()
    page.close()


def test_announced_meeting_links_to_its_calendar_entry(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(served_site + "minnesanteckningar/norra/2021-05-05/")
    page.locator("section.fm-next a", has_text="24 augusti 2021").click()
    page.wait_for_url("**/kalender/#norra-20210824T0900")
    assert "Beredningsgrupp norra" in page.locator("#norra-20210824T0900").inner_text()
    page.close()


def test_pages_have_no_wcag_violations_in_their_content(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = browser.new_page()
    axe = Axe()
    for url in PAGES:
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.goto(served_site + url)
            # The article is what this feature renders; the theme's header and footer are checked elsewhere.
            results = axe.run(page, context="article", options=WCAG_21_AA)
            assert results.violations_count == 0, f"{url} ({scheme}):\n{results.generate_report()}"
    page.close()
