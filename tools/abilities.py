"""The assistant's abilities, each declared once (tools.registry) over a thin call into
planning/.

`run_tool` is the one way in, for the router, the LLM agent (tools.binding) and the App Home
alike: it checks that the verified caller is in the ability's declared audience
(planning.access), validates the arguments with the ability's schema, and returns the typed
result. Adding an ability: its planning function, its declaration here (audience, schema,
examples, router hints, result types), its words in tools/vocabulary.py and its card in
bot/render; tests/tools/test_registry.py says what is missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from planning.access import Audience, Caller, authorize
from planning.alerts.answers import AlertList, alerts_answer
from planning.allocation import AllocationProposal, propose_allocation
from planning.answers import (
    AskedMove,
    AtpAnswer,
    CapacityAnswer,
    GroupProjection,
    ProjectionAnswer,
    QuotaAnswer,
    atp_answer,
    capacity_answer,
    group_projection,
    projection_answer,
    quota_answer,
)
from planning.audit import AuditTrail, quota_history
from planning.commission import CommissionEstimate, commission_estimate
from planning.errors import PermissionDenied, PonteError
from planning.feedback.beside import beside
from planning.feedback.notes import NoteResult
from planning.feedback.search import FeedbackSearch
from planning.feedback.store import FeedbackChange, FeedbackRecord
from planning.forecast.accuracy import Accuracy, accuracy_of
from planning.forecast.explain import ForecastExplanation, GroupExplanation
from planning.forecast.views import ForecastView, GroupForecast
from planning.groups import ProductGroup
from planning.incoming import Incoming, incoming
from planning.products import Fact, ProductFacts, product_facts
from planning.projection import week_monday
from planning.promo_review import PromoReview, promo_review
from planning.quota_decisions import QuotaDecision, decide_request
from planning.quota_requests import (
    QuotaRequestList,
    QuotaRequestResult,
    list_requests,
    request_change,
)
from planning.quotas import PERIOD as QUOTA_PERIOD
from planning.quotas import QuotaStatus, period_bounds, quarter_of
from planning.sales import (
    DISJOINT,
    GroupBy,
    OrderBook,
    OrderSplit,
    Rank,
    SalesFilter,
    SalesHistory,
    order_book,
    orders_added_up,
    sales_added_up,
    sales_history,
    sales_scope,
)
from planning.scenario import Scenario, WhatIfAnswer, change_window, what_if
from planning.status import DataStatus, data_status
from planning.stock import GroupStock, StockStatus, stock_added_up, stock_at_places_added_up
from tools import feedback_abilities as fb
from tools import vocabulary as v
from tools.context import RunContext
from tools.registry import REGISTRY, Ability, sample_of
from tools.resolve import (
    resolve_customer,
    resolve_family,
    resolve_location,
    resolve_period,
    resolve_person,
    resolve_product,
    resolve_territory,
)

PRODUCT = "A SKU code (e.g. PAD-28) or words from the product's name (e.g. 'padella 28 cm')."
LOCATION = "Optional location code or name (plant or warehouse); omit for every location."


@dataclass(frozen=True)
class HelpAnswer:
    name: str
    role: str
    abilities: tuple[str, ...]  # what this person can ask now
    coming: tuple[str, ...]  # recognised, arriving with later capabilities
    sample: dict[str, str]  # a product and family of the company's, for the examples


class GroupArgs(BaseModel):
    """One product, or several together: a family, a list of products, or all of them."""

    product: str | None = Field(None, description=PRODUCT + " Omit for a group of products.")
    family: str | None = Field(None, description="Product family code, e.g. PADELLE.")
    products: list[str] | None = Field(
        None, max_length=50, description="Several products at once (codes or names)."
    )
    all_products: bool = Field(False, description="Every product of the catalogue together.")


class StockArgs(GroupArgs):
    location: str | None = Field(None, description=LOCATION)


PERIOD = "Optional period instead of weeks: YYYY-MM, YYYY-Qn or YYYY (2026-12 = December)."


class ForecastArgs(GroupArgs):
    weeks: int = Field(12, ge=1, le=104, description="How many weeks ahead (1-104).")
    period: str | None = Field(None, description=PERIOD)
    location: str | None = Field(None, description=LOCATION)


class ExplainArgs(GroupArgs):
    location: str | None = Field(None, description=LOCATION)


class ProjectionArgs(GroupArgs):
    weeks: int = Field(12, ge=1, le=104, description="How many weeks to project (1-104).")
    location: str | None = Field(None, description=LOCATION)
    focus: Literal["excess", "move"] | None = Field(
        None,
        description="'excess' when the question is about excess stock, 'move' when it is "
        "about moving stock between locations: said first.",
    )
    move_from: str | None = Field(None, description="A move asked: from this location.")
    move_to: str | None = Field(None, description="A move asked: to this location.")
    move_units: float | None = Field(None, gt=0, description="A move asked: of these units.")


class AlertArgs(BaseModel):
    family: str | None = Field(None, description="Only this product family.")
    product: str | None = Field(None, description=PRODUCT + " Omit for every product.")
    focus: Literal["capacity", "stockout", "excess", "drift", "quota"] | None = Field(
        None,
        description="One kind of alert: capacity (demand over plant capacity), stockout (runs "
        "out or below safety stock within lead time), excess (too much stock), drift (sales "
        "moved away from the forecast), quota (quotas the plants cannot serve).",
    )
    severity: Literal["high", "medium", "low"] | None = Field(
        None, description="Only alerts this severe or worse ('critical' = high)."
    )
    within_weeks: int | None = Field(
        None,
        ge=1,
        le=104,
        description="Stock running out within this many weeks (default: "
        "within each product's lead time).",
    )
    by: dt.date | None = Field(None, description="Stock running out by this date, YYYY-MM-DD.")
    period: str | None = Field(
        None, description="Stock running out by the end of this period (YYYY-MM, a span)."
    )
    place: str | None = Field(
        None,
        description="Only alerts at this plant or location (code or name): a plant's "
        "capacity, stock held there.",
    )
    assigned: Literal["me", "nobody"] | None = Field(
        None, description="Only alerts assigned to the asker ('me') or to no one ('nobody')."
    )
    status: Literal["acknowledged", "snoozed"] | None = Field(
        None, description="Only alerts someone acknowledged, or snoozed."
    )


class CapacityArgs(BaseModel):
    family: str | None = Field(None, description="Product family code; omit for all.")
    plant: str | None = Field(None, description="Plant code or name; omit for all plants.")
    weeks: int = Field(12, ge=1, le=52, description="How many weeks ahead (1-52).")
    period: str | None = Field(None, description=PERIOD)


class WhatIfArgs(BaseModel):
    demand_change: float | None = Field(
        None, gt=-100, le=1000, description="Demand changed by this percent: 30 = +30%, -20."
    )
    capacity_change: float | None = Field(
        None,
        ge=-100,
        le=1000,
        description="The plant's capacity changed by this percent; -100 = the plant stops.",
    )
    product: str | None = Field(None, description="The product whose demand changes.")
    products: list[str] | None = Field(None, max_length=50, description="Several products.")
    family: str | None = Field(
        None,
        description="The family whose demand (or capacity at the plant) changes; omit "
        "with no product for everything.",
    )
    plant: str | None = Field(
        None,
        description="The plant whose capacity changes (needed for a capacity change; "
        "with a demand change, only its load).",
    )
    period: str | None = Field(None, description="When the change applies: " + PERIOD)
    weeks: int | None = Field(
        None,
        ge=1,
        le=52,
        description="The change lasts this many weeks, from next Monday "
        "(or from the period's first day).",
    )


class AtpArgs(BaseModel):
    product: str = Field(description=PRODUCT)
    quantity: float = Field(gt=0, le=1e9, allow_inf_nan=False, description="Units to promise.")
    date: dt.date = Field(description="Requested delivery date, YYYY-MM-DD.")
    location: str | None = Field(None, description="Optional location to ship from.")
    customer: str | None = Field(
        None, description="Optional customer the promise is for: shipped from where it is served."
    )


class QuotaArgs(BaseModel):
    person: str | None = Field(
        None, description="A person's Slack user id or name; omit for the caller's own view."
    )
    territory: str | None = Field(None, description="Territory code or name.")
    period: str | None = Field(
        None, description="YYYY-Qn, YYYY-MM or YYYY; omit for the current quarter."
    )
    family: str | None = Field(None, description="Only the quota for this product family.")
    product: str | None = Field(
        None, description="A single product named (quotas are per family: its family's)."
    )
    by_family: bool = Field(
        False, description="True: what all quotas ask of each family (operations, admins)."
    )
    company: bool = Field(False, description="True: the whole company's quotas were asked for.")


class QuotaChangeArgs(BaseModel):
    person: str | None = Field(
        None, description="Whose quota: a Slack user id or name; omit for the caller's own."
    )
    territory: str | None = Field(None, description="A territory's quota: code or name.")
    period: str | None = Field(
        None, description="YYYY-Qn, YYYY-MM or YYYY; omit for the current quarter."
    )
    family: str | None = Field(None, description="The family quota to change; omit for the total.")
    product: str | None = Field(
        None,
        description="A single product the person named (quotas are per family or in total: "
        "the request is refused, saying the product's family).",
    )
    team: bool = Field(
        False,
        description="True: the person asked for their whole team at once (refused: one "
        "request per person, naming them).",
    )
    target_units: float | None = Field(None, allow_inf_nan=False, description="New target, units.")
    target_revenue: float | None = Field(
        None, allow_inf_nan=False, description="New target, revenue in the company's currency."
    )
    change_units: float | None = Field(
        None, allow_inf_nan=False, description="Change by this many units (negative lowers it)."
    )
    change_pct: float | None = Field(
        None, allow_inf_nan=False, description="Change by this percentage (negative lowers it)."
    )
    change_revenue: float | None = Field(
        None,
        allow_inf_nan=False,
        description="Change the revenue target by this amount (negative lowers it).",
    )
    direction: Literal["up", "down"] | None = Field(
        None, description="up or down: what the person's own verb says (raise / lower)."
    )
    measure_unsaid: bool = Field(
        False,
        description="True: the figure was said as '15k' with no unit, so it may be pieces or "
        "euros (asked back when the quota has both and the two readings differ a lot).",
    )
    reason: str | None = Field(None, description="Why, in the person's own words, verbatim.")


class QuotaDecisionArgs(BaseModel):
    request: int = Field(ge=1, description="The request's number (#).")
    decision: Literal["approve", "reject", "changes"] = Field(
        "approve", description="approve, reject, or changes (ask the requester for changes)."
    )
    note: str | None = Field(None, description="Why: needed to reject or ask for changes.")


class QuotaRequestsArgs(BaseModel):
    status: Literal["pending", "approved", "rejected", "changes", "expired"] | None = Field(
        None, description="Which requests: pending (default), approved, rejected, changes, expired."
    )


class AllocationArgs(BaseModel):
    family: str = Field(description="The product family whose quota is split, e.g. PENTOLE.")
    period: str | None = Field(None, description="YYYY-Qn (default: the next quarter).")
    target_units: float | None = Field(
        None, gt=0, le=1e12, allow_inf_nan=False, description="The total to split, in units."
    )
    target_revenue: float | None = Field(
        None,
        gt=0,
        le=1e12,
        allow_inf_nan=False,
        description="The total to split in revenue (revenue quotas), instead of units.",
    )
    shares: dict[str, float] | None = Field(
        None, description="The split the person gave: territory code or name -> percent."
    )
    even: bool = Field(False, description="True: equal parts, as the person asked.")
    whole: bool = Field(
        False,
        description="True: the family's quotas the person's territories hold now move as the "
        "shares say ('all of it to Nord-Ovest'); the others get none; the total defaults to "
        "what they hold.",
    )
    by: Literal["recent", "last_year"] | None = Field(
        None,
        description="Shares from one reading of sales only: 'recent' (the last 13 weeks) or "
        "'last_year' (the same period a year earlier); default: the mean of the two.",
    )
    reason: str | None = Field(None, description="Why, for the approver (optional).")


class HistoryArgs(BaseModel):
    person: str | None = Field(None, description="Whose quota history (name or Slack id).")
    territory: str | None = Field(None, description="A territory's quota history.")
    period: str | None = Field(
        None,
        description="YYYY-Qn: only changes to that quarter's quotas. YYYY-MM, YYYY or a span "
        "YYYY-MM-DD..YYYY-MM-DD: only changes made then.",
    )
    family: str | None = Field(None, description="Only the changes to this family's quotas.")
    request: int | None = Field(None, description="Only the history of this request number.")
    made: dt.date | str | None = Field(
        None,
        description="When the changes were made, looking back: YYYY-MM-DD, YYYY-MM, YYYY-Qn, "
        "YYYY or YYYY-MM-DD..YYYY-MM-DD ('today', 'this month', 'last week').",
    )


class CommissionArgs(BaseModel):
    person: str | None = Field(None, description="Whose pay (default: the caller's own).")
    period: str | None = Field(None, description="YYYY-Qn (default: the current quarter).")
    product: str | None = Field(None, description=PRODUCT + " The product of the deal.")
    quantity: float | None = Field(
        None, gt=0, le=1e9, allow_inf_nan=False, description="Units of the deal."
    )
    revenue: float | None = Field(
        None, gt=0, le=1e12, allow_inf_nan=False, description="Revenue of the deal."
    )
    to_target: bool = Field(False, description="True: what closing the whole target pays.")
    reach_pct: float | None = Field(
        None,
        gt=0,
        le=1000,
        allow_inf_nan=False,
        description="What reaching this attainment pays ('if I hit 120% of my quota').",
    )


class ProductInfoArgs(BaseModel):
    product: str = Field(description=PRODUCT)
    fact: Fact | None = Field(
        None,
        description="The fact asked about, shown first: price, lead_time, safety_stock, "
        "min_order, family or locations (where it is stocked); omit for all of them.",
    )


class SalesFilterArgs(BaseModel):
    """Whose sales (or orders): a product, products, a family, a customer, a rep, a territory."""

    product: str | None = Field(None, description=PRODUCT)
    products: list[str] | None = Field(
        None, max_length=50, description="Several products together, one total."
    )
    family: str | None = Field(None, description="Product family code, e.g. PADELLE.")
    customer: str | None = Field(None, description="Customer name (or enough of it).")
    person: str | None = Field(None, description="The rep who sold: Slack user id or name.")
    territory: str | None = Field(None, description="Territory code or name.")


class SalesArgs(SalesFilterArgs):
    period: str | None = Field(
        None, description="YYYY-MM, YYYY-Qn or YYYY (already started); omit for this year."
    )
    compare: Literal["previous", "last_year"] | None = Field(
        None, description="Compare with the period before, or the same period last year."
    )
    group_by: GroupBy | None = Field(
        None,
        description="Split the total by customer, product, rep, territory, product family, "
        "location shipped from or promotion (sold on promo or not), largest first, or month "
        "by month.",
    )
    top: int | None = Field(None, ge=1, le=50, description="How many rows of the split (1-50).")
    last_purchase: bool = Field(False, description="Also say when the customer last bought.")
    rank_by: Rank = Field(
        "units",
        description="Order the split (and its shares) by units or by revenue, or by the "
        "change in units against the period compared with, largest fall first ('which "
        "customers dropped the most'; the same period last year unless compare says).",
    )
    against_quota: bool = Field(
        False,
        description="Also give the quota of the rep or territory for the period, beside the "
        "sales ('why is Rossi behind?'; the caller's own when no one is named).",
    )
    company: bool = Field(
        False, description="True: the whole company's sales were asked for ('tutta l'azienda')."
    )


class PromoArgs(SalesFilterArgs):
    period: str | None = Field(
        None,
        description="YYYY-MM, YYYY-Qn or YYYY: the latest promotion within it ('the February "
        "promo'); omit for the latest promotion of all.",
    )


class AccuracyArgs(BaseModel):
    product: str | None = Field(None, description=PRODUCT + " Omit for a family or overall.")
    family: str | None = Field(None, description="Product family code; omit for overall.")


class OrdersArgs(SalesFilterArgs):
    """Open orders take the sales' filter, a due period and a split."""

    due: str | None = Field(
        None,
        description="Only orders due within YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD "
        "(orders shipping in December); omit for every open order.",
    )
    group_by: OrderSplit | None = Field(
        None,
        description="Split by customer, product, product family, rep, territory or location "
        "shipped from; omit for by customer (by product for one customer).",
    )
    late: bool = Field(False, description="Only the orders past their due date.")


class IncomingArgs(GroupArgs):
    location: str | None = Field(None, description=LOCATION)
    period: str | None = Field(
        None,
        description="Only receipts due within YYYY-MM, YYYY-Qn, YYYY or "
        "YYYY-MM-DD..YYYY-MM-DD (what arrives in December, by the end of the year); omit for "
        "every receipt still planned.",
    )


class HelpArgs(BaseModel):
    topic: str | None = Field(None, description="Optional ability name to explain.")


def _group(ctx: RunContext, args: GroupArgs) -> ProductGroup | str:
    """The products asked about: one product's code, or the group."""
    named = [resolve_product(ctx, p) for p in args.products or ()]
    if args.product is not None:
        named.insert(0, resolve_product(ctx, args.product))
    named = list(dict.fromkeys(named))
    if len(named) == 1:
        return named[0]
    if named:
        return ProductGroup(skus=tuple(named))
    if args.family is not None:
        return ProductGroup(family=resolve_family(ctx, args.family))
    if args.all_products:
        return ProductGroup()
    raise PonteError("which product?", code="which_product")


def _stock(ctx: RunContext, args: StockArgs) -> Any:
    from planning.stock import group_stock, stock_status

    asked, location = _group(ctx, args), resolve_location(ctx, args.location)
    if isinstance(asked, ProductGroup):
        return group_stock(ctx.engine, asked, location=location)
    return stock_status(ctx.engine, asked, today=ctx.today, location=location)


def _forecast(ctx: RunContext, args: ForecastArgs) -> Any:
    from planning.forecast.views import forecast_view, group_forecast, with_year_before

    scope = sales_scope(ctx.engine, ctx.caller)

    asked, location = _group(ctx, args), resolve_location(ctx, args.location)
    between = resolve_period(ctx, args.period)
    until = between[1] if between else ctx.today + dt.timedelta(weeks=args.weeks)
    if isinstance(asked, ProductGroup):
        group = group_forecast(
            ctx.engine, asked, today=ctx.today, weeks=args.weeks, location=location, between=between
        )
        group = with_year_before(ctx.engine, group, scope)
        if asked.family is None and not asked.skus:
            return group  # every product: what customers said is a search of its own
        near = beside(ctx.engine, today=ctx.today, skus=asked.skus, family=asked.family,
                      until=until)  # fmt: skip
        return replace(group, beside=near)
    view = forecast_view(
        ctx.engine, asked, today=ctx.today, weeks=args.weeks, location=location, between=between
    )
    view = with_year_before(ctx.engine, view, scope)
    return replace(view, beside=beside(ctx.engine, today=ctx.today, skus=(asked,), until=until))


def _explain(ctx: RunContext, args: ExplainArgs) -> Any:
    from planning.forecast.explain import explain_forecast, explain_group_forecast

    asked, location = _group(ctx, args), resolve_location(ctx, args.location)
    if isinstance(asked, ProductGroup):
        group = explain_group_forecast(ctx.engine, asked, today=ctx.today, location=location)
        if asked.everything:
            return group  # every product: what customers said is a search of its own
        near = beside(ctx.engine, today=ctx.today, skus=asked.skus, family=group.group.family)
        return replace(group, beside=near)
    explained = explain_forecast(ctx.engine, asked, today=ctx.today, location=location)
    return replace(explained, beside=beside(ctx.engine, today=ctx.today, skus=(asked,)))


def _projection(ctx: RunContext, args: ProjectionArgs) -> ProjectionAnswer | GroupProjection:
    asked, location = _group(ctx, args), resolve_location(ctx, args.location)
    if args.focus in ("excess", "move") and not isinstance(asked, ProductGroup):
        # "excess on the paring knife?", "conviene spostare PAD-28 a Milano?": a verdict
        asked = ProductGroup(skus=(asked,))
    if isinstance(asked, ProductGroup):
        return group_projection(
            ctx.engine,
            asked,
            today=ctx.today,
            weeks=args.weeks,
            location=location,
            focus=args.focus,
            settings=ctx.alert_settings,
            asked=_asked_move(ctx, args),
        )
    return projection_answer(
        ctx.engine,
        asked,
        today=ctx.today,
        weeks=args.weeks,
        location=location,
        settings=ctx.alert_settings,
    )


def _asked_move(ctx: RunContext, args: ProjectionArgs) -> AskedMove | None:
    """The move between locations the question names, if any."""
    if args.focus != "move" or not (args.move_from or args.move_to or args.move_units):
        return None
    source = resolve_location(ctx, args.move_from) if args.move_from else None
    target = resolve_location(ctx, args.move_to) if args.move_to else None
    if source is not None and source == target:
        raise PonteError("a move needs two different locations", code="same_location",
                         location=source)  # fmt: skip
    return AskedMove(source, target, args.move_units)


def _capacity(ctx: RunContext, args: CapacityArgs) -> CapacityAnswer:
    return capacity_answer(
        ctx.engine,
        today=ctx.today,
        family=resolve_family(ctx, args.family),
        plant=resolve_location(ctx, args.plant),
        weeks=args.weeks,
        period=args.period,
    )


def _what_if(ctx: RunContext, args: WhatIfArgs) -> WhatIfAnswer:
    named = [resolve_product(ctx, p) for p in [args.product, *(args.products or ())] if p]
    first, last = change_window(ctx.today, period=args.period, weeks=args.weeks)
    scenario = Scenario(
        first=first,
        last=last,
        demand_change=args.demand_change,
        capacity_change=args.capacity_change,
        skus=tuple(dict.fromkeys(named)),
        family=None if named else resolve_family(ctx, args.family),
        plant=resolve_location(ctx, args.plant),
        period=args.period,
        weeks=args.weeks,
    )
    return what_if(ctx.engine, scenario, today=ctx.today)


def _alerts(ctx: RunContext, args: AlertArgs) -> AlertList:
    found = _alert_list(ctx, args)
    if found.sku is None and found.family is None:
        return found
    # "3 people heard about a competitor's stockout this week": beside the alerts.
    heard = beside(ctx.engine, today=ctx.today, skus=(found.sku,) if found.sku else (),
                   family=None if found.sku else found.family, days=7, notes=False)  # fmt: skip
    return replace(found, beside=heard)


def _alert_list(ctx: RunContext, args: AlertArgs) -> AlertList:
    return alerts_answer(
        ctx.engine,
        ctx.caller,
        today=ctx.today,
        settings=ctx.alert_settings,
        family=resolve_family(ctx, args.family),
        sku=resolve_product(ctx, args.product) if args.product else None,
        focus=args.focus,
        severity=args.severity,
        place=resolve_location(ctx, args.place) if args.place else None,
        assigned=args.assigned,
        status=args.status,
        within_weeks=_alert_window(ctx, args),
    )


def _alert_window(ctx: RunContext, args: AlertArgs) -> int | None:
    """The weeks stock is checked for running out, when the question sets them: "in the next
    4 weeks", "before Christmas", "this month or next". Asked about stock, any window; asked
    about everything, a window of two weeks or more ("anything critical this week?" is about
    now, not a one-week window: each product's lead time stays)."""
    day = args.by
    if day is None and args.period:
        span = resolve_period(ctx, args.period)
        day = span[1] if span else None
    weeks = args.within_weeks or _weeks_until(ctx.today, day)
    if weeks is None or args.focus not in (None, "stockout"):
        return None
    return weeks if args.focus == "stockout" or weeks >= 2 else None


def _weeks_until(today: dt.date, day: dt.date | None) -> int | None:
    """The weeks from this week to `day`'s, both counted: "what runs out before Christmas?"."""
    if day is None:
        return None
    if day < today:
        raise PonteError(f"{day} is already past", code="past_date", date=day.isoformat())
    return max(1, (week_monday(day) - week_monday(today)).days // 7 + 1)


def _atp(ctx: RunContext, args: AtpArgs) -> AtpAnswer:
    customer = resolve_customer(ctx, args.customer) if args.customer else None
    return atp_answer(
        ctx.engine,
        resolve_product(ctx, args.product),
        args.quantity,
        args.date,
        today=ctx.today,
        location=resolve_location(ctx, args.location),
        customer=(customer, ctx.index.customer_territory.get(customer)) if customer else None,
    )


def _quota(ctx: RunContext, args: QuotaArgs) -> QuotaAnswer:
    person = resolve_person(ctx, args.person)
    territory = resolve_territory(ctx, args.territory)
    family = resolve_family(ctx, args.family)
    product = resolve_product(ctx, args.product) if args.product else None
    if product is not None and family is None:  # "my quota on the frying pan 28"
        family = ctx.index.family_of.get(product)
    return quota_answer(
        ctx.engine,
        ctx.caller,
        today=ctx.today,
        person=person,
        territory=territory,
        period=args.period,
        family=family,
        label=ctx.index.people.get(person or "") or ctx.index.territory_name(territory),
        product=product,
        by_family=args.by_family,
        company=args.company,
    )


def _quota_change(ctx: RunContext, args: QuotaChangeArgs, *, submit: bool) -> QuotaRequestResult:
    """A quota change request: checked and shown (preview), or stored for the approver."""
    if args.team and not (args.person or args.territory):
        # "raise my team's q1 quotas by 5%": each quota is its own request and decision.
        team = sorted(ctx.index.people.get(p, p) for p in ctx.caller.team)
        raise PonteError(
            "a quota change request is for one person's (or territory's) quota",
            code="quota_team_change",
            people=", ".join(team) or "–",
        )
    if args.product:  # "alza la quota di giulia per PAD-28": there is no product quota
        sku = resolve_product(ctx, args.product)
        family = ctx.index.family_of.get(sku) or "–"
        raise PonteError(
            f"quotas are set per family or in total, not per product ({sku} is in {family})",
            code="quota_not_per_product",
            product=sku,
            family=family,
        )
    return request_change(
        ctx.engine,
        ctx.caller,
        today=ctx.today,
        now=ctx.now,
        period=args.period or quarter_of(ctx.today),
        rep=resolve_person(ctx, args.person),
        territory=resolve_territory(ctx, args.territory),
        family=resolve_family(ctx, args.family),
        target_units=args.target_units,
        target_revenue=args.target_revenue,
        change_units=args.change_units,
        change_revenue=args.change_revenue,
        measure_unsaid=args.measure_unsaid,
        change_pct=args.change_pct,
        direction=args.direction,
        reason=args.reason or "",
        submit=submit,
    )


def _decision(ctx: RunContext, args: QuotaDecisionArgs, *, apply: bool) -> QuotaDecision:
    return decide_request(
        ctx.engine,
        args.request,
        args.decision,
        caller=ctx.caller,
        now=ctx.now,
        today=ctx.today,
        note=args.note,
        apply=apply,
    )


def _quota_requests(ctx: RunContext, args: QuotaRequestsArgs) -> QuotaRequestList:
    return list_requests(ctx.engine, ctx.caller, status=args.status, now=ctx.now)


def _allocation(ctx: RunContext, args: AllocationArgs, *, submit: bool) -> AllocationProposal:
    _, end = period_bounds(quarter_of(ctx.today))
    return propose_allocation(
        ctx.engine,
        ctx.caller,
        today=ctx.today,
        now=ctx.now,
        family=resolve_family(ctx, args.family) or args.family,
        period=args.period or quarter_of(end + dt.timedelta(days=1)),
        total_units=args.target_units,
        total_revenue=args.target_revenue if args.target_units is None else None,
        shares=_territory_shares(ctx, args.shares) if args.shares else None,
        even=args.even,
        by=args.by,
        whole=args.whole,
        reason=args.reason or "",
        submit=submit,
    )


def _territory_shares(ctx: RunContext, shares: dict[str, float]) -> dict[str, float]:
    """Shares by the catalogue's territory codes ("north-west", "centro", "NO"), summed
    where two names are one territory; planning checks they are the caller's."""
    out: dict[str, float] = {}
    for name, pct in shares.items():
        code = resolve_territory(ctx, name) or name
        out[code] = out.get(code, 0.0) + pct
    return out


def _history(ctx: RunContext, args: HistoryArgs) -> AuditTrail:
    # "storico quota Q1 di rossi": the quarter's quotas; "chi ha approvato cosa oggi",
    # "changes in November": when they were made (a period that is not a quarter).
    said = QUOTA_PERIOD.match(args.period.strip().upper()) if args.period else None
    quarter = args.period if said and said.group(3) else None
    made = None if quarter else args.made or args.period
    if isinstance(made, dt.date):  # "oggi": that day
        made = f"{made}..{made}"
    return quota_history(
        ctx.engine,
        ctx.caller,
        person=resolve_person(ctx, args.person),
        territory=resolve_territory(ctx, args.territory),
        period=quarter.upper() if quarter else None,
        made=period_bounds(made) if made else None,
        family=resolve_family(ctx, args.family),
        request=args.request,
    )


def _commission(ctx: RunContext, args: CommissionArgs) -> CommissionEstimate:
    return commission_estimate(
        ctx.engine,
        ctx.caller,
        today=ctx.today,
        person=resolve_person(ctx, args.person),
        period=args.period,
        sku=resolve_product(ctx, args.product) if args.product else None,
        quantity=args.quantity,
        revenue=args.revenue,
        to_target=args.to_target,
        reach_pct=args.reach_pct,
    )


def _product_info(ctx: RunContext, args: ProductInfoArgs) -> ProductFacts:
    return product_facts(ctx.engine, resolve_product(ctx, args.product), asked=args.fact)


def _sales_filter(ctx: RunContext, args: SalesFilterArgs) -> SalesFilter:
    return SalesFilter(
        product=resolve_product(ctx, args.product) if args.product else None,
        products=tuple(dict.fromkeys(resolve_product(ctx, p) for p in args.products or ())),
        family=resolve_family(ctx, args.family),
        customer=resolve_customer(ctx, args.customer),
        person=resolve_person(ctx, args.person),
        territory=resolve_territory(ctx, args.territory),
    )


def _sales(ctx: RunContext, args: SalesArgs) -> SalesHistory:
    what = _sales_filter(ctx, args)
    # A plain total is said beside the same days a year before, as a planner reads one
    # ("7,120 units, -5.2%"), when the sales file reaches back that far; a split, a
    # ranking, a last purchase or a quota keeps to what was asked.
    plain = not (args.compare or args.group_by or args.top or args.last_purchase
                 or args.against_quota or args.rank_by == "change")  # fmt: skip
    history = sales_history(
        ctx.engine,
        sales_scope(ctx.engine, ctx.caller),
        what,
        period=args.period or str(ctx.today.year),
        today=ctx.today,
        compare="last_year" if plain else args.compare,
        group_by=args.group_by,
        top=args.top,
        last_purchase=args.last_purchase,
        rank_by=args.rank_by,
    )
    if plain and (
        history.previous is None or not history.previous.units or history.previous_from
    ):  # nothing sold a year before, or the sales file starts inside that year's days
        history = replace(history, compare=None, previous=None, previous_from=None)
    if args.against_quota:
        history = replace(history, quota=_quota_of(ctx, what, history.period))
    if args.company and history.territories is not None:  # said first: not the company's
        history = replace(history, company_not_theirs=True)
    return history


def _quota_of(ctx: RunContext, what: SalesFilter, period: str) -> QuotaStatus | None:
    """The one total quota of the rep or territory whose sales these are (the caller's own
    when none is named), when the caller may see it; None when there is none (a team's
    several, a customer's, a product's) or it is not theirs to see."""
    if what.customer or what.product or what.products or what.family:
        return None
    try:
        found = quota_answer(
            ctx.engine,
            ctx.caller,
            today=ctx.today,
            person=what.person,
            territory=what.territory,
            period=period,
        )
    except PonteError:  # not theirs to see: the sales answer alone, as asked
        return None
    whole = [s for s in found.statuses if not s.family]
    return whole[0] if len(whole) == 1 else None


def _promo(ctx: RunContext, args: PromoArgs) -> PromoReview:
    return promo_review(
        ctx.engine,
        sales_scope(ctx.engine, ctx.caller),
        _sales_filter(ctx, args),
        today=ctx.today,
        period=args.period,
    )


def _orders(ctx: RunContext, args: OrdersArgs) -> OrderBook:
    scope = sales_scope(ctx.engine, ctx.caller)
    return order_book(
        ctx.engine,
        scope,
        _sales_filter(ctx, args),
        today=ctx.today,
        by=args.group_by,
        due=args.due,
        late=args.late,
    )


def _incoming(ctx: RunContext, args: IncomingArgs) -> Incoming:
    named = args.product or args.products or args.family
    asked = _group(ctx, args) if named else ProductGroup()  # nothing named: everything
    group = asked if isinstance(asked, ProductGroup) else ProductGroup(skus=(asked,))
    return incoming(ctx.engine, group, today=ctx.today, period=args.period,
                    location=resolve_location(ctx, args.location))  # fmt: skip


class NoArgs(BaseModel):
    pass


def _data_status(ctx: RunContext, args: NoArgs) -> DataStatus:
    return data_status(ctx.engine, today=ctx.today)


def _accuracy(ctx: RunContext, args: AccuracyArgs) -> Accuracy:
    return accuracy_of(
        ctx.engine,
        today=ctx.today,
        sku=resolve_product(ctx, args.product) if args.product else None,
        family=None if args.product else resolve_family(ctx, args.family),
    )


def _help(ctx: RunContext, args: HelpArgs) -> HelpAnswer:
    mine = tuple(a.name for a in REGISTRY.for_role(ctx.caller.role))
    coming = tuple(a.name for a in REGISTRY.coming())
    return HelpAnswer(ctx.caller.name, str(ctx.caller.role), mine, coming, sample_of(ctx.index))


# -- the declarations (help lists them in this order) ---------------------------------------

declare = REGISTRY.declare
PRODUCT_SLOTS = {"location": "location"}
declare(
    Ability(
        "stock_status",
        Audience.EVERYONE,
        label=("stock", "giacenze"),
        examples=("How much {product} do we have?", "Quanta giacenza abbiamo di {product}?"),
        schema=StockArgs,
        description="Current stock of one product (on hand, allocated, available per location, "
        "open orders, next receipt, days of cover), or the total of a family, several products "
        "or all products with the largest holdings. Use for 'how much X do we have', "
        "'giacenza', 'disponibilità'.",
        run=_stock,
        results=(StockStatus, GroupStock),
        groups=True,
        compares=("location", "family"),
        takes=PRODUCT_SLOTS,
        needs_product=True,
        rank=7,
    )
)
declare(
    Ability(
        "demand_forecast",
        Audience.EVERYONE,
        label=("forecasts", "previsioni"),
        examples=(
            "Forecast for {product} next 8 weeks",
            "Previsione {product} prossime 8 settimane",
        ),
        schema=ForecastArgs,
        description="Weekly demand forecast for one product, or the total of a family, several "
        "products or all products with the largest contributors, with 80% range, summed over "
        "locations unless a location is given. Use for 'how much will we sell', 'previsione'.",
        run=_forecast,
        results=(ForecastView, GroupForecast),
        groups=True,
        compares=("period", "location"),
        takes={**PRODUCT_SLOTS, "weeks": "weeks", "ahead_period": "period"},
        needs_product=True,
        rank=6,
    )
)
declare(
    Ability(
        "inventory_projection",
        Audience.EVERYONE,
        label=("stock projection and stockout dates", "proiezione scorte e rotture"),
        examples=("When will {product} run out?", "Quando finisce {product}?"),
        schema=ProjectionArgs,
        description="Projected stock week by week (stock + receipts - max(forecast, orders)), with "
        "days of cover and the stockout date; for a family or several products, which run out, "
        "fall below safety stock or hold excess stock. Use for 'when do we run out', 'quando "
        "finisce', 'weeks of cover', 'excess'.",
        run=_projection,
        results=(ProjectionAnswer, GroupProjection),
        groups=True,
        compares=("location",),
        takes={**PRODUCT_SLOTS, "weeks": "weeks", "focus": "focus"},
        across_products="list_alerts",
        keywords={"focus": {"excess": v.EXCESS}},
        needs_product=True,
        rank=3,
    )
)
declare(
    Ability(
        "capacity_check",
        Audience.PLANNERS,
        label=("plant capacity", "capacità degli impianti"),
        examples=("Capacity for {family}", "Saturazione impianto per {family}"),
        schema=CapacityArgs,
        description="Forecast demand against plant capacity per plant, family and week: "
        "utilization and shortfall. Use for 'capacity', 'saturazione impianto'.",
        run=_capacity,
        results=(CapacityAnswer,),
        compares=("family", "plant", "period"),
        takes={"weeks": "weeks", "ahead_period": "period", "family": "family", "plant": "plant"},
        rank=4,
    )
)
declare(
    Ability(
        "what_if",
        Audience.SCENARIOS,
        label=("what-if scenarios", "scenari (e se...)"),
        examples=(
            "What if {family} demand goes up 30% in January?",
            "E se la domanda di {family} cresce del 30% a gennaio?",
        ),
        schema=WhatIfArgs,
        description="A scenario on the plan, stored nowhere: demand of products, a family or "
        "everything changed by a percent (a promotion), or a plant's capacity changed (-100 = "
        "it stops), over a period or a number of weeks; plant load as planned and as changed, "
        "and whether stock and building ahead cover the weeks over capacity. Use for 'what "
        "if', 'e se', 'reggiamo?', 'simula'.",
        run=_what_if,
        results=(WhatIfAnswer,),
        takes={"family": "family", "plant": "plant", "ahead_period": "period"},
        rank=3,
    )
)
declare(
    Ability(
        "available_to_promise",
        Audience.SALES_AND_OPS,
        label=("available-to-promise", "disponibilità a promettere (ATP)"),
        examples=(
            "Can I promise 500 {product} by 15 March?",
            "Posso promettere 500 {product} entro il 15 marzo?",
        ),
        schema=AtpArgs,
        description="Can a quantity of a product be promised by a date, from stock and free "
        "capacity? Returns feasible and the earliest date for the full quantity.",
        run=_atp,
        results=(AtpAnswer,),
        takes={**PRODUCT_SLOTS, "quantity": "quantity", "date": "date", "customer": "customer"},
        needs_product=True,
        rank=1,
    )
)
declare(
    Ability(
        "quota_status",
        Audience.SALES_AND_OPS,
        label=("quotas and attainment", "quote e raggiungimento"),
        examples=("What's my quota this quarter?", "Come sto andando con la quota?"),
        schema=QuotaArgs,
        description="Sales quota: target, attainment to date, pace so far and weekly pace needed, "
        "for the caller (default), a person, a territory, or a manager's team.",
        run=_quota,
        results=(QuotaAnswer,),
        compares=("person", "territory", "period"),
        takes={
            "person": "person",
            "territory": "territory",
            "period": "period",
            "family": "family",
            "by_family": "by_family",
            "company": "company",
        },
        rank=5,
    )
)
declare(
    Ability(
        "explain_forecast",
        Audience.EVERYONE,
        label=("why a forecast is what it is", "spiegazione delle previsioni"),
        examples=(
            "Why is the {product} forecast so high?",
            "Perché la previsione di {product} è così alta?",
        ),
        schema=ExplainArgs,
        description="Why a product's forecast is what it is (demand pattern, model, validation "
        "error, weeks not repeated), or a family's, several products' or all products' (how "
        "their series were forecast, the least accurate): whether sales show a yearly season "
        "and when it peaks, and the forecast compared with recent sales and the same weeks "
        "last year. Use for 'why', 'which model', 'seasonality', 'stagionalità'.",
        run=_explain,
        results=(ForecastExplanation, GroupExplanation),
        groups=True,
        compares=("product", "location"),
        takes=PRODUCT_SLOTS,
        needs_product=True,
        rank=2,
    )
)
declare(
    Ability(
        "forecast_accuracy",
        Audience.EVERYONE,
        label=("how accurate forecasts are", "accuratezza delle previsioni"),
        examples=(
            "How accurate is the {product} forecast?",
            "Quanto è accurata la previsione {family}?",
        ),
        schema=AccuracyArgs,
        description="How good the forecast is for a product, a family or overall: WAPE, bias, "
        "MASE and the value added over seasonal naive against the sales that arrived after a "
        "past run, and the latest models' error on held-out weeks. Use for 'accuracy', "
        "'MAPE', 'how reliable', 'affidabilità'.",
        run=_accuracy,
        results=(Accuracy,),
        compares=("product", "family"),
        takes={"family": "family"},
        rank=2,
    )
)
declare(
    Ability(
        "product_info",
        Audience.EVERYONE,
        label=("product facts", "scheda prodotto"),
        examples=("What's the lead time on {product}?", "Prezzo di listino di {product}?"),
        schema=ProductInfoArgs,
        description="What the product master says about one product: list price, unit, lead "
        "time, safety stock, minimum order quantity, family and the locations stocking it. "
        "Use for 'price of X', 'lead time', 'scorta di sicurezza', 'ordine minimo', 'what "
        "family'.",
        run=_product_info,
        results=(ProductFacts,),
        takes={**PRODUCT_SLOTS, "fact": "fact"},
        compares=("product",),
        keywords={"fact": {f: en + it for f, (en, it) in v.PRODUCT_FACTS.items()}},
        needs_product=True,
        rank=8,
    )
)
declare(
    Ability(
        "help",
        Audience.EVERYONE,
        label=("help", "aiuto"),
        examples=("What can you do?", "Cosa sai fare?"),
        schema=HelpArgs,
        description="What Ponte can do for the person asking.",
        run=_help,
        results=(HelpAnswer,),
        rank=9,
    )
)
declare(
    Ability(
        "request_quota_change",
        Audience.SALES,
        label=("quota change requests", "richieste di modifica quota"),
        examples=(
            "Raise my Q1 quota to 12,000 because ACME doubled its order",
            "Alza la mia quota Q1 a 12.000 perché ACME ha raddoppiato l'ordine",
        ),
        schema=QuotaChangeArgs,
        description="Ask for a quota change (a rep their own; a manager their team's): new "
        "target in units or revenue, or a change by units or percent, and the reason. Shows "
        "before and after, the approver, and what the plants can make of it; submitted "
        "only after the person confirms.",
        run=partial(_quota_change, submit=True),  # stored for the approver
        preview=partial(_quota_change, submit=False),  # checked and shown: nothing stored
        results=(QuotaRequestResult,),
        writes=True,
        takes={
            "person": "person",
            "territory": "territory",
            "period": "period",
            "family": "family",
            "product": "product",
            "team": "team",
        },
        rank=5,
    )
)
declare(
    Ability(
        "decide_quota_request",
        Audience.APPROVERS,
        label=("approving quota changes", "approvare le modifiche di quota"),
        examples=("Approve request 3", "Rifiuta la richiesta 3: troppo alta"),
        schema=QuotaDecisionArgs,
        description="Approve, reject or ask for changes to a quota change request by its "
        "number, as its approver (the owner's manager) or an admin; a reason is needed to "
        "reject or ask for changes. Applied only after the person confirms.",
        run=partial(_decision, apply=True),
        preview=partial(_decision, apply=False),
        results=(QuotaDecision,),
        writes=True,
        rank=5,
    )
)
declare(
    Ability(
        "quota_requests",
        Audience.SALES,
        label=("quota requests waiting", "richieste di quota in attesa"),
        examples=("Which quota requests are waiting for me?", "Richieste di quota in attesa?"),
        schema=QuotaRequestsArgs,
        description="Quota change requests waiting for the caller's decision, made by them or "
        "for them or their team: pending by default, or approved, rejected, expired.",
        run=_quota_requests,
        results=(QuotaRequestList,),
        rank=5,
    )
)
declare(
    Ability(
        "allocate_quota",
        Audience.SALES,
        label=("splitting a quota across territories", "ripartire una quota tra i territori"),
        examples=(
            "Split 12,000 units of {family} for next quarter across my territories",
            "Ripartisci 12.000 pezzi di {family} del prossimo trimestre tra i miei territori",
        ),
        schema=AllocationArgs,
        description="A manager's (or admin's) split of a family's quota for a period across "
        "their territories, by each territory's recent and last year's share of the family's "
        "sales, capped at what the plants can make; shown first, then sent for approval as "
        "one change set after the person confirms.",
        run=partial(_allocation, submit=True),  # one change set for the approver
        preview=partial(_allocation, submit=False),
        results=(AllocationProposal,),
        writes=True,
        takes={"family": "family", "period": "period"},
        rank=5,
    )
)
declare(
    Ability(
        "audit_trail",
        Audience.SALES_AND_OPS,
        label=("the history of quota changes", "lo storico delle modifiche alle quote"),
        examples=("Who approved what on quotas?", "Storico modifiche delle quote del mio team"),
        schema=HistoryArgs,
        description="The audit trail of quotas: every change request, decision and quota "
        "change, who and when, before and after, and why; a person's or a territory's when "
        "named. Reps see their own, managers their team's, operations and admins all.",
        run=_history,
        results=(AuditTrail,),
        takes={
            "person": "person",
            "territory": "territory",
            "period": "period",
            "date": "made",
            "family": "family",
            "request": "request",
        },
        rank=5,
    )
)
declare(
    Ability(
        "commission_estimate",
        Audience.SALES,
        label=("commission estimates", "stima delle provvigioni"),
        examples=(
            "What do I earn if I close 500 more {product}?",
            "Quanto guadagno se chiudo l'obiettivo?",
        ),
        schema=CommissionArgs,
        description="Commission from the commission plan: earned so far this quarter, and what "
        "a deal would add (a quantity of a product at list price, a revenue, or closing the "
        "whole target), with the arithmetic tier by tier. Reps see their own, managers their "
        "team's.",
        run=_commission,
        results=(CommissionEstimate,),
        takes={
            **PRODUCT_SLOTS,
            "person": "person",
            "period": "period",
            "quantity": "quantity",
            "to_target": "to_target",
            "reach_pct": "reach_pct",
            "revenue": "revenue",
        },
        keywords={"to_target": {"yes": v.TO_TARGET}},
        rank=3,
    )
)
declare(
    Ability(
        "record_feedback",
        Audience.EVERYONE,
        label=("recording customer feedback", "registrare il feedback dei clienti"),
        examples=(
            "Feedback: ACME says the {product} arrives scratched",
            "Feedback: ACME vuole {product} con il manico più lungo",
        ),
        schema=fb.RecordFeedbackArgs,
        description="Save what a customer said (verbatim) in the shared feedback store, with "
        "the customer, the products, and the sentiment and themes Ponte reads in it; shown "
        "first, saved only after the person confirms.",
        run=partial(fb.record, save=True),
        preview=partial(fb.record, save=False),
        results=(FeedbackRecord,),
        writes=True,
        takes={"family": "family", "customer": "customer", "unknown_customer": "customer"},
        rank=5,
    )
)
declare(
    Ability(
        "search_feedback",
        Audience.EVERYONE,
        label=("what customers say (feedback)", "cosa dicono i clienti (feedback)"),
        examples=("What do customers say about {product}?", "Cosa dicono i clienti di {product}?"),
        schema=fb.SearchFeedbackArgs,
        description="What customers said over a period (default: the last 90 days) about a "
        "product, family or customer, a theme, only complaints or praise, or any words: "
        "counts against the period before, themes ranked by the revenue of the customers "
        "who raised them, competitors named, and verbatim quotes with links.",
        run=fb.search,
        results=(FeedbackSearch,),
        takes={
            "family": "family",
            "customer": "customer",
            "unknown_customer": "customer",
            "behind_period": "period",
            "territory": "territory",
            "person": "person",  # "feedback recorded by James Walker", "i miei feedback"
        },
        keywords={"sentiment": v.FEEDBACK_MOODS, "theme": v.FEEDBACK_THEMES},
        rank=5,
    )
)
declare(
    Ability(
        "edit_feedback",
        Audience.EVERYONE,
        label=("correcting feedback", "correggere un feedback"),
        examples=("Edit feedback 3: it was the 24 cm", "Correggi il feedback 3: era la 24"),
        schema=fb.ChangeFeedbackArgs,
        description="Change the text of a feedback item by its number: its author or an "
        "admin; read again, audited with the text it replaces, after the person confirms.",
        run=partial(fb.edit, apply=True),
        preview=partial(fb.edit, apply=False),
        results=(FeedbackChange,),
        writes=True,
        rank=5,
    )
)
declare(
    Ability(
        "delete_feedback",
        Audience.EVERYONE,
        label=("deleting feedback", "cancellare un feedback"),
        examples=("Delete feedback 12", "Cancella il feedback 12"),
        schema=fb.ChangeFeedbackArgs,
        description="Delete a feedback item by its number: its author or an admin; hidden "
        "from every read, its text kept in the audit trail, after the person confirms.",
        run=partial(fb.delete, apply=True),
        preview=partial(fb.delete, apply=False),
        results=(FeedbackChange,),
        writes=True,
        rank=5,
    )
)
declare(
    Ability(
        "forecast_note",
        Audience.SALES,
        label=("forecast notes (expected orders)", "note al forecast (ordini attesi)"),
        examples=(
            "Forecast note: expect +500 {product} from ACME in January",
            "Nota al forecast: ACME ordinerà 500 {product} a gennaio",
        ),
        schema=fb.ForecastNoteArgs,
        description="A rep's word on demand to come ('expect +500 from ACME in January'), "
        "stored beside the statistical forecast for the demand review, never applied to "
        "it; saved after the person confirms.",
        run=partial(fb.note, save=True),
        preview=partial(fb.note, save=False),
        results=(NoteResult,),
        writes=True,
        takes={
            "product": "product",
            "family": "family",
            "customer": "customer",
            "unknown_customer": "customer",
            "quantity": "quantity",
            "ahead_period": "period",
        },
        rank=5,
    )
)
declare(
    Ability(
        "list_alerts",
        Audience.EVERYONE,
        label=("alerts: stockouts, excess, capacity, drift", "allerte: rotture, eccessi, capacità"),
        examples=("Any alerts for {family}?", "Cosa c'è di critico questa settimana?"),
        schema=AlertArgs,
        description="Problems the alert rules find now, most money at stake first: demand over "
        "plant capacity, stock running out or below safety stock within lead time, excess "
        "stock, sales drifting from the forecast, quotas the plants cannot serve; with who "
        "acknowledged, snoozed or was assigned each. Reps see the stock ones. Use for 'any "
        "alerts', 'what runs out soon', 'cosa c'è di critico', 'where do we have excess'.",
        run=_alerts,
        results=(AlertList,),
        takes={
            "family": "family",
            "weeks": "within_weeks",
            "date": "by",
            "focus": "focus",
            "severity": "severity",
            "location": "place",
            "period": "period",
            "assigned": "assigned",
            "status": "status",
        },
        keywords={
            "focus": v.ALERT_FOCUS,
            "severity": {"high": v.CRITICAL},
            "assigned": {"nobody": v.UNASSIGNED, "me": v.ASSIGNED_TO_ME},
            "status": {"snoozed": v.SNOOZED, "acknowledged": v.ACKNOWLEDGED},
        },
        rank=5,
    )
)
declare(
    Ability(
        "sales_history",
        Audience.EVERYONE,
        label=("sales history", "storico delle vendite"),
        examples=(
            "How much {product} did we sell last month?",
            "Quanto {product} abbiamo venduto il mese scorso?",
        ),
        schema=SalesArgs,
        description="Units and revenue shipped over a period, for a product, family, customer, "
        "rep or territory, optionally compared with the period before or last year, split by "
        "customer, product, rep or territory (top N), and when a customer last bought.",
        run=_sales,
        results=(SalesHistory,),
        compares=("person", "territory", "customer", "product", "family", "period"),
        takes={
            "customer": "customer",
            "person": "person",
            "territory": "territory",
            "behind_period": "period",
            "family": "family",
            "top": "top",
            "compare": "compare",
            "group_by": "group_by",
            "last_purchase": "last_purchase",
            "rank_by": "rank_by",
            "against_quota": "against_quota",
            "company": "company",
        },
        keywords={
            "group_by": v.SALES_GROUPS,
            "last_purchase": {"yes": v.LAST_PURCHASE},
            "rank_by": {"revenue": v.BY_REVENUE, "change": v.BY_DROP},
        },
        rank=4,
    )
)
declare(
    Ability(
        "promo_review",
        Audience.EVERYONE,
        label=("how a promotion went", "com'è andata una promozione"),
        examples=(
            "How did the last {family} promo go?",
            "Com'è andata l'ultima promo di {product}?",
        ),
        schema=PromoArgs,
        description="How the latest promotion (rows flagged in the sales file's promo "
        "column) of a product, family, customer, rep or territory went: units per week "
        "during it against the weeks just before (the lift and the extra units), whether the "
        "weeks after dipped (sales only moved forward), the price per unit before and during, "
        "per promoted product. Use for 'how did the promo go', 'did the promotion work', "
        "'risultati della promo'.",
        run=_promo,
        results=(PromoReview,),
        takes={
            "customer": "customer",
            "person": "person",
            "territory": "territory",
            "behind_period": "period",
            "family": "family",
        },
        rank=3,
    )
)
declare(
    Ability(
        "open_orders",
        Audience.EVERYONE,
        label=("open orders", "ordini aperti"),
        examples=(
            "Open orders for {family}?",
            "Quanto vale il portafoglio ordini di {product}?",
        ),
        schema=OrdersArgs,
        description="Orders in hand not yet shipped (backlog, order book, portafoglio ordini) "
        "for a product, family, customer, rep or territory, or all: units, value at list "
        "price, how much is overdue or due in the next four weeks, largest customers (or "
        "products). A rep sees their territories'.",
        run=_orders,
        results=(OrderBook,),
        takes={
            "customer": "customer",
            "person": "person",
            "territory": "territory",
            "family": "family",
            "ahead_period": "due",
            "group_by": "group_by",
            "late": "late",
        },
        keywords={"group_by": v.ORDER_GROUPS, "late": {"yes": v.LATE_ORDERS}},
        compares=("person", "territory", "customer", "product", "family"),
        rank=4,
    )
)
declare(
    Ability(
        "incoming_receipts",
        Audience.EVERYONE,
        label=("incoming receipts", "arrivi in entrata"),
        examples=("What arrives of {family} in December?", "Cosa arriva di {family} a dicembre?"),
        schema=IncomingArgs,
        description="Planned receipts (purchase and production orders still to arrive) of a "
        "product, a family or everything, at a location, within a period: units, value at "
        "list price, each receipt's day and place, soonest first. Use for 'what is arriving', "
        "'cosa arriva', 'arrivi', 'when does X arrive'.",
        run=_incoming,
        results=(Incoming,),
        groups=True,
        takes={**PRODUCT_SLOTS, "family": "family", "ahead_period": "period"},
        rank=6,
    )
)
declare(
    Ability(
        "data_status",
        Audience.EVERYONE,
        label=("how fresh the data is", "aggiornamento dei dati"),
        examples=("When was the data last updated?", "Quando sono aggiornati i dati?"),
        schema=NoArgs,
        description="What is loaded and how fresh it is: stock as of, sales up to, the last "
        "import, each file's rows and dates, stale data warned of. Use for 'how fresh is the "
        "data', 'quando sono aggiornati i dati'.",
        run=_data_status,
        results=(DataStatus,),
        rank=8,
    )
)
del declare


def check_access(caller: Caller, name: str) -> Ability:
    """The ability `name`, once `caller` is known to be in its audience (PermissionDenied if
    not; PonteError for a name that is not a delivered ability)."""
    ability = REGISTRY.get(name)
    if ability is None or ability.run is None or ability.schema is None:
        raise PonteError(f"there is no tool {name!r}", code="no_such_tool", tool=name)
    authorize(caller, name, ability.audience)
    return ability


@dataclass(frozen=True)
class Side:
    """One side of a comparison: the value compared, and its answer or why there is none."""

    value: str
    label: str  # how people call it: a person's or territory's name, a product's code
    result: Any | None
    code: str | None = None  # the problem, when this side has no answer
    params: dict[str, Any] | None = None


@dataclass(frozen=True)
class Comparison:
    """The same question asked of several people, territories, products, places or periods,
    answered side by side."""

    tool: str
    over: str  # the argument that varies
    sides: tuple[Side, ...]
    # What the sides add up to, when they share nothing and each answered with a total
    # (sales, open orders of several families, products, customers or territories).
    total: Any | None = None


MAX_SIDES = 8


def run_tool(ctx: RunContext, name: str, args: dict[str, Any], *, preview: bool = False) -> Any:
    """Authorize, validate and run one ability for the verified caller in `ctx`; an argument
    the ability compares, given as a list, runs it once per value (a Comparison). With
    `preview`, a write's preview runs instead (None when it declares none)."""
    ability = check_access(ctx.caller, name)
    if preview:
        return _run(ctx, ability, args, preview=True) if ability.preview else None
    listed = [arg for arg in ability.compares if isinstance(args.get(arg), list)]
    if listed:
        return _compare(ctx, ability, args, listed)
    return _run(ctx, ability, args)


def _compare(
    ctx: RunContext, ability: Ability, args: dict[str, Any], listed: list[str]
) -> Comparison:
    if len(listed) > 1:
        raise PonteError(
            f"compare one thing at a time, not {' and '.join(listed)}",
            code="one_comparison",
            over=", ".join(listed),
        )
    over = listed[0]
    values = list(dict.fromkeys(str(value) for value in args[over]))
    if not 1 < len(values) <= MAX_SIDES:
        raise PonteError(
            f"compare 2 to {MAX_SIDES} at a time", code="comparison_size", most=MAX_SIDES
        )
    sides = []
    refused: list[PermissionDenied] = []
    for value in values:
        # A side the caller may not see refuses the whole question (every such side named
        # in one refusal); a side that has no answer says why, next to the others.
        try:
            result = _run(ctx, ability, {**args, over: value})
        except PermissionDenied as exc:
            refused.append(exc)
            continue
        except PonteError as exc:
            sides.append(
                Side(
                    value,
                    _side_label(ctx, over, value),
                    None,
                    exc.code,
                    {**exc.params, "message": str(exc)},
                )
            )
            continue
        sides.append(Side(value, _side_label(ctx, over, value), result))
    if refused:
        raise _refused_together(refused)
    return Comparison(ability.name, over, tuple(sides), _added_up(over, sides))


def _refused_together(refused: list[PermissionDenied]) -> PermissionDenied:
    """The sides a caller may not see, named in one refusal ("not Esposito's and Walker's")
    when they are refused for the same reason; else the first."""
    first = refused[0]
    whose = [str(exc.params["whose"]) for exc in refused if "whose" in exc.params]
    if len(refused) == 1 or len(whose) < len(refused) or {e.code for e in refused} != {first.code}:
        return first
    return PermissionDenied(
        "; ".join(str(exc) for exc in refused), code=first.code, **{**first.params, "whose": whose}
    )


def _added_up(over: str, sides: list[Side]) -> Any | None:
    places = [side.result for side in sides if isinstance(side.result, StockStatus)]
    if over == "location" and len(places) == len(sides):  # one product, several places
        held = [s for s in places if s.not_held_at is None]
        return stock_at_places_added_up(held) if len(held) == len(places) else None
    if over not in DISJOINT:
        return None
    sales = [side.result for side in sides if isinstance(side.result, SalesHistory)]
    if len(sales) == len(sides):
        return sales_added_up(sales)
    books = [side.result for side in sides if isinstance(side.result, OrderBook)]
    if len(books) == len(sides):
        return orders_added_up(books)
    stocks = [side.result for side in sides if isinstance(side.result, GroupStock)]
    if len(stocks) == len(sides):
        return stock_added_up(stocks)
    return None


def _side_label(ctx: RunContext, over: str, value: str) -> str:
    index = ctx.index
    if over == "person":
        person = index.people_upper.get(value.upper())
        return index.people.get(person or "", value)
    if over == "territory":
        return index.territory_name(value) or value
    return value


def _run(ctx: RunContext, ability: Ability, args: dict[str, Any], *, preview: bool = False) -> Any:
    run = ability.preview if preview else ability.run
    assert ability.schema is not None and run is not None
    name = ability.name
    try:
        parsed = ability.schema.model_validate(args)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise PonteError(
            f"bad arguments for {name}: {problems}", code="bad_arguments", problems=problems
        ) from exc
    return run(ctx, parsed)


def writes(name: str) -> bool:
    ability = REGISTRY.get(name)
    return ability is not None and ability.writes
