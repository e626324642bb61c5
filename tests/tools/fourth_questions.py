"""Questions written by a fourth new-user trial of Ponte on 2026-11-30, before they were asked.

100 questions, one role group at a time: reps (R01-R25, 13 in Italian and 12 in English),
managers (M01-M25, 12 and 13), ops planners (O01-O25, 13 and 12), marketing and admin
(K01-K25, 12 and 13). They were written, with the outcome a planner expects, by someone who
had not read the code, before Ponte saw them; 88 were answered right then. They are kept here
so that later changes are checked against wording their authors did not choose. Seven are
left out because their text is already in another set: R22 ("lead time on the knife block?",
21 in tests/tools/fresh_questions.py), O10 ("cosa va in rottura nelle prossime 4 settimane?",
74 there), O13 ("dove teniamo il wok?", O13 in tests/tools/third_questions.py), K02 ("top 5
prodotti per fatturato 2026", 92 in tests/tools/fresh_questions.py), K07 ("previsione moka
fino a natale", K13 in tests/tools/third_questions.py), K08 ("fatturato totale ottobre", D11
in tests/tools/trial_questions.py) and K21 ("when did brianza casa last order", R3 in
tests/tools/third_questions.py).

Same format and conventions as tests/tools/role_questions.py (today is Friday 2026-11-27):
`expect` is the tool that should answer or an outcome ("denied", "read_only",
"unavailable:<ability>", "clarify:<what>", "not_understood"), and `args` lists only the
arguments a careful planner is sure must be there. A rolling "last N months" is a span ending
today ("ultimi 6 mesi" = "2026-05-28..2026-11-27"); "da gennaio a marzo" in a forecast is
"2027-01-01..2027-03-31". A split or ranking asked by revenue ("per fatturato", "fatturato per
cliente", "by revenue") carries `rank_by` "revenue"; a comparison "in revenue" of things side
by side does not. Where the trial asked for something no argument can say (a projection
horizon up to a date, a forecast-accuracy window, sales by month, accuracy split by family),
the tool that should answer is kept and that part is left out; where the wording is open (a
period not named, "the frying pans", "the knives" as a family or as seven products), the
fewer arguments are kept. The customer of an available-to-promise question is not an
argument. Two periods named outright are a list, "vs last year" is `compare` "last_year" and
"vs previous 3" is "previous".
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

FOURTH: list[Q] = [
    # ------------------------------------------------------------------------------------
    # Reps (Rossi, Brambilla: NO; Zanetti: NE; Marchi: CE; Esposito: SU; Lo Bianco: IS;
    # Walker: EX)
    # ------------------------------------------------------------------------------------
    # R01
    Q(
        ROSSI,
        "quante moka 6 tazze abbiamo a milano?",
        "stock_status",
        {"product": "MOK-006", "location": "WH-MIL"},
    ),
    # R02 (no period named)
    Q(ROSSI, "come sto messa con la quota?", "quota_status", {}),
    # R03
    Q(
        ROSSI,
        "quanto ha comprato casalinghi colombo quest'anno?",
        "sales_history",
        {"customer": "Casalinghi Colombo", "period": "2026"},
    ),
    # R04
    Q(
        ROSSI,
        "posso promettere 300 padelle da 28 a brianza casa entro il 15/12?",
        "available_to_promise",
        {"product": "PAD-28", "quantity": 300, "date": dt.date(2026, 12, 15)},
    ),
    # R05
    Q(
        BRAMBILLA,
        "quando ha ordinato l'ultima volta ferramenta sforza",
        "sales_history",
        {"customer": "Ferramenta Sforza", "last_purchase": True},
    ),
    # R06
    Q(
        BRAMBILLA,
        "vendite emporio navigli ultimi 3 mesi vs anno scorso",
        "sales_history",
        {"customer": "Emporio Navigli", "period": LAST_3_MONTHS, "compare": "last_year"},
    ),
    # R07 (a rep sees only their own quota)
    Q(BRAMBILLA, "a che punto è zanetti con la quota?", "denied"),
    # R08
    Q(
        ZANETTI,
        "top 5 clienti per fatturato quest'anno",
        "sales_history",
        {"top": 5, "group_by": "customer", "rank_by": "revenue", "period": "2026"},
    ),
    # R09
    Q(
        ZANETTI,
        "quanti wok abbiamo venduto a casa friulana nel 2025",
        "sales_history",
        {"customer": "Casa Friulana", "product": "PAD-W30", "period": "2025"},
    ),
    # R10
    Q(
        ZANETTI,
        "previsione padelle dicembre",
        "demand_forecast",
        {"family": "PADELLE", "period": "2026-12"},
    ),
    # R11
    Q(MARCHI, "prezzo santoku?", "product_info", {"product": "COL-SAN", "fact": "price"}),
    # R12 (Casalinghi Vesuvio is Esposito's, in Sud)
    Q(MARCHI, "vendite casalinghi vesuvio mese scorso", "denied"),
    # R13
    Q(
        ESPOSITO,
        "fatturato per cliente ottobre",
        "sales_history",
        {"group_by": "customer", "rank_by": "revenue", "period": "2026-10"},
    ),
    # R14
    Q(
        LOBIANCO,
        "emporio sardo vs bottega etnea this year",
        "sales_history",
        {"customer": ["Emporio Sardo", "Bottega Etnea"], "period": "2026"},
    ),
    # R15
    Q(WALKER, "how am i doing vs quota this qtr", "quota_status", {"period": "2026-Q4"}),
    # R16
    Q(
        WALKER,
        "sales to maison de la moka last 6 months",
        "sales_history",
        {"customer": "Maison de la Moka SARL", "period": LAST_6_MONTHS},
    ),
    # R17
    Q(
        WALKER,
        "can i promise 200 chef knives to casa italia import by dec 18",
        "available_to_promise",
        {"product": "COL-CUO", "quantity": 200, "date": dt.date(2026, 12, 18)},
    ),
    # R18
    Q(
        WALKER,
        "how many paring knives in maniago",
        "stock_status",
        {"product": "COL-SPE", "location": "PLT-MAN"},
    ),
    # R19
    Q(
        WALKER,
        "what did bottega italiana buy last month, by product",
        "sales_history",
        {"customer": "Bottega Italiana Ltd", "period": "2026-10", "group_by": "product"},
    ),
    # R20 (the family total, not seven knives side by side)
    Q(
        WALKER,
        "knife sales this year vs last year",
        "sales_history",
        {"family": "COLTELLI", "period": "2026", "compare": "last_year"},
    ),
    # R21
    Q(WALKER, "pls change my q1 quota to 9000", "clarify:reason"),
    # R22 left out: "lead time on the knife block?" is 21 in tests/tools/fresh_questions.py.
    # R23
    Q(
        MARCHI,
        "when did la dispensa umbra last order",
        "sales_history",
        {"customer": "La Dispensa Umbra", "last_purchase": True},
    ),
    # R24
    Q(
        ESPOSITO,
        "pressure cooker fcst next 8 wks",
        "demand_forecast",
        {"product": "PEN-PRE", "weeks": 8},
    ),
    # R25
    Q(LOBIANCO, "set stock of 3 cup gaskets to 400", "read_only"),
    # ------------------------------------------------------------------------------------
    # Managers (Bianchi: Rossi, Brambilla, Zanetti; Harris: Marchi, Esposito, Lo Bianco,
    # Walker)
    # ------------------------------------------------------------------------------------
    # M01 (no period named)
    Q(BIANCHI, "come va il mio team con le quote?", "quota_status", {}),
    # M02 (no period named)
    Q(BIANCHI, "quota brambilla", "quota_status", {"person": BRAMBILLA}),
    # M03
    Q(
        BIANCHI,
        "vendite nord-ovest vs nord-est questo trimestre",
        "sales_history",
        {"territory": ["NO", "NE"], "period": "2026-Q4"},
    ),
    # M04
    Q(
        BIANCHI,
        "fatturato per venditore ottobre",
        "sales_history",
        {"group_by": "person", "rank_by": "revenue", "period": "2026-10"},
    ),
    # M05 (the ranking by rep answers "who sold the most")
    Q(
        BIANCHI,
        "chi ha venduto più moke quest'anno nel mio team",
        "sales_history",
        {"family": "MOKA", "group_by": "person", "period": "2026"},
    ),
    # M06 (a customer's total needs no product)
    Q(
        BIANCHI,
        "quanto abbiamo fatturato con casalinghi serenissima nel 2025 vs 2024",
        "sales_history",
        {"customer": "Casalinghi Serenissima", "period": ["2025", "2024"]},
    ),
    # M07
    Q(
        BIANCHI,
        "rossi vs brambilla ultimi 6 mesi",
        "sales_history",
        {"person": [ROSSI, BRAMBILLA], "period": LAST_6_MONTHS},
    ),
    # M08
    Q(
        BIANCHI,
        "quota territorio NO moka q1",
        "quota_status",
        {"territory": "NO", "family": "MOKA", "period": "2027-Q1"},
    ),
    # M09 (Esposito is in Harris's team)
    Q(BIANCHI, "vendite di esposito", "denied"),
    # M10
    Q(BIANCHI, "giacenza totale padelle", "stock_status", {"family": "PADELLE"}),
    # M11
    Q(
        BIANCHI,
        "posso promettere 1000 moka 3 tazze a casalinghi colombo per fine anno?",
        "available_to_promise",
        {"product": "MOK-003", "quantity": 1000, "date": dt.date(2026, 12, 31)},
    ),
    # M12
    Q(BIANCHI, "alza la quota di zanetti a 18000", "clarify:reason"),
    # M13 (no period named)
    Q(HARRIS, "team quota attainment", "quota_status", {}),
    # M14 (no period named)
    Q(HARRIS, "how's walker tracking vs quota", "quota_status", {"person": WALKER}),
    # M15
    Q(
        HARRIS,
        "sales by territory this quarter",
        "sales_history",
        {"group_by": "territory", "period": "2026-Q4"},
    ),
    # M16
    Q(
        HARRIS,
        "top 10 customers ytd",
        "sales_history",
        {"top": 10, "group_by": "customer", "period": "2026"},
    ),
    # M17 (two territories side by side: no ranking to make)
    Q(
        HARRIS,
        "compare centro and sud revenue last quarter",
        "sales_history",
        {"territory": ["CE", "SU"], "period": "2026-Q3"},
    ),
    # M18
    Q(
        HARRIS,
        "export knife quota q4",
        "quota_status",
        {"territory": "EX", "family": "COLTELLI", "period": "2026-Q4"},
    ),
    # M19
    Q(
        HARRIS,
        "marchi sales last 3 months vs previous 3",
        "sales_history",
        {"person": MARCHI, "period": LAST_3_MONTHS, "compare": "previous"},
    ),
    # M20
    Q(
        HARRIS,
        "what did grandi magazzini partenope buy in october",
        "sales_history",
        {"customer": "Grandi Magazzini Partenope", "period": "2026-10"},
    ),
    # M21 (Zanetti is in Bianchi's team)
    Q(HARRIS, "how much did zanetti sell in q3", "denied"),
    # M22 (the whole PADELLE family or only the non-stick frying pans is open)
    Q(
        HARRIS,
        "sales of frying pans in the islands this year",
        "sales_history",
        {"territory": "IS", "period": "2026"},
    ),
    # M23
    Q(
        HARRIS,
        "when did maison de la moka last buy?",
        "sales_history",
        {"customer": "Maison de la Moka SARL", "last_purchase": True},
    ),
    # M24
    Q(
        HARRIS,
        "esposito vs lo bianco ytd",
        "sales_history",
        {"person": [ESPOSITO, LOBIANCO], "period": "2026"},
    ),
    # M25
    Q(HARRIS, "forecast accuracy for pots", "forecast_accuracy", {"family": "PENTOLE"}),
    # ------------------------------------------------------------------------------------
    # Ops planners (product and territory totals, no customers or reps)
    # ------------------------------------------------------------------------------------
    # O01
    Q(COLOMBO, "giacenza moka 3 tazze", "stock_status", {"product": "MOK-003"}),
    # O02
    Q(
        COLOMBO,
        "quando finiamo le guarnizioni da 6?",
        "inventory_projection",
        {"product": "RIC-G06"},
    ),
    # O03
    Q(
        COLOMBO,
        "settimane di copertura filtri moka 3 tazze",
        "inventory_projection",
        {"product": "RIC-F03"},
    ),
    # O04
    Q(
        COLOMBO,
        "capacità lumezzane vs domanda prossime 8 settimane",
        "capacity_check",
        {"plant": "PLT-LUM", "weeks": 8},
    ),
    # O05 (excess stock is the projection's to say)
    Q(
        GALLI,
        "abbiamo troppo coltello per filettare?",
        "inventory_projection",
        {"product": "COL-FIL"},
    ),
    # O06
    Q(
        GALLI,
        "previsione pentole da gennaio a marzo",
        "demand_forecast",
        {"family": "PENTOLE", "period": "2027-01-01..2027-03-31"},
    ),
    # O07
    Q(
        GALLI,
        "stock di tutto a maniago",
        "stock_status",
        {"all_products": True, "location": "PLT-MAN"},
    ),
    # O08
    Q(
        GALLI,
        "lotto minimo padella 32",
        "product_info",
        {"product": "PAD-32", "fact": "min_order"},
    ),
    # O09 (a horizon up to 2027-02-28 is left out)
    Q(
        MORETTI,
        "proiezione scorte crepiera fino a fine febbraio",
        "inventory_projection",
        {"product": "PAD-C24"},
    ),
    # O10 left out: "cosa va in rottura nelle prossime 4 settimane?" is 74 in
    # tests/tools/fresh_questions.py.
    # O11 (ops see no customer sales)
    Q(MORETTI, "vendite di casalinghi medicei", "denied"),
    # O12
    Q(
        MORETTI,
        "previsione totale prossime 12 settimane",
        "demand_forecast",
        {"all_products": True, "weeks": 12},
    ),
    # O13 left out: "dove teniamo il wok?" is O13 in tests/tools/third_questions.py.
    # O14
    Q(GALLI, "stock on hand for the 24cm stockpot", "stock_status", {"product": "PEN-24"}),
    # O15
    Q(
        GALLI,
        "when will the 2 cup electric moka run out",
        "inventory_projection",
        {"product": "MOK-E02"},
    ),
    # O16
    Q(
        COLOMBO,
        "capacity check maniago next quarter",
        "capacity_check",
        {"plant": "PLT-MAN", "period": "2027-Q1"},
    ),
    # O17 (the "last 3 months" window cannot be said)
    Q(
        MORETTI,
        "forecast accuracy moka last 3 months",
        "forecast_accuracy",
        {"family": "MOKA"},
    ),
    # O18
    Q(
        MORETTI,
        "how many units of spare parts did we sell last month",
        "sales_history",
        {"family": "RICAMBI", "period": "2026-10"},
    ),
    # O19
    Q(
        COLOMBO,
        "safety stock for the bread knife?",
        "product_info",
        {"product": "COL-PAN", "fact": "safety_stock"},
    ),
    # O20
    Q(
        GALLI,
        "can we promise 400 santoku by jan 15",
        "available_to_promise",
        {"product": "COL-SAN", "quantity": 400, "date": dt.date(2027, 1, 15)},
    ),
    # O21
    Q(
        GALLI,
        "pasta pot vs pressure cooker sales this year",
        "sales_history",
        {"product": ["PEN-PAS", "PEN-PRE"], "period": "2026"},
    ),
    # O22 (a company-wide excess list is the alerts')
    Q(COLOMBO, "excess stock report for all skus", "list_alerts", {"focus": "excess"}),
    # O23 (WH-MIL is the one warehouse)
    Q(
        MORETTI,
        "weeks of cover on 9 cup moka at the warehouse",
        "inventory_projection",
        {"product": "MOK-009", "location": "WH-MIL"},
    ),
    # O24
    Q(COLOMBO, "reduce allocated qty on PAD-32 to 0", "read_only"),
    # O25 (ops see no reps' sales)
    Q(MORETTI, "sales by rep for knives this quarter", "denied"),
    # ------------------------------------------------------------------------------------
    # Marketing (Ricci, Barbieri: product and territory totals) and admin (De Angelis)
    # ------------------------------------------------------------------------------------
    # K01
    Q(
        RICCI,
        "quante moke rosse abbiamo venduto quest'anno",
        "sales_history",
        {"product": "MOK-R04", "period": "2026"},
    ),
    # K02 left out: "top 5 prodotti per fatturato 2026" is 92 in
    # tests/tools/fresh_questions.py.
    # K03
    Q(
        RICCI,
        "vendite per famiglia anno scorso",
        "sales_history",
        {"group_by": "family", "period": "2025"},
    ),
    # K04
    Q(
        BARBIERI,
        "moka induzione 3 vs 6 tazze ultimi 6 mesi",
        "sales_history",
        {"product": ["MOK-I03", "MOK-I06"], "period": LAST_6_MONTHS},
    ),
    # K05
    Q(
        BARBIERI,
        "registra feedback: i clienti chiedono la moka rossa anche da 6",
        "confirm:record_feedback",
    ),
    # K06 (marketing sees no customers)
    Q(BARBIERI, "vendite coltelli per cliente", "denied"),
    # K07 left out: "previsione moka fino a natale" is K13 in tests/tools/third_questions.py.
    # K08 left out: "fatturato totale ottobre" is D11 in tests/tools/trial_questions.py.
    # K09
    Q(
        DEANGELIS,
        "quota di lo bianco q1",
        "quota_status",
        {"person": LOBIANCO, "period": "2027-Q1"},
    ),
    # K10
    Q(
        DEANGELIS,
        "casalinghi trinacria vs emporio sardo 2025",
        "sales_history",
        {"customer": ["Casalinghi Trinacria", "Emporio Sardo"], "period": "2025"},
    ),
    # K11
    Q(
        DEANGELIS,
        "vendite per territorio novembre vs novembre anno scorso",
        "sales_history",
        {"group_by": "territory", "period": ["2026-11", "2025-11"]},
    ),
    # K12
    Q(RICCI, "cerca feedback sulle padelle", "search_feedback"),
    # K13 (which period is compared with last year is open)
    Q(
        RICCI,
        "how are steak knife sets selling vs last year",
        "sales_history",
        {"product": "COL-BIS", "compare": "last_year"},
    ),
    # K14
    Q(
        RICCI,
        "top 3 families by revenue last quarter",
        "sales_history",
        {"top": 3, "group_by": "family", "rank_by": "revenue", "period": "2026-Q3"},
    ),
    # K15 (the knives as the COLTELLI family or as seven products is open)
    Q(BARBIERI, "price list for the knives", "product_info", {"fact": "price"}),
    # K16 (sales by month cannot be said)
    Q(
        BARBIERI,
        "monthly sales of the 28cm grill pan this year",
        "sales_history",
        {"product": "PAD-G28", "period": "2026"},
    ),
    # K17 (marketing sees no reps' sales)
    Q(BARBIERI, "which rep sold the most moka pots last year", "denied"),
    # K18
    Q(
        RICCI,
        "demand forecast for spare parts next 3 months",
        "demand_forecast",
        {"family": "RICAMBI", "weeks": 13},
    ),
    # K19 (a split by customer or Walker's total is open)
    Q(
        DEANGELIS,
        "sales for walker's customers last month",
        "sales_history",
        {"person": WALKER, "period": "2026-10"},
    ),
    # K20
    Q(DEANGELIS, "whole company quota attainment q4", "quota_status", {"period": "2026-Q4"}),
    # K21 left out: "when did brianza casa last order" is R3 in tests/tools/third_questions.py.
    # K22 (two territories side by side: no ranking to make)
    Q(
        DEANGELIS,
        "compare export vs islands revenue ytd",
        "sales_history",
        {"territory": ["EX", "IS"], "period": "2026"},
    ),
    # K23
    Q(DEANGELIS, "delete customer ferramenta sforza", "read_only"),
    # K24
    Q(
        BARBIERI,
        "how much stock of the red moka do we have",
        "stock_status",
        {"product": "MOK-R04"},
    ),
    # K25 (a split by family cannot be said)
    Q(DEANGELIS, "forecast accuracy by family", "forecast_accuracy", {}),
]
