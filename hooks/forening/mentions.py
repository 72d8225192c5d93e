"""Which minutes name which project, and under which agenda heading.

A project page lists every minutes page that lists the project in `projects`
or names it in its text, by its title or one of its `aliases`. Names are found
case-insensitively, on word boundaries, also in the Swedish genitive ("Crescos",
"Cresco Creares", "Cresco+:s"). Where two names start at the same place the
longest wins, so "Cresco+" is the project Cresco+ and not Cresco followed by a
plus sign.

The index is built once per archive (`Archive.mentions`) in one pass over the
minutes, so the work grows with the archive, not with archive × projects. The
build uses it for the project pages; `make check` reads the same names per body
for its suggestions (the build leaves those to it: `checks.SUGGESTION_CHECKS`),
and needs only their lines, not the headings they stand under. So the two are
remembered between runs apart (memo): the lines of the names in a body
(`NameFinder.named_lines`) and a body's headings (`body_headings`), and the
helper process finds ahead what each needs (`names_ahead`, `index_ahead`).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from typing import TYPE_CHECKING, NamedTuple

from .headings import Heading, headings
from .memo import FileText, remembered, text_of
from .prefetch import FileWork
from .problems import Problem, Severity

if TYPE_CHECKING:
    from .archive import Archive, MinutesEntry, ProjectEntry
    from .validate import Layout

# Text that is not read for names: HTML comments, code, link targets and web
# addresses. Each pattern runs only when its sign is in the text at all, which
# keeps this fast on a large archive (Python tries a pattern at every position).
# A pattern that never spans lines (the last flag) runs only on the lines with its
# sign: the address pattern cannot skip ahead to a literal, and half the minutes
# hold an address somewhere.
_HIDDEN = [
    ("<!--", re.compile(r"<!--.*?-->", re.DOTALL), False),  # comments
    ("`", re.compile(r"`+[^`\n]*`+"), False),  # inline code
    ("](", re.compile(r"\]\([^)\n]*\)"), False),  # link targets: [text](target)
    ("]:", re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:.*$", re.MULTILINE), False),  # reference definitions
    ("://", re.compile(r"<[a-z]+://[^>\n]*>|(?<![\w.+-])[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE), True),  # addresses
]


# A word, or one sign that is neither a word character nor a space ("+", "/").
_WORD = re.compile(r"\w+|[^\w\s]")


class Section(NamedTuple):
    """Where on a minutes page a project is named: under which heading.

    A named tuple rather than a frozen dataclass: a large archive makes hundreds of
    thousands of them (also read back from the memo), and a tuple is made in C."""

    trail: tuple[str, ...]  # heading texts from the outermost down, e.g. ("5. Projektprocesser", "SUS")
    anchor: str | None  # the heading's id; None for text before the first heading

    @property
    def heading(self) -> str | None:
        return self.trail[-1] if self.trail else None


@dataclass(frozen=True)
class Mention:
    """One minutes page that discusses a project."""

    entry: MinutesEntry
    listed: bool  # the minutes list the project in `projects`
    sections: tuple[Section, ...]  # where the text names it, in page order (none when only listed)
    lines: tuple[int, ...]  # file lines where the text names it


@dataclass(frozen=True)
class MentionIndex:
    """Every project's mentions, newest minutes first."""

    by_project: dict[str, list[Mention]]

    def of(self, slug: str) -> list[Mention]:
        return self.by_project.get(slug, [])


@dataclass(frozen=True)
class _Name:
    length: int  # of the name as written, to let the longest name win
    slugs: list[str]  # the projects that use the name (normally one)


@dataclass(frozen=True)
class _SameFirstWord:
    """The names that start with one word, longest first, and one pattern for them all.

    Alternative i of the pattern is name i: the first alternative that matches is
    the longest name there, found in one call however many names share the word
    (an archive may hold hundreds of "Projekt ..." titles).
    """

    names: list[_Name]
    source: str  # the pattern, compiled when first used: a run that finds every body in the memo uses none
    scan_source: str  # the first word followed by the rest of one of the names, in lower case
    # Words of which a lower-cased text holds one wherever it names one of the names: the
    # scan is skipped where none is in the text (`in` is several times faster than a scan,
    # and "exemplet" of "Det goda exemplet" is in few texts, "det" in every one).
    needed: tuple[str, ...]
    # The same as whole words of a text (`_TEXT_WORD`), of which a text that names one of
    # the names holds one: `_needed_text_words`.
    needed_words: frozenset[str] | None

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self.source, re.IGNORECASE)

    @cached_property
    def scan(self) -> re.Pattern[str]:
        # Starting with a literal, the pattern skips ahead to the word in C, and
        # stops only where a whole name follows: a first word such as "det" (of
        # "Det goda exemplet") is in every minutes, hundreds of times.
        return re.compile(self.scan_source)


class NameFinder:
    """Finds every project's title and aliases in a text.

    Python's regular expressions try an alternation of many names at every
    position, which is slow on a large archive. Instead each name's first word
    is scanned for in the lower-cased text by a pattern that starts with that
    word (a fast C scan that stops only where a whole name follows), and there
    the names with that first word are tried, longest name first.
    """

    def __init__(self, projects: Iterable[ProjectEntry]):
        self._build(names_of(projects))

    @classmethod
    def of_names(cls, names: Names) -> NameFinder:
        """The finder of `names_of(projects)`: plain data, which another process can be sent."""
        finder = cls.__new__(cls)
        finder._build(names)
        return finder

    def _build(self, names: Names) -> None:
        owners: dict[str, list[str]] = defaultdict(list)
        spelled: dict[str, str] = {}
        for slug, project_names in names:
            for name in project_names:
                key = _lower(" ".join(name.split()))
                if key and slug not in owners[key]:
                    owners[key].append(slug)
                    spelled.setdefault(key, name)
        # What `places` depends on besides the body, short enough to prefix every body with.
        self._names = hashlib.sha256(repr(sorted((key, spelled[key], owners[key]) for key in owners)).encode()).hexdigest()[:40]
        by_first: dict[str, list[str]] = defaultdict(list)
        for key in sorted(owners, key=lambda k: (-len(k), k)):
            by_first[_WORD.match(key)[0]].append(key)  # type: ignore[index]
        self._by_first = {
            first: _SameFirstWord(
                names=[_Name(len(key), owners[key]) for key in keys],
                source="|".join(f"({_name_pattern(spelled[key])})" for key in keys),
                scan_source=re.escape(first) + "(?=" + "|".join(f"(?:{_after_first_word(key, first)})" for key in keys) + ")",
                needed=_needed_words(keys, first),
                needed_words=_needed_text_words(keys),
            )
            for first, keys in by_first.items()
        }
        # For `_groups_in` past MANY_GROUPS: each needed word's groups, by their place in `_groups`.
        self._groups = list(self._by_first.items())
        self._by_needed_word: dict[str, list[int]] = defaultdict(list)
        self._without_words: list[int] = []  # groups with a name of signs only: always looked at
        for i, (_, group) in enumerate(self._groups):
            if group.needed_words is None:
                self._without_words.append(i)
            for word in group.needed_words or ():
                self._by_needed_word[word].append(i)

    def places(self, body: str | FileText) -> dict[str, tuple[tuple[Section, ...], tuple[int, ...]]]:
        """For each project named in a minutes body, where: the sections (in page order)
        and the 0-based body lines."""
        named = self.named_lines(body)
        if not named:
            return {}
        sections = _Sections(body_headings(body))
        return {slug: (tuple(dict.fromkeys(sections.at(line) for line in lines)), lines) for slug, lines in named.items()}

    def named_lines(self, body: str | FileText) -> dict[str, tuple[int, ...]]:
        """For each project named in a minutes body, the 0-based body line of each naming.
        Remembered between runs for the same names and body (see memo)."""
        return remembered(_NAMES, body, lambda: self._named_lines(text_of(body)), _lines_to_json, _lines_from_json, salt=self._names)

    def _named_lines(self, body: str) -> dict[str, tuple[int, ...]]:
        return {slug: _lines_at(body, offsets) for slug, offsets in self.find(body).items()}

    def find(self, text: str) -> dict[str, list[int]]:
        """For each project named in `text`, the offsets where it is named."""
        for sign, pattern, by_line in _HIDDEN:
            if sign in text:
                text = _hide(text, sign, pattern, by_line)
        lowered = _lower(text)
        starts: dict[int, list[_SameFirstWord]] = defaultdict(list)
        for first, group in self._groups_in(lowered):
            for match in group.scan.finditer(lowered):
                at = match.start()
                if _whole_word(lowered, at, at + len(first)):
                    starts[at].append(group)
        found: dict[str, list[int]] = defaultdict(list)
        taken = 0  # no name is searched inside a longer one found before it
        for at in sorted(starts):
            if at < taken:
                continue
            best: tuple[_Name, int] | None = None  # the longest name that starts here, and its end
            for group in starts[at]:  # usually one; two where words overlap ("cresco", "crescos")
                match = group.pattern.match(text, at)
                if match:
                    name = group.names[match.lastindex - 1]  # type: ignore[operator]
                    if best is None or name.length > best[0].length:
                        best = (name, match.end())
            if best is not None:
                for slug in best[0].slugs:
                    found[slug].append(at)
                taken = best[1]
        return found

    def _groups_in(self, lowered: str) -> list[tuple[str, _SameFirstWord]]:
        """The groups of names that may be named in the lower-cased `lowered`: those of
        which it holds a needed word.

        Looking for a group's needed words costs one pass over the text per group: fine
        for the dozen first words of a few projects, seconds over an archive when decades
        of projects bring hundreds. Past `MANY_GROUPS`, the text's words are listed in
        one pass instead, and a group is left out when none of its `needed_words` is
        among them."""
        if len(self._by_first) <= MANY_GROUPS:
            return [(first, group) for first, group in self._by_first.items() if any(word in lowered for word in group.needed)]
        found = set(self._without_words)
        for word in self._by_needed_word.keys() & set(_TEXT_WORD.findall(lowered)):
            found.update(self._by_needed_word[word])
        return [self._groups[i] for i in sorted(found)]


# Past this many first words, a text's words are listed before its names are looked for
# (`NameFinder._groups_in`): listing them costs about as much as looking for 60 words.
MANY_GROUPS = 64

# A whole word of a text, as `_whole_word` and the names' patterns (`\w`) see words.
_TEXT_WORD = re.compile(r"\w+")


def _lines_at(text: str, offsets: list[int]) -> tuple[int, ...]:
    """The 0-based lines of ascending character offsets in `text`."""
    lines, line, last = [], 0, 0
    for offset in offsets:
        line += text.count("\n", last, offset)
        last = offset
        lines.append(line)
    return tuple(lines)


def _lines_to_json(named: dict[str, tuple[int, ...]]) -> dict:
    return {slug: list(lines) for slug, lines in named.items()}


def _lines_from_json(stored: dict) -> dict[str, tuple[int, ...]]:
    return {str(slug): tuple(map(int, lines)) for slug, lines in stored.items()}


def body_headings(body: str | FileText) -> list[Heading]:
    """A body's headings (forening.headings), remembered between runs for the same body (see memo)."""
    return remembered(_HEADINGS, body, lambda: headings(text_of(body)), _headings_to_json, _headings_from_json)


def _headings_to_json(found: list[Heading]) -> list[list]:
    return [[h.line, h.level, h.text, h.anchor] for h in found]


def _headings_from_json(stored: list) -> list[Heading]:
    return [Heading(int(line), int(level), str(text), str(anchor)) for line, level, text, anchor in stored]


def _whole_word(text: str, start: int, end: int) -> bool:
    """A name's first word can start at `start`: not inside a longer word ("detta", "nycresco").

    A genitive s may follow it ("Crescos"); the name's full pattern decides the rest.
    """
    if _is_word_char(text[start]) and start > 0 and _is_word_char(text[start - 1]):
        return False
    if not _is_word_char(text[end - 1]) or end >= len(text) or not _is_word_char(text[end]):
        return True
    return text[end] == "s" and (end + 1 >= len(text) or not _is_word_char(text[end + 1]))


def index_mentions(minutes: list[MinutesEntry], projects: dict[str, ProjectEntry]) -> MentionIndex:
    """Every project's mentions (listed or named), newest minutes first."""
    finder = NameFinder(projects.values())
    by_project: dict[str, list[Mention]] = {slug: [] for slug in projects}
    for entry in reversed(minutes):  # the archive keeps minutes oldest first
        named = finder.places(entry.body_text)
        for slug in dict.fromkeys([*entry.meta.projects, *named]):
            sections, body_lines = named.get(slug, ((), ()))
            by_project.setdefault(slug, []).append(
                Mention(
                    entry=entry,
                    listed=slug in entry.meta.projects,
                    sections=sections,
                    lines=tuple(dict.fromkeys(entry.body_line + line for line in body_lines)),
                )
            )
    return MentionIndex(by_project=by_project)


# What the memo keeps of a body under: `NameFinder.named_lines` (salted with the names), `body_headings`.
_NAMES, _HEADINGS = "names", "headings"

# Every project's names, title first: (slug, (title, *aliases)) in the archive's order.
Names = tuple[tuple[str, tuple[str, ...]], ...]


def names_of(projects: Iterable[ProjectEntry]) -> Names:
    return tuple((project.slug, (project.meta.title, *project.meta.aliases)) for project in projects)


def names_ahead(projects: list[ProjectEntry]) -> list[FileWork]:
    """The lines of these projects' names in a minutes body, for the helper to find ahead
    (forening.prefetch): all that `make check`'s suggestions need."""
    names = names_of(projects)
    return [FileWork(_NAMES, partial(_named_lines, names), _lines_to_json, body=True, salt=_finder_of(names)._names)]


def index_ahead(projects: list[ProjectEntry]) -> list[FileWork]:
    """The names and the headings of a minutes body, for the helper to find ahead.

    The build hands this over: its project pages need the mention index of the
    archive as published, made from the same bodies and names, which then finds
    every body's names and headings kept (`NameFinder.places`)."""
    return [*names_ahead(projects), FileWork(_HEADINGS, headings, _headings_to_json, body=True)]


@lru_cache(maxsize=2)
def _finder_of(names: Names) -> NameFinder:
    return NameFinder.of_names(names)


def _named_lines(names: Names, body: str) -> dict[str, tuple[int, ...]]:
    """In the helper: `NameFinder.named_lines` without the memo (the memo of the run that handed it keeps what this returns)."""
    return _finder_of(names)._named_lines(body)


def mention_suggestions(layout: Layout, archive: Archive) -> list[Problem]:
    """`make check`: minutes whose text names a project that their `projects` does not list.

    Straight from the lines of each body's names (`NameFinder.named_lines`), without the
    headings and the index of all mentions that project pages need: `make check` has no
    project pages to make.
    """
    finder = NameFinder(archive.projects.values())
    problems = []
    for entry in archive.minutes:
        for slug, body_lines in finder.named_lines(entry.body_text).items():
            if slug in entry.meta.projects:
                continue
            title = archive.projects[slug].meta.title
            first, *more = dict.fromkeys(entry.body_line + line for line in body_lines)
            also = f" (även rad {', '.join(map(str, more))})" if more else ""
            problems.append(
                Problem(
                    path=entry.source,
                    line=first,
                    field="projects",
                    message=f"texten nämner {title}{also} men `{slug}` står inte under `projects`; "
                    "lägg till det om mötet behandlade projektet, så länkar projektsidan hit",
                    severity=Severity.SUGGESTION,
                )
            )
    return problems


class _Sections:
    """A minutes body's headings, to place a mention under its heading."""

    def __init__(self, found: list[Heading]):
        self._headings = found
        self._heading_lines = [h.line for h in found]
        self._trails = _trails(found)

    def at(self, line: int) -> Section:
        """The section of a 0-based body line."""
        i = bisect_right(self._heading_lines, line) - 1
        if i < 0:
            return Section(trail=(), anchor=None)
        return Section(trail=self._trails[i], anchor=self._headings[i].anchor)


def _trails(found: list[Heading]) -> list[tuple[str, ...]]:
    """Each heading with the headings it stands under (agenda item, sub-item, ...)."""
    trails: list[tuple[str, ...]] = []
    stack: list[Heading] = []
    for heading in found:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
        trails.append(tuple(h.text for h in stack))
    return trails


def _name_pattern(name: str) -> str:
    """A name as a pattern: any spacing between words, whole words only, genitive allowed."""
    pattern = r"\s+".join(re.escape(word) for word in name.split())
    if _is_word_char(name[0]):
        pattern = r"(?<!\w)" + pattern
    if _is_word_char(name[-1]):
        return pattern + r"(?::?s)?(?!\w)"  # Cresco, Crescos; 7TJUGO:s
    return pattern + r"(?::s(?!\w))?"  # Cresco+, Cresco+:s


def _needed_words(keys: list[str], first: str) -> tuple[str, ...]:
    """Words one of which every naming of one of the lower-cased names `keys` holds: the
    longest word of each name (a naming holds each of its words as written), none that
    holds a shorter one of them; past a few, the first word, which all of them share."""
    longest = sorted({max(key.split(), key=len) for key in keys}, key=len)
    needed: list[str] = []
    for word in longest:
        if not any(shorter in word for shorter in needed):
            needed.append(word)
    return tuple(needed) if len(needed) <= 4 else (first,)


def _needed_text_words(keys: list[str]) -> frozenset[str] | None:
    """Whole words of a text one of which is there wherever it names one of the lower-cased
    names `keys`: the longest word of each name, and it with a genitive s. None when a
    name has no word (only signs): a text may name that one without any word.

    Where a text names a name, each word of the name is a whole word of the text:
    the name's pattern puts a sign, a space or the end of a word around each (see
    `_name_pattern`), except that the last may take a genitive s."""
    needed: set[str] = set()
    for key in keys:
        words = _TEXT_WORD.findall(key)
        if not words:
            return None
        longest = max(words, key=len)
        needed |= {longest, longest + "s"}
    return frozenset(needed)


def _after_first_word(key: str, first: str) -> str:
    """The pattern of the lower-cased name `key` after its first word `first`."""
    pattern = _name_pattern(key).removeprefix(r"(?<!\w)")
    assert pattern.startswith(re.escape(first)), (key, first)
    return pattern[len(re.escape(first)) :]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _lower(text: str) -> str:
    """Lower case, one character for one, so that offsets stay valid (`İ` stays `İ`)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _hide(text: str, sign: str, pattern: re.Pattern[str], by_line: bool) -> str:
    """`text` with what `pattern` matches blanked; with `by_line`, only its lines that hold `sign` are searched."""
    if not by_line:
        return pattern.sub(_blank, text)
    lines = text.split("\n")
    return "\n".join(pattern.sub(_blank, line) if sign in line else line for line in lines)


_NOT_A_LINE_BREAK = re.compile(r"[^\n]")


def _blank(match: re.Match[str]) -> str:
    """Hidden text becomes spaces, keeping every offset and line break in place."""
    return _NOT_A_LINE_BREAK.sub(" ", match.group())
