"""Write a validated record back as front matter, in the schema's field order.

The importer and the scaffold both produce minutes files. They hand this module a
validated model instance, never a dict, so what is written has already passed
the schema; the field order comes from the model itself (`model_fields`), so
there is no second list of field names to keep in step.

Values are written the way an editor would type them (`date: 2021-05-05`,
`start: 09:00`). A text is written plain only when both our strict reader and a
YAML 1.1 reader read it back as the same text; otherwise it is double-quoted, so
`no`, `18:00`, `Punkt 3: Ekonomi` or `# 1` stay text for every tool.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml
from pydantic import BaseModel

from . import strictyaml

INDENT = "  "
# Characters YAML wants escaped in a double-quoted string: DEL, C1 controls, and the line
# breaks YAML 1.1 knows but JSON does not (NEL, LS, PS), which would otherwise fold to spaces.
_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def front_matter(
    record: BaseModel,
    *,
    keep: Iterable[str] = (),
    comments: Mapping[str, str] | None = None,
    header: Iterable[str] = (),
) -> str:
    """The record as a `---` block. Fields left at their default are left out unless in `keep`.

    `comments` puts a `# ...` line above a top-level field; `header` lines open the block.
    """
    lines = ["---", *(f"# {line}".rstrip() for line in header)]
    lines += _mapping(record, 0, set(keep), dict(comments or {}))
    lines.append("---")
    return "\n".join(lines) + "\n"


def document(record: BaseModel, body: str, **options: Any) -> str:
    """A whole Markdown file: front matter, a blank line, the body."""
    text = front_matter(record, **options)
    body = body.strip("\n")
    return f"{text}\n{body}\n" if body else text


def field_lines(name: str, value: Any) -> list[str]:
    """One field as YAML lines, e.g. for showing an example in the field reference."""
    return _field(name, value, 0, set())


def _mapping(record: BaseModel, depth: int, keep: set[str], comments: dict[str, str]) -> list[str]:
    lines: list[str] = []
    indent = INDENT * depth
    for name, field in type(record).model_fields.items():
        value = getattr(record, name)
        if name not in keep and not field.is_required() and value == field.get_default(call_default_factory=True):
            continue
        for comment in comments.get(name, "").splitlines():
            lines.append(f"{indent}# {comment}".rstrip())
        lines += _field(name, value, depth, keep)
    return lines


def _field(name: str, value: Any, depth: int, keep: set[str]) -> list[str]:
    indent = INDENT * depth
    if isinstance(value, list):
        if not value:
            return [f"{indent}{name}:"]  # empty: items can be written under it (the schema reads it as [])
        lines = [f"{indent}{name}:"]
        for item in value:
            if isinstance(item, BaseModel):
                nested = _mapping(item, depth + 2, set(), {})
                first = nested[0][len(INDENT * (depth + 2)) :]
                lines.append(f"{indent}{INDENT}- {first}")
                lines += nested[1:]
            else:
                lines.append(f"{indent}{INDENT}- {scalar(item)}")
        return lines
    if isinstance(value, BaseModel):
        return [f"{indent}{name}:", *_mapping(value, depth + 1, set(), {})]
    return [f"{indent}{name}: {scalar(value)}"]


def scalar(value: Any) -> str:
    """One value as YAML text that reads back as the same value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%dT%H:%M}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _plain_is_safe(text):
        return text
    # JSON's double-quoted string is YAML's too, once the characters above are escaped.
    return _ESCAPE.sub(lambda m: f"\\u{ord(m[0]):04x}", json.dumps(text, ensure_ascii=False))


def _plain_is_safe(text: str) -> bool:
    """True when `key: text` means the text itself to our reader and to YAML 1.1 readers."""
    if not text or text != text.strip() or "\n" in text or "\t" in text:
        return False
    try:
        strict = strictyaml.load(f"key: {text}\n").data
        loose = yaml.safe_load(f"key: {text}\n")
    except (strictyaml.StrictYamlError, yaml.YAMLError):
        return False
    return strict == {"key": text} and loose == {"key": text}
