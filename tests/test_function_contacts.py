"""The association's function contacts (`extra.contact` in mkdocs.yml): the setting,
its Swedish errors, and that exactly these contacts pass the guard and show on /kontakt/.

The contacts configured here are made up (031-390 06 xx is a range that PTS keeps
for fiction); the repository's own mkdocs.yml configures only the website, the one
contact a seed names.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, mkdocs_build, validate
from forening.function_contacts import FunctionContacts, read

CONTACTS = """\
  contact:
    phone: "031-390 06 00"
    email: info@forbundet.example.org
    address:
      - Box 1
      - 123 45 Exempelby
"""


def configure(root: Path, contact_block: str) -> None:
    """Replace the `contact:` block of mkdocs.yml's `extra` with `contact_block`."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  contact:")
    end = text.index("\n", text.index("    address:")) + 1
    config.write_text(text[:start] + contact_block + text[end:], encoding="utf-8")


def test_repository_configures_only_the_website() -> None:
    contacts, problems = read(ROOT)
    assert problems == [] and contacts.empty
    extra = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]
    assert extra["contact"] == {"phone": None, "email": None, "address": None, "website": "https://www.samordningsforbundetskaraborg.se/"}


def test_bad_settings_are_reported_with_line_and_field(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nsite_url: !ENV [SITE_URL, 'https://x.example/']\nextra:\n  contact:\n    phone: \"12 34\"\n    email: info\n    fax: 1\n    website: www.forbundet.example\n",
        encoding="utf-8",
    )
    contacts, problems = read(tmp_path)
    assert contacts.empty
    found = {(p.path, p.line, p.field): p.message for p in problems}
    assert set(found) == {
        ("mkdocs.yml", 5, "extra.contact.phone"),
        ("mkdocs.yml", 6, "extra.contact.email"),
        ("mkdocs.yml", 7, "extra.contact.fax"),
        ("mkdocs.yml", 8, "extra.contact.website"),
    }
    assert "ingen webbadress; skriv hela adressen, t.ex. https://" in found["mkdocs.yml", 8, "extra.contact.website"]
    assert "inget svenskt telefonnummer" in found["mkdocs.yml", 5, "extra.contact.phone"]
    assert "ingen e-postadress" in found["mkdocs.yml", 6, "extra.contact.email"]
    assert "okänt fält" in found["mkdocs.yml", 7, "extra.contact.fax"]


def test_a_number_written_without_quotes_is_explained(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("extra:\n  contact:\n    phone: 46313900600\n", encoding="utf-8")
    _, [problem] = read(tmp_path)
    assert problem.line == 3 and "citattecken" in problem.message


def test_address_may_be_one_text_and_the_tel_link_is_international() -> None:
    contacts = FunctionContacts.model_validate({"phone": "031-390 06 00", "address": "Box 1\n123 45 Exempelby"})
    assert contacts.address == ["Box 1", "123 45 Exempelby"]
    assert contacts.phone_uri == "+46313900600"


def test_configured_contacts_are_allowed_and_shown(project_copy: Path, tmp_path: Path) -> None:
    configure(project_copy, CONTACTS)
    minutes = project_copy / "minutes" / "norra" / "2021-05-05.md"
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\nFrågor till info@forbundet.example.org eller växeln 031-390 06 00.\n", encoding="utf-8")
    assert validate(project_copy).returncode == 0
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr

    soup = BeautifulSoup((tmp_path / "out" / "kontakt" / "index.html").read_text(encoding="utf-8"), "lxml")
    section = soup.select_one("section.fm-contact")
    links = {a["href"]: a.get_text(strip=True) for a in section.select("a")}
    assert links == {
        "tel:+46313900600": "031-390 06 00",
        "mailto:info@forbundet.example.org": "info@forbundet.example.org",
        "https://www.samordningsforbundetskaraborg.se/": "www.samordningsforbundetskaraborg.se",  # the `website` already set
    }
    assert "Box 1" in section.get_text() and "123 45 Exempelby" in section.get_text()


def test_only_the_configured_contacts_are_allowed(project_copy: Path, tmp_path: Path) -> None:
    configure(project_copy, CONTACTS)
    minutes = project_copy / "minutes" / "norra" / "2021-05-05.md"
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\nEller direkt till 031-390 06 01.\n", encoding="utf-8")
    for result in (validate(project_copy), mkdocs_build(project_copy, tmp_path / "out")):
        assert result.returncode == 1
        assert "telefonnumret `031-390 06 01` får inte stå här" in result.stderr


def test_bad_contacts_fail_the_build(project_copy: Path, tmp_path: Path) -> None:
    configure(project_copy, '  contact:\n    phone: "vet ej"\n')
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "mkdocs.yml:" in result.stderr and "extra.contact.phone: `vet ej` är inget svenskt telefonnummer" in result.stderr
