"""Finding projects' names in a text: titles and aliases, as editors write them.

Names are found case-insensitively, on word boundaries, also in the Swedish
genitive ("Crescos", "Cresco Creares", "Cresco+:s"). Where two names start at the
same place the longest wins, so "Cresco+" is the project Cresco+ and not Cresco
followed by a plus sign. Comments, code, link targets and web addresses are not
read. forening.mentions uses this for the project pages and the suggestions of
`make check`; the importer uses it to list the projects a converted minutes names.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .archive import ProjectEntry


# Every project's names, title first: (slug, (title, *aliases)) in the archive's order.
Names = tuple[tuple[str, tuple[str, ...]], ...]


def names_of(projects: Iterable[ProjectEntry]) -> Names:
    return tuple((project.slug, (project.meta.title, *project.meta.aliases)) for project in projects)


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


# Past this many first words, a text's words are listed before its names are looked for
# (`NameFinder._groups_in`): listing them costs about as much as looking for 60 words.
MANY_GROUPS = 64


# A whole word of a text, as `_whole_word` and the names' patterns (`\w`) see words.
_TEXT_WORD = re.compile(r"\w+")


def text_words(text: str) -> set[str]:
    """The whole words of `text`: `set(_TEXT_WORD.findall(text))`, a quarter faster.

    Splitting at spaces and hashing the pieces runs in C; only the pieces that are not
    one word ("cresco,", "(se", "a/b") go through the pattern. A piece is one word
    exactly when `isalnum` holds for it: a word character of a pattern is one for which
    `isalnum` holds, or "_" (such a piece goes through the pattern too).
    """
    words = set(text.split())
    odd = [piece for piece in words if not piece.isalnum()]
    if odd:
        words.difference_update(odd)
        words.update(_TEXT_WORD.findall(" ".join(odd)))
    return words


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
    the names with that first word are tried, longest name first. Only the first
    words of which the text holds a needed word are scanned for (`_groups_in`).
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
        # What `find` depends on besides the text, short enough to prefix every text with
        # (the memo's salt of what is found: forening.mentions).
        self.digest = hashlib.sha256(repr(sorted((key, spelled[key], owners[key]) for key in owners)).encode()).hexdigest()[:40]
        by_first: dict[str, list[str]] = defaultdict(list)
        for key in sorted(owners, key=lambda k: (-len(k), k)):
            by_first[_WORD.match(key)[0]].append(key)  # type: ignore[index]
        # Each first word with its group of names; a group is known by its place here.
        self._groups: list[tuple[str, _SameFirstWord]] = [
            (
                first,
                _SameFirstWord(
                    names=[_Name(len(key), owners[key]) for key in keys],
                    source="|".join(f"({_name_pattern(spelled[key])})" for key in keys),
                    scan_source=re.escape(first) + "(?=" + "|".join(f"(?:{_after_first_word(key, first)})" for key in keys) + ")",
                    needed=_needed_words(keys, first),
                    needed_words=_needed_text_words(keys),
                ),
            )
            for first, keys in by_first.items()
        ]
        # For `_groups_in` past MANY_GROUPS: the groups of each needed word.
        self._by_needed_word: dict[str, list[int]] = defaultdict(list)
        self._without_words: list[int] = []  # groups with a name of signs only: always looked at
        for i, (_, group) in enumerate(self._groups):
            if group.needed_words is None:
                self._without_words.append(i)
            for word in group.needed_words or ():
                self._by_needed_word[word].append(i)

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
        if len(self._groups) <= MANY_GROUPS:
            return [(first, group) for first, group in self._groups if any(word in lowered for word in group.needed)]
        found = set(self._without_words)
        for word in self._by_needed_word.keys() & text_words(lowered):
            found.update(self._by_needed_word[word])
        return [self._groups[i] for i in sorted(found)]


def _whole_word(text: str, start: int, end: int) -> bool:
    """A name's first word can start at `start`: not inside a longer word ("detta", "nycresco").

    A genitive s may follow it ("Crescos"); the name's full pattern decides the rest.
    """
    if _is_word_char(text[start]) and start > 0 and _is_word_char(text[start - 1]):
        return False
    if not _is_word_char(text[end - 1]) or end >= len(text) or not _is_word_char(text[end]):
        return True
    return text[end] == "s" and (end + 1 >= len(text) or not _is_word_char(text[end + 1]))


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
