"""The editors' guide: the workflow page, the example files, and the nav."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT, validate
from forening import schema
from forening.guide import EXAMPLES, FILE_KINDS
from forening.validate import Layout, load_archive


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def test_the_example_files_are_a_valid_archive() -> None:
    archive, problems = load_archive(Layout(root=EXAMPLES))
    assert problems == [] and archive is not None
    assert {kind.example for kind in FILE_KINDS} == {
        p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*") if p.is_file()
    }


def test_each_example_is_shown_whole_on_the_reference_page(site: Path) -> None:
    shown = [pre.get_text() for pre in soup(site, "redaktorer/faltreferens").select("pre.fm-fieldref-example")]
    assert shown == [(EXAMPLES / kind.example).read_text(encoding="utf-8") for kind in FILE_KINDS]


def _real_people() -> set[str]:
    """Everyone the real archive names: members, attendance, chairs and secretaries."""
    archive, _ = load_archive(Layout(root=ROOT))
    assert archive is not None
    people = {member.name for group in archive.groups.values() for member in group.members}
    for entry in archive.minutes:
        people |= {*entry.meta.present, *entry.meta.absent, entry.meta.chair or "", entry.meta.secretary or ""}
    return {re.sub(r"\s*\(.*\)", "", name) for name in people if name}


def _schema_examples() -> list[str]:
    """Every example value of every field of every model, as text."""
    models = {kind.model for kind in FILE_KINDS} | {schema.Member, schema.NextMeeting, schema.Attachment, schema.Link, schema.Event}
    return [str(example) for model in models for info in model.model_fields.values() for example in info.examples or []]


def test_the_field_reference_names_no_real_person(site: Path) -> None:
    """The reference's examples are made up: a real member's name there would give them facts
    no minutes record (a role, an absence), outside retention's reach, and searchable."""
    people = _real_people()
    assert len(people) > 40  # the real archive, not an empty one
    text = soup(site, "redaktorer/faltreferens").select_one("article").get_text(" ", strip=True)
    assert [name for name in people if name.lower() in text.lower()] == []


def test_the_examples_name_no_real_project() -> None:
    """Nor do they tell of a real project: an example start date or lead party would read as its facts."""
    archive, _ = load_archive(Layout(root=ROOT))
    assert archive is not None
    names = {name for entry in archive.projects.values() for name in (entry.slug, entry.meta.title, *entry.meta.aliases)}
    examples = " ".join(_schema_examples() + [(EXAMPLES / kind.example).read_text(encoding="utf-8") for kind in FILE_KINDS])
    assert [name for name in names if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", examples, re.IGNORECASE)] == []


def test_a_broken_example_fails_make_check(project_copy: Path) -> None:
    example = project_copy / "hooks" / "forening" / "guide_examples" / "minutes" / "norra" / "2024-09-17.md"
    example.write_text(example.read_text(encoding="utf-8").replace("start: 09:00", "starttid: 09:00"), encoding="utf-8")
    result = validate(project_copy)
    assert result.returncode == 1
    assert "hooks/forening/guide_examples/minutes/norra/2024-09-17.md:5: starttid: okänt fält; menade du `start`?" in result.stderr


def test_the_guide_is_in_the_nav_and_links_to_the_reference(site: Path) -> None:
    home = soup(site, "")
    nav = home.select_one("nav.md-nav--primary").get_text(" ", strip=True)
    assert "För redaktörer" in nav and "Arbetsgång" in nav and "Fältreferens" in nav
    guide = soup(site, "redaktorer")
    assert guide.h1.get_text(strip=True).startswith("För redaktörer")
    text = guide.select_one("article").get_text(" ", strip=True)
    for step in ("git switch -c", "make check", "git commit", "git push", "pre-commit install", "import_minutes.py", "new_minutes.py"):
        assert step in text
    assert "faltreferens/" in [a["href"] for a in guide.select("article a")]


def test_the_error_shown_in_the_guide_is_the_validators_own(project_copy: Path) -> None:
    source = (ROOT / "docs" / "redaktorer" / "index.md").read_text(encoding="utf-8")
    shown = re.search(r"```text\n(.+?)\n```", source, flags=re.DOTALL)[1]
    path = shown.split(":")[0]
    (project_copy / path).write_text("---\ndate: 2021-08-24\ngroup: norra\nstart: 11:45\nend: 09:00\n---\n", encoding="utf-8")
    result = validate(project_copy)
    assert shown in result.stderr.splitlines()
