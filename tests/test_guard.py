"""The privacy guard, end to end: leaks planted in a copy of the project stop both
`make check` (scripts/validate.py) and the build, with the right message and path:line.

Planted data is made up: 070-174 06 05 lies in a range that Swedish regulator PTS
keeps for fiction, 121212-1212 is Skatteverket's test personnummer.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import mkdocs_build, validate
from forening import guard, privacy
from forening.checks import check_output
from hypothesis import given, settings
from hypothesis import strategies as st


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def plant_in_body(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


def plant_in_front_matter(path: Path, after: str, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert after in text
    path.write_text(text.replace(after, f"{after}\n{line}", 1), encoding="utf-8")


def email_in_minutes_body(root: Path) -> tuple[str, str]:
    path = root / "minutes/norra/2021-05-05.md"
    plant_in_body(path, "Frågor till eva.exempel@example.org.")
    return f"minutes/norra/2021-05-05.md:{line_of(path, 'eva.exempel')}: text: e-postadressen `eva.exempel@example.org` får inte stå här", "GDPR"


def phone_in_project(root: Path) -> tuple[str, str]:
    path = root / "projects/cresco-creare.md"
    plant_in_body(path, "Ring projektledaren på 070-174 06 05.")
    return f"projects/cresco-creare.md:{line_of(path, '070-174')}: text: telefonnumret `070-174 06 05` får inte stå här", "extra.contact"


def personnummer_in_front_matter(root: Path) -> tuple[str, str]:
    path = root / "minutes/norra/2022-01-01.md"
    plant_in_front_matter(path, "group: norra", "place: Hos 121212-1212")
    return f"minutes/norra/2022-01-01.md:{line_of(path, '121212-1212')}: place: personnumret `121212-1212` får aldrig publiceras", "GDPR"


def email_field_in_groups(root: Path) -> tuple[str, str]:
    path = root / "minutes/groups.yml"
    plant_in_front_matter(path, "    - name: Eva Bremer                # 003, 001", "      email: eva.exempel@example.org")
    line = line_of(path, "email: eva.exempel")
    return f"minutes/groups.yml:{line}: norra.members[3].email: `email` får inte anges för ledamöter", "Ta bort raden"


LEAKS = [email_in_minutes_body, phone_in_project, personnummer_in_front_matter, email_field_in_groups]


@pytest.mark.parametrize("plant", LEAKS, ids=[f.__name__ for f in LEAKS])
def test_planted_leak_fails_check_and_build(project_copy: Path, tmp_path: Path, plant: object) -> None:
    expected, reason = plant(project_copy)  # type: ignore[operator]
    checked = validate(project_copy)
    built = mkdocs_build(project_copy, tmp_path / "out")
    for result in (checked, built):
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert expected in result.stderr, result.stderr
        assert reason in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_number_failing_luhn_is_not_flagged(project_copy: Path, tmp_path: Path) -> None:
    plant_in_front_matter(project_copy / "minutes/norra/2022-01-01.md", "group: norra", "place: Diarienummer 121212-1213")
    assert validate(project_copy).returncode == 0
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "121212-1213" in (tmp_path / "out/minnesanteckningar/norra/2022-01-01/index.html").read_text(encoding="utf-8")


def test_leak_only_in_the_output_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    # The source check reads text as written; an address hidden behind character
    # references and a plain text file outside docs/*.md are caught in the output.
    (project_copy / "docs" / "om.md").write_text("# Om\n\nSkriv till eva&#46;exempel&#64;example.org.\n", encoding="utf-8")
    (project_copy / "docs" / "robots.txt").write_text("User-agent: *\n# webmaster: 070-174 06 05\n", encoding="utf-8")
    assert validate(project_copy).returncode == 0
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 1
    assert "om/index.html:" in result.stderr and "e-postadressen `eva.exempel@example.org` finns i den byggda webbplatsen" in result.stderr
    assert "robots.txt:2: telefonnumret `070-174 06 05` finns i den byggda webbplatsen" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Hjälpprocessen kunde inte" not in result.stderr  # the page was checked in the helper, as it was written


def test_vendor_code_is_read_and_only_materials_tel_key_is_no_link() -> None:
    """Scripts and styles of Material and Pagefind are checked like any file: a later
    version that brings an address (a translator's, say) is caught, not published."""
    check = guard.output_check({})
    translated = b'const t={thanks:"Translated by vladimir.exempel@example.org"};'
    for rel in ("pagefind/pagefind.js", "pagefind/pagefind-ui.js", "assets/javascripts/bundle.x.min.js", "assets/stylesheets/main.x.min.css",
                "assets/javascripts/workers/search.x.min.js.map"):  # fmt: skip
        assert [p.message.split("`")[1] for p in check(rel, translated)] == ["vladimir.exempel@example.org"], rel
    # Material's bundle holds `tel:` as a key of its input types: code, not a link.
    assert check("assets/javascripts/bundle.x.min.js", b"{tel:!0,email:!0,password:!0,number:!0}") == []
    assert [p.message.split("`")[1] for p in check("assets/javascripts/bundle.x.min.js", b'"tel:070-174 06 05"')] == ["070-174 06 05"]
    assert [p.message.split("`")[1] for p in check("assets/javascripts/bundle.x.min.js", b'"mailto:eva@example.org"')] == ["eva@example.org"]
    assert check("assets/javascripts/pagefind-search.js", b"{tel:!0}") != []  # and only there


def test_an_address_in_a_theme_script_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    script = project_copy / "hooks" / "theme" / "assets" / "javascripts" / "pagefind-search.js"
    script.write_text(script.read_text(encoding="utf-8") + "// Frågor: eva.exempel@example.org\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 1
    assert "assets/javascripts/pagefind-search.js:" in result.stderr
    assert "e-postadressen `eva.exempel@example.org` finns i den byggda webbplatsen" in result.stderr


def test_real_site_passes_the_output_guard(site: Path) -> None:
    assert check_output(site, {}, [guard.output_check]) == []


def test_guard_reads_pagefind_index(site: Path, tmp_path: Path) -> None:
    """Pagefind's index is gzip-compressed; the guard must see through it.

    Pagefind indexes a copy of the built site with a leak in one page; the leak is
    then taken out of the HTML, so only Pagefind's files still hold it."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "kontakt" / "index.html"
    clean = page.read_text(encoding="utf-8")
    page.write_text(clean.replace("<h1 id=\"rubrik\">Kontakt</h1>", '<h1 id="rubrik">Kontakt</h1><p>Ring 070-174 06 05, 121212-1212</p>'), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(copy)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    page.write_text(clean, encoding="utf-8")
    fragments = list((copy / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments and all(f.read_bytes()[:2] == b"\x1f\x8b" for f in fragments)

    problems = check_output(copy, {}, [guard.output_check])
    where = {(p.path.split("/")[1], p.message.split("`")[1]) for p in problems}
    assert ("fragment", "070-174 06 05") in where
    assert ("fragment", "121212-1212") in where
    assert ("index", "1212121212") in where  # the word index glues the personnummer together
    assert all(p.path.startswith("pagefind/") for p in problems)


def test_output_formats_each_name_file_and_match(tmp_path: Path) -> None:
    files = {
        "feed.xml": b"<feed><entry><content type='html'>&lt;p&gt;eva@example.org&lt;/p&gt;</content></entry></feed>",
        "kalender.ics": b"BEGIN:VCALENDAR\r\nUID:norra-2021-08-24@example.org\r\nDESCRIPTION:Ring 070-174\r\n  06 05\r\nEND:VCALENDAR\r\n",
        "sitemap.xml.gz": gzip.compress(b"<urlset><url><loc>https://x.example/tel:0701740605</loc></url></urlset>"),
        "search/search_index.json": json.dumps({"docs": [{"text": "<p>121212-1212</p>"}]}).encode(),
        "assets/javascripts/bundle.min.js": b"/* (c) someone@example.org */",  # vendor code is read too
    }
    for rel, data in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    found = sorted((p.path, p.line, p.message.split("`")[1]) for p in check_output(tmp_path, {}, [guard.output_check]))
    assert found == [
        ("assets/javascripts/bundle.min.js", 1, "someone@example.org"),
        ("feed.xml", 1, "eva@example.org"),
        ("kalender.ics", 3, "070-174 06 05"),
        ("search/search_index.json", 1, "121212-1212"),
        ("sitemap.xml.gz", 1, "tel:0701740605"),
    ]


# Pieces that make or break a finding where chunks meet: digits, separators, letters, @.
_PIECE = st.sampled_from(["070", "-", "123", " ", "45 67", "0500", "+46", "(0)", "a", "b.se", "@", "mailto:", "tel:", "19", "121212", "1212", ".", "\u2013"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_PIECE, max_size=8).map("".join), min_size=1, max_size=5))
def test_whole_file_search_finds_whatever_a_chunk_holds(texts: list[str]) -> None:
    # _leaks searches the joined file first and skips the file when that finds nothing:
    # sound only if every chunk's finding is also found in the joined text.
    chunks = [(i, text) for i, text in enumerate(texts, start=1)]
    per_chunk = [guard.Problem("x.html", line, "", guard.output_message(f)) for line, text in chunks for f in privacy.find(text)]
    found = guard._leaks("x.html", chunks, privacy.Allowed(), set())
    assert bool(found) == bool(per_chunk)
    assert {p.message for p in found} == {p.message for p in per_chunk}


def test_pages_in_another_docs_dir_are_checked_too(project_copy: Path) -> None:
    """The docs/ folder was named by hand in the checks: with `docs_dir: sidor` in mkdocs.yml,
    an address in its pages passed make check."""
    (project_copy / "docs").rename(project_copy / "sidor")
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("docs_dir: docs\n", "docs_dir: sidor\n"), encoding="utf-8")
    page = project_copy / "sidor" / "index.md"
    lines = page.read_text(encoding="utf-8").count("\n")
    page.write_text(page.read_text(encoding="utf-8") + "\nSkriv till kalle.kula@example.se.\n", encoding="utf-8")
    result = validate(project_copy)
    assert result.returncode == 1
    assert f"sidor/index.md:{lines + 2}: " in result.stderr and "kalle.kula@example.se" in result.stderr, result.stderr
