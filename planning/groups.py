"""Products asked about together: a family ("pentole"), the products some words fit ("the 6
cup mokas", "PAD-24 vs PAD-28"), or the whole catalogue ("stock totale").

Stock, forecasts and projections of a group are computed from its members in one pass and
answered as a total with the largest contributors, so a question about many products is one
answer, not a question back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Connection, bindparam, text

from planning.catalogue import canonical_family, families
from planning.errors import PonteError

# How many products a group answer lists (the totals count every member).
TOP_LINES = 12


@dataclass(frozen=True)
class ProductGroup:
    family: str | None = None
    skus: tuple[str, ...] = ()  # the products named, when the group is a list of them

    @property
    def everything(self) -> bool:
        return self.family is None and not self.skus


def members(conn: Connection, group: ProductGroup) -> tuple[ProductGroup, pd.DataFrame]:
    """The group with its family spelt as the catalogue does, and its products (sku, name,
    family, safety_stock, unit_price), ordered by sku. An unknown family is a PonteError."""
    sql = "SELECT sku, name, family, safety_stock, unit_price FROM product"
    params: dict[str, Any] = {}
    if group.family is not None:
        group = ProductGroup(family=canonical_family(families(conn), group.family))
        sql += " WHERE family = :family"
        params["family"] = group.family
    elif group.skus:
        sql += " WHERE sku IN :skus"
        params["skus"] = list(group.skus)
    query = text(sql + " ORDER BY sku")
    if group.skus:
        query = query.bindparams(bindparam("skus", expanding=True))
    frame = pd.read_sql_query(query, conn, params=params)
    if frame.empty:
        raise PonteError("no products in this group", code="empty_group")
    return group, frame


def read_members(conn: Connection, sql: str, group: ProductGroup, **params: Any) -> pd.DataFrame:
    """Rows of `sql` (a query joining the product table as `p`, ending in a WHERE clause)
    for the group's members only; `params` fill the query's own parameters."""
    where = ""
    if group.family is not None:
        where, params["family"] = " AND p.family = :family", group.family
    elif group.skus:
        where, params["skus"] = " AND p.sku IN :skus", list(group.skus)
    query = text(sql + where)
    if group.skus and group.family is None:
        query = query.bindparams(bindparam("skus", expanding=True))
    return pd.read_sql_query(query, conn, params=params)
