"""Every kept question set (tests/tools/kept_sets.py), asked through the assistant over the
demo company as the person who typed each question, judged as a careful planner would.

The questions not answered right yet are strict expected failures with their reason, so one
that starts passing fails the suite until it leaves its set's NOT_YET (the lists only shrink).
"""

from __future__ import annotations

import pytest

from tests.conftest import Ask
from tests.tools.kept_sets import KEPT
from tests.tools.role_questions import Q, cases, judge


@pytest.mark.parametrize(
    "question",
    [case for name, kept in KEPT.items() for case in cases(kept.questions, kept.not_yet, name)],
)
def test_answered_as_a_planner_expects(ask: Ask, question: Q) -> None:
    problem = judge(question, ask(question.text, user=question.asker))
    assert problem is None, problem
