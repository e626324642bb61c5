"""The assistant engine: one question from a verified user in, one typed outcome out.

Every front door (Slack, the shell, `ponte ask`) calls `Assistant.ask` with the verified
user id and the date to reason from; the outcome holds the tool, its arguments and its typed
result (or what to ask back, or why not), and bot/ renders it in the outcome's language.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import logging
import re
import threading
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal, Protocol

from sqlalchemy import Engine

from planning.access import Caller, identify
from planning.alerts.rules import AlertSettings
from planning.catalogue import catalogue_version, load_catalogue
from planning.errors import PermissionDenied, PonteError
from planning.sales import most_bought, sales_scope
from tools import vocabulary as v
from tools.abilities import check_access, run_tool, writes
from tools.context import RunContext
from tools.matching import CatalogueIndex
from tools.registry import REGISTRY, sample_of
from tools.resolve import resolve_customer
from tools.router import PERCENT_FIGURE, RESERVED, Route, Router, question_language
from tools.text import fold

log = logging.getLogger("ponte.assistant")

Kind = Literal[
    "answer",  # result holds the tool's typed result
    "clarify",  # asking back: `missing` names what, `choices` lists options
    "unavailable",  # a recognised ability that is not available yet
    "read_only",  # a request to change data that Ponte only reads
    "refused",  # the user may not do this
    "error",  # the user's input cannot be answered (unknown product, bad date...)
    "not_understood",
    "too_long",
    "empty",
    "unknown_user",
    "confirm",  # a write waits for the user's yes (the next message, or --yes)
    "cancelled",  # the user said no to a write: nothing changed
]


@dataclass(frozen=True)
class Outcome:
    kind: Kind
    language: str
    tool: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
    result: Any = None
    code: str | None = None  # for refused/error: what went wrong, rendered in `language`
    params: dict[str, Any] = field(default_factory=dict)
    missing: str | None = None
    choices: tuple[str, ...] = ()
    caller: Caller | None = None
    via: str = "router"  # router or llm
    # Products' names as the answer's language calls them (name -> English name, from
    # products.csv's name_en), for the card to say them so
    names: dict[str, str] = field(default_factory=dict)


@dataclass
class Conversation:
    """What a chat remembers between questions."""

    pending: Route | None = None
    awaiting: Route | None = None  # a write that waits for the user's yes or no
    last: Route | None = None  # the last call answered: "and by January?" changes it

    def to_json(self) -> str:
        """The conversation as JSON text, for a store every process shares."""
        routes = {"pending": self.pending, "awaiting": self.awaiting, "last": self.last}
        return json.dumps({k: _plain(asdict(r)) if r else None for k, r in routes.items()})

    @classmethod
    def from_json(cls, text: str) -> Conversation:
        saved = json.loads(text)
        return cls(**{k: _route(saved.get(k)) for k in ("pending", "awaiting", "last")})


def _plain(value: Any) -> Any:
    """JSON for a route's arguments: dates tagged so that they come back as dates."""
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _unplain(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$date"}:
            return dt.date.fromisoformat(value["$date"])
        return {k: _unplain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unplain(v) for v in value]
    return value


def _route(saved: dict[str, Any] | None) -> Route | None:
    if saved is None:
        return None
    fields = _unplain(saved)
    for name in ("choices", "suggestions"):
        fields[name] = tuple(fields.get(name) or ())
    return Route(**fields)


class AgentUnavailable(Exception):
    """The LLM agent failed (timed out, its provider raised, it called no tool): the router
    answers instead, and the log says why."""


class Agent(Protocol):
    def ask(self, question: str, ctx: RunContext, conversation: Conversation) -> Outcome: ...


class Assistant:
    def __init__(
        self,
        engine: Engine,
        *,
        agent: Agent | None = None,
        alert_settings: AlertSettings | None = None,
        competitors: tuple[str, ...] = (),
        summarizer: Any = None,
    ) -> None:
        self.engine = engine
        self.agent = agent
        self.alert_settings = alert_settings or AlertSettings()
        self.competitors = competitors
        self.summarizer = summarizer
        self._index: CatalogueIndex | None = None
        self._lock = threading.Lock()

    def index(self) -> CatalogueIndex:
        """The catalogue index, rebuilt when an import has changed the catalogue."""
        version = catalogue_version(self.engine)
        with self._lock:
            if self._index is None or self._index.catalogue.version != version:
                self._index = CatalogueIndex(load_catalogue(self.engine), RESERVED)
                # The index is a few hundred thousand long-lived objects: left to the garbage
                # collector, every full collection walks them all (a 60-100 ms pause in one
                # answer out of ten at 5,000 products). Frozen, collections skip them; the
                # garbage of the moment is collected first, so nothing dead is frozen in.
                gc.collect()
                gc.freeze()
            return self._index

    def ask(
        self,
        question: str,
        *,
        user: str,
        today: dt.date,
        now: dt.datetime,
        conversation: Conversation | None = None,
        confirmed: bool = False,
    ) -> Outcome:
        """Answer `question` from the verified `user`. A write waits for a yes (the next
        message in `conversation`) unless `confirmed` says it was given up front (--yes)."""
        conversation = conversation if conversation is not None else Conversation()
        try:
            ctx = self.context(user, today=today, now=now, confirmed=confirmed)
        except PonteError as exc:
            return unknown_user(exc, question_language(question, "en"))
        caller, index = ctx.caller, ctx.index
        awaiting, conversation.awaiting = conversation.awaiting, None
        if awaiting is not None:
            reply = " ".join(fold(question).strip(" .!").split())
            if reply in v.YES:
                confirmed_ctx = replace(ctx, language=awaiting.language, confirmed=True)
                return self.follow(awaiting, confirmed_ctx, conversation)
            if reply in v.NO:
                return Outcome("cancelled", awaiting.language, tool=awaiting.tool,
                               args=awaiting.args, caller=caller)  # fmt: skip
        # A reply to a question asked back is the router's to read: it knows what it asked.
        if self.agent is not None and question.strip() and conversation.pending is None:
            asked = replace(ctx, language=question_language(question, caller.language))
            try:
                return self.agent.ask(question, asked, conversation)
            except AgentUnavailable as failed:
                log.warning("the LLM agent failed, the router answers: %s", failed)
        router = Router(index)

        def route_of(text: str) -> Route:
            return router.route(
                text,
                user=caller.slack_user_id,
                language=caller.language,
                today=today,
                pending=conversation.pending,
                last=conversation.last,
                home_territory=caller.territory,
            )

        route = route_of(question)
        # Two questions in one message ("ce li ho? e quanti ne ho venduti?"): one is
        # answered (the whole message's reading when it is one of theirs, else the first),
        # the other said back to be asked next, never dropped unsaid.
        first, second = (question, None) if conversation.pending else split_questions(question)
        also = None
        if second is not None:
            halves = [(first, route_of(first)), (second, route_of(second))]
            # "any shortfall at maniago? is stock enough to cover?": the capacity check and
            # the scenario say what stock covers; the other half is theirs to answer.
            covered = [
                half
                for (_, half), (other, _) in zip(halves, halves[::-1], strict=True)
                if half.kind in ("call", "clarify") and _answers_beside(half.tool, other)
            ]
            if covered:
                route, second = covered[0], None
        if second is not None:
            # A half that names no product of its own may be asked back for one: still a
            # question of its own ("quanto vendiamo a settimana?").
            tools = {half.tool for _, half in halves if half.kind in ("call", "clarify")}
            if len(tools) == 2 and route.tool in tools:
                also = next(text for text, half in halves if half.tool != route.tool)
                same = next(half for text, half in halves if text != also)
                if _names_its_own(same, route, next(t for t, _ in halves if t != also)):
                    route = same
            elif len(tools) == 2 and halves[0][1].kind == "call":
                route, also = halves[0][1], second
        bought = _the_one_bought(ctx, route)
        route = bought or route
        conversation.pending = route if route.kind == "clarify" else None
        outcome = self.follow(route, ctx, conversation)
        if outcome.kind != "clarify":  # a refusal said before asking back: nothing pends
            conversation.pending = None
        if outcome.kind == "answer":
            conversation.last = route
        if also is not None and outcome.kind in ("answer", "clarify", "confirm"):
            outcome = replace(outcome, params={**outcome.params, "also_asked": also})
        if bought is not None and outcome.kind in ("answer", "confirm"):
            chosen = {"bought_by": bought.args["customer"], "product": bought.args["product"]}
            outcome = replace(outcome, params={**outcome.params, **chosen})
        if route.left_out and outcome.kind == "answer":
            named = {"also_named": list(route.left_out), "answered": route.args.get("family")}
            outcome = replace(outcome, params={**outcome.params, **named})
        return outcome

    def rerun(
        self, tool: str, args: dict[str, Any], *, user: str, today: dt.date, now: dt.datetime
    ) -> Outcome:
        """Run a call an earlier answer made (a button's "More", "Share") again, for the
        verified `user`: their permissions, their language, today's data. A write is not
        re-run this way: it needs the user's yes in a conversation."""
        try:
            ctx = self.context(user, today=today, now=now)
        except PonteError as exc:
            return unknown_user(exc, "en")
        if writes(tool):
            return Outcome("not_understood", ctx.language, caller=ctx.caller)
        return call(ctx, tool, args, language=ctx.language)

    def context(
        self, user: str, *, today: dt.date, now: dt.datetime, confirmed: bool = False
    ) -> RunContext:
        """The verified `user` as a caller, in their language, with the current catalogue;
        a PonteError when they are not in the people list."""
        caller = identify(self.engine, user)
        return RunContext(
            self.engine,
            caller,
            caller.language,
            today,
            now,
            self.index(),
            confirmed,
            alert_settings=self.alert_settings,
            competitors=self.competitors,
            summarizer=self.summarizer,
        )

    def follow(self, route: Route, ctx: RunContext, conversation: Conversation) -> Outcome:
        """Run a route's tool call for the caller in `ctx`, or explain why not."""
        base: dict[str, Any] = {
            "language": route.language,
            "tool": route.tool,
            "args": route.args,
            "caller": ctx.caller,
        }
        placeholders: dict[str, dict[str, Any]] = {
            "reason": {"reason": "?"}, "note": {"note": "?"}, "total": {"target_units": 1.0},
            "shares": {"shares": None, "even": True,
                       "target_units": route.args.get("target_units", 1.0)},
            # a change of 1% the way the verb goes: a closed period or someone else's quota
            # is said before asking for the target ("posso cambiare la quota del Q3?")
            "target": {"change_pct": -1.0 if route.args.get("direction") == "down" else 1.0,
                       "reason": route.args.get("reason") or "?"},
        }  # fmt: skip
        placeholder = placeholders.get(route.missing or "")
        if route.missing == "shares" and "family" not in route.args:
            placeholder = None  # nothing to check yet: the family is asked next
        if route.kind == "clarify" and route.tool:
            # A role that may not use the ability is told so before being asked anything
            # ("add a forecast note ... in March" from marketing: not "which month?").
            try:
                check_access(ctx.caller, route.tool)
            except PermissionDenied as exc:
                return Outcome("refused", code=exc.code, params=exc.params, **base)
            except PonteError:
                pass  # not a delivered ability: the question back stands
        if route.kind == "clarify" and placeholder is not None and route.tool:
            # Before asking why (or how many), what would refuse the write anyway (a
            # colleague's quota, a closed period, a negative target, a territory that is not
            # theirs) is said: nobody explains a change for nothing.
            probe = {**route.args, **placeholder}
            checked = call(ctx, route.tool, probe, language=route.language, preview=True)
            if checked.kind in ("refused", "error"):
                return replace(checked, args=route.args)
        if route.kind == "clarify":
            index = ctx.index
            names = {c: index.label(c) for c in route.choices}
            return Outcome(
                "clarify",
                missing=route.missing,
                choices=route.choices,
                params={
                    "unknown": route.unknown,
                    "names": names,
                    # for an example in the question back ("50% Nord-Ovest, 50% Centro")
                    "territories": [name for _, name in index.catalogue.territories],
                    **_percent_of_forecast(ctx, route),
                },
                **base,
            )
        if route.kind == "cancelled":
            return Outcome("cancelled", **base)
        if route.kind != "call":
            params = {
                "unknown": route.unknown,
                "suggestions": list(route.suggestions),
                "chars": route.chars,
                "sample": sample_of(ctx.index),  # the company's own names for examples
            }
            return Outcome(route.kind, params=params, **base)
        assert route.tool is not None
        if writes(route.tool) and not ctx.confirmed:
            # The write's preview checks it and says what it would do; the person sees that
            # and says yes. A refusal or an error leaves nothing to confirm.
            shown = call(ctx, route.tool, route.args, language=route.language, preview=True)
            if shown.kind != "answer":
                return shown
            conversation.awaiting = route
            return replace(shown, kind="confirm")
        return call(ctx, route.tool, route.args, language=route.language)


def _the_one_bought(ctx: RunContext, route: Route) -> Route | None:
    """A product asked back among several, for an ability that takes one, when the question
    names a customer ("can I promise 40 brake pads to Fahrradwelt Wien?"): the one that
    customer buys, when their last year's purchases say so (planning.sales.most_bought);
    None to ask as before."""
    ability = REGISTRY.get(route.tool or "")
    customer = route.args.get("customer")
    if not (
        route.kind == "clarify"
        and route.missing == "product"
        and len(route.choices) > 1
        and isinstance(customer, str)
        and ability is not None
        and ability.schema is not None
        and "product" in ability.schema.model_fields
        and "products" not in ability.schema.model_fields  # several together: not one of them
    ):
        return None
    try:
        named = resolve_customer(ctx, customer)
    except PonteError:
        return None
    if named is None:
        return None
    scope = sales_scope(ctx.engine, ctx.caller)
    sku = most_bought(ctx.engine, scope, named, route.choices, today=ctx.today)
    if sku is None:
        return None
    args = {**route.args, "customer": named, "product": sku}
    return replace(route, kind="call", missing=None, choices=(), args=args)


def unknown_user(exc: PonteError, language: str) -> Outcome:
    """The polite reply to someone not in the people list (who to ask is in `exc`)."""
    return Outcome("unknown_user", language, code=exc.code, params=exc.params)


# A question mark ending one question with another question after it.
SECOND_QUESTION = re.compile(r"\?\s+(?=\S)")
# The words a question begins with, in either language.
QUESTION_WORD = (
    r"(?:quant[oiae]|come|quando|dove|chi|cosa|qual[ei]?|perch[eé]|how|what|when|where|who|"
    r"which|why)\b"
)
# "quanto stock e quanto vendiamo a settimana?": a second question joined by "and", begun
# with a question word of its own.
JOINED_QUESTION = re.compile(rf"\s(?:e|ed|and)\s+(?={QUESTION_WORD})", re.IGNORECASE)
# After a "?", what begins like a question is one even without its own "?" ("...this qtr?
# also how many MOK-I06 do we have rn").
SECOND_BEGINS = re.compile(
    rf"(?:(?:also|and|plus|then|e|ed|anche|poi|inoltre)\b[\s,]*)*(?:{QUESTION_WORD}|"
    r"(?:is|are|do|does|can|ci sono|c'è|ce)\b)",
    re.IGNORECASE,
)


# Words that point back to what the other question named ("ce li ho? e quanti ne ho
# venduti?", "how many of them did Colombo buy?"): that half is read with the whole message.
REFERS_BACK = re.compile(r"\b(?:ne|li|them|those|these|it|ones)\b", re.IGNORECASE)
SUBJECTS = ("product", "family", "customer")


def _names_its_own(half: Route, whole: Route, text: str) -> bool:
    """Whether a half of a two-question message answers on its own what the whole message's
    reading would answer with the other half's subject: "quanti rigatoni ci sono a nola? e
    gli ordini aperti di supermercati vesuvio?" asks Vesuvio's open orders, not their
    rigatoni. A half that names no product, family or customer, or points back to them,
    takes them from the whole message."""
    own = {k: half.args[k] for k in SUBJECTS if k in half.args}
    borrowed = {k: whole.args[k] for k in SUBJECTS if k in whole.args}
    return (
        half.kind == "call" and bool(own) and borrowed != own and REFERS_BACK.search(text) is None
    )


# What another ability's answer already says, and how a question asks for it: the capacity
# check and the scenario say what covers a shortfall (stock above safety stock, capacity
# free before); an arrival says whether the stock lasts until it.
COVER_ASKED = re.compile(
    r"\b(?:enough to cover|cover it|cover that|cover the (?:gap|shortfall|difference|demand)|"
    r"to cover|stock (?:is )?enough|enough stock|stock (?:is )?sufficient|stock cover|"
    r"covered by stock|bastano le scorte|le scorte bastano|scorte sufficienti|"
    r"(?:lo )?stock (?:e )?sufficiente|(?:lo )?stock basta|per coprire|a coprire|"
    r"(?:le scorte )?(?:lo |la )?coprono|(?:lo |la )?copriamo|coperto dalle scorte|"
    r"coperta dalle scorte)\b"
)
LASTS_ASKED = re.compile(
    r"\b(?:fino ad allora|fino a quel momento|fino all arrivo|until then|till then|til then|"
    r"until it arrives|till it arrives|before it arrives|ci arriviamo|ci arrivo|"
    r"ce la facciamo fino|we make it till|we make it until|"
    r"(?:stock|scorte|giacenza) (?:last|lasts|hold|holds|regge|reggono|dura|durano|basta|"
    r"bastano)|will (?:the )?stock (?:last|hold))\b"
)
ANSWERED_BESIDE: dict[str, re.Pattern[str]] = {
    "capacity_check": COVER_ASKED,
    "what_if": COVER_ASKED,
    "incoming_receipts": LASTS_ASKED,
}


def _answers_beside(tool: str | None, other: str) -> bool:
    """Whether `tool`'s answer already answers the `other` half of the message."""
    asked = ANSWERED_BESIDE.get(tool or "")
    return asked is not None and asked.search(" ".join(fold(other).split())) is not None


def split_questions(message: str) -> tuple[str, str | None]:
    """`message` split after its first question when another question (three words or
    more, ending in "?") follows it, or one joined by "and" and begun with a question word
    ("... e quanto vendiamo a settimana?"): (the first, the rest); else (message, None).
    Whether they are two questions is for their readings to say (Assistant.ask)."""
    found = SECOND_QUESTION.search(message)
    if found is not None:
        rest = message[found.end() :].strip()
        asked = rest.endswith("?") or SECOND_BEGINS.match(rest) is not None
        if not asked or len(rest.split()) < 3:
            return message, None
        return message[: found.start() + 1].strip(), rest
    joined = JOINED_QUESTION.search(message)
    if joined is None:
        return message, None
    first, rest = message[: joined.start()].strip(), message[joined.end() :].strip()
    if len(first.split()) < 2 or len(rest.split()) < 2:
        return message, None
    return first, rest


def _percent_of_forecast(ctx: RunContext, route: Route) -> dict[str, Any]:
    """For a forecast note said as a percentage ("raise the PAD-28 forecast by 10% in
    January"), asked back in units: what that percentage of the month's forecast is, when
    the product (or family) and the month are known."""
    said = PERCENT_FIGURE.search(route.unknown or "")
    asked = {k: route.args[k] for k in ("product", "family", "period") if route.args.get(k)}
    if (
        route.tool != "forecast_note"
        or route.missing != "quantity"
        or said is None
        or "period" not in asked
        or len(asked) < 2
    ):
        return {}
    forecast = call(ctx, "demand_forecast", asked, language=route.language)
    total = getattr(forecast.result, "total", None) if forecast.kind == "answer" else None
    if not total:
        return {}
    share = float(said.group(1).replace(",", ".")) / 100
    named = asked.get("product") or asked.get("family")
    return {"forecast_total": total, "percent_units": round(total * share), "named": named,
            "period": asked["period"]}  # fmt: skip


def call(
    ctx: RunContext, tool: str, args: dict[str, Any], *, language: str, preview: bool = False
) -> Outcome:
    base: dict[str, Any] = {"language": language, "tool": tool, "args": args, "caller": ctx.caller}
    try:
        result = run_tool(ctx, tool, args, preview=preview)
    except PermissionDenied as exc:
        return Outcome("refused", code=exc.code, params=exc.params, **base)
    except PonteError as exc:
        params = {**exc.params, "message": str(exc)}
        return Outcome("error", code=exc.code, params=params, **base)
    names = dict(ctx.index.catalogue.english) if language == "en" else {}
    return Outcome("answer", result=result, names=names, **base)
