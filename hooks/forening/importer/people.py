"""Names in an attendance list, with the roles and remarks secretaries add to them.

`Anna Qvist, ordförande, Bo Ek och Lisa Berg (sekreterare)` gives three people,
Anna Qvist as chair and Lisa Berg as secretary. A substitute stays readable:
`Caroline Carlsson (ersätter Anitta)`, and `Caroline Carlsson ersätter Anitta`
is written the same way. A remark in lower case after a name (`Anna anslöt kl.
14.22`) is kept in brackets, and the importer says it did so.

Secretaries also write workplaces into the list (`Eva Bremer, Skövde kommun, Ida
Wiik, Försäkringskassan, Mona Strand (Arbetsförmedlingen), Peter Larsson, VGR`),
and the commas make them look like entries of their own. Nothing that is not
plausibly a person may become one, and the importer publishes no workplace (it
never writes one into `present`, `absent` or groups.yml), so:

- An entry with a word that names an organisation (kommun, region, förbund,
  Försäkringskassan, Arbetsförmedlingen, …) or with an all-capitals abbreviation
  (VGR, AF) is not a person. A bracket or lower-case remark with such a word is
  left out of the name. Either way the editor is told which entry and why, and
  whose workplace it probably is (the person before it).
- A single word is a person when it is the first name of a member in groups.yml.
  Otherwise the other entries decide: among full names (`Eva Bremer, Skövde, Ida
  Wiik`) a lone word is most likely a workplace or town and is left out; in a list
  written in first names only (`Kjell, Elin, Sophia`), or with a remark that tells
  of a person (`Anna anslöt kl. 14.22`), it is taken as a person, and the editor
  is told that these first names are not members, to check them.

Leaving an entry out with a note costs the editor one line to add by hand; a
workplace published as a person is a fact the minutes never stated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .text import fold

CHAIR_WORDS = frozenset({"ordforande", "ordf", "motesordforande", "ordforande for motet", "chair", "chairman", "chairperson"})
SECRETARY_WORDS = frozenset({"sekreterare", "sekr", "motessekreterare", "protokollforare", "antecknare", "secretary"})
_PARTICLES = frozenset({"af", "av", "von", "van", "de", "der", "den", "la", "le", "di", "da", "del", "el", "al", "bin", "ibn"})
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.-]*$")
_SEPARATORS = re.compile(r",|;|\s+(?:och|samt|and)\s+|\s+&\s+")
_DASH_ROLE = re.compile(r"\s+[–—-]\s+(?P<role>[^\W\d_][\w. ]*)$")
MAX_NAME_WORDS = 5
# Folded words, and word endings, that name an organisation or a workplace rather than a person.
ORGANISATION_WORDS = frozenset({
    "kommun", "kommunen", "stad", "staden", "region", "regionen", "landsting", "landstinget", "forbund",
    "forbundet", "myndighet", "myndigheten", "forsakringskassan", "arbetsformedlingen", "kriminalvarden",
    "varden", "vardcentral", "vardcentralen", "socialtjansten", "forvaltning", "forvaltningen", "enhet",
    "enheten", "ab", "kommunalforbund", "skolan", "gymnasiet",
})  # fmt: skip
ORGANISATION_ENDINGS = ("kommun", "kommunen", "regionen", "forbund", "forbundet", "kassan", "formedlingen", "verket", "myndigheten", "forvaltningen", "enheten")


@dataclass
class Person:
    name: str  # as it will be listed, remarks in brackets included
    role: str | None = None  # "chair" or "secretary"
    remark: str | None = None  # words after the name that were put in brackets
    dropped: list[str] = field(default_factory=list)  # workplaces left out of the name

    @property
    def lone(self) -> bool:
        """A single word without a surname, such as `Kjell`: a person only in the right context."""
        return len(self.name.split(" (")[0].split()) == 1


@dataclass
class ParsedList:
    people: list[Person] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what could not be read, in Swedish
    remarks: list[str] = field(default_factory=list)  # what was kept as a remark, to tell the editor
    not_people: list[str] = field(default_factory=list)  # entries left out as workplaces, and why
    unknown_first_names: list[str] = field(default_factory=list)  # lone words taken as people, not members


def workplace_reason(text: str) -> str | None:
    """Why `text` names an organisation or workplace rather than a person, or None."""
    for word in re.findall(r"[^\W\d_]+", text):
        folded = fold(word)
        if folded in ORGANISATION_WORDS or (len(folded) > 6 and folded.endswith(ORGANISATION_ENDINGS)):
            return f"«{word}» visar att det är en organisation eller arbetsplats"
        if len(word) >= 2 and word.isupper():  # VGR, AF, IFO: no one writes a name in capitals only
            return f"«{word}» är en förkortning, inte ett namn"
    return None


def first_names(members: Iterable[str]) -> frozenset[str]:
    """Folded first names of members in groups.yml: a lone word that is one of them is a person."""
    return frozenset(fold(name.split()[0]) for name in members if name.split())


def role_of(text: str) -> str | None:
    """`chair`, `secretary` or None for a role word such as `ordförande` or `sekr.`."""
    word = fold(text).strip(" .:()")
    if word in CHAIR_WORDS:
        return "chair"
    if word in SECRETARY_WORDS:
        return "secretary"
    return None


def parse_names(text: str, known: frozenset[str] = frozenset(), among_full_names: bool | None = None) -> ParsedList:
    """Every person in one line of an attendance list.

    `known` are the members' first names (see `first_names`); `among_full_names`
    says whether the list this line belongs to has full names in it (None: look
    at this line only). Both decide whether a lone word is a person: see above.
    """
    result = ParsedList()
    for entry in split_entries(text):
        entry = entry.strip().rstrip(".").strip()
        if not entry:
            continue
        role = role_of(entry)
        previous = result.people[-1] if result.people else None
        if role is not None:
            if previous:
                previous.role = role
            else:
                result.problems.append(f"rollen «{entry}» står inte efter något namn")
            continue
        if entry[0].islower() and previous:
            who = previous.name.split(" (")[0]
            why = workplace_reason(entry)
            if why:
                result.not_people.append(f"«{entry}» efter {who} togs inte med: {why} (troligen arbetsplats för {who}), och importen skriver inga arbetsplatser")
                continue
            previous.name = f"{previous.name} ({entry})"
            result.remarks.append(f"«{entry}» efter {who} skrevs inom parentes")
            continue
        person = parse_person(entry)
        if isinstance(person, str):
            result.problems.append(person)
            continue
        name = person.name.split(" (")[0]
        # `Skövde kommun` is read as the name Skövde with the remark "kommun": the word after the name counts.
        why = workplace_reason(f"{name} {person.remark.split()[0]}" if person.remark else name)
        if why:
            who = previous.name.split(" (")[0] if previous else None
            whose = f" (troligen arbetsplats för {who}; importen skriver inga arbetsplatser)" if who else ""
            result.not_people.append(f"«{entry}»{f' efter {who}' if who else ''} togs inte med som person: {why}{whose}")
            continue
        for part in person.dropped:
            result.not_people.append(f"«{part}» efter {name} togs bort ur namnet: {workplace_reason(part)}, och importen skriver inga arbetsplatser")
        if person.remark and person.remark not in person.dropped and not person.remark.startswith("ersätt"):
            result.remarks.append(f"«{person.remark}» efter {person.name.split(' (')[0]} skrevs inom parentes")
        result.people.append(person)
    if among_full_names is None:
        among_full_names = any(not person.lone for person in result.people)
    for person in [p for p in result.people if p.lone and fold(p.name.split(" (")[0]) not in known]:
        name = person.name.split(" (")[0]
        if among_full_names and not person.remark:  # `Anna anslöt kl. 14.22` tells of a person; `Skövde` does not
            result.people.remove(person)
            result.not_people.append(
                f"«{name}» togs inte med som person: ett ensamt ord bland hela namn, och inget förnamn på en medlem i groups.yml "
                "(kanske en arbetsplats eller ort); lägg till personen för hand om det är en"
            )
        else:
            result.unknown_first_names.append(name)
    return result


def parse_person(entry: str) -> Person | str:
    """One person, or a Swedish message saying why `entry` is not a name."""
    role = None
    kept: list[str] = []
    dropped: list[str] = []
    for inner in re.findall(r"\(([^()]*)\)", entry):
        inner_role = role_of(inner)
        if inner_role is not None:
            role = inner_role
        elif workplace_reason(inner):
            dropped.append(inner.strip())
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
        (dropped if workplace_reason(remark) else kept).insert(0, remark)
    name = " ".join(name_words)
    if kept:
        name += " " + " ".join(f"({part})" for part in kept)
    return Person(name=name, role=role, remark=remark or None, dropped=dropped)


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
