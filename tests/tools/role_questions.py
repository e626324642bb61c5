"""Questions typed into Slack by the people of the demo cookware company, one role at a time.

Written by hand, in each person's own voice (reps, managers, ops planners, marketing, admin),
before the router was changed and without looking at the router, its vocabulary, its
matcher, its date parser or its phrasing tests: short, lowercase, typos ("stok", "previsone",
"qaunto"), abbreviations (fcst, qty, pcs, wk, pz, sett., nov, dic), English words for the
Italian product names, sizes instead of codes, families in both languages, totals,
comparisons, locations, holidays and named periods, plus the things Ponte cannot or may not do.

Each question carries the answer a careful human planner would consider right: the tool and
the arguments that must be present (others may be too), or an outcome such as
"clarify:product", "confirm:record_feedback", "read_only", "denied" or "not_understood".
Only arguments the author was sure of are listed; where a reading was open (for instance
"next month" as a period or as a horizon) that argument is left out.

Conventions used in `args`:
- "today" is Friday 2026-11-27: "this month" is 2026-11, "this quarter" 2026-Q4, "this year"
  2026, "next quarter" 2027-Q1; a past-looking "Q3" in a sales question is 2026-Q3, a "Q1" in
  a forecast or capacity question is 2027-Q1.
- Dates: "fine mese" 2026-11-30, "by Christmas" 2026-12-25, "mid January" 2027-01-15,
  "end of January" 2027-01-31, "end of next quarter" 2027-03-31, Easter 2027-03-28,
  Ferragosto 2027-08-15, a weekday is the next such day after today.
- "X vs the month before / last year" is `compare`; two periods named outright are a list.
- A plain "moka 6 tazze" / "3 cup moka" is the Moka Classica; the induction and electric ones
  are always named as such.

Kept as the realistic set for tests/tools/test_role_questions.py and bench/router_bench.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Q:
    asker: str  # Slack user id of who types it
    text: str  # exactly as typed
    expect: str  # tool name, or an outcome such as "clarify:product"
    args: dict[str, Any] = field(
        default_factory=dict
    )  # the arguments that must be there (others may be too)


ROSSI = "U01ROSSI"
BRAMBILLA = "U01BRAMBILLA"
ZANETTI = "U01ZANETTI"
MARCHI = "U01MARCHI"
ESPOSITO = "U01ESPOSITO"
LOBIANCO = "U01LOBIANCO"
WALKER = "U01WALKER"
BIANCHI = "U01BIANCHI"
HARRIS = "U01HARRIS"
COLOMBO = "U01COLOMBO"
GALLI = "U01GALLI"
MORETTI = "U01MORETTI"
RICCI = "U01RICCI"
BARBIERI = "U01BARBIERI"
DEANGELIS = "U01DEANGELIS"


QUESTIONS: list[Q] = [
    # ------------------------------------------------------------------------------------
    # Reps. Giulia Rossi (Nord-Ovest, Italian): her customers are Casalinghi Colombo,
    # Emporio Navigli, Casa & Cucina Sabauda, Ferramenta Sforza, Brianza Casa.
    # ------------------------------------------------------------------------------------
    Q(ROSSI, "quante padelle da 24 abbiamo?", "stock_status", {"product": "PAD-24"}),
    Q(ROSSI, "stok PAD-28 a milano", "stock_status", {"product": "PAD-28", "location": "WH-MIL"}),
    Q(
        ROSSI,
        "posso promettere 300 pz di PAD-28 a Casalinghi Colombo entro fine mese?",
        "available_to_promise",
        {"product": "PAD-28", "quantity": 300, "date": dt.date(2026, 11, 30)},
    ),
    Q(ROSSI, "posso promettere 200 PAD-28 a casalinghi colombo?", "clarify:date"),
    Q(ROSSI, "la mia quota?", "quota_status", {}),
    Q(ROSSI, "come sto messa con la quota questo trimestre", "quota_status", {"period": "2026-Q4"}),
    Q(
        ROSSI,
        "le mie vendite di questo mese",
        "sales_history",
        {"person": ROSSI, "period": "2026-11"},
    ),
    Q(
        ROSSI,
        "cosa ha comprato ferramenta sforza nel Q3",
        "sales_history",
        {"customer": "Ferramenta Sforza", "period": "2026-Q3"},
    ),
    Q(
        ROSSI,
        "quando ha ordinato l'ultima volta Casalinghi Colombo?",
        "sales_history",
        {"customer": "Casalinghi Colombo", "last_purchase": True},
    ),
    Q(ROSSI, "e la quota di Luca?", "denied"),
    Q(
        ROSSI,
        "previsone vendite moka dicembre",
        "demand_forecast",
        {"family": "MOKA", "period": "2026-12"},
    ),
    Q(ROSSI, "posso promettere la PAD-28 a emporio navigli?", "clarify:quantity"),
    Q(
        ROSSI,
        "quanto costa il ceppo coltelli",
        "product_info",
        {"product": "COL-CEP", "fact": "price"},
    ),
    Q(ROSSI, "giacenza casseruola", "clarify:product"),
    Q(ROSSI, "riservami 200 padelle da 28 per brianza casa", "read_only"),
    Q(
        ROSSI,
        "brianza casa si lamenta dei manici che si staccano, segnalalo",
        "confirm:record_feedback",
    ),
    Q(
        ROSSI,
        "i miei top 5 clienti quest'anno",
        "sales_history",
        {"person": ROSSI, "top": 5, "group_by": "customer", "period": "2026"},
    ),
    Q(
        ROSSI,
        "vendite casa & cucina sabauda ottobre vs ottobre scorso",
        "sales_history",
        {"customer": "Casa & Cucina Sabauda", "period": "2026-10", "compare": "last_year"},
    ),
    Q(ROSSI, "quanto ha comprato Casalinghi Vesuvio quest'anno?", "denied"),
    Q(ROSSI, "help", "help", {}),
    Q(
        ROSSI,
        "entro natale riesco a dare 50 set coltelli bistecca a ferramenta sforza?",
        "available_to_promise",
        {"product": "COL-BIS", "quantity": 50, "date": dt.date(2026, 12, 25)},
    ),
    Q(
        ROSSI,
        "Can I promise 120 pcs of the 24cm frying pan by Friday?",
        "available_to_promise",
        {"product": "PAD-24", "quantity": 120, "date": dt.date(2026, 12, 4)},
    ),
    Q(ROSSI, "cosa rischia di finire?", "list_alerts", {"focus": "stockout"}),
    Q(
        ROSSI,
        "how many 3 cup mokas at milan?",
        "stock_status",
        {"product": "MOK-003", "location": "WH-MIL"},
    ),
    # Luca Brambilla (Nord-Ovest, Italian)
    Q(
        BRAMBILLA,
        "ciao, qaunto stock abbiamo di moka 6 tazze?",
        "stock_status",
        {"product": "MOK-006"},
    ),
    Q(BRAMBILLA, "mi serve la quota di Giulia", "denied"),
    Q(BRAMBILLA, "vendite mie nov vs ott", "sales_history", {"person": BRAMBILLA}),
    Q(
        BRAMBILLA,
        "tempo di consegna della bistecchiera in ghisa",
        "product_info",
        {"product": "PAD-G28", "fact": "lead_time"},
    ),
    Q(
        BRAMBILLA,
        "lotto minimo guarnizioni moka 6",
        "product_info",
        {"product": "RIC-G06", "fact": "min_order"},
    ),
    Q(BRAMBILLA, "quando finisce il wok?", "inventory_projection", {"product": "PAD-W30"}),
    Q(
        BRAMBILLA,
        "emporio navigli ultimo ordine?",
        "sales_history",
        {"customer": "Emporio Navigli", "last_purchase": True},
    ),
    Q(
        BRAMBILLA,
        "posso prometter 40 pentole a pressione a brianza casa per lunedì",
        "available_to_promise",
        {"product": "PEN-PRE", "quantity": 40, "date": dt.date(2026, 11, 30)},
    ),
    # Quotas are set by quarter: there is no December quota to change, said before asking
    # what the new target should be.
    Q(
        BRAMBILLA,
        "cambiami la quota di dicembre, è troppo alta",
        "error:no_quota",
    ),
    Q(BRAMBILLA, "what's my quota for next quarter?", "quota_status", {"period": "2027-Q1"}),
    Q(BRAMBILLA, "stock of the chef knife", "stock_status", {"product": "COL-CUO"}),
    # Marco Zanetti (Nord-Est, Italian)
    Q(ZANETTI, "stock moke a induzione", "stock_status", {"product": ["MOK-I03", "MOK-I06"]}),
    Q(
        ZANETTI,
        "cosa ha preso cucine scaligere in ottobre",
        "sales_history",
        {"customer": "Cucine Scaligere", "period": "2026-10"},
    ),
    Q(ZANETTI, "quota mia di novembre", "quota_status", {"period": "2026-11"}),
    Q(
        ZANETTI,
        "posso dare 80 tegami a Casa Friulana entro metà gennaio?",
        "available_to_promise",
        {"product": "PEN-TEG", "quantity": 80, "date": dt.date(2027, 1, 15)},
    ),
    Q(
        ZANETTI,
        "previsione pentole prossime 8 sett.",
        "demand_forecast",
        {"family": "PENTOLE", "weeks": 8},
    ),
    Q(
        ZANETTI,
        "chi è il cliente che compra più padelle nel mio territorio?",
        "sales_history",
        {"family": "PADELLE", "group_by": "customer"},
    ),
    Q(ZANETTI, "quanto vende Marchi?", "denied"),
    Q(ZANETTI, "santoku price?", "product_info", {"product": "COL-SAN", "fact": "price"}),
    Q(
        ZANETTI,
        "quando ha comprato l'ultima volta emporio dolomiti",
        "sales_history",
        {"customer": "Emporio Dolomiti", "last_purchase": True},
    ),
    Q(ZANETTI, "che tempo fa a verona domani", "not_understood"),
    Q(
        ZANETTI,
        "fcst pressure cooker next 8 wks",
        "demand_forecast",
        {"product": "PEN-PRE", "weeks": 8},
    ),
    # Elena Marchi (Centro, Italian)
    Q(MARCHI, "how many 32cm pans in stock", "stock_status", {"product": "PAD-32"}),
    Q(
        MARCHI,
        "previsione PAD-28 gennaio",
        "demand_forecast",
        {"product": "PAD-28", "period": "2027-01"},
    ),
    Q(
        MARCHI,
        "le mie vendite Q3 vs Q3 dell'anno scorso",
        "sales_history",
        {"person": MARCHI, "period": "2026-Q3", "compare": "last_year"},
    ),
    Q(
        MARCHI,
        "top 3 prodotti venduti a Casalinghi Medicei quest'anno",
        "sales_history",
        {"customer": "Casalinghi Medicei", "top": 3, "group_by": "product", "period": "2026"},
    ),
    Q(
        MARCHI,
        "La Dispensa Umbra ultimo acquisto",
        "sales_history",
        {"customer": "La Dispensa Umbra", "last_purchase": True},
    ),
    Q(
        MARCHI,
        "posso promettere 60 moka 9 tazze alla Bottega Adriatica per il 15 dicembre?",
        "available_to_promise",
        {"product": "MOK-009", "quantity": 60, "date": dt.date(2026, 12, 15)},
    ),
    Q(MARCHI, "quota di Esposito vs la mia", "denied"),
    Q(
        MARCHI,
        "quanto è affidabile la previsione sulle moka?",
        "forecast_accuracy",
        {"family": "MOKA"},
    ),
    Q(
        MARCHI,
        "perché la previsione della crepiera è così bassa?",
        "explain_forecast",
        {"product": "PAD-C24"},
    ),
    Q(
        MARCHI,
        "emporio tiberino dice che la saltapasta si riga subito, lo puoi registrare?",
        "confirm:record_feedback",
    ),
    Q(
        MARCHI,
        "my sales this month vs last month",
        "sales_history",
        {"person": MARCHI, "period": "2026-11", "compare": "previous"},
    ),
    Q(MARCHI, "quando ha comprato l'ultima volta Bottega?", "clarify:customer"),
    Q(
        MARCHI,
        "quanti spelucchini abbiamo a milano",
        "stock_status",
        {"product": "COL-SPE", "location": "WH-MIL"},
    ),
    Q(MARCHI, "cancella l'ordine di emporio tiberino di ieri", "read_only"),
    Q(
        MARCHI,
        "when will the 20cm saucepan run out?",
        "inventory_projection",
        {"product": "PEN-20"},
    ),
    # Antonio Esposito (Sud, Italian)
    Q(
        ESPOSITO,
        "quante pentole pasta ci sono in magazzino",
        "stock_status",
        {"product": "PEN-PAS"},
    ),
    Q(
        ESPOSITO,
        "grandi magazzini partenope quanto ha comprato nel 2025?",
        "sales_history",
        {"customer": "Grandi Magazzini Partenope", "period": "2025"},
    ),
    Q(
        ESPOSITO,
        "posso promettere 500 PAD-24 a partenope entro natale",
        "available_to_promise",
        {"product": "PAD-24", "quantity": 500, "date": dt.date(2026, 12, 25)},
    ),
    Q(ESPOSITO, "quota pls", "quota_status", {}),
    Q(ESPOSITO, "come va la mia quota sulle padelle?", "quota_status", {"family": "PADELLE"}),
    Q(
        ESPOSITO,
        "vendite casalinghi vesuvio moka ultimi mesi",
        "sales_history",
        {"customer": "Casalinghi Vesuvio", "family": "MOKA"},
    ),
    Q(
        ESPOSITO,
        "previsione pentola a pressione prossimi 3 mesi",
        "demand_forecast",
        {"product": "PEN-PRE", "weeks": 13},
    ),
    Q(ESPOSITO, "quanto ha venduto Lo Bianco a ottobre?", "denied"),
    Q(
        ESPOSITO,
        "when do we run out of the 20 cm frying pan?",
        "inventory_projection",
        {"product": "PAD-20"},
    ),
    Q(
        ESPOSITO,
        "ultimo ordine casa lucana",
        "sales_history",
        {"customer": "Casa Lucana", "last_purchase": True},
    ),
    Q(ESPOSITO, "i clienti cosa dicono della pentola a pressione?", "search_feedback"),
    Q(
        ESPOSITO,
        "miei 10 prodotti più venduti",
        "sales_history",
        {"person": ESPOSITO, "top": 10, "group_by": "product"},
    ),
    Q(ESPOSITO, "chi ha vinto ieri il napoli", "not_understood"),
    Q(
        ESPOSITO,
        "posso promettere 30 valvole entro venerdì a casalinghi vesuvio?",
        "available_to_promise",
        {"product": "RIC-VAL", "quantity": 30, "date": dt.date(2026, 12, 4)},
    ),
    Q(
        ESPOSITO,
        "stock of the tegame at lumezzane",
        "stock_status",
        {"product": "PEN-TEG", "location": "PLT-LUM"},
    ),
    Q(
        ESPOSITO,
        "what did emporio salentino buy in september?",
        "sales_history",
        {"customer": "Emporio Salentino", "period": "2026-09"},
    ),
    # Salvatore Lo Bianco (Isole, Italian)
    Q(
        LOBIANCO,
        "quando ha ordinato emporio sardo l'ultima volta?",
        "sales_history",
        {"customer": "Emporio Sardo", "last_purchase": True},
    ),
    Q(LOBIANCO, "stock of the 3 cup moka filter", "stock_status", {"product": "RIC-F03"}),
    Q(
        LOBIANCO,
        "vendite Bottega Etnea settembre",
        "sales_history",
        {"customer": "Bottega Etnea", "period": "2026-09"},
    ),
    Q(LOBIANCO, "mia quota anno", "quota_status", {"period": "2026"}),
    Q(
        LOBIANCO,
        "posso promettere 100 guarnizioni moka 3 tazze a casalinghi trinacria per giovedì?",
        "available_to_promise",
        {"product": "RIC-G03", "quantity": 100, "date": dt.date(2026, 12, 3)},
    ),
    Q(
        LOBIANCO,
        "previsione ricambi dicembre",
        "demand_forecast",
        {"family": "RICAMBI", "period": "2026-12"},
    ),
    Q(LOBIANCO, "quota di Walker", "denied"),
    Q(LOBIANCO, "abbassa la mia quota del Q1 per favore", "clarify:target"),
    Q(
        LOBIANCO,
        "copertura in settimane bistecchiera",
        "inventory_projection",
        {"product": "PAD-G28"},
    ),
    Q(LOBIANCO, "cosa sai fare?", "help", {}),
    Q(LOBIANCO, "my sales last month", "sales_history", {"person": LOBIANCO, "period": "2026-10"}),
    # James Walker (Export, English): Casa Italia Import GmbH, Bottega Italiana Ltd,
    # Maison de la Moka SARL.
    Q(WALKER, "how many moka pots do we have in stock?", "stock_status", {"family": "MOKA"}),
    Q(
        WALKER,
        "stock of the 6 cup induction moka at milan",
        "stock_status",
        {"product": "MOK-I06", "location": "WH-MIL"},
    ),
    Q(
        WALKER,
        "can i promise 250 classic 3 cup mokas to Casa Italia Import by end of January?",
        "available_to_promise",
        {"product": "MOK-003", "quantity": 250, "date": dt.date(2027, 1, 31)},
    ),
    Q(WALKER, "my quota", "quota_status", {}),
    Q(WALKER, "how am i tracking vs quota this quarter", "quota_status", {"period": "2026-Q4"}),
    Q(
        WALKER,
        "my sales this month vs last year",
        "sales_history",
        {"person": WALKER, "period": "2026-11", "compare": "last_year"},
    ),
    Q(
        WALKER,
        "what did Maison de la Moka buy last month?",
        "sales_history",
        {"customer": "Maison de la Moka SARL", "period": "2026-10"},
    ),
    Q(
        WALKER,
        "when did bottega italiana last order",
        "sales_history",
        {"customer": "Bottega Italiana Ltd", "last_purchase": True},
    ),
    Q(
        WALKER,
        "my top customers this year",
        "sales_history",
        {"person": WALKER, "group_by": "customer", "period": "2026"},
    ),
    Q(
        WALKER,
        "fcst for the red moka next 8 wks",
        "demand_forecast",
        {"product": "MOK-R04", "weeks": 8},
    ),
    Q(
        WALKER,
        "lead time on the cast iron grill pan",
        "product_info",
        {"product": "PAD-G28", "fact": "lead_time"},
    ),
    Q(
        WALKER,
        "min order qty for the safety valve?",
        "product_info",
        {"product": "RIC-VAL", "fact": "min_order"},
    ),
    Q(WALKER, "what's Elena's quota?", "denied"),
    Q(WALKER, "how much did Casalinghi Medicei buy in Q3?", "denied"),
    Q(WALKER, "can I promise the knife block to Casa Italia?", "clarify:quantity"),
    Q(WALKER, "can i promise 500 PAD-26 by christmas", "clarify:product"),
    Q(
        WALKER,
        "when will we run out of the electric moka?",
        "inventory_projection",
        {"product": "MOK-E02"},
    ),
    Q(
        WALKER,
        "price of the steak knives set",
        "product_info",
        {"product": "COL-BIS", "fact": "price"},
    ),
    Q(
        WALKER,
        "Maison de la Moka says the gaskets leak after a month, log that pls",
        "confirm:record_feedback",
    ),
    Q(WALKER, "any feedback from customers on the santoku?", "search_feedback"),
    Q(WALKER, "reserve 100 chef knives for Bottega Italiana", "read_only"),
    Q(
        WALKER,
        "whats the forecast for moka pots in Q1",
        "demand_forecast",
        {"family": "MOKA", "period": "2027-Q1"},
    ),
    Q(
        WALKER,
        "how good is the forecast on PAD-28 usually?",
        "forecast_accuracy",
        {"product": "PAD-28"},
    ),
    Q(WALKER, "what should i worry about this week", "list_alerts"),
    Q(
        WALKER,
        "Can I promise 40 pressure cookers to Maison de la Moka by Easter?",
        "available_to_promise",
        {"product": "PEN-PRE", "quantity": 40, "date": dt.date(2027, 3, 28)},
    ),
    Q(
        WALKER,
        "bread knife stock in the milan warehouse",
        "stock_status",
        {"product": "COL-PAN", "location": "WH-MIL"},
    ),
    Q(
        WALKER,
        "can I promise 60 knife blocks to Bottega Italiana Ltd by 15 Dec",
        "available_to_promise",
        {"product": "COL-CEP", "quantity": 60, "date": dt.date(2026, 12, 15)},
    ),
    Q(
        WALKER,
        "Casa Italia Import GmbH sales this year vs last year",
        "sales_history",
        {"customer": "Casa Italia Import GmbH", "period": "2026", "compare": "last_year"},
    ),
    Q(
        WALKER,
        "forecast for the 28cm saute pan in january",
        "demand_forecast",
        {"product": "PAD-S28", "period": "2027-01"},
    ),
    Q(
        WALKER,
        "how many espresso makers did Maison de la Moka buy in october?",
        "sales_history",
        {"customer": "Maison de la Moka SARL", "family": "MOKA", "period": "2026-10"},
    ),
    Q(WALKER, "help pls", "help", {}),
    Q(
        WALKER,
        "whats the price of the 3 cup moka gasket",
        "product_info",
        {"product": "RIC-G03", "fact": "price"},
    ),
    Q(WALKER, "Antonio's sales last month", "denied"),
    Q(WALKER, "when does the 12 cup moka run out", "inventory_projection", {"product": "MOK-012"}),
    Q(
        WALKER,
        "can I promise 90 crepe pans by end of next quarter",
        "available_to_promise",
        {"product": "PAD-C24", "quantity": 90, "date": dt.date(2027, 3, 31)},
    ),
    Q(
        WALKER,
        "my Q3 sales by product",
        "sales_history",
        {"person": WALKER, "period": "2026-Q3", "group_by": "product"},
    ),
    Q(WALKER, "stock on the 1 cup moka?", "stock_status", {"product": "MOK-001"}),
    Q(
        WALKER,
        "where's the fillet knife stocked",
        "product_info",
        {"product": "COL-FIL", "fact": "locations"},
    ),
    # ------------------------------------------------------------------------------------
    # Managers. Paolo Bianchi (Italian; team Rossi, Brambilla, Zanetti).
    # ------------------------------------------------------------------------------------
    Q(BIANCHI, "quota del team", "quota_status", {}),
    Q(
        BIANCHI,
        "come stanno Giulia e Luca rispetto alla quota?",
        "quota_status",
        {"person": ["U01ROSSI", "U01BRAMBILLA"]},
    ),
    Q(BIANCHI, "quota zanetti novembre", "quota_status", {"person": ZANETTI, "period": "2026-11"}),
    Q(
        BIANCHI,
        "vendite nord-ovest vs nord-est quest'anno",
        "sales_history",
        {"territory": ["NO", "NE"], "period": "2026"},
    ),
    Q(
        BIANCHI,
        "chi del mio team ha venduto di più nel Q3?",
        "sales_history",
        {"group_by": "person", "period": "2026-Q3"},
    ),
    Q(
        BIANCHI,
        "vendite moka ottobre vs ottobre scorso",
        "sales_history",
        {"family": "MOKA", "period": "2026-10", "compare": "last_year"},
    ),
    Q(
        BIANCHI,
        "quanto ha comprato Colombo quest'anno?",
        "sales_history",
        {"customer": "Casalinghi Colombo", "period": "2026"},
    ),
    Q(
        BIANCHI,
        "top 10 clienti nord-ovest 2026",
        "sales_history",
        {"territory": "NO", "top": 10, "group_by": "customer", "period": "2026"},
    ),
    Q(
        BIANCHI,
        "vendite di Giulia a novembre",
        "sales_history",
        {"person": ROSSI, "period": "2026-11"},
    ),
    Q(
        BIANCHI,
        "previsione totale padelle prossimo trimestre",
        "demand_forecast",
        {"family": "PADELLE", "period": "2027-Q1"},
    ),
    Q(BIANCHI, "stock totale", "stock_status", {"all_products": True}),
    Q(
        BIANCHI,
        "posso promettere 1000 moka 6 tazze a Casalinghi Colombo entro fine gennaio?",
        "available_to_promise",
        {"product": "MOK-006", "quantity": 1000, "date": dt.date(2027, 1, 31)},
    ),
    Q(BIANCHI, "quanto sono state accurate le previsioni ultimamente?", "forecast_accuracy", {}),
    Q(BIANCHI, "cosa dobbiamo tenere d'occhio questa settimana?", "list_alerts"),
    Q(BIANCHI, "alza la quota di zanetti del 10%", "clarify:reason"),
    Q(
        BIANCHI,
        "vendite brianza casa per prodotto quest'anno",
        "sales_history",
        {"customer": "Brianza Casa", "group_by": "product", "period": "2026"},
    ),
    Q(
        BIANCHI,
        "ultimo ordine di cucine scaligere",
        "sales_history",
        {"customer": "Cucine Scaligere", "last_purchase": True},
    ),
    Q(
        BIANCHI,
        "capacità lumezzane gennaio",
        "capacity_check",
        {"plant": "PLT-LUM", "period": "2027-01"},
    ),
    Q(BIANCHI, "quanto abbiamo in eccesso?", "list_alerts", {"focus": "excess"}),
    Q(
        BIANCHI,
        "vendite NE del Q3 rispetto al trimestre prima",
        "sales_history",
        {"territory": "NE", "period": "2026-Q3", "compare": "previous"},
    ),
    Q(
        BIANCHI,
        "Marco e Giulia, vendite padelle quest'anno",
        "sales_history",
        {"person": ["U01ZANETTI", "U01ROSSI"], "family": "PADELLE", "period": "2026"},
    ),
    Q(BIANCHI, "previsione coltelli", "demand_forecast", {"family": "COLTELLI"}),
    Q(
        BIANCHI,
        "how is the team doing on quota this quarter?",
        "quota_status",
        {"period": "2026-Q4"},
    ),
    Q(
        BIANCHI,
        "sales of Casalinghi Serenissima last 3 months",
        "sales_history",
        {"customer": "Casalinghi Serenissima"},
    ),
    Q(
        BIANCHI,
        "a che punto è Brambilla con la quota dell'anno",
        "quota_status",
        {"person": BRAMBILLA, "period": "2026"},
    ),
    Q(
        BIANCHI,
        "what's the lead time on the 12 cup moka?",
        "product_info",
        {"product": "MOK-012", "fact": "lead_time"},
    ),
    Q(
        BIANCHI,
        "Giulia vs Luca sales this month",
        "sales_history",
        {"person": ["U01ROSSI", "U01BRAMBILLA"], "period": "2026-11"},
    ),
    Q(
        BIANCHI,
        "quando finiscono le moka 12 tazze?",
        "inventory_projection",
        {"product": "MOK-012"},
    ),
    Q(BIANCHI, "cosa dicono i clienti delle padelle antiaderenti?", "search_feedback"),
    # Emma Harris (English; team Marchi, Esposito, Lo Bianco, Walker).
    Q(HARRIS, "team quota status", "quota_status", {}),
    Q(
        HARRIS,
        "how are elena and antonio doing vs quota?",
        "quota_status",
        {"person": ["U01MARCHI", "U01ESPOSITO"]},
    ),
    Q(
        HARRIS,
        "james's quota attainment this quarter",
        "quota_status",
        {"person": WALKER, "period": "2026-Q4"},
    ),
    Q(
        HARRIS,
        "Sud vs Isole sales this year",
        "sales_history",
        {"territory": ["SU", "IS"], "period": "2026"},
    ),
    Q(
        HARRIS,
        "export sales Q3 vs last year",
        "sales_history",
        {"territory": "EX", "period": "2026-Q3", "compare": "last_year"},
    ),
    Q(
        HARRIS,
        "who on my team sold the most pans in Q3?",
        "sales_history",
        {"family": "PADELLE", "group_by": "person", "period": "2026-Q3"},
    ),
    Q(
        HARRIS,
        "top 5 customers in Centro this year",
        "sales_history",
        {"territory": "CE", "top": 5, "group_by": "customer", "period": "2026"},
    ),
    Q(
        HARRIS,
        "when did Emporio Sardo last order?",
        "sales_history",
        {"customer": "Emporio Sardo", "last_purchase": True},
    ),
    Q(HARRIS, "when did Casalinghi last order", "clarify:customer"),
    Q(
        HARRIS,
        "what did Salvatore sell in october",
        "sales_history",
        {"person": LOBIANCO, "period": "2026-10"},
    ),
    Q(
        HARRIS,
        "best selling products in the south this month",
        "sales_history",
        {"territory": "SU", "group_by": "product", "period": "2026-11"},
    ),
    Q(HARRIS, "total forecast for pans next month", "demand_forecast", {"family": "PADELLE"}),
    Q(
        HARRIS,
        "can we promise 2000 PAD-28 to Casa Italia Import GmbH by mid January?",
        "available_to_promise",
        {"product": "PAD-28", "quantity": 2000, "date": dt.date(2027, 1, 15)},
    ),
    Q(
        HARRIS,
        "how reliable are our forecasts for knives?",
        "forecast_accuracy",
        {"family": "COLTELLI"},
    ),
    Q(HARRIS, "what's our MAPE overall", "forecast_accuracy", {}),
    Q(
        HARRIS,
        "why is the fcst for the 32cm pan so high in december",
        "explain_forecast",
        {"product": "PAD-32"},
    ),
    Q(
        HARRIS,
        "which territory sells the most moka pots",
        "sales_history",
        {"family": "MOKA", "group_by": "territory"},
    ),
    Q(HARRIS, "bump James' Q1 quota down by 5%", "clarify:reason"),
    Q(HARRIS, "any excess stock I should know about?", "list_alerts", {"focus": "excess"}),
    Q(HARRIS, "stock for all pans", "stock_status", {"family": "PADELLE"}),
    Q(
        HARRIS,
        "how did Bottega Etnea do this year vs last year",
        "sales_history",
        {"customer": "Bottega Etnea", "period": "2026", "compare": "last_year"},
    ),
    Q(
        HARRIS,
        "what are customers saying about the non-stick coating",
        "search_feedback",
    ),
    Q(
        HARRIS,
        "capacity at lumezzane next 6 weeks",
        "capacity_check",
        {"plant": "PLT-LUM", "weeks": 6},
    ),
    Q(HARRIS, "what's the weather in milan tomorrow", "not_understood"),
    Q(
        HARRIS,
        "sales by territory Q3",
        "sales_history",
        {"group_by": "territory", "period": "2026-Q3"},
    ),
    Q(HARRIS, "how's the new rep doing on quota?", "clarify:person"),
    Q(
        HARRIS,
        "stock of the santoku vs the chef knife",
        "stock_status",
        {"product": ["COL-SAN", "COL-CUO"]},
    ),
    Q(
        HARRIS,
        "when was maison de la moka's last order?",
        "sales_history",
        {"customer": "Maison de la Moka SARL", "last_purchase": True},
    ),
    Q(HARRIS, "forecast accuracy for the moka range", "forecast_accuracy", {"family": "MOKA"}),
    Q(
        HARRIS,
        "Lo Bianco vs Esposito sales Q3",
        "sales_history",
        {"person": ["U01LOBIANCO", "U01ESPOSITO"], "period": "2026-Q3"},
    ),
    Q(HARRIS, "quota for Isole this year", "quota_status", {"territory": "IS", "period": "2026"}),
    # ------------------------------------------------------------------------------------
    # Ops planners. Sara Colombo (not to be confused with the customer Casalinghi Colombo).
    # ------------------------------------------------------------------------------------
    Q(
        COLOMBO,
        "stock PAD-28 a Lumezzane",
        "stock_status",
        {"product": "PAD-28", "location": "PLT-LUM"},
    ),
    Q(
        COLOMBO,
        "giacenza di tutto il magazzino di milano",
        "stock_status",
        {"all_products": True, "location": "WH-MIL"},
    ),
    Q(
        COLOMBO,
        "proiezione stock moka prossime 6 settimane",
        "inventory_projection",
        {"family": "MOKA", "weeks": 6},
    ),
    Q(
        COLOMBO,
        "when does PAD-24 drop below safety stock?",
        "inventory_projection",
        {"product": "PAD-24"},
    ),
    Q(
        COLOMBO,
        "scorta di sicurezza PAD-24?",
        "product_info",
        {"product": "PAD-24", "fact": "safety_stock"},
    ),
    Q(COLOMBO, "metti la scorta di sicurezza della PAD-24 a 500", "read_only"),
    Q(COLOMBO, "set safety stock PAD-28 to 400", "read_only"),
    Q(COLOMBO, "stock set coltelli bistecca", "stock_status", {"product": "COL-BIS"}),
    Q(
        COLOMBO,
        "carico lumezzane prossime 4 sett",
        "capacity_check",
        {"plant": "PLT-LUM", "weeks": 4},
    ),
    Q(
        COLOMBO,
        "siamo sopra capacità sulle padelle a gennaio?",
        "capacity_check",
        {"family": "PADELLE", "period": "2027-01"},
    ),
    Q(
        COLOMBO,
        # The customer Casalinghi Colombo (Sara Colombo is no rep); customer sales are the
        # sales team's: ops see product and territory totals (issue 12).
        "vendite Colombo ottobre",
        "denied",
    ),
    Q(COLOMBO, "fcst MOK-006 dec", "demand_forecast", {"product": "MOK-006", "period": "2026-12"}),
    Q(
        COLOMBO,
        "perché il forecast della moka 6 tazze è così alto?",
        "explain_forecast",
        {"product": "MOK-006"},
    ),
    Q(COLOMBO, "MAPE padelle", "forecast_accuracy", {"family": "PADELLE"}),
    Q(COLOMBO, "aggiorna la giacenza di PEN-PRE a 320, abbiamo fatto inventario", "read_only"),
    Q(
        COLOMBO,
        "cosa va in rottura nelle prossime settimane?",
        "list_alerts",
        {"focus": "stockout"},
    ),
    Q(
        COLOMBO,
        "lead time manico universale",
        "product_info",
        {"product": "RIC-MAN", "fact": "lead_time"},
    ),
    Q(
        COLOMBO,
        "where do we stock the lid knob?",
        "product_info",
        {"product": "RIC-POM", "fact": "locations"},
    ),
    Q(COLOMBO, "weeks of cover on pots", "inventory_projection", {"family": "PENTOLE"}),
    Q(COLOMBO, "PAD-24 vs PAD-28 stock levels", "stock_status", {"product": ["PAD-24", "PAD-28"]}),
    Q(
        COLOMBO,
        "stock PAD-28 a Lumezzane vs Milano",
        "stock_status",
        {"product": "PAD-28", "location": ["PLT-LUM", "WH-MIL"]},
    ),
    Q(
        COLOMBO,
        "projected stock for the wok over the next 10 weeks",
        "inventory_projection",
        {"product": "PAD-W30", "weeks": 10},
    ),
    Q(
        COLOMBO,
        "fcst all products next 4 weeks",
        "demand_forecast",
        {"all_products": True, "weeks": 4},
    ),
    # Davide Galli (ops, follows Maniago and the knives)
    Q(
        GALLI,
        "knife stock at the Maniago plant",
        "stock_status",
        {"family": "COLTELLI", "location": "PLT-MAN"},
    ),
    Q(GALLI, "capacità maniago Q1", "capacity_check", {"plant": "PLT-MAN", "period": "2027-Q1"}),
    Q(
        GALLI,
        "maniago capacity january",
        "capacity_check",
        {"plant": "PLT-MAN", "period": "2027-01"},
    ),
    Q(GALLI, "carico impianti prossimo mese", "capacity_check", {}),
    Q(
        GALLI,
        "projected stock of knives in milan in 6 wks",
        "inventory_projection",
        {"family": "COLTELLI", "location": "WH-MIL", "weeks": 6},
    ),
    Q(
        GALLI,
        "quando finiscono i coltelli da pane?",
        "inventory_projection",
        {"product": "COL-PAN"},
    ),
    Q(
        GALLI,
        "fcst bread knife next 3 months",
        "demand_forecast",
        {"product": "COL-PAN", "weeks": 13},
    ),
    Q(
        GALLI,
        "previsione coltelli dicembre vs gennaio",
        "demand_forecast",
        {"family": "COLTELLI", "period": ["2026-12", "2027-01"]},
    ),
    Q(
        GALLI,
        "can we promise 150 chef's knives to Bottega Italiana by Dec 18?",
        "available_to_promise",
        {"product": "COL-CUO", "quantity": 150, "date": dt.date(2026, 12, 18)},
    ),
    Q(
        GALLI,
        "santoku stock at maniago",
        "stock_status",
        {"product": "COL-SAN", "location": "PLT-MAN"},
    ),
    Q(GALLI, "stock coltello per filettare", "stock_status", {"product": "COL-FIL"}),
    Q(
        GALLI,
        "is the forecast for the paring knife any good?",
        "forecast_accuracy",
        {"product": "COL-SPE"},
    ),
    Q(GALLI, "which model are you using for COL-CEP?", "explain_forecast", {"product": "COL-CEP"}),
    Q(GALLI, "min order santoku", "product_info", {"product": "COL-SAN", "fact": "min_order"}),
    Q(GALLI, "any knives in excess?", "inventory_projection", {"family": "COLTELLI"}),
    Q(
        GALLI,
        "sposta 200 santoku da maniago a milano",
        "inventory_projection",
        {"product": "COL-SAN", "move_from": "PLT-MAN", "move_to": "WH-MIL", "move_units": 200},
    ),
    Q(GALLI, "how many knives do we have", "stock_status", {"family": "COLTELLI"}),
    Q(
        GALLI,
        "pressure cooker stock at lumezzane",
        "stock_status",
        {"product": "PEN-PRE", "location": "PLT-LUM"},
    ),
    Q(
        GALLI,
        "capacity check pots and pans next 8 weeks at Lumezzane",
        "capacity_check",
        {"family": ["PENTOLE", "PADELLE"], "plant": "PLT-LUM", "weeks": 8},
    ),
    Q(GALLI, "stock of ZZZ-100?", "clarify:product"),
    Q(
        GALLI,
        "santoku stock Maniago vs Milan",
        "stock_status",
        {"product": "COL-SAN", "location": ["PLT-MAN", "WH-MIL"]},
    ),
    # Chiara Moretti (ops, spare parts and pots)
    Q(MORETTI, "stock guarnizione 6 tazze", "stock_status", {"product": "RIC-G06"}),
    Q(MORETTI, "spare parts stock", "stock_status", {"family": "RICAMBI"}),
    Q(
        MORETTI,
        "quando finiscono le valvole di sicurezza?",
        "inventory_projection",
        {"product": "RIC-VAL"},
    ),
    Q(
        MORETTI,
        "previsione ricambi prossime 12 settimane",
        "demand_forecast",
        {"family": "RICAMBI", "weeks": 12},
    ),
    Q(
        MORETTI,
        "forecast for the 3 cup filter vs 6 cup filter",
        "demand_forecast",
        {"product": ["RIC-F03", "RIC-F06"]},
    ),
    Q(MORETTI, "stock of the stockpot", "clarify:product"),
    Q(MORETTI, "stockpot 28 stock", "stock_status", {"product": "PEN-28"}),
    Q(MORETTI, "stock saucepan 16cm", "stock_status", {"product": "PEN-16"}),
    Q(MORETTI, "stock of the conical saucepan", "stock_status", {"product": "PEN-SAU"}),
    Q(
        MORETTI,
        "posso promettere 2000 pomoli entro fine dicembre",
        "available_to_promise",
        {"product": "RIC-POM", "quantity": 2000, "date": dt.date(2026, 12, 31)},
    ),
    Q(MORETTI, "can I promise 300 gaskets by tuesday", "clarify:product"),
    Q(MORETTI, "accuratezza previsioni ricambi", "forecast_accuracy", {"family": "RICAMBI"}),
    Q(
        MORETTI,
        "in che famiglia è la crepiera?",
        "product_info",
        {"product": "PAD-C24", "fact": "family"},
    ),
    Q(
        MORETTI,
        "where is the pasta pot stocked",
        "product_info",
        {"product": "PEN-PAS", "fact": "locations"},
    ),
    Q(
        MORETTI,
        "safety stock on the wok",
        "product_info",
        {"product": "PAD-W30", "fact": "safety_stock"},
    ),
    Q(MORETTI, "eccesso pentola a pressione?", "inventory_projection", {"product": "PEN-PRE"}),
    Q(MORETTI, "what runs out soon?", "list_alerts", {"focus": "stockout"}),
    Q(MORETTI, "azzera lo stock del tegame a lumezzane", "read_only"),
    Q(
        MORETTI,
        "capacità lumezzane moka a Ferragosto",
        "capacity_check",
        {"plant": "PLT-LUM", "family": "MOKA"},
    ),
    Q(
        MORETTI,
        "posso promettere 600 moka induzione 6 tazze per Ferragosto?",
        "available_to_promise",
        {"product": "MOK-I06", "quantity": 600, "date": dt.date(2027, 8, 15)},
    ),
    Q(MORETTI, "quanto stock di moka abbiamo in totale", "stock_status", {"family": "MOKA"}),
    Q(MORETTI, "stock di tutto il magazzino", "stock_status", {"all_products": True}),
    Q(
        MORETTI,
        "weeks of cover spare parts at milan",
        "inventory_projection",
        {"family": "RICAMBI", "location": "WH-MIL"},
    ),
    Q(
        MORETTI,
        "how accurate was the fcst on the handle",
        "forecast_accuracy",
        {"product": "RIC-MAN"},
    ),
    Q(
        MORETTI,
        "pots stock at Lumezzane",
        "stock_status",
        {"family": "PENTOLE", "location": "PLT-LUM"},
    ),
    Q(MORETTI, "stock of the saucepan", "clarify:product"),
    Q(MORETTI, "lid knob lead time?", "product_info", {"product": "RIC-POM", "fact": "lead_time"}),
    # ------------------------------------------------------------------------------------
    # Marketing. Francesca Ricci.
    # ------------------------------------------------------------------------------------
    Q(RICCI, "feedback clienti sulla moka rossa edizione design", "search_feedback"),
    Q(RICCI, "vendite moka rossa dal lancio", "sales_history", {"product": "MOK-R04"}),
    Q(RICCI, "previsione moka rossa per natale", "demand_forecast", {"product": "MOK-R04"}),
    Q(
        RICCI,
        "top 5 prodotti 2026",
        "sales_history",
        {"top": 5, "group_by": "product", "period": "2026"},
    ),
    Q(
        RICCI,
        "vendite moka nov vs nov anno scorso",
        "sales_history",
        {"family": "MOKA", "period": "2026-11", "compare": "last_year"},
    ),
    Q(RICCI, "electric moka price?", "product_info", {"product": "MOK-E02", "fact": "price"}),
    Q(
        RICCI,
        "quale territorio vende più coltelli?",
        "sales_history",
        {"family": "COLTELLI", "group_by": "territory"},
    ),
    Q(
        RICCI,
        "abbiamo abbastanza moke rosse per una promo a dicembre?",
        "inventory_projection",
        {"product": "MOK-R04"},
    ),
    Q(
        RICCI,
        "forecast of the wok for Q1",
        "demand_forecast",
        {"product": "PAD-W30", "period": "2027-Q1"},
    ),
    Q(
        RICCI,
        "how much did we sell of the crepe pan last year",
        "sales_history",
        {"product": "PAD-C24", "period": "2025"},
    ),
    Q(
        RICCI,
        "sales of all spare parts this year vs last",
        "sales_history",
        {"family": "RICAMBI", "period": "2026", "compare": "last_year"},
    ),
    Q(
        RICCI,
        "quanta moka abbiamo venduto all'estero quest'anno?",
        "sales_history",
        {"family": "MOKA", "territory": "EX", "period": "2026"},
    ),
    Q(RICCI, "what's the price of the non-stick pan?", "clarify:product"),
    # Alessio Barbieri
    Q(
        BARBIERI,
        "sales of steak knife sets Q4 so far",
        "sales_history",
        {"product": "COL-BIS", "period": "2026-Q4"},
    ),
    Q(
        BARBIERI,
        "vendite padelle per territorio Q3",
        "sales_history",
        {"family": "PADELLE", "group_by": "territory", "period": "2026-Q3"},
    ),
    Q(
        BARBIERI,
        "the induction mokas, sales this year",
        "sales_history",
        {"product": ["MOK-I03", "MOK-I06"], "period": "2026"},
    ),
    Q(
        BARBIERI,
        "forecast all pans next 8 weeks",
        "demand_forecast",
        {"family": "PADELLE", "weeks": 8},
    ),
    Q(
        BARBIERI,
        # Marketing sees product and territory totals, not customers (issue 12).
        "chi compra più moka elettriche?",
        "denied",
    ),
    Q(
        BARBIERI,
        "quanto è accurato il forecast della moka elettrica?",
        "forecast_accuracy",
        {"product": "MOK-E02"},
    ),
    Q(BARBIERI, "feedback sui coltelli dai clienti export", "search_feedback"),
    Q(
        BARBIERI,
        "best sellers this month",
        "sales_history",
        {"group_by": "product", "period": "2026-11"},
    ),
    Q(
        BARBIERI,
        "crepe pan sales in april",
        "sales_history",
        {"product": "PAD-C24", "period": "2026-04"},
    ),
    Q(BARBIERI, "pasta pot price", "product_info", {"product": "PEN-PAS", "fact": "price"}),
    Q(BARBIERI, "stock of the red moka", "stock_status", {"product": "MOK-R04"}),
    Q(
        BARBIERI,
        "confronta vendite moka 1 tazza e moka 9 tazze quest'anno",
        "sales_history",
        {"product": ["MOK-001", "MOK-009"], "period": "2026"},
    ),
    Q(
        BARBIERI,
        "forecast electric moka vs 3 cup induction moka Q1",
        "demand_forecast",
        {"product": ["MOK-E02", "MOK-I03"], "period": "2027-Q1"},
    ),
    Q(
        BARBIERI,
        "what's the best selling knife in export this year?",
        "sales_history",
        {"family": "COLTELLI", "territory": "EX", "group_by": "product", "period": "2026"},
    ),
    # ------------------------------------------------------------------------------------
    # Admin. Roberta De Angelis (sees everything, changes nothing from chat).
    # ------------------------------------------------------------------------------------
    Q(DEANGELIS, "quota di tutti i venditori Q4", "quota_status", {"period": "2026-Q4"}),
    Q(
        DEANGELIS,
        "quota nord-est per il 2026",
        "quota_status",
        {"territory": "NE", "period": "2026"},
    ),
    Q(
        DEANGELIS,
        "attainment Rossi vs Walker",
        "quota_status",
        {"person": ["U01ROSSI", "U01WALKER"]},
    ),
    Q(DEANGELIS, "modifica la quota di Lo Bianco per dicembre", "error:no_quota"),  # by quarter
    Q(
        DEANGELIS,
        "vendite per venditore novembre",
        "sales_history",
        {"group_by": "person", "period": "2026-11"},
    ),
    Q(DEANGELIS, "what can you do?", "help", {}),
    Q(
        DEANGELIS,
        "how much did Casalinghi Colombo buy in 2025",
        "sales_history",
        {"customer": "Casalinghi Colombo", "period": "2025"},
    ),
    Q(
        DEANGELIS,
        "list price of the 28cm frying pan",
        "product_info",
        {"product": "PAD-28", "fact": "price"},
    ),
    Q(
        DEANGELIS,
        "quota di Marchi e Esposito nel Q3",
        "quota_status",
        {"person": ["U01MARCHI", "U01ESPOSITO"], "period": "2026-Q3"},
    ),
    Q(DEANGELIS, "cancel the invoice for Emporio Sardo", "read_only"),
    Q(
        DEANGELIS,
        "sales by territory 2026",
        "sales_history",
        {"group_by": "territory", "period": "2026"},
    ),
    Q(
        DEANGELIS,
        "when did Casa Lucana last buy?",
        "sales_history",
        {"customer": "Casa Lucana", "last_purchase": True},
    ),
    Q(
        DEANGELIS,
        "who's furthest behind on quota this quarter",
        "quota_status",
        {"period": "2026-Q4"},
    ),
    Q(DEANGELIS, "quota isole vs sud", "quota_status", {"territory": ["IS", "SU"]}),
    # Two families' stock: each and the total (trial 28: the first alone, or pots alone)
    Q(COLOMBO, "moka + pentole in magazzino", "stock_status", {"family": ["MOKA", "PENTOLE"]}),
    Q(GALLI, "how many pots n pans do we have", "stock_status", {"family": ["PENTOLE", "PADELLE"]}),
    Q(COLOMBO, "giacenze padelle e pentole", "stock_status", {"family": ["PADELLE", "PENTOLE"]}),
    Q(
        HARRIS,
        "sales of pots 'n' pans this year",
        "sales_history",
        {"family": ["PENTOLE", "PADELLE"], "period": "2026"},
    ),
    # Families listed with "+" or "," are each answered (trial 27), adjacent they may be one
    # ("moka pots"); customers listed with a comma are compared.
    Q(
        ROSSI,
        "totale vendute moka + pentole nel q4",
        "sales_history",
        {"family": ["MOKA", "PENTOLE"], "period": "2026-Q4"},
    ),
    Q(
        DEANGELIS,
        "pots, pans: sales this year",
        "sales_history",
        {"family": ["PENTOLE", "PADELLE"], "period": "2026"},
    ),
    Q(
        ROSSI,
        "ordini aperti Casalinghi Colombo, Brianza Casa",
        "open_orders",
        {"customer": ["Casalinghi Colombo", "Brianza Casa"]},
    ),
    # A customer's orders asked of a word several share, or of a name we do not know, ask
    # which: they answered every customer's orders as if none had been named.
    Q(ROSSI, "ordini aperti Casalinghi", "clarify:customer"),
    Q(ROSSI, "ordini aperti di Ferramenta Pippo", "clarify:customer"),
    # Why a rep or team is behind: the quarter by customer against last year, largest fall
    # first (trial 27); how far behind: the quota.
    Q(
        ESPOSITO,
        "perché sono così indietro con la quota??",
        "sales_history",
        {
            "person": ESPOSITO,
            "period": "2026-Q4",
            "compare": "last_year",
            "group_by": "customer",
            "rank_by": "change",
        },
    ),
    Q(
        HARRIS,
        "why is Esposito so far behind?",
        "sales_history",
        {
            "person": ESPOSITO,
            "period": "2026-Q4",
            "compare": "last_year",
            "group_by": "customer",
            "rank_by": "change",
        },
    ),
    Q(
        BIANCHI,
        "come mai siamo indietro sulla quota?",
        "sales_history",
        {"period": "2026-Q4", "compare": "last_year", "group_by": "customer", "rank_by": "change"},
    ),
    Q(
        HARRIS,
        "which customers dropped the most vs last yr?",
        "sales_history",
        {"compare": "last_year", "group_by": "customer", "rank_by": "change"},
    ),
    Q(
        HARRIS,
        "biggest drops by product this year",
        "sales_history",
        {"period": "2026", "group_by": "product", "rank_by": "change"},
    ),
    Q(
        BIANCHI,
        "quali prodotti sono calati di più nel q3?",
        "sales_history",
        {"period": "2026-Q3", "group_by": "product", "rank_by": "change"},
    ),
    # ...with the quota itself (trial 28); a territory's the same way, a customer's by product
    Q(
        ZANETTI,
        "why am I so behind on quota?",
        "sales_history",
        {"person": ZANETTI, "period": "2026-Q4", "against_quota": True, "rank_by": "change"},
    ),
    Q(
        HARRIS,
        "perché il Sud è così indietro?",
        "sales_history",
        {"territory": "SU", "period": "2026-Q4", "against_quota": True, "group_by": "customer"},
    ),
    Q(
        HARRIS,
        "why is the south territory so far behind?",
        "sales_history",
        {"territory": "SU", "against_quota": True, "group_by": "customer"},
    ),
    Q(
        BIANCHI,
        "why are Casa Friulana's sales so far behind?",
        "sales_history",
        {"customer": "Casa Friulana", "compare": "last_year", "group_by": "product"},
    ),
    Q(
        BIANCHI,
        "perché casa friulana è così indietro?",
        "sales_history",
        {"customer": "Casa Friulana", "group_by": "product", "rank_by": "change"},
    ),
    Q(ESPOSITO, "how far behind am I?", "quota_status", {"person": ESPOSITO}),
    Q(HARRIS, "quanto è indietro Esposito?", "quota_status", {"person": ESPOSITO}),
    Q(HARRIS, "why are PAD-28 sales dropping?", "explain_forecast", {"product": "PAD-28"}),
    # A period against now (trial 29): now is this week, side by side
    Q(
        GALLI,
        "capacità settimanale pentole a gennaio vs adesso",
        "capacity_check",
        {"family": "PENTOLE", "period": ["2027-01", "2026-11-23..2026-11-29"]},
    ),
    # Why a past period sold less (trial 29): it against the one before, by product
    Q(
        GALLI,
        "perchè a maggio abbiamo venduto meno coltelli?",
        "sales_history",
        {
            "period": "2026-05",
            "family": "COLTELLI",
            "compare": "previous",
            "group_by": "product",
            "rank_by": "change",
        },
    ),
    Q(
        GALLI,
        "perché le vendite di coltelli a maggio sono calate rispetto ad aprile?",
        "sales_history",
        {"period": "2026-05", "family": "COLTELLI", "compare": "previous"},
    ),
    Q(
        HARRIS,
        "why did knife sales drop in may?",
        "sales_history",
        {"period": "2026-05", "family": "COLTELLI", "compare": "previous"},
    ),
    Q(
        HARRIS,
        "why did we sell fewer pans in q3 vs last year?",
        "sales_history",
        {"period": "2026-Q3", "family": "PADELLE", "compare": "last_year", "rank_by": "change"},
    ),
    # How a promotion went (trial 27: not understood, or the stock).
    Q(RICCI, "how did the last moka promo go?", "promo_review", {"family": "MOKA"}),
    Q(RICCI, "com'è andata l'ultima promo?", "promo_review"),
    Q(RICCI, "la promo sulle moka com'è andata?", "promo_review", {"family": "MOKA"}),
    Q(BIANCHI, "did the knife promotion work?", "promo_review", {"family": "COLTELLI"}),
    Q(HARRIS, "promo results for PAD-28", "promo_review", {"product": "PAD-28"}),
    Q(
        RICCI,
        "how did the pans promo in february go",
        "promo_review",
        {"family": "PADELLE", "period": "2026-02"},
    ),
    Q(
        ROSSI,
        "risultati della promozione padelle di febbraio",
        "promo_review",
        {"family": "PADELLE", "period": "2026-02"},
    ),
    Q(
        RICCI,
        "how much moka did we sell on promo vs not?",
        "sales_history",
        {"family": "MOKA", "group_by": "promo"},
    ),
    # Trial 28: a promotion asked about with "how many more", "funzionano".
    Q(
        RICCI,
        "promo coltelli di aprile: quanti pezzi in piu abbiamo fatto?",
        "promo_review",
        {"family": "COLTELLI", "period": "2026-04"},
    ),
    Q(
        RICCI,
        "le promo sulle pentole funzionano? quella di fine maggio 2025 x es",
        "promo_review",
        {"family": "PENTOLE", "period": "2025-05"},
    ),
    Q(
        HARRIS,
        "how many more pans did we sell in the february promo?",
        "promo_review",
        {"family": "PADELLE", "period": "2026-02"},
    ),
]


# -- judging ---------------------------------------------------------------------------------


def _same(expected: Any, got: Any) -> bool:
    """Lists are compared as sets (a comparison's sides may come in any order); numbers by
    value; everything else exactly."""
    if isinstance(expected, list):
        return isinstance(got, list | tuple) and sorted(map(str, expected)) == sorted(map(str, got))
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return float(expected) == float(got)
    return bool(expected == got)


def cases(questions: list[Q], not_yet: dict[str, str], name: str = "") -> list[Any]:
    """pytest parameters for a kept set (`name` begins their ids): the questions not
    answered right yet are strict expected failures with their reason, so one that starts
    passing must leave the list."""
    import pytest

    texts = [q.text for q in questions]
    assert len(set(texts)) == len(texts), "a question is in the set twice"
    assert set(not_yet) <= set(texts), set(not_yet) - set(texts)
    return [
        pytest.param(
            q,
            id=f"{name + ':' if name else ''}{q.asker}:{q.text[:50]}",
            marks=[pytest.mark.xfail(reason=not_yet[q.text], strict=True)]
            if q.text in not_yet
            else [],
        )
        for q in questions
    ]


def judge(question: Q, outcome: Any) -> str | None:
    """None when `outcome` (a tools.assistant.Outcome) is what the question expects, else
    what went wrong, in one line."""
    kind, _, detail = question.expect.partition(":")
    got = f"{outcome.kind}:{outcome.tool or outcome.missing or outcome.code}"
    if kind == "denied":
        return None if outcome.kind == "refused" else f"not refused ({got})"
    if kind == "error":
        if outcome.kind != "error" or outcome.code != detail:
            return f"expected the input refused ({detail}), got {got}"
        return None
    if kind == "clarify":
        if outcome.kind != "clarify" or outcome.missing != detail:
            return f"expected a question back for the {detail}, got {got}"
        return None
    if kind in ("unavailable", "read_only", "not_understood"):
        if outcome.kind != kind or (detail and outcome.tool != detail):
            return f"expected {question.expect}, got {got}"
        return None
    if kind == "confirm" and (outcome.kind != "confirm" or outcome.tool != detail):
        return f"expected {detail} shown for a yes, got {got} {outcome.args}"
    if kind == "routed" and (
        outcome.tool != detail or outcome.kind not in ("answer", "confirm", "error", "refused")
    ):
        return f"expected {detail} to be reached, got {got} {outcome.args}"
    if kind not in ("confirm", "routed") and (
        outcome.kind != "answer" or outcome.tool != question.expect
    ):
        return f"expected an answer from {question.expect}, got {got} {outcome.args}"
    for key, value in question.args.items():
        got = outcome.args.get(key)
        if got is None:
            got = _shown(outcome.result, key)
        if key == "period" and isinstance(value, list) and _compared_as(outcome.args, value):
            continue  # "oct vs sep" answered as October against the month before
        if isinstance(value, list) and not isinstance(got, list):
            # Several of a kind answered together may travel as the plural argument
            # ("products": ["PAD-24", "PAD-28"]) or as a comparison of the singular one.
            got = outcome.args.get(PLURAL.get(key, key + "s"), got)
        if not _same(value, got):
            return f"{key}: expected {value!r}, got {got!r}"
    return None


PLURAL = {"person": "people", "territory": "territories", "family": "families"}


def _shown(result: Any, key: str) -> Any:
    """What a write shows for the person's yes (a feedback record's customer, products and
    sentiment as Ponte read them, a forecast note's product), when the call's arguments
    leave it to the reading."""
    record = getattr(result, "item", None) or getattr(result, "note", None)
    value = getattr(record, {"product": "sku"}.get(key, key), None)
    return list(value) if isinstance(value, tuple) else value


def _compared_as(args: dict[str, Any], periods: list[str]) -> bool:
    """Two periods named outright and answered as the first compared with the period before
    it or the same period a year earlier, which is the second."""
    if len(periods) != 2 or args.get("period") not in periods or not args.get("compare"):
        return False
    first = args["period"]  # the one asked about; the other is what it is compared with
    second = periods[1] if first == periods[0] else periods[0]
    year, _, part = first.partition("-")
    if args["compare"] == "last_year":
        return second == f"{int(year) - 1}{'-' + part if part else ''}"
    if not part:
        return second == str(int(year) - 1)
    if part.startswith("Q"):
        index = int(year) * 4 + int(part[1]) - 2
        return second == f"{index // 4}-Q{index % 4 + 1}"
    index = int(year) * 12 + int(part) - 2
    return second == f"{index // 12}-{index % 12 + 1:02d}"
