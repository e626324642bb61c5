# ruff: noqa: E501 (one question a line)
# fmt: off
"""A second new user's trial of quotas (2026-12-01): the questions of trial 2 (30, written
before running them by someone who had not read the router) that were answered wrong or in
part, kept as typed, with variants of the same misreadings. A split the person gives and
Ponte cannot read whole is asked back ("clarify:shares"), never replaced by the split from
sales; a name that fits several territories is refused in one line. Same format as
role_questions.py (today is Friday 2026-11-27)."""

import datetime as dt

from tests.tools.role_questions import (
    BIANCHI,
    BRAMBILLA,
    COLOMBO,
    DEANGELIS,
    ESPOSITO,
    HARRIS,
    ROSSI,
    WALKER,
    Q,
)

QUOTA_TRIAL2: list[Q] = [
    # Wrong in the trial.
    Q(ESPOSITO, "quanto prendo se vendo 200 espresso maker 3 cups in piu?", "commission_estimate",
      {"product": "MOK-003", "quantity": 200}),
    Q(BIANCHI, "dividi la quota padelle di Q1 tra i territori 50/30/20 nord centro sud",
      "error:ambiguous_territory"),
    Q(HARRIS, "split moka Q1 quota across territories 40% north 60% south", "error:ambiguous_territory"),
    Q(BIANCHI, "alza la quota di giulia rossi per PAD-28 nel Q1 a 12.000 perché apre un nuovo punto vendita",
      "error:quota_not_per_product"),
    Q(HARRIS, "forecast end of quarter for james walker on pentole", "quota_status",
      {"person": WALKER, "family": "PENTOLE"}),
    Q(BIANCHI, "chi ha cambiato la quota di brambilla e quando?", "audit_trail", {"person": BRAMBILLA}),
    # In part.
    Q(ROSSI, "my quota on the frying pan 28", "quota_status", {"product": "PAD-28"}),
    # The same misreadings, said other ways.
    Q(BIANCHI, "ripartisci 9000 padelle nel Q1 60/40 nord-ovest e nord est", "confirm:allocate_quota",
      {"target_units": 9000, "shares": {"nord-ovest": 60, "nord est": 40}}),
    Q(BIANCHI, "dividi 9000 padelle Q1 tra i miei territori 50% al nord ovest e il resto al nord est",
      "confirm:allocate_quota", {"shares": {"nord ovest": 50, "nord est": 50}}),
    Q(HARRIS, "split 8000 moka next quarter: 70% centre, 30% south", "confirm:allocate_quota",
      {"target_units": 8000, "shares": {"centre": 70, "south": 30}}),
    Q(HARRIS, "split 8000 moka next quarter across my territories 70/30", "clarify:shares"),
    Q(BIANCHI, "dividi 12000 pentole Q1: 50% al nord ovest e poi vediamo", "clarify:shares"),
    Q(ROSSI, "who changed my quota?", "audit_trail"),
    Q(WALKER, "how much would I make if I sell 300 more PAD-24?", "commission_estimate",
      {"product": "PAD-24", "quantity": 300}),
    Q(ROSSI, "alza la mia quota sul PAD-24 del 10% perché va forte", "error:quota_not_per_product"),
    # A split of revenue quotas, in euros (it asked for pieces).
    Q(HARRIS, "split €120,000 of coltelli revenue for Q1 across my territories", "confirm:allocate_quota",
      {"family": "COLTELLI", "target_revenue": 120000}),
    # The audit trail for a period: the quarter's quotas, or (any other period) changes made
    # then.
    Q(DEANGELIS, "chi ha approvato cosa oggi?", "audit_trail", {"made": dt.date(2026, 11, 27)}),
    Q(DEANGELIS, "storico modifiche quota Q1 di giulia rossi", "audit_trail",
      {"person": ROSSI, "period": "2027-Q1"}),
    Q(BIANCHI, "who changed quotas last week?", "audit_trail", {"period": "2026-11-16..2026-11-22"}),
    Q(DEANGELIS, "modifiche alle quote di novembre", "audit_trail", {"period": "2026-11"}),
    Q(COLOMBO, "vendite della settimana scorsa", "sales_history", {"period": "2026-11-16..2026-11-22"}),
    # "fine trimestre" in a forecast: up to that day, not the default 12 weeks.
    Q(COLOMBO, "previsione moka a fine trimestre", "demand_forecast",
      {"family": "MOKA", "period": "2026-11-27..2026-12-31"}),
    Q(HARRIS, "forecast pentole to the end of the quarter", "demand_forecast",
      {"family": "PENTOLE", "period": "2026-11-27..2026-12-31"}),
]
