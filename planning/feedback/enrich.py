"""What a piece of customer feedback is about, read offline: its language, its sentiment,
its themes and the competitors it names.

Plain word lists in English and Italian, general to any catalogue (deliveries, damage,
prices, quality, stock, requests, service): no model is downloaded or needed. A word list
entry ending in "*" is a stem ("graffiat*" for graffiata, graffiate, graffiati); words are
compared folded (lower case, no accents), so "qualita" and "qualità" are one word. A
negation ("not", "non", "mai", "senza") turns the polarity of the next few words, so "not
happy" is negative and "nessun problema" is not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from planning.text import fold

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
WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Short words that say which language a text is in (folded; shared words left out).
ENGLISH = frozenset(
    _words(
        "the and is are was were not with for they their them it its this that of to from but "
        "have has had does did will would should could very too our your we you he she says "
        "said wants asked customer customers arrived arrives again still only"
    )
)
ITALIAN = frozenset(
    _words(
        "il lo la gli le un una uno di del della dei delle che non con per sono e ha hanno "
        "anche piu molto troppo cliente clienti dice chiede vuole arriva arrivano ancora "
        "sempre solo nel nella al alla ai alle questo questa perche ma come gia"
    )
)

NEGATORS = frozenset(
    _words(
        "not no never nor without dont doesnt didnt isnt arent wasnt werent cant cannot wont "
        "hardly zero solved resolved fixed risolto risolta risolti risolte non mai nessun "
        "nessuna nessuno senza ne niente nulla neanche nemmeno"
    )
)
NEGATION_REACH = 4  # words after a negator whose polarity it turns
WISHED = frozenset(_words("more piu less meno"))

POSITIVE = _words(
    "good great excellent happy pleased satisfied love loves loved likes liked "
    "perfect perfectly fantastic amazing impressed impressive best fast quick "
    "quickly reliable recommend recommends recommended praise praised compliment* nice "
    "thanks thank smooth durable sturdy easy appreciat* helpful positive "
    "delighted glad enthusiastic improved finally competitive brilliant thrilled prefer "
    "prefers preferred bargain sturdier stronger "
    "buon* ottim* eccellent* content* soddisfatt* soddisfazion* piac* perfett* "
    "fantastic* brav* veloce veloci velocemente rapido rapida rapidi rapide rapidamente "
    "affidabil* consiglia* complimenti grazie robust* facil* apprezza* entusiast* felic* "
    "bene benissimo bell* positiv* super top puntual* impeccabil* finalmente "
    "migliorat* competitiv* preferisc* affare affaroni bomba"
)
NEGATIVE = _words(
    "bad poor poorly terrible awful worse worst late delay delayed delays slow broken "
    "break breaks breakage* damaged damage dented scratched scratch scratches cracked "
    "crack leak leaks leaking defect* faulty fault wrong missing lost complain* "
    "complaint* problem* issue issues unhappy disappointed disappointing dissapointed "
    "angry upset expensive overpriced cheaper costly rust rusty rusts peel* worn wears "
    "fail* failure cancel* unacceptable annoyed frustrat* rough loose elsewhere fed "
    "stuck stockout backorder* shortage unavailable otherwise "
    "cattiv* pessim* peggio peggior* ritard* lento lenta lenti lente lentissim* rott* "
    "romp* danneggiat* ammaccat* graffiat* graffi* crepat* crepa perd* difett* guast* "
    "sbagliat* manca* mancant* lament* reclam* insoddisfatt* delus* arrabbiat* "
    "scontent* caro cara cari care carissim* costos* ruggin* arrugginit* scrost* "
    "consumat* annull* inaccettabil* allent* bloccat* esaurit* ridicol* rovinat* "
    "piegat* scolor* troppo troppi troppe altrove "
    "introvabil* disastro* scadent* fragil* sporc* storto storta altrimenti buttare "
    "rigat* strappat* pricier costlier pricey noisy rumoros* "
    "rovin* sbiad* fade fades faded fading"  # wears out, loses its colour
)
# A packaging word is damage only with a complaint in the same text ("cartons of
# linguine" is a quantity).
PACKAGING = _words(
    "packaging package* box boxes carton* wrapping wrapped "
    "imball* scatol* confezion* cartone cartoni bancal*"
)

# What each theme is recognised by: single words or stems (phrases below).
THEME_WORDS: dict[str, tuple[str, ...]] = {
    "delivery": _words(
        "delivery deliveries deliver delivered late lateness delay* ship shipping "
        "shipment* shipped courier* carrier* transit dispatch* eta tracking "
        "consegn* ritard* sped* corrier* trasport* tempistic* puntual*"
    ),
    "damage": _words(
        "damaged damage dented dent dents scratch* crack* broken breakage* smashed crushed "
        "shatter* bent danneggiat* dann* ammacc* graffi* crepat* crepa crepe rott* romp* "
        "rovinat* piegat* rigat* strappat* "
        "incrinat* schiacciat* gonfi*"
    ),
    "price": _words(
        "price* pricing cost* costly expensive overpriced cheap cheaper discount* margin* "
        "budget euro eur prezz* costo costi costa costano costos* caro cara cari care "
        "carissim* economic* scont* listin* rincar*"
    ),
    "competitor": _words(
        "competitor* competition rival* brand* concorren* concorrent* marchi marca "
        "elsewhere altrove"
    ),
    "quality": _words(
        "quality defect* faulty flaw* durable durability sturdy rust* peel* coating "
        "worn wear* loose flimsy fragile reliab* lasts lasted warp* leak* taste flavour "
        "flavor qualita difett* durat* durevol* robust* ruggin* scrost* rivestiment* "
        "consum* allent* fragil* scadent* affidabil* deform* sapore gusto cede cedono "
        "tenuta regge reggono durano sharp sturdier weaker reject* rejects scolor* "
        "seccano fischia fischiano perde perdono gocciol* noisy noise rattl* whistl* "
        "rumor* vibra* rovinano rovina sbiad* fade fades faded fading overheat* "
        "surriscald* scotta scottano"
    ),
    "availability": _words(
        "stock stockout stockouts backorder* unavailable available availability "
        "restock* replenish* shortage* esaurit* disponibil* scort* riassort* introvabil* "
        "mancanza"
    ),
    "request": _words(
        "want wants wanted asks asked asking request* requested wish* suggest* propose* "
        "version variant colour color colours colors size sizes option* "
        "vorrebbe vorrebbero vuole vogliono chiede chiedono richied* richiest* desider* "
        "servirebbe propon* suggeri* versione variant* color* misur* formato formati "
        "opzion*"
    ),
    "service": _words(
        "service support invoice* invoicing billing bill return* refund* warranty phone "
        "email answer* answered respond* response contact* documentation datasheet* "
        "catalogue catalog certificat* manual* paperwork "
        "assistenz* servizio fattur* bolla bolle resi reso rimbors* garanzi* telefon* "
        "rispond* risposta rispost* contatt* documentazion* catalogo certificat* manual* "
        "ufficio"
    ),
}
THEME_PHRASES: dict[str, tuple[str, ...]] = {
    "availability": (
        "out of stock", "sold out", "not available", "back in stock", "fuori stock",
        "non disponibile", "non si trova", "non si trovano", "di nuovo disponibil",
        "rottura di stock", "rotture di stock", "sono finite da", "sono finiti da",
        "ran out", "run out", "running out",
    ),
    "request": ("would like", "asking for", "asks for", "looking for", "how about"),
    # A product that gets too hot to hold: the handle, the knob, the body.
    "quality": (
        "too hot", "gets hot", "get hot", "gets very hot", "gets too hot", "si scalda",
        "si scaldano", "troppo calda", "troppo caldo", "troppo calde", "troppo caldi",
    ),
    "competitor": (
        "other brand", "another brand", "altro marchio", "altra marca", "other supplier",
        "another supplier", "altro fornitore", "switched to", "passati a", "passato a",
        "passano a", "passando a",
    ),
    "delivery": ("lead time", "lead times", "on time", "in tempo", "tempi di consegna"),
    "service": (
        "nobody answers", "nessuno risponde", "wrong invoice", "customer service",
        "technical sheet", "scheda tecnica", "schede tecniche", "wrong order",
        "ordine sbagliato", "order error",
    ),
}  # fmt: skip
# "asks if", "chiede se", "wants to know": a question for information, not a request for a
# product (the words right after the request word).
ASKING_ABOUT = frozenset(
    _words("if whether when how what where se quando come quanto quanti dove sapere know")
)
# What a customer asks for that is not a product (a return, a discount, a delivery date,
# a document): the request theme is for products, variants and features.
NOT_A_PRODUCT_ASKED = frozenset(
    _words(
        "reso resi rimborso sconto sconti consegne consegna tempi fattura bolla copia "
        "informazioni preventivo listino refund return returns discount delivery deliveries "
        "invoice quote copy faster price prices passare switch"  # "vuole passare a Tefal"
    )
)
POSITIVE_PHRASES = (
    "no complaints", "nessun problema", "nessuna lamentela", "no problems", "no issues",
    "va a ruba", "vanno a ruba", "sells well", "si vende bene", "everything fine",
    "all good", "tutto ok", "tutto bene", "better than", "meglio di", "meglio del",
    "meglio della", "meglio dei", "on time", "in tempo", "prezzo giusto", "fair price",
    "il migliore", "la migliore", "the best", "flying off", "last longer", "lasts longer",
    "durano di piu", "dura di piu",
)  # fmt: skip
NEGATIVE_PHRASES = (
    "out of stock", "fuori stock", "not happy", "non contento", "non contenti",
    "takes too long", "ci mette troppo", "too expensive", "troppo caro", "troppo cara",
    "troppo cari", "troppo care", "nobody answers", "nessuno risponde", "too high",
    "troppo alto", "troppo alti", "troppo alta", "in meno", "costs less", "non all altezza",
    "not up to", "ci batte", "ci battono", "beat us", "beats us", "can t get",
    "cannot get", "non riescono ad avere", "non riesce ad avere", "fed up", "tough sell",
    "hard to argue", "don t last", "dont last", "non durano", "non va", "non vanno",
    "non funziona", "non funzionano", "doesn t work", "don t work", "fuori mercato",
    "hard to", "difficile da", "difficili da", "more expensive", "piu caro", "piu cara",
    "costano meno", "costa meno", "costs less", "cost less", "losing shelf space", "losing",
    "passando a", "passano a", "passati a", "passare a", "switching to", "switched to",
    "switch to", "non ordina piu",
    "non ordinano piu", "stopped ordering", "smesso di ordinare", "sono finite da",
    "sono finiti da", "ran out", "run out", "running out",
    "piu cari", "piu care",
    # Dearer than elsewhere ("costa 15 euro in più che da Lagostina"; "costs more than X
    # but they still prefer ours" is praise: no English "costs more"), hard to find, too
    # much of something.
    "euro in piu", "eur in piu", "in piu che da", "in piu rispetto", "piu che da",
    "di piu che da", "costa di piu", "costano di piu", "prezzo piu alto", "higher price",
    "non si trova", "non si trovano",
    "can t find", "cannot find", "hard to find", "too pricey", "too costly", "too much",
    "too many", "too few", "too small", "too big", "too heavy", "too thin", "too slow",
    "too loud", "too late",
)  # fmt: skip
# A competitor named after these words is a competitor's name ("cheaper than Lagostina").
COMPETITOR_CUES = (
    "competitor", "competitors", "concorrente", "concorrenti", "concorrenza", "than",
    "rispetto a", "switched to", "switching to", "passati a", "passato a", "passano a",
    "passa a", "moved to", "compared with", "compared to", "con quelli", "con quello",
    "quelli", "quello", "quella", "quelle",
)  # fmt: skip
# Words that make a text a comparison: a capitalised name in it that is not the
# company's own is a competitor ("da Lagostina costa il 15% in meno", "the Carapelli one").
COMPARING = _words(
    "than compared comparing cheaper costa costano meno rispetto confront* meglio better "
    "switch* passa passano passati passando vs versus ones"
)
# Capitalised words that are not names: function words, months, days.
COMMON = (
    ENGLISH
    | ITALIAN
    | frozenset(
        _words(
            "i we they he she it our my a an customer buyer shop store client cliente "
            "negozio january february march april may june july august september october "
            "november december gennaio febbraio marzo aprile maggio giugno luglio agosto "
            "settembre ottobre novembre dicembre monday tuesday wednesday thursday friday "
            "lunedi martedi mercoledi giovedi venerdi sabato domenica ok"
        )
    )
)
# A price written out: two decimals ("21,90", "€24.90"), not a size ("28 cm", "2.5 l").
PRICE = re.compile(r"(?<![\w.,])(?:€\s?)?\d{1,5}[.,]\d{2}(?![\d.,]?\d)")
# A discount said as a share: "15% off", "il 10% di sconto", "sconto del 20%".
SHARE_OFF = re.compile(
    r"\d+\s*%\s*(?:off|discount|di sconto)\b|\bsconto del\s*\d+\s*%", re.IGNORECASE
)
NAME = re.compile(r"\b([A-Z][\w&'-]+(?:\s+[A-Z][\w&'-]+)*)")


@dataclass(frozen=True)
class Enrichment:
    """What the text says, read offline."""

    language: str  # en | it
    sentiment: str  # negative | neutral | positive
    score: float  # positive minus negative cues, negations applied
    themes: tuple[str, ...]  # in THEMES order
    competitors: tuple[str, ...]  # names a competitor cue points at, as written


class _Lexicon:
    """Words and stems looked up in one dictionary pass per word."""

    def __init__(self, entries: Iterable[str]) -> None:
        self.words: set[str] = set()
        self.stems: dict[str, set[str]] = {}
        for entry in entries:
            entry = fold(entry).replace("-", " ")
            if entry.endswith("*"):
                stem = entry[:-1]
                self.stems.setdefault(stem[:3], set()).add(stem)
            else:
                self.words.add(entry)

    def __contains__(self, word: str) -> bool:
        if word in self.words:
            return True
        return any(word.startswith(stem) for stem in self.stems.get(word[:3], ()))


_POSITIVE = _Lexicon(POSITIVE)
_NEGATIVE = _Lexicon(NEGATIVE)
_THEMES = {theme: _Lexicon(words) for theme, words in THEME_WORDS.items()}
_PACKAGING = _Lexicon(PACKAGING)
_COMPARING = _Lexicon(COMPARING)


def words_of(text: str) -> list[str]:
    """Folded words, apostrophes and hyphens split ("l'imballo" -> "l", "imballo")."""
    return WORD.findall(fold(text).replace("'", " ").replace("’", " "))


def language_of(words: list[str], default: str = "en") -> str:
    english = sum(w in ENGLISH for w in words)
    italian = sum(w in ITALIAN for w in words)
    if english == italian:
        return default
    return "it" if italian > english else "en"


def _phrase_at(words: list[str], phrases: Iterable[str]) -> list[tuple[int, int]]:
    """(start, length) of each phrase found in `words`."""
    found = []
    joined = " " + " ".join(words) + " "
    for phrase in phrases:
        at = joined.find(" " + phrase + " ")
        if at >= 0:
            found.append((joined[:at].count(" "), len(phrase.split())))
    return found


def sentiment_of(words: list[str]) -> tuple[float, float]:
    """(praise, complaint): the weight of positive and of negative cues; a negation turns
    the next NEGATION_REACH words."""
    praise = complaint = 0.0
    taken: set[int] = set()
    for start, length in _phrase_at(words, POSITIVE_PHRASES):
        praise += 1.5
        taken.update(range(start, start + length))
    for start, length in _phrase_at(words, NEGATIVE_PHRASES):
        complaint += 1.5
        taken.update(range(start, start + length))
    turned_until = -1
    for i, word in enumerate(words):
        if word in NEGATORS:
            turned_until = i + NEGATION_REACH
            continue
        if i in taken:
            continue
        polarity = 1.0 if word in _POSITIVE else -1.0 if word in _NEGATIVE else 0.0
        if polarity > 0 and i and words[i - 1] in WISHED:
            continue  # "consegne più rapide", "faster delivery": asked for, not praised
        if polarity and i <= turned_until:
            # "not good" is bad; "not broken" is only a little good ("non è rotta")
            polarity = -polarity if polarity > 0 else 0.5
        if polarity > 0:
            praise += polarity
        else:
            complaint -= polarity
    return praise, complaint


def themes_of(
    words: list[str], *, complaint: bool = False, is_own: Callable[[str], bool] | None = None
) -> tuple[str, ...]:
    """The themes the words name; packaging is damage only in a `complaint`; a word that is
    part of a product's name with its neighbour (`is_own`: "crepe pan", not "crepe" as
    cracks) names no theme."""
    found = {theme for theme, phrases in THEME_PHRASES.items() if _phrase_at(words, phrases)}
    for i, word in enumerate(words):
        if len(word) < 3:
            continue
        if is_own is not None and (
            (i + 1 < len(words) and is_own(f"{word} {words[i + 1]}"))
            or (i > 0 and is_own(f"{words[i - 1]} {word}"))
        ):
            continue
        for theme, lexicon in _THEMES.items():
            if theme in found or word not in lexicon:
                continue
            if (
                theme == "request"
                and words[i + 1 : i + 3]
                and (words[i + 1] in ASKING_ABOUT or words[i + 2 : i + 3] == ["know"])
            ):
                continue  # "asks if the lid fits", "vorrebbe sapere il prezzo"
            if theme == "request" and set(words[i + 1 : i + 4]) & NOT_A_PRODUCT_ASKED:
                continue  # "chiede il reso", "wants a discount": service, price, delivery
            found.add(theme)
        if complaint and word in _PACKAGING:
            found.add("damage")
    return tuple(t for t in THEMES if t in found)


def competitors_in(text: str, known: Iterable[str] = ()) -> tuple[str, ...]:
    """Competitor names: `known` ones named anywhere (the company's own list); a
    capitalised name right after a cue ("cheaper than Lagostina", "passati a Tefal"); and,
    in a comparison ("da Lagostina costa il 15% in meno"), any capitalised name that does
    not start a sentence."""
    names: dict[str, str] = {}
    folded = fold(text)
    for name in known:
        if name and re.search(rf"\b{re.escape(fold(name))}\b", folded):
            names.setdefault(fold(name), name)
    starts: list[int] = []
    for cue in COMPETITOR_CUES:
        starts.extend(
            m.end() for m in re.finditer(rf"\b{re.escape(cue)}\s+", text, flags=re.IGNORECASE)
        )
    if any(w in _COMPARING for w in words_of(text)):
        starts.extend(
            m.start()
            for m in NAME.finditer(text)
            if m.start() > 0 and not re.search(r"[.!?:]\s*$", text[: m.start()])
        )
    for at in sorted(set(starts)):
        after = NAME.match(text, at)
        if after is None or after.start() == 0:
            continue
        name = after.group(1)
        if not (set(words_of(name)) <= COMMON):
            names.setdefault(fold(name), name)
    return tuple(names.values())


def enrich(
    text: str,
    *,
    default_language: str = "en",
    competitors: Iterable[str] = (),
    own_names: Collection[str] = (),
    is_own: Callable[[str], bool] | None = None,
) -> Enrichment:
    """Read `text`. `competitors` are the company's known competitor names (any named in
    the text is a competitor mention); `own_names` (customers, products) are not
    competitors even after a cue ("rispetto a Ferramenta Rossi"), nor is a name `is_own`
    says is part of the company's own names (planning.feedback.links.Linker.own)."""
    words = words_of(text)
    praise, complaint = sentiment_of(words)
    themes = list(themes_of(words, complaint=complaint >= 1, is_own=is_own))
    rivals = competitors_in(text, competitors)
    if rivals:
        own = [set(words_of(name)) for name in own_names] if own_names else []
        rivals = tuple(
            c
            for c in rivals
            if not (is_own and is_own(c))
            and not any(set(words_of(c)) <= name for name in own)  # a customer's "Cucina Sabauda"
        )
    if rivals and "competitor" not in themes:
        themes.append("competitor")
    if "price" not in themes and (PRICE.search(text) or SHARE_OFF.search(text)):
        themes.append("price")  # "a 21,90 contro i nostri 24,90", "15% off"
    # A concrete problem is what a planner files the item under, unless praise clearly
    # outweighs it ("good product but the jars arrive broken" is a complaint).
    score = praise - complaint
    if complaint >= 1 and score < 1.5:
        sentiment = "negative"
    else:
        sentiment = "positive" if score >= 1 else "neutral"
    return Enrichment(
        language=language_of(words, default_language),
        sentiment=sentiment,
        score=score,
        themes=tuple(t for t in THEMES if t in themes),
        competitors=rivals,
    )
