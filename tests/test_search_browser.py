"""The header search box in a real Chromium: Swedish queries find the seed content.

Queries are typed key by key (`press_sequentially`), as a visitor types them.
The result region is aria-busy while a search runs; a query's results are read
once it is clear and the box holds the whole query.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import browser, served_site  # noqa: F401
from conftest import ROOT
from forening import dates, urls
from forening.validate import Layout, load_archive
from playwright.sync_api import Browser, Page

RESULTS = """() => [...document.querySelectorAll('.md-search-result__link')].map(a => ({
  url: new URL(a.href).pathname,
  title: a.querySelector('h1').textContent,
  context: a.querySelector('.fm-search-result__context')?.textContent ?? '',
  excerpt: a.querySelector('article > p:last-child')?.textContent ?? '',
}))"""
SETTLED = """q => document.querySelector('.md-search__input').value === q
  && document.getElementById('fm-search-results').getAttribute('aria-busy') === 'false'"""


@pytest.fixture
def page(browser: Browser, served_site: str) -> Iterator[Page]:  # noqa: F811
    """The archive page. Afterwards: no console error, no request to another host."""
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(served_site + "minnesanteckningar/")
    yield page
    assert errors == []
    assert [url for url in requests if not url.startswith(served_site)] == []
    page.close()


@pytest.fixture(scope="module")
def archive():
    loaded, problems = load_archive(Layout(root=ROOT))
    assert loaded is not None, problems
    return loaded


def search(page: Page, query: str) -> list[dict]:
    """Type a query into the header search box; the results as url, title, context."""
    box = page.locator(".md-search__input")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    box.press_sequentially(query)
    page.wait_for_function(SETTLED, arg=query)
    return page.evaluate(RESULTS)


def found(results: list[dict]) -> list[str]:
    return [result["url"] for result in results]


def test_projektet_finds_project_pages(page: Page) -> None:
    results = found(search(page, "projektet"))
    assert results[0].startswith("/projekt/")
    assert {"/projekt/cresco-creare/", "/projekt/kick-off/", "/projekt/aurum-locus/"} <= set(results)


def test_beredningsgruppens_finds_the_groups(page: Page, archive) -> None:
    results = found(search(page, "beredningsgruppens"))
    group_pages = {"/" + urls.url_of(urls.group_src(slug)) for slug in archive.group_order}
    assert group_pages <= set(results)  # "Beredningsgrupp norra", "Beredningsgruppen (gemensam)", ...
    # the minutes whose text says "beredningsgruppens" itself
    assert {"/minnesanteckningar/gemensam/2021-03-01/", "/minnesanteckningar/norra/2021-05-05/"} <= set(results)
    assert results[0].startswith("/minnesanteckningar/")


def test_kompetensutvecklingen_finds_the_minutes_that_say_it(page: Page) -> None:
    assert "/minnesanteckningar/gemensam/2023-02-01/" in found(search(page, "kompetensutvecklingen"))


@pytest.mark.parametrize("query", ["Cresco", "Crescos"])
def test_cresco_finds_the_project_first_then_its_meetings(page: Page, archive, query: str) -> None:
    results = search(page, query)
    assert results[0]["url"] == "/projekt/cresco-creare/"
    assert results[0]["title"] == "Cresco Creare"
    meetings = archive.minutes_listing_project["cresco-creare"]
    assert len(meetings) >= 3
    by_url = {result["url"]: result for result in results}
    for entry in meetings:
        result = by_url["/" + urls.url_of(urls.minutes_src(entry))]
        date = dates.meeting_date(entry.meta)
        assert result["context"] == f"{archive.group_name(entry.group)} · {date}"


def test_esf_projektet_finds_its_minutes(page: Page) -> None:
    assert "/minnesanteckningar/gemensam/2021-03-01/" in found(search(page, "ESF-projektet"))


def test_spraksvaga_finds_the_minutes_and_the_project(page: Page) -> None:
    results = found(search(page, "språksvaga"))
    assert results[0] == "/minnesanteckningar/norra/2022-01-01/"
    assert "/projekt/cresco-creare/" in results


def test_a_word_in_no_page_finds_nothing(page: Page) -> None:
    assert search(page, "xylofonorkester") == []
    assert page.locator(".md-search-result__meta").inner_text() == "Inga sökresultat"


def tab_to_search_box(page: Page) -> None:
    """Tab until the focus is in the search box: no single-key shortcut leads there (WCAG 2.1.4)."""
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            return
    pytest.fail("Tab does not reach the search box")


def test_search_by_keyboard_alone(page: Page, served_site: str) -> None:  # noqa: F811
    tab_to_search_box(page)
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("Cresco")
    page.wait_for_function(SETTLED, arg="Cresco")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.getAttribute('href')")
    assert second == page.evaluate(RESULTS)[1]["url"]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")  # from a result: the search closes, the focus is back in the box
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Shift+Tab")
    tab_to_search_box(page)
    page.wait_for_function(SETTLED, arg="Cresco")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # in the box, Enter opens the first result
    assert page.url == served_site + "projekt/cresco-creare/"


def test_the_search_box_says_how_to_reach_the_results_and_is_not_required(page: Page) -> None:
    box = page.locator(".md-search__input")
    assert box.get_attribute("required") is None  # it was announced as a field that must be filled in
    hint = page.locator("#" + box.get_attribute("aria-describedby"))
    assert "pil ned" in hint.inner_text() and "Escape" in hint.inner_text()


def test_search_button_by_keyboard_on_a_narrow_screen(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(served_site + "projekt/")
    button = "header label.md-header__button[for=__search]"
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{button}')"):
            break
    else:
        pytest.fail("Tab does not reach the search button")
    assert (page.get_attribute(button, "role"), page.get_attribute(button, "aria-label")) == ("button", "Sök")
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("språksvaga")
    page.wait_for_function(SETTLED, arg="språksvaga")
    page.keyboard.press("Escape")  # the box folds away: the focus goes back to the button, not to <body>
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate(f"document.activeElement.matches('{button}')")
    page.close()


def test_the_search_box_is_where_material_puts_it(page: Page) -> None:
    header_search = page.locator("header.md-header .md-search .md-search__input")
    assert header_search.count() == 1
    assert header_search.get_attribute("aria-label") == "Sök"
    assert header_search.is_visible()


def test_search_button_on_a_narrow_screen(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(served_site + "projekt/")
    page.locator("header label.md-header__button[for=__search]").click()
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("språksvaga")
    page.wait_for_function(SETTLED, arg="språksvaga")
    assert page.locator(".md-search-result__link").first.is_visible()
    page.locator(".md-search__form label.md-search__icon").click()  # the back arrow
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement === document.body")
    page.close()


def test_enter_typed_at_once_opens_the_new_querys_first_result(page: Page) -> None:
    """A fast typist's Enter, before the results came, once opened the previous query's
    first result (or, on a fresh page, did nothing)."""
    assert found(search(page, "Cresco"))[0] == "/projekt/cresco-creare/"
    box = page.locator(".md-search__input")
    box.press("Control+a")
    box.press_sequentially("Aurum Locus")
    box.press("Enter")  # within the pause before the search runs
    page.wait_for_url("**/projekt/aurum-locus/")


def test_a_word_in_no_page_finds_no_stand_in(page: Page) -> None:
    """Pagefind searches an unknown word's longest known prefix: "Palcic" (a name only in
    withheld attendance) found "på" on 25 pages, telling a visitor she was named there."""
    for query in ("Palcic", "Arnerwik", "Cresko"):
        assert search(page, query) == [], query
        assert page.locator(".md-search-result__meta").inner_text() == "Inga sökresultat", query


def test_a_near_miss_still_finds_what_it_meant(page: Page) -> None:
    assert "/minnesanteckningar/gemensam/2021-03-01/" in found(search(page, "beredningsgrupen"))  # one p short


def test_a_minutes_excerpt_does_not_repeat_its_group_and_date(page: Page, archive) -> None:
    """The title and the context line say them; the facts' copy of them once took half of
    the excerpt ("Beredningsgrupp norra 5 maj 2021. Beredningsgrupp norra 5 maj 2021 09:00–11:45 ...")."""
    results = [r for r in search(page, "Beredningsgrupp norra") if r["url"].startswith("/minnesanteckningar/norra/2")]
    assert results
    for result in results:
        assert result["excerpt"].count("Beredningsgrupp norra") <= 1, result


def test_tabbing_past_the_folded_search_does_not_open_it(browser: Browser, served_site: str) -> None:  # noqa: F811
    """At 390 px (and 200 % zoom) the box folds away behind the header's search button:
    Tab once landed in the folded box, which opened the full-screen search in passing."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(served_site + "projekt/")
    for _ in range(12):
        page.keyboard.press("Tab")
        assert not page.evaluate("document.getElementById('__search').checked")
        assert not page.evaluate("document.activeElement.classList.contains('md-search__input')")
    # The button still opens it, with the focus in the box.
    page.locator("label.md-header__button[for=__search]").click()
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.close()
