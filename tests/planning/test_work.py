"""Pending work and shared conversation state, on SQLite and PostgreSQL: recorded once,
claimed by exactly one process, taken over when a lease runs out, handed back, forgotten."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

from sqlalchemy import Engine

from planning.conversations import forget_expired, load_state, save_state
from planning.db import make_engine, upgrade, writing
from planning.work import claim, claimable, finish, forget_done, give_up, record, release, renew
from tests.conftest import NOW

LEASE = dt.timedelta(seconds=6)
BODY = {"event": {"type": "app_mention", "text": "stock PAD-28"}, "event_id": "Ev1"}


def test_work_is_recorded_once_and_a_retry_is_recognised(engine: Engine) -> None:
    assert record(engine, key="Ev1", kind="mention", payload=BODY, now=NOW, owner="A",
                  lease=LEASE) is True  # fmt: skip
    assert record(engine, key="Ev1", kind="mention", payload=BODY, now=NOW, owner="B",
                  lease=LEASE) is False  # fmt: skip
    assert claimable(engine, now=NOW) == []  # A holds it


def test_a_lease_that_runs_out_lets_exactly_one_other_process_take_over(engine: Engine) -> None:
    record(engine, key="Ev1", kind="mention", payload=BODY, now=NOW, owner="A", lease=LEASE)
    assert claim(engine, key="Ev1", owner="B", now=NOW + dt.timedelta(seconds=1),
                 lease=LEASE) is None  # fmt: skip
    later = NOW + dt.timedelta(seconds=7)  # A stopped renewing
    assert claimable(engine, now=later) == ["Ev1"]
    won: list[str] = []

    def race(owner: str) -> None:
        if claim(engine, key="Ev1", owner=owner, now=later, lease=LEASE) is not None:
            won.append(owner)

    threads = [threading.Thread(target=race, args=(name,)) for name in ("B", "C", "D")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(won) == 1
    work = claim(engine, key="Ev1", owner="E", now=later + dt.timedelta(seconds=7), lease=LEASE)
    assert work is not None and work.payload == BODY and work.kind == "mention"
    assert work.attempts == 3  # A, the winner, and E


def test_renewing_keeps_the_lease_and_finishing_forgets_the_payload(engine: Engine) -> None:
    record(engine, key="Ev1", kind="mention", payload=BODY, now=NOW, owner="A", lease=LEASE)
    later = NOW + dt.timedelta(seconds=5)
    assert renew(engine, keys=["Ev1"], owner="A", now=later, lease=LEASE) == {"Ev1"}
    assert renew(engine, keys=["Ev1"], owner="B", now=later, lease=LEASE) == set()  # not B's
    assert claimable(engine, now=NOW + dt.timedelta(seconds=8)) == []  # renewed until 11 s
    finish(engine, key="Ev1", owner="A", now=later)
    assert claimable(engine, now=NOW + dt.timedelta(hours=1)) == []
    assert claim(engine, key="Ev1", owner="B", now=NOW + dt.timedelta(hours=1), lease=LEASE) is None
    # A retry after it was answered is still recognised, until the key is forgotten.
    assert not record(engine, key="Ev1", kind="mention", payload=BODY, now=later, owner="B",
                      lease=LEASE)  # fmt: skip
    assert forget_done(engine, before=NOW + dt.timedelta(days=2)) == 1


def test_work_handed_back_is_taken_at_once_or_from_when_it_says(engine: Engine) -> None:
    record(engine, key="Ev1", kind="mention", payload=BODY, now=NOW, owner="A", lease=LEASE)
    record(engine, key="Ev2", kind="dm", payload=BODY, now=NOW, owner="A", lease=LEASE)
    assert release(engine, keys=["Ev1"], owner="A") == 1
    retry_at = NOW + dt.timedelta(seconds=30)
    assert release(engine, keys=["Ev2"], owner="A", not_before=retry_at, apologized=True) == 1
    assert claimable(engine, now=NOW) == ["Ev1"]
    assert claimable(engine, now=retry_at + dt.timedelta(seconds=1)) == ["Ev1", "Ev2"]
    taken = claim(engine, key="Ev2", owner="B", now=retry_at + dt.timedelta(seconds=1),
                  lease=LEASE)  # fmt: skip
    assert taken is not None and taken.apologized is True


def test_pending_work_without_an_owner_is_anyones(engine: Engine) -> None:
    record(engine, key="Ev1", kind="mention", payload=BODY, now=NOW, owner=None, lease=LEASE)
    assert claimable(engine, now=NOW) == ["Ev1"]


def test_work_too_old_to_answer_is_given_up(engine: Engine) -> None:
    record(engine, key="Ev1", kind="mention", payload=BODY, now=NOW, owner=None, lease=LEASE)
    record(engine, key="Ev2", kind="mention", payload=BODY, now=NOW + dt.timedelta(hours=2),
           owner=None, lease=LEASE)  # fmt: skip
    later = NOW + dt.timedelta(hours=2)
    assert give_up(engine, received_before=later - dt.timedelta(hours=1), now=later) == ["Ev1"]
    assert claimable(engine, now=later) == ["Ev2"]


def test_conversation_state_is_shared_and_expires(engine: Engine) -> None:
    key = "C0SALES|1764230000.1|U01ROSSI"
    save_state(engine, key, '{"pending": null}', expires_at=NOW + dt.timedelta(hours=1))
    save_state(engine, key, '{"pending": 1}', expires_at=NOW + dt.timedelta(hours=1))
    assert load_state(engine, key, now=NOW) == '{"pending": 1}'
    assert load_state(engine, key, now=NOW + dt.timedelta(hours=2)) is None
    assert load_state(engine, "other", now=NOW) is None
    assert forget_expired(engine, now=NOW + dt.timedelta(hours=2)) == 1


def test_a_new_question_s_record_goes_before_bookkeeping_waiting_its_turn(
    tmp_path: Path,
) -> None:
    """SQLite: this process's writers take turns; the record Slack's acknowledgement
    waits for is not put behind answered work being marked or conversations saved."""
    engine = make_engine(f"sqlite:///{tmp_path / 'turns.db'}")
    upgrade(engine)
    order: list[str] = []
    holding, release_it = threading.Event(), threading.Event()

    def hold() -> None:
        with writing(engine, wait=5):
            holding.set()
            release_it.wait(5)

    def write(name: str, urgent: bool) -> None:
        with writing(engine, wait=5, urgent=urgent):
            order.append(name)

    first = threading.Thread(target=hold)
    first.start()
    holding.wait(5)
    later = [threading.Thread(target=write, args=("bookkeeping", False))]
    later[0].start()
    time.sleep(0.2)  # the bookkeeping write is waiting its turn
    later.append(threading.Thread(target=write, args=("record", True)))
    later[1].start()
    time.sleep(0.2)
    release_it.set()
    for thread in [first, *later]:
        thread.join(10)
    assert order == ["record", "bookkeeping"]
    engine.dispose()
