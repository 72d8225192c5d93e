"""The few settings of mkdocs.yml that the engine reads itself, with their lines.

`make check` and the newsletter run without MkDocs, yet need the site's address,
where hand-written pages live and the retention setting. This module reads them
from mkdocs.yml with the strict reader, so an error in a setting points at its
line like any content error. Everything else in mkdocs.yml is left to MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import load, strictyaml
from .problems import Problem

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class SiteConfig:
    """What the engine needs from mkdocs.yml."""

    site_name: str
    site_url: str
    docs_dir: str
    extra: dict[str, Any]
    document: load.Document = field(repr=False)  # for the line of any setting under `extra`

    def line_of(self, *loc: str | int) -> int:
        return self.document.line_of(loc)


def read(root: Path, config_file: str = CONFIG_FILE) -> tuple[SiteConfig | None, list[Problem]]:
    """mkdocs.yml's `site_name`, `site_url`, `docs_dir` and `extra`; None and a problem if unreadable.

    scripts/build.py calls it before starting MkDocs, so that a YAML mistake in
    mkdocs.yml is told in Swedish at its line, not in MkDocs' English."""
    problems: list[Problem] = []
    text = load.read_text(root / config_file, config_file, problems)
    if text is None:
        return None, problems
    try:
        parts = {key: strictyaml.load_key(text, key) for key in ("site_name", "site_url", "docs_dir", "extra")}
    except strictyaml.StrictYamlError as exc:
        return None, [Problem(config_file, 1 + exc.line, "", exc.message)]
    extra = parts["extra"]
    document = load.Document(path=config_file, data=extra.data or {}, body_line=0, parsed=extra, first_line=1)
    config = SiteConfig(
        site_name=str(parts["site_name"].data or ""),
        site_url=str(parts["site_url"].data or ""),
        docs_dir=str(parts["docs_dir"].data or "docs"),
        extra=extra.data if isinstance(extra.data, dict) else {},
        document=document,
    )
    return config, problems
