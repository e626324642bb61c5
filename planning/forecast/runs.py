"""Forecast runs: compute from the database's sales, store, and read back.

Every run is kept (run id, time, parameters, per-series pattern/model/validation error,
point forecasts and intervals), so an answer can say which model and how accurate it was,
and old runs can be scored against the actuals that arrive later.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, func, insert, select, text
from sqlmodel import col

from planning.bulk import copy_rows
from planning.db import analyze, as_date, as_dates, as_utc
from planning.errors import PonteError
from planning.forecast.demand import (
    FREQUENCY,
    SEASON_LENGTH,
    Grain,
    demand_history,
    last_complete_period,
)
from planning.forecast.promotions import take_out_one_offs
from planning.forecast.ranges import EVERY_SERIES, error_correlation
from planning.forecast.seasonality import borrow_seasons, season_back
from planning.memo import data_changed
from planning.models import (
    AuditEntry,
    ForecastAdjustment,
    ForecastFamily,
    ForecastRun,
    ForecastSeries,
    ForecastValue,
    Product,
)

if TYPE_CHECKING:
    from planning.forecast.pipeline import EngineSpec

GRAINS: tuple[Grain, ...] = ("week", "month")
T = TypeVar("T")


@dataclass(frozen=True)
class ForecastResult:
    """A computed (not yet stored) forecast: per-series choices and per-period values."""

    grain: Grain
    horizon: int
    data_as_of: dt.date
    series: pd.DataFrame  # unique_id, sku, location, territory, pattern, model, ...
    values: pd.DataFrame  # unique_id, ds, forecast, lo_80, hi_80, lo_95, hi_95
    # The weeks not learned from as they were (unique_id, ds, actual, used, reason):
    # promotions and one-off spikes (planning.forecast.promotions).
    adjustments: pd.DataFrame = field(default_factory=pd.DataFrame)
    # The newest audit entry when the sales were read (load_sales): an import recorded
    # after it is one this forecast has not seen. None when unknown.
    seen_audit_id: int | None = None
    # How much the series' errors moved together on the held-out weeks, per family ('' for
    # every series): a family total's range is as wide as that makes it.
    error_correlation: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class RunSummary:
    run_id: int
    created_at: dt.datetime
    data_as_of: dt.date
    grain: str
    horizon: int
    engine: str
    series_count: int
    duration_seconds: float
    patterns: dict[str, int] = field(default_factory=dict)
    models: dict[str, int] = field(default_factory=dict)
    fallbacks: int = 0
    # When sales were imported after the run was made (the forecast does not know them
    # yet: `ponte forecast` again); None while the run is the newest view of the sales.
    sales_imported_after: dt.datetime | None = None


def load_sales(
    engine: Engine, *, sku: str | None = None, family: str | None = None
) -> pd.DataFrame:
    """Sales rows to forecast or score from: all of them, or one product's or one family's
    (read through the product index)."""
    where, params = "", {}
    if sku is not None:
        where, params = " WHERE sku = :sku", {"sku": sku}
    elif family is not None:
        where = " WHERE sku IN (SELECT sku FROM product WHERE family = :family)"
        params = {"family": family}
    with engine.connect() as conn:
        # Read first: an import that commits in between is then counted as unseen (the
        # forecast says it may be missing), never the other way round.
        seen = conn.execute(text("SELECT max(id) FROM audit_log")).scalar()
        sales = pd.read_sql_query(
            text(
                "SELECT date, sku, quantity, location, territory, promo FROM sales_actual" + where
            ),
            conn,
            params=params,
        )
        # The families of the products read (a new product borrows its family's season).
        catalogue = "SELECT sku, family FROM product" + where
        families = {
            str(sku): str(family) for sku, family in conn.execute(text(catalogue), params) if family
        }
    sales.attrs[SEEN_AUDIT_ID] = int(seen or 0)
    sales.attrs[FAMILIES] = families
    return sales


SEEN_AUDIT_ID = "seen_audit_id"
# The catalogue's families (sku -> family), so that a new product can borrow its family's season.
FAMILIES = "families"


def compute_forecast(
    sales: pd.DataFrame,
    *,
    today: dt.date,
    horizon: int = 26,
    grain: Grain = "week",
    engine: EngineSpec | None = None,
) -> ForecastResult:
    """Forecast every SKU x location (or SKU x territory) series from `sales`."""
    if grain not in GRAINS:
        raise PonteError(f"unknown grain {grain!r}: use week or month")
    # statsforecast takes seconds to import: only the commands that forecast pay for it.
    from planning.forecast.pipeline import check_horizon, forecast_series

    check_horizon(horizon)
    history = demand_history(sales, end=today, grain=grain)
    if history.empty:
        raise PonteError("there are no sales to forecast from: import sales.csv first")
    season = SEASON_LENGTH[grain]
    learned, adjustments = take_out_one_offs(history, season)
    learned, borrowed = borrow_seasons(
        learned, sales.attrs.get(FAMILIES) or {}, horizon=horizon, season=season
    )
    values = forecast_series(
        learned, horizon=horizon, season_length=season, freq=FREQUENCY[grain], engine=engine
    )
    season_back(values, borrowed, season)
    meta = history.groupby("unique_id", as_index=False).agg(
        sku=("sku", "first"),
        location=("location", "first"),
        territory=("territory", "first"),
        history_periods=("y", "size"),
    )
    choices = values.groupby("unique_id", as_index=False)[
        ["pattern", "model", "validation_mase", "fallback"]
    ].first()
    families = sales.attrs.get(FAMILIES) or {}
    family_of = {
        uid: families[sku]
        for uid, sku in zip(meta["unique_id"], meta["sku"], strict=True)
        if sku in families
    }
    return ForecastResult(
        grain=grain,
        horizon=horizon,
        data_as_of=last_complete_period(today, grain).date(),
        series=meta.merge(choices, on="unique_id").merge(
            held_out_scores(values, learned), on="unique_id", how="left"
        ),
        values=values[["unique_id", "ds", "forecast", "lo_80", "hi_80", "lo_95", "hi_95"]],
        adjustments=adjustments,
        seen_audit_id=sales.attrs.get(SEEN_AUDIT_ID),
        error_correlation=error_correlation(values, family_of),
    )


def held_out_scores(values: pd.DataFrame, history: pd.DataFrame) -> pd.DataFrame:
    """Per series, the chosen model's absolute errors on its held-out periods summed
    (`values`' held_out_error: the k errors first, oldest first) and the sales of those
    periods: the last k of the `history` the models were given (one-off weeks replaced,
    a borrowed season divided out, as they saw it)."""
    misses = values.dropna(subset=["held_out_error"])
    if misses.empty:
        return pd.DataFrame(columns=["unique_id", "held_out_abs_error", "held_out_sales"])
    errors = misses["held_out_error"].abs().groupby(misses["unique_id"]).agg(["sum", "size"])
    ordered = history.sort_values(["unique_id", "ds"])
    from_end = ordered.groupby("unique_id").cumcount(ascending=False)
    held = from_end < ordered["unique_id"].map(errors["size"]).fillna(0)
    sales = ordered.loc[held, "y"].groupby(ordered.loc[held, "unique_id"]).sum()
    return pd.DataFrame(
        {
            "unique_id": errors.index,
            "held_out_abs_error": errors["sum"].to_numpy(dtype=float),
            "held_out_sales": sales.reindex(errors.index).to_numpy(dtype=float),
        }
    )


def store_run(
    engine: Engine,
    result: ForecastResult,
    *,
    now: dt.datetime,
    engine_name: str,
    duration_seconds: float,
) -> RunSummary:
    """Keep a computed forecast as a new run (one transaction); returns its summary."""
    parameters = {"grain": result.grain, "horizon": result.horizon, "levels": [80, 95]}
    with engine.begin() as conn:
        data_changed(conn)  # remembered answers read the new run
        inserted = conn.execute(
            insert(ForecastRun.__table__).values(  # type: ignore[attr-defined]
                created_at=now,
                data_as_of=result.data_as_of,
                grain=result.grain,
                horizon=result.horizon,
                season_length=SEASON_LENGTH[result.grain],
                engine=engine_name,
                series_count=len(result.series),
                duration_seconds=duration_seconds,
                parameters=json.dumps(parameters),
            )
        )
        key = inserted.inserted_primary_key
        assert key is not None
        run_id = int(key[0])
        series = result.series.assign(run_id=run_id)
        series["validation_mase"] = series["validation_mase"].astype(float)
        for held in ("held_out_abs_error", "held_out_sales"):  # NULL, not NaN, where none
            if held not in series:
                series[held] = np.nan
            known = pd.to_numeric(series[held], errors="coerce")
            series[held] = known.astype(object).where(known.notna(), None)
        copy_rows(conn, "forecast_series", list(_columns(ForecastSeries)), series)
        values = result.values.assign(
            run_id=run_id, ds=pd.to_datetime(result.values["ds"]).dt.strftime("%Y-%m-%d")
        )
        copy_rows(conn, "forecast_value", list(_columns(ForecastValue)), values)
        if len(result.adjustments):
            adjusted = result.adjustments.assign(
                run_id=run_id,
                ds=pd.to_datetime(result.adjustments["ds"]).dt.strftime("%Y-%m-%d"),
            )
            copy_rows(conn, "forecast_adjustment", list(_columns(ForecastAdjustment)), adjusted)
        if result.error_correlation:
            conn.execute(
                insert(ForecastFamily.__table__),  # type: ignore[attr-defined]
                [
                    {"run_id": run_id, "family": family, "error_correlation": rho}
                    for family, rho in result.error_correlation.items()
                ],
            )
        # The run's own facts, computed once here rather than by every answer that reads it.
        conn.execute(
            text("UPDATE forecast_run SET summary = :summary WHERE id = :run"),
            {
                "summary": json.dumps({**_counts(series), SEEN_AUDIT_ID: result.seen_audit_id}),
                "run": run_id,
            },
        )
        conn.execute(text(FAMILY_WEEKS), {"run": run_id})
    analyze(engine, ["forecast_series", "forecast_value", "forecast_family_week"])
    return summarize(engine, run_id)


# A run's demand per family and week, summed from its SKUs' forecasts, with the square of
# the total's 95% half-width: Σw² + rho·((Σw)² − Σw²) for the family's measured correlation
# rho (planning.forecast.ranges.total_half_width; none measured: quadrature). Capacity reads
# these rows.
FAMILY_WEEKS = (
    "INSERT INTO forecast_family_week (run_id, family, ds, demand, spread2) "
    "SELECT run_id, family, ds, demand, "
    "squares + rho * (CASE WHEN widths * widths > squares THEN widths * widths - squares "
    "ELSE 0 END) FROM ("
    "SELECT v.run_id AS run_id, p.family AS family, v.ds AS ds, sum(v.forecast) AS demand, "
    "sum((v.hi_95 - v.forecast) * (v.hi_95 - v.forecast)) AS squares, "
    "sum(v.hi_95 - v.forecast) AS widths, coalesce(max(f.error_correlation), 0) AS rho "
    "FROM forecast_value v "
    "JOIN forecast_series s ON s.run_id = v.run_id AND s.unique_id = v.unique_id "
    "JOIN product p ON p.sku = s.sku "
    "LEFT JOIN forecast_family f ON f.run_id = v.run_id AND f.family = p.family "
    "WHERE v.run_id = :run GROUP BY v.run_id, p.family, v.ds) AS weekly"
)


def _counts(series: pd.DataFrame) -> dict[str, object]:
    """Patterns, models and fallbacks over a run's series, most frequent first."""
    return {
        "patterns": dict(Counter(series["pattern"].astype(str)).most_common()),
        "models": dict(Counter(series["model"].astype(str)).most_common()),
        "fallbacks": int(series["fallback"].astype(bool).sum()),
    }


def _columns(model: type) -> tuple[str, ...]:
    return tuple(c.name for c in model.__table__.columns)  # type: ignore[attr-defined]


def family_error_correlation(conn: Connection, run_id: int, families: set[str]) -> float:
    """How much the run's errors moved together across the series of `families` (one family:
    its own measure; several: the run's over every series). 0 when the run measured none."""
    family = next(iter(families)) if len(families) == 1 else EVERY_SERIES
    value = conn.execute(
        text(
            "SELECT error_correlation FROM forecast_family WHERE run_id = :run AND family = :family"
        ),
        {"run": run_id, "family": family},
    ).scalar()
    return float(value) if value is not None else 0.0


def latest_run_id(engine: Engine, *, grain: str | None = None) -> int | None:
    """The newest run (of `grain`, if given)."""
    statement = select(col(ForecastRun.id)).order_by(col(ForecastRun.id).desc())
    if grain is not None:
        statement = statement.where(col(ForecastRun.grain) == grain)
    with engine.connect() as conn:
        value = conn.execute(statement).first()
    return int(value[0]) if value and value[0] is not None else None


def answering_run_id(engine: Engine) -> int:
    """The run answers read: the newest weekly one (weeks are what planners ask about),
    else the newest of any grain; a PonteError the user understands when there is none."""
    run_id = latest_run_id(engine, grain="week") or latest_run_id(engine)
    if run_id is None:
        raise PonteError(
            "no forecast has been run yet: run `ponte forecast` first", code="no_forecast"
        )
    return run_id


def summarize(engine: Engine, run_id: int) -> RunSummary:
    with engine.connect() as conn:
        run = conn.execute(select(ForecastRun).where(col(ForecastRun.id) == run_id)).first()
        if run is None:
            raise PonteError(f"there is no forecast run {run_id}")
        if run.summary is not None:
            counts = json.loads(run.summary)
        else:  # a run stored before its summary was: count its series
            series = pd.read_sql_query(
                text("SELECT pattern, model, fallback FROM forecast_series WHERE run_id = :r"),
                conn,
                params={"r": run_id},
            )
            counts = _counts(series)
        # Imports after what the run read (by audit id: an import running while the
        # forecast read the sales started before the run was stored), else after the run.
        seen = counts.get(SEEN_AUDIT_ID)
        after = (
            col(AuditEntry.id) > seen if seen is not None else col(AuditEntry.at) > run.created_at
        )
        imports = conn.execute(
            select(col(AuditEntry.at), col(AuditEntry.details))
            .where(col(AuditEntry.action) == "import", after)
            .order_by(col(AuditEntry.id))
        ).all()
    return RunSummary(
        run_id=run_id,
        created_at=_required(as_utc(run.created_at)),
        data_as_of=_required(as_date(run.data_as_of)),
        grain=run.grain,
        horizon=run.horizon,
        engine=run.engine,
        series_count=run.series_count,
        duration_seconds=run.duration_seconds,
        patterns=counts["patterns"],
        models=counts["models"],
        fallbacks=counts["fallbacks"],
        sales_imported_after=next(
            (as_utc(at) for at, details in imports if _changed_sales(details)), None
        ),
    )


def _changed_sales(details: str) -> bool:
    """Whether an import (its audit details) added, changed or removed sales rows."""
    counts = json.loads(details).get("counts", {}).get("sales")
    return bool(counts) and any(counts.get(k) for k in ("inserted", "updated", "removed"))


@dataclass(frozen=True)
class SeriesForecast:
    """One series' forecast from a run, with where the numbers come from."""

    run: RunSummary
    unique_id: str
    sku: str
    location: str
    territory: str
    pattern: str
    model: str
    validation_mase: float | None
    fallback: bool
    history_periods: int
    values: pd.DataFrame  # ds, forecast, lo_80, hi_80, lo_95, hi_95


def sku_forecasts(engine: Engine, sku: str, *, run_id: int | None = None) -> list[SeriesForecast]:
    """Every series of `sku` in a run (the latest by default)."""
    run_id = run_id if run_id is not None else latest_run_id(engine)
    if run_id is None:
        raise PonteError(
            "no forecast has been run yet: run `ponte forecast` first", code="no_forecast"
        )
    run = summarize(engine, run_id)
    with engine.connect() as conn:
        sku = canonical_sku(conn, sku)
        series = pd.read_sql_query(
            text("SELECT * FROM forecast_series WHERE run_id = :run AND sku = :sku"),
            conn,
            params={"run": run_id, "sku": sku},
        )
        values = pd.read_sql_query(
            text(
                "SELECT v.* FROM forecast_value v JOIN forecast_series s "
                "ON s.run_id = v.run_id AND s.unique_id = v.unique_id "
                "WHERE v.run_id = :run AND s.sku = :sku ORDER BY v.unique_id, v.ds"
            ),
            conn,
            params={"run": run_id, "sku": sku},
        )
    if series.empty:
        raise PonteError(
            f"the latest forecast has no series for {sku} (no sales history)",
            code="no_series",
            sku=sku,
        )
    values["ds"] = as_dates(values["ds"])
    out = []
    for row in series.to_dict("records"):
        mase = row["validation_mase"]
        out.append(
            SeriesForecast(
                run=run,
                unique_id=row["unique_id"],
                sku=row["sku"],
                location=row["location"],
                territory=row["territory"],
                pattern=row["pattern"],
                model=row["model"],
                validation_mase=None if mase is None or pd.isna(mase) else float(mase),
                fallback=bool(row["fallback"]),
                history_periods=int(row["history_periods"]),
                values=values.loc[
                    values["unique_id"] == row["unique_id"],
                    ["ds", "forecast", "lo_80", "hi_80", "lo_95", "hi_95"],
                ].reset_index(drop=True),
            )
        )
    return out


def canonical_sku(conn: Connection, sku: str) -> str:
    """The catalogue's spelling of `sku` (people type "mok-003" for "MOK-003")."""
    exact = conn.execute(select(col(Product.sku)).where(col(Product.sku) == sku)).first()
    if exact is not None:
        return str(exact[0])
    matches = conn.execute(
        select(col(Product.sku)).where(func.upper(col(Product.sku)) == sku.upper())
    ).all()
    if len(matches) == 1:
        return str(matches[0][0])
    raise PonteError(f"unknown product {sku!r}", code="unknown_product", sku=sku)


def _required(value: T | None) -> T:
    assert value is not None, "a NOT NULL column came back empty"
    return value
