"""Words and number formats in English and Italian, for everything Ponte says.

One catalogue, one style: every text is a key with its English and Italian wording, read
with `t(lang, key, **params)`. Shared messages (errors, questions asked back) are here; each
card or chart module keeps its own texts beside the code that fills them (`TEXT`, added to the
catalogue with `register`). tests/bot/test_messages.py checks that both languages of every
text take the same parameters and that every error's message formats with its own.

Numbers use the reader's conventions (1,234.5 / 1.234,5), dates are written out
("15 Mar 2027" / "15 mar 2027") so they are never read the wrong way round.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "it": ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
}


def number(lang: str, value: float, decimals: int = 0) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "it":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def money(lang: str, value: float, digits: int = 0) -> str:
    shown = number(lang, value, digits)
    return f"€{shown}" if lang == "en" else f"{shown} €"


def pct(lang: str, value: float | None, signed: bool = False) -> str:
    if value is None:
        return "–"
    text = number(lang, value, 0) + "%"
    return ("+" + text) if signed and value > 0 else text


def date(lang: str, day: dt.date | None) -> str:
    if day is None:
        return "–"
    return f"{day.day} {MONTHS.get(lang, MONTHS['en'])[day.month - 1]} {day.year}"


def days_ago(lang: str, days: int) -> str:
    """How long ago, in words: "today", "yesterday", "3 days ago" (Italian alike)."""
    if days == 0:
        return "today" if lang == "en" else "oggi"
    if days == 1:
        return "yesterday" if lang == "en" else "ieri"
    return f"{number(lang, days)} days ago" if lang == "en" else f"{number(lang, days)} giorni fa"


def listed(lang: str, items: Sequence[str]) -> str:
    """Names in a sentence: "A, B and C" ("A, B e C")."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + (" and " if lang == "en" else " e ") + items[-1]


def period(lang: str, value: str) -> str:
    """2026-Q4 -> "Q4 2026"; 2026-03 -> "Mar 2026"; a span of days as its two dates."""
    if ".." in value:
        first, last = (dt.date.fromisoformat(d) for d in value.split(".."))
        return f"{date(lang, first)}–{date(lang, last)}"
    if "-Q" in value:
        year, quarter = value.split("-")
        return f"{quarter} {year}"
    if "-" in value:
        year, month = value.split("-")
        return f"{MONTHS.get(lang, MONTHS['en'])[int(month) - 1]} {year}"
    return value


MESSAGES: dict[str, tuple[str, str]] = {
    # outcomes that are not answers
    "empty": (
        "Ask me about stock, forecasts, available-to-promise, capacity or quotas. "
        "Type `help` for examples.",
        "Chiedimi di scorte, previsioni, disponibilità a promettere, capacità o quote. "
        "Scrivi `aiuto` per degli esempi.",
    ),
    "too_long": (
        "That message is too long for me ({chars} characters; I read up to {limit}). Ask one "
        "question in a line or two; for a long customer note use `/ponte feedback` (up to "
        "{feedback_limit} characters); to load data, `ponte import`.",
        "Il messaggio è troppo lungo per me ({chars} caratteri; ne leggo fino a {limit}). Fai "
        "una domanda in una o due righe; per una nota lunga di un cliente usa `/ponte "
        "feedback` (fino a {feedback_limit} caratteri); per caricare dati, `ponte import`.",
    ),
    "not_understood": (
        "I did not understand that. I can answer questions like: {examples}",
        "Non ho capito. Posso rispondere a domande come: {examples}",
    ),
    "unknown_user": (
        "Hi! I don't know you yet ({user}), so I can't show company data. Ask {admins} to "
        "add you to Ponte's people list.",
        "Ciao! Non ti conosco ancora ({user}), quindi non posso mostrarti dati aziendali. "
        "Chiedi a {admins} di aggiungerti all'elenco persone di Ponte.",
    ),
    "unavailable": (
        "{ability} is not available yet: it arrives with a later release. Meanwhile I can "
        "help with: {abilities}.",
        "{ability}: non è ancora disponibile, arriverà con una prossima versione. Intanto "
        "posso aiutarti con: {abilities}.",
    ),
    "unavailable_subscribe": (
        "I cannot notify you about one product yet: personal notifications are not there. "
        "The alerts I find (stockouts, excess, capacity) are posted in the alerts channel; "
        'meanwhile ask me "when does PAD-28 arrive?" or "what runs out soon?".',
        "Non posso ancora avvisarti su un singolo prodotto: gli avvisi personali non ci sono. "
        "Le allerte che trovo (rotture, eccessi, capacità) arrivano nel canale delle allerte; "
        'intanto chiedimi "quando arriva PAD-28?" o "cosa va in rottura?".',
    ),
    "unavailable_alert_act": (
        "Alerts are acknowledged, snoozed and assigned from their message, not from a chat "
        "message: use its buttons in the alerts channel (or `ponte alerts ack|snooze|assign "
        "ID`), open to managers and operations. Nothing was changed.",
        "Le allerte si prendono in carico, si rimandano e si assegnano dal loro messaggio, non "
        "da un messaggio in chat: usa i suoi pulsanti nel canale delle allerte (oppure `ponte "
        "alerts ack|snooze|assign ID`), aperti a responsabili e operations. Non ho cambiato "
        "nulla.",
    ),
    "ask_product": ("Which product do you mean?", "Quale prodotto intendi?"),
    "ask_product_any": (
        "Which product? Give me a SKU code (e.g. {example}) or part of its name.",
        "Quale prodotto? Indicami un codice (es. {example}) o parte del nome.",
    ),
    "ask_note_product": (
        "A forecast note is for a product or a family, as the forecast is made: which one? "
        "Give me a SKU code (e.g. {example}), part of its name or a family.",
        "Una nota al forecast va su un prodotto o una famiglia, come si fa la previsione: "
        "quale? Indicami un codice (es. {example}), parte del nome o una famiglia.",
    ),
    "ask_quantity": ("How many units?", "Quanti pezzi?"),
    "ask_change": (
        'By how much, as a percent? "+30%" for demand, or "the plant loses 20%" for its capacity.',
        'Di quanto, in percentuale? "+30%" per la domanda, o "lo stabilimento perde il 20%" '
        "per la sua capacità.",
    ),
    "bought_by": (
        "{product} is the one {customer} buys of those so named: ask again with another's "
        "name if you meant it.",
        "{product} è quello che compra {customer} tra quelli con quel nome: se intendevi un "
        "altro, chiedi di nuovo col suo nome.",
    ),
    "also_asked": (
        "You also asked “{text}”: I answer one question at a time, ask me that next.",
        "Hai chiesto anche “{text}”: rispondo a una domanda alla volta, chiedimelo subito dopo.",
    ),
    "also_named": (
        "You also named {families}: this answer is {answered}'s alone; ask me for {families} next.",
        "Hai nominato anche {families}: questa risposta è solo per {answered}; chiedimi "
        "{families} subito dopo.",
    ),
    "percent_of_forecast": (
        "{text} of the forecast of {named} for {period} ({total}) is about {units}.",
        "Il {text} della previsione di {named} per {period} ({total}) è circa {units}.",
    ),
    "note_in_units": (
        "A forecast note is in units, beside the forecast: how many units is {text}?",
        "Una nota al forecast è in pezzi, accanto alla previsione: quanti pezzi sono {text}?",
    ),
    "bad_quantity": (
        "{text} is not a quantity I can promise. How many units?",
        "{text} non è una quantità che posso promettere. Quanti pezzi?",
    ),
    "ask_date": (
        "By which date? (e.g. 15 March, 2027-03-15)",
        "Entro quale data? (es. 15 marzo, 15/03/2027)",
    ),
    "ask_person": ("Whom do you mean?", "Chi intendi?"),
    "ask_family": ("Which product family?", "Quale famiglia di prodotti?"),
    "ask_total": ("How many units in total?", "Quanti pezzi in totale?"),
    "ask_shares": (
        "I could not tell which share goes to which territory. Give each territory its "
        "percentage, e.g. “50% {first}, 50% {second}”, or say “evenly” or “by sales”.",
        "Non ho capito quale quota va a quale territorio. Indica la percentuale di ogni "
        "territorio, per esempio “50% {first}, 50% {second}”, oppure “in parti uguali” o "
        "“in base alle vendite”.",
    ),
    "read_only": (
        "I can't change data from chat: I read what the company's systems export (loaded with "
        "`ponte import`). Ask whoever maintains that data to update it at the source.",
        "Non posso modificare dati dalla chat: leggo quello che esportano i sistemi aziendali "
        "(caricato con `ponte import`). Chiedi a chi gestisce quei dati di aggiornarli alla fonte.",
    ),
    "ask_customer": ("Which customer?", "Quale cliente?"),
    "bad_date": ("{text} is not a date in the calendar.", "{text} non è una data valida."),
    "confirm": (
        "Please confirm: {ability} ({args}). Reply yes to go ahead or no to cancel.",
        "Confermi? {ability} ({args}). Rispondi sì per procedere o no per annullare.",
    ),
    "cli.not_done": (
        "Nothing was changed: run it again with --yes to do it.",
        "Non ho cambiato nulla: ripeti con --yes per farlo.",
    ),
    "confirm_reply": (
        "Reply yes to go ahead or no to cancel.",
        "Rispondi sì per procedere o no per annullare.",
    ),
    "cancelled": ("Cancelled: nothing was changed.", "Annullato: non ho cambiato nulla."),
    "reply_hint": ("Reply with the number or the code.", "Rispondi con il numero o il codice."),
    # refusals
    "not_allowed": (
        "Sorry, your role ({role}) has no access to {ability}. If it should, ask an admin to "
        "change your role in the people file.",
        "Mi dispiace, il tuo ruolo ({role}) non ha accesso a {ability}. Se dovrebbe averlo, "
        "chiedi a un admin di cambiare il tuo ruolo nell'anagrafica persone.",
    ),
    "quota_not_yours": (
        "Sorry, you can see your own quota (and your territory's or team's), not {whose}'s.",
        "Mi dispiace, puoi vedere la tua quota (e quella del tuo territorio o del tuo team), "
        "non quella di {whose}.",
    ),
    "quota_team_not_yours": (
        "Sorry, you can see your own quota (and your territory's or team's), not the quotas "
        "of {whose}'s team.",
        "Mi dispiace, puoi vedere la tua quota (e quella del tuo territorio o del tuo team), "
        "non le quote del team di {whose}.",
    ),
    "sales_not_yours": (
        "Sorry, you can see the sales of your own territories and team, not {whose}'s.",
        "Mi dispiace, puoi vedere le vendite dei tuoi territori e del tuo team, non di {whose}.",
    ),
    "sales_customers_hidden": (
        "Sorry, sales by customer and by rep are for the sales team; I can show product and "
        "territory totals.",
        "Mi dispiace, le vendite per cliente e per venditore sono per il team commerciale; "
        "posso mostrare i totali per prodotto e territorio.",
    ),
    # errors the user can cause
    "unknown_product": ("I don't know a product {sku}.", "Non conosco il prodotto {sku}."),
    "did_you_mean": ("Did you mean {choices}?", "Forse intendevi {choices}?"),
    "one_of_these": ("Did you mean one of these?", "Intendevi uno di questi?"),
    "ambiguous_product": (
        "{product} matches several products: {choices}. Which one?",
        "{product} corrisponde a più prodotti: {choices}. Quale?",
    ),
    "unknown_family": (
        "I don't know a product family {family}. Families: {known}.",
        "Non conosco la famiglia {family}. Famiglie: {known}.",
    ),
    "unknown_location": ("I don't know a location {location}.", "Non conosco la sede {location}."),
    "unknown_person": ("I don't know {person}.", "Non conosco {person}."),
    "ambiguous_person": (
        "{person} could be {choices}. Whom?",
        "{person} può essere {choices}. Chi?",
    ),
    "unknown_customer": (
        "I don't know a customer {customer}.",
        "Non conosco il cliente {customer}.",
    ),
    "ambiguous_customer": (
        "{customer} could be {choices}. Which one?",
        "{customer} può essere {choices}. Quale?",
    ),
    "no_promotion": (
        "No sales of {what}{where}{when} are flagged as on promotion (the sales file's promo "
        "column).",
        "Nessuna vendita di {what}{where}{when} è segnata in promozione (la colonna promo del "
        "file vendite).",
    ),
    "no_promotion.everything": ("any product", "alcun prodotto"),
    "no_promotion.where": (
        " in your territories ({territories})",
        " nei tuoi territori ({territories})",
    ),
    "no_promotion.when": (" in {period}", " in {period}"),
    "promotion_without_baseline": (
        "Nothing sold in the weeks before the promotion of {start}: there is no usual level to "
        "compare it with.",
        "Nelle settimane prima della promozione del {start} non si è venduto nulla: non c'è un "
        "livello abituale con cui confrontarla.",
    ),
    "period_in_future": (
        "{period} has not started yet: ask for its forecast instead.",
        "{period} non è ancora iniziato: chiedi la sua previsione.",
    ),
    "unknown_territory": (
        "I don't know a territory {territory}.",
        "Non conosco il territorio {territory}.",
    ),
    "quota_not_per_product": (
        "Quotas are set per product family or in total, not per product: {product} is in "
        "{family}. Ask for the {family} quota or the total quota. Nothing was changed.",
        "Le quote si fissano per famiglia di prodotti o in totale, non per prodotto: "
        "{product} è nella famiglia {family}. Chiedi la quota {family} o la quota totale. Non "
        "ho cambiato nulla.",
    ),
    "ambiguous_territory": (
        "“{territory}” could be more than one territory ({territories}): please ask again "
        "with the full name. Nothing was changed.",
        "“{territory}” può essere più di un territorio ({territories}): richiedi con il nome "
        "completo. Non ho cambiato nulla.",
    ),
    "no_forecast": (
        "There is no forecast yet: an admin runs `ponte forecast` first.",
        "Non c'è ancora una previsione: un admin deve lanciare `ponte forecast`.",
    ),
    "no_series": (
        "{sku} has no forecast: it has no sales history.",
        "{sku} non ha una previsione: non ha storico vendite.",
    ),
    "no_series_at": (
        "{sku} has no forecast at {location}.",
        "{sku} non ha una previsione presso {location}.",
    ),
    "no_stock": ("There is no stock record for {sku}.", "Non ci sono dati di giacenza per {sku}."),
    "comparison_size": (
        "I compare 2 to {most} at a time.",
        "Confronto da 2 a {most} alla volta.",
    ),
    "one_comparison": (
        "I compare one thing at a time ({over}): ask about one of them.",
        "Confronto una cosa alla volta ({over}): chiedimene una.",
    ),
    "empty_group": ("No products in this group.", "Nessun prodotto in questo gruppo."),
    "group_not_stocked": (
        "None of these products is stocked at {location}.",
        "Nessuno di questi prodotti è tenuto a {location}.",
    ),
    "same_location": (
        "A move needs two different locations: {location} is named as both.",
        "Uno spostamento va tra due sedi diverse: {location} è indicata come entrambe.",
    ),
    "group_too_large": (
        "{products} products are too many to project at once: ask for a family.",
        "{products} prodotti sono troppi da proiettare insieme: chiedi per una famiglia.",
    ),
    "no_group_series": (
        "The latest forecast has none of these products.",
        "L'ultima previsione non ha nessuno di questi prodotti.",
    ),
    "no_group_series_at": (
        "The latest forecast has none of these products at {location}.",
        "L'ultima previsione non ha nessuno di questi prodotti a {location}.",
    ),
    "nothing_to_score": (
        "No forecast run has later sales to compare with yet: import newer sales.",
        "Nessuna previsione ha ancora vendite successive con cui confrontarla: importa "
        "vendite più recenti.",
    ),
    "no_stock_at": (
        "There is no stock record for {sku} at {location}.",
        "Non ci sono dati di giacenza per {sku} presso {location}.",
    ),
    "bad_period": (
        "{period} is not a period: use Q1-Q4, a month or a year.",
        "{period} non è un periodo: usa Q1-Q4, un mese o un anno.",
    ),
    "date_in_past": (
        "{date} is in the past: give me a date from today on.",
        "{date} è nel passato: indicami una data da oggi in poi.",
    ),
    "bad_arguments": (
        "I could not use those values: {problems}.",
        "Non posso usare quei valori: {problems}.",
    ),
    "period_over": (
        "{period} is over: forecasts and capacity look ahead.",
        "{period} è già passato: previsioni e capacità guardano avanti.",
    ),
    "no_change": (
        'Tell me the change to try, as a percent: "what if demand for a family goes up 20% '
        'in January?", "what if a plant\'s capacity drops 10%?", "what if a plant stops '
        'for 2 weeks?" (naming the family or the plant).',
        'Dimmi il cambio da provare, in percentuale: "e se la domanda di una famiglia cresce '
        'del 20% a gennaio?", "e se la capacità di uno stabilimento cala del 10%?", "e se '
        'uno stabilimento si ferma 2 settimane?" (nominando la famiglia o lo stabilimento).',
    ),
    "bad_change": (
        "I can't try a change of {change}%: demand falls by less than 100%, and a plant's "
        "capacity by at most 100% (stopped).",
        "Non posso provare un cambio del {change}%: la domanda cala meno del 100%, e la "
        "capacità di uno stabilimento al massimo del 100% (fermo).",
    ),
    "no_plant": (
        'Which plant\'s capacity changes? Name the plant: "what if <plant> capacity drops 10%?"',
        'La capacità di quale stabilimento cambia? Nomina lo stabilimento: "e se la '
        'capacità di <stabilimento> cala del 10%?"',
    ),
    "no_capacity": (
        "{family} has no capacity in the capacity file: there is no plant load to change.",
        "{family} non ha capacità nel file della capacità: non c'è carico da cambiare.",
    ),
    "beyond_forecast": (
        "The forecast runs to {until}: ask about a period before then.",
        "La previsione arriva fino al {until}: chiedi un periodo precedente.",
    ),
    "bad_horizon": ("Ask for 1 to 104 weeks ahead.", "Chiedi da 1 a 104 settimane."),
    "which_product": ("Which product?", "Quale prodotto?"),
    "error": ("I can't answer that: {message}.", "Non posso rispondere: {message}."),
    # alerts (planning.alerts): what a press or a command that changed nothing is told
    "alert_conflict": (
        "Nothing changed: {actor} got to this alert first.",
        "Nessuna modifica: {actor} se n'è già occupato prima di te.",
    ),
    "alert_resolved": (
        "Nothing changed: this alert is resolved, the problem cleared.",
        "Nessuna modifica: questa allerta è risolta, il problema non c'è più.",
    ),
    "bad_snooze": (
        "Snooze until a day after today, at most {days} days ahead.",
        "Rimanda a un giorno dopo oggi, al massimo fra {days} giorni.",
    ),
    "no_alert": ("There is no alert {alert}.", "Non esiste l'allerta {alert}."),
    "no_assignee": ("Assign it to whom?", "A chi la assegno?"),
    "alert_act_planners": (
        "You can read alerts but not acknowledge, snooze or assign them: planners (managers, "
        "operations) do.",
        "Puoi leggere le allerte ma non prenderle in carico, rimandarle o assegnarle: lo fanno "
        "i pianificatori (responsabili, operations).",
    ),
    "alerts_not_yours": (
        "The {rule} alerts are for planners: ask an ops planner or your manager.",
        "Le allerte di {rule} sono per i pianificatori: chiedi a un pianificatore o al tuo "
        "responsabile.",
    ),
    "past_date": (
        "{date} is already past: ask about a day ahead.",
        "Il {date} è già passato: chiedi di un giorno futuro.",
    ),
    # Slack
    "working": ("Working on it…", "Ci sto lavorando…"),
    "status": ("is working on it…", "ci sta lavorando…"),
    "share": ("Share in channel", "Condividi nel canale"),
    "more": ("More", "Altro"),
    "shared_by": ("Shared by <@{user}>", "Condiviso da <@{user}>"),
    "share_failed": (
        "Slack did not take the shared answer; it is still here, only for you. Try again.",
        "Slack non ha accettato la risposta condivisa; è ancora qui, solo per te. Riprova.",
    ),
    "broken": (
        "Something went wrong on my side and I have no answer; the error is in Ponte's log. "
        "Try again in a minute.",
        "Qualcosa è andato storto da parte mia e non ho una risposta; l'errore è nel log di "
        "Ponte. Riprova tra un minuto.",
    ),
    "database_down": (
        "I can't reach Ponte's database right now, so I have no answer for you. Nothing was "
        "changed; please ask again in a few minutes.",
        "Non riesco a raggiungere il database di Ponte in questo momento, quindi non ho una "
        "risposta. Non è stato modificato nulla; richiedimelo tra qualche minuto.",
    ),
    "answer_later": (
        "I can't reach Ponte's database right now. Your question is kept: I'll answer it "
        "here as soon as the database is back.",
        "Non riesco a raggiungere il database di Ponte in questo momento. La tua domanda è "
        "in attesa: ti rispondo qui appena il database torna disponibile.",
    ),
    "stale_button": (
        "That button no longer works: ask me again.",
        "Quel pulsante non funziona più: chiedimelo di nuovo.",
    ),
    "ask_title": ("Ask Ponte", "Chiedi a Ponte"),
    "ask_label": ("Your question", "La tua domanda"),
    "ask_submit": ("Ask", "Chiedi"),
    "ask_empty": ("Write a question first.", "Scrivi prima una domanda."),
    "ask_too_long": (
        "Keep it under {chars} characters.",
        "Resta sotto i {chars} caratteri.",
    ),
    "greeting": (
        "Hi {name}! Ask me about stock, forecasts, available-to-promise, capacity or quotas.",
        "Ciao {name}! Chiedimi di scorte, previsioni, disponibilità a promettere, capacità o "
        "quote.",
    ),
}


def register(texts: dict[str, tuple[str, str]]) -> None:
    """Add a module's texts to the one catalogue (each card module keeps its own beside the
    code that fills it); a key may be registered once."""
    clash = texts.keys() & MESSAGES.keys()
    if clash:
        raise ValueError(f"messages registered twice: {sorted(clash)}")
    MESSAGES.update(texts)


def text_for(lang: str, key: str, default: str, **params: Any) -> str:
    """`t`, for a key made from data (a demand pattern, a table's name): `default` when the
    catalogue has no such key."""
    return t(lang, key, **params) if key in MESSAGES else default


def t(lang: str, key: str, **params: Any) -> str:
    english, italian = MESSAGES[key]
    if lang != "it":
        return _one(english.format(**params), *_ONE["en"])
    return _one(_elide(italian.format(**params)), *_ONE["it"])


# A count of one takes the singular: "1 open order lines" is "1 open order line", "1
# settimane" is "1 settimana" (the count is a number filled in; the words are the catalogue's).
_ONE_EN = {"weeks": "week", "days": "day", "units": "unit", "customers": "customer",
           "products": "product", "open order lines": "open order line", "orders": "order",
           "lines": "line", "months": "month", "deliveries": "delivery", "people": "person",
           "items": "item", "locations": "location"}  # fmt: skip
_ONE_IT = {"settimane": "settimana", "giorni": "giorno", "pezzi": "pezzo", "clienti": "cliente",
           "prodotti": "prodotto", "righe d'ordine aperte": "riga d'ordine aperta",
           "ordini": "ordine", "righe": "riga", "mesi": "mese", "consegne": "consegna",
           "persone": "persona", "sedi": "sede", "elementi": "elemento"}  # fmt: skip


def _singular(table: dict[str, str]) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\d.,'’])\b1 ({words})\b")


_ONE = {"en": (_ONE_EN, _singular(_ONE_EN)), "it": (_ONE_IT, _singular(_ONE_IT))}


def _one(text: str, table: dict[str, str], plural: re.Pattern[str]) -> str:
    if "1 " not in text:
        return text
    return plural.sub(lambda m: f"1 {table[m.group(1)]}", text)


# "del 8 giu" is said "dell'8 giu": an articulated preposition before a number read with a
# vowel (otto..., undici; not 110, centodieci) drops its vowel. Not before 1: the first of
# a month is read "primo" ("dal 1 dic", dal primo dicembre).
_ELISION = re.compile(r"\b(de|da|a|ne|su)l (8|11(?!\d))")
# The article alike: "verso il 8 mag" is "verso l'8 mag".
_ARTICLE = re.compile(r"\bil (8|11(?!\d))")


def _elide(text: str) -> str:
    text = _ELISION.sub(lambda m: f"{m.group(1)}ll'{m.group(2)}", text)
    return _ARTICLE.sub(lambda m: f"l'{m.group(1)}", text)


# The catalogue's unit for pieces, as each language abbreviates it (other units as written).
_PIECES = {"pcs": ("pcs", "pz"), "pz": ("pcs", "pz"), "pc": ("pcs", "pz"), "pezzi": ("pcs", "pz")}


def unit(lang: str, code: str) -> str:
    """A product's unit as the reader abbreviates it: "pcs" is "pz" in Italian."""
    said = _PIECES.get(code.strip().lower())
    return code if said is None else said[1 if lang == "it" else 0]


def ability(lang: str, name: str) -> str:
    """What the ability `name` is, as its declaration says (tools.registry)."""
    # Imported here: the chart process reads this catalogue without the planning code.
    from tools import registry

    return registry.label(name, lang)


def example(lang: str, name: str, sample: Mapping[str, str] | None = None) -> str:
    """The declared example question of `name`, naming `sample`'s product and family."""
    from tools import registry
    from tools.abilities import REGISTRY

    declared = REGISTRY.get(name)
    return registry.example(declared, lang, sample) if declared else ""
