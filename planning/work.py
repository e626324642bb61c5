"""Pending work: every question acknowledged to Slack is recorded before the acknowledgement
and stays recorded until its answer is posted, so that no process stopping (a deploy, a
scale-in, a crash) loses it.

A process works on an item while it holds its lease (`owner`, `lease_until`) and renews the
lease while it works; an item whose lease ran out, or that was handed back, is claimed by
whichever process asks first: claiming is one conditional UPDATE, so exactly one wins. An
answered item keeps its key (not its payload) for a day, so that a retry Slack sends for it
is recognised and dropped, on any process.

Functions take the time (`now`) and the process's name; they never read the clock.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Table, and_, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from planning.conversations import save_states_in
from planning.db import as_utc, writing
from planning.models import PendingWork

WORK: Table = PendingWork.__table__  # type: ignore[attr-defined]
PENDING, WORKING, DONE = "pending", "working", "done"


@dataclass(frozen=True)
class Work:
    key: str
    kind: str
    payload: dict[str, Any]
    attempts: int  # how many times a process has taken it on, this time included
    apologized: bool
    received_at: dt.datetime


def record(
    engine: Engine,
    *,
    key: str,
    kind: str,
    payload: dict[str, Any],
    now: dt.datetime,
    owner: str | None,
    lease: dt.timedelta,
    apologized: bool = False,
    wait: float = 30.0,
) -> bool:
    """Record new work, held by `owner` for `lease` (or, with no owner, pending for any
    process). False when the key is already recorded: a retry of work already taken on.
    Waits at most `wait` seconds for another writer, then raises the database's error."""
    values = {
        "key": key,
        "kind": kind,
        "payload": json.dumps(payload),
        "state": WORKING if owner else PENDING,
        "owner": owner,
        "lease_until": now + lease if owner else None,
        "attempts": 1 if owner else 0,
        "apologized": apologized,
        "received_at": now,
    }
    try:
        with writing(engine, wait=wait) as conn:
            conn.execute(insert(WORK).values(**values))
    except IntegrityError:
        return False
    return True


@dataclass(frozen=True)
class NewWork:
    key: str
    kind: str
    payload: dict[str, Any]
    owner: str | None  # held by this process, or pending for any
    apologized: bool = False


def record_many(
    engine: Engine,
    entries: Sequence[NewWork],
    *,
    now: dt.datetime,
    lease: dt.timedelta,
    wait: float = 30.0,
) -> set[str]:
    """`record` for several pieces of work in one write; the keys that were new (the
    others were recorded before: retries)."""
    if not entries:
        return set()
    rows = [
        {
            "key": e.key,
            "kind": e.kind,
            "payload": json.dumps(e.payload),
            "state": WORKING if e.owner else PENDING,
            "owner": e.owner,
            "lease_until": now + lease if e.owner else None,
            "attempts": 1 if e.owner else 0,
            "apologized": e.apologized,
            "received_at": now,
        }
        for e in {e.key: e for e in reversed(entries)}.values()  # a key once, the first
    ]
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
    statement = (
        upsert(WORK).values(rows).on_conflict_do_nothing(index_elements=[WORK.c.key])
    ).returning(WORK.c.key)
    with writing(engine, wait=wait, urgent=True) as conn:  # Slack's acknowledgement waits
        return set(conn.execute(statement).scalars())


def claimable(engine: Engine, *, now: dt.datetime, limit: int = 20) -> list[str]:
    """Keys of work nobody holds: handed back, or whose holder stopped renewing its lease."""
    query = (
        select(WORK.c.key)
        .where(WORK.c.state != DONE, _free(now))
        .order_by(WORK.c.received_at)
        .limit(limit)
    )
    with engine.connect() as conn:
        return list(conn.execute(query).scalars())


def claim(
    engine: Engine,
    *,
    key: str,
    owner: str,
    now: dt.datetime,
    lease: dt.timedelta,
    wait: float = 5.0,
) -> Work | None:
    """Take `key` on for `owner`, if nobody holds it (and it is not done): the one process
    whose conditional update changes the row wins; every other gets None."""
    with writing(engine, wait=wait) as conn:
        row = conn.execute(
            update(WORK)
            .where(WORK.c.key == key, WORK.c.state != DONE, _free(now))
            .values(
                state=WORKING, owner=owner, lease_until=now + lease, attempts=WORK.c.attempts + 1
            )
            .returning(
                WORK.c.kind, WORK.c.payload, WORK.c.attempts, WORK.c.apologized, WORK.c.received_at
            )
        ).first()
    return None if row is None else _work(key, *row)


def _work(
    key: str, kind: str, payload: str, attempts: int, apologized: bool, received: Any
) -> Work:
    """A row of the table as the Work it holds."""
    received_at = as_utc(received)
    assert received_at is not None
    return Work(key, kind, json.loads(payload), int(attempts), bool(apologized), received_at)


def held_by(engine: Engine, *, owner: str) -> list[Work]:
    """The work recorded as held by `owner` and not done, oldest first: what it was given,
    whether or not it ever reached it."""
    query = (
        select(
            WORK.c.key,
            WORK.c.kind,
            WORK.c.payload,
            WORK.c.attempts,
            WORK.c.apologized,
            WORK.c.received_at,
        )
        .where(WORK.c.owner == owner, WORK.c.state != DONE)
        .order_by(WORK.c.received_at)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [_work(*row) for row in rows]


def renew(
    engine: Engine,
    *,
    keys: Sequence[str],
    owner: str,
    now: dt.datetime,
    lease: dt.timedelta,
    wait: float = 5.0,
) -> set[str]:
    """Extend the lease of the work `owner` is still doing; the keys it still held."""
    if not keys:
        return set()
    with writing(engine, wait=wait, durable=False) as conn:
        rows = conn.execute(
            update(WORK)
            .where(WORK.c.key.in_(list(keys)), WORK.c.owner == owner, WORK.c.state == WORKING)
            .values(lease_until=now + lease)
            .returning(WORK.c.key)
        )
        return set(rows.scalars())


def finish(
    engine: Engine, *, key: str, owner: str | None, now: dt.datetime, wait: float = 5.0
) -> None:
    """The answer is posted: keep the key (to drop retries), forget the payload."""
    held = WORK.c.owner == owner if owner is not None else WORK.c.owner.is_(None)
    # Not waiting for the disk: lost in a server crash, the work is answered again.
    with writing(engine, wait=wait, durable=False) as conn:
        conn.execute(
            update(WORK)
            .where(WORK.c.key == key, held)
            .values(state=DONE, payload="{}", owner=None, lease_until=None, done_at=now)
        )


def finish_many(
    engine: Engine,
    *,
    keys: Sequence[str],
    owner: str,
    now: dt.datetime,
    states: dict[str, tuple[str, dt.datetime]] | None = None,
    wait: float = 5.0,
) -> None:
    """`finish` for several keys `owner` answered, in one write, with the conversation
    `states` ({key: (state, expires_at)}) those answers left."""
    if not keys and not states:
        return
    with writing(engine, wait=wait, durable=False) as conn:
        if keys:
            conn.execute(
                update(WORK)
                .where(WORK.c.key.in_(list(keys)), WORK.c.owner == owner)
                .values(state=DONE, payload="{}", owner=None, lease_until=None, done_at=now)
            )
        save_states_in(conn, states or {})


def release(
    engine: Engine,
    *,
    keys: Sequence[str],
    owner: str,
    not_before: dt.datetime | None = None,
    apologized: bool | None = None,
    wait: float = 5.0,
) -> int:
    """Hand work back, for any process to take on (from `not_before`, when given)."""
    if not keys:
        return 0
    values: dict[str, Any] = {"state": PENDING, "owner": None, "lease_until": not_before}
    if apologized is not None:
        values["apologized"] = apologized
    with writing(engine, wait=wait) as conn:
        return conn.execute(
            update(WORK)
            .where(WORK.c.key.in_(list(keys)), WORK.c.owner == owner, WORK.c.state == WORKING)
            .values(**values)
        ).rowcount


def give_up(
    engine: Engine, *, received_before: dt.datetime, now: dt.datetime, wait: float = 5.0
) -> list[str]:
    """Work still unanswered that is too old to answer now (its Slack reply links have
    expired, its asker has moved on): marked done; the keys given up."""
    with writing(engine, wait=wait) as conn:
        rows = conn.execute(
            update(WORK)
            .where(WORK.c.state != DONE, WORK.c.received_at < received_before, _free(now))
            .values(state=DONE, payload="{}", owner=None, lease_until=None, done_at=now)
            .returning(WORK.c.key)
        )
        return list(rows.scalars())


def forget_done(engine: Engine, *, before: dt.datetime, wait: float = 5.0) -> int:
    """Drop the keys of work answered before `before` (Slack stops retrying within the hour)."""
    with writing(engine, wait=wait) as conn:
        return conn.execute(
            delete(WORK).where(WORK.c.state == DONE, WORK.c.done_at < before)
        ).rowcount


def _free(now: dt.datetime) -> Any:
    return or_(WORK.c.lease_until.is_(None), and_(WORK.c.lease_until < now))
