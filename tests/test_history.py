"""Publication dates from git: the commit dates of each content file, oldest first."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from conftest import copy_project
from forening import history


def git(root: Path, *args: str, day: str | None = None) -> None:
    """Run git in a fixture repository; `day` pins author and committer date."""
    env = os.environ | {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T12:00:00+01:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+01:00"}
    subprocess.run(["git", "-C", str(root), "-c", "user.name=Fixtur", "-c", "user.email=fixtur@fixture.invalid", *args], env=env, check=True, capture_output=True)


def git_project(tmp_path: Path) -> Path:
    """A copy of the project in a git repository of its own, with made-up commit dates:
    everything on 10 January 2024; Startgrid changed on 15 February; a new fixture
    project on 5 March; new fixture minutes of 20 March committed on 21 March."""
    root = copy_project(tmp_path / "project")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Fixtur: allt innehåll", day="2024-01-10")
    startgrid = root / "projects" / "startgrid.md"
    startgrid.write_text(startgrid.read_text(encoding="utf-8") + "\nFixturtillägg.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "Fixtur: Startgrid ändras", day="2024-02-15")
    (root / "projects" / "fixtur-ny.md").write_text("---\ntitle: Fixtur ny\nsummary: Ett påhittat nytt projekt.\nstatus: beviljat\nkind: projekt\n---\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Fixtur: nytt projekt", day="2024-03-05")
    (root / "minutes" / "vastra").mkdir()
    (root / "minutes" / "vastra" / "2024-03-20.md").write_text(
        "---\ndate: 2024-03-20\ngroup: vastra\ndecisions:\n  - Fixturbeslut om en påhittad sak.\n---\n\nFixtur.\n", encoding="utf-8"
    )
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Fixtur: minnesanteckningar", day="2024-03-21")
    return root


def test_commit_dates_per_file(tmp_path: Path) -> None:
    found = history.from_git(git_project(tmp_path))
    assert found.available
    assert found.dates("projects/startgrid.md") == [dt.date(2024, 1, 10), dt.date(2024, 2, 15)]
    assert found.dates("projects/fixtur-ny.md") == [dt.date(2024, 3, 5)]
    assert found.dates("minutes/vastra/2024-03-20.md") == [dt.date(2024, 3, 21)]
    assert found.dates("projects/inte-finns.md") == []


def test_without_git_there_is_no_history(tmp_path: Path) -> None:
    found = history.from_git(copy_project(tmp_path / "project"))
    assert not found.available and found.dates("projects/startgrid.md") == []
