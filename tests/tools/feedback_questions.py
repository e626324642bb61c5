# ruff: noqa: E501 (one question a line)
# fmt: off
"""The customer-feedback store, from each role's side (60 questions), written by hand before
the code that understands them and without reading the router or its word lists: 24 feedback
items to record, 6 forecast notes, 24 searches and 6 bad or edge inputs. Same format as
role_questions.py (today is Friday 2026-11-27: "this month" 2026-11, "last month" 2026-10,
"this quarter" 2026-Q4, "this year" 2026; a month ahead in a forecast note is the next such
month, "gennaio" 2027-01).

Conventions used in `args`:
- "customer" is the exact name in the demo's sales data; a customer that is not in the data
  (Ferramenta Rossi, Casalinghi Sud) is left out and named in a comment.
- "products" (record) is a list of SKUs, given only where the words name one catalogue item;
  "family" where a whole family is named ("le padelle", "our knives").
- "sentiment" only where it is obvious; mixed or neutral-sounding items carry none.
- "theme" (search) is one of delivery, damage, price, competitor, quality, availability,
  request, service; "query" is never listed.
- "ultimi 3 mesi" carries no period; "nell'ultimo mese" is the month up to today.
"""

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

FEEDBACK: list[Q] = [
    # ------------------------------------------------------------------------------------
    # Recording feedback: reps about their own accounts, managers after a visit, ops about
    # what came back from a delivery, marketing about a survey or a fair.
    # ------------------------------------------------------------------------------------
    Q(WALKER, "Casa Italia Import says the 28 cm frying pans arrived scratched, 2 cartons out of 10",
      "confirm:record_feedback",
      {"customer": "Casa Italia Import GmbH", "products": ["PAD-28"], "sentiment": "negative"}),
    Q(WALKER, "log feedback: maison de la moka loves the red moka, they want it in their spring catalogue",
      "confirm:record_feedback",
      {"customer": "Maison de la Moka SARL", "products": ["MOK-R04"], "sentiment": "positive"}),
    # No customer; the 6 cup red moka is not in the catalogue, so no products either.
    Q(WALKER, "customers keep asking for a 6 cup version of the red moka", "confirm:record_feedback"),
    Q(HARRIS, "feedback from my call with Bottega Italiana: they find our knives pricier than Zwilling for the same quality",
      "confirm:record_feedback",
      {"customer": "Bottega Italiana Ltd", "family": "COLTELLI", "sentiment": "negative"}),
    # Mixed (one product praised, one criticised): no sentiment.
    Q(HARRIS, "Emporio Tiberino told me the chef's knife 20cm is great but the bread knife blade dulls fast",
      "confirm:record_feedback",
      {"customer": "Emporio Tiberino", "products": ["COL-CUO", "COL-PAN"]}),
    Q(ROSSI, "casalinghi colombo dice che le padelle da 24 arrivano con il fondo rigato",
      "confirm:record_feedback",
      {"customer": "Casalinghi Colombo", "products": ["PAD-24"], "sentiment": "negative"}),
    Q(ROSSI, "registra: brianza casa chiede consegne il martedì invece che il venerdì",
      "confirm:record_feedback", {"customer": "Brianza Casa"}),
    Q(BRAMBILLA, "feedback: ferramenta sforza trova le padelle troppo care rispetto a quelle di tognana",
      "confirm:record_feedback",
      {"customer": "Ferramenta Sforza", "family": "PADELLE", "sentiment": "negative"}),
    Q(BRAMBILLA, "emporio navili contentissimi del santoku, già finito in vetrina",
      "confirm:record_feedback",
      {"customer": "Emporio Navigli", "products": ["COL-SAN"], "sentiment": "positive"}),
    # "Ferramenta Rossi" is not a customer in the demo data: no customer.
    Q(BRAMBILLA, "ferramenta rossi says the new 28cm pan arrives scratched",
      "confirm:record_feedback", {"products": ["PAD-28"], "sentiment": "negative"}),
    Q(ZANETTI, "segna che serenisima si lamenta dei ritardi sulle pentole a pressione, 3 sett di ritardo",
      "confirm:record_feedback",
      {"customer": "Casalinghi Serenissima", "products": ["PEN-PRE"], "sentiment": "negative"}),
    Q(ZANETTI, "feedback cucine scaligere: la moka induzione 6 tazze non va su certi piani a induzione vecchi",
      "confirm:record_feedback",
      {"customer": "Cucine Scaligere", "products": ["MOK-I06"], "sentiment": "negative"}),
    # Sells well, packaging dented: mixed, no sentiment.
    Q(MARCHI, "feedback: medicei dice che il ceppo coltelli si vende bene ma la scatola arriva ammaccata",
      "confirm:record_feedback", {"customer": "Casalinghi Medicei", "products": ["COL-CEP"]}),
    Q(MARCHI, "la dispensa umbra vorrebbe le guarnizioni moka 3 tazze in conf da 10 e non da 3",
      "confirm:record_feedback", {"customer": "La Dispensa Umbra", "products": ["RIC-G03"]}),
    Q(ESPOSITO, "log: casalinghi vesuvio dice che ballarini gli fa il 15% di sconto in più sulle padelle",
      "confirm:record_feedback", {"customer": "Casalinghi Vesuvio", "family": "PADELLE"}),
    # "Casalinghi Sud" is not a customer in the demo data: no customer.
    Q(ESPOSITO, "il cliente Casalinghi Sud chiede consegne più rapide", "confirm:record_feedback"),
    Q(ESPOSITO, "partenope non ci ordina più, dicono che i nostri prezzi sulle pentole sono fuori mercato",
      "confirm:record_feedback",
      {"customer": "Grandi Magazzini Partenope", "family": "PENTOLE", "sentiment": "negative"}),
    Q(LOBIANCO, "registra feedback trinacria: moka 3 tazze e moka 6 tazze, i clienti dicono che la guarnizione cede dopo pochi mesi",
      "confirm:record_feedback",
      {"customer": "Casalinghi Trinacria", "products": ["MOK-003", "MOK-006"],
       "sentiment": "negative"}),
    Q(LOBIANCO, "emporio sardo molto soddisfatto della pastaiola e della pentola a pressione",
      "confirm:record_feedback",
      {"customer": "Emporio Sardo", "products": ["PEN-PAS", "PEN-PRE"], "sentiment": "positive"}),
    # No customer (several shops at a fair); the bigger electric moka does not exist.
    Q(BIANCHI, "segnalo un feedback dalla fiera: diversi negozianti chiedono una moka elettrica più grande, da 4 o 6 tazze",
      "confirm:record_feedback"),
    Q(COLOMBO, "registra feedback da Casa Friulana: 2 bancali di pentole alte 24 cm arrivati con la pellicola strappata",
      "confirm:record_feedback",
      {"customer": "Casa Friulana", "products": ["PEN-24"], "sentiment": "negative"}),
    Q(MORETTI, "segna: bottega etnea lamenta che i filtri moka 6 tazze sono sempre in backorder",
      "confirm:record_feedback",
      {"customer": "Bottega Etnea", "products": ["RIC-F06"], "sentiment": "negative"}),
    Q(RICCI, "feedback dal sondaggio clienti finali: la moka rossa piace tantissimo per il design, molti la regalano",
      "confirm:record_feedback", {"products": ["MOK-R04"], "sentiment": "positive"}),
    # "the induction mokas" are two SKUs (3 and 6 cups): products left out.
    Q(BARBIERI, "log feedback: several shops say the new box of the induction mokas is hard to open",
      "confirm:record_feedback", {"sentiment": "negative"}),

    # ------------------------------------------------------------------------------------
    # Forecast notes: a rep's word on an order to come.
    # ------------------------------------------------------------------------------------
    Q(MARCHI, "metti una nota: bottega adriatica ordinerà 300 padelle da 28 a febbraio",
      "confirm:forecast_note",
      {"customer": "Bottega Adriatica", "product": "PAD-28", "quantity": 300, "period": "2027-02"}),
    Q(WALKER, "expect +500 moka pots 3 cups from Casa Italia Import in January, they're opening new stores",
      "confirm:forecast_note",
      {"customer": "Casa Italia Import GmbH", "product": "MOK-003", "quantity": 500,
       "period": "2027-01"}),
    Q(WALKER, "forecast note: maison de la moka will take about 150 gaskets 6 cups in march",
      "confirm:forecast_note",
      {"customer": "Maison de la Moka SARL", "product": "RIC-G06", "quantity": 150,
       "period": "2027-03"}),
    Q(ZANETTI, "nota previsione: casalinghi serenissima prende 1200 padelle in più a marzo per il volantino",
      "confirm:forecast_note",
      {"customer": "Casalinghi Serenissima", "family": "PADELLE", "quantity": 1200,
       "period": "2027-03"}),
    Q(ESPOSITO, "nota fcst: emporio salentino 200 pz pastaiola a dicembre",
      "confirm:forecast_note",
      {"customer": "Emporio Salentino", "product": "PEN-PAS", "quantity": 200, "period": "2026-12"}),
    Q(LOBIANCO, "aggiungi una nota al forecast: trinacria a gennaio ci fa un ordine da 800 moke 6 tazze",
      "confirm:forecast_note",
      {"customer": "Casalinghi Trinacria", "product": "MOK-006", "quantity": 800,
       "period": "2027-01"}),

    # ------------------------------------------------------------------------------------
    # Searching feedback: ops looking for damage and delivery trouble, marketing for themes
    # and competitors, managers for their teams' accounts, reps for their own customers.
    # ------------------------------------------------------------------------------------
    Q(COLOMBO, "cosa dicono i clienti delle moka?", "search_feedback", {"family": "MOKA"}),
    Q(COLOMBO, "reclami per merce rotta nel Q4", "search_feedback",
      {"theme": "damage", "sentiment": "negative", "period": "2026-Q4"}),
    Q(GALLI, "lamentele sulle consegne questo trimestre", "search_feedback",
      {"theme": "delivery", "sentiment": "negative", "period": "2026-Q4"}),
    Q(GALLI, "i clienti segnalano problemi di disponibilità sui ricambi?", "search_feedback",
      {"family": "RICAMBI", "theme": "availability"}),
    Q(MORETTI, "ci sono segnalazioni di padelle da 28 arrivate danneggiate?", "search_feedback",
      {"product": "PAD-28", "theme": "damage"}),
    # "ultimi 3 mesi": a rolling window, no period.
    Q(MORETTI, "lamentele sul servizio clienti negli ultimi 3 mesi", "search_feedback",
      {"theme": "service", "sentiment": "negative"}),
    Q(RICCI, "chi si lamenta dei prezzi?", "search_feedback",
      {"theme": "price", "sentiment": "negative"}),
    Q(RICCI, "temi principali del feedback di novembre", "search_feedback", {"period": "2026-11"}),
    Q(RICCI, "quali prodotti ci chiedono i clienti che non abbiamo a catalogo?", "search_feedback",
      {"theme": "request"}),
    Q(RICCI, "what do customers say about the wok vs the competition?", "search_feedback",
      {"product": "PAD-W30", "theme": "competitor"}),
    Q(BARBIERI, "competitor mentions this quarter", "search_feedback",
      {"theme": "competitor", "period": "2026-Q4"}),
    Q(BARBIERI, "cosa pensano i clienti della moka rossa? solo i feedback positivi", "search_feedback",
      {"product": "MOK-R04", "sentiment": "positive"}),
    Q(HARRIS, "what are customers saying about the pressure cooker?", "search_feedback",
      {"product": "PEN-PRE"}),
    # Packaging could be damage or quality: no theme.
    Q(HARRIS, "any complaints about packaging?", "search_feedback", {"sentiment": "negative"}),
    Q(HARRIS, "negative feedback on PADELLE", "search_feedback",
      {"family": "PADELLE", "sentiment": "negative"}),
    Q(HARRIS, "what did customers say about the santoku this year?", "search_feedback",
      {"product": "COL-SAN", "period": "2026"}),
    # "nell'ultimo mese": the month up to today ("il mese scorso" is October).
    Q(BIANCHI, "feedback negativi sulle pentole nell'ultimo mese", "search_feedback",
      {"family": "PENTOLE", "sentiment": "negative", "period": "2026-10-28..2026-11-27"}),
    Q(BIANCHI, "feedback positivi di ottobre sulle padelle", "search_feedback",
      {"family": "PADELLE", "sentiment": "positive", "period": "2026-10"}),
    Q(ROSSI, "feedback di casalinghi colombo questo mese", "search_feedback",
      {"customer": "Casalinghi Colombo", "period": "2026-11"}),
    Q(MARCHI, "fammi vedere i feedback sulla medicei", "search_feedback",
      {"customer": "Casalinghi Medicei"}),
    Q(ESPOSITO, "c'è qualche feedback su grandi magazzini partenope? voglio capire perché hanno smesso di ordinare",
      "search_feedback", {"customer": "Grandi Magazzini Partenope"}),
    Q(WALKER, "feedback from maison de la moka last month", "search_feedback",
      {"customer": "Maison de la Moka SARL", "period": "2026-10"}),
    Q(WALKER, "any quality complaints on the steak knife set from my customers?", "search_feedback",
      {"product": "COL-BIS", "theme": "quality", "sentiment": "negative"}),
    # "this week": no period listed (how a week is written is not fixed here).
    Q(DEANGELIS, "quanti feedback sono stati registrati questa settimana?", "search_feedback"),

    # ------------------------------------------------------------------------------------
    # Bad or edge inputs.
    # ------------------------------------------------------------------------------------
    Q(WALKER, "feedback: 👍", "clarify:text"),
    Q(HARRIS, "log feedback:", "clarify:text"),
    Q(ROSSI, "registra feedback per brianza casa:", "clarify:text", {"customer": "Brianza Casa"}),
    Q(DEANGELIS, "cancella il feedback 12, è un doppione", "confirm:delete_feedback", {"feedback": 12}),
    # Item 3 of the demo's feedback was recorded by another rep: only its author or an admin
    # may change it (the expectation was written before the demo's feedback existed).
    Q(WALKER, "edit feedback 3: it was Bottega Italiana, not Casa Italia Import", "denied"),
    # A Slack channel mention in the text: recorded as feedback, without pinging anyone.
    Q(ESPOSITO, "<!channel> emporio salentino dice che le moka 3 tazze arrivano senza guarnizione!!",
      "confirm:record_feedback",
      {"customer": "Emporio Salentino", "products": ["MOK-003"], "sentiment": "negative"}),
]
