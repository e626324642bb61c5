"""Product facts from the product master: price, lead time, safety stock, minimum order,
family, and where the product is stocked, with the import they come from."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine, text

from planning.db import as_date
from planning.forecast.runs import canonical_sku

Fact = Literal["price", "lead_time", "safety_stock", "min_order", "family", "locations"]
FACTS: tuple[Fact, ...] = ("price", "lead_time", "safety_stock", "min_order", "family", "locations")


@dataclass(frozen=True)
class StockedAt:
    location: str
    location_name: str
    on_hand: float  # in the latest snapshot
    as_of: dt.date


@dataclass(frozen=True)
class ProductFacts:
    sku: str
    name: str
    family: str
    unit: str
    unit_price: float | None  # list price per unit; None: not in the product master
    lead_time_days: int
    safety_stock: float
    min_order_qty: float | None  # None: no minimum
    family_size: int  # products in the family
    stocked_at: tuple[StockedAt, ...]  # locations holding it in their latest snapshot
    asked: Fact | None  # the fact the question was about (shown first); None: all of them
    imported_at: dt.datetime | None  # the import that last brought the product master
    imported_by: str | None


def product_facts(engine: Engine, sku: str, *, asked: Fact | None = None) -> ProductFacts:
    """What the product master says about `sku`; PonteError(unknown_product) if nothing."""
    with engine.connect() as conn:
        sku = canonical_sku(conn, sku)
        product = conn.execute(
            text(
                "SELECT p.sku, p.name, p.family, p.unit, p.unit_price, p.lead_time_days, "
                "p.safety_stock, p.min_order_qty, "
                "(SELECT count(*) FROM product f WHERE f.family = p.family) AS family_size "
                "FROM product p WHERE p.sku = :sku"
            ),
            {"sku": sku},
        ).one()
        stocked = conn.execute(
            text(
                "SELECT s.location, l.name, s.on_hand, s.as_of FROM stock_level s "
                "JOIN location l ON l.code = s.location "
                "WHERE s.sku = :sku AND s.as_of = (SELECT max(t.as_of) FROM stock_level t "
                "WHERE t.sku = s.sku AND t.location = s.location) "
                "ORDER BY s.on_hand DESC, s.location"
            ),
            {"sku": sku},
        ).all()
        imports = conn.execute(
            text(
                "SELECT at, actor, details FROM audit_log WHERE action = 'import' ORDER BY id DESC"
            )
        )
        imported_at, imported_by = None, None
        for at, actor, details in imports:
            if "products" in json.loads(details).get("counts", {}):
                imported_at, imported_by = at, actor
                break
    if isinstance(imported_at, str):  # SQLite hands timestamps back as text
        imported_at = dt.datetime.fromisoformat(imported_at)
    return ProductFacts(
        sku=product.sku,
        name=product.name,
        family=product.family,
        unit=product.unit,
        unit_price=product.unit_price,
        lead_time_days=int(product.lead_time_days),
        safety_stock=float(product.safety_stock),
        min_order_qty=product.min_order_qty,
        family_size=int(product.family_size),
        stocked_at=tuple(
            StockedAt(row.location, row.name, float(row.on_hand), as_date(row.as_of) or dt.date.min)
            for row in stocked
            if row.on_hand > 0
        ),
        asked=asked,
        imported_at=imported_at,
        imported_by=imported_by,
    )
