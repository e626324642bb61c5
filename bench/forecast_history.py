"""How the weekly forecast depends on the history a company has: 52, 78, 104, 130 and 156
weeks of the same demo company, each forecast 26 weeks ahead and scored on the 26 weeks
that followed.

    python bench/forecast_history.py [--weeks 52,60,78,104,130,156] [--seed 7]

The demo company is generated once with 182 weeks of sales (`generate_demo(weeks=182)`); the
last 26 weeks are held out as the actuals, and each run sees the N weeks before them. Ponte
(`compute_forecast`, what `ponte forecast` runs) is compared with seasonal naive (the same
week last year) on the same series: WAPE, MASE (scaled by each series' in-sample seasonal
naive error), bias, how many series got a seasonal model, and how often the actuals fell
inside the 80% and 95% intervals. Measures issue 16's first complaint: under about 130
weeks the weekly path cannot validate a seasonal model and forecasts without the season.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from planning.forecast.demand import demand_history
from planning.forecast.runs import compute_forecast

TODAY = dt.date(2026, 11, 27)
HORIZON, SEASON = 26, 52


def score(weeks: int, sales: pd.DataFrame, cutoff: dt.date) -> dict[str, float]:
    """Forecast from the `weeks` weeks before `cutoff`; score on the 26 weeks from it."""
    first = pd.Timestamp(cutoff - dt.timedelta(weeks=weeks))
    dates = pd.to_datetime(sales["date"])
    seen = sales[(dates >= first) & (dates < pd.Timestamp(cutoff))]
    started = time.perf_counter()
    result = compute_forecast(seen, today=cutoff, horizon=HORIZON)
    seconds = time.perf_counter() - started
    actual = demand_history(sales, end=cutoff + dt.timedelta(weeks=HORIZON), grain="week")
    history = demand_history(seen, end=cutoff, grain="week")
    ahead = actual[actual["ds"] >= pd.Timestamp(cutoff)]
    values = result.values.assign(ds=pd.to_datetime(result.values["ds"]))
    merged = ahead.merge(values, on=["unique_id", "ds"], how="inner")
    # Seasonal naive: the same week a year before, from the history the run saw.
    last_year = history.assign(ds=history["ds"] + pd.Timedelta(weeks=SEASON))
    merged = merged.merge(
        last_year[["unique_id", "ds", "y"]].rename(columns={"y": "naive"}),
        on=["unique_id", "ds"],
        how="left",
    )
    merged["naive"] = merged["naive"].fillna(0.0)
    scale = history.groupby("unique_id")["y"].apply(
        lambda y: float(np.abs(np.diff(y.to_numpy(), n=1)).mean()) if len(y) > 1 else 1.0
    )
    merged["scale"] = merged["unique_id"].map(scale).replace(0.0, 1.0)
    total = merged["y"].abs().sum()
    error = (merged["forecast"] - merged["y"]).abs()
    naive_error = (merged["naive"] - merged["y"]).abs()
    # Its own validated season, its family's, or the one its single year showed.
    seasonal = result.series["model"].str.contains("MSTL|Seasonal|season of|season from").sum()
    return {
        "weeks": weeks,
        "series": len(result.series),
        "seasonal models": int(seasonal),
        "Ponte WAPE %": 100 * error.sum() / total,
        "seasonal naive WAPE %": 100 * naive_error.sum() / total,
        "Ponte MASE": float((error / merged["scale"]).mean()),
        "seasonal naive MASE": float((naive_error / merged["scale"]).mean()),
        "bias %": 100 * (merged["forecast"] - merged["y"]).sum() / total,
        "80% coverage": _inside(merged, 80),
        "95% coverage": _inside(merged, 95),
        # by demand pattern: smooth or erratic / intermittent or lumpy (Croston-type models)
        "80% cov. regular / sporadic": _by_pattern(merged, result.series, 80),
        "95% cov. regular / sporadic": _by_pattern(merged, result.series, 95),
        "13-week total 80% cov. independent / correlated": _totals(merged, 13, 80),
        "4 / 13 / 26-week total 80% cov., as answered": _totals_with_correlation(merged, 80),
        "4 / 13 / 26-week total 95% cov., as answered": _totals_with_correlation(merged, 95),
        "seconds": seconds,
    }


def _totals(merged: pd.DataFrame, weeks: int, level: int) -> str:
    """How often (%) each series' total over the first `weeks` weeks fell inside the total's
    range, taken as the weeks' half-widths added in quadrature (independent errors, as the
    answers summed them until stop 25) and added up (errors that move together)."""
    miss, independent, together = _total_parts(merged, weeks, level)
    return f"{100 * (miss <= independent).mean():.0f} / {100 * (miss <= together).mean():.0f}"


def _total_parts(
    merged: pd.DataFrame, weeks: int, level: int
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Per series, over the first `weeks` weeks: the total's miss, and its half-width for
    independent errors (quadrature) and for errors that move together (added up)."""
    first = merged[merged["ds"] < merged["ds"].min() + pd.Timedelta(weeks=weeks)]
    half = first[f"hi_{level}"] - first["forecast"]
    sums = (
        first.assign(half2=half**2, half=half)
        .groupby("unique_id")[["y", "forecast", "half2", "half"]]
        .sum()
    )
    return (sums["y"] - sums["forecast"]).abs(), np.sqrt(sums["half2"]), sums["half"]


def _totals_with_correlation(merged: pd.DataFrame, level: int) -> str:
    """Coverage (%) of 4-, 13- and 26-week totals with the range the answers use
    (planning.forecast.ranges.total_half_width: the weeks' errors correlated by
    WEEK_CORRELATION)."""
    from planning.forecast.ranges import WEEK_CORRELATION, total_half_width

    parts = []
    for weeks in (4, 13, 26):
        miss, independent, together = _total_parts(merged, weeks, level)
        half = total_half_width(independent**2, together, WEEK_CORRELATION)
        parts.append(f"{100 * (miss <= half).mean():.0f}")
    return " / ".join(parts)


def _by_pattern(merged: pd.DataFrame, series: pd.DataFrame, level: int) -> str:
    sporadic = set(series.loc[series["pattern"].isin(["intermittent", "lumpy"]), "unique_id"])
    rows = merged["unique_id"].isin(sporadic)
    parts = [_inside(merged[~rows], level), _inside(merged[rows], level) if rows.any() else None]
    return " / ".join("-" if p is None else f"{p:.0f}" for p in parts)


def _inside(merged: pd.DataFrame, level: int) -> float:
    """How often (%) the actual fell inside the `level`% interval."""
    y = merged["y"]
    return float(100 * ((y >= merged[f"lo_{level}"]) & (y <= merged[f"hi_{level}"])).mean())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", default="52,60,78,104,130,156")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--company",
        choices=["demo", "hardware"],
        default="demo",
        help="demo: the housewares demo (mild seasons); hardware: bench/scale_company.py's "
        "wholesaler, 300 SKUs, yearly swings of up to +-50%%.",
    )
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    from scale_company import forecast_company

    sales = forecast_company(args.company, today=TODAY, seed=args.seed, weeks=182)["sales"]
    this_monday = TODAY - dt.timedelta(days=TODAY.weekday())
    cutoff = this_monday - dt.timedelta(weeks=HORIZON)  # the 26 weeks from here are held out
    rows = [score(int(w), sales, cutoff) for w in args.weeks.split(",")]
    title = f"{args.company} company, 26 weeks ahead from {cutoff}, by weeks of history"
    # One column per history length: the measures read down, in an 80-column terminal.
    table = Table(title=title)
    table.add_column("weeks of history")
    for row in rows:
        table.add_column(str(row["weeks"]), justify="right")
    for measure in list(rows[0])[1:]:
        values = (row[measure] for row in rows)
        table.add_row(measure, *(f"{v:.1f}" if isinstance(v, float) else str(v) for v in values))
    Console().print(table)


if __name__ == "__main__":
    main()
