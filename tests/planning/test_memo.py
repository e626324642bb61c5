"""Remembered answers: fresh after every import, computed once when many ask at once."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from planning.db import make_engine
from planning.memo import VERSION_TTL, DataMemo, versions
from planning.stock import stock_status
from tests.conftest import DEMO_TODAY
from tests.helpers import run_import, write_files


def test_an_import_is_seen_by_the_next_question(loaded: Engine, tmp_path: Path) -> None:
    before = stock_status(loaded, "MOK-003", today=DEMO_TODAY)
    assert before.on_hand == 1450
    assert stock_status(loaded, "MOK-003", today=DEMO_TODAY).on_hand == 1450  # remembered
    stock = """
        sku,location,on_hand,allocated,as_of
        MOK-003,WH-MIL,990,200,2026-11-26
    """
    run_import(loaded, write_files(tmp_path / "new", {"stock.csv": stock}))
    assert stock_status(loaded, "MOK-003", today=DEMO_TODAY).on_hand == 990


def test_another_process_s_change_is_seen_within_the_version_s_ttl(
    loaded: Engine, tmp_path: Path
) -> None:
    before = stock_status(loaded, "MOK-003", today=DEMO_TODAY).on_hand
    # Another process writing (as `ponte import` beside `ponte run` does): not through
    # this process's writers, so only the version's expiry tells this process.
    other = make_engine(loaded.url.render_as_string(hide_password=False))
    with other.begin() as conn:
        conn.execute(text("UPDATE stock_level SET on_hand = on_hand + 500 WHERE sku = 'MOK-003'"))
        conn.execute(
            text("INSERT INTO audit_log (at, actor, action, details) "
                 "VALUES (:at, 'other', 'import', '{}')"),
            {"at": dt.datetime(2026, 11, 27, 9, tzinfo=dt.UTC)},
        )  # fmt: skip
    other.dispose()
    time.sleep(VERSION_TTL + 0.05)
    assert stock_status(loaded, "MOK-003", today=DEMO_TODAY).on_hand == before + 500


def test_this_process_s_own_change_is_seen_at_once(loaded: Engine, tmp_path: Path) -> None:
    versions(loaded)  # read, and kept for VERSION_TTL
    before = stock_status(loaded, "MOK-003", today=DEMO_TODAY).on_hand
    stock = """
        sku,location,on_hand,allocated,as_of
        MOK-003,WH-MIL,7,0,2026-11-26
    """
    run_import(loaded, write_files(tmp_path / "new", {"stock.csv": stock}))
    assert before != 7
    assert stock_status(loaded, "MOK-003", today=DEMO_TODAY).on_hand == 7  # no wait


def test_people_asking_together_wait_for_one_computation(loaded: Engine) -> None:
    memo = DataMemo()
    calls = 0
    counted = threading.Lock()

    def slow() -> str:
        nonlocal calls
        with counted:
            calls += 1
        time.sleep(0.2)
        return "projection"

    answers: list[str] = []
    askers = [
        threading.Thread(target=lambda: answers.append(memo.get(loaded, "MOK-003", slow)))
        for _ in range(8)
    ]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join()
    assert answers == ["projection"] * 8
    assert calls == 1


def test_a_failed_computation_is_not_remembered(loaded: Engine) -> None:
    memo = DataMemo()

    def broken() -> str:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        memo.get(loaded, "PAD-28", broken)
    assert memo.get(loaded, "PAD-28", lambda: "fine") == "fine"
