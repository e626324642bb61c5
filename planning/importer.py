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
from sqlmodel import col, select

from planning.bulk import EntityCounts, record_audit, write_frame
from planning.contract import FILES_BY_ENTITY, FileSpec
from planning.models import Capacity, Location, Person, Product, Territory
from planning.problems import ImportRejected, Problems
from planning.reading import (
    SourceFile,
    UnreadableFile,
    count_rows,
    discover,
    read_chunks,
    read_header,
)
from planning.validation import KnownKeys, check_entity, check_file, check_header, type_chunk

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
    by_entity: dict[str, list[tuple[str, pd.DataFrame]]] = {}
    for source in sources:
        spec = FILES_BY_ENTITY[source.entity]
        frame = _read_and_type(source, spec, problems, progress)
        if frame is None:
            continue
        frame = check_file(spec, frame, source.label, known, problems)
        known.learn(spec, frame)
        by_entity.setdefault(spec.entity, []).append((source.label, frame))
    validated = [
        (FILES_BY_ENTITY[entity], check_entity(FILES_BY_ENTITY[entity], parts, known, problems))
        for entity, parts in by_entity.items()
    ]
    labels = [s.label for s in sources]
    if problems:
        raise ImportRejected(problems, labels)

    summary = ImportSummary(files=labels)
    with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            # One import at a time: a second one waits here instead of colliding on new keys.
            # (SQLite serialises writers by itself.)
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({IMPORT_LOCK_ID})")
        for spec, frame in validated:
            if progress:
                progress(f"writing {spec.entity}", 0, len(frame))
            summary.counts[spec.entity] = write_frame(conn, spec, frame, now=now)
            if progress:
                progress(f"writing {spec.entity}", len(frame), len(frame))
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
    try:
        header = read_header(source)
        if not check_header(spec, header, label, problems):
            return None
        total = count_rows(source) if progress else 0
        # An empty frame with the header's columns: a header-only file is valid and empty.
        typed = [type_chunk(spec, pd.DataFrame(columns=header, dtype=object), label, problems)]
        done = 0
        for chunk in read_chunks(source, header):
            typed.append(type_chunk(spec, chunk, label, problems))
            done += len(chunk)
            if progress:
                progress(f"reading {label}", done, max(total, done))
    except UnreadableFile as exc:
        problems.add(label, exc.row, "-", str(exc))
        return None
    typed = [t for t in typed if len(t)] or typed[:1]
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
        for person, manager in conn.execute(
            select(Person.slack_user_id, Person.manager_slack_user_id)
        ):
            known.keys["person"].add(person)
            known.managers[person] = manager
        capacity = conn.execute(
            select(
                col(Capacity.plant),
                col(Capacity.family),
                col(Capacity.start_date),
                col(Capacity.end_date),
            )
        ).all()
        # As ISO text, like the validated rows they are compared with.
        known.capacity = pd.DataFrame(
            [
                (plant, family, start.isoformat(), end.isoformat() if end else None)
                for plant, family, start, end in capacity
            ],
            columns=["plant", "family", "start_date", "end_date"],
        )
    return known
