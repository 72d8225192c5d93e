"""Value types for the schema: dates, times and slugs parsed with Swedish messages.

The strict YAML reader hands every date and time over as text, so these parsers
decide what is valid and say how to write it when it is not.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}[:.]\d{2})$")


def fail(message: str, field: str = "") -> PydanticCustomError:
    """An error whose message is shown to the editor as it is.

    `field` names the field a whole-model check is about (e.g. `end` for "end
    before start"), so the error points at that field's line.
    """
    return PydanticCustomError("forening", message, {"field": field})


def parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        raise fail(f"{_show(value)} är inget datum; skriv år-månad-dag, t.ex. 2021-05-05")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise fail(f"{value} finns inte i kalendern; kontrollera dag och månad") from None


def parse_time(value: Any) -> dt.time:
    if isinstance(value, dt.time):
        return value
    match = _TIME.match(value.strip()) if isinstance(value, str) else None
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise fail(f"{_show(value)} är ingen tid; skriv timmar:minuter, t.ex. 09:00 eller 13:15")
    return dt.time(int(match[1]), int(match[2]))


def parse_date_or_datetime(value: Any) -> dt.date | dt.datetime:
    """A meeting start: a date-time, or a date alone for an all-day meeting."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if _DATE.match(text):
            return parse_date(text)
        match = _DATETIME.match(text)
        if match:
            return dt.datetime.combine(parse_date(match[1]), parse_time(match[2]))
    raise fail(f"{_show(value)} är ingen tidpunkt; skriv t.ex. 2021-08-24T09:00 (eller bara 2021-08-24 för en heldag)")


def parse_datetime(value: Any) -> dt.datetime:
    """A date with a time (a next meeting's `end`): a date alone is no end, so its
    message does not offer one as `parse_date_or_datetime`'s does."""
    if isinstance(value, dt.datetime):
        return value
    text = value.strip() if isinstance(value, str) else ""
    if _DATE.match(text):
        raise fail(f"{parse_date(text)} saknar klockslag; skriv t.ex. {text}T11:45")
    match = _DATETIME.match(text)
    if not match:
        raise fail(f"{_show(value)} är ingen tidpunkt; skriv datum och tid, t.ex. 2021-08-24T11:45")
    return dt.datetime.combine(parse_date(match[1]), parse_time(match[2]))


def check_slug(value: str) -> str:
    if not SLUG.match(value):
        raise fail(f"{_show(value)} är ingen giltig kortform; använd små bokstäver a–z, siffror och bindestreck")
    return value


def strip_text(value: Any) -> Any:
    """Text fields: surrounding spaces removed; an empty text counts as not given; no
    character that a page, feed or calendar cannot hold or that turns the text around."""
    if isinstance(value, str):
        value = value.strip()
        unwanted = _UNWANTED.search(value)
        if unwanted:
            raise fail(_unwanted_message(unwanted.group()))
    if value == "":
        raise fail("är tomt; skriv ett värde eller ta bort raden")
    return value


# The strict YAML reader refuses control characters typed into a file, but YAML's
# escapes ("\x01", "\ud800") still make them: an XML feed cannot hold one (the build
# would stop without a line), a lone surrogate cannot even be written as UTF-8, and
# the bidirectional controls (U+202A–U+202E, U+2066–U+2069) turn the text after them
# around on the page and in the calendar apps.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


def _unwanted_message(character: str) -> str:
    code = f"U+{ord(character):04X}"
    if "\u202a" <= character <= "\u202e" or "\u2066" <= character <= "\u2069":
        return f"innehåller ett osynligt tecken som vänder textens riktning ({code}); ta bort det (det följer ofta med inklistrad text)"
    return f"innehåller ett osynligt styrtecken ({code}); ta bort det (det följer ofta med inklistrad text)"


def check_url(value: str) -> str:
    """A link to a web page: http(s) only, so no `javascript:` or `mailto:` reaches a page."""
    if not re.match(r"^https?://[^\s/]+\.[^\s]*$", value):
        raise fail(f"{_show(value)} är ingen webbadress; skriv hela adressen, t.ex. https://www.example.se/sida")
    return value


def parse_years(value: Any) -> int:
    """A number of whole years in a setting (0–100)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise fail(f"{_show(value)} är inget antal år; skriv ett heltal mellan 0 och 100, t.ex. 5")
    return value


def _show(value: Any) -> str:
    if value is None:
        return "tomt värde"
    if isinstance(value, bool):  # only true/false: yes, no, on and off stay text (strictyaml)
        return f"ja/nej-värdet {'true' if value else 'false'}"
    if isinstance(value, (list, dict)):
        return "en lista" if isinstance(value, list) else "en grupp av fält"
    return f"`{value}`"


Date = Annotated[dt.date, BeforeValidator(parse_date)]
Time = Annotated[dt.time, BeforeValidator(parse_time)]
DateTime = Annotated[dt.datetime, BeforeValidator(parse_datetime)]
DateOrDateTime = Annotated[dt.date | dt.datetime, BeforeValidator(parse_date_or_datetime)]
Text = Annotated[str, BeforeValidator(strip_text)]
Slug = Annotated[str, BeforeValidator(strip_text), AfterValidator(check_slug)]
Url = Annotated[str, BeforeValidator(strip_text), AfterValidator(check_url)]
Years = Annotated[int, BeforeValidator(parse_years)]
