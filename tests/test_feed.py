"""The built Atom feed, parsed as XML: minutes and projects newest first, dated from the content."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

import yaml
from conftest import ROOT, mkdocs_build, run
from forening.archive import Archive
from forening.feed import atom_feed, project_date, quiet_date
from forening.links import Links
from forening.validate import Layout, load_archive
from lxml import etree

ATOM = {"a": "http://www.w3.org/2005/Atom"}
SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def entries(site: Path) -> list[etree._Element]:
    path = site / "feed.xml"
    assert path.is_file(), "feed.xml was not built"
    root = etree.parse(str(path)).getroot()
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    return root.findall("a:entry", ATOM)


def field(entry: etree._Element, name: str) -> str:
    return entry.findtext(f"a:{name}", namespaces=ATOM) or ""


def test_feed_holds_every_minutes_and_project_newest_first(site: Path) -> None:
    found = entries(site)
    minutes = [e for e in found if "/minnesanteckningar/" in field(e, "id")]
    projects = [e for e in found if "/projekt/" in field(e, "id")]
    assert len(minutes) == 4 and len(projects) == 17 and len(found) == 21
    updated = [dt.datetime.fromisoformat(field(e, "updated")) for e in found]
    assert updated == sorted(updated, reverse=True)
    assert field(found[0], "title") == "Beredningsgruppen (gemensam) februari 2023"
    assert field(found[0], "id") == SITE_URL + "minnesanteckningar/gemensam/2023-02-01/"
    assert field(found[-1], "updated") == "2021-03-01T00:00:00+01:00"  # the oldest minutes (seed 000)
    assert len({field(e, "id") for e in found}) == 21


def test_minutes_entry_names_group_date_and_projects(site: Path) -> None:
    entry = next(e for e in entries(site) if field(e, "id").endswith("minnesanteckningar/norra/2021-05-05/"))
    assert field(entry, "title") == "Beredningsgrupp norra 5 maj 2021"
    assert field(entry, "updated") == "2021-05-05T00:00:00+02:00"
    assert "Cresco Creare" in field(entry, "summary") and "Hälsoskolor" in field(entry, "summary")
    assert {c.get("term") for c in entry.findall("a:category", ATOM)} == {"Minnesanteckningar", "Beredningsgrupp norra"}
    assert entry.find("a:link", ATOM).get("href") == SITE_URL + "minnesanteckningar/norra/2021-05-05/"


def test_project_entry_is_dated_by_the_newest_minutes_listing_it(site: Path) -> None:
    entry = next(e for e in entries(site) if field(e, "id").endswith("projekt/aurum-locus/"))
    assert field(entry, "title") == "Aurum Locus"
    assert field(entry, "updated") == "2022-01-01T00:00:00+01:00"  # norra, January 2022 (seed 001)
    cresco = next(e for e in entries(site) if field(e, "id").endswith("projekt/cresco-creare/"))
    assert field(cresco, "updated") == "2023-02-01T00:00:00+01:00"  # listed in 2021, 2022 and 2023


def test_project_date_prefers_start_and_never_invents_one() -> None:
    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    project = archive.projects["startgrid"]
    assert project_date(archive, project) == dt.date(2022, 1, 1)
    started = dataclasses.replace(project, meta=project.meta.model_copy(update={"start": dt.date(2020, 9, 1)}))
    assert project_date(archive, started) == dt.date(2020, 9, 1)
    unlisted = dataclasses.replace(project, slug="fixtur-utan-datum")  # no start, in no minutes: left out of the feed
    assert project_date(archive, unlisted) is None


def test_no_attendance_name_in_the_feed(site: Path) -> None:
    archive, _ = load_archive(Layout(root=ROOT))
    assert archive is not None
    names = {name for entry in archive.minutes for name in [*entry.meta.present, *entry.meta.absent]}
    text = (site / "feed.xml").read_text(encoding="utf-8")
    assert names and not [name for name in names if name in text]


def test_feed_is_identical_on_every_build(project_copy: Path, tmp_path: Path) -> None:
    assert mkdocs_build(project_copy, tmp_path / "a").returncode == 0
    build = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "b")]
    assert run(build, cwd=project_copy, SITE_TODAY="2030-01-01").returncode == 0
    assert (tmp_path / "a" / "feed.xml").read_bytes() == (tmp_path / "b" / "feed.xml").read_bytes()


def test_archive_page_links_the_feed(site: Path) -> None:
    html = (site / "minnesanteckningar" / "index.html").read_text(encoding="utf-8")
    assert 'href="../feed.xml" type="application/atom+xml"' in html


def updated(feed_xml: bytes) -> str:
    return etree.fromstring(feed_xml).findtext("a:updated", namespaces=ATOM) or ""


def test_an_empty_feed_is_dated_by_the_content_never_1970() -> None:
    """A feed reader shows a feed's `updated`: an empty feed says how long the site has been quiet."""
    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    links = Links("https://example.invalid/", lambda entry: entry.source, lambda group: group)
    # No minutes and no dated project published: the site publishes nothing dated (a new site, or
    # all of it past its retention time). Only then the build date, the same on every build that day.
    nothing = Archive(groups=archive.groups, minutes=[], projects={})
    empty = atom_feed(nothing, "Förbundet", "feed.xml", links, dt.date(2026, 11, 23))
    assert etree.fromstring(empty).findall("a:entry", ATOM) == []
    assert updated(empty) == "2026-11-23T00:00:00+01:00"
    assert empty == atom_feed(nothing, "Förbundet", "feed.xml", links, dt.date(2026, 11, 23))
    assert b"1970" not in empty


def test_the_quiet_date_is_the_newest_content_date_up_to_the_build_date() -> None:
    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    assert quiet_date(archive, dt.date(2026, 11, 23)) == dt.date(2023, 2, 1)  # the newest minutes (gemensam)
    assert quiet_date(archive, dt.date(2021, 6, 30)) == dt.date(2021, 5, 5)  # later minutes are not news yet
    # Elings ark and Måla för hälsan take participants until 30 June 2021: the next day the list changed.
    assert quiet_date(archive, dt.date(2021, 7, 2)) == dt.date(2021, 7, 1)
    assert quiet_date(archive, dt.date(2020, 1, 1)) == dt.date(2020, 1, 1)  # nothing dated yet: the build date


def test_every_page_announces_the_feeds_to_feed_readers(site: Path) -> None:
    """A reader given any page's address finds the feed (once no page's <head> named it)."""
    import posixpath

    from lxml import html as lxml_html

    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        head = lxml_html.parse(str(page)).getroot().find("head")
        links = head.findall("link[@rel='alternate'][@type='application/atom+xml']")
        folder = page.parent.relative_to(site).as_posix()
        targets = [posixpath.normpath(posixpath.join(folder, link.get("href"))) for link in links]
        assert targets == ["feed.xml"], page  # see urls.FEEDS for why only this one
        assert all((site / target).is_file() for target in targets)
        assert all(link.get("title", "").startswith("Samordningsförbundet Skaraborg: ") for link in links)
