"""Mentions: which minutes name which project, under which heading, and the suggestions for editors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import validate
from forening.archive import Archive, MinutesEntry, ProjectEntry
from forening.helper import Helper
from forening.memo import FileText
from forening.mentions import MANY_GROUPS, NameFinder, index_mentions
from forening.schema import Minutes, Project


def project(slug: str, title: str, *aliases: str) -> ProjectEntry:
    meta = Project(title=title, aliases=list(aliases), summary="Fixtur.", status="pågående", kind="projekt")
    return ProjectEntry(slug=slug, meta=meta, body_text=FileText(""), source=f"projects/{slug}.md", body_line=8)


def minutes(date: str, body: str, *listed: str, group: str = "norra") -> MinutesEntry:
    meta = Minutes(date=date, group=group, projects=list(listed))
    return MinutesEntry(meta=meta, body_text=FileText(body), source=f"minutes/{group}/{date}.md", body_line=10)


PROJECTS = [
    project("cresco-creare", "Cresco Creare", "Cresco Create", "Cresco"),
    project("cresco-plus", "Cresco+"),
    project("7tjugo", "7TJUGO"),
    project("kick-off", "Kick Off"),
    project("stod", "Stärka individen"),
    project("goda", "Det goda exemplet"),
]


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


BODY = """\
Inledande rad om Cresco.

## 1. Välkommen

## 4. Cresco Creare

Projektet avslutas. Crescos styrgrupp möts.

### Övrigt

Cresco igen.

## 5. Cresco+

Cresco Creares styrgrupp och Cresco+.

## 4. Cresco Creare

Samma rubrik igen: 7TJUGO.
"""


def test_index_places_each_mention_under_its_heading_with_the_mkdocs_anchor() -> None:
    entry = minutes("2023-02-01", BODY, "cresco-creare")
    index = index_mentions([entry], {p.slug: p for p in PROJECTS})
    [mention] = index.of("cresco-creare")
    assert mention.listed
    assert [(s.trail, s.anchor) for s in mention.sections] == [
        ((), None),
        (("4. Cresco Creare",), "4-cresco-creare"),
        (("4. Cresco Creare", "Övrigt"), "ovrigt"),
        (("5. Cresco+",), "5-cresco"),  # "Cresco Creares styrgrupp" under Cresco+'s heading
        (("4. Cresco Creare",), "4-cresco-creare_1"),  # a repeated heading: toc's `_1`
    ]
    # File lines: the body starts on line 10.
    assert mention.lines == (10, 14, 16, 20, 24, 26)
    [seventy] = index.of("7tjugo")
    assert not seventy.listed
    assert [(s.heading, s.anchor) for s in seventy.sections] == [("4. Cresco Creare", "4-cresco-creare_1")]


def test_index_lists_newest_first_and_keeps_listed_only_minutes() -> None:
    old = minutes("2021-03-01", "## 1. Välkommen\n\nInget om projekt.\n", "kick-off")
    new = minutes("2023-02-01", "## 4. Kick Off\n")
    middle = minutes("2022-01-01", "## 2. Inledning\n\nKick Off nämns.\n", "kick-off", group="vastra")
    index = index_mentions([old, middle, new], {p.slug: p for p in PROJECTS})
    mentions = index.of("kick-off")
    assert [m.entry.key for m in mentions] == ["norra/2023-02-01", "vastra/2022-01-01", "norra/2021-03-01"]
    assert [m.listed for m in mentions] == [False, True, True]
    assert mentions[2].sections == () and mentions[2].lines == ()
    unlisted = [(slug, m.entry.key) for slug, found in index.by_project.items() for m in found if not m.listed]
    assert unlisted == [("kick-off", "norra/2023-02-01")]
    assert index.of("stod") == []


MINUTES_NAMING_UNLISTED = """\
---
date: 2024-03-12
group: norra
projects:
  - startgrid
---
## 1. Välkommen

Fixtur: en påhittad mening om Startgrid.

## 2. Kompetensutveckling

Fixtur: Vi pratade om 7TJUGO och Crescos avslut.

Fixtur: 7TJUGO igen.
"""


def test_make_check_suggests_listing_a_project_the_text_names(project_copy: Path) -> None:
    (project_copy / "minutes" / "norra" / "2024-03-12.md").write_text(MINUTES_NAMING_UNLISTED, encoding="utf-8")
    result = validate(project_copy)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert (
        "minutes/norra/2024-03-12.md:13: förslag: projects: texten nämner 7TJUGO (även rad 15) men `7tjugo` står inte under "
        "`projects`; lägg till det om mötet behandlade projektet, så länkar projektsidan hit"
    ) in lines
    assert any(line.startswith("minutes/norra/2024-03-12.md:13: förslag: projects: texten nämner Cresco Creare ") for line in lines)
    assert not any("startgrid" in line for line in lines)  # listed: nothing to suggest
    assert "0 fel" in lines[-1] and "förslag" in lines[-1]
    assert "giltigt" in result.stdout


def test_suggestions_do_not_stop_the_build(project_copy: Path, tmp_path: Path) -> None:
    from conftest import mkdocs_build

    (project_copy / "minutes" / "norra" / "2024-03-12.md").write_text(MINUTES_NAMING_UNLISTED, encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "texten nämner" not in result.stderr  # suggestions are for `make check`, not the build log
    page = (tmp_path / "out" / "projekt" / "7tjugo" / "index.html").read_text(encoding="utf-8")
    assert "minnesanteckningar/norra/2024-03-12/#2-kompetensutveckling" in page


def test_names_found_ahead_are_what_the_published_index_uses(helper: Helper, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build has the helper find every body's names and headings (mentions.index_ahead)
    while it reads the content; the index of the archive as published must then find all
    of them among the helper's results, or the build does that work itself."""
    import datetime as dt

    from conftest import ROOT
    from forening import mentions, prefetch, publication
    from forening.checks import check_sources
    from forening.headings import headings
    from forening.memo import kept_in
    from forening.validate import Layout, load_archive

    def published() -> Archive:
        archive, problems = load_archive(Layout(root=ROOT))
        assert archive is not None, problems
        return publication.published(archive, dt.date(2026, 11, 23), None)

    expected = published().mentions  # without a helper
    monkeypatch.setattr(prefetch, "FEWEST", 1)  # the repository's few minutes: hand them over all the same
    with kept_in(None):
        archive, _ = check_sources(Layout(root=ROOT), suggestions=False, helper=helper, minutes_ahead=[mentions.index_ahead])
        assert archive is not None
        # Only now: what the helper had not started when the archive was read, this
        # process took back and did (Memo.take_back), which is part of the work ahead.
        here: list[str] = []
        named_lines = NameFinder._named_lines
        monkeypatch.setattr(NameFinder, "_named_lines", lambda self, body: here.append(body) or named_lines(self, body))
        monkeypatch.setattr(mentions, "headings", lambda body: here.append(body) or headings(body))
        index = publication.published(archive, dt.date(2026, 11, 23), None).mentions
    assert helper._pool is not None and not helper.broken
    assert here == [], "the published archive's index found names or headings itself"
    assert index == expected and index.of("cresco-creare")


def test_seed_minutes_are_indexed_once_per_archive() -> None:
    from conftest import ROOT
    from forening.validate import Layout, load_archive

    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    assert archive.mentions is archive.mentions  # computed once per archive
    dates = [m.entry.date for m in archive.mentions.of("cresco-creare")]
    assert dates == sorted(dates, reverse=True) and dates[0] == dt.date(2023, 2, 1)


def reference_find(text: str, projects: list[ProjectEntry] = PROJECTS) -> dict[str, list[int]]:
    """The obvious (slow) definition: one case-insensitive alternation, longest name first."""
    import re

    from forening.mentions import _name_pattern

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
    assert len(finder._by_first) > MANY_GROUPS  # the words of the text are listed first
    text = "".join(word + gap for word, gap in parts)
    assert dict(finder.find(text)) == reference_find(text, MANY_PROJECTS)


def test_many_projects_are_found_by_the_words_of_the_text() -> None:
    finder = NameFinder(MANY_PROJECTS)
    text = "Crescos styrgrupp och Cresco+:s. Det goda exemplet, Projekt7 samverkan7s. Projekt8 ensam. Samverkan9 ensam. 7TJUGO:s"
    assert dict(finder.find(text)) == reference_find(text, MANY_PROJECTS) == {
        "cresco-creare": [0], "cresco-plus": [22], "goda": [33], "p7": [52], "7tjugo": [108],
    }  # fmt: skip
