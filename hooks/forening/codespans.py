"""Where a Markdown body is code: shown as text, so neither fetched nor followed.

The checks of bodies for images from other hosts (forening.offsite) and links
that lead nowhere (forening.bodylinks) leave code alone: the editors' guide shows
the very forms they refuse as examples, in code spans. This is rough, as
Markdown's rules for where code starts are subtle; what it wrongly takes for
code, the checks of the built site still find.
"""

from __future__ import annotations


class Code:
    """The code of one body: its fenced blocks and, line by line, its code spans."""

    def __init__(self, body: str) -> None:
        self.lines = body.split("\n")
        fenced = "```" in body or "~~~" in body
        self.fences = [number for number, text in enumerate(self.lines, 1) if text.lstrip(" ").startswith(("```", "~~~"))] if fenced else []

    def holds(self, line: int, text: str) -> bool:
        """Whether `text` on body line `line` (1-based) stands in a fenced block or a code
        span (an odd number of backticks before it on its line)."""
        if sum(1 for fence in self.fences if fence < line) % 2:
            return True
        row = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        at = row.find(text)
        return at > 0 and row.count("`", 0, at) % 2 == 1
