"""The schema: every field of every content file, declared once.

These models are the single source of truth. The validator checks files against
them, the error messages name their fields, and the editors' field reference in
the site is generated from their descriptions. Add a field here and nowhere else.

Field names are English (they are code); descriptions and values are Swedish
(editors read them). Material for MkDocs gives meaning to some page-meta keys
(`status`, `tags`, `hide`, `template`, ...): the engine never hands these models
to MkDocs as page meta, so our names cannot collide with Material's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .types import Date, DateOrDateTime, DateTime, Slug, Text, Time, fail

PROJECT_STATUSES = ("ansökt", "beviljat", "pågående", "avslutat", "avslaget")
PROJECT_KINDS = ("projekt", "insats", "förstudie", "kompetensutveckling", "samverkansteam")

# Contact details of group members are not published: the association decided
# (seed 003, item 7) that only name and workplace go on the site (GDPR).
PERSONAL_CONTACT_FIELDS = (
    "email", "e-post", "epost", "mail", "phone", "telefon", "tel", "mobile", "mobil",
    "mobiltelefon", "address", "adress", "personnummer",
    "e-mail", "emailaddress", "epostadress", "telefonnummer", "phonenumber", "mobilnummer",
    "postadress", "hemadress", "gatuadress", "pnr",
)  # fmt: skip


def _is_contact_field(key: object) -> bool:
    """`E-post`, `e_post`, `e post` and `epost` are the same field to an editor."""
    name = str(key).lower().replace("_", "-").replace(" ", "-")
    return name in PERSONAL_CONTACT_FIELDS or name.replace("-", "") in PERSONAL_CONTACT_FIELDS


class Model(BaseModel):
    """Shared settings: unknown fields are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Member(Model):
    """En ledamot i en grupp. Bara namn, arbetsplats och roll publiceras."""

    name: Text = Field(description="Personens namn, som det skrivs i minnesanteckningarna.", examples=["Eva Bremer"])
    workplace: Text | None = Field(None, description="Arbetsplats, om den är känd.", examples=["Arbetsmarknadsenheten i Karlsborg"])
    role: Text | None = Field(None, description="Roll i gruppen eller på arbetsplatsen, om den är känd.", examples=["Enhetschef"])

    @model_validator(mode="before")
    @classmethod
    def _no_contact_details(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in data:
                if _is_contact_field(key):
                    raise fail(
                        f"`{key}` får inte anges för ledamöter: förbundet publicerar inte ledamöternas kontaktuppgifter, "
                        "bara namn, arbetsplats och roll (GDPR; se minnesanteckningarna från beredningsgrupp norra "
                        "2021-05-05, punkt 7). Ta bort raden. Den som vill nå en ledamot kontaktar förbundet, vars "
                        "egna kontaktvägar anges i mkdocs.yml under `extra.contact`",
                        str(key),
                    )
        return data


class Group(Model):
    """En grupp i `minutes/groups.yml`, t.ex. en beredningsgrupp eller styrelsen."""

    name: Text = Field(description="Gruppens namn som det visas på webbplatsen.", examples=["Beredningsgrupp norra"])
    members: list[Member] = Field(default_factory=list, description="Gruppens ledamöter: `name`, och där det är känt `workplace` och `role`.")


class NextMeeting(Model):
    """Ett kommande möte som annonseras i minnesanteckningarna."""

    group: Slug = Field(description="Gruppens kortnamn i groups.yml.", examples=["norra"])
    start: DateOrDateTime = Field(description="Start: datum och tid, eller bara datum för en heldag.", examples=["2021-08-24T09:00"])
    end: DateTime | None = Field(None, description="Slut: datum och tid, efter start.", examples=["2021-08-24T11:45"])
    place: Text | None = Field(None, description="Plats, eller `digitalt`.", examples=["digitalt"])
    note: Text | None = Field(None, description="Kort anteckning om mötet.", examples=["Gemensam heldag"])

    @model_validator(mode="after")
    def _end_after_start(self) -> NextMeeting:
        if self.end is not None:
            if not isinstance(self.start, dt.datetime):
                raise fail("`end` kräver att `start` har ett klockslag, t.ex. 2021-08-24T09:00", "end")
            if self.end <= self.start:
                raise fail(f"`end` ({self.end:%Y-%m-%d %H:%M}) måste vara efter `start` ({self.start:%Y-%m-%d %H:%M})", "end")
        return self


class Attachment(Model):
    """En bilaga som ligger bredvid minnesanteckningarna och publiceras med dem."""

    title: Text = Field(description="Bilagans namn som det visas.", examples=["Spelplan för beredningsgrupperna"])
    file: Text = Field(description="Filnamn i samma mapp som minnesanteckningarna.", examples=["2021-03-01-spelplan.pdf"])


class Minutes(Model):
    """Minnesanteckningar: `minutes/<grupp>/<ÅÅÅÅ-MM-DD>.md`."""

    date: Date = Field(description="Mötesdatum. Samma som filnamnet.", examples=["2021-05-05"])
    date_precision: Literal["day", "month"] = Field(
        "day", description="`month` när anteckningarna inte anger dag: webbplatsen visar då bara månad och år.", examples=["month"]
    )
    group: Slug = Field(description="Gruppens kortnamn i groups.yml. Samma som mappen.", examples=["norra"])
    title: Text | None = Field(None, description="Rubrik. Utelämnas den blir den grupp och datum.", examples=["Beredningsgrupp norra 5 maj 2021"])
    start: Time | None = Field(None, description="Mötets starttid.", examples=["09:00"])
    end: Time | None = Field(None, description="Mötets sluttid, efter start.", examples=["11:45"])
    place: Text | None = Field(None, description="Plats, eller `digitalt`.", examples=["Stadshuset, Skövde"])
    present: list[Text] = Field(default_factory=list, description="Närvarande, ett namn per rad.", examples=[["Eva Bremer", "Ida Wiik"]])
    absent: list[Text] = Field(default_factory=list, description="Frånvarande, ett namn per rad.", examples=[["Sofia Melin"]])
    chair: Text | None = Field(None, description="Ordförande för mötet.", examples=["Eva Bremer"])
    secretary: Text | None = Field(None, description="Sekreterare för mötet.", examples=["Ida Wiik"])
    projects: list[Slug] = Field(default_factory=list, description="Projekt som mötet behandlade: filnamn i projects/ utan .md.", examples=[["cresco-creare"]])
    decisions: list[Text] = Field(default_factory=list, description="Beslut, ett per rad.", examples=[["Beredningsgruppen blir styrgrupp för Cresco+."]])
    next_meetings: list[NextMeeting] = Field(default_factory=list, description="Kommande möten: `group`, `start`, och om kända `end`, `place`, `note`.")
    attachments: list[Attachment] = Field(default_factory=list, description="Bilagor: `title` och `file`.")

    @model_validator(mode="after")
    def _end_after_start(self) -> Minutes:
        if self.start and self.end and self.end <= self.start:
            raise fail(f"`end` ({self.end:%H:%M}) måste vara efter `start` ({self.start:%H:%M})", "end")
        return self


class Project(Model):
    """Ett projekt eller en insats: `projects/<kortnamn>.md`."""

    title: Text = Field(description="Projektets namn.", examples=["Cresco Creare"])
    aliases: list[Text] = Field(default_factory=list, description="Andra namn som används i minnesanteckningarna.", examples=[["Cresco Create", "Cresco"]])
    summary: Text = Field(description="En mening som beskriver projektet i katalogen.", examples=["ESF-projekt där kommunerna utvecklar kartläggning med BIP-metoden."])
    status: Literal[PROJECT_STATUSES] = Field(description="Läge: " + ", ".join(PROJECT_STATUSES) + ".", examples=["pågående"])  # type: ignore[valid-type]
    kind: Literal[PROJECT_KINDS] = Field(description="Slag: " + ", ".join(PROJECT_KINDS) + ".", examples=["projekt"])  # type: ignore[valid-type]
    start: Date | None = Field(None, description="Startdatum.", examples=["2021-01-01"])
    end: Date | None = Field(None, description="Slutdatum, inte före start.", examples=["2023-02-28"])
    lead_party: Text | None = Field(None, description="Huvudpart.", examples=["Vara kommun"])
    parties: list[Text] = Field(default_factory=list, description="Samverkande parter.", examples=[["Arbetsförmedlingen", "Försäkringskassan"]])
    municipalities: list[Text] = Field(default_factory=list, description="Kommuner där projektet bedrivs.", examples=[["Hjo", "Töreboda"]])
    areas: list[Slug] = Field(default_factory=list, description="Beredningsgruppernas områden (kortnamn i groups.yml).", examples=[["norra"]])
    funding: Text | None = Field(None, description="Finansiering, som text.", examples=["ESF"])
    target_group: Text | None = Field(None, description="Målgrupp.", examples=["Personer långt från arbetsmarknaden"])
    method: Text | None = Field(None, description="Metod.", examples=["BIP-metoden"])

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Project:
        if self.start and self.end and self.end < self.start:
            raise fail(f"`end` ({self.end}) får inte vara före `start` ({self.start})", "end")
        return self
