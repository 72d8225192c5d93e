"""The deploy workflow (.github/workflows/deploy.yml): publishes only a site that passed `make test` and `make publish`."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"
SHA = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(workflow: dict[str, Any], job: str) -> list[dict[str, Any]]:
    return workflow["jobs"][job]["steps"]


def test_triggers_on_push_to_main_and_daily(workflow: dict[str, Any]) -> None:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert on["push"]["branches"] == ["main"]
    [schedule] = on["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert minute.isdigit() and hour.isdigit() and (day, month, weekday) == ("*", "*", "*")


def test_build_runs_make_test_then_make_publish_then_uploads_site(workflow: dict[str, Any]) -> None:
    build = steps(workflow, "build")
    runs = [step.get("run", "") for step in build]
    uses = [step.get("uses", "") for step in build]
    test_at, site_at = runs.index("make test"), runs.index("make publish")
    upload_at = next(i for i, action in enumerate(uses) if action.startswith("actions/upload-pages-artifact@"))
    assert test_at < site_at < upload_at
    assert any(run.startswith(".venv/bin/python scripts/linkcheck.py site") for run in runs[site_at:upload_at])
    assert build[upload_at]["with"]["path"] == "site"
    assert not any(step.get("continue-on-error") or "if" in step for step in build), "a failed test must stop the upload"


def test_make_targets_exist(workflow: dict[str, Any]) -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("test", "site"):
        assert re.search(rf"^{target}:", makefile, re.M), target
    assert (ROOT / "scripts" / "linkcheck.py").is_file()


def test_deploy_depends_on_build_with_minimal_permissions(workflow: dict[str, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" or deploy["needs"] == ["build"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert "permissions" not in workflow["jobs"]["build"]


def test_actions_pinned_to_commits_and_no_secrets(workflow: dict[str, Any]) -> None:
    used = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert len(used) == 4
    for action in used:
        assert SHA.match(action), f"{action} is not pinned to a full commit SHA"
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "secrets." not in text and "GITHUB_TOKEN" not in text
    for line in text.splitlines():
        if "uses:" in line:
            assert re.search(r"# v\d+\.\d+\.\d+$", line), f"say which version the SHA is: {line}"
