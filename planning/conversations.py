"""Conversation state shared by every process: what a chat remembers between messages,
stored as the front door serialised it (JSON text), forgotten after its expiry.

A follow-up ("1", "PAD-28", "and by January?") may reach another process than the question
it follows; reading the state from here, any process continues any conversation.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Engine, Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from planning.db import as_utc, writing
from planning.models import ConversationState

STATES: Table = ConversationState.__table__  # type: ignore[attr-defined]


def load_state(engine: Engine, key: str, *, now: dt.datetime) -> str | None:
    """The state saved under `key`, unless it has expired."""
    with engine.connect() as conn:
        row = conn.execute(
            select(STATES.c.state, STATES.c.expires_at).where(STATES.c.key == key)
        ).first()
    if row is None:
        return None
    state, expires = row
    expires_at = as_utc(expires)
    return str(state) if expires_at is not None and expires_at > now else None


def save_state(
    engine: Engine, key: str, state: str, *, expires_at: dt.datetime, wait: float = 30.0
) -> None:
    """Save (or replace) the state under `key`, waiting at most `wait` seconds for another
    writer. The last writer wins: two messages of one conversation answered at the same
    moment keep the later one's state."""
    replace = update(STATES).where(STATES.c.key == key).values(state=state, expires_at=expires_at)
    try:
        with writing(engine, wait=wait, durable=False) as conn:  # a lost one only starts afresh
            if not conn.execute(replace).rowcount:
                conn.execute(insert(STATES).values(key=key, state=state, expires_at=expires_at))
    except IntegrityError:  # another process saved the first state of this key meanwhile
        with writing(engine, wait=wait) as conn:
            conn.execute(replace)


def save_states_in(conn: Connection, states: dict[str, tuple[str, dt.datetime]]) -> None:
    """Save several conversations' states ({key: (state, expires_at)}) inside a transaction
    the caller holds (the queue writes them with the work they answered)."""
    if not states:
        return
    rows = [{"key": k, "state": v, "expires_at": e} for k, (v, e) in states.items()]
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
    statement = upsert(STATES).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=[STATES.c.key],
        set_={"state": statement.excluded.state, "expires_at": statement.excluded.expires_at},
    )
    conn.execute(statement)


def forget_expired(engine: Engine, *, now: dt.datetime, wait: float = 30.0) -> int:
    with writing(engine, wait=wait) as conn:
        return conn.execute(delete(STATES).where(STATES.c.expires_at < now)).rowcount
