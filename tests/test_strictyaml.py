"""The strict YAML reader: no YAML 1.1 surprises, lines kept, bombs refused."""

from __future__ import annotations

import pytest
from forening import strictyaml


def test_yaml_11_traps_stay_text() -> None:
    parsed = strictyaml.load("present: no\nstart: 18:00\nn: 010\nd: 2021-02-30\nok: true\ncount: 12\n")
    assert parsed.data == {"present": "no", "start": "18:00", "n": "010", "d": "2021-02-30", "ok": True, "count": 12}


def test_lines_of_nested_values() -> None:
    parsed = strictyaml.load("a: 1\nlist:\n  - x: 1\n    y: 2\n  - x: 3\n")
    assert parsed.lines[("list", 0, "y")] == 3
    assert parsed.lines[("list", 1)] == 4
    assert parsed.line_of(("list", 1, "missing")) == 4


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: 1\nb: 2\na: 3\n", 2, "står två gånger"),
        ("a: b: c\n", 0, "citattecken"),
        ("a:\n\t- x\n", 1, "tabbtecken"),
        ("x: !!python/object/apply:os.system [ls]\n", 0, "inte tillåten"),
        ("a: &x [1]\nb: *x\n", 0, "referenser"),
        ("a: 1\ntitle: \"Eva\nx: 1\ny: 2\n", 1, "citattecknet som börjar här stängs aldrig"),
        ("a: 1\ntitle: 'Eva\n", 1, "avsluta värdet med ett ' på samma rad"),
        ("a: 1\ndate:\xa02021-05-05\nb: 2\n", 1, "hårt mellanslag (U+00A0"),
        ("next:\n  - group: norra\n    start:2021-01-01\n    end: x\n", 2, "mellanslag efter kolon"),
        ("present:\n  - Eva\n  Ida\nabsent: x\n", 2, "varken `fält: värde` eller en listpunkt"),
        ("absent: Mona\nchair: \"Eva\"\n  - Sofia\n", 1, "`chair:` har redan ett värde på samma rad"),
        ("title: \"C:\\path\"\n", 0, "omvänt snedstreck"),
        ("title: | x\n", 0, "efter | eller >"),
    ],
)
def test_refused_with_line(text: str, line: int, words: str) -> None:
    with pytest.raises(strictyaml.StrictYamlError) as exc:
        strictyaml.load(text)
    assert exc.value.line == line
    assert words in exc.value.message


def test_billion_laughs_refused_quickly() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    # Expanded, this is 9**9 items: refusing the first alias is what keeps it small.
    with pytest.raises(strictyaml.StrictYamlError, match="referenser"):
        strictyaml.load("\n".join(lines) + "\n")


def test_uses_libyaml_when_installed() -> None:
    # The pure-Python parser is ~5x slower: `make check` over decades of minutes depends on this.
    import yaml

    assert yaml.__with_libyaml__
    assert issubclass(strictyaml._Loader, yaml.cyaml.CParser)


def test_a_mistake_in_one_key_of_mkdocs_yml_is_explained_like_front_matter() -> None:
    with pytest.raises(strictyaml.StrictYamlError) as exc:
        strictyaml.load_key("site_name: x\nextra:\n  retention:\n    attendance_years: 5: år\n", "extra")
    assert exc.value.line == 3 and exc.value.message.startswith("felaktig YAML; ett värde med kolon")
