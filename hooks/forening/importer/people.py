"""Names in an attendance list, with the roles and remarks secretaries add to them.

`Anna Qvist, ordförande, Bo Ek och Lisa Berg (sekreterare)` gives three people,
Anna Qvist as chair and Lisa Berg as secretary. A substitute stays readable:
`Caroline Carlsson (ersätter Anitta)`, and `Caroline Carlsson ersätter Anitta`
is written the same way. A remark in lower case after a name (`Anna anslöt kl.
14.22`) is kept in brackets, and the importer says it did so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import fold

CHAIR_WORDS = frozenset({"ordforande", "ordf", "motesordforande", "ordforande for motet", "chair", "chairman", "chairperson"})
SECRETARY_WORDS = frozenset({"sekreterare", "sekr", "motessekreterare", "protokollforare", "antecknare", "secretary"})
_PARTICLES = frozenset({"af", "av", "von", "van", "de", "der", "den", "la", "le", "di", "da", "del", "el", "al", "bin", "ibn"})
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.-]*$")
_SEPARATORS = re.compile(r",|;|\s+(?:och|samt|and)\s+|\s+&\s+")
_DASH_ROLE = re.compile(r"\s+[–—-]\s+(?P<role>[^\W\d_][\w. ]*)$")
MAX_NAME_WORDS = 5


@dataclass
class Person:
    name: str  # as it will be listed, remarks in brackets included
    role: str | None = None  # "chair" or "secretary"
    remark: str | None = None  # words after the name that were put in brackets


@dataclass
class ParsedList:
    people: list[Person] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what could not be read, in Swedish
    remarks: list[str] = field(default_factory=list)  # what was kept as a remark, to tell the editor


def role_of(text: str) -> str | None:
    """`chair`, `secretary` or None for a role word such as `ordförande` or `sekr.`."""
    word = fold(text).strip(" .:()")
    if word in CHAIR_WORDS:
        return "chair"
    if word in SECRETARY_WORDS:
        return "secretary"
    return None


def parse_names(text: str) -> ParsedList:
    """Every person in one line of an attendance list."""
    result = ParsedList()
    for entry in split_entries(text):
        entry = entry.strip().rstrip(".").strip()
        if not entry:
            continue
        role = role_of(entry)
        if role is not None:
            if result.people:
                result.people[-1].role = role
            else:
                result.problems.append(f"rollen «{entry}» står inte efter något namn")
            continue
        if entry[0].islower() and result.people:
            previous = result.people[-1]
            previous.name = f"{previous.name} ({entry})"
            result.remarks.append(f"«{entry}» efter {previous.name.split(' (')[0]} skrevs inom parentes")
            continue
        person = parse_person(entry)
        if isinstance(person, str):
            result.problems.append(person)
            continue
        if person.remark and not person.remark.startswith("ersätt"):
            result.remarks.append(f"«{person.remark}» efter {person.name.split(' (')[0]} skrevs inom parentes")
        result.people.append(person)
    return result


def parse_person(entry: str) -> Person | str:
    """One person, or a Swedish message saying why `entry` is not a name."""
    role = None
    kept: list[str] = []
    for inner in re.findall(r"\(([^()]*)\)", entry):
        inner_role = role_of(inner)
        if inner_role is not None:
            role = inner_role
        else:
            kept.append(inner.strip())
    core = re.sub(r"\([^()]*\)", " ", entry).strip()
    dash = _DASH_ROLE.search(core)
    if dash and role_of(dash["role"]):
        role = role_of(dash["role"])
        core = core[: dash.start()].strip()
    words = core.split()
    name_words: list[str] = []
    for word in words:
        if _NAME_TOKEN.match(word) and (word[0].isupper() or (name_words and word in _PARTICLES)):
            name_words.append(word)
            continue
        break
    while name_words and name_words[-1] in _PARTICLES:
        name_words.pop()
    if not name_words or len(name_words) > MAX_NAME_WORDS:
        return f"«{entry}» ser inte ut som ett namn"
    remark = " ".join(words[len(name_words) :])
    if remark:
        if not remark[0].islower():
            return f"«{entry}» ser inte ut som ett namn"
        kept.insert(0, remark)
    name = " ".join(name_words)
    if kept:
        name += " " + " ".join(f"({part})" for part in kept)
    return Person(name=name, role=role, remark=remark or None)


def split_entries(text: str) -> list[str]:
    """Split at commas, semicolons and `och`/`samt`, but not inside brackets."""
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = _SEPARATORS.match(text, i)
            if match and match.end() > i:
                parts.append(text[start:i])
                start = i = match.end()
                continue
        i += 1
    parts.append(text[start:])
    return parts
