"""Weekly demand, measured: a rolling-origin backtest per demand pattern.

    python bench/forecast_backtest.py [--company demo|hardware|scale] [--series 2000]
                                      [--horizon 13] [--step 4]

From several forecast origins spread over the last 26 weeks of a company's sales (every
`--step` weeks, as long as `--horizon` weeks of actuals follow), each method forecasts
`--horizon` weeks ahead from the history before the origin; the forecasts are scored on
the weeks that followed, pooled over origins, per demand pattern (the pattern Ponte gave
the series at that origin):

- Ponte: what `ponte forecast` runs (promotions and one-off spikes taken out, then
  `forecast_series`), with the share of actuals inside its 80% and 95% ranges;
- seasonal naive (the same week last year) and each alternative Ponte weighs on weekly
  data, alone: MSTL with damped ETS, damped ETS, Croston optimised, ADIDA, IMAPA, TSB.

WAPE (sum of absolute errors over the sum of actuals), MASE (each series' mean absolute
error over its in-sample mean absolute week-to-week change, averaged), bias (sum of errors
over the sum of actuals). Companies: the demo (64 series, 156 weeks, promotions marked),
bench/scale_company.py's hardware wholesaler (300 SKUs, strong seasons), and `scale`:
bench/forecast_scale.py's generated series (half smooth and seasonal, half intermittent;
`--series` of them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from planning.forecast.demand import demand_history
from planning.forecast.pipeline import forecast_series
from planning.forecast.promotions import take_out_one_offs
from planning.forecast.ranges import error_correlation, total_half_width

TODAY = dt.date(2026, 11, 27)
SEASON, SPAN = 52, 26
PATTERNS = ("smooth", "erratic", "intermittent", "lumpy", "too_short", "all_zero", "all")


def weekly_history(company: str, series: int, seed: int) -> tuple[pd.DataFrame, dict[str, str]]:
    """unique_id, ds, y (and promo for the demo), up to the last complete week; and each
    series' product family (none for `scale`, whose series belong to no catalogue)."""
    if company == "scale":
        from forecast_scale import generate

        return generate(series, seed=seed), {}
    from scale_company import forecast_company

    frames = forecast_company(company, today=TODAY, seed=seed)
    history = demand_history(frames["sales"], end=TODAY, grain="week")
    family = dict(zip(frames["products"]["sku"], frames["products"]["family"], strict=True))
    family_of = {
        str(uid): family[sku]
        for uid, sku in history.groupby("unique_id")["sku"].first().items()
        if sku in family
    }
    return history[["unique_id", "ds", "y", *(["promo"] if "promo" in history else [])]], family_of


def alternatives() -> list[Any]:
    from statsforecast.models import (
        ADIDA,
        IMAPA,
        MSTL,
        TSB,
        AutoETS,
        CrostonOptimized,
        SeasonalNaive,
    )

    return [
        SeasonalNaive(season_length=SEASON, alias="seasonal naive"),
        MSTL(
            season_length=SEASON,
            trend_forecaster=AutoETS(model="ZZN", damped=True),
            alias="MSTL",
        ),
        AutoETS(season_length=1, damped=True, alias="damped ETS"),
        CrostonOptimized(alias="Croston"),
        ADIDA(alias="ADIDA"),
        IMAPA(alias="IMAPA"),
        TSB(alpha_d=0.2, alpha_p=0.2, alias="TSB"),
    ]


def one_origin(
    history: pd.DataFrame, origin: pd.Timestamp, horizon: int, family_of: dict[str, str]
) -> pd.DataFrame:
    """Every method's forecasts from `origin`, beside the actuals; long format, with each
    series' family and the errors' correlation the run measured for it (as `ponte
    forecast` stores it)."""
    from statsforecast import StatsForecast

    seen = history[history["ds"] < origin]
    seen = seen[seen.groupby("unique_id")["y"].transform(lambda y: (y != 0).any())]
    learned, _ = take_out_one_offs(seen, SEASON)
    ponte = forecast_series(learned, horizon=horizon, season_length=SEASON, freq="W-MON")
    ponte = ponte.rename(columns={"forecast": "Ponte"})
    others = StatsForecast(models=alternatives(), freq="W-MON", n_jobs=-1).forecast(
        df=seen[["unique_id", "ds", "y"]], h=horizon
    )
    others = others.reset_index() if "unique_id" not in others.columns else others
    ahead = history[(history["ds"] >= origin)][["unique_id", "ds", "y"]]
    merged = ponte.merge(others, on=["unique_id", "ds"]).merge(ahead, on=["unique_id", "ds"])
    scale = seen.groupby("unique_id")["y"].apply(
        lambda y: float(np.abs(np.diff(y.to_numpy())).mean()) if len(y) > 1 else 1.0
    )
    merged["scale"] = merged["unique_id"].map(scale).replace(0.0, 1.0).fillna(1.0)
    merged["origin"] = origin
    measured = error_correlation(ponte, family_of)
    merged["family"] = merged["unique_id"].map(family_of)
    merged["rho"] = merged["family"].map(measured).fillna(0.0)
    return merged


def summarise(frame: pd.DataFrame, methods: list[str]) -> pd.DataFrame:
    rows = []
    for pattern in PATTERNS:
        part = frame if pattern == "all" else frame[frame["pattern"] == pattern]
        if part.empty:
            continue
        total = part["y"].abs().sum() or 1.0
        for method in ["Ponte", *methods]:
            error = part[method] - part["y"]
            per_series = (error.abs() / part["scale"]).groupby([part["unique_id"], part["origin"]])
            row = {
                "pattern": pattern,
                "method": method,
                "forecasts": part.groupby(["unique_id", "origin"]).ngroups,
                "WAPE %": 100 * error.abs().sum() / total,
                "MASE": float(per_series.mean().mean()),
                "bias %": 100 * error.sum() / total,
            }
            if method == "Ponte":
                for level in (80, 95):
                    inside = (part["y"] >= part[f"lo_{level}"]) & (part["y"] <= part[f"hi_{level}"])
                    row[f"{level}% held"] = 100 * float(inside.mean())
            rows.append(row)
    return pd.DataFrame(rows)


def family_totals(frame: pd.DataFrame) -> pd.DataFrame:
    """The share of a family's weekly totals inside Ponte's 80% and 95% ranges of them,
    their products' half-widths combined three ways: as independent errors (quadrature), with
    the correlation the run measured for the family (what `ponte forecast` stores and the
    answers and capacity check use), and added up (errors moving as one)."""
    part = frame.dropna(subset=["family"])
    if part.empty:
        return pd.DataFrame()
    part = part.assign(
        **{f"w{lv}": part[f"hi_{lv}"] - part["Ponte"] for lv in (80, 95)},
        **{f"w{lv}2": (part[f"hi_{lv}"] - part["Ponte"]) ** 2 for lv in (80, 95)},
    )
    totals = part.groupby(["origin", "family", "ds"]).agg(
        y=("y", "sum"),
        point=("Ponte", "sum"),
        rho=("rho", "first"),
        **{c: (c, "sum") for c in ("w80", "w802", "w95", "w952")},
    )
    rows = []
    for label, rho in (("independent", 0.0), ("measured", None), ("added up", 1.0)):
        row: dict[str, object] = {"family ranges": label}
        for level in (80, 95):
            correlation = totals["rho"] if rho is None else rho
            half = total_half_width(totals[f"w{level}2"], totals[f"w{level}"], correlation)
            inside = (totals["y"] - totals["point"]).abs() <= half
            row[f"{level}% held"] = 100 * float(inside.mean())
        rows.append(row)
    measured = totals.groupby("family")["rho"].mean()
    rows[1]["family ranges"] = f"measured (correlation {measured.min():.2f}-{measured.max():.2f})"
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--company", choices=["demo", "hardware", "scale"], default="demo")
    parser.add_argument("--series", type=int, default=2000, help="for --company scale")
    parser.add_argument("--horizon", type=int, default=13)
    parser.add_argument("--step", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    console = Console(width=110)
    history, family_of = weekly_history(args.company, args.series, args.seed)
    end = history["ds"].max() + pd.Timedelta(weeks=1)
    first = end - pd.Timedelta(weeks=SPAN)
    origins = [first + pd.Timedelta(weeks=k) for k in range(0, SPAN - args.horizon + 1, args.step)]
    started = time.perf_counter()
    frames = [one_origin(history, origin, args.horizon, family_of) for origin in origins]
    frame = pd.concat(frames, ignore_index=True)
    methods = [str(m.alias) for m in alternatives()]
    table_data = summarise(frame, methods)
    dates = ", ".join(o.date().isoformat() for o in origins)
    table = Table(
        title=f"{args.company}: {history['unique_id'].nunique():,} series, {args.horizon} "
        f"weeks ahead from {len(origins)} origins ({dates})"
    )
    for column in table_data.columns:
        table.add_column(column, justify="right")
    previous = None
    for row in table_data.itertuples(index=False):
        if previous is not None and row.pattern != previous:
            table.add_section()
        previous = row.pattern
        cells = []
        for column, value in zip(table_data.columns, row, strict=True):
            if isinstance(value, float):
                cells.append("" if np.isnan(value) else f"{value:.{3 if column == 'MASE' else 1}f}")
            else:
                cells.append(str(value))
        table.add_row(*cells)
    console.print(table)
    families = family_totals(frame)
    if not families.empty:
        table = Table(
            title=f"{args.company}: a family's weekly total inside its range "
            f"({frame['family'].nunique()} families, same origins)"
        )
        for column in families.columns:
            table.add_column(column, justify="right")
        for row in families.itertuples(index=False):
            table.add_row(*(f"{v:.1f}" if isinstance(v, float) else str(v) for v in row))
        console.print(table)
    console.print(f"  {time.perf_counter() - started:.0f} s", highlight=False)


if __name__ == "__main__":
    main()
