"""The editors' field reference page, generated from the schema at every build.

The hand-written half of the guide (docs/redaktorer/index.md) tells the workflow;
this page lists every field of every file kind, straight from `schema.py` via
`fieldref`, so it cannot disagree with the validator. Each file kind also shows a
complete example file from `guide_examples/`, a miniature archive that
`check_guide_examples` validates with the same code as the real one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from . import fieldref
from .problems import Problem
from .render import render
from .schema import Group, Minutes, Project
from .validate import Layout, load_archive

if TYPE_CHECKING:  # pages imports this module to register the generator
    from .pages import Build, Page

EXAMPLES = Path(__file__).parent / "guide_examples"
SRC = "redaktorer/faltreferens.md"
_CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class FileKind:
    """One kind of content file: its model, where it lives, and its example."""

    model: type
    title: str
    anchor: str
    example: str  # path inside guide_examples/, as in the project


# Where each kind of file lives is said by its model's docstring (shown on the page).
FILE_KINDS = (
    FileKind(Minutes, "Minnesanteckningar", "minnesanteckningar", "minutes/norra/2024-09-17.md"),
    FileKind(Project, "Projekt", "projekt", "projects/exempelprojektet.md"),
    FileKind(Group, "Grupper i groups.yml", "grupper", "minutes/groups.yml"),
)


def guide_pages(build: Build) -> Iterator[Page]:
    from .pages import Page  # here, not at the top: pages imports this module

    kinds = [
        {
            "kind": kind,
            "models": fieldref.describe([kind.model]),
            "example": (EXAMPLES / kind.example).read_text(encoding="utf-8"),
        }
        for kind in FILE_KINDS
    ]
    yield Page(
        src=SRC,
        markdown=render("field_reference.html", SRC, kinds=kinds, code_spans=code_spans),
        title="Fältreferens",
        description="Alla fält i minnesanteckningar, projekt och groups.yml, med typ, beskrivning och exempel.",
        in_nav=True,
    )


def code_spans(text: str) -> Markup:
    """Escape a schema description, then show its `backticked` words as code."""
    return Markup(_CODE.sub(lambda m: f"<code>{m[1]}</code>", str(escape(text))))


def check_guide_examples(layout: Layout, files: object) -> list[Problem]:
    """The guide's example files pass the same validation as the real archive (which `files` need not be)."""
    _, problems = load_archive(Layout(root=EXAMPLES))
    shown = EXAMPLES.relative_to(layout.root).as_posix() if EXAMPLES.is_relative_to(layout.root) else str(EXAMPLES)
    return [Problem(f"{shown}/{p.path}", p.line, p.field, p.message, p.severity) for p in problems]
