"""The public file contract: which files Ponte imports and what each column must hold.

One `FileSpec` per file kind, in dependency order (a file may only reference what comes
before it, or rows of its own kind for self-references such as a person's manager). The
README documents the same contract for people who prepare the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sqlmodel import SQLModel

from planning.models import (
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

ColumnKind = Literal["text", "int", "number", "date", "choice", "slack_user_id", "period"]
# What a column can point at: a set of known keys built from the database plus this import.
Reference = Literal["product", "location", "plant", "territory", "person", "family"]
DuplicatePolicy = Literal["reject", "sum"]


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: ColumnKind = "text"
    required: bool = False
    default: str | int | float | None = None
    minimum: float | None = None
    strictly_positive: bool = False
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
    example: dict[str, str] = field(default_factory=dict)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.name == name)


def _qty(name: str, *, required: bool = True, positive: bool = False) -> ColumnSpec:
    return ColumnSpec(name, "number", required=required, minimum=0, strictly_positive=positive)


FILES: tuple[FileSpec, ...] = (
    FileSpec(
        "products",
        Product,
        (
            ColumnSpec("sku", required=True),
            ColumnSpec("name", required=True),
            ColumnSpec("family", required=True),
            ColumnSpec("unit", default="pcs"),
            ColumnSpec("unit_price", "number", minimum=0),
            ColumnSpec("lead_time_days", "int", default=14, minimum=0),
            ColumnSpec("safety_stock", "number", default=0.0, minimum=0),
        ),
        key=("sku",),
        example={
            "sku": "MOK-003",
            "name": "Moka Classica 3 tazze",
            "family": "MOKA",
            "unit": "pcs",
            "unit_price": "24.90",
            "lead_time_days": "21",
            "safety_stock": "120",
        },
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
        example={
            "code": "PLT-LUM",
            "name": "Stabilimento Lumezzane",
            "kind": "plant",
            "region": "Lombardia",
        },
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
        example={"code": "NO", "name": "Nord-Ovest", "region": "Italia"},
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
        example={
            "slack_user_id": "U01ROSSI",
            "name": "Giulia Rossi",
            "role": "rep",
            "email": "giulia.rossi@officineponte.it",
            "manager_slack_user_id": "U01BIANCHI",
            "territory": "NO",
            "language": "it",
        },
    ),
    FileSpec(
        "stock",
        StockLevel,
        (
            ColumnSpec("sku", required=True, references="product"),
            ColumnSpec("location", required=True, references="location"),
            _qty("on_hand"),
            ColumnSpec("allocated", "number", default=0.0, minimum=0),
            ColumnSpec("as_of", "date", required=True),
        ),
        key=("sku", "location", "as_of"),
        example={
            "sku": "MOK-003",
            "location": "WH-MIL",
            "on_hand": "1450",
            "allocated": "200",
            "as_of": "2026-11-22",
        },
    ),
    FileSpec(
        "sales",
        SalesActual,
        (
            ColumnSpec("date", "date", required=True),
            ColumnSpec("sku", required=True, references="product"),
            _qty("quantity"),
            ColumnSpec("location", references="location"),
            ColumnSpec("territory", references="territory"),
            ColumnSpec("customer"),
            ColumnSpec("rep", "slack_user_id", references="person"),
            ColumnSpec("revenue", "number", minimum=0),
        ),
        key=("date", "sku", "location", "territory", "customer", "rep"),
        duplicates="sum",
        summed=("quantity", "revenue"),
        example={
            "date": "2026-11-16",
            "sku": "MOK-003",
            "quantity": "310",
            "location": "WH-MIL",
            "territory": "NO",
            "customer": "Casalinghi Colombo",
            "rep": "U01ROSSI",
            "revenue": "7180.50",
        },
    ),
    FileSpec(
        "capacity",
        Capacity,
        (
            ColumnSpec("plant", required=True, references="plant"),
            ColumnSpec("family", required=True, references="family"),
            ColumnSpec("start_date", "date", required=True),
            ColumnSpec("end_date", "date"),
            _qty("units_per_week"),
        ),
        key=("plant", "family", "start_date"),
        example={
            "plant": "PLT-LUM",
            "family": "MOKA",
            "start_date": "2023-11-20",
            "end_date": "",
            "units_per_week": "5200",
        },
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
        example={"sku": "MOK-003", "location": "WH-MIL", "date": "2026-12-07", "quantity": "900"},
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
        example={
            "order_id": "SO-26001",
            "customer": "Casalinghi Colombo",
            "sku": "MOK-003",
            "quantity": "120",
            "due_date": "2026-12-04",
            "location": "WH-MIL",
            "territory": "NO",
            "rep": "U01ROSSI",
        },
    ),
    FileSpec(
        "quotas",
        Quota,
        (
            ColumnSpec("period", "period", required=True),
            ColumnSpec("rep", "slack_user_id", references="person"),
            ColumnSpec("territory", references="territory"),
            ColumnSpec("family", references="family"),
            ColumnSpec("target_units", "number", minimum=0),
            ColumnSpec("target_revenue", "number", minimum=0),
        ),
        key=("period", "rep", "territory", "family"),
        example={
            "period": "2026-Q4",
            "rep": "U01ROSSI",
            "territory": "",
            "family": "",
            "target_units": "9000",
            "target_revenue": "210000",
        },
    ),
)

FILES_BY_ENTITY: dict[str, FileSpec] = {spec.entity: spec for spec in FILES}
ENTITY_ORDER: dict[str, int] = {spec.entity: i for i, spec in enumerate(FILES)}
