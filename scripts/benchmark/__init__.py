"""The pieces of `scripts/bench.py`: a synthetic archive, measured processes, the plain
comparison build, the search download measurement and the report.

Kept out of the engine on purpose: nothing here is published, and nothing in
`hooks/forening/` depends on it. It calls the engine the way the build does.
"""
