# ruff: noqa: E501 (one verbatim feedback text a line)
"""Held-out labelled customer feedback for the offline enrichment.

Written independently of the classifier and of ``feedback_labelled.LABELLED``:
80 notes as sales reps post them in Slack (40 English, 40 Italian) from
garden tools & outdoor furniture, office supplies & stationery, wine &
beverages distribution and industrial fasteners & hardware.  Labels are how
a sales manager would file each note: a concrete problem makes it negative
even when the customer also praises something; plain information and
requests are neutral; praise with nothing specific has no theme.
"""

from __future__ import annotations

from tests.planning.feedback_labelled import Labelled

HELDOUT: list[Labelled] = [
    # ---- English -------------------------------------------------------
    Labelled(
        "customer says the last 3 pallets of M8 bolts showed up 2 weeks late, they had a line stopped",
        "en",
        "negative",
        frozenset({"delivery"}),
    ),
    Labelled(
        "garden centre in leeds: 4 of the 12 teak benches arrived with cracked slats, packaging was basically just shrink wrap",
        "en",
        "negative",
        frozenset({"damage"}),
    ),
    Labelled(
        "they're moving the pen order to Staples, reckons we're 15% dearer on the basic range",
        "en",
        "negative",
        frozenset({"price", "competitor"}),
    ),
    Labelled(
        "loves the new hedge trimmers, blades still sharp after a full season of use",
        "en",
        "positive",
        frozenset({"quality"}),
    ),
    Labelled(
        "rang about the riesling allocation - still no stock of the 2022 and they've been waiting since march",
        "en",
        "negative",
        frozenset({"availability"}),
    ),
    Labelled(
        "can we do the parasol in anthracite? buyer asked twice now",
        "en",
        "neutral",
        frozenset({"request"}),
    ),
    Labelled(
        "invoice for PO 4471 has the wrong unit price AGAIN, their accounts team is fed up chasing credit notes",
        "en",
        "negative",
        frozenset({"service"}),
    ),
    Labelled(
        "harlow hardware very happy overall, said keep doing what you're doing",
        "en",
        "positive",
        frozenset(),
    ),
    Labelled(
        "two on-trade accounts asking when the Q3 prosecco price list goes out",
        "en",
        "neutral",
        frozenset({"price"}),
    ),
    Labelled(
        "stainless wood screws rusting after a few weeks outdoors, customer sent photos. not good",
        "en",
        "negative",
        frozenset({"quality"}),
    ),
    Labelled(
        "mentioned Würth delivers next day and we take 5, hard to argue with that tbh",
        "en",
        "negative",
        frozenset({"delivery", "competitor"}),
    ),
    Labelled(
        "the recycled paper notebooks are flying off the shelf, store manager is thrilled",
        "en",
        "positive",
        frozenset(),
    ),
    Labelled(
        'quote from the buyer: "your mower batteries dont last half an hour, the Makita ones do"',
        "en",
        "negative",
        frozenset({"quality", "competitor"}),
    ),
    Labelled(
        "order came through with 200 boxes of staples instead of 20, they want us to collect the extra",
        "en",
        "negative",
        frozenset({"service"}),
    ),
    Labelled(
        "customer asked if we could hold the current price on wall anchors until end of year, they're budgeting now",
        "en",
        "neutral",
        frozenset({"price"}),
    ),
    Labelled(
        "finally the rattan lounge sets are back in stock, customer placed the order straight away",
        "en",
        "positive",
        frozenset({"availability"}),
    ),
    Labelled(
        "spoke w/ the wine bar on king st, they'd like a half-bottle option for the house red",
        "en",
        "neutral",
        frozenset({"request"}),
    ),
    Labelled(
        "customer happy with the shears otherwise, but 6 arrived dented and the box was soaked through",
        "en",
        "negative",
        frozenset({"damage"}),
    ),
    Labelled(
        "great feedback on the hex bolt batch, zero rejects at incoming inspection this time",
        "en",
        "positive",
        frozenset({"quality"}),
    ),
    Labelled(
        "really pleased with how fast the return got sorted, said Jenny in customer care was brilliant",
        "en",
        "positive",
        frozenset({"service"}),
    ),
    Labelled(
        "not unhappy with the product but an 8% increase from april is going to be a tough sell",
        "en",
        "negative",
        frozenset({"price"}),
    ),
    Labelled(
        "wants to know if the folding chairs come in a taller version for bar tables",
        "en",
        "neutral",
        frozenset({"request"}),
    ),
    Labelled(
        "2 cases of the barolo came with broken bottles, wine all through the pallet",
        "en",
        "negative",
        frozenset({"damage"}),
    ),
    Labelled(
        "shipment left on time and arrived a day early, customer definately noticed",
        "en",
        "positive",
        frozenset({"delivery"}),
    ),
    Labelled(
        "they compared our ring binders with the Leitz ones and honestly said ours feel sturdier",
        "en",
        "positive",
        frozenset({"competitor", "quality"}),
    ),
    Labelled(
        "distributor out of A4 copy paper again, 3rd time this month. customer buying elsewhere meanwhile",
        "en",
        "negative",
        frozenset({"availability"}),
    ),
    Labelled(
        "cant get anyone on the phone at the order desk after 3pm, customer complaining",
        "en",
        "negative",
        frozenset({"service"}),
    ),
    Labelled(
        "asked for a quote on 10k M6 nyloc nuts, nothing else to report",
        "en",
        "neutral",
        frozenset(),
    ),
    Labelled(
        "visited greenleaf nurseries, they'll trial the new pruning saw from next month, will follow up",
        "en",
        "neutral",
        frozenset(),
    ),
    Labelled(
        "buyer says the Amazon Basics stuff is good enough for their offices and half the price",
        "en",
        "negative",
        frozenset({"price", "competitor"}),
    ),
    Labelled(
        "good news, the 20% volume discount swung it - they're moving the whole office supplies contract to us",
        "en",
        "positive",
        frozenset({"price"}),
    ),
    Labelled(
        "gin range still out of stock?? three bars asking me when the restock is",
        "en",
        "negative",
        frozenset({"availability"}),
    ),
    Labelled(
        "the umbrella bases crack in the frost, two returns from the same site already",
        "en",
        "negative",
        frozenset({"quality"}),
    ),
    Labelled(
        "they asked if we can email delivery notes as pdf as well as the paper copy",
        "en",
        "neutral",
        frozenset({"service"}),
    ),
    Labelled(
        "love the tasting notes sheets we did, asked for more copies for staff training",
        "en",
        "positive",
        frozenset({"request"}),
    ),
    Labelled(
        "fastener distributor wants a bigger pack size for the self-tappers, 500 instead of 200",
        "en",
        "neutral",
        frozenset({"request"}),
    ),
    Labelled(
        "lead times on the garden storage boxes now 6 wks, customer cant plan the season around that",
        "en",
        "negative",
        frozenset({"delivery"}),
    ),
    Labelled(
        "heads up: they're reviewing suppliers in sept, Fischer are pitching too",
        "en",
        "neutral",
        frozenset({"competitor"}),
    ),
    Labelled(
        "delivered on time, nothing damaged, product is great. textbook order",
        "en",
        "positive",
        frozenset({"delivery", "quality"}),
    ),
    Labelled(
        "our hinges cost more than the Hettich ones but they still prefer ours, say they last way longer",
        "en",
        "positive",
        frozenset({"price", "competitor", "quality"}),
    ),
    # ---- Italiano ------------------------------------------------------
    Labelled(
        "il cliente dice che i bulloni M10 sono arrivati con 10 gg di ritardo, hanno dovuto fermare il montaggio",
        "it",
        "negative",
        frozenset({"delivery"}),
    ),
    Labelled(
        "sedie da giardino arrivate con le gambe piegate, imballo ridicolo, solo un cartone sottile",
        "it",
        "negative",
        frozenset({"damage"}),
    ),
    Labelled(
        "dice: 'da Leroy Merlin lo stesso tosaerba costa 80 euro in meno'",
        "it",
        "negative",
        frozenset({"price", "competitor"}),
    ),
    Labelled(
        "ottimo riscontro sul nuovo vermentino, il ristorante l'ha gia messo in carta",
        "it",
        "positive",
        frozenset(),
    ),
    Labelled(
        "le penne gel si seccano dopo due settimane, cliente molto deluso",
        "it",
        "negative",
        frozenset({"quality"}),
    ),
    Labelled(
        "chiede se possiamo fare il tavolo allungabile anche in versione da 8 posti",
        "it",
        "neutral",
        frozenset({"request"}),
    ),
    Labelled(
        "fattura sbagliata per la terza volta, hanno messo iva al 10 invece che al 22. non e possibile",
        "it",
        "negative",
        frozenset({"service"}),
    ),
    Labelled(
        "tasselli da 8 esauriti fino a fine mese, intanto il cliente ha ordinato da Fischer",
        "it",
        "negative",
        frozenset({"availability", "competitor"}),
    ),
    Labelled(
        "aumento listino del 6% da gennaio, il cliente ha preso nota, per ora nessun problema",
        "it",
        "neutral",
        frozenset({"price"}),
    ),
    Labelled(
        "consegna puntualissima, il cliente ci ha fatto i complimenti",
        "it",
        "positive",
        frozenset({"delivery"}),
    ),
    Labelled(
        "nessuno ha risposto alle mail del cliente sul reso, e passato un mese",
        "it",
        "negative",
        frozenset({"service"}),
    ),
    Labelled(
        "le cesoie nuove sono una bomba, taglio pulito e non perdono il filo",
        "it",
        "positive",
        frozenset({"quality"}),
    ),
    Labelled(
        "il trasportatore ha lasciato i bancali fuori sotto la pioggia, meta delle scatole di risme rovinate",
        "it",
        "negative",
        frozenset({"damage", "delivery"}),
    ),
    Labelled(
        "vorrebbero uno spritz analcolico in lattina, dicono che lo chiedono in tanti",
        "it",
        "neutral",
        frozenset({"request"}),
    ),
    Labelled(
        "il cliente vuole il listino aggiornato delle viti inox prima di fare l'ordine",
        "it",
        "neutral",
        frozenset({"price"}),
    ),
    Labelled(
        "rispetto alle sedie Nardi le nostre si scoloriscono al sole dopo un'estate",
        "it",
        "negative",
        frozenset({"competitor", "quality"}),
    ),
    Labelled(
        "ordine arrivato con codici sbagliati, 50 pz di graffette al posto dei fermagli",
        "it",
        "negative",
        frozenset({"service"}),
    ),
    Labelled(
        "cliente chiede se lo sconto del 5% vale anche sul riordino di settembre",
        "it",
        "neutral",
        frozenset({"price"}),
    ),
    Labelled(
        "il prosecco doc e sempre in backorder, sono 3 settimane che aspettano",
        "it",
        "negative",
        frozenset({"availability"}),
    ),
    Labelled(
        "contentissimi del servizio clienti, il reso e stato gestito in due giorni",
        "it",
        "positive",
        frozenset({"service"}),
    ),
    Labelled(
        "niente da segnalare, visita di routine, ordinano come sempre", "it", "neutral", frozenset()
    ),
    Labelled(
        "bottiglie arrivate rotte, 4 cartoni su 30. il vino colava dal bancale",
        "it",
        "negative",
        frozenset({"damage"}),
    ),
    Labelled(
        "il cliente preferisce ancora le nostre cerniere a quelle Blum, dice che durano di piu",
        "it",
        "positive",
        frozenset({"competitor", "quality"}),
    ),
    Labelled(
        "tempi di cons. a 5 settimane per i gazebo sono troppi, in primavera li perdiamo",
        "it",
        "negative",
        frozenset({"delivery"}),
    ),
    Labelled(
        "chiede piu espositori da banco per le penne, quelli che ha sono finiti",
        "it",
        "neutral",
        frozenset({"request"}),
    ),
    Labelled(
        "finalmente tornati disponibili i quaderni a righe, ordine fatto subito",
        "it",
        "positive",
        frozenset({"availability"}),
    ),
    Labelled(
        "non ci sono stati ritardi stavolta e il cliente l'ha notato",
        "it",
        "positive",
        frozenset({"delivery"}),
    ),
    Labelled(
        "lamentele sulla qualita delle buste: si strappano appena le chiudi",
        "it",
        "negative",
        frozenset({"quality"}),
    ),
    Labelled(
        "mi ha chiesto se facciamo la sdraio anche in blu navy",
        "it",
        "neutral",
        frozenset({"request"}),
    ),
    Labelled(
        "Lyreco gli ha offerto il 12% di sconto sulla cancelleria, se non ci avviciniamo perdiamo il contratto",
        "it",
        "negative",
        frozenset({"price", "competitor"}),
    ),
    Labelled(
        "ottimo il primitivo, e a quel prezzo e un affare dice il titolare",
        "it",
        "positive",
        frozenset({"quality", "price"}),
    ),
    Labelled(
        "rivetti ciechi esauriti da settimane, non sappiamo dire quando tornano e il cliente si e stufato",
        "it",
        "negative",
        frozenset({"availability"}),
    ),
    Labelled(
        "il decespugliatore a batteria regge una giornata intera, dice che e il migliore che ha provato",
        "it",
        "positive",
        frozenset({"quality"}),
    ),
    Labelled(
        "il titolare e molto soddisfatto, dice che siamo i migliori fornitori che ha",
        "it",
        "positive",
        frozenset(),
    ),
    Labelled(
        "mi dice che Partesa gli consegna il giorno dopo, noi ci mettiamo una settimana",
        "it",
        "negative",
        frozenset({"delivery", "competitor"}),
    ),
    Labelled(
        "graffette ok, matite ok, ma le cartelline arrivano sempre schiacciate negli angoli",
        "it",
        "negative",
        frozenset({"damage"}),
    ),
    Labelled(
        "richiesta formato magnum per il rosso della casa, per le feste",
        "it",
        "neutral",
        frozenset({"request"}),
    ),
    Labelled(
        "prezzi giusti e qualita top sui morsetti, l'anno prossimo ne prendono il doppio",
        "it",
        "positive",
        frozenset({"price", "quality"}),
    ),
    Labelled(
        "mi chiedono di mandare le schede tecniche delle viti autoforanti in pdf",
        "it",
        "neutral",
        frozenset({"service"}),
    ),
    Labelled(
        "dice: 'i vostri bulloni zincati non hanno niente da invidiare a quelli Bossard, anzi'",
        "it",
        "positive",
        frozenset({"quality", "competitor"}),
    ),
]
