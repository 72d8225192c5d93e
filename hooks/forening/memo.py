"""Work kept between runs: what a pure function made of a text, found again by the text.

`make check` runs on every commit (pre-commit) and `mkdocs serve` rebuilds on
every save, and each reads decades of minutes of which one or two changed. The
slow steps are pure functions of one file's text: the strict YAML reading, the
privacy finder, the active-content check, the project names in a body. So their
results are kept in `.cache/forening/memo/` under a digest of the text (and of
whatever else they depend on), and the next run computes only what changed. The
entries are spread over 256 files by their digest, so a run that changed one
file rewrites a few small files, not all of it.

Correctness does not depend on the memo: a result is only ever found again for
the same text and the same engine (each file also holds a digest of the engine's
code, libyaml's version and Python's; a new version starts empty), and a file
that cannot be read is ignored. It is JSON, not pickle, because the folder sits
in the project: a file someone put there must not be able to run code. The
output checks over the built site are never memoized.

A file unchanged since an earlier run (the same size, change time and inode,
trusted as git's index trusts them) is not even read: that run recorded the
digests of its text (`known_file`), and its results are found by them. Its text
is a `FileText`, read from disk only if something asks for it (a page to render,
a result not remembered), and then checked against the recorded digest.

Use: `with kept_in(folder): ...` around a run (scripts/validate.py, the build);
inside, `remembered(kind, text, compute)`. Without an open memo, `remembered`
simply computes. What the memo does not know can be computed ahead in another
process (forening.prefetch): `arriving` tells the memo that results of some
kinds are coming for texts not read here yet, and `remembered` then waits for
them rather than computing them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

import orjson
import yaml

from .speed import without_gc_pauses

T = TypeVar("T")

FOLDER = Path(".cache", "forening")  # in the project folder, beside mkdocs.yml (ignored by git)
SHARDS = "memo"  # FOLDER/memo/<first two hex digits of the digest>.json
_FORMAT = 2

# A file is recorded as unchanged-since only when its last change is this much older
# than the run: a write in the same tick of the file system's clock as our reading
# would otherwise leave size and times as recorded ("racily clean" in git's words).
# Two seconds covers the coarsest clocks (FAT) and a little skew of a network disk.
RACY_NS = 2_000_000_000


def digest_of(text: str) -> str:
    """The digest the memo finds a text's results by: SHA-256 (the fastest of hashlib's
    where the CPU computes it), shortened."""
    return digest_of_bytes(text.encode("utf-8", "surrogatepass"))


def digest_of_bytes(utf8: bytes | memoryview) -> str:
    """`digest_of` a text, from its UTF-8 bytes (forening.load has a file's bytes already)."""
    return hashlib.sha256(utf8).hexdigest()[:40]


def text_of(text: str | FileText) -> str:
    return text.value if isinstance(text, FileText) else text


def digest_of_text(text: str | FileText) -> str:
    """The digest a text's results are kept under (a FileText's recorded one, unread)."""
    return text.digest if isinstance(text, FileText) else digest_of(text)


class ChangedDuringRun(Exception):
    """A file changed between the moment its size and times were looked at and its reading."""

    def __init__(self, shown: str):
        super().__init__(f"{shown}: filen ändrades medan den lästes; kör igen")


class FileText:
    """A text in hand, or a file's text read when first used, and the digest of it.

    A file the memo knows unchanged (see `known_file`) is given as its recorded digest
    and a way to read it: `make check` finds everything about it by the digest and
    never reads it. `read` must return the text of that digest (or raise
    ChangedDuringRun); `FileText(value)` is a text already read.
    """

    __slots__ = ("_value", "_read", "_digest")

    def __init__(self, value: str | None = None, *, read: Callable[[], str] | None = None, digest: str | None = None):
        if (value is None) == (read is None):
            raise TypeError("FileText takes a value or a way to read it")
        self._value, self._read, self._digest = value, read, digest

    @property
    def value(self) -> str:
        if self._value is None:
            self._value = self._read()  # type: ignore[misc]
            self._read = None
        return self._value

    @property
    def digest(self) -> str:
        if self._digest is None:
            self._digest = digest_of(self.value)
        return self._digest

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FileText) and self.value == other.value

    __hash__ = None  # type: ignore[assignment]  # equal by value, which is read lazily: not a key

    def __repr__(self) -> str:
        return f"FileText({self._value!r})" if self._value is not None else f"FileText(digest={self._digest!r})"


# One result computed elsewhere for a text not read here yet: (kind, salt, digest of the text, encoded result).
Arrival = tuple[str, str, str, Any]


class Memo:
    """Results by (kind, digest of the input), read from and written to the files in `folder`."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.engine = _engine_digest()
        self._old: dict[str, Any] = {}
        self._stale: set[str] = set()  # files of another engine or unreadable: rewritten or removed
        self._changed: set[str] = set()  # files that get an entry computed in this run
        if folder is not None:
            self._old, self._stale = _read(folder, self.engine)
        self._now: dict[str, Any] = {}  # what this run used
        self._arriving: list[tuple[Future[list[Arrival]], Callable[[], list[Arrival]]]] = []  # see `arriving`
        self._arriving_kinds: set[tuple[str, str]] = set()
        self.computed = 0
        self.started_ns = time.time_ns()

    def get(self, kind: str, text: str | FileText, compute: Callable[[], T], encode: Callable[[T], Any], decode: Callable[[Any], T], salt: str) -> T:
        key = _key(kind, salt, digest_of_text(text))
        found = self.recall(key, decode)
        while found is None and self._arriving and (kind, salt) in self._arriving_kinds:
            self._receive_arrivals(self._arriving.pop(0)[0])
            found = self.recall(key, decode)
        if found is not None:
            return found[0]
        value = compute()
        encoded = encode(value)
        if encoded is not None:  # None: this value is not kept (e.g. not JSON's shape)
            self.keep(key, encoded)
        self.computed += 1
        return value

    def recall(self, key: str, decode: Callable[[Any], T]) -> tuple[T] | None:
        """The remembered value of `key`, kept for this run too, or None."""
        if key in self._now or key in self._old:
            stored = self._now.get(key, self._old.get(key))
            try:
                value = decode(stored)
            except Exception:  # noqa: BLE001 - not what this engine writes (a file edited by hand): compute it
                return None
            self._now[key] = stored
            return (value,)
        return None

    def knows(self, kind: str, salt: str, digest: str) -> bool:
        """Whether the result for this text is remembered."""
        key = _key(kind, salt, digest)
        return key in self._now or key in self._old

    def arriving(self, kinds: set[tuple[str, str]], results: Future[list[Arrival]], here: Callable[[], list[Arrival]]) -> None:
        """`results` will hold results of these (kind, salt) for texts this process has not
        read yet, as (kind, salt, digest, encoded) (forening.prefetch.read_ahead); `here()`
        computes the same in this process. `get` of such a kind waits for them, in the
        order they were announced, before it computes."""
        self._arriving.append((results, here))
        self._arriving_kinds |= kinds

    def take_back(self) -> int:
        """Compute here the arriving results the other process has not started on, from the
        last announced back, until it has started on the last one left. Returns how many
        were taken back.

        For a process with nothing else to do meanwhile (`make check`): the two then
        meet in the middle of the work instead of one waiting for the other."""
        taken = 0
        while self._arriving and self._arriving[-1][0].cancel():
            self._keep_arrivals(self._arriving.pop()[1]())
            taken += 1
        return taken

    def _receive_arrivals(self, results: Future[list[Arrival]]) -> None:
        try:
            arrived = results.result()
        except Exception:  # noqa: BLE001 - whatever stopped the helper, the work is done here instead
            return
        self._keep_arrivals(arrived)

    def _keep_arrivals(self, arrived: list[Arrival]) -> None:
        for kind, salt, digest, encoded in arrived:
            if encoded is not None:
                self.keep(_key(kind, salt, digest), encoded)
                self.computed += 1

    def keep(self, key: str, encoded: Any) -> None:
        self._now[key] = encoded
        self._changed.add(_shard(key))

    def save(self) -> None:
        """Write the files whose entries changed. Never fails a run.

        It keeps what this run used and, of each kind, what the memo held that this
        run did not use, unless that is more than the run used of the kind (old
        versions of edited files pile up; then they go). So a run that did only part
        of the work (a build stopped by an error, a build without the suggestions)
        drops nothing, and the memo stays within about twice what the project needs.
        """
        if self.folder is None:
            return
        used: dict[str, int] = {}
        for key in self._now:
            kind = key.partition(":")[0]
            used[kind] = used.get(kind, 0) + 1
        unused: dict[str, dict[str, Any]] = {}
        for key, value in self._old.items():
            if key not in self._now:
                unused.setdefault(key.partition(":")[0], {})[key] = value
        entries = dict(self._now)
        for kind, old in unused.items():
            if len(old) <= used.get(kind, 0) or kind not in used:
                entries.update(old)
        changed = self._changed | self._stale | {_shard(key) for key in self._old.keys() - entries.keys()}
        by_shard: dict[str, dict[str, Any]] = {shard: {} for shard in changed}
        for key, value in entries.items():
            if (shard := _shard(key)) in by_shard:
                by_shard[shard][key] = value
        for shard, kept in by_shard.items():
            _write(self.folder / f"{shard}.json", self.engine, kept)


_current: ContextVar[Memo | None] = ContextVar("forening_memo", default=None)


@contextlib.contextmanager
def kept_in(folder: Path | None) -> Iterator[Memo]:
    """Open the memo in `folder` (None: a memo for this run only) for the code inside, then save it."""
    memo = Memo(folder / SHARDS if folder is not None else None)
    token = _current.set(memo)
    try:
        yield memo
    except Exception:
        memo.save()  # a run stopped by an error: what it computed is still right
        raise
    else:
        memo.save()
    finally:
        _current.reset(token)


def remembered(
    kind: str,
    text: str | FileText,
    compute: Callable[[], T],
    encode: Callable[[T], Any] = lambda value: value,
    decode: Callable[[Any], T] = lambda stored: stored,
    salt: str = "",
) -> T:
    """`compute()`, or its result from an earlier run for the same `kind`, `salt` and `text`.

    `text` and `salt` (a short digest of anything else, such as the project names)
    must hold everything the result depends on besides the engine's code.
    `encode` turns the result into JSON's values (or None to not keep it); `decode`
    turns them back, and may raise on anything else (the result is then computed).
    """
    memo = _current.get()
    if memo is None:
        return compute()
    return memo.get(kind, text, compute, encode, decode, salt)


def open_memo() -> Memo | None:
    """The memo `kept_in` opened for the code running now, if any."""
    return _current.get()


def recalled(kind: str, digest: str, decode: Callable[[Any], T], salt: str = "") -> T | None:
    """What `remembered` kept for the text of this digest, or None (nothing kept, no memo open)."""
    memo = _current.get()
    found = memo.recall(_key(kind, salt, digest), decode) if memo is not None else None
    return found[0] if found is not None else None


def looked_at(path: Path) -> os.stat_result | None:
    """The file's size, times and inode, taken before reading it (None: it cannot be)."""
    try:
        return path.stat()
    except OSError:
        return None


def known_file(path: Path, stat: os.stat_result | None, decode: Callable[[Any], T]) -> T | None:
    """What a run recorded (`record_file`) of this file when it had this size, change time
    and inode, through `decode` (which raises on what this engine does not record); None
    if it was not recorded so, or no memo is open.

    Any write to a file sets its change time to the clock's now, and nobody can set it
    back, so the same change time (and size and inode) is the same content, with the
    margin of RACY_NS when recording."""
    memo = _current.get()
    if memo is None or stat is None:
        return None
    found = memo.recall(_file_key(path, stat), decode)
    return found[0] if found is not None else None


def record_file(path: Path, stat: os.stat_result | None, record: list) -> None:
    """Keep `record` (JSON values) for this file as `stat` found it, if its last change
    is old enough to trust (RACY_NS): a file changed just now is read again next time."""
    memo = _current.get()
    if memo is not None and stat is not None and stat.st_ctime_ns < memo.started_ns - RACY_NS:
        memo.keep(_file_key(path, stat), record)


def _key(kind: str, salt: str, digest: str) -> str:
    return f"{kind}:{salt}:{digest}"  # the digest last: see _shard


def _file_key(path: Path, stat: os.stat_result) -> str:
    identity = f"{path}|{stat.st_size}|{stat.st_mtime_ns}|{stat.st_ctime_ns}|{stat.st_ino}|{stat.st_dev}"
    return _key("file", "", digest_of(identity))


def _engine_digest() -> str:
    """The engine's own code (every module of this package), libyaml's version and Python's."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version}|{yaml.__version__}|{getattr(yaml, '__with_libyaml__', False)}".encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _shard(key: str) -> str:
    return key[-40:-38]  # the digest's first two hex digits: keys end with the digest


@without_gc_pauses  # a million small objects at once, all kept: see speed.py
def _read(folder: Path, engine: str) -> tuple[dict[str, Any], set[str]]:
    """Every entry of this engine in `folder`, and the files to rewrite (another engine's, unreadable)."""
    entries: dict[str, Any] = {}
    stale: set[str] = set()
    for path in sorted(folder.glob("*.json")):
        try:
            stored = orjson.loads(path.read_bytes())
        except (OSError, ValueError):  # orjson's JSONDecodeError is a ValueError
            stored = None
        found = stored.get("entries") if isinstance(stored, dict) else None
        if not isinstance(found, dict) or stored.get("format") != _FORMAT or stored.get("engine") != engine:
            stale.add(path.stem)
            continue
        entries.update(found)
    return entries, stale


def _write(path: Path, engine: str, entries: dict[str, Any]) -> None:
    """One file of the memo, whole or not at all (also beside a second run); none if it holds nothing."""
    try:
        if not entries:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".memo-", suffix=".json")
        with os.fdopen(handle, "wb") as out:  # orjson: the same compact UTF-8 JSON as json.dumps, seven times faster
            out.write(orjson.dumps({"format": _FORMAT, "engine": engine, "entries": entries}))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(temporary)
