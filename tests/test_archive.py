"""forening.archive: the archive's relations, and the body-less copy the build keeps."""

from __future__ import annotations

from conftest import ROOT
from forening.validate import Layout, load_archive


def test_without_bodies_keeps_everything_but_the_bodies() -> None:
    archive, problems = load_archive(Layout(root=ROOT))
    assert archive is not None, problems
    light = archive.without_bodies()
    assert all(entry.body.strip() for entry in archive.minutes), "the original is untouched"
    assert [e.body for e in light.minutes] == [""] * len(archive.minutes)
    assert [p.body for p in light.projects.values()] == [""] * len(archive.projects)
    assert [(e.key, e.meta, e.source, e.body_line) for e in light.minutes] == [(e.key, e.meta, e.source, e.body_line) for e in archive.minutes]
    assert light.groups == archive.groups and light.group_order == archive.group_order
    assert {k: [e.key for e in v] for k, v in light.minutes_listing_project.items()} == {
        k: [e.key for e in v] for k, v in archive.minutes_listing_project.items()
    }
    assert {k: [e and e.key for e in v] for k, v in light.neighbours.items()} == {k: [e and e.key for e in v] for k, v in archive.neighbours.items()}
