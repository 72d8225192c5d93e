"""Relative links and images in bodies that would lead nowhere: errors at path:line in make check and the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build, validate
from forening.bodylinks import _Site, body_links, check_links
from forening.validate import Layout, load_archive

FROM_MINUTES = "minnesanteckningar/norra/2022-01-01.md"


@pytest.fixture(scope="module")
def site_map() -> _Site:
    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    return _Site(Layout(root=ROOT), archive)


@pytest.mark.parametrize(
    "address",
    [
        "../../projekt/cresco-creare.md",  # a page's file, read from the source file
        "../../projekt/cresco-creare.md#resultat",
        "../../../projekt/cresco-creare/",  # a page's address, read from the page's address
        "../../kalender/index.md",
        "../../kontakt.md",
        "../../assets/site.css",  # a file in docs/
        "../../kalender.ics",  # a generated file
        "../../../",  # the start page
        "2021-05-05.md",
    ],
)
def test_addresses_that_lead_somewhere(site_map: _Site, address: str) -> None:
    assert site_map.leads_nowhere(FROM_MINUTES, address) is None


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("../../assets/logga.png", "filen `../../assets/logga.png` finns inte (adressen leder till docs/assets/logga.png)"),
        ("../../projekt/finns-inte.md", "sidan `../../projekt/finns-inte.md` finns inte på webbplatsen"),
        ("../../projekt/cresco-creare/", "leder fel på den publicerade sidan (den läses från sidans adress, inte från filen); länka till filen: `../../projekt/cresco-creare.md`"),
        ("../../../../utanfor/", "leder ingenstans på webbplatsen"),
    ],
)
def test_addresses_that_lead_nowhere(site_map: _Site, address: str, words: str) -> None:
    message = site_map.leads_nowhere(FROM_MINUTES, address)
    assert message is not None and words in message, message


def test_links_in_code_and_to_other_sites_are_not_read() -> None:
    body = "Se [Cresco](../x/) och ![bild](a.png).\n\n`[kod](../nowhere/)` och [extern](https://www.example.se/) [mejl](mailto:a@b.se) [här](#rubrik)\n\n```\n[block](../nowhere/)\n```\n\n[ref]: ../y.md\n"
    assert body_links(body) == [(1, "../x/"), (1, "a.png"), (9, "../y.md")]


def test_every_page_of_the_built_site_is_known_to_the_check(site: Path, site_map: _Site) -> None:
    """The generated pages are named in several modules: a new one the check did not know
    would make every link to it an error."""
    built = {page.parent.relative_to(site).as_posix() + "/" for page in site.rglob("index.html")}
    built = {"" if url == "./" else url for url in built}
    assert built - site_map.urls == set()


def test_the_real_content_links_only_what_exists() -> None:
    archive, _ = load_archive(Layout(root=ROOT))
    assert archive is not None
    assert check_links(Layout(root=ROOT), archive) == []


def test_a_broken_image_and_a_folder_link_stop_check_and_build_at_their_lines(project_copy: Path, tmp_path: Path) -> None:
    """The image once failed the build with MkDocs' English and no line; the folder link
    was published broken and only the deploy's link check named the built page."""
    path = project_copy / "minutes" / "norra" / "2022-01-01.md"
    lines = path.read_text(encoding="utf-8").count("\n")
    path.write_text(path.read_text(encoding="utf-8") + "\n![Logga](../../assets/logga.png)\n\nSe [Cresco](../../projekt/cresco-creare/).\n", encoding="utf-8")
    for result in (validate(project_copy), mkdocs_build(project_copy, tmp_path / "out")):
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert f"minutes/norra/2022-01-01.md:{lines + 2}: text: filen `../../assets/logga.png` finns inte" in result.stderr, result.stderr
        assert f"minutes/norra/2022-01-01.md:{lines + 4}: text: länken `../../projekt/cresco-creare/` leder fel" in result.stderr


def test_a_link_to_minutes_retention_has_removed_is_said_in_swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    """/personuppgifter/ cites the minutes of 5 May 2021. Built in 2032, ten years on
    (extra.retention.minutes_years), those minutes are gone: MkDocs would stop the build
    with an English warning and no line; the check names the page's own line."""
    monkeypatch.setenv("SITE_TODAY", "2032-01-01")
    archive, _ = load_archive(Layout(root=ROOT))
    assert archive is not None
    found = [(p.path, p.message) for p in check_links(Layout(root=ROOT), archive)]
    assert ("docs/personuppgifter.md", "sidan `minnesanteckningar/norra/2021-05-05.md` publiceras inte i dag (publish_until eller extra.retention i mkdocs.yml); ta bort länken eller länka en annan sida") in found
