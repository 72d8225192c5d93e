"""Browser-test helpers: serve a built site on localhost and drive Debian's Chromium.

Playwright cannot download its own browser here, so it launches /usr/bin/chromium
(installed by `make test`). The flags keep Chromium from calling Google's hosts,
which this machine's closed network refuses. Import the fixtures in a test module
with `from browser import browser, served_site  # noqa: F401`.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

CHROMIUM = "/usr/bin/chromium"
# The site's pages that the browser tests visit (console errors, links, axe in
# both palettes, keyboard focus). A feature that adds a page adds it here.
PAGES = [
    "",
    "minnesanteckningar/",
    "minnesanteckningar/norra/",
    "minnesanteckningar/norra/2021-05-05/",
    "kalender/",
    "projekt/",
    "projekt/cresco-creare/",
    "projekt/soker-deltagare/",
    "tillganglighet/",
    "kontakt/",
    "personuppgifter/",
    "404.html",  # what a visitor sees at an address that does not exist
]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def served_site(site: Path) -> Iterator[str]:
    """The session's built site on http://127.0.0.1:<free port>/ ."""
    with serve_directory(site) as url:
        yield url


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Any built site (e.g. a test's own build of a project copy) on http://127.0.0.1:<free port>/ ."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Every test module imports `browser`, so pytest makes one session fixture per module;
# Playwright's sync API cannot run twice at once, so they share one Chromium here.
_shared: dict = {"users": 0}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the session. Fails (never skips) when it is missing."""
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium"
    if _shared["users"] == 0:
        _shared["playwright"] = sync_playwright().start()
        _shared["chromium"] = _shared["playwright"].chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    _shared["users"] += 1
    try:
        yield _shared["chromium"]
    finally:
        _shared["users"] -= 1
        if _shared["users"] == 0:
            _shared["chromium"].close()
            _shared["playwright"].stop()
