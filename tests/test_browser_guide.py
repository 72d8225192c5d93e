"""The editors' guide in a real Chromium: WCAG 2.1 AA, and the reference's in-page links."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from browser import browser, served_site  # noqa: F401
from playwright.sync_api import Browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}


def test_guide_pages_have_no_wcag_violations(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = browser.new_page()
    axe = Axe()
    for url in ("redaktorer/", "redaktorer/faltreferens/"):
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.goto(served_site + url)
            results = axe.run(page, context="article", options=WCAG_21_AA)
            assert results.violations_count == 0, f"{url} ({scheme}):\n{results.generate_report()}"
    page.close()


def test_the_reference_reflows_on_a_phone(browser: Browser, served_site: str) -> None:  # noqa: F811
    """WCAG 1.4.10: at 320 CSS pixels nothing but code needs sideways scrolling."""
    page = browser.new_page(viewport={"width": 320, "height": 800})
    page.goto(served_site + "redaktorer/faltreferens/")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('article *')]
            .filter(e => !e.closest('pre') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(e => e.tagName + ' ' + e.textContent.slice(0, 40))"""
    )
    assert wide == []
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.close()


def test_reference_links_lead_to_their_sections(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(served_site + "redaktorer/")
    page.locator("article a", has_text="fältreferensen").click()
    page.wait_for_url("**/redaktorer/faltreferens/")
    page.locator("nav.fm-fieldref-index a", has_text="Projekt").click()
    page.wait_for_url("**/faltreferens/#projekt")
    assert page.locator("#projekt").is_visible()
    page.locator("#falt-minnesanteckningar-next_meetings + dd a").click()
    page.wait_for_url("**/faltreferens/#minnesanteckningar-next_meetings")
    assert page.locator("#minnesanteckningar-next_meetings").is_visible()
    page.close()
