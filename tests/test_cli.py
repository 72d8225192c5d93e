"""The scripts' command line in Swedish: argparse's own words and errors translated (forening.cli)."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, run
from forening.cli import Parser

ENGLISH = ("usage", "error", "the following", "required", "expected", "invalid", "choose", "unrecognized", "ambiguous", "allowed", "ignored")


class _Caught(Exception):
    pass


class _Catching(Parser):
    """The Parser, but its error message is kept instead of printed and exited on."""

    def error(self, message: str):  # type: ignore[override]
        from forening.cli import swedish

        raise _Caught(swedish(message))


def _parser() -> _Catching:
    parser = _Catching(prog="prov.py")
    parser.add_argument("name")
    parser.add_argument("--group", required=True)
    parser.add_argument("--count", type=int)
    parser.add_argument("--kind", choices=["möte", "heldag"])
    parser.add_argument("--pair", nargs=2)
    parser.add_argument("--many", nargs="+")
    parser.add_argument("--force", action="store_true")
    parser.add_argument("--format")
    exclusive = parser.add_mutually_exclusive_group()
    exclusive.add_argument("--apply", action="store_true")
    exclusive.add_argument("--dry", action="store_true")
    return parser


@pytest.mark.parametrize(
    ("argv", "swedish"),
    [
        ([], "det här måste anges: name, --group"),
        (["x", "--group"], "argumentet --group: ska följas av ett värde"),
        (["x", "--group", "g", "--count", "tre"], "argumentet --count: ogiltigt värde: 'tre'"),
        (["x", "--group", "g", "--kind", "fika"], "argumentet --kind: ogiltigt val: 'fika' (välj bland 'möte', 'heldag')"),
        (["x", "--group", "g", "--pair", "a"], "argumentet --pair: ska följas av 2 värden"),
        (["x", "--group", "g", "--many"], "argumentet --many: ska följas av minst ett värde"),
        (["x", "--group", "g", "--apply", "--dry"], "argumentet --dry: går inte ihop med --apply"),
        (["x", "--group", "g", "--force=ja"], "argumentet --force: värdet 'ja' ignorerades"),
        (["x", "--group", "g", "--fo"], "tvetydig flagga: --fo kan vara --force, --format"),
        (["x", "y", "--group", "g"], "okända argument: y (se --help)"),
    ],
)
def test_argparse_errors_are_swedish(argv: list[str], swedish: str) -> None:
    with pytest.raises(_Caught) as caught:
        _parser().parse_args(argv)
    message = str(caught.value)
    assert message.startswith(swedish), message
    assert not [word for word in ENGLISH if word in message.lower()], message


def test_an_editor_who_forgets_an_option_is_told_in_swedish() -> None:
    result = run([sys.executable, str(ROOT / "scripts" / "new_minutes.py"), "--group", "norra"], cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.startswith("användning: new_minutes.py")
    assert result.stderr.rstrip().endswith("new_minutes.py: fel: det här måste anges: --date")
    assert "usage" not in result.stderr and "error" not in result.stderr


def test_help_has_swedish_sections() -> None:
    result = run([sys.executable, str(ROOT / "scripts" / "redact.py"), "--help"], cwd=ROOT)
    assert result.returncode == 0
    assert result.stdout.startswith("användning: redact.py [-h] [--apply] [--root MAPP] NAMN")
    assert "\nargument:\n" in result.stdout and "\nflaggor:\n" in result.stdout
    assert "visa den här hjälpen och avsluta" in result.stdout
