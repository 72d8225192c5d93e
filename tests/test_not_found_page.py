"""The page for an address that does not exist (hooks/theme/404.html): Swedish, one h1,
a way on to the start page and the search. axe and the keyboard walk check it with
the other pages (browser.PAGES)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from browser import browser, served_site  # noqa: F401
from bs4 import BeautifulSoup
from playwright.sync_api import Browser


def not_found(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml")


def test_the_page_is_swedish_with_one_heading_and_its_own_title(site: Path) -> None:
    page = not_found(site)
    assert page.html["lang"] == "sv"
    assert [h1.get_text(strip=True) for h1 in page.find_all("h1")] == ["Sidan finns inte"]
    assert page.title.get_text(strip=True) == "Sidan finns inte - Samordningsförbundet Skaraborg"
    assert "Not found" not in page.get_text() and "404" not in page.article.get_text()


def test_the_page_leads_to_the_start_page_and_the_search(site: Path) -> None:
    links = {a.get_text(strip=True): a for a in not_found(site).article.find_all("a")}
    assert set(links) == {"startsidan", "sök på webbplatsen"}
    assert links["startsidan"]["href"] in ("/", "/.")  # absolute: the page is served at any missing address
    assert links["sök på webbplatsen"].has_attr("data-fm-search-open")


def test_the_page_is_not_in_the_search_index(site: Path) -> None:
    urls = [json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])["url"] for path in (site / "pagefind" / "fragment").glob("*.pf_fragment")]
    assert urls and not [url for url in urls if "404" in url]


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 375, "height": 700}], ids=["wide", "narrow"])
def test_the_search_link_opens_the_search_box_by_keyboard(browser: Browser, served_site: str, viewport: dict) -> None:  # noqa: F811
    page = browser.new_page(viewport=viewport)  # type: ignore[arg-type]
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served_site + "404.html")  # GitHub Pages serves it at any missing address; the test server does not
    link = page.get_by_role("link", name="sök på webbplatsen")
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("Cresco")
    page.locator(".md-search-result__link").first.wait_for()
    assert errors == []
    # The page's base is "/", not a relative path: Pagefind still comes from this site.
    assert any("/pagefind/pagefind.js" in url for url in requests)
    assert [url for url in requests if not url.startswith(served_site)] == []
    page.close()
