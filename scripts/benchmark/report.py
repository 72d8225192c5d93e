"""The bench's results: one record per archive size, the targets, a table and JSON.

Targets are those of issue 7, defined at N=5000 minutes on a 2-core machine.
They are printed as met or not met; nothing fails on them (they are not tests).
"""

from __future__ import annotations

import os
import platform
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

TARGET_MINUTES = 5000
KB = 1000  # "300 KB" is counted in kilobytes of 1000 bytes


@dataclass
class Target:
    name: str
    value: float | None
    limit: float
    unit: str

    @property
    def met(self) -> bool | None:
        return None if self.value is None else self.value <= self.limit


def machine() -> dict:
    """What the numbers were measured on."""
    cpu = next((line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    mem_kib = next((int(line.split()[1]) for line in _lines("/proc/meminfo") if line.startswith("MemTotal:")), 0)
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "memory_gib": round(mem_kib / 2**20, 1),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "mkdocs": metadata.version("mkdocs"),
        "mkdocs-material": metadata.version("mkdocs-material"),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def growth(runs: list[dict]) -> dict | None:
    """Build time at the largest N over the smallest, and that ratio per minutes (1.0 = linear)."""
    if len(runs) < 2:
        return None
    small, large = min(runs, key=lambda r: r["minutes"]), max(runs, key=lambda r: r["minutes"])
    ratio = large["build"]["ours"]["wall_s"] / small["build"]["ours"]["wall_s"]
    scale = large["minutes"] / small["minutes"]
    # Plain mkdocs-material's own growth in the same run: what MkDocs and the machine add.
    plain = large["build"]["plain"]["wall_s"] / small["build"]["plain"]["wall_s"]
    return {
        "from_minutes": small["minutes"],
        "to_minutes": large["minutes"],
        "time_ratio": ratio,
        "minutes_ratio": scale,
        "normalised": ratio / scale,
        "plain_normalised": plain / scale,
    }


def targets(runs: list[dict], grown: dict | None) -> list[Target]:
    """Issue 7's targets, evaluated at the largest N measured."""
    run = max(runs, key=lambda r: r["minutes"])
    build, check, first = run["build"], run["check"], run["search"]["first_search"]
    return [
        Target("hooks add at most 10% wall time over plain mkdocs-material", build["wall_ratio"], 1.10, "×"),
        Target("hooks add at most 10% peak memory over plain mkdocs-material", build["memory_ratio"], 1.10, "×"),
        Target("build time grows linearly: t(5000)/t(1000) ≤ 5.5 (normalised per minutes ≤ 1.1)", grown["normalised"] if grown else None, 1.10, "× linear"),
        Target("make check within 1.5× the front-matter parse floor, first run (nothing remembered)", check["ratio"], 1.5, "×"),
        Target("make check within 1.5× the front-matter parse floor, after editing one file (the rest remembered)", check["edited_ratio"], 1.5, "×"),
        Target("first search downloads at most 300 KB gzip-compressed", first["gzip_bytes"] / KB, 300, "KB"),
    ]


def as_json(runs: list[dict], settings: dict) -> dict:
    grown = growth(runs)
    return {
        "machine": machine(),
        "settings": settings,
        "runs": runs,
        "growth": grown,
        "targets": [asdict(t) | {"met": t.met} for t in targets(runs, grown)],
    }


# (label, how to read the value from a run, format)
ROWS = [
    ("minutes / projects", lambda r: f"{r['minutes']} / {r['projects']}"),
    ("HTML pages built", lambda r: f"{r['site']['html_pages']}"),
    ("build, ours (s)", lambda r: f"{r['build']['ours']['wall_s']:.1f}"),
    ("build, plain mkdocs-material (s)", lambda r: f"{r['build']['plain']['wall_s']:.1f}"),
    ("  ratio ours / plain", lambda r: f"{r['build']['wall_ratio']:.3f}"),
    ("  CPU-time ratio ours / plain", lambda r: f"{r['build']['cpu_ratio']:.3f}"),
    ("peak memory, ours (MiB)", lambda r: f"{r['build']['ours']['peak_mib']:.0f}"),
    ("peak memory, plain (MiB)", lambda r: f"{r['build']['plain']['peak_mib']:.0f}"),
    ("  ratio ours / plain", lambda r: f"{r['build']['memory_ratio']:.3f}"),
    ("build time per 1000 minutes (s)", lambda r: f"{1000 * r['build']['ours']['wall_s'] / r['minutes']:.2f}"),
    ("make check, first run (s)", lambda r: f"{r['check']['validate_s']:.2f}"),
    ("make check, again unchanged (s)", lambda r: f"{r['check']['again_s']:.2f}"),
    ("make check, one file edited (s)", lambda r: f"{r['check']['edited_s']:.2f}"),
    ("front-matter parse floor (s)", lambda r: f"{r['check']['parse_floor_s']:.2f}"),
    ("  ratio first check / floor", lambda r: f"{r['check']['ratio']:.2f}"),
    ("  CPU-time ratio first check / floor", lambda r: f"{r['check']['cpu_ratio']:.2f}"),
    ("  ratio check after one edit / floor", lambda r: f"{r['check']['edited_ratio']:.2f}"),
    ("site size (MB)", lambda r: f"{r['site']['bytes'] / 1e6:.1f}"),
    ("search files on disk (MB)", lambda r: f"{r['site']['search_bytes'] / 1e6:.2f}"),
    ("search engine", lambda r: r["search"]["engine"]),
    ("first search: requests", lambda r: f"{r['search']['first_search']['requests']}"),
    ("first search: raw KB", lambda r: f"{r['search']['first_search']['raw_bytes'] / KB:,.0f}"),
    ("first search: gzip KB", lambda r: f"{r['search']['first_search']['gzip_bytes'] / KB:,.0f}"),
    ("typical query: requests", lambda r: f"{r['search']['typical_query']['requests']}"),
    ("typical query: raw KB", lambda r: f"{r['search']['typical_query']['raw_bytes'] / KB:,.0f}"),
    ("typical query: gzip KB", lambda r: f"{r['search']['typical_query']['gzip_bytes'] / KB:,.0f}"),
    ("results shown (first / typical)", lambda r: f"{r['search']['first_search']['results']} / {r['search']['typical_query']['results']}"),
]


def table(report: dict) -> str:
    """The report as a Markdown table (pasted as is into the README), then growth and targets."""
    runs = report["runs"]
    header = ["metric", *[f"N={r['minutes']}" for r in runs]]
    rows = [[label, *[read(r) for r in runs]] for label, read in ROWS]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [_row(header, widths), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *[_row(row, widths) for row in rows]]
    m = report["machine"]
    lines += [
        "",
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gib']} GiB, Python {m['python']}, mkdocs {m['mkdocs']}, "
        f"mkdocs-material {m['mkdocs-material']}; load average {m['load_average'][0]} at the end "
        f"({report['settings'].get('load_average_at_start', ['?'])[0]} at the start).",
    ]
    grown = report["growth"]
    if grown:
        lines.append(
            f"Growth: t({grown['to_minutes']}) / t({grown['from_minutes']}) = {grown['time_ratio']:.2f} "
            f"for {grown['minutes_ratio']:.1f}× the minutes ({grown['normalised']:.2f}× linear; "
            f"plain mkdocs-material in the same run: {grown['plain_normalised']:.2f}× linear)."
        )
    largest = max(r["minutes"] for r in runs)
    note = "" if largest == TARGET_MINUTES else f" (targets are set at N={TARGET_MINUTES}; this run's largest N is {largest})"
    lines += ["", f"Targets at N={largest}{note}:"]
    for t in report["targets"]:
        verdict = "n/a" if t["met"] is None else ("met" if t["met"] else "NOT met")
        value = "–" if t["value"] is None else f"{t['value']:.2f} {t['unit']}"
        lines.append(f"- {t['name']}: {value} (limit {t['limit']:g} {t['unit']}): {verdict}")
    return "\n".join(lines)


def _row(cells: list[str], widths: list[int]) -> str:
    return "| " + " | ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(cells, widths))) + " |"
