"""`import_files`: validate every file first, then write them all in one transaction.

A bad import writes nothing and lists every problem; a good one upserts on natural keys,
so importing the same files twice changes nothing, and leaves one audit entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine
from sqlmodel import select

from planning.bulk import EntityCounts, record_audit, write_frame
from planning.contract import FILES_BY_ENTITY, FileSpec
from planning.models import Location, Person, Product, Territory
from planning.problems import ImportRejected, Problems
from planning.reading import SourceFile, UnreadableFile, count_rows, discover, read_chunks
from planning.validation import KnownKeys, check_file, check_header, type_chunk

# Any constant shared by all Ponte processes: the advisory lock that serialises imports.
IMPORT_LOCK_ID = 0x504F4E5445  # "PONTE"

# Called as progress(label, done, total) while files are read and written.
Progress = Callable[[str, int, int], None]


@dataclass
class ImportSummary:
    files: list[str]
    counts: dict[str, EntityCounts] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(c.inserted or c.updated or c.removed for c in self.counts.values())


@dataclass
class _Validated:
    source: SourceFile
    spec: FileSpec
    frame: pd.DataFrame


def import_files(
    engine: Engine,
    paths: Sequence[Path],
    *,
    now: dt.datetime,
    actor: str,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import contract files (CSV or .xlsx; files or folders). Raises ImportRejected."""
    problems = Problems()
    sources = discover([Path(p) for p in paths], problems)
    known = load_known_keys(engine)
    validated: list[_Validated] = []
    for source in sources:
        spec = FILES_BY_ENTITY[source.entity]
        frame = _read_and_type(source, spec, problems, progress)
        if frame is None:
            continue
        frame = check_file(spec, frame, source.label, known, problems)
        known.learn(spec, frame)
        validated.append(_Validated(source, spec, frame))
    labels = [s.label for s in sources]
    if problems:
        raise ImportRejected(problems, labels)

    summary = ImportSummary(files=labels)
    with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            # One import at a time: a second one waits here instead of colliding on new keys.
            # (SQLite serialises writers by itself.)
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({IMPORT_LOCK_ID})")
        for item in validated:
            if progress:
                progress(f"writing {item.source.label}", 0, len(item.frame))
            counts = write_frame(conn, item.spec, item.frame, now=now)
            summary.counts.setdefault(item.spec.entity, EntityCounts()).add(counts)
            if progress:
                progress(f"writing {item.source.label}", len(item.frame), len(item.frame))
        record_audit(
            conn,
            now=now,
            actor=actor,
            action="import",
            details={
                "files": labels,
                "counts": {k: vars(v) for k, v in summary.counts.items()},
            },
        )
    return summary


def _read_and_type(
    source: SourceFile, spec: FileSpec, problems: Problems, progress: Progress | None
) -> pd.DataFrame | None:
    label = source.label
    total = count_rows(source) if progress else 0
    typed: list[pd.DataFrame] = []
    done = 0
    try:
        for i, chunk in enumerate(read_chunks(source)):
            if i == 0 and not check_header(spec, list(chunk.columns), label, problems):
                return None
            typed.append(type_chunk(spec, chunk, label, problems))
            done += len(chunk)
            if progress:
                progress(f"reading {label}", done, max(total, done))
    except UnreadableFile as exc:
        problems.add(label, exc.row, "-", str(exc))
        return None
    if not typed:
        return None
    return typed[0] if len(typed) == 1 else pd.concat(typed)


def load_known_keys(engine: Engine) -> KnownKeys:
    """Keys already in the database, which imported rows may reference."""
    known = KnownKeys()
    with engine.connect() as conn:
        for sku, family in conn.execute(select(Product.sku, Product.family)):
            known.keys["product"].add(sku)
            known.keys["family"].add(family)
        for code, kind in conn.execute(select(Location.code, Location.kind)):
            known.keys["location"].add(code)
            if kind == "plant":
                known.keys["plant"].add(code)
        known.keys["territory"].update(conn.execute(select(Territory.code)).scalars())
        known.keys["person"].update(conn.execute(select(Person.slack_user_id)).scalars())
    return known
