"""Importing good files: what lands in the database, and what re-imports change."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import Engine

from tests.helpers import SMALL_COMPANY, rows, run_import, snapshot, without_audit, write_files


def test_a_folder_of_contract_files_imports_every_entity(engine: Engine, tmp_path: Path) -> None:
    summary = run_import(engine, write_files(tmp_path / "in", SMALL_COMPANY))

    inserted = {entity: counts.inserted for entity, counts in summary.counts.items()}
    assert inserted == {
        "products": 2,
        "locations": 2,
        "territories": 2,
        "people": 3,
        "stock": 2,
        "sales": 3,
        "capacity": 2,
        "receipts": 1,
        "open_orders": 1,
        "quotas": 2,
    }
    # Defaults from the contract fill blank optional cells.
    assert rows(
        engine, "SELECT sku, unit, lead_time_days, safety_stock FROM product ORDER BY sku"
    ) == [
        ("MOK-003", "pcs", 21, 100.0),
        ("PAD-28", "pcs", 14, 0.0),
    ]
    assert rows(engine, "SELECT slack_user_id, language FROM person ORDER BY 1") == [
        ("U01BIANCHI", "it"),
        ("U01COLOMBO", "en"),
        ("U01ROSSI", "it"),
    ]
    assert rows(engine, "SELECT sum(quantity), sum(revenue) FROM sales_actual") == [
        (730.0, 14180.5)
    ]
    audit = rows(engine, "SELECT actor, action FROM audit_log")
    assert audit == [("test", "import")]


def test_reimporting_the_same_files_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    folder = write_files(tmp_path / "in", SMALL_COMPANY)
    run_import(engine, folder)
    before = snapshot(engine)

    again = run_import(engine, folder)

    assert not again.changed
    assert all(c.inserted == c.updated == c.removed == 0 for c in again.counts.values())
    assert sum(c.unchanged for c in again.counts.values()) == sum(
        c.rows for c in again.counts.values()
    )
    after = snapshot(engine)
    # Only the audit log grows: the second import is recorded, the data is untouched.
    assert without_audit(after) == without_audit(before)
    assert len(after["audit_log"]) == 2


def test_sales_rows_sharing_a_key_are_summed_and_a_known_key_is_replaced(
    engine: Engine, tmp_path: Path
) -> None:
    run_import(engine, write_files(tmp_path / "base", SMALL_COMPANY))
    update = write_files(
        tmp_path / "update",
        {
            "sales.csv": """
                date,sku,quantity,location,territory,customer,rep,revenue
                2026-11-16,MOK-003,200,WH-MIL,NO,Casalinghi Colombo,U01ROSSI,4000
                2026-11-16,MOK-003,50,WH-MIL,NO,Casalinghi Colombo,U01ROSSI,1000
                2026-11-23,PAD-28,7,,,,,
                2026-11-23,PAD-28,3,,,,,
            """
        },
    )

    summary = run_import(engine, update)

    sales = summary.counts["sales"]
    assert (sales.rows, sales.inserted, sales.updated, sales.unchanged) == (2, 1, 1, 0)
    assert rows(
        engine,
        "SELECT date, quantity, revenue FROM sales_actual WHERE sku = 'MOK-003' ORDER BY date",
    )[-1][1:] == (250.0, 5000.0)
    blank_key = rows(
        engine, "SELECT quantity FROM sales_actual WHERE sku = 'PAD-28' AND rep = '' ORDER BY date"
    )
    assert blank_key == [(120.0,), (10.0,)]


def test_a_newer_stock_file_replaces_the_snapshot_for_its_date(
    engine: Engine, tmp_path: Path
) -> None:
    run_import(engine, write_files(tmp_path / "base", SMALL_COMPANY))
    corrected = write_files(
        tmp_path / "corrected",
        {
            "stock.csv": """
                sku,location,on_hand,allocated,as_of
                MOK-003,WH-MIL,1400,200,2026-11-26
            """
        },
    )
    newer = write_files(
        tmp_path / "newer",
        {
            "stock.csv": """
                sku,location,on_hand,allocated,as_of
                MOK-003,WH-MIL,1100,150,2026-11-27
                PAD-28,WH-MIL,280,0,2026-11-27
            """
        },
    )

    fix = run_import(engine, corrected).counts["stock"]
    assert (fix.updated, fix.removed) == (1, 1)
    assert rows(engine, "SELECT sku, on_hand FROM stock_level WHERE as_of = '2026-11-26'") == [
        ("MOK-003", 1400.0)
    ]
    run_import(engine, newer)
    assert (
        rows(engine, "SELECT as_of, count(*) FROM stock_level GROUP BY as_of ORDER BY as_of")[-1][1]
        == 2
    )


def test_a_changed_quota_target_becomes_a_new_version(engine: Engine, tmp_path: Path) -> None:
    run_import(engine, write_files(tmp_path / "base", SMALL_COMPANY))
    revised = write_files(
        tmp_path / "revised",
        {
            "quotas.csv": """
                period,rep,territory,family,target_units,target_revenue
                2026-Q4,U01ROSSI,,,9500,210000
                2026-Q4,,NO,MOKA,4000,
                2027-Q1,U01ROSSI,,,8000,
            """
        },
    )

    counts = run_import(engine, revised).counts["quotas"]

    assert (counts.inserted, counts.updated, counts.unchanged) == (1, 1, 1)
    versions = rows(
        engine,
        "SELECT period, version, target_units FROM quota WHERE rep = 'U01ROSSI' "
        "ORDER BY period, version",
    )
    assert versions == [("2026-Q4", 1, 9000.0), ("2026-Q4", 2, 9500.0), ("2027-Q1", 1, 8000.0)]


def test_master_data_changes_are_updates(engine: Engine, tmp_path: Path) -> None:
    run_import(engine, write_files(tmp_path / "base", SMALL_COMPANY))
    renamed = write_files(
        tmp_path / "renamed",
        {
            "products.csv": """
                sku,name,family,unit,unit_price,lead_time_days,safety_stock
                MOK-003,Moka Classica 3 tazze,MOKA,,26.50,21,100
            """
        },
    )
    counts = run_import(engine, renamed).counts["products"]
    assert (counts.updated, counts.unchanged) == (1, 0)
    assert rows(engine, "SELECT name, unit_price FROM product WHERE sku = 'MOK-003'") == [
        ("Moka Classica 3 tazze", 26.5)
    ]


def _xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, data in sheets.items():
        sheet = workbook.create_sheet(title)
        for line in data:
            sheet.append(line)
    workbook.save(path)
    return path


def test_excel_workbooks_import_by_sheet_name_or_file_name(engine: Engine, tmp_path: Path) -> None:
    import datetime as dt

    master = {k: v for k, v in SMALL_COMPANY.items() if k in {"locations.csv", "territories.csv"}}
    folder = write_files(tmp_path / "in", master)
    _xlsx(
        folder / "anagrafiche.xlsx",
        {
            "products": [
                ["sku", "name", "family", "unit_price"],
                ["MOK-003", "Moka 3 tazze", "MOKA", 24.9],
            ],
            "note": [["anything", "else"]],
        },
    )
    _xlsx(
        folder / "sales_2026.xlsx",
        {
            "Foglio1": [
                ["date", "sku", "quantity", "location"],
                [dt.datetime(2026, 11, 16), "MOK-003", 12, "WH-MIL"],
                [dt.date(2026, 11, 23), "MOK-003", 8.0, "WH-MIL"],
            ]
        },
    )

    summary = run_import(engine, folder)

    assert summary.counts["products"].inserted == 1
    assert rows(engine, "SELECT date, quantity FROM sales_actual ORDER BY date") in (
        [("2026-11-16", 12.0), ("2026-11-23", 8.0)],
        [(dt.date(2026, 11, 16), 12.0), (dt.date(2026, 11, 23), 8.0)],
    )


def test_references_may_point_at_rows_already_in_the_database(
    engine: Engine, tmp_path: Path
) -> None:
    run_import(engine, write_files(tmp_path / "base", SMALL_COMPANY))
    only_orders = write_files(
        tmp_path / "orders",
        {
            "open_orders.csv": """
                order_id,customer,sku,quantity,due_date,location,territory,rep
                SO-26002,Emporio Navigli,PAD-28,40,2026-12-11,WH-MIL,NO,U01ROSSI
            """
        },
    )
    assert run_import(engine, only_orders).counts["open_orders"].inserted == 1


def test_progress_is_reported_per_file_with_its_row_count(engine: Engine, tmp_path: Path) -> None:
    from planning.importer import import_files
    from tests.conftest import NOW

    folder = write_files(tmp_path / "in", SMALL_COMPANY)
    seen: list[tuple[str, int, int]] = []
    import_files(engine, [folder], now=NOW, actor="test", progress=lambda *a: seen.append(a))
    assert ("reading sales.csv", 3, 3) in seen
    assert ("writing sales", 3, 3) in seen


def test_two_imports_at_once_both_complete_and_agree(engine: Engine, tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    folder = write_files(tmp_path / "in", SMALL_COMPANY)
    with ThreadPoolExecutor(2) as pool:
        summaries = list(pool.map(lambda _: run_import(engine, folder), range(2)))

    # One of them inserted everything, the other found it all in place.
    inserted = sorted(sum(c.inserted for c in s.counts.values()) for s in summaries)
    assert inserted == [0, 20]
    assert rows(engine, "SELECT count(*) FROM sales_actual") == [(3,)]
    assert rows(engine, "SELECT count(*) FROM audit_log") == [(2,)]


def test_a_first_sales_file_and_a_file_larger_than_the_table_count_every_row(
    engine: Engine, tmp_path: Path
) -> None:
    """A company's first sales history goes into an empty table, and a later file may hold
    more rows than the table did: each row is counted once as new or changed, and stored
    (PostgreSQL compared every staged row against a fresh table by rescanning it, rows the
    same statement added included: a first import of 2.4M rows ran for hours)."""
    days = [f"2026-{month:02d}-{day:02d}" for month in (9, 10) for day in (5, 12, 19, 26)]
    header = "date,sku,quantity,location,territory,customer,rep,revenue"
    first = [f"{d},MOK-003,{10 + i},WH-MIL,NO,Casalinghi Colombo,U01ROSSI,{100 + i}"
             for i, d in enumerate(days)]  # fmt: skip
    base = dict(SMALL_COMPANY, **{"sales.csv": "\n".join([header, *first])})
    summary = run_import(engine, write_files(tmp_path / "base", base))
    assert (summary.counts["sales"].rows, summary.counts["sales"].inserted) == (8, 8)
    # More rows than the table holds: the eight again (two changed) and 200 new ones.
    changed = [f"{d},MOK-003,99,WH-MIL,NO,Casalinghi Colombo,U01ROSSI,990" for d in days[6:]]
    again = [*first[:6], *changed]
    new = [f"2026-11-{2 + i % 4 * 7:02d},PAD-28,{i + 1},WH-MIL,NO,Cliente {i},U01ROSSI,{i}"
           for i in range(200)]  # fmt: skip
    later = write_files(tmp_path / "later", {"sales.csv": "\n".join([header, *again, *new])})
    counts = run_import(engine, later).counts["sales"]
    assert (counts.rows, counts.inserted, counts.updated, counts.unchanged) == (208, 200, 2, 6)
    assert rows(engine, "SELECT count(*), sum(quantity) FROM sales_actual WHERE sku = 'PAD-28' "
                "AND customer LIKE 'Cliente %'") == [(200, sum(range(1, 201)))]  # fmt: skip
    stored = rows(engine, "SELECT quantity FROM sales_actual WHERE sku = 'MOK-003' "
                  "AND date >= '2026-10-19' ORDER BY date")  # fmt: skip
    assert stored == [(99.0,), (99.0,)]
