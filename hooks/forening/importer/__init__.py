"""Import minutes written in Word, Markdown or plain text into a minutes file.

`import_minutes(read_source(path), group, archive, date)` gives a validated
`Minutes` record, the Markdown body, and a note for every line it could not
place. `scripts/import_minutes.py` is the command line over it.
"""

from .convert import Imported, ImportStop, import_minutes
from .reading import Note
from .source import Source, SourceError, read_source

__all__ = ["ImportStop", "Imported", "Note", "Source", "SourceError", "import_minutes", "read_source"]
