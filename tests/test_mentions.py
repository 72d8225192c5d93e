"""Mentions: which minutes name which project, under which heading, and the suggestions for editors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import validate
from forening.archive import Archive, MinutesEntry, ProjectEntry
from forening.helper import Helper
from forening.memo import FileText
from forening.mentions import index_mentions
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
        lines_of = mentions._lines_of
        monkeypatch.setattr(mentions, "_lines_of", lambda finder, body: here.append(body) or lines_of(finder, body))
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
