"""Questions written by a new-user trial of Ponte on 2026-11-30, before they were asked.

120 questions (A01..D30), one role group at a time: A reps, B managers, C ops planners,
D marketing and admin; 15 in Italian and 15 in English in each group. They were written in the
trial's own words, with the outcome a planner expects, before Ponte saw them, and they are kept
here so that the next change is checked against questions its author did not write.

Same format and conventions as tests/tools/role_questions.py (today is Friday 2026-11-27):
`expect` is the tool that should answer or an outcome ("denied", "read_only",
"unavailable:<ability>", "clarify:<what>", "not_understood"), and `args` lists only the
arguments a careful planner is sure must be there. Where the trial asked for something no
argument can say (a rolling "last 3 months", "all time", sales by family or by location),
the tool that should answer is kept and that part is left out; where the trial found a
question ambiguous, the fewer arguments are kept. "Natale"/"xmas" in a sales question is
December; two periods named outright are a list, "vs last year" / "vs last month" is `compare`.
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

TRIAL: list[Q] = [
    # ------------------------------------------------------------------------------------
    # A. Reps
    # ------------------------------------------------------------------------------------
    # A01
    Q(ROSSI, "quante moka 6 tazze abbiamo?", "stock_status", {"product": "MOK-006"}),
    # A02
    Q(
        ROSSI,
        "giacenze padelle a milano",
        "stock_status",
        {"family": "PADELLE", "location": "WH-MIL"},
    ),
    # A03
    Q(
        ROSSI,
        "posso promettere 300 moka 3 tazze a casalinghi colombo per il 15 dic?",
        "available_to_promise",
        {"product": "MOK-003", "quantity": 300, "date": dt.date(2026, 12, 15)},
    ),
    # A04
    Q(ROSSI, "come sto andando col budget sto trimestre", "quota_status", {"period": "2026-Q4"}),
    # A05 (the rolling "ultimi 3 mesi" cannot be said as a period)
    Q(
        ROSSI,
        "vendite casalinghi colombo ultimi 3 mesi",
        "sales_history",
        {"customer": "Casalinghi Colombo"},
    ),
    # A06
    Q(
        ROSSI,
        "quando ha comprato l'ultima volta brianza casa?",
        "sales_history",
        {"customer": "Brianza Casa", "last_purchase": True},
    ),
    # A07
    Q(
        ROSSI,
        "vendite emporio navigli quest'anno",
        "sales_history",
        {"customer": "Emporio Navigli", "period": "2026"},
    ),
    # A08 (Casalinghi Vesuvio is in Sud, not Brambilla's territory)
    Q(BRAMBILLA, "vendite casalinghi vesuvio", "denied"),
    # A09
    Q(
        BRAMBILLA,
        "top 5 prodotti nel mio territorio a ottobre",
        "sales_history",
        {"territory": "NO", "top": 5, "group_by": "product", "period": "2026-10"},
    ),
    # A10
    Q(ZANETTI, "fcst padella 28 prox 8 sett", "demand_forecast", {"product": "PAD-28", "weeks": 8}),
    # A11
    Q(ZANETTI, "la mia quota q1 2027?", "quota_status", {"period": "2027-Q1"}),
    # A12 (this year so far against the same time last year)
    Q(
        ZANETTI,
        "vendite casalinghi serenissima vs anno scorso",
        "sales_history",
        {"customer": "Casalinghi Serenissima", "period": "2026", "compare": "last_year"},
    ),
    # A13
    Q(
        MARCHI,
        "quanti pz di pentola a pressione ci sono in magazino",
        "stock_status",
        {"product": "PEN-PRE"},
    ),
    # A14
    Q(ESPOSITO, "metti scorta di sicurezza padella 24 a 600", "read_only"),
    # A15
    Q(
        LOBIANCO,
        "cosa ha preso casalinghi trinacria a natale dell'anno scorso",
        "sales_history",
        {"customer": "Casalinghi Trinacria", "period": "2025-12"},
    ),
    # A16
    Q(WALKER, "stock of chef knife?", "stock_status", {"product": "COL-CUO"}),
    # A17
    Q(
        WALKER,
        "can i promise 200 paring knives to casa italia import by dec 10",
        "available_to_promise",
        {"product": "COL-SPE", "quantity": 200, "date": dt.date(2026, 12, 10)},
    ),
    # A18
    Q(WALKER, "my quota attainment q4", "quota_status", {"period": "2026-Q4"}),
    # A19 (the rolling "last 6 months" cannot be said as a period)
    Q(
        WALKER,
        "sales maison de la moka last 6 months",
        "sales_history",
        {"customer": "Maison de la Moka SARL"},
    ),
    # A20 (Walker sees Export only)
    Q(WALKER, "top customers this yr", "sales_history", {"group_by": "customer", "period": "2026"}),
    # A21
    Q(
        WALKER,
        "knives sales export this quarter vs last year",
        "sales_history",
        {"family": "COLTELLI", "territory": "EX", "period": "2026-Q4", "compare": "last_year"},
    ),
    # A22
    Q(
        WALKER,
        "whats the lead time on santoku",
        "product_info",
        {"product": "COL-SAN", "fact": "lead_time"},
    ),
    # A23 (Grandi Magazzini Partenope is in Sud, not Walker's)
    Q(WALKER, "how did grandi magazzini partenope do last month", "denied"),
    # A24
    Q(
        WALKER,
        "bottega italiana ltd sales oct vs sep",
        "sales_history",
        {"customer": "Bottega Italiana Ltd", "period": ["2026-10", "2026-09"]},
    ),
    # A25
    Q(
        WALKER,
        "min order qty knife block",
        "product_info",
        {"product": "COL-CEP", "fact": "min_order"},
    ),
    # A26
    Q(WALKER, "when does the 12 cup moka run out", "inventory_projection", {"product": "MOK-012"}),
    # A27
    Q(
        WALKER,
        "log feedback: casa italia wants bigger moka packaging",
        "confirm:record_feedback",
    ),
    # A28
    Q(
        ESPOSITO,
        "how much did i sell in november",
        "sales_history",
        {"person": ESPOSITO, "period": "2026-11"},
    ),
    # A29
    Q(
        MARCHI,
        "compare my sales this month vs last month",
        "sales_history",
        {"person": MARCHI, "period": "2026-11", "compare": "previous"},
    ),
    # A30
    Q(LOBIANCO, "weeks of cover 32cm frying pan", "inventory_projection", {"product": "PAD-32"}),
    # ------------------------------------------------------------------------------------
    # B. Managers (Bianchi: Rossi, Brambilla, Zanetti; Harris: Marchi, Esposito, Lo Bianco,
    # Walker)
    # ------------------------------------------------------------------------------------
    # B01
    Q(BIANCHI, "come va il team col budget q4", "quota_status", {"period": "2026-Q4"}),
    # B02
    Q(
        BIANCHI,
        "confronta rossi e brambilla questo trimestre",
        "sales_history",
        {"person": [ROSSI, BRAMBILLA], "period": "2026-Q4"},
    ),
    # B03
    Q(
        BIANCHI,
        "vendite zanetti mese scorso",
        "sales_history",
        {"person": ZANETTI, "period": "2026-10"},
    ),
    # B04
    Q(
        BIANCHI,
        "top 10 clienti del mio team quest'anno",
        "sales_history",
        {"top": 10, "group_by": "customer", "period": "2026"},
    ),
    # B05
    Q(
        BIANCHI,
        "vendite moka nord-ovest vs nord-est Q3",
        "sales_history",
        {"family": "MOKA", "territory": ["NO", "NE"], "period": "2026-Q3"},
    ),
    # B06 (Marchi is in Harris's team)
    Q(BIANCHI, "vendite marchi ottobre", "denied"),
    # B07
    Q(
        BIANCHI,
        "quota moka nord ovest q4",
        "quota_status",
        {"territory": "NO", "family": "MOKA", "period": "2026-Q4"},
    ),
    # B08
    Q(
        BIANCHI,
        "ultimo acquisto emporio dolomiti",
        "sales_history",
        {"customer": "Emporio Dolomiti", "last_purchase": True},
    ),
    # B09
    Q(BIANCHI, "accuratezza previsioni padelle", "forecast_accuracy", {"family": "PADELLE"}),
    # B10 (this year so far against the same time last year)
    Q(
        BIANCHI,
        "fatturato team anno scorso vs quest anno",
        "sales_history",
        {"period": "2026", "compare": "last_year"},
    ),
    # B11 (the rolling "ultimi 12 mesi" cannot be said as a period)
    Q(
        BIANCHI,
        "vendite padelle 28 cm nord est ultimi 12 mesi",
        "sales_history",
        {"product": "PAD-28", "territory": "NE"},
    ),
    # B12
    Q(
        BIANCHI,
        "quanto ha preso serenissima di pentole nel 2025",
        "sales_history",
        {"customer": "Casalinghi Serenissima", "family": "PENTOLE", "period": "2025"},
    ),
    # B13
    Q(
        BIANCHI,
        "posso promettere 1000 padelle 20cm a emporio dolomiti entro fine anno?",
        "available_to_promise",
        {"product": "PAD-20", "quantity": 1000, "date": dt.date(2026, 12, 31)},
    ),
    # B14
    Q(BIANCHI, "porta la quota di brambilla a 9000", "clarify:reason"),
    # B15
    Q(
        BIANCHI,
        "chi ha venduto di piu a novembre nel team",
        "sales_history",
        {"group_by": "person", "period": "2026-11"},
    ),
    # B16
    Q(HARRIS, "team quota attainment this quarter", "quota_status", {"period": "2026-Q4"}),
    # B17
    Q(
        HARRIS,
        "compare esposito vs lo bianco ytd",
        "sales_history",
        {"person": [ESPOSITO, LOBIANCO], "period": "2026"},
    ),
    # B18
    Q(
        HARRIS,
        "walker sales last quarter",
        "sales_history",
        {"person": WALKER, "period": "2026-Q3"},
    ),
    # B19
    Q(
        HARRIS,
        "top 5 customers in the south this year",
        "sales_history",
        {"territory": "SU", "top": 5, "group_by": "customer", "period": "2026"},
    ),
    # B20
    Q(
        HARRIS,
        "sales by territory last month",
        "sales_history",
        {"group_by": "territory", "period": "2026-10"},
    ),
    # B21 (this year so far against the same time last year)
    Q(
        HARRIS,
        "how is export doing vs last year",
        "sales_history",
        {"territory": "EX", "period": "2026", "compare": "last_year"},
    ),
    # B22 (Zanetti is in Bianchi's team)
    Q(HARRIS, "zanetti sales this month", "denied"),
    # B23 (the coming Q1)
    Q(HARRIS, "q1 quotas for my team", "quota_status", {"period": "2027-Q1"}),
    # B24
    Q(
        HARRIS,
        "last order from casalinghi medicei",
        "sales_history",
        {"customer": "Casalinghi Medicei", "last_purchase": True},
    ),
    # B25 (the rolling "last 3 months" cannot be said)
    Q(HARRIS, "fcst accuracy moka pots last 3 months", "forecast_accuracy", {"family": "MOKA"}),
    # B26
    Q(
        HARRIS,
        "export knives q4 target vs actual",
        "quota_status",
        {"territory": "EX", "family": "COLTELLI", "period": "2026-Q4"},
    ),
    # B27
    Q(
        HARRIS,
        "marchi pressure cooker sales this year vs last",
        "sales_history",
        {"person": MARCHI, "product": "PEN-PRE", "period": "2026", "compare": "last_year"},
    ),
    # B28
    Q(
        HARRIS,
        "what does emporio sardo buy the most",
        "sales_history",
        {"customer": "Emporio Sardo", "group_by": "product"},
    ),
    # B29
    Q(HARRIS, "what's running out soon?", "list_alerts", {"focus": "stockout"}),
    # B30
    Q(HARRIS, "reserve 200 santoku for casa italia import", "read_only"),
    # ------------------------------------------------------------------------------------
    # C. Ops planners (product and territory totals, no customers or reps)
    # ------------------------------------------------------------------------------------
    # C01
    Q(
        COLOMBO,
        "giacenze moka a lumezzane",
        "stock_status",
        {"family": "MOKA", "location": "PLT-LUM"},
    ),
    # C02
    Q(COLOMBO, "quando finisce la pentola 28?", "inventory_projection", {"product": "PEN-28"}),
    # C03
    Q(COLOMBO, "settimane di copertura padelle", "inventory_projection", {"family": "PADELLE"}),
    # C04
    Q(
        COLOMBO,
        "capacita lumezzane vs domanda prossime 8 sett",
        "capacity_check",
        {"plant": "PLT-LUM", "weeks": 8},
    ),
    # C05 (the 3 cup gasket only)
    Q(
        COLOMBO,
        "fcst guarnizioni moka 3 tazze a dicembre",
        "demand_forecast",
        {"product": "RIC-G03", "period": "2026-12"},
    ),
    # C06 (excess across all products is the alerts list, not there yet)
    Q(GALLI, "dove abbiamo eccedenze?", "list_alerts", {"focus": "excess"}),
    # C07
    Q(
        GALLI,
        "la capacità pentole basta a gennaio?",
        "capacity_check",
        {"family": "PENTOLE", "period": "2027-01"},
    ),
    # C08 (two facts asked at once: only the product is sure)
    Q(GALLI, "scorta di sicurezza e lead time del wok", "product_info", {"product": "PAD-W30"}),
    # C09
    Q(
        GALLI,
        "dove è stoccato lo spelucchino",
        "product_info",
        {"product": "COL-SPE", "fact": "locations"},
    ),
    # C10
    Q(
        GALLI,
        "vendite totali padelle 2025 vs 2024",
        "sales_history",
        {"family": "PADELLE", "period": ["2025", "2024"]},
    ),
    # C11
    Q(MORETTI, "vendite di casalinghi vesuvio", "denied"),
    # C12
    Q(MORETTI, "quanto ha venduto rossi a ottobre", "denied"),
    # C13 (the next receipt was on the stock card; since the arrivals ability, "prossimo
    # arrivo" is its own answer, with whether the stock lasts until then: trial 33)
    Q(MORETTI, "prossimo arrivo filtri moka 6", "incoming_receipts", {"product": "RIC-F06"}),
    # C14
    Q(
        MORETTI,
        "proiezione giacenza moka elettrica prossime 12 sett",
        "inventory_projection",
        {"product": "MOK-E02", "weeks": 12},
    ),
    # C15
    Q(MORETTI, "imposta la scorta di sicurezza del ceppo a 80", "read_only"),
    # C16
    Q(COLOMBO, "stock 28cm frying pan", "stock_status", {"product": "PAD-28"}),
    # C17 ("by location" cannot be said)
    Q(COLOMBO, "total knives stock by location", "stock_status", {"family": "COLTELLI"}),
    # C18
    Q(GALLI, "which pans are below safety stock", "stock_status", {"family": "PADELLE"}),
    # C19
    Q(
        GALLI,
        "demand fcst moka next quarter",
        "demand_forecast",
        {"family": "MOKA", "period": "2027-Q1"},
    ),
    # C20
    Q(GALLI, "maniago capacity vs demand", "capacity_check", {"plant": "PLT-MAN"}),
    # C21
    Q(MORETTI, "excess stock knives", "inventory_projection", {"family": "COLTELLI"}),
    # C22
    Q(MORETTI, "weeks of cover pasta pot", "inventory_projection", {"product": "PEN-PAS"}),
    # C23
    Q(MORETTI, "stockout date moka gasket 6 cups", "inventory_projection", {"product": "RIC-G06"}),
    # C24
    Q(COLOMBO, "fcst accuracy pressure cooker", "forecast_accuracy", {"product": "PEN-PRE"}),
    # C25
    Q(
        GALLI,
        "compare stock 24cm vs 28cm frying pan",
        "stock_status",
        {"product": ["PAD-24", "PAD-28"]},
    ),
    # C26 (the rolling "last 4 wks" cannot be said as a period)
    Q(MORETTI, "pans sales last 4 wks", "sales_history", {"family": "PADELLE"}),
    # C27
    Q(COLOMBO, "who are the top customers for moka", "denied"),
    # C28
    Q(
        GALLI,
        "can we promise 800 steak knife sets by dec 15",
        "available_to_promise",
        {"product": "COL-BIS", "quantity": 800, "date": dt.date(2026, 12, 15)},
    ),
    # C29
    Q(
        MORETTI,
        "price of induction moka 6",
        "product_info",
        {"product": "MOK-I06", "fact": "price"},
    ),
    # C30
    Q(
        COLOMBO,
        "projected stock 9 cup moka in milan end of dec",
        "inventory_projection",
        {"product": "MOK-009", "location": "WH-MIL"},
    ),
    # ------------------------------------------------------------------------------------
    # D. Marketing (Ricci, Barbieri: product and territory totals) and admin (De Angelis)
    # ------------------------------------------------------------------------------------
    # D01 ("da sempre" cannot be said as a period)
    Q(RICCI, "vendite moka rossa da sempre", "sales_history", {"product": "MOK-R04"}),
    # D02
    Q(
        RICCI,
        "top 5 prodotti natale 2025",
        "sales_history",
        {"top": 5, "group_by": "product", "period": "2025-12"},
    ),
    # D03
    Q(
        RICCI,
        "confronta moka induzione 3 tazze e classica 3 tazze vendite 2026",
        "sales_history",
        {"product": ["MOK-I03", "MOK-003"], "period": "2026"},
    ),
    # D04 (which February is open)
    Q(RICCI, "quante crepiere vendiamo a febbraio", "sales_history", {"product": "PAD-C24"}),
    # D05 ("per famiglia" cannot be said as a grouping)
    Q(RICCI, "vendite per famiglia ultimo trimestre", "sales_history", {"period": "2026-Q3"}),
    # D06
    Q(
        BARBIERI,
        "andamento vendite coltelli 2026 vs 2025",
        "sales_history",
        {"family": "COLTELLI", "period": ["2026", "2025"]},
    ),
    # D07
    Q(BARBIERI, "quali clienti comprano piu wok", "denied"),
    # D08
    Q(BARBIERI, "prezzo ceppo coltelli", "product_info", {"product": "COL-CEP", "fact": "price"}),
    # D09
    Q(
        BARBIERI,
        "registra feedback: i clienti chiedono padelle colorate",
        "confirm:record_feedback",
    ),
    # D10 ("per natale" as December or as a horizon is open)
    Q(BARBIERI, "previsione padelle per natale", "demand_forecast", {"family": "PADELLE"}),
    # D11
    Q(DEANGELIS, "fatturato totale ottobre", "sales_history", {"period": "2026-10"}),
    # D12
    Q(DEANGELIS, "quote q4 di tutti i venditori", "quota_status", {"period": "2026-Q4"}),
    # D13
    Q(
        DEANGELIS,
        "vendite esposito vs marchi anno scorso",
        "sales_history",
        {"person": [ESPOSITO, MARCHI], "period": "2025"},
    ),
    # D14
    Q(
        DEANGELIS,
        "chi è il miglior venditore quest'anno",
        "sales_history",
        {"group_by": "person", "period": "2026"},
    ),
    # D15
    Q(DEANGELIS, "cancella l'ordine SO-26017", "read_only"),
    # D16
    Q(
        RICCI,
        "best selling product last month",
        "sales_history",
        {"group_by": "product", "period": "2026-10"},
    ),
    # D17
    Q(
        RICCI,
        "sales of red moka this year",
        "sales_history",
        {"product": "MOK-R04", "period": "2026"},
    ),
    # D18
    Q(
        RICCI,
        "how did pans sell at xmas last year vs the year before",
        "sales_history",
        {"family": "PADELLE", "period": "2025-12", "compare": "last_year"},
    ),
    # D19 (the rolling "last 6 months" cannot be said as a period)
    Q(BARBIERI, "spare parts sales trend last 6 months", "sales_history", {"family": "RICAMBI"}),
    # D20
    Q(
        BARBIERI,
        "forecast electric moka next 3 months",
        "demand_forecast",
        {"product": "MOK-E02", "weeks": 13},
    ),
    # D21 ("by family" cannot be said as a grouping)
    Q(BARBIERI, "top 3 families by revenue ytd", "sales_history", {"top": 3, "period": "2026"}),
    # D22
    Q(BARBIERI, "rossi quota attainment", "denied"),
    # D23
    Q(
        RICCI,
        "compare saucepan 16 and 20 sales q3",
        "sales_history",
        {"product": ["PEN-16", "PEN-20"], "period": "2026-Q3"},
    ),
    # D24
    Q(RICCI, "overall forecast accuracy", "forecast_accuracy", {}),
    # D25
    Q(DEANGELIS, "total revenue q3 vs q2", "sales_history", {"period": ["2026-Q3", "2026-Q2"]}),
    # D26
    Q(
        DEANGELIS,
        "sales by territory this year",
        "sales_history",
        {"group_by": "territory", "period": "2026"},
    ),
    # D27
    Q(
        DEANGELIS,
        "last purchase ferramenta sforza",
        "sales_history",
        {"customer": "Ferramenta Sforza", "last_purchase": True},
    ),
    # D28
    Q(
        DEANGELIS,
        "walker vs zanetti sales last quarter",
        "sales_history",
        {"person": [WALKER, ZANETTI], "period": "2026-Q3"},
    ),
    # D29
    Q(DEANGELIS, "remove the knife block from the catalogue", "read_only"),
    # D30
    Q(
        BARBIERI,
        "2 cup moka sales 2024 vs 2025",
        "sales_history",
        {"product": "MOK-002", "period": ["2024", "2025"]},
    ),
]
