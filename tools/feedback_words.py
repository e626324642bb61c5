"""How people ask Ponte to record customer feedback, search it, correct or delete an item,
or note an expected order beside the forecast, in English and Italian (the router's
feedback reading; the words of each are here so that tools.router stays a reader).
"""

from __future__ import annotations

import re

from planning.feedback.enrich import sentiment_of, words_of
from tools.quota_words import FEWER_WORDS
from tools.text import fold
from tools.when import MONTH_NAMES

# "log feedback:", "registra feedback per brianza casa:", "feedback:", "segna che": the
# words that ask for the recording, taken off the text that is stored.
COMMAND = re.compile(
    r"^\s*(?:(?:please|pls|per favore)\s+)?"
    r"(?:(?:log|record|save|add|note|registra(?:re)?|salva|segna(?:lo|la)?|annota|segnalo)"
    r"(?:\s+(?:pure|anche|down))?"  # "segna pure che…", "note down that…"
    r"(?:\s+(?:un|il|a|the|this|questo|questa))?(?:\s+(?:customer\s+)?feedback)?"
    r"(?:\s+(?:del\s+cliente|dei\s+clienti|cliente))?|feedback(?:\s+(?:del\s+cliente|"
    r"dei\s+clienti|clienti|cliente))?)"
    r"(?:\s+(?:che|that))?\s*[:\-–]?\s*",
    re.IGNORECASE,
)
# Asking outright to record: a recording verb first, or "feedback ...:" with a colon (a bare
# "feedback negativi sulle pentole" is a search).
RECORD = re.compile(
    r"^\s*(?:(?:please|pls|per favore)\s+)?(?:(?:log|record|save|registra(?:re)?|salva|"
    r"segna(?:lo|la)?|annota|segnalo)\b|(?:customer\s+)?feedback\b[^:?]{0,80}:)",
    re.IGNORECASE,
)
# Asking to record at the end: "..., log that pls", "..., lo puoi registrare?"; taken off too.
RECORD_ASK = re.compile(
    r"[\s,.;:!-]*\b(?:(?:can|could)\s+you\s+)?(?:please\s+)?(?:log|record|save|note)\s+"
    r"(?:that|this|it)\b|[\s,.;:!-]*\b(?:me\s+)?lo\s+(?:puoi|potresti)\s+(?:registrare|"
    r"segnare|salvare)\b|[\s,.;:!-]*\b(?:registralo|segnalo|salvalo|segnatelo|annotalo)\b",
    re.IGNORECASE,
)
TAIL = re.compile(r"^[\s,.;:!?-]*(?:pls|please|per favore|grazie|thanks|thx)?[\s.!?]*$", re.I)
# "feedback per brianza casa:", "feedback from my call with X:", "feedback cucine scaligere:"
# : a lead-in before a colon names who it is from; the text is what follows the colon.
LEAD_IN = re.compile(r"^[^:]{0,80}:\s*")
EMOJI_ONLY = re.compile(r"^(?::[a-z0-9_+'-]+:|[\W_])*$", re.UNICODE)

# "cancella il feedback 12", "delete feedback #12", "edit feedback 3: ...", "correggi il
# feedback n. 3"
CHANGE = re.compile(
    r"\b(?P<verb>delete|remove|cancella|elimina|rimuovi|edit|change|fix|correct|update|"
    r"modifica|correggi|cambia|aggiorna)\b[^0-9:]{0,30}?\bfeedback\s*(?:n\.?|nr\.?|#|no\.?|"
    r"numero|number)?\s*(?P<number>\d{1,9})\b",
    re.IGNORECASE,
)
DELETE_VERBS = ("delete", "remove", "cancella", "elimina", "rimuovi")

# A note beside the forecast: named as such, or an order expected ("expect +500 ...").
NOTE_WORDS = (
    "forecast note", "nota previsione", "nota al forecast", "nota forecast", "nota fcst",
    "fcst note", "nota alla previsione", "nota sul forecast", "metti una nota",
    "aggiungi una nota", "aggiungi nota", "add a note", "note for the forecast",
    "note to the forecast", "nota per il forecast",
)  # fmt: skip
EXPECT_WORDS = (
    "expect", "expecting", "we expect", "ci aspettiamo", "aspettiamo", "mi aspetto",
    "ordinera", "ordineranno", "will order", "will take", "will buy", "comprera",
    "prendera", "prenderanno",
)  # fmt: skip
# The forecast said to be off by a number ("il forecast di PAD-24 per dicembre è troppo
# basso, il cliente ne vuole 300 in più"), or a customer wanting a number more: a rep's word
# on demand to come, noted beside the forecast (never a complaint about it).
FORECAST_WORDS = ("forecast", "fcst", "previsione", "previsioni", "prevision")
OFF_WORDS = (
    "troppo basso", "troppo bassa", "troppo bassi", "troppo alto", "troppo alta",
    "troppo alti", "too low", "too high", "sottostimato", "sottostimata", "sovrastimato",
    "sovrastimata", "underestimated", "overestimated", "underestimates", "overestimates",
    "in piu", "in meno", "more", "fewer", "less", "extra",
)  # fmt: skip
# The forecast adjusted by a number ("alza il forecast di PAD-24 di 100 a dicembre", "add
# 150 to the PAD-24 forecast", "la previsione è bassa, mettine +150"): Ponte keeps the
# forecast its model makes and notes the rep's word beside it, saved after a yes.
ADJUST_UP = (
    "add", "aggiungi", "aggiungine", "aggiungere", "mettine", "raise", "increase", "bump",
    "alza", "alzare", "aumenta", "aumentare", "incrementa", "alzalo", "alzala", "alziamo",
    "aumentiamo", "incrementiamo",
)  # fmt: skip
ADJUST_DOWN = (
    "togli", "togline", "togliere", "levane", "leva", "remove", "take off", "cut", "lower",
    "abbassa", "abbassare", "reduce", "riduci", "ridurre", "decrease", "diminuisci",
    "abbassalo", "abbassala", "abbassiamo", "riduciamo", "diminuiamo", "togliamo",
)  # fmt: skip
# The forecast multiplied ("double the PAD-28 forecast", "il forecast va raddoppiato",
# "dimezza la previsione"): a change said as a percentage, whose units are asked for.
MULTIPLIED = {
    **dict.fromkeys(("double", "doubled", "doppio", "raddoppia", "raddoppiare", "raddoppiato",
                     "raddoppiata", "raddoppiamo", "raddoppiala", "raddoppialo"), "+100%"),
    **dict.fromkeys(("triple", "tripled", "triplo", "triplica", "triplicare", "triplicato",
                     "triplicata", "triplichiamo"), "+200%"),
    **dict.fromkeys(("halve", "halved", "dimezza", "dimezzare", "dimezzato", "dimezzata",
                     "dimezziamo", "dimezzala", "dimezzalo"), "-50%"),
}  # fmt: skip


def multiplied(words: list[str]) -> str | None:
    """The percentage a multiplying word says ("raddoppia": "+100%"), if any ("double
    check" is not one)."""
    after = [*words[1:], ""]
    return next(
        (MULTIPLIED[w] for w, n in zip(words, after, strict=False)
         if w in MULTIPLIED and not n.startswith("check")),
        None,
    )  # fmt: skip


WANT_WORDS = (
    "vuole", "vogliono", "vorrebbe", "vorrebbero", "chiede", "chiedono", "wants", "want",
    "needs", "need", "asks for", "asking for", "would like",
)  # fmt: skip
MORE_WORDS = ("in piu", "more", "extra", "in aggiunta", "additional", "aggiuntivi")
QUESTION_START = (
    "what", "how", "quanto", "quanti", "quante", "cosa", "come", "which", "quale", "quali",
    "do", "does", "can",
)  # fmt: skip
# Someone telling what a customer said: "X says ...", "il cliente chiede ...".
SAYING = (
    "says", "said", "told", "tells", "complains", "complained", "wants", "would like",
    "asks", "asked", "reports", "reported", "mentioned", "loves", "hates", "finds",
    "dice", "dicono", "ha detto", "hanno detto", "lamenta", "lamentano", "si lamenta",
    "si lamentano", "chiede", "chiedono", "vuole", "vogliono", "vorrebbe", "vorrebbero",
    "segnala", "segnalano", "trova", "trovano", "contentissimi", "soddisfatto",
    "soddisfatti", "non ci ordina", "asking", "keep asking", "continuano a chiedere",
)  # fmt: skip
# A search without a question mark: "feedback negativi sulle pentole", "show complaints".
SEARCH_FIRST = (
    "show", "fammi vedere", "mostra", "mostrami", "cerca", "search", "find", "trova",
    "list", "elenca", "any", "ci sono", "c e", "quanti", "quante", "quali", "chi", "temi",
    "themes", "mentions", "digest", "riepilogo", "summary", "what", "cosa", "how many",
)  # fmt: skip
# Words only the feedback store can answer about: no alert or sale is about packaging or a
# competitor ("ci sono problemi di imballo sulle padelle?", "competitors mentioned lately").
FEEDBACK_ONLY = (
    "imballo", "imballi", "imballaggio", "packaging", "concorrenti", "concorrenza",
    "concorrente", "competitor", "competitors", "competition", "mentioning", "menzionano",
    "citano", "citati",
)  # fmt: skip
# ("rottura di stock" is not here: it is the planners' word for a stockout, "quali prodotti
# rischiano la rottura di stock"; customers' complaints about one say they complain.)
# A date said as a deadline: "entro marzo", "by Friday" (a promise asked, not a wish told).
DEADLINE = re.compile(r"\b(?:entro|by|before|prima del|prima della|prima di|within|"
                      r"non oltre|no later than)\b", re.IGNORECASE)  # fmt: skip
CUSTOMER_WORDS = ("customer", "customers", "cliente", "clienti", "buyer", "negozio", "shop")
# "... about X", "che parlano di X": the words after these are searched for.
ABOUT = re.compile(
    r"\b(?:mentioning|mentioned|mentions|mention|containing|contain|that say|brought up|"
    r"che parlano di|che parla di|che contengono|con la parola|with the word|che citano|"
    r"che cita|che nominano|che nomina|che menzionano|ha nominato|ha citato|"
    r"ci ha parlato di)\s+(?P<query>.+)$",
    re.IGNORECASE,
)
# Where the words searched for end: a period or an author said after them ("…citano Tefal
# negli ultimi mesi", "…mentioning Tefal this quarter", "…Tefal da ottobre", "…recorded by
# Walker"); not any "da" or "by" ("padelle da 28", "delivery by truck").
_SPANS = (
    r"(?:days?|weeks?|months?|quarters?|years?|giorn[oi]|settiman[ae]|mes[ei]|trimestr[ei]|"
    r"ann[oi])"
)
QUERY_END = re.compile(
    r"\s+(?:(?:in|over|during)\s+the\s+)?(?:(?:last|past|this|next)\s+(?:\d+\s+|few\s+)?"
    + _SPANS
    + r"|since\s+\S+|(?:from|in|da|dal|dall|a)\s+(?:"
    + "|".join(name for names in MONTH_NAMES for name in names)
    + r")|dal\s+\d|negli\s+ultimi|nell\W?ultim[oa]|nelle\s+ultime|quest[oa]\s+"
    + _SPANS
    + r"|(?:recorded|written|logged)\s+by|registrat[oi]\s+da|scritt[oi]\s+da|"
    r"(?:(?:in|nel|del|for)\s+)?(?:q[1-4]|20\d\d)\b).*$",
    re.IGNORECASE,
)


# An order expected below the forecast: "200 fewer", "300 pezzi in meno", "minus 200",
# "meno 200", "a drop of 200", "un calo di 200".
# The product may come between ("150 pentole a pressione in meno"), within the clause.
# The forecast said too high by it: "150 too high", "troppo alto di 150".
TOO_HIGH = r"too high|troppo alt[oaie]|sovrastimat[oaie]|overestimated"
FEWER_AFTER = re.compile(
    r"^(?:\s+[^\s,.;:!?]+){0,5}?\s+(?:" + FEWER_WORDS + "|" + TOO_HIGH + r")\b"
)
FEWER_BEFORE = re.compile(
    r"\b(?:minus|meno|drop of|cut of|calo di|riduzione di|taglio di|(?:"
    + TOO_HIGH
    + r")\s+(?:by|di))\s*$"
)


def fewer_said(folded: str, start: int, end: int) -> bool:
    """Whether the quantity at folded[start:end] is said as fewer than the forecast."""
    return bool(FEWER_AFTER.match(folded[end:]) or FEWER_BEFORE.search(folded[:start]))


NOTE_LEAD = re.compile(
    r"^\s*(?:"
    + "|".join(re.escape(w) for w in sorted(NOTE_WORDS, key=len, reverse=True))
    + r")\b\s*[:\-–]?\s*",
    re.IGNORECASE,
)


def note_text(message: str) -> str:
    """A forecast note as the rep wrote it, without "nota al forecast:" before it."""
    return NOTE_LEAD.sub("", message.strip(), count=1).strip() or message.strip()


def recorded_text(message: str) -> str:
    """The feedback itself: the message without the words that ask for the recording,
    and without a lead-in that names who said it ("feedback per Brianza Casa: ...")."""
    text = message.strip()
    asked = RECORD_ASK.search(text)
    if asked and TAIL.match(text[asked.end() :]):
        text = text[: asked.start()].strip()
    stripped = COMMAND.sub("", text, count=1)
    if stripped != text:
        lead = LEAD_IN.match(stripped)
        if lead and len(stripped) > lead.end():
            stripped = stripped[lead.end() :]
        elif lead:
            stripped = ""
    return stripped.strip()


def says_nothing(text: str) -> bool:
    return not text.strip() or bool(EMOJI_ONLY.match(text.strip()))


def change_asked(text: str) -> tuple[str, int] | None:
    """("delete_feedback" or "edit_feedback", the item's number) when the message asks to
    change a feedback item."""
    match = CHANGE.search(fold(text))
    if match is None:
        return None
    verb = match.group("verb")
    tool = "delete_feedback" if verb in DELETE_VERBS else "edit_feedback"
    return tool, int(match.group("number"))


def new_text(message: str) -> str | None:
    """The text after the colon of "edit feedback 3: ..."."""
    _, colon, after = message.partition(":")
    return after.strip() or None if colon else None


# "what are customers saying about Tefal?": a name at the end, capitalised, after "about".
NAMED_AT_END = re.compile(
    r"\b(?:about|on|of|regarding|su|sul|sulla|di|riguardo a)\s+"
    r"(?P<name>[A-Z][\w&'-]+)\s*[?.!]*\s*$"
)


def query_of(message: str) -> str | None:
    """The words a search asks to find ("feedback mentioning X"), without the period or
    the author said after them."""
    match = ABOUT.search(message)
    if not match:
        return None
    query = match.group("query").strip(" ?.!")
    return QUERY_END.sub("", query).strip(" ?.!,") or query


def name_at_end(message: str) -> str | None:
    """The capitalised name a search ends on ("…saying about Tefal?"), to look for as words
    when it names nothing Ponte knows."""
    match = NAMED_AT_END.search(message)
    return match.group("name") if match else None


def asks_a_question(words: list[str], message: str) -> bool:
    return message.rstrip().endswith("?") or bool(words and words[0] in QUESTION_START)


def complains(message: str) -> bool:
    """Whether the message carries a complaint (planning.feedback.enrich's reading)."""
    return sentiment_of(words_of(message))[1] >= 1


# "il cliente casa napoli dice che...": the customer named after "il cliente", as typed (a
# name the sales data does not have is kept as written and flagged). Case is ignored except
# for a town's capital letter: "in Dublin" is where the customer is, not its name.
NAMED_AFTER = re.compile(
    r"\b(?:il cliente|la cliente|il negozio|customer|client|the shop)\s+"
    # not a pronoun: "il cliente ne vuole 300 in più" names nobody
    r"(?!(?:ne|lo|la|li|le|ci|gli|mi|ti|si|non|also|still|now|really|anche|ora)\s)"
    r"(?P<name>[\w&'.-]+(?:\s+[\w&'.-]+){0,3}?)"
    # where it is, not its name: "Kitchen Corner Ltd in Dublin wants" ("di", "da" are too
    # often part of a name: Casa di Napoli)
    r"(?:\s+(?:in|from)\s+(?-i:[A-Z])[\w'-]*)?"
    r"\s+(?:dice|dicono|chiede|chiedono|vuole|"
    r"vorrebbe|lamenta|si lamenta|segnala|trova|says|said|wants|asks|complains|reports)\b",
    re.IGNORECASE,
)


def customer_named(message: str) -> str | None:
    found = NAMED_AFTER.search(message)
    return found.group("name").strip() if found else None
