"""A SKU's forecast as a rep asks for it: summed over locations, and explained.

The sum over locations (or over a group's products) keeps the point forecast exact and
combines the interval half-widths for errors that move together as much as the run measured
for the family (planning.forecast.ranges; in quadrature where it measured none), as plant
loads do in planning.supply.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, bindparam, text

from planning.db import as_date
from planning.errors import PonteError
from planning.feedback.beside import Beside
from planning.forecast.ranges import WEEK_CORRELATION, total_half_width
from planning.forecast.runs import (
    RunSummary,
    SeriesForecast,
    answering_run_id,
    family_error_correlation,
    sku_forecasts,
    summarize,
)
from planning.groups import TOP_LINES, ProductGroup, members, read_members
from planning.memo import DataMemo
from planning.projection import days_inside
from planning.quotas import in_period, sales_calendar, sales_from
from planning.sales import SalesScope, year_before

BANDS = ("lo_80", "hi_80", "lo_95", "hi_95")
COMPARE_WEEKS = 13  # a quarter: long enough to smooth a noisy week, short enough to be recent


@dataclass(frozen=True)
class ForecastPeriod:
    period: dt.date  # the Monday of the week (or the first day of the month)
    forecast: float
    lo_80: float
    hi_80: float
    lo_95: float
    hi_95: float


@dataclass(frozen=True)
class YearBefore:
    """What sold over the same days one year before the days forecast ("forecast pentole
    dicembre vs dicembre scorso"): the first check a planner makes of a forecast."""

    start: dt.date
    end: dt.date
    units: float

    def change_pct(self, forecast: float) -> float | None:
        return 100 * (forecast / self.units - 1) if self.units > 0 else None


View = TypeVar("View", "ForecastView", "GroupForecast")


def with_year_before(engine: Engine, view: View, scope: SalesScope) -> View:
    """`view` with what sold over the same days one year earlier, for a caller who sees
    every territory's sales (the forecast is the company's; a rep's or a manager's sales
    are their territories', planning.sales.sales_scope): nothing added for others."""
    if scope.territories is not None or not view.periods:
        return view
    last = max(p.period for p in view.periods) + dt.timedelta(days=6)
    last = min(last, view.end or last, view.covered_until or last)
    skus: list[str] | None
    if isinstance(view, ForecastView):
        skus = [view.sku]
    else:
        skus = None if view.group.everything else list(view.members)
    before = sold_a_year_before(engine, skus, view.location, view.start, last)
    return dataclasses.replace(view, year_before=before)


def sold_a_year_before(
    engine: Engine,
    skus: list[str] | None,
    location: str | None,
    first: dt.date,
    last: dt.date,
) -> YearBefore | None:
    """Units of `skus` (every product: None) shipped from `location` (anywhere: None) over
    [first, last] one year earlier, weekly rows counted for their days inside; None when the
    sales do not cover all of those days, or sold none then (no figure to compare with)."""
    start, end = year_before(first), year_before(last)
    bucket, last_sale = sales_calendar(engine)
    if last_sale is None or last_sale + dt.timedelta(days=bucket - 1) < end:
        return None  # the same days a year ago are not all in the data yet
    where = ["s.date >= :since", "s.date <= :until"]
    params: dict[str, Any] = {"since": start - dt.timedelta(days=bucket - 1), "until": end}
    if location is not None:
        where.append("s.location = :location")
        params["location"] = location
    if skus is not None:
        where.append("s.sku IN :skus")
    condition = " AND ".join(where)
    # Every product anywhere: the sums per day (planning.quotas.sales_from), not every line.
    query = text(
        "SELECT s.date, sum(s.quantity) AS quantity, 0.0 AS revenue "
        f"FROM {sales_from(condition)} WHERE {condition} GROUP BY s.date"
    )
    if skus is not None:
        query = query.bindparams(bindparam("skus", expanding=True))
        params["skus"] = skus
    with engine.connect() as conn:
        earliest = as_date(conn.execute(text("SELECT min(date) FROM sales_date")).scalar())
        if earliest is None or earliest > start:
            return None
        frame = pd.read_sql_query(query, conn, params=params)
    units = float(in_period(frame, start, end, bucket)["quantity"].sum()) if len(frame) else 0.0
    return YearBefore(start=start, end=end, units=units) if units > 0 else None


@dataclass(frozen=True)
class ForecastView:
    sku: str
    name: str
    location: str | None  # None = all locations together
    run: RunSummary
    start: dt.date  # the first week counts from this day (today, or the period's start)
    end: dt.date | None  # the period's last day when one was asked for
    covered_until: dt.date | None  # the forecast's last day, when the period goes beyond it
    periods: tuple[ForecastPeriod, ...]
    total: float
    total_lo_80: float
    total_hi_80: float
    models: tuple[str, ...]  # distinct models behind the series summed
    # How much the summed series' errors move together (0: independent), as the run measured.
    error_correlation: float = 0.0
    # What customers said lately and the reps' forecast notes (planning.feedback.beside).
    beside: Beside | None = None
    year_before: YearBefore | None = None  # the same days a year earlier, sold (with_year_before)


def _weekly_series(engine: Engine, sku: str, location: str | None) -> list[SeriesForecast]:
    run_id = answering_run_id(engine)
    series = sku_forecasts(engine, sku, run_id=run_id)
    if location is not None:
        series = [s for s in series if s.location == location]
        if not series:
            raise PonteError(
                f"the forecast has no series for {sku} at {location}",
                code="no_series_at",
                sku=sku,
                location=location,
            )
    return series


def _name(engine: Engine, sku: str) -> str:
    with engine.connect() as conn:
        return str(
            conn.execute(text("SELECT name FROM product WHERE sku = :s"), {"s": sku}).scalar()
        )


_MEMO = DataMemo(size=1024)


def forecast_view(
    engine: Engine,
    sku: str,
    *,
    today: dt.date,
    weeks: int = 12,
    location: str | None = None,
    between: tuple[dt.date, dt.date] | None = None,
) -> ForecastView:
    """`sku`'s weekly forecast from today, summed over locations: the next `weeks` weeks, or
    the weeks of the period `between` (first and last day, inclusive).

    A week only partly ahead of today, or partly inside the period, counts for its days
    that are (demand spread evenly over the week, as in the projection). Remembered until
    an import or a forecast run changes the data."""
    key = ("forecast_view", sku, today, weeks, location, between)
    return _MEMO.get(
        engine, key, lambda: _forecast_view(engine, sku, today, weeks, location, between)
    )


def _forecast_view(
    engine: Engine,
    sku: str,
    today: dt.date,
    weeks: int,
    location: str | None,
    between: tuple[dt.date, dt.date] | None,
) -> ForecastView:
    series = _weekly_series(engine, sku, location)
    frames = pd.concat([s.values for s in series])  # ds already dates (sku_forecasts)
    asked, first, last, horizon = _weeks_asked(frames, today, weeks, between)
    with engine.connect() as conn:
        rho = _error_correlation(conn, series[0].run.run_id, [series[0].sku])
    periods = _summed(asked, rho)
    total, low, high = _total(periods)
    return ForecastView(
        sku=series[0].sku,
        name=_name(engine, series[0].sku),
        location=location,
        run=series[0].run,
        start=first,
        end=None if between is None else last,
        covered_until=horizon if between is not None and horizon < last else None,
        periods=periods,
        total=total,
        total_lo_80=low,
        total_hi_80=high,
        models=tuple(dict.fromkeys(s.model for s in series)),
        error_correlation=rho,
    )


def not_forecast(location: str | None) -> PonteError:
    """The error for a group of products the latest forecast holds none of (at `location`)."""
    if location is None:
        return PonteError("the latest forecast has none of these products", code="no_group_series")
    return PonteError(
        f"the latest forecast has none of these products at {location}",
        code="no_group_series_at",
        location=location,
    )


def _weeks_asked(
    frames: pd.DataFrame, today: dt.date, weeks: int, between: tuple[dt.date, dt.date] | None
) -> tuple[pd.DataFrame, dt.date, dt.date, dt.date]:
    """The forecast rows of the weeks asked for, each with the `share` of its days that
    count (a week only partly ahead of today or inside the period counts for those days);
    the first and last day counted; and the last day the forecast covers."""
    if not 1 <= weeks <= 104:
        raise PonteError(f"ask for 1 to 104 weeks ahead, not {weeks}", code="bad_horizon")
    horizon = max(frames["ds"]) + dt.timedelta(days=6)
    first, last = (today, dt.date.max) if between is None else (max(today, between[0]), between[1])
    frames = frames[(frames["ds"] > first - dt.timedelta(days=7)) & (frames["ds"] <= last)]
    mondays = sorted(set(frames["ds"]))
    if between is None:
        mondays = mondays[:weeks]
    elif not mondays or first > last:
        assert between is not None
        raise PonteError(
            f"the forecast does not cover {between[0]} to {between[1]} (it runs to {horizon})",
            code="beyond_forecast",
            until=horizon.isoformat(),
        )
    share = {monday: days_inside(monday, first, last) / 7 for monday in mondays}
    frames = frames[frames["ds"].isin(share.keys())].copy()
    frames["share"] = frames["ds"].map(share)
    return frames, first, last, horizon


def _total(periods: tuple[ForecastPeriod, ...]) -> tuple[float, float, float]:
    """The periods' total with its 80% range: the weeks' errors move together in part
    (planning.forecast.ranges); taken as independent, a 13-week total's 80% range held
    51-74% of what sold."""
    total = sum(p.forecast for p in periods)
    widths = [p.hi_80 - p.forecast for p in periods]
    spread = total_half_width(sum(w * w for w in widths), sum(widths), WEEK_CORRELATION)
    return total, max(0.0, total - spread), total + spread


def _error_correlation(conn: Connection, run_id: int, skus: list[str]) -> float:
    """How much the errors of these products' series move together, as the run measured
    for their family (several families: for the whole run)."""
    query = text("SELECT DISTINCT family FROM product WHERE sku IN :skus").bindparams(
        bindparam("skus", expanding=True)
    )
    families = {str(f) for (f,) in conn.execute(query, {"skus": skus})}
    return family_error_correlation(conn, run_id, families)


def _summed(frames: pd.DataFrame, rho: float) -> tuple[ForecastPeriod, ...]:
    """One period per week: the point forecasts summed, the bands' half-widths combined for
    errors correlated by `rho` (planning.forecast.ranges), both for the week's share of days."""
    # A product has a few series over a few weeks: summed in Python, not by a pandas
    # groupby (most of a first forecast answer's time). Missing values count as 0.
    raw = frames["forecast"].to_numpy(dtype=float)
    point_of = np.nan_to_num(raw)
    gaps = {b: np.nan_to_num(frames[b].to_numpy(dtype=float) - raw) for b in BANDS}
    weeks: dict[dt.date, list[float]] = {}  # forecast, share, then per band: sum, sum of squares
    for i, (ds, share) in enumerate(zip(frames["ds"].tolist(), frames["share"].tolist(),
                                        strict=True)):  # fmt: skip
        week = weeks.setdefault(ds, [0.0, float(share)] + [0.0] * (2 * len(BANDS)))
        week[0] += point_of[i]
        for k, band in enumerate(BANDS):
            gap = float(gaps[band][i])
            week[2 + 2 * k] += gap
            week[3 + 2 * k] += gap * gap
    periods = []
    for ds in sorted(weeks):
        week = weeks[ds]
        share = week[1]
        point = week[0] * share
        width = {
            b: total_half_width(week[3 + 2 * k], abs(week[2 + 2 * k]), rho) * share
            for k, b in enumerate(BANDS)
        }
        periods.append(
            ForecastPeriod(
                period=ds,
                forecast=point,
                lo_80=max(0.0, point - width["lo_80"]),
                hi_80=point + width["hi_80"],
                lo_95=max(0.0, point - width["lo_95"]),
                hi_95=point + width["hi_95"],
            )
        )
    return tuple(periods)


@dataclass(frozen=True)
class ForecastShare:
    sku: str
    name: str
    total: float
    share: float  # of the group's total (0-1)


@dataclass(frozen=True)
class GroupForecast:
    """The forecast of several products together: weekly totals and who makes them."""

    group: ProductGroup
    location: str | None
    run: RunSummary
    start: dt.date
    end: dt.date | None
    covered_until: dt.date | None
    periods: tuple[ForecastPeriod, ...]
    total: float
    total_lo_80: float
    total_hi_80: float
    products: int  # members with a forecast
    contributors: tuple[ForecastShare, ...]  # largest first, TOP_LINES of them
    # How much the products' errors move together (0: independent), as the run measured.
    error_correlation: float = 0.0
    beside: Beside | None = None  # what customers said, the reps' notes
    year_before: YearBefore | None = None  # the same days a year earlier, sold (with_year_before)
    members: tuple[str, ...] = ()  # the products summed


def group_forecast(
    engine: Engine,
    group: ProductGroup,
    *,
    today: dt.date,
    weeks: int = 12,
    location: str | None = None,
    between: tuple[dt.date, dt.date] | None = None,
) -> GroupForecast:
    """The weekly forecast of every product in `group` summed (bands combined for errors
    correlated as the run measured for the family), over the weeks a ForecastView would
    count."""
    key = ("group_forecast", group, today, weeks, location, between)
    return _MEMO.get(
        engine, key, lambda: _group_forecast(engine, group, today, weeks, location, between)
    )


def _forecast_at(engine: Engine, group: ProductGroup, run_id: int, location: str | None) -> bool:
    """Whether the run forecasts any of the group's products (at `location`)."""
    with engine.connect() as conn:
        found = read_members(
            conn,
            "SELECT s.sku FROM forecast_series s JOIN product p ON p.sku = s.sku "
            "WHERE s.run_id = :run" + ("" if location is None else " AND s.location = :location"),
            group,
            run=run_id,
            **({} if location is None else {"location": location}),
        )
    return not found.empty


def _group_forecast(
    engine: Engine,
    group: ProductGroup,
    today: dt.date,
    weeks: int,
    location: str | None,
    between: tuple[dt.date, dt.date] | None,
) -> GroupForecast:
    run_id = answering_run_id(engine)
    # Only the weeks that can count (every product's 26 weeks at 5,000 products were 390,000
    # rows read for 12 of them): a week starts at most 6 days before the first day counted.
    since = (today if between is None else max(today, between[0])) - dt.timedelta(days=6)
    until = today + dt.timedelta(weeks=weeks + 1) if between is None else between[1]
    with engine.connect() as conn:
        group, products = members(conn, group)
        frames = read_members(
            conn,
            "SELECT s.sku, v.ds, v.forecast, v.lo_80, v.hi_80, v.lo_95, v.hi_95 "
            "FROM forecast_value v JOIN forecast_series s "
            "ON s.run_id = v.run_id AND s.unique_id = v.unique_id "
            "JOIN product p ON p.sku = s.sku WHERE v.run_id = :run "
            "AND v.ds >= :since AND v.ds <= :until"
            + ("" if location is None else " AND s.location = :location"),
            group,
            run=run_id,
            since=since,
            until=until,
            **({} if location is None else {"location": location}),
        )
    if frames.empty and between is not None and _forecast_at(engine, group, run_id, location):
        # Nothing in the period: beyond the forecast, said as one product's answer says it.
        run = summarize(engine, run_id)
        last = run.data_as_of + dt.timedelta(weeks=run.horizon, days=6)
        raise PonteError(
            f"the forecast does not cover {between[0]} to {between[1]} (it runs to {last})",
            code="beyond_forecast",
            until=last.isoformat(),
        )
    if frames.empty:
        raise not_forecast(location)
    frames["ds"] = pd.to_datetime(frames["ds"]).dt.date
    asked, first, last, horizon = _weeks_asked(frames, today, weeks, between)
    summed = products[products["sku"].isin(set(asked["sku"]))]
    with engine.connect() as conn:
        rho = family_error_correlation(conn, run_id, set(summed["family"].astype(str)))
    periods = _summed(asked, rho)
    total, low, high = _total(periods)
    by_sku = (asked["forecast"] * asked["share"]).groupby(asked["sku"]).sum()
    names = dict(zip(products["sku"], products["name"], strict=True))
    ranked = sorted(by_sku.items(), key=lambda item: (-float(item[1]), str(item[0])))
    return GroupForecast(
        group=group,
        location=location,
        run=summarize(engine, run_id),
        start=first,
        end=None if between is None else last,
        covered_until=horizon if between is not None and horizon < last else None,
        periods=periods,
        total=total,
        total_lo_80=low,
        total_hi_80=high,
        products=len(by_sku),
        error_correlation=rho,
        members=tuple(str(sku) for sku in by_sku.index),
        contributors=tuple(
            ForecastShare(
                str(sku), str(names.get(sku, sku)), float(v), float(v) / total if total else 0.0
            )
            for sku, v in ranked[:TOP_LINES]
        ),
    )
