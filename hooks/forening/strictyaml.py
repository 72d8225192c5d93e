"""A strict YAML reader for front matter and groups.yml.

YAML 1.1, which PyYAML implements, reads `no` as false, `18:00` as the number
1080, `010` as 8 and `2021-02-30` as an exception without a line. Editors cannot
be expected to know that, so this reader keeps every plain scalar a string except
`true`/`false`, `null`/`~`/empty and plain decimal integers, and the schema parses
dates and times itself with clear messages. It also refuses duplicate keys and
anchors/aliases (the "billion laughs" bomb), and records the line of every value
so errors can point at it. A syntax error is told in Swedish at the line of the
mistake (an unclosed quote where it opens, `date:2021` where it stands), with the
fix for the usual causes (forening.yamlhints); the parser's English is not shown.
"""

from __future__ import annotations

import os
import re
from typing import Any

import yaml

from . import yamlhints

Loc = tuple[str | int, ...]

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
# At most 18 digits: longer numbers stay text (and Python's int() refuses > 4300 digits).
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,17})$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


class _Resolver(yaml.resolver.BaseResolver):
    """Only the implicit types we want: bool, decimal int, null. The rest is text.

    The parser calls these methods for every node. BaseResolver's versions also
    serve path resolvers, which this reader has none of; these do only our part.
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
# (PyYAML exports it only from `yaml.cyaml`: `yaml.CParser` does not exist.)
_Parser = yaml.cyaml.CParser if getattr(yaml, "__with_libyaml__", False) else None


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


class Parsed:
    """The parsed data and the 0-based line of every key and list item, by location."""

    def __init__(self, data: Any, lines: dict[Loc, int] | None = None):
        self.data = data
        self._lines = {} if lines is None else lines
        self._stored: list[int] | None = None  # lines as the memo keeps them, until asked for

    @property
    def lines(self) -> dict[Loc, int]:
        if self._stored is not None:  # read back from the memo: most files never need a line
            self._lines = dict(zip([(), *_locations(self.data)], self._stored))
            self._stored = None
        return self._lines

    def to_json(self) -> dict[str, Any] | None:
        """JSON's values for `memo` (the data is JSON's already: string keys, no floats).

        The lines are kept as a list in the order `load` records them (the root, then
        every key and item depth first), which the data gives back: a third of the size.
        """
        lines = list(self.lines.values())
        return {"data": self.data, "lines": lines} if list(self.lines) == [(), *_locations(self.data)] else None

    @classmethod
    def from_json(cls, stored: dict[str, Any]) -> Parsed:
        parsed = cls(data=stored["data"])
        parsed._stored = [int(line) for line in stored["lines"]]
        return parsed

    def line_of(self, loc: Loc) -> int | None:
        """The line of the deepest known part of `loc` (a missing key points at its parent)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None


def _locations(data: Any) -> list[Loc]:
    """Every key and item under `data`, depth first, as `_convert` meets them."""
    found: list[Loc] = []

    def walk(value: Any, loc: Loc) -> None:
        for key, item in value.items() if type(value) is dict else enumerate(value):
            where = (*loc, key)
            found.append(where)
            if type(item) is dict or type(item) is list:
                walk(item, where)

    if type(data) is dict or type(data) is list:
        walk(data, ())
    return found


def load(text: str) -> Parsed:
    """Parse one YAML document strictly. Raises StrictYamlError with a line."""
    if any(other in text for other in _OTHER_BREAKS_FOUND):  # rare: a search is quicker than a translation
        text = text.replace("\r\n", "\n").translate(_OTHER_BREAKS)
    _check_characters(text)
    loader = _Loader(text)
    try:
        if _signs(text) > FEW_SIGNS:
            _check_depth(loader)
            loader.dispose()
            loader = _Loader(text)
        node = loader.get_single_node()
    except StrictYamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text) from None
    except yaml.YAMLError:  # no position (e.g. a character libyaml refuses and PyYAML allows)
        raise StrictYamlError("felaktig YAML; kontrollera kolon, citattecken och indrag", 0) from None
    finally:
        loader.dispose()
    parsed = Parsed(data=None)
    if node is not None:
        parsed.lines[()] = node.start_mark.line
        parsed.data = _convert(node, (), parsed.lines, set())
    return parsed


# YAML also breaks lines at CR, NEL, U+2028 and U+2029; editors number lines by LF only,
# so these would shift every line number after them. Word pastes U+2028 into titles.
_OTHER_BREAKS = str.maketrans({"\r": "\n", "\x85": " ", "\u2028": " ", "\u2029": " "})
_OTHER_BREAKS_FOUND = tuple(map(chr, _OTHER_BREAKS))


def _check_characters(text: str) -> None:
    """Refuse the control characters YAML forbids, at their line (the parser gives no line).

    Every character YAML forbids is one Python does not print (`str.isprintable`, a
    C loop several times quicker than the pattern), so a text printable but for its
    line breaks holds none and is not searched."""
    if text.replace("\n", "").isprintable():
        return
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if found:
        code = f"U+{ord(found.group()):04X}"
        raise StrictYamlError(
            f"osynligt styrtecken ({code}) på raden; ta bort det (det följer ofta med inklistrad text)",
            text.count("\n", 0, found.start()),
        )


# Deeper than front matter ever needs, far shallower than where the parsers give out:
# libyaml's composer recurses once per level and crashes the whole process (SIGSEGV)
# below 100,000 levels, PyYAML's runs out of Python stack near 300 levels, and both
# scanners slow down with the square of the depth.
MAX_DEPTH = 20


# Every level is opened by one of these signs (a flow bracket, a list dash, a key's
# `?` or `:`), so a text with at most FEW_SIGNS of them nests at most that deep, which
# libyaml composes at once (10,000 levels take it 0.2 s); `_convert` then refuses
# what is past MAX_DEPTH. Only a text with more is walked event by event first
# (`_check_depth`): that walk costs as much again as the parse, and front matter
# holds a few dozen of these signs.
FEW_SIGNS = 1000


def _signs(text: str) -> int:
    return text.count("[") + text.count("{") + text.count("-") + text.count("?") + text.count(":")


def _check_depth(loader: Any) -> None:
    """Walk the parser's events (no recursion, no nodes) and stop past MAX_DEPTH levels."""
    depth = 0
    while True:
        event = loader.get_event()
        if event is None or isinstance(event, yaml.StreamEndEvent):
            return
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _too_deep(event.start_mark.line)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _too_deep(line: int, loc: Loc = ()) -> StrictYamlError:
    return StrictYamlError(f"för många nivåer av indrag eller hakparenteser (högst {MAX_DEPTH} nivåer); skriv fälten enklare", line, loc)


_STR, _BOOL_TAG, _INT_TAG, _NULL_TAG = (f"tag:yaml.org,2002:{name}" for name in ("str", "bool", "int", "null"))


def load_key(text: str, key: str) -> Parsed:
    """One top-level key of a YAML mapping (e.g. `extra` in mkdocs.yml), parsed strictly.

    Only that key's value is converted, so tags elsewhere in the file (mkdocs.yml
    may hold `!!python/name:` for Markdown extensions) are neither run nor refused.
    Locations start with `key`; `data` is None when the key is missing.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text) from None
    finally:
        loader.dispose()
    parsed = Parsed(data=None)
    for key_node, value_node in node.value if isinstance(node, yaml.MappingNode) else []:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            parsed.lines[(key,)] = key_node.start_mark.line
            if value_node.tag == "!ENV":
                parsed.data = _environment(value_node)
            else:
                parsed.data = _convert(value_node, (key,), parsed.lines, set())
    return parsed


def _environment(node: yaml.Node) -> str | None:
    """MkDocs' `!ENV NAME` and `!ENV [NAME, OTHER, default]` (a setting such as `site_url`
    taken from the environment in CI): the first variable set, else the default, the last
    of several items, as MkDocs reads it (pyyaml_env_tag)."""
    items = [item.value for item in node.value] if isinstance(node, yaml.SequenceNode) else [node.value]
    names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return default if isinstance(default, str) else None


def _convert(node: yaml.Node, loc: Loc, lines: dict[Loc, int], seen: set[int], depth: int = 0) -> Any:
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
    depth += 1  # a list or mapping: one level deeper
    if depth > MAX_DEPTH:
        raise _too_deep(node.start_mark.line, loc)
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
            result[key] = _convert(value_node, where, lines, seen, depth)
        return result
    assert isinstance(node, yaml.SequenceNode)
    items = []
    for i, item in enumerate(node.value):
        where = (*loc, i)
        lines[where] = item.start_mark.line
        items.append(_convert(item, where, lines, seen, depth))
    return items


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> StrictYamlError:
    """The parser's error as ours, for `load` and `load_key` alike: the line where the
    mistake is and what to write instead, in Swedish (the parser's English is dropped)."""
    line, hint = yamlhints.explain(exc, text.split("\n"))
    return StrictYamlError(f"felaktig YAML; {hint}", line)
