"""Questions written by a second new-user trial of Ponte on 2026-11-30, before they were asked.

120 questions (1..120), one role group at a time: reps (1-30), managers (31-60), ops planners
(61-90), marketing and admin (91-120); 15 in Italian and then 15 in English in each group. They
were written, with the outcome a planner expects, by someone who had not read the code, before
Ponte saw them, and they are kept here so that later changes are checked against wording their
authors did not choose. Two are left out because their text is already in
tests/tools/trial_questions.py: 17 ("my quota attainment q4", A18 there) and 98 ("fatturato
totale ottobre", D11 there).

Same format and conventions as tests/tools/role_questions.py (today is Friday 2026-11-27):
`expect` is the tool that should answer or an outcome ("denied", "read_only",
"unavailable:<ability>", "clarify:<what>", "not_understood"), and `args` lists only the
arguments a careful planner is sure must be there. A rolling "last N months/weeks" is a span
ending today ("ultimi 6 mesi" = "2026-05-28..2026-11-27", "last 8 weeks" =
"2026-10-03..2026-11-27"). Where the trial asked for something no argument can say (revenue
rather than units, "by location", "since launch", a projection horizon up to a date, a
forecast-accuracy window), the tool that should answer is kept and that part is left out;
where the wording is open (a period not named, "end of next week", "the frying pans", "over
the holidays"), the fewer arguments are kept. "Natale" in a sales question is December; two
periods named outright are a list, "vs last year" / "yoy" / "vs the one before" is `compare`.
"""

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

LAST_3_MONTHS = "2026-08-28..2026-11-27"
LAST_6_MONTHS = "2026-05-28..2026-11-27"
LAST_12_MONTHS = "2025-11-28..2026-11-27"
LAST_8_WEEKS = "2026-10-03..2026-11-27"

FRESH: list[Q] = [
    # ------------------------------------------------------------------------------------
    # Reps (Rossi, Brambilla: NO; Zanetti: NE; Marchi: CE; Esposito: SU; Lo Bianco: IS;
    # Walker: EX)
    # ------------------------------------------------------------------------------------
    # 1
    Q(ROSSI, "quante padele da 28 abbiamo?", "stock_status", {"product": "PAD-28"}),
    # 2
    Q(ROSSI, "come sto messa con la quota sto trimestre", "quota_status", {"period": "2026-Q4"}),
    # 3
    Q(
        BRAMBILLA,
        "vendite ferramenta sforza ultimi 6 mesi",
        "sales_history",
        {"customer": "Ferramenta Sforza", "period": LAST_6_MONTHS},
    ),
    # 4
    Q(
        BRAMBILLA,
        "emporio navigli quando ha ordinato l'ultima volta?",
        "sales_history",
        {"customer": "Emporio Navigli", "last_purchase": True},
    ),
    # 5
    Q(
        ZANETTI,
        "posso promettere 300 padelle 24 a emporio dolomiti entro il 15/12?",
        "available_to_promise",
        {"product": "PAD-24", "quantity": 300, "date": dt.date(2026, 12, 15)},
    ),
    # 6 ("x fatturato", by revenue, cannot be said)
    Q(
        ZANETTI,
        "top 5 clienti miei x fatturato quest'anno",
        "sales_history",
        {"person": ZANETTI, "top": 5, "group_by": "customer", "period": "2026"},
    ),
    # 7
    Q(MARCHI, "fcst moke prossime 8 sett", "demand_forecast", {"family": "MOKA", "weeks": 8}),
    # 8
    Q(
        MARCHI,
        "fatturato centro q3 vs stesso trim anno scorso",
        "sales_history",
        {"territory": "CE", "period": "2026-Q3", "compare": "last_year"},
    ),
    # 9
    Q(
        ESPOSITO,
        "prezzo pentola a pressione?",
        "product_info",
        {"product": "PEN-PRE", "fact": "price"},
    ),
    # 10 (Brambilla is another rep)
    Q(ESPOSITO, "quanto ha venduto brambilla quest'anno?", "denied"),
    # 11
    Q(
        LOBIANCO,
        "coltelli venduti nelle isole da inizio anno",
        "sales_history",
        {"family": "COLTELLI", "territory": "IS", "period": "2026"},
    ),
    # 12
    Q(LOBIANCO, "blocca 50 wok per casalinghi trinacria", "read_only"),
    # 13
    Q(
        ROSSI,
        "vendite brianza casa per prodotto ultimi 12 mesi",
        "sales_history",
        {"customer": "Brianza Casa", "group_by": "product", "period": LAST_12_MONTHS},
    ),
    # 14
    Q(
        BRAMBILLA,
        "la moka rossa quando va in rottura?",
        "inventory_projection",
        {"product": "MOK-R04"},
    ),
    # 15
    Q(
        ZANETTI,
        "confronta casa friulana e cucine scaligere nel 2026",
        "sales_history",
        {"customer": ["Casa Friulana", "Cucine Scaligere"], "period": "2026"},
    ),
    # 16
    Q(
        WALKER,
        "how many santoku in stock at maniago?",
        "stock_status",
        {"product": "COL-SAN", "location": "PLT-MAN"},
    ),
    # 17 left out: "my quota attainment q4" is A18 in tests/tools/trial_questions.py.
    # 18
    Q(
        WALKER,
        "sales to maison de la moka this yr vs last yr",
        "sales_history",
        {"customer": "Maison de la Moka SARL", "period": "2026", "compare": "last_year"},
    ),
    # 19
    Q(
        WALKER,
        "can we ship 120 paring knives to casa italia import by dec 10?",
        "available_to_promise",
        {"product": "COL-SPE", "quantity": 120, "date": dt.date(2026, 12, 10)},
    ),
    # 20
    Q(
        WALKER,
        "top 5 products export last quarter",
        "sales_history",
        {"territory": "EX", "top": 5, "group_by": "product", "period": "2026-Q3"},
    ),
    # 21
    Q(
        WALKER,
        "lead time on the knife block?",
        "product_info",
        {"product": "COL-CEP", "fact": "lead_time"},
    ),
    # 22
    Q(
        WALKER,
        "whats the forcast for chef knifes in january",
        "demand_forecast",
        {"product": "COL-CUO", "period": "2027-01"},
    ),
    # 23 (a rep sees only their own quota)
    Q(WALKER, "how is emma's team doing vs quota", "denied"),
    # 24 (revenue rather than units cannot be said)
    Q(
        ROSSI,
        "revenue by customer for me last 8 weeks",
        "sales_history",
        {"person": ROSSI, "group_by": "customer", "period": LAST_8_WEEKS},
    ),
    # 25
    Q(ZANETTI, "pasta pot stock?", "stock_status", {"product": "PEN-PAS"}),
    # 26
    Q(
        MARCHI,
        "when did la dispensa umbra last order?",
        "sales_history",
        {"customer": "La Dispensa Umbra", "last_purchase": True},
    ),
    # 27
    Q(
        ESPOSITO,
        "sales sud by family 2025",
        "sales_history",
        {"territory": "SU", "group_by": "family", "period": "2025"},
    ),
    # 28
    Q(
        LOBIANCO,
        "log feedback: casalinghi trinacria says crepe pan coating scratches",
        "confirm:record_feedback",
    ),
    # 29
    Q(
        BRAMBILLA,
        "min order qty for 9 cup moka?",
        "product_info",
        {"product": "MOK-009", "fact": "min_order"},
    ),
    # 30
    Q(
        ROSSI,
        "pls raise my q1 quota, 11860 is too high",
        "clarify:target",
    ),
    # ------------------------------------------------------------------------------------
    # Managers (Bianchi: Rossi, Brambilla, Zanetti; Harris: Marchi, Esposito, Lo Bianco,
    # Walker)
    # ------------------------------------------------------------------------------------
    # 31
    Q(BIANCHI, "come va il team vs quota sto trimestre", "quota_status", {"period": "2026-Q4"}),
    # 32
    Q(
        BIANCHI,
        "vendite zanetti ultimi 3 mesi per cliente",
        "sales_history",
        {"person": ZANETTI, "group_by": "customer", "period": LAST_3_MONTHS},
    ),
    # 33
    Q(
        BIANCHI,
        "confronta rossi e brambilla fatturato 2026",
        "sales_history",
        {"person": [ROSSI, BRAMBILLA], "period": "2026"},
    ),
    # 34 (sales, not quota)
    Q(
        BIANCHI,
        "nord ovest vs nord est quest'anno",
        "sales_history",
        {"territory": ["NO", "NE"], "period": "2026"},
    ),
    # 35
    Q(
        BIANCHI,
        "top 10 clienti del team per fatturato ultimi 12 mesi",
        "sales_history",
        {"top": 10, "group_by": "customer", "period": LAST_12_MONTHS},
    ),
    # 36
    Q(
        BIANCHI,
        "vendite moka natale scorso",
        "sales_history",
        {"family": "MOKA", "period": "2025-12"},
    ),
    # 37 (quotas exist for 2026-Q4 and 2027-Q1 only: the coming Q1)
    Q(
        BIANCHI,
        "quota moka nord ovest q1",
        "quota_status",
        {"territory": "NO", "family": "MOKA", "period": "2027-Q1"},
    ),
    # 38 (Marchi is in Harris's team)
    Q(BIANCHI, "quanto ha venduto la marchi a ottobre?", "denied"),
    # 39
    Q(
        BIANCHI,
        "previsone padelle dicembre",
        "demand_forecast",
        {"family": "PADELLE", "period": "2026-12"},
    ),
    # 40
    Q(
        BIANCHI,
        "vendite per territorio ottobre vs settembre",
        "sales_history",
        {"group_by": "territory", "period": ["2026-10", "2026-09"]},
    ),
    # 41
    Q(
        BIANCHI,
        "posso promettere 1000 moka 6 tazze a casalinghi serenissima per il 20 dicembre?",
        "available_to_promise",
        {"product": "MOK-006", "quantity": 1000, "date": dt.date(2026, 12, 20)},
    ),
    # 42
    Q(BIANCHI, "alza la quota di brambilla a 9000 pz", "clarify:reason"),
    # 43
    Q(BIANCHI, "accuratezza forecast moka", "forecast_accuracy", {"family": "MOKA"}),
    # 44 (which period is compared with last year is open)
    Q(
        BIANCHI,
        "fatturato zanetti yoy",
        "sales_history",
        {"person": ZANETTI, "compare": "last_year"},
    ),
    # 45
    Q(
        BIANCHI,
        "chi del team ha venduto di più a novembre?",
        "sales_history",
        {"group_by": "person", "period": "2026-11"},
    ),
    # 46
    Q(HARRIS, "team attainment q4", "quota_status", {"period": "2026-Q4"}),
    # 47
    Q(
        HARRIS,
        "compare marchi and esposito revenue this year",
        "sales_history",
        {"person": [MARCHI, ESPOSITO], "period": "2026"},
    ),
    # 48
    Q(
        HARRIS,
        "sales by rep for my team last month",
        "sales_history",
        {"group_by": "person", "period": "2026-10"},
    ),
    # 49
    Q(
        HARRIS,
        "top 3 customers in the islands 2025",
        "sales_history",
        {"territory": "IS", "top": 3, "group_by": "customer", "period": "2025"},
    ),
    # 50
    Q(
        HARRIS,
        "how did export do in q3 compared to q2",
        "sales_history",
        {"territory": "EX", "period": ["2026-Q3", "2026-Q2"]},
    ),
    # 51
    Q(
        HARRIS,
        "walker's quota next quarter",
        "quota_status",
        {"person": WALKER, "period": "2027-Q1"},
    ),
    # 52 (no period named)
    Q(
        HARRIS,
        "export knives quota vs actual",
        "quota_status",
        {"territory": "EX", "family": "COLTELLI"},
    ),
    # 53 (Rossi is in Bianchi's team)
    Q(HARRIS, "what did rossi sell in october", "denied"),
    # 54
    Q(
        HARRIS,
        "central italy sales by family, last 8 wks",
        "sales_history",
        {"territory": "CE", "group_by": "family", "period": LAST_8_WEEKS},
    ),
    # 55
    Q(
        HARRIS,
        "casalinghi vesuvio last order date",
        "sales_history",
        {"customer": "Casalinghi Vesuvio", "last_purchase": True},
    ),
    # 56
    Q(
        HARRIS,
        "sud revenue last 6 months vs same period last year",
        "sales_history",
        {"territory": "SU", "period": LAST_6_MONTHS, "compare": "last_year"},
    ),
    # 57
    Q(HARRIS, "fcst accuracy for pans", "forecast_accuracy", {"family": "PADELLE"}),
    # 58
    Q(
        HARRIS,
        "which of lo bianco's customers buys the most pressure cookers?",
        "sales_history",
        {"person": LOBIANCO, "product": "PEN-PRE", "group_by": "customer"},
    ),
    # 59 (how many can be promised: no quantity; "end of next week" as Friday 4 or Sunday 6
    # December is open)
    Q(
        HARRIS,
        "how many pasta pots could we promise grandi magazzini partenope by end of next week",
        "available_to_promise",
        {"product": "PEN-PAS"},
    ),
    # 60
    Q(
        HARRIS,
        "what runs out before christmas?",
        "list_alerts",
        {"focus": "stockout", "by": dt.date(2026, 12, 25)},
    ),
    # ------------------------------------------------------------------------------------
    # Ops planners (product and territory totals, no customers or reps)
    # ------------------------------------------------------------------------------------
    # 61 ("per sede", by location, cannot be said)
    Q(COLOMBO, "giacenze coltelli per sede", "stock_status", {"family": "COLTELLI"}),
    # 62
    Q(COLOMBO, "sett. di copertura pad 32", "inventory_projection", {"product": "PAD-32"}),
    # 63
    Q(
        COLOMBO,
        "capacità lumezzane vs domanda pentole prossime 12 settimane",
        "capacity_check",
        {"plant": "PLT-LUM", "family": "PENTOLE", "weeks": 12},
    ),
    # 64
    Q(GALLI, "quando finisce il filtro moka 6?", "inventory_projection", {"product": "RIC-F06"}),
    # 65 (a horizon up to 2027-03-31 cannot be said as whole weeks)
    Q(
        GALLI,
        "proiezione giacenza santoku fino a fine prossimo trimestre",
        "inventory_projection",
        {"product": "COL-SAN"},
    ),
    # 66
    Q(
        GALLI,
        "abbiamo troppo stock di coltello da filetto?",
        "inventory_projection",
        {"product": "COL-FIL"},
    ),
    # 67
    Q(
        MORETTI,
        "previsione totale prossimo trimestre",
        "demand_forecast",
        {"all_products": True, "period": "2027-Q1"},
    ),
    # 68
    Q(MORETTI, "imposta scorta sicurezza pad-20 a 400", "read_only"),
    # 69 (ops see no customer sales)
    Q(MORETTI, "vendite di casa lucana ultimo anno", "denied"),
    # 70 (the next receipt is on the stock card)
    Q(
        COLOMBO,
        "quando arrivano le guarnizioni 3 tazze?",
        "incoming_receipts",  # (since trial 23: the receipts, not the stock beside them)
        {"product": "RIC-G03"},
    ),
    # 71
    Q(
        GALLI,
        "domanda ricambi vs capacità maniago",
        "capacity_check",
        {"plant": "PLT-MAN", "family": "RICAMBI"},
    ),
    # 72
    Q(
        MORETTI,
        "quanti pz di moka elettrica a lumezzane",
        "stock_status",
        {"product": "MOK-E02", "location": "PLT-LUM"},
    ),
    # 73
    Q(
        COLOMBO,
        "quante pentole alte 28 vendute l'anno scorso?",
        "sales_history",
        {"product": "PEN-28", "period": "2025"},
    ),
    # 74
    Q(
        GALLI,
        "cosa va in rottura nelle prossime 4 settimane?",
        "list_alerts",
        {"focus": "stockout", "within_weeks": 4},
    ),
    # 75
    Q(MORETTI, "fcst vs venduto moka induzione 6", "forecast_accuracy", {"product": "MOK-I06"}),
    # 76 (every item with "3 tazze" in its name)
    Q(
        COLOMBO,
        "stock of all 3 cup items",
        "stock_status",
        {"product": ["MOK-003", "MOK-I03", "RIC-G03", "RIC-F03"]},
    ),
    # 77 (the whole PADELLE family or only the non-stick frying pans is open)
    Q(COLOMBO, "wks of cover for the frying pans", "inventory_projection", {}),
    # 78 (a horizon up to 2027-01-31 cannot be said as whole weeks)
    Q(
        GALLI,
        "projected inventory grill pan thru end of january",
        "inventory_projection",
        {"product": "PAD-G28"},
    ),
    # 79 (no plant named)
    Q(
        GALLI,
        "moka capacity check next 8 weeks",
        "capacity_check",
        {"family": "MOKA", "weeks": 8},
    ),
    # 80
    Q(
        MORETTI,
        "demand fcst 20cm saucepan next 6 wks",
        "demand_forecast",
        {"product": "PEN-20", "weeks": 6},
    ),
    # 81
    Q(
        MORETTI,
        "is there excess stock on paring knives?",
        "inventory_projection",
        {"product": "COL-SPE"},
    ),
    # 82
    Q(
        COLOMBO,
        "total stock everything in milan warehouse",
        "stock_status",
        {"all_products": True, "location": "WH-MIL"},
    ),
    # 83 (ops see no customer sales)
    Q(GALLI, "customer breakdown for wok sales", "denied"),
    # 84
    Q(
        MORETTI,
        "how much capacity does maniago have for knives per week",
        "capacity_check",
        {"plant": "PLT-MAN", "family": "COLTELLI"},
    ),
    # 85 (two facts asked at once: only the product is sure)
    Q(
        COLOMBO,
        "safety stock and lead time for the crepe pan",
        "product_info",
        {"product": "PAD-C24"},
    ),
    # 86
    Q(
        GALLI,
        "when do we stock out of bakelite knobs",
        "inventory_projection",
        {"product": "RIC-POM"},
    ),
    # 87
    Q(
        MORETTI,
        "units sold per family last quarter vs the one before",
        "sales_history",
        {"group_by": "family", "period": "2026-Q3", "compare": "previous"},
    ),
    # 88
    Q(COLOMBO, "change MOQ on the wok to 20 pcs", "read_only"),
    # 89 (the "last 12 weeks" window cannot be said)
    Q(GALLI, "forecast accuracy overall last 12 weeks", "forecast_accuracy", {}),
    # 90
    Q(
        MORETTI,
        "where is the 12 cup moka stocked",
        "product_info",
        {"product": "MOK-012", "fact": "locations"},
    ),
    # ------------------------------------------------------------------------------------
    # Marketing (Ricci, Barbieri: product and territory totals) and admin (De Angelis)
    # ------------------------------------------------------------------------------------
    # 91 ("since launch" cannot be said as a period)
    Q(RICCI, "vendite moka rossa da quando è uscita", "sales_history", {"product": "MOK-R04"}),
    # 92
    Q(
        RICCI,
        "top 5 prodotti per fatturato 2026",
        "sales_history",
        {"top": 5, "group_by": "product", "period": "2026"},
    ),
    # 93
    Q(
        RICCI,
        "vendite padelle dic 2025 vs dic 2024",
        "sales_history",
        {"family": "PADELLE", "period": ["2025-12", "2024-12"]},
    ),
    # 94
    Q(
        BARBIERI,
        "quanti ceppi coltelli abbiamo venduto lo scorso natale?",
        "sales_history",
        {"product": "COL-CEP", "period": "2025-12"},
    ),
    # 95
    Q(
        BARBIERI,
        "mix famiglie ultimi 12 mesi",
        "sales_history",
        {"group_by": "family", "period": LAST_12_MONTHS},
    ),
    # 96 (marketing sees no customers)
    Q(BARBIERI, "chi sono i migliori clienti per le moke?", "denied"),
    # 97
    Q(
        RICCI,
        "previsione moka induzione 3 e 6 per gennaio",
        "demand_forecast",
        {"product": ["MOK-I03", "MOK-I06"], "period": "2027-01"},
    ),
    # 98 left out: "fatturato totale ottobre" is D11 in tests/tools/trial_questions.py.
    # 99
    Q(
        DEANGELIS,
        "fatturato per commerciale q3",
        "sales_history",
        {"group_by": "person", "period": "2026-Q3"},
    ),
    # 100
    Q(
        DEANGELIS,
        "ultimo acquisto di bottega etnea",
        "sales_history",
        {"customer": "Bottega Etnea", "last_purchase": True},
    ),
    # 101
    Q(
        RICCI,
        "confronta wok e saltapasta ultimi 6 mesi",
        "sales_history",
        {"product": ["PAD-W30", "PAD-S28"], "period": LAST_6_MONTHS},
    ),
    # 102
    Q(
        BARBIERI,
        "prezzo di listino santoku e ceppo",
        "product_info",
        {"product": ["COL-SAN", "COL-CEP"], "fact": "price"},
    ),
    # 103
    Q(
        RICCI,
        "registra feedback: i clienti chiedono la moka rossa da 6 tazze",
        "confirm:record_feedback",
    ),
    # 104
    Q(DEANGELIS, "quota totale q1 2027", "quota_status", {"period": "2027-Q1"}),
    # 105 (which period is compared with last year is open)
    Q(
        BARBIERI,
        "vendite ricambi yoy",
        "sales_history",
        {"family": "RICAMBI", "compare": "last_year"},
    ),
    # 106
    Q(
        RICCI,
        "best selling moka size last year",
        "sales_history",
        {"family": "MOKA", "group_by": "product", "period": "2025"},
    ),
    # 107
    Q(
        RICCI,
        "how did knives do in nov vs oct",
        "sales_history",
        {"family": "COLTELLI", "period": ["2026-11", "2026-10"]},
    ),
    # 108
    Q(
        RICCI,
        "revenue by family ytd",
        "sales_history",
        {"group_by": "family", "period": "2026"},
    ),
    # 109
    Q(
        BARBIERI,
        "cast iron grill pan sales last 8 weeks",
        "sales_history",
        {"product": "PAD-G28", "period": LAST_8_WEEKS},
    ),
    # 110 ("over the holidays" as December or as a horizon is open)
    Q(BARBIERI, "fcst red moka over the holidays", "demand_forecast", {"product": "MOK-R04"}),
    # 111 (marketing sees no reps)
    Q(BARBIERI, "which reps sell the most pressure cookers", "denied"),
    # 112
    Q(
        RICCI,
        "compare 1 cup and 2 cup moka sales 2026",
        "sales_history",
        {"product": ["MOK-001", "MOK-002"], "period": "2026"},
    ),
    # 113
    Q(
        DEANGELIS,
        "total revenue 2025 vs 2024",
        "sales_history",
        {"period": ["2025", "2024"]},
    ),
    # 114
    Q(
        DEANGELIS,
        "top 10 customers by revenue last 12 months",
        "sales_history",
        {"top": 10, "group_by": "customer", "period": LAST_12_MONTHS},
    ),
    # 115 (no period named)
    Q(DEANGELIS, "how is walker tracking to quota", "quota_status", {"person": WALKER}),
    # 116
    Q(
        RICCI,
        "how many crepe pans did we sell in q1",
        "sales_history",
        {"product": "PAD-C24", "period": "2026-Q1"},
    ),
    # 117
    Q(
        BARBIERI,
        "forecast for all spare parts next 3 months",
        "demand_forecast",
        {"family": "RICAMBI", "weeks": 13},
    ),
    # 118
    Q(DEANGELIS, "set chef knife price to 52.90 from jan", "read_only"),
    # 119
    Q(RICCI, "what's in excess right now?", "list_alerts", {"focus": "excess"}),
    # 120
    Q(
        DEANGELIS,
        "compare lumezzane and milan stock of the 6 cup moka",
        "stock_status",
        {"product": "MOK-006", "location": ["PLT-LUM", "WH-MIL"]},
    ),
]
