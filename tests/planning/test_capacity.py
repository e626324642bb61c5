"""Capacity check: the period in force each week, utilization and the shortfall it leaves."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from planning.capacity import capacity_check, first_shortfall
from planning.errors import PonteError

W1 = dt.date(2026, 11, 30)  # Mondays
W2 = dt.date(2026, 12, 7)
W3 = dt.date(2026, 12, 14)


def demand(*rows: tuple[str, str, dt.date, float, float]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["plant", "family", "week", "demand", "demand_upper"])


def capacity(*rows: tuple[str, str, dt.date, dt.date | None, float]) -> pd.DataFrame:
    columns = ["plant", "family", "start_date", "end_date", "units_per_week"]
    return pd.DataFrame(list(rows), columns=columns)


def test_capacity_period_change_mid_horizon_with_inclusive_end_date() -> None:
    # 100/week until Monday 7 Dec inclusive, then 80/week from Tuesday 8 Dec (open-ended):
    # week 2's Monday is still in the first period, week 3 is the first on the second.
    periods = capacity(
        ("PLT-LUM", "MOKA", dt.date(2026, 11, 1), W2, 100),
        ("PLT-LUM", "MOKA", dt.date(2026, 12, 8), None, 80),
    )
    load = demand(*(("PLT-LUM", "MOKA", week, 90, 110) for week in (W1, W2, W3)))
    weeks = capacity_check(demand=load, capacity=periods, unit_revenue={"MOKA": 25.0})
    assert [w.capacity_units for w in weeks] == [100, 100, 80]
    # 90/100 = 0.9 twice, then 90/80 = 1.125 with 90 - 80 = 10 short, 10 x 25 = 250 of revenue;
    # at the upper end 110 - 100 = 10 short in weeks 1-2 and 110 - 80 = 30 in week 3.
    assert [w.utilization for w in weeks] == pytest.approx([0.9, 0.9, 1.125])
    assert [w.shortfall_units for w in weeks] == [0, 0, 10]
    assert [w.shortfall_units_upper for w in weeks] == [10, 10, 30]
    assert [w.shortfall_revenue for w in weeks] == [0, 0, 250]


def test_zero_or_missing_capacity_leaves_the_whole_demand_short() -> None:
    periods = capacity(("PLT-LUM", "MOKA", W1, None, 0))
    load = demand(("PLT-LUM", "MOKA", W1, 40, 60), ("PLT-VAL", "PADELLE", W1, 15, 20))
    moka, padelle = capacity_check(demand=load, capacity=periods, unit_revenue={"MOKA": 10.0})
    # A 0-capacity row and no row at all both mean nothing can be made: no utilization ratio,
    # and all of the demand is short (40 x 10 = 400; PADELLE has no revenue per unit).
    assert (moka.capacity_units, moka.utilization) == (0, None)
    assert (moka.shortfall_units, moka.shortfall_units_upper, moka.shortfall_revenue) == (
        40,
        60,
        400,
    )
    assert (padelle.capacity_units, padelle.utilization) == (0, None)
    assert (padelle.shortfall_units, padelle.shortfall_revenue) == (15, 0)


def test_sku_rows_add_up_to_the_family_load_and_results_are_sorted() -> None:
    # Two MOKA SKUs at PLT-LUM in week 1, given out of order: 30 + 45 = 75. The second has no
    # interval, so its upper end is its point forecast: upper 40 + 45 = 85.
    load = demand(
        ("PLT-LUM", "MOKA", W2, 10, 12),
        ("PLT-LUM", "MOKA", W1, 30, 40),
        ("PLT-ALB", "MOKA", W1, 5, 6),
        ("PLT-LUM", "MOKA", W1, 45, float("nan")),
    )
    periods = capacity(("PLT-LUM", "MOKA", W1, None, 80), ("PLT-ALB", "MOKA", W1, None, 10))
    weeks = capacity_check(demand=load, capacity=periods, unit_revenue={})
    assert [(w.plant, w.week) for w in weeks] == [("PLT-ALB", W1), ("PLT-LUM", W1), ("PLT-LUM", W2)]
    lum_w1 = weeks[1]
    assert (lum_w1.demand, lum_w1.demand_upper) == (75, 85)
    # 75 fits in 80; the upper 85 does not: 5 short in the worst case only.
    assert (lum_w1.shortfall_units, lum_w1.shortfall_units_upper) == (0, 5)


def test_first_shortfall_per_plant_and_family_ignores_worst_case_only_gaps() -> None:
    periods = capacity(
        ("PLT-LUM", "MOKA", W1, None, 100),
        ("PLT-LUM", "PADELLE", W1, None, 50),
    )
    load = demand(
        ("PLT-LUM", "MOKA", W1, 90, 130),  # short only at the upper end
        ("PLT-LUM", "MOKA", W2, 120, 150),  # first real shortfall: 20
        ("PLT-LUM", "MOKA", W3, 140, 160),
        ("PLT-LUM", "PADELLE", W1, 50, 70),  # exactly at capacity: not short
    )
    weeks = capacity_check(demand=load, capacity=periods, unit_revenue={})
    first = first_shortfall(list(reversed(weeks)))
    assert list(first) == [("PLT-LUM", "MOKA")]
    assert (first["PLT-LUM", "MOKA"].week, first["PLT-LUM", "MOKA"].shortfall_units) == (W2, 20)


def test_overlapping_capacity_periods_are_refused() -> None:
    periods = capacity(
        ("PLT-LUM", "MOKA", W1, None, 100),
        ("PLT-LUM", "MOKA", W2, W3, 80),
    )
    load = demand(("PLT-LUM", "MOKA", W2, 90, 90))
    with pytest.raises(PonteError, match="PLT-LUM/MOKA has 2 periods covering the week of 2026"):
        capacity_check(demand=load, capacity=periods, unit_revenue={})
