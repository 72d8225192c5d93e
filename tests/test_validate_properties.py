"""Properties of the validator (validate.load_archive) on hostile and broken files.

Any file an editor saves beside otherwise valid content gives either an archive
or problems, each `path:line: field: message` with a line inside that file and a
Swedish message; any value in one field gives either a valid archive or problems
that all name that field, at its lines. The fields come from the schema itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from forening.problems import Problem, errors
from forening.schema import Attachment, Group, Member, Minutes, NextMeeting, Project
from forening.validate import Layout, load_archive
from hostile import assert_clean, yaml_documents, yaml_ish_text, yaml_values
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

GROUPS = {"norra": {"name": "Beredningsgrupp norra", "members": [{"name": "Eva Bremer"}]}}
PROJECT = {"title": "Cresco Creare", "summary": "Ett projekt.", "status": "avslutat", "kind": "projekt"}
MINUTES = {"date": "2021-05-05", "group": "norra"}  # the required fields only

MINUTES_FILE = "minutes/norra/2021-05-05.md"
PROJECT_FILE = "projects/cresco-creare.md"
GROUPS_FILE = "minutes/groups.yml"


def front_matter(data: dict[str, Any]) -> str:
    return "---\n" + yaml.dump(data, sort_keys=False, allow_unicode=True) + "---\nText.\n"


@pytest.fixture(scope="module")
def layout(tmp_path_factory: pytest.TempPathFactory) -> Layout:
    root = tmp_path_factory.mktemp("content")
    (root / "minutes" / "norra").mkdir(parents=True)
    (root / "projects").mkdir()
    return Layout(root=root)


def write_valid(layout: Layout) -> None:
    """Valid content: one group, one project, one minutes file."""
    (layout.root / GROUPS_FILE).write_text(yaml.dump(GROUPS, allow_unicode=True), encoding="utf-8")
    (layout.root / PROJECT_FILE).write_text(front_matter(PROJECT), encoding="utf-8")
    (layout.root / MINUTES_FILE).write_text(front_matter(MINUTES), encoding="utf-8")


def check(layout: Layout, shown: str, raw: bytes) -> list[Problem]:
    """Replace one file of valid content by `raw`; validate; check the rule every outcome obeys."""
    write_valid(layout)
    (layout.root / shown).write_bytes(raw)
    archive, problems = load_archive(layout)
    assert (archive is None) == bool(errors(problems))
    assert_clean(problems, {name: (layout.root / name).read_bytes().count(b"\n") + 1 for name in FILES})
    if shown != GROUPS_FILE:  # a broken groups.yml also breaks the minutes that name a group
        assert {problem.path for problem in problems} <= {shown}
    return problems


def test_the_valid_content_is_valid(layout: Layout) -> None:
    write_valid(layout)
    archive, problems = load_archive(layout)
    assert problems == [] and archive is not None


FILES = [MINUTES_FILE, PROJECT_FILE, GROUPS_FILE]

any_file = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=300).map(str.encode),
    yaml_ish_text.map(lambda t: f"---\n{t}\n---\n".encode()),
    yaml_documents().map(lambda t: f"---\n{t}---\n".encode()),
)


@PROPERTY
@given(shown=st.sampled_from(FILES), raw=any_file)
def test_any_file_gives_an_archive_or_clean_problems(layout: Layout, shown: str, raw: bytes) -> None:
    if shown == GROUPS_FILE and raw.startswith(b"---\n"):
        raw = raw[4:]  # groups.yml is plain YAML, not front matter
    check(layout, shown, raw)


# Keys of the nested records (next_meetings, attachments, members), an unknown one and a contact field.
NESTED_KEYS = sorted({*NextMeeting.model_fields, *Attachment.model_fields, *Member.model_fields, "x", "email"})


def value_for(model: type[BaseModel], name: str) -> st.SearchStrategy[Any]:
    """Anything YAML can hold, the schema's own examples, and lists of records with field-like keys."""
    examples = model.model_fields[name].examples or []
    near = [st.sampled_from(examples)] if examples else []
    records = st.lists(st.dictionaries(st.sampled_from(NESTED_KEYS), st.one_of(yaml_values, st.sampled_from(["norra", "2021-08-24T09:00"])), max_size=4), max_size=2)
    return st.one_of(*near, yaml_values, st.lists(yaml_values, max_size=3), records)


def with_last(base: dict[str, Any], name: str, value: Any) -> dict[str, Any]:
    """`base` with `name` set to `value` as its last key, so the value runs to the end."""
    return {key: old for key, old in base.items() if key != name} | {name: value}


def lines_from(text: str, key: str, indent: str = "") -> range:
    """The file lines (1-based) from `key:` to the end of the dumped YAML."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{indent}{key}:"))
    return range(start + 1, len(lines) + 1)


def names(field: str, name: str) -> bool:
    return field == name or field.startswith((f"{name}.", f"{name}["))


@st.composite
def one_field(draw: st.DrawFn, model: type[BaseModel]) -> tuple[str, Any]:
    name = draw(st.sampled_from(list(model.model_fields)))
    return name, draw(value_for(model, name))


@PROPERTY
@given(field=one_field(Minutes))
def test_any_minutes_field_value_is_valid_or_named(layout: Layout, field: tuple[str, Any]) -> None:
    name, value = field
    text = front_matter(with_last(MINUTES, name, value))
    problems = check(layout, MINUTES_FILE, text.encode())
    where = lines_from(text, name)
    for problem in errors(problems):
        assert names(problem.field, name) and problem.line in where, problem


@PROPERTY
@given(field=one_field(Project))
def test_any_project_field_value_is_valid_or_named(layout: Layout, field: tuple[str, Any]) -> None:
    name, value = field
    text = front_matter(with_last(PROJECT, name, value))
    problems = check(layout, PROJECT_FILE, text.encode())
    where = lines_from(text, name)
    for problem in errors(problems):
        assert names(problem.field, name) and problem.line in where, problem


@PROPERTY
@given(field=one_field(Group))
def test_any_group_field_value_is_valid_or_named(layout: Layout, field: tuple[str, Any]) -> None:
    name, value = field
    text = yaml.dump({"norra": with_last(GROUPS["norra"], name, value)}, sort_keys=False, allow_unicode=True)
    problems = check(layout, GROUPS_FILE, text.encode())
    where = lines_from(text, name, indent="  ")
    for problem in errors(problems):
        assert names(problem.field, f"norra.{name}") and problem.line in where, problem
