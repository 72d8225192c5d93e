"""Validation of content files: every mistake an editor makes gets path:line: field: message."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build, run, validate
from forening.problems import Problem, errors
from forening.validate import Layout, load_archive

GROUPS = """\
norra:
  name: Beredningsgrupp norra
  members:
    - name: Eva Bremer
      workplace: Arbetsmarknadsenheten
vastra:
  name: Beredningsgrupp västra
"""

PROJECT = """\
---
title: Cresco Creare
summary: Ett projekt.
status: avslutat
kind: projekt
---
Text.
"""

GOOD_MINUTES = """\
---
date: 2021-05-05
group: norra
start: 09:00
end: 11:45
present:
  - Eva Bremer
projects: [cresco-creare]
next_meetings:
  - group: norra
    start: 2021-08-24T09:00
    end: 2021-08-24T11:45
---
## 1. Välkommen
"""


def make_content(root: Path, minutes: dict[str, str | bytes] | None = None, groups: str = GROUPS) -> Layout:
    (root / "minutes" / "norra").mkdir(parents=True)
    (root / "projects").mkdir()
    (root / "minutes" / "groups.yml").write_text(groups, encoding="utf-8")
    (root / "projects" / "cresco-creare.md").write_text(PROJECT, encoding="utf-8")
    for name, text in (minutes or {}).items():
        path = root / "minutes" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return Layout(root=root)


def only_problem(layout: Layout) -> Problem:
    archive, problems = load_archive(layout)
    assert archive is None
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_good_minutes_are_valid(tmp_path: Path) -> None:
    archive, problems = load_archive(make_content(tmp_path, {"norra/2021-05-05.md": GOOD_MINUTES}))
    assert problems == []
    assert archive is not None
    [entry] = archive.minutes
    assert str(entry.meta.start) == "09:00:00"
    assert entry.meta.present == ["Eva Bremer"]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    text = ("\ufeff" + GOOD_MINUTES).replace("\n", "\r\n").encode("utf-8")
    archive, problems = load_archive(make_content(tmp_path, {"norra/2021-05-05.md": text}))
    assert problems == [] and archive is not None


def replace(old: str, new: str) -> str:
    """GOOD_MINUTES with the first `old` replaced (lines: 2 date, 3 group, 4 start, 5 end, 6 present, 8 projects, 10-12 next)."""
    assert old in GOOD_MINUTES
    return GOOD_MINUTES.replace(old, new, 1)


CASES = [
    # (what, file text, line, field, words in the message)
    ("invalid YAML", replace("start: 09:00", "start: [09:00"), 4, "", "`[` som börjar här stängs aldrig"),
    # YAML mistakes editors make: the line of the mistake and the fix, not where the parser gave up.
    ("unclosed quote", replace("group: norra", 'group: "norra'), 3, "", 'citattecknet som börjar här stängs aldrig; avsluta värdet med ett "'),
    ("no space after colon", replace("date: 2021-05-05", "date:2021-05-05"), 2, "", "sätt ett mellanslag efter kolon"),
    ("non-breaking spaces as indent", replace("  - Eva Bremer", "\xa0\xa0- Eva Bremer"), 7, "", "hårt mellanslag (U+00A0"),
    ("no space after dash", replace("  - Eva Bremer", "  - Eva Bremer\n  -Ida Wiik"), 8, "", "sätt ett mellanslag efter strecket"),
    ("Markdown star", replace("  - Eva Bremer", "  - Eva Bremer\n  - * Ida Wiik"), 8, "", '`*` kan inte inleda ett värde här; skriv texten utan `*`, eller inom citattecken: `- "* Ida Wiik"`'),
    ("at sign", replace("  - Eva Bremer", "  - @Eva Bremer"), 7, "", 'inom citattecken: `- "@Eva Bremer"`'),
    ("Word's curly quotes", replace("group: norra", "group: norra\ntitle: ”Punkt 3: Ekonomi”"), 4, "", 'skriv raka citattecken "'),
    ("colon in a value", replace("group: norra", "group: norra\ntitle: Punkt 3: Ekonomi"), 4, "", "värde med kolon (:) i sig måste stå inom citattecken"),
    ("[] above names", replace("present:\n", "present: []\n"), 6, "", "`present: []` är tomt; ta bort `[]`"),
    ("text after a quote", replace("  - Eva Bremer", '  - "Eva" Bremer'), 7, "", "efter det avslutande citattecknet"),
    ("indented too far", replace("group: norra", "  group: norra"), 3, "", "mer indragen än raden ovanför"),
    ("missing field", replace("group: norra\n", ""), 2, "group", "fältet saknas"),
    ("wrong type", replace("present:\n  - Eva Bremer", "present: Eva Bremer"), 6, "present", "ska vara en lista"),
    ("unknown field (typo)", replace("present:", "presnt:"), 6, "presnt", "menade du `present`"),
    ("impossible date", replace("next_meetings:\n  - group: norra\n    start: 2021-08-24T09:00\n    end: 2021-08-24T11:45\n", "")
     .replace("date: 2021-05-05", "date: 2021-02-30"), 2, "date", "finns inte i kalendern"),
    ("end before start", replace("end: 11:45", "end: 08:00"), 5, "end", "måste vara efter"),
    ("next meeting end before start", replace("end: 2021-08-24T11:45", "end: 2021-08-24T08:00"), 12, "next_meetings[0].end", "måste vara efter"),
    ("next meeting end without its date", replace("end: 2021-08-24T11:45", "end: 11:45"), 12, "next_meetings[0].end", "`11:45` är ingen tidpunkt; skriv datum och tid, t.ex. 2021-08-24T11:45"),
    ("next meeting end without a time", replace("end: 2021-08-24T11:45", "end: 2021-08-24"), 12, "next_meetings[0].end", "2021-08-24 saknar klockslag; skriv t.ex. 2021-08-24T11:45"),
    ("unknown group", replace("  - group: norra", "  - group: mellersta"), 10, "next_meetings[0].group", "finns inte"),
    ("unknown project", replace("[cresco-creare]", "[cresco-crear]"), 8, "projects[0]", "menade du `cresco-creare`"),
    ("YAML 1.1 no", replace("present:\n  - Eva Bremer", "present: no"), 6, "present", "ska vara en lista"),
    ("YAML 1.1 sexagesimal", replace("start: 09:00", "start: 18:00").replace("end: 11:45", "end: 19:00"), 1, None, None),
    ("time as number", replace("start: 09:00", "start: 900"), 4, "start", "ingen tid"),
    ("octal-looking", replace("start: 09:00", "start: 010"), 4, "start", "ingen tid"),
    ("no front matter", "## 1. Välkommen\n", 1, "", "saknar front matter"),
    ("empty file", "", 1, "", "tom"),
    ("unterminated front matter", "---\ndate: 2021-05-05\n", 1, "", "avslutas inte"),
    ("tab", replace("present:\n  - Eva", "present:\n\t- Eva"), 7, "present[0]", "tabbtecken"),
    ("item with a colon", replace("  - Eva Bremer", "  - Eva Bremer: ordförande"), 7, "present[0]", 'utan kolon, eller hela texten inom citattecken: `"Eva Bremer: ordförande"`'),
    ("empty item", replace("  - Eva Bremer", "  - Eva Bremer\n  -"), 8, "present[1]", "ska vara text, inte tomt; skriv texten efter strecket, eller ta bort raden"),
    ("field as a group", replace("group: norra", "group: norra\nchair:\n  name: Eva Bremer"), 4, "chair", "skriv texten på samma rad som fältet, t.ex. `chair: …`"),
    ("true as text", replace("group: norra", "group: norra\nplace: true"), 4, "place", 'inte ja/nej-värdet true; sätt texten inom citattecken, t.ex. "true"'),
    ("number as text", replace("group: norra", "group: norra\nplace: 12"), 4, "place", 'inte talet 12; sätt texten inom citattecken, t.ex. "12"'),
    ("duplicate key", replace("end: 11:45", "end: 11:45\nend: 11:50"), 6, "end", "två gånger"),
    ("duplicate nested key", replace("    end: 2021-08-24T11:45", "    end: 2021-08-24T11:45\n    end: 2021-08-24T12:00"), 13, "next_meetings[0].end", "två gånger"),
    ("Material key", replace("group: norra", "group: norra\ntags: [x]"), 4, "tags", "okänt fält"),
]


@pytest.mark.parametrize(("what", "text", "line", "field", "words"), CASES, ids=[c[0] for c in CASES])
def test_each_mistake_has_its_message(tmp_path: Path, what: str, text: str, line: int, field: str | None, words: str | None) -> None:
    layout = make_content(tmp_path, {"norra/2021-05-05.md": text})
    if words is None:  # a trap that must NOT be an error: 18:00 is a time, not 1080
        archive, problems = load_archive(layout)
        assert problems == [] and archive is not None
        assert archive.minutes[0].meta.start.hour == 18
        return
    problem = only_problem(layout)
    assert (problem.path, problem.line, problem.field) == ("minutes/norra/2021-05-05.md", line, field), str(problem)
    assert words in problem.message
    assert not re.search(r"\b(found|expected|allowed|scanning|mapping)\b", problem.message), "the parser's English"
    assert "yes/no" not in problem.message and "ja/nej;" not in problem.message  # only true/false are ja/nej-värden here


def test_empty_front_matter_names_the_missing_fields(tmp_path: Path) -> None:
    _, problems = load_archive(make_content(tmp_path, {"norra/2021-05-05.md": "---\n---\n\n## 1. Välkommen\n"}))
    assert [(p.line, p.field, p.message) for p in problems] == [
        (2, "date", "fältet saknas; lägg till en rad `date: …`"),
        (2, "group", "fältet saknas; lägg till en rad `group: …`"),
    ]


def test_closing_line_without_a_line_break_at_the_end_of_the_file(tmp_path: Path) -> None:
    text = GOOD_MINUTES[: GOOD_MINUTES.rindex("---") + 3]  # as Notepad and VS Code save a file
    archive, problems = load_archive(make_content(tmp_path, {"norra/2021-05-05.md": text}))
    assert problems == [] and archive is not None and archive.minutes[0].body == ""


def test_non_utf8(tmp_path: Path) -> None:
    text = GOOD_MINUTES.replace("Välkommen", "V\xe4lkommen").encode("latin-1")
    problem = only_problem(make_content(tmp_path, {"norra/2021-05-05.md": text}))
    assert problem.line == 14 and "UTF-8" in problem.message


def test_file_name_and_folder_must_agree(tmp_path: Path) -> None:
    layout = make_content(tmp_path, {"vastra/2021-05-06.md": GOOD_MINUTES})
    _, problems = load_archive(layout)
    assert [(p.line, p.field) for p in problems] == [(2, "date"), (3, "group")]
    assert "2021-05-05.md" in problems[0].message and "minutes/norra/" in problems[1].message


def test_every_error_at_once(tmp_path: Path) -> None:
    layout = make_content(
        tmp_path,
        {"norra/2021-05-05.md": replace("present:", "presnt:"), "norra/2021-05-06.md": "", "vastra/2021-01-01.md": "no front matter"},
    )
    _, problems = load_archive(layout)
    assert sorted({p.path for p in errors(problems)}) == [
        "minutes/norra/2021-05-05.md",
        "minutes/norra/2021-05-06.md",
        "minutes/vastra/2021-01-01.md",
    ]


def test_member_contact_details_refused(tmp_path: Path) -> None:
    groups = GROUPS.replace("      workplace: Arbetsmarknadsenheten\n", "      workplace: Arbetsmarknadsenheten\n      email: eva@example.se\n")
    problem = only_problem(make_content(tmp_path, groups=groups))
    assert (problem.path, problem.line, problem.field) == ("minutes/groups.yml", 6, "norra.members[0].email")
    assert "GDPR" in problem.message and "Ta bort raden" in problem.message and "extra.contact" in problem.message


@pytest.mark.parametrize("key", ["E-post", "e_post", "telefonnummer", "Mobile", "postadress", "personnummer"])
def test_every_spelling_of_a_contact_field_is_refused(tmp_path: Path, key: str) -> None:
    groups = GROUPS.replace("      workplace: Arbetsmarknadsenheten\n", f"      workplace: Arbetsmarknadsenheten\n      {key}: x\n")
    problem = only_problem(make_content(tmp_path, groups=groups))
    assert (problem.line, problem.field) == (6, f"norra.members[0].{key}") and "GDPR" in problem.message


def test_project_rules(tmp_path: Path) -> None:
    layout = make_content(tmp_path)
    (tmp_path / "projects" / "x.md").write_text("---\ntitle: X\nsummary: S\nstatus: klar\nkind: projekt\nstart: 2022-01-01\nend: 2021-01-01\nareas: [mellersta]\n---\n", encoding="utf-8")
    _, problems = load_archive(layout)
    assert [(p.line, p.field) for p in problems] == [(4, "status"), (8, "areas[0]")]  # its own unknown group too, at once
    (tmp_path / "projects" / "x.md").write_text("---\ntitle: X\nsummary: S\nstatus: pågående\nkind: projekt\nstart: 2022-01-01\nend: 2021-01-01\nareas: [mellersta]\n---\n", encoding="utf-8")
    _, problems = load_archive(layout)
    assert [(p.line, p.field) for p in problems] == [(7, "end"), (8, "areas[0]")] or [(p.line, p.field) for p in problems] == [(7, "end")]


def test_a_tab_in_groups_yml_names_the_field_on_its_line(tmp_path: Path) -> None:
    problem = only_problem(make_content(tmp_path, groups=GROUPS.replace("      workplace:", "\t\t\tworkplace:")))
    assert (problem.path, problem.line, problem.field) == ("minutes/groups.yml", 5, "norra.members[0].workplace")
    assert "tabbtecken" in problem.message


def test_unreadable_groups_file_is_one_problem_not_one_per_minutes(tmp_path: Path) -> None:
    layout = make_content(tmp_path, {"norra/2021-05-05.md": GOOD_MINUTES}, groups="norra:\n  name: a\n  name: b\n")
    assert [(p.path, p.line, p.field) for p in load_archive(layout)[1]] == [("minutes/groups.yml", 3, "norra.name")]


def _break_groups(root: Path, how: str) -> None:
    """minutes/groups.yml made unreadable as editors do it (the real file, whose minutes have `events`)."""
    path = root / "minutes" / "groups.yml"
    text = path.read_text(encoding="utf-8")
    if how == "tab":
        path.write_text(text.replace("\n    - name:", "\n\t- name:", 1), encoding="utf-8")
    elif how == "duplicate group":
        path.write_text(text + "norra:\n  name: Igen\n", encoding="utf-8")
    elif how == "indentation":
        path.write_text(text.replace("    - name: Eva Bremer ", "    - name: Eva Bremer\n     workplace: Vara kommun\n", 1), encoding="utf-8")
    elif how == "empty":
        path.write_text("", encoding="utf-8")
    elif how == "missing":
        path.unlink()
    elif how == "latin-1":
        path.write_bytes(text.encode("latin-1"))


UNREADABLE_GROUPS = [
    ("tab", r"minutes/groups\.yml:\d+: (\S+: )?tabbtecken"),
    ("duplicate group", r"minutes/groups\.yml:\d+: norra: fältet `norra` står två gånger"),
    ("indentation", r"minutes/groups\.yml:\d+: felaktig YAML"),
    ("empty", r"minutes/groups\.yml:1: filen är tom; den ska vara grupper"),
    ("missing", r"minutes/groups\.yml:1: filen saknas"),
    ("latin-1", r"minutes/groups\.yml:\d+: filen är inte sparad som UTF-8"),
]


@pytest.mark.parametrize(("how", "expected"), UNREADABLE_GROUPS, ids=[c[0] for c in UNREADABLE_GROUPS])
def test_unreadable_groups_file_is_reported_not_a_traceback(project_copy: Path, how: str, expected: str) -> None:
    """The real minutes list `events` with `groups`: their check once crashed when groups.yml could not be read."""
    _break_groups(project_copy, how)
    result = validate(project_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(expected, result.stderr), result.stderr


SCRIPTS_THAT_READ_CONTENT = [
    ("new_minutes.py", "--group", "norra", "--date", "2030-01-01", "-o", "-"),
    ("import_minutes.py", str(ROOT / "tests" / "fixtures" / "import" / "beredning-okand-form.md"), "--group", "norra", "--date", "2030-01-01", "-o", "-"),
    ("redact.py", "Eva Bremer"),
    ("newsletter.py", "--from", "2023-01-01", "--no-git"),
]


@pytest.mark.parametrize("args", SCRIPTS_THAT_READ_CONTENT, ids=[a[0] for a in SCRIPTS_THAT_READ_CONTENT])
def test_every_script_reports_an_unreadable_groups_file(project_copy: Path, args: tuple[str, ...]) -> None:
    _break_groups(project_copy, "tab")
    result = run([sys.executable, str(project_copy / "scripts" / args[0]), "--root", str(project_copy), *args[1:]], cwd=project_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"minutes/groups\.yml:\d+: (\S+: )?tabbtecken", result.stderr), result.stderr


def test_build_reports_an_unreadable_groups_file(project_copy: Path, tmp_path: Path) -> None:
    _break_groups(project_copy, "tab")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"minutes/groups\.yml:\d+: (\S+: )?tabbtecken", result.stderr), result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_file_that_fails_the_schema_still_has_its_references_checked(tmp_path: Path) -> None:
    """Its own unknown project and group are shown with its schema error, not after it is fixed."""
    text = replace("start: 09:00", "start: 9").replace("[cresco-creare]", "[cresco-kreare, 5]").replace("  - group: norra", "  - group: sodra")
    _, problems = load_archive(make_content(tmp_path, {"norra/2021-05-05.md": text}))
    problems = sorted(problems)
    assert [(p.line, p.field) for p in problems] == [(4, "start"), (8, "projects[0]"), (8, "projects[1]"), (10, "next_meetings[0].group")]
    assert "menade du `cresco-creare`" in problems[1].message and "`sodra` finns inte" in problems[3].message


def test_a_reference_the_schema_refused_is_not_checked_again(tmp_path: Path) -> None:
    text = replace("[cresco-creare]", "[Cresco Creare]").replace("group: norra\nstart", "group: Norra\nstart")
    _, problems = load_archive(make_content(tmp_path, {"norra/2021-05-05.md": text}))
    assert [(p.line, p.field) for p in problems] == [(3, "group"), (8, "projects[0]")]
    assert not any("finns inte" in p.message for p in problems)


def test_renaming_a_group_shows_the_minutes_it_breaks(project_copy: Path) -> None:
    """What pre-commit runs when only groups.yml is staged: the other files' errors count."""
    groups = project_copy / "minutes" / "groups.yml"
    groups.write_text(groups.read_text(encoding="utf-8").replace("\nvastra:", "\nvastergotland:"), encoding="utf-8")
    result = validate(project_copy, "minutes/groups.yml")
    assert result.returncode == 1
    assert re.search(r"minutes/norra/2021-05-05\.md:\d+: next_meetings\[\d\]\.group: gruppen `vastra` finns inte", result.stderr), result.stderr
    assert "av felen finns i andra filer än de angivna" in result.stderr
    assert "giltigt" not in result.stdout


def test_deleting_a_listed_project_shows_the_minutes_it_breaks(project_copy: Path) -> None:
    """pre-commit passes no deleted file: with `always_run` it runs validate.py without paths."""
    (project_copy / "projects" / "kick-off.md").unlink()
    result = validate(project_copy)
    assert result.returncode == 1
    assert re.search(r"minutes/gemensam/2021-03-01\.md:\d+: projects\[\d\]: projektet `kick-off` finns inte", result.stderr), result.stderr


def test_a_path_that_does_not_exist_is_an_error(project_copy: Path) -> None:
    result = validate(project_copy, "minutes/norra/2099-01-01.md")
    assert result.returncode == 1
    assert "minutes/norra/2099-01-01.md:1: finns inte" in result.stderr
    assert "giltigt" not in result.stdout


def test_a_folder_means_the_files_in_it(project_copy: Path) -> None:
    path = project_copy / "minutes" / "norra" / "2021-05-05.md"
    path.write_text(path.read_text(encoding="utf-8").replace("start: 09:00", "start: 9", 1), encoding="utf-8")
    result = validate(project_copy, "minutes/norra")
    assert result.returncode == 1
    assert "minutes/norra/2021-05-05.md:11: start:" in result.stderr
    assert "andra filer" not in result.stderr


def test_with_paths_the_final_message_says_what_was_checked(project_copy: Path) -> None:
    result = validate(project_copy, "minutes/norra")
    assert result.returncode == 0, result.stderr
    assert "alla filer kontrollerades; förslag visas bara för de angivna filerna" in result.stdout
    assert ": förslag:" not in result.stderr or all(
        line.startswith("minutes/norra/") for line in result.stderr.splitlines() if ": förslag:" in line
    )


ESCAPED_CHARACTERS = [
    # (what the editor wrote, in YAML's escapes, and the words of the message)
    ('title: "Kontroll\\x01tecken"', "osynligt styrtecken (U+0001)"),
    ('title: "Rad\\x85slut"', "osynligt styrtecken (U+0085)"),
    ('place: "Rum 7\\u202E baklänges"', "vänder textens riktning (U+202E)"),
    ('place: "Rum \\u2067isolerat"', "vänder textens riktning (U+2067)"),
]


@pytest.mark.parametrize(("line", "words"), ESCAPED_CHARACTERS, ids=[c[1] for c in ESCAPED_CHARACTERS])
def test_characters_made_by_yaml_escapes_are_refused_at_their_line(tmp_path: Path, line: str, words: str) -> None:
    """The strict YAML reader refuses such characters typed into a file; YAML's escapes
    made them anyway, and a control character in a title then stopped the build with a
    traceback (an XML feed cannot hold one), a bidi override reversed calendar text."""
    minutes = GOOD_MINUTES.replace("group: norra\n", f"group: norra\n{line}\n", 1)
    problem = only_problem(make_content(tmp_path, {"norra/2021-05-05.md": minutes}))
    assert (problem.line, problem.field) == (4, line.split(":")[0])
    assert words in problem.message and "ta bort det" in problem.message


def test_tabs_and_line_breaks_in_a_text_are_fine(tmp_path: Path) -> None:
    minutes = GOOD_MINUTES.replace("group: norra\n", 'group: norra\ntitle: "Möte\\tmed\\nradbrytning"\n', 1)
    archive, problems = load_archive(make_content(tmp_path, {"norra/2021-05-05.md": minutes}))
    assert problems == [] and archive is not None


def test_a_file_that_cannot_be_read_is_told_why_in_swedish(tmp_path: Path) -> None:
    """The operating system's reason was shown as it says it: "No such file or directory"."""
    from forening import load

    problems: list[Problem] = []
    (tmp_path / "mapp.md").mkdir()
    assert load.read_text(tmp_path / "saknas.md", "minutes/norra/saknas.md", problems) is None
    assert load.read_text(tmp_path / "mapp.md", "minutes/norra/mapp.md", problems) is None
    assert [p.message for p in problems] == ["filen kan inte läsas (filen finns inte)", "filen kan inte läsas (det är en mapp, inte en fil)"]
