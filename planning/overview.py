"""The figures behind a person's home page and charts: weekly sales history, a rep's top
products, and the products nearest to running out."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, text

from planning.forecast.runs import canonical_sku
from planning.projection import InventoryProjection, week_monday
from planning.scan import scan_stock


def weekly_history(
    engine: Engine, sku: str, *, until: dt.date, weeks: int = 52, location: str | None = None
) -> pd.DataFrame:
    """Units sold per week (Monday, quantity) over the `weeks` whole weeks ending before the
    week of `until`, weeks without sales included as 0."""
    end = week_monday(until)
    start = end - dt.timedelta(weeks=weeks)
    where = "" if location is None else " AND location = :loc"
    with engine.connect() as conn:
        sku = canonical_sku(conn, sku)
        sales = pd.read_sql_query(
            text(
                "SELECT date, quantity FROM sales_actual "
                f"WHERE sku = :sku AND date >= :start AND date < :end{where}"
            ),
            conn,
            params={"sku": sku, "start": start, "end": end, "loc": location},
        )
    mondays = pd.date_range(pd.Timestamp(start), periods=weeks, freq="7D")
    if sales.empty:
        return pd.DataFrame({"week": mondays.date, "quantity": 0.0})
    days = pd.to_datetime(sales["date"])
    sales["week"] = days - pd.to_timedelta(days.dt.weekday, unit="D")
    weekly = sales.groupby("week")["quantity"].sum().reindex(mondays, fill_value=0.0)
    return pd.DataFrame({"week": mondays.date, "quantity": weekly.to_numpy(dtype=float)})


def top_products(
    engine: Engine, rep: str, *, today: dt.date, weeks: int = 13, limit: int = 5
) -> list[str]:
    """The SKUs `rep` sold most units of in the last `weeks` weeks, most first."""
    since = today - dt.timedelta(weeks=weeks)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT sku, sum(quantity) AS units FROM sales_actual "
                "WHERE rep = :rep AND date > :since AND date <= :today "
                "GROUP BY sku ORDER BY units DESC, sku LIMIT :limit"
            ),
            {"rep": rep, "since": since, "today": today, "limit": limit},
        ).all()
    return [str(r.sku) for r in rows]


def nearest_stockouts(
    engine: Engine, *, today: dt.date, weeks: int = 13, limit: int = 5
) -> list[InventoryProjection]:
    """The product-locations whose projected stock runs out first within `weeks` weeks
    (stockout date, then first week below safety stock), soonest first: from the projection
    of every product at once (planning.scan)."""
    scan = scan_stock(engine, today=today, weeks=weeks)
    return [scan.projection(int(row)) for row in scan.at_risk()["row"].head(limit)]
