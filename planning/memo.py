"""Answers that depend only on stored data, remembered until that data changes.

Every change to planning data is an audited import (one transaction with its audit_log row)
or a new forecast run, so (audit rows, newest audit id, newest run id) identifies the data a
result was computed from. A stock question about a product asked a second time then costs
a look at that version instead of a projection. A change made behind Ponte's back (SQL
typed into the database) is seen after the next import or run.

The version is read once per VERSION_TTL, not once per call (an answer looked at it three
to five times: the router's catalogue, each remembered result). A transaction of this
process that changes it (an audit row, a forecast run: they call `data_changed`) makes it
read afresh as it commits and again once its connection is back in the pool, so what Ponte
writes is seen by its next answer; a commit by another process (`ponte import` beside
`ponte run`, another replica) is seen within VERSION_TTL, as if the question had come that
much earlier. The queue's bookkeeping, conversations and the like commit all the time and
change no version: they leave the version read as it is.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, event, text

T = TypeVar("T")
DataVersion = tuple[int, int, int, int]
VERSION_TTL = 0.2  # seconds a version read is used before it is read again


@dataclass(frozen=True)
class Versions:
    data: DataVersion  # every audited change and forecast run
    catalogue: tuple[int, int]  # imports only (planning.catalogue.catalogue_version)


CHANGED, SETTLING = "ponte_data_changed", "ponte_data_settling"


def data_changed(conn: Connection) -> None:
    """The transaction on `conn` changes the data version: readers read it afresh once it
    has committed."""
    conn.info[CHANGED] = True
    _SNAPSHOT.watch(conn.engine)


class _Snapshot:
    """The versions as last read, per engine; a generation that moves on with each commit
    of this process that changed them (before the commit and after, see the module's
    note: a read between the two is not kept)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.generation = 0
        self.read: weakref.WeakKeyDictionary[Engine, tuple[Versions, float, int]] = (
            weakref.WeakKeyDictionary()
        )
        self.watched: weakref.WeakSet[Engine] = weakref.WeakSet()

    def watch(self, engine: Engine) -> None:
        with self.lock:
            if engine in self.watched:
                return
            self.watched.add(engine)
        event.listen(engine, "commit", self._committing)
        event.listen(engine, "rollback", self._rolled_back)
        event.listen(engine.pool, "checkin", self._checked_in)

    def _move_on(self) -> None:
        with self.lock:
            self.generation += 1

    def _committing(self, conn: Connection) -> None:
        if conn.info.pop(CHANGED, False):
            conn.info[SETTLING] = True
            self._move_on()

    def _rolled_back(self, conn: Connection) -> None:
        conn.info.pop(CHANGED, None)

    def _checked_in(self, _dbapi: object, record: Any) -> None:
        if record.info.pop(SETTLING, False):
            self._move_on()


_SNAPSHOT = _Snapshot()


def versions(engine: Engine) -> Versions:
    """The data and catalogue versions, read at most VERSION_TTL ago and after this
    process's last change to them (see the module's note)."""
    _SNAPSHOT.watch(engine)
    now = time.monotonic()
    with _SNAPSHOT.lock:
        generation = _SNAPSHOT.generation
        held = _SNAPSHOT.read.get(engine)
        if held is not None and held[2] == generation and now - held[1] < VERSION_TTL:
            return held[0]
    # Counts as well as newest ids: SQLite reuses the top rowid after a delete.
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM audit_log), (SELECT max(id) FROM audit_log), "
                "(SELECT count(*) FROM forecast_run), (SELECT max(id) FROM forecast_run), "
                "(SELECT count(*) FROM audit_log WHERE action = 'import'), "
                "(SELECT max(id) FROM audit_log WHERE action = 'import')"
            )
        ).one()
    n = [int(v or 0) for v in row]
    read = Versions((n[0], n[1], n[2], n[3]), (n[4], n[5]))
    with _SNAPSHOT.lock:
        if _SNAPSHOT.generation == generation:  # no commit since: what was read stands
            _SNAPSHOT.read[engine] = (read, now, generation)
    return read


def data_version(engine: Engine) -> DataVersion:
    return versions(engine).data


_EVERY: weakref.WeakSet[DataMemo] = weakref.WeakSet()


def forget_everything() -> None:
    """Empty every memo of this process: the next answer is computed as if it were the
    first (benchmarks time answers this way)."""
    for memo in list(_EVERY):
        with memo._lock:
            memo._by_engine.clear()


class DataMemo:
    """An LRU of results per engine, keyed by the caller's key and the data version."""

    def __init__(self, size: int = 2048) -> None:
        _EVERY.add(self)
        self.size = size
        self._by_engine: weakref.WeakKeyDictionary[Engine, OrderedDict[Hashable, object]] = (
            weakref.WeakKeyDictionary()
        )
        self._lock = threading.Lock()
        self._computing: dict[tuple[int, Hashable], threading.Event] = {}

    def get(self, engine: Engine, key: Hashable, compute: Callable[[], T]) -> T:
        full = (data_version(engine), key)
        while True:
            with self._lock:
                found = self._by_engine.setdefault(engine, OrderedDict())
                if full in found:
                    found.move_to_end(full)
                    return found[full]  # type: ignore[return-value]
                computing = self._computing.get((id(engine), full))
                if computing is None:  # this thread computes it; the others wait for it
                    computing = self._computing[(id(engine), full)] = threading.Event()
                    break
            # People ask about the product of the moment together: one computation, not ten.
            # Should it fail, the next one in line computes (and meets the error itself).
            computing.wait()
        try:
            value = compute()  # outside the lock: other keys go on meanwhile
            with self._lock:
                found[full] = value
                while len(found) > self.size:
                    found.popitem(last=False)
        finally:
            with self._lock:
                del self._computing[(id(engine), full)]
            computing.set()
        return value
