"""The few settings of mkdocs.yml that the engine reads itself, with their lines.

`make check` and the newsletter run without MkDocs, yet need the site's address,
where hand-written pages live and the retention setting. This module reads them
from mkdocs.yml with the strict reader, so an error in a setting points at its
line like any content error. Everything else in mkdocs.yml is left to MkDocs.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import load, strictyaml
from .problems import Problem

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class SiteConfig:
    """What the engine needs from mkdocs.yml."""

    site_name: str
    site_url: str
    site_url_line: int  # 1-based, for `publishing_problems`
    docs_dir: str
    extra: dict[str, Any]
    document: load.Document = field(repr=False)  # for the line of any setting under `extra`

    def line_of(self, *loc: str | int) -> int:
        return self.document.line_of(loc)


def read(root: Path, config_file: str = CONFIG_FILE) -> tuple[SiteConfig | None, list[Problem]]:
    """mkdocs.yml's `site_name`, `site_url`, `docs_dir` and `extra`; None and a problem if unreadable.

    scripts/build.py calls it before starting MkDocs, so that a YAML mistake in
    mkdocs.yml is told in Swedish at its line, not in MkDocs' English. Several
    checks of one run ask for it: the file is read once for as long as it is
    unchanged (its size, times and inode; `mkdocs serve` keeps this module loaded)."""
    path = root / config_file
    try:
        stat = path.stat()
        seen: tuple[int, ...] | None = (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)
    except OSError:
        seen = None  # missing: `_read` reports it
    config, problems = _read(path, config_file, seen)
    return config, list(problems)


@functools.lru_cache(maxsize=4)
def _read(path: Path, config_file: str, seen: tuple[int, ...] | None) -> tuple[SiteConfig | None, tuple[Problem, ...]]:
    config, problems = _parse(path, config_file)
    return config, tuple(problems)


def _parse(path: Path, config_file: str) -> tuple[SiteConfig | None, list[Problem]]:
    problems: list[Problem] = []
    text = load.read_text(path, config_file, problems)
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
        site_url_line=1 + parts["site_url"].lines.get(("site_url",), 0),
        docs_dir=str(parts["docs_dir"].data or "docs"),
        extra=extra.data if isinstance(extra.data, dict) else {},
        document=document,
    )
    return config, problems


# Names reserved for examples and tests (RFC 2606, RFC 6761): a site_url there is a placeholder.
_PLACEHOLDER_ENDINGS = (".invalid", ".example", ".test", ".localhost")
_PLACEHOLDER_HOSTS = ("localhost", "example.com", "example.org", "example.net")


def publishing_problems(config: SiteConfig) -> list[Problem]:
    """What stops a build that is to be published (scripts/build.py --publish, the deploy
    workflow): a `site_url` that is still a placeholder. Local builds and tests may use one;
    a published site may not, for its calendar page tells visitors to subscribe at that
    address, and its feeds, sitemap and canonical links all carry it."""
    host = (urlsplit(config.site_url).hostname or "").lower()
    if host and not host.endswith(_PLACEHOLDER_ENDINGS) and host not in _PLACEHOLDER_HOSTS:
        return []
    return [
        Problem(
            CONFIG_FILE,
            config.site_url_line,
            "site_url",
            f"`{config.site_url}` är en platshållare; skriv webbplatsens riktiga adress, t.ex. https://www.example.se/, "
            "innan den publiceras (kalenderprenumerationer, flöden och sitemap använder den)",
        )
    ]
