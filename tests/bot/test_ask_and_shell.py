"""`ponte ask` and `ponte shell` end to end through the CLI on the demo company."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import cli
from tests.conftest import DEMO_TODAY

TODAY = DEMO_TODAY.isoformat()


class Ponte:
    def __init__(self, url: str) -> None:
        self.url = url

    def __call__(self, *args: str, input: str | None = None, **env: str) -> Result:
        return CliRunner().invoke(
            cli,
            list(args),
            input=input,
            env={"DATABASE_URL": self.url, "PONTE_TODAY": TODAY, **env},
        )


@pytest.fixture(scope="module")
def ponte(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ponte]:
    folder = tmp_path_factory.mktemp("ask")
    run = Ponte(f"sqlite:///{folder / 'ponte.db'}")
    assert run("demo", "--out", str(folder / "files")).exit_code == 0
    assert run("forecast").exit_code == 0
    yield run


def ask_json(ponte: Ponte, question: str, user: str = "U01ROSSI") -> dict:
    result = ponte("ask", "--as", user, question, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_ask_json_holds_language_tool_args_result_and_text(ponte: Ponte) -> None:
    answer = ask_json(ponte, "quanta giacenza abbiamo di PAD-28?")
    assert answer["language"] == "it" and answer["tool"] == "stock_status"
    assert answer["args"] == {"product": "PAD-28"}
    result = answer["result"]
    assert result["available"] == result["on_hand"] - result["allocated"]
    assert f"{result['available']:,.0f}".replace(",", ".") + " pz disponibili" in answer["text"]
    assert answer["user"] == "U01ROSSI" and answer["via"] == "router"


def test_ask_json_for_atp_holds_feasible_and_earliest_date(ponte: Ponte) -> None:
    answer = ask_json(ponte, "can I promise 500 PAD-24 by 15 March?")
    assert answer["tool"] == "available_to_promise"
    assert answer["args"] == {"product": "PAD-24", "quantity": 500.0, "date": "2027-03-15"}
    assert answer["result"]["feasible"] is True
    assert answer["result"]["earliest_date"] <= "2027-03-15"
    assert (
        answer["text"]
        .splitlines()[1]
        .startswith("Yes, with a risk: 500 × PAD-24 can ship by 15 Mar 2027")
    )


def test_a_question_it_cannot_answer_has_no_tool_and_helpful_text(ponte: Ponte) -> None:
    answer = ask_json(ponte, "what's the weather in Milan?")
    assert answer["tool"] is None and answer["kind"] == "not_understood"
    example = re.search(r"“(How much \S+ do we have\?)”", answer["text"])
    assert example is not None  # and it names a real product, so asking it works:
    assert ask_json(ponte, example.group(1))["kind"] == "answer"
    later = ask_json(ponte, "notify me when PAD-28 is back")
    assert later["tool"] is None and later["asked_tool"] == "list_alerts"
    assert later["kind"] == "unavailable" and "not there" in later["text"]


def test_ask_refuses_politely_and_exits_zero(ponte: Ponte) -> None:
    refused = ask_json(ponte, "capacity check")
    assert refused["kind"] == "refused" and refused["result"] is None
    stranger = ponte("ask", "--as", "U0NOBODY", "stock PAD-28")
    assert stranger.exit_code == 0 and "I don't know you yet (U0NOBODY)" in stranger.output


def test_ask_answers_in_the_terminal_with_the_pinned_date(ponte: Ponte) -> None:
    result = ponte("ask", "--as", "U01MARCHI", "what's my quota this quarter?")
    assert result.exit_code == 0
    assert "Elena Marchi:" in result.output and "Q4 2026" in result.output
    later = ponte("ask", "--as", "U01MARCHI", "my quota this quarter", "--today", "2027-02-01")
    assert "Elena Marchi: 0% of 12,910 units (" in later.output and "for Q1 2027" in later.output
    assert "no sales imported for this period yet" in later.output
    none = ponte("ask", "--as", "U01MARCHI", "my quota for 2025")
    assert "No quota found for 2025." in none.output


def test_the_shell_remembers_what_it_asked_and_switches_user(ponte: Ponte) -> None:
    lines = "\n".join(
        ["previsione pentola", "1", "/whoami", "/as U01COLOMBO", "capacity check", "/quit"]
    )
    result = ponte("shell", "--as", "U01ROSSI", input=lines + "\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "You are Giulia Rossi (U01ROSSI, rep, language it)" in out
    assert "Quale prodotto intendi?" in out and "pezzi previsti nelle prossime 12 settimane" in out
    assert "You are Sara Colombo (U01COLOMBO, ops" in out
    assert "PENTOLE at PLT-LUM is over capacity" in out


def test_the_shell_saves_a_forecasts_chart_and_prints_where(ponte: Ponte, tmp_path: Path) -> None:
    result = ponte("shell", "--as", "U01WALKER", input="forecast PAD-28\nstock PAD-28\n/quit\n",
                   PONTE_CHART_DIR=str(tmp_path))  # fmt: skip
    assert result.exit_code == 0, result.output
    chart = tmp_path / "forecast-PAD-28.png"
    assert f"Chart: {chart}" in result.output
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 10_000
    assert result.output.count("Chart: ") == 1  # a stock answer has no chart


def test_the_shell_acts_as_ponte_as_by_default(ponte: Ponte) -> None:
    result = ponte("shell", input="/whoami\n", PONTE_AS="U01WALKER")
    assert "You are James Walker (U01WALKER, rep, language en)" in result.output


def test_a_malformed_llm_setting_stops_with_one_line(ponte: Ponte) -> None:
    result = ponte("ask", "--as", "U01ROSSI", "stock PAD-28", PONTE_LLM="gpt-4o")
    assert result.exit_code == 1
    assert "use provider:model" in result.output
