# ruff: noqa: E501 (a table of questions and why each is not answered right yet)
"""The realistic question set (tests/tools/role_questions.py), asked through the assistant
over the demo company as the person who typed it.

Every question must get the answer a careful planner expects. The ones Ponte does not answer
right yet are listed in NOT_YET with the reason: they are strict expected failures, so one
that starts passing fails the suite until it is taken off the list (the list only shrinks).
bench/router_bench.py prints the share right per role and language.
"""

from __future__ import annotations

import pytest

from tests.conftest import Ask
from tests.tools.role_questions import QUESTIONS, Q, judge

# question text -> why it is not answered right yet
NOT_YET: dict[str, str] = {
    "quante padelle da 24 abbiamo?": "product: expected 'PAD-24'",
    "entro natale riesco a dare 50 set coltelli bistecca a ferramenta sforza?": "expected an answer from available_to_promise",
    "Can I promise 120 pcs of the 24cm frying pan by Friday?": "date: expected datetime.date(2026, 12, 4)",
    "posso promettere 500 PAD-24 a partenope entro natale": "expected an answer from available_to_promise",
    "posso promettere 30 valvole entro venerdì a casalinghi vesuvio?": "date: expected datetime.date(2026, 12, 4)",
    "stock of the tegame at lumezzane": "expected an answer from stock_status",
    "mia quota anno": "period: expected '2026'",
    "posso promettere 100 guarnizioni moka 3 tazze a casalinghi trinacria per giovedì?": "expected an answer from available_to_promise",
    "Can I promise 40 pressure cookers to Maison de la Moka by Easter?": "expected an answer from available_to_promise",
    "how many espresso makers did Maison de la Moka buy in october?": "expected an answer from sales_history",
    "whats the price of the 3 cup moka gasket": "expected an answer from product_info",
    "can I promise 90 crepe pans by end of next quarter": "expected an answer from available_to_promise",
    "top 10 clienti nord-ovest 2026": "period: expected '2026'",
    "sales of Casalinghi Serenissima last 3 months": "expected an answer from sales_history",
    "a che punto è Brambilla con la quota dell'anno": "period: expected '2026'",
    "how did Bottega Etnea do this year vs last year": "expected an answer from sales_history",
    "how's the new rep doing on quota?": "expected a question back for the person",
    "stock PAD-28 a Lumezzane": "expected an answer from stock_status",
    "set safety stock PAD-28 to 400": "expected read_only",
    "where do we stock the lid knob?": "expected an answer from product_info",
    "knife stock at the Maniago plant": "expected an answer from stock_status",
    "pressure cooker stock at lumezzane": "expected an answer from stock_status",
    "posso promettere 600 moka induzione 6 tazze per Ferragosto?": "expected an answer from available_to_promise",
    "top 5 prodotti 2026": "period: expected '2026'",
    "the induction mokas, sales this year": "expected an answer from sales_history",
    "what's the best selling knife in export this year?": "expected an answer from sales_history",
    "sales by territory 2026": "period: expected '2026'",
}


def test_the_set_is_big_balanced_and_unique() -> None:
    texts = [q.text for q in QUESTIONS]
    assert len(texts) >= 200
    assert len(set(texts)) == len(texts)
    assert set(NOT_YET) <= set(texts), set(NOT_YET) - set(texts)


def _case(q: Q) -> object:
    marks = [pytest.mark.xfail(reason=NOT_YET[q.text], strict=True)] if q.text in NOT_YET else []
    return pytest.param(q, id=f"{q.asker}:{q.text[:50]}", marks=marks)


@pytest.mark.parametrize("question", [_case(q) for q in QUESTIONS])
def test_answered_as_a_planner_expects(ask: Ask, question: Q) -> None:
    outcome = ask(question.text, user=question.asker)
    problem = judge(question, outcome)
    assert problem is None, problem
