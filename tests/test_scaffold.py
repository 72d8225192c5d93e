"""scripts/new_minutes.py: a new minutes file from groups.yml and the announced meeting."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from conftest import ROOT, run, validate
from forening import load
from forening.schema import Minutes
from forening.scaffold import announced_meeting
from importing import real_archive

SCRIPT = ROOT / "scripts" / "new_minutes.py"


def new_minutes(root: Path, *args: str):
    return run([sys.executable, str(SCRIPT), *args, "--root", str(root)], cwd=root)


def read(path: Path) -> tuple[Minutes, str, str]:
    problems: list = []
    doc = load.read_document(path, path.name, problems)
    assert doc is not None and not problems, problems
    return Minutes.model_validate(doc.data), doc.body, path.read_text(encoding="utf-8")


def test_members_time_and_agenda_from_what_is_known(project_copy: Path) -> None:
    target = project_copy / "minutes" / "norra" / "2021-05-05.md"
    target.unlink()  # seed 000 (gemensam, March 2021) announced "Norra: 5 maj kl. 9:00–11:45"
    result = new_minutes(project_copy, "--group", "norra", "--date", "2021-05-05")
    assert result.returncode == 0, result.stderr
    meta, body, text = read(target)
    assert meta.present == [member.name for member in real_archive().groups["norra"].members]
    assert meta.absent == []
    assert (meta.start, meta.end) == (dt.time(9, 0), dt.time(11, 45))
    assert "# Mötet annonserades i minutes/gemensam/2021-03-01.md" in text
    assert "Flytta den som inte kom till absent" in text and "\nabsent:\n" in text
    assert body.strip() == "## 1. Välkommen\n\n## 2. Inledning\n\n## 3. Rapport från styrelsemötet\n\n## 4. Övrigt"
    assert "# Projekt som mötet behandlade: filnamn i projects/ utan .md." in text  # the schema's own description
    checked = validate(project_copy)
    assert checked.returncode == 0, checked.stderr


def test_an_all_day_meeting_gives_its_place_and_note(project_copy: Path) -> None:
    # A fixture: an all-day meeting announced in next_meetings (the seeds' heldagar are events).
    minutes = project_copy / "minutes" / "gemensam" / "2023-02-01.md"
    text = minutes.read_text(encoding="utf-8")
    announced = "next_meetings:\n  - group: gemensam\n    start: 2023-06-14\n    place: digitalt\n    note: Gemensam heldag\n"
    minutes.write_text(text.replace("next_meetings:\n", announced, 1), encoding="utf-8")
    result = new_minutes(project_copy, "--group", "gemensam", "--date", "2023-06-14")
    assert result.returncode == 0, result.stderr
    meta, _, text = read(project_copy / "minutes" / "gemensam" / "2023-06-14.md")
    assert (meta.start, meta.place) == (None, "digitalt")
    assert "(Gemensam heldag)" in text
    assert validate(project_copy).returncode == 0


def test_a_meeting_nobody_announced_and_a_group_without_members(project_copy: Path) -> None:
    result = new_minutes(project_copy, "--group", "ostra", "--date", "2030-01-15")
    assert result.returncode == 0, result.stderr
    assert "inget tidigare möte annonserade det" in result.stderr
    meta, _, text = read(project_copy / "minutes" / "ostra" / "2030-01-15.md")
    assert (meta.present, meta.start) == ([], None)
    assert "Gruppen har inga ledamöter" in text and "\npresent:\n" in text


def test_a_name_added_under_an_empty_list_validates(project_copy: Path) -> None:
    """The scaffold writes `absent:` (not `absent: []`), so adding a name under it is all an editor does."""
    target = project_copy / "minutes" / "norra" / "2030-01-15.md"
    assert new_minutes(project_copy, "--group", "norra", "--date", "2030-01-15").returncode == 0
    text = target.read_text(encoding="utf-8")
    assert "# Frånvarande: flytta hit namnen från present.\n# Skriv ett per rad under fältet, med `  - ` först.\nabsent:\n" in text
    assert validate(project_copy).returncode == 0  # left empty, it is an empty list
    assert read(target)[0].absent == []
    target.write_text(text.replace("absent:\n", "absent:\n  - Sofia Melin\n"), encoding="utf-8")
    assert validate(project_copy).returncode == 0
    assert read(target)[0].absent == ["Sofia Melin"]
    # `[]` left above the names is still a YAML error, with its own message at its line.
    target.write_text(text.replace("absent:\n", "absent: []\n  - Sofia Melin\n"), encoding="utf-8")
    line = text[: text.index("absent:\n")].count("\n") + 1
    result = validate(project_copy)
    assert result.returncode == 1 and f"minutes/norra/2030-01-15.md:{line}: felaktig YAML; `absent: []` är tomt; ta bort `[]`" in result.stderr


def test_it_never_overwrites_without_force(project_copy: Path) -> None:
    target = project_copy / "minutes" / "norra" / "2021-05-05.md"
    original = target.read_text(encoding="utf-8")
    result = new_minutes(project_copy, "--group", "norra", "--date", "2021-05-05")
    assert result.returncode == 1 and "finns redan" in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == original
    assert new_minutes(project_copy, "--group", "norra", "--date", "2021-05-05", "--force").returncode == 0
    assert target.read_text(encoding="utf-8") != original


def test_bad_group_or_date_is_refused(project_copy: Path) -> None:
    result = new_minutes(project_copy, "--group", "styrelsen", "--date", "2021-05-05")
    assert result.returncode == 1 and "gruppen `styrelsen` finns inte" in result.stderr
    result = new_minutes(project_copy, "--group", "norra", "--date", "5 maj")
    assert result.returncode == 1 and "är inget datum" in result.stderr and "Traceback" not in result.stderr


def test_the_announced_meeting_is_found_by_group_and_day() -> None:
    archive = real_archive()
    found = announced_meeting(archive, "norra", dt.date(2021, 8, 24))
    assert found is not None and found.latest_announcement.source == "minutes/norra/2021-05-05.md"
    assert announced_meeting(archive, "norra", dt.date(2021, 8, 25)) is None
