"""Content that is valid but contradicts itself: suggestions for `make check`, never errors.

The schema checks each field; these checks look at fields together, where a
mistake is likely but not certain (a name both present and absent may be a
substitute; two projects may share a title for a while). So they are said as
`förslag` lines, which an editor can act on or leave.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .archive import Archive
from .events import event_key
from .problems import Problem
from .publication import FieldLines
from .validate import Layout


def contradictions(layout: Layout, archive: Archive) -> list[Problem]:
    """A suggestion check (checks.SUGGESTION_CHECKS): each contradiction at its field's line."""
    lines = FieldLines(layout)
    found: list[Problem] = []

    def say(source: str, loc: tuple[str | int, ...], message: str) -> None:
        found.append(lines.suggestion(source, loc, message))

    for entry in archive.minutes:
        meta = entry.meta
        if meta.date_precision == "month" and meta.date.day != 1:
            say(entry.source, ("date",), f"`date_precision: month` men dagen är {meta.date.day}: skriv den första i månaden ({meta.date:%Y-%m}-01, även i filnamnet) eller ta bort `date_precision` om dagen är känd")
        if meta.end is not None and meta.start is None:
            say(entry.source, ("end",), "`end` utan `start`: skriv mötets starttid eller ta bort `end`")
        for field in ("present", "absent"):
            names = getattr(meta, field)
            for name, count in Counter(names).items():
                if count > 1:
                    say(entry.source, (field, len(names) - 1 - names[::-1].index(name)), f"{name} står {count} gånger; ta bort den ena raden")
        for i, name in enumerate(meta.absent):
            if name in meta.present:
                say(entry.source, ("absent", i), f"{name} står både under `present` och `absent`; ta bort den rad som inte stämmer")
    told: dict[str, tuple[str, str]] = {}  # an event's key: the title and minutes that first told of it
    for entry in archive.minutes:  # oldest first
        for i, event in enumerate(entry.meta.events):
            title, source = told.setdefault(event_key(event), (event.title, entry.source))
            if title.casefold() != event.title.casefold() and source != entry.source:
                say(
                    entry.source,
                    ("events", i, "title"),
                    f"”{event.title}” har samma slag och start som ”{title}” i {source}, och kalendern visar dem som ett "
                    "evenemang (med den nyaste titeln). Är det två olika, skriv starttiden för vart och ett; är det samma, skriv samma titel",
                )
    titles: dict[str, list[str]] = defaultdict(list)
    for project in archive.projects.values():
        titles[project.meta.title.casefold()].append(project.source)
    for sources in titles.values():
        for source in sources[1:]:
            say(source, ("title",), f"samma `title` som {sources[0]}: ge projekten olika namn, annars kan sidorna inte skiljas åt")
    return found
