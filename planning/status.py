"""What is loaded: counts, date ranges and how fresh the data is, for `ponte status`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from planning.db import as_date, as_utc
from planning.models import (
    AuditEntry,
    Capacity,
    Location,
    OpenOrder,
    Person,
    PlannedReceipt,
    Product,
    Quota,
    SalesActual,
    StockLevel,
    Territory,
)

# Beyond this age the data is called stale: a week of sales missing skews every forecast.
STALE_AFTER_DAYS = 14


@dataclass(frozen=True)
class EntityStatus:
    entity: str
    rows: int
    first: dt.date | None = None
    last: dt.date | None = None
    # What the rows hold, counted: {"families": 5}, {"plant": 2, "warehouse": 1}, roles.
    breakdown: dict[str, int] = field(default_factory=dict)
    periods: tuple[str, ...] = ()  # quotas: the periods they cover


@dataclass(frozen=True)
class StatusWarning:
    code: str  # no_data, stale_sales, stale_stock
    days: int | None = None  # how old the data is


@dataclass(frozen=True)
class DataStatus:
    today: dt.date
    entities: list[EntityStatus]
    last_import_at: dt.datetime | None
    sales_age_days: int | None
    stock_age_days: int | None
    warnings: list[StatusWarning] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return all(e.rows == 0 for e in self.entities)


def data_status(engine: Engine, *, today: dt.date) -> DataStatus:
    """Summarise the database as seen on `today`."""
    with Session(engine) as session:

        def count(model: type, *where: object) -> int:
            statement = select(func.count()).select_from(model)
            for clause in where:
                statement = statement.where(clause)  # type: ignore[arg-type]
            return int(session.exec(statement).one())

        def span(column: object) -> tuple[dt.date | None, dt.date | None]:
            first, last = session.exec(select(func.min(column), func.max(column))).one()
            return as_date(first), as_date(last)

        families = session.exec(select(func.count(func.distinct(Product.family)))).one()
        plants = count(Location, col(Location.kind) == "plant")
        roles = session.exec(
            select(Person.role, func.count()).group_by(Person.role).order_by(Person.role)
        ).all()
        quota_keys = (
            select(Quota.period, Quota.rep, Quota.territory, Quota.family).distinct().subquery()
        )
        periods = session.exec(select(Quota.period).distinct().order_by(Quota.period)).all()
        last_import = session.exec(
            select(func.max(AuditEntry.at)).where(AuditEntry.action == "import")
        ).one()
        sales_first, sales_last = span(SalesActual.date)
        stock_first, stock_last = span(StockLevel.as_of)
        entities = [
            EntityStatus("products", count(Product), breakdown={"families": int(families)}),
            EntityStatus(
                "locations",
                count(Location),
                breakdown={"plant": plants, "warehouse": count(Location) - plants},
            ),
            EntityStatus("territories", count(Territory)),
            EntityStatus("people", count(Person), breakdown={str(r): int(n) for r, n in roles}),
            EntityStatus("stock", count(StockLevel), stock_first, stock_last),
            EntityStatus("sales", count(SalesActual), sales_first, sales_last),
            EntityStatus("capacity", count(Capacity), *span(Capacity.start_date)),
            EntityStatus("receipts", count(PlannedReceipt), *span(PlannedReceipt.date)),
            EntityStatus("open_orders", count(OpenOrder), *span(OpenOrder.due_date)),
            EntityStatus(
                "quotas",
                int(session.exec(select(func.count()).select_from(quota_keys)).one()),
                periods=tuple(periods),
            ),
        ]
    sales_age = (today - sales_last).days if sales_last else None
    stock_age = (today - stock_last).days if stock_last else None
    warnings = []
    if all(e.rows == 0 for e in entities):
        warnings.append(StatusWarning("no_data"))
    if sales_age is not None and sales_age > STALE_AFTER_DAYS:
        warnings.append(StatusWarning("stale_sales", sales_age))
    if stock_age is not None and stock_age > STALE_AFTER_DAYS:
        warnings.append(StatusWarning("stale_stock", stock_age))
    return DataStatus(
        today=today,
        entities=entities,
        last_import_at=as_utc(last_import),
        sales_age_days=sales_age,
        stock_age_days=stock_age,
        warnings=warnings,
    )
