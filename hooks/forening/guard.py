"""The privacy guard: no e-mail address, phone number or personnummer is published
except the association's own function contacts.

It runs twice, so a leak is caught where it is cheapest to fix and also wherever
it slipped in:

- `check_sources` (registered in `checks.TEXT_CHECKS`, so `make check`,
  pre-commit and the first step of the build run it, also when other checks
  found errors): the whole text of every readable minutes and project file (front
  matter, comments and body: the repository is public too), groups.yml and the
  hand-written pages in docs/, with path:line.
- `output_check` (registered in `checks.OUTPUT_CHECKS`, run after MkDocs wrote
  the site by `checks.check_output`): every file the build
  wrote, read by `site_text`, naming the file and the match. It catches what no
  source check sees: templates, settings, search indexes, feeds, calendars,
  and the theme's and Pagefind's scripts.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable

from . import function_contacts, load, privacy, site_text, strictyaml
from .memo import FileText, remembered, text_of
from .prefetch import FileWork
from .problems import dotted
from .problems import Problem
from .validate import Layout, SourceFile, docs_paths

_WHAT = {
    privacy.EMAIL: "e-postadressen",
    privacy.LINK: "länken",
    privacy.PHONE: "telefonnumret",
    privacy.PERSONNUMMER: "personnumret",
}
_WHY = "webbplatsen publicerar inga personers kontaktuppgifter eller personnummer (GDPR)"
_CONTACTS = "Förbundets egna kontaktvägar (växel, funktionsbrevlåda) anges i mkdocs.yml under `extra.contact` och är då tillåtna"


def source_message(finding: privacy.Finding) -> str:
    if finding.kind == privacy.PERSONNUMMER:
        return f"{_WHAT[finding.kind]} `{finding.text}` får aldrig publiceras (GDPR); ta bort det"
    return f"{_WHAT[finding.kind]} `{finding.text}` får inte stå här: {_WHY}. Ta bort det. {_CONTACTS}"


def output_message(finding: privacy.Finding) -> str:
    if finding.kind == privacy.PERSONNUMMER:
        return f"{_WHAT[finding.kind]} `{finding.text}` finns i den byggda webbplatsen; personnummer får aldrig publiceras (GDPR). Ta bort det ur källan"
    return (
        f"{_WHAT[finding.kind]} `{finding.text}` finns i den byggda webbplatsen men är inte en av förbundets "
        "funktionskontakter i mkdocs.yml (`extra.contact`). Ta bort det ur sidan, mallen eller inställningen som gav filen"
    )


def check_sources(layout: Layout, files: list[SourceFile]) -> list[Problem]:
    """Leaks in the editors' files (`files`: every readable minutes and project file), each as path:line: field: message."""
    contacts, problems = function_contacts.read(layout.root, layout.config_file)
    allowed = contacts.allowed
    texts: dict[str, str | FileText | None] = {source.path: source.text for source in files}
    # groups.yml's own problems (unreadable, not UTF-8) are validation's to report, once.
    groups = layout.root / layout.groups_file
    texts[layout.groups_file] = load.read_text(groups, layout.groups_file, []) if groups.is_file() else None
    for page in docs_paths(layout):
        texts[layout.shown(page)] = load.read_text(page, layout.shown(page), problems)
    for shown, text in texts.items():
        if text is None:
            continue
        fields: dict[int, str] | None = None  # parsed only for a file with a leak
        for finding in _source_findings(text):
            if not allowed.permits(finding):
                fields = _fields_by_line(shown, text_of(text)) if fields is None else fields
                line = text_of(text).count("\n", 0, finding.start) + 1
                problems.append(Problem(shown, line, fields.get(line, ""), source_message(finding)))
    return problems


_KIND = "privacy"  # what the memo keeps `privacy.find` of a source file under


def _source_findings(text: str | FileText) -> list[privacy.Finding]:
    """`privacy.find` over one source file, or its result from an earlier run (see memo).

    What a finding means here (allowed function contact or leak) is decided after, so
    the settings are not part of what is remembered."""
    return remembered(_KIND, text, lambda: privacy.find(text_of(text)), _findings_to_json, _findings_from_json)


def _findings_to_json(found: list[privacy.Finding]) -> list[list]:
    return [[f.start, f.end, f.kind, f.text] for f in found]


def _findings_from_json(stored: list) -> list[privacy.Finding]:
    return [privacy.Finding(int(start), int(end), str(kind), str(found)) for start, end, kind, found in stored]


# What `check_sources` will ask the memo of each minutes and project file, for the helper
# to do ahead (forening.prefetch). The few files it reads itself (groups.yml, pages in
# docs/) are left to it.
READ_AHEAD = FileWork(_KIND, privacy.find, _findings_to_json, body=False)


def output_check(settings: dict) -> Callable[[str, bytes], list[Problem]]:
    """The check of one built file for one site: (path in the site, bytes) to its leaks.

    It remembers the texts it found clean (see `_leaks`), so one checker reads all
    files of one site, in any order.
    """
    allowed = function_contacts.from_settings(settings).allowed
    clean: set[str] = set()

    def check(rel: str, data: bytes) -> list[Problem]:
        try:
            chunks = site_text.chunks(rel, data)
        except (EOFError, ValueError, zlib.error) as exc:
            return [Problem(rel, 1, "", f"filen kan inte läsas för integritetskontrollen ({exc})")]
        ignored = {privacy.PHONE} if site_text.is_word_index(rel) else set()
        # The index's texts are not remembered: a fragment is one page's text, which no
        # other file repeats (5,500 of them would hold 100 MB while Pagefind peaks).
        return _leaks(rel, chunks or [], allowed, ignored, None if site_text.is_search_index(rel) else clean)

    return check


def _leaks(
    rel: str, chunks: Iterable[site_text.Chunk], allowed: privacy.Allowed, ignored: set[str], clean: set[str] | None = None
) -> list[Problem]:
    """The leaks in one file's chunks, one problem per line and text.

    `clean` holds texts found clean in earlier files of the same site. The theme's
    header, navigation and footer are the same hundreds of texts on every page, so
    each page is left with a tenth of its text to search: its own. Only texts
    without any finding are added, so a leak repeated on many pages is reported
    on each of them.
    """
    chunks = [chunk for chunk in chunks if clean is None or chunk[1] not in clean]
    # One search over the whole file first: most files hold nothing, and one call per
    # chunk (thousands per page) costs more than the search. A NUL stands where a chunk
    # ends: every pattern reads it as the end of a text (only a link may run over it,
    # which finds more, not less), so whatever one chunk holds is found here too.
    # A finding that is allowed there (a function contact, a number in the word index)
    # is no leak: only a file with some other finding is read chunk by chunk for lines.
    whole = privacy.find("\x00".join(text for _, text in chunks))
    if not any(f.kind not in ignored and not allowed.permits(f) for f in whole):
        _remember(clean, (text for _, text in chunks))
        return []
    seen: set[tuple[int, str]] = set()
    found = []
    for line, text in chunks:
        leaks = [f for f in privacy.find(text) if f.kind not in ignored and not allowed.permits(f)]
        if not leaks:
            _remember(clean, (text,))
        for finding in leaks:
            if (line, finding.text) not in seen:
                seen.add((line, finding.text))
                found.append(Problem(rel, line, "", output_message(finding)))
    return found


# Enough for the theme's texts and every page's own short ones at 5,000 pages;
# past it, texts are simply searched again (a few dozen MB at most).
_MAX_CLEAN = 400_000


def _remember(clean: set[str] | None, texts: Iterable[str]) -> None:
    if clean is not None and len(clean) < _MAX_CLEAN:
        clean.update(texts)


def _fields_by_line(shown: str, text: str) -> dict[int, str]:
    """For YAML lines, the field written on that line (`present[2]`), and `text` for the
    lines of a Markdown body, for messages (`path:line: field: message`)."""
    if shown.endswith((".yml", ".yaml")):
        yaml_text, first = text, 1
    else:
        match = load.FRONT_MATTER.match(text)
        body_line = text.count("\n", 0, match.end()) + 1 if match else 1
        body = {line: "text" for line in range(body_line, text.count("\n") + 2)}
        if not match:
            return body
        return {**_yaml_fields(match.group(1), 2), **body}
    return _yaml_fields(yaml_text, first)


def _yaml_fields(yaml_text: str, first: int) -> dict[int, str]:
    try:
        parsed = strictyaml.load(yaml_text)
    except strictyaml.StrictYamlError:
        return {}
    fields: dict[int, str] = {}
    for loc, line in sorted(parsed.lines.items(), key=lambda item: len(item[0])):
        if loc:
            fields[first + line] = dotted(loc)  # deepest location on the line wins
    return fields

