"""The editors' scripts speak Swedish on the command line too: argparse, translated.

argparse writes its own words in English: the usage line, the section titles, the
`-h` help and every error ("error: the following arguments are required: --group").
An editor who mistypes `new_minutes.py` would get the one English message of the
whole tool. `Parser` is argparse's parser with those words in Swedish; the scripts'
own help texts are Swedish already. Only argparse's messages as Python 3.11 writes
them are translated; one it adds later stays English rather than being guessed at.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

# argparse's error messages (Lib/argparse.py, Python 3.11), in the order tried.
_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^argument (.+?): (.*)$", re.DOTALL), r"argumentet \1: \2"),
    (re.compile(r"the following arguments are required: (.*)"), r"det här måste anges: \1"),
    (re.compile(r"one of the arguments (.*) is required"), r"ett av argumenten \1 måste anges"),
    (re.compile(r"unrecognized arguments: (.*)"), r"okända argument: \1 (se --help)"),
    (re.compile(r"expected one argument"), "ska följas av ett värde"),
    (re.compile(r"expected at most one argument"), "får följas av högst ett värde"),
    (re.compile(r"expected at least one argument"), "ska följas av minst ett värde"),
    (re.compile(r"expected (\d+) arguments?"), r"ska följas av \1 värden"),
    (re.compile(r"invalid choice: (.*) \(choose from (.*)\)"), r"ogiltigt val: \1 (välj bland \2)"),
    (re.compile(r"invalid \S+ value: (.*)"), r"ogiltigt värde: \1"),
    (re.compile(r"ambiguous option: (.*) could match (.*)"), r"tvetydig flagga: \1 kan vara \2"),
    (re.compile(r"not allowed with argument (.*)"), r"går inte ihop med \1"),
    (re.compile(r"ignored explicit argument (.*)"), r"värdet \1 ignorerades"),
]


def swedish(message: str) -> str:
    """One of argparse's error messages in Swedish (an unknown one as it is)."""
    for pattern, replacement in _ERRORS:
        message = pattern.sub(replacement, message)
    return message


class _Help(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="användning: ")


class Parser(argparse.ArgumentParser):
    """argparse.ArgumentParser with its own words in Swedish (usage, titles, -h, errors)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Help)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {swedish(message)}\n")
