"""Absolute links for feeds and calendars, made from site_url."""

from __future__ import annotations

import pytest
from forening.links import Links


def links(site_url: str) -> Links:
    return Links(site_url=site_url, minutes_title=lambda e: "", group_name=lambda slug: slug)


def test_absolute_links_follow_the_site_address_and_its_path() -> None:
    assert links("https://example.org/").absolute("kalender/") == "https://example.org/kalender/"
    assert links("https://example.org/forening").absolute("kalender.ics") == "https://example.org/forening/kalender.ics"
    assert links("https://example.org/forening/").absolute("") == "https://example.org/forening/"


def test_host_is_the_domain_of_ical_uids() -> None:
    assert links("https://www.example.org:8443/a/").host == "www.example.org"


def test_a_relative_site_url_is_refused() -> None:
    with pytest.raises(ValueError, match="ingen fullständig adress"):
        links("/forening/")
