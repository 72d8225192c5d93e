"""The project catalogue and project pages, read from the real built HTML."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import ROOT, mkdocs_build
from forening import catalogue
from forening.archive import Archive
from forening.schema import PROJECT_KINDS, PROJECT_STATUSES
from forening.validate import Layout, load_archive

# The order a reader expects: running first, ended last (the issue: "running first").
STATUS_RANK = ["pågående", "beviljat", "ansökt", "planerat", "avslutat", "avslaget"]


def soup_of(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html"
    assert path.is_file(), f"{url} was not built"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def archive_of(root: Path) -> Archive:
    archive, problems = load_archive(Layout(root=root))
    assert archive is not None, problems
    return archive


@pytest.fixture(scope="module")
def seeds() -> Archive:
    """The repository's projects/*.md and minutes, read by the engine's loader."""
    return archive_of(ROOT)


def items(soup: BeautifulSoup) -> dict[str, Tag]:
    """Catalogue items by the project slug their title links to."""
    result = {}
    for item in soup.select("li[data-fm-item]"):
        href = item.select_one("h3 a")["href"]
        result[href.strip("/").split("/")[-1]] = item
    return result


def facts(container: Tag) -> dict[str, str]:
    return {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in container.select("dt")}


def test_catalogue_lists_every_project_with_its_real_facts(site: Path, seeds: Archive) -> None:
    soup = soup_of(site, "projekt")
    found = items(soup)
    assert sorted(found) == sorted(seeds.projects)
    for slug, project in seeds.projects.items():
        meta, item = project.meta, found[slug]
        assert item.select_one("h3 a").get_text(strip=True) == meta.title
        assert (site / "projekt" / slug / "index.html").is_file()
        assert item.select_one(".fm-catalogue__summary").get_text(strip=True) == meta.summary
        shown = facts(item)
        as_of = f" (uppgift från {meta.status_date.year})" if meta.status_date else ""
        assert shown["Status"] == meta.status.capitalize() + as_of
        assert shown["Slag"] == meta.kind.capitalize()
        if meta.municipalities:
            assert shown["Kommuner" if len(meta.municipalities) > 1 else "Kommun"] == ", ".join(meta.municipalities)
        assert ("Period" in shown) == bool(meta.start or meta.end)
    # Spelled out, as the seeds give them.
    cresco = facts(found["cresco-creare"])
    assert cresco["Status"] == "Avslutat (uppgift från 2023)" and cresco["Period"] == "till 28 februari 2023"
    assert cresco["Kommuner"] == "Hjo, Töreboda, Skara"
    assert "Kommun" not in facts(found["startgrid"])  # no seed says where it runs
    assert facts(found["halsoskolor"])["Status"] == "Beviljat (uppgift från 2021)"


def test_catalogue_is_grouped_as_the_association_groups_its_work_running_first(site: Path, seeds: Archive) -> None:
    soup = soup_of(site, "projekt")
    sections = soup.select("section[data-fm-group]")
    assert [s.h2.get_text(strip=True) for s in sections] == ["Individinriktade insatser", "Strukturinriktade insatser"]
    structural = {"samverkansteam", "kompetensutveckling"}
    for section in sections:
        slugs = list(items(section))
        kinds = {seeds.projects[s].meta.kind for s in slugs}
        assert (kinds <= structural) == (section.h2.get_text(strip=True) == "Strukturinriktade insatser")
        expected = sorted(slugs, key=lambda s: (STATUS_RANK.index(seeds.projects[s].meta.status), catalogue.swedish_key(seeds.projects[s].meta.title)))
        assert slugs == expected
    individual = [item.select_one("h3").get_text(strip=True) for item in sections[0].select("li[data-fm-item]")]
    assert individual[-4:] == ["Hälsoskolor", "Cresco+", "Aurum Locus", "Cresco Creare"]
    assert individual[0] == "Elings ark"
    assert {i.select_one("h3").get_text(strip=True) for i in sections[1].select("li[data-fm-item]")} == {"7TJUGO", "Det goda exemplet", "Samverkansteam"}


def select_options(soup: BeautifulSoup, name: str) -> list[tuple[str, str]] | None:
    select = soup.select_one(f"form[data-fm-filter] select[name='{name}']")
    if select is None:
        return None
    label = soup.select_one(f"label[for='{select['id']}']")
    assert label is not None and label.get_text(strip=True), f"select {name} has no label"
    options = [(o["value"], o.get_text(strip=True)) for o in select.select("option")]
    assert options[0] == ("", "Alla")
    return options[1:]


def project_values(archive: Archive) -> dict[str, dict[str, list[str]]]:
    """Each filter's values per project, straight from the schema fields."""
    return {
        slug: {"status": [p.meta.status], "slag": [p.meta.kind], "kommun": list(p.meta.municipalities), "omrade": list(p.meta.areas)}
        for slug, p in archive.projects.items()
    }


def check_filters_match(soup: BeautifulSoup, archive: Archive) -> None:
    values = project_values(archive)
    for name in ("status", "slag", "kommun", "omrade"):
        present = {v for per in values.values() for v in per[name]}
        options = select_options(soup, name)
        if not present:
            assert options is None, f"{name}: a filter without options"
            continue
        assert options is not None and {value for value, _ in options} == present, name
        assert len(options) == len(present)
    for slug, item in items(soup).items():
        for name, expected in values[slug].items():
            assert json.loads(item[f"data-filter-{name}"]) == expected, (slug, name)
    form = soup.select_one("form[data-fm-filter]")
    assert form.has_attr("hidden"), "without JavaScript the filters stay hidden and everything is listed"
    count = form.select_one("[data-fm-count]")
    assert count["role"] == "status" and count["aria-live"] == "polite"
    assert count.get_text(strip=True) == f"Visar alla {len(archive.projects)} projekt."


def test_filters_offer_exactly_the_values_in_the_data(site: Path, seeds: Archive) -> None:
    soup = soup_of(site, "projekt")
    check_filters_match(soup, seeds)
    assert select_options(soup, "status") == [("pågående", "Pågående"), ("beviljat", "Beviljat"), ("planerat", "Planerat"), ("avslutat", "Avslutat")]
    kommun = [value for value, _ in select_options(soup, "kommun")]
    assert kommun == ["Hjo", "Karlsborg", "Skara", "Töreboda"]


HOSTILE = """\
---
title: Fixtur <script>alert(1)</script> & "citat"
summary: Fixtur med 'apostrof' och <b>fet</b> text.
status: avslaget
kind: förstudie
start: 2020-01-01
end: 2020-06-30
municipalities: [Hjo, Kommun' med "citat" & <tagg>]
areas: [norra, ostra]
---
Påhittad fixtur.
"""


# The real projects have no status "ansökt" now; this one brings it.
APPLIED = """\
---
title: Fixtur ansökt
summary: Påhittat projekt som har ansökt om medel.
status: ansökt
status_date: 2024-09-17
kind: projekt
---

Påhittad fixtur.
"""


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Archive]:
    """A copy with made-up projects: every status present, areas set, hostile text everywhere."""
    from conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("copy") / "project")
    (root / "projects" / "fixtur.md").write_text(HOSTILE, encoding="utf-8")
    (root / "projects" / "fixtur-ansokt.md").write_text(APPLIED, encoding="utf-8")
    out = tmp_path_factory.mktemp("fixture-site")
    result = mkdocs_build(root, out)
    assert result.returncode == 0, result.stderr
    return out, archive_of(root)


def test_fixture_filters_include_area_and_every_status_and_stay_escaped(fixture_site: tuple[Path, Archive]) -> None:
    site, archive = fixture_site
    soup = soup_of(site, "projekt")
    check_filters_match(soup, archive)
    assert select_options(soup, "omrade") == [("norra", "Beredningsgrupp norra"), ("ostra", "Beredningsgrupp östra")]
    assert [value for value, _ in select_options(soup, "status")] == STATUS_RANK
    assert [value for value, _ in select_options(soup, "slag")] == list(PROJECT_KINDS)
    item = items(soup)["fixtur"]
    assert item.select_one("h3").get_text(strip=True) == 'Fixtur <script>alert(1)</script> & "citat"'
    assert facts(item)["Period"] == "1 januari 2020 – 30 juni 2020"
    assert facts(item)["Område"] == "Beredningsgrupp norra, Beredningsgrupp östra"
    html = (site / "projekt" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<b>fet" not in html and "<tagg>" not in html
    project = (site / "projekt" / "fixtur" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in project and "<tagg>" not in project


def test_every_status_has_its_own_icon_and_label(fixture_site: tuple[Path, Archive]) -> None:
    site, _ = fixture_site
    soup = soup_of(site, "projekt")
    icons = {}
    for status in PROJECT_STATUSES:
        badge = soup.select_one(f".fm-status--{catalogue.status_class(status)}")
        assert badge is not None, status
        assert badge.get_text(strip=True) == status.capitalize()  # the text label is always there
        svg = badge.select_one("svg")
        assert svg["aria-hidden"] == "true"
        icons[status] = svg.select_one("path")["d"]
    assert len(set(icons.values())) == len(PROJECT_STATUSES)


def test_project_page_has_the_facts_box(site: Path) -> None:
    cresco = facts(soup_of(site, "projekt/cresco-creare").select_one(".fm-facts"))
    assert cresco["Status"] == "Avslutat (uppgift från 2023)"
    assert cresco["Slag"] == "Projekt" and cresco["Inriktning"] == "Individinriktade insatser"
    assert cresco["Period"] == "till 28 februari 2023"
    assert cresco["Kommuner"] == "Hjo, Töreboda, Skara"
    assert cresco["Metod"] == "BIP-metoden"
    assert cresco["Finansiering"].startswith("ESF-projekt.")
    halsoskolor = facts(soup_of(site, "projekt/halsoskolor").select_one(".fm-facts"))
    assert halsoskolor["Status"] == "Beviljat (uppgift från 2021)" and halsoskolor["Huvudpart"] == "Bräcke Diakoni" and halsoskolor["Parter"] == "Bräcke Diakoni"
    startgrid = facts(soup_of(site, "projekt/startgrid").select_one(".fm-facts"))
    assert startgrid["Huvudpart"] == "Vara" and startgrid["Status"] == "Pågående (uppgift från 2022)"
    goda = soup_of(site, "projekt/det-goda-exemplet").select_one(".fm-facts")
    link = goda.find("dt", string="Inriktning").find_next_sibling("dd").a
    assert link.get_text(strip=True) == "Strukturinriktade insatser" and link["href"] == "../#strukturinriktade-insatser"
    assert soup_of(site, "projekt").find(id="strukturinriktade-insatser") is not None


def resolve(site: Path, page_url: str, href: str) -> tuple[Path, str]:
    """The built file and fragment a relative link on `page_url` leads to."""
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(page_url, path)) if path else page_url.rstrip("/")
    return site / target / "index.html", fragment


def backlinks(site: Path, slug: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(minutes title, [(heading, anchor)]) per backlink, checking every link lands where it says."""
    page_url = f"projekt/{slug}/"
    section = soup_of(site, page_url.rstrip("/")).select_one("section.fm-mentions")
    assert section is not None
    result = []
    for entry in section.select(".fm-mentions__list > li"):
        link = entry.find("a", recursive=False)
        target, fragment = resolve(site, page_url, link["href"])
        assert target.is_file() and not fragment, link["href"]
        headings = []
        for anchor_link in entry.select(".fm-mentions__sections a"):
            target_file, fragment = resolve(site, page_url, anchor_link["href"])
            assert target_file == target, anchor_link["href"]
            heading = BeautifulSoup(target_file.read_text(encoding="utf-8"), "lxml").find(id=fragment)
            assert heading is not None and heading.name in ("h1", "h2", "h3", "h4", "h5", "h6"), anchor_link["href"]
            for permalink in heading.select("a.headerlink"):
                permalink.decompose()
            assert heading.get_text(strip=True) == anchor_link.get_text(strip=True)
            headings.append((anchor_link.get_text(strip=True), fragment))
        result.append((link.get_text(strip=True), headings))
    return result


def test_cresco_creare_backlinks_list_the_seed_minutes_newest_first_with_heading_anchors(site: Path) -> None:
    assert backlinks(site, "cresco-creare") == [
        ("Beredningsgruppen (gemensam) februari 2023", [("4. Cresco Creare", "4-cresco-creare"), ("5. Cresco+", "5-cresco")]),
        (
            "Beredningsgrupp norra januari–februari 2022",
            [("3. Gott exempel", "3-gott-exempel"), ("4. Cresco Creare", "4-cresco-creare"), ("Förstudier eller pilotprojekt", "forstudier-eller-pilotprojekt")],
        ),
        (
            "Beredningsgrupp norra 5 maj 2021",
            [("SUS", "sus"), ("Kartläggning", "kartlaggning"), ("Konkreta förslag utifrån dessa inriktningar:", "konkreta-forslag-utifran-dessa-inriktningar")],
        ),
        (
            "Beredningsgruppen (gemensam) februari–mars 2021",
            [("3. Rapport från styrelsemötet", "3-rapport-fran-styrelsemotet"), ("6. Cresco Create", "6-cresco-create"), ("9. Övrigt", "9-ovrigt")],
        ),
    ]


def test_every_project_backlink_lands_on_its_heading(site: Path, seeds: Archive) -> None:
    for slug in seeds.projects:
        listed = [m for m in seeds.minutes if slug in m.meta.projects]
        assert len(backlinks(site, slug)) >= len(listed), slug
    # Named in the text but not listed: still a backlink (and a suggestion for the editor).
    titles = [title for title, _ in backlinks(site, "7tjugo")]
    assert "Beredningsgruppen (gemensam) februari–mars 2021" in titles
