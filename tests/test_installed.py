"""installed: the scripts editors run with .venv's Python directly say what to do when it lacks a package."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT, run

# The scripts that pre-commit or the editors' guide runs without make.
DIRECT = ["validate.py", "import_minutes.py", "new_minutes.py", "newsletter.py", "redact.py"]


@pytest.mark.parametrize("script", DIRECT)
def test_a_missing_package_gets_a_hint_not_a_traceback(script: str, tmp_path: Path) -> None:
    """As after a pull that added orjson to requirements.txt, before make installed it."""
    code = (
        "import runpy, sys; sys.modules['orjson'] = None; "  # as if not installed: importing it fails
        f"sys.argv = [{script!r}, '--help']; "
        f"runpy.run_path({str(ROOT / 'scripts' / script)!r}, run_name='__main__')"
    )
    result = run([sys.executable, "-c", code], cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "Python-paketet orjson saknas i .venv: kör `make check` en gång, så installeras de fastlåsta beroendena (requirements.txt)."


def test_a_missing_module_of_the_engine_is_not_hidden(tmp_path: Path) -> None:
    """The hint is for packages only: a broken engine still shows its traceback."""
    code = "import sys; sys.path.insert(0, %r); from forening.installed import pinned_packages\nwith pinned_packages():\n    import forening.nonexistent" % str(ROOT / "hooks")
    result = run([sys.executable, "-c", code], cwd=tmp_path)
    assert result.returncode == 1
    assert "ModuleNotFoundError: No module named 'forening.nonexistent'" in result.stderr
