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
from planning.forecast.demand import SEASON_LENGTH, Grain, demand_history
from planning.forecast.runs import RunSummary, load_sales, summarize


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
    run = _run_to_score(engine, today, run_id)
    grain: Grain = "week" if run.grain == "week" else "month"
    history = demand_history(load_sales(engine), end=today, grain=grain)
    with engine.connect() as conn:
        values = pd.read_sql_query(
            text(
                "SELECT v.unique_id, v.ds, v.forecast, p.family FROM forecast_value v "
                "JOIN forecast_series s ON s.run_id = v.run_id AND s.unique_id = v.unique_id "
                "JOIN product p ON p.sku = s.sku WHERE v.run_id = :run"
            ),
            conn,
            params={"run": run.run_id},
        )
    values["ds"] = pd.to_datetime(values["ds"])
    scored = values.merge(history[["unique_id", "ds", "y"]], on=["unique_id", "ds"])
    if scored.empty:
        raise PonteError(
            f"forecast run {run.run_id} has no periods with actuals yet: import newer sales"
        )
    season = SEASON_LENGTH[grain]
    naive, scale = _naive_and_scale(history, run.data_as_of, season)
    scored = scored.merge(naive, on=["unique_id", "ds"], how="left").merge(scale, on="unique_id")
    # Without a year of history the naive forecast is the last value seen before the run.
    scored["naive"] = scored["naive"].fillna(scored["last_value"])
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
