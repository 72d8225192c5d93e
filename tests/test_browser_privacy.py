"""In a real Chromium: every page type loads nothing from another host, sets no cookie,
and keeps in the browser's storage only what /personuppgifter/ says."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from browser import PAGES, browser, served_site  # noqa: F401
from playwright.sync_api import Browser, BrowserContext, Route

NOT_NETWORK = ("data", "blob", "about")


class Watched:
    """A browser context that refuses, and records, every request to another host."""

    def __init__(self, context: BrowserContext, local: str):
        self.context = context
        self.local = local
        self.foreign: list[str] = []
        self.local_requests: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in NOT_NETWORK:
            route.continue_()
        elif parts.scheme in ("http", "https") and parts.netloc == self.local:
            self.local_requests.append(url)
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


@pytest.fixture
def watched(browser: Browser, served_site: str) -> Iterator[Watched]:  # noqa: F811
    context = browser.new_context()
    yield Watched(context, urlsplit(served_site).netloc)
    context.close()


def test_watcher_catches_a_foreign_request(watched: Watched, served_site: str) -> None:  # noqa: F811
    page = watched.context.new_page()
    page.goto(served_site)
    page.set_content('<img src="https://fonts.example.org/x.png"><p>x</p>')
    page.wait_for_load_state("networkidle")
    assert watched.foreign == ["https://fonts.example.org/x.png"]


def test_every_page_type_is_local_only_and_cookie_free(watched: Watched, served_site: str) -> None:  # noqa: F811
    # Home, archive, group archive, minutes, calendar, catalogue, project, contact,
    # privacy notice, accessibility statement: browser.PAGES.
    assert {"kontakt/", "personuppgifter/", "projekt/cresco-creare/", "minnesanteckningar/norra/"} <= set(PAGES)
    page = watched.context.new_page()
    for url in PAGES:
        response = page.goto(served_site + url)
        assert response is not None and response.ok, url
        page.wait_for_load_state("networkidle")
        page.locator("a.md-nav__link").first.hover()  # instant navigation prefetches on hover

    # Use the search (Pagefind loads its index now) and switch the colour scheme.
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially("Cresco")
    page.locator(".md-search-result__link").first.wait_for()
    page.keyboard.press("Escape")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_load_state("networkidle")

    assert watched.foreign == []
    assert any("/pagefind/" in u for u in watched.local_requests)
    assert watched.context.cookies() == []
    assert page.evaluate("document.cookie") == ""

    local_keys = page.evaluate("Object.keys(localStorage)")
    assert page.evaluate("Object.keys(sessionStorage)") == []
    assert local_keys == ["/.__palette"], local_keys
    notice = watched.context.new_page()
    notice.goto(served_site + "personuppgifter/")
    text = notice.locator("article").inner_text()
    assert "`/.__palette`" in text or "/.__palette" in text
    assert "Ingenting sparas i sessionStorage" in text and "inga kakor" in text
