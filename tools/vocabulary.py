"""The words that say what a question is about, in English and Italian (see GLOSSARY.md).

Phrases are written folded (lower case, no accents, apostrophes as spaces). A phrase of
several words counts more than one word: "available to promise" outweighs "available".
"""

from __future__ import annotations

import re

# intent -> (English phrases, Italian phrases)
# Facts of the product master, each with its words (English, Italian), folded.
PRODUCT_FACTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "price": (
        ("price", "list price", "prices", "unit price", "cost", "how much does", "pricing"),
        ("prezzo", "prezzi", "prezzo di listino", "listino", "costo", "quanto costa",
         "quanto costano", "costano", "prezzo unitario"),
    ),
    "lead_time": (
        ("lead time", "lead times", "leadtime", "replenishment time", "how long to get"),
        ("tempo di consegna", "tempi di consegna", "lead time", "tempi di approvvigionamento",
         "tempo di approvvigionamento", "tempo di riordino"),
    ),
    "safety_stock": (
        ("safety stock", "buffer stock", "safety level", "buffer"),
        ("scorta di sicurezza", "scorte di sicurezza", "scorta minima", "livello di sicurezza"),
    ),
    "min_order": (
        ("minimum order", "min order", "moq", "minimum order quantity", "order minimum",
         "minimum quantity"),
        ("ordine minimo", "lotto minimo", "quantita minima", "minimo d ordine",
         "minimo ordinabile"),
    ),
    "family": (
        ("what family", "which family", "family of", "product line", "what category",
         "which category"),
        ("che famiglia", "quale famiglia", "famiglia di", "famiglia del", "famiglia della",
         "linea di prodotto", "che categoria", "quale categoria"),
    ),
    "locations": (
        ("stocked", "where is", "where do we keep", "which warehouses", "which warehouse",
         "stocked at", "stored"),
        ("dove si trova", "dove teniamo", "in quali magazzini", "quale magazzino",
         "stoccato", "stoccata", "dove e"),
    ),
}  # fmt: skip

INTENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "stock_status": (
        ("stock", "stocks", "on hand", "inventory", "in the warehouse", "in stock",
         "how many do we have", "how much do we have", "do we have", "have we got",
         "available", "availability", "free stock", "free to sell", "allocated", "left",
         "next delivery",
         "next receipt", "incoming", "arriving"),
        ("scorte", "scorta", "giacenza", "giacenze", "magazzino", "a stock", "in casa",
         "disponibile", "disponibili", "disponibilita", "quanti ne abbiamo",
         "quante ne abbiamo", "quanto abbiamo", "abbiamo", "ci sono", "rimasti", "rimaste",
         "allocato", "impegnato", "libero", "liberi", "libera", "libere", "quando arriva",
         "prossimo arrivo", "in arrivo", "arrivi"),
    ),
    "demand_forecast": (
        ("forecast", "forecasts", "fcst", "fcast", "demand", "will we sell", "expected sales",
         "prediction", "predicted", "outlook", "how much will we sell", "how many will we sell"),
        ("previsione", "previsioni", "fcst", "domanda", "venderemo", "vendiamo",
         "vendite previste", "stima", "quanto venderemo", "quanti ne venderemo", "prevista",
         "previsto"),
    ),
    "explain_forecast": (
        ("explain", "why", "which model", "what model", "how was", "how is the forecast",
         "based on", "trust", "seasonality", "seasonal", "season peak", "seasonal peak",
         "peak in the year", "peak month", "peak months", "peak season", "when s the peak",
         "whens the peak", "when is the peak", "sell most", "sells most", "sell more at",
         "busiest month", "driving", "sales peak", "sales peaks", "do sales peak", "peak",
         "peaks"),
        ("spiega", "spiegami", "perche", "quale modello", "che modello", "modello",
         "su cosa si basa", "come e stata calcolata", "come e calcolata", "stagionalita",
         "stagionale", "stagionali", "picco stagionale", "quando c e il picco",
         "picco dell anno", "mese di picco", "mesi di picco", "quando vende di piu",
         "quando vendono di piu", "quando vendiamo di piu", "mese migliore", "mesi migliori",
         "in che mese vendono di piu", "in che mese si vendono di piu",
         "in che mese vendiamo di piu", "in che mese vende di piu",
         "cosa spinge", "picco"),
    ),
    "forecast_accuracy": (
        ("accuracy", "accurate", "how accurate", "reliable", "how reliable", "reliability",
         "error", "errors", "forecast error", "bias", "biased", "mape", "wape", "mase",
         "how good", "any good", "how far off", "off by", "hit rate", "forecast vs actual",
         "fcst vs actual", "forecast vs actuals", "fcst vs actuals", "forecast vs sold"),
        ("accuratezza", "accurato", "accurata", "accurate", "accurati", "affidabile",
         "affidabili", "affidabilita", "precisione", "preciso", "precisa", "precise", "errore",
         "errori", "distorsione", "mape", "wape", "mase", "bias", "quanto sbaglia",
         "quanto sbagliamo", "sbaglia", "azzecca", "ci prende", "previsto vs venduto",
         "previsione vs venduto", "fcst vs venduto", "previsione vs reale"),
    ),
    "inventory_projection": (
        ("projection", "projected", "project", "run out", "running out", "runs out",
         "stockout", "stock out", "out of stock", "cover", "coverage", "weeks of cover",
         "days of cover", "how long", "last", "runway", "excess", "overstock",
         "overstocked", "too much stock", "below safety stock", "running low", "run low",
         "low on"),
        ("proiezione", "giacenza prevista", "rottura", "rottura di stock", "esaurimento",
         "esaurisce", "esauriamo", "finisce", "finiamo", "finira", "finiremo", "copertura",
         "quanto dura", "durera", "andiamo in rottura", "proiezione scorte", "finiscono",
         "finiranno", "esauriscono", "esauriranno", "terminano", "stanno finendo",
         "sta finendo", "stanno per finire", "sta per finire", "finire", "esauriti", "esaurite",
         "esaurito", "sotto scorta", "sotto la scorta", "eccesso", "sovrascorta",
         "troppo stock", "in eccesso", "abbastanza", "eccedenze", "eccedenza", "troppo",
         "troppa", "troppi", "troppe"),
    ),
    "capacity_check": (
        ("capacity", "utilization", "utilisation", "load", "plant", "plants", "factory",
         "bottleneck", "shortfall", "shortfalls", "production capacity", "overloaded",
         "overload", "keep up", "peak load"),
        ("capacita", "capacita produttiva", "saturazione", "carico", "impianto", "impianti",
         "sovraccarico", "sovraccarica", "sovraccaricato", "sovraccaricata", "sovraccarichi",
         "stabilimento", "stabilimenti", "fabbrica", "collo di bottiglia", "carenza", "carenze",
         "produzione", "sotto capacita", "saturo", "satura", "tenere il passo",
         "stare dietro", "picco di carico", "carico di picco"),
    ),
    "available_to_promise": (
        ("promise", "atp", "available to promise", "can we ship", "ship", "deliver",
         "delivery", "can i sell", "commit", "fulfil", "fulfill", "can i promise",
         "can we deliver", "by when"),
        ("promettere", "prometto", "posso promettere", "promessa", "consegnare",
         "consegna", "consegnarne", "spedire", "spedizione", "riusciamo", "riusciamo a",
         "evadere", "garantire", "data di consegna", "ce la facciamo"),
    ),
    "quota_status": (
        ("quota", "quotas", "target", "targets", "attainment", "achievement", "pace",
         "run rate", "on track", "how am i doing", "budget", "to quota", "end up",
         "where will i land", "keep going like this", "at this rate", "at this pace",
         "will i make it", "am i going to make it", "will we make it",
         # sales talk: "how far am I from my Q4 number?"
         "how far am i from my", "still need to sell", "still to sell", "left to sell",
         "how far behind", "how far ahead"),
        ("quota", "obiettivo", "obiettivi", "raggiungimento", "avanzamento", "budget",
         "target", "ritmo", "come sto andando", "sull obiettivo", "come sta andando",
         "dove arrivo", "dove arriviamo", "di questo passo", "ritmo attuale", "chi ci arriva",
         "ci arrivo", "ci arriviamo", "quanto mi manca", "quanto ci manca",
         "quanto sono indietro", "quanto siamo indietro", "quanto e indietro"),
    ),
    "sales_history": (
        ("sales", "sold", "sell", "sells", "selling", "bought", "buy", "buys", "purchased",
         "last buy", "last bought", "last order", "last ordered", "last purchase",
         "best sellers", "best seller", "best selling", "top customers", "last order",
         "revenue", "turnover", "did we sell", "we sold", "top", "top customers",
         "best rep", "top rep", "best salesperson", "top salesperson", "best seller rep",
         "best customer", "top customer", "biggest customer", "biggest customers",
         "sells the most", "sell the most", "sold the most", "most sold", "selling the most",
         "biggest drops", "biggest losers", "dropped the most"),
        ("vendite", "venduto", "venduti", "venduta", "vendute", "vende", "vendono", "comprato",
         "compra",
         "comprano", "acquistato", "acquisti", "ha preso", "ordinato", "fatturato",
         "ultimo ordine", "ultimo acquisto", "piu venduti", "abbiamo venduto", "top",
         "migliori clienti", "miglior cliente", "cliente migliore", "miglior venditore",
         "migliori venditori", "chi vende di piu", "vende di piu", "vendono di piu",
         "venduto di piu",
         "chi ha venduto di piu", "calati di piu", "cali maggiori"),
    ),
    "help": (
        ("help", "what can you do", "commands", "how do i", "hello", "hi", "usage"),
        ("aiuto", "cosa sai fare", "cosa puoi fare", "comandi", "come si usa", "ciao",
         "buongiorno", "salve"),
    ),
}  # fmt: skip

# Product facts: every fact's words, and the product sheet's.
_SHEET = (
    ("product info", "product details", "details of", "info on", "specs", "datasheet"),
    ("scheda prodotto", "scheda", "dettagli", "informazioni su", "dati del", "dati di"),
)
INTENTS["list_alerts"] = (
    ("alerts", "alert", "red flags", "exceptions"),
    ("allerte", "allerta", "criticita", "eccezioni", "avvisi"),
)
INTENTS["product_info"] = (
    tuple(dict.fromkeys(w for en, _ in PRODUCT_FACTS.values() for w in en)) + _SHEET[0],
    tuple(dict.fromkeys(w for _, it in PRODUCT_FACTS.values() for w in it)) + _SHEET[1],
)

INTENTS["open_orders"] = (
    ("open orders", "open order", "order book", "orderbook", "backlog", "orders on hand",
     "unshipped orders", "orders not shipped", "pending orders", "orders in hand",
     "late orders", "overdue orders", "orders due", "orders shipping", "orders to ship",
     "orders ship", "orders going out", "orders scheduled"),
    ("ordini aperti", "ordine aperto", "portafoglio ordini", "portafoglio", "backlog",
     "ordini in portafoglio", "ordini da evadere", "ordini inevasi", "inevaso", "inevasi",
     "ordini in ritardo", "ordini scaduti", "ordinato non spedito", "ordini in corso",
     "ordini in consegna", "ordini da consegnare", "ordini da spedire", "ordini in scadenza",
     "ho in consegna", "abbiamo in consegna", "ho da consegnare", "abbiamo da consegnare",
     "ordini ho aperti", "ordini ho ancora aperti", "ordini abbiamo aperti"),
)  # fmt: skip
INTENTS["promo_review"] = (
    ("how did the promo go", "how did the promotion go", "how did the last promo go",
     "how did the last promotion go", "how was the promo", "how was the promotion",
     "promo results", "promotion results", "promo result", "results of the promo",
     "results of the promotion", "promo review", "promotion review", "promo lift",
     "promo uplift", "promotion lift", "promotion uplift", "did the promo work",
     "did the promotion work", "was the promo worth it", "was the promotion worth it",
     "promo performance", "promotion performance", "promo effect", "effect of the promo",
     "effect of the promotion", "last promo", "last promotion", "latest promo",
     "latest promotion", "promo go", "promotion go", "promo went", "promotion went",
     "promo do", "promotion do", "promo work", "promotion work", "promo worth",
     "promotion worth", "promo perform", "promotion perform", "promo lifted"),
    ("com e andata la promo", "come e andata la promo", "com e andata la promozione",
     "come e andata la promozione", "com e andata l ultima promo",
     "come e andata l ultima promo", "com e andata l ultima promozione",
     "risultati della promo", "risultato della promo", "risultati della promozione",
     "risultato della promozione", "risultati promo", "la promo ha funzionato",
     "la promozione ha funzionato", "ha funzionato la promo", "ha funzionato la promozione",
     "effetto della promo", "effetto della promozione", "effetto promo", "ultima promo",
     "ultima promozione", "la promo e andata", "la promozione e andata",
     "ne e valsa la pena", "promo com e andata", "promozione com e andata",
     "promo come e andata", "promozione come e andata", "promo ha funzionato",
     "promozione ha funzionato", "promo ha reso", "promozione ha reso"),
)  # fmt: skip
INTENTS["incoming_receipts"] = (
    ("incoming", "arrivals", "arriving", "arrive", "arrives", "what arrives", "coming in",
     "inbound", "receipts", "planned receipts", "expected receipts", "incoming stock",
     "incoming receipts", "inbound deliveries", "deliveries due in", "what is coming",
     "whats coming", "next batch", "next shipment", "next receipt", "next delivery"),
    ("arrivi", "in arrivo", "cosa arriva", "quanto arriva", "arriva", "arrivano",
     "arrivi previsti", "entrate merce", "entrate", "carichi in arrivo", "merce in arrivo",
     "consegne in arrivo", "rifornimenti", "rifornimenti previsti", "quando arriva",
     "quando arrivano", "ricevimenti", "prossimo lotto", "prossimo arrivo",
     "prossima consegna"),
)  # fmt: skip
# Capacity said outright: the capacity check, even beside stock words.
CAPACITY_SAID = ("capacity", "capacita", "cap", "capacita produttiva", "production capacity")
# Said of stock beside an arrival: whether it lasts until the arrival.
UNTIL_ARRIVAL = ("until then", "till then", "til then", "until it arrives", "till it arrives",
                 "before it arrives", "until it comes", "before it comes", "until they arrive",
                 "before they arrive", "fino ad allora", "fino a quel momento",
                 "prima che arrivi", "prima che arrivino", "finche arriva",
                 "finche non arriva", "finche non arrivano")  # fmt: skip
INTENTS["data_status"] = (
    ("data status", "how fresh", "data updated", "last import", "last update", "data as of",
     "freshness", "data freshness", "how old is the data", "when was the data",
     "latest data", "is the data up to date", "data up to date"),
    ("stato dei dati", "dati aggiornati", "aggiornati i dati", "sono aggiornati",
     "ultimo aggiornamento", "ultimo import", "freschezza dei dati", "a quando sono i dati",
     "dati aggiornati a quando", "aggiornamento dei dati", "quanto sono vecchi i dati",
     "dati di quando", "dati piu recenti"),
)  # fmt: skip
INTENTS["request_quota_change"] = (
    ("quota change", "change my quota", "raise my quota", "lower my quota", "new target"),
    ("modifica quota", "alza la quota", "abbassa la quota", "cambia la quota", "nuovo obiettivo"),
)
INTENTS["decide_quota_request"] = (
    ("approve request", "reject request", "ask for changes"),
    ("approva la richiesta", "rifiuta la richiesta", "chiedi modifiche"),
)
INTENTS["quota_requests"] = (
    ("quota requests", "pending approvals", "requests waiting"),
    ("richieste di quota", "richieste in attesa", "da approvare"),
)
INTENTS["allocate_quota"] = (
    ("split", "allocate", "allocation", "distribute", "spread across", "across my territories"),
    ("ripartisci", "ripartire", "ripartizione", "distribuisci", "suddividi", "alloca",
     "allocazione", "tra i miei territori", "dividi", "dividere", "spartisci"),
)  # fmt: skip
ALLOCATE = INTENTS["allocate_quota"][0] + INTENTS["allocate_quota"][1]
# "quote" is never a word here: it is read as "quota" (the plural, or a typo), and a phrase
# holding it would make it a word of its own ("quote di tutti i venditori" then unread).
# A scenario is read from what it changes (tools.router, tools.scenario_words); these words
# alone ask for one.
INTENTS["what_if"] = (
    ("scenario", "simulate", "simulation"),
    ("scenario", "simula", "simulazione", "simulare", "ipotesi"),
)
INTENTS["record_feedback"] = (
    ("log feedback", "record feedback", "customer feedback"),
    ("registra feedback", "feedback del cliente"),
)
# "Who asks for X?": a search of what customers said, unless a quota is what is asked for
# ("chi chiede più quota?", tools.router).
ASKS_FOR = (
    ("who asked for", "who is asking for", "who's asking for", "who asks for", "who requested",
     "which customers asked for", "which customers want", "who wants"),
    ("chi chiede", "chi ci chiede", "chi ha chiesto", "chi ci ha chiesto", "chi richiede",
     "chi ha richiesto", "quali clienti chiedono", "quali clienti hanno chiesto", "chi vuole",
     "chi vorrebbe"),
)  # fmt: skip
INTENTS["search_feedback"] = (
    (
        "what customers say",
        "customers are saying",
        "feedback about",
        "who mentioned",
        "who brought up",
        "been telling us",
        "telling us",
        "told us",
        "been saying",
    )
    + ASKS_FOR[0],
    (
        "cosa dicono i clienti",
        "feedback sui",
        "lamentele dei clienti",
        "chi ci ha nominato",
        "chi ha nominato",
        "chi ci ha parlato di",
        "chi ha citato",
        "ci dicono",
        "ci ha detto",
        "ci hanno detto",
        "cosa ci dice",
        "cosa dice",
    )
    + ASKS_FOR[1],
)
INTENTS["edit_feedback"] = (
    ("edit feedback", "correct feedback"),
    ("correggi il feedback", "modifica il feedback"),
)
INTENTS["delete_feedback"] = (
    ("delete feedback", "remove feedback"),
    ("cancella il feedback", "elimina il feedback"),
)
INTENTS["forecast_note"] = (
    ("forecast note", "expect an order"),
    ("nota previsione", "nota alla previsione"),
)
INTENTS["audit_trail"] = (
    ("audit trail", "audit", "who approved", "change history", "history of changes",
     "quota history", "changes to the quota", "quota changes", "changes to quotas",
     "who changed", "who modified", "who edited",
     "who signed off"),
    ("storico modifiche", "chi ha approvato", "cronologia modifiche", "storico della quota",
     "storico quota", "modifiche alla quota", "modifiche quota", "modifiche delle quota",
     "modifiche alle quota", "chi ha cambiato", "chi ha modificato",
     "chi ha toccato", "chi ha alzato", "chi ha abbassato"),
)  # fmt: skip
AUDIT = INTENTS["audit_trail"][0] + INTENTS["audit_trail"][1]
INTENTS["commission_estimate"] = (
    ("commission", "commissions", "earn", "what do i earn", "bonus", "my pay", "payout",
     "how much do i make", "how much would i make", "how much do i get",
     "how much would i get", "what would i make", "what do i make"),
    ("provvigione", "provvigioni", "commissione", "commissioni", "guadagno", "guadagnerei",
     "quanto guadagno", "premio", "quanto prendo", "quanto prenderei", "quanto mi spetta",
     "quanto mi spetterebbe", "quanto mi entra", "quanto incasso"),
)  # fmt: skip
COMMISSION = INTENTS["commission_estimate"][0] + INTENTS["commission_estimate"][1]
# "...if I close my target": the whole of what is left of it.
TO_TARGET = (
    "close my target", "close the target", "close my quota", "hit my quota", "hit my target",
    "hit target", "reach my target", "reach my quota", "make my quota", "make quota",
    "chiudo l obiettivo", "chiudo obiettivo", "chiudo la quota", "chiudo il target",
    "raggiungo l obiettivo", "raggiungo la quota", "raggiungo il target", "arrivo al 100",
    "hit 100", "reach 100", "closes the target", "closes her target", "closes his target",
    "hits the target", "hits her target", "hits his target", "hits her quota", "hits his quota",
    "hits target", "chiude il target", "chiude l obiettivo", "chiude la quota",
    "raggiunge l obiettivo", "raggiunge la quota", "raggiunge il target",
)  # fmt: skip
# Requests for abilities that arrive with later capabilities: recognised, answered honestly.
CHANGE_WORDS = (
    "change", "raise", "increase", "lower", "reduce", "adjust", "cut", "modify", "update",
    "revise", "set", "bump", "cambiare", "cambia", "modificare", "modifica", "modifichi",
    "aumentare", "aumenta", "alzare", "alza", "abbassare", "abbassa", "ridurre", "riduci",
    "rivedere", "revisione", "portare", "delete", "remove", "cancella", "elimina",
    "cambiami", "alzami", "abbassami", "aumentami", "riducimi", "modificami", "porta",
    "portala", "fissa", "imposta", "metti", "raddoppia", "raddoppiare", "double", "triplica",
    "triple", "dimezza", "dimezzare", "halve",
)  # fmt: skip
APPROVAL_WORDS = (
    "approve", "approval", "approvals", "reject", "sign off", "approvare", "approva",
    "approvazione", "approvazioni", "rifiutare", "rifiuta", "via libera", "dare l ok",
)  # fmt: skip
FEEDBACK_WORDS = (
    "feedback", "customer said", "customer says", "customer told", "customer complained",
    "customer asked", "complaint", "complaints", "complained", "log feedback",
    "cliente dice", "cliente ha detto", "cliente lamenta", "cliente si lamenta",
    "cliente chiede", "reclamo", "reclami", "segnalazione", "segnalazioni", "lamentela",
    "lamentele", "clienti dicono", "dicono i clienti", "customers say", "customers said",
    "customers think", "pensano i clienti", "clienti hanno detto", "customers saying",
    "customers are saying", "cosa dicono", "si lamenta", "si lamentano", "complains",
    "complaining", "dice che", "dicono che", "log that", "log this", "log it", "segnalalo",
    "registralo", "lo puoi registrare", "registrare", "puoi registrare",
    "competitor mentions", "mentions of competitors", "citazioni dei concorrenti",
    "concorrenti citati", "menzioni dei concorrenti", "commenti", "commento", "comments",
    "reviews", "recensioni", "opinioni dei clienti", "richieste di prodotti",
    "richieste di nuovi prodotti", "richieste di un nuovo prodotto",
    "richieste dei clienti", "richieste dai clienti", "arrivano dai clienti",
    "new product requests", "requests for new products", "product requests",
    "customers asking for",
)  # fmt: skip
# Searching feedback: only complaints or praise, and the themes (planning.feedback.enrich).
FEEDBACK_MOODS = {
    "negative": (
        "negative", "negativi", "negativo", "negativa", "negative feedback", "complaints",
        "complaint", "complain", "complaining", "reclami", "reclamo", "lamentele",
        "lamentela", "si lamenta", "si lamentano", "lamenta", "lamentano", "problemi",
        "problems", "issues", "unhappy", "scontenti", "critiche",
    ),
    "positive": (
        "positive", "positivi", "positivo", "praise", "complimenti", "happy", "contenti",
        "soddisfatti", "good feedback", "piace", "piacciono",
    ),
}  # fmt: skip
FEEDBACK_THEMES = {
    "damage": (
        "damage", "damaged", "broken", "rotta", "rotte", "rotti", "danneggiate",
        "danneggiati", "danneggiata", "danni", "graffiate", "ammaccate", "packaging",
        "imballo", "imballi", "imballaggio", "merce rotta", "arrivate danneggiate",
        "graffi", "graffiati", "graffiato", "graffiata", "scratched", "dented",
        "ammaccature", "cracked",
    ),
    "delivery": (
        "delivery", "deliveries", "late", "delays", "delay", "consegne", "consegna",
        "ritardi", "ritardo", "shipping", "spedizioni", "tempi di consegna", "lead time",
    ),
    "availability": (
        "out of stock", "stockout", "stockouts", "disponibilita", "esaurito", "esauriti",
        "backorder", "fuori stock", "availability", "rotture di stock", "rottura di stock",
        "stock availability", "in stock",
    ),
    "competitor": (
        "competitor", "competitors", "competition", "concorrenza", "concorrenti",
        "concorrente", "rivals",
    ),
    "price": (
        "price", "prices", "pricing", "prezzi", "prezzo", "expensive", "cari", "care",
        "caro", "sconto", "sconti", "discount", "discounts",
    ),
    "quality": ("quality", "qualita", "defects", "difetti", "difettosi", "difettose"),
    "request": (
        "requests", "richieste", "che non abbiamo", "new products", "nuovi prodotti",
        "prodotti nuovi", "new product", "nuovo prodotto",
        "feature requests", "ask for", "asking for",
    ),
    "service": (
        "customer service", "servizio clienti", "service", "servizio", "assistenza",
        "invoices", "fatture", "fattura", "invoice", "returns", "resi",
    ),
}  # fmt: skip
SEARCH_WORDS = (
    "what", "search", "show", "find", "themes", "digest", "summary", "any", "list",
    "cosa", "cerca", "mostra", "trova", "temi", "riepilogo", "quali", "elenco", "about",
    "sui", "sulla", "sulle", "sul", "sugli", "saying", "cosa dicono",
)  # fmt: skip
ALERT_WORDS = (
    "alert", "alerts", "warning", "warnings", "exceptions", "allerta", "allerte", "avviso",
    "avvisi", "criticita", "eccezioni", "avvisami", "notify", "alert me", "remind me",
    "ricordami", "segnalami", "avvertimi", "worry", "worried", "keep an eye", "watch out",
    "tenere d occhio", "tenere sott occhio", "preoccupare", "preoccuparmi", "preoccuparci",
    "across the board", "across all products", "su tutto il catalogo", "in tutto il catalogo",
    "preoccupa", "red flags", "problemi in vista", "di critico", "critical issues",
    "cosa c e di urgente", "what s urgent", "what needs attention", "needs my attention",
    "critical", "whats critical", "what s critical", "problems", "problem", "any issues",
    "problemi", "problema", "drift", "drifted", "drifting", "off forecast", "fuori previsione",
    "sotto scorta di sicurezza", "sotto la scorta di sicurezza",
)  # fmt: skip
# Acting on an alert from chat ("ack alert 3", "assegna l'allerta a Davide"): done with the
# alert message's buttons or `ponte alerts ack|snooze|assign`, said so, never a list instead.
ALERT_ACTS = (
    "ack", "acknowledge", "assign", "reassign", "snooze", "unsnooze", "assegna", "assegnare",
    "assegnala", "assegnalo", "riassegna", "snoozami", "snoozare", "snooza", "rimanda",
    "rimandare", "rimandala", "prendi in carico", "prendo in carico",
)  # fmt: skip
# Asking to be told later ("notify me when PAD-28 is back"): a subscription, not the list.
SUBSCRIBE_WORDS = (
    "avvisami", "notify", "notify me", "alert me", "remind me", "ricordami", "segnalami",
    "avvertimi", "let me know when", "fammi sapere quando", "tell me when", "dimmi quando",
)  # fmt: skip
# Which alerts a question is about (list_alerts' focus); the first that matches wins.
RUN_OUT = (
    "run out", "runs out", "running out", "stockout", "stockouts", "stock out", "out of stock",
    "rottura", "rotture", "rottura di stock", "finire", "finisce", "esaurimento", "esaurire",
    "esaurisce", "below safety stock", "sotto scorta", "sotto la scorta", "running low",
    "run low", "runs low", "low stock", "low on stock", "in esaurimento", "scarseggia",
    "scarseggiano", "going to run out", "sotto scorta di sicurezza", "stanno finendo",
    "sta finendo", "stanno per finire", "sta per finire", "esauriti", "esaurito", "esaurite",
    "sotto la scorta di sicurezza", "below safety", "scorta di sicurezza", "safety stock",
)  # fmt: skip
# Running out said outright (RUN_OUT without safety stock and "low"): the projection's
# question, whatever stock words come with it ("prima del prossimo arrivo").
RUNS_OUT = ("rottura", "rotture", "run out", "runs out", "running out", "stockout",
            "stockouts", "finisce", "finiscono", "esaurimento", "esaurisce")  # fmt: skip
ALERT_FOCUS = {
    "excess": (
        "excess", "overstock", "overstocked", "too much stock", "eccesso", "eccedenza",
        "eccedenze", "sovrascorta", "troppo stock", "in eccesso",
    ),
    "stockout": RUN_OUT,
    "capacity": ("capacity", "capacita", "saturazione", "overloaded", "sovraccarico",
                 "overload"),
    "drift": ("drift", "drifting", "drifted", "deriva", "shifted", "off forecast",
              "fuori previsione", "scostamento", "scostamenti"),
    "quota": ("quota", "quotas", "quote", "target", "obiettivi"),
}  # fmt: skip
# A question that opens with these asks which products ("what runs out in padelle?"): a list.
WHICH_FIRST = frozenset({"what", "whats", "which", "cosa", "cos", "quali", "quale", "che"})
# Whose alerts ("assigned to me", "unassigned"): list_alerts' assigned.
UNASSIGNED = (
    "unassigned", "not assigned", "assigned to nobody", "assigned to no one", "no owner",
    "non assegnate", "non assegnata", "non assegnati", "non assegnato", "senza assegnatario",
    "senza responsabile", "a nessuno",
)  # fmt: skip
ASSIGNED_TO_ME = (
    "assigned to me", "my alerts", "on my plate", "assegnate a me", "assegnata a me",
    "assegnati a me", "assegnato a me", "le mie allerte", "mie allerte",
)  # fmt: skip
# Where alerts stand (list_alerts' status).
SNOOZED = ("snoozed", "rimandate", "rimandata", "posticipate", "in pausa", "sospese")
ACKNOWLEDGED = (
    "acknowledged", "acked", "ack d", "prese in carico", "presa in carico", "in carico",
    "gia gestite", "confermate",
)  # fmt: skip
# Only the most serious ones.
CRITICAL = (
    "critical", "critico", "critica", "critici", "critiche", "urgent", "urgente", "urgenti",
    "high alerts", "allerte alte", "alta gravita", "gravita alta",
    "serious", "grave", "gravi", "severe", "high severity", "most important", "piu importanti",
)  # fmt: skip
# Requests to change data other than quotas: Ponte reads the company's systems, it does not
# edit them from chat.
WRITE_VERBS = (
    "update", "change", "modify", "delete", "remove", "set", "adjust", "raise", "increase",
    "lower", "reduce", "aggiorna", "aggiornare", "modifica", "modificare", "cambia",
    "cambiare", "cancella", "elimina", "imposta", "correggi", "alza", "aumenta", "abbassa",
    "riduci", "metti", "mettere", "setta", "azzera", "azzerare", "reset", "cancel",
    "annulla", "annullare", "void",
)  # fmt: skip
# Reserving or moving stock is a write too, whatever is named with it.
# After "hold", what makes it "last" (nothing held): "will stock hold up through january?"
HOLD_LASTS = ("up", "out", "through", "until", "till", "into", "past", "fino")
RESERVE_VERBS = (
    "reserve", "book", "hold", "allocate", "prenota", "prenotare", "riserva", "riservare",
    "blocca", "bloccare", "alloca", "allocare", "tienimi", "tenere da parte", "riservami",
    "prenotami", "bloccami", "mettimi da parte", "metti da parte", "sposta", "spostare",
    "spostami", "trasferisci", "trasferire", "move", "transfer", "delete customer",
    "delete the customer", "remove customer", "remove the customer", "elimina cliente",
    "elimina il cliente", "cancella cliente", "cancella il cliente", "registra un arrivo",
    "registra l arrivo", "carica a sistema", "inserisci un ordine", "aggiungi un ordine",
    "crea un ordine", "create an order", "add a receipt", "book a receipt", "carica",
)  # fmt: skip
# Asking whether stock could move between locations is a question for the projection
# (which says what a location holds beyond its needs and what another lacks), not a move.
MOVE_QUESTIONS = (
    "posso spostare", "possiamo spostare", "potremmo spostare", "si puo spostare",
    "conviene spostare", "dovremmo spostare", "cosa posso spostare", "cosa possiamo spostare",
    "posso trasferire", "possiamo trasferire", "conviene trasferire",
    "can i move", "can we move", "could we move", "should we move", "what can we move",
    "what could we move", "can i transfer", "can we transfer", "could we transfer",
    "should we transfer", "what can we transfer", "what if we move", "what if we transfer",
    "e se spostiamo", "se spostiamo", "se spostassimo", "e se trasferiamo",
    "trasferimenti suggeriti", "trasferimenti consigliati", "trasferimenti di magazzino",
    "trasferimenti tra", "trasferimenti possibili", "spostamenti suggeriti",
    "spostamenti consigliati", "spostamenti tra", "ribilanciare", "ribilanciamento",
    "riequilibrare", "suggested transfers", "transfer suggestions", "recommended transfers",
    "stock transfers", "transfers between", "rebalance", "rebalancing", "redistribute",
)  # fmt: skip
# Moving stock between places named with it: a transfer Ponte checks (it records none).
MOVE_VERBS = ("sposta", "spostare", "spostami", "spostiamo", "trasferisci", "trasferire",
              "trasferiamo", "move", "transfer")  # fmt: skip
# The side of a move a place stands on: "from Lumezzane", "dal magazzino di Milano" (the
# place's kind and articles may stand between).
MOVE_FROM = ("from", "da", "dal", "dallo", "dalla", "dai", "dagli", "dalle")
MOVE_TO = ("to", "into", "towards", "a", "al", "allo", "alla", "ai", "agli", "alle", "verso", "in")
# A scenario on demand ("what if demand for moka goes up 20%?"): not something Ponte runs
# yet, so it is said, not answered with the forecast as it is.
WHAT_IF = ("what if", "what happens if", "suppose", "scenario", "simulate", "simulation",
           "e se", "cosa succede se", "che succede se", "supponiamo", "simula", "simulazione",
           "ipotesi", "if the plant", "if production", "if demand", "se la produzione",
           "se lo stabilimento", "se la domanda")  # fmt: skip
# What a scenario changes: demand, sales, the forecast, a plant's capacity (an order that
# doubles is a promise to check).
SCENARIO_WORDS = ("demand", "sales", "forecast", "domanda", "vendite", "previsione",
                  "richiesta", "capacity", "capacita", "production", "produzione", "plant",
                  "factory", "stabilimento", "fabbrica", "promo", "promozione", "promotion",
                  "campagna", "campaign", "orders", "ordini", "volume", "volumes",
                  "volumi")  # fmt: skip
DEMAND_CHANGES = ("goes up", "go up", "went up", "increase", "increases", "rises", "rise",
                  "doubles", "double", "drops", "drop", "falls", "fall", "goes down",
                  "aumenta", "aumentasse", "cresce", "crescesse", "raddoppia", "raddoppiasse",
                  "cala", "calasse", "scende", "scendesse", "diminuisce", "diminuisse",
                  "stops", "stopped", "shuts down", "shut down", "closes", "si ferma",
                  "si fermasse", "ferma", "fermiamo", "chiude", "chiudesse", "chiudiamo",
                  "chiudessimo", "fermassimo", "grows", "grow", "perde", "perdesse",
                  "loses", "halves", "halve", "dimezza", "dimezzano", "triples", "triplica",
                  "raddoppiano", "raddoppiassero", "more", "in piu", "higher", "sale",
                  "salisse", "salgono", "scendono", "calano", "crescono", "aumentano",
                  "lavora al", "lavorasse al", "runs at", "works at")  # fmt: skip
# Questions about a change are not requests to make one.
ABOUT_A_CHANGE = (
    "why", "did", "does", "any", "perche", "come mai", "cambiato", "cambia la", "news",
)  # fmt: skip
WRITE_OBJECTS = (
    "stock", "inventory", "forecast", "safety stock", "order", "orders", "capacity", "price",
    "giacenza", "giacenze", "scorta", "scorte", "previsione", "ordine", "ordini", "capacita",
    "prezzo", "magazzino", "invoice", "invoices", "fattura", "fatture", "lo stock", "la giacenza",
    "catalogue", "catalog", "catalogo", "listino", "anagrafica", "product list", "lead time",
    "moq", "minimum order", "allocated", "allocation", "allocazione", "allocati",
    "min order", "ordine minimo",
)  # fmt: skip
# Sales history: how a total is split, and "when did they last buy".
# The whole company: "totale aziendale", "company-wide", "di tutta l'azienda".
COMPANY = ("azienda", "aziendale", "aziendali", "company", "company wide", "whole company",
           "companywide", "company-wide", "tutta l azienda")  # fmt: skip
# Reaching a target, said without the word: "ci arrivo a fine Q4?", "will I make it?".
# "Why is Antonio so far behind? is it one account?": a shortfall asked about by customer.
BEHIND = ("behind", "so far behind", "falling behind", "short of", "dragging", "indietro",
          "in ritardo sulla quota", "sotto quota", "in calo", "calando",
          "down so much", "dropped", "dropping", "dropped the most", "did we lose",
          "calati", "calato", "hanno perso", "abbiamo perso", "persi")  # fmt: skip
# A split ordered by its fall ("which customers dropped the most?").
BY_DROP = ("dropped the most", "fell the most", "fallen the most", "lost the most",
           "biggest drop", "biggest drops", "biggest fall", "biggest falls", "biggest losers",
           "declined the most", "calati di piu", "calato di piu", "scesi di piu", "sceso di piu",
           "perso di piu", "persi di piu", "calo maggiore", "cali maggiori",
           "calo piu forte")  # fmt: skip
# Asking for a reason ("why am I behind on quota?", "come mai siamo indietro?").
# The asker or their team behind: a quota's shortfall even with no quota word said.
SELF_BEHIND = ("sono indietro", "siamo indietro", "sono cosi indietro", "siamo cosi indietro",
               "am i behind", "are we behind", "i m behind", "we re behind", "am i so far behind",
               "are we so far behind")  # fmt: skip
WHY = ("why", "perche", "come mai", "how come", "what s wrong", "cosa non va")
# Sales said to have fallen ("perché a maggio abbiamo venduto meno coltelli?").
FELL = ("meno", "calate", "calato", "calati", "calata", "calo", "in calo", "drop", "dropped",
        "fell", "fallen", "fewer", "less", "lower", "diminuite", "diminuito", "diminuiti",
        "scese", "sceso", "scesi", "worse", "peggio", "declined", "down", "change", "changed",
        "cambiate", "cambiato", "cambiati", "cambiata", "rose", "risen", "up", "cresciute",
        "cresciuto", "cresciuti", "aumentate", "aumentato", "aumentati", "salite", "salito",
        "jumped", "jump", "jumps", "grew", "went up")  # fmt: skip
ACCOUNTS = ("account", "accounts", "one account", "a customer", "one customer", "customers",
            "cliente", "clienti", "un cliente", "un solo cliente", "cliente solo")  # fmt: skip
# Whether supply copes with a change said ("raddoppia la previsione ..., ce la facciamo?",
# "+30% reggiamo?"): a scenario (the what-if ability).
COPE = ("ce la facciamo", "ce la fa", "reggiamo", "regge", "reggono", "basta", "bastano",
        "enough", "cope", "keep up", "handle it", "can we handle", "can we deliver",
        "can we make it", "riusciamo", "teniamo", "cosa succede", "che succede",
        "cosa succederebbe", "what happens", "what would happen")  # fmt: skip
# Asking what a change said does ("bergamo perde il 30% di capacità, che impatto?"): a
# scenario, as "can we cope?" is (never of a quota: "quota +10%, capacity impact?").
IMPACT = ("impatto", "impact", "effect", "effetto", "effetti", "effects", "conseguenze",
          "consequences", "implications", "what does that do", "what does it do",
          "how bad", "quanto pesa", "che cosa comporta", "cosa comporta")  # fmt: skip
REACHING = ("ci arrivo", "ci arriviamo", "ci arriva", "ci arrivano", "will i make it",
            "will we make it", "am i going to make it", "make it by", "hit it",
            "ce la faccio", "ce la fa")  # fmt: skip
SALES_GROUPS = {
    "territory": ("by territory", "per territorio", "which territory", "quale territorio",
                  "territories", "territori", "by region", "per zona", "which region"),
    "person": ("by rep", "per venditore", "venditori", "by salesperson", "which rep",
               "miglior venditore", "best rep", "top rep", "best salesperson", "chi vende di piu",
               "chi del team", "who on the team", "per commerciale", "commerciali", "per agente",
               "agenti", "which reps", "the reps", "by reps", "reps sell", "reps", "salespeople",
               "chi ha venduto di piu", "top salesperson",
               "who on my team", "chi del mio team", "chi ha venduto", "who sold", "per rep"),
    "customer": ("customers", "customer", "clienti", "cliente", "who buys", "chi compra",
                 "miglior cliente", "best customer",
                 "by customer", "per cliente", "which customer", "quale cliente"),
    "month": ("monthly", "by month", "per mese", "mese per mese", "month by month", "mensile",
              "mensili", "each month", "ogni mese"),
    "family": ("by family", "per famiglia", "by product family", "famiglie", "families",
               "mix famiglie", "family mix", "per family",
               "which family", "quale famiglia"),
    "location": ("by location", "per location", "by warehouse", "per magazzino", "by site",
                 "per sede", "by plant", "per stabilimento", "which warehouse",
                 "quale magazzino", "which location", "quale sede", "by depot", "per deposito",
                 "by locations", "per sedi", "per magazzini", "by warehouses"),
    "promo": ("in promo", "on promo", "on promotion", "in promozione", "promo vs",
              "promo e non", "promo or not", "with and without promo", "promo split",
              "quando sono in promo", "promo rispetto", "promotion vs", "promo versus",
              # "c'era la promo", "during the promo": how much the promotion sold
              "c era la promo", "era in promo", "con la promo", "durante la promo",
              "settimane in promo", "settimane di promo", "during the promo",
              "during the promotion", "promo weeks", "was a promo", "was on promo",
              "there was a promotion", "with the promo"),
    "product": ("products", "prodotti", "best sellers", "best seller", "best selling",
                "buy the most", "buys the most", "bought the most", "compra di piu",
                "comprano di piu", "most bought", "piu comprati", "piu comprato",
                "by product", "per prodotto", "piu venduti", "piu venduto", "top products",
                "prodotto piu venduto"),
}  # fmt: skip
# Every place at once, each said: a split by location ("stock per magazzino", "in each
# warehouse"), not one place.
EACH_PLACE = SALES_GROUPS["location"] + (
    "each warehouse", "every warehouse", "each location", "every location", "all locations",
    "all warehouses", "ogni magazzino", "ogni sede", "tutti i magazzini", "tutte le sedi",
    "each site", "every site", "ciascun magazzino", "ciascuna sede",
)  # fmt: skip
# An order book's splits: the sales' but month (orders are split by when they are due
# only through a due period).
# Only the orders past their due date ("ordini in ritardo?").
LATE_ORDERS = ("late", "overdue", "past due", "in ritardo", "scaduti", "scaduto", "scadute",
               "arretrati", "in arretrato")  # fmt: skip
# "x territorio", "x famiglia": chat shorthand for "per" (by).
for _group, _said in list(SALES_GROUPS.items()):
    SALES_GROUPS[_group] = _said + tuple(
        "x " + w.removeprefix("per ") for w in _said if w.startswith("per ")
    )
ORDER_GROUPS = {key: words for key, words in SALES_GROUPS.items() if key not in ("month", "promo")}
# A split ordered by money, not units.
BY_REVENUE = ("by revenue", "per fatturato", "in revenue", "by sales value", "in fatturato",
              "per valore", "by value", "revenue wise", "top earners", "fatturato", "revenue",
              "turnover")  # fmt: skip
LAST_PURCHASE = (
    "last order", "last ordered", "last bought", "last buy", "last purchase", "last time",
    "last purchased", "ultimo ordine", "ultimo acquisto", "ultima volta", "last order?",
)  # fmt: skip
# A comparison: "vs", "rispetto a"; and what the other side is.
VERSUS = ("vs", "versus", "compared", "compare", "rispetto", "confronta", "confronto",
          "contro", "than", "against")  # fmt: skip
LAST_YEAR = ("last year", "anno scorso", "scorso anno", "year before", "previous year",
             "anno prima", "anno precedente", "a year ago", "un anno fa", "year vs last",
             "scorso", "scorsa", "last", "yoy", "year over year", "anno su anno",
             "same period last year", "stesso periodo anno scorso")  # fmt: skip
PREVIOUS = ("last month", "previous month", "month before", "mese scorso", "mese prima",
            "mese precedente", "trimestre prima", "trimestre precedente", "previous quarter",
            "quarter before", "last quarter", "periodo precedente", "week before",
            "settimana prima", "the one before", "one before", "quello prima", "quello precedente",
            "prior", "the prior", "periodo prima", "previous", "precedenti",
            "mese su mese", "month over month", "mom", "qoq", "quarter over quarter",
            "trimestre su trimestre")  # fmt: skip
# What is asked about, said after a product word used as a modifier ("knife stock").
ABOUT_WORDS = ("stock", "stocks", "inventory", "sales", "forecast", "forecasts", "fcst",
               "demand", "cover", "projection", "levels", "orders", "quota", "quotas",
               "target", "budget", "attainment", "revenue", "prices", "promo", "promos",
               "promotion", "promotions")  # fmt: skip
# A promotion, and asking how one went, apart in the sentence ("la promo sulle moka com'è
# andata?", "how did the pans promo in february go"): a promotion's review.
PROMO_WORDS = ("promo", "promos", "promotion", "promotions", "promozione", "promozioni",
               "offerta", "volantino")  # fmt: skip
HOW_IT_WENT = ("com e andata", "come e andata", "come sono andate", "com e andato",
               "how did", "how was", "how were", "go", "went", "results", "result",
               "risultati", "risultato", "funzionato", "work", "worked", "worth",
               "lift", "uplift", "effect", "effetto", "reso", "funzionano", "funziona",
               "hanno funzionato", "in piu", "extra", "how many more", "how much more",
               "pay off", "paid off", "did it work", "com e andata", "come sono andate",
               "quanto abbiamo fatto", "quanto hanno reso")  # fmt: skip
# Kinds of places, said next to a place's name ("the Maniago plant", "magazzino di Milano").
PLACE_KINDS = ("plant", "factory", "warehouse", "depot", "site", "stabilimento", "impianto",
               "fabbrica", "magazzino", "deposito", "sede", "hub")  # fmt: skip
# A projection asked about excess stock leads with it.
EXCESS = ("excess", "overstock", "overstocked", "too much stock", "too much", "too many",
          "troppo", "troppa", "troppi", "troppe", "eccesso",
          "eccedenza", "eccedenze", "sovrascorta", "troppo stock", "troppa giacenza",
          "troppa merce", "in eccesso", "piu del necessario", "piu del dovuto",
          "more than we need", "more than needed", "more than necessary", "surplus")  # fmt: skip
# Excess said outright ("troppo" alone may be "troppo basso"): excess over stock words.
EXCESS_SAID = tuple(w for w in EXCESS if not w.startswith(("tropp", "too ")))
# Excess said around the product: "do we have more COL-FIL than we need?", "abbiamo più
# coltelli del necessario?" (words folded, a few between).
MORE_THAN_NEEDED = re.compile(
    r"\b(?:more|piu)\b(?:\s+\S+){1,5}?\s+(?:than (?:we|i|they) (?:need|needed|sell)|than "
    r"needed|than necessary|del necessario|del dovuto|di quanto (?:serve|ci serve|vendiamo))\b"
)
# Every product together: "stock totale", "fcst all products", "tutto il magazzino".
EVERYTHING = ("all", "everything", "total", "totale", "totali", "overall", "tutto", "tutti",
              "tutta", "tutte", "complessivo", "complessiva", "whole", "entire", "intero",
              "intera", "complessivamente", "in totale", "in total")  # fmt: skip
# "Seasonal" said of a forecast: how it is made, not a question about why.
SEASONAL = ("seasonal", "stagionale", "stagionali")
# The catalogue asked for as such: "che prodotti abbiamo?", "what families do we have?"
# (answered with the stock of everything, by family; other questions about "which products"
# have an intent of their own).
CATALOGUE = ("what products do we have", "what products do we sell", "what products do we make",
             "which products do we have", "which products do we sell", "what products have we got",
             "what do we sell", "what do we make", "product list", "list of products",
             "list products", "list the products", "list all products", "catalogue", "catalog",
             "product range", "what families do we have", "which families do we have",
             "product families", "che prodotti abbiamo", "che prodotti vendiamo",
             "che prodotti facciamo", "quali prodotti abbiamo", "quali prodotti vendiamo",
             "quali prodotti facciamo", "che prodotti ci sono", "quali prodotti ci sono",
             "elenco prodotti", "elenco dei prodotti", "lista prodotti", "lista dei prodotti",
             "catalogo", "che famiglie abbiamo", "quali famiglie abbiamo", "che famiglie ci sono",
             "quali famiglie ci sono", "famiglie di prodotto", "gamma di prodotti",
             "cosa vendiamo", "cosa produciamo")  # fmt: skip
# Money's worth of stock ("what is our stock worth?", "valore del magazzino"): never a
# product's name ("value" is one letter from "valve").
VALUE_WORDS = ("value", "values", "worth", "valore", "valori", "vale", "valgono",
               "valorizzazione")  # fmt: skip
# Places in the plural beside one named ("a milano e negli stabilimenti"): all of them.
EVERY_PLACE = ("stabilimenti", "plants", "factories", "sedi", "locations", "magazzini",
               "warehouses", "impianti")  # fmt: skip
# Several products meant together: "santoku vs chef knife", "PAD-24 e PAD-28", "pots n pans".
TOGETHER = (*VERSUS, "and", "n", "e", "ed", "&", "plus", "both", "entrambi", "entrambe")
# A reply that drops the question Ponte asked back.
NEVER_MIND = (
    "never mind", "forget it", "cancel", "no thanks", "thanks", "thank you", "lascia perdere",
    "lascia stare", "annulla", "niente", "grazie", "no grazie", "stop",
)  # fmt: skip
# Answers to "shall I?" before a write.
YES = frozenset({"yes", "y", "ok", "okay", "sure", "confirm", "go", "go ahead", "do it",
                 "si", "confermo", "conferma", "va bene", "procedi", "vai", "certo"})  # fmt: skip
NO = frozenset({"no", "n", "cancel", "stop", "annulla", "lascia perdere", "non farlo"})
FOLLOW_UP = ("what about", "how about", "and", "e", "invece", "instead", "also", "anche",
             "senno", "altrimenti", "oppure", "o", "or", "otherwise", "else", "or else",
             "if not", "se no")  # fmt: skip
MINE = ("my", "mine", "me", "i", "mio", "mia", "miei", "mie", "io", "ho venduto",
        "ho fatturato", "ho chiuso", "ho in consegna", "ho in portafoglio", "ho da consegnare",
        "ho da spedire", "aperti ho", "ho aperti", "ho ancora aperti", "backlog ho")  # fmt: skip
TEAM = ("team", "my team", "squadra", "mio team", "la mia squadra", "il mio team")
TERRITORY_WORDS = ("territory", "region", "area", "zone", "territorio", "zona", "regione")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words that tell the languages apart (besides the intent phrases above).
ENGLISH = _words(
    "the a an of for by is are do does we i my how what when can will much many to in on "
    "at with from next this have has our please show me and or it be that these those "
    "there their they them its you your us want wants need needs about any some all "
    "would could should did was were been being had not only just also still more most "
    "than then so if but because which who whom whose where why let s t whats thanks "
    "thank over "
)
ITALIAN = _words(
    "il lo la i gli le di del della dei delle per entro e sono che come quanto quanti "
    "quante quando posso possiamo abbiamo ho mio mia miei nostro nostra prossimo "
    "prossima questo questa con da dal al alla mi ci ne un una uno sul sulla fra tra "
    "qual quale cosa non anche ancora piu meno perche dove chi quali questi queste "
    "quelli quelle loro nostri nostre vostro stato stata sia gia solo vuole vogliono "
    "serve servono grazie ciao favore degli alle agli nel nella nei nelle sui sulle "
    "dalla dai dagli col coi puoi puo potete hai ha hanno siamo a in "
    "finora sinora fatto fatta "  # "quanto ha fatto Marco finora": so far, not "finirà"
    "nell dell dall sull quest "  # elided ("nell'ultimo mese"): not "sell", not typos
    "dello allo nello sullo dallo degli "
)
# English planning words Italian planners write as Italian ("forecast pentole dicembre",
# "alert PLT-LUM"): they say nothing of the language a message is in.
LOANWORDS = _words(
    "forecast forecasts stock stocks alert alerts budget target targets report trend backlog "
    "feedback sku ok planning"
)
# Words of time and of the business a question is about, counted for its language beside the
# function words and the intents' words ("vendite moka novembre vs ottobre scorso").
ENGLISH_HINTS = _words(
    "last month months year years week weeks today tomorrow yesterday products product "
    "customers customer sales sold total value worth"
)
ITALIAN_HINTS = _words(
    "scorso scorsa scorsi scorse ultimo ultima ultimi ultime mese mesi anno anni settimana "
    "settimane oggi domani ieri prodotti prodotto clienti cliente vendite venduto totale "
    "valore"
)
# Words common in company names that name nobody on their own: "i clienti più grandi" is
# not "Grandi Magazzini ...", "the new pan" not "New Age Kitchens".
GENERIC_NAME_WORDS = _words(
    "grande grandi big bigger biggest large larger largest piccolo piccola piccoli piccole "
    "small smaller nuovo nuova nuovi nuove new migliore migliori best top primo prima first "
    "generale general centrale central group gruppo global international internazionale "
    "italia italiana italiano italy europa europe"
)
# Words never read as part of a product name, even when a name contains them.
STOPWORDS = (
    ENGLISH
    | ITALIAN
    | frozenset(
        ["cm", "mm", "l", "lt", "kg", "g", "pcs", "pz", "pezzi", "units", "unit", "unita", "x",
         # "così" is no typo of "cost"; "looking" none of "cooking" (a pot's word); "allora"
         # none of "alloca" ("lo stock basta fino ad allora?" is no reservation)
         "cosi", "looking", "look", "looks", "allora", "ancora"]
    )
)  # fmt: skip
