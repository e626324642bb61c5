"""How good were past forecasts? Score a stored run against the actuals imported since.

For every period a run forecast and for which sales have since arrived, per series and per
family: MASE (error over the in-sample seasonal-naive error), WAPE (total absolute error over
total demand), bias (total over- or under-forecast over total demand; positive = too high),
and the forecast value added: how much lower Ponte's WAPE is than seasonal naive's (last
year's same week) over the same periods.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import Engine, text

from planning.db import as_date
from planning.errors import PonteError
from planning.forecast.classify import held_out
from planning.forecast.demand import SEASON_LENGTH, Grain, demand_history
from planning.forecast.runs import (
    RunSummary,
    answering_run_id,
    load_sales,
    summarize,
)


@dataclass(frozen=True)
class Scores:
    key: str  # series id, family name or "all"
    periods: int
    actual: float
    mase: float | None
    wape: float | None  # share, 0.12 = 12 %
    bias: float | None  # share, +0.05 = forecast 5 % too high
    naive_wape: float | None
    value_added: float | None  # naive_wape - wape: > 0 means Ponte beats seasonal naive


@dataclass(frozen=True)
class AccuracyReport:
    run: RunSummary
    scored_from: dt.date
    scored_to: dt.date
    overall: Scores
    by_family: tuple[Scores, ...]
    by_series: tuple[Scores, ...]


def _scores(key: str, frame: pd.DataFrame) -> Scores:
    actual = float(frame["y"].sum())
    error = (frame["forecast"] - frame["y"]).abs()
    naive_error = (frame["naive"] - frame["y"]).abs()
    scaled = error / frame["scale"]
    return Scores(
        key=key,
        periods=int(frame["ds"].nunique()),
        actual=actual,
        mase=float(scaled.mean()) if np.isfinite(scaled).all() and len(scaled) else None,
        wape=float(error.sum() / actual) if actual else None,
        bias=float((frame["forecast"] - frame["y"]).sum() / actual) if actual else None,
        naive_wape=float(naive_error.sum() / actual) if actual else None,
        value_added=float((naive_error.sum() - error.sum()) / actual) if actual else None,
    )


def forecast_accuracy(
    engine: Engine, *, today: dt.date, run_id: int | None = None
) -> AccuracyReport:
    """Score `run_id` (default: the latest run with actuals to compare) against sales."""
    run, scored = _scored(engine, today, run_id)
    by_series = tuple(_scores(str(uid), part) for uid, part in scored.groupby("unique_id"))
    by_family = tuple(_scores(str(f), part) for f, part in scored.groupby("family"))
    return AccuracyReport(
        run=run,
        scored_from=scored["ds"].min().date(),
        scored_to=scored["ds"].max().date(),
        overall=_scores("all", scored),
        by_family=by_family,
        by_series=by_series,
    )


def _scored(
    engine: Engine,
    today: dt.date,
    run_id: int | None,
    *,
    sku: str | None = None,
    family: str | None = None,
) -> tuple[RunSummary, pd.DataFrame]:
    """A run's forecasts next to the actuals since (unique_id, sku, family, ds, forecast, y,
    naive, scale), of one `sku` or `family` when given (only their sales are read)."""
    run = _run_to_score(engine, today, run_id)
    grain: Grain = "week" if run.grain == "week" else "month"
    only, params = "", dict[str, str | int](run=run.run_id)
    if sku is not None:
        only, params["sku"] = " AND s.sku = :sku", sku
    elif family is not None:
        only, params["family"] = " AND p.family = :family", family
    history = demand_history(load_sales(engine, sku=sku, family=family), end=today, grain=grain)
    with engine.connect() as conn:
        values = pd.read_sql_query(
            text(
                "SELECT v.unique_id, s.sku, v.ds, v.forecast, p.family FROM forecast_value v "
                "JOIN forecast_series s ON s.run_id = v.run_id AND s.unique_id = v.unique_id "
                "JOIN product p ON p.sku = s.sku WHERE v.run_id = :run" + only
            ),
            conn,
            params=params,
        )
    values["ds"] = pd.to_datetime(values["ds"])
    scored = values.merge(history[["unique_id", "ds", "y"]], on=["unique_id", "ds"])
    if scored.empty:
        raise PonteError(
            f"forecast run {run.run_id} has no periods with actuals yet: import newer sales",
            code="nothing_to_score",
        )
    season = SEASON_LENGTH[grain]
    naive, scale = _naive_and_scale(history, run.data_as_of, season)
    scored = scored.merge(naive, on=["unique_id", "ds"], how="left").merge(scale, on="unique_id")
    # Without a year of history the naive forecast is the last value seen before the run.
    scored["naive"] = scored["naive"].fillna(scored["last_value"])
    return run, scored


@dataclass(frozen=True)
class Accuracy:
    """How good the forecast of one product, a family or everything is: scored against the
    sales that arrived after a past run when there is one, and in any case how the latest
    run's models did on the weeks held out when they were chosen."""

    sku: str | None
    family: str | None
    against_actuals: Scores | None  # None until a run can be compared with later sales
    scored_run: RunSummary | None
    scored_from: dt.date | None
    scored_to: dt.date | None
    latest_run: RunSummary
    series: int  # series of the latest run asked about
    validation_mase: float | None  # their median held-out MASE (< 1 beats seasonal naive)
    beating_naive: int  # series whose held-out MASE is below 1
    worst: tuple[tuple[str, float], ...]  # least accurate series on held-out weeks
    # Their absolute errors on the held-out weeks over what sold there, all series together
    # (0.18 = errors of 18% of sales); None for runs stored before it was kept.
    validation_wape: float | None = None
    # How many of the last periods before the run's data end were held out (fewest, most):
    # the horizon, at most a quarter of a series' history (planning.forecast.classify)
    held_out_periods: tuple[int, int] | None = None


def accuracy_of(
    engine: Engine, *, today: dt.date, sku: str | None = None, family: str | None = None
) -> Accuracy:
    """The accuracy of `sku`'s forecast, `family`'s, or (neither) the whole forecast."""
    latest = answering_run_id(engine)
    where, only = "", {}
    if sku is not None:
        where, only = " AND s.sku = :sku", {"sku": sku}
    elif family is not None:
        where, only = " AND p.family = :family", {"family": family}
    with engine.connect() as conn:
        series = pd.read_sql_query(
            text(
                "SELECT s.unique_id, s.validation_mase, s.held_out_abs_error, "
                "s.held_out_sales, s.history_periods FROM forecast_series s "
                "JOIN product p ON p.sku = s.sku WHERE s.run_id = :run" + where
            ),
            conn,
            params={"run": latest, **only},
        )
    if series.empty:
        raise PonteError(
            "the latest forecast has no series for this: no sales history", code="no_series"
        )
    mase = series.dropna(subset=["validation_mase"])
    held = series.dropna(subset=["held_out_abs_error", "held_out_sales"])
    held_sales = float(held["held_out_sales"].sum())
    worst = mase.sort_values("validation_mase", ascending=False).head(3)
    actuals, run, first, last = None, None, None, None
    try:
        run, scored = _scored(engine, today, None, sku=sku, family=family)
    except PonteError:
        scored = None  # no run has later sales to compare with yet
    if scored is not None and not scored.empty:
        actuals = _scores(sku or family or "all", scored)
        first, last = scored["ds"].min().date(), scored["ds"].max().date()
    summary = summarize(engine, latest)
    kept = [held_out(int(n), summary.horizon) for n in held["history_periods"].dropna()]
    return Accuracy(
        sku=sku,
        family=family,
        against_actuals=actuals,
        scored_run=run if actuals is not None else None,
        scored_from=first,
        scored_to=last,
        latest_run=summary,
        series=len(series),
        held_out_periods=(min(kept), max(kept)) if kept else None,
        validation_mase=float(mase["validation_mase"].median()) if not mase.empty else None,
        validation_wape=float(held["held_out_abs_error"].sum()) / held_sales
        if held_sales > 0
        else None,
        beating_naive=int((mase["validation_mase"] < 1).sum()),
        worst=tuple(
            (str(u), float(m))
            for u, m in zip(worst["unique_id"], worst["validation_mase"], strict=True)
        ),
    )


def _naive_and_scale(
    history: pd.DataFrame, data_as_of: dt.date, season: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Seasonal naive forecasts for later periods, and each series' MASE denominator."""
    cutoff = pd.Timestamp(data_as_of)
    known = history[history["ds"] <= cutoff].sort_values(["unique_id", "ds"])
    step = (
        pd.DateOffset(weeks=season)
        if season == SEASON_LENGTH["week"]
        else pd.DateOffset(months=season)
    )
    lagged = known.assign(ds=known["ds"] + step)
    naive = lagged.rename(columns={"y": "naive"})[["unique_id", "ds", "naive"]]
    rows = []
    for uid, part in known.groupby("unique_id"):
        y = part["y"].to_numpy()
        lag = season if y.size > season else 1
        diffs = np.abs(y[lag:] - y[:-lag]) if y.size > lag else np.array([])
        value = (
            float(diffs.mean())
            if diffs.size and diffs.mean() > 0
            else float(np.abs(y).mean() or 1.0)
        )
        rows.append((uid, value, float(y[-1]) if y.size else 0.0))
    scale = pd.DataFrame(rows, columns=["unique_id", "scale", "last_value"])
    return naive, scale


def _run_to_score(engine: Engine, today: dt.date, run_id: int | None) -> RunSummary:
    if run_id is not None:
        return summarize(engine, run_id)
    with engine.connect() as conn:
        latest_sale = conn.execute(text("SELECT max(date) FROM sales_actual")).scalar()
        runs = conn.execute(text("SELECT id, data_as_of FROM forecast_run ORDER BY id DESC")).all()
    if not runs:
        raise PonteError("no forecast has been run yet: run `ponte forecast` first")
    newest = as_date(latest_sale)
    for rid, as_of in runs:
        seen = as_date(as_of)
        if newest is not None and seen is not None and seen < newest:
            return summarize(engine, int(rid))
    raise PonteError(
        "no forecast run has actuals to compare yet: the latest sales are no newer than "
        "the data every run already saw"
    )
