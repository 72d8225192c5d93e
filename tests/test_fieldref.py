"""The field reference lists exactly the schema's fields, with types, examples and values."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Annotated, Any

import pytest
from bs4 import BeautifulSoup
from forening import fieldref, schema, strictyaml
from pydantic import BaseModel, TypeAdapter

PAGE = "redaktorer/faltreferens/index.html"


def schema_models() -> list[type[BaseModel]]:
    """Every model declared in schema.py (not the shared base)."""
    return [
        cls
        for _, cls in inspect.getmembers(schema, inspect.isclass)
        if issubclass(cls, BaseModel) and cls.__module__ == schema.__name__ and cls not in (schema.Model, schema.Retention)
    ]
    # Retention is a site setting in mkdocs.yml (extra.retention), not a content file's
    # field: it is explained where it is set and stated on /personuppgifter/.


@pytest.fixture(scope="module")
def page(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / PAGE).read_text(encoding="utf-8"), "lxml")


def test_the_page_lists_exactly_the_fields_of_every_model(page: BeautifulSoup) -> None:
    lists = [[term.code.get_text(strip=True) for term in dl.find_all("dt")] for dl in page.select("dl.fm-fields")]
    expected = [list(model.model_fields) for model in schema_models()]
    names = {model.__name__ for model in schema_models()}
    assert {"Member", "Group", "NextMeeting", "Attachment", "Minutes", "Project"} <= names
    # A model nested in several file kinds (Link) is shown under each of them.
    assert sorted(set(map(tuple, lists))) == sorted(set(map(tuple, expected)))
    text = page.get_text(" ")
    for model in schema_models():
        for name in model.model_fields:
            assert name in text


def test_each_field_says_required_type_allowed_values_and_example(page: BeautifulSoup) -> None:
    def field(anchor: str) -> tuple[str, list[str]]:
        term = page.select_one(f"#{anchor}")
        details = term.find_next_sibling("dd")
        return term.get_text(" ", strip=True), [part.get_text(" ", strip=True) for part in details.find_all(["p", "pre"])]

    assert field("falt-minnesanteckningar-date") == (
        "date (krävs)",
        ["Mötesdatum. Samma som filnamnet.", "Typ: datum (ÅÅÅÅ-MM-DD).", "Exempel:", "date: 2024-09-17"],
    )
    assert field("falt-minnesanteckningar-start")[0] == "start (kan utelämnas)"
    assert field("falt-minnesanteckningar-date_precision")[1][1] == "Typ: ett av de tillåtna värdena: day , month , period . Utan fältet gäller day ."
    assert "avslutat" in field("falt-projekt-status")[1][1]
    assert field("falt-minnesanteckningar-projects")[1][1].startswith("Typ: lista av kortnamn")
    assert field("falt-minnesanteckningar-next_meetings-start")[0] == "start (krävs)"
    assert field("falt-grupper-members-workplace")[1][-1] == "workplace: Arbetsmarknadsenheten i Exempelstad"
    link = page.select_one("#falt-minnesanteckningar-next_meetings").find_next_sibling("dd").a["href"]
    assert page.select_one(link) is not None and page.select_one(link).name == "h3"


def test_every_example_reads_back_as_a_valid_value_of_its_field() -> None:
    for doc in fieldref.describe(schema_models()):
        for field in doc.fields:
            info = doc.model.model_fields[field.name]
            if not info.examples:
                assert field.example is None
                continue
            parsed = strictyaml.load(field.example + "\n").data[field.name]
            adapter: TypeAdapter[Any] = TypeAdapter(Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation)
            assert adapter.validate_python(parsed) == adapter.validate_python(info.examples[0])


def test_every_type_has_swedish_words_and_an_unknown_one_stops() -> None:
    for doc in fieldref.describe(schema_models()):
        assert all(field.type for field in doc.fields)
    with pytest.raises(fieldref.UnknownType, match="TYPE_WORDS"):
        fieldref.type_words(complex)


def test_an_example_the_validator_refuses_stops_the_reference() -> None:
    class Broken(schema.Model):
        start: schema.Time = schema.Field(examples=["25:00"])

    with pytest.raises(ValueError, match="25:00"):
        fieldref.describe([Broken])
