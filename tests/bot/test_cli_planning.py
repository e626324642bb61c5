"""The planning commands end to end through the CLI on the demo company (SQLite)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import cli
from planning.demo import DEMO_SCENARIO, generate_demo, write_demo_files
from tests.conftest import DEMO_TODAY

TODAY = DEMO_TODAY.isoformat()


class Ponte:
    def __init__(self, url: str) -> None:
        self.url = url

    def __call__(self, *args: str) -> Result:
        return CliRunner().invoke(cli, list(args), env={"DATABASE_URL": self.url})


@pytest.fixture(scope="module")
def ponte(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ponte]:
    """A demo database with one forecast run, shared by this module's read-only tests."""
    folder = tmp_path_factory.mktemp("cli")
    run = Ponte(f"sqlite:///{folder / 'ponte.db'}")
    assert run("demo", "--out", str(folder / "files"), "--today", TODAY).exit_code == 0
    forecast = run("forecast", "--today", TODAY)
    assert forecast.exit_code == 0, forecast.output
    yield run


def test_forecast_show_gives_the_weeks_and_their_source(ponte: Ponte) -> None:
    result = ponte("forecast", "show", "MOK-003", "--weeks", "8", "--today", TODAY, "--json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert (answer["tool"], answer["args"]["product"]) == ("demand_forecast", "MOK-003")
    text = ponte("forecast", "show", "MOK-003", "--today", TODAY, "--lang", "en").output
    # Made "as if" on the demo's today, the run is dated that day, not the day it ran.
    assert "Source: forecast run 1 of 27 Nov 2026 (sales to the week of 16 Nov 2026" in (
        text.replace("\n", " ")
    )


def test_project_shows_the_stockout(ponte: Ponte) -> None:
    sku = DEMO_SCENARIO.stockout_sku
    result = ponte("project", sku, "--location", "WH-MIL", "--today", TODAY, "--json")
    assert result.exit_code == 0, result.output
    (projection,) = json.loads(result.output)["result"]["projections"]
    stockout = dt.date.fromisoformat(projection["stockout_date"])
    text = ponte("project", sku, "--location", "WH-MIL", "--today", TODAY, "--lang", "en")
    assert f"WH-MIL: runs out on {stockout.day} {stockout:%b} {stockout.year}" in text.output


def test_capacity_names_the_family_that_runs_short(ponte: Ponte) -> None:
    result = ponte("capacity", "--today", TODAY, "--lang", "en")
    assert result.exit_code == 0, result.output
    family, plant = DEMO_SCENARIO.capacity_family, DEMO_SCENARIO.capacity_plant
    assert f"{family} at {plant} is over capacity" in result.output


def test_atp_answers_yes_or_no_with_the_earliest_date(ponte: Ponte) -> None:
    result = ponte("atp", "MOK-003", "100", "2026-12-15", "--today", TODAY, "--json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)["result"]
    assert answer["feasible"] is True and answer["earliest_date"] <= "2026-12-15"
    past = ponte("atp", "MOK-003", "100", "2026-11-01", "--today", TODAY, "--lang", "en")
    assert past.exit_code == 1 and "in the past" in past.output


def test_unknown_products_and_families_are_one_friendly_answer(ponte: Ponte) -> None:
    for args in (
        ("forecast", "show", "MOK-999"),
        ("project", "MOK-999"),
        ("atp", "MOK-999", "1", "2026-12-15"),
        ("product", "MOK-999"),
    ):
        result = ponte(*args, "--today", TODAY, "--lang", "en")
        assert result.exit_code == 1, args
        assert result.output.startswith("I don't know a product MOK-999"), result.output
        assert "Traceback" not in result.output
    family = ponte("capacity", "--family", "TAZZE", "--today", TODAY, "--lang", "it")
    assert family.exit_code == 1 and "TAZZE" in family.output and "Traceback" not in family.output


def test_commands_answer_in_the_language_asked_with_the_person_s_permissions(ponte: Ponte) -> None:
    italian = ponte("atp", "MOK-003", "100", "2026-12-15", "--today", TODAY, "--lang", "it")
    # (WH-MIL's moka falls below its safety stock from 14 December at the forecast's pace.)
    said = " ".join(italian.output.split())
    assert "Sì, con un rischio: 100 × MOK-003 possono partire entro il 15 dic 2026" in said
    assert "scende sotto la scorta di sicurezza (619) dalla settimana del 14 dic 2026" in said
    rep = ponte("capacity", "--as", "U01ROSSI", "--today", TODAY, "--lang", "en")
    said = " ".join(rep.output.split())
    assert rep.exit_code == 1 and "Plant capacity is for planning" in said
    assert "can I promise 500 [product] by 15 Dec?" in said  # what a rep asks instead
    other = ponte("quota", "--rep", "U01ESPOSITO", "--as", "U01WALKER", "--today", TODAY)
    assert other.exit_code == 1 and "2,694" not in other.output and "2.694" not in other.output


def test_bad_forecast_settings_are_refused(ponte: Ponte) -> None:
    result = ponte("forecast", "--horizon", "10000", "--today", TODAY)
    assert result.exit_code == 1 and "horizon must be between 1 and 260" in result.output
    result = ponte("forecast", "--engine", "dask", "--address", "tcp://127.0.0.1:1")
    assert result.exit_code == 1 and "cannot reach the Dask scheduler" in result.output


def test_accuracy_scores_the_run_once_newer_sales_arrive(ponte: Ponte, tmp_path: Path) -> None:
    result = ponte("forecast", "accuracy", "--today", TODAY)
    assert result.exit_code == 1
    assert "no forecast run has actuals to compare yet" in result.output

    # A copy of the database, two weeks later, with the sales those weeks brought.
    later = Ponte(f"sqlite:///{tmp_path / 'later.db'}")
    source = Path(ponte.url.removeprefix("sqlite:///"))
    for suffix in ("", "-wal", "-shm"):  # WAL mode: recent writes live beside the file
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", tmp_path / f"later.db{suffix}")
    frames = generate_demo(seed=7, today=DEMO_TODAY + dt.timedelta(weeks=2))
    write_demo_files({"sales": frames["sales"]}, tmp_path / "new")
    assert later("import", str(tmp_path / "new" / "sales.csv")).exit_code == 0
    scored = later("forecast", "accuracy", "--json", "--today", "2026-12-11")
    assert scored.exit_code == 0, scored.output
    report = json.loads(scored.output)
    card = later("forecast", "accuracy", "--today", "2026-12-11", "--lang", "it").output
    wape = f"{report['overall']['wape'] * 100:.1f}%".replace(".", ",")
    assert "Accuratezza delle previsioni" in card and f"WAPE {wape} su 23 nov 2026" in card
    # The run is scored against the sales imported after it: no "run ponte forecast" here.
    assert "ponte forecast" not in card
    shown = later("forecast", "show", "PAD-28", "--today", "2026-12-11", "--lang", "en").output
    # (rich wraps at a space, which it keeps at the end of the line: words apart by one)
    assert "are not in it yet: run `ponte forecast`" in " ".join(shown.split())
    assert (report["scored_from"], report["scored_to"]) == ("2026-11-23", "2026-11-30")
    overall = report["overall"]
    assert 0 < overall["wape"] < 1 and overall["periods"] == 2
    assert {f["key"] for f in report["by_family"]} == {
        "MOKA",
        "PENTOLE",
        "PADELLE",
        "COLTELLI",
        "RICAMBI",
    }


def test_quota_shows_who_is_ahead_and_who_is_behind(ponte: Ponte) -> None:
    result = ponte("quota", "--today", TODAY, "--json")
    assert result.exit_code == 0, result.output
    statuses = {s["owner"]: s for s in json.loads(result.output)["result"]["statuses"]}
    assert statuses[DEMO_SCENARIO.over_quota_rep]["on_track"] is True
    assert statuses[DEMO_SCENARIO.under_quota_rep]["on_track"] is False
    rep = DEMO_SCENARIO.under_quota_rep
    text = ponte("quota", "--rep", rep, "--today", TODAY, "--lang", "en").output
    assert "Esposito" in text and "Q4 2026" in text and "36%" in text
    bad = ponte("quota", "--period", "next quarter", "--today", TODAY, "--lang", "en")
    assert bad.exit_code == 1 and "is not a period" in bad.output


@pytest.mark.parametrize(
    ("command", "question"),
    [
        (("forecast", "show", "MOK-003", "--weeks", "8"), "forecast MOK-003 next 8 weeks"),
        (("project", "PAD-28", "--weeks", "12"), "when will PAD-28 run out?"),
        (("capacity", "--family", "PENTOLE", "--weeks", "12"), "capacity for PENTOLE"),
        (("atp", "MOK-003", "500", "2027-03-15"), "can I promise 500 MOK-003 by 15 March 2027?"),
        (("quota", "--rep", "U01ESPOSITO"), "what's Esposito's quota?"),
        (("product", "MOK-I06"), "product details of MOK-I06"),
    ],
)
def test_a_command_and_the_same_question_give_the_same_answer(
    ponte: Ponte, command: tuple[str, ...], question: str
) -> None:
    common = ("--as", "U01COLOMBO", "--today", TODAY, "--lang", "en")
    by_command = ponte(*command, *common, "--json")
    by_question = ponte("ask", question, "--as", "U01COLOMBO", "--today", TODAY, "--json")
    assert by_command.exit_code == 0 and by_question.exit_code == 0, by_command.output
    answer, asked = json.loads(by_command.output), json.loads(by_question.output)
    assert (answer["tool"], answer["result"]) == (asked["tool"], asked["result"])
    assert answer["text"] == asked["text"]


@pytest.fixture
def own_ponte(ponte: Ponte, tmp_path: Path) -> Ponte:
    """A private copy of the module's demo database, for commands that write."""
    source = Path(ponte.url.removeprefix("sqlite:///"))
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", tmp_path / f"ponte.db{suffix}")
    return Ponte(f"sqlite:///{tmp_path / 'ponte.db'}")


def test_an_alert_scan_keeps_each_problem_once_and_people_act_on_it(own_ponte: Ponte) -> None:
    dry = own_ponte("alerts", "scan", "--dry-run", "--today", TODAY, "--lang", "en")
    assert dry.exit_code == 0, dry.output
    assert "8 problems: 8 new" in dry.output and "dry run: nothing stored" in dry.output
    first = own_ponte("alerts", "scan", "--today", TODAY, "--lang", "en")
    assert "8 problems: 8 new" in first.output and "#1" in first.output
    again = own_ponte("alerts", "scan", "--today", TODAY, "--lang", "en")
    assert "8 problems: 0 new, 0 to notify again" in again.output
    assert "drift not checked: no forecast run is old enough" in again.output
    ack = own_ponte("alerts", "ack", "1", "--as", "U01COLOMBO", "--today", TODAY)
    assert ack.exit_code == 0 and "acknowledged by Sara Colombo" in ack.output
    twice = own_ponte("alerts", "ack", "1", "--as", "U01BIANCHI", "--today", TODAY)
    assert twice.exit_code == 1 and "already acknowledged by Sara Colombo" in twice.output
    rep = own_ponte("alerts", "snooze", "2", "--days", "7", "--as", "U01ROSSI", "--today", TODAY)
    assert rep.exit_code == 1 and "may read alerts but not acknowledge, snooze" in rep.output
    listed = own_ponte("alerts", "--as", "U01COLOMBO", "--today", TODAY, "--lang", "en", "--json")
    lines = json.loads(listed.output)["result"]["lines"]
    assert lines[0]["stored"]["status"] == "acknowledged"
    history = own_ponte("alerts", "history", "1")
    assert [w for w in ("opened", "acknowledge") if w in history.output] == [
        "opened",
        "acknowledge",
    ]


def test_an_alerts_file_sets_thresholds_and_a_bad_one_is_one_line(
    own_ponte: Ponte, tmp_path: Path
) -> None:
    settings = tmp_path / "alerts.toml"
    settings.write_text('[thresholds]\nexcess_weeks = 60\n[thresholds.families.PENTOLE]\n'
                        'risk_min_load = 2\n')  # fmt: skip
    env = {"DATABASE_URL": own_ponte.url, "PONTE_ALERTS": str(settings)}
    run = CliRunner().invoke(cli, ["alerts", "scan", "--dry-run", "--today", TODAY], env=env)
    assert run.exit_code == 0, run.output
    assert "COL-FIL" not in run.output and "PENTOLE" in run.output  # a shortfall is no risk
    settings.write_text("[thresholds]\nexcess_weeks = -1\n")
    bad = CliRunner().invoke(cli, ["alerts", "scan", "--today", TODAY], env=env)
    assert bad.exit_code == 1
    assert bad.output.strip().splitlines() == [
        f"Error: the alerts file {settings}: alert threshold excess_weeks in the alert settings "
        "must be a positive number"
    ]
    settings.write_text("[thresholds\n")
    broken = CliRunner().invoke(cli, ["alerts", "scan", "--today", TODAY], env=env)
    assert broken.exit_code == 1 and "is not valid TOML" in broken.output


def test_alerts_replay_prints_a_row_per_rule_and_what_happened(ponte: Ponte) -> None:
    out = DEMO_TODAY - dt.timedelta(days=DEMO_TODAY.weekday(), weeks=20)  # the past stockout
    week = (out - dt.timedelta(weeks=2)).isoformat()
    result = ponte("alerts", "replay", "--from", week, "--to", out.isoformat(), "--today", TODAY)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "Alert replay, weeks of" in text and "(3 scans" in text
    for rule in ("capacity", "stockout", "excess", "drift", "quota"):
        assert f"│ {rule} " in result.output
    sku = DEMO_SCENARIO.past_stockout_sku
    assert f"stockout: {sku}@WH-MIL in the week of {out}: warned 2 weeks ahead" in text
    as_json = ponte("alerts", "replay", "--from", week, "--to", week, "--today", TODAY, "--json")
    assert as_json.exit_code == 0, as_json.output
    replay = json.loads(as_json.output)
    assert replay["weeks"] == 1
    assert [f["rule"] for f in replay["figures"]] == [
        "capacity", "stockout", "excess", "drift", "quota"
    ]  # fmt: skip
    ahead = ponte("alerts", "replay", "--from", TODAY, "--today", TODAY)
    assert ahead.exit_code == 1
    assert (
        ahead.output.strip()
        .splitlines()[-1]
        .startswith(
            "Error: --from 2026-11-27 is after the last complete week of sales (2026-11-16)"
        )
    )
    late = ponte("alerts", "replay", "--from", TODAY, "--to", TODAY, "--today", TODAY)
    assert late.exit_code == 1
    assert late.output.strip().splitlines()[-1] == (
        "Error: the replay can run to the week of 2026-11-16 at the latest: its sales are the "
        "last complete week before today (2026-11-27)"
    )
