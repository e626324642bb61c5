"""The assistant's SQL on both databases: the same questions, the same answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.conftest import DEMO_TODAY, load_company
from tools.assistant import Assistant

QUESTIONS = [
    ("U01ROSSI", "giacenza PAD-28", "stock_status"),
    ("U01ROSSI", "scorte padelle", "stock_status"),
    ("U01ROSSI", "forecast MOK-003 next 4 weeks", "demand_forecast"),
    ("U01ROSSI", "why is the forecast for PAD-28 so high?", "explain_forecast"),
    ("U01ROSSI", "quando finisce PAD-28?", "inventory_projection"),
    ("U01COLOMBO", "capacity for pentole", "capacity_check"),
    ("U01ROSSI", "can I promise 500 PAD-28 by 20 December?", "available_to_promise"),
    ("U01BIANCHI", "avanzamento del mio team", "quota_status"),
    ("U01ROSSI", "vendite moka ottobre vs ottobre scorso", "sales_history"),
    ("U01HARRIS", "when did Emporio Sardo last order?", "sales_history"),
    ("U01WALKER", "my Q3 sales by product", "sales_history"),
    ("U01ROSSI", "help", "help"),
    # several products at once, comparisons and accuracy: the group queries' SQL
    ("U01BIANCHI", "stock totale a milano", "stock_status"),
    ("U01COLOMBO", "PAD-24 vs PAD-28 stock levels", "stock_status"),
    ("U01ZANETTI", "previsione pentole prossime 8 sett.", "demand_forecast"),
    ("U01GALLI", "any knives in excess?", "inventory_projection"),
    ("U01DEANGELIS", "attainment Rossi vs Walker", "quota_status"),
    ("U01BIANCHI", "vendite per famiglia ultimo trimestre", "sales_history"),
    ("U01COLOMBO", "MAPE padelle", "forecast_accuracy"),
]


@pytest.fixture
def demo_on(engine: Engine, demo_dir: Path) -> Engine:
    return load_company(engine, demo_dir)


def test_every_tool_answers_the_same_on_both_databases(
    demo_on: Engine, demo_engine: Engine
) -> None:
    now = dt.datetime(2026, 11, 27, 10, tzinfo=dt.UTC)
    here, reference = Assistant(demo_on), Assistant(demo_engine)
    for user, question, tool in QUESTIONS:
        mine = here.ask(question, user=user, today=DEMO_TODAY, now=now)
        theirs = reference.ask(question, user=user, today=DEMO_TODAY, now=now)
        assert (mine.kind, mine.tool) == ("answer", tool), (question, mine)
        if tool in ("demand_forecast", "explain_forecast", "forecast_accuracy"):
            continue  # each database holds its own forecast run (same data, same numbers)
        assert _without_run(mine.result) == _without_run(theirs.result), question


def _without_run(result: object) -> object:
    """The result with run timestamps and durations left out (they differ per run)."""
    from tools.jsonable import plain

    data = plain(result)

    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {
                k: strip(v) for k, v in value.items() if k not in ("created_at", "duration_seconds")
            }
        if isinstance(value, list):
            return [strip(v) for v in value]
        if isinstance(value, float):
            return round(value, 6)
        return value

    return strip(data)
