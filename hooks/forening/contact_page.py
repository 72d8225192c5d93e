"""/kontakt/: the association's function contacts and the groups' members.

What the page shows is what may be published about a person (name, workplace,
role, from groups.yml) and nothing else: no attendance, no meeting dates, no
next meetings. The template receives only the groups and the function
contacts, so it cannot show more by accident.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import function_contacts
from .catalogue import swedish_key
from .render import render
from .schema import Group, Member

if TYPE_CHECKING:
    from .pages import Build, Page

SRC = "kontakt.md"
PRIVACY_URL = "personuppgifter/"


def contact_pages(build: Build) -> Iterator[Page]:
    # pages.py registers this generator, so Page is imported when it runs, not
    # when this module is imported (that would be an import cycle).
    from .pages import Page

    archive = build.archive
    yield Page(
        src=SRC,
        markdown=render(
            "contact.html",
            SRC,
            contacts=function_contacts.from_settings(build.settings),
            groups=[(slug, archive.groups[slug], alphabetical(archive.groups[slug])) for slug in archive.group_order],
            privacy_url=PRIVACY_URL,
        ),
        title="Kontakt",
        description="Kontaktvägar till förbundet och vilka som sitter i dess grupper.",
        in_nav=True,
    )


def alphabetical(group: Group) -> list[Member]:
    """The group's members by name, as a Swedish list is ordered (å, ä, ö after z)."""
    return sorted(group.members, key=lambda member: swedish_key(member.name))
