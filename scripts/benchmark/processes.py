"""Run a command and measure it: wall time and peak memory of its whole process tree.

Two readings of memory, the larger one reported: the kernel's exact `ru_maxrss`
from `os.wait4` (the largest single process of the tree, e.g. the Python
running MkDocs), and the sum of RSS over the process and all its descendants,
polled from /proc (so a helper binary such as Pagefind's, running while MkDocs
waits for it, counts on top of MkDocs' own memory). No psutil needed.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")
POLL_SECONDS = 0.1


@dataclass(frozen=True)
class Measured:
    """One finished command."""

    wall_s: float
    cpu_s: float  # user + system time of the process and its descendants (steadier than wall time on a busy machine)
    peak_rss_bytes: int  # max(ru_maxrss, polled tree sum)
    returncode: int
    stdout: str
    stderr: str

    @property
    def peak_mib(self) -> float:
        return self.peak_rss_bytes / 2**20


class CommandFailed(RuntimeError):
    """A measured command exited non-zero; the message ends with its stderr."""


def run(args: list[str], cwd: Path, env: dict[str, str], log_dir: Path, name: str) -> Measured:
    """Run `args` to completion, measured. Output goes to files (MkDocs can log thousands of lines)."""
    log_dir.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log_dir / f"{name}.out", log_dir / f"{name}.err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=err)
        poller = _TreePoller(proc.pid)
        poller.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        poller.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
    stdout, stderr = out_path.read_text(errors="replace"), err_path.read_text(errors="replace")
    if proc.returncode != 0:
        raise CommandFailed(f"{' '.join(args)} exited {proc.returncode}:\n{stderr[-4000:]}")
    peak = max(usage.ru_maxrss * 1024, poller.peak)
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(wall_s=wall, cpu_s=cpu, peak_rss_bytes=peak, returncode=proc.returncode, stdout=stdout, stderr=stderr)


class _TreePoller(threading.Thread):
    """Samples the summed RSS of a process and its descendants until stopped."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(POLL_SECONDS):
            self.peak = max(self.peak, sum(_rss(pid) for pid in _tree(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(root: int) -> list[int]:
    """`root` and every descendant, from the parent pids in /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0
