"""Available to promise: stock protected for promised orders, receipts, free capacity."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from planning.atp import AtpResult, AtpStep, available_to_promise
from planning.errors import PonteError

TODAY = dt.date(2026, 11, 30)  # a Monday
NEXT_MONDAY = dt.date(2026, 12, 7)


def frame(columns: list[str], *rows: tuple[dt.date, float]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=columns)


def promise(
    quantity: float,
    requested_date: dt.date,
    *,
    on_hand: float = 0,
    allocated: float = 0,
    receipts: tuple[tuple[dt.date, float], ...] = (),
    orders: tuple[tuple[dt.date, float], ...] = (),
    free_capacity: tuple[tuple[dt.date, float], ...] = (),
    today: dt.date = TODAY,
    horizon_days: int = 182,
    lead_time_days: int = 0,
) -> AtpResult:
    return available_to_promise(
        sku="MOK-003",
        location="WH-MIL",
        quantity=quantity,
        requested_date=requested_date,
        today=today,
        on_hand=on_hand,
        allocated=allocated,
        receipts=frame(["date", "quantity"], *receipts),
        open_orders=frame(["due_date", "quantity"], *orders),
        free_capacity=frame(["week", "free_units"], *free_capacity),
        horizon_days=horizon_days,
        lead_time_days=lead_time_days,
    )


def test_stock_promised_to_a_later_order_is_not_available_today() -> None:
    # 100 on hand today, but 80 promised to an order due next Monday:
    # availability is 100 today and 100 - 80 = 20 from 7 Dec, so only 20 can be promised.
    result = promise(50, TODAY, on_hand=100, orders=((NEXT_MONDAY, 80),))
    assert not result.feasible
    assert result.available_from_stock == 20
    assert result.earliest_date is None  # nothing ever arrives to free the other 30
    assert [(s.kind, s.quantity, s.date) for s in result.reasoning] == [
        ("on_hand", 100, TODAY),
        ("later_orders", 80, NEXT_MONDAY),
        ("available_from_stock", 20, TODAY),
        ("capacity", 0, TODAY),
        ("result", 50, None),
    ]
    assert result.reasoning[1] == AtpStep("later_orders", 80, dt.date(2026, 12, 7))
    # The 20 that are free can be promised, today.
    exact = promise(20, TODAY, on_hand=100, orders=((NEXT_MONDAY, 80),))
    assert (exact.feasible, exact.earliest_date, exact.from_capacity) == (True, TODAY, 0)
    assert exact.reasoning[-1] == AtpStep("result", 20, TODAY)


def test_receipt_after_the_requested_date_only_moves_the_earliest_date() -> None:
    # 30 on hand (minus 10 allocated = 20 free), 100 arriving 10 Dec. By Friday 4 Dec only 20
    # are there; from 10 Dec 20 + 100 = 120 >= 60.
    result = promise(
        60, dt.date(2026, 12, 4), on_hand=30, allocated=10, receipts=((dt.date(2026, 12, 10), 100),)
    )
    assert not result.feasible
    assert result.available_from_stock == 20
    assert result.earliest_date == dt.date(2026, 12, 10)
    assert "receipts" not in [step.kind for step in result.reasoning]
    assert result.reasoning[-1] == AtpStep("result", 60, dt.date(2026, 12, 10))


def test_earliest_date_is_the_first_day_it_fits_even_before_the_requested_date() -> None:
    # 40 today + 30 arriving Wednesday 2 Dec = 70 >= 60 from Wednesday; asked for 11 Dec.
    result = promise(60, dt.date(2026, 12, 11), on_hand=40, receipts=((dt.date(2026, 12, 2), 30),))
    assert result.feasible
    assert result.available_from_stock == 70
    assert result.earliest_date == dt.date(2026, 12, 2)


def test_free_capacity_fills_the_gap_once_its_output_can_ship() -> None:
    # 40 in stock. Free capacity 50 in the week of 30 Nov (ships 7 Dec, 7 days after its
    # Monday) and 100 in the week of 7 Dec (ships 14 Dec).
    capacity = ((TODAY, 50), (NEXT_MONDAY, 100))
    # 80 by 7 Dec: 40 from stock + 40 of the 50 shippable by then.
    fits = promise(80, NEXT_MONDAY, on_hand=40, free_capacity=capacity)
    assert fits.feasible
    assert (fits.available_from_stock, fits.from_capacity) == (40, 40)
    assert fits.earliest_date == NEXT_MONDAY  # today only the 40 in stock
    # 120 by 7 Dec: 40 + 50 = 90 falls 30 short; by 14 Dec 40 + 50 + 100 = 190 is enough.
    short = promise(120, NEXT_MONDAY, on_hand=40, free_capacity=capacity)
    assert not short.feasible
    assert short.from_capacity == 50
    assert short.earliest_date == dt.date(2026, 12, 14)
    step = next(s for s in short.reasoning if s.kind == "capacity")
    assert (step.quantity, step.date) == (50, dt.date(2026, 12, 7))


def test_capacity_of_a_week_already_under_way_is_not_counted() -> None:
    # Today is Wednesday 2 Dec: the week of 30 Nov has started and its schedule is frozen, so
    # only the 100 of the week of 7 Dec count, shippable 14 Dec.
    result = promise(
        60,
        dt.date(2026, 12, 9),
        today=dt.date(2026, 12, 2),
        free_capacity=((TODAY, 500), (NEXT_MONDAY, 100)),
    )
    assert not result.feasible
    assert result.from_capacity == 0
    assert result.earliest_date == dt.date(2026, 12, 14)


def test_capacity_that_would_ship_within_the_products_lead_time_is_not_counted() -> None:
    """Trial 26: a promise counted the plant's free capacity within 10 days of a product
    whose lead time is 28 days. With 10 days, the week of 30 Nov (shipping 7 Dec) cannot
    serve a new order (its materials and place in the schedule come 10 Dec at the soonest);
    the week of 7 Dec (shipping 14 Dec) can, and the answer says why the first is left out."""
    capacity = ((TODAY, 500), (NEXT_MONDAY, 100))
    result = promise(60, dt.date(2026, 12, 10), free_capacity=capacity, lead_time_days=10)
    assert not result.feasible and result.from_capacity == 0
    assert result.earliest_date == dt.date(2026, 12, 14)
    steps = [(s.kind, s.quantity, s.date) for s in result.reasoning]
    assert ("lead_time", 10, dt.date(2026, 12, 10)) in steps
    assert steps.index(("lead_time", 10, dt.date(2026, 12, 10))) < [s[0] for s in steps].index(
        "capacity"
    )
    # A lead time within a week leaves the first week's output in, and is not said.
    week = promise(60, dt.date(2026, 12, 10), free_capacity=capacity, lead_time_days=5)
    assert week.feasible and week.from_capacity == 60
    assert "lead_time" not in [s.kind for s in week.reasoning]


def test_late_receipts_arrive_today_and_overdue_orders_still_take_stock() -> None:
    # 10 on hand + 50 late (due 25 Nov) - 35 overdue (due 20 Nov) = 25 available today.
    result = promise(
        25,
        TODAY,
        on_hand=10,
        receipts=((dt.date(2026, 11, 25), 50),),
        orders=((dt.date(2026, 11, 20), 35),),
    )
    assert result.feasible
    assert result.available_from_stock == 25
    kinds = {step.kind: step.quantity for step in result.reasoning}
    assert (kinds["receipts"], kinds["promised_orders"]) == (50, 35)


def test_capacity_first_covers_orders_already_short_of_stock() -> None:
    # 10 on hand, 30 promised for 7 Dec: stock is already 20 short. 50 of free capacity ship by
    # 7 Dec: 20 go to the promised order, 30 are left for a new one.
    def oversold(quantity: float) -> AtpResult:
        return promise(
            quantity,
            NEXT_MONDAY,
            on_hand=10,
            orders=((NEXT_MONDAY, 30),),
            free_capacity=((TODAY, 50),),
        )

    fits = oversold(25)
    assert fits.feasible
    assert (fits.available_from_stock, fits.from_capacity) == (-20, 25)
    assert [s for s in fits.reasoning if s.kind in ("available_from_stock", "capacity")] == [
        AtpStep("available_from_stock", -20, NEXT_MONDAY),  # promised beyond the stock
        AtpStep("capacity", 50, NEXT_MONDAY),
    ]
    too_much = oversold(40)
    assert not too_much.feasible
    assert too_much.from_capacity == 30


def test_no_earliest_date_beyond_the_search_horizon() -> None:
    # The receipt that would cover the order arrives 21 days out; the search stops at 14.
    receipts = ((dt.date(2026, 12, 21), 100),)
    result = promise(50, TODAY, receipts=receipts, horizon_days=14)
    assert result.earliest_date is None
    assert result.reasoning[-1] == AtpStep("result", 50, None)
    assert promise(50, TODAY, receipts=receipts, horizon_days=21).earliest_date == dt.date(
        2026, 12, 21
    )


@pytest.mark.parametrize("quantity", [0, -5, float("inf"), float("nan")])
def test_quantity_must_be_positive(quantity: float) -> None:
    with pytest.raises(PonteError, match="must be a number above 0"):
        promise(quantity, TODAY, on_hand=100)


def test_a_date_in_the_past_is_refused() -> None:
    with pytest.raises(
        PonteError, match=r"The date 2026-11-27 is in the past \(today is 2026-11-30"
    ):
        promise(10, dt.date(2026, 11, 27), on_hand=100)
