"""Find personal contact data in text: e-mail addresses, phone numbers, personnummer.

Pure functions over strings, used twice: over the editors' sources (`make check`,
with path:line) and over every file the build writes (see `guard.py`). The only
contact details the site may publish are the association's own function
contacts (`function_contacts.py`); everything found here that is not one of them is a leak.

What counts, and why the rules are this shape:

- E-mail addresses, also written `namn[at]domän.se` or `namn(at)domän.se`.
  `bild@2x.png` is a file name, not an address, so file extensions are no
  top-level domains here.
- `mailto:`, `tel:`, `sms:` and `callto:` links, whatever they point to.
- Swedish phone numbers: `070-123 45 67`, `0500-49 77 00`, `08-12 34 56`,
  `(0500) 49 77 00`, `0701234567`, `+46 70 123 45 67`, `0046 (0)70-123 45 67`.
  A number is a national number of 8–10 digits starting with `0` and an area
  code (`08`, `0xx` or `0xxx`), or `+46`/`0046` and the same without the `0`.
  Dates (`2021-05-05`), times (`09:00–11:45`), amounts (`1 000 000 kronor`),
  years and hashes in file names do not have that shape, so they pass.
- Personnummer and samordningsnummer, 10 or 12 digits, with or without `-`/`+`:
  only when the date part is a real date (day + 60 for samordningsnummer) and
  the check digit is right (Luhn), so a reference number of the same length
  passes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

EMAIL = "e-postadress"
LINK = "länk"
PHONE = "telefonnummer"
PERSONNUMMER = "personnummer"

# Extensions that follow `@2x` in image names; never a top-level domain here.
_FILE_EXTENSIONS = {"png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "css", "js", "mjs", "map", "json", "woff", "woff2"}

_EMAIL = re.compile(
    r"(?<![\w.%+-])(?P<local>[\w.%+-]+)"
    r"(?:@|\s?[\[(]\s?(?:at|snabel-a)\s?[\])]\s?)"
    r"(?P<domain>(?:[\w-]+(?:\.|\s?[\[(]\s?(?:dot|punkt)\s?[\])]\s?))+(?P<tld>[^\W\d_]{2,}))(?![\w-])",
    re.IGNORECASE,
)
# Each pattern below first looks ahead at the one kind of character it can start
# with: cheaper than its look-behind at every position of a long text (the guard
# reads the whole built site). The matches are the same.
_LINK = re.compile(r"(?=[mtsc])(?<![\w.-])(?P<scheme>mailto|tel|sms|callto):(?P<target>[^\s\"'<>]+)", re.IGNORECASE)
# The lengths of the schemes `_LINK` finds ("mailto", "callto"; "tel", "sms"), to try it at a colon.
_LONG_SCHEME, _SHORT_SCHEME = 6, 3
# An address has `@` or one of these; without either, `_EMAIL` is not tried at all.
_AT = re.compile(r"[\[(]\s?(?:at|snabel-a)\s?[\])]", re.IGNORECASE)

# Characters that join groups of digits in a written phone number: spaces, and
# hyphens/dashes with optional spaces around them.
_SPACE = "[ \u00a0\u202f]"
_DASH = "[-\u2010\u2011\u2012\u2013]"
_RUN = re.compile(rf"(?:\+|\()?\d(?:[\d()]|{_SPACE}?{_DASH}{_SPACE}?(?=[\d(])|{_SPACE}(?=[\d(]))*\)?")
_TOKEN = re.compile(r"\+?\d+|\(\d+\)")
_PHONE_START = re.compile(r"\+46|0046|\(?0[1-9]")
# The shortest number written: 8 digits (`08123456`); `+46` and 7 digits is longer.
_MIN_LENGTH = 8
_MAX_GROUPS = 8  # `0046 (0) 70 123 45 67` has 6: longer runs are tables of figures
# Where a phone number or a personnummer can stand: at least 8 characters of digits,
# `+`, parentheses, spaces and dashes, starting with a digit, `+` or `(`. Every match
# of `_RUN` that is long enough and of `_PERSONNUMMER` lies inside one of these, and a
# page has few of them: one plain scan finds them, the exact patterns run only there.
_NUMBERISH = re.compile("[\\d+(][\\d()+ \u00a0\u202f\\-\u2010-\u2013]{%d,}" % (_MIN_LENGTH - 1))
# The same for a text whose only digits are 0-9, which is nearly every text: a start
# among a few characters is tested several times faster than one in Unicode's
# category of digits, and it is tested at every position.
_NUMBERISH_0_9 = re.compile("[0-9+(][\\d()+ \u00a0\u202f\\-\u2010-\u2013]{%d,}" % (_MIN_LENGTH - 1))
# Every decimal digit but 0-9 lies at or above U+0660 (Arabic-Indic zero); a text holds few such characters.
_PAST_ASCII_DIGITS = re.compile("[\u0660-\U0010ffff]")
_PERSONNUMMER = re.compile(r"(?=\d)(?<![\w+])(?P<century>1[89]|20)?(?P<date>\d{6})(?P<sep>[-+\u2013 ]?)(?P<serial>\d{4})(?![\w])")


@dataclass(frozen=True, order=True)
class Finding:
    """One piece of personal data at `start` in the text that was searched."""

    start: int
    end: int
    kind: str  # EMAIL, LINK, PHONE or PERSONNUMMER
    text: str  # as written

    @property
    def value(self) -> str:
        """The comparable value: an address in lower case, a number as national digits."""
        if self.kind == EMAIL:
            return normalize_email(self.text)
        if self.kind == PHONE:
            return normalize_phone(self.text)
        return self.text


@dataclass(frozen=True)
class Allowed:
    """The contact details that may be published: the association's function contacts."""

    emails: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()  # national digits, e.g. 0500497700

    @classmethod
    def of(cls, emails: Iterable[str] = (), phones: Iterable[str] = ()) -> Allowed:
        return cls(frozenset(normalize_email(e) for e in emails), frozenset(normalize_phone(p) for p in phones))

    def permits(self, finding: Finding) -> bool:
        if finding.kind == EMAIL:
            return finding.value in self.emails
        if finding.kind == PHONE:
            return finding.value in self.phones
        if finding.kind == LINK:
            scheme, _, target = finding.text.partition(":")
            target = unquote(target).split("?", 1)[0]
            if scheme.lower() == "mailto":
                addresses = [a.strip() for a in target.split(",") if a.strip()]
                return bool(addresses) and all(normalize_email(a) in self.emails for a in addresses)
            return normalize_phone(target) in self.phones
        return False  # a personnummer is never allowed


def find(text: str) -> list[Finding]:
    """Every piece of personal data in `text`, in order; overlapping hits count once."""
    where = stretches(text)
    phones = find_phones(text, where)
    found = [*find_links(text, phones), *find_emails(text), *find_personnummer(text, where), *phones]
    result: list[Finding] = []
    end = -1
    # Sorted by start; at one start the longest first (a link before the number in it).
    for finding in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if finding.start >= end:
            result.append(finding)
            end = finding.end
    return result


def find_links(text: str, phones: list[Finding] | None = None) -> list[Finding]:
    """`mailto:`/`tel:` links. In running text `Tel:0500-12 34 56` is a label and a
    number written with spaces: the link then runs to the end of that number."""
    number_end: dict[int, int] | None = None
    found = []
    for m in _links(text):
        if number_end is None:
            number_end = {f.start: f.end for f in (find_phones(text) if phones is None else phones)}
        end = max(m.end(), number_end.get(m.start("target"), 0))
        found.append(Finding(m.start(), end, LINK, text[m.start() : end]))
    return found


def _links(text: str) -> Iterator[re.Match[str]]:
    """`_LINK.finditer(text)`, tried only where a scheme can end: at a colon.

    Every scheme ends in one, 3 or 6 letters after its start, and a text has few
    colons: far cheaper than trying the pattern at every `m`, `t`, `s` and `c`."""
    end = 0  # like finditer: no match starts inside the one before it
    at = text.find(":")
    while at >= 0:
        for start in (at - _LONG_SCHEME, at - _SHORT_SCHEME):  # at most one matches: "mailto", "callto"; "tel", "sms"
            match = _LINK.match(text, start) if start >= end else None
            if match:
                yield match
                end = match.end()
                break
        at = text.find(":", max(at + 1, end))


def find_emails(text: str) -> list[Finding]:
    if "@" not in text and not _AT.search(text):
        return []
    return [Finding(m.start(), m.end(), EMAIL, m[0]) for m in _EMAIL.finditer(text) if m["tld"].lower() not in _FILE_EXTENSIONS]


def find_personnummer(text: str, where: Stretches | None = None) -> list[Finding]:
    found = []
    for m in _numberish(_PERSONNUMMER, text, where, lookahead=True):
        if _after_digit(text, m.start()) or _before_digit(text, m.end()):
            continue
        if _real_date(m["century"], m["date"]) and luhn_valid(m["date"] + m["serial"]):
            found.append(Finding(m.start(), m.end(), PERSONNUMMER, m[0]))
    return found


def find_phones(text: str, where: Stretches | None = None) -> list[Finding]:
    """Swedish phone numbers. A run of digit groups may hold one after other numbers
    (`kl. 9 070-123 45 67`), so every group that follows a space may start one."""
    found = []
    for run in _numberish(_RUN, text, where):
        if run.end() - run.start() < _MIN_LENGTH:
            continue  # a year, a time, a small amount: too few digits for any number
        base = run.start()
        tokens = [_Token(base + t.start(), base + t.end(), t[0]) for t in _TOKEN.finditer(run[0])]
        i = 0
        while i < len(tokens):
            match = _phone_at(text, tokens, i)
            if match is None:
                i += 1
                continue
            j, start, end = match
            found.append(Finding(start, end, PHONE, text[start:end]))
            i = j
    return found


Stretches = list[tuple[int, int]]


def stretches(text: str) -> Stretches:
    """Where in `text` a number can stand (`_NUMBERISH`, but no stretch that is only a date), as (start, end)."""
    other_digits = any(char.isdecimal() for char in set(_PAST_ASCII_DIGITS.findall(text)))
    found = (_NUMBERISH if other_digits else _NUMBERISH_0_9).finditer(text)
    return [match.span() for match in found if not (match.end() - match.start() == len("2021-05-05") and _DATE.fullmatch(match[0]))]


# A stretch that is only a date, `2021-05-05` with a year not starting with 0, holds no
# phone number (its groups are joined by dashes, and its first is no area code) and no
# personnummer (no six digits together). Minutes are full of them: they are left out.
_DATE = re.compile(r"[1-9]\d{3}-\d{2}-\d{2}")


def _numberish(pattern: re.Pattern[str], text: str, where: Stretches | None, lookahead: bool = False) -> Iterator[re.Match[str]]:
    """The matches of `pattern` inside the number-like stretches of `text`.

    Each stretch is searched as part of the whole text, so look-behinds see what
    precedes it; `lookahead` lets the pattern also see the one character after it.
    """
    for start, end in stretches(text) if where is None else where:
        yield from pattern.finditer(text, start, min(len(text), end + 1) if lookahead else end)


@dataclass(frozen=True)
class _Token:
    """A group of digits as written (`070`, `+46`, `(0500)`), by position in the text."""

    start: int
    end: int
    text: str


def _phone_at(text: str, tokens: list[_Token], i: int) -> tuple[int, int, int] | None:
    """The longest phone number starting at token i: (next token, start, end) or None."""
    start = tokens[i].start
    if not _PHONE_START.match(tokens[i].text):
        return None
    if i == 0 and _bad_left(text, start):
        return None
    if i > 0 and not _space_between(text, tokens[i - 1], tokens[i]):
        return None  # `2021-05-05` does not hold a number starting at `05`
    for j in range(min(len(tokens), i + _MAX_GROUPS), i, -1):
        end = tokens[j - 1].end
        if j < len(tokens) and not _space_between(text, tokens[j - 1], tokens[j]):
            continue
        if j == len(tokens) and _bad_right(text, start, end):
            continue
        if is_phone([t.text for t in tokens[i:j]]):
            return j, start, end
    return None


def is_phone(groups: list[str]) -> bool:
    """Whether digit groups as written (`+46`, `(0500)`, `070`, `123`, ...) make a Swedish number."""
    first = groups[0]
    if first.startswith(("+46", "0046")):
        rest = "".join(groups).replace("(0)", "", 1)
        digits = re.sub(r"\D", "", rest)[2 if first.startswith("+") else 4 :]
        return 7 <= len(digits) <= 9 and digits[0] != "0"
    area = first.strip("()")
    if not re.fullmatch(r"0[1-9]\d*", area) or any(g.startswith("(") for g in groups[1:]):
        return False
    digits = area + "".join(groups[1:])
    if not 8 <= len(digits) <= 10:
        return False
    if len(groups) == 1:
        return not first.startswith("(")  # unspaced: 0701234567
    if not (area == "08" or len(area) in (3, 4)):
        return False  # area codes are 08, 0xx or 0xxx
    subscriber = groups[1:]
    if len(subscriber) == 1:
        return 5 <= len(subscriber[0]) <= 8
    return all(2 <= len(g) <= 4 for g in subscriber)


def normalize_phone(text: str) -> str:
    """National digits: `+46 (0)70-123 45 67` and `070-123 45 67` both give 0701234567."""
    text = text.strip().replace("(0)", "", 1)
    digits = re.sub(r"\D", "", text)
    if text.startswith("+46"):
        return "0" + digits[2:]
    if digits.startswith("0046"):
        return "0" + digits[4:]
    return digits


def normalize_email(text: str) -> str:
    """`Info [at] Forbund.se` and `info@forbund.se` compare equal."""
    text = re.sub(r"\s?[\[(]\s?(?:at|snabel-a)\s?[\])]\s?", "@", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"\s?[\[(]\s?(?:dot|punkt)\s?[\])]\s?", ".", text, flags=re.IGNORECASE)
    return text.casefold()


def luhn_valid(digits: str) -> bool:
    """The Luhn check used by personnummer (over the 10 digits YYMMDDNNNC)."""
    total = 0
    for i, char in enumerate(digits):
        n = int(char) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _real_date(century: str | None, yymmdd: str) -> bool:
    """Whether YYMMDD is a date of birth (day + 60 in a samordningsnummer)."""
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    if dd > 60:
        dd -= 60
    for hundreds in [int(century)] if century else [19, 20]:
        try:
            dt.date(hundreds * 100 + yy, mm, dd)
            return True
        except ValueError:
            continue
    return False


def _space_between(text: str, left: _Token, right: _Token) -> bool:
    return left.end < right.start and text[left.end : right.start].strip(" \u00a0\u202f") == ""


def _after_digit(text: str, start: int) -> bool:
    """Whether `start` continues a number: `2021-05-05`, `1.0701234567`, `12/0701234567`."""
    return start >= 2 and text[start - 1] in "-\u2013./:," and text[start - 2].isdigit()


def _before_digit(text: str, end: int) -> bool:
    return end + 1 < len(text) and text[end] in "-\u2013./:," and text[end + 1].isdigit()


def _bad_left(text: str, start: int) -> bool:
    if start == 0:
        return False
    before = text[start - 1]
    return before.isalnum() or before == "_" or before == "+" or _after_digit(text, start)


def _bad_right(text: str, start: int, end: int) -> bool:
    """A number glued to what follows is part of something else (an id, a file name)."""
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return True
    if _before_digit(text, end):
        return True
    # `bild.0701234567.png`: a file-name segment, not a number in a sentence.
    in_name = start > 0 and text[start - 1] in "./_-"
    return in_name and end + 1 < len(text) and text[end] == "." and text[end + 1].isalpha()
