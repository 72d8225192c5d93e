"""Fields that are valid alone but contradict each other are suggestions at their line, never errors."""

from __future__ import annotations

from pathlib import Path

from conftest import validate
from forening.consistency import contradictions
from forening.problems import Severity
from forening.validate import load_archive
from test_validate import GOOD_MINUTES, PROJECT, make_content


def suggestions(tmp_path: Path, minutes: str, projects: dict[str, str] | None = None) -> list[str]:
    layout = make_content(tmp_path, {"norra/2021-05-05.md": minutes})
    for name, text in (projects or {}).items():
        (tmp_path / "projects" / name).write_text(text, encoding="utf-8")
    archive, problems = load_archive(layout)
    assert archive is not None, problems
    found = contradictions(layout, archive)
    assert {p.severity for p in found} <= {Severity.SUGGESTION}
    return [f"{p.path}:{p.line}: {p.field}: {p.message}" for p in found]


def test_consistent_minutes_have_no_suggestions(tmp_path: Path) -> None:
    assert suggestions(tmp_path, GOOD_MINUTES) == []


def test_month_precision_on_another_day_than_the_first(tmp_path: Path) -> None:
    [said] = suggestions(tmp_path, GOOD_MINUTES.replace("date: 2021-05-05\n", "date: 2021-05-05\ndate_precision: month\n"))
    assert said.startswith("minutes/norra/2021-05-05.md:2: date: `date_precision: month` men dagen är 5")


def test_end_without_start(tmp_path: Path) -> None:
    [said] = suggestions(tmp_path, GOOD_MINUTES.replace("start: 09:00\n", ""))
    assert said == "minutes/norra/2021-05-05.md:4: end: `end` utan `start`: skriv mötets starttid eller ta bort `end`"


def test_a_name_twice_or_both_present_and_absent(tmp_path: Path) -> None:
    text = GOOD_MINUTES.replace("  - Eva Bremer\n", "  - Eva Bremer\n  - Ida Wiik\n  - Eva Bremer\nabsent:\n  - Ida Wiik\n")
    assert suggestions(tmp_path, text) == [
        "minutes/norra/2021-05-05.md:9: present[2]: Eva Bremer står 2 gånger; ta bort den ena raden",
        "minutes/norra/2021-05-05.md:11: absent[0]: Ida Wiik står både under `present` och `absent`; ta bort den rad som inte stämmer",
    ]


def test_two_projects_with_one_title(tmp_path: Path) -> None:
    [said] = suggestions(tmp_path, GOOD_MINUTES, {"cresco-kopia.md": PROJECT})
    assert said == "projects/cresco-kopia.md:2: title: samma `title` som projects/cresco-creare.md: ge projekten olika namn, annars kan sidorna inte skiljas åt"


def test_make_check_shows_them_and_passes(project_copy: Path) -> None:
    minutes = project_copy / "minutes" / "norra" / "2021-05-05.md"
    minutes.write_text(minutes.read_text(encoding="utf-8").replace("present:\n", "present:\n  - Sofia Melin\n", 1), encoding="utf-8")
    result = validate(project_copy)
    assert result.returncode == 0, result.stderr
    assert "förslag: absent[1]: Sofia Melin står både under `present` och `absent`" in result.stderr


def test_an_event_told_again_under_another_title(tmp_path: Path) -> None:
    """Seed 002 speaks of a day of training proposed by two municipalities: two trainings on
    one day are real. Told in two minutes under two titles, the calendar shows one of them."""
    told = GOOD_MINUTES.replace("---\n## 1", "events:\n  - {title: Utbildning i lösningsfokus, kind: utbildning, start: 2021-10-20}\n---\n## 1")
    layout = make_content(tmp_path, {"norra/2021-05-05.md": told, "norra/2021-06-01.md": told.replace("2021-05-05", "2021-06-01").replace("i lösningsfokus", "om SIP")})
    archive, problems = load_archive(layout)
    assert archive is not None, problems
    [said] = [f"{p.path}:{p.line}: {p.field}: {p.message}" for p in contradictions(layout, archive)]
    assert said.startswith(
        "minutes/norra/2021-06-01.md:14: events[0].title: ”Utbildning om SIP” har samma slag och start som ”Utbildning i lösningsfokus” "
        "i minutes/norra/2021-05-05.md, och kalendern visar dem som ett evenemang"
    ), said
