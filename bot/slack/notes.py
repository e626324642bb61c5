""" "Working on it" notes for slow answers, from one shared thread.

Every answer arms a note to be posted if it is not done within a few seconds; almost none
are that slow. A thread per answer (threading.Timer) cost a thread start and a join on every
question; here one thread keeps the deadlines in a heap.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger("ponte.slack")


class Note:
    """One armed note: `settle()` stops it from being posted, or waits until it has been
    (so that the note always lands before the answer that replaces it)."""

    def __init__(self, action: Callable[[], None]) -> None:
        self.action = action
        self.state = "armed"  # armed -> posting -> done, or armed -> cancelled
        self.changed = threading.Condition()

    def settle(self) -> None:
        with self.changed:
            if self.state == "armed":
                self.state = "cancelled"
            while self.state == "posting":
                self.changed.wait()

    def fire(self) -> None:
        with self.changed:
            if self.state != "armed":
                return
            self.state = "posting"
        try:
            self.action()
        except Exception:  # a note that could not be posted: the answer still comes
            log.warning("working-on-it note failed", exc_info=True)
        finally:
            with self.changed:
                self.state = "done"
                self.changed.notify_all()


class Notes:
    """Posts each armed note when its deadline passes, unless it was settled first."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Note]] = []
        self._order = itertools.count()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def arm(self, after: float, action: Callable[[], None]) -> Note:
        note = Note(action)
        if after <= 0:  # always say it first: now, before the answer can overtake it
            note.fire()
            return note
        with self._wake:
            heapq.heappush(self._heap, (time.monotonic() + after, next(self._order), note))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True,
                                                name="ponte-working-notes")  # fmt: skip
                self._thread.start()
            self._wake.notify()
        return note

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._heap or self._heap[0][0] > time.monotonic():
                    timeout = self._heap[0][0] - time.monotonic() if self._heap else None
                    self._wake.wait(timeout)
                _, _, note = heapq.heappop(self._heap)
            if note.state == "armed":
                # Posting (a Slack call) must not hold up the next deadline.
                threading.Thread(target=note.fire, daemon=True).start()
