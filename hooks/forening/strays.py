"""Text files under minutes/ and projects/ that the engine would never read.

The engine reads `minutes/<group>/<YYYY-MM-DD>.md` and `projects/<slug>.md`, nothing
else. A file saved as `.txt` or `.MD` by another editor program, or put one folder too
deep (`minutes/norra/2023/...`), would be left out of the site without a word: `make
check` would say all is valid and the minutes would never be published. So every
such file is an error that says where it belongs. A Word document there (the
association writes its minutes in Word) is a suggestion to import it, unless a
minutes' `attachments` lists it. Attachments (a PDF beside the minutes, or any file
a minutes' `attachments` lists) and hidden files (`.gitkeep`) are left alone.
"""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problem, Severity

# What an editor's program saves text as: a file with one of these endings is meant to be read.
TEXT_ENDINGS = (".md", ".markdown", ".mdown", ".mkd", ".txt", ".text")
# Documents of a word processor: minutes not yet imported, or an attachment not yet listed.
WORD_ENDINGS = (".docx", ".doc", ".odt", ".rtf")


def stray_files(root: Path, minutes_dir: str, projects_dir: str, attachments: set[Path]) -> list[Problem]:
    """Problems for the text files under minutes/ and projects/ that are not where the engine reads."""
    problems: list[Problem] = []
    words: list[tuple[Path, tuple[str, ...]]] = []
    for file, parts in _files(root / minutes_dir, TEXT_ENDINGS + WORD_ENDINGS):  # one walk over decades of minutes
        suffix = os.path.splitext(parts[-1])[1]
        if suffix.lower() in WORD_ENDINGS:
            words.append((Path(file), parts))
            continue
        if len(parts) in (1, 2) and suffix == ".md":
            continue  # read as minutes (directly in minutes/, the minutes loader says where it belongs)
        path = Path(file)
        if path.resolve() in attachments:
            continue
        if len(parts) == 1:
            message = f"filen läses inte: minnesanteckningar ska heta {minutes_dir}/<grupp>/ÅÅÅÅ-MM-DD.md, t.ex. {minutes_dir}/norra/2021-05-05.md"
        elif len(parts) > 2:
            message = f"filen läses inte: minnesanteckningar ska ligga direkt i gruppens mapp, t.ex. {minutes_dir}/{parts[0]}/2021-05-05.md"
        else:
            message = f"filen läses inte: den ska sluta på `.md` (små bokstäver), t.ex. {path.stem}.md"
        problems.append(Problem(path.relative_to(root).as_posix(), 1, "", message))
    for file, parts in _files(root / projects_dir, TEXT_ENDINGS):
        path = Path(file)
        if len(parts) > 1:
            message = f"filen läses inte: projekt ska ligga direkt i {projects_dir}/, t.ex. {projects_dir}/{path.stem}.md"
        elif path.suffix != ".md":
            message = f"filen läses inte: den ska sluta på `.md` (små bokstäver), t.ex. {projects_dir}/{path.stem}.md"
        else:
            continue  # read as a project
        problems.append(Problem(path.relative_to(root).as_posix(), 1, "", message))
    for path, parts in words:
        if path.resolve() in attachments:
            continue
        group = parts[0] if len(parts) > 1 else "<grupp>"
        message = (
            f"filen används inte på webbplatsen. Är det minnesanteckningar, gör om dem med "
            f"`.venv/bin/python scripts/import_minutes.py \"{path.relative_to(root).as_posix()}\" --group {group}`; "
            "är det en bilaga, ange den under `attachments` i minnesanteckningarna"
        )
        problems.append(Problem(path.relative_to(root).as_posix(), 1, "", message, Severity.SUGGESTION))
    return sorted(problems, key=lambda problem: problem.path)


def _files(folder: Path, endings: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """The files with one of `endings` below `folder` that are not hidden: each as its path
    and its path parts under `folder`.

    `os.walk` lists files and folders apart without a `stat` of each file, and the names stay
    strings (a Path for each of decades of minutes, and sorting them, cost 0.2 s of every
    `make check`): a Path is made only for a file that is reported."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for top, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        base = () if top == str(folder) else tuple(os.path.relpath(top, folder).split(os.sep))
        found += [(os.path.join(top, name), (*base, name)) for name in files if not name.startswith(".") and os.path.splitext(name)[1].lower() in endings]
    return found
