"""The feedback abilities' arguments and calls into planning.feedback (declared in
tools.abilities with the others): record, search, edit and delete feedback, and forecast
notes."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from pydantic import BaseModel, Field

from planning.errors import PonteError
from planning.feedback.enrich import words_of
from planning.feedback.links import LEGAL_FORMS, linker_of
from planning.feedback.notes import NoteResult, add_note
from planning.feedback.search import FeedbackSearch, Filter, search_feedback
from planning.feedback.store import (
    FeedbackChange,
    FeedbackRecord,
    Reading,
    delete_feedback,
    edit_feedback,
    known_competitors,
    record_feedback,
)
from planning.quotas import period_bounds
from tools.context import RunContext
from tools.matching import CatalogueIndex
from tools.resolve import (
    resolve_customer,
    resolve_family,
    resolve_person,
    resolve_product,
    resolve_territory,
)
from tools.text import fold

Sentiment = Literal["negative", "neutral", "positive"]
Theme = Literal[
    "delivery", "damage", "price", "competitor", "quality", "availability", "request", "service"
]


class RecordFeedbackArgs(BaseModel):
    text: str = Field(
        description="What the customer said, exactly as the person wrote it, without the "
        "words that ask Ponte to record it ('log feedback:'). Never paraphrase."
    )
    customer: str | None = Field(None, description="The customer's name, as said.")
    products: list[str] | None = Field(
        None, max_length=20, description="Products it is about (codes or names)."
    )
    family: str | None = Field(None, description="A whole product family it is about.")
    sentiment: Sentiment | None = Field(
        None, description="Only when the person says it; otherwise Ponte reads it."
    )


class SearchFeedbackArgs(BaseModel):
    product: str | None = Field(None, description="A product (code or name).")
    products: list[str] | None = Field(None, max_length=50, description="Several products.")
    family: str | None = Field(None, description="Product family code, e.g. PADELLE.")
    customer: str | None = Field(None, description="Customer name (or enough of it).")
    period: str | None = Field(
        None, description="YYYY-MM, YYYY-Qn, YYYY or a span; omit for the last 90 days."
    )
    sentiment: Sentiment | None = Field(None, description="Only negative (complaints) or positive.")
    theme: Theme | None = Field(
        None,
        description="delivery, damage (arrived damaged, packaging), price, competitor, "
        "quality, availability (out of stock), request (new products, variants), service.",
    )
    query: str | None = Field(None, description="Words the feedback must contain.")
    person: str | None = Field(None, description="Only what this person recorded.")
    territory: str | None = Field(None, description="Only customers of this territory.")


class ChangeFeedbackArgs(BaseModel):
    feedback: int = Field(ge=1, description="The feedback item's number (#).")
    text: str | None = Field(None, description="The new text (to edit).")
    products: list[str] | None = Field(
        None, description="Products the new text is about (codes); omit to read them from it."
    )


class ForecastNoteArgs(BaseModel):
    product: str | None = Field(None, description="The product the note is about.")
    family: str | None = Field(None, description="Or a whole family.")
    customer: str | None = Field(None, description="The customer expected to order.")
    quantity: float = Field(
        description="Units more than the forecast (negative: fewer).",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
    )
    period: str = Field(description="The month: YYYY-MM.")
    note: str = Field("", description="The note as the person wrote it.")


_READINGS: dict[int, tuple[CatalogueIndex, Reading]] = {}


def reading_of(ctx: RunContext) -> Reading:
    """The company's names for linking feedback, from the catalogue the router reads (kept
    while the catalogue does not change)."""
    index = ctx.index
    kept = _READINGS.get(id(index))
    if kept is not None and kept[0] is index:
        return kept[1]
    reading = Reading(linker_of(index.catalogue), ctx.competitors)
    _READINGS.clear()  # one catalogue at a time: the newest
    _READINGS[id(index)] = (index, reading)
    return reading


def _customer(ctx: RunContext, typed: str | None) -> str | None:
    """The customer of the sales data a name means, or the name as typed when it names
    none (kept as written, flagged); several that fit are asked back. A name with a word no
    customer has (nor a typo of one) is a new customer: "Ferramenta Bellini" is not
    Ferramenta Sforza, "casa napoli" none of the "casa ..." ones; a legal form added
    ("Ferramenta Sforza Srl") is not a word of a new name."""
    words = [w for w in words_of(typed or "") if len(w) > 2 and w not in LEGAL_FORMS]
    index = ctx.index
    new = any(not index.customers_with(index.customer_typos.lookup(w) or w) for w in words)
    try:
        found = resolve_customer(ctx, typed)
    except PonteError as exc:
        if exc.code == "unknown_customer" or (exc.code == "ambiguous_customer" and new):
            return typed
        raise
    return typed if new and typed and fold(typed).strip() not in index.customer_exact else found


def record(ctx: RunContext, args: RecordFeedbackArgs, *, save: bool) -> FeedbackRecord:
    products = [resolve_product(ctx, p) for p in args.products or ()]
    reading = reading_of(ctx)
    known = (*reading.competitors, *known_competitors(ctx.engine))
    return record_feedback(
        ctx.engine,
        ctx.caller,
        text_=args.text,
        now=ctx.now,
        reading=replace(reading, competitors=tuple(dict.fromkeys(known))),
        source=ctx.source,
        customer=_customer(ctx, args.customer),
        products=products,
        family=resolve_family(ctx, args.family),
        sentiment=args.sentiment,
        channel=ctx.channel,
        message_ts=ctx.message_ts,
        permalink=ctx.permalink,
        save=save,
    )


def search(ctx: RunContext, args: SearchFeedbackArgs) -> FeedbackSearch:
    products = [resolve_product(ctx, p) for p in [*(args.products or ()), args.product] if p]
    start = end = None
    if args.period:
        start, end = period_bounds(args.period)
        end = min(end, ctx.today)
        if start > ctx.today:
            raise PonteError(
                f"{args.period} has not started: feedback is what customers already said",
                code="feedback_period_ahead",
                period=args.period,
            )
    found = search_feedback(
        ctx.engine,
        today=ctx.today,
        start=start,
        end=end,
        period=args.period,
        where=Filter(
            products=tuple(dict.fromkeys(products)),
            family=resolve_family(ctx, args.family),
            customer=_customer(ctx, args.customer),
            theme=args.theme,
            sentiment=args.sentiment,
            query=args.query,
            author=resolve_person(ctx, args.person),
            territory=resolve_territory(ctx, args.territory),
        ),
    )
    if ctx.summarizer is not None and found.count:
        found = replace(found, summary=ctx.summarizer(found, ctx.language))
    return found


def edit(ctx: RunContext, args: ChangeFeedbackArgs, *, apply: bool) -> FeedbackChange:
    if not (args.text or "").strip():
        raise PonteError("what should the feedback say instead?", code="feedback_empty")
    products = [resolve_product(ctx, p) for p in args.products or ()]
    return edit_feedback(
        ctx.engine, ctx.caller, args.feedback, text_=args.text or "", now=ctx.now,
        reading=reading_of(ctx), products=products, apply=apply,
    )  # fmt: skip


def delete(ctx: RunContext, args: ChangeFeedbackArgs, *, apply: bool) -> FeedbackChange:
    return delete_feedback(ctx.engine, ctx.caller, args.feedback, now=ctx.now, apply=apply)


def note(ctx: RunContext, args: ForecastNoteArgs, *, save: bool) -> NoteResult:
    sku = resolve_product(ctx, args.product) if args.product else None
    family = resolve_family(ctx, args.family) if args.family and not sku else None
    start, _ = period_bounds(args.period)
    return add_note(
        ctx.engine,
        ctx.caller,
        today=ctx.today,
        now=ctx.now,
        period=f"{start:%Y-%m}",
        quantity=args.quantity,
        note=args.note,
        sku=sku,
        family=family,
        customer=_customer(ctx, args.customer),
        save=save,
    )
