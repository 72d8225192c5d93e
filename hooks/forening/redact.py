"""Remove a person from the archive on request (GDPR), editing the files surgically.

`plan(layout, name)` works out, without writing anything:

- the removals: the person's entries in `present`/`absent`, `chair`/`secretary`
  of every minutes file, and their `members` entries in groups.yml;
- the mentions left for the editor to judge: every other line that holds the full
  name (body text, decisions, comments), and, separately, lines with the first
  name alone ("Eva: givande"), which may or may not be the same person (a first
  name followed by another surname, "Eva Axelsson", is someone else), and lines
  with a name spelled almost the same ("Annita Into" for "Anitta Into": the seeds
  spell some names two ways), which are never removed without the editor;
- whether the archive is still valid afterwards.

Edits cut exact character ranges found with PyYAML's node positions, so every
other byte stays: comments, quoting, order and blank lines. Nothing goes through
a YAML dumper (it would drop the editors' comments). An entry matches the name
as written, or followed by a parenthesis or comma: `Caroline Carlsson (ersätter
Anitta)` is Caroline Carlsson; `Heidi Hansen Steijer` is not Heidi Hansen (she
is listed as a mention instead).
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import load
from .problems import Problem, errors
from .validate import Layout, docs_paths, load_archive, minutes_paths, project_paths

ATTENDANCE = ("present", "absent")
ROLES = ("chair", "secretary")


@dataclass(frozen=True, order=True)
class Removal:
    path: str
    line: int
    field: str
    value: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.value}"


@dataclass(frozen=True, order=True)
class Mention:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text.strip()}"


@dataclass
class Plan:
    """What redaction would do; `texts` maps each changed file to its new text."""

    name: str
    removals: list[Removal] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    first_name_mentions: list[Mention] = field(default_factory=list)
    similar_mentions: list[Mention] = field(default_factory=list)  # the name spelled almost the same
    texts: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # errors after the edit: nothing is written


def same_person(value: str, name: str) -> bool:
    """Whether a list entry names this person (`Name`, `Name (ersätter X)`, `Name, roll`)."""
    value, name = _plain(value), _plain(name)
    if not value.startswith(name):
        return False
    rest = value[len(name) :].strip()
    return rest == "" or rest[0] in "(,–-"


def plan(layout: Layout, name: str) -> Plan:
    result = Plan(name=name)
    for shown in [layout.groups_file, *_content_files(layout)]:
        text = load.read_text(layout.root / shown, shown, result.problems)
        if text is None:
            continue
        edits, removals = _find(layout, shown, text, name)
        result.removals += removals
        changed = _changed_lines(text, edits)
        for number, line in enumerate(text.split("\n"), start=1):
            if number in changed:
                continue
            if _plain(name) in _plain(line):
                result.mentions.append(Mention(shown, number, line))
            elif _spelled_alike(line, name):
                result.similar_mentions.append(Mention(shown, number, line))
            elif _first_name(name) and re.search(rf"(?<!\w){re.escape(_first_name(name))}(?!\w)(?!\s+[A-ZÅÄÖÉ])", line):
                result.first_name_mentions.append(Mention(shown, number, line))
        if edits:
            result.texts[shown] = _as_saved(layout.root / shown, _apply_edits(text, edits))
    if result.texts:
        result.problems += _validate_edited(layout, result.texts)
    return result


def write(layout: Layout, result: Plan) -> list[str]:
    """Write the edited files (only if the result is valid). Returns the paths written."""
    if errors(result.problems):
        return []
    for shown, text in result.texts.items():
        (layout.root / shown).write_bytes(text.encode("utf-8"))
    return sorted(result.texts)


Edit = tuple[int, int, str]  # replace text[start:end] with the string


def _find(layout: Layout, shown: str, text: str, name: str) -> tuple[list[Edit], list[Removal]]:
    if shown == layout.groups_file:
        return _members(shown, text, name)
    match = load.FRONT_MATTER.match(text)
    if match and shown.startswith(layout.minutes_dir + "/"):
        return _minutes(shown, text, match, name)
    return [], []


def _minutes(shown: str, text: str, match: re.Match[str], name: str) -> tuple[list[Edit], list[Removal]]:
    offset = match.start(1)
    root = _compose(match.group(1))
    edits: list[Edit] = []
    removals: list[Removal] = []
    if not isinstance(root, yaml.MappingNode):
        return edits, removals
    for key_node, value in root.value:
        key = key_node.value
        if key in ATTENDANCE and isinstance(value, yaml.SequenceNode):

            def is_person(item: yaml.Node) -> bool:
                return isinstance(item, yaml.ScalarNode) and same_person(item.value, name)

            edits += _remove_items(text, offset, key_node, value, is_person)
            removals += [_removal(shown, text, offset, item, f"{key}[{i}]", item.value) for i, item in enumerate(value.value) if is_person(item)]
        elif key in ROLES and isinstance(value, yaml.ScalarNode) and same_person(value.value, name):
            start = _line_start(text, offset + key_node.start_mark.index)
            edits.append((start, _line_end(text, offset + value.end_mark.index), ""))
            removals.append(_removal(shown, text, offset, key_node, key, value.value))
    return edits, removals


def _members(shown: str, text: str, name: str) -> tuple[list[Edit], list[Removal]]:
    offset = 0
    root = _compose(text)
    edits: list[Edit] = []
    removals: list[Removal] = []
    if not isinstance(root, yaml.MappingNode):
        return edits, removals
    for group_key, group in root.value:
        for key_node, members in group.value if isinstance(group, yaml.MappingNode) else []:
            if key_node.value != "members" or not isinstance(members, yaml.SequenceNode):
                continue

            def is_person(item: yaml.Node) -> bool:
                return _member_name(item) is not None and same_person(_member_name(item) or "", name)

            edits += _remove_items(text, offset, key_node, members, is_person)
            for i, item in enumerate(members.value):
                if is_person(item):
                    removals.append(_removal(shown, text, offset, item, f"{group_key.value}.members[{i}]", _member_name(item) or ""))
    return edits, removals


def _remove_items(text: str, offset: int, key_node: yaml.Node, seq: yaml.SequenceNode, remove: Callable[[yaml.Node], bool]) -> list[Edit]:
    """Edits that drop the matching items of a sequence, block or flow style."""
    items = seq.value
    gone = [item for item in items if remove(item)]
    if not gone:
        return []
    if seq.flow_style:
        kept = [text[offset + i.start_mark.index : offset + i.end_mark.index] for i in items if i not in gone]
        return [(offset + seq.start_mark.index, offset + seq.end_mark.index, "[" + ", ".join(kept) + "]")]
    edits = [_block_item(text, offset + item.start_mark.index) for item in gone]
    if len(gone) == len(items):
        colon = text.index(":", offset + key_node.end_mark.index)
        edits.append((colon + 1, colon + 1, " []"))  # an empty list, not an empty (null) value
    return edits


def _block_item(text: str, item_start: int) -> Edit:
    """The whole lines of one `- ...` item: its own line and anything indented under it."""
    start = _line_start(text, item_start)
    dash = len(text[start:item_start]) - len(text[start:item_start].lstrip())
    end = _line_end(text, item_start)
    last_content = end
    while end < len(text):
        line_end = _line_end(text, end)
        line = text[end:line_end].rstrip("\n")
        if line.strip() and len(line) - len(line.lstrip()) <= dash:
            break
        end = line_end
        if line.strip():
            last_content = end
    return start, last_content, ""


def _removal(shown: str, text: str, offset: int, node: yaml.Node, where: str, value: str) -> Removal:
    return Removal(shown, text.count("\n", 0, offset + node.start_mark.index) + 1, where, value)


def _member_name(item: yaml.Node) -> str | None:
    if isinstance(item, yaml.MappingNode):
        for key, value in item.value:
            if key.value == "name" and isinstance(value, yaml.ScalarNode):
                return str(value.value)
    return None


def _compose(yaml_text: str) -> yaml.Node | None:
    # The pure-Python loader: its marks count characters, which is what we cut by.
    return yaml.compose(yaml_text, Loader=yaml.SafeLoader)


def _changed_lines(text: str, edits: list[Edit]) -> set[int]:
    """1-based lines that the edits delete or rewrite (their mentions need no review)."""
    lines: set[int] = set()
    for start, end, _ in edits:
        first = text.count("\n", 0, start) + 1
        last = text.count("\n", 0, max(start, end - 1)) + 1
        lines.update(range(first, last + 1))
    return lines


def _as_saved(path: Path, text: str) -> str:
    """The text with the file's own BOM and line endings, as the editor saved it."""
    raw = path.read_bytes()
    if b"\r\n" in raw:
        text = text.replace("\n", "\r\n")
    return "\ufeff" + text if raw.startswith(codecs.BOM_UTF8) else text


def _apply_edits(text: str, edits: list[Edit]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    """The index just after the newline that ends the line holding `index`."""
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


# A run of capitalised words in a line: where another spelling of a name would stand.
_CAPITALISED = re.compile(r"[A-ZÅÄÖÉÜ][\w-]*(?:[ \t]+[A-ZÅÄÖÉÜ][\w-]*)*")
ALIKE = 0.8  # difflib's ratio from which two spellings are worth a look (Annita/Anitta Into: 0.91)


def _spelled_alike(line: str, name: str) -> bool:
    """Whether the line names someone as many words long as `name`, spelled almost but not
    quite as it (another spelling of the same person, or someone else: the editor decides)."""
    wanted = _plain(name)
    count = len(wanted.split())
    for run in _CAPITALISED.findall(line):
        words = run.split()
        for start in range(len(words) - count + 1):
            candidate = _plain(" ".join(words[start : start + count]))
            if candidate != wanted and difflib.SequenceMatcher(None, candidate, wanted).ratio() >= ALIKE:
                return True
    return False


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def _first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if len(parts) > 1 else ""


def _content_files(layout: Layout) -> list[str]:
    found = minutes_paths(layout) + project_paths(layout) + docs_paths(layout)
    return [layout.shown(p) for p in found]


def _validate_edited(layout: Layout, texts: dict[str, str]) -> list[Problem]:
    """The archive's problems with the edits applied, checked in a scratch copy."""
    with tempfile.TemporaryDirectory(prefix="redact-") as scratch:
        root = Path(scratch)
        for folder in (layout.minutes_dir, layout.projects_dir):
            for path in (layout.root / folder).rglob("*"):
                if path.is_file():
                    target = root / layout.shown(path)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.symlink(path, target)  # attachments too: they are checked for existence
        for shown, text in texts.items():
            target = root / shown
            target.unlink(missing_ok=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
        _, problems = load_archive(Layout(root=root, minutes_dir=layout.minutes_dir, projects_dir=layout.projects_dir, groups_file=layout.groups_file))
    return problems
