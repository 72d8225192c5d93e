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
    """Only the implicit types we want: bool, decimal int, null. The rest is text.

    The parser calls these methods for every node. BaseResolver's versions also
    serve path resolvers, which this reader has none of; these do only our part
    (a third of the time `make check` spends in YAML).
    """

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG


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


_STR, _BOOL_TAG, _INT_TAG, _NULL_TAG = (f"tag:yaml.org,2002:{name}" for name in ("str", "bool", "int", "null"))


def _convert(node: yaml.Node, loc: Loc, lines: dict[Loc, int], seen: set[int]) -> Any:
    # An alias makes the composer hand out the same node twice. Refusing the second
    # visit stops the "billion laughs" bomb before anything is expanded.
    if id(node) in seen:
        raise StrictYamlError("använd inte YAML-referenser (& och *); skriv ut värdet", node.start_mark.line, loc)
    seen.add(id(node))
    tag = node.tag
    if type(node) is yaml.ScalarNode:  # most nodes: plain text first
        if tag == _STR:
            return node.value
        if tag == _BOOL_TAG:
            return node.value.lower() == "true"
        if tag == _INT_TAG:
            return int(node.value)
        if tag == _NULL_TAG:
            return None
        # An explicit tag such as !!python/object, !!binary or !!float: never for editors.
        raise StrictYamlError(f"YAML-taggen {tag} är inte tillåten", node.start_mark.line, loc)
    if tag.startswith("!") or tag.startswith("tag:yaml.org,2002:python"):
        raise StrictYamlError(f"YAML-taggen {tag} är inte tillåten", node.start_mark.line, loc)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise StrictYamlError("en nyckel måste vara ett enkelt ord", key_node.start_mark.line, loc)
            key = str(key_node.value)
            if key == "<<":
                raise StrictYamlError("använd inte YAML-sammanslagning (<<)", key_node.start_mark.line, loc)
            where = (*loc, key)
            if key in result:
                raise StrictYamlError(f"fältet `{key}` står två gånger; ta bort det ena", key_node.start_mark.line, where)
            lines[where] = key_node.start_mark.line
            result[key] = _convert(value_node, where, lines, seen)
        return result
    assert isinstance(node, yaml.SequenceNode)
    items = []
    for i, item in enumerate(node.value):
        where = (*loc, i)
        lines[where] = item.start_mark.line
        items.append(_convert(item, where, lines, seen))
    return items


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
