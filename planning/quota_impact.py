"""What a quota asks of the plants: each family's total quota for a period against forecast
demand and plant capacity, before and after a change.

A family's total quota for a period is the sum of the current quotas that sell it: reps'
quotas where the period has any (territory quotas overlap them), else territories'. A quota
for a family counts whole; a quota for everything (no family) is split across families by
its owner's sales over the last 13 weeks (the company's when the owner sold nothing), in
units, or in revenue turned into units at the family's mean price. A period already under
way counts the quota's share of its days still to come, against the forecast and the
capacity of those days: as the quota alert rule does (planning.alerts.rules).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Engine, text

from planning.capacity import CapacityWeek
from planning.errors import PonteError
from planning.projection import days_inside, week_monday
from planning.quotas import period_bounds
from planning.supply import capacity_report

# The mix of the last quarter: what the owner sells now, read in a quarter of a year's time
# (at 5,000 products a year's mix took 600 ms of a 300 ms budget).
MIX_WEEKS = 13


@dataclass(frozen=True)
class PeriodLoad:
    """One family's forecast demand and plant capacity over the days [first, last]."""

    capacity: float  # units the plants can make (0: no capacity on file)
    demand: float  # forecast units
    weeks: float  # weeks of those days the forecast covers
    covered_until: dt.date | None  # the last day the forecast covers (None: no forecast)


def period_load(
    weeks: Iterable[CapacityWeek], family: str, first: dt.date, last: dt.date
) -> PeriodLoad:
    """Capacity and forecast of `family` (every plant) over [first, last], a week straddling
    either end counting for its days inside."""
    capacity = demand = 0.0
    mondays: set[dt.date] = set()
    for w in weeks:
        if w.family != family or w.week < week_monday(first) or w.week > last:
            continue
        share = days_inside(w.week, first, last) / 7
        capacity += w.capacity_units * share
        demand += w.demand * share
        mondays.add(w.week)
    covered = min(max(mondays) + dt.timedelta(days=6), last) if mondays else None
    span = sum(days_inside(m, first, last) for m in mondays) / 7
    return PeriodLoad(capacity=capacity, demand=demand, weeks=span, covered_until=covered)


@dataclass(frozen=True)
class FamilyImpact:
    family: str
    quota_before: float  # the family's total quota still to sell in the days counted, units
    quota_after: float
    forecast: float  # forecast demand over those days
    capacity: float  # what the plants can make over them (0: no plant capacity on file)
    shortfall_units: float  # quota after the change beyond capacity
    shortfall_weeks: float  # that shortfall in weeks of the family's capacity
    over_before: bool  # the quota was already beyond capacity before the change

    @property
    def change(self) -> float:
        return self.quota_after - self.quota_before

    @property
    def cannot_make(self) -> bool:
        return self.shortfall_units > 0


@dataclass(frozen=True)
class CapacityImpact:
    period: str
    first: dt.date  # the days counted: from today (or the period's start) ...
    last: dt.date  # ... to the period's end, or as far as the forecast reaches
    full_period: bool  # the forecast covers every day to the period's end
    families: tuple[FamilyImpact, ...]  # the families the change touches, largest change first
    split_by_mix: bool  # a total quota, split across families by the owner's sales
    by_territory: bool = False  # territory quotas counted (a territory's quota changed)

    @property
    def cannot_make(self) -> tuple[FamilyImpact, ...]:
        return tuple(f for f in self.families if f.cannot_make)


def capacity_impact(
    engine: Engine,
    *,
    today: dt.date,
    period: str,
    rep: str | None,
    territory: str | None,
    family: str | None,
    units_after: float | None,
    revenue_after: float | None,
) -> CapacityImpact | None:
    """What changing one quota (its owner, period and family) to `units_after` /
    `revenue_after` does to each family's total quota against forecast and capacity. None
    when there is nothing to compare with (no forecast yet, or the period is over or beyond
    the forecast)."""
    start, end = period_bounds(period)
    first = max(start, today)
    if end < first:
        return None
    try:
        weeks, _ = capacity_report(engine, today=today)
    except PonteError:  # no forecast yet: the request goes on, without its impact
        return None
    if not weeks:
        return None
    horizon = max(w.week for w in weeks) + dt.timedelta(days=6)
    last = min(end, horizon)
    if last < first:
        return None
    share_left = ((end - first).days + 1) / ((end - start).days + 1)
    # A territory's quota is read against the other territories' quotas (reps' quotas
    # overlap them: never added on top of the reps').
    by_territory = rep is None
    quotas = _current(engine, period, territories=by_territory)
    mix, price = _mix(engine, today, quotas)
    owner = rep or territory or ""
    mine = quotas[(quotas["owner"] == owner) & (quotas["family"] == (family or ""))]
    before = _by_family(quotas.to_dict("records"), mix, price)
    replacement = {"owner": owner, "family": family or "", "target_units": units_after,
                   "target_revenue": revenue_after, "is_rep": rep is not None}  # fmt: skip
    after = _by_family([*quotas.drop(index=mine.index).to_dict("records"), replacement], mix, price)
    # Days of the period the forecast does not reach count neither quota nor capacity.
    counted = share_left * ((last - first).days + 1) / ((end - first).days + 1)
    families = []
    for name in sorted(set(before) | set(after)):
        was, now = before.get(name, 0.0) * counted, after.get(name, 0.0) * counted
        if abs(now - was) < 0.5:
            continue
        load = period_load(weeks, name, first, last)
        short = max(0.0, now - load.capacity) if load.capacity > 0 else 0.0
        per_week = load.capacity / load.weeks if load.weeks else 0.0
        families.append(
            FamilyImpact(
                family=name,
                quota_before=was,
                quota_after=now,
                forecast=load.demand,
                capacity=load.capacity,
                shortfall_units=short,
                shortfall_weeks=short / per_week if per_week else 0.0,
                over_before=load.capacity > 0 and was > load.capacity,
            )
        )
    families.sort(key=lambda f: -abs(f.change))
    return CapacityImpact(
        period=period,
        first=first,
        last=last,
        full_period=last >= end,
        families=tuple(families),
        split_by_mix=family is None,
        by_territory=by_territory,
    )


def family_quotas(engine: Engine, *, today: dt.date, period: str) -> dict[str, float]:
    """Each family's total quota for the whole of `period`, in units, as the capacity
    impact reads it (module docstring): what the quotas together ask the plants to make."""
    quotas = _current(engine, period)
    if quotas.empty:
        return {}
    mix, price = _mix(engine, today, quotas)
    return _by_family(quotas.to_dict("records"), mix, price)


def _current(engine: Engine, period: str, *, territories: bool = False) -> pd.DataFrame:
    """The current version of every quota of `period`: owner, family ('' for all),
    targets; reps' quotas where the period has any, else (or with `territories`)
    territories'."""
    with engine.connect() as conn:
        rows = pd.read_sql_query(
            text(
                "SELECT rep, territory, family, version, target_units, target_revenue "
                "FROM quota WHERE period = :period"
            ),
            conn,
            params={"period": period},
        )
    rows = rows.fillna({"rep": "", "territory": "", "family": ""})
    rows = (
        rows.sort_values("version").groupby(["rep", "territory", "family"], as_index=False).last()
    )
    rows["is_rep"] = rows["rep"] != ""
    if territories:
        rows = rows[~rows["is_rep"] & (rows["territory"] != "")]
    elif rows["is_rep"].any():
        rows = rows[rows["is_rep"]]
    rows["owner"] = rows["rep"].where(rows["is_rep"], rows["territory"])
    return rows[["owner", "family", "target_units", "target_revenue", "is_rep"]].reset_index(
        drop=True
    )


def _mix(
    engine: Engine, today: dt.date, quotas: pd.DataFrame
) -> tuple[dict[str, dict[str, tuple[float, float]]], dict[str, float]]:
    """Each owner's share of units and of revenue per family over the last MIX_WEEKS weeks
    ('' is the company's), and each family's mean unit price."""
    since = today - dt.timedelta(weeks=MIX_WEEKS)
    with engine.connect() as conn:
        sold = pd.read_sql_query(
            text(
                "SELECT s.rep, s.territory, p.family, sum(s.quantity) AS units, "
                "sum(coalesce(s.revenue, 0)) AS revenue FROM sales_actual s "
                "JOIN product p ON p.sku = s.sku WHERE s.date >= :since AND s.date <= :today "
                "GROUP BY s.rep, s.territory, p.family"
            ),
            conn,
            params={"since": since, "today": today},
        )
        prices = {
            str(f): float(p or 0)
            for f, p in conn.execute(
                text("SELECT family, avg(unit_price) FROM product GROUP BY family")
            )
        }
    mix: dict[str, dict[str, tuple[float, float]]] = {"": _shares(sold)}
    for owner, is_rep in quotas[["owner", "is_rep"]].drop_duplicates().itertuples(index=False):
        theirs = sold[sold["rep" if is_rep else "territory"] == owner]
        if not theirs.empty and theirs["units"].sum() > 0:
            mix[str(owner)] = _shares(theirs)
    return mix, prices


def _shares(sold: pd.DataFrame) -> dict[str, tuple[float, float]]:
    per = sold.groupby("family")[["units", "revenue"]].sum()
    units, revenue = float(per["units"].sum()), float(per["revenue"].sum())
    return {
        str(f): (float(u) / units if units else 0.0, float(r) / revenue if revenue else 0.0)
        for f, (u, r) in per.iterrows()
    }


def _by_family(
    quotas: list[dict[Any, Any]],
    mix: Mapping[str, Mapping[str, tuple[float, float]]],
    price: Mapping[str, float],
) -> dict[str, float]:
    """Units of quota per family: family quotas whole, the others split by their owner's mix."""
    out: dict[str, float] = {}
    for row in quotas:
        units, revenue = _amount(row["target_units"]), _amount(row["target_revenue"])
        own = str(row["family"])
        if own:
            if units is None and revenue is not None and price.get(own):
                units = revenue / price[own]
            out[own] = out.get(own, 0.0) + (units or 0.0)
            continue
        shares = mix.get(str(row["owner"])) or mix[""]
        for family, (unit_share, revenue_share) in shares.items():
            if units is not None:
                part = units * unit_share
            elif revenue is not None and price.get(family):
                part = revenue * revenue_share / price[family]
            else:
                continue
            out[family] = out.get(family, 0.0) + part
    return out


def _amount(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)
