# ruff: noqa: E501 (one question a line)
# fmt: off
"""Questions about alerts, written for the alerts issue from each role's side before the
router was changed for them (2026-12-01), after a new-user trial of the alerts (39 of 90
right): places named as a plant or a city, "critical", "assigned to me", "unassigned", a
family's "problems", drift and quota alerts, typos. Same format as role_questions.py (today
is Friday 2026-11-27)."""

from tests.tools.role_questions import (
    BIANCHI,
    BRAMBILLA,
    COLOMBO,
    GALLI,
    HARRIS,
    MARCHI,
    MORETTI,
    ROSSI,
    WALKER,
    ZANETTI,
    Q,
)

ALERTS: list[Q] = [
    # Operations: where, how bad, whose.
    Q(COLOMBO, "alerts for the maniago plant", "list_alerts", {"place": "PLT-MAN"}),
    Q(GALLI, "any alerts at PLT-LUM?", "list_alerts", {"place": "PLT-LUM"}),
    Q(MORETTI, "allerte stabilimento di Lumezzane", "list_alerts", {"place": "PLT-LUM"}),
    Q(COLOMBO, "what's critical?", "list_alerts", {"severity": "high"}),
    Q(GALLI, "whats critical this week", "list_alerts", {"severity": "high"}),
    Q(MORETTI, "cosa c'è di critico questa settimana?", "list_alerts", {"severity": "high"}),
    Q(COLOMBO, "alerts assigned to me", "list_alerts", {"assigned": "me"}),
    Q(GALLI, "le allerte assegnate a me", "list_alerts", {"assigned": "me"}),
    Q(MORETTI, "unassigned alerts", "list_alerts", {"assigned": "nobody"}),
    Q(COLOMBO, "allerte non assegnate", "list_alerts", {"assigned": "nobody"}),
    Q(COLOMBO, "high severity alerts at WH-MIL", "list_alerts",
      {"severity": "high", "place": "WH-MIL"}),
    Q(GALLI, "stockout alerts at the milan warehouse", "list_alerts",
      {"focus": "stockout", "place": "WH-MIL"}),
    Q(MORETTI, "allerte capacità maniago", "list_alerts", {"focus": "capacity", "place": "PLT-MAN"}),
    Q(COLOMBO, "any alrets today?", "list_alerts"),
    # Asked in the second trial (2026-12-01), missed then.
    Q(MORETTI, "allerte sotto scorta di sicurezza", "list_alerts", {"focus": "stockout"}),
    Q(GALLI, "allerte alte", "list_alerts", {"severity": "high"}),
    Q(MORETTI, "lumezzane e sovraccarica?", "capacity_check", {"plant": "PLT-LUM"}),
    Q(COLOMBO, "la fabbrica di lumezzane e in sovraccarico?", "capacity_check", {"plant": "PLT-LUM"}),
    Q(GALLI, "which alerts are snoozed?", "list_alerts", {"status": "snoozed"}),
    Q(COLOMBO, "allerte rimandate", "list_alerts", {"status": "snoozed"}),
    Q(MORETTI, "allerte gia prese in carico", "list_alerts", {"status": "acknowledged"}),
    Q(MORETTI, "cosa ce sotto scorta di sicurezza", "list_alerts", {"focus": "stockout"}),
    Q(BIANCHI, "any problems this month or next?", "list_alerts",
      {"period": "2026-11-01..2026-12-31"}),
    # Acting from chat: said where it is done, nothing changed (the third trial's lists).
    Q(COLOMBO, "ack alert 3 pls", "unavailable:act_on_alerts"),
    Q(MORETTI, "assegna l'allerta della moka 3 tazze a davide galli", "unavailable:act_on_alerts"),
    Q(GALLI, "snoozami l'allerta 6 per una settimana", "unavailable:act_on_alerts"),
    Q(MORETTI, "allerte gia prese in carico (ack)", "list_alerts", {"status": "acknowledged"}),
    Q(HARRIS, "any drift on knives", "list_alerts", {"focus": "drift", "family": "COLTELLI"}),
    Q(GALLI, "excess alerts for coltelli", "list_alerts", {"focus": "excess", "family": "COLTELLI"}),
    Q(GALLI, "any drift alerts?", "list_alerts", {"focus": "drift"}),
    Q(MORETTI, "which products drifted off forecast?", "list_alerts", {"focus": "drift"}),
    Q(COLOMBO, "prodotti fuori previsione", "list_alerts", {"focus": "drift"}),
    Q(GALLI, "capacity overload this month or next", "capacity_check",
      {"period": "2026-11-01..2026-12-31"}),
    Q(MORETTI, "saturazione impianti questo mese e il prossimo", "capacity_check",
      {"period": "2026-11-01..2026-12-31"}),
    Q(MORETTI, "rischi di rottura entro 4 settimane", "list_alerts",
      {"focus": "stockout", "within_weeks": 4}),
    # Managers: a family's problems, quotas against the plants.
    Q(BIANCHI, "any problems with pentole?", "list_alerts", {"family": "PENTOLE"}),
    Q(BIANCHI, "problemi sulle moka?", "list_alerts", {"family": "MOKA"}),
    Q(HARRIS, "what should i worry about in knives", "list_alerts", {"family": "COLTELLI"}),
    Q(HARRIS, "capacity alerts", "list_alerts", {"focus": "capacity"}),
    Q(BIANCHI, "quota alerts", "list_alerts", {"focus": "quota"}),
    Q(BIANCHI, "allerte sulle quote", "list_alerts", {"focus": "quota"}),
    Q(HARRIS, "red flags for PLT-LUM", "list_alerts", {"place": "PLT-LUM"}),
    # Reps: what runs out, what to push.
    Q(ROSSI, "what runs out soon in padelle?", "list_alerts",
      {"focus": "stockout", "family": "PADELLE"}),
    Q(WALKER, "any stockouts coming?", "list_alerts", {"focus": "stockout"}),
    Q(BRAMBILLA, "cosa finisce a breve?", "list_alerts", {"focus": "stockout"}),
    Q(MARCHI, "excess stock i could push?", "list_alerts", {"focus": "excess"}),
    Q(ZANETTI, "alerts on PAD-28", "list_alerts", {"product": "PAD-28"}),
    Q(ROSSI, "drift alerts", "denied"),  # a rep: drift is for planners, said so
]
