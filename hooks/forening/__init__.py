"""The site engine: load, validate and publish an association's minutes archive.

Plain Python over plain data. Nothing here imports MkDocs: `hooks/main.py` is the
thin adapter that hands the engine's output to MkDocs, and the scripts in
`scripts/` call the same functions. Keep it that way so the engine can move to
another generator (MkDocs 1.6.1 is the last MkDocs release).
"""
