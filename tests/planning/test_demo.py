"""The demo company: deterministic, imports cleanly, and holds the situations it promises.

The situations are checked from the imported data with plain arithmetic written here, not
with planning code, so a bug in either shows up.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from planning.demo import (
    DEMO_SCENARIO,
    PAST_OVERRUN_WEEKS_AGO,
    PAST_STOCKOUT_WEEKS_AGO,
    STOCK_HISTORY_WEEKS,
    generate_demo,
    write_demo_files,
)
from planning.errors import PonteError
from tests.conftest import DEMO_TODAY
from tests.helpers import run_import, snapshot, without_audit

RECENT_WEEKS = 8


def test_same_seed_and_date_give_identical_files(tmp_path: Path) -> None:
    first = write_demo_files(generate_demo(seed=7, today=DEMO_TODAY), tmp_path / "a")
    second = write_demo_files(generate_demo(seed=7, today=DEMO_TODAY), tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    other = generate_demo(seed=8, today=DEMO_TODAY)["sales"]
    assert not other.equals(generate_demo(seed=7, today=DEMO_TODAY)["sales"])


def test_demo_is_the_size_the_story_needs() -> None:
    frames = generate_demo(seed=7, today=DEMO_TODAY)
    products = frames["products"]
    assert 35 <= len(products) <= 45 and products["family"].nunique() == 5
    assert sorted(frames["locations"]["kind"]) == ["plant", "plant", "warehouse"]
    assert len(frames["territories"]) == 6
    people = frames["people"]
    assert 12 <= len(people) <= 18
    assert set(people["role"]) == {"rep", "manager", "ops", "marketing", "admin"}
    sales = frames["sales"]
    weeks = sorted(sales["date"].dt.date.unique())
    assert len(weeks) == 156
    # History ends the week before the reference date's week (weeks start on Monday).
    assert weeks[-1] == DEMO_TODAY - dt.timedelta(days=DEMO_TODAY.weekday() + 7)
    assert all(w.weekday() == 0 for w in weeks)
    assert set(frames["quotas"]["period"]) == {"2026-Q4", "2027-Q1"}


def test_demo_files_import_cleanly_and_a_second_import_changes_nothing(
    engine: Engine, demo_dir: Path
) -> None:
    first = run_import(engine, demo_dir)
    assert sum(c.inserted for c in first.counts.values()) > 20_000
    before = snapshot(engine)
    second = run_import(engine, demo_dir)
    assert not second.changed
    after = snapshot(engine)
    assert without_audit(after) == without_audit(before)


def _read(engine: Engine, sql: str) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.read_sql_query(sql, conn)


def _recent_weekly(sales: pd.DataFrame) -> float:
    sales = sales.assign(date=pd.to_datetime(sales["date"]))
    last = sales["date"].max()
    window = sales[sales["date"] > last - pd.Timedelta(weeks=RECENT_WEEKS)]
    return float(window["quantity"].sum()) / RECENT_WEEKS


@pytest.fixture
def demo_engine(engine: Engine, demo_dir: Path) -> Engine:
    run_import(engine, demo_dir)
    return engine


def _warehouse_cover(engine: Engine, sku: str) -> tuple[float, float]:
    """(free stock at WH-MIL in the latest snapshot, units sold there per week over the
    last 8 weeks)."""
    stock = _read(
        engine,
        f"SELECT * FROM stock_level WHERE sku = '{sku}' AND location = 'WH-MIL' "
        "ORDER BY as_of DESC",
    ).iloc[0]
    sales = _read(engine, f"SELECT * FROM sales_actual WHERE sku = '{sku}' AND location = 'WH-MIL'")
    return float(stock["on_hand"] - stock["allocated"]), _recent_weekly(sales)


def test_one_sku_runs_out_within_its_lead_time(demo_engine: Engine) -> None:
    sku = DEMO_SCENARIO.stockout_sku
    product = _read(demo_engine, f"SELECT * FROM product WHERE sku = '{sku}'").iloc[0]
    free, weekly = _warehouse_cover(demo_engine, sku)
    receipts = _read(demo_engine, f"SELECT * FROM planned_receipt WHERE sku = '{sku}'")
    lead_time_end = DEMO_TODAY + dt.timedelta(days=int(product["lead_time_days"]))
    arriving = receipts[pd.to_datetime(receipts["date"]).dt.date <= lead_time_end]
    assert arriving.empty
    assert free / weekly < int(product["lead_time_days"]) / 7


def test_one_sku_has_more_than_26_weeks_of_cover(demo_engine: Engine) -> None:
    free, weekly = _warehouse_cover(demo_engine, DEMO_SCENARIO.excess_sku)
    assert free / weekly > 26


def test_one_family_outgrows_its_plant_capacity_within_8_weeks(demo_engine: Engine) -> None:
    family, plant = DEMO_SCENARIO.capacity_family, DEMO_SCENARIO.capacity_plant
    weekly = _recent_weekly(
        _read(
            demo_engine,
            "SELECT s.* FROM sales_actual s JOIN product p ON p.sku = s.sku "
            f"WHERE p.family = '{family}'",
        )
    )
    capacity = _read(
        demo_engine, f"SELECT * FROM capacity WHERE plant = '{plant}' AND family = '{family}'"
    )
    starts = pd.to_datetime(capacity["start_date"]).dt.date
    upcoming = capacity[(starts > DEMO_TODAY) & (starts <= DEMO_TODAY + dt.timedelta(weeks=8))]
    assert len(upcoming) == 1
    assert float(upcoming["units_per_week"].iloc[0]) < weekly
    # Every other family keeps at least 20% headroom over its recent demand (the capacity
    # in force now: a past line stop is the replay's story).
    others = _read(
        demo_engine,
        f"SELECT * FROM capacity WHERE family <> '{family}' "
        f"AND (end_date IS NULL OR end_date >= '{DEMO_TODAY}')",
    )
    for _, row in others.iterrows():
        demand = _recent_weekly(
            _read(
                demo_engine,
                "SELECT s.* FROM sales_actual s JOIN product p ON p.sku = s.sku "
                f"WHERE p.family = '{row['family']}'",
            )
        )
        assert row["units_per_week"] > 1.2 * demand


def _quarter_pace(engine: Engine, rep: str) -> float:
    """Units sold this quarter so far, stretched to the whole quarter, over the target."""
    quota = _read(
        engine,
        f"SELECT target_units FROM quota WHERE rep = '{rep}' AND period = '2026-Q4' "
        "AND family IS NULL",
    )
    sales = _read(engine, f"SELECT * FROM sales_actual WHERE rep = '{rep}'")
    dates = pd.to_datetime(sales["date"])
    quarter = sales[dates >= pd.Timestamp("2026-10-01")]
    weeks_sold = pd.to_datetime(quarter["date"]).nunique()
    quarter_weeks = (dt.date(2027, 1, 1) - dt.date(2026, 10, 1)).days / 7
    pace = float(quarter["quantity"].sum()) / weeks_sold * quarter_weeks
    return pace / float(quota["target_units"].iloc[0])


def test_one_rep_is_well_over_quota_and_one_well_under(demo_engine: Engine) -> None:
    assert _quarter_pace(demo_engine, DEMO_SCENARIO.over_quota_rep) > 1.4
    assert _quarter_pace(demo_engine, DEMO_SCENARIO.under_quota_rep) < 0.75


@pytest.mark.parametrize("today", [dt.date(2026, 1, 5), dt.date(2027, 3, 30)])
@pytest.mark.parametrize("seed", [1, 3])
def test_the_situations_hold_for_other_dates_and_seeds(today: dt.date, seed: int) -> None:
    frames = generate_demo(seed=seed, today=today)
    sales = frames["sales"]
    latest = frames["stock"]["as_of"].max()
    stock = frames["stock"][frames["stock"]["as_of"] == latest].set_index(["sku", "location"])
    at_wh = sales[sales["location"] == "WH-MIL"]
    stockout = DEMO_SCENARIO.stockout_sku
    excess = DEMO_SCENARIO.excess_sku
    lead = int(frames["products"].set_index("sku").loc[stockout, "lead_time_days"])
    out_cover = stock.loc[(stockout, "WH-MIL"), "on_hand"] / _recent_weekly(
        at_wh[at_wh["sku"] == stockout]
    )
    excess_cover = stock.loc[(excess, "WH-MIL"), "on_hand"] / _recent_weekly(
        at_wh[at_wh["sku"] == excess]
    )
    assert out_cover < lead / 7
    assert excess_cover > 26


def test_the_past_holds_a_stockout_and_a_line_stop_for_the_replay() -> None:
    frames = generate_demo(seed=7, today=DEMO_TODAY)
    this_monday = DEMO_TODAY - dt.timedelta(days=DEMO_TODAY.weekday())
    stock = frames["stock"]
    snapshots = stock[stock["location"] == "WH-MIL"].groupby("sku")["as_of"].nunique()
    assert (snapshots == STOCK_HISTORY_WEEKS).all()  # 51 Sundays and today's snapshot
    assert (stock["on_hand"] >= 0).all()
    out = this_monday - dt.timedelta(weeks=PAST_STOCKOUT_WEEKS_AGO)
    mine = stock[
        (stock["sku"] == DEMO_SCENARIO.past_stockout_sku) & (stock["location"] == "WH-MIL")
    ]
    level = mine.set_index(mine["as_of"].dt.date)["on_hand"]
    sunday = out + dt.timedelta(days=6)
    # Stock at the start of the week: less than a week's demand; out at its end and the next.
    assert level[sunday - dt.timedelta(weeks=1)] > 0 and level[sunday] == 0
    assert level[sunday + dt.timedelta(weeks=1)] == 0
    assert (level.drop([sunday, sunday + dt.timedelta(weeks=1)]) > 0).all()
    sales = frames["sales"]
    sold = sales[
        (sales["sku"] == DEMO_SCENARIO.past_stockout_sku) & (sales["location"] == "WH-MIL")
    ]
    by_week = sold.groupby(sold["date"].dt.date)["quantity"].sum()
    assert by_week[out] == level[sunday - dt.timedelta(weeks=1)]  # all there was
    assert out + dt.timedelta(weeks=1) not in by_week.index  # nothing to sell
    plant, family = DEMO_SCENARIO.past_overrun
    capacity = frames["capacity"]
    rows = capacity[(capacity["plant"] == plant) & (capacity["family"] == family)]
    stop = this_monday - dt.timedelta(weeks=PAST_OVERRUN_WEEKS_AGO)
    (low,) = rows[rows["start_date"].dt.date == stop]["units_per_week"]
    at_plant = sales[sales["sku"].isin(frames["products"].query("family == @family")["sku"])]
    during = at_plant[(at_plant["date"].dt.date >= stop)
                      & (at_plant["date"].dt.date < stop + dt.timedelta(weeks=4))]  # fmt: skip
    assert during.groupby("date")["quantity"].sum().min() > low  # over capacity every week


def test_a_shorter_history_is_the_last_weeks_of_the_same_company() -> None:
    full = generate_demo(seed=7, today=DEMO_TODAY)
    short = generate_demo(seed=7, today=DEMO_TODAY, weeks=78)
    sales = full["sales"]
    assert short["sales"]["date"].nunique() == 78
    kept = sales[sales["date"] >= short["sales"]["date"].min()].reset_index(drop=True)
    assert short["sales"].reset_index(drop=True).equals(kept)
    for name in full.keys() - {"sales"}:  # the plans, stock and quotas stay the same
        assert short[name].equals(full[name]), name
    longer = generate_demo(seed=7, today=DEMO_TODAY, weeks=208)["sales"]
    assert longer["date"].nunique() == 208
    assert longer["date"].max() == sales["date"].max()
    with pytest.raises(PonteError, match="8 to 260 weeks"):
        generate_demo(seed=7, today=DEMO_TODAY, weeks=4)
