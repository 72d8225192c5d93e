"""Requests to other hosts: images and files from elsewhere are refused in bodies, pages and style sheets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build, validate
from forening.checks import check_output
from forening.offsite import body_requests, check_bodies, host_of, output_check, page_requests
from forening.validate import Layout
from hostile import yaml_ish_text
from hypothesis import given, settings
from hypothesis import strategies as st

OWN = "example.invalid"

FETCHING_BODIES = [
    # (what, body, line in the body, host)
    ("markdown image", "Text.\n\n![Logga](https://cdn.example.com/logga.png)\n", 3, "cdn.example.com"),
    ("markdown image in angle brackets", '![x](<https://cdn.example.com/a b.png> "titel")', 1, "cdn.example.com"),
    ("reference image", "![Logga][l]\n\n[l]: https://cdn.example.com/l.png", 3, "cdn.example.com"),
    ("reference image by its label", "![Logga]\n\n[logga]:\n  <//cdn.example.com/l.png>", 4, "cdn.example.com"),
    ("html img", '<p>\n<img alt="" src="http://tracker.example.net/p.gif">\n</p>', 2, "tracker.example.net"),
    ("protocol-relative img", "<img src=//tracker.example.net/p.gif>", 1, "tracker.example.net"),
    ("backslashes", "<img src='\\\\tracker.example.net\\p.gif'>", 1, "tracker.example.net"),
    ("scheme without slashes", "<img src='http:tracker.example.net/p.gif'>", 1, "tracker.example.net"),
    ("entity-encoded slashes", "<img src='https:&#x2F;&#x2F;tracker.example.net/p.gif'>", 1, "tracker.example.net"),
    ("srcset", '<img src="a.png" srcset="a.png 1x, https://cdn.example.com/b.png 2x">', 1, "cdn.example.com"),
    ("video poster", '<video poster="https://cdn.example.com/p.jpg"></video>', 1, "cdn.example.com"),
    ("audio", '<audio src="https://cdn.example.com/a.mp3"></audio>', 1, "cdn.example.com"),
    ("style attribute", "<div style=\"background: url('https://cdn.example.com/b.png')\">x</div>", 1, "cdn.example.com"),
    ("link ping", '<a href="/x" ping="https://track.example/p">x</a>', 1, "track.example"),
]

NOT_FETCHING_BODIES = [
    "Ett möte. [Läs mer](https://www.example.com/) och <https://www.example.com/>.",
    "![Karta](bilder/karta.png) och ![Logga](../assets/logga.png)",
    '<img src="/assets/logga.png" alt="Logga">',
    "![Punkt](data:image/png;base64,iVBORw0KGgo=)",
    "[Logga]: https://cdn.example.com/l.png\n\nEn länkdefinition som ingen bild använder.",
    '<a href="https://www.example.com/">länk</a>',
    "`![kod](https://cdn.example.com/x.png)` i löptext visar ingen bild",  # code span: shown as text
]


@pytest.mark.parametrize(("what", "body", "line", "host"), FETCHING_BODIES, ids=[c[0] for c in FETCHING_BODIES])
def test_a_body_that_fetches_from_another_host_is_found_at_its_line(what: str, body: str, line: int, host: str) -> None:
    found = body_requests(body)
    assert [(at, host_of(url)) for at, _, _, url in found] == [(line, host)], found


@pytest.mark.parametrize("body", NOT_FETCHING_BODIES)
def test_links_relative_and_data_addresses_fetch_from_no_other_host(body: str) -> None:
    assert body_requests(body) == []


def test_code_is_shown_not_fetched() -> None:
    """The guide shows the refused forms as examples. What the source check wrongly took
    for code, the output check would still find in the built page."""
    assert body_requests(NOT_FETCHING_BODIES[-1]) == []
    assert body_requests("Före\n\n```\n<img src=https://cdn.example.com/a.png>\n```\n") == []
    assert len(body_requests("```\nkod\n```\n\n![x](https://cdn.example.com/a.png)")) == 1


@given(yaml_ish_text)
@settings(max_examples=200, deadline=None)
def test_any_body_gives_lines_within_it(body: str) -> None:
    lines = body.count("\n") + 1
    for line, _, _, url in body_requests(body):
        assert 1 <= line <= lines
        assert host_of(url) is not None


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://CDN.example.com/x.png", "cdn.example.com"),
        ("//cdn.example.com/x.png", "cdn.example.com"),
        ("  \thttps://cdn.exam\nple.com/x", "cdn.example.com"),
        ("\\\\cdn.example.com/x", "cdn.example.com"),
        ("https:cdn.example.com/x", "cdn.example.com"),
        ("x.png", None),
        ("/assets/x.png", None),
        ("../x.png", None),
        ("data:image/png;base64,xx", None),
        ("#anchor", None),
        ("https://[::1", None),  # no browser fetches that either
    ],
)
def test_host_of(url: str, host: str | None) -> None:
    assert host_of(url) == host


PAGE = """<!doctype html><html><head><title>t</title>
<link rel="canonical" href="https://other.example/x/">
<link rel="alternate" type="application/rss+xml" href="https://other.example/feed.xml">
{head}
</head><body>
<a href="https://other.example/">länk</a>
{body}
</body></html>"""

PAGE_CASES = [
    # (what, head, body, words)
    ("google fonts", '<link rel="preconnect" href="https://fonts.gstatic.com">', "", "(fonts.gstatic.com)"),
    ("style sheet", '<link rel="stylesheet" href="//cdn.example.com/a.css">', "", "`href` i <link>"),
    ("import in a style element", '<style>@import "https://cdn.example.com/a.css";</style>', "", "(<style>)"),
    ("url in a style element", "<style>body{background:url(https://cdn.example.com/b.png)}</style>", "", "cdn.example.com"),
    ("image", "", '<p><img src="https://cdn.example.com/b.png" alt=""></p>', "sidan skulle hämta en bild från en annan webbplats (cdn.example.com)"),
    ("svg image", "", '<svg><image href="https://cdn.example.com/b.png"/></svg>', "`href` i <image>"),
    ("style attribute", "", "<p style=\"background:url('//cdn.example.com/b.png')\">x</p>", "`style` i <p>"),
    ("ping", "", '<a href="/" ping="https://track.example/">x</a>', "anropa en annan webbplats (track.example) när länken följs"),
]


@pytest.mark.parametrize(("what", "head", "body", "words"), PAGE_CASES, ids=[c[0] for c in PAGE_CASES])
def test_a_page_that_fetches_from_another_host_is_refused(what: str, head: str, body: str, words: str) -> None:
    findings = page_requests(PAGE.format(head=head, body=body), OWN)
    assert len(findings) == 1, findings
    assert words in findings[0][1]


def test_the_sites_own_host_and_links_are_no_other_host() -> None:
    own = '<img src="https://example.invalid/assets/a.png" alt=""><link rel="icon" href="https://example.invalid/favicon.png">'
    assert page_requests(PAGE.format(head="", body=own), OWN) == []


def test_a_style_sheet_that_imports_from_another_host_is_refused() -> None:
    check = output_check({"site_url": f"https://{OWN}/"})
    css = 'body { color: red }\n@import url("https://fonts.googleapis.com/css2?family=Roboto");\n.x{background:url("data:image/svg+xml,<svg xmlns=\'http://www.w3.org/2000/svg\'/>")}'
    problems = check("assets/site.css", css.encode())
    assert [(problem.line, "fonts.googleapis.com" in problem.message) for problem in problems] == [(2, True)]


def test_the_real_site_fetches_nothing_from_another_host(site: Path) -> None:
    """Every page and style sheet of the real build, Material's and Pagefind's included."""
    assert check_output(site, {"site_url": f"https://{OWN}/"}, [output_check]) == []


def test_the_real_content_passes_the_source_check() -> None:
    assert check_bodies(Layout(root=ROOT), []) == []


def _insert_in_body(path: Path, text: str) -> int:
    """Insert `text` as the body's first lines; returns the file line it starts on."""
    whole = path.read_text(encoding="utf-8")
    body_start = whole.index("\n---\n", 4) + len("\n---\n")
    path.write_text(whole[:body_start] + "\n" + text + whole[body_start:], encoding="utf-8")
    return whole[:body_start].count("\n") + 2


def test_an_image_from_another_host_stops_check_and_build(project_copy: Path, tmp_path: Path) -> None:
    line = _insert_in_body(project_copy / "projects" / "7tjugo.md", "![Logga](https://cdn.example.com/logga.png)\n")
    page = project_copy / "docs" / "tillganglighet.md"
    page_lines = page.read_text(encoding="utf-8").count("\n")
    page.write_text(page.read_text(encoding="utf-8") + '\n<img src="https://cdn.example.com/b.png" alt="">\n', encoding="utf-8")
    for result in (validate(project_copy), mkdocs_build(project_copy, tmp_path / "out")):
        assert result.returncode == 1
        assert f"projects/7tjugo.md:{line}: text: sidan skulle hämta en bild från en annan webbplats (cdn.example.com)" in result.stderr
        assert f"docs/tillganglighet.md:{page_lines + 2}: text: sidan skulle hämta en bild" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_an_image_on_the_sites_own_host_passes(project_copy: Path) -> None:
    site_url = re.search(r"^site_url: *(\S+)", (project_copy / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert site_url is not None
    _insert_in_body(project_copy / "projects" / "7tjugo.md", f"![Logga]({site_url[1]}assets/logga.png)\n")
    result = validate(project_copy)
    assert result.returncode == 0, result.stderr


def test_a_theme_font_from_google_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    """No source names Google Fonts: Material's `font` setting adds them to every page, and
    only the output check sees it. The build fails and publishes nothing."""
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  font: false" in text
    config.write_text(text.replace("  font: false", "  font:\n    text: Roboto"), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 1
    assert re.search(r"index\.html:\d+: sidan skulle hämta en fil från en annan webbplats \(fonts\.(googleapis|gstatic)\.com\)", result.stderr), result.stderr
