"""Absolute links and reader-facing names for files read outside the site.

A feed reader or a phone's calendar opens the .ics and feed.xml on their own,
so their links must be absolute (built from `site_url`), and they must name
minutes and groups exactly as the pages do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from . import urls
from .archive import MinutesEntry, ProjectEntry


@dataclass(frozen=True)
class Links:
    """The site's address plus the page layer's naming functions."""

    site_url: str  # absolute, e.g. https://example.org/ (MkDocs makes it end in /)
    minutes_title: Callable[[MinutesEntry], str]
    group_name: Callable[[str], str]

    def __post_init__(self) -> None:
        if not urlsplit(self.site_url).netloc:
            raise ValueError(f"site_url `{self.site_url}` är ingen fullständig adress, t.ex. https://example.org/")

    @property
    def host(self) -> str:
        """The site's host name: the domain part of iCal UIDs."""
        return urlsplit(self.site_url).hostname or ""

    def absolute(self, url: str) -> str:
        """A site-relative URL (`kalender/`) made absolute."""
        base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        return urljoin(base, url)

    def webcal(self, url: str) -> str:
        """A feed's address as a `webcal:` link, which subscribes in one tap where an
        `https:` link would only import the file once (Apple Calendar, Outlook)."""
        return "webcal:" + self.absolute(url).split(":", 1)[1]

    def minutes(self, entry: MinutesEntry) -> str:
        return self.absolute(urls.url_of(urls.minutes_src(entry)))

    def project(self, project: ProjectEntry) -> str:
        return self.absolute(urls.url_of(urls.project_src(project.slug)))
