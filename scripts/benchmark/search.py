"""What a visitor downloads to search: observed in Chromium, not estimated.

The built site is served on 127.0.0.1 by a threaded `http.server` that logs
every request it answers (so requests from web workers count too). Chromium,
driven by Playwright, opens the home page, opens the search, types a query
key by key, waits until the network is quiet, then types a second query.

- *first search*: every search file the page fetched while loading (paths under
  `search/` or `pagefind/`, and Material's search worker and lunr scripts: today's
  Material index is fetched at page load) plus every request made from opening
  the search until the first query's results are in;
- *typical query*: every request made while the second query is typed and answered.

Bytes are counted raw and as a server would send them gzip-compressed (level 6),
except files that already are gzip data (Pagefind's index chunks), counted as they are.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Locator, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

CHROMIUM = "/usr/bin/chromium"
# As in tests/browser.py: keep Chromium from calling Google's hosts.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SEARCH_PREFIXES = ("search/", "pagefind/", "assets/javascripts/workers/search", "assets/javascripts/lunr/")
SEARCH_INPUTS = "input.md-search__input, input[type=search], .pagefind-ui__search-input"
SEARCH_TOGGLES = "label[for=__search], button[aria-label*=Sök], [data-md-toggle=search] + label"
RESULTS = ".md-search-result__item, .pagefind-ui__result, [data-pagefind-result]"
QUIET_SECONDS = 1.5
# Keys are typed at 150 ms each, a brisk typist: search boxes that wait for a
# pause (Pagefind's debounced search waits 300 ms) search once per query.
TYPING_DELAY_MS = 150
RESULTS_TIMEOUT_MS = 180_000


@dataclass(frozen=True)
class Request:
    at: float
    path: str  # site-relative, e.g. search/search_index.json
    status: int
    file: Path | None


@dataclass
class Downloads:
    """Files fetched in one phase, with their raw and gzip-compressed bytes."""

    requests: int = 0
    raw_bytes: int = 0
    gzip_bytes: int = 0
    files: list[str] = field(default_factory=list)
    results: int | None = None  # search results shown at the end of the phase


@dataclass
class SearchCost:
    engine: str  # "pagefind" or "material-lunr", from what the page fetched
    page_load: Downloads
    first_search: Downloads
    typical_query: Downloads
    queries: tuple[str, str]

    def as_dict(self) -> dict:
        return asdict(self)


class _LoggingHandler(http.server.SimpleHTTPRequestHandler):
    log: list[Request]
    inflight: list[int]
    lock: threading.Lock

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        with self.lock:
            self.inflight[0] += 1
        self._status = 0
        try:
            super().do_GET()
        finally:
            path = unquote(urlsplit(self.path).path).lstrip("/")
            file = Path(self.translate_path(self.path))
            if file.is_dir():
                file = file / "index.html"
            with self.lock:
                self.log.append(Request(time.monotonic(), path, self._status, file if file.is_file() else None))
                self.inflight[0] -= 1

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = code
        super().send_response(code, message)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve(site: Path) -> Iterator[tuple[str, list[Request], _LoggingHandler]]:
    """The site on http://127.0.0.1:<free port>/, with the log of every request answered."""
    handler = type("Handler", (_LoggingHandler,), {"log": [], "inflight": [0], "lock": threading.Lock()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", handler.log, handler
    finally:
        server.shutdown()
        server.server_close()


def measure(site: Path, first_query: str, typical_query: str) -> SearchCost:
    """Open the site in Chromium, search twice, and count what was downloaded for it."""
    with serve(site) as (url, log, handler), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            page.goto(url, wait_until="load")
            _wait_quiet(handler)
            loaded = len(log)
            box = _open_search(page)
            box.press_sequentially(first_query, delay=TYPING_DELAY_MS)
            first_results = _results(page, handler)
            first_done = len(log)
            box.fill("")
            _wait_quiet(handler)
            typical_start = len(log)
            box.press_sequentially(typical_query, delay=TYPING_DELAY_MS)
            typical_results = _results(page, handler)
            requests = list(log)
        finally:
            browser.close()
    load_phase = requests[:loaded]
    first = [r for r in load_phase if r.path.startswith(SEARCH_PREFIXES)] + requests[loaded:first_done]
    return SearchCost(
        engine="pagefind" if any(r.path.startswith("pagefind/") for r in requests) else "material-lunr",
        page_load=_count(load_phase),
        first_search=_count(first, first_results),
        typical_query=_count(requests[typical_start:], typical_results),
        queries=(first_query, typical_query),
    )


def _open_search(page: Page) -> Locator:
    """The search box, focused: clicked in the header, or opened with the header's search button."""
    box = page.locator(SEARCH_INPUTS).first
    try:
        box.click(timeout=5000)
    except PlaywrightTimeout:  # folded away (narrow header) or covered: open it as a visitor would
        toggle = page.locator(SEARCH_TOGGLES).filter(visible=True)
        if toggle.count():
            toggle.first.click()
        box.focus()
    return box


def _results(page: Page, handler: type[_LoggingHandler]) -> int:
    """Wait for the first result and a quiet network, then count the results shown (0 if none came)."""
    try:
        page.locator(RESULTS).first.wait_for(state="visible", timeout=RESULTS_TIMEOUT_MS)
    except PlaywrightTimeout:
        pass  # no results is a finding for the report, not a crash
    _wait_quiet(handler)
    return page.locator(RESULTS).count()


def _wait_quiet(handler: type[_LoggingHandler], timeout: float = 300) -> None:
    """Until no request is in flight and none has come for QUIET_SECONDS."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with handler.lock:
            last = handler.log[-1].at if handler.log else 0.0
            busy = handler.inflight[0] > 0
        if not busy and time.monotonic() - last >= QUIET_SECONDS:
            return
        time.sleep(0.1)


def _count(requests: list[Request], results: int | None = None) -> Downloads:
    found = Downloads(results=results)
    for request in requests:
        found.requests += 1
        found.files.append(request.path)
        if request.status == 200 and request.file is not None:
            raw, packed = _sizes(request.file)
            found.raw_bytes += raw
            found.gzip_bytes += packed
    return found


@functools.cache
def _sizes(file: Path) -> tuple[int, int]:
    data = file.read_bytes()
    if data[:2] == b"\x1f\x8b":
        return len(data), len(data)
    return len(data), len(gzip.compress(data, compresslevel=6))
