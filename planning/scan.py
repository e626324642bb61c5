"""Every product-location's stock projection at once: one read of stock, receipts, open
orders and the weekly forecast, one vectorised pass (projection.project_weeks), instead of a
projection per SKU. The ops Home's nearest stockouts read it, and so will the alert scan.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd
from sqlalchemy import Connection, Engine

from planning.forecast.runs import RunSummary, latest_run_id, summarize
from planning.memo import DataMemo
from planning.projection import (
    InventoryProjection,
    WeeklyProjection,
    project_weeks,
    week_monday,
    weekly_totals,
)
from planning.supply import latest_stock, read_frame

_MEMO = DataMemo(size=16)


@dataclass(frozen=True)
class StockScan:
    """The projection of every product-location holding stock, from `start` for `weeks`."""

    start: dt.date
    weeks: int
    # sku, location, as_of, on_hand, allocated: one per projected row, in order
    rows: pd.DataFrame
    projected: WeeklyProjection
    run: RunSummary | None  # the weekly forecast run whose demand it projects
    # Per row: a plant's own stock with no planned receipt in the horizon. Production
    # refills it, which the data does not plan as receipts unless it says so: when it runs
    # low is the capacity check's question (the alert rules and a family's projection leave
    # it out).
    production_fed: npt.NDArray[np.bool_]
    at_plant: npt.NDArray[np.bool_] | None = None  # per row: the location is a plant

    def head(self, weeks: int) -> StockScan:
        """The same scan over its first `weeks` weeks (one scan read for a longer horizon
        answers a shorter one: a family's projection and its 26 weeks of excess)."""
        if weeks >= self.weeks or self.at_plant is None:
            return self
        projected = self.projected.head(weeks)
        fed = self.at_plant & (projected.receipts.sum(axis=1) <= 0)
        return dataclasses.replace(self, weeks=weeks, projected=projected, production_fed=fed)

    @property
    def forecast_weeks(self) -> int | None:
        """How many of the weeks projected the forecast run covers (None: no run)."""
        if self.run is None:
            return None
        last = self.run.data_as_of + dt.timedelta(weeks=self.run.horizon)
        return max(0, (last - week_monday(self.start)).days // 7 + 1)

    def at_risk(self) -> pd.DataFrame:
        """The rows that run out or fall below safety stock within the horizon, soonest
        first (stockout date, then first week below safety stock, then sku and location),
        with those dates and the days of cover."""
        frame = self.rows.assign(
            row=np.arange(len(self.rows)),
            stockout_date=pd.Series(self.projected.stockout_dates(), dtype=object),
            first_below_safety_stock=pd.Series(
                self.projected.first_below_safety_stock(), dtype=object
            ),
            days_of_cover=self.projected.days_of_cover,
        )
        risky = frame["stockout_date"].notna() | frame["first_below_safety_stock"].notna()
        never = dt.date.max
        frame = frame[risky].assign(
            _out=lambda f: f["stockout_date"].fillna(never),
            _low=lambda f: f["first_below_safety_stock"].fillna(never),
        )
        ordered = frame.sort_values(["_out", "_low", "sku", "location"], kind="stable")
        return ordered.drop(columns=["_out", "_low"]).reset_index(drop=True)

    @functools.cached_property
    def _columns(self) -> tuple[list[str], list[str], list[float], list[float]]:
        """sku, location, on hand, allocated per row, read once (a row of the frame at a
        time cost a third of a projection over every product)."""
        rows = self.rows
        return (
            rows["sku"].astype(str).tolist(),
            rows["location"].astype(str).tolist(),
            rows["on_hand"].astype(float).tolist(),
            rows["allocated"].astype(float).tolist(),
        )

    def projection(self, row: int) -> InventoryProjection:
        skus, locations, on_hand, allocated = self._columns
        return self.projected.projection(
            row,
            sku=skus[row],
            location=locations[row],
            on_hand=on_hand[row],
            allocated=allocated[row],
        )


def scan_stock(
    engine: Engine, *, today: dt.date, weeks: int, skus: frozenset[str] | None = None
) -> StockScan:
    """Project every product-location's stock from `today` for `weeks` weeks, as
    `inventory_projection` does for one SKU; only the `skus`' when given (a family's
    projection: its 200 products, not the 5,000 the ops Home scans, read in a tenth of the
    time). Remembered until an import or a forecast run changes the data."""
    return _MEMO.get(
        engine, ("scan_stock", today, weeks, skus), lambda: _scan(engine, today, weeks, skus)
    )


def _scan(engine: Engine, today: dt.date, weeks: int, skus: frozenset[str] | None) -> StockScan:
    first = week_monday(today)
    run_id = latest_run_id(engine, grain="week")
    run = summarize(engine, run_id) if run_id is not None else None
    only = {} if skus is None else {"skus": skus}
    of_skus = "" if skus is None else " WHERE sku IN :skus"
    with engine.connect() as conn:
        stock = latest_stock(conn, skus=skus)
        plants = set(read_frame(conn, "SELECT code FROM location WHERE kind = 'plant'")["code"])
        orders = read_frame(
            conn,
            f"SELECT sku, due_date AS day, quantity, location FROM open_order{of_skus}",
            **only,
        )
        receipts = read_frame(
            conn,
            f"SELECT sku, date AS day, quantity, location FROM planned_receipt{of_skus}",
            **only,
        )
        keys = pd.MultiIndex.from_frame(stock[["sku", "location"]])
        forecast = (
            _forecast_matrix(conn, run_id, keys, first, weeks, skus)
            if run_id is not None
            else np.zeros((len(keys), weeks))
        )
    # Orders without a location ship from where the SKU is mainly stocked (the most on
    # hand; the first location by code on a tie), as inventory_projection has it.
    main = stock.loc[stock.groupby("sku")["on_hand"].idxmax(), ["sku", "location"]]
    main_of = dict(zip(main["sku"], main["location"], strict=True))
    where = orders["location"].fillna("").astype(str)
    orders["location"] = where.where(where != "", orders["sku"].map(main_of))
    projected = project_weeks(
        opening=(stock["on_hand"] - stock["allocated"]).to_numpy(dtype=float),
        safety_stock=stock["safety_stock"].to_numpy(dtype=float),
        receipts=_weekly(receipts, keys, first, weeks, late=True),
        open_orders=_weekly(orders, keys, first, weeks, late=True),
        forecast=forecast,
        start=today,
    )
    rows = stock[["sku", "location", "as_of", "on_hand", "allocated"]]
    at_plant = stock["location"].isin(plants).to_numpy()
    fed = at_plant & (projected.receipts.sum(axis=1) <= 0)
    return StockScan(start=today, weeks=weeks, rows=rows, projected=projected, run=run,
                     production_fed=fed, at_plant=at_plant)  # fmt: skip


def _forecast_matrix(
    conn: Connection,
    run_id: int,
    keys: pd.MultiIndex,
    first: dt.date,
    weeks: int,
    skus: frozenset[str] | None,
) -> npt.NDArray[np.float64]:
    """The run's weekly forecast as a rows(`keys`: sku, location) x `weeks` array from the
    week of `first`. Read as one column of numbers in the primary key's order, each series'
    span (first week, count) beside it: a million forecast rows without a join or a string
    per row, a quarter of the time. A series with a gap in its weeks (a run stores none)
    falls back to reading the rows with their keys."""
    end = first + dt.timedelta(weeks=weeks)
    params: dict[str, str | int | frozenset[str]] = {
        "run": run_id, "first": first.isoformat(), "end": end.isoformat()
    }  # fmt: skip
    of_skus = ""
    if skus is not None:
        of_skus = " AND sku IN :skus"
        params["skus"] = skus
    mine = (f" AND unique_id IN (SELECT unique_id FROM forecast_series WHERE run_id = :run"
            f"{of_skus})") if skus is not None else ""  # fmt: skip
    where = "WHERE run_id = :run AND ds >= :first AND ds < :end" + mine
    series = read_frame(
        conn,
        f"SELECT unique_id, sku, location FROM forecast_series WHERE run_id = :run{of_skus}",
        **{k: v for k, v in params.items() if k in ("run", "skus")},
    )
    spans = read_frame(
        conn,
        "SELECT unique_id, min(ds) AS first_ds, max(ds) AS last_ds, count(*) AS n "
        f"FROM forecast_value {where} GROUP BY unique_id ORDER BY unique_id",
        **params,
    )
    out = np.zeros((len(keys), weeks))
    if spans.empty:
        return out
    starts = pd.to_datetime(spans["first_ds"])
    count = spans["n"].to_numpy(dtype=np.int64)
    span_weeks = (pd.to_datetime(spans["last_ds"]) - starts).dt.days.to_numpy() // 7 + 1
    if (span_weeks != count).any():
        rows_read = read_frame(
            conn,
            "SELECT s.sku, s.location, v.ds AS day, v.forecast AS quantity FROM forecast_value v "
            "JOIN forecast_series s ON s.run_id = v.run_id AND s.unique_id = v.unique_id "
            f"WHERE v.run_id = :run AND v.ds >= :first AND v.ds < :end{of_skus}",
            **params,
        )
        return _weekly(rows_read, keys, first, weeks, late=False)
    flat = read_frame(
        conn, f"SELECT forecast FROM forecast_value {where} ORDER BY unique_id, ds", **params
    )["forecast"].to_numpy(dtype=float)
    place = series.set_index("unique_id").reindex(spans["unique_id"])
    row_of = keys.get_indexer(pd.MultiIndex.from_arrays(
        [place["sku"].astype(str), place["location"].fillna("").astype(str)]))  # fmt: skip
    offset = (starts - pd.Timestamp(first)).dt.days.to_numpy() // 7
    rows = np.repeat(row_of, count)
    column = np.repeat(offset, count) + (
        np.arange(len(flat)) - np.repeat(np.cumsum(count) - count, count)
    )
    keep = (rows >= 0) & (column >= 0) & (column < weeks)
    np.add.at(out, (rows[keep], column[keep]), flat[keep])
    return out


def _weekly(
    frame: pd.DataFrame, keys: pd.MultiIndex, first: dt.date, weeks: int, *, late: bool
) -> npt.NDArray[np.float64]:
    """Quantities (columns sku, location, day, quantity) summed per row of `keys` and week
    (projection.weekly_totals, as one product's projection sums them)."""
    row_of = keys.get_indexer(pd.MultiIndex.from_frame(frame[["sku", "location"]].astype(str)))
    quantities = frame["quantity"].to_numpy(dtype=float)
    return weekly_totals(
        frame["day"], quantities, row_of, rows=len(keys), first=first, weeks=weeks, late=late
    )
