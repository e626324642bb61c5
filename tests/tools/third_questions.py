"""Questions written by a third new-user trial of Ponte on 2026-11-30, before they were asked.

100 questions, one role group at a time: reps (R1-R25), managers (M1-M25), ops planners
(O1-O25), marketing and admin (K1-K25); 13 in Italian and 12 in English in each group. They
were written, with the outcome a planner expects, by someone who had not read the code, before
Ponte saw them; 85 were answered right then. They are kept here so that later changes are
checked against wording their authors did not choose. Three are left out because their text is
already in another set: R21 ("whats the lead time on santoku", A22 in
tests/tools/trial_questions.py), M2 ("confronta rossi e brambilla questo trimestre", B02
there) and M14 ("team attainment q4", 46 in tests/tools/fresh_questions.py).

Same format and conventions as tests/tools/role_questions.py (today is Friday 2026-11-27):
`expect` is the tool that should answer or an outcome ("denied", "read_only",
"unavailable:<ability>", "clarify:<what>", "not_understood"), and `args` lists only the
arguments a careful planner is sure must be there. A rolling "last N months" is a span ending
today ("ultimi 3 mesi" = "2026-08-28..2026-11-27"). Where the trial asked for something no
argument can say (revenue rather than units, "per sede", a horizon up to a date, a
forecast-accuracy window, team totals), the tool that should answer is kept and that part is
left out; where the wording is open (a period not named, "the frying pans", "ultimo
trimestre" as Q3 or as the last 3 months), the fewer arguments are kept. The customer of an
available-to-promise question is not an argument. Two periods named outright are a list,
"vs last year" / "vs anno prima" is `compare` "last_year" and "vs prior 6" is "previous".
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

LAST_2_MONTHS = "2026-09-28..2026-11-27"
LAST_3_MONTHS = "2026-08-28..2026-11-27"
LAST_6_MONTHS = "2026-05-28..2026-11-27"
LAST_12_MONTHS = "2025-11-28..2026-11-27"

THIRD: list[Q] = [
    # ------------------------------------------------------------------------------------
    # Reps (Rossi, Brambilla: NO; Zanetti: NE; Marchi: CE; Esposito: SU; Lo Bianco: IS;
    # Walker: EX)
    # ------------------------------------------------------------------------------------
    # R1
    Q(
        ROSSI,
        "quanto ho vendutto a casalinghi colombo negli ultimi 3 mesi?",
        "sales_history",
        {"customer": "Casalinghi Colombo", "period": LAST_3_MONTHS},
    ),
    # R2 (no period named)
    Q(ROSSI, "come sto messa col target?", "quota_status", {}),
    # R3
    Q(
        ROSSI,
        "when did brianza casa last order",
        "sales_history",
        {"customer": "Brianza Casa", "last_purchase": True},
    ),
    # R4
    Q(
        ROSSI,
        "posso promettere 300 moke da 3 a brianza casa per il 15 dic?",
        "available_to_promise",
        {"product": "MOK-003", "quantity": 300, "date": dt.date(2026, 12, 15)},
    ),
    # R5 (which period is compared with last year is open)
    Q(
        BRAMBILLA,
        "vendite emporio navigli vs anno scorso",
        "sales_history",
        {"customer": "Emporio Navigli", "compare": "last_year"},
    ),
    # R6 (a rep sees only their own quota)
    Q(BRAMBILLA, "e la rossi come sta messa col budget?", "denied"),
    # R7
    Q(
        BRAMBILLA,
        "my top 5 products this qtr",
        "sales_history",
        {"person": BRAMBILLA, "top": 5, "group_by": "product", "period": "2026-Q4"},
    ),
    # R8 ("in magazzino" is "in stock", not a location)
    Q(ZANETTI, "quante padelle da 28 ci sono in magazino", "stock_status", {"product": "PAD-28"}),
    # R9
    Q(
        ZANETTI,
        "vendite nord est per famiglia ad ottobre",
        "sales_history",
        {"territory": "NE", "group_by": "family", "period": "2026-10"},
    ),
    # R10 (the whole PADELLE family or only the non-stick frying pans is open)
    Q(
        ZANETTI,
        "how many frying pans did casa friulana buy this year",
        "sales_history",
        {"customer": "Casa Friulana", "period": "2026"},
    ),
    # R11
    Q(ZANETTI, "cambia la mia quota del q1 a 14000 pz", "clarify:reason"),
    # R12
    Q(
        MARCHI,
        "ultima volta che la dispensa umbra ha comprato?",
        "sales_history",
        {"customer": "La Dispensa Umbra", "last_purchase": True},
    ),
    # R13
    Q(
        MARCHI,
        "forcast pasta pot next 8 weeks",
        "demand_forecast",
        {"product": "PEN-PAS", "weeks": 8},
    ),
    # R14 (revenue rather than units cannot be said)
    Q(
        MARCHI,
        "fatturato medicei da inizio anno",
        "sales_history",
        {"customer": "Casalinghi Medicei", "period": "2026"},
    ),
    # R15 (Casalinghi Vesuvio is Esposito's, in Sud)
    Q(MARCHI, "vendite casalinghi vesuvio ultimo mese", "denied"),
    # R16
    Q(
        ESPOSITO,
        "top customers last 6 months",
        "sales_history",
        {"group_by": "customer", "period": LAST_6_MONTHS},
    ),
    # R17
    Q(
        ESPOSITO,
        "can i promise 80 pressure cookers to partenope by dec 10",
        "available_to_promise",
        {"product": "PEN-PRE", "quantity": 80, "date": dt.date(2026, 12, 10)},
    ),
    # R18
    Q(
        ESPOSITO,
        "quanti giorni di copertura ha la bistecchiera",
        "inventory_projection",
        {"product": "PAD-G28"},
    ),
    # R19
    Q(LOBIANCO, "la mia quota q1 2027", "quota_status", {"period": "2027-Q1"}),
    # R20
    Q(
        LOBIANCO,
        "sales by customer last month",
        "sales_history",
        {"group_by": "customer", "period": "2026-10"},
    ),
    # R21 left out: "whats the lead time on santoku" is A22 in tests/tools/trial_questions.py.
    # R22
    Q(
        WALKER,
        "how am i doing vs quota this quarter",
        "quota_status",
        {"period": "2026-Q4"},
    ),
    # R23
    Q(
        WALKER,
        "knife sales to casa italia import last 12 months vs the year before",
        "sales_history",
        {
            "customer": "Casa Italia Import GmbH",
            "family": "COLTELLI",
            "period": LAST_12_MONTHS,
            "compare": "last_year",
        },
    ),
    # R24
    Q(
        WALKER,
        "log feedback: maison de la moka says the red moka box arrives damaged",
        "confirm:record_feedback",
    ),
    # R25
    Q(
        WALKER,
        "stock of chef knife at maniago",
        "stock_status",
        {"product": "COL-CUO", "location": "PLT-MAN"},
    ),
    # ------------------------------------------------------------------------------------
    # Managers (Bianchi: Rossi, Brambilla, Zanetti; Harris: Marchi, Esposito, Lo Bianco,
    # Walker)
    # ------------------------------------------------------------------------------------
    # M1 (no period named)
    Q(BIANCHI, "come va il mio team rispetto alle quote?", "quota_status", {}),
    # M2 left out: "confronta rossi e brambilla questo trimestre" is B02 in
    # tests/tools/trial_questions.py.
    # M3
    Q(
        BIANCHI,
        "vendite nord ovest ultimi 3 mesi vs stesso periodo anno scorso",
        "sales_history",
        {"territory": "NO", "period": LAST_3_MONTHS, "compare": "last_year"},
    ),
    # M4 (the ranking by customer answers "the best one")
    Q(
        BIANCHI,
        "chi è il miglior cliente di zanetti nel 2026?",
        "sales_history",
        {"person": ZANETTI, "group_by": "customer", "period": "2026"},
    ),
    # M5 (Marchi is in Harris's team)
    Q(BIANCHI, "quota di marchi?", "denied"),
    # M6
    Q(
        BIANCHI,
        "moke vendute nel nord est a novembre",
        "sales_history",
        {"family": "MOKA", "territory": "NE", "period": "2026-11"},
    ),
    # M7
    Q(BIANCHI, "sett di copertura padelle 24", "inventory_projection", {"product": "PAD-24"}),
    # M8
    Q(
        BIANCHI,
        "possiamo promettere 1000 moka induzione 6 tazze a serenissima entro fine anno?",
        "available_to_promise",
        {"product": "MOK-I06", "quantity": 1000, "date": dt.date(2026, 12, 31)},
    ),
    # M9 (no period named)
    Q(
        BIANCHI,
        "quota moka territorio NO",
        "quota_status",
        {"territory": "NO", "family": "MOKA"},
    ),
    # M10
    Q(
        BIANCHI,
        "quand'è che ferramenta sforza ha comprato l'ultima volta",
        "sales_history",
        {"customer": "Ferramenta Sforza", "last_purchase": True},
    ),
    # M11
    Q(BIANCHI, "metti la quota di brambilla a 9000", "clarify:reason"),
    # M12 (revenue rather than units cannot be said)
    Q(
        BIANCHI,
        "fatturato del team per territorio quest'anno",
        "sales_history",
        {"group_by": "territory", "period": "2026"},
    ),
    # M13
    Q(
        BIANCHI,
        "previsione vendite coltelli a dicembre",
        "demand_forecast",
        {"family": "COLTELLI", "period": "2026-12"},
    ),
    # M14 left out: "team attainment q4" is 46 in tests/tools/fresh_questions.py.
    # M15 (revenue rather than units cannot be said)
    Q(
        HARRIS,
        "compare esposito vs lo bianco revenue last quarter",
        "sales_history",
        {"person": [ESPOSITO, LOBIANCO], "period": "2026-Q3"},
    ),
    # M16 (no period named)
    Q(HARRIS, "how's james doing on his quota", "quota_status", {"person": WALKER}),
    # M17
    Q(
        HARRIS,
        "export top 10 products ytd",
        "sales_history",
        {"territory": "EX", "top": 10, "group_by": "product", "period": "2026"},
    ),
    # M18
    Q(
        HARRIS,
        "centro sales oct vs sept",
        "sales_history",
        {"territory": "CE", "period": ["2026-10", "2026-09"]},
    ),
    # M19
    Q(
        HARRIS,
        "what did grandi magazzini partenope buy in the last 2 months",
        "sales_history",
        {"customer": "Grandi Magazzini Partenope", "period": LAST_2_MONTHS},
    ),
    # M20 (Rossi is in Bianchi's team)
    Q(HARRIS, "what's giulia rossi's quota", "denied"),
    # M21
    Q(HARRIS, "forecast accuracy for moka pots", "forecast_accuracy", {"family": "MOKA"}),
    # M22
    Q(
        HARRIS,
        "can we ship 200 santoku to bottega italiana by jan 15",
        "available_to_promise",
        {"product": "COL-SAN", "quantity": 200, "date": dt.date(2027, 1, 15)},
    ),
    # M23
    Q(
        HARRIS,
        "islands sales this month split by family",
        "sales_history",
        {"territory": "IS", "group_by": "family", "period": "2026-11"},
    ),
    # M24
    Q(HARRIS, "which products are going to run out", "list_alerts", {"focus": "stockout"}),
    # M25 (which period is compared with last year is open)
    Q(
        HARRIS,
        "elena marchi vs last year",
        "sales_history",
        {"person": MARCHI, "compare": "last_year"},
    ),
    # ------------------------------------------------------------------------------------
    # Ops planners (product and territory totals, no customers or reps)
    # ------------------------------------------------------------------------------------
    # O1 ("per sede", by location, cannot be said)
    Q(COLOMBO, "giacenza moka per sede", "stock_status", {"family": "MOKA"}),
    # O2
    Q(
        COLOMBO,
        "quando va in rottura il filtro 6 tazze?",
        "inventory_projection",
        {"product": "RIC-F06"},
    ),
    # O3
    Q(
        COLOMBO,
        "capacita lumezzane vs domanda prox 8 settimane",
        "capacity_check",
        {"plant": "PLT-LUM", "weeks": 8},
    ),
    # O4
    Q(
        COLOMBO,
        "do we have excess stock on the filleting knife",
        "inventory_projection",
        {"product": "COL-FIL"},
    ),
    # O5 (a horizon up to 2027-02-28 cannot be said as whole weeks)
    Q(
        COLOMBO,
        "proiezione inventario pentola a pressione fino a fine febbraio",
        "inventory_projection",
        {"product": "PEN-PRE"},
    ),
    # O6
    Q(COLOMBO, "how much stock do we have overall", "stock_status", {"all_products": True}),
    # O7 (two facts asked at once: only the product is sure)
    Q(
        COLOMBO,
        "scorta di sicurezza e lotto minimo moka 3 tazze",
        "product_info",
        {"product": "MOK-003"},
    ),
    # O8 (ops see no customer sales)
    Q(COLOMBO, "sales of casalinghi trinacria last month", "denied"),
    # O9
    Q(
        GALLI,
        "previsione domanda padelle prossime 12 settimane",
        "demand_forecast",
        {"family": "PADELLE", "weeks": 12},
    ),
    # O10
    Q(
        GALLI,
        "maniago capacity vs demand in january",
        "capacity_check",
        {"plant": "PLT-MAN", "period": "2027-01"},
    ),
    # O11
    Q(
        GALLI,
        "quante guarnizioni 3 tazze ci sono a maniago",
        "stock_status",
        {"product": "RIC-G03", "location": "PLT-MAN"},
    ),
    # O12
    Q(GALLI, "weeks of cover for all knives", "inventory_projection", {"family": "COLTELLI"}),
    # O13
    Q(
        GALLI,
        "dove teniamo il wok?",
        "product_info",
        {"product": "PAD-W30", "fact": "locations"},
    ),
    # O14 (the "last 3 months" window cannot be said)
    Q(
        GALLI,
        "forecast accuracy saucepan 20 last 3 months",
        "forecast_accuracy",
        {"product": "PEN-20"},
    ),
    # O15
    Q(GALLI, "aggiorna la giacenza del ceppo a 120", "read_only"),
    # O16 (the whole PADELLE family or only the non-stick frying pans is open)
    Q(GALLI, "total frying pans sold last quarter", "sales_history", {"period": "2026-Q3"}),
    # O17
    Q(
        MORETTI,
        "atp crepiera 150 pz al 20 dicembre",
        "available_to_promise",
        {"product": "PAD-C24", "quantity": 150, "date": dt.date(2026, 12, 20)},
    ),
    # O18 (no plant named)
    Q(
        MORETTI,
        "pots capacity vs demand next quarter",
        "capacity_check",
        {"family": "PENTOLE", "period": "2027-Q1"},
    ),
    # O19
    Q(MORETTI, "eccesso di scorte ricambi", "inventory_projection", {"family": "RICAMBI"}),
    # O20
    Q(MORETTI, "stock 24cm frying pan", "stock_status", {"product": "PAD-24"}),
    # O21
    Q(
        MORETTI,
        "vendite moka 12 tazze ultimi 6 mesi vs anno prima",
        "sales_history",
        {"product": "MOK-012", "period": LAST_6_MONTHS, "compare": "last_year"},
    ),
    # O22
    Q(MORETTI, "what's running low across the board", "list_alerts", {"focus": "stockout"}),
    # O23 (the next receipt is on the stock card)
    # (Since trial 23 the receipts themselves, not the stock with its next receipt.)
    Q(MORETTI, "prossimi arrivi moka 9 tazze", "incoming_receipts", {"product": "MOK-009"}),
    # O24
    Q(
        COLOMBO,
        "compare stock milan vs lumezzane for the 6 cup moka",
        "stock_status",
        {"product": "MOK-006", "location": ["WH-MIL", "PLT-LUM"]},
    ),
    # O25 (ops see no reps' sales)
    Q(GALLI, "which rep sold the most knives this year", "denied"),
    # ------------------------------------------------------------------------------------
    # Marketing (Ricci, Barbieri: product and territory totals) and admin (De Angelis)
    # ------------------------------------------------------------------------------------
    # K1
    Q(
        RICCI,
        "vendite moka rossa ultimi 12 mesi vs anno prima",
        "sales_history",
        {"product": "MOK-R04", "period": LAST_12_MONTHS, "compare": "last_year"},
    ),
    # K2 (ranking by revenue rather than units cannot be said)
    Q(
        RICCI,
        "top 5 knifes by revenue this year",
        "sales_history",
        {"family": "COLTELLI", "top": 5, "group_by": "product", "period": "2026"},
    ),
    # K3
    Q(
        RICCI,
        "quanto costa il cepo coltelli?",
        "product_info",
        {"product": "COL-CEP", "fact": "price"},
    ),
    # K4 (both induction mokas)
    Q(
        RICCI,
        "induction moka sales q3 vs q2",
        "sales_history",
        {"product": ["MOK-I03", "MOK-I06"], "period": ["2026-Q3", "2026-Q2"]},
    ),
    # K5
    Q(
        RICCI,
        "vendite per famiglia novembre vs novembre scorso",
        "sales_history",
        {"group_by": "family", "period": ["2026-11", "2025-11"]},
    ),
    # K6 (marketing sees no customers)
    Q(RICCI, "which customers buy the most red moka", "denied"),
    # K7
    Q(
        RICCI,
        "registra feedback: i clienti chiedono una moka induzione da 4 tazze",
        "confirm:record_feedback",
    ),
    # K8 (a horizon up to 2027-03-31 is left out)
    Q(
        RICCI,
        "demand forecast electric moka until end of march",
        "demand_forecast",
        {"product": "MOK-E02"},
    ),
    # K9 ("ultimo trimestre" as Q3 or as the last 3 months is open)
    Q(
        BARBIERI,
        "confronta padelle e pentole ultimo trimestre",
        "sales_history",
        {"family": ["PADELLE", "PENTOLE"]},
    ),
    # K10
    Q(
        BARBIERI,
        "spare parts sales last 6 months vs prior 6",
        "sales_history",
        {"family": "RICAMBI", "period": LAST_6_MONTHS, "compare": "previous"},
    ),
    # K11
    Q(
        BARBIERI,
        "vendite totali per famiglia quest'anno",
        "sales_history",
        {"group_by": "family", "period": "2026"},
    ),
    # K12 (the whole PADELLE family or only the non-stick frying pans is open)
    Q(BARBIERI, "prices of all frying pans", "product_info", {"fact": "price"}),
    # K13 (a horizon up to 2026-12-25 is left out)
    Q(BARBIERI, "previsione moka fino a natale", "demand_forecast", {"family": "MOKA"}),
    # K14 (the "last quarter" window cannot be said)
    Q(BARBIERI, "forecast accuracy last quarter overall", "forecast_accuracy", {}),
    # K15 (marketing sees no reps' quotas)
    Q(BARBIERI, "quota di zanetti", "denied"),
    # K16 (revenue rather than units cannot be said)
    Q(
        DEANGELIS,
        "fatturato ottobre per territorio",
        "sales_history",
        {"group_by": "territory", "period": "2026-10"},
    ),
    # K17
    Q(
        DEANGELIS,
        "compare casalinghi medicei and casalinghi trinacria this year",
        "sales_history",
        {"customer": ["Casalinghi Medicei", "Casalinghi Trinacria"], "period": "2026"},
    ),
    # K18
    Q(DEANGELIS, "quote di tutti i commerciali q4", "quota_status", {"period": "2026-Q4"}),
    # K19
    Q(
        DEANGELIS,
        "top 10 customers last 12 months",
        "sales_history",
        {"top": 10, "group_by": "customer", "period": LAST_12_MONTHS},
    ),
    # K20
    Q(
        DEANGELIS,
        "vendite di walker a settembre",
        "sales_history",
        {"person": WALKER, "period": "2026-09"},
    ),
    # K21
    Q(
        DEANGELIS,
        "when did cucine scaligere last buy knives",
        "sales_history",
        {"customer": "Cucine Scaligere", "family": "COLTELLI", "last_purchase": True},
    ),
    # K22
    Q(DEANGELIS, "cancella l'ordine SO-26041", "read_only"),
    # K23 (the two teams' totals, Nord-Ovest + Nord-Est against the rest, cannot be said)
    Q(
        DEANGELIS,
        "team bianchi vs team harris sales this quarter",
        "sales_history",
        {"period": "2026-Q4"},
    ),
    # K24
    Q(DEANGELIS, "cerca feedback sulla moka elettrica", "search_feedback"),
    # K25
    Q(
        DEANGELIS,
        "export territory q4 attainment",
        "quota_status",
        {"territory": "EX", "period": "2026-Q4"},
    ),
]
