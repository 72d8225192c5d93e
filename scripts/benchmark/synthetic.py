"""A synthetic archive of decades: N minutes over the real groups and N/10 projects.

Everything is written into a throw-away copy of the project; the repository's own
`minutes/` and `projects/` are only read. The real minutes and projects are part
of the archive as they are (the hand-written pages link to them), and synthetic
ones fill it up to N minutes and N/10 projects. The text is resampled from the real
minutes (their paragraphs and agenda headings, so page sizes follow the seeds),
and the front matter is built as schema models and dumped from them, so the
field names come from `hooks/forening/schema.py` and every file is valid by
construction (the bench still validates the whole archive before measuring).
Names of people are the groups' real members, or `Testledamot N` for a group
without members: the archive is a benchmark fixture, never published. A synthetic
project's title is a compound of two words of the real projects' text,
each title another, as real projects' names are: one shared first word
("Testprojekt 1", "Testprojekt 2", ...) would hide what hundreds of names cost
when the minutes are searched for them (forening.mentions).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from forening.archive import Archive
from forening.schema import PROJECT_KINDS, PROJECT_STATUSES, Attachment, Minutes, NextMeeting, Project
from forening.validate import Layout, load_archive
from pydantic import BaseModel

FIRST_YEAR, LAST_YEAR = 1995, 2026
# Meeting times that occur in the seed minutes (09:00–11:45, 13:15–16:00, 09:00–12:00).
SLOTS = ((dt.time(9, 0), dt.time(11, 45)), (dt.time(13, 15), dt.time(16, 0)), (dt.time(9, 0), dt.time(12, 0)))
# Top-level entries of the repository that are not copied: content is generated,
# and build output, tests and tool caches play no part in a build.
NOT_COPIED = {"minutes", "projects", "site", "site.old", "tests", ".git", ".venv", ".pytest_cache", ".hypothesis", ".cache", "__pycache__"}
_NUMBERED = re.compile(r"^(#+)\s+(?:\d+\.\s*)?(.*)$")


@dataclass
class TextPool:
    """Blocks of the real minutes' bodies: headings by level, paragraphs, sentences."""

    bodies: list[list[str]]  # each real body as its blocks, kept as templates for length
    headings: dict[int, list[str]] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # of letters only, at least 5, lower case, each once

    @classmethod
    def from_bodies(cls, bodies: list[str]) -> TextPool:
        pool = cls(bodies=[_blocks(body) for body in bodies if body.strip()])
        for blocks in pool.bodies:
            for block in blocks:
                heading = _NUMBERED.match(block)
                if heading and "\n" not in block:
                    pool.headings.setdefault(len(heading[1]), []).append(heading[2].strip())
                else:
                    pool.paragraphs.append(block)
                    pool.sentences += [s.strip() for s in re.split(r"(?<=\.)\s+", block) if _plain_sentence(s.strip())]
        pool.words = sorted({word.lower() for blocks in pool.bodies for block in blocks for word in re.findall(r"\b[^\W\d_]{5,}\b", block)})
        return pool

    def body(self, rng: random.Random) -> str:
        """A body shaped like a random real one, every block replaced by a random one of its kind."""
        out: list[str] = []
        item = 0
        for block in rng.choice(self.bodies):
            heading = _NUMBERED.match(block)
            if heading and "\n" not in block:
                level = len(heading[1])
                text = rng.choice(self.headings[level])
                if level == 2:
                    item += 1
                    text = f"{item}. {text}"
                out.append(f"{heading[1]} {text}")
            else:
                out.append(rng.choice(self.paragraphs))
        return "\n\n".join(out) + "\n"


def _blocks(body: str) -> list[str]:
    return [block.strip("\n") for block in re.split(r"\n\s*\n", body) if block.strip()]


def _plain_sentence(text: str) -> bool:
    return 40 <= len(text) <= 220 and not re.search(r"[#*<>\[\]`_|]|^\d+\.|^- ", text)


@dataclass(frozen=True)
class Sizes:
    """What was generated, to check against what was asked for."""

    minutes: int
    projects: int
    attachments: int


def copy_project(source: Path, dest: Path) -> Path:
    """A copy of everything a build needs (config, docs, hooks, scripts, theme overrides) and the real content."""
    dest.mkdir(parents=True, exist_ok=True)
    for entry in sorted(source.iterdir()):
        if entry.name in NOT_COPIED or entry.name.startswith(".site-build-"):
            continue
        if entry.is_dir():
            shutil.copytree(entry, dest / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(entry, dest / entry.name)
    for content in ("minutes", "projects"):
        shutil.copytree(source / content, dest / content)
    return dest


def keep_every_minutes(root: Path) -> None:
    """Publish the whole synthetic archive: `minutes_years` spans every year generated.

    With the site's own setting (10 years) the build would leave out two thirds of
    the decades; the benchmark measures the archive that keeps them all.
    """
    config = root / "mkdocs.yml"
    years = LAST_YEAR - FIRST_YEAR + 1
    text, count = re.subn(r"(?m)^(\s+minutes_years:)\s*\d+", rf"\g<1> {years}", config.read_text(encoding="utf-8"))
    if count != 1:
        raise SystemExit(f"{config}: expected one `minutes_years:` line under extra.retention")
    config.write_text(text, encoding="utf-8")


def real_archive(source: Path) -> Archive:
    """The repository's own archive, read with the engine: the groups and the text to resample."""
    archive, problems = load_archive(Layout(root=source))
    if archive is None:
        raise SystemExit("Repository content is invalid; run `make check` first:\n" + "\n".join(map(str, problems)))
    return archive


def generate(source: Path, dest: Path, minutes: int, seed: int = 7) -> Sizes:
    """Fill a copy of `source` up to `minutes` minutes and minutes // 10 projects (never fewer than the real ones)."""
    rng = random.Random(seed)
    real = real_archive(source)
    copy_project(source, dest)
    keep_every_minutes(dest)
    pool = TextPool.from_bodies([entry.body for entry in real.minutes])
    project_pool = TextPool.from_bodies([project.body for project in real.projects.values()])
    slugs = _write_projects(real, dest, minutes // 10, project_pool, rng)
    attachments = 0
    taken = {(entry.group, entry.date) for entry in real.minutes}
    for group, day, precision in _meeting_days(list(real.groups), minutes - len(real.minutes), taken, rng):
        meta, attachment = _minutes_meta(real, group, day, precision, slugs, pool, rng)
        folder = dest / "minutes" / group
        folder.mkdir(exist_ok=True)
        _write(folder / f"{day.isoformat()}.md", meta, pool.body(rng))
        if attachment is not None:
            (folder / attachment.file).write_text(rng.choice(pool.paragraphs) + "\n", encoding="utf-8")
            attachments += 1
    return Sizes(minutes=max(minutes, len(real.minutes)), projects=len(slugs), attachments=attachments)


def _meeting_days(groups: list[str], count: int, taken: set[tuple[str, dt.date]], rng: random.Random) -> list[tuple[str, dt.date, str]]:
    """`count` more (group, day) pairs on weekdays spread over the decades, none `taken`, oldest first."""
    first, last = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)
    span = (last - first).days
    days: list[tuple[str, dt.date, str]] = []
    while len(days) < count:
        group = rng.choice(groups)
        day = first + dt.timedelta(days=rng.randrange(span + 1))
        precision = "month" if rng.random() < 0.05 else "day"
        if precision == "month":
            day = day.replace(day=1)
        elif day.weekday() >= 5:
            continue
        if (group, day) not in taken:
            taken.add((group, day))
            days.append((group, day, precision))
    return sorted(days, key=lambda d: (d[1], d[0]))


def _people(real: Archive, group: str) -> list[str]:
    members = [member.name for member in real.groups[group].members]
    return members or [f"Testledamot {i}" for i in range(1, 13)]


def _minutes_meta(
    real: Archive, group: str, day: dt.date, precision: str, slugs: list[str], pool: TextPool, rng: random.Random
) -> tuple[Minutes, Attachment | None]:
    members = _people(real, group)
    people = rng.sample(members, k=len(members))
    n_absent = rng.randint(0, max(0, len(people) // 4))
    present, absent = people[n_absent:], people[:n_absent]
    start, end = rng.choice(SLOTS) if rng.random() < 0.8 else (None, None)
    attachment = Attachment(title="Bilaga till minnesanteckningarna", file=f"{day.isoformat()}-bilaga.txt") if rng.random() < 0.02 else None
    meta = Minutes(
        date=day,
        date_precision=precision,
        group=group,
        title=f"{real.group_name(group)}: {rng.choice(pool.headings[2])}" if rng.random() < 0.1 else None,
        start=start,
        end=end,
        place="digitalt" if rng.random() < 0.3 else None,
        present=present,
        absent=absent,
        chair=rng.choice(present) if present and rng.random() < 0.3 else None,
        secretary=rng.choice(present) if present and rng.random() < 0.3 else None,
        projects=rng.sample(slugs, k=min(len(slugs), rng.randint(0, 4))),
        decisions=rng.sample(pool.sentences, k=rng.choice((0, 0, 1, 2, 3))),
        next_meetings=_next_meetings(real, group, day, rng),
        attachments=[attachment] if attachment else [],
    )
    return meta, attachment


def _next_meetings(real: Archive, group: str, day: dt.date, rng: random.Random) -> list[NextMeeting]:
    others = [slug for slug in real.groups if slug != group]
    announced = [group, *rng.sample(others, k=rng.randint(0, len(others)))]
    meetings = []
    for slug in announced:
        when = day + dt.timedelta(days=rng.randint(14, 90))
        if rng.random() < 0.1:
            meetings.append(NextMeeting(group=slug, start=when, place="digitalt", note="Gemensam heldag"))
            continue
        start, end = rng.choice(SLOTS)
        meetings.append(NextMeeting(group=slug, start=dt.datetime.combine(when, start), end=dt.datetime.combine(when, end)))
    return meetings


def _write_projects(real: Archive, dest: Path, count: int, pool: TextPool, rng: random.Random) -> list[str]:
    """The real projects (copied already: their names occur in the text), then synthetic ones up to `count`."""
    originals = list(real.projects.values())
    slugs = [project.slug for project in originals]
    titles = {project.meta.title.lower() for project in originals}
    for k in range(len(slugs), count):
        title = _compound(pool, rng, titles)
        base = originals[k % len(originals)].meta
        start = dt.date(rng.randint(FIRST_YEAR, LAST_YEAR - 1), rng.randint(1, 12), 1)
        end = start + dt.timedelta(days=rng.randint(180, 1500)) if rng.random() < 0.7 else None
        # A real project's facts, less whether it seeks participants (that depends on its status).
        data = base.model_dump(exclude_defaults=True, exclude={"open_for_participants", "participants_until", "referral"}) | {
            "title": title,
            "aliases": [],
            "summary": rng.choice(pool.sentences),
            "status": rng.choice(PROJECT_STATUSES),
            "kind": rng.choice(PROJECT_KINDS),
            "start": start,
            "end": end,
            "areas": rng.sample(list(real.groups), k=rng.randint(0, 2)),
        }
        slug = f"testprojekt-{k + 1:04d}"
        _write(dest / "projects" / f"{slug}.md", Project.model_validate(data), pool.body(rng))
        slugs.append(slug)
    return slugs


def _compound(pool: TextPool, rng: random.Random, taken: set[str]) -> str:
    """A title no project has yet: two words of the real text as one, capitalized."""
    while True:
        first, second = rng.sample(pool.words, 2)
        if (title := first + second) not in taken:
            taken.add(title)
            return title.capitalize()


def _write(path: Path, model: BaseModel, body: str) -> None:
    data = _plain(model.model_dump(exclude_defaults=True))
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")


def _plain(value: Any) -> Any:
    """Model values as editors write them: `2021-05-05`, `09:00`, `2021-08-24T09:00`."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return value
