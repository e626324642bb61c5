# ruff: noqa: E501 (one question a line)
# fmt: off
"""A fourth new user's trial of quotas (2026-12-01): 30 questions written by someone who
had not read the router, before running them (10 per group), with the outcome a careful
planner would want; then what the trial met on the way. At the trial 21 were right, 5
partly, 4 wrong, and "rifiuto la richiesta 2" read as an approval (stopped only by the
confirmation). The demo holds no quota request: a decision by number is judged by its
routing, the history of one says there is none. Same format as role_questions.py (today is
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

QUOTA_TRIAL4: list[Q] = [
    # Reps.
    Q(ROSSI, "come sto andando sulla quota q4? qtd pls", "quota_status", {"period": "2026-Q4"}),
    Q(WALKER, "whats my forecast at end of quarter vs quota", "quota_status"),
    Q(BRAMBILLA, "vorrei +15% sulla quota q1 perché abbiamo un nuovo cliente grande a Torino",
      "confirm:request_quota_change", {"period": "2027-Q1", "change_pct": 15}),
    Q(ZANETTI, "mettimi 300 pz in meno sul q1, il mercato è fermo", "confirm:request_quota_change",
      {"period": "2027-Q1", "change_units": -300, "reason": "il mercato è fermo"}),
    Q(ESPOSITO, "se vendo 200 moka classica 3 tazze in più quanto prendo di provvigione?", "commission_estimate",
      {"product": "MOK-003", "quantity": 200}),
    Q(MARCHI, "quanto guadagno di commissioni se arrivo al 110% della quota?", "commission_estimate",
      {"reach_pct": 110}),
    Q(LOBIANCO, "qual è la quota di Rossi?", "denied"),
    Q(WALKER, "if i book another 50k revenue this qtr what's my commision?", "commission_estimate",
      {"revenue": 50000}),
    Q(ROSSI, "chi ha cambiato la mia quota e quando?", "audit_trail"),
    Q(ROSSI, "voglio cambiare la quota del q3 2026 a 500 pezzi", "error:period_closed"),
    # Managers.
    Q(BIANCHI, "classifica del team per raggiungimeto quota qtd", "quota_status"),
    Q(HARRIS, "whos on my team going to miss quota at end of q4?", "quota_status"),
    Q(BIANCHI, "alza la quota q1 di Zanetti di un terzo", "clarify:reason", {"person": ZANETTI, "change_pct": 100 / 3}),
    Q(HARRIS, "halve Lo Bianco's q1 revenue quota, Sicily stores closing", "confirm:request_quota_change",
      {"person": LOBIANCO, "change_pct": -50, "reason": "Sicily stores closing"}),
    Q(BIANCHI, "quanto ha fatto Marco finora sul q4?", "quota_status", {"person": ZANETTI, "period": "2026-Q4"}),
    Q(BIANCHI, "metti tutta la quota padelle q1 al nord ovest", "confirm:allocate_quota",
      {"family": "PADELLE", "shares": {"nord ovest": 100}, "whole": True}),
    Q(BIANCHI, "dividi la qota moka del q1 metà e metà tra NO e NE", "clarify:total",
      {"family": "MOKA", "shares": {"NO": 50, "NE": 50}}),
    Q(HARRIS, "allocate q1 pentole across my territories by last year's sales", "clarify:total",
      {"family": "PENTOLE", "by": "last_year"}),
    Q(BIANCHI, "cambia la quota di Marchi del q1 a 2000 pezzi", "denied"),
    Q(HARRIS, "set the Q1 quota for MOK-003 in CE to 500 units", "error:quota_not_per_product"),
    # Admin, operations, marketing.
    Q(DEANGELIS, "mostrami tutte le richieste di modifica quota in attesa", "quota_requests"),
    Q(DEANGELIS, "rifiuta la 9999 pls", "error:no_quota_request"),
    Q(DEANGELIS, "storico modifiche quote del q4 2026", "audit_trail", {"period": "2026-Q4"}),
    Q(DEANGELIS, "who changed the PADELLE quotas and when?", "audit_trail", {"family": "PADELLE"}),
    Q(COLOMBO, "quota totale q1 per famiglia?", "quota_status", {"period": "2027-Q1", "by_family": True}),
    Q(GALLI, "aumenta la quota di Esposito del 20%", "denied"),
    Q(RICCI, "how's MOKA tracking vs quota this qtr by territory?", "denied"),
    Q(BARBIERI, "approva la richiesta 1", "denied"),
    Q(MORETTI, "chi ha approvato la richiesta 1 e quando?", "error:no_quota_request"),
    Q(DEANGELIS, "metti la quota q1 di walker a -5000 pz", "error:quota_target_not_positive"),
    # Met on the way: a refusal said without "rifiuta", how a request went, the manager's
    # territory quotas, a split said without a verb.
    Q(DEANGELIS, "rifiuto la richiesta 2: i numeri non tornano", "routed:decide_quota_request",
      {"request": 2, "decision": "reject"}),
    Q(DEANGELIS, "non approvo la 2, i numeri non tornano", "routed:decide_quota_request",
      {"request": 2, "decision": "reject"}),
    Q(DEANGELIS, "respingo la 2 perché è fuori budget", "routed:decide_quota_request",
      {"request": 2, "decision": "reject"}),
    Q(ESPOSITO, "che fine ha fatto la mia richiesta?", "quota_requests"),
    Q(HARRIS, "what happened to request #2?", "error:no_quota_request"),
    Q(BRAMBILLA, "storico della mia quota", "audit_trail"),
    Q(BIANCHI, "quote moka q1 per territorio", "quota_status", {"family": "MOKA"}),
    Q(BIANCHI, "quota moka q1 8000 pezzi: 70% Nord-Ovest, 30% Nord-Est", "confirm:allocate_quota",
      {"target_units": 8000, "shares": {"Nord-Ovest": 70, "Nord-Est": 30}}),
]
