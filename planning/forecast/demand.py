"""Sales rows in, demand series out: long format (unique_id, ds, y), one row per period.

A series is a SKU at the location it ships from; sales without a location form a series per
SKU and territory (and per SKU alone when neither is known). Periods with no sales are zero
demand, from the series' first sale up to the last complete period before `end`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import numpy as np
import pandas as pd

from planning.errors import PonteError

Grain = Literal["week", "month"]
# statsforecast/pandas frequency of each planning grain, and its yearly season.
FREQUENCY: dict[Grain, str] = {"week": "W-MON", "month": "MS"}
SEASON_LENGTH: dict[Grain, int] = {"week": 52, "month": 12}


def period_start(dates: pd.Series, grain: Grain) -> pd.Series:
    """The Monday of each date's ISO week, or the first day of its month."""
    stamps = pd.to_datetime(dates)
    if grain == "week":
        return (stamps - pd.to_timedelta(stamps.dt.weekday, unit="D")).dt.normalize()
    return pd.Series(stamps.dt.to_period("M").dt.to_timestamp(), index=stamps.index)


def last_complete_period(end: dt.date, grain: Grain) -> pd.Timestamp:
    """History stops before the period containing `end` (it is not over yet)."""
    current = period_start(pd.Series([pd.Timestamp(end)]), grain).iloc[0]
    return current - (pd.Timedelta(weeks=1) if grain == "week" else pd.DateOffset(months=1))


def series_id(sku: str, location: str, territory: str) -> str:
    if location:
        return f"{sku}@{location}"
    if territory:
        return f"{sku}@territory:{territory}"
    return f"{sku}@all"


def demand_history(sales: pd.DataFrame, *, end: dt.date, grain: Grain = "week") -> pd.DataFrame:
    """Aggregate sales (date, sku, quantity, location, territory) into demand series.

    Returns unique_id, sku, location, territory, ds, y; location/territory are '' when the
    series is not split by them. With a `promo` column in `sales`, also promo: whether any
    of the period's sales was a promotion.
    """
    flagged = "promo" in sales.columns
    columns = [
        "unique_id",
        "sku",
        "location",
        "territory",
        "ds",
        "y",
        *(["promo"] if flagged else []),
    ]
    if sales.empty:
        return pd.DataFrame(columns=columns)
    quantity = pd.to_numeric(sales["quantity"], errors="coerce")
    if (quantity < 0).any():
        bad = sales.loc[quantity < 0, "sku"].iloc[0]
        raise PonteError(f"sales for {bad} hold a negative quantity: demand cannot be negative")
    frame = pd.DataFrame(
        {
            "sku": sales["sku"].astype(str),
            "location": sales["location"].fillna("").astype(str),
            "territory": sales["territory"].fillna("").astype(str),
            "ds": period_start(sales["date"], grain),
            # A missing quantity is no sale recorded: zero demand, not a gap to interpolate.
            "y": quantity.fillna(0.0).astype(float),
            "promo": sales["promo"].fillna(False).astype(bool) if flagged else False,
        }
    )
    # Where a location is known the series is SKU x location; territory splits only the rest.
    frame.loc[frame["location"] != "", "territory"] = ""
    last = last_complete_period(end, grain)
    frame = frame[frame["ds"] <= last]
    grouped = frame.groupby(["sku", "location", "territory", "ds"], as_index=False).agg(
        y=("y", "sum"), promo=("promo", "max")
    )
    if grouped.empty:
        return pd.DataFrame(columns=columns)
    # Vectorised fill: one row of a (series x period) matrix per series, then keep each
    # series from its first sale on (20,000 series x 3 years in well under a second).
    keys = ["sku", "location", "territory"]
    codes, uniques = pd.factorize(pd.MultiIndex.from_frame(grouped[keys]))
    periods = pd.date_range(grouped["ds"].min(), last, freq=FREQUENCY[grain])
    position = periods.get_indexer(pd.DatetimeIndex(grouped["ds"]))
    matrix = np.zeros((len(uniques), len(periods)))
    np.add.at(matrix, (codes, position), grouped["y"].to_numpy(dtype=np.float64))
    promo = np.zeros(matrix.shape, dtype=bool)
    promo[codes, position] = grouped["promo"].to_numpy(dtype=bool)
    selling = matrix > 0
    first = np.where(selling.any(axis=1), selling.argmax(axis=1), 0)
    keep = np.arange(len(periods))[None, :] >= first[:, None]
    series, period = np.nonzero(keep)
    labels = pd.DataFrame(list(uniques), columns=keys)
    ids = np.array(
        [series_id(str(a), str(b), str(c)) for a, b, c in labels.itertuples(index=False)],
        dtype=object,
    )
    return pd.DataFrame(
        {
            "unique_id": ids[series],
            "sku": labels["sku"].to_numpy()[series],
            "location": labels["location"].to_numpy()[series],
            "territory": labels["territory"].to_numpy()[series],
            "ds": periods[period],
            "y": matrix[series, period],
            "promo": promo[series, period],
        }
    )[columns]
