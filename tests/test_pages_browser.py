"""Every page in `browser.PAGES` loads in Chromium cleanly, and its internal links resolve.

Clean means: no console error, no failed request, no request to any other host
(the site works offline). A link resolves when the server answers 200 and, for
a link with #fragment, the target page has an element with that id.
"""

from __future__ import annotations

from urllib.parse import urldefrag, urlsplit

import pytest
from browser import PAGES, browser, served_site  # noqa: F401
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_errors_or_other_hosts(browser: Browser, served_site: str, path: str) -> None:  # noqa: F811
    page = browser.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", lambda request: errors.append(f"failed: {request.url}"))
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(served_site + path, wait_until="networkidle")
    assert response is not None and response.ok
    assert page.locator("h1").first.inner_text().strip()
    assert errors == []
    assert [url for url in requests if not url.startswith(served_site)] == []
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_internal_links_resolve(browser: Browser, served_site: str, path: str) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(served_site + path)
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    internal = {href for href in hrefs if href.startswith(served_site)}
    assert len(internal) >= 3
    bodies: dict[str, str] = {}
    for href in sorted(internal):
        target, fragment = urldefrag(href)
        if target not in bodies:
            response = page.request.get(target)
            assert response.status == 200, f"{path}: {href} answers {response.status}"
            bodies[target] = response.text() if urlsplit(target).path.endswith(("/", ".html")) else ""
        if fragment:
            soup = BeautifulSoup(bodies[target], "lxml")
            assert soup.find(id=fragment) is not None, f"{path}: {href} has no #{fragment}"
    page.close()
