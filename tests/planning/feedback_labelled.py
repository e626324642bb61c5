# ruff: noqa: E501 (one verbatim feedback text a line)
"""Hand-labelled customer feedback for testing offline enrichment.

Written independently of the classifier and of any lexicon: each item is a
note as a sales rep would type or paste it (typos, missing accents and all),
labelled by hand with its language, the sentiment a sales manager would file
it under, and its themes.

Coverage: 50 English and 50 Italian items spread over four industries
(cookware, bicycle parts, food wholesale, ceramic tiles); clear negatives and
positives, neutral requests and information, negation, mixed praise and
complaint (filed as negative when there is a concrete problem), very short
items, items with several themes and items with none.  Some items contain
deliberate traps (a delivery note number that is a service matter, "sold out"
at the customer's shop, "competitivo" about price rather than a competitor).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Labelled:
    text: str  # as a sales rep would type or paste it, verbatim
    language: str  # "en" or "it"
    sentiment: str  # "negative" | "neutral" | "positive"
    themes: frozenset[str]  # subset of THEMES; may be empty


THEMES = (
    "delivery",
    "damage",
    "price",
    "competitor",
    "quality",
    "availability",
    "request",
    "service",
)


def _fs(*themes: str) -> frozenset[str]:
    return frozenset(themes)


LABELLED: list[Labelled] = [
    # ------------------------------------------------------------------ English
    # negative
    Labelled(
        "Customer says the last three deliveries of penne arrived a week late and the shelf was empty over the weekend.",
        "en",
        "negative",
        _fs("delivery"),
    ),
    Labelled(
        "Two boxes of 60x60 porcelain tiles arrived with chipped corners, pallet wrap was torn.",
        "en",
        "negative",
        _fs("damage"),
    ),
    Labelled("too expensive", "en", "negative", _fs("price")),
    Labelled(
        "Not happy with the new chain, they say it stretches after 800 km.",
        "en",
        "negative",
        _fs("quality"),
    ),
    Labelled(
        "Client moved the whole pasta range to Barilla because we raised prices again in March.",
        "en",
        "negative",
        _fs("competitor", "price"),
    ),
    Labelled(
        "The 28 cm frying pan has been out of stock since January, customer is losing sales every week.",
        "en",
        "negative",
        _fs("availability"),
    ),
    Labelled(
        "Invoice 4471 has the wrong VAT number again, their accountant is furious and wants a credit note.",
        "en",
        "negative",
        _fs("service"),
    ),
    Labelled(
        "Brake pads squeal from day one, the shop had three bikes come back this week.",
        "en",
        "negative",
        _fs("quality"),
    ),
    Labelled(
        "moka handles getting loose after a couple months, customer has 12 pcs with the same problem",
        "en",
        "negative",
        _fs("quality"),
    ),
    Labelled(
        "Nobody answers the phone at customer service, they tried four times yesterday about a wrong shipment.",
        "en",
        "negative",
        _fs("service"),
    ),
    Labelled(
        "Olive oil tins dented on arrival and one was leaking all over the pallet",
        "en",
        "negative",
        _fs("damage"),
    ),
    Labelled(
        "They say Decathlon sells the same tyre for 20% less.",
        "en",
        "negative",
        _fs("competitor", "price"),
    ),
    Labelled(
        "Grout ordered was anthracite, we sent light grey. They need it sorted before the tiler comes on Monday.",
        "en",
        "negative",
        _fs("service"),
    ),
    Labelled(
        "Lead times on the knife blocks went from 2 to 6 weeks, they can't plan the Christmas display like this.",
        "en",
        "negative",
        _fs("delivery"),
    ),
    Labelled(
        "Parmigiano wheels backordered again, third week waiting, they've started buying from Zanetti.",
        "en",
        "negative",
        _fs("availability", "competitor"),
    ),
    Labelled(
        "Coating peeling off the non-stick pans after few washes, very dissapointed",
        "en",
        "negative",
        _fs("quality"),
    ),
    Labelled(
        "The derailleur hangers we shipped are the wrong model and the courier took 10 days to bring them.",
        "en",
        "negative",
        _fs("service", "delivery"),
    ),
    Labelled(
        "A price increase of 8% from April is not acceptable for them, they will look at Marazzi.",
        "en",
        "negative",
        _fs("price", "competitor"),
    ),
    Labelled(
        "Shop owner wasnt impressed, the tyres look cheap and the sidewalls cracked within a month",
        "en",
        "negative",
        _fs("quality"),
    ),
    Labelled(
        "Good product but the tomato sauce jars keep arriving broken, the box is too thin.",
        "en",
        "negative",
        _fs("damage"),
    ),
    Labelled(
        "Love the design of the saucepans, but they're never in stock when we need them and the distributor down the road always has Ballarini.",
        "en",
        "negative",
        _fs("availability", "competitor"),
    ),
    Labelled(
        "Tiles are fine, but delivery late again and half a pallet smashed. Customer wants a discount on the next order.",
        "en",
        "negative",
        _fs("delivery", "damage", "price"),
    ),
    Labelled(
        "Still waiting on the credit note for the returned chains, they've emailed the office three times.",
        "en",
        "negative",
        _fs("service"),
    ),
    # neutral
    Labelled(
        "Customer asks if the 20x120 wood-effect tile can be laid outdoors, needs the technical sheet.",
        "en",
        "neutral",
        _fs("service"),
    ),
    Labelled(
        "They usually order at the start of the month, next order expected around the 3rd.",
        "en",
        "neutral",
        _fs(),
    ),
    Labelled(
        "Would like the 11-speed chain in a 126-link version for e-bikes.",
        "en",
        "neutral",
        _fs("request"),
    ),
    Labelled(
        "Wants to add 20 cartons of linguine to the standing order from next month.",
        "en",
        "neutral",
        _fs("request"),
    ),
    Labelled(
        "Customer asked when the 3-cup moka will be back in stock.",
        "en",
        "neutral",
        _fs("availability"),
    ),
    Labelled(
        "They compared our 1L extra virgin with the Carapelli one on the shelf, no decision yet.",
        "en",
        "neutral",
        _fs("competitor"),
    ),
    Labelled(
        "Please send them the updated 2025 price list, they're preparing budgets.",
        "en",
        "neutral",
        _fs("price"),
    ),
    Labelled(
        "Shop asks if we can ship direct to their second store in Verona instead of the warehouse.",
        "en",
        "neutral",
        _fs("delivery"),
    ),
    Labelled(
        "Met the buyer, no complaints and nothing new needed for now. Next visit in June.",
        "en",
        "neutral",
        _fs(),
    ),
    Labelled(
        "Customer wants to know the lead time for a full truck of 30x60 floor tiles, needs it befor end of may.",
        "en",
        "neutral",
        _fs("delivery"),
    ),
    Labelled(
        "They're asking for a sample kit of the matte black finish before deciding on the cookware line.",
        "en",
        "neutral",
        _fs("request"),
    ),
    Labelled(
        "Placed the usual brake pad order through the portal, same quantities as February.",
        "en",
        "neutral",
        _fs(),
    ),
    # positive
    Labelled("Great stuff, they're happy.", "en", "positive", _fs()),
    Labelled(
        "No complaints about quality, the cast iron pots are selling well this winter.",
        "en",
        "positive",
        _fs("quality"),
    ),
    Labelled(
        "Customer very pleased with the new courier, everything arriving next day now.",
        "en",
        "positive",
        _fs("delivery"),
    ),
    Labelled(
        "The tile shop owner says this was their best quarter with us, very happy.",
        "en",
        "positive",
        _fs(),
    ),
    Labelled(
        "Buyer said our pecorino is better than what they got from the competitor last year.",
        "en",
        "positive",
        _fs("quality", "competitor"),
    ),
    Labelled(
        "Really good meeting, very friendly buyer, the relationship is solid.",
        "en",
        "positive",
        _fs(),
    ),
    Labelled(
        "Thanks to Marco in the office for sorting the return so quickly, customer impressed.",
        "en",
        "positive",
        _fs("service"),
    ),
    Labelled(
        "Prices are fair compared to last year, happy to keep the same volumes.",
        "en",
        "positive",
        _fs("price"),
    ),
    Labelled(
        "Tyres held up great through the whole gravel season, zero returns.",
        "en",
        "positive",
        _fs("quality"),
    ),
    Labelled(
        "Happy customer!! sold out the olive oil promo in 4 days and want to reorder double",
        "en",
        "positive",
        _fs("request"),
    ),
    Labelled(
        "Everything fine, deliveries on time and no breakages on the last five pallets.",
        "en",
        "positive",
        _fs("delivery", "damage"),
    ),
    Labelled(
        "They love the new 8-inch chef knife, asking if there's a matching paring knife.",
        "en",
        "positive",
        _fs("request"),
    ),
    Labelled(
        "Super smooth shifting with the new derailleurs, the mechanic is impressed.",
        "en",
        "positive",
        _fs("quality"),
    ),
    Labelled("Very good visit.", "en", "positive", _fs()),
    Labelled(
        "Good feedback overall, orders are regular and the owner is happy.",
        "en",
        "positive",
        _fs(),
    ),
    # ------------------------------------------------------------------ Italian
    # negative
    Labelled(
        "Consegne sempre in ritardo, il cliente ha dovuto rimandare la posa in due cantieri.",
        "it",
        "negative",
        _fs("delivery"),
    ),
    Labelled(
        "La padella da 28 arriva graffiata, tre pezzi su dieci.",
        "it",
        "negative",
        _fs("damage"),
    ),
    Labelled(
        "Prezzo troppo alto, non ci stanno dentro",
        "it",
        "negative",
        _fs("price"),
    ),
    Labelled(
        "Dicono che da Lagostina lo stesso set di pentole costa il 15% in meno.",
        "it",
        "negative",
        _fs("competitor", "price"),
    ),
    Labelled(
        "Non sono soddisfatti della catena, si allunga troppo presto e salta sui pignoni.",
        "it",
        "negative",
        _fs("quality"),
    ),
    Labelled(
        "Olio extravergine da 5 litri esaurito da tre settimane, il ristorante ci chiama tutti i giorni.",
        "it",
        "negative",
        _fs("availability"),
    ),
    Labelled(
        "fattura sbagliata un'altra volta, manca lo sconto concordato",
        "it",
        "negative",
        _fs("service", "price"),
    ),
    Labelled(
        "Le pastiglie freno si consumano in 500 km, il meccanico dice che non le rimonta piu",
        "it",
        "negative",
        _fs("quality"),
    ),
    Labelled(
        "Scatole rotte e piastrelle scheggiate in almeno 4 bancali, imballo troppo leggero.",
        "it",
        "negative",
        _fs("damage"),
    ),
    Labelled(
        "Nessuno risponde al telefono in ufficio ordini, il cliente e molto arrabbiato",
        "it",
        "negative",
        _fs("service"),
    ),
    Labelled(
        "Il grana è sempre fuori stock quando serve, stanno passando a un altro fornitore.",
        "it",
        "negative",
        _fs("availability", "competitor"),
    ),
    Labelled(
        "Manico che si allenta dopo poche settimane sulla moka da 6 tazze, qualita non all'altezza",
        "it",
        "negative",
        _fs("quality"),
    ),
    Labelled(
        "Bella la piastrella, ma 8 settimane di tempi di consegna sono inaccettabili.",
        "it",
        "negative",
        _fs("delivery"),
    ),
    Labelled(
        "Hanno ricevuto copertoni da 28 invece che da 29, ordine sbagliato per la seconda volta.",
        "it",
        "negative",
        _fs("service"),
    ),
    Labelled(
        "Con l'aumento di listino di gennaio la concorrenza ci batte su tutta la linea pasta.",
        "it",
        "negative",
        _fs("price", "competitor"),
    ),
    Labelled(
        "Pentole arrivate ammaccate, il corriere ci ha messo dieci giorni e ora il cliente vuole fare il reso.",
        "it",
        "negative",
        _fs("damage", "delivery", "service"),
    ),
    Labelled(
        "Il sugo al basilico ha un sapore diverso dall'ultimo lotto, due clienti si sono lamentati.",
        "it",
        "negative",
        _fs("quality"),
    ),
    Labelled(
        "Non riescono ad avere il deragliatore 12v da marzo, perche non ci date una data?",
        "it",
        "negative",
        _fs("availability"),
    ),
    Labelled(
        "Il cliente è contento del prodotto ma la ruggine sui coltelli dopo la lavastoviglie è un problema serio.",
        "it",
        "negative",
        _fs("quality"),
    ),
    Labelled(
        "Chiedono uno sconto del 10%, altrimenti passano a Mirage.",
        "it",
        "negative",
        _fs("price", "competitor"),
    ),
    Labelled(
        "Ritardi continui e nessuno che avvisa, il commerciale non si fa vedere da mesi.",
        "it",
        "negative",
        _fs("delivery", "service"),
    ),
    Labelled(
        "Mozzarella arrivata con la catena del freddo interrotta, confezioni gonfie, tutto da buttare.",
        "it",
        "negative",
        _fs("damage"),
    ),
    # neutral
    Labelled(
        "Ordina di solito a inizio mese, il prossimo ordine dovrebbe arrivare verso il 5.",
        "it",
        "neutral",
        _fs(),
    ),
    Labelled(
        "Chiede se esiste la casseruola da 32 cm con coperchio in vetro.",
        "it",
        "neutral",
        _fs("request"),
    ),
    Labelled(
        "Vorrebbero il catalogo aggiornato e le schede tecniche della serie effetto legno.",
        "it",
        "neutral",
        _fs("service"),
    ),
    Labelled(
        "Il cliente chiede i tempi di consegna per un camion completo a fine mese.",
        "it",
        "neutral",
        _fs("delivery"),
    ),
    Labelled(
        "Chiedono se possiamo fare la catena 12 velocita anche in colore oro",
        "it",
        "neutral",
        _fs("request"),
    ),
    Labelled(
        "Hanno confrontato i nostri prezzi con quelli Shimano, decidono la prossima settimana.",
        "it",
        "neutral",
        _fs("competitor", "price"),
    ),
    Labelled(
        "Quando torna disponibile il formato da 1 kg di fusilli?",
        "it",
        "neutral",
        _fs("availability"),
    ),
    Labelled(
        "Visita di routine, nessuna novita da segnalare",
        "it",
        "neutral",
        _fs(),
    ),
    Labelled(
        "Vogliono aumentare le quantita di pecorino per l'estate, circa 20 forme in piu al mese.",
        "it",
        "neutral",
        _fs("request"),
    ),
    Labelled(
        "Ha chiesto di spedire direttamente al cantiere di Bergamo invece che al magazzino.",
        "it",
        "neutral",
        _fs("delivery"),
    ),
    Labelled(
        "Chiede copia della bolla di consegna del 12 marzo per la contabilita",
        "it",
        "neutral",
        _fs("service"),
    ),
    Labelled(
        "Il cliente vorrebbe sapere il prezzo per pallet completo dei pneumatici gravel.",
        "it",
        "neutral",
        _fs("price"),
    ),
    Labelled(
        "Il nuovo responsabile acquisti è Luca Ferri, sostituisce la signora Bianchi da aprile.",
        "it",
        "neutral",
        _fs(),
    ),
    # positive
    Labelled("ottimo!", "it", "positive", _fs()),
    Labelled(
        "Grande soddisfazione del rivenditore, anno chiuso con +20% sulle piastrelle.",
        "it",
        "positive",
        _fs(),
    ),
    Labelled(
        "Consegne puntuali negli ultimi tre mesi, finalmente!",
        "it",
        "positive",
        _fs("delivery"),
    ),
    Labelled(
        "Nessun problema con la qualità, le pentole in acciaio si vendono benissimo.",
        "it",
        "positive",
        _fs("quality"),
    ),
    Labelled(
        "Molto soddisfatti, visita andata benissimo",
        "it",
        "positive",
        _fs(),
    ),
    Labelled(
        "Dicono che il nostro olio è meglio di quello Monini e al prezzo giusto.",
        "it",
        "positive",
        _fs("competitor", "quality", "price"),
    ),
    Labelled(
        "Grazie per la gestione veloce del reso, il cliente l'ha apprezzato molto.",
        "it",
        "positive",
        _fs("service"),
    ),
    Labelled(
        "Le pastiglie nuove frenano benissimo anche sul bagnato, il negozio ne vuole altre 50 coppie.",
        "it",
        "positive",
        _fs("quality", "request"),
    ),
    Labelled("Tutto ok, cliente contento", "it", "positive", _fs()),
    Labelled(
        "La moka nuova piace tanto, chiedono se arriva anche in rosso.",
        "it",
        "positive",
        _fs("request"),
    ),
    Labelled(
        "Finalmente di nuovo disponibili i tubolari, il cliente ha subito riordinato.",
        "it",
        "positive",
        _fs("availability"),
    ),
    Labelled(
        "Imballo molto migliorato, nessuna rottura sugli ultimi ordini di passata.",
        "it",
        "positive",
        _fs("damage"),
    ),
    Labelled(
        "Il prezzo della nuova linea è competitivo, hanno preso tutto l'assortimento.",
        "it",
        "positive",
        _fs("price"),
    ),
    Labelled(
        "Bravissima la collega dell'assistenza, ha risolto il problema della fattura in giornata.",
        "it",
        "positive",
        _fs("service"),
    ),
    Labelled(
        "Cliente storico, rapporto ottimo, continua a ordinare con regolarita",
        "it",
        "positive",
        _fs(),
    ),
]
