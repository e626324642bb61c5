"""Available to promise: can a quantity ship by a date, and if not, from when.

Availability on a day t is on_hand - allocated + receipts dated up to t - open orders due up to
t; receipts and orders dated before today count today (late receipts are assumed to arrive now,
overdue orders still have to ship). Stock available to promise on D is the lowest availability
on D or any later day, so a new promise never takes stock already promised to a later order.

Free plant capacity (left after forecast demand) can cover the rest. A week's output can ship
`production_lead_days` after that week's Monday (the default 7: the Monday after the week it
was made in), and only weeks that have not started by today count: the schedule of a week
already under way is taken as frozen. Nor do weeks whose output would ship before the
product's lead time from today (`lead_time_days`, the product master's): an order made now
cannot have its materials, or its place in the schedule, sooner than that.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from planning.errors import PonteError

# Below this, a difference between quantities is float noise, not a shortage.
TOLERANCE = 1e-9
# Results are rounded to this many decimals so that float noise does not show.
DECIMALS = 9


@dataclass(frozen=True)
class AtpStep:
    """One step from stock to the answer, in the order a planner reasons."""

    # on_hand, allocated, receipts, promised_orders, later_orders, available_from_stock,
    # capacity or result
    kind: str
    quantity: float
    date: dt.date | None  # as of, or by when (for "result": the earliest date, if any)


@dataclass(frozen=True)
class AtpResult:
    """Whether a quantity can ship by a date, how much from stock and capacity, and why."""

    sku: str
    location: str
    quantity: float
    requested_date: dt.date
    feasible: bool  # the full quantity can ship by requested_date
    earliest_date: dt.date | None  # first day the full quantity can ship; None beyond horizon
    available_from_stock: float  # stock ATP on requested_date (negative = already oversold)
    from_capacity: float  # part of the quantity covered by free capacity (0 if not needed)
    reasoning: tuple[AtpStep, ...]


def available_to_promise(
    *,
    sku: str,
    location: str,
    quantity: float,
    requested_date: dt.date,
    today: dt.date,
    on_hand: float,
    allocated: float,
    receipts: pd.DataFrame,
    open_orders: pd.DataFrame,
    free_capacity: pd.DataFrame,
    production_lead_days: int = 7,
    lead_time_days: int = 0,
    horizon_days: int = 182,
) -> AtpResult:
    """Check whether `quantity` of `sku` can ship from `location` by `requested_date`.

    `receipts` has columns date, quantity; `open_orders` (already promised) has due_date,
    quantity; `free_capacity` has week (Monday), free_units and may be empty (a negative
    free_units, an overloaded week, offers nothing). The earliest date is searched from
    `today` to `horizon_days` later, or to `requested_date` if that is further. Raises
    PonteError when quantity is not positive or requested_date is before today.
    """
    if not (quantity > 0 and math.isfinite(quantity)):
        raise PonteError(f"The quantity to promise must be a number above 0, not {quantity:g}.")
    if requested_date < today:
        raise PonteError(
            f"The date {requested_date.isoformat()} is in the past (today is "
            f"{today.isoformat()}): ask for today or a later date."
        )
    if production_lead_days < 0 or horizon_days < 0 or lead_time_days < 0:
        raise ValueError("lead times and horizon_days must not be negative")

    # Late receipts are assumed to arrive today; overdue orders still have to ship today.
    incoming = [(max(day, today), units) for day, units in _dated(receipts, "date", "quantity")]
    promised = [
        (max(day, today), units) for day, units in _dated(open_orders, "due_date", "quantity")
    ]
    profile = _Profile(on_hand - allocated, incoming, promised)
    made_from = today + dt.timedelta(days=lead_time_days)  # new production, at the soonest
    shipped = [
        (monday + dt.timedelta(days=production_lead_days), max(0.0, units))
        for monday, units in _dated(free_capacity, "week", "free_units")
        if monday >= today
    ]
    output = sorted((ship, units) for ship, units in shipped if ship >= made_from)
    # The lead time, said when it leaves out capacity that would otherwise have shipped.
    lead = made_from if any(ship < made_from and units > 0 for ship, units in shipped) else None

    def capacity_by(day: dt.date) -> float:
        return sum(units for ship, units in output if ship <= day)

    def fits(day: dt.date) -> bool:
        # Capacity first makes good any stock already oversold to promised orders, then
        # serves this request: hence stock ATP (maybe negative) plus capacity.
        return quantity <= profile.atp(day) + capacity_by(day) + TOLERANCE

    search_end = max(today + dt.timedelta(days=horizon_days), requested_date)
    # Stock ATP and shippable capacity change only on receipt, order and output dates and
    # never fall as the date moves later, so the first such date that fits is the earliest.
    changes = [today, *profile.dates, *(ship for ship, _ in output)]
    candidates = sorted({day for day in changes if today <= day <= search_end})
    earliest = next((day for day in candidates if fits(day)), None)

    stock = round(profile.atp(requested_date), DECIMALS)
    gap = quantity - max(stock, 0.0)
    capacity = capacity_by(requested_date) if gap > TOLERANCE else None
    # What capacity can give this request once promised orders short of stock are covered.
    from_capacity = 0.0 if capacity is None else max(0.0, min(gap, capacity + min(stock, 0.0)))
    feasible = fits(requested_date)

    steps = _explain(
        on_hand=on_hand,
        allocated=allocated,
        today=today,
        requested_date=requested_date,
        incoming=incoming,
        promised=promised,
        profile=profile,
        capacity=capacity,
    )
    if capacity is not None and lead is not None:  # before the capacity it limits
        steps.insert(-1, AtpStep("lead_time", float(lead_time_days), lead))
    steps.append(AtpStep("result", quantity, earliest))
    return AtpResult(
        sku=sku,
        location=location,
        quantity=quantity,
        requested_date=requested_date,
        feasible=feasible,
        earliest_date=earliest,
        available_from_stock=stock,
        from_capacity=round(from_capacity, DECIMALS),
        reasoning=tuple(steps),
    )


class _Profile:
    """Stock availability day by day: a starting level changed by receipts and orders."""

    def __init__(
        self,
        start: float,
        incoming: list[tuple[dt.date, float]],
        promised: list[tuple[dt.date, float]],
    ) -> None:
        net: dict[dt.date, float] = {}
        for day, units in incoming:
            net[day] = net.get(day, 0.0) + units
        for day, units in promised:
            net[day] = net.get(day, 0.0) - units
        self.start = start
        self.dates = sorted(net)
        self.levels: list[float] = []
        level = start
        for day in self.dates:
            level += net[day]
            self.levels.append(level)

    def level(self, day: dt.date) -> float:
        index = bisect.bisect_right(self.dates, day)
        return self.levels[index - 1] if index else self.start

    def atp(self, day: dt.date) -> float:
        index = bisect.bisect_right(self.dates, day)
        return min([self.level(day), *self.levels[index:]])

    def held_for_later(self, day: dt.date) -> tuple[float, dt.date]:
        """Stock on `day` that later promised orders need, and the day where it is tightest."""
        index = bisect.bisect_right(self.dates, day)
        level = self.level(day)
        later = list(zip(self.dates[index:], self.levels[index:], strict=True))
        tightest = min(later, key=lambda item: item[1], default=(day, level))
        return max(0.0, round(level - tightest[1], DECIMALS)), tightest[0]


def _explain(
    *,
    on_hand: float,
    allocated: float,
    today: dt.date,
    requested_date: dt.date,
    incoming: list[tuple[dt.date, float]],
    promised: list[tuple[dt.date, float]],
    profile: _Profile,
    capacity: float | None,
) -> list[AtpStep]:
    """The steps from stock to the quantity available, in the order a planner reasons."""
    steps = [AtpStep("on_hand", on_hand, today)]
    if allocated:
        steps.append(AtpStep("allocated", allocated, today))
    arriving = sum(units for day, units in incoming if day <= requested_date)
    if arriving:
        steps.append(AtpStep("receipts", arriving, requested_date))
    due = sum(units for day, units in promised if day <= requested_date)
    if due:
        steps.append(AtpStep("promised_orders", due, requested_date))
    held, tightest = profile.held_for_later(requested_date)
    if held > TOLERANCE:
        steps.append(AtpStep("later_orders", held, tightest))
    # Negative when orders already promised exceed the stock by then.
    stock = round(profile.atp(requested_date), DECIMALS)
    steps.append(AtpStep("available_from_stock", stock, requested_date))
    if capacity is not None:
        steps.append(AtpStep("capacity", capacity, requested_date))
    return steps


def _dated(
    frame: pd.DataFrame, date_column: str, quantity_column: str
) -> list[tuple[dt.date, float]]:
    if frame.empty:
        return []
    days = pd.to_datetime(frame[date_column]).dt.date
    return list(zip(days, frame[quantity_column].astype(float), strict=True))
