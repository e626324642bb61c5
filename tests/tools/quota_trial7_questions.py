# fmt: off
"""A seventh new user's trial of quotas (2026-12-01, 30 questions: 25 right, 3 partly, 2
wrong): what it got wrong, kept as typed. Same format as role_questions.py (today is Friday
2026-11-27)."""

from tests.tools.role_questions import BIANCHI, MARCHI, Q

QUOTA_TRIAL7: list[Q] = [
    Q(BIANCHI, "dividi la quota padelle del Q1 tra nord-ovest 40% e nord-est 60%", "clarify:total",
      {"family": "PADELLE", "shares": {"nord-ovest": 40, "nord-est": 60}}),
    Q(MARCHI, "vorrei abbassare la mia quota del prox trimestre del 10%, il centro è fermo",
      "confirm:request_quota_change", {"period": "2027-Q1", "change_pct": -10}),
]
