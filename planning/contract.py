"""The public file contract: which files Ponte imports and what each column must hold.

One `FileSpec` per file kind, in dependency order (a file may only reference what comes
before it, or rows of its own kind for self-references such as a person's manager). The
README documents the same contract for people who prepare the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Table
from sqlmodel import SQLModel

from planning.models import (
    Capacity,
    CommissionTier,
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

ColumnKind = Literal["text", "int", "number", "date", "choice", "slack_user_id", "period", "flag"]
# How a yes/no column may be written (case-insensitive; blank is no).
FLAG_YES = ("yes", "y", "true", "1", "x", "si", "sì", "promo")
FLAG_NO = ("no", "n", "false", "0")
# What a column can point at: a set of known keys built from the database plus this import.
Reference = Literal["product", "location", "plant", "territory", "person", "family"]
DuplicatePolicy = Literal["reject", "sum"]
# What a file replaces besides its own keys: nothing; the snapshot for each of its `as_of`
# dates (stock); or the whole table (the order book and the production plan are extracts of
# what is open now: a shipped order or a received batch is simply no longer in the file).
Replaces = Literal["nothing", "as_of", "everything"]

# Upper bounds on what one row may say. Far above any real business (a billion units in one
# line, a trillion euros in one row or one target), and low enough that every sum Ponte
# makes over millions of rows stays exact in a float (below 2**53) and every lead time
# stays a date: one mistyped exponent (1e308) can no longer turn every plan into noise.
MAX_UNITS = 1_000_000_000
MAX_UNIT_PRICE = 1_000_000_000
MAX_MONEY = 1_000_000_000_000
MAX_TARGET_UNITS = 1_000_000_000_000
MAX_LEAD_TIME_DAYS = 3650
# Dates outside these years are typing mistakes (0202, 2202), never history or plans (an
# open end written 9999-12-31 excepted).
FIRST_YEAR, LAST_YEAR = 1900, 2199
OPEN_END = "9999-12-31"


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: ColumnKind = "text"
    required: bool = False
    default: str | int | float | None = None
    minimum: float | None = None
    strictly_positive: bool = False
    maximum: float | None = None
    not_future: bool = False  # a date that cannot lie after the day of the import
    open_end: bool = False  # a date where 9999-12-31 is the usual way to write "no end"
    choices: tuple[str, ...] = ()
    references: Reference | None = None


@dataclass(frozen=True)
class FileSpec:
    entity: str
    table: type[SQLModel]
    columns: tuple[ColumnSpec, ...]
    key: tuple[str, ...]
    duplicates: DuplicatePolicy = "reject"
    summed: tuple[str, ...] = ()
    replaces: Replaces = "nothing"

    @property
    def sql_table(self) -> Table:
        """The database table the file's rows land in."""
        table: Table = self.table.__table__  # type: ignore[attr-defined]
        return table

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.name == name)


def _qty(
    name: str, *, required: bool = True, positive: bool = False, default: float | None = None
) -> ColumnSpec:
    return ColumnSpec(
        name,
        "number",
        required=required,
        default=default,
        minimum=0,
        strictly_positive=positive,
        maximum=MAX_UNITS,
    )


def _amount(name: str, maximum: float = MAX_MONEY) -> ColumnSpec:
    return ColumnSpec(name, "number", minimum=0, maximum=maximum)


FILES: tuple[FileSpec, ...] = (
    FileSpec(
        "products",
        Product,
        (
            ColumnSpec("sku", required=True),
            ColumnSpec("name", required=True),
            ColumnSpec("family", required=True),
            ColumnSpec("unit", default="pcs"),
            _amount("unit_price", MAX_UNIT_PRICE),
            ColumnSpec("lead_time_days", "int", default=14, minimum=0, maximum=MAX_LEAD_TIME_DAYS),
            _qty("safety_stock", required=False, default=0.0),
            _qty("min_order_qty", required=False, positive=True),
            ColumnSpec("name_en"),
            ColumnSpec("aliases"),
        ),
        key=("sku",),
    ),
    FileSpec(
        "locations",
        Location,
        (
            ColumnSpec("code", required=True),
            ColumnSpec("name", required=True),
            ColumnSpec("kind", "choice", required=True, choices=("plant", "warehouse")),
            ColumnSpec("region"),
        ),
        key=("code",),
    ),
    FileSpec(
        "territories",
        Territory,
        (
            ColumnSpec("code", required=True),
            ColumnSpec("name", required=True),
            ColumnSpec("region"),
        ),
        key=("code",),
    ),
    FileSpec(
        "people",
        Person,
        (
            ColumnSpec("slack_user_id", "slack_user_id", required=True),
            ColumnSpec("name", required=True),
            ColumnSpec(
                "role",
                "choice",
                required=True,
                choices=("rep", "manager", "ops", "marketing", "admin"),
            ),
            ColumnSpec("email"),
            ColumnSpec("manager_slack_user_id", "slack_user_id", references="person"),
            ColumnSpec("territory", references="territory"),
            ColumnSpec("language", "choice", default="en", choices=("en", "it")),
        ),
        key=("slack_user_id",),
    ),
    FileSpec(
        "stock",
        StockLevel,
        (
            ColumnSpec("sku", required=True, references="product"),
            ColumnSpec("location", required=True, references="location"),
            _qty("on_hand"),
            _qty("allocated", required=False, default=0.0),
            ColumnSpec("as_of", "date", required=True, not_future=True),
        ),
        key=("sku", "location", "as_of"),
        replaces="as_of",
    ),
    FileSpec(
        "sales",
        SalesActual,
        (
            ColumnSpec("date", "date", required=True, not_future=True),
            ColumnSpec("sku", required=True, references="product"),
            _qty("quantity"),
            ColumnSpec("location", references="location"),
            ColumnSpec("territory", references="territory"),
            ColumnSpec("customer"),
            ColumnSpec("rep", "slack_user_id", references="person"),
            _amount("revenue"),
            # A promotion (a volantino, a discount week): the forecast does not repeat it.
            ColumnSpec("promo", "flag"),
        ),
        key=("date", "sku", "location", "territory", "customer", "rep"),
        duplicates="sum",
        summed=("quantity", "revenue"),
    ),
    FileSpec(
        "capacity",
        Capacity,
        (
            ColumnSpec("plant", required=True, references="plant"),
            ColumnSpec("family", required=True, references="family"),
            ColumnSpec("start_date", "date", required=True),
            ColumnSpec("end_date", "date", open_end=True),
            _qty("units_per_week"),
        ),
        key=("plant", "family", "start_date"),
    ),
    FileSpec(
        "receipts",
        PlannedReceipt,
        (
            ColumnSpec("sku", required=True, references="product"),
            ColumnSpec("location", required=True, references="location"),
            ColumnSpec("date", "date", required=True),
            _qty("quantity", positive=True),
        ),
        key=("sku", "location", "date"),
        replaces="everything",
    ),
    FileSpec(
        "open_orders",
        OpenOrder,
        (
            ColumnSpec("order_id", required=True),
            ColumnSpec("customer", required=True),
            ColumnSpec("sku", required=True, references="product"),
            _qty("quantity", positive=True),
            ColumnSpec("due_date", "date", required=True),
            ColumnSpec("location", references="location"),
            ColumnSpec("territory", references="territory"),
            ColumnSpec("rep", "slack_user_id", references="person"),
        ),
        key=("order_id",),
        replaces="everything",
    ),
    FileSpec(
        "quotas",
        Quota,
        (
            ColumnSpec("period", "period", required=True),
            ColumnSpec("rep", "slack_user_id", references="person"),
            ColumnSpec("territory", references="territory"),
            ColumnSpec("family", references="family"),
            _amount("target_units", MAX_TARGET_UNITS),
            _amount("target_revenue"),
        ),
        key=("period", "rep", "territory", "family"),
    ),
    FileSpec(
        "commission_plans",
        CommissionTier,
        (
            ColumnSpec("person", "slack_user_id", references="person"),
            ColumnSpec("role", "choice", choices=("rep", "manager", "ops", "marketing", "admin")),
            ColumnSpec("from_attainment_pct", "number", required=True, minimum=0, maximum=1000),
            ColumnSpec("rate_pct", "number", required=True, minimum=0, maximum=100),
            ColumnSpec("bonus", "number", default=0.0, minimum=0, maximum=MAX_MONEY),
        ),
        key=("person", "role", "from_attainment_pct"),
        replaces="everything",
    ),
)

FILES_BY_ENTITY: dict[str, FileSpec] = {spec.entity: spec for spec in FILES}
ENTITY_ORDER: dict[str, int] = {spec.entity: i for i, spec in enumerate(FILES)}
