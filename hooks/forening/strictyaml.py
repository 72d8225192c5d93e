"""A strict YAML reader for front matter and groups.yml.

YAML 1.1, which PyYAML implements, reads `no` as false, `18:00` as the number
1080, `010` as 8 and `2021-02-30` as an exception without a line. Editors cannot
be expected to know that, so this reader keeps every plain scalar a string except
`true`/`false`, `null`/`~`/empty and plain decimal integers, and the schema parses
dates and times itself with clear messages. It also refuses duplicate keys and
anchors/aliases (the "billion laughs" bomb), and records the line of every value
so errors can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Loc = tuple[str | int, ...]

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


class _Resolver(yaml.resolver.BaseResolver):
    """Only the implicit types we want: bool, decimal int, null. The rest is text."""


_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", _NULL, ["~", "n", "N", ""])


# libyaml's parser when present (fast enough for a pre-commit hook over decades of
# minutes); the pure-Python one otherwise. Both give the same nodes and marks.
# PyYAML exports only the C *loaders* at top level: the parser is in yaml.cyaml.
_Parser = getattr(getattr(yaml, "cyaml", None), "CParser", None)


if _Parser is not None:

    class _Loader(_Parser, _Resolver):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str):
            _Parser.__init__(self, stream)
            _Resolver.__init__(self)

else:  # pragma: no cover - libyaml is in the pinned PyYAML wheels

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, _Resolver
    ):
        def __init__(self, stream: str):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Resolver.__init__(self)


class StrictYamlError(Exception):
    """A YAML problem with the 0-based line (inside the YAML text) where it is."""

    def __init__(self, message: str, line: int, loc: Loc = ()):
        super().__init__(message)
        self.message = message
        self.line = line
        self.loc = loc


@dataclass
class Parsed:
    """The parsed data and the 0-based line of every key and list item, by location."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of the deepest known part of `loc` (a missing key points at its parent)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None


def load(text: str) -> Parsed:
    """Parse one YAML document strictly. Raises StrictYamlError with a line."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except StrictYamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise StrictYamlError(_explain(exc, _char_at(text, mark)), mark.line if mark else 0) from None
    finally:
        loader.dispose()
    parsed = Parsed(data=None)
    if node is not None:
        parsed.lines[()] = node.start_mark.line
        parsed.data = _convert(node, (), parsed.lines, set())
    return parsed


def _convert(node: yaml.Node, loc: Loc, lines: dict[Loc, int], seen: set[int]) -> Any:
    # An alias makes the composer hand out the same node twice. Refusing the second
    # visit stops the "billion laughs" bomb before anything is expanded.
    if id(node) in seen:
        raise StrictYamlError("använd inte YAML-referenser (& och *); skriv ut värdet", node.start_mark.line, loc)
    seen.add(id(node))
    if node.tag.startswith("!") or node.tag.startswith("tag:yaml.org,2002:python"):
        # An explicit tag such as !!python/object: never for editors.
        raise StrictYamlError(f"YAML-taggen {node.tag} är inte tillåten", node.start_mark.line, loc)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise StrictYamlError("en nyckel måste vara ett enkelt ord", key_node.start_mark.line, loc)
            key = str(key_node.value)
            if key == "<<":
                raise StrictYamlError("använd inte YAML-sammanslagning (<<)", key_node.start_mark.line, loc)
            if key in result:
                raise StrictYamlError(
                    f"fältet `{key}` står två gånger; ta bort det ena",
                    key_node.start_mark.line,
                    (*loc, key),
                )
            lines[(*loc, key)] = key_node.start_mark.line
            result[key] = _convert(value_node, (*loc, key), lines, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            lines[(*loc, i)] = item.start_mark.line
            items.append(_convert(item, (*loc, i), lines, seen))
        return items
    assert isinstance(node, yaml.ScalarNode)
    if node.tag == "tag:yaml.org,2002:bool":
        return node.value.lower() == "true"
    if node.tag == "tag:yaml.org,2002:int":
        return int(node.value)
    if node.tag == "tag:yaml.org,2002:null":
        return None
    if node.tag != "tag:yaml.org,2002:str":
        # An explicit tag such as !!binary or !!float: not for editors.
        raise StrictYamlError(f"YAML-taggen {node.tag} är inte tillåten", node.start_mark.line, loc)
    return node.value


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    """The character an error points at (libyaml's marks carry no buffer to show it)."""
    lines = text.split("\n")
    if mark is None or mark.line >= len(lines):
        return ""
    return lines[mark.line][mark.column : mark.column + 1]


def _explain(exc: yaml.MarkedYAMLError, at: str = "") -> str:
    """PyYAML's English message with a Swedish hint for the usual causes."""
    problem = (exc.problem or "").strip()
    hint = "kontrollera kolon, citattecken och indrag"
    if "mapping values are not allowed" in problem:
        hint = "ett värde med kolon (:) i sig måste stå inom citattecken, t.ex. `title: \"Punkt 3: Ekonomi\"`"
    elif "found character '\\t'" in problem or at == "\t":
        hint = "tabbtecken får inte användas; använd mellanslag för indrag"
    elif "expected <block end>" in problem or "did not find expected" in problem:
        hint = "indraget stämmer inte med raderna ovanför; använd samma antal mellanslag"
    elif "found undefined" in problem or "could not find expected ':'" in problem:
        hint = "varje rad ska ha formen `fält: värde`"
    return f"felaktig YAML ({problem}); {hint}"
