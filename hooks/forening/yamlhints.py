"""What a YAML syntax error means to an editor: the line of the mistake and its fix, in Swedish.

PyYAML reports where it noticed a mistake, in English ("found unexpected end of
stream"), often lines after the cause: an unclosed quote is noticed at the closing
`---`. `explain` looks at the lines around the parser's marks for the usual causes
(an unclosed or typographic quote, no space after a colon or dash, Word's
non-breaking spaces, `[]` above list items, `*` or `@` starting a value) and says
where the mistake is and what to write instead. forening.strictyaml uses it for
front matter, groups.yml and mkdocs.yml alike.
"""

from __future__ import annotations

import re

import yaml

# Spaces that look like spaces but are not YAML's: Word's non-breaking space and its kin.
_ODD_SPACES = "\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000"
_ODD_SPACE = re.compile(rf"^[ {_ODD_SPACES}]*[{_ODD_SPACES}]|^\s*-[{_ODD_SPACES}]|^[^#:]*:[{_ODD_SPACES}]")
_CURLY_QUOTE = re.compile(r"(?:^\s*|:\s+|-\s+)[”“„«»’‘‚]")
_NO_SPACE_AFTER_COLON = re.compile(r"^\s*(?:-\s+)?[^\s#:\"'\-][^:#]*:(?![\s/]|$)")
_NO_SPACE_AFTER_DASH = re.compile(r"^\s*-[^\s\-]")
_EMPTY_VALUE = re.compile(r"^(\s*)([^\s#][^:#]*):\s*(\[\s*\]|\{\s*\})\s*(?:#.*)?$")
_VALUE_ON_KEY_LINE = re.compile(r"^(\s*)([^\s#][^:#]*):\s+[^\s#]")


def explain(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str]:
    """Where the mistake is (0-based line) and how to fix it, for the usual causes.

    The parser reports where it gave up, often a line or more after the mistake
    (an unclosed quote at the end of the front matter, `-Ida` on the next line);
    its context mark says where the thing it was reading began, which is where an
    editor has to look. libyaml's messages are vaguer than PyYAML's (a tab is "a
    character that cannot start any token"); the lines are not, so they are read too.
    """
    problem, context = exc.problem or "", exc.context or ""
    at = exc.problem_mark.line if exc.problem_mark else (exc.context_mark.line if exc.context_mark else 0)
    begun = exc.context_mark.line if exc.context_mark else at
    column = exc.problem_mark.column if exc.problem_mark else 0

    def row(n: int) -> str:
        return lines[n] if 0 <= n < len(lines) else ""

    # The lines this step of the parser read: from where the item began (a simple key,
    # a quoted text, an alias) or, for a colon in a value, the lines of that value.
    suspects = [begun] if context.startswith("while scanning") else []
    if "mapping values are not allowed" in problem:
        n = at - 1
        while n >= 0 and row(n).strip() and not row(n).lstrip().startswith("#") and ": " not in row(n) and not row(n).rstrip().endswith(":"):
            suspects.append(n)  # the value goes on over these lines: `date:2023-09-12` above `group: norra`
            n -= 1
    suspects.append(at)
    for n in sorted(set(suspects)):
        if "\t" in row(n):
            return n, "tabbtecken får inte användas; använd mellanslag för indrag"
        odd = _ODD_SPACE.search(row(n))
        if odd:
            char = odd.group()[-1]
            what = "ett hårt mellanslag" if char == "\u00a0" else "ett osynligt specialmellanslag"
            return n, (
                f"raden har {what} (U+{ord(char):04X}, följer ofta med text från Word) där det ska vara ett vanligt mellanslag; "
                "radera mellanrummet och skriv det med mellanslagstangenten"
            )
    if "while scanning a quoted scalar" in context:
        quote = row(begun)[exc.context_mark.column : exc.context_mark.column + 1] if exc.context_mark else '"'
        return begun, f"citattecknet som börjar här stängs aldrig; avsluta värdet med ett {quote} på samma rad"
    if "escape" in problem:
        return at, '\\ (omvänt snedstreck) inom "…" måste skrivas \\\\; eller använd enkla citattecken \'…\''
    if "while scanning an alias" in context or "while scanning an anchor" in context:
        sign = "*" if "alias" in context else "&"
        return begun, f"`{sign}` kan inte inleda ett värde här; skriv texten utan `{sign}`, eller inom citattecken: {_quoted(row(begun), exc)}"
    for n in sorted(set(suspects)):
        if _CURLY_QUOTE.search(row(n)):
            return n, 'citattecknen är typografiska (” eller ’, Word byter ut dem); skriv raka citattecken ", t.ex. `title: "Punkt 3: Ekonomi"`'
    for n in sorted(set(suspects)):
        if _NO_SPACE_AFTER_DASH.match(row(n)):
            return n, "sätt ett mellanslag efter strecket i en lista, t.ex. `- Ida Wiik`"
        if _NO_SPACE_AFTER_COLON.match(row(n)):
            return n, "sätt ett mellanslag efter kolon, t.ex. `date: 2021-05-05`"
    if "while scanning a simple key" in context:
        return begun, "raden är varken `fält: värde` eller en listpunkt; skriv `fält: värde`, eller `- ` före ett värde i en lista"
    if "cannot start any token" in problem:
        char = row(at)[column : column + 1] or "?"
        return at, f"ett värde kan inte börja med tecknet {char}; skriv hela värdet inom citattecken: {_quoted(row(at), exc)}"
    if "while scanning a block scalar" in context:
        return begun, "efter | eller > får inget mer stå på raden; skriv texten på de indragna raderna under"
    if "while parsing a flow" in context:
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        return begun, f"`{bracket}` som börjar här stängs aldrig; avsluta med `{closing}` på samma rad, eller skriv ett värde per rad med `- ` först"
    if "did not find expected" in problem or "expected <block end>" in problem:
        before = row(at)[:column].rstrip()
        if before.endswith(('"', "'")) and column > len(row(at)) - len(row(at).lstrip()):
            return at, "efter det avslutande citattecknet får inget mer stå; sätt hela värdet inom citattecken"
        above = next((n for n in range(at - 1, -1, -1) if row(n).strip() and not row(n).lstrip().startswith("#")), None)
        if above is not None and _indent(row(at)) > _indent(row(above)):
            empty = _EMPTY_VALUE.match(row(above))
            if empty:
                field, value = empty.group(2).strip(), empty.group(3)
                return above, f"`{field}: {value}` är tomt; ta bort `{value}` när du skriver värden på raderna under"
            valued = _VALUE_ON_KEY_LINE.match(row(above))
            if valued:
                field = valued.group(2).strip()
                return above, f"`{field}:` har redan ett värde på samma rad; skriv värdet där eller på raderna under, inte båda"
        return at, "indraget stämmer inte med raderna ovanför; använd samma antal mellanslag"
    if "mapping values are not allowed" in problem:
        before = row(at)[:column]
        if before.strip() and ":" not in before and " " not in before.strip() and before[: len(before) - len(before.lstrip())]:
            return at, "raden är mer indragen än raden ovanför; ta bort mellanslagen i början av raden"
        return at, 'ett värde med kolon (:) i sig måste stå inom citattecken, t.ex. `title: "Punkt 3: Ekonomi"`'
    return at, "kontrollera kolon, citattecken och indrag på raden"


def _quoted(text: str, exc: yaml.MarkedYAMLError) -> str:
    """The line with its value from the parser's mark on in straight double quotes."""
    mark = exc.context_mark if exc.context_mark and exc.context_mark.line == (exc.problem_mark or exc.context_mark).line else exc.problem_mark
    column = mark.column if mark else len(text)
    value = text[column:].strip().replace("\\", "\\\\").replace('"', '\\"')
    return f"`{text[:column].strip()} \"{value}\"`".replace("` ", "`")


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))
