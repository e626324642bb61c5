"""Projected on hand for one SKU at one location, week by week, with cover and stockout dates.

Conventions (weeks are ISO weeks, named by their Monday):

- Week 1 is the week containing `start` and runs from `start` to its Sunday; later weeks run
  Monday to Sunday.
- Receipts can be used from the first day of their week (from `start` in week 1). Receipts dated
  before week 1 are late and assumed to arrive in week 1; open orders due before week 1 are
  overdue and still take stock in week 1.
- Demand is max(forecast, open orders): orders in hand are the part of the forecast already
  sold (forecast consumption), so they are not subtracted on top of it.
- Within a week demand is taken evenly day by day. Stock that reaches exactly 0 is not a
  stockout; the stockout day is the first day that ends below 0.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from planning.db import as_dates
from planning.errors import PonteError

MAX_WEEKS = 520
# Quantities are rounded to this many decimals so that float noise (a pro-rated forecast
# summed back, say) never turns stock of exactly 0 into a stockout.
DECIMALS = 9


@dataclass(frozen=True)
class ProjectionWeek:
    """One week of the projection, from opening stock to projected on hand."""

    week: dt.date  # Monday
    opening: float  # projected on hand at the start of the week
    receipts: float  # planned receipts arriving this week
    forecast: float  # forecast demand this week (pro-rated in week 1)
    open_orders: float  # open orders due this week (overdue ones in week 1)
    demand: float  # max(forecast, open_orders): the demand that takes stock
    projected_on_hand: float  # closing = opening + receipts - demand; below 0 = unmet demand
    below_safety_stock: bool  # closing < safety stock


@dataclass(frozen=True)
class InventoryProjection:
    """Projected stock of one SKU at one location, with its cover and warning dates."""

    sku: str
    location: str
    start: dt.date
    on_hand: float
    allocated: float
    safety_stock: float
    weeks: tuple[ProjectionWeek, ...]
    # Days from the start of `start` until stock runs out with demand still to serve; None when
    # it lasts the whole horizon (covers_horizon is then True).
    days_of_cover: float | None
    weeks_of_cover: float | None  # days_of_cover / 7
    covers_horizon: bool
    first_below_safety_stock: dt.date | None  # Monday of the first week closing below it
    stockout_date: dt.date | None  # first day ending with projected stock below 0

    @property
    def weekly_demand(self) -> float:
        """Average demand per week over the days projected (the first week counts its days
        from `start`, as its demand does)."""
        if not self.weeks:
            return 0.0
        span = ((self.weeks[-1].week + dt.timedelta(days=7)) - self.start).days / 7
        return sum(w.demand for w in self.weeks) / span if span > 0 else 0.0

    @property
    def weeks_of_stock(self) -> float | None:
        """How many weeks the stock available now lasts at that pace, before any receipt
        (None without demand)."""
        weekly = self.weekly_demand
        return (self.on_hand - self.allocated) / weekly if weekly > 0 else None


def days_inside(monday: dt.date, first: dt.date, last: dt.date) -> int:
    """How many days of the week starting `monday` fall within [first, last]: a week
    straddling a period counts for those (forecasts and capacity alike)."""
    return max(0, (min(monday + dt.timedelta(days=6), last) - max(monday, first)).days + 1)


def week_monday(day: dt.date) -> dt.date:
    """The Monday of the ISO week containing `day`."""
    return day - dt.timedelta(days=day.weekday())


def project_inventory(
    *,
    sku: str,
    location: str,
    on_hand: float,
    allocated: float,
    safety_stock: float,
    receipts: pd.DataFrame,
    open_orders: pd.DataFrame,
    forecast: pd.DataFrame,
    start: dt.date,
    weeks: int,
) -> InventoryProjection:
    """Project stock of `sku` at `location` for `weeks` weeks from the week containing `start`.

    `receipts` has columns date, quantity; `open_orders` has due_date, quantity; `forecast`
    has week (any day of the week, usually its Monday), forecast. Weeks without a forecast
    have none. Week 1 opens with on_hand - allocated. Raises PonteError for a horizon outside
    1-520 weeks or for a negative or missing quantity.
    """
    if not 1 <= weeks <= MAX_WEEKS:
        raise PonteError(f"The projection can cover 1 to {MAX_WEEKS} weeks, not {weeks}.")
    for label, value in (
        ("on hand", on_hand),
        ("allocated", allocated),
        ("safety stock", safety_stock),
    ):
        if not value >= 0:
            raise PonteError(
                f"The {label} quantity for {sku} at {location} must be 0 or more, not {value}."
            )
    where = f"of {sku} at {location}"
    first = week_monday(start)

    def one_row(frame: pd.DataFrame, day: str, quantity: str, label: str, late: bool) -> FloatArray:
        days, quantities = _checked(frame, day, quantity, f"{label} {where}")
        rows = np.zeros(len(days), dtype=np.int64)
        return weekly_totals(days, quantities, rows, rows=1, first=first, weeks=weeks, late=late)

    weekly = project_weeks(
        opening=np.array([on_hand - allocated]),
        safety_stock=np.array([safety_stock]),
        receipts=one_row(receipts, "date", "quantity", "planned receipt", late=True),
        open_orders=one_row(open_orders, "due_date", "quantity", "open order", late=True),
        # A forecast for a week already past is no longer demand: dropped, not carried in.
        forecast=one_row(forecast, "week", "forecast", "forecast", late=False),
        start=start,
    )
    return weekly.projection(0, sku=sku, location=location, on_hand=on_hand, allocated=allocated)


FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class ExcessStock:
    """Per row of a projection, the stock it still holds once a number of weeks of demand
    have passed: what the alerts, a product's projection and a family's all call excess."""

    beyond: FloatArray  # projected stock above safety stock after those weeks
    weekly: FloatArray  # average demand per week over them, the first week counted for its days
    flagged: npt.NDArray[np.bool_]  # beyond by more than the margin's weeks of that demand
    # What could leave now without the projection dipping below safety stock in any of
    # those weeks (a receipt late in them does not make up for a shortage before it)
    room: FloatArray
    spare: FloatArray  # `room` where the stock is excess, else 0


@dataclass(frozen=True)
class WeeklyProjection:
    """Projections of many product-locations over the same weeks, one row each: what
    `project_inventory` works out for one, computed for thousands at once (numpy arrays of
    shape rows x weeks), so a view over every product is one pass, not one call each."""

    start: dt.date
    safety_stock: FloatArray  # rows
    opening: FloatArray  # rows x weeks: projected on hand at the start of each week
    receipts: FloatArray
    forecast: FloatArray  # pro-rated in week 1
    open_orders: FloatArray
    demand: FloatArray
    closing: FloatArray
    days_of_cover: FloatArray  # rows: NaN where stock lasts the whole horizon

    @functools.cached_property
    def mondays(self) -> list[dt.date]:
        first = week_monday(self.start)
        return [first + dt.timedelta(weeks=i) for i in range(self.closing.shape[1])]

    def stockout_dates(self) -> list[dt.date | None]:
        """Per row, the first day ending with projected stock below 0 (None: never)."""
        return [self._stockout(cover) for cover in self.days_of_cover.tolist()]

    def _stockout(self, cover: float) -> dt.date | None:
        # Stock runs out during day floor(cover) counted from 0: running out exactly at the
        # end of a day leaves that day served, and the shortage starts the next day.
        return None if math.isnan(cover) else self.start + dt.timedelta(days=math.floor(cover))

    def first_below_safety_stock(self) -> list[dt.date | None]:
        """Per row, the Monday of the first week closing below safety stock (None: never)."""
        below: npt.NDArray[np.bool_] = self.closing < self.safety_stock[:, None]
        first: list[int] = below.argmax(axis=1).tolist()
        hits: list[bool] = np.any(below, axis=1).tolist()
        mondays = self.mondays
        return [mondays[k] if hit else None for k, hit in zip(first, hits, strict=True)]

    def head(self, weeks: int) -> WeeklyProjection:
        """The same projection over its first `weeks` weeks only (a stockout after them is
        none within them)."""
        if weeks >= self.closing.shape[1]:
            return self
        days = 7 - self.start.weekday() + 7 * (weeks - 1)
        cover = np.where(self.days_of_cover < days, self.days_of_cover, np.nan)
        return WeeklyProjection(
            start=self.start,
            safety_stock=self.safety_stock,
            opening=self.opening[:, :weeks],
            receipts=self.receipts[:, :weeks],
            forecast=self.forecast[:, :weeks],
            open_orders=self.open_orders[:, :weeks],
            demand=self.demand[:, :weeks],
            closing=self.closing[:, :weeks],
            days_of_cover=cover,
        )

    def excess(
        self, cover: npt.NDArray[np.int64], margin: FloatArray, covered: int | None = None
    ) -> ExcessStock:
        """Per row, the stock left above safety stock once `cover` weeks from `start` have
        passed (receipts due in them included, as the projection has them), and whether that
        is more than `margin` weeks of their demand: excess stock. Weeks the projection, or
        the forecast under it (its first `covered` weeks), does not reach, and the part of the
        first week already gone, count at the pace of the weeks it does. A row that runs out
        within them holds no excess (whatever a late receipt brings)."""
        rows, weeks = self.closing.shape
        reach = weeks if covered is None else max(1, min(weeks, covered))
        inside = np.clip(cover, 1, reach)
        counted = np.arange(weeks)[None, :] < inside[:, None]
        days = np.full(weeks, 7.0)
        days[0] = 7 - self.start.weekday()
        span = np.where(counted, days, 0.0).sum(axis=1) / 7
        weekly = np.where(counted, self.demand, 0.0).sum(axis=1) / span
        rest = weekly * np.maximum(0.0, cover - span)  # weeks not projected, at that pace
        beyond = self.closing[np.arange(rows), inside - 1] - self.safety_stock - rest
        lowest = np.where(counted, self.closing, np.inf).min(axis=1)
        flagged = (lowest >= 0) & (beyond > margin * weekly)
        above = np.where(counted, self.closing - self.safety_stock[:, None], np.inf).min(axis=1)
        room = np.clip(np.nan_to_num(np.minimum(above, beyond)), 0.0, None)
        spare = np.where(flagged, room, 0.0)
        return ExcessStock(beyond=beyond, weekly=weekly, flagged=flagged, room=room, spare=spare)

    def projection(
        self, row: int, *, sku: str, location: str, on_hand: float, allocated: float
    ) -> InventoryProjection:
        """Row `row` as the InventoryProjection of `sku` at `location`."""
        safety = float(self.safety_stock[row])
        # The row's weeks as Python floats at once (a float() per cell was half the time of
        # a projection over every product: 15,000 rows at 5,000 SKUs).
        closing = self.closing[row].tolist()
        weeks = tuple(
            ProjectionWeek(
                week=monday,
                opening=opening,
                receipts=receipts,
                forecast=forecast,
                open_orders=orders,
                demand=demand,
                projected_on_hand=closed,
                below_safety_stock=closed < safety,
            )
            for monday, opening, receipts, forecast, orders, demand, closed in zip(
                self.mondays,
                self.opening[row].tolist(),
                self.receipts[row].tolist(),
                self.forecast[row].tolist(),
                self.open_orders[row].tolist(),
                self.demand[row].tolist(),
                closing,
                strict=True,
            )
        )
        cover = float(self.days_of_cover[row])
        days_of_cover = None if math.isnan(cover) else cover
        below = np.flatnonzero(self.closing[row] < safety)  # this row only, not all of them
        return InventoryProjection(
            sku=sku,
            location=location,
            start=self.start,
            on_hand=on_hand,
            allocated=allocated,
            safety_stock=safety,
            weeks=weeks,
            days_of_cover=days_of_cover,
            weeks_of_cover=None if days_of_cover is None else days_of_cover / 7,
            covers_horizon=days_of_cover is None,
            first_below_safety_stock=weeks[int(below[0])].week if below.size else None,
            stockout_date=self._stockout(cover),
        )


def project_weeks(
    *,
    opening: FloatArray,
    safety_stock: FloatArray,
    receipts: FloatArray,
    open_orders: FloatArray,
    forecast: FloatArray,
    start: dt.date,
) -> WeeklyProjection:
    """Project every row week by week from `opening` stock (on hand - allocated): the
    arithmetic of `project_inventory`, with quantities already summed into weeks (column 0 is
    the week containing `start`, late receipts and overdue orders included in it, and its
    forecast the whole week's: it is pro-rated here)."""
    rows, weeks = receipts.shape
    days = np.full(weeks, 7.0)
    days[0] = 7 - start.weekday()
    # The days of week 1 before `start` are over and their sales have already left on_hand,
    # so only the share of the forecast for the days still ahead is demand.
    forecast = forecast.astype(float).copy()
    forecast[:, 0] *= days[0] / 7
    demand = np.maximum(forecast, open_orders)
    opening_by_week = np.empty((rows, weeks))
    closing = np.empty((rows, weeks))
    cover = np.full(rows, np.nan)
    current = opening.astype(float)
    elapsed = 0.0  # days from `start` to the first day of the current week
    for k in range(weeks):
        opening_by_week[:, k] = np.round(current, DECIMALS)
        supply = np.round(current + receipts[:, k], DECIMALS)
        closing[:, k] = np.round(supply - demand[:, k], DECIMALS)
        runs_out = np.isnan(cover) & (closing[:, k] < 0)
        if runs_out.any():
            # Demand is even over the week, so stock lasts supply / (demand per day) days.
            share = np.divide(
                days[k] * supply,
                demand[:, k],
                out=np.zeros(rows),
                where=(supply > 0) & (demand[:, k] > 0),
            )
            cover[runs_out] = np.round(elapsed + share[runs_out], DECIMALS)
        current = closing[:, k]
        elapsed += days[k]
    return WeeklyProjection(
        start=start,
        safety_stock=safety_stock.astype(float),
        opening=opening_by_week,
        receipts=receipts.astype(float),
        forecast=forecast,
        open_orders=open_orders.astype(float),
        demand=demand,
        closing=closing,
        days_of_cover=cover,
    )


def weekly_totals(
    days: pd.Series,
    quantities: FloatArray,
    row_of: npt.NDArray[np.int64],
    *,
    rows: int,
    first: dt.date,
    weeks: int,
    late: bool,
) -> FloatArray:
    """Quantities summed per row (`row_of` each; negative: left out) and week, as a rows x
    weeks array whose column 0 is the week of `first` (a Monday). With `late`, quantities
    dated before that week count in it (late receipts, overdue orders); without, they are
    dropped. Quantities from `weeks` weeks on are dropped."""
    out = np.zeros((rows, weeks))
    if len(days) == 0:
        return out
    day = _day_numbers(days)
    dated = day != np.datetime64("NaT").astype(np.int64)  # a row without a date counts nowhere
    week = (day - np.datetime64(first, "D").astype(np.int64)) // 7
    if late:
        week = np.maximum(week, 0)
    keep = dated & (row_of >= 0) & (week >= 0) & (week < weeks)
    np.add.at(out, (row_of[keep], week[keep]), quantities[keep])
    return out


def _day_numbers(days: pd.Series) -> npt.NDArray[np.int64]:
    """Days since 1970 of dates, datetimes, timestamps or ISO strings (NaT's number where
    there is none): numpy reads them directly, without pandas parsing each column again."""
    values = days.to_numpy()
    if values.dtype.kind != "M":
        values = np.array(values.tolist(), dtype="datetime64[D]")
    return values.astype("datetime64[D]").astype(np.int64)


def _checked(
    frame: pd.DataFrame, date_column: str, quantity_column: str, label: str
) -> tuple[pd.Series, FloatArray]:
    """The dates and quantities of `frame`; a PonteError for the first row without a date
    or with a negative or missing quantity."""
    if frame.empty:
        return pd.Series([], dtype=object), np.zeros(0)
    days = as_dates(frame[date_column])
    quantities: FloatArray = frame[quantity_column].to_numpy(dtype=np.float64)
    for day, quantity in zip(days, quantities, strict=True):
        if pd.isna(day):
            raise PonteError(f"A {label} for {quantity:g} units has no date.")
        if not quantity >= 0:
            raise PonteError(f"The {label} dated {day} has a negative or missing quantity.")
    return days, quantities
