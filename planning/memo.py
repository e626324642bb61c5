"""Answers that depend only on stored data, remembered until that data changes.

Every change to planning data is an audited import (one transaction with its audit_log row)
or a new forecast run, so (audit rows, newest audit id, newest run id) identifies the data a
result was computed from; one cheap query checks it on every call. A stock question about a
product asked a second time then costs that query instead of a projection. A change made
behind Ponte's back (SQL typed into the database) is seen after the next import or run.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from sqlalchemy import Engine, text

T = TypeVar("T")
DataVersion = tuple[int, int, int, int]


def data_version(engine: Engine) -> DataVersion:
    # Counts as well as newest ids: SQLite reuses the top rowid after a delete.
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM audit_log), (SELECT max(id) FROM audit_log), "
                "(SELECT count(*) FROM forecast_run), (SELECT max(id) FROM forecast_run)"
            )
        ).one()
    return tuple(int(v or 0) for v in row)  # type: ignore[return-value]


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
