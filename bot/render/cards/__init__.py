"""One card per result type: what a person reads, in their language, with the key number first.

A card is plain data (title, headline, fields, a small table, notes, where the numbers come
from, follow-up questions); bot.render.text, bot.render.console and bot.blocks turn it into
plain text, rich output or Block Kit. Every number comes from the result object. One module
per family of results; BUILDERS maps each result type an ability declares to its card
(tests/tools/test_registry.py checks that none is missing).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from bot.render import i18n
from bot.render.cards.alerts import alerts_card
from bot.render.cards.base import Action, Card, source
from bot.render.cards.commission import commission_card
from bot.render.cards.explain import explain_card, group_explain_card
from bot.render.cards.feedback import (
    change_card,
    digest_card,
    note_card,
    record_card,
    search_card,
)
from bot.render.cards.forecast import accuracy_answer_card, forecast_card, group_forecast_card
from bot.render.cards.incoming import incoming_card
from bot.render.cards.messages import confirm_card, error_text, help_card, message_card
from bot.render.cards.orders import orders_card
from bot.render.cards.product import product_card
from bot.render.cards.promo import promo_card
from bot.render.cards.quota import quota_card
from bot.render.cards.quota_requests import (
    allocation_card,
    audit_card,
    decision_card,
    request_card,
    request_list_card,
)
from bot.render.cards.reports import status_card
from bot.render.cards.sales import sales_card
from bot.render.cards.scenario import what_if_card
from bot.render.cards.stock import group_stock_card, stock_card
from bot.render.cards.supply import (
    atp_card,
    capacity_card,
    group_projection_card,
    projection_card,
)
from bot.render.i18n import date, number, pct, period, t
from planning.alerts.answers import AlertList
from planning.allocation import AllocationProposal
from planning.answers import (
    AtpAnswer,
    CapacityAnswer,
    GroupProjection,
    ProjectionAnswer,
    QuotaAnswer,
)
from planning.audit import AuditTrail
from planning.commission import CommissionEstimate
from planning.feedback.digest import FeedbackDigest
from planning.feedback.notes import NoteResult
from planning.feedback.search import FeedbackSearch
from planning.feedback.store import FeedbackChange, FeedbackRecord
from planning.forecast.accuracy import Accuracy
from planning.forecast.explain import ForecastExplanation, GroupExplanation
from planning.forecast.views import ForecastView, GroupForecast
from planning.incoming import Incoming
from planning.products import ProductFacts
from planning.promo_review import PromoReview
from planning.quota_decisions import QuotaDecision
from planning.quota_requests import QuotaRequestList, QuotaRequestResult
from planning.quotas import period_bounds
from planning.sales import OrderBook, SalesHistory
from planning.scenario import WhatIfAnswer
from planning.status import DataStatus
from planning.stock import GroupStock, StockStatus
from tools.abilities import Comparison, HelpAnswer
from tools.assistant import Outcome
from tools.registry import label as ability_label

__all__ = ["BUILDERS", "Action", "Card", "card", "card_for", "source"]

BUILDERS: dict[type, Callable[[Any, str], Card]] = {
    StockStatus: stock_card,
    SalesHistory: sales_card,
    PromoReview: promo_card,
    OrderBook: orders_card,
    Incoming: incoming_card,
    DataStatus: status_card,
    GroupStock: group_stock_card,
    ForecastView: forecast_card,
    GroupForecast: group_forecast_card,
    ForecastExplanation: explain_card,
    GroupExplanation: group_explain_card,
    Accuracy: accuracy_answer_card,
    ProjectionAnswer: projection_card,
    GroupProjection: group_projection_card,
    CapacityAnswer: capacity_card,
    WhatIfAnswer: what_if_card,
    AtpAnswer: atp_card,
    QuotaAnswer: quota_card,
    HelpAnswer: help_card,
    ProductFacts: product_card,
    AlertList: alerts_card,
    QuotaRequestResult: request_card,
    QuotaDecision: decision_card,
    QuotaRequestList: request_list_card,
    AuditTrail: audit_card,
    CommissionEstimate: commission_card,
    AllocationProposal: allocation_card,
    FeedbackRecord: record_card,
    FeedbackSearch: search_card,
    FeedbackChange: change_card,
    NoteResult: note_card,
    FeedbackDigest: digest_card,
}


TEXT: dict[str, tuple[str, str]] = {
    "comparison.title": ("Side by side · {what}", "A confronto · {what}"),
    "comparison.columns_2": ("answer", "risposta"),
    "comparison.total": ("Total", "Totale"),
    "comparison.note": (
        "Each line is the answer to the question asked of that one alone.",
        "Ogni riga è la risposta alla domanda fatta per quello soltanto.",
    ),
    "comparison.partial": (
        "{label} counts {days} of its {whole} days (sales to {last}): per day {pace} units "
        "against {other_pace} in {other} ({change}).",
        "{label} conta {days} dei suoi {whole} giorni (vendite fino al {last}): al giorno "
        "{pace} pezzi contro {other_pace} in {other} ({change}).",
    ),
}
i18n.register(TEXT)


def comparison_card(c: Comparison, lang: str) -> Card:
    """Each side's own answer, its headline on one line, in the order asked."""
    rows, tones = [], []
    for side in c.sides:
        label = period(lang, side.value) if c.over == "period" else side.label
        if side.result is None:
            line, tone = error_text(lang, side.code, side.params or {}), "bad"
        else:
            own = BUILDERS[type(side.result)](side.result, lang)
            line, tone = own.headline.removeprefix(f"{side.label}: "), own.tone
        rows.append((label, line))
        tones.append(tone)
    headline = " vs ".join(label for label, _ in rows)
    if c.total is not None:  # what the sides add up to, as one answer would say it
        rows.append((t(lang, "comparison.total"), BUILDERS[type(c.total)](c.total, lang).headline))
    lead, rows = _shared_lead(rows)
    title = t(lang, "comparison.title", what=ability_label(c.tool, lang))
    products = {(r.sku, r.name) for r in (s.result for s in c.sides) if isinstance(r, StockStatus)}
    if c.over == "location" and len(products) == 1:  # the one product compared, named
        sku, name = products.pop()
        title += f" · {sku} · {name}"
    return Card(
        title=title,
        headline=headline,
        columns=("", t(lang, "comparison.columns_2")),
        rows=tuple(rows),
        notes=(*lead, *_comparison_notes(c, lang), t(lang, "comparison.note")),
        tone="bad" if "bad" in tones else "warning" if "warning" in tones else "info",
    )


# A clause every side's answer opens with is said once, above them, when at least this long.
SHARED_LEAD = 30


def _shared_lead(rows: list[tuple[str, str]]) -> tuple[list[str], list[tuple[str, str]]]:
    """The clause every row's answer opens with ("Not yet checked against later sales
    (...);", repeated for five families in trial 20), as a note of its own, and the rows
    without it; nothing moves when the rows share less than a whole clause."""
    lines = [line for _, line in rows]
    if len(lines) < 2:
        return [], rows
    first = lines[0]
    size = next(
        (k for k in range(len(first)) if any(len(x) <= k or x[k] != first[k] for x in lines)),
        len(first),
    )
    shared = first[:size]
    cut = shared.rfind("; ")
    if cut < SHARED_LEAD:
        return [], rows
    lead = shared[:cut]
    rest = [(label, line[cut + 2 :]) for label, line in rows]
    return [lead + "."], [(label, line[:1].upper() + line[1:]) for label, line in rest]


def _comparison_notes(c: Comparison, lang: str) -> list[str]:
    """The caller's territories when the sales or orders compared are only theirs (as one
    answer says it: "total revenue moka + padelle" read as the company's); and for periods
    of sales side by side ("ottobre vs novembre"), a period not over (its sales run to the
    last day in the data) said with its pace per day against the first whole one's, since
    its total alone reads as a fall."""
    sales = [(side.value, side.result) for side in c.sides]
    books = [side.result for side in c.sides if isinstance(side.result, OrderBook)]
    if books and len(books) == len(c.sides) and books[0].territories:
        return [t(lang, "orders.scope", territories=", ".join(books[0].territories))]
    if not all(isinstance(r, SalesHistory) for _, r in sales):
        return []
    scope = sales[0][1]
    said = (
        [t(lang, "sales.scope", territories=", ".join(scope.territories))]
        if isinstance(scope, SalesHistory) and scope.territories
        else []
    )  # the figures are the caller's territories' only: said, as one answer says it
    if c.over != "period":
        return said
    spans = []
    for value, result in sales:
        assert isinstance(result, SalesHistory)
        first, last = period_bounds(result.period)
        figure = result.current
        spans.append((str(value), figure, (figure.end - figure.start).days + 1,
                      (last - first).days + 1))  # fmt: skip
    notes = []
    whole = next((span for span in spans if span[2] == span[3]), None)
    if whole is not None and whole[1].units > 0:
        other, other_figure, other_days, _ = whole
        other_pace = other_figure.units / other_days
        for value, figure, days, length in spans:
            if 0 < days < length:
                pace = figure.units / days
                change = pct(lang, 100 * (pace / other_pace - 1), signed=True)
                notes.append(t(lang, "comparison.partial", label=period(lang, value), days=days,
                               whole=length, last=date(lang, figure.end), pace=number(lang, pace),
                               other_pace=number(lang, other_pace), other=period(lang, other),
                               change=change))  # fmt: skip
    return notes + said


BUILDERS[Comparison] = comparison_card


def card_for(result: Any, lang: str) -> Card:
    """The card of a typed result (an answer's, or one a command shows on its own)."""
    return BUILDERS[type(result)](result, lang)


def card(outcome: Outcome) -> Card:
    """The card for any outcome: an answer, a question back, a refusal or an error; products
    named as the answer's language names them (their English names in English)."""
    shown = _card(outcome)
    also = outcome.params.get("also_asked")
    if also:  # a second question in the same message, said back rather than dropped
        said = i18n.t(outcome.language, "also_asked", text=also)
        shown = dataclasses.replace(shown, notes=(*shown.notes, said))
    if bought_by := outcome.params.get("bought_by"):  # a name several share: theirs
        said = i18n.t(outcome.language, "bought_by", customer=bought_by,
                      product=outcome.params.get("product"))  # fmt: skip
        shown = dataclasses.replace(shown, notes=(*shown.notes, said))
    if named := outcome.params.get("also_named"):  # a second family, one at a time here
        said = i18n.t(outcome.language, "also_named", answered=outcome.params.get("answered"),
                      families=", ".join(named))  # fmt: skip
        shown = dataclasses.replace(shown, notes=(*shown.notes, said))
    return shown


def _card(outcome: Outcome) -> Card:
    if outcome.kind == "answer":
        return renamed(BUILDERS[type(outcome.result)](outcome.result, outcome.language),
                       outcome.names)  # fmt: skip
    if outcome.kind == "confirm" and outcome.result is not None:
        shown = renamed(BUILDERS[type(outcome.result)](outcome.result, outcome.language),
                        outcome.names)  # fmt: skip
        return confirm_card(outcome, outcome.language, shown)
    return message_card(outcome, outcome.language)


# Words someone wrote, quoted in an answer (a customer's feedback, a search's words): said
# as written, never renamed.
QUOTED = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"")


def renamed(shown: Card, names: dict[str, str]) -> Card:
    """`shown` with every product name in `names` said as it maps: whole names only (the
    longest first, so a name inside another is not split), never inside quoted words."""
    if not names:
        return shown
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def say(text: str) -> str:
        parts, at = [], 0
        for quote in QUOTED.finditer(text):
            parts.append(pattern.sub(lambda m: names[m.group(0)], text[at : quote.start()]))
            parts.append(quote.group(0))
            at = quote.end()
        parts.append(pattern.sub(lambda m: names[m.group(0)], text[at:]))
        return "".join(parts)

    return dataclasses.replace(
        shown,
        title=say(shown.title) if shown.title else shown.title,
        headline=say(shown.headline),
        fields=tuple((label, say(value)) for label, value in shown.fields),
        rows=tuple(tuple(say(cell) for cell in row) for row in shown.rows),
        notes=tuple(say(note) for note in shown.notes),
    )
