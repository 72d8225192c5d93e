"""Properties of the front-matter reader (load.py, strictyaml.py) on hostile and broken input.

Whatever bytes an editor's tool saves, reading gives a Document or problems with
a line and a Swedish message; never an exception, a hang or a crash.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from forening import load, strictyaml
from forening.memo import digest_of
from forening.problems import Problem
from hostile import assert_clean, yaml_documents, yaml_ish_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SHOWN = "minutes/norra/2021-05-05.md"
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read(folder: Path, raw: bytes) -> tuple[load.Document | None, list[Problem]]:
    path = folder / "2021-05-05.md"
    path.write_bytes(raw)
    problems: list[Problem] = []
    doc = load.read_document(path, SHOWN, problems)
    return doc, problems


def check_outcome(doc: load.Document | None, problems: list[Problem], raw: bytes) -> None:
    n_lines = raw.count(b"\n") + 1
    assert_clean(problems, {SHOWN: n_lines})
    if doc is None:
        assert problems, "no document and no problem"
    else:
        assert problems == []
        assert isinstance(doc.data, dict)
        assert 1 <= doc.body_line <= n_lines + 1
        for key in doc.data:
            assert 2 <= doc.line_of((key,)) <= n_lines


def front_matter(yaml_text: str, body: str = "Text.\n") -> bytes:
    return f"---\n{yaml_text}\n---\n{body}".encode()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("load")


@PROPERTY
@given(raw=st.one_of(st.binary(max_size=500), st.builds(lambda b: b"---\n" + b + b"\n---\n", st.binary(max_size=300))))
def test_arbitrary_bytes(folder: Path, raw: bytes) -> None:
    check_outcome(*read(folder, raw), raw)


@PROPERTY
@given(text=st.one_of(st.text(max_size=300), yaml_ish_text.map(lambda t: f"---\n{t}\n---\nText.\n")))
def test_arbitrary_text(folder: Path, text: str) -> None:
    raw = text.encode("utf-8")
    check_outcome(*read(folder, raw), raw)


@PROPERTY
@given(document=yaml_documents())
def test_arbitrary_yaml_documents(folder: Path, document: str) -> None:
    raw = front_matter(document)
    check_outcome(*read(folder, raw), raw)


@PROPERTY
@given(text=st.one_of(yaml_ish_text, yaml_documents()))
def test_strict_yaml_parses_or_says_where(text: str) -> None:
    last = text.replace("\r\n", "\n").replace("\r", "\n").count("\n")  # 0-based, as editors number lines
    try:
        parsed = strictyaml.load(text)
    except strictyaml.StrictYamlError as exc:
        assert exc.message.strip()
        assert 0 <= exc.line <= last + 1
    else:
        for line in parsed.lines.values():
            assert 0 <= line <= last + 1  # an empty value's mark may sit just after the last line


# The refusals below must come quickly from a check, not from the parser running out of
# stack or memory: libyaml's composer recurses once per level and crashes the process
# (SIGSEGV) somewhere below 100,000 levels, and its scanner is quadratic in the depth.
DEEP = [
    # (what, front matter, file line of the error)
    ("flow lists", "a: " + "[" * 10_000 + "]" * 10_000, 2),
    ("unclosed flow lists", "[" * 500_000, 2),
    ("flow mappings", "{a: " * 10_000 + "1" + "}" * 10_000, 2),
    ("block lists", "- " * 10_000 + "x", 2),
    ("block mappings", "".join("  " * i + "a:\n" for i in range(700)), 2 + strictyaml.MAX_DEPTH),
    ("one level too many", "a: " + "[" * strictyaml.MAX_DEPTH + "]" * strictyaml.MAX_DEPTH, 2),
    ("one level too many, after many signs", "# " + ":" * strictyaml.FEW_SIGNS + "\na: " + "[" * 20 + "]" * 20, 3),
]


@pytest.mark.parametrize(("what", "yaml_text", "line"), DEEP, ids=[d[0] for d in DEEP])
def test_deep_nesting_refused(folder: Path, what: str, yaml_text: str, line: int) -> None:
    doc, problems = read(folder, front_matter(yaml_text))
    assert doc is None
    [problem] = problems
    assert problem.line == line and "nivåer" in problem.message, problem


@pytest.mark.parametrize("signs", [0, strictyaml.FEW_SIGNS], ids=["composed-at-once", "walked-first"])
def test_nesting_to_the_limit_is_read_the_same_either_way(signs: int) -> None:
    levels = strictyaml.MAX_DEPTH - 1  # under the mapping
    parsed = strictyaml.load(f"# {':' * signs}\nnext: " + "[" * levels + "x" + "]" * levels + "\nb: [1, {c: d}]\n")
    inner = parsed.data["next"]
    for _ in range(levels - 1):
        inner = inner[0]
    assert inner == ["x"] and parsed.data["b"] == [1, {"c": "d"}]
    assert parsed.lines[("b", 1, "c")] == 2


def test_nesting_that_minutes_use_is_fine() -> None:
    parsed = strictyaml.load("next_meetings:\n  - group: norra\n    start: 2021-08-24T09:00\n    tags: [[a, {b: [c]}]]\n")
    assert parsed.data["next_meetings"][0]["tags"] == [["a", {"b": ["c"]}]]


def test_billion_laughs_file_refused(folder: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    doc, problems = read(folder, front_matter("\n".join(lines)))
    assert doc is None
    [problem] = problems
    assert "referenser" in problem.message and problem.line >= 2


def test_file_over_the_limit_refused_unread(folder: Path) -> None:
    raw = front_matter("title: x", body="a" * load.MAX_BYTES)
    doc, problems = read(folder, raw)
    assert doc is None
    [problem] = problems
    assert problem.line == 1 and "högst 1 000 000" in problem.message


@pytest.mark.parametrize("char", ["\x01", "\x7f", "\ufffe", "\x1b"])
def test_control_characters_in_front_matter(folder: Path, char: str) -> None:
    doc, problems = read(folder, front_matter(f"date: 2021-05-05\ntitle: Hej{char}då"))
    assert doc is None
    [problem] = problems
    assert problem.line == 3 and "tecken" in problem.message, problem


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separators_do_not_shift_lines(folder: Path, char: str) -> None:
    """Word pastes U+2028; YAML counts it as a line break, editors' line numbers do not."""
    doc, problems = read(folder, front_matter(f"title: Hej{char}då\ngroup: norra"))
    assert problems == [] and doc is not None
    assert doc.line_of(("group",)) == 3
    assert doc.data["title"] == "Hej då"


def test_huge_integer_stays_text(folder: Path) -> None:
    """Python's int() refuses more than 4,300 digits; such a number is text for the schema to judge."""
    doc, problems = read(folder, front_matter("date: 2021-05-05\ncount: " + "9" * 5000 + "\nsmall: 123456789012345678"))
    assert problems == [] and doc is not None
    assert doc.data["count"] == "9" * 5000 and doc.data["small"] == 123456789012345678


def plain_read_text(raw: bytes) -> str | None:
    """`load.read_text` as first written: every check on the decoded text."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


LINE_ENDS_AND_NULS = st.lists(st.sampled_from(["a", "å", "–", "\r", "\n", "\r\n", "\x00", "\ufeff", "\x85"]), max_size=20).map("".join)


@PROPERTY
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=200).map(str.encode), LINE_ENDS_AND_NULS.map(str.encode)))
def test_read_text_is_the_plain_definition(folder: Path, raw: bytes) -> None:
    """NUL and CR are looked for in the bytes (quicker), with the same outcome as in the text."""
    path = folder / "text.md"
    path.write_bytes(raw)
    problems: list[Problem] = []
    text = load.read_text(path, SHOWN, problems)
    assert text == plain_read_text(raw)
    assert (text is None) == bool(problems)


@PROPERTY
@given(text=st.one_of(st.text(max_size=200), st.lists(st.sampled_from(["a", "\n", "\t", " ", "\x85", "\xa0", "\x01", "\x7f", "\x9f", "\ufffe", "\u2028", "\u200b", "–", "\U0001f600"]), max_size=20).map("".join)))
def test_control_characters_are_found_as_the_pattern_finds_them(text: str) -> None:
    """`_check_characters` skips the pattern for printable text; it refuses exactly what the pattern finds, at its line."""
    import yaml

    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    try:
        strictyaml._check_characters(text)
        line = None
    except strictyaml.StrictYamlError as exc:
        line = exc.line
    assert line == (text.count("\n", 0, found.start()) if found else None)


# Files that read_document takes, with a BOM or not, line ends of every kind, empty
# front matter, and no line break at the end (the closing `---` may be the last line).
DOCUMENTS = st.tuples(
    st.sampled_from(["", "\ufeff"]),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.lists(st.sampled_from(["titel: Möte", "datum: 2021-05-05", "# – ”x”"]), max_size=3, unique=True),
    st.lists(st.sampled_from(["Text.", "å–ä", "\U0001f600", "", "\u2028", "a\rb"]), max_size=6),
    st.booleans(),
).map(lambda p: (p[0] + p[1].join(["---", *p[2], "---", *p[3]]) + (p[1] if p[4] else "")).encode())


@PROPERTY
@given(raw=DOCUMENTS)
def test_digests_from_the_bytes_are_those_of_the_texts(folder: Path, raw: bytes) -> None:
    """The digests come from the file's bytes where they are the text's UTF-8 (no BOM, no
    CR): they must be `digest_of` the text and the body as read, which the memo finds them by."""
    path = folder / "digests.md"
    path.write_bytes(raw)
    texts = load.file_and_body(path)
    doc = load.read_document(path, SHOWN, [])
    assert texts is not None and doc is not None
    assert (texts.text_digest, texts.body_digest) == (digest_of(texts.text), digest_of(texts.body))
    assert (doc.file_text.digest, doc.body_text.digest) == (digest_of(doc.text), digest_of(doc.body))
    assert (texts.text, texts.body) == (doc.text, doc.body)


@pytest.mark.parametrize(
    ("raw", "data", "body"),
    [
        (b"---\n---\n\nText\n", {}, "\nText\n"),  # empty front matter: the schema names the missing fields
        (b"---\r\n# bara en kommentar\r\n---\r\n", {}, ""),
        (b"---\ndate: 2021-05-05\n---", {"date": "2021-05-05"}, ""),  # Notepad: no line break after the last `---`
        (b"\xef\xbb\xbf---\r\ndate: 2021-05-05\r\n---  ", {"date": "2021-05-05"}, ""),
        (b"---\n---\nText\n---\n", {}, "Text\n---\n"),  # the first `---` after line 1 closes it
    ],
)
def test_empty_front_matter_and_a_last_line_without_a_line_break(folder: Path, raw: bytes, data: dict, body: str) -> None:
    doc, problems = read(folder, raw)
    assert problems == [] and doc is not None
    assert (doc.data, doc.body) == (data, body)
    texts = load.file_and_body(folder / "2021-05-05.md")
    assert texts is not None and (texts.body, texts.body_digest) == (doc.body, digest_of(body))
