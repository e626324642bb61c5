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
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError
from sqlmodel import col, select

from planning.audit import audit
from planning.bulk import EntityCounts, write_frame
from planning.contract import FILES_BY_ENTITY, FileSpec
from planning.db import analyze, is_lock_timeout, writing
from planning.errors import PonteError
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
# How long an import waits for another writer before giving up (seconds).
DEFAULT_LOCK_WAIT = 60.0

# Called as progress(label, done, total) while files are read and written.
Progress = Callable[[str, int, int], None]


@dataclass
class ImportSummary:
    files: list[str]
    counts: dict[str, EntityCounts] = field(default_factory=dict)
    # What the contract allows but a person should know: rows summed into one, a file that
    # emptied a table. `--strict` rejects the import instead.
    warnings: Problems = field(default_factory=Problems)

    @property
    def changed(self) -> bool:
        return any(c.inserted or c.updated or c.removed for c in self.counts.values())

    def warning_lines(self, limit: int = 20) -> list[str]:
        return ImportRejected(self.warnings, self.files).lines(limit)


class DatabaseBusy(PonteError):
    """Another import (or another writer) held the database for longer than the import may
    wait; nothing was written."""


def import_files(
    engine: Engine,
    paths: Sequence[Path],
    *,
    now: dt.datetime,
    actor: str,
    progress: Progress | None = None,
    strict: bool = False,
    lock_wait: float = DEFAULT_LOCK_WAIT,
    today: dt.date | None = None,
) -> ImportSummary:
    """Import contract files (CSV or .xlsx; files or folders). Raises ImportRejected when a
    file is wrong (or, with `strict`, when anything earns a warning), and DatabaseBusy when
    another writer keeps the database for more than `lock_wait` seconds. Sales and stock
    cannot be dated after `today` (the day Ponte reasons from; `now`'s date by default)."""
    problems, warnings = Problems(), Problems()
    sources = discover([Path(p) for p in paths], problems)
    try:
        known = load_known_keys(engine)
    except OperationalError as exc:  # an exclusive lock keeps even readers out
        if not is_lock_timeout(exc):
            raise
        raise _busy(lock_wait) from exc
    by_entity: dict[str, list[tuple[str, pd.DataFrame]]] = {}
    for source in sources:
        spec = FILES_BY_ENTITY[source.entity]
        frame = _read_and_type(source, spec, problems, progress)
        if frame is None:
            continue
        frame = check_file(spec, frame, source.label, known, problems,
                           today=today or now.date(), warnings=warnings)  # fmt: skip
        known.learn(spec, frame)
        by_entity.setdefault(spec.entity, []).append((source.label, frame))
    validated = [
        (FILES_BY_ENTITY[entity], [label for label, _ in parts],
         check_entity(FILES_BY_ENTITY[entity], parts, known, problems))
        for entity, parts in by_entity.items()
    ]  # fmt: skip
    labels = [s.label for s in sources]
    if problems:
        raise ImportRejected(problems, labels)
    if strict and warnings:
        raise ImportRejected(warnings, labels, strict=True)

    summary = ImportSummary(files=labels, warnings=warnings)
    try:
        with writing(engine, wait=lock_wait) as conn:
            if conn.dialect.name == "postgresql":
                # One import at a time: a second one queues here instead of colliding on
                # new keys. (SQLite has one writer at a time anyway.)
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({IMPORT_LOCK_ID})")
            for spec, files, frame in validated:
                if progress:
                    progress(f"writing {spec.entity}", 0, len(frame))
                counts = summary.counts[spec.entity] = write_frame(conn, spec, frame, now=now)
                if counts.rows == 0 and counts.removed:
                    _emptied(warnings, spec, files, counts.removed)
                if progress:
                    progress(f"writing {spec.entity}", len(frame), len(frame))
            if strict and warnings:  # rolls the whole import back
                raise ImportRejected(warnings, labels, strict=True)
            sales = next((f for spec, _, f in validated if spec.entity == "sales"), None)
            if sales is not None and len(sales):
                days = sales["date"].astype(str)
                refresh_sales_summaries(
                    conn, dt.date.fromisoformat(days.min()), dt.date.fromisoformat(days.max())
                )
            audit(
                conn,
                now=now,
                actor=actor,
                action="import",
                details={
                    "files": labels,
                    "counts": {k: vars(v) for k, v in summary.counts.items()},
                    "warnings": [str(w) for w in warnings.first(100, labels)],
                },
            )
    except OperationalError as exc:
        if not is_lock_timeout(exc):
            raise
        raise _busy(lock_wait) from exc
    written = [spec.sql_table.name for spec, _, _ in validated]
    summaries = list(SALES_SUMMARIES) if "sales" in summary.counts else []
    analyze(engine, written + summaries)
    return summary


# The tables refresh_sales_summaries keeps, derived from the sales lines.
SALES_SUMMARIES = ("sales_customer_day", "sales_customer", "sales_date")


def refresh_sales_summaries(conn: Connection, since: dt.date, until: dt.date) -> None:
    """Inside the import that wrote sales dated `since`..`until`: sum those days again per
    territory, rep and customer (planning.models.SalesCustomerDay; sales are never removed,
    so no other day changed), then rebuild the customers and the days named in sales
    (SalesCustomer, SalesDate) from the sums."""
    days = {"since": since, "until": until}
    source = "sales_actual"
    if conn.dialect.name == "sqlite" and _most_of_the_sales(conn, since, until):
        # SQLite would reach most of the table through an index, a lookup per line: 5.8 s
        # to re-import 2.4M lines, against 2.9 s reading the table through.
        source += " NOT INDEXED"
    conn.execute(
        text("DELETE FROM sales_customer_day WHERE date >= :since AND date <= :until"), days
    )
    conn.execute(
        text(
            "INSERT INTO sales_customer_day (date, territory, rep, customer, quantity, revenue, "
            "lines) SELECT date, territory, rep, customer, sum(quantity), sum(revenue), "
            f"count(*) FROM {source} WHERE date >= :since AND date <= :until "
            "GROUP BY date, territory, rep, customer"
        ),
        days,
    )
    for table, columns in (("sales_customer", "customer, territory"), ("sales_date", "date")):
        conn.execute(text(f"DELETE FROM {table}"))
        named = " WHERE customer <> ''" if table == "sales_customer" else ""
        conn.execute(
            text(
                f"INSERT INTO {table} ({columns}, lines) SELECT {columns}, sum(lines) "
                f"FROM sales_customer_day{named} GROUP BY {columns}"
            )
        )


def _most_of_the_sales(conn: Connection, since: dt.date, until: dt.date) -> bool:
    """Whether the days `since`..`until` held at least half the sales lines before this
    import (by the days' counts, planning.models.SalesDate): always so in an empty table."""
    inside, everything = conn.execute(
        text(
            "SELECT coalesce(sum(CASE WHEN date >= :since AND date <= :until THEN lines END), "
            "0), coalesce(sum(lines), 0) FROM sales_date"
        ),
        {"since": since, "until": until},
    ).one()
    return bool(2 * inside >= everything)


def _busy(waited: float) -> DatabaseBusy:
    return DatabaseBusy(
        f"another import or writer has held the database for {waited:g} s; nothing was "
        "imported: try again when it has finished"
    )


def _emptied(warnings: Problems, spec: FileSpec, files: list[str], removed: int) -> None:
    noun = spec.entity.replace("_", " ")
    reason = (
        f"the file has no rows, so all {removed:,} {noun} were removed (it replaces the "
        "whole table: was it exported empty?)"
    )
    warnings.add(", ".join(files), 0, "-", reason)


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
