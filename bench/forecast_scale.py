"""Forecast at scale: 20,000 weekly series x 3 years, 26 weeks ahead, local and on Dask.

    python bench/forecast_scale.py [--series 20000] [--skip-dask]

Half the series are smooth and seasonal, half intermittent (generated, seeded). The last 26
weeks are held back and used to score Ponte against SeasonalNaive(52). Wall time and peak
memory (this process and its worker processes) are printed for the local cores and for a
2-worker Dask LocalCluster, both through `forecast_series`, the code `ponte forecast` runs,
and for the path Spark and Ray take (fugue's transform over partitions of whole series) on
the same kind of Dask cluster, since neither Spark nor Ray runs here.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planning.forecast.pipeline import EngineSpec, forecast_series

WEEKS, HORIZON, SEASON = 156, 26, 52


def generate(count: int, seed: int = 11) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    t = np.arange(WEEKS)
    smooth = count // 2
    level = rng.uniform(20, 400, (smooth, 1))
    season = 1 + rng.uniform(0, 0.4, (smooth, 1)) * np.sin(
        2 * np.pi * (t + rng.integers(0, 52, (smooth, 1))) / 52
    )
    trend = 1 + rng.uniform(-0.2, 0.3, (smooth, 1)) * t / WEEKS
    smooth_y = rng.poisson(level * season * trend).astype(float)
    sporadic = count - smooth
    hits = rng.random((sporadic, WEEKS)) < rng.uniform(0.05, 0.4, (sporadic, 1))
    sporadic_y = np.where(
        hits, rng.poisson(rng.uniform(2, 30, (sporadic, 1)), (sporadic, WEEKS)), 0
    ).astype(float)
    y = np.vstack([smooth_y, sporadic_y])
    ds = pd.date_range("2023-01-02", periods=WEEKS, freq="W-MON")
    return pd.DataFrame(
        {
            "unique_id": np.repeat([f"S{i:05d}" for i in range(count)], WEEKS),
            "ds": np.tile(ds, count),
            "y": y.ravel(),
        }
    )


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def accuracy(
    test: pd.DataFrame, forecast: pd.DataFrame, train: pd.DataFrame
) -> tuple[float, float]:
    """(WAPE %, mean MASE) over the held-back weeks."""
    merged = test.merge(forecast, on=["unique_id", "ds"])
    error = np.abs(merged["y"] - merged["f"])
    wape = 100 * error.sum() / merged["y"].abs().sum()
    history = train.sort_values(["unique_id", "ds"]).groupby("unique_id")["y"]
    scale = history.apply(lambda y: np.abs(np.diff(y.to_numpy(), n=1)).mean() or 1.0)
    mase = (error.groupby(merged["unique_id"]).mean() / scale).mean()
    return float(wape), float(mase)


def _through_fugue(train: pd.DataFrame) -> tuple[float, pd.DataFrame]:
    """The path Spark and Ray take (planning.forecast.pipeline.by_partition), on fugue's Dask
    engine with the same 2-worker LocalCluster, cluster start-up included as for Dask."""
    from dask.distributed import Client, LocalCluster

    from planning.forecast.model import LEVELS
    from planning.forecast.pipeline import by_partition, forecaster

    started = time.perf_counter()
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster,
        Client(cluster) as client,
    ):
        raw = by_partition(
            forecaster(SEASON, "W-MON"), train, HORIZON, list(LEVELS), client, cores=2
        )
    return time.perf_counter() - started, raw


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=20_000)
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    # Library deprecation chatter from the Dask workers would drown the table.
    os.environ["PYTHONWARNINGS"] = "ignore"
    warnings.filterwarnings("ignore")
    console = Console()
    data = generate(args.series)
    cut = data["ds"].max() - pd.Timedelta(weeks=HORIZON)
    train, test = data[data["ds"] <= cut], data[data["ds"] > cut]
    console.print(f"{args.series:,} series, {len(train):,} training rows", highlight=False)

    from statsforecast import StatsForecast
    from statsforecast.models import SeasonalNaive

    rows = []
    started = time.perf_counter()
    naive = StatsForecast(models=[SeasonalNaive(SEASON)], freq="W-MON", n_jobs=-1).forecast(
        df=train, h=HORIZON
    )
    rows.append(
        (
            "SeasonalNaive(52), local",
            time.perf_counter() - started,
            peak_mb(),
            *accuracy(test, naive.rename(columns={"SeasonalNaive": "f"}), train),
        )
    )
    engines = [EngineSpec(name="local")] + ([] if args.skip_dask else [EngineSpec(name="dask")])
    for engine in engines:
        started = time.perf_counter()
        result = forecast_series(
            train, horizon=HORIZON, season_length=SEASON, freq="W-MON", engine=engine
        )
        elapsed = time.perf_counter() - started
        label = (
            "Ponte, local cores"
            if engine.name == "local"
            else "Ponte, Dask LocalCluster (2 workers)"
        )
        rows.append(
            (
                label,
                elapsed,
                peak_mb(),
                *accuracy(test, result.rename(columns={"forecast": "f"}), train),
            )
        )
        console.print(f"  {label}: {elapsed:.0f} s", highlight=False)
        if engine.name == "local":
            patterns = result.groupby("unique_id")["pattern"].first().value_counts().to_dict()
            console.print(f"  patterns: {patterns}", highlight=False)
    if not args.skip_dask:
        label = "Ponte, fugue on Dask (Spark and Ray's path)"
        elapsed, raw = _through_fugue(train)
        rows.append(
            (label, elapsed, peak_mb(), *accuracy(test, raw.rename(columns={"Ponte": "f"}), train))
        )
        console.print(f"  {label}: {elapsed:.0f} s", highlight=False)
    table = Table(title=f"Forecasting {args.series:,} weekly series, {HORIZON} weeks ahead")
    for column in ("method", "seconds", "peak MB", "WAPE %", "MASE"):
        table.add_column(column, justify="right")
    for name, seconds, memory, wape, mase in rows:
        table.add_row(name, f"{seconds:,.0f}", f"{memory:,.0f}", f"{wape:.1f}", f"{mase:.3f}")
    console.print(table)


if __name__ == "__main__":
    main()
