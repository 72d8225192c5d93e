"""The comparison build: plain mkdocs-material over the same pages, without our hooks.

The pages are taken from our adapter itself, not re-derived: the plugin events
`on_config`, `on_files` and `on_env` run as in a build (so the engine validates
and generates every page and asset), and `on_page_markdown` gives each generated
page the Markdown and meta (escaped title, description) our build renders.
They are written as ordinary `.md` files with that meta as front matter, beside
a copy of `docs/`, into `plain-docs/`. `mkdocs.plain.yml` inherits the real
`mkdocs.yml` (same theme, Markdown extensions, search plugin, strict mode) and
only swaps `docs_dir` and drops `hooks:` and `watch:`.

If our build indexes the site with Pagefind (a `pagefind/` folder in its
output), the plain build gets a minimal hook that runs the same indexing step
(`forening.search.build_search_index`, same settings) in `on_post_build`, so
the ratio measures our hooks, not search.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

PLAIN_CONFIG = "mkdocs.plain.yml"
PLAIN_DOCS = "plain-docs"
PAGEFIND_HOOK = "bench_plain_pagefind.py"

_PAGEFIND_HOOK_SOURCE = '''"""Benchmark only: the same Pagefind step as our build (forening.search), none of our other hooks."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "hooks"))

from forening.search import build_search_index  # noqa: E402


def on_post_build(*, config):
    build_search_index(Path(config.site_dir))
'''


def write_plain_project(root: Path, today: str, pagefind: bool) -> Path:
    """Write plain-docs/ and mkdocs.plain.yml into the project copy `root`; return the config path."""
    docs = root / PLAIN_DOCS
    shutil.rmtree(docs, ignore_errors=True)
    pinned = os.environ.get("SITE_TODAY")
    os.environ["SITE_TODAY"] = today  # the adapter reads the build date from here
    try:
        config = load_config(str(root / "mkdocs.yml"))
        shutil.copytree(config.docs_dir, docs)
        config = config.plugins.on_config(config)
        try:
            files = config.plugins.on_files(get_files(config), config=config)
            # The files our adapter has the helper make while MkDocs converts the pages get their bytes here.
            config.plugins.on_env(config.theme.get_env(), config=config, files=files)
        finally:
            config.plugins.on_shutdown()  # our adapter started a helper process (forening.helper): end it
        for file in list(files):
            if file.generated_by is None:
                continue  # a hand-written page or asset under docs/: copied above
            target = docs / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            if file.is_documentation_page():
                page = Page(None, file, config)
                page.read_source(config)
                markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
                front = yaml.safe_dump(dict(page.meta), allow_unicode=True, sort_keys=False, width=10_000)
                target.write_text(f"---\n{front}---\n\n{markdown}", encoding="utf-8")
            else:
                target.write_bytes(file.content_bytes)
    finally:
        if pinned is None:
            os.environ.pop("SITE_TODAY", None)
        else:
            os.environ["SITE_TODAY"] = pinned
    settings: dict = {"INHERIT": "mkdocs.yml", "docs_dir": PLAIN_DOCS, "hooks": [], "watch": []}
    if pagefind:
        (root / PAGEFIND_HOOK).write_text(_PAGEFIND_HOOK_SOURCE, encoding="utf-8")
        settings["hooks"] = [PAGEFIND_HOOK]
    path = root / PLAIN_CONFIG
    path.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return path
