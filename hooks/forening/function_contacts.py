"""The association's own function contacts: the only contact details the site publishes.

They are a site setting, not content: `extra.contact` in mkdocs.yml, with a
switchboard number, a function mailbox, a postal address and the association's own
website. /kontakt/ shows
them, and the privacy guard lets exactly these through and nothing else.

The build receives the setting from MkDocs (`Build.settings["contact"]`);
`make check` reads it from mkdocs.yml itself, with lines, so an editor who
mistypes the number sees `mkdocs.yml:LINE: extra.contact.phone: ...`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from . import privacy, siteconfig
from .messages import problems_from
from .problems import Problem
from .types import fail

SETTING = ("extra", "contact")


def _blank_is_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _lines(value: Any) -> Any:
    """A postal address as one text with line breaks, or as a list of lines."""
    if value is None:
        return []
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    return value


class FunctionContacts(BaseModel):
    """Förbundets egna kontaktvägar (`extra.contact` i mkdocs.yml). Alla kan utelämnas."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    phone: Annotated[str | None, BeforeValidator(_blank_is_none)] = Field(
        None, description="Växelns telefonnummer, inom citattecken.", examples=["031-390 06 00"]
    )
    email: Annotated[str | None, BeforeValidator(_blank_is_none)] = Field(
        None, description="Förbundets funktionsbrevlåda (ingen personlig adress).", examples=["info@forbundet.example"]
    )
    address: Annotated[list[str], BeforeValidator(_lines)] = Field(
        default_factory=list, description="Postadress, en rad per listpunkt.", examples=[["Box 1", "123 45 Ort"]]
    )
    website: Annotated[str | None, BeforeValidator(_blank_is_none)] = Field(
        None, description="Förbundets egen webbplats, med https://.", examples=["https://www.forbundet.example/"]
    )

    @field_validator("phone")
    @classmethod
    def _swedish_phone(cls, value: str | None) -> str | None:
        if value is not None:
            found = privacy.find_phones(value)
            if len(found) != 1 or found[0].text != value:
                raise fail(f"`{value}` är inget svenskt telefonnummer; skriv t.ex. \"031-390 06 00\" eller \"+46 31 390 06 00\"")
        return value

    @field_validator("email")
    @classmethod
    def _an_address(cls, value: str | None) -> str | None:
        if value is not None:
            found = privacy.find_emails(value)
            if len(found) != 1 or found[0].text != value or "@" not in value:
                raise fail(f"`{value}` är ingen e-postadress; skriv t.ex. info@forbundet.example")
        return value

    @field_validator("website")
    @classmethod
    def _a_web_address(cls, value: str | None) -> str | None:
        if value is not None:
            parts = urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.hostname or any(space in value for space in " \t"):
                raise fail(f"`{value}` är ingen webbadress; skriv hela adressen, t.ex. https://www.forbundet.example/")
        return value

    @property
    def empty(self) -> bool:
        """No phone number, mailbox or address: /kontakt/ then points to the website only."""
        return not (self.phone or self.email or self.address)

    @property
    def website_shown(self) -> str:
        """The website as a reader sees it written: www.forbundet.example, no https:// or final /."""
        return re.sub(r"^https?://", "", self.website or "").rstrip("/")

    @property
    def allowed(self) -> privacy.Allowed:
        """What the privacy guard lets through: exactly these contacts."""
        return privacy.Allowed.of(emails=[self.email] if self.email else [], phones=[self.phone] if self.phone else [])

    @property
    def phone_uri(self) -> str:
        """The number for a `tel:` link, in international form: +46500123456."""
        return "+46" + privacy.normalize_phone(self.phone)[1:] if self.phone else ""


def from_settings(settings: dict[str, Any]) -> FunctionContacts:
    """The contacts from the site settings MkDocs loaded (already checked by `read`)."""
    return FunctionContacts.model_validate(settings.get("contact") or {})


def read(root: Path, config_file: str = "mkdocs.yml") -> tuple[FunctionContacts, list[Problem]]:
    """The contacts from mkdocs.yml, with `mkdocs.yml:LINE: extra.contact...` problems.

    mkdocs.yml is read by `siteconfig` (strictly, with lines, once per run); a YAML
    mistake in it is reported there, once, by the retention check."""
    config, _ = siteconfig.read(root, config_file)
    if config is None:
        return FunctionContacts(), []
    return from_config(config)


def from_config(config: siteconfig.SiteConfig) -> tuple[FunctionContacts, list[Problem]]:
    raw = config.extra.get(SETTING[1])
    if raw is not None and not isinstance(raw, dict):
        names = [f"`{name}`" for name in FunctionContacts.model_fields]
        fields = ", ".join(names[:-1]) + " och " + names[-1]
        return FunctionContacts(), [Problem(config.document.path, config.line_of(*SETTING), ".".join(SETTING), f"ska vara fälten {fields} indragna under `contact:`")]
    try:
        return FunctionContacts.model_validate(raw or {}), []
    except ValidationError as exc:
        return FunctionContacts(), problems_from(exc, FunctionContacts, config.document, base=SETTING)
