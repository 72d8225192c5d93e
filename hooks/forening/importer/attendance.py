"""Who was there: `present`, `absent`, `chair` and `secretary` from their labels.

Labels come bold or plain, with or without a colon, as a heading, with the names
on the same line, on the lines below, or as a bulleted list:

    **Närvarande:** Eva Bremer, Ida Wiik och Mona Strand
    Frånvarande
    - Sofia Melin
    Anmält förhinder: Heidi Hansen
    Sekreterare
    Kipa Poikolainen
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .people import Person, first_names, parse_names, parse_person
from .reading import Kind, Reading
from .text import is_bullet, is_heading, split_label, strip_bullet, strip_markup

PRESENT_LABELS = frozenset({"narvarande", "narvarande ledamoter", "ovriga narvarande", "deltagare", "deltog", "present", "attendees"})
ABSENT_LABELS = frozenset({
    "franvarande", "franvarande ledamoter", "ej narvarande", "forhinder", "anmalt forhinder", "anmalda forhinder",
    "anmald franvaro", "anmalt franvaro", "forhindrade", "absent", "apologies",
})  # fmt: skip
CHAIR_LABELS = frozenset({"ordforande", "motesordforande", "ordf", "ordf.", "chair"})
SECRETARY_LABELS = frozenset({
    "sekreterare", "motessekreterare", "sekr", "sekr.", "vid pennan", "antecknare", "antecknat av", "antecknad av",
    "protokollforare", "vid protokollet", "secretary", "minutes taken by",
})  # fmt: skip
ALL_LABELS = PRESENT_LABELS | ABSENT_LABELS | CHAIR_LABELS | SECRETARY_LABELS


@dataclass
class Attendance:
    present: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    chair: str | None = None
    secretary: str | None = None


def read_attendance(reading: Reading, members: Iterable[str] = ()) -> Attendance:
    """Take every attendance and role block from the lines, noting what could not be read.

    `members` are the names in groups.yml, which tell whether a lone first name is a person.
    """
    found = Attendance()
    known = first_names(members)
    for index, line in enumerate(reading.lines):
        if index in reading.claims:
            continue
        label, rest = split_label(line.text)
        if label in PRESENT_LABELS or label in ABSENT_LABELS:
            _read_list(reading, index, rest, found, known, absent=label in ABSENT_LABELS)
        elif label in CHAIR_LABELS or label in SECRETARY_LABELS:
            _read_role(reading, index, rest, found, "chair" if label in CHAIR_LABELS else "secretary")
    return found


def _read_list(reading: Reading, index: int, rest: str, found: Attendance, known: frozenset[str], absent: bool) -> None:
    block = _block(reading, index, inline=bool(rest))
    reading.claim(index, Kind.ATTENDANCE)
    texts = ([(index, rest)] if rest else []) + [(i, reading.lines[i].text) for i in block]
    if not texts:
        reading.note(index, "rubriken för närvaro följs inte av några namn")
        return
    target = found.absent if absent else found.present
    # A lone word is a person in a list of first names, not among full names: the whole list decides.
    full_names = any(not person.lone for _, text in texts for person in parse_names(_unbullet(text), known).people)
    unknown: list[tuple[int, str]] = []
    for i, text in texts:
        reading.claim(i, Kind.ATTENDANCE)
        parsed = parse_names(_unbullet(text), known, among_full_names=full_names)
        for problem in parsed.problems:
            reading.note(i, f"närvaro: {problem}; lägg till namnet för hand")
        for remark in parsed.remarks:
            reading.note(i, f"närvaro: {remark}; kontrollera")
        for left_out in parsed.not_people:
            reading.note(i, f"närvaro: {left_out}; kontrollera mot originalet")
        unknown += [(i, name) for name in parsed.unknown_first_names]
        for person in parsed.people:
            target.append(person.name)
            if person.role:
                _set_role(reading, i, found, person, absent)
    if unknown:
        reading.note(
            unknown[0][0],
            f"närvaro: {', '.join(name for _, name in unknown)} står bara med förnamn, och inget av dem är förnamnet på en medlem i groups.yml; "
            "de togs med som personer, kontrollera att det är personer och inte arbetsplatser",
        )


def _read_role(reading: Reading, index: int, rest: str, found: Attendance, role: str) -> None:
    lines = reading.lines
    name_index = index
    if not rest:
        following = next((i for i in range(index + 1, min(index + 3, len(lines))) if not lines[i].blank), None)
        if following is None or not reading.is_free(following):
            return
        name_index, rest = following, _unbullet(lines[following].text)
    person = parse_person(rest.rstrip("."))
    if isinstance(person, str) or person.remark:
        return  # a sentence that starts with the word, not a signature: left in the text
    reading.claim(index, Kind.ROLE)
    reading.claim(name_index, Kind.ROLE)
    _set_role(reading, name_index, found, Person(person.name, role), absent=False)


def _set_role(reading: Reading, index: int, found: Attendance, person: Person, absent: bool) -> None:
    word = "ordförande" if person.role == "chair" else "sekreterare"
    if absent:
        reading.note(index, f"{person.name} står som {word} bland frånvarande; fyll i {person.role} för hand")
        return
    name = person.name.split(" (")[0]
    current = getattr(found, person.role or "")
    if current is None:
        setattr(found, person.role or "", name)
    elif current != name:
        reading.note(index, f"{word} anges både som {current} och {name}; {current} behölls")


def _block(reading: Reading, index: int, inline: bool) -> list[int]:
    """The lines that hold the names under a label: the paragraph below, or a bulleted list."""
    lines = reading.lines
    taken: list[int] = []
    i = index + 1
    if not inline:
        while i < len(lines) and lines[i].blank and i - index <= 2:
            i += 1
    while i < len(lines):
        line = lines[i]
        if line.blank:
            after = next((j for j in range(i + 1, len(lines)) if not lines[j].blank), None)
            if taken and after is not None and is_bullet(lines[taken[-1]].text) and is_bullet(lines[after].text):
                i = after
                continue
            break
        if is_heading(line.text) or reading.is_heading(i) or not reading.is_free(i) or split_label(line.text)[0] in ALL_LABELS:
            break
        taken.append(i)
        i += 1
    return taken


def _unbullet(text: str) -> str:
    plain = strip_markup(text)
    return strip_bullet(plain) if is_bullet(plain) else plain
