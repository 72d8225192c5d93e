"""Decisions from `Beslut:` lines and blocks.

    Beslut: Att skicka ut brevet.          one decision
    Beslut:                                a block: every paragraph or list item up
    - Bilda en arbetsgrupp                 to the next agenda item is one decision;
    Att inbjudan skickas ut v 11.          lines a word processor wrapped are joined

The text stays in the body as well (it belongs to its agenda item); the front
matter's `decisions` lists it again so the site can show every decision at a glance.
"""

from __future__ import annotations

from .reading import Kind, Reading
from .text import is_bullet, split_label, strip_bullet, strip_markup

DECISION_LABELS = frozenset({"beslut", "beslutades", "beslöts", "beslots", "motet beslutade", "beslut fattades", "decision", "decisions", "resolved"})


def read_decisions(reading: Reading) -> list[str]:
    decisions: list[str] = []
    lines = reading.lines
    for index, line in enumerate(lines):
        if index in reading.claims:
            continue
        label, rest = split_label(line.text)
        if label not in DECISION_LABELS:
            continue
        reading.claim(index, Kind.DECISION)
        if rest:
            parts = [rest]
            end = index + 1
            # A wrapped line continues the decision; the next `Beslut:` line is a decision of its own.
            while end < len(lines) and not lines[end].blank and reading.is_free(end) and split_label(lines[end].text)[0] not in DECISION_LABELS:
                parts.append(lines[end].text)
                reading.claim(end, Kind.DECISION)
                end += 1
        else:
            parts = []
            end = reading.next_heading(index)
            for i in range(index + 1, end):
                if not reading.is_free(i) or split_label(lines[i].text)[0] in DECISION_LABELS:
                    break
                reading.claim(i, Kind.DECISION)
                parts.append(lines[i].text)
        found = _items(parts)
        if not found:
            reading.note(index, "«Beslut:» följs inte av någon text")
        decisions += found
    return decisions


def _items(parts: list[str]) -> list[str]:
    """One decision per paragraph line or list item; wrapped lines joined."""
    items: list[str] = []
    for part in parts:
        text = strip_markup(part)
        if not text:
            items.append("")
            continue
        if is_bullet(text):
            items.append(strip_bullet(text))
        elif items and items[-1] and text[0].islower() and not items[-1].endswith((".", "!", "?")):
            items[-1] = f"{items[-1]} {text}"
        else:
            items.append(text)
    return [" ".join(item.split()) for item in items if item.strip()]
