"""Stock status: what is on hand, allocated and free for a SKU (or a group), and how long
it lasts.

On hand and allocated come from the latest stock snapshot per location; cover comes from the
inventory projection (forecast demand, open orders and planned receipts), so "how long does
it last" agrees with `ponte project`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd
from sqlalchemy import Engine, text

from planning.db import as_date
from planning.errors import PonteError
from planning.groups import TOP_LINES, ProductGroup, members, read_members
from planning.memo import DataMemo
from planning.supply import Provenance, inventory_projection, latest_stock, main_location


@dataclass(frozen=True)
class LocationStock:
    location: str
    location_name: str
    as_of: dt.date
    on_hand: float
    allocated: float
    available: float  # on_hand - allocated
    days_of_cover: float | None  # None: lasts the projection horizon (or no projection)
    stockout_date: dt.date | None
    # The available stock alone at the forecast's pace, receipts aside (None: no demand).
    weeks_of_stock: float | None = None
    below_safety_from: dt.date | None = None  # the first week the projection closes below it


@dataclass(frozen=True)
class StockStatus:
    """One SKU's stock across locations, with open orders and the next receipt."""

    sku: str
    name: str
    family: str
    unit: str
    safety_stock: float
    on_hand: float
    allocated: float
    available: float
    locations: tuple[LocationStock, ...]
    open_orders: float  # units ordered by customers and not yet shipped
    next_receipt_date: dt.date | None
    next_receipt_quantity: float
    stockout_date: dt.date | None  # earliest projected stockout across locations
    provenance: Provenance
    # Asked about a location that holds none of it: that location (the figures are then
    # those of the locations that do hold it).
    not_held_at: str | None = None
    unit_price: float | None = None  # list price (products.csv), None when it has none

    @property
    def value(self) -> float | None:
        """The available stock at list price (the catalogue has no cost), None unpriced."""
        return None if self.unit_price is None else self.available * self.unit_price


@dataclass(frozen=True)
class GroupStockLine:
    sku: str
    name: str
    on_hand: float
    allocated: float
    available: float
    below_safety_stock: bool


@dataclass(frozen=True)
class GroupStock:
    """The stock of several products together (a family, a list, or everything), at every
    location or one: totals over every member, and the members holding the most."""

    group: ProductGroup
    location: str | None
    as_of: dt.date | None
    products: int  # members of the group
    lines: tuple[GroupStockLine, ...]  # most available first, TOP_LINES of them
    on_hand: float
    allocated: float
    available: float
    below_safety_stock: tuple[str, ...]  # every member below its safety stock, by sku
    by_location: tuple[tuple[str, float], ...] = ()  # available per location, largest first
    # Per family when the group spans several (everything: the catalogue): family, its
    # members, their available stock; the most products first
    by_family: tuple[tuple[str, int, float], ...] = ()
    # Available stock at list price, over the members with a price; how many have none
    value: float = 0.0
    unpriced: int = 0
    value_by_location: tuple[tuple[str, float], ...] = ()  # each location's, at list price

    @property
    def family(self) -> str | None:
        return self.group.family


_MEMO = DataMemo()


def stock_status(
    engine: Engine, sku: str, *, today: dt.date, location: str | None = None
) -> StockStatus:
    """Stock of `sku` at every location (or `location`), with cover from the projection
    (remembered until an import or a forecast run changes the data)."""
    return _MEMO.get(
        engine,
        ("stock_status", sku, today, location),
        lambda: _held_or_not(engine, sku, today=today, location=location),
    )


def _held_or_not(engine: Engine, sku: str, *, today: dt.date, location: str | None) -> StockStatus:
    try:
        return _stock_status(engine, sku, today=today, location=location)
    except PonteError as exc:
        if exc.code != "no_stock_at" or location is None:
            raise
    # None of it at `location`: say so, with where it is held ("PAD-28 a Lumezzane").
    everywhere = _stock_status(engine, sku, today=today, location=None)
    return dataclasses.replace(everywhere, not_held_at=location)


def _stock_status(
    engine: Engine, sku: str, *, today: dt.date, location: str | None = None
) -> StockStatus:
    projections, provenance = inventory_projection(engine, sku, today=today, location=location)
    sku = projections[0].sku if projections else sku
    with engine.connect() as conn:
        stock = latest_stock(conn, sku)
        # Asked about one location, only its orders count; orders without a location ship
        # from the main one (as in the projection).
        main = main_location(stock, sku, None)
        as_of = dict(zip(stock["location"], stock["as_of"], strict=True))
        product = conn.execute(
            text(
                "SELECT name, family, unit, safety_stock, unit_price FROM product WHERE sku = :sku"
            ),
            {"sku": sku},
        ).one()
        names = {str(c): str(n) for c, n in conn.execute(text("SELECT code, name FROM location"))}
        orders_by_location: dict[str, float] = {
            str(where): float(quantity)
            for where, quantity in conn.execute(
                text(
                    "SELECT coalesce(location, ''), sum(quantity) FROM open_order "
                    "WHERE sku = :sku GROUP BY coalesce(location, '')"
                ),
                {"sku": sku},
            )
        }
        receipt_filter = "" if location is None else " AND location = :loc"
        receipt = conn.execute(
            text(
                "SELECT date, sum(quantity) FROM planned_receipt WHERE sku = :sku "
                f"AND date >= :today{receipt_filter} GROUP BY date ORDER BY date LIMIT 1"
            ),
            {"sku": sku, "today": today, "loc": location},
        ).first()
    lines = tuple(
        LocationStock(
            location=p.location,
            location_name=names.get(p.location, p.location),
            as_of=as_of[p.location],
            on_hand=p.on_hand,
            allocated=p.allocated,
            available=p.on_hand - p.allocated,
            days_of_cover=None if p.covers_horizon else p.days_of_cover,
            stockout_date=p.stockout_date,
            weeks_of_stock=p.weeks_of_stock,
            below_safety_from=p.first_below_safety_stock,
        )
        for p in sorted(projections, key=lambda p: -p.on_hand)
    )
    stockouts = [line.stockout_date for line in lines if line.stockout_date is not None]
    orders = sum(
        quantity
        for where, quantity in orders_by_location.items()
        if location is None or where == location or (where == "" and location == main)
    )
    return StockStatus(
        sku=sku,
        name=product.name,
        family=product.family,
        unit=product.unit,
        safety_stock=float(product.safety_stock),
        on_hand=sum(line.on_hand for line in lines),
        allocated=sum(line.allocated for line in lines),
        available=sum(line.available for line in lines),
        locations=lines,
        open_orders=float(orders),
        next_receipt_date=as_date(receipt[0]) if receipt else None,
        next_receipt_quantity=float(receipt[1]) if receipt else 0.0,
        stockout_date=min(stockouts) if stockouts else None,
        provenance=provenance,
        unit_price=None if product.unit_price is None else float(product.unit_price),
    )


def group_stock(engine: Engine, group: ProductGroup, *, location: str | None = None) -> GroupStock:
    """Latest stock of every product in `group`, summed over locations (or at `location`)."""
    with engine.connect() as conn:
        group, products = members(conn, group)
        at = {} if location is None else {"location": location}
        stock = read_members(
            conn,
            "SELECT s.sku, s.location, s.as_of, s.on_hand, s.allocated FROM stock_level s "
            "JOIN product p ON p.sku = s.sku WHERE "
            + ("s.location = :location" if at else "1 = 1"),
            group,
            **at,
        )
    stock["as_of"] = pd.to_datetime(stock["as_of"]).dt.date
    latest = stock.sort_values("as_of").groupby(["sku", "location"], as_index=False).last()
    if location is not None:  # at one place, the products kept there
        products = products[products["sku"].isin(latest["sku"])]
    totals = latest.groupby("sku")[["on_hand", "allocated"]].sum()
    free = latest["on_hand"] - latest["allocated"]
    places = free.groupby(latest["location"]).sum()
    frame = products.set_index("sku").join(totals)
    price = pd.to_numeric(frame["unit_price"], errors="coerce")  # by sku
    worth = (free * latest["sku"].map(price)).groupby(latest["location"]).sum()
    for column in ("on_hand", "allocated"):  # a product without stock rows holds none
        frame[column] = pd.to_numeric(frame[column]).fillna(0.0)
    frame["available"] = frame["on_hand"] - frame["allocated"]
    frame["low"] = frame["available"] < frame["safety_stock"].astype(float)
    ranked = frame.sort_values(["available", "name"], ascending=[False, True], kind="stable")
    lines = tuple(
        GroupStockLine(
            sku=str(row["sku"]),
            name=str(row["name"]),
            on_hand=float(row["on_hand"]),
            allocated=float(row["allocated"]),
            available=float(row["available"]),
            below_safety_stock=bool(row["low"]),
        )
        for row in ranked.reset_index().to_dict("records")
    )
    return GroupStock(
        group=group,
        location=location,
        as_of=max(latest["as_of"]) if not latest.empty else None,
        products=len(frame),
        lines=lines[:TOP_LINES],
        on_hand=float(frame["on_hand"].sum()),
        allocated=float(frame["allocated"].sum()),
        available=float(frame["available"].sum()),
        below_safety_stock=tuple(sorted(str(s) for s in frame.index[frame["low"]])),
        by_location=tuple(
            (str(k), float(v)) for k, v in sorted(places.items(), key=lambda kv: -float(kv[1]))
        ),
        value_by_location=tuple((str(k), float(v)) for k, v in worth.items()),
        by_family=_by_family(frame),
        value=float((frame["available"] * price).sum()),
        unpriced=int(price.isna().sum()),
    )


def stock_at_places_added_up(stocks: list[StockStatus]) -> StockStatus:
    """One product's stock at several places asked together ("quanti gnocchi tra Bologna e
    Nola?"): on hand, allocated and available summed, every place's lines kept."""
    first = stocks[0]
    return replace(
        first,
        on_hand=float(sum(s.on_hand for s in stocks)),
        allocated=float(sum(s.allocated for s in stocks)),
        available=float(sum(s.available for s in stocks)),
        locations=tuple(place for s in stocks for place in s.locations),
        not_held_at=None,
    )


def stock_added_up(stocks: list[GroupStock]) -> GroupStock:
    """The stock of several groups that share no product ("moka + pentole in magazzino"):
    units, products and value summed, each place's too; no lines of its own."""

    def per_place(pairs: list[tuple[str, float]]) -> tuple[tuple[str, float], ...]:
        summed: dict[str, float] = {}
        for place, units in pairs:
            summed[place] = summed.get(place, 0.0) + units
        return tuple(sorted(summed.items(), key=lambda kv: -kv[1]))

    dates = [g.as_of for g in stocks if g.as_of is not None]
    return replace(
        stocks[0],
        group=ProductGroup(skus=tuple(line.sku for g in stocks for line in g.lines)),
        as_of=max(dates) if dates else None,
        products=sum(g.products for g in stocks),
        lines=(),
        on_hand=float(sum(g.on_hand for g in stocks)),
        allocated=float(sum(g.allocated for g in stocks)),
        available=float(sum(g.available for g in stocks)),
        below_safety_stock=tuple(sorted(s for g in stocks for s in g.below_safety_stock)),
        by_location=per_place([pair for g in stocks for pair in g.by_location]),
        by_family=(),
        value=float(sum(g.value for g in stocks)),
        unpriced=sum(g.unpriced for g in stocks),
        value_by_location=per_place([pair for g in stocks for pair in g.value_by_location]),
    )


def _by_family(frame: pd.DataFrame) -> tuple[tuple[str, int, float], ...]:
    """Products and available stock per family, when `frame`'s members span several."""
    families = frame["family"].fillna("").astype(str)
    if families.nunique() < 2:
        return ()
    per = frame.groupby(families).agg(products=("name", "size"), available=("available", "sum"))
    per = per.reset_index(names="family").sort_values(
        ["products", "available", "family"], ascending=[False, False, True]
    )
    return tuple(
        (str(f), int(n), float(a))
        for f, n, a in zip(per["family"], per["products"], per["available"], strict=True)
    )
