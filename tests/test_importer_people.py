"""Names in attendance lists: separators, roles, substitutes and remarks."""

from __future__ import annotations

import pytest
from forening.importer.people import first_names, parse_names, parse_person, split_entries


def names(text: str) -> list[str]:
    return [person.name for person in parse_names(text).people]


def test_commas_och_samt_and_semicolons_separate_names() -> None:
    assert names("Anna Qvist, Bo Ek och Lisa Berg") == ["Anna Qvist", "Bo Ek", "Lisa Berg"]
    assert names("Anna Qvist; Bo Ek samt Lisa Berg.") == ["Anna Qvist", "Bo Ek", "Lisa Berg"]
    assert names("Kjell, Elin, Sophia, Kipa,") == ["Kjell", "Elin", "Sophia", "Kipa"]


def test_roles_are_stripped_and_remembered() -> None:
    people = parse_names("Anna Qvist, ordförande, Bo Ek, Lisa Berg (sekreterare), Per Al – ordf.").people
    assert [(p.name, p.role) for p in people] == [
        ("Anna Qvist", "chair"),
        ("Bo Ek", None),
        ("Lisa Berg", "secretary"),
        ("Per Al", "chair"),
    ]


def test_substitutes_stay_readable() -> None:
    assert names("Caroline Carlsson (ersätter Anitta), Eva Bremer") == ["Caroline Carlsson (ersätter Anitta)", "Eva Bremer"]
    assert names("Caroline Carlsson ersätter Anitta") == ["Caroline Carlsson (ersätter Anitta)"]
    assert split_entries("Bo Ek (ersätter Anna och Per), Lisa Berg") == ["Bo Ek (ersätter Anna och Per)", " Lisa Berg"]


def test_remarks_are_kept_in_brackets_and_reported() -> None:
    parsed = parse_names("Anna anslöt kl. 14.22, Kristian Lagerström, enhetschef")
    assert [p.name for p in parsed.people] == ["Anna (anslöt kl. 14.22)", "Kristian Lagerström (enhetschef)"]
    assert len(parsed.remarks) == 2


def test_particles_belong_to_the_name() -> None:
    assert names("Ulla von Platen, Jan de la Cruz") == ["Ulla von Platen", "Jan de la Cruz"]


def test_what_is_not_a_name_is_a_problem_not_a_guess() -> None:
    parsed = parse_names("Anna Qvist, alla från kansliet, 3 personer från AF")
    assert names("Anna Qvist") == ["Anna Qvist"]
    assert [p.name for p in parsed.people] == ["Anna Qvist (alla från kansliet)"]  # a lower-case tail is a remark...
    assert parsed.remarks == ["«alla från kansliet» efter Anna Qvist skrevs inom parentes"]  # ...and said so
    assert parsed.problems == ["«3 personer från AF» ser inte ut som ett namn"]
    assert isinstance(parse_person("ordförande"), str)
    assert parse_names("ordförande, Anna").problems == ["rollen «ordförande» står inte efter något namn"]


KNOWN = first_names(["Eva Bremer", "Ida Wiik", "Mona Strand", "Peter Larsson", "Sofia Melin"])


def test_workplaces_between_names_are_not_people_and_are_reported() -> None:
    line = "Eva Bremer, Skövde kommun, Ida Wiik, Försäkringskassan, Mona Strand (Arbetsförmedlingen), Peter Larsson, VGR"
    parsed = parse_names(line, KNOWN)
    assert [p.name for p in parsed.people] == ["Eva Bremer", "Ida Wiik", "Mona Strand", "Peter Larsson"]
    assert parsed.not_people == [
        "«Skövde kommun» efter Eva Bremer togs inte med som person: «kommun» visar att det är en organisation eller arbetsplats"
        " (troligen arbetsplats för Eva Bremer; importen skriver inga arbetsplatser)",
        "«Försäkringskassan» efter Ida Wiik togs inte med som person: «Försäkringskassan» visar att det är en organisation eller arbetsplats"
        " (troligen arbetsplats för Ida Wiik; importen skriver inga arbetsplatser)",
        "«Arbetsförmedlingen» efter Mona Strand togs bort ur namnet: «Arbetsförmedlingen» visar att det är en organisation eller arbetsplats,"
        " och importen skriver inga arbetsplatser",
        "«VGR» efter Peter Larsson togs inte med som person: «VGR» är en förkortning, inte ett namn"
        " (troligen arbetsplats för Peter Larsson; importen skriver inga arbetsplatser)",
    ]
    assert parsed.remarks == [] and parsed.problems == []


@pytest.mark.parametrize(
    "entry",
    ["Hjo kommun", "Region Skaraborg", "Västra Götalandsregionen", "Samordningsförbundet Skaraborg", "Arbetsförmedlingen", "AF", "Skara stad"],
)
def test_organisations_are_never_people(entry: str) -> None:
    parsed = parse_names(f"Sofia Melin, {entry}", KNOWN)
    assert [p.name for p in parsed.people] == ["Sofia Melin"] and len(parsed.not_people) == 1
    assert parse_names(entry, KNOWN).people == []


def test_a_lower_case_workplace_remark_is_left_out_not_bracketed() -> None:
    parsed = parse_names("Kristian Lagerström, enhetschef på arbetsmarknadsenheten i Karlsborg")
    assert [p.name for p in parsed.people] == ["Kristian Lagerström"] and parsed.remarks == []
    assert parsed.not_people[0].startswith("«enhetschef på arbetsmarknadsenheten i Karlsborg» efter Kristian Lagerström togs inte med")


def test_a_lone_word_is_a_person_only_as_a_member_or_in_a_list_of_first_names() -> None:
    # Among full names: a member's first name is a person, any other lone word is left out and said.
    parsed = parse_names("Eva Bremer, Ida, Skövde, Mona Strand", KNOWN)
    assert [p.name for p in parsed.people] == ["Eva Bremer", "Ida", "Mona Strand"]
    assert parsed.not_people == [
        "«Skövde» togs inte med som person: ett ensamt ord bland hela namn, och inget förnamn på en medlem i groups.yml "
        "(kanske en arbetsplats eller ort); lägg till personen för hand om det är en"
    ]
    # A list written in first names (seed 004): people, with the doubt told for those who are not members.
    parsed = parse_names("Kjell, Elin, Ida, Kipa,", KNOWN)
    assert [p.name for p in parsed.people] == ["Kjell", "Elin", "Ida", "Kipa"]
    assert parsed.unknown_first_names == ["Kjell", "Elin", "Kipa"] and parsed.not_people == []
    # The list's other lines decide, when the caller knows them.
    assert names("Anna anslöt kl. 14.22") == ["Anna (anslöt kl. 14.22)"]
    assert parse_names("Skövde", KNOWN, among_full_names=True).people == []
