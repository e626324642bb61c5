"""Why a forecast is what it is, for one product or for several together.

For a product: each series' demand pattern, model and validation error, the weeks it did
not learn from as they were (promotions, one-off peaks), and its forecast against recent
sales and the same weeks last year. For a group (a family, products named, everything): how
its series were forecast (with a yearly season of their own, their family's, one read from
a single year, none), the least accurate of them, and the group's forecast against its sales.

Both say whether the sales show a yearly season and when it peaks (`season_finding`): the
pooled profile planning.forecast.seasonality lends to new products, measured on the series
with two years or more, kept only when it stands clearly above its noise, and read by
calendar month so a planner can check it against what they know of their market.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from sqlalchemy import Connection, Engine, bindparam, text

from planning.db import as_date
from planning.feedback.beside import Beside
from planning.forecast.classify import DemandPattern, classify
from planning.forecast.demand import FREQUENCY, SEASON_LENGTH, Grain, period_start
from planning.forecast.promotions import one_off_weeks
from planning.forecast.runs import RunSummary, answering_run_id, summarize
from planning.forecast.seasonality import (
    MIN_SISTER_SEASONS,
    family_profiles,
    season_lender,
    season_of_one_year,
)
from planning.forecast.views import (
    COMPARE_WEEKS,
    _weekly_series,
    forecast_view,
    group_forecast,
    not_forecast,
)
from planning.groups import ProductGroup, members, read_members
from planning.quotas import sales_from

# A month belongs to the peak (or the low) while it is at least this share of the way from
# the year's average to the highest (lowest) month; at most PEAK_MONTHS of them.
PEAK_SHARE = 0.5
PEAK_MONTHS = 3
# Series named among the least accurate, and the validation error that earns the mention.
LEAST_ACCURATE = 3
INACCURATE_MASE = 1.0
# Models named in the source line of a group's explanation.
MODELS_NAMED = 2


@dataclass(frozen=True)
class SeasonShape:
    """When sales are highest and lowest in the year, by calendar month."""

    peak: tuple[int, ...]  # months 1-12, in calendar order from the first
    peak_pct: float  # their average over the year's average, in %
    low: tuple[int, ...]
    low_pct: float  # negative
    years: int  # whole years of sales it was measured on


@dataclass(frozen=True)
class SeasonFinding:
    """The yearly season the sales show, or why none is stated."""

    shape: SeasonShape | None
    # Without a shape: "short_history" (under two years of sales), "irregular" (sales too
    # sporadic to show one), "noise" (no yearly pattern above the noise).
    reason: str | None
    periods: int  # periods of sales, from the first to the last the run saw
    needed: int  # periods it takes to show one (two years)


@dataclass(frozen=True)
class SalesComparison:
    """The forecast's weekly average against what sold lately and a year before."""

    recent_weekly: float  # actual units per week over the last COMPARE_WEEKS weeks imported
    last_year_weekly: float | None  # the same weeks one year before the forecast window
    forecast_weekly: float  # forecast units per week over the next COMPARE_WEEKS weeks
    change_vs_recent_pct: float | None
    change_vs_last_year_pct: float | None


@dataclass(frozen=True)
class OneOffWeek:
    """A week of history the forecast did not learn from as it was (and so does not repeat):
    a promotion flagged in the sales file, or a one-off spike (planning.forecast.promotions)."""

    week: dt.date
    actual: float  # what sold
    used: float  # the usual level the models learned instead
    reason: str  # promotion | spike


@dataclass(frozen=True)
class SeriesReason:
    location: str
    territory: str
    pattern: str  # smooth, intermittent, lumpy, erratic, too_short, all_zero
    model: str
    validation_mase: float | None  # < 1: better than a seasonal naive on held-out weeks
    fallback: bool
    history_periods: int
    not_repeated: tuple[OneOffWeek, ...] = ()  # most recent first


@dataclass(frozen=True)
class ForecastExplanation:
    sku: str
    name: str
    run: RunSummary
    series: tuple[SeriesReason, ...]
    season: SeasonFinding  # the yearly season its sales show
    compared: SalesComparison
    beside: Beside | None = None  # what customers said, the reps' notes


@dataclass(frozen=True)
class KindCount:
    kind: str  # own_season, family_season, one_year_season, no_season, sporadic, fallback
    series: int
    median_mase: float | None  # of those that validated


@dataclass(frozen=True)
class SeriesMiss:
    sku: str
    where: str  # location or territory
    validation_mase: float


@dataclass(frozen=True)
class GroupExplanation:
    """Why a group's forecast is what it is (the group's forecast summed over its series)."""

    group: ProductGroup
    location: str | None
    run: RunSummary
    products: int
    series: int
    kinds: tuple[KindCount, ...]  # most series first
    patterns: tuple[tuple[str, int], ...]  # demand pattern -> series, most first
    least_accurate: tuple[SeriesMiss, ...]  # worst first, only those above INACCURATE_MASE
    one_off_weeks: int  # weeks of history not repeated, over all its series
    season: SeasonFinding
    compared: SalesComparison
    models: tuple[str, ...]  # the commonest models behind its series, most used first
    beside: Beside | None = None


def explain_forecast(
    engine: Engine, sku: str, *, today: dt.date, location: str | None = None
) -> ForecastExplanation:
    """Why the forecast is what it is: model per series, and how it compares with actuals."""
    series = _weekly_series(engine, sku, location)
    view = forecast_view(
        engine, sku, today=today, location=location, between=_next_whole_weeks(today)
    )
    sku = series[0].sku
    where = "" if location is None else " AND location = :loc"
    with engine.connect() as conn:
        sales = pd.read_sql_query(
            text(
                "SELECT date, SUM(quantity) AS quantity, "
                "MAX(CASE WHEN promo THEN 1 ELSE 0 END) AS promo FROM sales_actual "
                f"WHERE sku = :sku{where} GROUP BY date"
            ),
            conn,
            params={"sku": sku, "loc": location},
        )
        one_offs = _one_offs(conn, series[0].run.run_id, [s.unique_id for s in series])
    return ForecastExplanation(
        sku=sku,
        name=view.name,
        run=view.run,
        series=tuple(
            SeriesReason(
                location=s.location,
                territory=s.territory,
                pattern=s.pattern,
                model=s.model,
                validation_mase=s.validation_mase,
                fallback=s.fallback,
                history_periods=s.history_periods,
                not_repeated=one_offs.get(s.unique_id, ()),
            )
            for s in series
        ),
        season=season_finding(sales, view.run),
        compared=_against_sales(sales, view.run, view.total, [p.period for p in view.periods]),
    )


def _one_offs(
    conn: Connection, run_id: int, series: list[str]
) -> dict[str, tuple[OneOffWeek, ...]]:
    """The weeks each series' forecast did not learn from as they were, most recent first."""
    rows = conn.execute(
        text(
            "SELECT unique_id, ds, actual, used, reason FROM forecast_adjustment "
            "WHERE run_id = :run AND unique_id IN :series ORDER BY unique_id, ds DESC"
        ).bindparams(bindparam("series", expanding=True)),
        {"run": run_id, "series": series},
    )
    found: dict[str, list[OneOffWeek]] = {}
    for r in rows:
        day = as_date(r.ds)
        assert day is not None  # part of the key
        week = OneOffWeek(day, float(r.actual), float(r.used), str(r.reason))
        found.setdefault(str(r.unique_id), []).append(week)
    return {k: tuple(v) for k, v in found.items()}


def _change(new: float, old: float | None) -> float | None:
    return None if not old else 100 * (new - old) / old


def model_kind(model: str, pattern: str, fallback: bool, grain: str = "week") -> str:
    """How a series' forecast treats the year, from its model's name (a monthly run's
    smooth models fit a 12-month season themselves where they find one)."""
    if fallback:
        return "fallback"
    if season_lender(model):
        return "family_season"
    if season_of_one_year(model):
        return "one_year_season"
    if "MSTL" in model or "SeasonalNaive" in model:
        return "own_season"
    if DemandPattern(pattern).sporadic:
        return "sporadic"
    return "monthly_models" if grain == "month" else "no_season"


def explain_group_forecast(
    engine: Engine, group: ProductGroup, *, today: dt.date, location: str | None = None
) -> GroupExplanation:
    """Why the forecast of several products together is what it is."""
    run_id = answering_run_id(engine)
    run = summarize(engine, run_id)
    here = "" if location is None else " AND s.location = :location"
    at = {} if location is None else {"location": location}
    with engine.connect() as conn:
        group, products = members(conn, group)
        series = read_members(
            conn,
            "SELECT s.unique_id, s.sku, s.location, s.territory, s.pattern, s.model, "
            "s.validation_mase, s.fallback FROM forecast_series s "
            "JOIN product p ON p.sku = s.sku WHERE s.run_id = :run" + here,
            group,
            run=run_id,
            **at,
        )
        if series.empty:
            raise not_forecast(location)
        one_offs = read_members(
            conn,
            "SELECT count(*) AS n FROM forecast_adjustment a JOIN forecast_series s "
            "ON s.run_id = a.run_id AND s.unique_id = a.unique_id "
            "JOIN product p ON p.sku = s.sku WHERE a.run_id = :run" + here,
            group,
            run=run_id,
            **at,
        )
        # Summed per day in the database, by the products' codes (the sales index: a family
        # at 5,000 products is 100,000 of 2.4 million rows, which a join on the family scans
        # whole). Its promotions are not flagged: one product's promotion is not the family's.
        everything = group.everything
        condition = ("1 = 1" if everything else "s.sku IN :skus") + here
        # Every product anywhere: the sums per day (planning.quotas.sales_from), a hundredth
        # of the lines.
        query = text(
            f"SELECT s.date, SUM(s.quantity) AS quantity FROM {sales_from(condition)} "
            f"WHERE {condition} GROUP BY s.date"
        )
        params: dict[str, Any] = dict(at)
        if not everything:
            query = query.bindparams(bindparam("skus", expanding=True))
            params["skus"] = list(products["sku"].astype(str))
        sales = pd.read_sql_query(query, conn, params=params)
    ahead = _next_whole_weeks(today)
    view = group_forecast(engine, group, today=today, location=location, between=ahead)
    compared = _against_sales(sales, run, view.total, [p.period for p in view.periods])
    mase = pd.to_numeric(series["validation_mase"], errors="coerce")
    series["kind"] = [
        model_kind(str(m), str(p), bool(f), run.grain)
        for m, p, f in zip(series["model"], series["pattern"], series["fallback"], strict=True)
    ]
    kinds = tuple(
        KindCount(
            str(kind),
            int(n),
            _median(mase[series["kind"] == kind]),
        )
        for kind, n in series["kind"].value_counts().items()
    )
    worst = series.assign(
        mase=mase, place=series["location"].where(series["location"] != "", series["territory"])
    )
    worst = worst[worst["mase"] > INACCURATE_MASE].sort_values("mase", ascending=False)
    worst = worst.head(LEAST_ACCURATE)
    return GroupExplanation(
        group=group,
        location=location,
        run=run,
        products=int(series["sku"].nunique()),
        series=len(series),
        kinds=kinds,
        patterns=tuple((str(k), int(v)) for k, v in series["pattern"].value_counts().items()),
        least_accurate=tuple(
            SeriesMiss(str(sku), str(place), float(mase))
            for sku, place, mase in zip(worst["sku"], worst["place"], worst["mase"], strict=True)
        ),
        one_off_weeks=int(one_offs["n"].iloc[0]) if not one_offs.empty else 0,
        season=season_finding(sales, run),
        compared=compared,
        models=tuple(str(m) for m in series["model"].value_counts().index[:MODELS_NAMED]),
    )


def _median(values: pd.Series) -> float | None:
    kept = values.dropna()
    return float(kept.median()) if len(kept) else None


def _next_whole_weeks(today: dt.date) -> tuple[dt.date, dt.date]:
    """The next COMPARE_WEEKS whole weeks, so that the weekly average is a whole-week one."""
    first = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=1)
    return first, first + dt.timedelta(weeks=COMPARE_WEEKS, days=-1)


def _against_sales(
    sales: pd.DataFrame, run: RunSummary, forecast_total: float, weeks: list[dt.date]
) -> SalesComparison:
    """The forecast's weekly average against the last COMPARE_WEEKS weeks the run saw and
    against the same weeks one year before the forecast's."""
    dates = pd.to_datetime(sales["date"])
    quantity = pd.to_numeric(sales["quantity"], errors="coerce").fillna(0.0)
    seen = pd.Timestamp(run.data_as_of)  # the last period the run saw: its last day
    cutoff = seen + (pd.offsets.MonthEnd(0) if run.grain == "month" else pd.Timedelta(days=6))
    recent = quantity[(dates > cutoff - pd.Timedelta(weeks=COMPARE_WEEKS)) & (dates <= cutoff)]
    recent_weekly = float(recent.sum()) / COMPARE_WEEKS
    # The weeks the forecast's periods span (a monthly run's periods are months).
    span = float(len(weeks))
    if weeks and run.grain == "month":
        end = (pd.Timestamp(weeks[-1]) + pd.offsets.MonthBegin(1)).date()
        span = (end - weeks[0]).days / 7
    forecast_weekly = forecast_total / span if span else 0.0
    last_year_weekly = None
    if weeks:
        first = pd.Timestamp(weeks[0]) - pd.Timedelta(weeks=52)
        until = first + pd.Timedelta(days=round(7 * span))
        if not dates.empty and dates.min() <= first:
            last_year_weekly = float(quantity[(dates >= first) & (dates < until)].sum()) / span
    return SalesComparison(
        recent_weekly=recent_weekly,
        last_year_weekly=last_year_weekly,
        forecast_weekly=forecast_weekly,
        change_vs_recent_pct=_change(forecast_weekly, recent_weekly),
        change_vs_last_year_pct=_change(forecast_weekly, last_year_weekly),
    )


def season_finding(by_day: pd.DataFrame, run: RunSummary) -> SeasonFinding:
    """The yearly season in units sold per day (`by_day`: date, quantity[, promo]), summed
    into the run's periods up to the last one it saw, its one-off weeks taken out as the
    run takes them from a series (planning.forecast.promotions)."""
    # By week (a monthly profile smoothed over five of its twelve months would blur a
    # one-month peak), unless the sales file itself holds months.
    firsts = pd.to_datetime(by_day["date"]).dt.day.eq(1).all() if not by_day.empty else False
    grain: Grain = "month" if run.grain == "month" and firsts else "week"
    season = SEASON_LENGTH[grain]
    needed = MIN_SISTER_SEASONS * season
    if by_day.empty:
        return SeasonFinding(None, "short_history", 0, needed)
    frame = pd.DataFrame(
        {
            "ds": period_start(pd.to_datetime(by_day["date"]), grain),
            "y": pd.to_numeric(by_day["quantity"], errors="coerce").fillna(0.0),
            "promo": by_day["promo"].fillna(0).astype(bool) if "promo" in by_day else False,
        }
    )
    last = period_start(pd.Series([pd.Timestamp(run.data_as_of)]), grain).iloc[0]
    if grain == "week" and run.grain == "month":  # the month's last whole week
        last = period_start(
            pd.Series([pd.Timestamp(run.data_as_of) + pd.offsets.MonthEnd(0)]), grain
        ).iloc[0] - pd.Timedelta(weeks=1)
    summed = frame[frame["ds"] <= last].groupby("ds").agg(y=("y", "sum"), promo=("promo", "max"))
    if summed.empty:
        return SeasonFinding(None, "short_history", 0, needed)
    weeks = pd.date_range(summed.index.min(), last, freq=FREQUENCY[grain])
    summed = summed.reindex(weeks, fill_value=0)
    y = summed["y"].to_numpy(dtype=np.float64)
    if y.size < needed:
        return SeasonFinding(None, "short_history", y.size, needed)
    if classify(y) not in (DemandPattern.smooth, DemandPattern.erratic):
        return SeasonFinding(None, "irregular", y.size, needed)
    if grain == "week":
        y = one_off_weeks(y, season, summed["promo"].to_numpy(dtype=bool)).cleaned
    history = pd.DataFrame({"unique_id": "asked", "ds": weeks, "y": y})
    profile = family_profiles(history, {"asked": "asked"}, season).get("asked")
    if profile is None:
        return SeasonFinding(None, "noise", y.size, needed)
    return SeasonFinding(_shape(profile.factors, season, y.size // season), None, y.size, needed)


def _shape(factors: npt.NDArray[np.float64], season: int, years: int) -> SeasonShape:
    """The profile by calendar month: the peak and the low around the highest and lowest."""
    if season == 12:
        monthly = np.asarray(factors, dtype=np.float64)
    else:  # an ISO week belongs to the month of its Thursday
        month = np.array([dt.date.fromisocalendar(2026, w + 1, 4).month for w in range(season)])
        monthly = np.array([factors[month == m].mean() for m in range(1, 13)])
    monthly = monthly / monthly.mean()
    peak = _around(monthly, int(np.argmax(monthly)), high=True)
    low = _around(monthly, int(np.argmin(monthly)), high=False)
    return SeasonShape(
        peak=tuple(m + 1 for m in peak),
        peak_pct=100 * (float(monthly[list(peak)].mean()) - 1),
        low=tuple(m + 1 for m in low),
        low_pct=100 * (float(monthly[list(low)].mean()) - 1),
        years=years,
    )


def _around(monthly: npt.NDArray[np.float64], centre: int, high: bool) -> tuple[int, ...]:
    """The months next to `centre` (across the year's end too) that belong to its peak (or
    low), at most PEAK_MONTHS, in calendar order from the first of them."""

    def belongs(k: int) -> bool:
        gap = monthly[k] - 1 if high else 1 - monthly[k]
        top = monthly[centre] - 1 if high else 1 - monthly[centre]
        return bool(gap >= PEAK_SHARE * top)

    held = {centre}
    for step in (1, -1):
        k = centre
        while len(held) < PEAK_MONTHS and belongs(k := (k + step) % 12) and k not in held:
            held.add(k)
    start = next(m for m in held if (m - 1) % 12 not in held) if len(held) < 12 else centre
    return tuple(sorted(held, key=lambda m: (m - start) % 12))
