"""Load against capacity per plant, product family and week, with the shortfall it leaves.

Capacity comes in periods: a row holds units_per_week from start_date to end_date, both days
included (no end_date = open-ended). The period in force for a week is the one that contains
the week's Monday, so a period starting mid-week applies from the following week.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import pandas as pd

from planning.errors import PonteError

# A capacity period: first day, last day (None = open-ended), units per week.
Period = tuple[dt.date, dt.date | None, float]


@dataclass(frozen=True)
class CapacityWeek:
    """Demand against the capacity in force for one plant, family and week."""

    plant: str
    family: str
    week: dt.date  # Monday
    demand: float  # forecast point demand
    demand_upper: float  # upper end of the forecast interval (e.g. hi_95)
    capacity_units: float  # units_per_week in force that week (0 if none)
    utilization: float | None  # demand / capacity; None when capacity is 0
    shortfall_units: float  # max(0, demand - capacity)
    shortfall_units_upper: float  # max(0, demand_upper - capacity)
    shortfall_revenue: float  # shortfall_units * revenue per unit of the family
    share: float = 1.0  # of the week's days counted (a week straddling a period asked for)

    @classmethod
    def of(
        cls,
        plant: str,
        family: str,
        week: dt.date,
        *,
        demand: float,
        demand_upper: float,
        capacity_units: float,
        unit_revenue: float,
        share: float = 1.0,
    ) -> CapacityWeek:
        """A week's load from its demand and capacity: utilization and the shortfalls."""
        shortfall = max(0.0, demand - capacity_units)
        return cls(
            plant=plant,
            family=family,
            week=week,
            demand=demand,
            demand_upper=demand_upper,
            capacity_units=capacity_units,
            utilization=demand / capacity_units if capacity_units > 0 else None,
            shortfall_units=shortfall,
            shortfall_units_upper=max(0.0, demand_upper - capacity_units),
            shortfall_revenue=shortfall * unit_revenue,
            share=share,
        )

    def counted(self, share: float) -> CapacityWeek:
        """This week for `share` of its days: demand, capacity and shortfalls prorated as
        forecasts are (the utilization, a ratio, stays)."""
        return dataclasses.replace(
            self,
            demand=self.demand * share,
            demand_upper=self.demand_upper * share,
            capacity_units=self.capacity_units * share,
            shortfall_units=self.shortfall_units * share,
            shortfall_units_upper=self.shortfall_units_upper * share,
            shortfall_revenue=self.shortfall_revenue * share,
            share=share,
        )


def capacity_check(
    *,
    demand: pd.DataFrame,
    capacity: pd.DataFrame,
    unit_revenue: dict[str, float],
) -> list[CapacityWeek]:
    """Compare weekly demand with the capacity in force, per plant, family and week.

    `demand` has columns plant, family, week (its Monday, or any day of it), demand,
    demand_upper; rows for the same plant, family and week add up (SKU-level rows give the
    family's load), and a missing demand_upper falls back to demand. `capacity` has columns
    plant, family, start_date, end_date (None = open-ended, inclusive), units_per_week.
    `unit_revenue` maps family to revenue per unit (a missing family counts 0). Only weeks
    with a demand row are returned, sorted by plant, family, week. Raises PonteError when two
    capacity periods for one plant and family both cover a week.
    """
    periods = _periods(capacity)
    loads: dict[tuple[str, str, dt.date], tuple[float, float]] = {}
    if not demand.empty:
        weeks = pd.to_datetime(demand["week"]).dt.date
        points = demand["demand"].astype(float)
        uppers = demand["demand_upper"].astype(float).fillna(points)
        rows = zip(demand["plant"], demand["family"], weeks, points, uppers, strict=True)
        for plant, family, day, point, upper in rows:
            key = (str(plant), str(family), day - dt.timedelta(days=day.weekday()))
            seen_point, seen_upper = loads.get(key, (0.0, 0.0))
            loads[key] = (seen_point + point, seen_upper + upper)

    result: list[CapacityWeek] = []
    for (plant, family, week), (point, upper) in sorted(loads.items()):
        units = _units_in_force(periods.get((plant, family), []), plant, family, week)
        result.append(
            CapacityWeek.of(plant, family, week, demand=point, demand_upper=upper,
                            capacity_units=units, unit_revenue=unit_revenue.get(family, 0.0))
        )  # fmt: skip
    return result


def first_shortfall(weeks: list[CapacityWeek]) -> dict[tuple[str, str], CapacityWeek]:
    """The earliest week with a point-forecast shortfall, per (plant, family) that has one."""
    first: dict[tuple[str, str], CapacityWeek] = {}
    for week in weeks:
        if week.shortfall_units <= 0:
            continue
        key = (week.plant, week.family)
        if key not in first or week.week < first[key].week:
            first[key] = week
    return first


def _periods(capacity: pd.DataFrame) -> dict[tuple[str, str], list[Period]]:
    periods: dict[tuple[str, str], list[Period]] = {}
    if capacity.empty:
        return periods
    starts = pd.to_datetime(capacity["start_date"]).dt.date
    ends = pd.to_datetime(capacity["end_date"]).dt.date
    units = capacity["units_per_week"].astype(float)
    rows = zip(capacity["plant"], capacity["family"], starts, ends, units, strict=True)
    for plant, family, start, end, per_week in rows:
        period = (start, None if pd.isna(end) else end, per_week)
        periods.setdefault((str(plant), str(family)), []).append(period)
    return periods


def _units_in_force(periods: list[Period], plant: str, family: str, monday: dt.date) -> float:
    in_force = [
        per_week
        for start, end, per_week in periods
        if start <= monday and (end is None or monday <= end)
    ]
    if len(in_force) > 1:
        # The importer refuses overlapping periods; data that slipped past it must not be
        # resolved by guessing which capacity is meant.
        raise PonteError(
            f"Capacity for {plant}/{family} has {len(in_force)} periods covering the week of "
            f"{monday}: fix the capacity file so that only one applies."
        )
    return in_force[0] if in_force else 0.0
