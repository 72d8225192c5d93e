"""Removing a person on request: exact lines go, every other byte stays, content stays valid."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import run, validate
from forening import redact
from forening.validate import Layout, load_archive


def without_lines(text: str, *numbers: int) -> str:
    return "\n".join(line for i, line in enumerate(text.split("\n"), start=1) if i not in numbers)


def line_numbers(text: str, needle: str) -> list[int]:
    return [i for i, line in enumerate(text.split("\n"), start=1) if needle in line]


def redact_cli(root: Path, *args: str):  # noqa: ANN201
    return run([sys.executable, str(root / "scripts" / "redact.py"), "--root", str(root), *args], cwd=root)


def test_block_lists_lose_exactly_the_persons_lines(project_copy: Path) -> None:
    before = {p: (project_copy / p).read_text(encoding="utf-8") for p in ("minutes/groups.yml", "minutes/norra/2021-05-05.md", "minutes/norra/2022-01-01.md")}
    plan = redact.plan(Layout(root=project_copy), "Mona Strand")
    assert plan.problems == []
    assert [r.field for r in plan.removals if r.path == "minutes/groups.yml"] == ["norra.members[8]", "gemensam.members[18]"]
    assert set(before) <= set(plan.texts)
    for path, text in before.items():
        lines = [n for n in line_numbers(text, "Mona Strand") if "#" not in text.split("\n")[n - 1].split("Mona Strand")[0]]
        assert plan.texts[path] == without_lines(text, *lines), path
    assert [str(m) for m in plan.first_name_mentions] == ["minutes/norra/2022-01-01.md:142: - Mona: informativt"]


def test_nested_member_block_goes_with_its_comment_and_siblings_stay(project_copy: Path) -> None:
    text = (project_copy / "minutes/groups.yml").read_text(encoding="utf-8")
    plan = redact.plan(Layout(root=project_copy), "Kristian Lagerström")
    start = line_numbers(text, "- name: Kristian Lagerström")[0]
    assert plan.texts["minutes/groups.yml"] == without_lines(text, start, start + 1, start + 2, start + 3)
    assert "    # Frånvarande (seed 002)" in plan.texts["minutes/groups.yml"]
    assert [str(r) for r in plan.removals if r.path == "minutes/groups.yml"] == [f"minutes/groups.yml:{start}: gemensam.members[6]: Kristian Lagerström"]
    assert any("Kristian" in m.text for m in plan.mentions + plan.first_name_mentions)  # seed 001's body names him


def test_flow_lists_roles_empty_lists_and_crlf(project_copy: Path) -> None:
    path = project_copy / "minutes/norra/2021-05-05.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("present:\n"), text.index("projects:\n")
    edited = text[:start] + 'present: [Eva Bremer, "Ida Wiik", Caroline Carlsson (ersätter Anitta)]  # as written\nabsent:\n  - Caroline Carlsson\nchair: Caroline Carlsson   # from the seed\nsecretary: Ida Wiik\n' + text[end:]
    path.write_bytes(edited.replace("\n", "\r\n").encode("utf-8"))

    plan = redact.plan(Layout(root=project_copy), "Caroline Carlsson")
    assert plan.problems == []
    new = plan.texts["minutes/norra/2021-05-05.md"]
    assert "\r\n" in new and "\n" not in new.replace("\r\n", "")
    assert 'present: [Eva Bremer, "Ida Wiik"]  # as written\r\nabsent: []\r\nsecretary: Ida Wiik\r\n' in new
    assert sorted(r.field for r in plan.removals if r.path == "minutes/norra/2021-05-05.md") == ["absent[0]", "chair", "present[2]"]
    assert [m.text for m in plan.mentions if m.path == "minutes/norra/2021-05-05.md"] == []
    assert any(m.path == "minutes/groups.yml" and "(a substitute" in m.text for m in plan.mentions)  # a comment names her


def test_similar_names_are_mentions_not_removals(project_copy: Path) -> None:
    plan = redact.plan(Layout(root=project_copy), "Heidi Hansen")
    assert {r.value for r in plan.removals} == {"Heidi Hansen"}
    assert {m.path for m in plan.mentions if "Heidi Hansen Steijer" in m.text} == {"minutes/gemensam/2023-02-01.md", "minutes/groups.yml"}


def test_cli_dry_run_writes_nothing_apply_writes_and_stays_valid(project_copy: Path) -> None:
    files = sorted(p for p in (project_copy / "minutes").rglob("*") if p.is_file())
    before = {p: p.read_bytes() for p in files}
    dry = redact_cli(project_copy, "Eva Bremer")
    assert dry.returncode == 0, dry.stderr
    assert "Skulle ta bort Eva Bremer på 6 ställen i 5 filer" in dry.stdout
    assert "minutes/norra/2021-05-05.md:17: present[3]: Eva Bremer" in dry.stdout
    assert "minutes/norra/2022-01-01.md:141: - Eva: givande" in dry.stdout
    assert "--apply" in dry.stdout
    assert {p: p.read_bytes() for p in files} == before

    applied = redact_cli(project_copy, "Eva Bremer", "--apply")
    assert applied.returncode == 0, applied.stderr
    assert "Tog bort Eva Bremer på 6 ställen i 5 filer" in applied.stdout and "Skrev 5 filer." in applied.stdout
    assert validate(project_copy).returncode == 0
    archive, _ = load_archive(Layout(root=project_copy))
    assert archive is not None
    assert not any("Eva Bremer" in e.meta.present + e.meta.absent for e in archive.minutes)
    assert not any(m.name == "Eva Bremer" for g in archive.groups.values() for m in g.members)

    again = redact_cli(project_copy, "Eva Bremer")
    assert again.returncode == 0 and "finns inte i någon närvarolista" in again.stdout


def test_cli_counts_in_singular_for_one(project_copy: Path) -> None:
    dry = redact_cli(project_copy, "Annita Into")  # a guest in one attendance list, not a member
    assert dry.returncode == 0, dry.stderr
    assert "Skulle ta bort Annita Into på 1 ställe i 1 fil:" in dry.stdout
    applied = redact_cli(project_copy, "Annita Into", "--apply")
    assert "Tog bort Annita Into på 1 ställe i 1 fil:" in applied.stdout and "Skrev 1 fil." in applied.stdout


def test_cli_refuses_to_work_on_invalid_content(project_copy: Path) -> None:
    broken = project_copy / "minutes/norra/2021-05-05.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("group: norra", "group: norr"), encoding="utf-8")
    groups = (project_copy / "minutes/groups.yml").read_bytes()
    result = redact_cli(project_copy, "Eva Bremer", "--apply")
    assert result.returncode == 1 and "rätta dem först" in result.stderr and "Traceback" not in result.stderr
    assert (project_copy / "minutes/groups.yml").read_bytes() == groups


def test_another_spelling_of_the_name_is_listed_for_the_editor(project_copy: Path) -> None:
    """Seed 000 spells Anitta Into "Annita": her removal once said it was done while one
    attendance list still named her. The other spelling is listed, never removed unasked."""
    plan = redact.plan(Layout(root=project_copy), "Anitta Into")
    assert [(m.path, m.line, m.text.strip()) for m in plan.similar_mentions] == [("minutes/gemensam/2021-03-01.md", 19, "- Annita Into")]
    assert "minutes/gemensam/2021-03-01.md" not in plan.texts
    assert redact.plan(Layout(root=project_copy), "Eva Bremer").similar_mentions == []  # no near spelling: nothing listed
    result = redact_cli(project_copy, "Anitta Into")
    assert "Ett namn som stavas nästan som Anitta Into står här" in result.stdout and "2021-03-01.md:19: - Annita Into" in result.stdout
