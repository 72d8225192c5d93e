"""/kalender/: coming meetings relative to the build date, past ones below, and how to subscribe."""

from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from conftest import ROOT, mkdocs_build, run
from forening.validate import Layout, load_archive
from icalendar import Calendar


def page(site: Path, url: str = "kalender") -> BeautifulSoup:
    path = site / url / "index.html"
    assert path.is_file(), f"{url} was not built"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def text(element: Tag) -> str:
    return " ".join(element.get_text().split())


def ids(soup: BeautifulSoup, selector: str) -> list[str]:
    return [li["id"] for li in soup.select(selector)]


def build_on(day: str, root: Path, site: Path) -> Path:
    result = run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=root, SITE_TODAY=day)
    assert result.returncode == 0, result.stderr
    return site


def test_after_the_last_seed_meeting_everything_is_past(site: Path) -> None:
    soup = page(site)
    assert text(soup.h1) == "Kalender"
    assert soup.select("ul.fm-meetings:not(.fm-meetings--past) li") == []
    assert "Inga kommande möten eller evenemang är annonserade" in text(soup.article)
    past = ids(soup, "ul.fm-meetings--past li")
    # 10 meetings and 5 events, newest first.
    assert len(past) == 15 and past[0] == "evenemang-konferens-20230829" and past[1] == "gemensam-20230509T0900"
    assert past[-1] == "evenemang-oppet-hus-20210409"
    held = soup.select_one("#norra-20210505T0900")
    assert "onsdag 5 maj 2021 kl. 09:00–11:45" in text(held)
    assert held.select_one("a")["href"] == "../minnesanteckningar/norra/2021-05-05/"  # the minutes of that meeting


def test_coming_and_past_follow_the_build_date(tmp_path: Path) -> None:
    soup = page(build_on("2021-08-25", ROOT, tmp_path / "site"))
    assert ids(soup, "li.fm-meeting") == [
        "ostra-20210825T0900",  # today counts as coming
        "vastra-20210826T1315",
        "evenemang-heldag-20211013",  # the association's events in the same list
        "ostra-20220308T0900",
        "vastra-20220309T0900",
        "norra-20220310T0900",
        "evenemang-omvarldsdag-20230425",
        "gemensam-20230509T0900",
        "evenemang-konferens-20230829",
    ]
    assert ids(soup, "ul.fm-meetings--past li") == [
        "norra-20210824T0900",
        "ostra-20210506T1315",
        "norra-20210505T0900",
        "vastra-20210504T0900",
        "evenemang-heldag-20210421",
        "evenemang-oppet-hus-20210409",
    ]
    first = soup.select_one("#ostra-20210825T0900")
    assert text(first).startswith("onsdag 25 augusti 2021 kl. 09:00–11:45 Beredningsgrupp östra")
    assert [a["href"] for a in first.select(".fm-archive__meta a")] == ["../minnesanteckningar/norra/2021-05-05/"]
    heldag = soup.select_one("#evenemang-omvarldsdag-20230425")
    assert "tisdag 25 april 2023" in text(heldag) and "Science Park i Skövde" in text(heldag)
    headings = [h["id"] for h in soup.select("article h2")]
    assert headings.index("kommande") < headings.index("tidigare")


def test_page_explains_how_to_subscribe_to_every_group_feed(site: Path) -> None:
    soup = page(site)
    section = soup.select_one("ul.fm-feeds")
    links = [a["href"] for a in section.select("a") if not a["href"].startswith("webcal:")]
    assert links == ["../kalender.ics", "norra.ics", "vastra.ics", "ostra.ics", "gemensam.ics"]
    # Beside each, a webcal: link, which subscribes in one tap (https: would import the file once).
    subscribe = [a["href"] for a in section.select("a") if a["href"].startswith("webcal:")]
    assert subscribe == [f"webcal://example.invalid/{feed}" for feed in ("kalender.ics", *(f"kalender/{g}.ics" for g in ("norra", "vastra", "ostra", "gemensam")))]
    assert {text(a) for a in section.select("a[href^='webcal:']")} == {"prenumerera"}
    for href in links:
        assert (site / "kalender" / href).resolve().is_file(), href
    addresses = [text(c) for c in section.select("code")]
    assert addresses[0] == "https://example.invalid/kalender.ics" and addresses[1] == "https://example.invalid/kalender/norra.ics"
    assert "prenumerera" in text(soup.select_one("#prenumerera").find_next("p"))


def test_calendar_is_in_the_navigation(site: Path) -> None:
    nav = [text(a) for a in page(site, "").select("nav.md-nav--primary a")]
    assert "Kalender" in nav


def test_a_meeting_announced_in_two_minutes_appears_once(project_copy: Path, tmp_path: Path) -> None:
    # Fixture minutes (made up): östra repeats the östra meeting of 25 August 2021
    # that norra's minutes of 5 May 2021 (seed 003) announced, with a place.
    folder = project_copy / "minutes" / "ostra"
    folder.mkdir()
    (folder / "2021-06-15.md").write_text(
        "---\n"
        "date: 2021-06-15\n"
        "group: ostra\n"
        "title: Fixturmöte östra\n"
        "next_meetings:\n"
        "  - group: ostra\n"
        "    start: 2021-08-25T09:00\n"
        "    end: 2021-08-25T11:45\n"
        '    place: "Rum <b>3</b> & Co; plan 2"\n'
        "---\n\nFixtur.\n",
        encoding="utf-8",
    )
    site = build_on("2021-08-01", project_copy, tmp_path / "site")
    soup = page(site)
    assert ids(soup, "li.fm-meeting").count("ostra-20210825T0900") == 1
    meeting = soup.select_one("#ostra-20210825T0900")
    assert "Rum <b>3</b> & Co; plan 2" in text(meeting) and meeting.select_one("b") is None  # escaped, not markup
    announced = [a["href"] for a in meeting.select(".fm-archive__meta a")]
    assert announced == ["../minnesanteckningar/ostra/2021-06-15/", "../minnesanteckningar/norra/2021-05-05/"]
    for feed in ("kalender.ics", "kalender/ostra.ics"):
        calendar = Calendar.from_ical((site / feed).read_bytes())
        same = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == "ostra-20210825T0900@example.invalid"]
        assert len(same) == 1, feed
        assert str(same[0]["LOCATION"]) == "Rum <b>3</b> & Co; plan 2"
        assert str(same[0]["URL"]) == "https://example.invalid/minnesanteckningar/ostra/2021-06-15/"  # the newest announcement
        assert "minnesanteckningar/norra/2021-05-05/" in str(same[0]["DESCRIPTION"])
    assert len(Calendar.from_ical((site / "kalender.ics").read_bytes()).walk("VEVENT")) == 15


def test_missing_site_url_stops_the_build_with_a_clear_message(project_copy: Path, tmp_path: Path) -> None:
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://example.invalid/\n", ""), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "site_url saknas i mkdocs.yml" in result.stderr


def test_calendar_page_names_no_one_from_attendance(site: Path) -> None:
    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    names = {name for entry in archive.minutes for name in [*entry.meta.present, *entry.meta.absent]}
    shown = text(page(site).article)
    assert names and not [name for name in names if name in shown]


MOVED = {
    "norra/2026-06-10.md": "---\ndate: 2026-06-10\ngroup: norra\nnext_meetings:\n  - group: norra\n    start: 2026-09-01T09:00\n"
    "  - group: norra\n    start: 2026-09-15T09:00\n---\n\nFixtur.\n",
    "norra/2026-08-15.md": "---\ndate: 2026-08-15\ngroup: norra\nnext_meetings:\n  - group: norra\n    start: 2026-09-01T13:00\n"
    "    note: Flyttat från förmiddagen\n  - group: norra\n    start: 2026-09-15T09:00\n    cancelled: true\n---\n\nFixtur.\n",
}


def test_a_moved_and_a_cancelled_meeting_say_so_on_the_page_and_in_the_feeds(project_copy: Path, tmp_path: Path) -> None:
    """Subscribers once kept the old time beside the new one, and nothing could call a meeting off."""
    for name, content in MOVED.items():
        (project_copy / "minutes" / name).write_text(content, encoding="utf-8")
    site = build_on("2026-08-20", project_copy, tmp_path / "site")
    for feed in ("kalender.ics", "kalender/norra.ics"):
        found = {str(e["UID"]).split("@")[0]: e for e in Calendar.from_ical((site / feed).read_bytes()).walk("VEVENT")}
        assert str(found["norra-20260901T0900"]["SUMMARY"]) == "Flyttat: Beredningsgrupp norra: möte"
        assert str(found["norra-20260915T0900"]["SUMMARY"]) == "Inställt: Beredningsgrupp norra: möte"
        assert {str(found[key]["STATUS"]) for key in ("norra-20260901T0900", "norra-20260915T0900")} == {"CANCELLED"}
        assert "STATUS" not in found["norra-20260901T1300"]
    soup = page(site)
    coming = {li["id"]: text(li) for li in soup.select("#kommande ~ ul.fm-meetings > li")}
    assert "Flyttat: Beredningsgrupp norra" in coming["norra-20260901T0900"]
    assert "Inställt: Beredningsgrupp norra" in coming["norra-20260915T0900"]
    assert "Flyttat:" not in coming["norra-20260901T1300"] and "Flyttat från förmiddagen" in coming["norra-20260901T1300"]
    # The older minutes still link to the old time's entry, which is there to say it moved.
    older = page(site, "minnesanteckningar/norra/2026-06-10")
    assert [a["href"].split("#")[1] for a in older.select(".fm-next a[href*='#']")] == ["norra-20260901T0900", "norra-20260915T0900"]
    newer = page(site, "minnesanteckningar/norra/2026-08-15")
    assert [text(li).split(":")[1].strip() for li in newer.select(".fm-next li")] == ["tisdag 1 september 2026 kl. 13", "Inställt"]
