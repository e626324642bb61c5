"""Exactly-once delivery: an event id is taken on once, whichever replica sees it first.

Slack retries an event it believes was not acknowledged (a slow network, a restart), and with
several replicas behind HTTP mode the retry may reach another process; the primary key of
`processed_event` is what makes "first" true across all of them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, Table, delete, insert
from sqlalchemy.exc import IntegrityError

from planning.db import writing
from planning.models import ProcessedEvent

EVENTS: Table = ProcessedEvent.__table__  # type: ignore[attr-defined]


def first_delivery(
    engine: Engine, event_id: str, *, source: str, now: dt.datetime, wait: float = 30.0
) -> bool:
    """Record `event_id`; True the first time it is seen, False for every retry after.

    Waits at most `wait` seconds for another writer (a long import holds SQLite's one write
    lock); past that, or with the database down, raises the database's error: the caller
    decides whether to answer anyway."""
    try:
        with writing(engine, wait=wait) as conn:
            conn.execute(insert(EVENTS).values(event_id=event_id, source=source, received_at=now))
    except IntegrityError:
        return False
    return True


def forget_events(engine: Engine, *, before: dt.datetime) -> int:
    """Drop event ids received before `before` (Slack stops retrying within the hour)."""
    with engine.begin() as conn:
        return conn.execute(delete(EVENTS).where(EVENTS.c.received_at < before)).rowcount


def forget_event(engine: Engine, event_id: str) -> None:
    """Let `event_id` be taken on again (its work could not be done: it may be retried)."""
    with engine.begin() as conn:
        conn.execute(delete(EVENTS).where(EVENTS.c.event_id == event_id))
