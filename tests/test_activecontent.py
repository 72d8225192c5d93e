"""Active content: bodies that would run script are refused; built pages hold only the theme's scripts."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, copy_project, mkdocs_build, validate
from forening.activecontent import SCRIPT_URL, body_problems, output_check, page_findings, script_urls
from forening.checks import check_output
from hostile import yaml_ish_text
from hypothesis import given, settings
from hypothesis import strategies as st

REFUSED = [
    # (what, body, line in the body, words in the message)
    ("script", "Text.\n\n<script>alert(1)</script>\n", 3, "<script>"),
    ("script in upper case", "<SCRIPT SRC=//x.example/a.js></SCRIPT>", 1, "<script>"),
    ("img onerror", "Text <img src=x onerror=alert(1)> mer", 1, "`onerror`"),
    ("svg onload", "<svg\n  onload=alert(1)>", 1, "`onload`"),
    ("iframe", "<iframe src=https://x.example></iframe>", 1, "<iframe>"),
    ("object", "<object data=x.swf></object>", 1, "<object>"),
    ("embed", "<embed src=x>", 1, "<embed>"),
    ("base", "<base href=https://x.example/>", 1, "<base>"),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=https://x.example">', 1, "<meta>"),
    ("style", "<style>body{display:none}</style>", 1, "<style>"),
    ("form", "<form action=https://x.example><input></form>", 1, "<form>"),
    ("markdown link", "a\nb [x](javascript:alert(1))", 2, "`javascript:`"),
    ("markdown image", "![i](JaVaScRiPt:alert(1))", 1, "`javascript:`"),
    ("reference link", "[x][r]\n\n[r]: javascript:alert(1)", 3, "`javascript:`"),
    ("entity-encoded scheme", "[x](java&#x73;cript&colon;alert(1))", 1, "`javascript:`"),
    ("tab inside the scheme", "[x](java\tscript:alert(1))", 1, "`javascript:`"),
    ("vbscript", '<a href="vbscript:msgbox(1)">x</a>', 1, "`vbscript:`"),
    ("attr_list handler", "## Rubrik { onmouseover=\"alert(1)\" }", 1, "`onmouseover`"),
    ("escaped backticks around a script", "\\`<script>alert(1)</script>\\`", 1, "<script>"),
]


@pytest.mark.parametrize(("what", "body", "line", "words"), REFUSED, ids=[r[0] for r in REFUSED])
def test_active_content_in_a_body_is_refused_at_its_line(what: str, body: str, line: int, words: str) -> None:
    problems = body_problems("minutes/norra/2021-05-05.md", body, first_line=10)
    assert problems, what
    assert problems[0].line == 10 + line - 1
    assert any(words in p.message for p in problems), problems


ALLOWED = [
    "## 3. Rapport från styrelsemötet\n\nBeredningen diskuterade förslagen på onsdag.",
    "Se [förbundets webbplats](https://www.samordningsforbundet.se/) och <https://example.org/>.",
    "Data: se bilagan. Javascript nämndes inte.",
    "## Ekonomi { #ekonomi .viktig }",
    "<details><summary>Mer</summary>\n\nText med <abbr title=\"Arbetsförmedlingen\">AF</abbr>.\n</details>",
    "<div markdown=\"1\">\n*Text*\n</div>",
    "a < b och c > d, 3 <= 4",
]


@pytest.mark.parametrize("body", ALLOWED)
def test_ordinary_markdown_and_html_are_fine(body: str) -> None:
    assert body_problems("projects/x.md", body, first_line=7) == []


@settings(max_examples=200, deadline=None)
@given(body=st.one_of(st.text(max_size=400), yaml_ish_text, st.text(alphabet="<>/=\"' ascriptonlvj:&#;{}\n\t", max_size=200)))
def test_any_body_gives_problems_at_its_lines_or_none(body: str) -> None:
    problems = body_problems("projects/x.md", body, first_line=7)
    for problem in problems:
        assert 7 <= problem.line <= 7 + body.count("\n"), problem
        assert problem.message.strip()


# Schemes in pieces, with breaks, case, look-alikes (`ſ` matches `s` ignoring case) and colons between.
_SCHEME_PIECES = st.lists(st.sampled_from(["java", "script", "vb", "JaVa", "ScRiPt", "ſcript", "vbſ", ":", "\t", "\n", "\r\n", " ", "x"]), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_SCHEME_PIECES)
def test_script_urls_found_at_colons_are_the_patterns_matches(text: str) -> None:
    assert [m.span() for m in script_urls(text)] == [m.span() for m in SCRIPT_URL.finditer(text)]


def test_script_urls_with_many_breaks_in_the_scheme_are_found() -> None:
    text = "x " + "\n\t".join("javascript") + "\r\n:alert(1) vbscript:x"
    assert [m.span() for m in script_urls(text)] == [m.span() for m in SCRIPT_URL.finditer(text)] != []


def test_the_real_site_holds_only_the_themes_scripts(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    assert check_output(site, {}, [output_check]) == []


THEME_PAGE = """<!doctype html><html lang="sv"><head>
<script>__md_scope=new URL(".",location)</script>
<script src="assets/javascripts/bundle.js"></script>
<script id="__config" type="application/json">{"base": "."}</script>
</head><body>
{}
</body></html>"""

PAGE_CASES = [
    ("inline script", "<script>alert(1)</script>", "skript som inte kommer från temat"),
    ("script from another host", '<script src="https://cdn.example/x.js"></script>', "skript som inte kommer från temat"),
    ("event handler", '<img src="x" onerror="alert(1)">', "`onerror`"),
    ("script link", '<a href=" jav&#x09;ascript:alert(1)">x</a>', "`javascript:`"),
    ("iframe", '<iframe src="https://x.example"></iframe>', "<iframe>"),
    ("meta refresh", '<meta http-equiv="Refresh" content="0;url=https://x.example">', "skickar besökaren vidare"),
]


@pytest.mark.parametrize(("what", "html", "words"), PAGE_CASES, ids=[c[0] for c in PAGE_CASES])
def test_page_findings(what: str, html: str, words: str) -> None:
    assert page_findings(THEME_PAGE.replace("{}", "")) == []
    findings = page_findings(THEME_PAGE.replace("{}", html))
    assert [line for line, _ in findings] == [6], findings
    assert words in findings[0][1]


def test_a_script_in_a_minutes_body_stops_check_and_build(project_copy: Path, tmp_path: Path) -> None:
    path = project_copy / "minutes" / "norra" / "2022-01-01.md"
    text = path.read_text(encoding="utf-8")
    body_start = text.index("\n---\n", 4) + len("\n---\n")
    line = text[:body_start].count("\n") + 2
    path.write_text(text[:body_start] + "\n<script>alert(1)</script>\n" + text[body_start:], encoding="utf-8")
    for result in (validate(project_copy), mkdocs_build(project_copy, tmp_path / "out")):
        assert result.returncode == 1
        assert f"minutes/norra/2022-01-01.md:{line}: text: HTML-taggen <script>" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_script_in_a_hand_written_page_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    """The source check names the page in docs/ and its line, before anything is built
    (the output check stays behind it for what no source shows: templates, settings)."""
    index = project_copy / "docs" / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 1
    assert f"docs/index.md:{text.count(chr(10)) + 2}: text: HTML-taggen <script>" in result.stderr, result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_page_nested_deeper_than_libxml2_reads_is_refused_not_passed() -> None:
    # libxml2 silently stops past 256 levels: a script down there would go unseen.
    deep = "<html><body>" + "<div>" * 300 + "<script>alert(1)</script>" + "</div>" * 300 + "</body></html>"
    assert [message for _, message in page_findings(deep)] == [
        "sidan kan inte läsas hel (HTML nästlad i fler än 256 nivåer); förenkla HTML-koden i sidan"
    ]


def test_script_in_a_docs_page_is_refused_by_make_check_at_its_line(tmp_path: Path) -> None:
    """Once only the build caught it, at a line of the built HTML."""
    root = copy_project(tmp_path / "project")
    page = root / "docs" / "tillganglighet.md"
    text = page.read_text(encoding="utf-8")
    lines = text.count("\n")
    page.write_text(text + "\n<script>alert(1)</script>\n\n[Klicka](javascript:alert(1))\n", encoding="utf-8")
    result = validate(root)
    assert result.returncode == 1
    assert f"docs/tillganglighet.md:{lines + 2}: text: HTML-taggen <script>" in result.stderr, result.stderr
    assert f"docs/tillganglighet.md:{lines + 4}: text: länkar som börjar med `javascript:`" in result.stderr


def test_the_real_docs_pages_pass_the_source_check() -> None:
    """Marker comments (`<!-- forening:... -->`) and Material's features are no active content."""
    from forening.activecontent import check_bodies
    from forening.validate import Layout

    assert check_bodies(Layout(root=ROOT), []) == []
