"""Accessibility (DOS-lagen: WCAG 2.1 AA) of the built site in a real Chromium.

axe-core checks every page in `browser.PAGES` in the light and the dark palette;
a keyboard walk checks that focus is always on something visible that shows it
has the focus; the attendance block opens by keyboard and is announced; every
page links to the accessibility statement, which says what DIGG requires.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser import PAGES, browser, served_site  # noqa: F401
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, JSHandle, Page

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's palette
KEYBOARD_STOPS = 25  # focus stops checked per page, from the top

# Waits until CSS transitions (Material fades focus rings, skip link, search box) have run.
SETTLE = "() => Promise.all(document.getAnimations().map(a => a.finished))"

# How a focused element looks. A hidden input (Material's palette toggle) shows
# its focus on the label beside it; the search field on its form. Text colour
# alone does not count as a focus indicator.
LOOK = """el => {
  const shown = e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility === 'visible' && parseFloat(s.opacity) > 0 };
  const label = el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL' ? el.nextElementSibling : null;
  const parts = [el, label, el.parentElement].filter(Boolean);
  const look = e => { const s = getComputedStyle(e);
    const outline = s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none'
      : [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset].join(' ');
    const border = ['Top', 'Right', 'Bottom', 'Left'].some(side => parseFloat(s['border' + side + 'Width']) > 0) ? s.borderColor : 'none';
    return [outline, s.boxShadow, s.backgroundColor, border].join('|') };
  return { name: el.tagName + ' ' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40),
           shown: parts.some(shown), looks: parts.map(look) };
}"""


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture(params=list(SCHEMES))
def scheme(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def page_in(browser: Browser, scheme: str) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})  # type: ignore[arg-type]
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violations(page_in: Page, served_site: str, scheme: str, axe: Axe, path: str) -> None:  # noqa: F811
    page_in.goto(served_site + path)
    assert page_in.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
    results = axe.run(page_in, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    violations = results.response["violations"]
    assert violations == [], results.generate_report()


@pytest.mark.parametrize("path", PAGES)
def test_keyboard_focus_is_always_visible(browser: Browser, served_site: str, path: str) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served_site + path)
    previous: tuple[JSHandle, dict] | None = None
    stops = 0
    for _ in range(KEYBOARD_STOPS):
        page.keyboard.press("Tab")
        page.evaluate(SETTLE)
        if previous is not None:  # how the element looks now that the focus has left it
            handle, focused = previous
            assert page.evaluate(LOOK, handle)["looks"] != focused["looks"], f"{path}: no visible focus on {focused['name']}"
        if page.evaluate("document.activeElement === document.body"):
            break  # past the last focusable element
        handle = page.evaluate_handle("document.activeElement")
        focused = page.evaluate(LOOK, handle)
        assert focused["shown"], f"{path}: the focus is on something invisible: {focused['name']}"
        previous = (handle, focused)
        stops += 1
    assert stops >= 5
    page.close()


def test_attendance_block_works_by_keyboard_and_is_announced(browser: Browser, served_site: str) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(served_site + "minnesanteckningar/norra/2021-05-05/")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('details.fm-attendance > summary')"):
            break
    else:
        pytest.fail("the attendance summary cannot be reached with Tab")
    assert not page.evaluate("document.querySelector('details.fm-attendance').open")
    assert announced(page) == ("DisclosureTriangle", "Närvaro: 10 närvarande, 2 frånvarande", False)
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('details.fm-attendance').open")
    assert announced(page)[2] is True
    assert page.locator("details.fm-attendance li", has_text="Mona Strand").is_visible()
    page.keyboard.press("Space")
    assert not page.evaluate("document.querySelector('details.fm-attendance').open")
    page.close()


def announced(page: Page) -> tuple[str, str, bool]:
    """What Chromium's accessibility tree says of the attendance summary: role, name, expanded."""
    cdp = page.context.new_cdp_session(page)
    document = cdp.send("DOM.getDocument")
    node = cdp.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": "details.fm-attendance > summary"})
    ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node["nodeId"], "fetchRelatives": False})["nodes"][0]
    properties = {p["name"]: p["value"].get("value") for p in ax.get("properties", [])}
    cdp.detach()
    return ax["role"]["value"], ax["name"]["value"], properties.get("expanded")


def test_every_page_links_to_the_accessibility_statement(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 29
    statement = (site / "tillganglighet" / "index.html").resolve()
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        links = [a for a in soup.select("footer .md-copyright a") if a.get_text(strip=True) == "Tillgänglighetsredogörelse"]
        assert len(links) == 1, path
        href = links[0]["href"]
        target = site / href.lstrip("/") if href.startswith("/") else path.parent / href  # 404.html is served anywhere
        assert (target / "index.html").resolve() == statement, path


def test_statement_says_what_digg_requires(site: Path) -> None:
    soup = BeautifulSoup((site / "tillganglighet" / "index.html").read_text(encoding="utf-8"), "lxml")
    article = soup.select_one("article")
    text = article.get_text(" ", strip=True)
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in article.select("h1, h2, h3")]
    assert headings[0] == "Tillgänglighet för Samordningsförbundet Skaraborgs webbplats"
    assert "Samordningsförbundet Skaraborg står bakom den här webbplatsen" in text  # organisation and site
    assert "delvis förenlig" in text  # compliance status
    for section in ("Innehåll som inte är tillgängligt", "Hur vi testat webbplatsen", "Tillsyn", "Rapportera brister i webbplatsens tillgänglighet"):
        assert section in headings
    assert "Bilagor till minnesanteckningarna har inte granskats" in text  # known gaps, and why
    assert "axe-core" in text and "tangentbord" in text  # the evaluation method
    assert "Bedömningen gjordes den 23 november 2026" in text
    assert "Redogörelsen uppdaterades senast den 23 november 2026" in text
    hrefs = [a["href"] for a in article.select("a[href]")]
    assert "https://www.digg.se/tdosanmalan" in hrefs  # DIGG's reporting function
    assert "../kontakt/" in hrefs  # feedback goes through the contact page
    assert "#innehall-som-inte-ar-tillgangligt" in hrefs and article.select_one("#innehall-som-inte-ar-tillgangligt")
