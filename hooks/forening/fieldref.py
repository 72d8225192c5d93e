"""Describe the schema's fields for the editors' field reference.

Everything here is read from the models in `schema.py` at build time: field
names and order, required or not, defaults, allowed values, descriptions and
examples. So the reference cannot say anything the validator does not enforce.
Only the type names are ours: Swedish words for each value type in `types.py`,
keyed by the parser that defines the type. A type without words stops the
build with a clear error rather than showing something vague.
"""

from __future__ import annotations

import types as pytypes
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

from . import types, writer

# Swedish words for each value type, most specific first (a slug is also text).
TYPE_WORDS = {
    types.check_slug: "kortnamn (små bokstäver a–z, siffror och bindestreck)",
    types.parse_date: "datum (ÅÅÅÅ-MM-DD)",
    types.parse_time: "klockslag (TT:MM)",
    types.parse_datetime: "datum och klockslag (ÅÅÅÅ-MM-DDTTT:MM)",
    types.parse_date_or_datetime: "datum och klockslag, eller bara datum för en heldag",
    types.strip_text: "text",
}


@dataclass(frozen=True)
class FieldDoc:
    name: str
    required: bool
    type: str
    description: str
    example: str | None  # the field as an editor writes it in YAML
    allowed: tuple[str, ...]
    default: str | None
    nested: str | None  # the model whose fields each item has, for lists of records


@dataclass(frozen=True)
class ModelDoc:
    model: type[BaseModel]
    name: str  # the class name, for anchors
    summary: str  # the model's docstring
    parent_field: str | None  # for a nested model: the field whose items it describes
    fields: tuple[FieldDoc, ...]


class UnknownType(TypeError):
    """A schema type the reference has no Swedish words for: add it to TYPE_WORDS."""


def describe(roots: Sequence[type[BaseModel]]) -> list[ModelDoc]:
    """Each root model, followed by the models nested in it (depth first), in field order."""
    found: list[ModelDoc] = []
    seen: set[type[BaseModel]] = set()

    def visit(model: type[BaseModel], parent_field: str | None) -> None:
        if model in seen:
            return
        seen.add(model)
        fields = tuple(_field(name, info) for name, info in model.model_fields.items())
        found.append(ModelDoc(model, model.__name__, " ".join((model.__doc__ or "").split()), parent_field, fields))
        for name, info in model.model_fields.items():
            inner = nested_model(info.annotation)
            if inner is not None:
                visit(inner, name)

    for root in roots:
        visit(root, None)
    return found


def nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        inner = nested_model(arg)
        if inner is not None:
            return inner
    return None


def _field(name: str, info: FieldInfo) -> FieldDoc:
    inner = nested_model(info.annotation)
    default = None
    if not info.is_required():
        value = info.get_default(call_default_factory=True)
        default = None if value in (None, []) else str(value)
    return FieldDoc(
        name=name,
        required=info.is_required(),
        type=type_words(info.annotation, info.metadata),
        description=info.description or "",
        example=_example(name, info),
        allowed=_allowed(info.annotation),
        default=default,
        nested=inner.__name__ if inner is not None else None,
    )


def type_words(annotation: Any, metadata: Sequence[Any] = ()) -> str:
    """The type of a field in Swedish words, e.g. `lista av kortnamn (…)`."""
    funcs = {getattr(item, "func", None) for item in metadata}
    for func, words in TYPE_WORDS.items():
        if func in funcs:
            return words
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is Annotated:
        return type_words(args[0], annotation.__metadata__)
    if origin in (Union, pytypes.UnionType):
        real = [arg for arg in args if arg is not type(None)]
        if len(real) == 1:
            return type_words(real[0])
    if origin is list:
        inner = nested_model(args[0])
        return "lista av poster med egna fält" if inner else f"lista av {type_words(args[0])}"
    if origin is Literal:
        return "ett av de tillåtna värdena"
    if nested_model(annotation) is not None:
        return "grupp av fält"
    raise UnknownType(f"fältreferensen saknar ord för typen {annotation!r}; lägg till den i fieldref.TYPE_WORDS")


def _allowed(annotation: Any) -> tuple[str, ...]:
    if get_origin(annotation) is Literal:
        return tuple(str(value) for value in get_args(annotation))
    for arg in get_args(annotation):
        found = _allowed(arg)
        if found:
            return found
    return ()


def _example(name: str, info: FieldInfo) -> str | None:
    """The first example, parsed by the field's own type and written back as YAML.

    Parsing first means an example the validator would refuse stops the build,
    and dates and times come out as editors write them (`2021-05-05`, `09:00`).
    """
    if not info.examples:
        return None
    adapter: TypeAdapter[Any] = TypeAdapter(Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation)
    value = adapter.validate_python(info.examples[0])
    return "\n".join(writer.field_lines(name, value))
