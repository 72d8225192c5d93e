"""The link check (scripts/linkcheck.py): every internal link and anchor of the built site resolves."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT, load_script, run

linkcheck = load_script("linkcheck")

SITE_URL = "https://example.invalid/"


def test_every_internal_link_and_anchor_of_the_real_site_resolves(site: Path) -> None:
    assert linkcheck.canonical_site_url(site) == SITE_URL
    report = linkcheck.check_site(site, SITE_URL)
    assert [str(b) for b in report.broken] == []
    assert report.links > 300 and report.anchors > 50  # it really walked the pages
    # External addresses are few and only ever links out, over https (listed by the CLI).
    assert len(report.external) < 10 and all(url.startswith("https://") for url in report.external), report.external


def page(body: str, ids: str = "") -> str:
    return f"<!doctype html><html><head><title>t</title></head><body>{ids}\n{body}\n</body></html>"


def make_site(root: Path) -> Path:
    """A small hand-made site with one link of each kind, good and broken."""
    (root / "a").mkdir(parents=True)
    (root / "abs.css").write_text("", encoding="utf-8")
    (root / "file name.pdf").write_bytes(b"%PDF")
    (root / "a.png").write_bytes(b"png")
    links = [
        '<a href="a/">ok</a>',
        '<a href="a/#x">ok</a>',
        '<a href="a/#missing">bad anchor</a>',
        '<a href="b/">bad file</a>',
        '<a href="../outside/">outside</a>',
        '<link rel="stylesheet" href="/abs.css">',
        '<link rel="canonical" href="https://example.invalid/a/#x">',
        '<a href="https://example.invalid/a/#nope">own address, bad anchor</a>',
        '<a href="https://other.example/">external</a>',
        '<a href="mailto:kansli@example.invalid">external</a>',
        '<a href="#top">ok</a>',
        '<a href="#gone">bad anchor here</a>',
        '<a href="file%20name.pdf#page=2">ok</a>',
        '<img src="img.png" srcset="a.png 1x, b.png 2x" alt="">',
        '<a href="webcal://example.invalid/kalender.ics">subscribe, own .ics missing</a>',
        '<a href="webcal://other.example/k.ics">external</a>',
    ]
    (root / "index.html").write_text(page("\n".join(links), ids='<h1 id="top">t</h1>'), encoding="utf-8")
    (root / "a" / "index.html").write_text(page('<a href="../index.html#top">ok</a> <a href="../">ok</a>', ids='<p id="x"></p>'), encoding="utf-8")
    return root


def test_broken_links_are_found_with_page_and_line(tmp_path: Path) -> None:
    report = linkcheck.check_site(make_site(tmp_path / "site"), SITE_URL)
    assert [str(b) for b in report.broken] == [
        "index.html:4: a/#missing: ankaret #missing finns inte på a/index.html",
        "index.html:5: b/: filen finns inte på webbplatsen",
        "index.html:6: ../outside/: pekar utanför webbplatsen",
        "index.html:9: https://example.invalid/a/#nope: ankaret #nope finns inte på a/index.html",
        "index.html:13: #gone: ankaret #gone finns inte på index.html",
        "index.html:15: b.png: filen finns inte på webbplatsen",
        "index.html:15: img.png: filen finns inte på webbplatsen",
        "index.html:16: webcal://example.invalid/kalender.ics: filen finns inte på webbplatsen",
    ]
    assert report.external == {"https://other.example/", "mailto:kansli@example.invalid", "webcal://other.example/k.ics"}


def test_site_under_a_sub_path(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    (site / "index.html").write_text(page('<a href="/sub/a/#x">ok</a> <a href="/other/">outside</a>', ids='<h1 id="top">t</h1>'), encoding="utf-8")
    report = linkcheck.check_site(site, "https://example.invalid/sub/")
    assert [str(b) for b in report.broken] == ["index.html:2: /other/: pekar utanför webbplatsen"]


def test_cli_exit_codes(tmp_path: Path, site: Path) -> None:
    script = str(ROOT / "scripts" / "linkcheck.py")
    broken = run([sys.executable, script, str(make_site(tmp_path / "site"))], cwd=tmp_path)
    assert broken.returncode == 1
    assert "index.html:5: b/: filen finns inte på webbplatsen" in broken.stderr
    assert "extern länk (kontrolleras inte): https://other.example/" in broken.stdout
    good = run([sys.executable, script, str(site)], cwd=tmp_path)
    assert good.returncode == 0, good.stderr
    assert "0 trasiga" in good.stdout
    missing = run([sys.executable, script, str(tmp_path / "nothing")], cwd=tmp_path)
    assert missing.returncode == 1 and "make site" in missing.stderr
