"""Names: projects' titles and aliases found in a text, as editors write them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from forening.archive import ProjectEntry
from forening.names import MANY_GROUPS, NameFinder, text_words
from test_mentions import PROJECTS, project  # the projects the mention tests use too


@pytest.fixture(scope="module")
def finder() -> NameFinder:
    return NameFinder(PROJECTS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cresco Creare avslutas.", ["cresco-creare"]),
        ("cresco creare avslutas.", ["cresco-creare"]),  # case-insensitive
        ("CRESCO CREATE.", ["cresco-creare"]),
        ("Crescos styrgrupp.", ["cresco-creare"]),  # genitive of an alias
        ("Cresco Creares dåvarande styrgrupp.", ["cresco-creare"]),  # genitive of the title
        ("Cresco\nCreare avslutas.", ["cresco-creare"]),  # a line break inside the name
        ("Styrgrupp för Cresco+.", ["cresco-plus"]),  # longest name wins at a position
        ("Cresco+:s styrgrupp.", ["cresco-plus"]),
        ("Cresco+ och Cresco.", ["cresco-plus", "cresco-creare"]),
        ("7TJUGO-utbildningar.", ["7tjugo"]),  # a compound with a hyphen names it
        ("7TJUGO:s kurser.", ["7tjugo"]),
        ("ESF-projektet Kick Off.", ["kick-off"]),
        ("Stärka individens roll.", ["stod"]),
        ("Detta är det\ngoda exemplet.", ["goda"]),  # a common first word, and a line break
        ("Detta goda exemplet.", []),
        ("Kick Offs föreläsning.", ["kick-off"]),
        ("Kick Offset.", []),
        ("Crescendo och Crescoa.", []),  # not inside another word
        ("Nycresco.", []),
        ("Kick Offensiv.", []),
        ("`Cresco` i kod.", []),  # hidden: code, comments, link targets, addresses
        ("<!-- Cresco -->", []),
        ("[läs mer](https://example.invalid/cresco-creare)", []),
        ("https://example.invalid/cresco", []),
        ("Se https://example.invalid/cresco och\nCresco avslutas.", ["cresco-creare"]),  # an address hides its line's part only
        ("[Cresco Creare](https://example.invalid/x)", ["cresco-creare"]),  # link text is read
    ],
)
def test_names_are_found_whole_and_case_insensitively(finder: NameFinder, text: str, expected: list[str]) -> None:
    found = finder.find(text)
    assert sorted(found) == sorted(expected)
    if expected:
        # In order of appearance: the first offset of each project.
        assert sorted(found, key=lambda s: found[s][0]) == expected


def test_offsets_point_at_each_mention(finder: NameFinder) -> None:
    text = "Cresco först.\nSen Cresco Creare och Cresco+."
    found = finder.find(text)
    assert found["cresco-creare"] == [0, text.index("Cresco Creare")]
    assert found["cresco-plus"] == [text.index("Cresco+")]


def test_a_name_shared_by_two_projects_counts_for_both() -> None:
    shared = NameFinder([project("a", "Alfa", "Samverkan"), project("b", "Beta", "samverkan")])
    assert sorted(shared.find("Samverkan i Skaraborg.")) == ["a", "b"]


def reference_find(text: str, projects: list[ProjectEntry] = PROJECTS) -> dict[str, list[int]]:
    """The obvious (slow) definition: one case-insensitive alternation, longest name first."""
    import re

    from forening.names import _name_pattern

    names = sorted(((n, p.slug) for p in projects for n in (p.meta.title, *p.meta.aliases)), key=lambda x: -len(x[0]))
    regex = re.compile("|".join(f"(?P<n{i}>{_name_pattern(n)})" for i, (n, _) in enumerate(names)), re.IGNORECASE)
    found: dict[str, list[int]] = {}
    for match in regex.finditer(text):
        found.setdefault(names[int(match.lastgroup[1:])][1], []).append(match.start())
    return found


WORDS = ["Cresco", "Creare", "Create", "Crescos", "Cresco+", ":s", "s", "Det", "goda", "exemplet", "detta", "7TJUGO",
         "-utbildningar", "Kick", "Off", "nycresco", "Stärka", "individen", "x", "+"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(["", " ", "  ", "\n", ". "])), max_size=12))
def test_finder_equals_the_obvious_definition(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in parts)
    assert dict(NameFinder(PROJECTS).find(text)) == reference_find(text)


# Decades of projects: more first words than `MANY_GROUPS`, so the finder lists a text's
# words before it looks for names (`NameFinder._groups_in`).
MANY_PROJECTS = PROJECTS + [project(f"p{i}", f"Projekt{i} Samverkan{i}") for i in range(MANY_GROUPS)] + [project("plus", "++")]  # a name of signs only


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([*WORDS, "Projekt3", "Samverkan3", "Samverkan3s", "Projekt3s", "++"]), st.sampled_from(["", " ", "  ", "\n", ". "])), max_size=12))
def test_finder_of_many_projects_equals_the_obvious_definition(parts: list[tuple[str, str]]) -> None:
    finder = NameFinder(MANY_PROJECTS)
    assert len(finder._groups) > MANY_GROUPS  # the words of the text are listed first
    text = "".join(word + gap for word, gap in parts)
    assert dict(finder.find(text)) == reference_find(text, MANY_PROJECTS)


def test_many_projects_are_found_by_the_words_of_the_text() -> None:
    finder = NameFinder(MANY_PROJECTS)
    text = "Crescos styrgrupp och Cresco+:s. Det goda exemplet, Projekt7 samverkan7s. Projekt8 ensam. Samverkan9 ensam. 7TJUGO:s"
    assert dict(finder.find(text)) == reference_find(text, MANY_PROJECTS) == {
        "cresco-creare": [0], "cresco-plus": [22], "goda": [33], "p7": [52], "7tjugo": [108],
    }  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from("aåö Z_1²½\t\n\x1c\u2028\u00a0.,:;()/+–”"), st.characters())))
def test_text_words_are_the_words_the_pattern_finds(text: str) -> None:
    assert text_words(text) == set(re.findall(r"\w+", text))
