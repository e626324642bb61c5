"""The `ponte` CLI as a user meets it: commands, friendly errors, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import cli
from planning.db import HEAD
from tests.conftest import DEMO_TODAY
from tests.helpers import SMALL_COMPANY, write_files

Invoke = Callable[..., Result]


@pytest.fixture
def invoke(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Result]:
    monkeypatch.chdir(tmp_path)  # no stray .env, and demo-data/ lands in the tmp dir
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "PONTE_TODAY"):
        monkeypatch.delenv(name, raising=False)

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(
            cli, list(args), env={"DATABASE_URL": database_url, **(env or {})}
        )

    return run


def test_help_lists_every_command_with_a_description() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "import", "demo", "status", "db"):
        line = next(line for line in result.output.splitlines() if line.strip().startswith(command))
        assert len(line.split(None, 1)) == 2, f"{command} has no description"


def test_status_on_an_empty_database_says_how_to_load_data(invoke: Invoke) -> None:
    result = invoke("status", "--today", "2026-11-27", "--lang", "en")
    assert result.exit_code == 0
    assert "no data loaded: run `ponte demo` or `ponte import PATH`" in result.output


def test_import_then_status_as_json(invoke: Invoke, tmp_path: Path) -> None:
    folder = write_files(tmp_path / "in", SMALL_COMPANY)
    imported = invoke("import", str(folder))
    assert imported.exit_code == 0, imported.output
    assert "Import summary" in imported.output

    again = invoke("import", str(folder))
    assert "Nothing changed" in again.output

    status = json.loads(invoke("status", "--json", "--today", "2026-11-27").output)
    counts = {e["entity"]: e["rows"] for e in status["entities"]}
    assert counts["sales"] == 3 and counts["products"] == 2
    sales = next(e for e in status["entities"] if e["entity"] == "sales")
    assert (sales["first"], sales["last"]) == ("2026-11-09", "2026-11-16")
    assert status["sales_age_days"] == 11


def test_a_bad_import_prints_each_problem_and_exits_non_zero(
    invoke: Invoke, tmp_path: Path
) -> None:
    folder = write_files(
        tmp_path / "bad", {"products.csv": "sku,name,family,unit_price\nX-1,Thing,MOKA,free\n"}
    )
    result = invoke("import", str(folder))
    assert result.exit_code == 1
    assert "nothing was imported" in result.output
    assert "products.csv:2:unit_price: 'free' is not a number" in result.output
    assert "Traceback" not in result.output
    status = json.loads(invoke("status", "--json").output)
    assert status["empty"] is True


def test_demo_writes_the_files_and_imports_them(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "files"
    result = invoke("demo", "--seed", "3", "--out", str(out), "--today", DEMO_TODAY.isoformat())
    assert result.exit_code == 0, result.output
    assert [p.name for p in (out / "feedback").iterdir()] == ["feedback.csv"]
    assert "Imported 8" in result.output and "feedback item(s) from feedback.csv" in result.output
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == sorted(
        f"{n}.csv"
        for n in [
            "products",
            "locations",
            "territories",
            "people",
            "stock",
            "sales",
            "capacity",
            "receipts",
            "open_orders",
            "quotas",
            "commission_plans",
        ]
    )
    status = json.loads(invoke("status", "--json", "--today", DEMO_TODAY.isoformat()).output)
    sales = next(e for e in status["entities"] if e["entity"] == "sales")
    assert sales["last"] == "2026-11-16"
    assert status["warnings"] == []


def test_demo_with_two_years_of_history(invoke: Invoke, tmp_path: Path) -> None:
    # The same company, from the last 104 weeks of its past: a planner's two years.
    result = invoke("demo", "--weeks", "104", "--out", str(tmp_path / "short"),
                    "--today", DEMO_TODAY.isoformat())  # fmt: skip
    assert result.exit_code == 0, result.output
    status = json.loads(invoke("status", "--json", "--today", DEMO_TODAY.isoformat()).output)
    sales = next(e for e in status["entities"] if e["entity"] == "sales")
    assert (sales["first"], sales["last"]) == ("2024-11-25", "2026-11-16")
    refused = invoke("demo", "--weeks", "5", "--out", str(tmp_path / "none"))
    assert refused.exit_code == 2
    assert "--weeks" in refused.output and "8<=x<=260" in refused.output
    assert not (tmp_path / "none").exists()


def test_run_loads_the_demo_into_an_empty_database_once(invoke: Invoke) -> None:
    first = invoke("run", "--today", DEMO_TODAY.isoformat())
    assert first.exit_code == 0, first.output
    assert "loading the demo company" in first.output
    assert "No Slack credentials set" in first.output
    assert "starting the local shell" in first.output and "You are Luca Brambilla" in first.output
    second = invoke("run", "--today", DEMO_TODAY.isoformat())
    assert "loading the demo company" not in second.output


def test_pinned_date_comes_from_the_environment_too(invoke: Invoke) -> None:
    result = invoke("status", "--lang", "en", env={"PONTE_TODAY": "2027-01-15"})
    assert "Ponte data as of 15 Jan 2027" in result.output
    italian = invoke("status", "--lang", "it", env={"PONTE_TODAY": "2027-01-15"})
    assert "Dati di Ponte al 15 gen 2027" in italian.output and "nessun dato" in italian.output


def test_a_bad_date_is_a_usage_error_not_a_crash(invoke: Invoke) -> None:
    result = invoke("status", "--today", "2026-13-40")
    assert result.exit_code == 2
    assert "'2026-13-40' does not match the format '%Y-%m-%d'" in result.output


def test_an_unreachable_database_is_one_friendly_line(tmp_path: Path) -> None:
    url = "postgresql://nobody@127.0.0.1:1/none"
    result = CliRunner().invoke(cli, ["status"], env={"DATABASE_URL": url})
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach the database")
    assert "Traceback" not in result.output


def test_db_upgrade_reports_the_revision(invoke: Invoke) -> None:
    result = invoke("db", "upgrade")
    assert result.exit_code == 0
    assert f"schema revision {HEAD}" in result.output


def test_row_numbers_print_as_numbers_not_emoji(invoke: Invoke, tmp_path: Path) -> None:
    rows = "".join(f"X-{i},Thing {i},MOKA,1\n" for i in range(2, 100))
    folder = write_files(tmp_path / "bad", {"products.csv": "sku,name,family,unit_price\n" + rows
                                            + "X-100,Thing,MOKA,free\n"})  # fmt: skip
    result = invoke("import", str(folder))
    assert "products.csv:100:unit_price: 'free' is not a number" in result.output


@pytest.mark.parametrize("wait", ["nan", "inf", "-1", "99999"])
def test_an_impossible_wait_is_a_usage_error(invoke: Invoke, tmp_path: Path, wait: str) -> None:
    folder = write_files(tmp_path / "ok", SMALL_COMPANY)
    result = invoke("import", "--wait", wait, str(folder))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--wait" in result.output
