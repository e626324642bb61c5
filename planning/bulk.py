"""Bulk upserts of validated frames: staged in a temporary table, merged with one statement.

Row-by-row ORM adds cost a million round trips; instead rows are staged with the driver's
bulk path (COPY on PostgreSQL, executemany on SQLite) and merged with INSERT ... ON CONFLICT,
which both databases support with the same syntax. Everything runs on the caller's
connection, inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import asdict, dataclass

import pandas as pd
from sqlalchemy import Connection, insert, select

from planning.contract import FileSpec
from planning.models import AuditEntry, Quota

COPY_CHUNK_ROWS = 100_000


@dataclass
class EntityCounts:
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    def add(self, other: EntityCounts) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)


def write_frame(
    conn: Connection, spec: FileSpec, frame: pd.DataFrame, *, now: dt.datetime
) -> EntityCounts:
    """Upsert one validated file's rows on their natural key; report what changed."""
    if spec.entity == "quotas":
        return _write_quotas(conn, frame, now=now)
    return _merge(conn, spec, frame)


def _merge(conn: Connection, spec: FileSpec, frame: pd.DataFrame) -> EntityCounts:
    table = spec.table.__table__  # type: ignore[attr-defined]
    quote = conn.dialect.identifier_preparer.quote
    columns = list(spec.column_names)
    cols = ", ".join(quote(c) for c in columns)
    stage = f"ponte_stage_{spec.entity}"
    # Temporary and empty, with the target's column types; it vanishes with the transaction.
    suffix = " ON COMMIT DROP" if conn.dialect.name == "postgresql" else ""
    conn.exec_driver_sql(
        f"CREATE TEMPORARY TABLE {stage}{suffix} AS SELECT {cols} FROM {table.name} WHERE 1 = 0"
    )
    _stage_rows(conn, stage, columns, frame)

    key_exprs = []
    for name in spec.key:
        column = table.c[name]
        key_exprs.append(f"coalesce({quote(name)}, '')" if column.nullable else quote(name))
    values = [c for c in columns if c not in spec.key]
    assignments = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in values)
    changed = " OR ".join(
        f"{table.name}.{quote(c)} IS DISTINCT FROM excluded.{quote(c)}" for c in values
    )
    before = _count(conn, table.name)
    result = conn.exec_driver_sql(
        f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM {stage} WHERE true "
        f"ON CONFLICT ({', '.join(key_exprs)}) DO UPDATE SET {assignments} WHERE {changed}"
    )
    touched = result.rowcount
    removed = 0
    if spec.entity == "stock":
        # A stock file is the snapshot for its as_of dates: lines it no longer lists are gone.
        removed = conn.exec_driver_sql(
            f"DELETE FROM {table.name} WHERE as_of IN (SELECT as_of FROM {stage}) "
            f"AND NOT EXISTS (SELECT 1 FROM {stage} s WHERE s.sku = {table.name}.sku "
            f"AND s.location = {table.name}.location AND s.as_of = {table.name}.as_of)"
        ).rowcount
    inserted = _count(conn, table.name) - before + removed
    if conn.dialect.name != "postgresql":
        conn.exec_driver_sql(f"DROP TABLE {stage}")
    return EntityCounts(
        rows=len(frame),
        inserted=inserted,
        updated=touched - inserted,
        unchanged=len(frame) - touched,
        removed=removed,
    )


def _count(conn: Connection, table: str) -> int:
    return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


def _stage_rows(conn: Connection, stage: str, columns: list[str], frame: pd.DataFrame) -> None:
    raw = conn.connection.driver_connection
    assert raw is not None
    quoted = ", ".join(conn.dialect.identifier_preparer.quote(c) for c in columns)
    if conn.dialect.name == "postgresql":
        with (
            raw.cursor() as cursor,
            cursor.copy(f"COPY {stage} ({quoted}) FROM STDIN WITH (FORMAT csv)") as copy,
        ):
            for start in range(0, len(frame), COPY_CHUNK_ROWS):
                buffer = io.StringIO()
                frame.iloc[start : start + COPY_CHUNK_ROWS].to_csv(
                    buffer, header=False, index=False, columns=columns
                )
                copy.write(buffer.getvalue())
        return
    placeholders = ", ".join("?" for _ in columns)
    cursor = raw.cursor()
    try:
        for start in range(0, len(frame), COPY_CHUNK_ROWS):
            part = frame.iloc[start : start + COPY_CHUNK_ROWS][columns].astype(object)
            part = part.where(part.notna(), None)
            cursor.executemany(
                f"INSERT INTO {stage} ({quoted}) VALUES ({placeholders})",
                part.itertuples(index=False, name=None),
            )
    finally:
        cursor.close()


def _write_quotas(conn: Connection, frame: pd.DataFrame, *, now: dt.datetime) -> EntityCounts:
    """A changed target never overwrites history: it becomes the key's next version."""
    table = Quota.__table__  # type: ignore[attr-defined]
    latest: dict[tuple[str, str, str, str], tuple[int, float | None, float | None]] = {}
    rows = conn.execute(
        select(
            table.c.period,
            table.c.rep,
            table.c.territory,
            table.c.family,
            table.c.version,
            table.c.target_units,
            table.c.target_revenue,
        )
    )
    for period, rep, territory, family, version, units, revenue in rows:
        key = (period, rep or "", territory or "", family or "")
        if key not in latest or latest[key][0] < version:
            latest[key] = (version, units, revenue)
    counts = EntityCounts(rows=len(frame))
    new_rows = []
    for record in frame.to_dict("records"):
        units, revenue = _optional(record["target_units"]), _optional(record["target_revenue"])
        key = (
            record["period"],
            record["rep"] or "",
            record["territory"] or "",
            record["family"] or "",
        )
        current = latest.get(key)
        if current is not None and (current[1], current[2]) == (units, revenue):
            counts.unchanged += 1
            continue
        if current is None:
            counts.inserted += 1
        else:
            counts.updated += 1
        new_rows.append(
            {
                "period": record["period"],
                "rep": record["rep"],
                "territory": record["territory"],
                "family": record["family"],
                "version": 1 if current is None else current[0] + 1,
                "target_units": units,
                "target_revenue": revenue,
                "source": "import",
                "created_at": now,
            }
        )
    if new_rows:
        conn.execute(insert(table), new_rows)
    return counts


def _optional(value: float | None) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def record_audit(
    conn: Connection, *, now: dt.datetime, actor: str, action: str, details: dict[str, object]
) -> None:
    """Leave the trace every write owes: who, when, what."""
    conn.execute(
        insert(AuditEntry.__table__).values(  # type: ignore[attr-defined]
            at=now, actor=actor, action=action, details=json.dumps(details, default=str)
        )
    )
