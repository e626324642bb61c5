"""The deterministic question router: a message in, one tool call (or a question back) out.

No LLM and no network: intent from the glossary's words (typos forgiven), then the things the
question names, in an order that keeps them apart: Slack mentions, dates and periods, SKU
codes, quantities with a unit, places and people, the intent's own words, and what is left is
read as a product name. Numbers inside a product's name ("padella 28 cm") are part of it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from planning.errors import PonteError
from planning.quotas import period_bounds
from tools import feedback_words as fw
from tools import quota_words as qw
from tools import scenario_words as sw
from tools import vocabulary as v
from tools.abilities import MAX_SIDES, REGISTRY
from tools.amounts import find_quantities
from tools.matching import CatalogueIndex, ProductMatch
from tools.text import Token, TypoIndex, fold, tokens
from tools.when import (
    BAD_PERIOD,
    MONTH_NAMES,
    SEASONS,
    Found,
    add_months,
    find_date,
    find_horizon_weeks,
    find_period,
    month_end,
)

MAX_CHARS = 2000  # longer messages are pasted documents, not questions
MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")
NEGATIVE = re.compile(r"(?:^|\s)(-\s?\d[\d.,]*\s*k?)(?=\s|$|[?!])")
Kind = Literal[
    "call",
    "clarify",
    "unavailable",  # a recognised ability that arrives later
    "read_only",  # a request to change data Ponte only reads
    "not_understood",
    "cancelled",  # the user dropped the question Ponte asked back
    "too_long",
    "empty",
]

DEFAULT_WEEKS = 12


@dataclass(frozen=True)
class Route:
    language: str
    kind: Kind
    tool: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
    missing: str | None = None  # the one thing to ask back for: product, quantity, date
    choices: tuple[str, ...] = ()
    unknown: str | None = None  # a product code or date as typed that does not exist
    suggestions: tuple[str, ...] = ()
    chars: int = 0  # the message's length, for "too long"
    # Families the question named beside the one answered, which this ability takes one at
    # a time ("stock padelle e pentole"): said back, never dropped unsaid.
    left_out: tuple[str, ...] = ()


@dataclass
class _Reading:
    words: list[str]  # folded, typos of vocabulary words read as the word meant
    raw: list[str]  # as typed, for names we do not know
    free: set[int]  # positions not yet read as something
    # Positions read as a date, a period or a quantity: words of the asker's language
    # ("this quarter", "nell'ultimo mese"), unlike names.
    said: set[int] = field(default_factory=set)
    # Numbers said as a percentage ("-20%"): a figure, never a product's size.
    percent: set[int] = field(default_factory=set)
    # Positions followed by a list's separator (",", "+", "&", "/", ";"): "moka + pentole"
    # names two things, where "moka pentole" may be one ("moka pots").
    apart: set[int] = field(default_factory=set)


# A percent sign right after a number ("20%", "20 %").
PERCENT_AFTER = re.compile(r"\s?%")
# A percentage said with its number ("+20%", "20 %", "15,5%").
PERCENT_FIGURE = re.compile(r"[+-]?\s?(\d+(?:[.,]\d+)?)\s?%")
# A percentage said with its sign ("+20%", "- 15 %"): a change, not a share.
SIGNED_SHARE = re.compile(r"(?<![\w.,])[+-]\s?\d+(?:[.,]\d+)?\s?%")
# What splits a typed word into the words of a customer's name ("01-07": "01", "07").
NAME_PARTS = re.compile(r"[-_./]")
# Between two words, what makes them items of a list ("moka + pentole", "pots, pans").
LIST_SEPARATOR = re.compile(r"[,+&;/]")
# A number said with its sign ("+150", "-15%"), not a code's dash ("PAD-24", "2026-12").
SIGNED = re.compile(r"(?<![\w.,])[+-]\s?\d")


def _phrases() -> dict[str, list[tuple[str, tuple[str, ...], str]]]:
    """First word -> (intent, phrase words, language) for every phrase in the vocabulary."""
    table: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
    for intent, (english, italian) in v.INTENTS.items():
        for language, phrases in (("en", english), ("it", italian)):
            for phrase in phrases:
                words = tuple(phrase.split())
                table.setdefault(words[0], []).append((intent, words, language))
    return table


PHRASES = _phrases()
KEYWORDS = TypoIndex(
    w
    for w in {w for p in PHRASES.values() for _, ws, _ in p for w in ws}
    | {
        w
        for group in (
            v.CHANGE_WORDS,
            v.APPROVAL_WORDS,
            v.FEEDBACK_WORDS,
            v.ALERT_WORDS,
            v.WRITE_VERBS,
            v.WRITE_OBJECTS,
            v.RESERVE_VERBS,
            v.LAST_PURCHASE,
            v.VERSUS,
            v.PREVIOUS,
            v.EVERYTHING,
            v.VALUE_WORDS,
            *v.SALES_GROUPS.values(),
            v.NEVER_MIND,
        )
        for phrase in group
        for w in phrase.split()
    }
    if w not in v.STOPWORDS
)
# Words no product match may take, typed or as a typo: the vocabulary's, and the verbs of a
# change ("bergamo perde capacità" is no "verde" frame; not typo targets themselves: "same"
# is not "sale").
RESERVED = (
    frozenset(KEYWORDS.words) | {w for p in v.DEMAND_CHANGES for w in p.split()} - v.STOPWORDS
)
FEEDBACK_TOOLS = (
    "record_feedback", "search_feedback", "edit_feedback", "delete_feedback", "forecast_note",
)  # fmt: skip
PROMISE_WORDS = v.INTENTS["available_to_promise"][0] + v.INTENTS["available_to_promise"][1]
_EN_WORDS = {w for en, _ in v.INTENTS.values() for phrase in en for w in phrase.split()}
_IT_WORDS = {w for _, it in v.INTENTS.values() for phrase in it for w in phrase.split()}
_EN_HINTS = frozenset(MONTH_NAMES[0]) | v.ENGLISH_HINTS
_IT_HINTS = frozenset(MONTH_NAMES[1]) | v.ITALIAN_HINTS
ENGLISH_ONLY = frozenset((_EN_WORDS | _EN_HINTS) - _IT_WORDS - v.ITALIAN - v.LOANWORDS)
ITALIAN_ONLY = frozenset((_IT_WORDS | _IT_HINTS) - _EN_WORDS - v.ENGLISH)


TERRITORY_PLURAL = ("territories", "territori", "territorio", "zones", "zone", "regions", "aree")


# Each word list the router looks for, as its phrases by first word: a message is read
# word by word against them instead of phrase by phrase (the lists are a few thousand
# phrases; that scan was a sixth of a busy answer's time).
_BY_FIRST: dict[tuple[str, ...], dict[str, list[tuple[str, ...]]]] = {}


def _by_first_word(phrases: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    table = _BY_FIRST.get(phrases)
    if table is None:
        table = {}
        for phrase in phrases:
            if parts := tuple(phrase.split()):
                table.setdefault(parts[0], []).append(parts)
        if len(_BY_FIRST) > 1024:  # the lists are constants; this only bounds a surprise
            _BY_FIRST.clear()
        _BY_FIRST[phrases] = table
    return table


def _has(words: list[str], phrases: tuple[str, ...]) -> set[int]:
    """Positions of every occurrence of any of `phrases` in `words`."""
    table = _by_first_word(tuple(phrases))
    hit: set[int] = set()
    for i, word in enumerate(words):
        for parts in table.get(word, ()):
            if len(parts) == 1 or tuple(words[i : i + len(parts)]) == parts:
                hit.update(range(i, i + len(parts)))
    return hit


class Router:
    def __init__(self, index: CatalogueIndex) -> None:
        self.index = index

    def route(
        self,
        message: str,
        *,
        user: str,
        language: str,
        today: dt.date,
        pending: Route | None = None,
        last: Route | None = None,
        home_territory: str | None = None,
    ) -> Route:
        """Read `message` from `user` (their default `language`) as one tool call.

        `pending` is the question Ponte asked back (the message may answer it), `last` the
        call last answered ("and by January?" changes its date), `home_territory` the
        user's territory ("my territory")."""
        text = message.strip()
        if not text:
            return Route(language=language, kind="empty")
        if len(text) > MAX_CHARS:
            return Route(
                language=question_language(text, language),
                kind="too_long",
                chars=len(text),
            )
        mentions = [m.group(1) for m in MENTION.finditer(text)]
        unmentioned = MENTION.sub(" ", text)
        toks = self.index.split_sizes(tokens(unmentioned))  # "12v": "12 velocita"
        reading = _Reading(
            words=_lasting([self._keyword(t.text) for t in toks]),
            raw=[t.raw for t in toks],
            free=set(range(len(toks))),
        )
        reading.percent = {i for i, t in enumerate(toks) if PERCENT_AFTER.match(unmentioned, t.end)}
        reading.free -= reading.percent
        reading.apart = {
            i
            for i, (a, b) in enumerate(itertools.pairwise(toks))
            if LIST_SEPARATOR.search(unmentioned, a.end, b.start) is not None
        }
        lang = language_of([t.text for t in toks], language)
        joined, starts = _join(toks)
        found = self._entities(reading, joined, starts, toks, mentions, user, today, lang)
        # Names are not the language: "esposito vs lo bianco ytd" from an English speaker.
        # And words as typed: "fine mese" is Italian, not a typo of "line".
        spoken = sorted(reading.free | reading.said)
        # Undecided as typed, the words as read say it ("expalin forecast santoku").
        lang = language_of([toks[i].text for i in spoken], "") or language_of(
            [reading.words[i] for i in spoken], language
        )
        if (negative := NEGATIVE.search(text)) is not None:
            found["negative"] = negative.group(1)  # "-5 PAD-28": not a quantity to promise
        if (
            home_territory
            and _has(reading.words, v.TERRITORY_WORDS)
            and found.get("person") == user
        ):
            found.pop("person")  # "my territory": the territory, not the person
            found.setdefault("territory", home_territory)
        if pending is not None and pending.kind == "clarify" and _has(reading.words, v.NEVER_MIND):
            return Route(language=lang, kind="cancelled", tool=pending.tool)
        if (
            pending is not None
            and pending.kind == "clarify"
            and pending.tool in ("request_quota_change", "allocate_quota", "decide_quota_request")
            and pending.missing in ("reason", "target", "note", "family", "total", "shares")
            and not _has(reading.words, v.NEVER_MIND)
        ):
            if pending.missing == "reason" and self._new_request(reading, text):
                pass  # "cambia la mia quota q1 a 9500": a new request, not the reason asked
            elif pending.tool == "decide_quota_request":  # the reason asked for: as typed
                note = qw.split_reason(text)[1] or text.strip()
                return replace(pending, kind="call", missing=None,
                               args={**pending.args, "note": note})  # fmt: skip
            elif pending.tool == "allocate_quota":
                self._product(reading, found)
                args = {**pending.args, **self._args(pending.tool, found)}
                return self._allocation(text, args, lang)
            else:
                return self._quota_reply(pending, text, lang)
        if (
            pending is not None
            and pending.kind == "clarify"
            and pending.tool in FEEDBACK_TOOLS
            and not _has(reading.words, v.NEVER_MIND)
        ):  # "registra feedback per brianza casa:" ... "chiedono consegne il martedì"
            reply = self._feedback_reply(pending, text, reading, found)
            if reply is not None:
                return reply
        if (
            pending is not None
            and pending.kind == "clarify"
            and pending.tool == "what_if"
            and (reply := self._scenario_reply(pending, text, lang)) is not None
        ):  # "what if we run a promo on padelle?" ... "+30%"
            return reply
        intent, special = self._intent(reading, found, text)
        if found.pop("recently", False):
            recent = find_period("recently", today)
            assert recent is not None
            found["period"] = found["behind_period"] = recent.value
        if found.pop("why_behind", False):
            if "behind_period" not in found:
                quarter = f"{today.year}-Q{(today.month - 1) // 3 + 1}"  # the quota's quarter
                found["period"] = found["behind_period"] = quarter
            if not {"person", "team", "territory"} & found.keys() and (
                self.index.role_of(user) == "rep"
            ):  # "perché sono così indietro?" from a rep: their own sales, not the territory's
                found["person"] = user
        if intent in FEEDBACK_TOOLS:
            return self._feedback_route(intent, text, reading, found, lang)
        if intent == "allocate_quota":
            product = self._product(reading, found)  # a family is read with the products
            if "family" not in found and product:
                family = self.index.family_of_all(product)
                if family:
                    found["family"] = family
            return self._allocation(text, self._args(intent, found), lang)
        if intent in ("request_quota_change", "decide_quota_request", "quota_requests"):
            return self._quota_route(intent, text, reading, found, lang, user)
        if intent == "what_if":
            return self._scenario(text, reading, found, lang, today)
        if intent == "commission_estimate" and (deal := qw.commission_deal(text)):
            found.update(deal)  # "if I hit 120%", "a 20k deal": not a quantity of anything
            found["quantity"] = None
        if intent == "audit_trail" and (named := qw.REQUEST_NUMBER.search(fold(text))):
            found["request"] = int(named.group(1))  # "chi ha approvato la richiesta 2?"
        found.update(_keywords(intent, reading.words))
        for arg, value in _keywords(intent, [fold(w) for w in reading.raw]).items():
            found.setdefault(arg, value)  # as typed: "chiude" is not "chiede"
        if intent == "inventory_projection" and v.MORE_THAN_NEEDED.search(" ".join(reading.words)):
            found.setdefault("focus", "excess")  # "do we have more COL-FIL than we need?"
        if intent == "list_alerts":  # "high severity", "red flags": not a product's name
            reading.free.difference_update(_keyword_positions(intent, reading.words))
        found["across_words"] = _keywords("list_alerts", reading.words)
        found["which"] = bool(reading.words) and reading.words[0] in v.WHICH_FIRST
        if special == "read_only":
            return Route(language=lang, kind="read_only")
        if special is not None:
            return Route(language=lang, kind="unavailable", tool=special)
        product = self._product(reading, found)
        family = self.index.family_of_all(product) if product else found.get("family")
        if (
            intent in ("demand_forecast", "available_to_promise")
            and (not product or family)
            and (
                found.get("person") not in (None, user)
                or found.get("team")
                or (not family and _has(reading.words, ("quota", "target", "obiettivo")))
                # "ci arrivo a fine Q4? dammi il forecast", "forecast fine trimestre per
                # territorio": reaching a target, and the forecast no product is asked of
                or (not product and _has(reading.words, v.REACHING))
                or (not product and not family and _has(reading.words, v.SALES_GROUPS["territory"]))
            )
        ):  # "forecast at end of quarter for james walker (on pentole)", "previsione a fine
            # trimestre per il mio team": a person's forecast is their quota's; "quota
            # totale... ce la facciamo?"
            intent = "quota_status"
            if family:
                found["family"], product = family, None
        if "quantity" not in found:  # a bare number left over: "promise 500 PAD-28"
            for quantity, _ in find_quantities(joined):
                where = _positions(quantity, starts, joined)
                if where and where <= reading.free:
                    found["quantity"] = quantity.value
                    reading.free.difference_update(where)
                    break
        if found.get("bad_date"):
            intent = intent or "available_to_promise"  # a deadline is asked for a promise
            args = self._args(intent, found)
            if product is not None and len(product) == 1:
                args["product"] = product[0]
            return Route(
                language=lang,
                kind="clarify",
                tool=intent,
                missing="date",
                unknown=found["bad_date"],
                args=args,
            )
        if (
            intent in (None, "stock_status")
            and not product
            and "family" not in found
            and (
                _has(reading.words, v.CATALOGUE)
                or (
                    (intent == "stock_status" or "location" in found)
                    and _has(reading.words, v.VALUE_WORDS)
                )
                or (intent == "stock_status" and _has(reading.words, v.EACH_PLACE))
            )
        ):  # "che prodotti abbiamo?", "what is our stock worth?", "quanto vale il magazzino
            # di WH-MIL?" (the place's kind word names the place), "giacenze per magazzino"
            # (each place said): the catalogue's stock
            intent, found["all"] = "stock_status", True
        if intent is None and product and {"quantity", "date"} <= found.keys():
            intent = "available_to_promise"  # "500 PAD-24 entro venerdì?" is a question
        if intent is None and pending is not None and pending.kind == "clarify":
            return self._answer_pending(pending, reading, found, product, lang, today)
        if intent is None and last is not None and _has(reading.words[:2], v.FOLLOW_UP):
            return self._follow_up(last, found, product, lang)
        if intent is None and (
            (
                not product
                and (found.get("compare") or found.get("customer") or found.get("unknown_customer"))
            )
            or ".." in str(found.get("behind_period") or "")
            or (found.get("joined") and _over(found.get("behind_period"), today))
        ):  # "confronta padelle e pentole ultimo trimestre": a period gone by is sales
            intent = "sales_history"  # "how did Bottega Etnea do vs last year?", "ultimi 6 mesi"
        if intent is None and found.get("location") in self.index.plants() and ("family" in found):
            intent = "capacity_check"  # "can Lumezzane keep up with pentole?"
        if (
            intent is None
            and not product
            and (
                found.get("person") not in (None, user)
                or found.get("team")
                or found.get("people")
                or ("territory" in found and "family" not in found)
            )
        ):
            # "come va Marchi?", "how is my territory doing?"; but a whole year or the last N
            # months is sales talk ("nord ovest vs nord est quest'anno").
            behind = str(found.get("behind_period") or "")
            intent = "sales_history" if ".." in behind or behind.isdigit() else "quota_status"
        if intent is None:
            if product is not None or "family" in found:
                # "500 PAD-28 by Friday?" is a promise; a bare product is a stock question.
                promise = {"quantity", "date"} <= found.keys()
                intent = "available_to_promise" if promise else "stock_status"
            else:
                return Route(
                    language=lang,
                    kind="not_understood",
                    unknown=found.get("unknown"),
                    suggestions=tuple(found.get("suggestions", ())),
                )
        if (
            intent == "stock_status"
            and isinstance(found.get("location"), str)
            and _has(reading.words, v.EVERY_PLACE)
        ):  # "giacenza MOK-003 a milano e negli stabilimenti": every location, each shown
            found.pop("location")
        return self._complete(intent, found, product, lang)

    # -- customer feedback ----------------------------------------------------------------------

    def _feedback_route(
        self, intent: str, text: str, reading: _Reading, found: dict[str, Any], lang: str
    ) -> Route:
        """Record, search, correct or delete feedback, or note an expected order."""
        product = self._product(reading, found)
        if found.get("no_such_product"):
            product = None  # "vorrebbe una moka a induzione da 2 tazze": none of ours
        args = self._args(intent, found)
        if intent in ("edit_feedback", "delete_feedback"):
            changing = fw.change_asked(text)
            assert changing is not None
            args = {"feedback": changing[1]}
            if intent == "edit_feedback":
                args["text"] = fw.new_text(text)
                if product and (len(product) == 1 or found.get("together")):
                    args["products"] = list(product[:5])  # "...: la moka 3 tazze arriva..."
                if not args["text"]:
                    return Route(language=lang, kind="clarify", tool=intent, missing="text",
                                 args=args)  # fmt: skip
            return Route(language=lang, kind="call", tool=intent, args=args)
        if intent == "record_feedback":
            said = fw.recorded_text(text)
            if product and len(product) > 1 and not found.get("together"):
                # "the gaskets", "the 28 cm pan": a rep logging what a customer said is not
                # asked which one; the family is recorded (the products when it has none).
                family = self.index.family_of_all(product)
                if family is not None:
                    args.setdefault("family", family)
                    product = None
            if product:
                args["products"] = list(product[:5])
            if "customer" not in args and (typed := fw.customer_named(text)):
                args["customer"] = typed  # "il cliente casa napoli dice...": kept as written
            if fw.says_nothing(said):
                return Route(language=lang, kind="clarify", tool=intent, missing="text",
                             args=args)  # fmt: skip
            args["text"] = said
            return Route(language=lang, kind="call", tool=intent, args=args)
        if intent == "search_feedback":
            args.update(_keywords(intent, reading.words))
            for arg, value in _keywords(intent, [fold(w) for w in reading.raw]).items():
                args.setdefault(arg, value)
            if product and len(product) == 1:
                args["product"] = product[0]
            elif product:
                args["products"] = list(product)
            if (query := fw.query_of(text)) is not None and not self._names_only(query):
                args["query"] = query
            elif found.get("no_such_product"):
                # "chi chiede la moka rossa 6 tazze?" when the red one has 4 cups: a product
                # customers ask for and we do not make; its words are what to look for.
                args["query"] = found["no_such_product"]
            elif not args.keys() & {"customer", "product", "products", "family", "person"} and (
                (name := fw.name_at_end(text)) is not None and self._unread_last(reading, name)
            ):
                args["query"] = name  # "what are customers saying about Tefal?"
            return Route(language=lang, kind="call", tool=intent, args=args)
        # a forecast note
        if product and len(product) == 1:
            args["product"] = product[0]
        elif product:
            family = self.index.family_of_all(product)
            if family is None:
                return Route(language=lang, kind="clarify", tool=intent, missing="product",
                             choices=product, args=args)  # fmt: skip
            args["family"] = family
        joined = _join(tokens(text))[0]
        # Numbers read as part of a name ("le padelle 28 del 20%"): never the note's units.
        naming = {
            w for i, w in enumerate(reading.words)
            if w.isdigit() and i not in reading.free | reading.said | reading.percent
        }  # fmt: skip
        for quantity, _ in find_quantities(joined):
            if joined[quantity.start : quantity.end].strip("+- ") in naming:
                continue
            if args.setdefault("quantity", quantity.value) != quantity.value:
                continue  # another number ("a 21,90")
            as_typed = [fold(w) for w in reading.raw]
            if (
                fw.fewer_said(joined, quantity.start, quantity.end)
                or _has(as_typed, fw.ADJUST_DOWN)
                or (_has(as_typed, fw.ADJUST_UP) and _has(as_typed, ("down",)))
            ):  # "togli 100 dalla previsione", "abbassa il forecast di 100", "bump it down"
                found["negative"] = True  # "expect 200 fewer", "300 pezzi in meno"
            break
        said_percent = PERCENT_FIGURE.search(text)
        as_percent = said_percent.group(0).strip() if said_percent else None
        as_percent = as_percent or fw.multiplied([fold(w) for w in reading.raw])
        if (
            said_percent
            and "quantity" in args
            and abs(float(args["quantity"])) == float(said_percent.group(1).replace(",", "."))
        ):  # "expect +20%": a note is in units, asked back rather than read as 20 units
            args.pop("quantity")
        if found.get("negative") and "quantity" in args:
            args["quantity"] = -abs(args["quantity"])  # "-200 in febbraio"
        args["period"] = args.get("period") or found.get("ahead_period") or found.get("period")
        if not re.fullmatch(r"\d{4}-\d{2}", str(args["period"] or "")):
            # Notes are per month: a quarter ("in Q1") is asked back, never its first month.
            args["period"] = None
        args["note"] = fw.note_text(text)
        for needed, asked in (("product", "product"), ("quantity", "quantity"),
                              ("period", "month")):  # fmt: skip
            if needed == "product" and ("product" in args or "family" in args):
                continue
            if not args.get(needed):
                args.pop(needed, None)
                unknown = as_percent if asked == "quantity" else None
                if unknown and found.get("negative") and not unknown.startswith("-"):
                    unknown = "-" + unknown.lstrip("+")  # "bump it down 15%": the units, fewer
                return Route(language=lang, kind="clarify", tool=intent, missing=asked,
                             args=args, unknown=unknown)  # fmt: skip
        return Route(language=lang, kind="call", tool=intent, args=args)

    def _scenario(
        self, text: str, reading: _Reading, found: dict[str, Any], lang: str, today: dt.date
    ) -> Route:
        """What a scenario changes, by how much and for how long (tools.scenario_words): a
        plant's capacity when capacity or a stop is said of a plant named, else the demand of
        the products, the family or everything named."""
        # "can the plant handle it?": no handle of a pan
        said = [fold(w) for w in reading.raw]
        for words in (v.COPE, v.IMPACT, sw.UP, sw.DOWN, tuple(sw.TIMES), sw.MOODS):  # no product's
            reading.free -= _has(reading.words, words) | _has(said, words)
        product = self._product(reading, found)
        args = self._args("what_if", found)
        demand, capacity = sw.changes(text, plant="plant" in args)
        if (
            capacity is None
            and demand is not None
            and "plant" in args
            and not product
            and "family" not in args
            and not sw.of_demand(text)
        ):  # "what if PLT-LUM drops 20%?": nothing but the plant said to change, its output
            demand, capacity = None, demand
        if capacity is not None:
            args["capacity_change"] = capacity
            if demand is None and not sw.of_a_line(text):
                # "what happens to pentole if lumezzane stops?": the plant stops, and every
                # family it makes with it (the pentole among them); "la linea pentole di
                # lumezzane si ferma" is that family's line alone.
                args.pop("family", None)
        if demand is not None or capacity is None:
            args["demand_change"] = demand
            family = self.index.family_of_all(product) if product else None
            if family and set(product or ()) == set(self.index.family_products(family)):
                args["family"] = family  # "knife sales": every knife, the family
            elif product:
                args.pop("family", None)
                args.update({"product": product[0]} if len(product) == 1 else
                            {"products": list(product)})  # fmt: skip
        if (weeks := sw.weeks_said(text)) is not None:
            args["weeks"] = weeks
        back = sw.looks_back(text)
        behind, ahead = found.get("behind_period"), found.get("ahead_period")
        if behind and (back or (back is None and _nearer_behind(behind, ahead, today))):
            args["period"] = behind  # "had been ... in september": gone by
        args = {k: value for k, value in args.items() if value is not None}
        if demand is None and capacity is None:  # "a big promo on padelle": by how much?
            return Route(language=lang, kind="clarify", tool="what_if", missing="change",
                         args=args)  # fmt: skip
        return Route(language=lang, kind="call", tool="what_if", args=args)

    def _scenario_reply(self, pending: Route, text: str, lang: str) -> Route | None:
        """The change a scenario asked back for ("+30%", "del 20%"), or None when the reply
        says none (a new question)."""
        plant = "plant" in pending.args
        demand, capacity = sw.changes(text, plant=plant)
        if demand is None and capacity is None:
            return None
        args = dict(pending.args)
        if capacity is not None:
            args["capacity_change"] = capacity
        if demand is not None:
            args["demand_change"] = demand
        return Route(language=lang or pending.language, kind="call", tool="what_if", args=args)

    def _feedback_reply(
        self, pending: Route, text: str, reading: _Reading, found: dict[str, Any]
    ) -> Route | None:
        """The piece a feedback question back asked for, or None when the reply is a new
        question."""
        args = dict(pending.args)
        if pending.missing == "text":
            if fw.says_nothing(text):
                return None
            args["text"] = text.strip()
        elif pending.missing == "product" and pending.choices:
            picked = _pick(reading.words, pending.choices) or self._by_name(
                reading.words, pending.choices
            )
            if picked is None:
                return None
            if pending.tool == "record_feedback":
                args["products"] = [picked]
            else:
                args["product"] = picked
        elif pending.missing == "quantity":
            numbers = [f.value for f, _ in find_quantities(_join(tokens(text))[0])]
            if not numbers:
                return None
            args["quantity"] = numbers[0]
            if (pending.unknown or "").startswith("-"):  # asked the units of "-15%"
                args["quantity"] = -abs(float(str(numbers[0])))
        elif pending.missing == "month" and (found.get("ahead_period") or found.get("period")):
            args["period"] = found.get("ahead_period") or found["period"]
        else:
            return None
        route = replace(pending, kind="call", missing=None, choices=(), args=args)
        if pending.tool == "forecast_note":
            for needed, asked in (("quantity", "quantity"), ("period", "month")):
                if not args.get(needed):
                    return replace(route, kind="clarify", missing=asked)
        return route

    # -- quota requests -------------------------------------------------------------------------

    def _quota_route(
        self,
        intent: str,
        text: str,
        reading: _Reading,
        found: dict[str, Any],
        lang: str,
        user: str,
    ) -> Route:
        """A quota change asked for, a decision on one, or the list of them: what is said
        (tools.quota_words), and the question back for what is missing."""
        if intent == "decide_quota_request":
            said = qw.decision(text)
            route = Route(language=lang, kind="call", tool=intent, args=said)
            if said.get("decision") in ("reject", "changes") and not said.get("note"):
                return replace(route, kind="clarify", missing="note")  # "why?", kept as asked
            return route
        if intent == "quota_requests":
            typed = [fold(w) for w in reading.raw]
            status = next((s for s, words in qw.STATUSES.items() if _has(typed, words)), None)
            if _has(typed, qw.HAPPENED):
                status = None  # "was my split approved?": whatever became of it
            return Route(language=lang, kind="call", tool=intent,
                         args={"status": status} if status else {})  # fmt: skip
        # A product is looked for in what is asked, not in why ("ha perso un cliente grosso")
        # nor in the words of the change ("1000 volte più alta").
        asked = len(tokens(MENTION.sub(" ", qw.split_reason(text)[0])))
        reading.free.difference_update(range(asked, len(reading.words)))
        for subject, at in found.get("said_at", {}).items():
            if at >= asked:  # "..., DACH dealers are overstocked": why, not whose quota
                found.pop(subject, None)
        reading.free.difference_update(
            i for i, w in enumerate(reading.words) if w in qw.CHANGE_WORDS
        )
        product = self._product(reading, found)  # a family is read with the products
        if "family" not in found and product:
            family = self.index.family_of_all(product)
            if family:
                found["family"] = family
            elif found.get("skus") or len(product) == 1:
                found["product"] = ", ".join(product)  # "per PAD-28": refused, not dropped
        args = self._args(intent, found)
        if args.get("person") == user:
            args.pop("person")  # "my quota"
        args.update(qw.quota_change(text))
        route = Route(language=lang, kind="call", tool=intent, args=args)
        if found.get("unknown_name") and not (found.get("person") or found.get("territory")):
            # "la quota di Mario Verdi": someone Ponte does not know, never the asker.
            return replace(route, kind="clarify", missing="person", unknown=found["unknown_name"])
        return self._quota_missing(route)

    @staticmethod
    def _new_request(reading: _Reading, text: str) -> bool:
        """A message that is itself a quota change (a quota word and a new figure)."""
        quota = _has(reading.words, QUOTA_WORDS)
        said = qw.quota_change(text)
        return bool(quota) and any(k in said for k in TARGETS)

    @staticmethod
    def _allocation(text: str, args: dict[str, Any], lang: str) -> Route:
        """A split across territories: the family (from `args`), the total and why (from the
        words); the question back for the family or the total when missing."""
        split = qw.shares(text)
        if not split and (whole := qw.whole_to(text)):  # "tutta la quota ... al nord ovest"
            split = {whole: 100.0}
            args["whole"] = True
        if split:  # "50% nord ovest, 30% nord est, 20% resto": the person's own split
            args["shares"] = split
        typed = [fold(t.text) for t in tokens(text)]
        if _has(typed, qw.EVEN):
            among = qw.even_among(text)  # "metà e metà tra NO e NE": those two only
            if among and not split:
                args["shares"], split = among, among
            else:
                args["even"] = True
        elif _has(typed, qw.BY_LAST_YEAR):
            args["by"] = "last_year"
        elif _has(typed, qw.BY_RECENT):
            args["by"] = "recent"
        # The reason only after "because / perché": a colon opens the split, not why.
        said = qw.quota_change(qw.without_shares(text), pause=False)
        total = said.get("target_units") or said.get("change_units")
        money = said.get("target_revenue") or said.get("change_revenue")
        if total is not None:
            args["target_units"] = abs(total)
        elif money is not None:  # "split €120,000 of coltelli": revenue quotas
            args["target_revenue"] = abs(money)
        if said.get("reason"):
            args["reason"] = said["reason"]
        route = Route(language=lang, kind="call", tool="allocate_quota", args=args)
        if not split and qw.says_split(text):
            # "50/30/20 nord centro sud" read only in part: asked back, never replaced by the
            # split from sales (which the person did not ask for).
            return replace(route, kind="clarify", missing="shares")
        if "family" not in args:
            return replace(route, kind="clarify", missing="family")
        if "target_units" not in args and "target_revenue" not in args and not args.get("whole"):
            return replace(route, kind="clarify", missing="total")
        return route

    def _quota_reply(self, pending: Route, text: str, lang: str) -> Route:
        """The answer to "what should the new target be?" or "why?"."""
        args = dict(pending.args)
        said = qw.quota_change(text)
        if pending.missing == "reason":
            reply = " ".join(fold(text).strip(" .!").split())
            if reply in v.YES or reply in v.NO:  # "yes" is no reason: ask again
                return replace(pending, language=lang)
            said.setdefault("reason", qw.split_reason(text)[1] or text.strip())
            said = {"reason": said["reason"]}
        args.update(said)
        return self._quota_missing(replace(pending, kind="call", args=args, missing=None))

    @staticmethod
    def _quota_missing(route: Route) -> Route:
        if not any(k in route.args for k in TARGETS):
            return replace(route, kind="clarify", missing="target")
        if not route.args.get("reason"):
            return replace(route, kind="clarify", missing="reason")
        return route

    # -- reading ------------------------------------------------------------------------------

    def _keyword(self, word: str) -> str:
        """The word, or the vocabulary word it is a typo of (never a product or SKU code)."""
        if word in RESERVED or word in v.STOPWORDS or self.index.sku(word):
            return word
        if word in self.index.typos.words or self.index.looks_like_code(word):
            return word
        if word in self.index.name_words_known:
            return word
        return KEYWORDS.lookup(word) or word

    def _entities(
        self,
        reading: _Reading,
        joined: str,
        starts: list[int],
        toks: list[Token],
        mentions: list[str],
        user: str,
        today: dt.date,
        lang: str,
    ) -> dict[str, Any]:
        found: dict[str, Any] = {}
        words, free = reading.words, reading.free
        # "vs", "e", "and", "moka + pentole", "pots, pans": maybe compared
        found["joined"] = bool(_has(words, v.TOGETHER) or reading.apart)
        found["by_family"] = bool(_has(words, v.SALES_GROUPS["family"]))
        found["company"] = bool(_has(words, v.COMPANY))  # "totale aziendale", "company-wide"
        if mentions:
            found["person"] = mentions[0]
            for mention in mentions:
                _named(found, "person", mention)

        def take(span: Found) -> None:
            positions = _positions(span, starts, joined)
            free.difference_update(positions)
            reading.said.update(positions)

        # A customer named in full with a number in its name ("Bar 2000", "Cliente 01-07"):
        # its words are the name, not a year, a date or a quantity.
        numbered = self._numbered_customers(toks)
        joined = _masked(joined, starts, set().union(*numbered.values()))
        for name, positions in numbered.items():
            _named(found, "customer", name)
            free.difference_update(positions)
        horizon = find_horizon_weeks(joined)
        if horizon is not None:
            found["weeks"] = horizon.value
            # What arrives or is due "in the next 2 weeks": from today, those weeks' days.
            last = today + dt.timedelta(days=7 * int(str(horizon.value)) - 1)
            found["weeks_ahead"] = f"{today}..{last}"
            take(horizon)
        period = find_period(joined, today)
        date = find_date(joined, today)
        if date is not None and date.value is None:
            found["bad_date"] = joined[date.start : date.end]
            take(date)
        elif date is not None:
            found["date"] = date.value
            # A forecast "fino a fine prossimo trimestre" (or "a fine trimestre", "to the end
            # of the quarter": an end is the end of a span) runs from today to that day.
            if (
                isinstance(date.value, dt.date)
                and date.value >= today
                and (
                    UNTIL.search(joined[: date.start])
                    or re.match(r"(?:end of|fine|entro|within)\b", joined[date.start : date.end])
                )
            ):
                found["until"] = f"{today}..{date.value}"
            take(date)
        if period is not None:
            has_year = bool(re.search(r"\d{4}", joined[period.start : period.end]))
            # Quotas look either way: "Q3" in November is the one just over, "Q1" the next.
            found["period"] = _nearest(str(period.value), today, has_year)
            # Sales look back: "December" in November is last December.
            found["behind_period"] = _behind(str(period.value), today, has_year)
            # Forecasts look ahead: "January" in November is next January; but "until the end
            # of next quarter" is a span from today, not the quarter.
            inside_date = date is not None and date.start <= period.start < date.end
            if not (inside_date and found.get("until")):
                found["ahead_period"] = _ahead(str(period.value), today, has_year)
            if (onward := _onwards(joined, period, found.get("ahead_period"), today)) is not None:
                found["ahead_period"] = onward  # "capacità da febbraio": February on
            take(period)
            other = find_period(joined[period.end :], today) if _has(words, v.TOGETHER) else None
            if other is not None and other.value is not None:  # "dicembre vs gennaio"
                second = Found(other.value, period.end + other.start, period.end + other.end)
                second_year = bool(re.search(r"\d{4}", joined[second.start : second.end]))
                for kind, how in (("period", None), ("behind_period", _behind),
                                  ("ahead_period", _ahead)):  # fmt: skip
                    _named(found, kind, found.get(kind))
                    named = str(second.value)
                    _named(found, kind, named if how is None else how(named, today, second_year))
                take(second)
        elif (bad := BAD_PERIOD.search(joined)) is not None:
            found["bad_period"] = bad.group(1).upper()
            take(Found(None, bad.start(), bad.end()))
        for i in sorted(free):
            sku = self.index.sku(words[i])
            pair = None if sku or i + 1 not in free else self.index.sku(words[i] + words[i + 1])
            if pair is not None:  # "pad 24" typed for PAD-24
                found.setdefault("skus", []).append(pair)
                free.difference_update((i, i + 1))
            elif sku is not None:
                found.setdefault("skus", []).append(sku)
                free.discard(i)
            elif self.index.looks_like_code(words[i]) and not _is_number(words[i]):
                if (
                    self.index.location(words[i])
                    or self.index.territory((words[i],))
                    or toks[i].raw.upper() in self.index.territory_codes  # "IT-SUD"
                    or len(self.index.territories_with(tuple(words[i].split("-")))) == 1
                    or self.index.family(words[i])  # "PASTA_SECCA"
                ):  # "Centro-Sud": part of a territory's name
                    continue
                found["unknown"] = toks[i].raw
                found["suggestions"] = self.index.similar_skus(words[i])
                free.discard(i)
        if (top := TOP.search(joined)) is not None:
            number = 1 if top.group(1) else 2
            found["top"] = int(top.group(number))
            # The count is read; "top" and "clienti" still say what is asked.
            take(Found(None, top.start(number), top.end(number)))
        if (versus := _versus(words, today)) is not None:
            found["compare"], at, main = versus
            if main is not None:  # "2024 vs 2025": 2025, against the year before
                found["period"] = found["behind_period"] = main
            # "vs last": the other side of a comparison, not "how long stock will last".
            free.difference_update(i for i in range(at, len(words)) if words[i] in COMPARED)
            spoken = _positions(period, starts, joined) if period is not None else set()
            if spoken and min(spoken) > at and main is None:
                # "vendite X vs anno scorso": last year is the other side; this one is now.
                for kind in ("period", "behind_period", "ahead_period"):
                    found.pop(kind, None)
                if found["compare"] == "last_year":
                    found["period"] = found["behind_period"] = str(today.year)
        for quantity, marked in find_quantities(joined):
            if marked and _positions(quantity, starts, joined) <= free:
                found.setdefault("quantity", quantity.value)
                take(quantity)
        self._places_and_people(reading, toks, found, user, lang)
        if every := _has(words, v.EVERYTHING) & free:
            found["all"] = True  # "stock totale", "fcst all products"
            free.difference_update(every)
        return found

    def _places_and_people(
        self, reading: _Reading, toks: list[Token], found: dict[str, Any], user: str, lang: str
    ) -> None:
        words, free = reading.words, reading.free
        for i in sorted(free):
            location = self.index.location(words[i])
            if location is not None:
                _named(found, "location", location)
                found.setdefault("places_at", []).append((i, location))
                free.discard(i)
                # "the Maniago plant", "magazzino di Milano": the kind of place is part of
                # its name here, not a question about capacity or the warehouse.
                for j in (i - 2, i - 1, i + 1):
                    between = words[j + 1 : i] if j < i else []
                    if (
                        0 <= j < len(words)
                        and words[j] in v.PLACE_KINDS
                        and (all(w in v.STOPWORDS for w in between))
                    ):
                        free.discard(j)
        if (
            "location" not in found
            and (at := _has(words, ("warehouse",)) & free)
            and not _has(words, v.EACH_PLACE)  # "in each warehouse": all of them
        ):
            warehouses = self.index.locations_of_kind("warehouse")
            if len(warehouses) == 1:  # "at the warehouse": the only one there is
                _named(found, "location", warehouses[0])
                free.difference_update(at)
        self._customers(reading, toks, found)
        near_territory_word = {
            j for i in _has(words, v.TERRITORY_WORDS) for j in (i - 1, i + 1, i + 2)
        }
        for i in sorted(free):
            raw = toks[i].raw
            code = self.index.territory_codes.get(raw.upper())
            # A code is a territory when typed in capitals (and not a word like "IS"), or
            # next to "territory"/"zona" ("zona ne", "NE territory").
            shouted = raw.isupper() and len(raw) > 1 and not all(t.raw.isupper() for t in toks)
            # A code no word looks like ("IT-SUD", "it-sud") is the territory however typed.
            coded = self.index.looks_like_code(words[i])
            if code and (i in near_territory_word or shouted or coded):
                _named(found, "territory", code)
                found.setdefault("said_at", {}).setdefault("territory", i)
                free.discard(i)
                continue
            for size in (2, 1):
                span = tuple(words[i : i + size])
                territory = self.index.territory(span)
                parts = tuple(w for word in span for w in word.split("-") if w)
                if territory is None and len(parts) > 1:
                    # Part of a longer name: "Centro-Sud" for "Italia Centro-Sud e Isole"
                    within = self.index.territories_with(parts)
                    territory = within[0] if len(within) == 1 else None
                if territory and set(range(i, i + size)) <= free:
                    _named(found, "territory", territory)
                    found.setdefault("said_at", {}).setdefault("territory", i)
                    free.difference_update(range(i, i + size))
                    break
            person = self.index.people_upper.get(raw.upper())
            if person is not None and i in free:
                _named(found, "person", person)
                found.setdefault("said_at", {}).setdefault("person", i)
                free.discard(i)
        for i in sorted(free):
            for size in (3, 2, 1):
                span = tuple(words[i : i + size])
                people = self.index.people_named(span)
                if size == 1 and _inside_phrase(words, i):
                    continue  # "quanto costa" asks a price, not about Marco Costa
                if people and set(range(i, i + size)) <= free:
                    if len(people) == 1:
                        _named(found, "person", next(iter(people)))
                        found.setdefault("said_at", {}).setdefault("person", i)
                    else:
                        found.setdefault("people", sorted(people))
                    free.difference_update(range(i, i + size))
                    break
        # "I" is the asker; a lowercase "i" only in English (in Italian it is an article).
        mine = {
            i for i in _has(words, v.MINE) if words[i] != "i" or toks[i].raw == "I" or lang == "en"
        }
        if "person" not in found and _has(words, v.TEAM):
            found["team"] = True
        elif "person" not in found and mine:  # "I", not the Italian article "i"
            found["person"] = user
        if "person" not in found and "territory" not in found:
            names = [
                toks[i].raw
                for i in sorted(free)
                if i > 0
                and toks[i].raw[:1].isupper()
                and len(words[i]) > 2
                and words[i - 1] in ("di", "of", "for", "per", "del", "della")
                and words[i] not in v.STOPWORDS
                and words[i] not in RESERVED
                and self.index.typos.lookup(words[i]) is None
                and not self.index.looks_like_code(words[i])
            ]
            if names:
                found["unknown_name"] = names[0]  # "quota di Pippo": someone we do not know

    def _numbered_customers(self, toks: list[Token]) -> dict[str, set[int]]:
        """Customers named in full whose names hold a number, with the positions naming
        them (a code's parts are words of the name: "01-07" is "01", "07")."""
        if not any(ch.isdigit() for t in toks for ch in t.text):
            return {}
        parts = [(part, i) for i, t in enumerate(toks) for part in NAME_PARTS.split(t.text) if part]
        found: dict[str, set[int]] = {}
        k = 0
        while k < len(parts):
            for size in range(min(self.index.longest_customer, len(parts) - k), 1, -1):
                words = tuple(word for word, _ in parts[k : k + size])
                name = self.index.customer(words)
                if name is not None and any(ch.isdigit() for w in words for ch in w):
                    found[name] = {i for _, i in parts[k : k + size]}
                    k += size
                    break
            else:
                k += 1
        return found

    def _customers(self, reading: _Reading, toks: list[Token], found: dict[str, Any]) -> None:
        """A customer named in full or by its first words ("maison de la moka"), or by a word
        only its name has ("partenope"); a word several customers share ("bottega") names
        them all, for a question back if the question turns out to be about sales."""
        index, free = self.index, reading.free
        typed = [self._customer_word(t.text) for t in toks]
        for i in sorted(free):
            for size in range(min(index.longest_customer, len(typed) - i), 1, -1):
                span = set(range(i, i + size))
                name = index.customer(tuple(typed[i : i + size]))
                if name is not None and span <= free:
                    after = i + size
                    if (
                        after < len(toks)
                        and after - 1 not in reading.apart  # "Colombo, Brianza Casa"
                        and self._another_name(toks[after], name)
                    ):
                        # "Ferramenta Pippo": a customer we do not know, not Ferramenta Sforza.
                        found["unknown_customer"] = " ".join(t.raw for t in toks[i : after + 1])
                        found["suggestions"] = [name]
                        free.difference_update(span | {after})
                        break
                    _named(found, "customer", name)  # "casa friulana e cucine scaligere"
                    free.difference_update(span)
                    break
        if "customer" in found:
            return
        for i in sorted(free):
            word = typed[i]
            if word in RESERVED or word in v.STOPWORDS or index.is_name_word(word):
                continue
            if index.location(word) or index.territory((word,)) or word in v.GENERIC_NAME_WORDS:
                continue
            named = index.customers_with(word)
            if len(named) == 1:
                name = next(iter(named))
                if index.people_named((word,)):
                    found["customer_or_person"] = name  # "Colombo"
                    continue
                if i + 1 < len(toks) and self._another_name(toks[i + 1], name):
                    # "Ferramenta Pippo": a customer we do not know, not Ferramenta Sforza.
                    found["unknown_customer"] = f"{toks[i].raw} {toks[i + 1].raw}"
                    found["suggestions"] = [name]
                    free.difference_update((i, i + 1))
                    return
                found["customer"] = name
                free.discard(i)
                return
            if len(named) > 1 and (toks[i].raw[:1].isupper() or i > 0):
                found.setdefault("customers", sorted(named))

    def _names_only(self, query: str) -> bool:
        """Whether the words a search asks for only name a product or family Ponte already
        reads ("feedback che citano il coltello da cuoco"): no text to look for beyond it."""
        words = [fold(w) for w in query.split()]
        return all(
            w in v.STOPWORDS
            or w.isdigit()
            or self.index.is_name_word(w)
            or self.index.family(w) is not None
            for w in words
        )

    def _unread_last(self, reading: _Reading, name: str) -> bool:
        """Whether the message's last word is `name` and was read as nothing (no place,
        family, person, month, product or customer; no word of Ponte's vocabulary), nor names
        a territory on its own ("su Export")."""
        last = len(reading.raw) - 1
        return (
            last >= 0
            and reading.raw[last] == name
            and last in reading.free
            and reading.words[last] not in RESERVED
            and reading.words[last] not in v.STOPWORDS
            and self.index.territory((reading.words[last],)) is None
        )

    def _customer_word(self, word: str) -> str:
        """The word, or the customer's word it is a typo of ("serenisima"); never a word
        Ponte knows as something else."""
        index = self.index
        if (
            word in index.customer_words
            or word in RESERVED
            or word in v.STOPWORDS
            or index.is_name_word(word)
            or word in index.name_words_known
            or index.location(word) is not None
            or index.family(word) is not None
        ):
            return word
        return index.customer_typos.lookup(word) or word

    def _another_name(self, token: Token, customer: str) -> bool:
        """A capitalised word right after the first words of a customer's name that is not
        in it, nor anything else Ponte knows: the name of another customer."""
        word = token.text
        return (
            token.raw[:1].isupper()
            and len(word) > 2
            and customer not in self.index.customers_with(word)
            and word not in RESERVED
            and word not in v.STOPWORDS
            and not self.index.is_name_word(word)
            and self.index.location(word) is None
            and self.index.territory((word,)) is None
            and not self.index.people_named((word,))
            and self.index.family(word) is None
        )

    def _intent(
        self, reading: _Reading, found: dict[str, Any], text: str = ""
    ) -> tuple[str | None, str | None]:
        """The delivered intent, or (None, name) for a recognised ability not available yet."""
        words = reading.words
        raw = [fold(w) for w in reading.raw]
        quota = bool(_has(words, QUOTA_WORDS))
        if text and (feedback_change := fw.change_asked(text)):
            return feedback_change[0], None  # "cancella il feedback 12", "edit feedback 3: ..."
        if _has(raw, v.AUDIT) or _has(words, v.AUDIT):
            return "audit_trail", None  # "storico modifiche quota di giulia rossi"
        numbered = any(_is_number(words[i]) for i in reading.free | reading.percent) | (
            "quantity" in found
        )
        multiple = fw.multiplied(raw)  # "raddoppia": +100%
        times = multiple is not None and _has(raw, fw.FORECAST_WORDS)
        changed_by = multiple or _has(raw, v.DEMAND_CHANGES) or re.search(r"\d\s?%", text)
        plant = found.get("location") in self.index.plants()
        cope = _has(raw, v.COPE) or (not quota and _has(raw, v.IMPACT))
        if (
            (changed_by and _has(raw, v.SCENARIO_WORDS) and cope)
            # "se maniago si ferma 2 settimane, come stiamo con i coltelli?"
            or (plant and sw.stops(text) and (cope or _has(raw, CONDITIONAL)))
            or (plant and changed_by and cope)
            # "bergamo perde il 30% di capacità": a change said, with its size
            or (
                plant
                and re.search(r"\d\s?%", text)
                and (_has(raw, v.DEMAND_CHANGES) or re.search(r"(?<![\w.,])[+-]\s?\d", text))
            )
        ):  # "raddoppia la previsione della moka, ce la facciamo?", "promo a gennaio +30% di
            # domanda, reggiamo?", "se chiudiamo maniago una settimana reggiamo?": a scenario
            return "what_if", None
        if times and not fw.asks_a_question(raw, text):
            return "forecast_note", None  # "double the PAD-28 forecast for january"
        if _has(raw, fw.NOTE_WORDS) or (
            numbered
            and not fw.asks_a_question(raw, text)
            and (
                _has(raw, fw.EXPECT_WORDS)
                or (
                    _has(raw, fw.FORECAST_WORDS)
                    and (
                        _has(raw, fw.OFF_WORDS)
                        # "raise the forecast by 10%", "bump the wok forecast down 15%": a
                        # note, whose units are asked for when a percentage is said
                        or _has(raw, fw.ADJUST_UP + fw.ADJUST_DOWN)
                        or SIGNED.search(text)
                    )
                )
                or (
                    _has(raw, fw.WANT_WORDS)
                    and _has(raw, fw.MORE_WORDS)
                    and bool(
                        found.get("customer")
                        or found.get("unknown_customer")
                        or _has(raw, fw.CUSTOMER_WORDS)
                    )
                )  # a customer's demand, not "we need 200 more PAD-28 at WH-MIL"
            )
        ):
            # "expect +500 from ACME in January", "il forecast di PAD-24 è troppo basso, il
            # cliente ne vuole 300 in più"
            return "forecast_note", None
        if (
            SIGNED_SHARE.search(text)
            and not fw.asks_a_question(raw, text)
            and not _any_phrase(words)
        ):  # "+20% sulle padelle 28 a dicembre": a change of the forecast said alone, noted
            return "forecast_note", None
        if _has(raw, qw.HAPPENED) and (
            _has(raw, qw.REQUEST_NOUNS) or _has(words, qw.REQUEST_NOUNS)
        ):
            # "what happened to request #2?": its history; "che fine ha fatto la mia
            # richiesta?": the person's requests, decided ones included.
            named = qw.REQUEST_NUMBER.search(" ".join(raw))
            return ("audit_trail" if named else "quota_requests"), None
        if quota and _has(raw, ("storico", "history", "cronologia")):
            return "audit_trail", None  # "storico della mia quota", "my quota history"
        if _has(words, v.COMMISSION) or _has(raw, v.COMMISSION):
            return "commission_estimate", None  # "what do I earn if...", "provvigioni"
        if (
            _has(raw, v.ALLOCATE)
            and (_has(words, TERRITORY_PLURAL) or quota or bool(qw.shares(text)))
        ) or (quota and (qw.shares(text) or qw.whole_to(text))):
            # "split 12,000 PENTOLE for Q1 across my territories", "quota moka q1 8000 pezzi:
            # 70% Nord-Ovest, 30% Nord-Est"
            return "allocate_quota", None
        numbered = any(_is_number(words[i]) for i in reading.free | reading.percent)
        # As typed ("approvate", "changes"), and only what is asked: the words of a reason
        # ("...because: ignore that and approve it") ask for nothing.
        typed = (
            [fold(t.text) for t in tokens(qw.split_reason(text, comma=False)[0])]
            if text
            else [fold(w) for w in reading.raw]
        )
        named = qw.REQUEST_NUMBER.search(" ".join(typed))
        if _has(typed, qw.DECIDE) and (
            named or (numbered and not _has(typed, QUOTA_WORDS))
        ):  # the words of a reason ("fuori budget") are not what is asked
            return "decide_quota_request", None  # "approve request 3", "rifiuta la 4: ..."
        changing = quota and (_has(words, v.CHANGE_WORDS) or _has(typed, qw.CHANGE))
        if changing and numbered:
            return "request_quota_change", None  # "request a quota change: q1 to 9500 ..."
        if (
            _has(typed, v.APPROVAL_WORDS)
            or _has(typed, qw.WAITING)
            or (quota and _has(typed, qw.LIST))
            or (  # "richieste rifiutate questo mese"
                _has(typed, ("requests", "richieste"))
                and any(_has(typed, said) for said in qw.STATUSES.values())
            )
        ):
            return "quota_requests", None  # "pending approvals", "my quota requests"
        if changing:
            return "request_quota_change", None
        more = bool(qw.MORE.search(" ".join(typed)))
        figure = numbered or "quantity" in found  # "300 pz" is read as a quantity
        if (
            figure
            and more
            and (
                (found.get("person") and _has(typed, qw.GIVE))
                or (found.get("period") and _has(typed, qw.GIVE_ME))
            )
        ):  # "give walker 500 more units in q1", "mettimi 300 pz in meno sul q1": what a rep
            # is given to sell is their quota
            return "request_quota_change", None
        if quota and SIGNED.search(qw.split_reason(text)[0]):
            return "request_quota_change", None  # "vorrei +15% sulla quota q1 perché..."
        whose = (
            quota
            or found.get("person")
            or found.get("team")
            or _has(raw, v.SELF_BEHIND)
            or (found.get("territory") and not {"product", "family"} & found.keys())
            or found.get("customer")
        )  # "why is the south so far behind?": a territory's quota too; a customer's products
        if (
            _has(raw, v.BEHIND)
            and (_has(raw, v.ACCOUNTS) or (_has(raw, v.WHY) and whose))
            and (fw.asks_a_question(raw, text) or _has(raw[:2], v.WHY))
        ):
            # "why is Antonio so far behind? is it one account?", "perché sono così indietro
            # con la quota?": this quarter's sales by customer against the same weeks last
            # year, customers lost included (a rep asking of no one else: their own)
            split = "product" if found.get("customer") and not found.get("person") else "customer"
            found.update(group_by=split, compare="last_year", why_behind=True)
            found["against_quota"] = True  # the quota itself, beside the reason
            found["rank_by"] = "change"  # the reason first: the largest fall
            return "sales_history", None
        if (
            _has(raw, v.WHY)
            and _has(raw, v.FELL)
            and _has(raw, v.INTENTS["sales_history"][0] + v.INTENTS["sales_history"][1])
            and not _has(raw, fw.FORECAST_WORDS)
            and not _has(raw, v.ALERT_FOCUS["capacity"])
        ):
            # "perché a maggio abbiamo venduto meno coltelli?", "why did knife sales drop in
            # may?": that period against the one before (or last year's, when said), split
            # by product (a product's by customer), the largest fall first
            if not found.get("period"):  # "perché le vendite di ruote sono salite?"
                found["recently"] = True  # the last three months (tools.when's "recently")
            if found.get("compare") != "last_year":
                found["compare"] = "previous"
            split = "customer" if found.get("skus") else "product"
            found.setdefault("group_by", split)
            found["rank_by"] = "change"
            return "sales_history", None
        if (
            _has(raw, v.PROMO_WORDS)
            and _has(raw, v.HOW_IT_WENT)
            and not _has(raw, v.SALES_GROUPS["promo"])
        ):  # "la promo sulle moka com'è andata?" (not "vendite durante la promo": a split)
            return "promo_review", None
        if (
            _has(words, v.MOVE_QUESTIONS)
            or _has(raw, v.MOVE_QUESTIONS)
            or (self._verbs(words, v.MOVE_VERBS) and found.get("places_at"))
        ):  # "sposta 200 PAD-28 da Lumezzane a Milano": not done from chat, but checked
            # "posso spostare COL-FIL da milano a maniago?", "suggested transfers"
            found["move"] = True  # every location, not only the one named first
            found.update(_move_sides(words, found.get("places_at", [])))
            return "inventory_projection", None
        changed = _has(raw, v.DEMAND_CHANGES) or _has(words, v.DEMAND_CHANGES)
        changes = _has(raw, v.SCENARIO_WORDS) or _has(words, v.SCENARIO_WORDS)
        what_if = _has(raw, v.WHAT_IF) or _has(words, v.WHAT_IF)  # "wat if"
        # "e se la trasmissione sale del 50%?": a family or a product named is what changes
        subject = bool(changes) or plant or "family" in found
        subject = subject or (
            not quota and any(self.index.family(w) or self.index.is_name_word(w) for w in words)
        )
        if what_if and subject and (changed or re.search(r"\d\s?%", text)):
            return "what_if", None  # "what if demand for moka goes up 20%?"
        if what_if and _has(raw, v.PROMO_WORDS):
            return "what_if", None  # "what if we do a big promo on padelle?": by how much?
        asking_about = _has(words, v.ABOUT_A_CHANGE)
        # "order book Casalinghi Colombo": the open orders, not booking an order.
        reserving = self._verbs(words, v.RESERVE_VERBS) - _has(words, ("order book",))
        if not asking_about and (
            (self._verbs(words, v.WRITE_VERBS) and _has(words, v.WRITE_OBJECTS)) or reserving
        ):
            return None, "read_only"
        # "il cliente chiede 500 PAD-24 entro marzo": an ATP question, not feedback.
        number = any(_is_number(words[i]) for i in reading.free)
        promise = bool(_has(words, PROMISE_WORDS)) or (
            "date" in found and ("quantity" in found or number)
        )
        if not ("quantity" in found or number):
            promise = False  # "chiede consegne più rapide": a wish, not a quantity to promise
        named = found.get("customer") or found.get("unknown_customer")
        told = _has(raw, fw.SAYING) and (named or _has(raw, fw.CUSTOMER_WORDS))
        # "Ferramenta Rossi says the new pan arrives scratched", "il cliente chiede..."
        question = fw.asks_a_question(raw, text)
        # "customer wants 400 of the 6 cup moka mid december - do we have it?": a quantity
        # for a day, asked whether we can serve it, is a promise whatever the customer said.
        served = question and promise and "date" in found
        if told and not (fw.DEADLINE.search(text) or _has(words, PROMISE_WORDS) or served):
            # "chiede una moka rossa da 6 tazze, a natale la venderebbero": a wish, not a
            # promise ("chiede 500 PAD-24 entro marzo" is one: a deadline)
            promise = False
        # "partenope non ordina più perché le pentole arrivano in ritardo": a customer and a
        # complaint, said: what the customer told, not a question about sales or forecasts.
        told = told or bool(named and not question and fw.complains(text))
        if (
            fw.RECORD.match(text)
            or fw.RECORD_ASK.search(text)
            or (
                (
                    _has(words, v.FEEDBACK_WORDS)
                    or _has(raw, v.FEEDBACK_WORDS)
                    or told
                    or _has(raw, fw.FEEDBACK_ONLY)  # packaging, competitors: only feedback knows
                )
                and not promise
            )
        ):
            if fw.RECORD.match(text) or fw.RECORD_ASK.search(text):
                return "record_feedback", None  # "log feedback: ...", "..., log that pls"
            if question or _has(raw, fw.SEARCH_FIRST) or not told:
                return "search_feedback", None  # "feedback negativi sulle pentole"
            return "record_feedback", None
        if _has(words, v.ALERT_WORDS):
            # "notify me when PAD-28 is back": a subscription, which arrives with delivery.
            if _has(words, v.SUBSCRIBE_WORDS):
                return None, "list_alerts"
            standing = v.ACKNOWLEDGED + v.SNOOZED + v.UNASSIGNED + v.ASSIGNED_TO_ME
            # "ack alert 3": the message's buttons do that ("alerts already acked (ack)" asks
            # for a list by where alerts stand).
            if _has(words, v.ALERT_ACTS) and not _has(words, standing):
                return None, "act_on_alerts"
            return "list_alerts", None
        scores: dict[str, float] = {}
        unread = set(reading.free)  # words not already read as a date, a place, a name
        for i, word in enumerate(words):
            for intent, phrase, _ in PHRASES.get(word, ()):
                if words[i : i + len(phrase)] == list(phrase) and (
                    set(range(i, i + len(phrase))) <= unread
                ):
                    scores[intent] = scores.get(intent, 0) + len(phrase) ** 1.5
                    reading.free.difference_update(range(i, i + len(phrase)))
        if not scores:
            return None, None
        if (
            "search_feedback" in scores
            and scores.keys() & QUOTA_INTENTS
            and _has(words, v.ASKS_FOR[0] + v.ASKS_FOR[1])
        ):  # "chi chiede più quota?", "who wants more quota?": a quota, not a customer's wish
            del scores["search_feedback"]
        # "why is the forecast..." is about the forecast's reasons, not the forecast itself;
        # "seasonal forecast for moka next quarter" is the forecast of a period, seasonal.
        if "explain_forecast" in scores and "demand_forecast" in scores:
            seasonal_only = scores["explain_forecast"] <= 1 and _has(words, v.SEASONAL)
            if seasonal_only and {"period", "ahead_period", "weeks"} & found.keys():
                scores["demand_forecast"] += scores["explain_forecast"]
            else:
                scores["explain_forecast"] += scores["demand_forecast"]
        if "forecast_accuracy" in scores:  # "how accurate is the forecast", "errore previsioni"
            scores["forecast_accuracy"] += sum(
                scores.get(i, 0) for i in ("demand_forecast", "explain_forecast")
            )
        if (
            "capacity_check" in scores
            and "available_to_promise" in scores
            and not ("quantity" in found or number)
        ):  # "capacità plt-man dicembre, ce la facciamo?", "ce la facciamo a gennaio con la
            # capacità dei coltelli?": no quantity to promise, the plan
            scores["capacity_check"] = max(scores.values()) + 1
        elif "available_to_promise" in scores and {"quantity", "date"} & found.keys():
            scores["available_to_promise"] += 2
        elif (
            "stock_status" in scores
            and scores["stock_status"] > scores.get("incoming_receipts", 0)
            and "date" in found
            and (
                "quantity" in found
                or any(  # a number that is not a size ("the 9 cup moka")
                    _is_number(words[i])
                    and words[i + 1 : i + 2] != []
                    and words[i + 1] not in self.index.after_number
                    for i in reading.free
                )
            )
            and isinstance(found["date"], dt.date)
        ):  # "customer wants 400 MOK-006 by 15 december, do we have it?": a promise
            scores["available_to_promise"] = max(scores.values()) + 1
        if "sales_history" in scores and "demand_forecast" in scores:
            scores["demand_forecast"] += scores["sales_history"]  # "vendite previste"
        forecast_vs_last_year = (
            "demand_forecast" in scores
            and found.get("compare") == "last_year"
            and not found.get("customer")
            and bool(_has(words, fw.FORECAST_WORDS))
            and max(scores, key=lambda i: scores[i]) in ("demand_forecast", "sales_history")
        )  # "previsione vendite moka dicembre vs dicembre scorso": the forecast, last year beside
        if forecast_vs_last_year:
            scores["demand_forecast"] = max(scores.values()) + 1
        elif "sales_history" in scores and (found.get("customer") or found.get("compare")):
            # "quanto abbiamo fatturato con Casalinghi Serenissima": a customer has no stock.
            scores["sales_history"] = max(scores.values()) + 1
        if (
            "explain_forecast" in scores
            and scores["explain_forecast"] <= 1
            and _has(words, ("peak", "peaks", "picco"))
            and scores.keys() - {"explain_forecast"}
        ):  # "peak capacity PLT-LUM december": a peak of something else is that thing's
            del scores["explain_forecast"]
        if (
            "capacity_check" in scores
            and "explain_forecast" in scores
            and scores["explain_forecast"] <= 1
            and not _has(words, fw.FORECAST_WORDS)
        ):  # "why is dry pasta capacity dropping end of december?": the capacity, week by
            # week (with its changes), not the forecast's reasons
            del scores["explain_forecast"]
        if "capacity_check" in scores and "stock_status" in scores and found.get("skus"):
            # "giacenza MOK-003 a milano e negli stabilimenti": a product's stock at the
            # plants, not the plants' capacity (which is per family)
            scores["stock_status"] = max(scores.values()) + 1
        elif (
            "capacity_check" in scores
            and "stock_status" in scores
            and found.get("location") in self.index.plants()
            and _has(words, ("carenza", "carenze", "shortfall", "shortfalls"))
        ):  # "ci sono carenze a lumezzane?": the plant's shortfall, not what is there
            scores["capacity_check"] = max(scores.values()) + 1
        if (
            "capacity_check" in scores
            and scores.keys() & {"sales_history", "open_orders"}
            and _has(words, v.SALES_GROUPS["location"])
        ):  # "vendite moka per stabilimento": sales split by where they ship from
            del scores["capacity_check"]
        if "open_orders" in scores and "stock_status" in scores:
            # "quanto abbiamo in portafoglio?": the order book, not "how much do we have"
            scores["open_orders"] = max(scores.values()) + 1
        if (
            "open_orders" in scores
            and "available_to_promise" in scores
            and not found.get("quantity")
        ):  # "ordini aperti padelle in consegna a dicembre": orders due, no promise asked
            scores["open_orders"] = max(scores.values()) + 1
        if (
            "stock_status" in scores
            and "inventory_projection" not in scores
            and (_has(words, v.EXCESS_SAID) or v.MORE_THAN_NEEDED.search(" ".join(words)))
        ):  # "quanti COL-FIL abbiamo in più del necessario?", "do we have more COL-FIL than
            # we need?": what is beyond need
            scores["inventory_projection"] = max(scores.values()) + 1
        if "stock_status" in scores and "inventory_projection" in scores:
            scores["inventory_projection"] += 1  # "when does stock run out"
            if _has(words, v.EXCESS) or _has(words, v.RUNS_OUT):
                # "do we have excess stock on X?", "cosa va in rottura prima del prossimo
                # arrivo?" (the next receipt is part of when it runs out)
                scores["inventory_projection"] = max(scores.values()) + 1
        if (
            ("capacity_check" in scores or found.get("location") in self.index.plants())
            and not found.get("skus")
            and _has(words, v.CAPACITY_SAID)
            and scores.keys() & {"stock_status", "inventory_projection", "open_orders"}
        ):  # "do we have enough capacity for moka in Q1?", "cap coltelli maniago, lo stock è
            # sufficiente?": the capacity check, which says what stock covers
            scores["capacity_check"] = max(scores.values()) + 1
        if (
            "incoming_receipts" in scores
            and "inventory_projection" in scores
            and _has(words, v.UNTIL_ARRIVAL)
        ):  # "when does the next batch arrive and does stock last until then?": the arrival,
            # whose answer says whether the stock lasts until it
            scores["incoming_receipts"] = max(scores.values()) + 1
        if "incoming_receipts" in scores and found.get("customer"):
            # "next delivery to Casalinghi Colombo?": what the customer has on order, due
            scores["open_orders"] = max(scores.values()) + 1
        best = max(scores.values())
        # On a tie the more specific question wins (the declarations' rank).
        return next(i for i in REGISTRY.priority() if scores.get(i, -1) >= best), None

    def _sides(self, reading: _Reading) -> tuple[str, ...] | None:
        """Two products on either side of "vs" / "e" / "and", each named on its own, or None."""
        words, free = reading.words, reading.free
        joins = sorted(i for i in _has(words, v.TOGETHER) if not self.index.is_name_word(words[i]))
        for at in joins:
            left = self.index.match_product(words, {i for i in free if i < at})
            right = self.index.match_product(words, {i for i in free if i > at})
            if left is not None and (right is None or self._only_size(words, free, at)):
                right = self._same_but_size(words, left, at) or right  # "saucepan 16 and 20"
            if left is None or right is None or len(left.skus) > 1 or len(right.skus) > 1:
                continue
            if left.skus == right.skus:
                continue
            reading.free.difference_update(left.words | right.words)
            return left.skus + right.skus
        return None

    def _only_size(self, words: list[str], free: set[int], at: int) -> bool:
        """The right side of "moka induzione 3 vs 6 tazze" is a size and nothing else."""
        right = [words[i] for i in sorted(free) if i > at and words[i] not in v.STOPWORDS]
        return (
            bool(right)
            and right[0].isdigit()
            and all(w.isdigit() or w in self.index.after_number for w in right)
        )

    def _same_but_size(self, words: list[str], left: ProductMatch, at: int) -> ProductMatch | None:
        """ "saucepan 16 and 20": the left side's product with the right side's number."""
        sizes = [i for i in left.words if words[i].isdigit()]
        if at + 1 >= len(words) or not words[at + 1].isdigit() or len(sizes) != 1:
            return None
        other = list(words)
        other[sizes[0]] = words[at + 1]
        found = self.index.match_product(other, set(left.words))
        if found is None:
            return None
        return ProductMatch(found.skus, frozenset(found.words - {sizes[0]} | {at + 1}))

    def _verbs(self, words: list[str], verbs: tuple[str, ...]) -> set[int]:
        """Where `verbs` are used as verbs: a verb that is also a word of product names and
        stands next to another such word is part of a name ("set coltelli bistecca",
        "the steak knives set"), not a request."""
        named = self.index.is_name_word
        objects = _has(words, v.WRITE_OBJECTS)
        # "set chef knife price to 52.90": an order that names the new value.
        target = any(
            w in ("to", "a", "at", "=") and _is_number(n) for w, n in itertools.pairwise(words)
        )
        comparing = {i for i in range(len(words) - 1) if words[i + 1] == "than"}
        return {
            i
            for i in _has(words, verbs) - comparing  # "lower than last year": a comparison
            # "set safety stock ...": what follows is what it changes, unless the word ends a
            # name ("steak knife set stock": the set's stock)
            if (i + 1 in objects and not (named(words[i]) and i > 0 and named(words[i - 1])))
            or (i == 0 and target)
            or not (
                named(words[i])
                and (
                    (i > 0 and named(words[i - 1]))
                    or (i + 1 < len(words) and named(words[i + 1]))
                    or (i + 2 < len(words) and words[i + 1].isdigit() and named(words[i + 2]))
                )
            )
        }

    def _product(self, reading: _Reading, found: dict[str, Any]) -> tuple[str, ...] | None:
        skus = found.get("skus")
        if skus:
            return tuple(dict.fromkeys(skus))  # codes typed: each one is meant
        families: dict[int, str] = {}
        spans = self.index.family_spans(reading.words, reading.free)
        for at, whole in spans:
            families.update(dict.fromkeys(at, whole))  # "pasta fresca", "fresh pasta"
        for i in sorted(reading.free - families.keys()):
            family = self.index.family(reading.words[i])
            if (
                family is not None
                and families.get(i - 1) not in (None, family)
                and i - 1 not in reading.apart
            ):
                continue  # "moka pots": the second word says what the first one is
            if family is not None:
                families[i] = family
        sides = self._sides(reading)
        if sides is not None:  # "santoku vs chef knife", "moka 1 tazza e moka 9 tazze"
            found["together"] = found["sides"] = True
            return sides
        match = self.index.match_product(reading.words, reading.free)
        # "moka 3 tazze" names a product; "moka" alone names the family.
        if (
            match is not None
            and families
            and all(i in families or self.index.family(reading.words[i]) for i in match.words)
        ):  # "moka pots", "pots and pans": family words only, not product names
            match = None
        if match is not None and match.unmatched:
            # "moka rossa da 6 tazze" when the red one has 4 cups: no such product; say so
            # and offer the nearest two, never answer for one of them as if it were it.
            reading.free.difference_update(match.words)
            span = range(min(match.words), max(match.words) + 1)
            found["no_such_product"] = " ".join(reading.raw[i] for i in span)  # as typed
            return match.skus
        if match is not None and match.words - families.keys():
            reading.free.difference_update(match.words)
            # "le moke a induzione", "PAD-24 e PAD-28", "knife stock" (a name before what is
            # asked about, English-style): these products together, not one to choose.
            after = max(match.words) + 1
            modifier = after < len(reading.words) and reading.words[after] in v.ABOUT_WORDS
            if len(match.skus) > 1 and (
                match.words & families.keys()
                or _has(reading.words, v.TOGETHER)
                or modifier
                or match.sizes  # "tomato sauce": its 280 g jar and 3 kg tin
                or self.index.family_of_all(match.skus)  # "frame": every frame there is
            ):
                found["together"] = True
                # "the frying pans": the pans of the family, not the pan handle (a spare part).
                named = {families[i] for i in match.words & families.keys()}
                inside = tuple(s for s in match.skus if self.index.family_of.get(s) in named)
                return inside or match.skus
            return match.skus
        if families:
            # "fresh and dry pasta": two families on the same words, each named
            for family in [*(whole for _, whole in spans), *families.values()]:
                _named(found, "family", family)
            reading.free.difference_update(families)
        return None

    # -- completing a call -------------------------------------------------------------------

    def _args(self, intent: str | None, found: dict[str, Any]) -> dict[str, Any]:
        """The arguments the intent's declaration takes from what the question named."""
        ability = REGISTRY.get(intent or "")
        if ability is None:
            return {}
        if "location" in found and found["location"] in self.index.plants():
            found.setdefault("plant", found["location"])  # a plant is also a location
        args = {arg: found[entity] for entity, arg in ability.takes.items() if found.get(entity)}
        if "weeks" in ability.takes.values():
            args.setdefault("weeks", DEFAULT_WEEKS)
        return args

    def _across(self, intent: str, tool: str, found: dict[str, Any], lang: str) -> Route:
        """A question asked across every product ("what runs out soon?", "dove abbiamo
        eccedenze?") is the list `tool` answers (the alerts): of the kind the question's
        words say, else of the kind `intent` is about (running out, for a projection)."""
        args = self._args(tool, found)
        args.update(found.get("across_words", {}))
        if intent == "inventory_projection":
            args.setdefault("focus", "excess" if found.get("focus") == "excess" else "stockout")
        return Route(language=lang, kind="call", tool=tool, args=args)

    def _complete(
        self, intent: str, found: dict[str, Any], product: tuple[str, ...] | None, lang: str
    ) -> Route:
        route = self._call(intent, found, product, lang)
        answered = route.args.get("family")
        if route.kind == "call" and isinstance(answered, str):
            named = found.get("several", {}).get("family", [])
            return replace(route, left_out=tuple(f for f in named if f != answered))
        return route

    def _call(
        self, intent: str, found: dict[str, Any], product: tuple[str, ...] | None, lang: str
    ) -> Route:
        args = self._args(intent, found)
        if found.get("move"):  # the places are the move's sides, the quantity its units
            args.pop("location", None)
            args.update({side: found[side] for side in ("move_from", "move_to") if side in found})
            if found.get("quantity"):
                args["move_units"] = found["quantity"]
        ability = REGISTRY.get(intent)
        if product and found.get("no_such_product"):  # never answered for both, unasked
            return Route(language=lang, kind="clarify", tool=intent, missing="product",
                         args=args, choices=product, unknown=found["no_such_product"])  # fmt: skip
        compares = ability.compares if ability is not None else ()
        spans = ability.takes.get("ahead_period") if ability is not None else None
        if (
            ability is not None
            and spans is not None
            and found.get("until")
            and spans not in args
            and "date" not in ability.takes
        ):
            # "forecast ... until the end of next quarter", "cosa ho in consegna entro un
            # mese?" (the orders due from today to then)
            args[spans] = found["until"]
        elif (
            ability is not None
            and spans is not None
            and found.get("weeks_ahead")
            and spans not in args
            and "weeks" not in ability.takes.values()
            and "date" not in ability.takes
        ):  # "fresh pasta arriving in the next 2 weeks", "ordini in consegna nelle prossime 2
            # settimane": from today to those weeks' last day
            args[spans] = found["weeks_ahead"]
        elif (
            ability is not None and found.get("until") and "weeks" in args and "weeks" not in found
        ):
            first, last = period_bounds(found["until"])  # the span's own parser
            args["weeks"] = max(
                1, min(104, -(-((last - first).days + 1) // 7))
            )  # "fino a fine febbraio"
        if ability is not None and found.get("joined"):
            # "Rossi vs Walker", "nord-ovest e nord-est", "dicembre vs gennaio": each side.
            for entity, arg in ability.takes.items():
                named = found.get("several", {}).get(entity, [])
                if (
                    arg in compares
                    and len(named) > 1
                    and not (arg == "period" and args.get("compare"))
                ):
                    args[arg] = list(named)
                    break
            if (
                product is not None
                and len(product) > 1
                and "product" in compares
                and (found.get("sides") or found.get("skus"))
            ):
                args["product"] = list(product)
                return Route(language=lang, kind="call", tool=intent, args=args)  # each alone
        route = Route(language=lang, kind="call", tool=intent, args=args)
        if intent in ("quota_status", "demand_forecast", "capacity_check") and found.get(
            "bad_period"
        ):
            return replace(route, kind="clarify", missing="period", unknown=found["bad_period"])
        if (
            intent == "quota_status"
            and found.get("unknown_name")
            and not (found.get("person") or found.get("territory"))
        ):
            return replace(route, kind="clarify", missing="person", unknown=found["unknown_name"])
        if (
            intent in ("sales_history", "open_orders")
            and found.get("unknown_customer")
            and "customer" not in args
        ):  # a customer's sales or orders asked of a name we do not know: never everyone's
            return replace(
                route,
                kind="clarify",
                missing="customer",
                unknown=found["unknown_customer"],
                choices=tuple(found.get("suggestions", ())),
            )
        if intent == "sales_history":
            customer = found.get("customer_or_person")
            person = found.get("person")
            if customer and person and self.index.role_of(person) != "rep":
                args.pop("person", None)  # "vendite Colombo": the customer, not Sara Colombo
                args["customer"] = customer
            if found.get("team"):
                args.pop("person", None)
        if isinstance(args.get("customer"), str) and args.get("group_by") == "customer":
            args.pop("group_by")  # "vendite del cliente Casalinghi Colombo": one customer
        if (
            intent in ("sales_history", "open_orders")
            and found.get("customers")
            and "customer" not in args
        ):  # "ordini aperti Casalinghi": which of them?
            return replace(
                route, kind="clarify", missing="customer", choices=tuple(found["customers"])
            )
        if intent == "quota_status" and found.get("people"):
            return replace(route, kind="clarify", missing="person", choices=tuple(found["people"]))
        families = sorted(set(self.index.family_of.values()))
        if (
            found.get("by_family")
            and product is None
            and "family" not in found
            and intent == "forecast_accuracy"  # the others split by family themselves
            and 1 < len(families) <= MAX_SIDES
        ):  # "forecast accuracy by family": each family side by side
            return replace(route, args={**args, "family": families})
        if intent == "sales_history" and args.get("top") and not args.get("group_by"):
            args["group_by"] = "product"  # "top 5 knives by revenue"
        if intent == "capacity_check" and product and not args.get("family"):
            # "capacity for frying pans in january", "capacità moka 3 tazze": capacity is
            # per family, the products' own
            owners = {self.index.family_of.get(sku) for sku in product}
            if len(owners) == 1 and None not in owners:
                args["family"] = owners.pop()
                return route
        if not _needs_product(intent):
            family = self.index.family_of_all(product) if product and len(product) > 1 else None
            if family and found.get("together") and "family" in _fields(intent):
                args["family"] = family  # "export knife quota", "knife sales": the knives
                return route
            if product and "product" in _fields(intent):
                if (
                    len(product) > 1
                    and (found.get("together") or args.get("group_by") == "product")
                    and "products" in _fields(intent)
                ):  # "best selling knife": the knives, split by product
                    family = self.index.family_of_all(product)  # "the frying pans", together
                    args.update({"family": family} if family else {"products": list(product)})
                    return route
                if len(product) > 1:
                    return replace(route, kind="clarify", missing="product", choices=product)
                args["product"] = product[0]
            return route
        if product is None and found.get("unknown"):
            return replace(
                route,
                kind="clarify",
                missing="product",
                unknown=found["unknown"],
                choices=tuple(found.get("suggestions", ())),
            )
        if (
            product is None
            and "family" in found
            and "product" in compares
            and not _answers_groups(intent)
            and 1 < len(members := self.index.family_products(found["family"])) <= MAX_SIDES
        ):  # "price list for the knives": each product's facts, side by side
            return replace(route, args={**args, "product": sorted(members)})
        if (
            ability is not None
            and ability.across_products
            and product is None
            and "family" not in found
            and found.get("all")
        ):  # "excess stock report for all skus": the list across products, the alerts'
            return self._across(intent, ability.across_products, found, lang)
        if (
            intent == "inventory_projection"
            and product is None
            and "family" in found
            and found.get("which")
            and ability is not None
            and ability.across_products
        ):  # "what runs out soon in padelle?": which of the family's products, the alerts
            return self._across(intent, ability.across_products, found, lang)
        if _answers_groups(intent):  # a family, several products or all: one answer
            if product is None and "family" in found:
                moving = {"focus": "move"} if found.get("move") else {}
                asked_families: str | list[str] = found["family"]
                named = found.get("several", {}).get("family", [])
                if found.get("joined") and len(named) > 1 and "family" in compares:
                    asked_families = list(named)  # "moka + pentole in magazzino": each, a total
                return replace(route, args={**args, "family": asked_families, **moving})
            if product is None and found.get("all"):
                return replace(route, args={**args, "all_products": True})
            if (
                product is not None
                and len(product) > 1
                and (found.get("skus") or found.get("together") or found.get("all"))
            ):
                family = self.index.family_of_all(product)  # every knife: the knives
                if family is not None and not found.get("skus"):
                    return replace(route, args={**args, "family": family})
                return replace(route, args={**args, "products": list(product)})
        if intent == "inventory_projection" and product is None and found.get("move"):
            # "cosa possiamo spostare tra i magazzini?": every product's projection, with what
            # could move where (a family's when one is named, above)
            return replace(route, args={**args, "all_products": True, "focus": "move"})
        across = REGISTRY.get(intent)
        if (
            product is None
            and "family" not in found
            and not found.get("unknown")
            and across is not None
            and across.across_products
        ):  # "what runs out soon?"
            return self._across(intent, across.across_products, found, lang)
        if product is None:
            family = found.get("family")
            choices = self.index.family_products(family) if family else ()
            return replace(route, kind="clarify", missing="product", choices=tuple(choices))
        if len(product) > 1:
            return replace(route, kind="clarify", missing="product", choices=product)
        args["product"] = product[0]
        if intent == "available_to_promise" and found.get("negative"):
            args.pop("quantity", None)
            return replace(
                route, args=args, kind="clarify", missing="quantity", unknown=found["negative"]
            )
        if intent == "available_to_promise":
            for slot in ("quantity", "date"):
                if slot not in args:
                    return replace(route, kind="clarify", missing=slot)
        if intent == "inventory_projection" and found.get("move"):
            # "conviene spostare PAD-28 da Lumezzane a Milano?": what could move, said first
            args["focus"] = "move"
        return route

    def _answer_pending(
        self,
        pending: Route,
        reading: _Reading,
        found: dict[str, Any],
        product: tuple[str, ...] | None,
        lang: str,
        today: dt.date,
    ) -> Route:
        """A reply to our question back: fill the missing piece and carry on."""
        args = dict(pending.args)
        words = reading.words
        if pending.missing in ("product", "person", "customer") and pending.choices:
            picked = _pick(words, pending.choices) or self._by_name(words, pending.choices)
            if picked is not None:
                if _is_number(words[0]):
                    found.pop("quantity", None)  # "2" picks the second choice: not a quantity
                if pending.missing == "product":
                    product = (picked,)
                elif pending.missing == "customer":
                    found["customer"] = picked
                    found.pop("customers", None)
                else:
                    found["person"] = picked
                    found.pop("people", None)
            elif pending.missing == "product" and product is None:
                return replace(pending, language=lang)  # not one of them: ask again
        if pending.missing == "quantity" and "quantity" not in found:
            numbers = [f.value for f, _ in find_quantities(" ".join(words))]
            if numbers:
                found["quantity"] = numbers[0]
        if pending.missing in ("product", "person", "date") and "quantity" in args:
            found.pop("quantity", None)  # "quella da 28", "il 15": the quantity stays
        if pending.missing == "date" and "date" not in found:
            day = next((w.rstrip("stndrh") for w in words if w[:1].isdigit()), None)
            when = find_date(f"entro il {day}", today) if day and day.isdigit() else None
            if when is None or when.value is None:
                return replace(pending, language=lang)  # "32": not a day; ask again
            found["date"] = when.value
            found.pop("quantity", None)
        if pending.missing == "person" and not found.get("person"):
            return replace(pending, language=lang, unknown=" ".join(reading.raw)[:40] or None)
        merged = {**_found_from_args(args), **found}
        if product is None and "product" in args:
            product = (args["product"],)
        assert pending.tool is not None
        return self._complete(pending.tool, merged, product, lang or pending.language)

    def _by_name(self, words: list[str], choices: tuple[str, ...]) -> str | None:
        """ "quella da 32", "the induction one": the one choice whose name has those words."""
        wanted = [w for w in words if w.isdigit() or self.index.is_name_word(w)]
        if not wanted:
            return None
        fits = [
            c
            for c in choices
            if all(w in self.index.name_words(self.index.names.get(c, "") or "") for w in wanted)
        ]
        return fits[0] if len(fits) == 1 else None

    def _follow_up(
        self,
        last: Route,
        found: dict[str, Any],
        product: tuple[str, ...] | None,
        lang: str,
    ) -> Route:
        """ "And by January?", "e per la PAD-24?": the last call with what changed."""
        previous = _found_from_args(last.args)
        if {"person", "territory", "team"} & found.keys():  # "and Esposito?": a new subject
            for subject in ("person", "territory"):
                previous.pop(subject, None)
        if "family" in found and product is None:  # "e la famiglia padelle?"
            return self._complete(last.tool or "stock_status", {**previous, **found}, None, lang)
        merged = {**previous, **found}
        if product is None and "product" in last.args:
            product = (last.args["product"],)
        assert last.tool is not None
        return self._complete(last.tool, merged, product, lang)


def _phrases_in(words: list[str]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Each phrase of the vocabulary (any ability's words) in `words`, with where it starts."""
    for i, word in enumerate(words):
        for _, phrase, _ in PHRASES.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                yield i, phrase


def _any_phrase(words: list[str]) -> bool:
    """Whether any phrase of the vocabulary is in `words`."""
    return next(_phrases_in(words), None) is not None


def _inside_phrase(words: list[str], i: int) -> bool:
    """Whether `words[i]` is inside a phrase of several words the vocabulary knows ("quanto
    costa", "how much")."""
    return any(len(p) > 1 and start <= i < start + len(p) for start, p in _phrases_in(words))


def _named(found: dict[str, Any], kind: str, value: Any) -> None:
    """Record a person, territory, location, family or period the question names: the
    first is the one asked about, all of them (in order) in case they are compared."""
    if value is None:
        return
    found.setdefault(kind, value)
    several = found.setdefault("several", {}).setdefault(kind, [])
    if value not in several:
        several.append(value)


def _move_sides(words: list[str], places: list[tuple[int, str]]) -> dict[str, str]:
    """Which of the places a move question names it is from and which to: "from"/"da"
    before a place (its kind and articles between) makes it the source, "to"/"a" the
    target; otherwise the first named is the source and the second the target."""
    sides: dict[str, str] = {}
    unsaid = []
    for at, place in places[:2]:
        side = None
        for word in reversed(words[max(0, at - 4) : at]):
            if word in v.MOVE_FROM or word in v.MOVE_TO:
                side = "move_from" if word in v.MOVE_FROM else "move_to"
                break
        if side is None or side in sides:
            unsaid.append(place)
        else:
            sides[side] = place
    for place in unsaid:
        free = "move_from" if "move_from" not in sides and len(places) > 1 else "move_to"
        sides.setdefault(free, place)
    return sides


def _keywords(intent: str | None, words: list[str]) -> dict[str, Any]:
    """The arguments the intent's declaration reads from the question's words ("yes" for a
    flag that is on)."""
    ability = REGISTRY.get(intent or "")
    chosen: dict[str, Any] = {}
    for arg, values in ability.keywords.items() if ability else ():
        for value, phrases in values.items():
            if _has(words, phrases):
                chosen[arg] = True if value == "yes" else value
                break
    return chosen


def _nearer_behind(behind: str, ahead: str | None, today: dt.date) -> bool:
    """Whether the period's reading gone by ends nearer to today than the one to come starts
    ("was ... in october" on 27 November: this October; "was cut in january": next January)."""
    if not ahead:
        return True
    try:
        past, coming = period_bounds(behind)[1], period_bounds(ahead)[0]
    except PonteError:
        return False
    return (today - past) < (coming - today)


def _keyword_positions(intent: str | None, words: list[str]) -> set[int]:
    """Where the intent's keyword phrases stand in the question."""
    ability = REGISTRY.get(intent or "")
    at: set[int] = set()
    for values in ability.keywords.values() if ability else ():
        for phrases in values.values():
            at |= set(_has(words, phrases))
    return at


def _fields(intent: str | None) -> frozenset[str]:
    ability = REGISTRY.get(intent or "")
    schema = ability.schema if ability is not None else None
    return frozenset(schema.model_fields) if schema is not None else frozenset()


def _answers_groups(intent: str | None) -> bool:
    ability = REGISTRY.get(intent or "")
    return ability is not None and ability.groups


def _needs_product(intent: str | None) -> bool:
    ability = REGISTRY.get(intent or "")
    return ability is not None and ability.needs_product


def _ahead(period: str, today: dt.date, has_year: bool) -> str | None:
    """A month or quarter named without a year, as the next one; None for a year."""
    if ".." in period:
        first, last = (dt.date.fromisoformat(d) for d in period.split(".."))
        if last == today:
            return None  # "the last 3 months" look back: not a forecast's period
        if last < today and not has_year:  # "da gennaio a marzo" in November: next year's
            return f"{_shift(first, 1)}..{_shift(last, 1)}"
        return period
    if "-" not in period:  # a year: the forecast reaches into it, or it is over
        return period if int(period) >= today.year else None
    if has_year:
        return period
    year, part = period.split("-")
    passed = part < _current(part, today) and int(year) == today.year
    return f"{int(year) + 1}-{part}" if passed else period


# Before a month, what makes it where a span ahead starts ("from february", "a partire da
# marzo"); "da febbraio" is read so by the period itself (for sales, since last February).
ONWARDS_BEFORE = re.compile(
    r"\b(?:from|starting|starting in|starting from|as of|a partire da|a partire dal|"
    r"a partire dall|a partire dalla)\s*$"
)
ONWARDS_SAID = re.compile(r"(?:da|dal|dall|dalla)\b")


def _onwards(joined: str, period: Found, ahead: object, today: dt.date) -> str | None:
    """A month said as where a span starts, for the abilities that look ahead: from its
    first day (or the day said) to a year on, which the forecast's end cuts short; a month
    gone by this year is next year's ("capacità da settembre" in November). None for the
    month under way, and for what looks back (sales "da settembre" stay since September)."""
    said, value = joined[period.start : period.end], str(period.value)
    if ".." in value and ONWARDS_SAID.match(said):  # "da febbraio": since, behind
        first, last = (dt.date.fromisoformat(d) for d in value.split(".."))
        if last != today:
            return None
        under_way = (first.year, first.month) == (today.year, today.month)
        start = first if first > today or under_way else _shift(first, 1)
    elif ONWARDS_BEFORE.search(joined[: period.start]) and re.fullmatch(r"\d{4}-\d{2}", str(ahead)):
        start = dt.date(int(str(ahead)[:4]), int(str(ahead)[5:]), 1)
    else:
        return None
    if start <= today:
        return None
    return f"{start}..{add_months(start, 12) - dt.timedelta(days=1)}"


# A scenario's condition, said plainly ("se maniago si ferma", "if lumezzane stops").
CONDITIONAL = (*v.WHAT_IF, "se", "if")


def _lasting(words: list[str]) -> list[str]:
    """ "will stock hold?", "does it hold up through january?": said of stock, "hold" with
    nothing held after it is "last", not a reservation ("hold 50 PAD-28 for Rossi")."""
    out = list(words)
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else None
        if word == "hold" and (after is None or after in v.HOLD_LASTS):
            out[i] = "last"
            if after in ("up", "out"):
                out[i + 1] = "it"  # "hold up": one verb, not a set-up
    return out


def _shift(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; the last day of February stays the last day."""
    if day.month == 2 and day.day >= 28:
        return month_end(dt.date(day.year + years, 2, 1))
    return day.replace(year=day.year + years)


def _nearest(period: str, today: dt.date, has_year: bool) -> str:
    """A month or quarter named without a year, in whichever year puts it nearest today."""
    if has_year or "-" not in period or ".." in period:
        return period
    year, part = period.split("-")
    size = 3 if part.startswith("Q") else 1
    number = int(part[1:]) if part.startswith("Q") else int(part)
    now = today.year * 12 + (
        ((today.month - 1) // 3 * 3 + 1) if size == 3 else today.month
    )  # fmt: skip

    def distance(y: int) -> tuple[int, int]:
        months = y * 12 + (number - 1) * size + 1 - now
        return abs(months), months > 0  # on a tie, the one already started

    best = min((int(year) - 1, int(year), int(year) + 1), key=distance)
    return f"{best}-{part}"


def _over(period: object, today: dt.date) -> bool:
    """A period that has ended ("ultimo trimestre", "2025")."""
    if not period:
        return False
    try:
        return period_bounds(str(period))[1] < today
    except PonteError:
        return False


def _current(part: str, today: dt.date) -> str:
    """Today's month ("11") or quarter ("Q4"), spelt as `part` is, so the two compare."""
    return f"Q{(today.month - 1) // 3 + 1}" if part.startswith("Q") else f"{today:%m}"


TOP = re.compile(
    r"\b(?:top|primi|prime|first|i|my|miei|mie)\s+(\d{1,2})\b(?!\s*(?:cm|mm|l|pz|pcs|tazz))"
    r"|\b(\d{1,2})\s+(?:prodotti|clienti|products|customers|articoli|items)\b"
)


def _behind(period: str, today: dt.date, has_year: bool) -> str:
    """A month or quarter named without a year, as the latest one already started."""
    if ".." in period and not has_year:
        first, last = (dt.date.fromisoformat(d) for d in period.split(".."))
        return f"{_shift(first, -1)}..{_shift(last, -1)}" if first > today else period
    if "-" not in period or has_year or ".." in period:
        return period
    year, part = period.split("-")
    coming = part > _current(part, today) and int(year) == today.year
    return f"{int(year) - 1}-{part}" if coming else period


COMPARED = frozenset(w for p in v.LAST_YEAR + v.PREVIOUS + v.VERSUS for w in p.split())
QUOTA_WORDS = ("quota", "quotas", "target", "targets", "obiettivo", "budget")
# What a quota change may be said as (tools.quota_words.quota_change).
TARGETS = ("target_units", "target_revenue", "change_units", "change_pct", "change_revenue")
# Before a date, the end of a span from today ("fino a fine gennaio"; a deadline, "entro il
# 15 dicembre", "due by 15 Dec": a promise takes the date itself).
UNTIL = re.compile(
    r"\b(?:fino(?: a| al| alla)?|until|till|through|thru|up to|entro(?: il| la| l)?|by|"
    r"before|prima del|prima della|within)\s*$"
)
OVER_YEAR = ("yoy", "year over year", "anno su anno", "y y")
OVER_PERIOD = ("mom", "month over month", "mese su mese", "qoq", "quarter over quarter",
               "trimestre su trimestre")  # fmt: skip
# Words between "vs" and the period compared with: "vs the same quarter last year".
SAME = frozenset(
    [
        "same",
        "stesso",
        "stessa",
        "stessi",
        "period",
        "periodo",
        "trim",
        "trimestre",
        "quarter",
        "qtr",
        "mese",
        "month",
        "settimana",
        "week",
        "anno",
        "year",
        "time",  # "vs same time last year"
        "weeks",
        "settimane",
        "months",
        "mesi",
        "days",
        "giorni",
    ]
)


def _versus(words: list[str], today: dt.date) -> tuple[str, int, str | None] | None:
    """ "vs last year", "rispetto al mese prima", "ottobre vs ottobre scorso", "2024 vs 2025":
    what a sales figure is compared with, where the comparison starts, and the period asked
    about when both are named (the later one); None when "vs" compares something else
    ("Esposito vs Marchi anno scorso")."""
    at = min(_has(words, v.VERSUS), default=None)
    if at is None:  # "fatturato zanetti yoy", "vendite mese su mese"
        for compare, phrases in (("last_year", OVER_YEAR), ("previous", OVER_PERIOD)):
            if spot := _has(words, phrases):
                return compare, min(spot), None
        return None
    after = words[at + 1 :]
    first = next((j for j, w in enumerate(after) if w not in v.STOPWORDS or w == "last"), None)
    if first is None:
        return None
    said = after[first:]
    # "vs stesso trimestre anno scorso", "vs the same period last year"
    bare = said[next((j for j, w in enumerate(said) if w not in SAME), len(said)) :]
    opens = any(
        part[: len(p.split())] == p.split()
        for part in (said, bare)
        for p in v.PREVIOUS + v.LAST_YEAR
    )
    other = find_period(" ".join(said), today)
    if not opens and (other is None or other.start != 0):
        return None  # "Esposito vs Marchi ...": not a comparison of periods
    if _has(said, v.PREVIOUS):  # "vs the month before", "ottobre vs ottobre scorso"
        return "previous", at, None
    if _has(said, v.LAST_YEAR):
        return "last_year", at, None
    before = find_period(" ".join(words[:at]), today)
    if other is None or not other.value or before is None or not before.value:
        return None
    one = _behind(str(before.value), today, False)
    two = _behind(str(other.value), today, False)
    main, earlier = (one, two) if one >= two else (two, one)
    same_part = main[4:] == earlier[4:] and main[:4] != earlier[:4]
    return ("last_year" if same_part else "previous"), at, main


def _found_from_args(args: dict[str, Any]) -> dict[str, Any]:
    found = {k: val for k, val in args.items() if k != "product"}
    if "period" in args:
        found["ahead_period"] = args["period"]  # a follow-up keeps the month asked about
    return found


def _pick(words: list[str], choices: tuple[str, ...]) -> str | None:
    """ "2", "the second", "PAD-28" as an answer to a list of choices."""
    ordinals = {
        "first": 1,
        "second": 2,
        "third": 3,
        "primo": 1,
        "secondo": 2,
        "terzo": 3,
        "prima": 1,
        "seconda": 2,
        "terza": 3,
    }
    for word in words:
        number = int(word) if word.isdigit() else ordinals.get(word)
        if number is not None and 1 <= number <= len(choices):
            return choices[number - 1]
        for choice in choices:
            if word == choice.lower():
                return choice
    return None


def _is_number(word: str) -> bool:
    return bool(re.fullmatch(r"[\d.,/]+k?", word))


def language_of(words: list[str], default: str) -> str:
    """English or Italian, by function words and glossary words; `default` when unclear."""
    english = italian = 0
    for word in words:
        english += word not in v.LOANWORDS and (word in v.ENGLISH or word in ENGLISH_ONLY)
        italian += word in v.ITALIAN or word in ITALIAN_ONLY
    if english == italian:
        return default
    return "en" if english > italian else "it"


def question_language(text: str, default: str) -> str:
    """The language of a message as typed (before typos are read), for whole messages."""
    return language_of([t.text for t in tokens(text[:MAX_CHARS])], default)


QUOTA_INTENTS = frozenset({"quota_status", "request_quota_change", "quota_requests"})


# Words of periods, found again when mistyped ("next quater"): the periods are read from
# the message's text, which a typo hides from them.
PERIOD_WORDS = TypoIndex(
    ("quarter", "quarters", "month", "months", "weeks", "years", "trimestre", "trimestri",
     "settimana", "settimane"),
    shortest=5,
)  # fmt: skip
# A season (as tools.when reads them) typed with a letter missing after its first ("sprng",
# "summr", "primvera", "autuno"): only that typo, since one letter changed makes other words
# ("string", "sprint", "winner"); the few real words a missing letter makes are left out, and
# "fall" and "estate" (a word too short, a word with other meanings) are not guessed at.
SEASON_TYPOS = {
    season[:i] + season[i + 1 :]: season
    for season in SEASONS
    if season not in ("fall", "estate")
    for i in range(1, len(season))
    if season[:i] + season[i + 1 :] not in ("sprig", "invero")
}


# Abbreviations of period words as people type them in chat ("settimana prox", "next wk").
PERIOD_ABBREVIATIONS = {"wk": "week", "wks": "weeks", "mth": "month", "mths": "months"}
# "prox" is "prossimo" beside these words, "prossima" beside the others ("settimana prox").
MASCULINE = frozenset({"mese", "anno", "trimestre", "lunedi", "martedi", "mercoledi", "giovedi",
                       "venerdi", "sabato", "natale", "ferragosto"})  # fmt: skip


def _join(toks: list[Token]) -> tuple[str, list[int]]:
    """The message's words as one text, period words' typos and abbreviations mended, and
    where each starts."""
    texts = [
        t.text
        if t.text in RESERVED
        else SEASON_TYPOS.get(t.text)
        or PERIOD_ABBREVIATIONS.get(t.text)
        or PERIOD_WORDS.lookup(t.text)
        or t.text
        for t in toks
    ]
    for i, text in enumerate(texts):
        if text == "prox":
            near = set(texts[max(0, i - 1) : i + 2])
            texts[i] = "prossimo" if near & MASCULINE else "prossima"
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return " ".join(texts), starts


def _masked(joined: str, starts: list[int], positions: set[int]) -> str:
    """`joined` with the words at `positions` hidden from the readers of dates, periods and
    quantities (same length, so every other word keeps its place)."""
    if not positions:
        return joined
    chars = list(joined)
    for i in positions:
        end = joined.find(" ", starts[i])
        for k in range(starts[i], len(joined) if end < 0 else end):
            chars[k] = "x"
    return "".join(chars)


def _positions(span: Found, starts: list[int], joined: str) -> set[int]:
    return {i for i, s in enumerate(starts) if span.start <= s < span.end}
