"""Helpers for the importer's tests: import a text written in the test against the real archive."""

from __future__ import annotations

import datetime as dt
import textwrap
from functools import cache
from pathlib import Path

from conftest import ROOT
from forening.archive import Archive
from forening.importer import Imported, import_minutes, read_source
from forening.validate import Layout, load_archive


@cache
def real_archive() -> Archive:
    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    return archive


def import_text(
    tmp_path: Path,
    text: str,
    *,
    suffix: str = ".txt",
    group: str = "norra",
    date: dt.date | None = None,
    precision: str = "day",
    archive: Archive | None = None,
) -> Imported:
    path = tmp_path / f"input{suffix}"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return import_file(path, group=group, date=date, precision=precision, archive=archive)


def import_file(path: Path, *, group: str = "norra", date: dt.date | None = None, precision: str = "day", archive: Archive | None = None) -> Imported:
    return import_minutes(read_source(path), group, archive or real_archive(), date=date, precision=precision)


def notes(result: Imported) -> list[str]:
    return [f"{note.line}: {note.message}" for note in result.notes]
