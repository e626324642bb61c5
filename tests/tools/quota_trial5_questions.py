# ruff: noqa: E501 (one question a line)
# fmt: off
"""A fifth new user's trial of quotas (2026-12-01): 30 questions written by someone who had
not read the router, before running them (10 per group), with the outcome a careful planner
would want; then what the trial met in its two flows. At the trial 21 were right, 6 partly,
3 wrong. The demo holds no quota request: a decision by number is judged by its routing, the
history of one says there is none. Same format as role_questions.py (today is Friday
2026-11-27)."""

import datetime as dt

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

QUOTA_TRIAL5: list[Q] = [
    # Reps.
    Q(ROSSI, "come sto messa con la quota qtd?", "quota_status"),
    Q(WALKER, "where will I end up by end of Q4 if things keep going like this?", "quota_status",
      {"period": "2026-Q4"}),
    Q(ZANETTI, "alza la mia quota q1 di 2k in più perchè Brico Veneto apre 3 negozi", "confirm:request_quota_change",
      {"period": "2027-Q1", "change_units": 2000, "reason": "Brico Veneto apre 3 negozi"}),
    Q(ESPOSITO, "riducila a 9 mila la mia quota del q1, il mio cliente più grosso ha smesso di comprare",
      "error:quota_higher_than_asked"),  # "riducila" to 9,000 from 4,490: which one?
    Q(WALKER, "whats rossi's quota?", "denied"),
    Q(MARCHI, "quanto prendo di provvigioni se chiudo altri 300 pz di PAD-28?", "commission_estimate",
      {"product": "PAD-28", "quantity": 300}),
    Q(BRAMBILLA, "voglio la quota q1 per PAD-24 a 3000 pz, abbiamo un nuovo distributore", "error:quota_not_per_product"),
    Q(LOBIANCO, "com'è andata la mia richiseta di modifica quota?", "quota_requests"),
    Q(WALKER, "who changed my quota and when?", "audit_trail"),
    Q(ROSSI, "cambia la quota Q3 2026 a 10000 pz perché il Q3 è andato male", "error:period_closed"),
    # Managers.
    Q(HARRIS, "how's my team doing vs quota? rank em pls", "quota_status"),
    Q(BIANCHI, "alza la quota q1 di Zanetti un po', diciamo 10%, perché apre due negozi a Verona",
      "confirm:request_quota_change", {"person": ZANETTI, "change_pct": 10}),
    Q(HARRIS, "cut Esposito's Q1 target by a fifth, his biggest account is gone", "confirm:request_quota_change",
      {"person": ESPOSITO, "change_pct": -20, "reason": "his biggest account is gone"}),
    Q(BIANCHI, "ripartisci 6000 pentole del q1 tra i miei territori, 60/40 nord ovest e nord est",
      "confirm:allocate_quota", {"target_units": 6000, "shares": {"nord ovest": 60, "nord est": 40}}),
    Q(HARRIS, "split €90k of coltelli for q1 evenly across my territories", "confirm:allocate_quota",
      {"target_revenue": 90000, "even": True}),
    Q(BIANCHI, "quanto guadagna la Rossi se chiude l'obiettivo?", "commission_estimate",
      {"person": ROSSI, "to_target": True}),
    Q(HARRIS, "what's Brambilla's attainmnet?", "denied"),
    Q(BIANCHI, "previsione a fine trimestre per il mio team, chi ci arriva?", "quota_status"),
    Q(HARRIS, "raise Walker's q1 quota to 1 billion units lol", "error:quota_target_absurd"),
    Q(BIANCHI, "storico modifiche quota q1 di zanetti", "audit_trail", {"person": ZANETTI, "period": "2027-Q1"}),
    # Admin, operations, marketing.
    Q(DEANGELIS, "cosa c'è da approvare?", "quota_requests"),
    Q(DEANGELIS, "approva la richiesta 99", "error:no_quota_request"),
    Q(COLOMBO, "quota totale aziendale Q4, a che punto siamo?", "quota_status", {"period": "2026-Q4"}),
    Q(DEANGELIS, "rifiuta la n.1 pls, prima voglio vedere i numeri di gennaio", "routed:decide_quota_request",
      {"request": 1, "decision": "reject"}),
    Q(RICCI, "qual è la quota di Esposito?", "denied"),
    Q(MORETTI, "alza la quota di Rossi del 5% per il q1, thx", "denied"),
    Q(DEANGELIS, "who approved what today?", "audit_trail", {"made": dt.date(2026, 11, 27)}),
    Q(BARBIERI, "quanto guadagna Walker di commissioni?", "denied"),
    Q(DEANGELIS, "set NO MOKA Q1 quota +8% because of the Christmas promo carryover", "confirm:request_quota_change",
      {"territory": "NO", "family": "MOKA", "change_pct": 8, "reason": "the Christmas promo carryover"}),
    Q(GALLI, "quota NE padelle q4 a che punto è? e fcst fine periodo?", "quota_status",
      {"territory": "NE", "family": "PADELLE", "period": "2026-Q4"}),
    # Met in the flows: approvals and rejections in people's own words, how a request went.
    Q(BIANCHI, "ok per la 1 di Giulia, via libera", "routed:decide_quota_request", {"request": 1, "decision": "approve"}),
    Q(BIANCHI, "approvo la #1, ci sta", "routed:decide_quota_request", {"request": 1, "decision": "approve"}),
    Q(DEANGELIS, "anything waiting for me?", "quota_requests"),
    Q(DEANGELIS, "nope on #2 - plants can't do it", "routed:decide_quota_request", {"request": 2, "decision": "reject"}),
    Q(DEANGELIS, "turning down #2: no capacity in january", "routed:decide_quota_request",
      {"request": 2, "decision": "reject"}),
    Q(DEANGELIS, "bocciata la 2 perché mancano i numeri", "routed:decide_quota_request",
      {"request": 2, "decision": "reject"}),
    Q(HARRIS, "what happened to my padelle split?", "quota_requests"),
    Q(HARRIS, "was my split request approved?", "quota_requests"),
    Q(HARRIS, "how did request 2 go?", "error:no_quota_request"),
]
