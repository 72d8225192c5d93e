"""The minutes archive as members read it: by year, by group, and one meeting's page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from conftest import mkdocs_build


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html"
    assert path.is_file(), f"{url} was not built"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def text(element: Tag) -> str:
    """The text a reader sees, with runs of white space made one space."""
    return " ".join(element.get_text().split())


def sidebar_links(soup: BeautifulSoup) -> list[str]:
    return [a["href"] for a in soup.select("nav.md-nav--primary a[href]")]


def test_archive_lists_every_meeting_by_year_newest_first_with_group_and_date(site: Path) -> None:
    soup = page(site, "minnesanteckningar")
    years = [h["id"] for h in soup.select("article h2[id^=ar-]")]
    assert years == ["ar-2023", "ar-2022", "ar-2021"]
    items = [text(li) for li in soup.select("ul.fm-archive li")]
    assert items == [
        "februari 2023 · Beredningsgruppen (gemensam)",
        "januari–februari 2022 · Beredningsgrupp norra",
        "5 maj 2021 · Beredningsgrupp norra",
        "februari–mars 2021 · Beredningsgruppen (gemensam)",
    ]
    # Each link says which meeting it is: in a list of links, "Beredningsgrupp norra" twice told nothing.
    links = [text(a) for a in soup.select("ul.fm-archive a")]
    assert links == items and len(set(links)) == len(links)
    assert [a["href"] for a in soup.select("ul.fm-archive a")] == [
        "gemensam/2023-02-01/",
        "norra/2022-01-01/",
        "norra/2021-05-05/",
        "gemensam/2021-03-01/",
    ]
    assert soup.select_one("ul.fm-archive time")["datetime"] == "2023-02"  # month precision stays a month
    assert [a["href"] for a in soup.select("nav.fm-years a")] == ["#ar-2023", "#ar-2022", "#ar-2021"]


def test_group_page_lists_only_its_meetings_under_its_name(site: Path) -> None:
    soup = page(site, "minnesanteckningar/norra")
    assert text(soup.h1) == "Beredningsgrupp norra"
    assert [text(li) for li in soup.select("ul.fm-archive li")] == ["januari–februari 2022", "5 maj 2021"]
    assert [a["href"] for a in soup.select("ul.fm-archive a")] == ["2022-01-01/", "2021-05-05/"]
    assert [text(a) for a in soup.select("ul.fm-archive a")] == ["januari–februari 2022", "5 maj 2021"]
    assert soup.select_one('a[href="../../kalender/norra.ics"]') is not None
    empty = page(site, "minnesanteckningar/ostra")
    assert text(empty.h1) == "Beredningsgrupp östra" and "inga publicerade minnesanteckningar" in text(empty.article)


def test_minutes_page_header_shows_facts_attendance_projects_and_neighbours(site: Path) -> None:
    soup = page(site, "minnesanteckningar/norra/2021-05-05")
    facts = dict(zip([text(d) for d in soup.select(".fm-facts dt")], [text(d) for d in soup.select(".fm-facts dd")], strict=True))
    assert facts == {"Grupp": "Beredningsgrupp norra", "Datum": "5 maj 2021", "Tid": "09:00–11:45"}
    # Older than the retention setting's attendance_years (5) at the build date: counts only.
    assert soup.select_one("details.fm-attendance") is None
    assert text(soup.select_one(".fm-attendance--withheld")).startswith("Närvaro: 10 närvarande, 2 frånvarande.")
    recent = page(site, "minnesanteckningar/norra/2022-01-01")
    attendance = recent.select_one("details.fm-attendance")
    assert attendance is not None and attendance.get("open") is None  # collapsed until opened
    assert text(attendance.summary) == "Närvaro: 12 närvarande, 4 frånvarande"
    assert [text(li) for li in attendance.select("ul")[1].select("li")] == ["Annika Sundin Gustafson", "Anitta Into", "Elisabeth Rahmberg", "Mikael Fransson"]
    projects = {text(a): a["href"] for a in soup.select(".fm-projects a")}
    assert len(projects) == 11 and projects["Cresco Creare"] == "../../../projekt/cresco-creare/"
    pager = soup.select_one("nav.fm-pager")
    assert [(a["rel"], a["href"]) for a in pager.select("a")] == [(["next"], "../2022-01-01/")]
    # All of it comes before the body's first agenda item.
    html = str(soup.article)
    assert html.index("fm-facts") < html.index("fm-attendance") < html.index("fm-projects") < html.index("fm-pager") < html.index("1. Välkommen")


def test_decisions_are_highlighted_and_next_meetings_close_the_page(site: Path) -> None:
    soup = page(site, "minnesanteckningar/gemensam/2023-02-01")
    decisions = soup.select_one(".admonition.fm-decisions")
    assert text(decisions.select_one(".admonition-title")) == "Beslut"
    assert len(decisions.select("li")) == 1
    assert text(decisions.select("li")[0]) == "Beredningsgruppen svarade att de kunde tänka sig att vara styrgrupp för Cresco+."
    assert [a["rel"] for a in soup.select("nav.fm-pager a")] == [["prev"]]
    next_meetings = soup.select_one("section.fm-next")
    assert str(soup.article).index("fm-next") > str(soup.article).index("11. Övrigt")  # after the body
    items = [text(li) for li in next_meetings.select("li")]
    assert items == ["Beredningsgruppen (gemensam): tisdag 9 maj 2023 kl. 09:00–12:00"]
    assert next_meetings.select_one("a")["href"] == "../../../kalender/#gemensam-20230509T0900"
    # The omvärldsdag of 25 April is an event of the association, listed after the meetings.
    events = soup.select_one("section.fm-events")
    assert str(soup.article).index("fm-events") > str(soup.article).index("fm-next")
    assert text(events.select("li")[0]).startswith("Omvärldsdag: Vårens omvärldsdag, tisdag 25 april 2023, Science Park i Skövde")
    assert events.select_one("a")["href"] == "../../../kalender/#evenemang-omvarldsdag-20230425"


def test_sidebar_never_lists_minutes_pages(site: Path) -> None:
    home = sidebar_links(page(site, ""))
    assert len(home) < 15
    for url in ("minnesanteckningar", "minnesanteckningar/norra", "minnesanteckningar/norra/2021-05-05", "kalender"):
        links = sidebar_links(page(site, url))
        assert not [href for href in links if "2021-05-05" in href or "/norra/" in href], url
        assert len(links) == len(home), url
    assert any(href.endswith("kalender/") for href in home)


def test_hundreds_of_minutes_leave_the_sidebar_alone(project_copy: Path, tmp_path: Path) -> None:
    folder = project_copy / "minutes" / "vastra"
    folder.mkdir()
    first = dt.date(2017, 1, 3)  # all within the retention setting's minutes_years (10) of the build date
    for week in range(300):  # fixtures: made-up meetings, one a week
        day = first + dt.timedelta(weeks=week)
        (folder / f"{day}.md").write_text(f"---\ndate: {day}\ngroup: vastra\n---\n\nFixtur.\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "out"
    assert len(page(site, "minnesanteckningar").select("ul.fm-archive li")) == 304
    assert len(page(site, "minnesanteckningar/vastra").select("ul.fm-archive li")) == 300
    home = sidebar_links(page(site, ""))
    assert len(home) < 15
    assert len(sidebar_links(page(site, f"minnesanteckningar/vastra/{first + dt.timedelta(weeks=104)}"))) == len(home)


def test_attachments_are_listed_and_published_beside_the_minutes(project_copy: Path, tmp_path: Path) -> None:
    folder = project_copy / "minutes" / "vastra"
    folder.mkdir()
    (folder / "2024-03-12-spelplan fixtur.pdf").write_bytes(b"%PDF-1.4 fixture attachment\n")
    (folder / "2024-03-12.md").write_text(
        "---\n"
        "date: 2024-03-12\n"
        "group: vastra\n"
        "title: Fixturmöte <med> bilaga\n"
        "attachments:\n"
        "  - title: Spelplan (fixtur)\n"
        "    file: 2024-03-12-spelplan fixtur.pdf\n"
        "---\n\nFixtur.\n",
        encoding="utf-8",
    )
    assert mkdocs_build(project_copy, tmp_path / "out").returncode == 0
    soup = page(tmp_path / "out", "minnesanteckningar/vastra/2024-03-12")
    assert text(soup.h1) == "Fixturmöte <med> bilaga"  # escaped, shown as written
    link = soup.select_one(".fm-attachments a")
    assert text(link) == "Spelplan (fixtur)" and link["href"] == "2024-03-12-spelplan%20fixtur.pdf"
    published = tmp_path / "out" / "minnesanteckningar" / "vastra" / "2024-03-12" / "2024-03-12-spelplan fixtur.pdf"
    assert published.read_bytes() == b"%PDF-1.4 fixture attachment\n"
    listed = page(tmp_path / "out", "minnesanteckningar")
    assert text(listed.select_one("ul.fm-archive li")) == "12 mars 2024 · Fixturmöte <med> bilaga · Beredningsgrupp västra"
