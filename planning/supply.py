"""Supply answers from the database: projection, capacity and ATP for real SKUs.

The arithmetic lives in projection.py, capacity.py and atp.py (DataFrames in, dataclasses
out); this module gathers their inputs: the latest stock snapshot, planned receipts, open
orders, capacity and the latest weekly forecast run, aggregated bottom-up so that plant and
family demand is exactly the sum of its SKUs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, bindparam, text

from planning.atp import AtpResult, available_to_promise
from planning.capacity import CapacityWeek, capacity_check
from planning.catalogue import canonical_family
from planning.db import as_dates
from planning.errors import PonteError
from planning.forecast.runs import RunSummary, canonical_sku, latest_run_id, summarize
from planning.memo import DataMemo
from planning.projection import InventoryProjection, project_inventory, week_monday

_MEMO = DataMemo(size=1024)


@dataclass(frozen=True)
class Provenance:
    """Where an answer's numbers come from."""

    stock_as_of: dt.date | None
    run: RunSummary | None


def read_frame(
    conn: Connection, sql: str, **params: str | int | float | frozenset[str] | None
) -> pd.DataFrame:
    """The rows of `sql` with `params` bound, as a DataFrame; a set of values is bound to
    `IN :name` as a list."""
    sets = sorted(k for k, v in params.items() if isinstance(v, frozenset))
    query = text(sql).bindparams(*(bindparam(k, expanding=True) for k in sets))
    bound = {k: sorted(v) if isinstance(v, frozenset) else v for k, v in params.items()}
    result = conn.execute(query, bound)
    try:
        columns = list(result.keys())
        # The driver's own rows: SQLAlchemy's Row objects cost a third of reading a million
        # rows, and a DataFrame needs none of what they add.
        rows = result.cursor.fetchall() if result.cursor is not None else []
    finally:
        result.close()
    return pd.DataFrame.from_records(rows, columns=columns, coerce_float=True)


def _product(conn: Connection, sku: str) -> pd.Series:
    product = read_frame(
        conn, "SELECT * FROM product WHERE sku = :sku", sku=canonical_sku(conn, sku)
    )
    return product.iloc[0]


def _weekly_run(engine: Engine) -> RunSummary | None:
    """The newest weekly run: projection, capacity and ATP plan in weeks (remembered until
    a new run or an import)."""

    def newest() -> RunSummary | None:
        run_id = latest_run_id(engine, grain="week")
        return summarize(engine, run_id) if run_id is not None else None

    return _MEMO.get(engine, "weekly_run", newest)


def _sku_forecast(conn: Connection, run: RunSummary | None, sku: str) -> pd.DataFrame:
    """Weekly forecast per location for one SKU (columns location, week, forecast)."""
    if run is None:
        return pd.DataFrame(columns=["location", "week", "forecast"])
    values = read_frame(
        conn,
        "SELECT s.location, s.territory, v.ds, v.forecast FROM forecast_value v "
        "JOIN forecast_series s ON s.run_id = v.run_id AND s.unique_id = v.unique_id "
        "WHERE v.run_id = :run AND s.sku = :sku",
        run=run.run_id,
        sku=sku,
    )
    values["week"] = as_dates(values["ds"])
    return values[["location", "week", "forecast"]]


def latest_stock(
    conn: Connection, sku: str | None = None, *, skus: frozenset[str] | None = None
) -> pd.DataFrame:
    """The latest snapshot line per location of `sku` (of the `skus`; of every product when
    neither), with the product's safety stock: sku, location, as_of, on_hand, allocated,
    safety_stock, ordered by sku and location."""
    only, params = "", dict[str, str | frozenset[str]]()
    if sku is not None:
        only, params = " WHERE sku = :sku", {"sku": sku}
    elif skus is not None:
        only, params = " WHERE sku IN :skus", {"skus": skus}
    stock = read_frame(
        conn,
        "SELECT s.sku, s.location, s.as_of, s.on_hand, s.allocated, p.safety_stock "
        "FROM stock_level s JOIN product p ON p.sku = s.sku "
        f"JOIN (SELECT sku, location, max(as_of) AS as_of FROM stock_level{only} "
        "GROUP BY sku, location) l "
        "ON l.sku = s.sku AND l.location = s.location AND l.as_of = s.as_of",
        **params,
    )
    stock["as_of"] = as_dates(stock["as_of"])
    return stock.sort_values(["sku", "location"], kind="stable").reset_index(drop=True)


def main_location(stock: pd.DataFrame, sku: str, location: str | None) -> str:
    """`location` if it holds `sku` (else PonteError), or where most of it is stocked: the
    location that orders without a location ship from."""
    if location is not None:
        if location not in set(stock["location"]):
            raise PonteError(
                f"there is no stock record for {sku} at {location}",
                code="no_stock_at",
                sku=sku,
                location=location,
            )
        return location
    if stock.empty:
        raise PonteError(
            f"there is no stock record for {sku}: import stock.csv first", code="no_stock", sku=sku
        )
    # The first location by code on a tie, as the all-products scan has it.
    ranked = stock.sort_values("location").sort_values("on_hand", ascending=False, kind="stable")
    return str(ranked["location"].iloc[0])


class _Flows:
    """A SKU's open orders and planned receipts at every location, read once (an order
    without a location ships from where the SKU is mainly stocked, `main`)."""

    def __init__(self, conn: Connection, sku: str, main: str) -> None:
        orders = read_frame(
            conn, "SELECT due_date, quantity, location FROM open_order WHERE sku = :sku", sku=sku
        )
        orders["location"] = orders["location"].fillna(main).replace("", main)
        self.orders = orders.assign(due_date=as_dates(orders["due_date"]))
        receipts = read_frame(
            conn, "SELECT date, quantity, location FROM planned_receipt WHERE sku = :sku", sku=sku
        )
        self.receipts = receipts.assign(date=as_dates(receipts["date"]))

    def at(self, location: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(open orders: due_date, quantity; receipts: date, quantity) at `location`."""
        orders = self.orders[self.orders["location"] == location]
        receipts = self.receipts[self.receipts["location"] == location]
        return (
            orders[["due_date", "quantity"]].reset_index(drop=True),
            receipts[["date", "quantity"]].reset_index(drop=True),
        )


def inventory_projection(
    engine: Engine, sku: str, *, today: dt.date, weeks: int = 26, location: str | None = None
) -> tuple[list[InventoryProjection], Provenance]:
    """Project stock week by week at every location holding `sku` (or just `location`).
    Remembered until an import or a forecast run changes the data."""
    key = ("inventory_projection", sku, today, weeks, location)
    projections, provenance = _MEMO.get(
        engine, key, lambda: _inventory_projection(engine, sku, today, weeks, location)
    )
    return list(projections), provenance


def _inventory_projection(
    engine: Engine, sku: str, today: dt.date, weeks: int, location: str | None
) -> tuple[tuple[InventoryProjection, ...], Provenance]:
    run = _weekly_run(engine)
    with engine.connect() as conn:
        product = _product(conn, sku)
        sku = str(product["sku"])
        stock = latest_stock(conn, sku)
        main_location(stock, sku, location)  # says so when `location` holds no stock
        # Orders without a location ship from where the SKU is mainly stocked, whichever
        # location is being looked at.
        main = main_location(stock, sku, None)
        forecast = _sku_forecast(conn, run, sku)
        flows = _Flows(conn, sku, main)
        projections = []
        for line in stock.to_dict("records"):
            if location is not None and line["location"] != location:
                continue
            orders, receipts = flows.at(line["location"])
            projections.append(
                project_inventory(
                    sku=sku,
                    location=line["location"],
                    on_hand=float(line["on_hand"]),
                    allocated=float(line["allocated"]),
                    safety_stock=float(product["safety_stock"]),
                    receipts=receipts,
                    open_orders=orders,
                    forecast=forecast.loc[
                        forecast["location"] == line["location"], ["week", "forecast"]
                    ],
                    start=today,
                    weeks=weeks,
                )
            )
    as_of = max(stock["as_of"]) if not stock.empty else None
    return tuple(projections), Provenance(stock_as_of=as_of, run=run)


def plant_family_demand(
    engine: Engine, run: RunSummary, *, family: str | None = None
) -> pd.DataFrame:
    """Forecast demand per plant x family x week, summed bottom-up from the SKUs (of one
    `family`, exactly as the catalogue spells it, or of all).

    A family made in several plants is shared in proportion to their capacity. The upper
    bound adds the SKUs' 95% half-widths in quadrature (independent errors), which is
    tighter than summing the bounds and still exact for the point forecast.
    """
    params: dict[str, str | int] = {"run": run.run_id}
    only = ""
    if family is not None:
        only, params["family"] = " AND family = :family", family
    with engine.connect() as conn:
        # Summed from the SKUs once, when the run was stored (forecast.runs.FAMILY_WEEKS).
        weekly = read_frame(
            conn,
            "SELECT family, ds, demand, spread2 FROM forecast_family_week WHERE run_id = :run"
            + only,
            **params,
        )
        capacity = read_frame(conn, "SELECT plant, family, units_per_week FROM capacity")
    weekly["week"] = as_dates(weekly["ds"])
    share = capacity.groupby(["plant", "family"], as_index=False)["units_per_week"].max()
    share["share"] = share["units_per_week"] / share.groupby("family")["units_per_week"].transform(
        "sum"
    )
    share["share"] = share["share"].fillna(1.0)
    merged = weekly.merge(share[["plant", "family", "share"]], on="family")
    merged["demand"] = merged["demand"] * merged["share"]
    merged["demand_upper"] = merged["demand"] + np.sqrt(merged["spread2"]) * merged["share"]
    return merged[["plant", "family", "week", "demand", "demand_upper"]]


def capacity_report(
    engine: Engine, *, today: dt.date, family: str | None = None
) -> tuple[list[CapacityWeek], Provenance]:
    """Weekly utilization and shortfall per plant x family, from the latest weekly run.

    Remembered until an import or a forecast run changes the data: every available-to-
    promise answer for a family's products asks for the same family's report."""
    key = ("capacity_report", today, family.lower() if family else None)
    weeks, provenance = _MEMO.get(engine, key, lambda: _capacity_report(engine, today, family))
    return list(weeks), provenance


def _capacity_report(
    engine: Engine, today: dt.date, family: str | None
) -> tuple[tuple[CapacityWeek, ...], Provenance]:
    run = _weekly_run(engine)
    if run is None:
        raise PonteError("no weekly forecast yet: run `ponte forecast` first", code="no_forecast")
    with engine.connect() as conn:
        capacity = read_frame(
            conn, "SELECT plant, family, start_date, end_date, units_per_week FROM capacity"
        )
        revenue = family_prices(conn)
    if family is not None:
        family = canonical_family(revenue, family)
    demand = plant_family_demand(engine, run, family=family)
    capacity["start_date"] = as_dates(capacity["start_date"])
    capacity["end_date"] = [
        None if pd.isna(v) else pd.Timestamp(v).date() for v in capacity["end_date"]
    ]
    demand = demand[demand["week"] >= week_monday(today)]
    weeks = capacity_check(demand=demand, capacity=capacity, unit_revenue=revenue)
    return tuple(weeks), Provenance(stock_as_of=None, run=run)


def family_prices(conn: Connection) -> dict[str, float]:
    """Revenue per unit of each family (its products' mean list price; 0 when unpriced): what
    a unit the plant cannot make is worth."""
    prices = read_frame(
        conn, "SELECT family, avg(unit_price) AS price FROM product GROUP BY family"
    )
    return {
        str(family): float(price) if pd.notna(price) else 0.0
        for family, price in zip(prices["family"], prices["price"], strict=True)
    }


@dataclass(frozen=True)
class _AtpInputs:
    """What every promise of one SKU at one location starts from, today (read-only)."""

    sku: str
    location: str
    on_hand: float
    allocated: float
    receipts: pd.DataFrame
    open_orders: pd.DataFrame
    free_capacity: pd.DataFrame
    provenance: Provenance
    lead_time_days: int = 0  # the product master's: new production ships no sooner


def atp(
    engine: Engine,
    sku: str,
    quantity: float,
    requested_date: dt.date,
    *,
    today: dt.date,
    location: str | None = None,
) -> tuple[AtpResult, Provenance]:
    """Can `quantity` of `sku` ship by `requested_date`? Stock first, then free capacity.

    What a promise starts from (stock, receipts, orders, the family's free capacity) is
    remembered per SKU and location until an import or a forecast run changes the data:
    only the promise itself is worked out for each question."""
    key = ("atp_inputs", sku, today, location)
    inputs = _MEMO.get(engine, key, lambda: _atp_inputs(engine, sku, today, location))
    result = available_to_promise(
        sku=inputs.sku,
        location=inputs.location,
        quantity=quantity,
        requested_date=requested_date,
        today=today,
        on_hand=inputs.on_hand,
        allocated=inputs.allocated,
        receipts=inputs.receipts,
        open_orders=inputs.open_orders,
        free_capacity=inputs.free_capacity,
        lead_time_days=inputs.lead_time_days,
    )
    return result, inputs.provenance


def _atp_inputs(engine: Engine, sku: str, today: dt.date, location: str | None) -> _AtpInputs:
    run = _weekly_run(engine)
    with engine.connect() as conn:
        product = _product(conn, sku)
        sku = str(product["sku"])
        stock = latest_stock(conn, sku)
        where = main_location(stock, sku, location)
        line = stock[stock["location"] == where].to_dict("records")[0]
        orders, receipts = _Flows(conn, sku, main_location(stock, sku, None)).at(where)
    free = pd.DataFrame(columns=["week", "free_units"])
    if run is not None:
        weeks, _ = capacity_report(engine, today=today, family=str(product["family"]))
        free = _protected_free_capacity(weeks)
    return _AtpInputs(
        sku=sku,
        location=where,
        on_hand=float(line["on_hand"]),
        allocated=float(line["allocated"]),
        receipts=receipts,
        open_orders=orders,
        free_capacity=free,
        provenance=Provenance(stock_as_of=line["as_of"], run=run),
        lead_time_days=int(product["lead_time_days"] or 0),
    )


def _protected_free_capacity(weeks: list[CapacityWeek]) -> pd.DataFrame:
    """Weekly capacity a new order may take without starving a later overloaded week.

    A week short of capacity must be built ahead in earlier weeks, so what is promisable by
    week t is the running surplus up to t, capped by the lowest running surplus after it;
    each week offers the increase of that protected running total.
    """
    net = (
        pd.DataFrame(
            {"week": [w.week for w in weeks], "net": [w.capacity_units - w.demand for w in weeks]}
        )
        .groupby("week", as_index=False)
        .agg(net=("net", "sum"))
        .sort_values("week")
    )
    running = net["net"].cumsum().to_numpy()
    protected = np.minimum.accumulate(running[::-1])[::-1].clip(min=0.0)
    return pd.DataFrame(
        {"week": net["week"], "free_units": np.diff(protected, prepend=0.0).clip(min=0.0)}
    )
