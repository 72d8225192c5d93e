"""The finders of personal data: what they catch, and the look-alikes they must let pass.

All numbers and addresses here are made up for the tests. 121212-1212 is
Skatteverket's well-known test personnummer ("Tolvan Tolvansson").
"""

from __future__ import annotations

import datetime as dt

import pytest
from forening import privacy
from forening.privacy import Allowed, find, luhn_valid
from hypothesis import given, settings
from hypothesis import strategies as st

LEAKS = [
    # (text, kind, the match as written)
    ("Ring 070-123 45 67 i dag", privacy.PHONE, "070-123 45 67"),
    ("Växel 0500-49 77 00.", privacy.PHONE, "0500-49 77 00"),
    ("+46 70 123 45 67", privacy.PHONE, "+46 70 123 45 67"),
    ("0046 (0)70-123 45 67", privacy.PHONE, "0046 (0)70-123 45 67"),
    ("+46701234567", privacy.PHONE, "+46701234567"),
    ("tel 08-12 34 56.", privacy.PHONE, "08-12 34 56"),
    ("031-123 45 67", privacy.PHONE, "031-123 45 67"),
    ("(0500) 49 77 00", privacy.PHONE, "(0500) 49 77 00"),
    ("0701234568", privacy.PHONE, "0701234568"),
    ("070 – 123 45 67", privacy.PHONE, "070 – 123 45 67"),
    ("070\u00a0123\u00a045\u00a067", privacy.PHONE, "070\u00a0123\u00a045\u00a067"),
    ("kl. 9 070-123 45 67", privacy.PHONE, "070-123 45 67"),
    ("24/8 070-123 45 67", privacy.PHONE, "070-123 45 67"),
    ("070-123 45 67 2021", privacy.PHONE, "070-123 45 67"),
    ("Tel:070-1234567", privacy.LINK, "Tel:070-1234567"),
    ("Tel:0500-12 34 56.", privacy.LINK, "Tel:0500-12 34 56"),
    ("eva.exempel@example.se", privacy.EMAIL, "eva.exempel@example.se"),
    ("Skriv till Åsa.Ö@kommun.example.se!", privacy.EMAIL, "Åsa.Ö@kommun.example.se"),
    ("eva [at] example [dot] se", privacy.EMAIL, "eva [at] example [dot] se"),
    ("eva(at)example.se", privacy.EMAIL, "eva(at)example.se"),
    ("mailto:eva@example.se", privacy.LINK, "mailto:eva@example.se"),
    ('href="tel:+46701234567"', privacy.LINK, "tel:+46701234567"),
    ("SMS:0701234567", privacy.LINK, "SMS:0701234567"),
    ("121212-1212", privacy.PERSONNUMMER, "121212-1212"),
    ("19121212-1212", privacy.PERSONNUMMER, "19121212-1212"),
    ("1212121212", privacy.PERSONNUMMER, "1212121212"),
    ("191212121212", privacy.PERSONNUMMER, "191212121212"),
    ("pnr 121212+1212 (över 100 år)", privacy.PERSONNUMMER, "121212+1212"),
    ("samordningsnummer 121272-1219", privacy.PERSONNUMMER, "121272-1219"),
]

HARMLESS = [
    "2021-05-05",
    "den 5 maj 2021 kl. 09:00–11:45",
    "9:00–11:45",
    "kl. 08.00-12.00",
    "reserverat ytterligare 1 miljon kronor",
    "1 000 000 kronor",
    "budget 250 000 kr 2021–2023",
    "2026-11-23T12:00:00+01:00",
    "DTSTART:20210824T090000Z",
    "assets/stylesheets/main.57a0d79d.min.css",
    "bundle.a5f9d56c.min.js",
    "bild@2x.png",
    "M12 2A10 10 0 0 0 2 12c0 4.42 3.58 8 8 8",
    "rgba(0,0,0,.54) 0 0 0 0",
    "070101-1234",  # a reference number: no phone number has a six-digit area code
    "121212-1213",  # right shape, wrong check digit
    "222000-1234",  # an organisationsnummer: month 20 is no date
    "05004977-0012-4abc-9def",  # a UUID
    "/x/0701234567.png",  # a file-name segment
    "01 02 03 04",  # numbered items: 01 is no area code
    "Sök på sidan 12 av 40",
    "mailto:",
    "Tel: ",
    "Diarienummer 2021/0123-45",
    "ISBN 978-91-0-012345-6",
]


@pytest.mark.parametrize(("text", "kind", "match"), LEAKS, ids=[leak[0] for leak in LEAKS])
def test_finds_each_leak(text: str, kind: str, match: str) -> None:
    found = find(text)
    assert [(f.kind, f.text) for f in found] == [(kind, match)]
    assert text[found[0].start : found[0].end] == match


@pytest.mark.parametrize("text", HARMLESS)
def test_look_alikes_pass(text: str) -> None:
    assert find(text) == []


def test_a_link_hides_the_number_in_it() -> None:
    assert [f.kind for f in find('<a href="mailto:eva@example.se">eva@example.se</a>')] == [privacy.LINK, privacy.EMAIL]


def test_luhn() -> None:
    assert luhn_valid("1212121212") and not luhn_valid("1212121213")


def test_allowed_contacts_are_compared_by_value() -> None:
    allowed = Allowed.of(emails=["Info@Exempel.se"], phones=["0500-12 34 56"])
    for text in ("info@exempel.se", "0500-12 34 56", "Tel:0500-12 34 56", "+46 500 12 34 56", "0500123456", "tel:+46500123456", "mailto:INFO@exempel.se?subject=Hej", "info [at] exempel [dot] se"):
        [finding] = find(text)
        assert allowed.permits(finding), text
    for text in ("eva@exempel.se", "0500-12 34 57", "mailto:info@exempel.se,eva@exempel.se", "tel:0701234567", "121212-1212"):
        [finding] = find(text)
        assert not allowed.permits(finding), text


def _personnummer(draw: st.DrawFn) -> str:
    date = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31)))
    serial = draw(st.integers(0, 999))
    digits = f"{date:%y%m%d}{serial:03d}"
    check = next(c for c in "0123456789" if luhn_valid(digits + c))
    sep = draw(st.sampled_from(["-", "", "+"]))
    century = draw(st.sampled_from(["", f"{date.year // 100}"]))
    return f"{century}{digits[:6]}{sep}{digits[6:]}{check}"


@given(st.composite(_personnummer)())
def test_every_valid_personnummer_is_found(number: str) -> None:
    found = find(f"Personnummer: {number}.")
    assert [(f.kind, f.text) for f in found] == [(privacy.PERSONNUMMER, number)]


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.times(), st.integers(0, 10**9))
def test_dates_times_and_amounts_never_match(date: dt.date, time: dt.time, amount: int) -> None:
    text = f"Mötet {date} kl. {time:%H:%M}–{time:%H:%M}, {date:%Y%m%d}T{time:%H%M%S}Z, {amount:,} kronor".replace(",", " ")
    assert find(text) == []


# The finders skip work that cannot find anything (a look-ahead before each pattern's
# look-behind; no address search without `@` or `[at]`): same matches as without.
_TRICKY = st.text(alphabet=list("mailtoTELsmcSMſKıİ:@[]()at snabel-dotpunkt.x_0123456789+-\u2013"), max_size=60)


@given(_TRICKY)
def test_shortcuts_find_what_the_plain_patterns_find(text: str) -> None:
    import re

    def plain(pattern: re.Pattern[str], lookahead: str) -> re.Pattern[str]:
        assert pattern.pattern.startswith(lookahead)
        return re.compile(pattern.pattern[len(lookahead) :], pattern.flags)

    link = plain(privacy._LINK, "(?=[mtsc])")
    pnr = plain(privacy._PERSONNUMMER, "(?=\\d)")
    assert [m.span() for m in privacy._LINK.finditer(text)] == [m.span() for m in link.finditer(text)]
    assert [m.span() for m in privacy._PERSONNUMMER.finditer(text)] == [m.span() for m in pnr.finditer(text)]
    every_email = [m[0] for m in privacy._EMAIL.finditer(text) if m["tld"].lower() not in privacy._FILE_EXTENSIONS]
    assert [f.text for f in privacy.find_emails(text)] == every_email


# Schemes in pieces, with case, look-alikes (`ſ` matches `s` ignoring case) and what may stand around them.
_LINK_PIECES = st.lists(st.sampled_from(["mailto", "callto", "tel", "sms", "TEL", "ſms", "mail", "to", ":", " ", "x", ".", "-", "=", "070"]), max_size=30).map("".join)


@given(_LINK_PIECES)
def test_links_tried_at_colons_are_the_patterns_matches(text: str) -> None:
    assert [m.span() for m in privacy._links(text)] == [m.span() for m in privacy._LINK.finditer(text)]


def test_every_decimal_digit_but_0_9_lies_past_u0660() -> None:
    import sys

    others = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isdecimal() and not "0" <= chr(code) <= "9"]
    assert others and min(others) >= "\u0660"
    assert all(privacy._PAST_ASCII_DIGITS.fullmatch(char) for char in others)


# Digits of other scripts (Arabic-Indic, fullwidth), and look-alikes that are no decimal digits (², ½).
_NUMBER_PIECES = st.lists(st.sampled_from(["0", "7", "46", "\u0660", "\u0667", "\uff10", "\uff17", "²", "½", "+", "(", ")", "-", "\u2013", " ", "\u00a0", "x", "."]), max_size=40).map("".join)


@given(_NUMBER_PIECES)
def test_stretches_are_the_patterns_matches(text: str) -> None:
    assert privacy.stretches(text) == [m.span() for m in privacy._NUMBERISH.finditer(text) if not privacy._DATE.fullmatch(m[0])]


# Dates beside numbers, and date-shaped numbers (`0701-23-45` is a phone number).
_DATE_PIECES = st.lists(st.sampled_from(["2021-05-05", "0701-23-45", "1999-12-31", "1980-01-01", "19800101", "-1234", "1234", "070", "-", " ", "+46", "(0)", "x", "\n"]), max_size=12).map("".join)


@settings(max_examples=300)
@given(_DATE_PIECES)
def test_the_dates_left_out_of_the_stretches_hold_no_number(text: str) -> None:
    every = [m.span() for m in privacy._NUMBERISH.finditer(text)]
    assert privacy.find_phones(text, privacy.stretches(text)) == privacy.find_phones(text, every)
    assert privacy.find_personnummer(text, privacy.stretches(text)) == privacy.find_personnummer(text, every)
