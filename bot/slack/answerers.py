"""Answering in child processes: `ponte run` acknowledges and records what Slack sends, and
PONTE_ANSWERERS processes (each its own interpreter) answer it.

Why: answering is Python work under one interpreter lock. In one process every
acknowledgement, which writes the request's record before Slack gets its 200, waits for
that lock behind the answers in progress. In separate processes the operating system shares
the cores between them, finely, and the acknowledging process stays light (bench/
slack_load.py, mixed:20 on 2 cores, the same day: ack p99 67 -> 33 ms, reply p95 99 ->
77 ms, answers/s 256 -> 317 with one answerer).

How work reaches an answerer: the acknowledging process records it as held by an answerer
that is ready (round robin), then puts it in that answerer's inbox. Each answerer is a full
owner of the durable queue (bot.slack.queue): it renews its leases, marks what it answered
and sweeps work nobody holds. So an answerer that dies is a replica that died: its leases
run out, the others take its work over, and a new one is started. Work recorded while no
answerer is ready is recorded as held by nobody and swept within a second (by `ponte run`
itself while no answerer runs at all). On SIGTERM the
acknowledging process drains: each answerer finishes or hands back what it holds within the
grace period. An answerer whose parent is gone (SIGKILL) finishes what it holds and exits.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import queue as queues
import signal
import threading
import time
import uuid
from typing import Any

from planning.work import Work

log = logging.getLogger("ponte.slack")
READY_TIMEOUT = 120.0  # seconds an answerer may take to start before it is started again
WATCH_EVERY = 1.0  # seconds between looks at the answerers (dead ones are started again)
PARENT_CHECK = 1.0  # seconds an answerer waits for work before checking its parent lives
RESTART_GAP = 5.0  # seconds at least between starts of one answerer (one that cannot start)


class Answerers:
    """The answerer processes of one `ponte run`, and where the next piece of work goes."""

    def __init__(self, count: int, *, today: dt.date | None, owner: str) -> None:
        self.count, self.today, self.prefix = count, today, owner
        self._context = multiprocessing.get_context("spawn")  # no forked threads or sockets
        self._ready: Any = self._context.Queue()  # owners that have started answering
        self._slots: list[_Slot] = []
        self._lock = threading.Lock()
        self._next = 0
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None

    def start(self, *, wait: float = READY_TIMEOUT) -> None:
        """Start the answerers and wait (up to `wait` seconds) until each can answer."""
        with self._lock:
            self._slots = [self._spawn() for _ in range(self.count)]
        deadline = time.monotonic() + wait
        # Until each is ready, or has died starting (the watcher starts it again).
        while time.monotonic() < deadline and not all(
            s.ready or not s.process.is_alive() for s in self._slots
        ):
            self._take_ready(timeout=0.2)
        self._watcher = threading.Thread(target=self._watch, daemon=True,
                                         name="ponte-answerers")  # fmt: skip
        self._watcher.start()

    def pick(self) -> str | None:
        """The owner to record the next piece of work under: the next ready answerer, or
        None when none is (then whichever answerer sweeps first takes it)."""
        with self._lock:
            ready = self._live()
            if not ready:
                return None
            self._next = (self._next + 1) % len(ready)
            return ready[self._next].owner

    def send(self, owner: str | None, work: Work, *, recorded: bool) -> bool:
        """Give `work` to the answerer recorded as its owner (None: to a ready one, for work
        that could not be recorded); whether one took it. Recorded work whose answerer is
        gone is left to the sweeps, once its lease runs out; work that could not be recorded
        and finds no answerer (none running, or stopping) is the caller's to answer."""
        with self._lock:
            live = self._live()
            slot = next((s for s in live if s.owner == owner), None)
            if slot is None and not recorded and live:
                slot = live[self._next % len(live)]
            if slot is None or self._stopping.is_set():
                if recorded:
                    log.warning("%s %s: its answerer stopped; another takes it over when its "
                                "lease runs out", work.kind, work.key)  # fmt: skip
                return False
            slot.inbox.put((work, recorded))  # under the lock: never after drain's None
            return True

    def drain(self, grace: float) -> None:
        """Tell every answerer to finish or hand back its work, and wait for them (the
        grace period, and a few seconds for them to exit). Once: later calls return."""
        with self._lock:
            if self._stopping.is_set():
                return
            self._stopping.set()
            slots = list(self._slots)
            for slot in slots:
                slot.inbox.put(None)
        deadline = time.monotonic() + grace + 5.0
        for slot in slots:
            slot.process.join(max(deadline - time.monotonic(), 0))
            if slot.process.is_alive():
                log.warning("answerer %s still running after the grace period: stopped",
                            slot.owner)  # fmt: skip
                slot.process.kill()
                slot.process.join()

    def alive(self) -> int:
        with self._lock:
            return len(self._live())

    # -- inside ----------------------------------------------------------------------------

    def _live(self) -> list[_Slot]:
        """The answerers that can answer now (the caller holds the lock)."""
        return [s for s in self._slots if s.ready and s.process.is_alive()]

    def _spawn(self) -> _Slot:
        owner = f"{self.prefix}/answerer-{uuid.uuid4().hex[:6]}"
        inbox = self._context.Queue()
        # Exiting never waits to feed a dead answerer: what it was sent is recorded as its
        # work, and taken over once its leases run out.
        inbox.cancel_join_thread()
        process = self._context.Process(
            target=answer_forever,
            args=(owner, inbox, self._ready, self.today, os.getpid()),
            name="ponte-answerer", daemon=False,
        )  # fmt: skip
        process.start()
        return _Slot(owner, inbox, process, started=time.monotonic())

    def _take_ready(self, *, timeout: float) -> None:
        try:
            owner = self._ready.get(timeout=timeout)
        except queues.Empty:
            return
        with self._lock:
            for slot in self._slots:
                if slot.owner == owner:
                    slot.ready = True

    def _watch(self) -> None:
        while not self._stopping.wait(0):
            self._take_ready(timeout=WATCH_EVERY)
            if self._stopping.is_set():
                return
            with self._lock:
                if self._stopping.is_set():  # drain has told the ones it knows: no more
                    return
                for i, slot in enumerate(self._slots):
                    age = time.monotonic() - slot.started
                    late = not slot.ready and age > READY_TIMEOUT
                    if (slot.process.is_alive() and not late) or age < RESTART_GAP:
                        continue
                    if late:
                        slot.process.kill()
                    slot.process.join(5)
                    log.warning("answerer %s stopped (exit code %s): starting another; its "
                                "work is taken over when its leases run out", slot.owner,
                                slot.process.exitcode)  # fmt: skip
                    slot.inbox.close()
                    self._slots[i] = self._spawn()


class _Slot:
    def __init__(self, owner: str, inbox: Any, process: Any, *, started: float) -> None:
        self.owner, self.inbox, self.process, self.started = owner, inbox, process, started
        self.ready = False


def answer_forever(owner: str, inbox: Any, ready: Any, today: dt.date | None, parent: int) -> None:
    """An answerer process: the same app as `ponte run`'s (process `parent`), answering
    what arrives in `inbox` (and what the sweeps find) as `owner`, until told to drain
    (None) or its parent is gone."""
    # The parent decides when answerers stop (Ctrl-C reaches the whole process group);
    # without it (killed, even while this one started) this one finishes and exits.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    from bot.cli import build_assistant, build_services
    from bot.slack.app import SlackServices, create_app, queue_of

    services = build_services(today)
    settings = services.settings
    app = create_app(settings, SlackServices(services.engine, build_assistant(services),
                                             services.clock))  # fmt: skip
    work_queue = queue_of(app)
    assert work_queue is not None
    work_queue.owner = owner
    work_queue.start()
    ready.put(owner)
    grace = settings.ponte_drain_seconds
    while True:
        try:
            message = inbox.get(timeout=PARENT_CHECK)
        except queues.Empty:
            if os.getppid() != parent:
                log.warning("answerer %s: Ponte stopped; finishing the work held", owner)
                # What Ponte recorded for this answerer or for nobody, handed over or not:
                # no other process may be left to take it, so it is answered here.
                grace = work_queue.finish_alone(grace)
                break
            continue
        if message is None:
            break
        work, recorded = message
        work_queue.adopt(work, recorded=recorded)
    work_queue.drain(grace)
    work_queue.stop()
