# ruff: noqa: E501 (one question a line)
# fmt: off
"""A third new user's trial of quotas (2026-12-01): 30 questions written by someone who had
not read the router, before running them (10 per group: reps, managers, admin/ops/
marketing), with the expected outcome a careful planner would want; then the rewordings the
trial tried when a first attempt failed. At the trial 16 were right, 9 partly, 5 wrong. The
demo holds no quota request: deciding one by number is judged by its routing, and the
history of one says there is none. Same format as role_questions.py (today is Friday
2026-11-27)."""

from tests.tools.role_questions import (
    BIANCHI,
    BRAMBILLA,
    COLOMBO,
    DEANGELIS,
    ESPOSITO,
    GALLI,
    HARRIS,
    LOBIANCO,
    MARCHI,
    RICCI,
    ROSSI,
    WALKER,
    ZANETTI,
    Q,
)

QUOTA_TRIAL3: list[Q] = [
    # Reps.
    Q(ROSSI, "qual è la mia quota q1?", "quota_status", {"period": "2027-Q1"}),
    Q(BRAMBILLA, "quanto prendo di provviggione se chiudo il q4 a 50k di fatturato?", "commission_estimate",
      {"revenue": 50000, "period": "2026-Q4"}),
    Q(ZANETTI, "voglio alzare la mia quota q1 del 10% pls", "clarify:reason", {"change_pct": 10}),
    Q(WALKER, "if I hit 120% of my quota this quarter what's my commission?", "commission_estimate",
      {"reach_pct": 120}),
    Q(MARCHI, "chi ha abbassato la mia quota?", "audit_trail"),
    Q(ESPOSITO, "qual e la quota di rossi?", "denied"),
    Q(LOBIANCO, "a che punto sono con la quota? e a fine trimestre dove arrivo col ritmo attuale", "quota_status"),
    Q(WALKER, "pls lower my Q1 revenue quota by 500", "clarify:reason", {"change_revenue": -500}),
    Q(ROSSI, "approva la richiesta 1", "denied"),
    Q(BRAMBILLA, "cambia la mia quota del q3 2026 a 1000 pezzi", "error:period_closed"),
    # Managers.
    Q(BIANCHI, "come va il tem rispetto alle quote q4?", "quota_status", {"period": "2026-Q4"}),
    Q(BIANCHI, "dividi la quota moka del q1: 60% nord ovest e il resto al nord est", "clarify:total",
      {"family": "MOKA", "shares": {"nord ovest": 60, "nord est": 40}}),
    Q(HARRIS, "split the PENTOLE q1 quota 60/40 between CE and SU", "clarify:total",
      {"family": "PENTOLE", "shares": {"CE": 60, "SU": 40}}),
    Q(BIANCHI, "approva la richiesta 2", "routed:decide_quota_request", {"request": 2, "decision": "approve"}),
    Q(HARRIS, "reject request 3, the target is unrealistic", "routed:decide_quota_request",
      {"request": 3, "decision": "reject"}),
    Q(BIANCHI, "raddoppia la quota q1 di zanetti", "clarify:reason", {"person": ZANETTI, "change_pct": 100}),
    Q(HARRIS, "what's Esposito's forecast at end of quarter vs quota?", "quota_status", {"person": ESPOSITO}),
    Q(HARRIS, "give walker 500 more units in q1 pls", "clarify:reason",
      {"person": WALKER, "period": "2027-Q1", "change_units": 500}),
    Q(BIANCHI, "alza la quota q1 della marchi del 5%", "denied"),
    Q(BIANCHI, "dividi la quota padelle del q1 in parti uguali tra nord ovest e nord est", "clarify:total",
      {"family": "PADELLE", "even": True}),
    # Admin, operations, marketing.
    Q(DEANGELIS, "chi ha approvato la richiesta 2?", "error:no_quota_request"),
    Q(DEANGELIS, "rifiuta la richiesta 4, motivo: fuori budget", "routed:decide_quota_request",
      {"request": 4, "decision": "reject"}),
    Q(DEANGELIS, "storico modifiche quota NO MOKA q1", "audit_trail",
      {"territory": "NO", "family": "MOKA", "period": "2027-Q1"}),
    Q(COLOMBO, "quant moka dobbiamo fare nel q1 in totale secondo le quote?", "quota_status",
      {"family": "MOKA", "period": "2027-Q1"}),
    Q(GALLI, "can I change Rossi's Q1 quota to 800 units?", "denied"),
    Q(RICCI, "quota padelle NE q1?", "denied"),
    Q(RICCI, "approva la richiesta 1 per favore", "denied"),  # the rep's words, above, as typed
    Q(DEANGELIS, "set Export COLTELLI revenue quota for Q1 to -2000", "error:quota_target_not_positive"),
    Q(DEANGELIS, "quota totale azienda q4 vs venduto finora?", "quota_status", {"period": "2026-Q4"}),
    Q(DEANGELIS, "who changed Walker's quota last?", "audit_trail", {"person": WALKER}),
    # Rewordings the trial tried, and what it met on the way.
    Q(BIANCHI, "dividi la quota padelle del q1, 9000 pezzi, 60% nord ovest e il resto al nord est",
      "confirm:allocate_quota", {"period": "2027-Q1", "target_units": 9000}),
    Q(ZANETTI, "alza la mia quota q1 del 10% perché il nuovo cliente di verona parte a gennaio",
      "confirm:request_quota_change", {"change_pct": 10}),
    Q(WALKER, "what would my commission be if I close a 20k deal", "commission_estimate", {"revenue": 20000}),
    Q(WALKER, "what happened to my quota request?", "quota_requests"),
    Q(COLOMBO, "quote moka q1 per territorio", "quota_status", {"family": "MOKA"}),
    # A whole team at once: one request per quota, said with the team's names.
    Q(HARRIS, "raise my team's q1 quotas by 5% because the new catalogue launches", "error:quota_team_change"),
    Q(BIANCHI, "alza del 10% le quote q1 di tutto il mio team perché apre il nuovo negozio",
      "error:quota_team_change"),
]
