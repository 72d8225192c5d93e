"""`mkdocs serve` with errors in the content: the preview shows them, and recovers when they are fixed.

A failed build in `mkdocs serve` keeps every request waiting until a build
succeeds, so the editor's browser spun and the errors were only in the terminal.
This runs the real `mkdocs serve` on a copy of the project.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import BUILD_DATE

MINUTES = "minutes/norra/2022-01-01.md"
MISTAKE = "2022-13-01 finns inte i kalendern"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _until(condition, seconds: float = 60):  # noqa: ANN001, ANN202
    """Poll `condition` (a function returning a value or None) until it gives a value."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found = condition()
        except OSError:  # not serving yet
            found = None
        if found is not None:
            return found
        time.sleep(0.3)
    raise AssertionError("the preview did not get there in time")


@pytest.fixture
def serving(project_copy: Path) -> Iterator[tuple[Path, str]]:
    path = project_copy / MINUTES
    path.write_text(path.read_text(encoding="utf-8").replace("\ndate: 2022-01-01\n", "\ndate: 2022-13-01\n", 1), encoding="utf-8")
    port = _free_port()
    env = os.environ | {"SITE_TODAY": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    log = project_copy.parent / "serve.log"  # what the editor's terminal shows
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project_copy, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            yield project_copy, f"http://127.0.0.1:{port}/"
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_errors_are_shown_in_the_browser_until_they_are_fixed(serving: tuple[Path, str]) -> None:
    root, site = serving
    status, home = _until(lambda: _get(site))
    assert status == 200 and "Innehållet har fel" in home
    assert f"{MINUTES}:" in home and MISTAKE in home
    # The page the editor had open shows the same, not an endless wait.
    status, other = _get(site + "minnesanteckningar/norra/2021-05-05/")
    assert status == 404 and MISTAKE in other and "Innehållet har fel" in other
    # Fixed and saved: the next build is the real site again.
    path = root / MINUTES
    path.write_text(path.read_text(encoding="utf-8").replace("\ndate: 2022-13-01\n", "\ndate: 2022-01-01\n", 1), encoding="utf-8")
    status, page = _until(lambda: (found := _get(site + "minnesanteckningar/norra/2021-05-05/"))[0] == 200 and found or None)
    assert "Innehållet har fel" not in page and "Beredningsgrupp norra" in page
