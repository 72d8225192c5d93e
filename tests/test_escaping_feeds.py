"""Hostile front-matter values in the feeds: Atom and iCal escape them (added after merging issue 3)."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar
from lxml import etree
from test_escaping import ICAL_INJECTION, PLACE, PROJECT_TITLE, TITLE, hostile_site  # noqa: F401

ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom_feed_holds_hostile_titles_as_text(hostile_site: Path) -> None:  # noqa: F811
    feed = etree.parse(str(hostile_site / "feed.xml"))  # well-formed XML, or this raises
    titles = [t.text for t in feed.iter(f"{ATOM}title")]
    assert TITLE in titles and PROJECT_TITLE in titles
    assert not [e for e in feed.iter() if isinstance(e.tag, str) and not e.tag.startswith(ATOM)]  # no injected element


def test_calendar_holds_hostile_values_as_text_and_no_injected_event(hostile_site: Path) -> None:  # noqa: F811
    for path in (hostile_site / "kalender.ics", hostile_site / "kalender" / "vastra.ics"):
        calendar = Calendar.from_ical(path.read_bytes())
        events = [e for e in calendar.walk("VEVENT") if e.decoded("DTSTART").year == 2027]
        assert len(events) == 2, path
        texts = [str(value) for event in events for value in event.values()]
        assert any(PLACE in text for text in texts)
        assert any(ICAL_INJECTION in text for text in texts)
        assert not any(str(e.get("SUMMARY")) == "Falskt möte" for e in calendar.walk("VEVENT"))
