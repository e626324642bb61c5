"""The durable answer queue: what Slack was told we took on is recorded before Slack is
acknowledged, and answered by whichever Ponte process holds it, exactly once.

- `take` (on the request's thread, before the acknowledgement) records the work held by this
  process and starts it on the answering pool. A retry of work already recorded is dropped.
  With answerer processes (`hands`, bot.slack.answerers) it records the work as held by one
  of them and hands it over; each answerer's own queue `adopt`s it.
- While this process works on something it renews its lease every RENEW_EVERY seconds; a
  process that stops (crash, SIGKILL) stops renewing, and once its leases run out any other
  process claims the work (one conditional update: one winner) and answers it.
- `drain` (on SIGTERM) stops taking work on, lets what runs finish within a grace period,
  and hands back what is left, for the other processes (or this one, restarted).
- With the database down: the work cannot be recorded; it is answered here as well as it
  can be (an apology in the asker's language, once), kept in memory, and recorded as pending
  as soon as the database is back, so the real answer follows.

Work too old to answer (MAX_AGE: Slack's reply links expire after 30 minutes) is given up
with a log line; answered keys are forgotten after a day.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
import os
import socket
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError

from bot.settings import Clock
from bot.slack.respond import ReplyLost
from planning import work as store
from planning.conversations import forget_expired
from planning.work import Work

if TYPE_CHECKING:
    from bot.slack.answerers import Answerers

log = logging.getLogger("ponte.slack")

LEASE = dt.timedelta(seconds=6)  # a process that stops is taken over within this
RENEW_EVERY = 2.0  # seconds between lease renewals (a third of the lease)
SWEEP_EVERY = 1.0  # seconds between looks for work nobody holds
FINISH_EVERY = 0.1  # seconds between marking the work answered meanwhile
RETRY_AFTER = dt.timedelta(seconds=15)  # work put back because the database was down
RECORD_WAIT = 1.0  # seconds a record may wait for SQLite's write lock (an import holds it)
MAX_AGE = dt.timedelta(minutes=30)
REMEMBER_DONE = dt.timedelta(days=1)
TIDY_EVERY = 600.0  # seconds between clean-ups of old keys and conversations
RECENT = 4096  # keys remembered in memory, to drop retries while the database is down


class AnswerLater(Exception):
    """The database is down: the asker has been told so; the real answer follows later."""


# The work the current thread is answering (None outside the queue: the shell, tests).
CURRENT: contextvars.ContextVar[Work | None] = contextvars.ContextVar("ponte_work", default=None)


@dataclass(frozen=True)
class Status:
    draining: bool
    held: int


class GroupCommit:
    """Writes what several threads submit at the same moment in one go: the first to find
    no write under way writes everything waiting; the others wait for its result (a
    thread whose key is already waiting or being written gets False: a duplicate)."""

    def __init__(self, write: Callable[[list[Any]], set[str]], *, wait: float) -> None:
        self.write, self.wait = write, wait
        self._waiting: dict[str, Any] = {}
        self._writing: set[str] = set()
        self._results: dict[str, bool | BaseException] = {}
        self._changed = threading.Condition()

    def __call__(self, item: Any) -> bool:
        key: str = item.key
        deadline = time.monotonic() + self.wait
        with self._changed:
            if key in self._waiting or key in self._writing:
                return False
            self._waiting[key] = item
            while key not in self._results:
                if not self._writing:
                    batch, self._waiting = self._waiting, {}
                    self._writing = set(batch)
                    break
                # Once a writer has it, that write's own wait bounds this one.
                mine = key in self._waiting
                left = max(deadline - time.monotonic(), 0) if mine else None
                if not self._changed.wait(left) and key in self._waiting:
                    del self._waiting[key]
                    raise TimeoutError("the write before it took too long")
            else:
                return self._result(key)
        try:
            new = self.write(list(batch.values()))
            outcome: dict[str, bool | BaseException] = {k: k in new for k in batch}
        except BaseException as exc:  # every waiter learns what went wrong
            outcome = dict.fromkeys(batch, exc)
        with self._changed:
            self._results.update(outcome)
            self._writing = set()
            self._changed.notify_all()
            return self._result(key)

    def _result(self, key: str) -> bool:
        result = self._results.pop(key)
        if isinstance(result, BaseException):
            raise result
        return result


class WorkQueue:
    def __init__(
        self,
        engine: Any,
        clock: Clock,
        handle: Callable[[Work], None],
        executor: Executor,
        *,
        capacity: int = 12,
    ) -> None:
        self.engine, self.clock, self.handle, self.executor = engine, clock, handle, executor
        self.capacity = capacity  # work held at once before the sweeper stops claiming more
        # Answerer processes (bot.slack.answerers) answer in this process's stead: then this
        # one records and hands over, and neither answers nor sweeps.
        self.hands: Answerers | None = None
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.draining = False
        self._held: set[str] = set()
        self._outbox: dict[str, Work] = {}  # answered with an apology, not yet recorded
        self._finishing: set[str] = set()  # answered, not yet marked so in the database
        self._recent: OrderedDict[str, None] = OrderedDict()
        self._changed = threading.Condition()
        self._renewing = threading.Lock()
        self._loop: threading.Thread | None = None
        self._stop = threading.Event()
        self.on_drain: list[Callable[[], None]] = []  # told when draining starts
        # Requests arriving together are recorded in one write (acknowledgements wait for
        # it: one write each queued them behind each other).
        self._records = GroupCommit(self._record, wait=RECORD_WAIT)
        # Conversations the answers left, saved with the next finishes (see `remember`).
        self._states: dict[str, tuple[str, dt.datetime]] = {}

    # -- taking work on ------------------------------------------------------------------

    def take(self, kind: str, key: str, payload: dict[str, Any]) -> None:
        """Record work acknowledged to Slack and start it here (or, draining, leave it to
        the other processes). Called before the acknowledgement goes back."""
        self.start()
        if self._seen(key):
            log.info("%s %s already taken on: retry dropped", kind, key)
            return
        now = self.clock.now()
        work = Work(key, kind, payload, attempts=1, apologized=False, received_at=now)
        if self.draining:
            owner = None
        else:
            owner = self.hands.pick() if self.hands is not None else self.owner
        try:
            new = self._records(store.NewWork(key, kind, payload, owner))
        except (SQLAlchemyError, TimeoutError) as exc:
            log.warning("%s %s taken on without its exactly-once record (%s): answered "
                        "from memory; a retry of it could be answered twice", kind, key,
                        _first_line(exc))  # fmt: skip
            self._submit(work, recorded=False)
            return
        if not new:
            log.info("%s %s already taken on: retry dropped", kind, key)
        elif self.hands is not None:
            if owner is not None:  # else held by nobody: the answerers' sweeps take it
                self.hands.send(owner, work, recorded=True)
        elif not self.draining:
            self._submit(work, recorded=True)

    def adopt(self, work: Work, *, recorded: bool) -> None:
        """Answer work another process of this Ponte recorded as held by this one (or
        could not record at all), as if `take` had recorded it here."""
        self._seen(work.key)
        self._submit(work, recorded=recorded)

    def adopt_recorded(self) -> int:
        """Answer the work recorded as held by this owner that never reached it (the
        process handing it over was killed on the way); how many were taken on."""
        taken = 0
        for work in store.held_by(self.engine, owner=self.owner):
            with self._changed:
                if work.key in self._held:
                    continue
            self.adopt(work, recorded=True)
            taken += 1
        return taken

    def _record(self, batch: list[store.NewWork]) -> set[str]:
        return set(self._write(store.record_many, entries=batch, now=self.clock.now(),
                               lease=LEASE))  # fmt: skip

    def _seen(self, key: str) -> bool:
        with self._changed:
            if key in self._recent:
                return True
            self._recent[key] = None
            while len(self._recent) > RECENT:
                self._recent.popitem(last=False)
            return False

    def _submit(self, work: Work, *, recorded: bool) -> None:
        # With answerers: work that could not be recorded goes to one of them; work this
        # process claimed itself (no answerer running, see _forever), or that no answerer
        # could take, is answered here.
        if self.hands is not None and not recorded and self.hands.send(None, work, recorded=False):
            return
        if recorded:
            with self._changed:
                self._held.add(work.key)
        self.executor.submit(self._run, work, recorded)

    def _run(self, work: Work, recorded: bool) -> None:
        if self.draining and recorded:  # not started yet: another process does it
            self._hand_back([work.key])
            return
        token = CURRENT.set(work)
        later = False
        try:
            self.handle(work)
        except AnswerLater:
            later = True
        except ReplyLost:
            pass  # logged with its channel and user where it was lost
        except Exception:
            log.exception("Slack work %s %s failed", work.kind, work.key)
        finally:
            CURRENT.reset(token)
        try:
            if later:
                self._answer_later(work, recorded)
            elif recorded:  # marked answered with others, in a moment (see _finish)
                with self._changed:
                    self._finishing.add(work.key)
        except (SQLAlchemyError, TimeoutError) as exc:  # its lease runs out: retried then
            log.warning("%s %s not put back (%s)", work.kind, work.key, _first_line(exc))
        finally:
            with self._changed:
                self._held.discard(work.key)
                self._changed.notify_all()

    def remember(self, name: str, state: str, expires_at: dt.datetime) -> None:
        """Save a conversation's state with the next batch of answered work, in the same
        write (within FINISH_EVERY): answers no longer wait for a write of their own. Until
        then this process reads it from here (`unsaved`); another process sees it a moment
        later, long before a person has read the answer and typed the next message."""
        with self._changed:
            self._states[name] = (state, expires_at)

    def flush(self) -> None:
        """Write the answered work and conversations waiting for the next batch, now."""
        self._finish()

    def unsaved(self, name: str) -> str | None:
        with self._changed:
            found = self._states.get(name)
        return found[0] if found else None

    def _finish(self) -> None:
        """Mark the work answered since the last time, in one write (a write per answer
        was most of an answer's database time on SQLite). Its lease is renewed until then;
        should this process die first, whoever takes the work over finds the reply already
        in Slack. While the database cannot take it, it is tried again next time."""
        with self._renewing:
            with self._changed:
                keys = sorted(self._finishing)
                states = dict(self._states)
            if not keys and not states:
                return
            try:
                self._write(store.finish_many, keys=keys, owner=self.owner,
                            now=self.clock.now(), states=states)  # fmt: skip
            except (SQLAlchemyError, TimeoutError) as exc:
                log.warning("%d answered and %d conversations not yet saved (%s): trying "
                            "again", len(keys), len(states), _first_line(exc))  # fmt: skip
                return
            with self._changed:
                self._finishing.difference_update(keys)
                for name, item in states.items():
                    if self._states.get(name) is item:  # not replaced meanwhile
                        del self._states[name]
                self._changed.notify_all()

    def _answer_later(self, work: Work, recorded: bool) -> None:
        if not recorded:  # recorded by the loop once the database is back
            with self._changed:
                self._outbox[work.key] = replace(work, apologized=True)
            return
        retry = self.clock.now() + RETRY_AFTER
        self._write(store.release, keys=[work.key], owner=self.owner, not_before=retry,
                    apologized=True)  # fmt: skip

    # -- the loop: leases, work nobody holds, the outbox, clean-ups ----------------------

    def start(self) -> None:
        with self._changed:
            if self._loop is None:
                self._loop = threading.Thread(target=self._forever, daemon=True,
                                              name="ponte-work-queue")  # fmt: skip
                self._loop.start()

    def stop(self) -> None:
        """Stop the loop, marking what was answered so first."""
        self._stop.set()
        try:
            self._finish()
        except (SQLAlchemyError, TimeoutError) as exc:
            log.warning("answered work not marked so (%s)", _first_line(exc))

    def _forever(self) -> None:
        renewed = swept = tidied = 0.0
        while not self._stop.wait(FINISH_EVERY):
            try:
                self._finish()
                now = time.monotonic()
                if now - renewed >= RENEW_EVERY:
                    self._renew()
                    renewed = now
                if now - swept >= SWEEP_EVERY:
                    self._flush_outbox()
                    # With answerers, they sweep; this process only when none is running
                    # (all crashed and starting again): work waits for nobody.
                    if not self.draining and (self.hands is None or not self.hands.alive()):
                        self.sweep()
                    swept = now
                if now - tidied >= TIDY_EVERY:
                    self._tidy()
                    tidied = now
            except (SQLAlchemyError, TimeoutError) as exc:
                log.warning("work queue: database unavailable (%s)", _first_line(exc))
            except Exception:
                log.exception("work queue loop failed")

    def _renew(self) -> None:
        with self._renewing:  # no work is marked done meanwhile: what is not kept was lost
            with self._changed:
                keys = sorted(self._held | self._finishing)
            if not keys:
                return
            kept = self._write(store.renew, keys=keys, owner=self.owner, now=self.clock.now(),
                               lease=LEASE)  # fmt: skip
            with self._changed:
                lost = (self._held | self._finishing) & (set(keys) - kept)
            if lost:
                log.warning("leases lost while answering (another process may answer too): "
                            "%s", ", ".join(sorted(lost)))  # fmt: skip

    def sweep(self) -> int:
        """Claim work nobody holds (a stopped process's, or handed back), up to this
        process's capacity; how many were taken on."""
        with self._changed:
            room = self.capacity - len(self._held)
        if room <= 0:
            return 0
        now = self.clock.now()
        taken = 0
        for key in store.claimable(self.engine, now=now, limit=room):
            work = self._write(store.claim, key=key, owner=self.owner, now=now, lease=LEASE)
            if work is None:
                continue  # another process was quicker
            if now - work.received_at > MAX_AGE:
                log.warning("%s %s given up: asked at %s, too long ago to answer", work.kind,
                            work.key, work.received_at)  # fmt: skip
                self._write(store.finish, key=work.key, owner=self.owner, now=now)
                continue
            log.info("%s %s taken over (attempt %d)", work.kind, work.key, work.attempts)
            self._submit(work, recorded=True)
            taken += 1
        return taken

    def _flush_outbox(self) -> None:
        with self._changed:
            waiting = list(self._outbox.values())
        for work in waiting:
            self._write(store.record, key=work.key, kind=work.kind, payload=work.payload,
                        now=work.received_at, owner=None, lease=LEASE, apologized=True)  # fmt: skip
            with self._changed:
                self._outbox.pop(work.key, None)
            log.info("%s %s recorded now that the database is back", work.kind, work.key)

    def _tidy(self) -> None:
        now = self.clock.now()
        self._write(store.forget_done, before=now - REMEMBER_DONE)
        self._write(forget_expired, now=now)

    def _write(self, fn: Callable[..., Any], **kwargs: Any) -> Any:
        """A write to the queue's table, waiting at most RECORD_WAIT for another writer."""
        return fn(self.engine, wait=RECORD_WAIT, **kwargs)

    # -- stopping ------------------------------------------------------------------------

    def drain(self, grace: float) -> None:
        """Stop taking work on, let what runs finish within `grace` seconds, hand the rest
        back. New work still arriving is recorded for the other processes."""
        self.draining = True
        for hook in self.on_drain:
            hook()
        deadline = time.monotonic() + grace
        left = self._wait_held(deadline)
        try:
            self._finish()  # what was answered is marked so before this process goes
        except (SQLAlchemyError, TimeoutError) as exc:
            log.warning("answered work not marked so (%s)", _first_line(exc))
        if left:
            self._hand_back(left)
        log.info("drained: %d piece(s) of work handed back", len(left))
        if self.hands is not None:
            self.hands.drain(max(deadline - time.monotonic(), 0))

    def _hand_back(self, keys: list[str]) -> None:
        try:
            self._write(store.release, keys=keys, owner=self.owner)
        except (SQLAlchemyError, TimeoutError) as exc:  # their leases run out instead
            log.warning("work not handed back (%s): taken over when its lease runs out",
                        _first_line(exc))  # fmt: skip
        with self._changed:
            self._held.difference_update(keys)
            self._changed.notify_all()

    def finish_alone(self, grace: float) -> float:
        """Answer, within `grace` seconds, everything left for this process once no other
        may be (its `ponte run` killed): what was recorded for it and never handed over,
        what was recorded for nobody (no answerer was ready yet), and what waits its turn
        here (`drain` would hand that back unstarted, to nobody). The seconds left."""
        deadline = time.monotonic() + grace
        self.adopt_recorded()
        while True:
            self._wait_held(deadline)
            if time.monotonic() >= deadline or self.sweep() == 0:
                return max(deadline - time.monotonic(), 0.0)

    def _wait_held(self, deadline: float) -> list[str]:
        """Wait until nothing is held here or `deadline` (monotonic) passes; what is still
        held then."""
        with self._changed:
            while self._held and time.monotonic() < deadline:
                self._changed.wait(deadline - time.monotonic())
            return sorted(self._held)

    def status(self) -> Status:
        with self._changed:
            return Status(draining=self.draining, held=len(self._held))


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__
