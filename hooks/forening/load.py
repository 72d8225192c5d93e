"""Read content files: bytes to text, front matter to data, with lines for errors.

MkDocs swallows front-matter errors and renders broken YAML as page text, so the
engine reads every file itself, strictly, and keeps the line of every field.
The split follows MkDocs' own pattern (`mkdocs.utils.meta.YAML_RE`, not imported
so the engine does not import MkDocs), so both agree on where front matter ends,
with two differences MkDocs gets wrong for editors: empty front matter (`---` on
lines 1 and 2) and a closing `---` on the last line without a line break after
it (as Notepad and VS Code save) are front matter here too.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from . import strictyaml
from .memo import ChangedDuringRun, FileText, digest_of_bytes, known_file, looked_at, recalled, record_file, remembered, text_of
from .problems import Problem, dotted, os_reason

# As mkdocs.utils.meta.YAML_RE: `---` on line 1, YAML, then `---` or `...`; but the
# YAML may be empty (tried first, so `---` on line 2 closes it) and the file may end
# right after the closing line.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(|.*?\n)(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.UNICODE | re.DOTALL)

# Minutes are text; a file this large is a mistake (or an attack), not a meeting.
MAX_BYTES = 1_000_000


@dataclass
class Document:
    """One content file: its data, its Markdown body and where things sit in it."""

    path: str  # as shown to editors, relative to the project root
    data: dict[str, Any]
    body_line: int  # 1-based line where the body starts
    parsed: strictyaml.Parsed
    first_line: int = 2  # 1-based file line of the YAML's first line
    # The Markdown body and the whole file (front matter, comments, body, for the
    # privacy guard), each read when first used (see `read_document`).
    body_text: FileText = field(default_factory=lambda: FileText(""))
    file_text: FileText = field(default_factory=lambda: FileText(""))

    @property
    def body(self) -> str:
        return self.body_text.value

    @property
    def text(self) -> str:
        return self.file_text.value

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        line = self.parsed.line_of(loc)
        return self.first_line + line if line is not None else 1


def read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    """The file as text with BOM and CRLF removed, or None after adding a problem."""
    read = read_text_and_utf8(path, shown, problems)
    return None if read is None else read[0]


def read_text_and_utf8(path: Path, shown: str, problems: list[Problem]) -> tuple[str, bytes] | None:
    """`read_text`'s text and its UTF-8 bytes: the file's own bytes where they are the
    same (no BOM, no CR), so that the memo's digests of the text and of its body need
    no second encoding of it (0.06 s for each over 5,000 minutes, in each process)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(shown, 1, "", f"filen kan inte läsas ({os_reason(exc)})"))
        return None
    if len(raw) > MAX_BYTES:
        problems.append(
            Problem(shown, 1, "", f"filen är {len(raw):,} byte; högst {MAX_BYTES:,} tillåts. Dela upp den eller ta bort inklistrat material".replace(",", " "))
        )
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(shown, line, "", "filen är inte sparad som UTF-8; spara den som UTF-8 i din editor (tecknen å, ä, ö blir annars fel)")
        )
        return None
    # The bytes are searched, not the text: one memchr, where a text with a dash or a
    # curly quote holds two bytes a character (the same answers: in UTF-8 these bytes
    # stand only for these characters).
    if b"\x00" in raw:
        problems.append(Problem(shown, text[: text.index("\x00")].count("\n") + 1, "", "filen innehåller ett NUL-tecken; är det en binärfil?"))
        return None
    if b"\r" in raw:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    elif not raw.startswith(codecs.BOM_UTF8):
        return text, raw
    return text, text.encode("utf-8")


def _digests(text: str, utf8: bytes, body_start: int) -> tuple[str, str]:
    """The digests of `text` and of its body from `body_start` on (`digest_of` of each),
    from the text's UTF-8 bytes `utf8`."""
    body_bytes = len(text[:body_start].encode("utf-8"))
    return digest_of_bytes(utf8), digest_of_bytes(memoryview(utf8)[body_bytes:])


def read_document(path: Path, shown: str, problems: list[Problem]) -> Document | None:
    """Read a Markdown file with YAML front matter. None (and problems) if unusable.

    A file unchanged since a run that recorded it (see memo) is not read: its data
    come from the remembered YAML reading, its texts are read only if used.
    """
    stat = looked_at(path)  # before reading: a write after it must not go unnoticed
    known = _known_document(path, shown, stat)
    if known is not None:
        return known
    read = read_text_and_utf8(path, shown, problems)
    if read is None:
        return None
    text, utf8 = read
    if not text.strip():
        problems.append(Problem(shown, 1, "", "filen är tom; den ska börja med front matter mellan två rader `---`"))
        return None
    match = FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            msg = "front matter avslutas inte; lägg till en rad med bara `---` efter sista fältet"
        else:
            msg = "filen saknar front matter; första raden ska vara `---`, sedan fälten, sedan `---`"
        problems.append(Problem(shown, 1, "", msg))
        return None
    yaml_text = match.group(1)
    tab_problem = _find_tab(yaml_text)
    if tab_problem is not None:
        problems.append(Problem(shown, 2 + tab_problem, _field_on_line(yaml_text, tab_problem), "tabbtecken i front matter; använd mellanslag för indrag"))
        return None
    front = FileText(yaml_text)  # its digest, computed once, finds the reading and goes in the record
    try:
        parsed = read_yaml_text(front)
    except strictyaml.StrictYamlError as exc:
        problems.append(Problem(shown, 2 + exc.line, dotted(exc.loc), exc.message))
        return None
    if parsed.data is None:  # empty front matter (or only comments): the schema names the missing fields
        parsed = strictyaml.Parsed(data={}, lines={(): 0})  # a new one: the memo may hold the reading
    if not isinstance(parsed.data, dict):
        problems.append(Problem(shown, 2, "", "front matter ska vara rader av formen `fält: värde`"))
        return None
    body_line = text.count("\n", 0, match.end()) + 1
    text_digest, body_digest = _digests(text, utf8, match.end())
    file_text, body_text = FileText(text, digest=text_digest), FileText(text[match.end() :], digest=body_digest)
    record_file(path, stat, [file_text.digest, front.digest, match.end(), body_text.digest, body_line])
    return Document(path=shown, data=parsed.data, body_text=body_text, body_line=body_line, parsed=parsed, file_text=file_text)


def _known_document(path: Path, shown: str, stat: os.stat_result | None) -> Document | None:
    """The document as `read_document` recorded it, if the file is unchanged and its
    YAML reading is still remembered; None to read it."""
    record = known_file(path, stat, _record_from_json)
    if record is None:
        return None
    text_digest, yaml_digest, body_start, body_digest, body_line = record
    parsed = recalled_yaml(yaml_digest)
    if parsed is None or not isinstance(parsed.data, dict):
        return None

    def read() -> str:
        read = read_text_and_utf8(path, shown, [])
        if read is None or digest_of_bytes(read[1]) != text_digest:
            raise ChangedDuringRun(shown)
        return read[0]

    file_text = FileText(read=read, digest=text_digest)
    body_text = FileText(read=lambda: file_text.value[body_start:], digest=body_digest)
    return Document(path=shown, data=parsed.data, body_text=body_text, body_line=body_line, parsed=parsed, file_text=file_text)


class Texts(NamedTuple):
    """A content file's whole text and Markdown body, with their digests (`digest_of`)."""

    text: str
    body: str
    text_digest: str
    body_digest: str

    @property
    def body_line(self) -> int:
        """The 1-based line of the text where the body starts."""
        return self.text.count("\n", 0, len(self.text) - len(self.body)) + 1


def file_and_body(path: Path) -> Texts | None:
    """A content file's whole text and its Markdown body, as `read_document` reads them;
    None where it would refuse the file (its problems are `read_document`'s to report).

    For work on the texts that can start before `read_document` has read the file
    (forening.prefetch.read_ahead), and must find the same texts."""
    read = read_text_and_utf8(path, "", [])
    match = FRONT_MATTER.match(read[0]) if read is not None else None
    if match is None:
        return None
    text, utf8 = read  # type: ignore[misc]
    return Texts(text, text[match.end() :], *_digests(text, utf8, match.end()))


def recorded_digests(path: Path) -> tuple[str, str] | None:
    """The digests of the file's whole text and body as an earlier run recorded them, if the
    file is unchanged since (see memo); None otherwise."""
    record = known_file(path, looked_at(path), _record_from_json)
    return None if record is None else (record[0], record[3])


def _record_from_json(stored: Any) -> tuple[str, str, int, str, int]:
    """`read_document`'s record of a file; raises on anything else (a memo edited by hand)."""
    text_digest, yaml_digest, body_start, body_digest, body_line = stored
    if not all(isinstance(d, str) for d in (text_digest, yaml_digest, body_digest)):
        raise ValueError("not a digest")
    return text_digest, yaml_digest, int(body_start), body_digest, int(body_line)


def read_yaml(path: Path, shown: str, problems: list[Problem]) -> tuple[Any, strictyaml.Parsed] | None:
    """Read a whole YAML file (groups.yml) strictly, with lines."""
    text = read_text(path, shown, problems)
    if text is None:
        return None
    tab_line = _find_tab(text)
    if tab_line is not None:
        problems.append(Problem(shown, 1 + tab_line, _field_on_line(text, tab_line), "tabbtecken; använd mellanslag för indrag"))
        return None
    try:
        parsed = read_yaml_text(text)
    except strictyaml.StrictYamlError as exc:
        problems.append(Problem(shown, 1 + exc.line, dotted(exc.loc), exc.message))
        return None
    return parsed.data, parsed


def read_yaml_text(text: str | FileText) -> strictyaml.Parsed:
    """`strictyaml.load`, or its result from an earlier run for the same text (see memo)."""
    return remembered("yaml", text, lambda: strictyaml.load(text_of(text)), strictyaml.Parsed.to_json, strictyaml.Parsed.from_json)


def recalled_yaml(digest: str) -> strictyaml.Parsed | None:
    """What `read_yaml_text` gave for the text of this digest, if still remembered."""
    return recalled("yaml", digest, strictyaml.Parsed.from_json)


def _find_tab(yaml_text: str) -> int | None:
    """0-based line of the first tab in YAML, where YAML forbids it for indentation."""
    at = yaml_text.find("\t")
    return None if at < 0 else yaml_text.count("\n", 0, at)


def _field_on_line(yaml_text: str, line: int) -> str:
    """The field written on a (0-based) line of YAML that holds a tab, for the message:
    read with each tab as the spaces the editor meant (tried as 2, 4, 8, 1); "" if unreadable."""
    for width in (2, 4, 8, 1):
        try:
            parsed = strictyaml.load(yaml_text.replace("\t", " " * width))
        except strictyaml.StrictYamlError:
            continue
        on_line = [loc for loc, at in parsed.lines.items() if at == line and loc]
        return dotted(max(on_line, key=len)) if on_line else ""
    return ""
