"""Files as people really make them: split across files, re-sent, edited in Excel."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine

from tests.helpers import rejected_lines, rows, run_import, write_files


def test_sales_split_across_two_files_import_together(loaded: Engine, tmp_path: Path) -> None:
    folder = write_files(
        tmp_path / "split",
        {
            "sales_north.csv": "date,sku,quantity,territory\n2026-11-23,MOK-003,5,NO\n",
            "sales_south.csv": "date,sku,quantity,territory\n2026-11-23,MOK-003,7,SU\n",
        },
    )
    counts = run_import(loaded, folder).counts["sales"]
    assert (counts.rows, counts.inserted) == (2, 2)


def test_the_same_key_in_two_files_is_rejected(loaded: Engine, tmp_path: Path) -> None:
    folder = write_files(
        tmp_path / "twice",
        {
            "products_a.csv": "sku,name,family\nNEW-1,One,MOKA\n",
            "products_b.csv": "sku,name,family\nNEW-1,Uno,MOKA\n",
        },
    )
    assert rejected_lines(loaded, folder) == [
        "products_b.csv:2:sku: duplicate key sku='NEW-1' (also in products_a.csv row 2)"
    ]


def test_the_same_file_given_twice_is_read_once(loaded: Engine, tmp_path: Path) -> None:
    folder = write_files(tmp_path / "once", {"territories.csv": "code,name\nCE,Centro\n"})
    summary = run_import(loaded, folder / "territories.csv", folder)
    assert summary.counts["territories"].rows == 1


def test_a_stock_snapshot_split_across_files_keeps_every_line(
    loaded: Engine, tmp_path: Path
) -> None:
    folder = write_files(
        tmp_path / "stock",
        {
            "stock_milano.csv": "sku,location,on_hand,as_of\nMOK-003,WH-MIL,10,2026-11-27\n",
            "stock_plant.csv": "sku,location,on_hand,as_of\nPAD-28,PLT-LUM,20,2026-11-27\n",
        },
    )
    counts = run_import(loaded, folder).counts["stock"]
    assert (counts.inserted, counts.removed) == (2, 0)
    assert rows(loaded, "SELECT count(*) FROM stock_level WHERE as_of = '2026-11-27'") == [(2,)]


def test_a_new_manager_further_down_the_same_file(loaded: Engine, tmp_path: Path) -> None:
    folder = write_files(
        tmp_path / "people",
        {
            "people.csv": """
                slack_user_id,name,role,manager_slack_user_id,territory
                U01ROSSI,Giulia Rossi,rep,U01NEWBOSS,NO
                U01NEWBOSS,Nuovo Capo,manager,,
            """
        },
    )
    counts = run_import(loaded, folder).counts["people"]
    assert (counts.inserted, counts.updated) == (1, 1)
    assert rows(
        loaded, "SELECT manager_slack_user_id FROM person WHERE slack_user_id = 'U01ROSSI'"
    ) == [("U01NEWBOSS",)]


def test_a_person_cannot_manage_themselves_even_round_a_loop(
    loaded: Engine, tmp_path: Path
) -> None:
    folder = write_files(
        tmp_path / "loops",
        {
            "people.csv": """
                slack_user_id,name,role,manager_slack_user_id
                U02SELF,Self Made,manager,U02SELF
                U01BIANCHI,Paolo Bianchi,manager,U01ROSSI
            """
        },
    )
    assert rejected_lines(loaded, folder) == [
        "people.csv:2:manager_slack_user_id: a person cannot be their own manager",
        "people.csv:3:manager_slack_user_id: the manager chain loops back "
        "(U01BIANCHI → U01ROSSI → U01BIANCHI)",
    ]


def test_overlapping_capacity_periods_are_rejected(loaded: Engine, tmp_path: Path) -> None:
    folder = write_files(
        tmp_path / "overlap",
        {
            "capacity.csv": """
                plant,family,start_date,end_date,units_per_week
                PLT-LUM,MOKA,2026-06-01,2026-12-31,1000
            """
        },
    )
    assert rejected_lines(loaded, folder) == [
        "capacity.csv:2:start_date: capacity for PLT-LUM/MOKA overlaps the period starting "
        "2026-01-05 (the database)"
    ]


def test_a_header_only_file_is_still_checked(loaded: Engine, tmp_path: Path) -> None:
    typo = write_files(tmp_path / "typo", {"products.csv": "sku,nmae,family\n"})
    assert "products.csv:1:name: missing required column" in rejected_lines(loaded, typo)
    empty = write_files(tmp_path / "empty", {"products.csv": "sku,name,family\n"})
    assert run_import(loaded, empty).counts["products"].rows == 0


def test_a_column_named_twice_is_rejected(loaded: Engine, tmp_path: Path) -> None:
    folder = write_files(tmp_path / "dup", {"products.csv": "sku,name,family,sku\nX1,A,F,X2\n"})
    assert rejected_lines(loaded, folder) == [
        "products.csv:1:sku: column appears more than once in the header"
    ]


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("inf", "'inf' is not a number"),
        ("NaN", "'NaN' is not a number"),
        ("99999999999999999999", "'99999999999999999999' is too large"),
    ],
)
def test_numbers_that_are_no_quantity(
    loaded: Engine, tmp_path: Path, cell: str, reason: str
) -> None:
    folder = write_files(
        tmp_path / "n", {"products.csv": f"sku,name,family,lead_time_days\nX1,A,MOKA,{cell}\n"}
    )
    assert rejected_lines(loaded, folder) == [f"products.csv:2:lead_time_days: {reason}"]


def test_text_longer_than_the_database_allows(loaded: Engine, tmp_path: Path) -> None:
    folder = write_files(tmp_path / "long", {"territories.csv": f"code,name\nXL,{'x' * 300}\n"})
    (line,) = rejected_lines(loaded, folder)
    assert line.startswith("territories.csv:2:name: ") and "is longer than 200 characters" in line


def test_line_numbers_stay_true_across_blank_lines_crlf_and_bom(
    loaded: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "messy"
    folder.mkdir()
    text = "code,name\r\nCE,Centro\r\n\r\n,\r\n\r\nIS,\r\n"
    (folder / "territories.csv").write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert rejected_lines(loaded, folder) == ["territories.csv:6:name: required value is missing"]


def test_comma_only_rows_are_skipped(loaded: Engine, tmp_path: Path) -> None:
    folder = write_files(tmp_path / "commas", {"territories.csv": "code,name\nCE,Centro\n,\n"})
    assert run_import(loaded, folder).counts["territories"].rows == 1


def test_a_value_beyond_the_named_columns_is_rejected(loaded: Engine, tmp_path: Path) -> None:
    folder = write_files(
        tmp_path / "extra", {"territories.csv": "code,name,\nCE,Centro,\nIS,Isole,oops\n"}
    )
    assert rejected_lines(loaded, folder) == [
        "territories.csv:3:-: a value lies beyond the last named column "
        "(name the column or delete the value)"
    ]


def test_invalid_dates_do_not_invent_duplicate_keys(loaded: Engine, tmp_path: Path) -> None:
    body = "sku,location,date,quantity\n" + "MOK-003,WH-MIL,2026-02-30,5\n" * 3
    lines = rejected_lines(loaded, write_files(tmp_path / "d", {"receipts.csv": body}))
    assert all("is not a date" in line for line in lines) and len(lines) == 3


def test_far_future_dates_are_dates(loaded: Engine, tmp_path: Path) -> None:
    folder = write_files(
        tmp_path / "far",
        {
            "capacity.csv": "plant,family,start_date,end_date,units_per_week\n"
            "PLT-LUM,PADELLE,2027-01-04,9999-12-31,100\n"
        },
    )
    assert run_import(loaded, folder).counts["capacity"].inserted == 1


def test_the_order_book_is_replaced_by_a_newer_extract(loaded: Engine, tmp_path: Path) -> None:
    folder = write_files(
        tmp_path / "orders",
        {
            "open_orders.csv": """
                order_id,customer,sku,quantity,due_date
                SO-26002,Emporio Navigli,PAD-28,40,2026-12-11
            """
        },
    )
    counts = run_import(loaded, folder).counts["open_orders"]
    # SO-26001 shipped: it is no longer in the extract, so it is no longer open.
    assert (counts.inserted, counts.removed) == (1, 1)
    assert rows(loaded, "SELECT order_id FROM open_order") == [("SO-26002",)]


def _workbook(path: Path, sheet: list[list[object]]) -> Path:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = "products"
    for line in sheet:
        worksheet.append(line)
    workbook.save(path)
    return path


def test_excel_formulas_without_a_saved_value_are_rejected(loaded: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "xl"
    folder.mkdir()
    _workbook(
        folder / "products.xlsx",
        [["sku", "name", "family", "unit_price"], ["X1", "Thing", "MOKA", "=2*3"]],
    )
    assert rejected_lines(loaded, folder) == [
        "products.xlsx[products]:2:-: cell in column 'unit_price' holds a formula with no "
        "saved value (open the file in Excel and save it)"
    ]


def test_excel_duplicate_headers_and_stray_cells_are_rejected(
    loaded: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "xl"
    folder.mkdir()
    _workbook(folder / "products.xlsx", [["sku", "name", "family", "sku"], ["X1", "A", "F", "X2"]])
    assert rejected_lines(loaded, folder) == [
        "products.xlsx[products]:1:sku: column appears more than once in the header"
    ]
    _workbook(folder / "products.xlsx", [["sku", "name", "family"], ["X1", "A", "MOKA", "oops"]])
    assert rejected_lines(loaded, folder) == [
        "products.xlsx[products]:2:-: a value lies beyond the last named column "
        "(name the column or delete the value)"
    ]
