"""New products: a season borrowed from the family, measured.

    python bench/forecast_new_products.py [--company demo|hardware] [--weeks 26,40,52,64]

A third of the company's products (chosen at random, seeded) are taken back to their last N
weeks of sales, as if launched then; the others keep their two and a half years. Ponte
forecasts 26 weeks ahead (`compute_forecast`, what `ponte forecast` runs) twice: with the
catalogue's families, so that the new products may borrow their family's season
(planning/forecast/seasonality.py), and without them. Scored on the new products' 26 weeks
that followed: WAPE, bias, 80% range coverage, how many series borrowed their family's
season, and how many (with families) took the season their own year showed instead (52
weeks of history or more).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from planning.forecast.demand import demand_history
from planning.forecast.runs import FAMILIES, compute_forecast

TODAY = dt.date(2026, 11, 27)
HORIZON = 26


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--company", choices=["demo", "hardware"], default="demo")
    parser.add_argument("--weeks", default="26,40,52,64")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    from scale_company import forecast_company

    data = forecast_company(args.company, today=TODAY, seed=args.seed, weeks=182)
    sales, products = data["sales"], data["products"]
    families = dict(zip(products["sku"], products["family"], strict=True))
    skus = sorted(sales["sku"].unique())
    new = set(np.random.default_rng(3).choice(skus, len(skus) // 3, replace=False))
    this_monday = TODAY - dt.timedelta(days=TODAY.weekday())
    cutoff = this_monday - dt.timedelta(weeks=HORIZON)
    dates = pd.to_datetime(sales["date"])
    actual = demand_history(sales, end=cutoff + dt.timedelta(weeks=HORIZON), grain="week")
    actual = actual[(actual["ds"] >= pd.Timestamp(cutoff)) & actual["sku"].isin(new)]
    table = Table(title=f"{args.company}: {len(new)} of {len(skus)} products new, 26 weeks ahead")
    for column in ("weeks of history", "without families", "with families", "borrowed", "own"):
        table.add_column(column, justify="right")
    for weeks in (int(w) for w in args.weeks.split(",")):
        start = pd.Timestamp(cutoff - dt.timedelta(weeks=weeks))
        kept = (dates < pd.Timestamp(cutoff)) & (~sales["sku"].isin(new) | (dates >= start))
        seen = sales[kept].copy()
        cells, borrowed, own = [], 0, 0
        for catalogue in ({}, families):
            seen.attrs[FAMILIES] = catalogue
            result = compute_forecast(seen, today=cutoff, horizon=HORIZON)
            values = result.values.assign(ds=pd.to_datetime(result.values["ds"]))
            merged = actual.merge(values, on=["unique_id", "ds"])
            error = merged["forecast"] - merged["y"]
            inside = (merged["y"] >= merged["lo_80"]) & (merged["y"] <= merged["hi_80"])
            total = merged["y"].sum()
            cells.append(
                f"WAPE {100 * error.abs().sum() / total:.1f}, bias "
                f"{100 * error.sum() / total:+.1f}, 80% held {100 * inside.mean():.0f}"
            )
            borrowed = int(result.series["model"].str.contains("season of").sum())
            own = int(result.series["model"].str.contains("season from").sum())
        table.add_row(str(weeks), *cells, str(borrowed), str(own))
    Console(width=110).print(table)


if __name__ == "__main__":
    main()
