"""Whatever the input, the importer gives a valid file or a clear stop, never a traceback."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from forening import load, writer
from forening.importer import ImportStop, SourceError
from forening.schema import Minutes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importing import import_text

SNIPPETS = [
    "Närvarande:", "**Närvarande:** Anna Qvist, ordförande, och", "Frånvarande", "- Bo Ek (ersätter", "Förhinder: ,,,",
    "Sekreterare", "Ordförande: ", "Beslut:", "Beslut: no", "1. Välkommen", "§ 3 Kompetensutveckling", "### 4. Cresco+",
    "Nästa möte", "Nästa möte: 31 juni kl 25-26", "Norra: 5 maj kl. 9:00–11:45", "Styrelsen: 29/2", "Gemensam heldag 21 april – digitalt",
    "Datum: 2021-02-30", "Tid: kl 18-09", "Plats: \"", "tisdag den 3 oktober 2023", "Minnesanteckningar februari",
    "- ", "* * *", "#", "| a | b |", "<script>", "no", "yes: true", "key: value # comment", "---", "...", "\t", "",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=40)), max_size=25), with_date=st.booleans())
def test_any_input_gives_a_valid_file_or_a_clear_stop(lines: list[str], with_date: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            result = import_text(Path(folder), "\n".join(lines), date=dt.date(2023, 9, 12) if with_date else None)
        except (ImportStop, SourceError) as stop:  # an empty or binary text is refused
            assert str(stop)
            return
        path = Path(folder) / "out.md"
        path.write_text(writer.document(result.minutes, result.body), encoding="utf-8")
        problems: list = []
        doc = load.read_document(path, "out.md", problems)
        assert doc is not None and problems == []
        assert Minutes.model_validate(doc.data) == result.minutes
