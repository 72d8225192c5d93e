"""Hostile and broken input for the property tests, and the one rule every outcome obeys.

The rule: whatever an editor saves, the engine answers with either a valid result
or problems that each point at a line of the file (>= 1) and say in Swedish what
is wrong. Never an exception, never an English library message.
"""

from __future__ import annotations

import yaml
from forening.problems import Problem
from hypothesis import strategies as st

# Characters that make YAML interesting: indicators, quotes, breaks, tabs, anchors, tags,
# a BOM, line separators, control characters and some Swedish letters.
YAML_ALPHABET = " \n\t:-?,[]{}#&*!|>'\"%@`~.0123456789aenoxyTF\\\r\x85\u2028\u2029\ufeff\x00\x01\x7fåäö\U0001f600"

yaml_ish_text = st.text(alphabet=YAML_ALPHABET, max_size=300)

# Scalars of every kind a YAML dumper writes, including text that looks like another type.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(["no", "yes", "on", "~", "18:00", "010", "1e3", "2021-02-30", "2021-05-05", "2021-08-24T09:00", "<<", "null", ""]),
)

# Structures as YAML documents hold them: nested lists and mappings (keys of any scalar kind).
yaml_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.none()), inner, max_size=4),
    ),
    max_leaves=12,
)


@st.composite
def yaml_documents(draw: st.DrawFn) -> str:
    """A structure dumped as YAML in one of the styles editors and tools produce."""
    value = draw(st.one_of(yaml_values, st.dictionaries(st.text(max_size=12), yaml_values, max_size=6)))
    if draw(st.booleans()) and isinstance(value, (list, dict)):
        value = [value, value]  # the same object twice: the dumper writes an anchor and an alias
    style = draw(st.sampled_from([None, True, False]))
    return yaml.dump(value, default_flow_style=style, allow_unicode=draw(st.booleans()), sort_keys=False)


# Words a pydantic, PyYAML or Python message starts with; none may reach an editor.
ENGLISH = ("Input should", "Field required", "Value error", "validation error", "Traceback", "Extra inputs", "object has no attribute")


def assert_clean(problems: list[Problem], n_lines: dict[str, int]) -> None:
    """Every problem names one of the files, a line inside it (or line 1) and a Swedish message.

    `n_lines` maps each file a problem may be about to its number of lines.
    """
    for problem in problems:
        assert problem.path in n_lines, problem
        assert 1 <= problem.line <= max(1, n_lines[problem.path] + 1), problem
        assert problem.message.strip(), problem
        assert not any(word in problem.message for word in ENGLISH), problem
