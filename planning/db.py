"""Database engine factory, sessions and schema migrations.

The engine comes from `make_engine(url)`; nothing connects at import time. The schema is
owned by Alembic migrations in planning/migrations, applied by `upgrade(engine)`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from sqlmodel import Session

from planning.errors import PonteError

if TYPE_CHECKING:
    import pandas as pd
    from alembic.config import Config

# The newest migration. Alembic takes a fifth of a second to import; a database already at
# this revision skips it (tests/planning/test_schema.py checks HEAD against Alembic's head).
HEAD = "0018"

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Full-text search objects the migrations make and the models do not describe: SQLite's
# FTS5 table (and the shadow tables FTS5 keeps) and PostgreSQL's expression GIN index.
SEARCH_OBJECTS = ("feedback_fts", "ix_feedback_fts")


def described_by_models(obj: Any, name: str | None, kind: str, reflected: bool, other: Any) -> bool:
    """Alembic's include_object: compare everything but the full-text search objects."""
    return not (reflected and name is not None and name.startswith(SEARCH_OBJECTS))


CONNECT_TIMEOUT = 10  # seconds to open a PostgreSQL connection
DEFAULT_LOCK_WAIT = 30.0  # seconds any statement waits for another writer's locks
IDLE_BEFORE_PING = 5.0  # seconds a pooled PostgreSQL connection may idle before a check


class DatabaseError(PonteError):
    """The database cannot be reached or used; the message says what to check."""


def normalize_url(url: str) -> str:
    """Accept the URLs people paste (postgres://, postgresql://) and pick the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def make_engine(url: str, *, lock_wait: float = DEFAULT_LOCK_WAIT, **kwargs: Any) -> Engine:
    """Create an engine for `url` (SQLite file or PostgreSQL), configured for Ponte.
    Any statement waits at most `lock_wait` seconds for another writer's locks."""
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        # A connection per worker thread (the Slack app answers on several at once) instead
        # of opening and closing overflow connections, each with its PRAGMAs, under load.
        kwargs.setdefault("pool_size", 16)
        engine = create_engine(url, connect_args={"timeout": lock_wait}, **kwargs)
        _LOCK_WAIT[engine] = lock_wait  # its connections' busy timeout (see writing)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    connect_args = {
        # A server that stopped answering fails a question in seconds, not after TCP's
        # minutes: a connection attempt, and a network path that stopped carrying data.
        "connect_timeout": CONNECT_TIMEOUT,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        "tcp_user_timeout": 30_000,
        "options": f"-c lock_timeout={_millis(lock_wait)}",
        **kwargs.pop("connect_args", {}),
    }
    kwargs.setdefault("pool_size", 16)  # a connection per answering thread, kept
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    event.listen(engine, "checkout", _ping_if_idle)
    event.listen(engine, "checkin", _note_checkin)
    return engine


def _note_checkin(_dbapi_connection: Any, record: Any) -> None:
    record.info["checked_in"] = time.monotonic()


def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    # A connection idle for a while may have been cut (a restart, a failover, a firewall):
    # one round trip finds out, and the pool opens a new one. A connection in steady use
    # is not pinged each time (that was a fifth of a busy answer's database time); if it
    # breaks mid-use, that answer fails over to a retry.
    if time.monotonic() - record.info.get("checked_in", 0.0) < IDLE_BEFORE_PING:
        return
    try:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:
        raise DisconnectionError("connection lost while idle") from exc


def _millis(seconds: float) -> int:
    return max(1, min(int(seconds * 1000), 2**31 - 1))


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # The sqlite3 module's implicit transactions leave DDL outside them; hand transaction
    # control to SQLAlchemy (BEGIN in _sqlite_on_begin) so an import is all or nothing.
    dbapi_connection.isolation_level = None
    # Foreign keys are off by default in SQLite; WAL lets the bot read while an import writes.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_on_begin(connection: Any) -> None:
    # Writers ask for BEGIN IMMEDIATE (execution option sqlite_begin="IMMEDIATE"): they take
    # the write lock up front and queue behind each other, instead of failing with
    # SQLITE_BUSY when a read-then-write transaction finds another writer got there first.
    mode = connection.get_execution_options().get("sqlite_begin", "")
    connection.exec_driver_sql(f"BEGIN {mode}".strip())


@contextmanager
def writing(
    engine: Engine, *, wait: float, durable: bool = True, urgent: bool = False
) -> Iterator[Connection]:
    """A write transaction that waits at most `wait` seconds for another writer's locks
    (then fails with a lock error, see `is_lock_timeout`), instead of the engine's default.

    SQLite: this process's writers take turns on a Python lock, then BEGIN IMMEDIATE takes
    the one writer's lock up front, under a busy timeout set for this transaction only.
    PostgreSQL: every lock wait inside it is bounded; a write that is not `durable`
    (bookkeeping a server crash may lose without harm) does not wait for the disk.
    An `urgent` write (what Slack's acknowledgement waits for) goes before this process's
    other SQLite writers waiting their turn."""
    millis = _millis(wait)
    with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn:
        if conn.dialect.name != "sqlite":
            with conn.begin():
                # One round trip for both settings (each is one more on a busy path).
                sync = "off" if not durable else "on"
                conn.exec_driver_sql(
                    f"SELECT set_config('lock_timeout', '{millis}', true), "
                    f"set_config('synchronous_commit', '{sync}', true)"
                )
                yield conn
            return
        # This process's writers queue on a lock: SQLite's own wait for a busy database
        # sleeps in steps of up to 100 ms, which under load is most of a write's time.
        started = time.monotonic()
        lock = _writer_lock(engine)
        if not lock.acquire(timeout=max(wait, 0.0), urgent=urgent):
            raise OperationalError(
                "BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked")
            )
        try:
            # Another process's writer is waited for by SQLite's busy timeout: `wait`, for
            # this transaction only. Each statement on a busy path gives the interpreter
            # lock up and waits for it back behind the answers (most of a write's time
            # under load), so the connection's own timeout is not read back: it is the
            # engine's (make_engine), and a write waiting that long sets nothing.
            raw = conn.connection.driver_connection
            assert raw is not None
            known = _LOCK_WAIT.get(engine)
            default = (
                _millis(known) if known is not None
                else int(raw.execute("PRAGMA busy_timeout").fetchone()[0])
            )  # fmt: skip
            left = _millis(max(wait - (time.monotonic() - started), 0.001))
            if left != default:
                raw.execute(f"PRAGMA busy_timeout = {left}")
            try:
                with conn.begin():
                    yield conn
            finally:
                if left != default:
                    raw.execute(f"PRAGMA busy_timeout = {default}")
        finally:
            lock.release()


_LOCK_WAIT: weakref.WeakKeyDictionary[Engine, float] = weakref.WeakKeyDictionary()


class _WriterTurns:
    """This process's SQLite writers, one at a time; urgent ones before the others."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._held = False
        self._urgent = 0  # urgent writers waiting

    def acquire(self, *, timeout: float, urgent: bool = False) -> bool:
        deadline = time.monotonic() + timeout
        with self._changed:
            self._urgent += urgent
            try:
                while self._held or (self._urgent and not urgent):
                    left = deadline - time.monotonic()
                    if left <= 0:
                        return False
                    self._changed.wait(left)
                self._held = True
                return True
            finally:
                self._urgent -= urgent

    def release(self) -> None:
        with self._changed:
            self._held = False
            self._changed.notify_all()


_WRITERS: weakref.WeakKeyDictionary[Engine, _WriterTurns] = weakref.WeakKeyDictionary()
_WRITERS_LOCK = threading.Lock()


def _writer_lock(engine: Engine) -> _WriterTurns:
    with _WRITERS_LOCK:
        return _WRITERS.setdefault(engine, _WriterTurns())


def is_lock_timeout(exc: DBAPIError) -> bool:
    """The database refused because another writer held a lock past the wait allowed."""
    orig = exc.orig
    if getattr(orig, "sqlstate", None) == "55P03":  # PostgreSQL: lock_not_available
        return True
    return "database is locked" in str(orig) or "database table is locked" in str(orig)


SQLITE_UNAVAILABLE = ("database is locked", "database table is locked", "unable to open",
                      "disk i/o error")  # fmt: skip


def is_unavailable(exc: BaseException) -> bool:
    """The database cannot be reached or used right now (down, refusing connections, cut
    off, locked, out of pooled connections), as opposed to a bug in a query."""
    if isinstance(exc, SQLAlchemyTimeoutError):  # every pooled connection busy
        return True
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated or isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    if type(exc.orig).__module__ == "sqlite3":  # SQLite also says "no such table" this way
        return str(exc.orig).lower().startswith(SQLITE_UNAVAILABLE)
    return True  # PostgreSQL: connection failures, shutdowns, a database refusing connections


# Rows SQLite's ANALYZE samples per index: statistics in milliseconds on a 2.4M-row table,
# good enough for the planner to choose between an index and a scan.
ANALYSIS_LIMIT = 2000


def analyze(engine: Engine, tables: list[str], *, wait: float = 5.0) -> None:
    """Refresh the planner's statistics of `tables` after a bulk write, so that a question
    about one product uses the product's index instead of scanning a whole run or table
    (SQLite keeps no statistics until told to). Statistics are an optimisation: if another
    writer holds the database longer than `wait` seconds, the old ones stay."""
    try:
        with writing(engine, wait=wait, durable=False) as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
            for table in tables:
                conn.exec_driver_sql(f"ANALYZE {table}")
    except OperationalError as exc:
        if not is_lock_timeout(exc):
            raise


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply every pending migration (idempotent)."""
    if revision == "head" and _at_head(engine):
        return
    from alembic import command

    try:
        command.upgrade(_alembic_config(engine), revision)
    except OperationalError as exc:  # connection problems surface here first
        url = engine.url.render_as_string(hide_password=True)
        if is_lock_timeout(exc):
            raise DatabaseError(
                f"another import or writer is holding the database {url}: try again when it "
                "has finished"
            ) from exc
        raise DatabaseError(f"cannot reach the database {url}: {exc.orig}") from exc


def _at_head(engine: Engine) -> bool:
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except Exception:
        return False
    return found == [HEAD]


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with Session(engine) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def as_date(value: object) -> dt.date | None:
    """A DATE as the drivers hand it back: SQLite gives ISO text (for aggregates too)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def as_dates(column: pd.Series) -> pd.Series:
    """A column of DATEs as read into a DataFrame (ISO text on SQLite, dates on PostgreSQL),
    as dates. The format is said: pandas guessing it for each column was half the cost of
    reading a few rows."""
    import pandas as pd  # imported by whoever reads frames; not by every user of this module

    return pd.to_datetime(column, format="ISO8601").dt.date


def as_utc(value: object) -> dt.datetime | None:
    """A timestamp in UTC: SQLite gives naive text, PostgreSQL the session's time zone."""
    if value is None:
        return None
    parsed = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
