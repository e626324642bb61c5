"""The realistic question set (tests/tools/role_questions.py), asked through the assistant
over the demo company as the person who typed it.

Every question must get the answer a careful planner expects; each is asked by
tests/tools/test_kept_questions.py, with the other kept sets. Here: the set itself holds.
"""

from __future__ import annotations

from tests.tools.kept_sets import KEPT
from tests.tools.role_questions import QUESTIONS


def test_the_set_is_big_balanced_and_unique() -> None:
    texts = [q.text for q in QUESTIONS]
    assert len(texts) >= 200
    assert len(set(texts)) == len(texts)
    not_yet = KEPT["realistic"].not_yet
    assert set(not_yet) <= set(texts), set(not_yet) - set(texts)
