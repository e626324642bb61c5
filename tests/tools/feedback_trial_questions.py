# ruff: noqa: E501 (one question a line)
# fmt: off
"""A new user's trial of customer feedback (2026-12-01, 30 questions written before any was
asked, by someone who had not read the router: 18 right, 8 partly, 4 wrong on the first
run). Same format as role_questions.py (today is Friday 2026-11-27). Edit and delete name
items of the demo's feedback: 2 is Giulia Rossi's, 43 Salvatore Lo Bianco's, 81 Luca
Brambilla's."""

from tests.tools.role_questions import (
    BARBIERI,
    BIANCHI,
    BRAMBILLA,
    COLOMBO,
    DEANGELIS,
    ESPOSITO,
    GALLI,
    HARRIS,
    MARCHI,
    RICCI,
    ROSSI,
    WALKER,
    Q,
)

FEEDBACK_TRIAL: list[Q] = [
    Q(ROSSI, "brianza casa e' contentissma del santoku, dicono che taglia benissimo e lo vogliono rioridnare per natale",
      "confirm:record_feedback", {"customer": "Brianza Casa", "products": ["COL-SAN"], "sentiment": "positive"}),
    Q(ROSSI, "correggi il feedback 2: casalinghi colombo dice che le padelle da 28 arrivano graffiate E con la scatola rotta",
      "confirm:edit_feedback", {"feedback": 2}),
    Q(BRAMBILLA, "emporio navigli dice che le pentole alte da 24 e la pastaiola da lagostina costano meno, vogliono uno sconto",
      "confirm:record_feedback", {"customer": "Emporio Navigli", "sentiment": "negative"}),
    Q(BRAMBILLA, "ferramenta sforsa chiede una moka rossa da 6 tazze, dicono che a natale la venderebbero tantissimo",
      "confirm:record_feedback", {"customer": "Ferramenta Sforza"}),
    Q(ESPOSITO, "grandi magazzini partenope non ordina piu perche le pentole di lumezzane arrivano sempre in ritardo",
      "confirm:record_feedback", {"customer": "Grandi Magazzini Partenope", "sentiment": "negative"}),
    Q(ESPOSITO, "il cliente casa napoli dice che la moka elettrica si rompe dopo 2 settimane",
      "confirm:record_feedback", {"products": ["MOK-E02"], "sentiment": "negative", "customer_text": "casa napoli"}),
    Q(ESPOSITO, "feedback da casalinghi vesuvio da ottobre", "search_feedback",
      {"customer": "Casalinghi Vesuvio"}),
    Q(WALKER, "Bottega Italiana says the chef knife is great but the bread knives arrive with broken boxes",
      "confirm:record_feedback", {"customer": "Bottega Italiana Ltd", "sentiment": "negative"}),
    Q(WALKER, "casa italia import wants faster deliveries on the induction moka 3 cup, theyre losing shelf space to bialetti",
      "confirm:record_feedback", {"customer": "Casa Italia Import GmbH", "products": ["MOK-I03"], "sentiment": "negative"}),
    Q(WALKER, "expect +400 induction moka 6 cups from Maison de la Moka in february", "confirm:forecast_note",
      {"product": "MOK-I06", "customer": "Maison de la Moka SARL", "quantity": 400, "period": "2027-02"}),
    Q(COLOMBO, "lamentele sulle consegne dello scorso trimestre", "search_feedback",
      {"theme": "delivery", "sentiment": "negative", "period": "2026-Q3"}),
    Q(COLOMBO, "cosa dicono i clienti della padella da 28 questo mese?", "search_feedback", {"period": "2026-11"}),
    Q(GALLI, "ci sono problemi di imballo sulle padelle?", "search_feedback", {"family": "PADELLE", "theme": "damage"}),
    Q(GALLI, "i clienti si lamentano di rotture di stock sulle pentole?", "search_feedback",
      {"family": "PENTOLE", "theme": "availability"}),
    Q(GALLI, "il magazzino mi dice che casalinghi serenissima ha ricevuto 20 casseruole da 16 ammaccate, registralo",
      "confirm:record_feedback", {"customer": "Casalinghi Serenissima", "products": ["PEN-16"], "sentiment": "negative"}),
    Q(RICCI, "which competitors are customers mentioning since october?", "search_feedback", {"theme": "competitor"}),
    Q(RICCI, "feedback positivi sui coltelli da settembre", "search_feedback", {"family": "COLTELLI", "sentiment": "positive"}),
    Q(RICCI, "registra un feedback", "clarify:text"),
    Q(BARBIERI, "what new products are customers asking for in the last 6 months?", "search_feedback", {"theme": "request"}),
    Q(BARBIERI, "lamentele sui prezzi delle padelle rispetto a ballarini", "search_feedback",
      {"family": "PADELLE", "sentiment": "negative"}),
    Q(BIANCHI, "come va il feedback di casalinghi colombo questo mese", "search_feedback",
      {"customer": "Casalinghi Colombo", "period": "2026-11"}),
    Q(BIANCHI, "nota al forecast: emporio dolomiti prendera 250 casseruole da 20 a gennaio", "confirm:forecast_note",
      {"product": "PEN-20", "customer": "Emporio Dolomiti", "quantity": 250, "period": "2027-01"}),
    Q(BIANCHI, "👍👍", "not_understood"),
    Q(HARRIS, "any complaints about invoices or billing lately?", "search_feedback", {"theme": "service", "sentiment": "negative"}),
    Q(HARRIS, "what did export customers say about stock availability since october?", "search_feedback",
      {"territory": "EX", "theme": "availability"}),
    Q(HARRIS, "feedback from maison de la moka", "search_feedback", {"customer": "Maison de la Moka SARL"}),
    Q(HARRIS, "log this: Casalinghi Medici says the pressure cooker valve leaks, they had three returns already",
      "confirm:record_feedback", {"customer": "Casalinghi Medicei", "sentiment": "negative"}),
    Q(DEANGELIS, "modifica il feedback 43: Emporio Sardo chiede consegne entro 10 giorni sulle moke",
      "confirm:edit_feedback", {"feedback": 43}),
    Q(DEANGELIS, "cancella il feedback 81", "confirm:delete_feedback", {"feedback": 81}),
    Q(DEANGELIS, "delete feedback 99999", "error:no_such_feedback"),
]

# What a second new user's trial (trial 9, 30 questions: 23 right, 5 partly, 2 wrong) found
# not right, as that user typed it or close to it, with what a planner expects.
FEEDBACK_TRIAL9: list[Q] = [
    # A new customer sharing a word with a known one ("ferramenta") is kept as written.
    Q(ROSSI, "Ferramenta Bellini di Perugia (cliente nuovo) dice che la moka 3 tazze perde dalla guarnizione",
      "confirm:record_feedback", {"customer_text": "Ferramenta Bellini", "sentiment": "negative", "themes": ["quality"]}),
    # ...but a legal form added to a known one is still that customer (linked: nothing
    # is kept "as typed").
    Q(BRAMBILLA, "il cliente Ferramenta Sforza S.r.l. dice che le padelle arrivano tardi",
      "confirm:record_feedback", {"customer_text": None}),
    Q(WALKER, "log feedback: Ferramenta Sforza Srl says the pans arrive late",
      "confirm:record_feedback", {"customer_text": None, "sentiment": "negative"}),
    Q(BARBIERI, "commenti positivi sulle moka negli ultimi 6 mesi", "search_feedback",
      {"family": "MOKA", "sentiment": "positive", "period": "2026-05-28..2026-11-27"}),
    Q(BARBIERI, "che richieste di prodotti nuovi arrivano dai clienti?", "search_feedback", {"theme": "request"}),
    Q(WALKER, "log feedback: Bottega Etnea happy with delivery but too pricey vs Tefal",
      "confirm:record_feedback", {"customer": "Bottega Etnea", "sentiment": "negative"}),
    Q(ESPOSITO, "registra: Bottega Etnea dice che la moka costa 15 euro in più che da Lagostina",
      "confirm:record_feedback", {"customer": "Bottega Etnea", "sentiment": "negative"}),
    Q(ESPOSITO, "Bottega Etnea dice che la moka 3 tazze non si trova più nei negozi, lo puoi registrare?",
      "confirm:record_feedback", {"products": ["MOK-003"], "sentiment": "negative", "themes": ["availability"]}),
    Q(ESPOSITO, "registra: Bottega Etnea dice che la valvola della pentola a pressione fischia troppo",
      "confirm:record_feedback", {"products": ["PEN-PRE"], "sentiment": "negative", "themes": ["quality"]}),
    Q(BIANCHI, "feedback negativi sulle pentole nell'ultimo mese", "search_feedback",
      {"family": "PENTOLE", "sentiment": "negative", "period": "2026-10-28..2026-11-27"}),
    # An edit names the products its new text names.
    Q(ROSSI, "correggi il feedback 2: la moka 3 tazze arriva graffiata", "confirm:edit_feedback",
      {"feedback": 2, "products": ["MOK-003"]}),
]

# A third new user's trial (trial 10, 30 requests: 20 right, 7 partly, 3 wrong): the wrong
# ones, as typed, with what a planner expects.
FEEDBACK_TRIAL10: list[Q] = [
    # An order expected below the forecast is a negative note, never +200.
    Q(HARRIS, "forecast note: expect 200 fewer MOK-I06 in February from Maison de la Moka, they are overstocked after Christmas",
      "confirm:forecast_note", {"product": "MOK-I06", "quantity": -200, "period": "2027-02"}),
    Q(BIANCHI, "nota al forecast: emporio dolomiti prenderà 300 pezzi in meno di PEN-20 a gennaio",
      "confirm:forecast_note", {"product": "PEN-20", "quantity": -300, "period": "2027-01"}),
    # (trial 11) the product between the number and "in meno".
    Q(ROSSI, "nota al forecast: Brianza Casa prenderà 150 pentole a pressione in meno a febbraio",
      "confirm:forecast_note", {"product": "PEN-PRE", "quantity": -150, "period": "2027-02"}),
    # "i clienti più grandi" names no customer; "dal 1 ottobre" runs from that day to today.
    Q(BIANCHI, "lamentele sul prezzo dal 1 ottobre: quali sono i clienti più grandi?", "search_feedback",
      {"theme": "price", "sentiment": "negative", "period": "2026-10-01..2026-11-27"}),
    # Who recorded it.
    Q(COLOMBO, "feedback recorded by James Walker this month", "search_feedback",
      {"person": "U01WALKER", "period": "2026-11"}),
    # Out of stock for two weeks: a complaint about availability, not a request.
    Q(ROSSI, "Brianza Casa ha chiamato: le guarnizioni della moka 6 tazze sono finite da due settimane. Lo puoi registrare?",
      "confirm:record_feedback", {"customer": "Brianza Casa", "products": ["RIC-G06"], "sentiment": "negative", "themes": ["availability"]}),
]

# A fourth new user's trial (trial 11, 30 requests from every role): what it got wrong.
FEEDBACK_TRIAL11: list[Q] = [
    # "Ltd" names no customer alone: a new customer is kept as typed, not Bottega Italiana Ltd;
    # "in Dublin" is where it is, not its name.
    Q(WALKER, "New customer Kitchen Corner Ltd in Dublin wants 200 non-stick woks, log it",
      "confirm:record_feedback", {"customer": "Kitchen Corner Ltd", "products": ["PAD-W30"]}),
    # Requests for new products, in either word order.
    Q(RICCI, "richieste di nuovi prodotti dai clienti", "search_feedback", {"theme": "request"}),
    Q(BARBIERI, "richieste di nuovi prodotti", "search_feedback", {"theme": "request"}),
    Q(HARRIS, "any requests for new products lately?", "search_feedback", {"theme": "request"}),
    # (trial 12) "rottura di stock" is the planners' stockout first; a customer's complaint
    # about one says so ("si lamentano").
    Q(GALLI, "quali prodotti rischiano la rottura di stock nelle prossime 4 settimane?",
      "list_alerts", {"focus": "stockout", "within_weeks": 4}),
    # A competitor's name at the end of a search is looked for in the texts.
    Q(BARBIERI, "what are customers saying about Tefal?", "search_feedback", {"query": "Tefal"}),
    # Wearing out, fading, threatening to switch: complaints.
    Q(ROSSI, "Casa & Cucina Sabauda mi ha detto che le guarnizioni della moka 3 tazze si rovinano dopo pochi mesi",
      "confirm:record_feedback", {"customer": "Casa & Cucina Sabauda", "products": ["RIC-G03"], "sentiment": "negative", "themes": ["quality"]}),
    Q(WALKER, "Casa Italia Import GmbH says the red moka pot colour fades in the dishwasher, log it",
      "confirm:record_feedback", {"customer": "Casa Italia Import GmbH", "sentiment": "negative"}),
    Q(MARCHI, "segna che Emporio Tiberino vuole passare a Tefal se non abbassiamo il prezzo della padella 32",
      "confirm:record_feedback", {"customer": "Emporio Tiberino", "products": ["PAD-32"], "sentiment": "negative"}),
]
