"""Bad imports: every problem is listed as file:row:column: reason, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.helpers import rejected_lines, write_files

BAD_FILES: list[tuple[str, dict[str, str], str]] = [
    (
        "missing required column",
        {"products.csv": "sku,name\nX-1,Thing\n"},
        "products.csv:1:family: missing required column",
    ),
    (
        "unknown column (a typo would drop data)",
        {"territories.csv": "code,name,regoin\nNE,Nord-Est,Italia\n"},
        "territories.csv:1:regoin: unknown column (expected: code, name, region)",
    ),
    (
        "required value blank",
        {"territories.csv": "code,name\nNE,\n"},
        "territories.csv:2:name: required value is missing",
    ),
    (
        "not a number",
        {"stock.csv": "sku,location,on_hand,as_of\nMOK-003,WH-MIL,lots,2026-11-27\n"},
        "stock.csv:2:on_hand: 'lots' is not a number",
    ),
    (
        "negative quantity",
        {"sales.csv": "date,sku,quantity\n2026-11-16,MOK-003,-4\n"},
        "sales.csv:2:quantity: '-4' must not be negative",
    ),
    (
        "receipt quantity must be positive",
        {"receipts.csv": "sku,location,date,quantity\nMOK-003,WH-MIL,2026-12-07,0\n"},
        "receipts.csv:2:quantity: '0' must be greater than 0",
    ),
    (
        "not a whole number",
        {"products.csv": "sku,name,family,lead_time_days\nX-1,Thing,MOKA,2.5\n"},
        "products.csv:2:lead_time_days: '2.5' is not a whole number",
    ),
    (
        "bad date",
        {"sales.csv": "date,sku,quantity\n2026-13-01,MOK-003,4\n16/11/2026,MOK-003,4\n"},
        "sales.csv:2:date: '2026-13-01' is not a date (use YYYY-MM-DD)",
    ),
    (
        "unknown product",
        {"sales.csv": "date,sku,quantity\n2026-11-16,MOK-999,4\n"},
        "sales.csv:2:sku: unknown product 'MOK-999'",
    ),
    (
        "unknown territory on a person",
        {"people.csv": "slack_user_id,name,role,territory\nU02NEW,New Rep,rep,XX\n"},
        "people.csv:2:territory: unknown territory 'XX'",
    ),
    (
        "unknown manager",
        {"people.csv": "slack_user_id,name,role,manager_slack_user_id\nU02NEW,New,rep,U09NOBODY\n"},
        "people.csv:2:manager_slack_user_id: unknown person (slack_user_id in people) 'U09NOBODY'",
    ),
    (
        "unknown role",
        {"people.csv": "slack_user_id,name,role\nU02NEW,New Person,boss\n"},
        "people.csv:2:role: 'boss' is not one of rep, manager, ops, marketing, admin",
    ),
    (
        "bad slack user id",
        {"people.csv": "slack_user_id,name,role\ngiulia,Giulia,rep\n"},
        "people.csv:2:slack_user_id: 'giulia' is not a Slack user id",
    ),
    (
        "duplicate key in a file",
        {"products.csv": "sku,name,family\nX-1,Thing,MOKA\nX-2,Other,MOKA\nX-1,Again,MOKA\n"},
        "products.csv:4:sku: duplicate key sku='X-1' (first on row 2)",
    ),
    (
        "quota with both owners",
        {"quotas.csv": "period,rep,territory,target_units\n2026-Q4,U01ROSSI,NO,100\n"},
        "quotas.csv:2:rep: give a rep or a territory, not both",
    ),
    (
        "quota with neither owner",
        {"quotas.csv": "period,rep,territory,target_units\n2026-Q4,,,100\n"},
        "quotas.csv:2:rep: a rep or a territory is required",
    ),
    (
        "quota without a target",
        {"quotas.csv": "period,rep,target_units,target_revenue\n2026-Q4,U01ROSSI,,\n"},
        "quotas.csv:2:target_units: target_units or target_revenue is required",
    ),
    (
        "bad quota period",
        {"quotas.csv": "period,rep,target_units\nQ4 2026,U01ROSSI,100\n"},
        "quotas.csv:2:period: 'Q4 2026' is not a period (use YYYY-MM, YYYY-Qn or YYYY)",
    ),
    (
        "unknown family on a quota",
        {"quotas.csv": "period,territory,family,target_units\n2026-Q4,NO,TAZZE,100\n"},
        "quotas.csv:2:family: unknown product family 'TAZZE'",
    ),
    (
        "capacity at a warehouse",
        {"capacity.csv": "plant,family,start_date,units_per_week\nWH-MIL,MOKA,2026-01-05,10\n"},
        "capacity.csv:2:plant: 'WH-MIL' is a warehouse, not a plant",
    ),
    (
        "capacity ending before it starts",
        {
            "capacity.csv": "plant,family,start_date,end_date,units_per_week\n"
            "PLT-LUM,MOKA,2026-03-01,2026-02-01,10\n"
        },
        "capacity.csv:2:end_date: is before start_date",
    ),
    (
        "malformed CSV: a row with an extra field",
        {"territories.csv": "code,name\nNE,Nord-Est\nCE,Centro,extra\n"},
        "territories.csv:3:-: malformed CSV: expected 2 fields like the header, found 3",
    ),
    (
        "malformed CSV: a quote left open",
        {"territories.csv": 'code,name\nNE,"Nord-Est\nCE,Centro\n'},
        "territories.csv:2:name: 'Nord-Est…' spans rows 2-",
    ),
    (
        "malformed CSV: a quote opened early and closed many rows later",
        {
            "products.csv": 'sku,name,family\nX-1,One,MOKA\nX-2,"Two,MOKA\n'
            + "".join(f"Y-{i},Name {i},MOKA\n" for i in range(40))
            + 'X-3,Three,"MOKA\n'
        },
        "products.csv:3:-: malformed CSV: a quote opened on this row closes only on row 44 "
        "(expected 3 fields like the header, found 2)",
    ),
    (
        "a cell spanning lines is reported where it starts",
        {
            "territories.csv": 'code,name\nNE,Nord-Est\nCE,"Centro\n'
            + "".join(f"T{i},Name {i}\n" for i in range(40))
            + 'SU,Sud"\nIS,Isole\n'
        },
        "territories.csv:3:name: 'Centro…' spans rows 3-44 (is a quote left open on row 3?)",
    ),
    (
        "malformed CSV: a quote never closed",
        {"territories.csv": 'code,name\nNE,Nord-Est\n"CE,Centro\nSU,Sud\nIS,Isole\n'},
        "territories.csv:3:-: malformed CSV: a quote opened on this row is never closed",
    ),
    (
        "rows after a cell that spans lines keep their true line numbers",
        {"territories.csv": 'code,name\nNE,"Nord\nEst"\nCE,\n'},
        "territories.csv:4:name: required value is missing",
    ),
    # Bounds: one mistyped exponent must not turn every plan into 300-digit numbers.
    (
        "a quantity beyond the limit",
        {"sales.csv": "date,sku,quantity\n2026-11-16,MOK-003,1e308\n"},
        "sales.csv:2:quantity: '1e308' is above the limit of 1,000,000,000",
    ),
    (
        "stock beyond the limit",
        {"stock.csv": "sku,location,on_hand,as_of\nMOK-003,WH-MIL,2000000000,2026-11-26\n"},
        "stock.csv:2:on_hand: '2000000000' is above the limit of 1,000,000,000",
    ),
    (
        "a price beyond the limit",
        {"products.csv": "sku,name,family,unit_price\nX-1,Thing,MOKA,1e10\n"},
        "products.csv:2:unit_price: '1e10' is above the limit of 1,000,000,000",
    ),
    (
        "revenue beyond the limit",
        {"sales.csv": "date,sku,quantity,revenue\n2026-11-16,MOK-003,1,1e13\n"},
        "sales.csv:2:revenue: '1e13' is above the limit of 1,000,000,000,000",
    ),
    (
        "a lead time of centuries",
        {"products.csv": "sku,name,family,lead_time_days\nX-1,Thing,MOKA,99999\n"},
        "products.csv:2:lead_time_days: '99999' is above the limit of 3,650",
    ),
    (
        "a quota target beyond the limit",
        {"quotas.csv": "period,rep,target_units\n2026-Q4,U01ROSSI,1e15\n"},
        "quotas.csv:2:target_units: '1e15' is above the limit of 1,000,000,000,000",
    ),
    (
        "a date typed with the wrong century",
        {"receipts.csv": "sku,location,date,quantity\nMOK-003,WH-MIL,2206-12-07,10\n"},
        "receipts.csv:2:date: '2206-12-07' is outside the years 1900-2199",
    ),
    (
        "sales that have not happened yet",
        {"sales.csv": "date,sku,quantity\n2026-11-16,MOK-003,4\n2062-11-16,MOK-003,4\n"},
        "sales.csv:3:date: '2062-11-16' is after the day of the import (2026-11-27)",
    ),
    (
        "a quote left open in a number column",
        {
            "sales.csv": 'date,sku,quantity\n2026-11-16,MOK-003,"4\n'
            + "".join(f"2026-11-16,PAD-28,{i}\n" for i in range(1, 30))
        },
        "sales.csv:2:quantity: '4…' spans rows 2-",
    ),
    (
        "an open end other than 9999-12-31",
        {
            "capacity.csv": "plant,family,start_date,end_date,units_per_week\n"
            "PLT-LUM,PADELLE,2027-01-04,2206-12-31,100\n"
        },
        "capacity.csv:2:end_date: '2206-12-31' is outside the years 1900-2199",
    ),
    (
        "a quota period in the wrong century",
        {"quotas.csv": "period,rep,target_units\n2206-Q4,U01ROSSI,100\n"},
        "quotas.csv:2:period: '2206-Q4' is outside the years 1900-2199",
    ),
    (
        "a stock snapshot from the future",
        {"stock.csv": "sku,location,on_hand,as_of\nMOK-003,WH-MIL,5,2062-11-26\n"},
        "stock.csv:2:as_of: '2062-11-26' is after the day of the import (2026-11-27)",
    ),
    (
        "summed rows above the limit for one row",
        {
            "sales.csv": "date,sku,quantity\n2026-11-16,MOK-003,1\n2026-11-16,PAD-28,900000000\n"
            "2026-11-16,PAD-28,900000000\n"
        },
        "sales.csv:3:quantity: rows with this key add up to more than the limit of 1,000,000,000",
    ),
    (
        "empty file",
        {"territories.csv": ""},
        "territories.csv:-:-: the file is empty (a header row is required)",
    ),
    (
        "unknown file name",
        {"clienti.csv": "code,name\nA,B\n"},
        "clienti.csv:-:-: unknown file: name it after one of products, locations",
    ),
]


@pytest.mark.parametrize(
    ("files", "expected"), [pytest.param(f, e, id=name) for name, f, e in BAD_FILES]
)
def test_a_bad_file_is_rejected_with_its_problem_and_changes_nothing(
    loaded: Engine, tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    lines = rejected_lines(loaded, write_files(tmp_path / "bad", files))
    assert any(line.startswith(expected) for line in lines), lines


def test_not_utf8_is_rejected_at_the_row_of_the_bad_byte(loaded: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    rows = "".join(f"T{i},Territory {i}\n" for i in range(20))
    (folder / "territories.csv").write_bytes(f"code,name\n{rows}NE,Città\n".encode("latin-1"))
    assert rejected_lines(loaded, folder) == [
        "territories.csv:22:-: byte 0xE0 after 'NE,Citt' is not UTF-8 text (save the file as "
        "CSV UTF-8)"
    ]
    (folder / "territories.csv").write_bytes("code,nàme\nNE,Nord\n".encode("latin-1"))
    assert rejected_lines(loaded, folder) == [
        "territories.csv:1:-: byte 0xE0 after 'code,n' is not UTF-8 text (save the file as CSV "
        "UTF-8)"
    ]


def test_a_missing_path_is_rejected(loaded: Engine, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    assert rejected_lines(loaded, missing) == [f"{missing}:-:-: no such file or folder"]


def test_one_bad_file_stops_the_good_ones_too(loaded: Engine, tmp_path: Path) -> None:
    files = {
        "products.csv": "sku,name,family\nNEW-1,New product,MOKA\n",
        "sales.csv": "date,sku,quantity\n2026-11-16,NEW-1,4\n2026-11-16,NEW-2,4\n",
    }
    lines = rejected_lines(loaded, write_files(tmp_path / "bad", files))
    # NEW-1 is fine because the same import defines it; NEW-2 is not.
    assert lines == ["sales.csv:3:sku: unknown product 'NEW-2'"]


def test_every_problem_is_counted_but_only_the_first_ones_are_listed(
    loaded: Engine, tmp_path: Path
) -> None:
    body = "date,sku,quantity\n" + "".join(f"2026-11-16,GHOST-{i},-1\n" for i in range(120))
    lines = rejected_lines(loaded, write_files(tmp_path / "bad", {"sales.csv": body}))
    # 120 negative quantities + 120 unknown products.
    assert len(lines) == 51
    assert lines[0] == "sales.csv:2:quantity: '-1' must not be negative"
    assert lines[-1] == "... and 190 more problem(s)"


def test_all_problems_in_all_files_are_reported_together(loaded: Engine, tmp_path: Path) -> None:
    files = {
        "territories.csv": "code,name\nNE,\n",
        "stock.csv": "sku,location,on_hand,as_of\nMOK-003,WH-XX,5,yesterday\n",
    }
    lines = rejected_lines(loaded, write_files(tmp_path / "bad", files))
    assert lines == [
        "territories.csv:2:name: required value is missing",
        "stock.csv:2:as_of: 'yesterday' is not a date (use YYYY-MM-DD)",
        "stock.csv:2:location: unknown location 'WH-XX'",
    ]


def test_a_broken_workbook_is_rejected(loaded: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "products.xlsx").write_bytes(b"this is not a zip archive")
    assert rejected_lines(loaded, folder) == ["products.xlsx:-:-: not a valid Excel .xlsx file"]


def test_a_large_file_that_is_not_utf8_is_rejected_at_its_row(
    loaded: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    rows = "".join(f"T{i},Territory {i}\n" for i in range(600))  # past Arrow's first block
    body = f"code,name\n{rows}\nNE,Città\nCE,Centro,extra\n"  # a blank line, a ragged row
    (folder / "territories.csv").write_bytes(body.encode("latin-1"))
    assert rejected_lines(loaded, folder) == [
        "territories.csv:603:-: byte 0xE0 after 'NE,Citt' is not UTF-8 text (save the file as "
        "CSV UTF-8)"
    ]


def test_a_line_of_spaces_is_named_as_such(loaded: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()  # written as bytes: the test helper's dedent would blank the line
    (folder / "territories.csv").write_bytes(b"code,name\nNE,Nord-Est\n \t \nCE,Centro\n")
    assert rejected_lines(loaded, folder) == [
        "territories.csv:3:-: malformed CSV: the line holds only spaces (delete it, or fill in "
        "the row)"
    ]


def test_old_mac_line_ends_keep_row_numbers_after_a_blank_line(
    loaded: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "territories.csv").write_bytes(b"code,name\rNE,Nord\r\rCE,\rSU,\r")
    assert rejected_lines(loaded, folder) == [
        "territories.csv:4:name: required value is missing",
        "territories.csv:5:name: required value is missing",
    ]


def test_a_duplicate_across_files_after_summed_rows_names_the_right_rows(
    loaded: Engine, tmp_path: Path
) -> None:
    head = "date,sku,quantity\n"
    files = {
        "sales_a.csv": head + "2026-11-16,MOK-003,1\n2026-11-16,MOK-003,2\n"
        "2026-11-16,PAD-28,3\n2026-11-09,PAD-28,4\n",
        "sales_b.csv": head + "2026-11-02,PAD-28,1\n2026-11-02,MOK-003,1\n"
        "2026-11-03,MOK-003,1\n2026-11-09,PAD-28,5\n",
    }
    lines = rejected_lines(loaded, write_files(tmp_path / "bad", files))
    assert lines == [
        "sales_b.csv:5:date: duplicate key date='2026-11-09', sku='PAD-28' (also in sales_a.csv "
        "row 5)"
    ]


def test_sales_dated_after_the_pinned_day_are_refused(loaded: Engine, tmp_path: Path) -> None:
    """Reasoning as of a pinned day (--today), sales after it have not happened yet."""
    import datetime as dt

    from planning.importer import import_files
    from planning.problems import ImportRejected
    from tests.conftest import NOW

    folder = write_files(tmp_path / "s", {"sales.csv": "date,sku,quantity\n2026-11-20,MOK-003,4\n"})
    with pytest.raises(ImportRejected) as caught:
        import_files(loaded, [folder], now=NOW, actor="test", today=dt.date(2026, 11, 18))
    assert caught.value.lines() == [
        "sales.csv:2:date: '2026-11-20' is after the day of the import (2026-11-18): it cannot "
        "have happened yet"
    ]
