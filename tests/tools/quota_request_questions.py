# ruff: noqa: E501 (one question a line)
# fmt: off
"""Quota change requests and decisions as each role types them, written for the quota
approvals issue (2026-12-01) before the router read them: targets as "to 12.500", "by 10%",
"down by 5%", "10k"; reasons after "because", "perché", a colon, a comma-free second
sentence; requests by number ("la 4", "#2"); the lists of requests waiting. Same format as
role_questions.py (today is Friday 2026-11-27: "Q1" is 2027-Q1, this quarter 2026-Q4).

"confirm:<tool>" is a write shown for the person's yes with those arguments; "routed:<tool>"
reached the tool with those arguments, whatever its answer (a request number that does not
exist in the demo, a quota the demo does not have)."""

from tests.tools.role_questions import (
    BIANCHI,
    BRAMBILLA,
    COLOMBO,
    DEANGELIS,
    ESPOSITO,
    HARRIS,
    LOBIANCO,
    MARCHI,
    RICCI,
    ROSSI,
    WALKER,
    ZANETTI,
    Q,
)

QUOTA_REQUESTS: list[Q] = [
    # Reps: their own quota.
    Q(ROSSI, "raise my q1 quota to 12500 because ACME doubled its order", "confirm:request_quota_change",
      {"period": "2027-Q1", "target_units": 12500, "reason": "ACME doubled its order"}),
    Q(ROSSI, "alza la mia quota del Q1 a 12.500 perché Casalinghi Colombo apre due negozi",
      "confirm:request_quota_change", {"period": "2027-Q1", "target_units": 12500}),
    Q(WALKER, "can you lower my Q1 target by 10%? lost the Harrods account", "confirm:request_quota_change",
      {"period": "2027-Q1", "change_pct": -10, "reason": "lost the Harrods account"}),
    Q(MARCHI, "request a quota change: q1 to 9500 because the Rimini store closed",
      "confirm:request_quota_change", {"period": "2027-Q1", "target_units": 9500}),
    # The words after the comma, with no figure in them, are the reason.
    Q(ESPOSITO, "my q1 quota shuold be 10k, the two big accounts closed", "confirm:request_quota_change",
      {"target_units": 10000, "reason": "the two big accounts closed"}),
    Q(ZANETTI, "portami la quota del q1 a 16000 pz: la fiera di verona è saltata",
      "confirm:request_quota_change", {"period": "2027-Q1", "target_units": 16000}),
    Q(LOBIANCO, "riduci la mia quota di questo trimestre del 5% perché il magazzino di Catania è chiuso",
      "confirm:request_quota_change", {"period": "2026-Q4", "change_pct": -5}),
    Q(BRAMBILLA, "increase my quota by 800 units since Ferramenta Sforza came back", "confirm:request_quota_change",
      {"change_units": 800, "reason": "Ferramenta Sforza came back"}),
    Q(ROSSI, "raise brambilla's q1 quota to 10000 because he asked me", "denied"),
    Q(WALKER, "change my q1 quota pls", "clarify:target"),
    # Managers: their team's quotas, and the requests waiting for them.
    Q(BIANCHI, "alza la quota q1 di zanetti del 10% perché apre due negozi", "confirm:request_quota_change",
      {"person": ZANETTI, "period": "2027-Q1", "change_pct": 10}),
    Q(BIANCHI, "metti la quota q1 di brambilla a 9000: ha perso un cliente grosso", "confirm:request_quota_change",
      {"person": BRAMBILLA, "period": "2027-Q1", "target_units": 9000}),
    Q(HARRIS, "cut walker's q1 target by 500 units as Harrods left", "confirm:request_quota_change",
      {"person": WALKER, "period": "2027-Q1", "change_units": -500, "reason": "Harrods left"}),
    Q(HARRIS, "raise rossi's q1 quota to 13000 because the north is booming", "denied"),
    Q(BIANCHI, "any quota requests waiting for me?", "quota_requests"),
    Q(BIANCHI, "cosa devo approvare?", "quota_requests"),
    Q(HARRIS, "pending approvals", "quota_requests"),
    Q(BIANCHI, "richieste in attesa", "quota_requests"),
    Q(BIANCHI, "richieste di quota approvate", "quota_requests", {"status": "approved"}),
    Q(HARRIS, "show me rejected quota requests", "quota_requests", {"status": "rejected"}),
    Q(BIANCHI, "approva la richiesta 3", "routed:decide_quota_request", {"request": 3, "decision": "approve"}),
    Q(BIANCHI, "rifiuta la 4: la fabbrica è piena a marzo", "routed:decide_quota_request",
      {"request": 4, "decision": "reject", "note": "la fabbrica è piena a marzo"}),
    Q(HARRIS, "reject request #2, plants can't make it", "routed:decide_quota_request",
      {"request": 2, "decision": "reject", "note": "plants can't make it"}),
    Q(HARRIS, "ask for changes on request 5: split it by family", "routed:decide_quota_request",
      {"request": 5, "decision": "changes", "note": "split it by family"}),
    Q(BIANCHI, "ok approvo la #6", "routed:decide_quota_request", {"request": 6, "decision": "approve"}),
    # Admin.
    Q(DEANGELIS, "approve 7", "routed:decide_quota_request", {"request": 7, "decision": "approve"}),
    Q(DEANGELIS, "alza la quota q1 di walker a 12000 perché lo chiede Emma", "confirm:request_quota_change",
      {"person": WALKER, "target_units": 12000}),
    Q(DEANGELIS, "quota change requests", "quota_requests"),
    # Operations and marketing neither ask for quota changes nor decide them.
    Q(COLOMBO, "raise rossi's q1 quota to 13000 because the plant has room", "denied"),
    Q(RICCI, "approva la richiesta 2", "denied"),
]

# Commission, as reps and managers ask about pay (today 2026-11-27, this quarter 2026-Q4).
COMMISSION: list[Q] = [
    Q(ROSSI, "what do I earn if I close 500 more PAD-28?", "commission_estimate",
      {"product": "PAD-28", "quantity": 500}),
    Q(ROSSI, "quanto guadagno se chiudo l'obiettivo?", "commission_estimate", {"to_target": True}),
    Q(ZANETTI, "le mie provvigioni di questo trimestre", "commission_estimate", {"period": "2026-Q4"}),
    Q(WALKER, "how much commission if I hit my quota", "commission_estimate", {"to_target": True}),
    Q(MARCHI, "commission on 200 moka 6 tazze?", "commission_estimate",
      {"product": "MOK-006", "quantity": 200}),
    Q(ESPOSITO, "quanto guadagnerei vendendo 300 padelle 28", "commission_estimate",
      {"product": "PAD-28", "quantity": 300}),
    Q(BRAMBILLA, "my commision so far", "commission_estimate"),
    Q(BIANCHI, "provvigioni di rossi se chiude 1000 padelle 28", "commission_estimate",
      {"person": ROSSI, "product": "PAD-28", "quantity": 1000}),
    Q(ROSSI, "commission for brambilla", "denied"),
    Q(HARRIS, "what would rossi earn if she hits target", "denied"),
    Q(COLOMBO, "commission of rossi", "denied"),
]

# Splitting a family's quota across territories, as managers and admins ask.
ALLOCATION: list[Q] = [
    Q(BIANCHI, "split 12,000 units of PENTOLE for 2027-Q1 across my territories",
      "confirm:allocate_quota", {"family": "PENTOLE", "period": "2027-Q1", "target_units": 12000}),
    Q(BIANCHI, "ripartisci 3000 padelle del Q1 tra i miei territori", "confirm:allocate_quota",
      {"family": "PADELLE", "period": "2027-Q1", "target_units": 3000}),
    Q(HARRIS, "allocate 5k knives for q1 across my territories", "confirm:allocate_quota",
      {"family": "COLTELLI", "target_units": 5000}),
    # The demo's only admin: nobody else could approve it, said before any yes.
    Q(DEANGELIS, "distribuisci 20000 moka del primo trimestre tra i territori", "error:no_approver",
      {"family": "MOKA", "target_units": 20000}),
    Q(BIANCHI, "split 5000 units across my territories", "clarify:family"),
    Q(HARRIS, "split the pans quota across my territories", "clarify:total"),
    Q(ROSSI, "split 100 pentole across my territories", "denied"),
]
