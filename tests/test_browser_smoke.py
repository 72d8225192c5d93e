"""The built site opens in a real Chromium: home page, archive and a minutes page."""

from __future__ import annotations

from browser import browser, served_site  # noqa: F401
from playwright.sync_api import Browser


def test_pages_load_without_console_errors(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for url in ("", "minnesanteckningar/", "minnesanteckningar/norra/2021-05-05/", "projekt/"):
        response = page.goto(served_site + url)
        assert response is not None and response.ok, url
        assert page.locator("h1").first.inner_text().strip()
    assert errors == []
    page.close()
