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
from typing import Any, Literal, get_origin

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

from .types import Date, DateOrDateTime, DateTime, Slug, Text, Time, Url, Years, fail

# "planerat": talked of in the minutes (a steering group, a planned application), nothing applied for yet.
PROJECT_STATUSES = ("planerat", "ansökt", "beviljat", "pågående", "avslutat", "avslaget")
PROJECT_KINDS = ("projekt", "insats", "förstudie", "kompetensutveckling", "samverkansteam")
# The association's own events beside the groups' meetings (seeds 000, 002, 003).
EVENT_KINDS = ("heldag", "omvärldsdag", "öppet hus", "konferens", "studieresa", "utbildning")

# The same wording wherever a field carries `publish_until` (page, link, attachment).
_PUBLISH_UNTIL = "Sista dag som {what} publiceras. Från dagen efter lämnar bygget {it} utanför webbplatsen och skriver det i byggloggen och i `make check`."

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

    @model_validator(mode="before")
    @classmethod
    def _empty_field_is_empty_list(cls, data: Any) -> Any:
        """`absent:` with nothing after it is YAML's null; an editor means "none yet", so a
        list field reads it as an empty list, and names written under it later are valid."""
        if isinstance(data, dict):
            empty = [name for name, field in cls.model_fields.items() if data.get(name, 0) is None and get_origin(field.annotation) is list]
            if empty:
                data = {**data, **{name: [] for name in empty}}
        return data


class Member(Model):
    """En ledamot i en grupp. Bara namn, arbetsplats och roll publiceras."""

    name: Text = Field(description="Personens namn, som det skrivs i minnesanteckningarna.", examples=["Anna Exempel"])
    workplace: Text | None = Field(None, description="Arbetsplats, om den är känd.", examples=["Arbetsmarknadsenheten i Exempelstad"])
    role: Text | None = Field(None, description="Roll i gruppen eller på arbetsplatsen, om den är känd.", examples=["Enhetschef"])

    @model_validator(mode="before")
    @classmethod
    def _no_contact_details(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in data:
                if _is_contact_field(key):
                    raise fail(
                        f"`{key}` får inte anges för ledamöter: förbundet publicerar inte ledamöternas kontaktuppgifter, "
                        "bara namn, arbetsplats och roll (GDPR; se sidan om personuppgifter). Ta bort raden. "
                        "Den som vill nå en ledamot kontaktar förbundet, vars "
                        "egna kontaktvägar anges i mkdocs.yml under `extra.contact`",
                        str(key),
                    )
        return data


class Group(Model):
    """En grupp i `minutes/groups.yml`, t.ex. en beredningsgrupp eller styrelsen."""

    name: Text = Field(description="Gruppens namn som det visas på webbplatsen.", examples=["Beredningsgrupp norra"])
    members: list[Member] = Field(default_factory=list, description="Gruppens ledamöter: `name`, och där det är känt `workplace` och `role`.")
    members_date: Date | None = Field(
        None,
        description=(
            "Dag då ledamotslistan senast stämdes av, t.ex. datum för de minnesanteckningar den bygger på. Kontaktsidan "
            "visar året (”enligt uppgift från 2023”), så att ingen läser en gammal lista som dagens."
        ),
        examples=["2024-09-17"],
    )


class NextMeeting(Model):
    """Ett kommande möte som annonseras i minnesanteckningarna."""

    group: Slug = Field(description="Gruppens kortnamn i groups.yml.", examples=["norra"])
    start: DateOrDateTime = Field(description="Start: datum och tid, eller bara datum för en heldag.", examples=["2024-10-15T09:00"])
    end: DateTime | None = Field(None, description="Slut: datum och tid, efter start.", examples=["2024-10-15T11:45"])
    place: Text | None = Field(None, description="Plats, eller `digitalt`.", examples=["digitalt"])
    note: Text | None = Field(None, description="Kort anteckning om mötet.", examples=["Gemensam heldag"])
    cancelled: StrictBool = Field(
        False,
        description=(
            "`true` när ett annonserat möte är inställt: skriv det i de nya minnesanteckningarna med mötets `group` och `start`. "
            "Kalendern visar det då som inställt. Ett möte som flyttas till en annan dag ställs in så och annonseras med sin nya dag; "
            "en ny tid samma dag räcker det att annonsera."
        ),
        examples=[True],
    )

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

    title: Text = Field(description="Bilagans namn som det visas.", examples=["Verksamhetsplan, utkast"])
    file: Text = Field(description="Filnamn i samma mapp som minnesanteckningarna.", examples=["2024-09-17-verksamhetsplan.pdf"])
    publish_until: Date | None = Field(None, description=_PUBLISH_UNTIL.format(what="bilagan", it="den"), examples=["2025-06-30"])


class Link(Model):
    """En länk till en annan webbplats, t.ex. en inspelad föreläsning som får visas en viss tid."""

    title: Text = Field(description="Länktexten som den visas.", examples=["Inspelad föreläsning"])
    url: Url = Field(description="Hela webbadressen, som börjar med https:// eller http://.", examples=["https://www.example.se/forelasning"])
    publish_until: Date | None = Field(None, description=_PUBLISH_UNTIL.format(what="länken", it="den"), examples=["2025-06-30"])


class Event(Model):
    """Ett evenemang som förbundet ordnar: heldag, omvärldsdag, öppet hus, konferens, studieresa, utbildning."""

    title: Text = Field(description="Evenemangets namn.", examples=["Höstens heldag"])
    kind: Literal[EVENT_KINDS] = Field(description="Slag: " + ", ".join(EVENT_KINDS) + ".", examples=["heldag"])  # type: ignore[valid-type]
    start: DateOrDateTime = Field(description="Start: ett datum för hela dagen, eller datum och tid.", examples=["2024-10-08"])
    end: DateOrDateTime | None = Field(
        None, description="Slut: sista dagen för ett evenemang över flera dagar, eller datum och tid samma slag som `start`.", examples=["2024-10-09"]
    )
    place: Text | None = Field(None, description="Plats, eller `digitalt`.", examples=["Exempelgården i Exempelstad"])
    audience: Text | None = Field(None, description="Vilka evenemanget är för.", examples=["Förbundets styrelse och beredningsgrupp"])
    groups: list[Slug] = Field(
        default_factory=list,
        description="Grupper (kortnamn i groups.yml) vars kalender ska visa evenemanget. Utelämnas det visas det i kalendern för gruppen som skrev minnesanteckningarna.",
        examples=[["gemensam", "norra"]],
    )
    note: Text | None = Field(None, description="Kort anteckning om evenemanget.", examples=["Gemensam heldag med styrelse och beredningsgrupp"])
    cancelled: StrictBool = Field(
        False,
        description="`true` när evenemanget är inställt: skriv det i de nya minnesanteckningarna med evenemangets `kind` och `start`.",
        examples=[True],
    )

    @model_validator(mode="after")
    def _end_after_start(self) -> Event:
        if self.end is None:
            return self
        timed = isinstance(self.start, dt.datetime)
        if timed != isinstance(self.end, dt.datetime):
            raise fail("`end` ska vara av samma slag som `start`: två datum (t.ex. 2023-08-29 och 2023-08-30) eller två tidpunkter", "end")
        if self.end < self.start or (timed and self.end == self.start):
            raise fail(f"`end` ({self.end}) måste vara efter `start` ({self.start})".replace("T", " "), "end")
        return self


class Between(Model):
    """De dagar ett möte kan ha hållits, när anteckningarna inte anger dagen."""

    first: Date = Field(description="Första möjliga dag.", examples=["2024-02-20"])
    last: Date = Field(description="Sista möjliga dag, inte före `first`.", examples=["2024-03-31"])

    @model_validator(mode="after")
    def _last_not_before_first(self) -> Between:
        if self.last < self.first:
            raise fail(f"`last` ({self.last}) får inte vara före `first` ({self.first})", "last")
        return self


class Minutes(Model):
    """Minnesanteckningar: `minutes/<grupp>/<ÅÅÅÅ-MM-DD>.md`."""

    date: Date = Field(description="Mötesdatum. Samma som filnamnet.", examples=["2024-09-17"])
    date_precision: Literal["day", "month", "period"] = Field(
        "day",
        description=(
            "`month` när anteckningarna inte anger dag men månaden är säker: webbplatsen visar då bara månad och år. "
            "`period` när bara en period är säker (t.ex. efter ett styrelsemöte men före ett annat): ange den under "
            "`date_between`, så visar webbplatsen perioden, t.ex. februari–mars 2021."
        ),
        examples=["month"],
    )
    date_between: Between | None = Field(
        None,
        description=(
            "Med `date_precision: period`: `first` och `last`, första och sista dag som mötet kan ha hållits. "
            "`date` (och filnamnet) ska ligga inom perioden; det är bara dagen arkivet sorterar på."
        ),
    )
    group: Slug = Field(description="Gruppens kortnamn i groups.yml. Samma som mappen.", examples=["norra"])
    title: Text | None = Field(None, description="Rubrik. Utelämnas den blir den grupp och datum.", examples=["Beredningsgrupp norra 17 september 2024"])
    start: Time | None = Field(None, description="Mötets starttid.", examples=["09:00"])
    end: Time | None = Field(None, description="Mötets sluttid, efter start.", examples=["11:45"])
    place: Text | None = Field(None, description="Plats, eller `digitalt`.", examples=["Kommunhuset i Exempelstad"])
    present: list[Text] = Field(default_factory=list, description="Närvarande, ett namn per rad.", examples=[["Anna Exempel", "Bo Exempel"]])
    absent: list[Text] = Field(default_factory=list, description="Frånvarande, ett namn per rad.", examples=[["Cecilia Exempel"]])
    chair: Text | None = Field(None, description="Ordförande för mötet.", examples=["Anna Exempel"])
    secretary: Text | None = Field(None, description="Sekreterare för mötet.", examples=["Bo Exempel"])
    projects: list[Slug] = Field(default_factory=list, description="Projekt som mötet behandlade: filnamn i projects/ utan .md.", examples=[["exempelprojektet"]])
    decisions: list[Text] = Field(default_factory=list, description="Beslut, ett per rad.", examples=[["Beredningsgruppen tillstyrker ansökan om Exempelprojektet."]])
    next_meetings: list[NextMeeting] = Field(default_factory=list, description="Kommande möten: `group`, `start`, och om kända `end`, `place`, `note`.")
    attachments: list[Attachment] = Field(default_factory=list, description="Bilagor: `title` och `file`, och om de bara får visas en tid `publish_until`.")
    events: list[Event] = Field(
        default_factory=list, description="Evenemang som anteckningarna berättar om: `title`, `kind`, `start`, och om kända `end`, `place`, `audience`, `groups`, `note`."
    )
    links: list[Link] = Field(default_factory=list, description="Länkar: `title` och `url`, och om de bara får visas en tid `publish_until`.")
    publish_until: Date | None = Field(None, description=_PUBLISH_UNTIL.format(what="minnesanteckningarna", it="dem"), examples=["2034-12-31"])

    @model_validator(mode="after")
    def _end_after_start(self) -> Minutes:
        if self.start and self.end and self.end <= self.start:
            raise fail(f"`end` ({self.end:%H:%M}) måste vara efter `start` ({self.start:%H:%M})", "end")
        return self

    @model_validator(mode="after")
    def _period_holds_the_date(self) -> Minutes:
        if self.date_precision == "period" and self.date_between is None:
            raise fail("`date_precision: period` kräver `date_between` med `first` och `last`: första och sista möjliga mötesdag", "date_precision")
        if self.date_between is None:
            return self
        if self.date_precision != "period":
            raise fail("`date_between` gäller bara med `date_precision: period`; lägg till den raden eller ta bort `date_between`", "date_between")
        if not self.date_between.first <= self.date <= self.date_between.last:
            raise fail(
                f"`date` ({self.date}) ligger utanför `date_between` ({self.date_between.first} – {self.date_between.last}); "
                "välj en dag inom perioden och byt filens namn till den",
                "date",
            )
        return self

    @model_validator(mode="after")
    def _events_apart(self) -> Minutes:
        # The calendar names an event by its kind and start (forening.events.event_key):
        # two in one minutes with both alike would show as one, the other lost.
        seen: dict[tuple[str, Any], Event] = {}
        for event in self.events:
            earlier = seen.setdefault((event.kind, event.start), event)
            if earlier is not event:
                when = f"{event.start:%Y-%m-%d %H:%M}" if isinstance(event.start, dt.datetime) else f"{event.start:%Y-%m-%d}"
                raise fail(
                    f"två evenemang av slaget {event.kind} börjar {when} (”{earlier.title}” och ”{event.title}”); kalendern kan bara visa det ena. "
                    "Är det samma evenemang, ta bort det ena; annars skriv starttiden för vart och ett (t.ex. "
                    f"start: {event.start:%Y-%m-%d}T09:00)",
                    "events",
                )
        return self

    @model_validator(mode="after")
    def _published_after_the_meeting(self) -> Minutes:
        if self.publish_until is not None and self.publish_until < self.date:
            raise fail(f"`publish_until` ({self.publish_until}) ligger före mötet ({self.date}); då publiceras anteckningarna aldrig", "publish_until")
        return self


class Project(Model):
    """Ett projekt eller en insats: `projects/<kortnamn>.md`."""

    title: Text = Field(description="Projektets namn.", examples=["Exempelprojektet"])
    aliases: list[Text] = Field(default_factory=list, description="Andra namn som används i minnesanteckningarna.", examples=[["Exempelprojekt", "EP"]])
    summary: Text = Field(description="En mening som beskriver projektet i katalogen.", examples=["Projekt där kommunerna tillsammans erbjuder arbetsträning."])
    status: Literal[PROJECT_STATUSES] = Field(description="Läge: " + ", ".join(PROJECT_STATUSES) + ".", examples=["pågående"])  # type: ignore[valid-type]
    status_date: Date | None = Field(
        None,
        description=(
            "Dag då läget senast bekräftades, t.ex. datum för de minnesanteckningar som säger det. Webbplatsen visar året "
            "bredvid läget (”uppgift från 2021”), så att läsaren ser hur gammal uppgiften är."
        ),
        examples=["2024-09-17"],
    )
    kind: Literal[PROJECT_KINDS] = Field(description="Slag: " + ", ".join(PROJECT_KINDS) + ".", examples=["projekt"])  # type: ignore[valid-type]
    start: Date | None = Field(None, description="Startdatum.", examples=["2024-01-01"])
    end: Date | None = Field(None, description="Slutdatum, inte före start.", examples=["2025-12-31"])
    lead_party: Text | None = Field(None, description="Huvudpart.", examples=["Exempelstads kommun"])
    parties: list[Text] = Field(default_factory=list, description="Samverkande parter.", examples=[["Arbetsförmedlingen", "Försäkringskassan"]])
    municipalities: list[Text] = Field(default_factory=list, description="Kommuner där projektet bedrivs.", examples=[["Hjo", "Töreboda"]])
    areas: list[Slug] = Field(default_factory=list, description="Beredningsgruppernas områden (kortnamn i groups.yml).", examples=[["norra"]])
    funding: Text | None = Field(None, description="Finansiering, som text.", examples=["ESF"])
    target_group: Text | None = Field(None, description="Målgrupp.", examples=["Personer långt från arbetsmarknaden"])
    method: Text | None = Field(None, description="Metod.", examples=["Arbetsträning"])
    open_for_participants: StrictBool = Field(
        False, description="`true` när projektet har platser kvar och tar emot deltagare. Det visas då först i katalogen under ”Söker deltagare”.", examples=[True]
    )
    participants_until: Date | None = Field(
        None,
        description="Sista dag som projektet tar emot deltagare. Dagen efter visas det inte längre som att det söker deltagare. Kräver `open_for_participants: true`.",
        examples=["2025-06-30"],
    )
    referral: Text | None = Field(
        None, description="Vilka som kan remitteras eller anvisas till projektet. Kräver `open_for_participants: true`.", examples=["Personer som har försörjningsstöd"]
    )
    links: list[Link] = Field(default_factory=list, description="Länkar: `title` och `url`, och om de bara får visas en tid `publish_until`.")
    publish_until: Date | None = Field(None, description=_PUBLISH_UNTIL.format(what="projektsidan", it="den"), examples=["2026-12-31"])

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Project:
        if self.start and self.end and self.end < self.start:
            raise fail(f"`end` ({self.end}) får inte vara före `start` ({self.start})", "end")
        return self

    @model_validator(mode="after")
    def _participants_only_when_open(self) -> Project:
        if self.open_for_participants and self.status in ("avslutat", "avslaget"):
            raise fail(f"ett projekt med status `{self.status}` kan inte ta emot deltagare; ta bort raden eller ändra status", "open_for_participants")
        if not self.open_for_participants:
            for name in ("participants_until", "referral"):
                if getattr(self, name) is not None:
                    raise fail(f"`{name}` gäller bara när projektet tar emot deltagare; lägg till `open_for_participants: true` eller ta bort raden", name)
        return self


class Retention(Model):
    """Hur länge personuppgifter i minnesanteckningarna publiceras: `extra.retention` i mkdocs.yml."""

    attendance_years: Years = Field(
        description="Antal år efter mötet som namnen i närvarolistorna (`present`, `absent`) publiceras. Därefter visas bara antalet närvarande och frånvarande.",
        examples=[5],
    )
    minutes_years: Years = Field(description="Antal år efter mötet som minnesanteckningarna publiceras över huvud taget. Därefter tas de bort från webbplatsen.", examples=[10])

    @model_validator(mode="after")
    def _attendance_within_minutes(self) -> Retention:
        if self.minutes_years < 1:
            raise fail("minnesanteckningarna måste publiceras minst 1 år; skriv ett heltal från 1", "minutes_years")
        if self.attendance_years > self.minutes_years:
            raise fail(
                f"närvarolistorna kan inte publiceras längre ({self.attendance_years} år) än minnesanteckningarna ({self.minutes_years} år)", "attendance_years"
            )
        return self
