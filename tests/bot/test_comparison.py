"""Answers side by side ("forecast accuracy by family"): each side's own answer on a line,
with what every side says alike said once."""

from __future__ import annotations

from sqlalchemy import Engine

from bot.render.cards import card
from bot.render.text import plain
from tests.conftest import DEMO_TODAY, NOW
from tools.assistant import Assistant


def test_what_every_side_says_alike_is_said_once(demo_engine: Engine) -> None:
    """ "Forecast accuracy by family" repeated "Not yet checked against later sales (...)"
    on each of five rows (trial 20): the shared clause stands once above them, and each row
    keeps its own figures."""
    asked = Assistant(demo_engine).ask(
        "forecast accuracy by family last 3 months", user="U01HARRIS", today=DEMO_TODAY, now=NOW
    )
    assert asked.kind == "answer" and len(asked.result.sides) > 2
    shown = card(asked)
    text = plain(shown).replace("\n", " ")
    assert text.count("Not yet checked against later sales") == 1
    assert all(not line.startswith("Not yet") for _, line in shown.rows)
    assert all("median MASE" in line for _, line in shown.rows)
    assert len({line for _, line in shown.rows}) == len(shown.rows)  # each side its own
