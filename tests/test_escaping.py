"""Every front-matter value is shown as text, never run as HTML, Markdown or Jinja.

A copy of the project gets a fixture group name, minutes and project whose values
are attacks (made-up test data, not content): script tags, attribute break-outs,
event handlers, javascript: links, Markdown and Jinja syntax. The copy is built
with the real MkDocs, its HTML read back, and every page opened in Chromium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from bs4 import BeautifulSoup
from browser import browser, serve_directory  # noqa: F401
from conftest import copy_project, load_script, mkdocs_build
from forening.activecontent import output_check as active_content_check
from forening.checks import check_output
from playwright.sync_api import Browser

TITLE = "<script>alert(1)</script>"
PLACE = '"><img src=x onerror=alert(1)>'
DECISION = "{{ config }} och [x](javascript:alert(1)) och {{ 7*7 }}"
DECISION_WITH_BLANK_LINE = "Första raden\n\n[y](javascript:alert(1)) <iframe src=x></iframe>\n\n    indraget\n"
GROUP_NAME = "<i>Västra</i> {{ config }}"
PROJECT_TITLE = "**Fet** {{ config }} [x](javascript:alert(1)) <script>alert(4)</script>"
PROJECT_SUMMARY = '"><img src=x onerror=alert(5)> {% for x in range(3) %}x{% endfor %}'
ATTACHMENT_FILE = "javascript:alert(1)"
ICAL_INJECTION = "rad ett\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Falskt möte"  # a line break must not end the event

MINUTES = {
    "date": "2024-03-01",
    "group": "vastra",
    "title": TITLE,
    "start": "09:00",
    "place": PLACE,
    "chair": "<b onmouseover=alert(1)>Ordf</b>",
    "secretary": "{% raw %}{{ 7*7 }}",
    "present": ["<svg onload=alert(1)>", "Eva & Co"],
    "absent": ["</details><script>alert(2)</script>"],
    "projects": ["fientligt"],
    "decisions": [DECISION, DECISION_WITH_BLANK_LINE],
    "next_meetings": [
        {"group": "vastra", "start": "2027-01-10T09:00", "place": PLACE, "note": "<script>alert(3)</script>"},
        {"group": "vastra", "start": "2027-02-10T09:00", "note": ICAL_INJECTION},
    ],
    "attachments": [{"title": "<img src=x onerror=alert(1)>", "file": ATTACHMENT_FILE}],
}
MINUTES_BODY = "## Punkt &lt;img src=x onerror=alert(1)&gt;\n\nText om {{ config }}.\n"

PROJECT = {
    "title": PROJECT_TITLE,
    "aliases": ["[x](javascript:alert(1))", "{{ config }}", "*kursiv*"],
    "summary": PROJECT_SUMMARY,
    "status": "pågående",
    "kind": "projekt",
    "lead_party": "<a href=javascript:alert(6)>Part</a>",
    "parties": ["<u>A</u>", "{{ self }}"],
    "municipalities": ["Skövde</dd><script>alert(7)</script>"],
    "areas": ["vastra"],
    "funding": "&amp; &lt;b&gt;",
    "target_group": "# Rubrik",
    "method": "`kod`",
}

MINUTES_URL = "minnesanteckningar/vastra/2024-03-01/"
PROJECT_URL = "projekt/fientligt/"


def front_matter(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    groups = root / "minutes" / "groups.yml"
    groups.write_text(groups.read_text(encoding="utf-8").replace("name: Beredningsgrupp västra", f'name: "{GROUP_NAME}"', 1), encoding="utf-8")
    folder = root / "minutes" / "vastra"
    folder.mkdir(exist_ok=True)
    (folder / "2024-03-01.md").write_text(front_matter(MINUTES) + MINUTES_BODY, encoding="utf-8")
    (folder / ATTACHMENT_FILE).write_bytes(b"%PDF-1.4 fixture\n")
    (root / "projects" / "fientligt.md").write_text(front_matter(PROJECT) + "Text.\n", encoding="utf-8")
    site = root / "out"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr
    return site


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(html(site, url), "lxml")


def all_pages(site: Path) -> Iterator[Path]:
    return iter(sorted(site.rglob("*.html")))


def test_the_fixture_group_name_was_used(hostile_site: Path) -> None:
    assert GROUP_NAME in soup(hostile_site, MINUTES_URL).select_one(".fm-facts").get_text()


def test_no_page_holds_a_script_handler_or_script_link(hostile_site: Path) -> None:
    assert check_output(hostile_site, {}, [active_content_check]) == []
    for page in all_pages(hostile_site):
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        assert not doc.select('img[src="x"], iframe, svg[onload], b[onmouseover], u, i'), page
        assert not [a for a in doc.find_all("a", href=True) if a["href"].strip().lower().startswith("javascript:")], page


def test_minutes_values_are_text(hostile_site: Path) -> None:
    doc = soup(hostile_site, MINUTES_URL)
    assert doc.h1.get_text() == TITLE
    facts = {dt.get_text(): dd.get_text() for dt, dd in zip(doc.select(".fm-facts dt"), doc.select(".fm-facts dd"))}
    assert facts["Plats"] == PLACE
    assert facts["Ordförande"] == MINUTES["chair"] and facts["Sekreterare"] == MINUTES["secretary"]
    decisions = [li.get_text() for li in doc.select(".fm-decisions li")]
    assert decisions == [DECISION, DECISION_WITH_BLANK_LINE.strip()]
    attendance = doc.select_one("details.fm-attendance").get_text()
    assert "<svg onload=alert(1)>" in attendance and "</details><script>alert(2)</script>" in attendance
    next_meeting = doc.select_one(".fm-next").get_text()
    assert PLACE in next_meeting and "<script>alert(3)</script>" in next_meeting
    assert "END:VEVENT" in next_meeting
    assert [a.get_text() for a in doc.select(".fm-projects a")] == [PROJECT_TITLE]


def test_jinja_and_markdown_in_values_are_not_evaluated(hostile_site: Path) -> None:
    for url in (MINUTES_URL, PROJECT_URL):
        text = soup(hostile_site, url).select_one("article").get_text()
        assert "{{ config }}" in text
        assert "site_name" not in text and "49" not in text
    doc = soup(hostile_site, PROJECT_URL)
    assert doc.h1.get_text() == PROJECT_TITLE
    assert doc.select_one(".fm-summary").get_text() == PROJECT_SUMMARY
    assert not doc.select("article strong:-soup-contains('Fet'), article em:-soup-contains('kursiv'), article code:-soup-contains('kod')")
    article = doc.select_one("article").get_text()
    for value in (PROJECT["lead_party"], PROJECT["municipalities"][0], PROJECT["funding"], PROJECT["target_group"], PROJECT["method"]):
        assert value in article, value


def test_page_title_header_and_description_are_escaped(hostile_site: Path) -> None:
    """MkDocs' templates do not autoescape; the adapter escapes title and description."""
    raw = html(hostile_site, MINUTES_URL)
    title_source = re.search(r"<title>(.*?)</title>", raw, re.S)[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in title_source and "<script>" not in title_source
    doc = soup(hostile_site, MINUTES_URL)
    assert doc.title.get_text().startswith(TITLE)
    assert doc.select_one(".md-header__topic[data-md-component=header-topic] .md-ellipsis").get_text(strip=True) == TITLE
    [description] = doc.select('meta[name="description"]')
    assert description["content"] == f"Minnesanteckningar från {TITLE}."
    project = soup(hostile_site, PROJECT_URL)
    [description] = project.select('meta[name="description"]')
    assert description["content"] == PROJECT_SUMMARY
    assert not project.head.select("img")


def links_in_article(site: Path, url: str) -> list[str]:
    return [a.get_text() for a in soup(site, url).select("article a")]


def test_listings_show_titles_as_text(hostile_site: Path) -> None:
    assert PROJECT_TITLE in links_in_article(hostile_site, "projekt")
    assert PROJECT_SUMMARY in soup(hostile_site, "projekt").select_one("article").get_text()
    assert TITLE in links_in_article(hostile_site, "minnesanteckningar")
    assert GROUP_NAME in soup(hostile_site, "minnesanteckningar").select_one("article").get_text()
    assert TITLE in links_in_article(hostile_site, "minnesanteckningar/vastra")
    assert TITLE in links_in_article(hostile_site, PROJECT_URL)  # the project's mentions


def test_attachment_with_a_scheme_like_name_is_a_relative_link(hostile_site: Path) -> None:
    [link] = soup(hostile_site, MINUTES_URL).select(".fm-attachments a")
    assert link["href"] == "javascript%3Aalert%281%29"
    assert (hostile_site / MINUTES_URL / unquote(link["href"])).is_file()


def test_every_link_of_the_hostile_site_resolves(hostile_site: Path) -> None:
    report = load_script("linkcheck").check_site(hostile_site, "https://example.invalid/")
    assert [str(b) for b in report.broken] == []


def test_no_dialog_opens_in_chromium(hostile_site: Path, browser: Browser) -> None:  # noqa: F811
    pages = [p.relative_to(hostile_site).as_posix() for p in all_pages(hostile_site)]
    dialogs: list[str] = []
    errors: list[str] = []
    with serve_directory(hostile_site) as base:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        for path in pages:
            response = page.goto(base + path)
            assert response is not None and response.ok, path
            page.mouse.move(200, 200)  # hover handlers, had any been injected
        page.goto(base + MINUTES_URL)
        assert page.locator("article h1").inner_text() == TITLE
        assert page.locator(".fm-facts dd", has_text="onerror").inner_text() == PLACE
        href = page.locator(".fm-attachments a").evaluate("a => a.href")
        assert href == base + MINUTES_URL + "javascript%3Aalert%281%29"
        assert page.request.get(href).ok
        page.close()
    assert dialogs == [] and errors == []


def test_search_results_show_hostile_titles_as_text(hostile_site: Path, browser: Browser) -> None:  # noqa: F811
    """The search box renders titles and excerpts from its index as HTML: they must arrive escaped."""
    dialogs: list[str] = []
    with serve_directory(hostile_site) as base:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base + MINUTES_URL)
        search = page.locator("header .md-search__input")
        search.click()
        search.press_sequentially("onerror")
        page.locator(".md-search-result__link").first.wait_for()
        results = page.locator(".md-search-result")
        assert TITLE in results.inner_text()
        assert results.locator("img, script, svg[onload]").count() == 0
        page.close()
    assert dialogs == []
