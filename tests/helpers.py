"""Small builders for import tests: a tiny valid company as CSV text, and DB snapshots."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from planning.importer import ImportSummary, import_files
from planning.problems import ImportRejected
from tests.conftest import NOW

# A tiny but complete company: every contract file, every reference resolvable.
SMALL_COMPANY: dict[str, str] = {
    "products.csv": """
        sku,name,family,unit,unit_price,lead_time_days,safety_stock
        MOK-003,Moka 3 tazze,MOKA,,24.90,21,100
        PAD-28,Padella 28 cm,PADELLE,pcs,29.90,,
    """,
    "locations.csv": """
        code,name,kind,region
        WH-MIL,Magazzino Milano,warehouse,Lombardia
        PLT-LUM,Stabilimento Lumezzane,plant,Lombardia
    """,
    "territories.csv": """
        code,name,region
        NO,Nord-Ovest,Italia
        SU,Sud,Italia
    """,
    "people.csv": """
        slack_user_id,name,role,email,manager_slack_user_id,territory,language
        U01ROSSI,Giulia Rossi,rep,giulia@example.it,U01BIANCHI,NO,it
        U01BIANCHI,Paolo Bianchi,manager,,,,it
        U01COLOMBO,Sara Colombo,ops,,,,
    """,
    "stock.csv": """
        sku,location,on_hand,allocated,as_of
        MOK-003,WH-MIL,1450,200,2026-11-26
        PAD-28,WH-MIL,300,,2026-11-26
    """,
    "sales.csv": """
        date,sku,quantity,location,territory,customer,rep,revenue
        2026-11-09,MOK-003,300,WH-MIL,NO,Casalinghi Colombo,U01ROSSI,7000
        2026-11-16,MOK-003,310,WH-MIL,NO,Casalinghi Colombo,U01ROSSI,7180.50
        2026-11-16,PAD-28,120,,,,,
    """,
    "capacity.csv": """
        plant,family,start_date,end_date,units_per_week
        PLT-LUM,MOKA,2026-01-05,,5200
        PLT-LUM,PADELLE,2026-01-05,2026-12-31,800
    """,
    "receipts.csv": """
        sku,location,date,quantity
        MOK-003,WH-MIL,2026-12-07,900
    """,
    "open_orders.csv": """
        order_id,customer,sku,quantity,due_date,location,territory,rep
        SO-26001,Casalinghi Colombo,MOK-003,120,2026-12-04,WH-MIL,NO,U01ROSSI
    """,
    "quotas.csv": """
        period,rep,territory,family,target_units,target_revenue
        2026-Q4,U01ROSSI,,,9000,210000
        2026-Q4,,NO,MOKA,4000,
    """,
}


def write_files(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        (folder / name).write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    return folder


def run_import(engine: Engine, *paths: Path) -> ImportSummary:
    return import_files(engine, list(paths), now=NOW, actor="test")


TABLES = (
    "product",
    "location",
    "territory",
    "person",
    "stock_level",
    "sales_actual",
    "capacity",
    "planned_receipt",
    "open_order",
    "quota",
    "audit_log",
)


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove an operation changed nothing."""
    with engine.connect() as conn:
        return {
            table: sorted(tuple(row) for row in conn.execute(text(f"SELECT * FROM {table}")))
            for table in TABLES
        }


def without_audit(state: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
    """A snapshot's data tables: what an import must not touch when nothing changed."""
    return {table: content for table, content in state.items() if table != "audit_log"}


def rows(engine: Engine, sql: str) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def rejected_lines(engine: Engine, folder: Path) -> list[str]:
    """Import `folder`, expect a rejection, check nothing changed; the problem lines."""
    before = snapshot(engine)
    with pytest.raises(ImportRejected) as caught:
        run_import(engine, folder)
    assert snapshot(engine) == before, "a rejected import must not change the database"
    return caught.value.lines()


def block_texts(payload: object, kind: str | None = None) -> list[str]:
    """Every text in a Block Kit payload, in order (what a reader of the message sees); only
    the text objects of one `kind` ("mrkdwn", "plain_text") when given."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("text"), str) and kind in (None, value.get("type")):
                found.append(value["text"])
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(payload)
    return found
