"""Inventory projection: hand-computed weeks, cover, stockout and safety-stock dates."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from planning.errors import PonteError
from planning.projection import InventoryProjection, project_inventory

MON = dt.date(2026, 11, 30)  # a Monday: week 1 in most tests
WEEK = dt.timedelta(weeks=1)


def receipts(*rows: tuple[dt.date, float]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["date", "quantity"])


def orders(*rows: tuple[dt.date, float]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["due_date", "quantity"])


def forecast(*rows: tuple[dt.date, float]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["week", "forecast"])


def weekly(amount: float, weeks: int, first: dt.date = MON) -> pd.DataFrame:
    return forecast(*((first + i * WEEK, amount) for i in range(weeks)))


def project(
    *,
    on_hand: float = 100,
    allocated: float = 0,
    safety_stock: float = 0,
    receipts_: pd.DataFrame | None = None,
    orders_: pd.DataFrame | None = None,
    forecast_: pd.DataFrame | None = None,
    start: dt.date = MON,
    weeks: int = 3,
) -> InventoryProjection:
    return project_inventory(
        sku="MOK-003",
        location="WH-MIL",
        on_hand=on_hand,
        allocated=allocated,
        safety_stock=safety_stock,
        receipts=receipts() if receipts_ is None else receipts_,
        open_orders=orders() if orders_ is None else orders_,
        forecast=forecast() if forecast_ is None else forecast_,
        start=start,
        weeks=weeks,
    )


def closings(projection: InventoryProjection) -> list[float]:
    return [week.projected_on_hand for week in projection.weeks]


def test_an_order_that_takes_stock_to_exactly_zero_is_not_a_stockout() -> None:
    # 50 on hand, an order for 50 due Wednesday, no forecast: 50 - 50 = 0 and it stays 0.
    result = project(on_hand=50, orders_=orders((MON + dt.timedelta(days=2), 50)))
    assert closings(result) == [0, 0, 0]
    assert result.stockout_date is None
    assert result.days_of_cover is None and result.weeks_of_cover is None
    assert result.covers_horizon
    # One unit more and demand goes unmet: 50 - 51 = -1. Spread evenly, 51/7 a day, the 50
    # last 7 * 50 / 51 = 6.86 days, so the shortage starts on day 7: Sunday 6 December.
    short = project(on_hand=50, orders_=orders((MON + dt.timedelta(days=2), 51)))
    assert closings(short) == [-1, -1, -1]
    assert short.days_of_cover == pytest.approx(7 * 50 / 51)
    assert short.stockout_date == dt.date(2026, 12, 6)
    assert not short.covers_horizon


def test_stock_that_runs_out_exactly_on_sunday_is_short_from_monday() -> None:
    # 70 on hand, 70 a week: week 1 closes at exactly 0, week 2 has nothing to meet its 70.
    result = project(on_hand=70, forecast_=weekly(70, 3), weeks=2)
    assert closings(result) == [0, -70]
    assert result.days_of_cover == 7
    assert result.stockout_date == dt.date(2026, 12, 7)


def test_days_of_cover_use_free_stock_and_receipts_as_they_arrive() -> None:
    # Free stock 120 - 20 allocated = 100, selling 70 a week = 10 a day.
    # Week 1: 100 - 70 = 30. Week 2: 30 - 70 = -40; the 30 last 3 days, so cover = 7 + 3 = 10
    # days: Monday 30 Nov + 10 = Thursday 10 Dec is the first day that ends below 0.
    result = project(on_hand=120, allocated=20, forecast_=weekly(70, 3))
    assert closings(result) == [30, -40, -110]
    assert result.weeks[0].opening == 100
    assert result.days_of_cover == 10
    assert result.weeks_of_cover == pytest.approx(10 / 7)
    assert result.stockout_date == dt.date(2026, 12, 10)
    # 40 arriving Wednesday 9 Dec count from that week's Monday: week 2 is 30 + 40 - 70 = 0,
    # week 3 starts empty, so cover = 14 days and the shortage starts Monday 14 Dec.
    topped_up = project(
        on_hand=120,
        allocated=20,
        receipts_=receipts((dt.date(2026, 12, 9), 40)),
        forecast_=weekly(70, 3),
    )
    assert closings(topped_up) == [30, 0, -70]
    assert topped_up.weeks_of_cover == 2
    assert topped_up.stockout_date == dt.date(2026, 12, 14)


def test_week_one_forecast_is_prorated_from_the_start_day() -> None:
    # Start Friday 27 Nov: 3 days (Fri, Sat, Sun) of a 70-a-week forecast are left = 30.
    # Week 1: 100 - 30 = 70; week 2 (30 Nov): 70 - 70 = 0; week 3: 0 - 70 = -70.
    friday = dt.date(2026, 11, 27)
    result = project(start=friday, forecast_=weekly(70, 3, first=dt.date(2026, 11, 23)), weeks=3)
    assert [week.week for week in result.weeks] == [
        dt.date(2026, 11, 23),
        dt.date(2026, 11, 30),
        dt.date(2026, 12, 7),
    ]
    assert result.weeks[0].forecast == pytest.approx(30)
    assert closings(result) == pytest.approx([70, 0, -70])
    # Stock lasts 3 days of week 1 plus all 7 of week 2: the shortage starts Monday 7 Dec.
    assert result.days_of_cover == 10
    assert result.stockout_date == dt.date(2026, 12, 7)


def test_late_receipts_and_overdue_orders_land_in_week_one_but_past_forecast_does_not() -> None:
    # Receipt of 40 due 20 Nov (late) arrives in week 1; order of 25 due 25 Nov (overdue)
    # plus 10 due 2 Dec = 35 of orders in week 1, more than its forecast of 20.
    # The 500 forecast for the week of 23 Nov is past and no longer demand.
    # Week 1: 100 + 40 - max(20, 35) = 105.
    result = project(
        receipts_=receipts((dt.date(2026, 11, 20), 40)),
        orders_=orders((dt.date(2026, 11, 25), 25), (dt.date(2026, 12, 2), 10)),
        forecast_=forecast((dt.date(2026, 11, 23), 500), (MON, 20)),
        weeks=1,
    )
    (week,) = result.weeks
    assert (week.receipts, week.open_orders, week.forecast) == (40, 35, 20)
    assert week.demand == 35
    assert week.projected_on_hand == 105


def test_orders_consume_the_forecast_instead_of_adding_to_it() -> None:
    # Week 1: orders 30 > forecast 20, demand 30: 100 - 30 = 70.
    # Week 2: orders 10 < forecast 20, the 10 are part of the 20: 70 - 20 = 50.
    result = project(orders_=orders((MON, 30), (MON + WEEK, 10)), forecast_=weekly(20, 2), weeks=2)
    assert [week.demand for week in result.weeks] == [30, 20]
    assert closings(result) == [70, 50]


def test_first_week_below_safety_stock() -> None:
    # 200 on hand, 50 a week, safety stock 100: closes 150, 100 (equal is not below), 50.
    result = project(on_hand=200, safety_stock=100, forecast_=weekly(50, 3))
    assert closings(result) == [150, 100, 50]
    assert [week.below_safety_stock for week in result.weeks] == [False, False, True]
    assert result.first_below_safety_stock == dt.date(2026, 12, 14)
    assert result.stockout_date is None


def test_more_allocated_than_on_hand_is_short_from_the_start_day() -> None:
    # 40 on hand, 50 allocated: free stock is -10 before any demand.
    result = project(on_hand=40, allocated=50, start=dt.date(2026, 12, 2), weeks=1)
    assert closings(result) == [-10]
    assert result.days_of_cover == 0
    assert result.stockout_date == dt.date(2026, 12, 2)


@pytest.mark.parametrize("weeks", [0, -1, 521])
def test_horizon_outside_one_to_520_weeks_is_refused(weeks: int) -> None:
    with pytest.raises(PonteError, match="1 to 520 weeks"):
        project(weeks=weeks)


def test_negative_quantities_are_refused_with_the_offending_row() -> None:
    with pytest.raises(PonteError, match="planned receipt of MOK-003 at WH-MIL dated 2026-12-02"):
        project(receipts_=receipts((dt.date(2026, 12, 2), -5)))
    with pytest.raises(PonteError, match="forecast of MOK-003"):
        project(forecast_=forecast((MON, -1)))
    with pytest.raises(PonteError, match="on hand quantity for MOK-003 at WH-MIL"):
        project(on_hand=-1)
