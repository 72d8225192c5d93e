"""Names in attendance lists: separators, roles, substitutes and remarks."""

from __future__ import annotations

from forening.importer.people import parse_names, parse_person, split_entries


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
    parsed = parse_names("Anna anslöt kl. 14.22, Kristian Lagerström, enhetschef på arbetsmarknadsenheten")
    assert [p.name for p in parsed.people] == ["Anna (anslöt kl. 14.22)", "Kristian Lagerström (enhetschef på arbetsmarknadsenheten)"]
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
