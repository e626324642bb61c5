"""Exactly-once event records, remembered answers that follow the data, and the figures
behind App Home, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from sqlalchemy import Engine, text

from planning.demo import DEMO_SCENARIO
from planning.events import first_delivery, forget_event, forget_events
from planning.forecast.runs import compute_forecast, load_sales, store_run
from planning.overview import nearest_stockouts, top_products, weekly_history
from planning.stock import stock_status
from tests.conftest import DEMO_TODAY, NOW
from tests.helpers import run_import, write_files


def test_an_event_is_taken_on_once(engine: Engine) -> None:
    assert first_delivery(engine, "Ev1", source="slack", now=NOW) is True
    assert first_delivery(engine, "Ev1", source="slack", now=NOW) is False
    assert first_delivery(engine, "Ev2", source="slack", now=NOW) is True


def test_racing_deliveries_of_one_event_let_exactly_one_through(engine: Engine) -> None:
    results: list[bool] = []
    start = threading.Barrier(8)

    def deliver() -> None:
        start.wait()
        results.append(first_delivery(engine, "EvRace", source="slack", now=NOW))

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False] * 7 + [True]


def test_old_event_ids_are_forgotten_and_a_failed_one_can_be_retried(engine: Engine) -> None:
    first_delivery(engine, "EvOld", source="slack", now=NOW - dt.timedelta(days=2))
    first_delivery(engine, "EvNew", source="slack", now=NOW)
    assert forget_events(engine, before=NOW - dt.timedelta(days=1)) == 1
    assert first_delivery(engine, "EvOld", source="slack", now=NOW) is True
    assert first_delivery(engine, "EvNew", source="slack", now=NOW) is False
    forget_event(engine, "EvNew")
    assert first_delivery(engine, "EvNew", source="slack", now=NOW) is True


def test_a_remembered_stock_answer_is_kept_until_an_import_or_a_run(
    loaded: Engine, tmp_path: Path
) -> None:
    before = stock_status(loaded, "MOK-003", today=DEMO_TODAY)
    with loaded.begin() as conn:  # behind Ponte's back: no audit row, no run
        conn.execute(text("UPDATE stock_level SET on_hand = 1000 WHERE sku = 'MOK-003'"))
    assert stock_status(loaded, "MOK-003", today=DEMO_TODAY).on_hand == 1450  # remembered
    store_run(loaded, compute_forecast(load_sales(loaded), today=DEMO_TODAY), now=NOW,
              engine_name="local", duration_seconds=0.1)  # fmt: skip
    assert stock_status(loaded, "MOK-003", today=DEMO_TODAY).on_hand == 1000  # a new run
    newer = write_files(tmp_path / "newer", {"stock.csv": """
        sku,location,on_hand,allocated,as_of
        MOK-003,WH-MIL,1100,150,2026-11-27
    """})  # fmt: skip
    run_import(loaded, newer)
    after = stock_status(loaded, "MOK-003", today=DEMO_TODAY)
    assert (before.on_hand, after.on_hand, after.available) == (1450, 1100, 950)


def test_weekly_history_counts_whole_weeks_and_weeks_without_sales(loaded: Engine) -> None:
    history = weekly_history(loaded, "MOK-003", until=dt.date(2026, 11, 25), weeks=4)
    assert [str(w) for w in history["week"]] == [
        "2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16",
    ]  # fmt: skip
    assert history["quantity"].tolist() == [0.0, 0.0, 300.0, 310.0]
    assert weekly_history(loaded, "PAD-28", until=dt.date(2026, 11, 16), weeks=2)[
        "quantity"
    ].tolist() == [0.0, 0.0]  # the week of `until` is not whole yet: left out


def test_top_products_rank_a_reps_units_in_the_window(loaded: Engine) -> None:
    assert top_products(loaded, "U01ROSSI", today=DEMO_TODAY) == ["MOK-003"]
    assert top_products(loaded, "U01BIANCHI", today=DEMO_TODAY) == []
    assert top_products(loaded, "U01ROSSI", today=dt.date(2027, 6, 1)) == []  # too long ago


def test_nearest_stockouts_come_soonest_first(demo_engine: Engine) -> None:
    found = nearest_stockouts(demo_engine, today=DEMO_TODAY, weeks=13, limit=5)
    assert len(found) == 5
    first = found[0]  # the demo's planted stockout, at the warehouse
    assert (first.sku, first.location) == (DEMO_SCENARIO.stockout_sku, "WH-MIL")
    dates = [p.stockout_date or dt.date.max for p in found]
    assert dates == sorted(dates)
    horizon = DEMO_TODAY + dt.timedelta(weeks=13)
    assert all((p.stockout_date or p.first_below_safety_stock or horizon) < horizon for p in found)


def test_nothing_runs_short_without_demand_beyond_stock(loaded: Engine) -> None:
    # No forecast run in the small company: only one open order takes stock, and none runs out.
    assert nearest_stockouts(loaded, today=DEMO_TODAY) == []
