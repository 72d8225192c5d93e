"""Known projects named in the minutes, by title or alias."""

from __future__ import annotations

from forening.importer.projects import find_projects
from importing import real_archive


def found(*texts: str) -> list[str]:
    return find_projects(texts, real_archive().projects)


def test_titles_and_aliases_in_any_case_in_order_of_mention() -> None:
    assert found("Styrelsen reserverade pengar för Cresco Create.", "Tre hälsoskolor beviljades; se KICK OFF.") == [
        "cresco-creare",
        "halsoskolor",
        "kick-off",
    ]


def test_longer_names_win_where_names_overlap() -> None:
    assert found("Styrgrupp för Cresco+ och slutrapport för Cresco Creare") == ["cresco-plus", "cresco-creare"]
    assert found("Cresco+") == ["cresco-plus"]
    assert found("Prerehab/ÅKA och Prerehab/Priogruppen") == ["prerehab-aka", "prerehab-priogruppen"]


def test_parts_of_words_are_not_names_but_genitives_are() -> None:
    assert found("Crescoprojektet, nycresco", "samverkansteamen") == []
    assert found("Hantverksstegens deltagare") == ["hantverksstegen"]


def test_link_targets_are_not_mentions() -> None:
    assert found("Se [hemsidan](https://example.invalid/cresco/) och https://example.invalid/startgrid") == []
    assert found("Se [Cresco](https://example.invalid/cresco/)") == ["cresco-creare"]
