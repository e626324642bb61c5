"""Scenarios asked the way each role writes them, before the what-if ability was built
(2026-12-03): managers and marketing planning a promotion, operations losing a plant's
capacity, reps who may not see plant load, and questions that only look like a scenario
(commission, quota changes, a forecast note, a move of stock) and must keep their answer.

Same format and conventions as tests/tools/role_questions.py (today is Friday 2026-11-27). A
change is in percent ("demand_change": 30.0 for +30%); a plant that stops is a capacity
change of -100; "for 2 weeks" is `weeks`, counted from next Monday.
"""

from __future__ import annotations

from tests.tools.role_questions import (
    BARBIERI,
    BIANCHI,
    COLOMBO,
    DEANGELIS,
    GALLI,
    HARRIS,
    MORETTI,
    RICCI,
    ROSSI,
    WALKER,
    Q,
)

SCENARIOS: list[Q] = [
    # Managers: a promotion, a family that grows or falls, a plant they depend on.
    Q(BIANCHI, "se facciamo una promo padelle a gennaio +30% reggiamo?", "what_if",
      {"family": "PADELLE", "period": "2027-01", "demand_change": 30.0}),
    Q(BIANCHI, "se la domanda di moka aumentasse del 25% a marzo, lo stabilimento ce la fa?",
      "what_if", {"family": "MOKA", "period": "2027-03", "demand_change": 25.0}),
    Q(BIANCHI, "e se raddoppiano gli ordini di moka a dicembre?", "what_if",
      {"family": "MOKA", "period": "2026-12", "demand_change": 100.0}),
    Q(BIANCHI, "what if demand doubles in january?", "what_if",
      {"period": "2027-01", "demand_change": 100.0}),
    Q(BIANCHI, "if we get 30% more orders for the 28cm pan in january can we deliver?",
      "what_if", {"period": "2027-01", "demand_change": 30.0}),
    Q(HARRIS, "if demand for knives falls 30% next quarter, how loaded is maniago?", "what_if",
      {"family": "COLTELLI", "plant": "PLT-MAN", "period": "2027-Q1", "demand_change": -30.0}),
    Q(HARRIS, "what if pan sales halve in january?", "what_if",
      {"period": "2027-01", "demand_change": -50.0}),
    Q(HARRIS, "what if knife sales grow 50% in Q1?", "what_if",
      {"family": "COLTELLI", "period": "2027-Q1", "demand_change": 50.0}),
    # Operations: capacity lost, a plant stopped, a share of it working.
    Q(GALLI, "what if we lose 15% capacity at lumezzane in january", "what_if",
      {"plant": "PLT-LUM", "period": "2027-01", "capacity_change": -15.0}),
    Q(COLOMBO, "e se a maniago si fermano le linee per manutenzione 1 settimana a febbraio?",
      "what_if", {"plant": "PLT-MAN", "period": "2027-02", "capacity_change": -100.0,
                  "weeks": 1}),
    Q(MORETTI, "what happens if PLT-MAN capacity goes up 20%?", "what_if",
      {"plant": "PLT-MAN", "capacity_change": 20.0}),
    Q(GALLI, "what if lumezzane stops in the christmas week?", "what_if",
      {"plant": "PLT-LUM", "period": "2026-12-21..2026-12-27", "capacity_change": -100.0}),
    Q(COLOMBO, "se lumezzane lavora al 50% a gennaio reggiamo?", "what_if",
      {"plant": "PLT-LUM", "period": "2027-01", "capacity_change": -50.0}),
    Q(COLOMBO, "se chiudiamo maniago una settimana a gennaio reggiamo?", "what_if",
      {"plant": "PLT-MAN", "period": "2027-01", "capacity_change": -100.0, "weeks": 1}),
    Q(MORETTI, "simulazione: pentole +25% prossime 6 settimane", "what_if",
      {"family": "PENTOLE", "demand_change": 25.0, "weeks": 6}),
    Q(MORETTI, "e se la domanda cala del 10%?", "what_if", {"demand_change": -10.0}),
    # Both at once: each figure goes to what its own clause names.
    Q(COLOMBO, "what if PLT-LUM capacity drops 10% and moka demand goes up 20% in january?",
      "what_if", {"family": "MOKA", "plant": "PLT-LUM", "period": "2027-01",
                  "capacity_change": -10.0, "demand_change": 20.0}),
    Q(GALLI, "e se a gennaio la domanda di padelle cresce del 30% e lumezzane perde il 15% di "
      "capacità?", "what_if", {"family": "PADELLE", "plant": "PLT-LUM", "period": "2027-01",
                               "capacity_change": -15.0, "demand_change": 30.0}),
    Q(MORETTI, "what if moka demand +20% while lumezzane runs at 80%?", "what_if",
      {"family": "MOKA", "plant": "PLT-LUM", "capacity_change": -20.0, "demand_change": 20.0}),
    # Marketing plans the promotions: the plant's load is theirs to see first.
    Q(RICCI, "promo -15% on stockpots in feb, expecting +35% volume, can the plant handle it?",
      "what_if", {"period": "2027-02", "demand_change": 35.0}),
    Q(BARBIERI, "campagna padelle a marzo +50%: ce la facciamo con la produzione?", "what_if",
      {"family": "PADELLE", "period": "2027-03", "demand_change": 50.0}),
    Q(RICCI, "promo sulla moka 3 tazze a febbraio, +25%: la produzione regge?", "what_if",
      {"product": "MOK-003", "period": "2027-02", "demand_change": 25.0}),
    Q(BARBIERI, "se facciamo -20% di prezzo sulle pentole e la domanda sale del 40%, ce la fa "
      "lo stabilimento?", "what_if", {"family": "PENTOLE", "demand_change": 40.0}),
    Q(DEANGELIS, "what if demand drops 10%", "what_if", {"demand_change": -10.0}),
    # (trial 31) "cosa succede?" at the end asks a scenario too; a family alone is what
    # changes; a promotion without its size is asked back; what would have been is over.
    Q(GALLI, "se Maniago perde il 20% di capacità a febbraio cosa succede?", "what_if",
      {"plant": "PLT-MAN", "period": "2027-02", "capacity_change": -20.0}),
    Q(COLOMBO, "what happens if Lumezzane stops for 2 weeks in January?", "what_if",
      {"plant": "PLT-LUM", "period": "2027-01", "capacity_change": -100.0, "weeks": 2}),
    Q(RICCI, "what if we do a big promo on padelle in december?", "clarify:change"),
    Q(HARRIS, "what if we run a promo on pentole in the spring", "clarify:change"),
    Q(BIANCHI, "what if moka demand had been 20% higher in september?", "error:period_over"),
    # "was" may look ahead too: the nearer reading of the month; "fosse" is no "rossa".
    Q(COLOMBO, "what if PLT-LUM capacity was cut 10% in january?", "what_if",
      {"plant": "PLT-LUM", "period": "2027-01", "capacity_change": -10.0}),
    Q(BIANCHI, "what if moka demand was 20% higher in october?", "error:period_over"),
    Q(BIANCHI, "e se la domanda di moka fosse del 20% più alta a febbraio?", "what_if",
      {"family": "MOKA", "period": "2027-02", "demand_change": 20.0}),
    Q(GALLI, "e se le padelle salgono del 50%?", "what_if",
      {"family": "PADELLE", "demand_change": 50.0}),
    # (trial 32) "fino ad allora" is no "alloca" (a reservation refused as a write); sales
    # that rose or jumped, with no period, are the last three months against the three before.
    Q(ROSSI, "quando arrivano le moka da 3 tazze? lo stock dura fino ad allora?",
      "incoming_receipts", {"product": "MOK-003"}),
    Q(COLOMBO, "quando arriva il prossimo lotto di padelle 28 e lo stock basta fino ad allora?",
      "incoming_receipts", {"product": "PAD-28"}),
    # A plant that stops stops every family it makes: the families named are what the
    # asker looks at; a family's own line is that family's alone.
    Q(COLOMBO, "what happens to pentole if lumezzane stops for a week in january?", "what_if",
      {"plant": "PLT-LUM", "period": "2027-01", "capacity_change": -100.0, "weeks": 1,
       "family": None}),
    Q(GALLI, "se maniago si ferma 2 settimane a gennaio, come stiamo con coltelli e ricambi?",
      "what_if", {"plant": "PLT-MAN", "period": "2027-01", "capacity_change": -100.0,
                  "weeks": 2, "family": None}),
    Q(MORETTI, "e se la linea pentole di lumezzane si ferma una settimana a gennaio?",
      "what_if", {"family": "PENTOLE", "plant": "PLT-LUM", "period": "2027-01",
                  "capacity_change": -100.0, "weeks": 1}),
    Q(COLOMBO, "when does the next batch of MOK-003 arrive and does stock last until then?",
      "incoming_receipts", {"product": "MOK-003"}),
    Q(GALLI, "next batch of MOK-003 - when, and will stock last till then?",
      "incoming_receipts", {"product": "MOK-003"}),
    Q(GALLI, "how long will MOK-003 last?", "inventory_projection", {"product": "MOK-003"}),
    Q(BIANCHI, "perché le vendite di moka sono salite?", "sales_history",
      {"family": "MOKA", "period": "2026-08-28..2026-11-27", "compare": "previous"}),
    Q(HARRIS, "why did pan sales jump last month?", "sales_history",
      {"period": "2026-10", "compare": "previous"}),
    # (trial 32) a plant alone said to change is its output; shortfalls at a plant are its
    # capacity's; stock that "holds" is stock that lasts, not a reservation.
    Q(COLOMBO, "what if PLT-LUM drops 20% in january?", "what_if",
      {"plant": "PLT-LUM", "period": "2027-01", "capacity_change": -20.0}),
    Q(COLOMBO, "what if demand at PLT-LUM drops 20% in january?", "what_if",
      {"plant": "PLT-LUM", "period": "2027-01", "demand_change": -20.0}),
    Q(GALLI, "ci sono carenze a lumezzane?", "capacity_check", {"plant": "PLT-LUM"}),
    Q(GALLI, "ci sono pentole a lumezzane?", "stock_status",
      {"location": "PLT-LUM", "family": "PENTOLE"}),
    Q(MORETTI, "will stock hold?", "list_alerts", {"focus": "stockout"}),
    Q(COLOMBO, "will PAD-28 stock hold until january?", "inventory_projection",
      {"product": "PAD-28"}),
    Q(ROSSI, "hold 50 PAD-28 for Casa Bella", "read_only"),
    Q(BIANCHI, "raise rossi's quota by 10% - capacity impact?", "confirm:request_quota_change",
      {"change_pct": 10.0}),
    Q(COLOMBO, "capacità maniago da febbraio a marzo", "capacity_check",
      {"plant": "PLT-MAN", "period": "2027-02-01..2027-03-31"}),
    # (trial 32) a word that names most of a family, and mostly it, is the family: "pan"
    # (the pans, not two saucepans besides), "moka pot" (every moka, not the spare parts).
    Q(HARRIS, "pan demand +25% in january, can we cope?", "what_if",
      {"family": "PADELLE", "period": "2027-01", "demand_change": 25.0}),
    Q(BIANCHI, "moka pot stock", "stock_status", {"family": "MOKA"}),
    Q(BIANCHI, "frying pans stock", "stock_status",
      {"products": ["PAD-28", "PAD-24", "PAD-20", "PAD-32"]}),
    Q(BIANCHI, "saucepan stock", "stock_status",
      {"products": ["PEN-20", "PEN-TEG", "PEN-16", "PEN-SAU"]}),
    # (trial 33) capacity said outright, beside stock words, is the capacity check; an
    # arrival said "next delivery" or "prossimo arrivo" is the product's; a customer's next
    # delivery is what it has on order.
    Q(MORETTI, "cap coltelli maniago prox 8 settimane, lo stock è sufficiente?",
      "capacity_check", {"plant": "PLT-MAN", "family": "COLTELLI", "weeks": 8}),
    Q(HARRIS, "Do we have enough capacity for moka in Q1, and is stock enough to cover "
      "demand?", "capacity_check", {"family": "MOKA", "period": "2027-Q1"}),
    Q(HARRIS, "how much capacity do we have at lumezzane?", "capacity_check",
      {"plant": "PLT-LUM"}),
    Q(BIANCHI, "capacita ricambi ok? lo stock basta per coprire gli ordini aperti?",
      "capacity_check", {"family": "RICAMBI"}),
    Q(WALKER, "when's the next delivery of santoku knives? will stock last till then?",
      "incoming_receipts", {"product": "COL-SAN"}),
    Q(COLOMBO, "prossimo arrivo PEN-28 a milano? ci arriviamo con lo stock?",
      "incoming_receipts", {"product": "PEN-28", "location": "WH-MIL"}),
    Q(ROSSI, "next delivery to Casalinghi Colombo?", "open_orders",
      {"customer": "Casalinghi Colombo"}),
    Q(GALLI, "giacenza MOK-003 negli stabilimenti e capacità", "stock_status",
      {"product": "MOK-003"}),
    # (trial 34) what a customer has been telling us is the feedback they gave, not sales;
    # someone telling what a customer told us is feedback to log.
    Q(HARRIS, "what has Casa & Cucina Sabauda been telling us lately?", "search_feedback",
      {"customer": "Casa & Cucina Sabauda"}),
    Q(RICCI, "cosa ci dice Casa & Cucina Sabauda ultimamente?", "search_feedback",
      {"customer": "Casa & Cucina Sabauda"}),
    Q(ROSSI, "Casa & Cucina Sabauda told us the pans scratch", "confirm:record_feedback"),
    # Reps see plant load through available-to-promise only.
    Q(WALKER, "what if demand for moka goes up 20%?", "denied"),
    Q(ROSSI, "e se la domanda di padelle cresce del 15% a gennaio?", "denied"),
    # Only looks like a scenario: each keeps its own answer.
    Q(ROSSI, "quanto guadagno se chiudo l'obiettivo?", "commission_estimate"),
    # (trial 31) a deal next month counts in the quarter its quota is for
    Q(WALKER, "what if I close the 50k deal with Coop next month, how much commission do I "
      "get?", "commission_estimate", {"revenue": 50000.0}),
    Q(ROSSI, "alza la mia quota del 10%", "clarify:reason"),
    Q(HARRIS, "double the PAD-28 forecast for january", "clarify:quantity"),
    Q(COLOMBO, "capacità maniago a gennaio", "capacity_check",
      {"plant": "PLT-MAN", "period": "2027-01"}),
    Q(BIANCHI, "e se spostiamo 200 pad-28 da plt-man a wh-mil?", "inventory_projection",
      {"product": "PAD-28"}),
    Q(HARRIS, "sales of moka up 20% vs last year?", "sales_history", {"family": "MOKA"}),
]  # fmt: skip
