"""What if: the capacity check with demand or a plant's capacity changed by a share.

"Se facciamo una promo gnocchi a gennaio +30% reggiamo?", "what if demand for moka goes up
20%?", "se la produzione a Maniago si ferma 2 settimane?": the latest weekly forecast and the
capacity in force, as the capacity check reads them (planning.supply.capacity_report), with
the change applied to the weeks it covers, side by side with the plan as it is. Nothing is
stored: a scenario is a question, not a forecast override.

Whether the plant copes is judged as a planner would: a week over capacity is covered when
stock above safety stock, and capacity left free in the weeks before it (building ahead),
cover what the weeks over it lack. What is left uncovered is what would be short.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine

from planning.capacity import CapacityWeek
from planning.db import as_dates
from planning.errors import PonteError
from planning.projection import days_inside, week_monday
from planning.quotas import ahead
from planning.supply import Provenance, capacity_report, family_prices, latest_stock, read_frame

# Without a period, a change is looked at over the capacity check's default weeks.
DEFAULT_WEEKS = 12
# A change of capacity below -100% would be negative production.
MOST_CUT = -100.0


@dataclass(frozen=True)
class Scenario:
    """The change asked. Demand of `skus` (else of `family`, else of everything) changes by
    `demand_change` percent; the capacity of `plant` (its `family` alone when one is named)
    by `capacity_change` percent (-100: stopped); both from `first` to `last`, both days
    included."""

    first: dt.date
    last: dt.date
    demand_change: float | None = None
    capacity_change: float | None = None
    skus: tuple[str, ...] = ()
    family: str | None = None
    plant: str | None = None
    period: str | None = None  # as asked (YYYY-MM, YYYY-Qn), for the title
    weeks: int | None = None  # as asked ("for 2 weeks")

    def __post_init__(self) -> None:
        if self.demand_change is None and self.capacity_change is None:
            raise PonteError("a scenario changes demand or capacity by a share",
                             code="no_change")  # fmt: skip
        if self.capacity_change is not None and self.capacity_change < MOST_CUT:
            raise PonteError(
                f"capacity cannot fall by more than 100% ({self.capacity_change:+g}%)",
                code="bad_change",
                change=self.capacity_change,
            )
        if self.demand_change is not None and self.demand_change <= MOST_CUT:
            raise PonteError(
                f"demand cannot fall by 100% or more ({self.demand_change:+g}%)",
                code="bad_change",
                change=self.demand_change,
            )
        if self.capacity_change is not None and self.plant is None:
            raise PonteError("a change of capacity needs a plant", code="no_plant")


@dataclass(frozen=True)
class ScenarioLine:
    """One plant and family over the weeks the change covers: as planned and as changed."""

    plant: str
    family: str
    weeks: int  # weeks looked at (those the change covers)
    demand: float  # forecast demand, as planned
    demand_after: float
    capacity: float  # capacity in force, as planned
    capacity_after: float
    peak: float | None  # highest weekly load as planned (None: no capacity in any week)
    peak_after: float | None
    short: float  # units over capacity, summed over the weeks over it, as planned
    short_after: float
    weeks_over: int
    weeks_over_after: int
    first_over_after: dt.date | None  # the first week over capacity with the change
    free_stock: float  # the family's stock above safety stock, this plant's share
    uncovered: float  # units short after stock and building ahead from this week
    revenue_uncovered: float  # at the family's list price
    uncovered_before: float  # the same, as planned

    @property
    def copes(self) -> bool:
        return self.uncovered <= 0


@dataclass(frozen=True)
class WhatIfAnswer:
    scenario: Scenario
    lines: tuple[ScenarioLine, ...]
    added_units: float  # demand added (negative: removed) over the weeks the change covers
    provenance: Provenance
    covered_until: dt.date | None = None  # the forecast's last day, when the change goes past

    @property
    def copes(self) -> bool:
        return all(line.copes for line in self.lines)


def change_window(
    today: dt.date, *, period: str | None = None, weeks: int | None = None
) -> tuple[dt.date, dt.date]:
    """The days a change covers: `period` (what is left of it; its first `weeks` weeks when
    both are said: "a week in January"), else the next `weeks` weeks from next Monday (a stop
    "for 2 weeks" starts with the next full week), else the check's default weeks from this
    one."""
    if period is not None:
        first, last = ahead(period, today)
        first = max(first, today)
        if weeks is not None:
            last = min(last, first + dt.timedelta(weeks=weeks, days=-1))
        return first, last
    if weeks is not None:
        monday = week_monday(today) + dt.timedelta(weeks=1)
        return monday, monday + dt.timedelta(weeks=weeks, days=-1)
    return today, week_monday(today) + dt.timedelta(weeks=DEFAULT_WEEKS, days=-1)


def what_if(engine: Engine, scenario: Scenario, *, today: dt.date) -> WhatIfAnswer:
    """The capacity check as planned and with `scenario`'s change, per plant and family."""
    planned, provenance = capacity_report(engine, today=today)
    first, last = scenario.first, scenario.last
    horizon = max((w.week for w in planned), default=today) + dt.timedelta(days=6)
    if not planned or horizon < first:
        raise PonteError(
            f"the forecast does not reach {first} (it runs to {horizon})",
            code="beyond_forecast",
            until=horizon.isoformat(),
        )
    families = {w.family for w in planned}
    if scenario.family is not None and scenario.family not in families:
        raise PonteError(f"no plant makes {scenario.family}: its capacity is not planned",
                         code="no_capacity", family=scenario.family)  # fmt: skip
    plants = {w.plant for w in planned}
    if scenario.plant is not None and scenario.plant not in plants:
        raise PonteError(f"{scenario.plant} has no capacity planned", code="no_capacity",
                         family=scenario.plant)  # fmt: skip
    assert provenance.run is not None  # capacity_report answers only on a weekly run
    extra = _extra_demand(engine, scenario, planned, provenance.run.run_id)
    # From this week to the change's last: weeks before it may build ahead for it.
    looked = [w for w in planned if w.week <= last]
    with engine.connect() as conn:
        prices = family_prices(conn)
    changed = [
        _changed(
            w, scenario, extra.get((w.plant, w.family, w.week), 0.0), prices.get(w.family, 0.0)
        )
        for w in looked
    ]
    touched = {(w.plant, w.family) for w, c in zip(looked, changed, strict=True) if w != c}
    if scenario.capacity_change is not None:  # the plant's whole load, changed or not
        touched |= {(w.plant, w.family) for w in looked if w.plant == scenario.plant}
    if scenario.family is not None:
        touched |= {(w.plant, w.family) for w in looked if w.family == scenario.family}
    if scenario.plant is not None and scenario.capacity_change is None:
        touched = {(plant, family) for plant, family in touched if plant == scenario.plant}
    if not touched:  # products no plant makes, or a family made elsewhere than the plant
        what = scenario.family or ", ".join(scenario.skus) or scenario.plant or ""
        where = f" @ {scenario.plant}" if scenario.plant else ""
        raise PonteError(f"no plant load of {what}{where} is planned", code="no_capacity",
                         family=what + where)  # fmt: skip
    free, stock_as_of = free_stock_at_plants(engine, {family for _, family in touched}, looked)
    lines = []
    for plant, family in sorted(touched):
        before = [w for w in looked if (w.plant, w.family) == (plant, family)]
        after = [c for c in changed if (c.plant, c.family) == (plant, family)]
        stock = free.get((plant, family), 0.0)
        lines.append(_line(before, after, stock, (first, last), prices.get(family, 0.0)))
    # A week's change falls within the days it covers: counted whole.
    added = sum(c.demand - w.demand for w, c in zip(looked, changed, strict=True))
    return WhatIfAnswer(
        scenario=scenario,
        lines=tuple(lines),
        added_units=added,
        provenance=Provenance(stock_as_of=stock_as_of, run=provenance.run),
        covered_until=horizon if horizon < last else None,
    )


def _inside(monday: dt.date, first: dt.date, last: dt.date) -> float:
    """The share of the week of `monday` the change covers."""
    return days_inside(monday, first, last) / 7


def _extra_demand(
    engine: Engine, scenario: Scenario, planned: list[CapacityWeek], run_id: int
) -> dict[tuple[str, str, dt.date], float]:
    """Units added (or taken) per plant, family and week, for the days of each week the
    change covers."""
    if not scenario.demand_change:
        return {}
    rate = scenario.demand_change / 100
    first, last = scenario.first, scenario.last
    extra: dict[tuple[str, str, dt.date], float] = {}
    # At a plant named for demand alone, its share of the demand changes; a plant named for
    # its capacity leaves demand everywhere to change.
    at = scenario.plant if scenario.capacity_change is None else None
    everywhere, planned = planned, [w for w in planned if at in (None, w.plant)]
    if not scenario.skus:
        for w in planned:
            if scenario.family in (None, w.family) and (share := _inside(w.week, first, last)):
                extra[(w.plant, w.family, w.week)] = w.demand * rate * share
        return extra
    # Named products: their own forecast, shared among the plants that make their family
    # as the family's demand is (planning.supply.plant_family_demand).
    with engine.connect() as conn:
        products = read_frame(
            conn,
            "SELECT p.family, v.ds, sum(v.forecast) AS demand FROM forecast_value v "
            "JOIN forecast_series s ON s.run_id = v.run_id AND s.unique_id = v.unique_id "
            "JOIN product p ON p.sku = s.sku "
            "WHERE v.run_id = :run AND s.sku IN :skus GROUP BY p.family, v.ds",
            run=run_id,
            skus=frozenset(scenario.skus),
        )
    # Each plant's share of its family's demand that week, over every plant that makes it.
    shares = _plant_shares({(w.plant, w.family, w.week): w.demand for w in everywhere})
    added: dict[tuple[str, dt.date], float] = {}
    days = as_dates(products["ds"])
    for family, day, demand in zip(products["family"], days, products["demand"], strict=True):
        monday = week_monday(day)
        if share := _inside(monday, first, last):
            added[(str(family), monday)] = float(demand) * rate * share
    for w in planned:
        units = added.get((w.family, w.week))
        if units:
            extra[(w.plant, w.family, w.week)] = units * shares[(w.plant, w.family, w.week)]
    return extra


def _plant_shares(
    load: dict[tuple[str, str, dt.date | None], float],
) -> dict[tuple[str, str, dt.date | None], float]:
    """Each plant's share of its family's `load` (keyed plant, family, week or None): its
    demand over the family's, or an equal share when the family has none."""
    totals: dict[tuple[str, dt.date | None], float] = {}
    makers: dict[tuple[str, dt.date | None], int] = {}
    for (_, family, when), units in load.items():
        totals[(family, when)] = totals.get((family, when), 0.0) + units
        makers[(family, when)] = makers.get((family, when), 0) + 1
    return {
        (plant, family, when): (
            units / totals[(family, when)] if totals[(family, when)] else 1 / makers[(family, when)]
        )
        for (plant, family, when), units in load.items()
    }


def _changed(week: CapacityWeek, scenario: Scenario, extra: float, price: float) -> CapacityWeek:
    """`week` with the scenario's demand added and its plant's capacity changed."""
    demand = max(0.0, week.demand + extra)
    capacity = week.capacity_units
    if (
        scenario.capacity_change is not None
        and week.plant == scenario.plant
        # the family named scopes the capacity change only when demand does not change too
        and (scenario.family in (None, week.family) or scenario.demand_change is not None)
    ):
        share = _inside(week.week, scenario.first, scenario.last)
        capacity *= 1 + scenario.capacity_change / 100 * share
    if demand == week.demand and capacity == week.capacity_units:
        return week
    return CapacityWeek.of(
        week.plant,
        week.family,
        week.week,
        demand=demand,
        demand_upper=week.demand_upper + (demand - week.demand),
        capacity_units=capacity,
        unit_revenue=price,
    )


def free_stock_at_plants(
    engine: Engine, families: set[str], weeks: list[CapacityWeek]
) -> tuple[dict[tuple[str, str], float], dt.date | None]:
    """The stock of each family above its products' safety stock, at every location, shared
    among the plants that make it as its demand is over the weeks looked at; and the day of
    the newest stock snapshot read."""
    if not families:
        return {}, None
    with engine.connect() as conn:
        owner = read_frame(conn, "SELECT sku, family FROM product WHERE family IN :families",
                           families=frozenset(families))  # fmt: skip
        stock = latest_stock(conn, skus=frozenset(owner["sku"].astype(str)))
    if stock.empty:
        return {}, None
    stock = stock.merge(owner, on="sku")
    spare = (stock["on_hand"] - stock["allocated"] - stock["safety_stock"]).clip(lower=0)
    by_family = spare.groupby(stock["family"]).sum()
    load: dict[tuple[str, str, dt.date | None], float] = {}
    for w in weeks:  # over all the weeks looked at
        load[(w.plant, w.family, None)] = load.get((w.plant, w.family, None), 0.0) + w.demand
    free = {
        (plant, family): float(by_family[family]) * share
        for (plant, family, _), share in _plant_shares(load).items()
        if family in by_family.index
    }
    return free, max(stock["as_of"])


def _line(
    before: list[CapacityWeek],
    after: list[CapacityWeek],
    free_stock: float,
    window: tuple[dt.date, dt.date],
    price: float,
) -> ScenarioLine:
    """One plant and family: the weeks the change covers side by side, and what stock and
    building ahead from this week leave uncovered by its end."""
    # The weeks the change covers, each for the days of it the change covers (as the
    # capacity check counts a week straddling a period); the change itself falls within
    # those days, so it is counted whole.
    b, a = [], []
    for w, c in zip(before, after, strict=True):
        if share := _inside(w.week, *window):
            b.append(w.counted(share))
            a.append(_inside_days(w.counted(share), c, w, price))
    worst = uncovered(after, free_stock)
    over = [w for w in a if w.shortfall_units > 0]
    return ScenarioLine(
        plant=before[0].plant,
        family=before[0].family,
        weeks=len(b),
        demand=sum(w.demand for w in b),
        demand_after=sum(w.demand for w in a),
        capacity=sum(w.capacity_units for w in b),
        capacity_after=sum(w.capacity_units for w in a),
        peak=max((w.utilization for w in b if w.utilization is not None), default=None),
        peak_after=max((w.utilization for w in a if w.utilization is not None), default=None),
        short=sum(w.shortfall_units for w in b),
        short_after=sum(w.shortfall_units for w in a),
        weeks_over=sum(w.shortfall_units > 0 for w in b),
        weeks_over_after=len(over),
        first_over_after=min((w.week for w in over), default=None),
        free_stock=free_stock,
        uncovered=worst,
        revenue_uncovered=worst * price,
        uncovered_before=uncovered(before, free_stock),
    )


def _inside_days(
    counted: CapacityWeek, changed: CapacityWeek, planned: CapacityWeek, price: float
) -> CapacityWeek:
    """The days of `planned`'s week the change covers (`counted`), with its whole change
    (`changed` against `planned`) in them; its load is theirs, as its shortfall is (the
    whole week's, with days the change does not cover, read 113% over a March with nothing
    over capacity)."""
    change = changed.demand - planned.demand
    return CapacityWeek.of(
        counted.plant,
        counted.family,
        counted.week,
        demand=counted.demand + change,
        demand_upper=counted.demand_upper + change,
        capacity_units=counted.capacity_units + changed.capacity_units - planned.capacity_units,
        unit_revenue=price,
        share=counted.share,
    )


def uncovered(weeks: list[CapacityWeek], free_stock: float) -> float:
    """The most that demand runs ahead of `free_stock` plus the capacity of the weeks so
    far, week by week: what neither stock nor building ahead covers."""
    balance, worst = free_stock, 0.0
    for w in sorted(weeks, key=lambda w: w.week):
        balance += w.capacity_units - w.demand
        worst = min(worst, balance)
    return max(0.0, -worst)
