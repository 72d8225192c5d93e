"""The vendor files no page loads are not published, and no published file holds an
e-mail address but the association's function contacts.

The scan here is deliberately not the privacy guard's (site_text reads each
format as what it is): it reads every file of the built site as plain bytes,
so it would also see what a reading of the guard's skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT
from forening import function_contacts, vendor

# Anything shaped like name@domain.tld, as bytes: binary files are read as they are.
EMAIL_LIKE = re.compile(rb"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")

# What the site's pages load (seen in a real Chromium over every page, a search and both palettes).
LOADED = [
    "assets/javascripts/pagefind-search.js",
    "assets/catalogue.js",
    "assets/site.css",
    "pagefind/pagefind.js",
    "pagefind/pagefind-worker.js",
    "pagefind/pagefind-entry.json",
    "pagefind/wasm.sv.pagefind",
]


def files(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


def test_material_search_source_maps_and_pagefind_uis_are_not_published(site: Path) -> None:
    published = files(site)
    assert not [rel for rel in published if vendor.unused_theme_file(rel)]
    assert not [rel for rel in published if rel.startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/")) or rel.endswith(".map")]
    assert not [name for name in vendor.PAGEFIND_UNUSED if (site / "pagefind" / name).exists()]
    assert not [rel for rel in published if re.fullmatch(r"pagefind/pagefind-.*ui\..*|pagefind/pagefind-highlight\.js", rel)]


def test_what_the_pages_load_is_still_published(site: Path) -> None:
    published = files(site)
    assert [rel for rel in LOADED if rel not in published] == []
    for pattern in (r"assets/javascripts/bundle\.\w+\.min\.js", r"assets/stylesheets/main\.\w+\.min\.css", r"assets/stylesheets/palette\.\w+\.min\.css"):
        assert any(re.fullmatch(pattern, rel) for rel in published), pattern


def test_no_published_file_holds_an_email_address_but_the_function_contacts(site: Path) -> None:
    contacts, problems = function_contacts.read(ROOT)
    assert problems == []
    allowed = {contacts.email.lower()} if contacts.email else set()
    found: dict[str, set[str]] = {}
    for rel in files(site):
        data = (site / rel).read_bytes()
        if rel.endswith(".ics"):
            # An event's UID is an identifier in `name@host` form (RFC 5545 3.8.4.7), not an address.
            data = re.sub(rb"(?m)^UID:.*\r?\n(?:[ \t].*\r?\n)*", b"", data)
        addresses = {m.decode(errors="replace") for m in EMAIL_LIKE.findall(data)} - allowed
        if addresses:
            found[rel] = addresses
    assert found == {}


def test_only_materials_unused_files_count_as_unused_theme_files() -> None:
    for rel in ("assets/javascripts/lunr/tinyseg.js", "assets/javascripts/lunr/min/lunr.sv.min.js", "assets/javascripts/workers/search.a7633da7.min.js",
                "assets/javascripts/bundle.a5f9d56c.min.js.map", "assets/stylesheets/main.57a0d79d.min.css.map"):  # fmt: skip
        assert vendor.unused_theme_file(rel), rel
    for rel in ("assets/javascripts/bundle.a5f9d56c.min.js", "assets/javascripts/pagefind-search.js", "assets/stylesheets/main.57a0d79d.min.css",
                "assets/images/favicon.png", "404.html"):  # fmt: skip
        assert not vendor.unused_theme_file(rel), rel
