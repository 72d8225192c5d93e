"""Turn the schema library's errors into `path:line: field: message` problems.

Pydantic's own messages are English and technical ("Input should be a valid
list"). Editors get a Swedish sentence that says what to write instead.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from .load import Document
from .problems import Problem, dotted

Loc = tuple[str | int, ...]


def problems_from(exc: ValidationError, model: type[BaseModel], doc: Document, base: Loc = ()) -> list[Problem]:
    """One problem per schema error, each at the line of the field it is about."""
    found = []
    for error in exc.errors(include_url=False):
        loc: Loc = (*base, *error["loc"])
        ctx = error.get("ctx") or {}
        if ctx.get("field"):
            loc = (*loc, ctx["field"])
        field = dotted(loc)
        line = doc.line_of(loc)
        found.append(Problem(doc.path, line, field, _message(error, model, loc[len(base) :])))
    return found


def _message(error: dict[str, Any], model: type[BaseModel], loc: Loc) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "forening":
        return error["msg"]
    if kind == "missing":
        return f"fältet saknas; lägg till en rad `{loc[-1]}: …`"
    if kind == "extra_forbidden":
        return _unknown_field(str(loc[-1]), _model_at(model, loc[:-1]))
    if kind == "string_type":
        return f"ska vara text, inte {_describe(value)}; {_how_to_write_text(value, loc)}"
    if kind == "list_type":
        return f"ska vara en lista, inte {_describe(value)}; skriv ett värde per rad som börjar med `- `"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"ska vara en grupp av fält (`fält: värde` på indragna rader), inte {_describe(value)}"
    if kind == "literal_error":
        return f"{_describe(value)} är inte tillåtet; skriv ett av: {error['ctx']['expected'].replace(' or ', ' eller ')}"
    if kind == "bool_type":
        return f"ska vara true eller false, inte {_describe(value)}"
    return error["msg"]


def _how_to_write_text(value: Any, loc: Loc) -> str:
    """The fix for a value the reader did not take as text, by what it took it as."""
    item = bool(loc) and isinstance(loc[-1], int)  # `- …` in a list, not `field: …`
    if value is None:
        return f"skriv texten efter {'strecket' if item else 'kolonet'}, eller ta bort raden"
    if isinstance(value, dict) and item:  # `- Eva Bremer: ordförande`
        example = ""
        if len(value) == 1 and not isinstance(next(iter(value.values())), (dict, list)):
            key, inner = next(iter(value.items()))
            example = ": `\"" + f"{key}: {'' if inner is None else inner}".strip().replace('"', '\\"') + '"`'
        return f"ett kolon följt av mellanslag gör raden till ett fält; skriv texten utan kolon, eller hela texten inom citattecken{example}"
    if isinstance(value, dict):  # `chair:` with indented fields under it
        return f"skriv texten på samma rad som fältet, t.ex. `{loc[-1] if loc else 'fält'}: …`, utan indragna rader under"
    if isinstance(value, list):
        return "skriv en enda text, inte en lista"
    shown = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return f'sätt texten inom citattecken, t.ex. "{shown}"'


def _describe(value: Any) -> str:
    if value is None:
        return "tomt"
    if isinstance(value, bool):
        return f"ja/nej-värdet {'true' if value else 'false'}"
    if isinstance(value, int):
        return f"talet {value}"
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "en grupp av fält"
    return f"`{value}`"


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel]:
    """The (nested) model that a location points into, to suggest its field names."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            break
        inner = _inner_model(field.annotation)
        if inner is None:
            break
        current = inner
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _unknown_field(name: str, model: type[BaseModel]) -> str:
    allowed = list(model.model_fields)
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    hint = f"menade du `{close[0]}`? " if close else ""
    return f"okänt fält; {hint}tillåtna fält här är: {', '.join(allowed)}"
