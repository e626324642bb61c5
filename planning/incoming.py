"""What is due to arrive: the planned receipts (purchase and production orders, receipts.csv)
of a product, a family or everything, at a location, within a period ("cosa arriva a Verona a
dicembre?", "quanto arriva di padelle entro fine anno?")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine

from planning.errors import PonteError
from planning.groups import ProductGroup, members, read_members
from planning.projection import week_monday
from planning.quotas import period_bounds
from planning.supply import inventory_projection

# Receipts listed one by one; the totals count them all.
RECEIPT_ROWS = 20


@dataclass(frozen=True)
class Receipt:
    day: dt.date
    sku: str
    name: str
    location: str
    units: float


@dataclass(frozen=True)
class UntilArrival:
    """One product's stock where its next receipt lands, up to that receipt ("quando
    arrivano le catene 12v? ho ordini a gennaio": does what is there last until then?)."""

    location: str
    day: dt.date  # the receipt's day
    available: float  # on hand less allocated, now
    orders_due: float  # open orders due there in the weeks before the receipt's week
    runs_out: dt.date | None  # at the forecast's pace, when before the receipt


@dataclass(frozen=True)
class Incoming:
    group: ProductGroup
    location: str | None
    period: str | None  # as asked (YYYY-MM, YYYY-Qn, YYYY or a span); None: all still due
    first: dt.date  # the days looked at, today at the earliest
    last: dt.date | None  # None: every receipt planned
    count: int  # receipts in all
    units: float
    value: float | None  # at list price; None when no receipt has a price
    receipts: tuple[Receipt, ...]  # the first RECEIPT_ROWS, soonest first
    by_location: tuple[tuple[str, float], ...]  # units per location, most first
    products: int  # products receiving any
    late: int = 0  # receipts past their day and still planned (listed first, counted in)
    late_units: float = 0.0
    soonest: dt.date | None = None  # the first receipt's day
    latest: dt.date | None = None  # the last receipt's day
    # Members of a family or list with nothing arriving in the period, with their next
    # receipt after it (None: none planned); not listed for everything
    without: tuple[tuple[str, dt.date | None], ...] = ()
    until_then: UntilArrival | None = None  # one product asked: its stock up to the receipt


def incoming(
    engine: Engine,
    group: ProductGroup,
    *,
    today: dt.date,
    location: str | None = None,
    period: str | None = None,
) -> Incoming:
    """The planned receipts of `group`'s products (at `location`) due from today (or the
    period's first day, when later) to the period's last day (or whenever, without one).
    A period gone by holds none: receipts are plans, and the stock file already has what
    arrived."""
    first, last = today, None
    if period is not None:
        start, end = period_bounds(period)  # a bad period is the user's error: said as such
        first, last = max(start, today), end
    # From today, a receipt past its day and still planned is late, not gone: projections
    # count it as arriving in the first week, and so does this list.
    sql = (
        "SELECT r.date, r.sku, p.name, r.location, r.quantity, p.unit_price "
        "FROM planned_receipt r JOIN product p ON p.sku = r.sku WHERE r.date >= :first"
    )
    params: dict[str, object] = {"first": first if first > today else dt.date.min}
    if last is not None:
        sql += " AND r.date <= :last"
        params["last"] = last
    if location is not None:
        sql += " AND r.location = :location"
        params["location"] = location
    with engine.connect() as conn:
        group, products = members(conn, group)  # the family as the catalogue spells it
        frame = read_members(conn, sql, group, **params)
        later: dict[str, dt.date] = {}
        if not group.everything and last is not None:  # what each member gets afterwards
            after = read_members(
                conn,
                "SELECT r.sku, r.date FROM planned_receipt r JOIN product p ON p.sku = r.sku "
                "WHERE r.date > :last"
                + (" AND r.location = :location" if location is not None else ""),
                group,
                last=last,
                **({"location": location} if location is not None else {}),
            )
            for sku, day in after.itertuples(index=False):
                day = dt.date.fromisoformat(str(day)[:10])
                later[str(sku)] = min(day, later.get(str(sku), day))
    frame["date"] = [dt.date.fromisoformat(str(d)[:10]) for d in frame["date"]]
    frame = frame.sort_values(["date", "sku", "location"], kind="stable")
    priced = frame["unit_price"].notna()
    worth = (frame["quantity"] * frame["unit_price"])[priced]
    places = frame.groupby("location")["quantity"].sum().sort_values(ascending=False)
    arriving = set(frame["sku"].astype(str))  # members with something in the period
    until_then = None
    if len(group.skus) == 1 and len(frame) and frame["date"].iloc[0] >= today:
        first_receipt = frame.iloc[0]
        until_then = _until(engine, str(first_receipt["sku"]), str(first_receipt["location"]),
                            first_receipt["date"], today)  # fmt: skip
    return Incoming(
        group=group,
        location=location,
        period=period,
        first=first,
        last=last,
        count=len(frame),
        units=float(frame["quantity"].sum()),
        value=float(worth.sum()) if priced.any() else None,
        receipts=tuple(
            Receipt(day, str(sku), str(name), str(place), float(units))
            for day, sku, name, place, units in frame[
                ["date", "sku", "name", "location", "quantity"]
            ]
            .head(RECEIPT_ROWS)
            .itertuples(index=False)
        ),
        by_location=tuple((str(k), float(v)) for k, v in places.items()),
        products=int(frame["sku"].nunique()),
        late=int((frame["date"] < today).sum()),
        late_units=float(frame.loc[frame["date"] < today, "quantity"].sum()),
        soonest=frame["date"].min() if len(frame) else None,
        latest=frame["date"].max() if len(frame) else None,
        until_then=until_then,
        without=tuple(
            (str(sku), later.get(str(sku)))
            for sku in ([] if group.everything else products["sku"])
            if str(sku) not in arriving
        ),
    )


def _until(engine: Engine, sku: str, location: str, day: dt.date, today: dt.date) -> UntilArrival:
    """`sku`'s stock at `location` from today to its receipt on `day`, at the forecast's
    pace (planning.supply.inventory_projection; no weekly forecast: the stock alone)."""
    weeks = max(1, (week_monday(day) - week_monday(today)).days // 7 + 1)
    try:
        (projection,), _ = inventory_projection(engine, sku, today=today, weeks=weeks,
                                                location=location)  # fmt: skip
    except PonteError:  # no stock record there: nothing to last until then
        return UntilArrival(location, day, 0.0, 0.0, None)
    before = [w for w in projection.weeks if w.week < week_monday(day)]
    runs_out = projection.stockout_date
    return UntilArrival(
        location,
        day,
        available=max(0.0, projection.on_hand - projection.allocated),
        orders_due=sum(w.open_orders for w in before),
        runs_out=runs_out if runs_out is not None and runs_out < day else None,
    )
