# ruff: noqa: E501 (one question a line)
# fmt: off
"""A sixth new user's trial of quotas (2026-12-01): 30 questions written by someone who had
not read the router, before running them (10 per group), with the outcome a careful planner
would want. At the trial 24 were right, 5 partly, 1 wrong. The demo holds no quota request:
a decision by number is judged by its routing. Same format as role_questions.py (today is
Friday 2026-11-27)."""

from tests.tools.role_questions import (
    BARBIERI,
    BIANCHI,
    BRAMBILLA,
    COLOMBO,
    DEANGELIS,
    ESPOSITO,
    GALLI,
    HARRIS,
    LOBIANCO,
    MARCHI,
    MORETTI,
    RICCI,
    ROSSI,
    WALKER,
    ZANETTI,
    Q,
)

QUOTA_TRIAL6: list[Q] = [
    # Reps.
    Q(ROSSI, "ciao! come sto messa con la quota sto trimestre?", "quota_status", {"period": "2026-Q4"}),
    Q(BRAMBILLA, "ci arrivo a fine Q4 o no? dammi il forecast", "quota_status", {"period": "2026-Q4"}),
    Q(WALKER, "how much commission do i make if I hit 110% this qtr?", "commission_estimate", {"reach_pct": 110}),
    Q(ZANETTI, "vorrei abbassare la mia quota del Q1 del 10% perchè Coop ha chiuso 2 punti vendita",
      "confirm:request_quota_change", {"period": "2027-Q1", "change_pct": -10}),
    Q(MARCHI, "qual'è la quota di Esposito?", "denied"),
    Q(ESPOSITO, "com'è andata la mia richiesta di modifica quota??", "quota_requests"),
    Q(LOBIANCO, "se chiudo il trimestre al 95% quanto prendo di provvigioni?", "commission_estimate", {"reach_pct": 95}),
    Q(ROSSI, "posso cambiare la quota del Q3? era troppo alta", "error:period_closed"),
    Q(BRAMBILLA, "quanto è la quota della MOK-003 in NO?", "quota_status", {"product": "MOK-003"}),
    Q(WALKER, "cut my Q1 quota by 150% pls", "error:quota_target_not_positive"),
    # Managers.
    Q(BIANCHI, "classifica del team per attainment Q4", "quota_status", {"period": "2026-Q4"}),
    Q(HARRIS, "how's my team tracking vs quota and where do we land end of quarter?", "quota_status"),
    Q(BIANCHI, "dividi la quota PADELLE del Q1 tra NO e NE 60/40", "clarify:total",
      {"family": "PADELLE", "shares": {"NO": 60, "NE": 40}}),
    Q(HARRIS, "any pending requests from my guys?", "quota_requests"),
    Q(BIANCHI, "chi ha toccato la quota di Zanetti e quando?", "audit_trail", {"person": ZANETTI}),
    Q(HARRIS, "what's Giulia's attainment?", "denied"),
    Q(HARRIS, "reject request 9999, numbers dont add up", "error:no_quota_request"),
    Q(BIANCHI, "alza la quota di Brambilla nel Q1 di 15k, ha preso Esselunga",
      "error:quota_measure_unclear"),  # 15k: +168% in pieces or +5% in euros? asked, nothing sent
    Q(HARRIS, "commission for Antonio if he closes at 120%?", "commission_estimate",
      {"person": ESPOSITO, "reach_pct": 120}),
    Q(BIANCHI, "totale aziendale quote Q4, a che punto siamo?", "quota_status", {"period": "2026-Q4", "company": True}),
    # Admin, operations, marketing.
    Q(DEANGELIS, "richieste in attesa di approvazione?", "quota_requests"),
    Q(DEANGELIS, "who changed the NO MOKA quota recently?", "audit_trail", {"territory": "NO", "family": "MOKA"}),
    Q(COLOMBO, "totale quote aziendali Q1 2027 per famiglia", "quota_status", {"period": "2027-Q1", "by_family": True}),
    Q(GALLI, "set Walker's Q1 quota to 300k", "denied"),
    Q(MORETTI, "forecast fine trimestre per territorio?", "quota_status"),
    Q(RICCI, "quanto manca all'obiettivo coltelli in export?", "denied"),  # marketing sees no quotas
    Q(BARBIERI, "approve request 1", "denied"),
    Q(DEANGELIS, "storico modifiche quota Rossi", "audit_trail", {"person": ROSSI}),
    Q(DEANGELIS, "allocate the Q1 RICAMBI quota evenly across all territories", "error:no_approver"),  # the only admin
    Q(COLOMBO, "quanto prende di provvigione la Rossi sto trimestre?", "denied"),
]
