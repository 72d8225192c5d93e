"""After the generator wrote the site: the search index and the output checks, on both cores.

Pagefind indexes in its own process, which keeps one core busy for a while (tens
of seconds at 5,000 minutes) while Python waits. The output checks (privacy
guard, active content) are Python and need a core of their own. So the index is
written to a staging folder outside the site while the checks read the site;
then the checks read the index in the staging folder, and it is moved into the
site. The same checks read the same files as when run one after the other; the
wall time is that of the longer of the two instead of their sum.
"""

from __future__ import annotations

import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from .checks import check_output
from .problems import Problem
from .search import OUTPUT, IndexSize, build_search_index


def index_and_check(site_dir: Path, build: Any) -> tuple[IndexSize, list[Problem]]:
    """Index `site_dir` into `site_dir/pagefind/` and run every output check over the result."""
    settings = getattr(build, "settings", None) or {}
    shutil.rmtree(site_dir / OUTPUT, ignore_errors=True)  # a dirty build's old index is not checked or kept
    with tempfile.TemporaryDirectory(prefix="pagefind-") as tmp:
        staging = Path(tmp)
        with ThreadPoolExecutor(max_workers=1) as pool:
            indexing = pool.submit(build_search_index, site_dir, staging / OUTPUT)
            problems = check_output(site_dir, settings)
            size = indexing.result()
        # Checked where it is: paths read `pagefind/...`, as in the site.
        problems += check_output(staging, settings)
        shutil.move(staging / OUTPUT, site_dir / OUTPUT)
    return size, problems
