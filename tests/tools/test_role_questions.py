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
from tests.tools.role_questions import QUESTIONS, Q, cases, judge

# question text -> why it is not answered right yet
NOT_YET: dict[str, str] = {
    "how many espresso makers did Maison de la Moka buy in october?": "expected an answer from sales_history",
    "how's the new rep doing on quota?": "expected a question back for the person",
    "where do we stock the lid knob?": "expected an answer from product_info",
    "capacità lumezzane moka a Ferragosto": "expected an answer from capacity_check",
}


def test_the_set_is_big_balanced_and_unique() -> None:
    texts = [q.text for q in QUESTIONS]
    assert len(texts) >= 200
    assert len(set(texts)) == len(texts)
    assert set(NOT_YET) <= set(texts), set(NOT_YET) - set(texts)


@pytest.mark.parametrize("question", cases(QUESTIONS, NOT_YET))
def test_answered_as_a_planner_expects(ask: Ask, question: Q) -> None:
    problem = judge(question, ask(question.text, user=question.asker))
    assert problem is None, problem
