"""What the contract allows but a person must hear about: rows summed into one and a file
that empties a table are imported with a warning in the summary; `strict` refuses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from bot.cli import cli
from planning.importer import import_files
from planning.problems import ImportRejected
from tests.conftest import NOW
from tests.helpers import rows, run_import, snapshot, write_files

SALES_TWICE = """
    date,sku,quantity,location,territory,customer,rep,revenue
    2026-11-23,MOK-003,40,WH-MIL,NO,Casalinghi Colombo,U01ROSSI,1000
    2026-11-23,PAD-28,7,WH-MIL,NO,Casalinghi Colombo,U01ROSSI,200
    2026-11-23,MOK-003,40,WH-MIL,NO,Casalinghi Colombo,U01ROSSI,1000
    2026-11-23,PAD-28,3,WH-MIL,NO,Casalinghi Colombo,U01ROSSI,90
"""


def sold(engine: Engine, sku: str) -> float:
    [(quantity,)] = rows(
        engine, f"SELECT quantity FROM sales_actual WHERE sku = '{sku}' AND date = '2026-11-23'"
    )
    return float(quantity)


def test_summed_rows_are_imported_with_a_warning_for_each(loaded: Engine, tmp_path: Path) -> None:
    summary = run_import(loaded, write_files(tmp_path / "s", {"sales.csv": SALES_TWICE}))
    assert (sold(loaded, "MOK-003"), sold(loaded, "PAD-28")) == (80, 10)  # as the contract says
    assert summary.warning_lines() == [
        "sales.csv:4:date: an exact copy of row 2: its quantity and revenue were added to that "
        "row's (was the file exported twice?)",
        "sales.csv:5:date: same key as row 3 (date='2026-11-23', sku='PAD-28', "
        "location='WH-MIL', territory='NO', customer='Casalinghi Colombo', rep='U01ROSSI'): "
        "its quantity and revenue were added to that row's",
    ]
    [(details,)] = rows(loaded, "SELECT details FROM audit_log ORDER BY id DESC LIMIT 1")
    assert len(json.loads(details)["warnings"]) == 2  # the audit keeps what was said


def test_strict_refuses_summed_rows_and_changes_nothing(loaded: Engine, tmp_path: Path) -> None:
    folder = write_files(tmp_path / "s", {"sales.csv": SALES_TWICE})
    before = snapshot(loaded)
    with pytest.raises(ImportRejected) as caught:
        import_files(loaded, [folder], now=NOW, actor="test", strict=True)
    assert caught.value.strict and caught.value.problems.total == 2
    assert snapshot(loaded) == before


def test_a_file_without_rows_that_empties_a_table_says_so(loaded: Engine, tmp_path: Path) -> None:
    header_only = {"open_orders.csv": "order_id,customer,sku,quantity,due_date\n"}
    folder = write_files(tmp_path / "o", header_only)
    before = snapshot(loaded)
    with pytest.raises(ImportRejected) as caught:  # strict: the order book stays
        import_files(loaded, [folder], now=NOW, actor="test", strict=True)
    assert caught.value.lines() == [
        "open_orders.csv:-:-: the file has no rows, so all 1 open orders were removed (it "
        "replaces the whole table: was it exported empty?)"
    ]
    assert snapshot(loaded) == before
    summary = run_import(loaded, folder)  # without strict: the contract's effect, said aloud
    assert summary.counts["open_orders"].removed == 1
    assert summary.warnings.total == 1
    assert rows(loaded, "SELECT count(*) FROM open_order") == [(0,)]
    again = run_import(loaded, folder)  # nothing left to remove: nothing to warn about
    assert not again.warnings


def test_a_clean_import_has_no_warnings(loaded: Engine, tmp_path: Path) -> None:
    folder = write_files(
        tmp_path / "c", {"open_orders.csv": "order_id,customer,sku,quantity,due_date\n"
                         "SO-1,Emporio Navigli,PAD-28,40,2026-12-11\n"}
    )  # fmt: skip
    assert not import_files(loaded, [folder], now=NOW, actor="test", strict=True).warnings


def test_the_cli_prints_warnings_and_strict_exits_non_zero(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers import SMALL_COMPANY

    monkeypatch.chdir(tmp_path)
    env = {"DATABASE_URL": sqlite_url, "PONTE_TODAY": "2026-11-27"}
    base = write_files(tmp_path / "base", SMALL_COMPANY)
    assert CliRunner().invoke(cli, ["import", str(base)], env=env).exit_code == 0
    folder = write_files(tmp_path / "s", {"sales.csv": SALES_TWICE})
    strict = CliRunner().invoke(cli, ["import", "--strict", str(folder)], env=env)
    assert strict.exit_code == 1
    assert "Import rejected: 2 warning(s) found with --strict; nothing was imported." in (
        strict.output
    )
    assert "sales.csv:4:date: an exact copy of row 2" in strict.output
    plain = CliRunner().invoke(cli, ["import", str(folder)], env=env)
    assert plain.exit_code == 0
    assert "2 warning(s): imported as the contract says, but check them" in plain.output
    assert "sales.csv:5:date: same key as row 3" in plain.output
