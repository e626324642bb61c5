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


def test_two_reps_order_books_side_by_side(demo_engine: Engine) -> None:
    """ "Confronta backlog Rossi vs Zanetti" showed Rossi's book alone (trial 21): each
    rep's open orders on a line, as each one's own answer has them."""
    from planning.access import identify
    from planning.sales import SalesFilter, order_book, sales_scope

    asked = Assistant(demo_engine).ask(
        "confronta backlog Rossi vs Zanetti", user="U01BIANCHI", today=DEMO_TODAY, now=NOW
    )
    assert asked.kind == "answer" and asked.tool == "open_orders"
    scope = sales_scope(demo_engine, identify(demo_engine, "U01BIANCHI"))
    books = [side.result for side in asked.result.sides]
    for rep, book in zip(("U01ROSSI", "U01ZANETTI"), books, strict=True):
        alone = order_book(demo_engine, scope, SalesFilter(person=rep), today=DEMO_TODAY)
        assert (book.units, book.value) == (alone.units, alone.value) and book.units > 0
    text = plain(card(asked))
    assert "Giulia Rossi" in text and "Marco Zanetti" in text
