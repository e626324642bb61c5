"""The assistant's abilities: one tool per ability, each a thin call into planning/.

`run_tool` is the one way in, for the router and for the LLM agent alike: it checks that the
verified caller may use the ability (planning.access), validates the arguments with the tool's
schema, and returns the typed result. `build_tools` wraps the same functions as LangChain
tools for a model; the caller's identity, language and date are closed over, never arguments.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, is_dataclass
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from planning.access import ABILITIES, authorize, check_quota_access, quota_scope
from planning.errors import PermissionDenied, PonteError
from planning.models import Role
from tools.answers import (
    AtpAnswer,
    CapacityAnswer,
    HelpAnswer,
    ProjectionAnswer,
    QuotaAnswer,
)
from tools.context import RunContext
from tools.text import fold

PRODUCT = "A SKU code (e.g. PAD-28) or words from the product's name (e.g. 'padella 28 cm')."
LOCATION = "Optional location code or name (plant or warehouse); omit for every location."
# Abilities recognised today that arrive with later capabilities (alerts, approvals, feedback).
COMING = ("request_quota_change", "record_feedback", "search_feedback", "list_alerts")


class StockArgs(BaseModel):
    product: str | None = Field(None, description=PRODUCT + " Omit when asking for a family.")
    family: str | None = Field(None, description="Product family code, e.g. PADELLE.")
    location: str | None = Field(None, description=LOCATION)


PERIOD = "Optional period instead of weeks: YYYY-MM, YYYY-Qn or YYYY (2026-12 = December)."


class ForecastArgs(BaseModel):
    product: str = Field(description=PRODUCT)
    weeks: int = Field(12, ge=1, le=104, description="How many weeks ahead (1-104).")
    period: str | None = Field(None, description=PERIOD)
    location: str | None = Field(None, description=LOCATION)


class ExplainArgs(BaseModel):
    product: str = Field(description=PRODUCT)
    location: str | None = Field(None, description=LOCATION)


class ProjectionArgs(BaseModel):
    product: str = Field(description=PRODUCT)
    weeks: int = Field(12, ge=1, le=104, description="How many weeks to project (1-104).")
    location: str | None = Field(None, description=LOCATION)


class CapacityArgs(BaseModel):
    family: str | None = Field(None, description="Product family code; omit for all.")
    plant: str | None = Field(None, description="Plant code or name; omit for all plants.")
    weeks: int = Field(12, ge=1, le=52, description="How many weeks ahead (1-52).")
    period: str | None = Field(None, description=PERIOD)


class AtpArgs(BaseModel):
    product: str = Field(description=PRODUCT)
    quantity: float = Field(gt=0, le=1e9, allow_inf_nan=False, description="Units to promise.")
    date: dt.date = Field(description="Requested delivery date, YYYY-MM-DD.")
    location: str | None = Field(None, description="Optional location to ship from.")


class QuotaArgs(BaseModel):
    person: str | None = Field(
        None, description="A person's Slack user id or name; omit for the caller's own view."
    )
    territory: str | None = Field(None, description="Territory code or name.")
    period: str | None = Field(
        None, description="YYYY-Qn, YYYY-MM or YYYY; omit for the current quarter."
    )
    family: str | None = Field(None, description="Only the quota for this product family.")


class HelpArgs(BaseModel):
    topic: str | None = Field(None, description="Optional ability name to explain.")


@dataclass(frozen=True)
class Ability:
    name: str
    schema: type[BaseModel]
    description: str  # written for the model that chooses the tool
    run: Callable[[RunContext, Any], Any]
    writes: bool = False  # changes data: runs only after the user confirms


def writes(name: str) -> bool:
    ability = ABILITIES_BY_NAME.get(name)
    return ability is not None and ability.writes


def resolve_product(ctx: RunContext, typed: str) -> str:
    """The SKU a code or name means; a PonteError with suggestions when none or several do."""
    index = ctx.index
    sku = index.sku(fold(typed.strip()))
    if sku is not None:
        return sku
    words = fold(typed).replace("-", " ").split()
    match = index.match_product(words, set(range(len(words))))
    if match is not None and len(match.skus) == 1:
        return match.skus[0]
    if match is not None:
        raise PonteError(
            f"{typed!r} matches several products: {', '.join(match.skus)}",
            code="ambiguous_product",
            product=typed,
            choices=list(match.skus),
        )
    raise PonteError(
        f"unknown product {typed!r}",
        code="unknown_product",
        sku=typed,
        suggestions=index.similar_skus(fold(typed)),
    )


def resolve_location(ctx: RunContext, typed: str | None) -> str | None:
    if typed is None:
        return None
    words = fold(typed).split()
    for word in [fold(typed).strip(), *words]:
        code = ctx.index.location(word)
        if code is not None:
            return code
    raise PonteError(f"unknown location {typed!r}", code="unknown_location", location=typed)


def resolve_family(ctx: RunContext, typed: str | None) -> str | None:
    if typed is None:
        return None
    family = ctx.index.family(fold(typed).strip())
    if family is None:
        raise PonteError(
            f"unknown product family {typed!r}",
            code="unknown_family",
            family=typed,
            known=sorted(set(ctx.index.families.values())),
        )
    return family


def _name(ctx: RunContext, sku: str) -> str:
    return ctx.index.names.get(sku, sku)


def _stock(ctx: RunContext, args: StockArgs) -> Any:
    from planning.stock import family_stock, stock_status

    if args.product is None and args.family is None:
        raise PonteError("which product?", code="which_product")
    if args.product is None:
        return family_stock(ctx.engine, resolve_family(ctx, args.family) or "")
    return stock_status(
        ctx.engine,
        resolve_product(ctx, args.product),
        today=ctx.today,
        location=resolve_location(ctx, args.location),
    )


def _forecast(ctx: RunContext, args: ForecastArgs) -> Any:
    from planning.forecast.views import forecast_view

    return forecast_view(
        ctx.engine,
        resolve_product(ctx, args.product),
        today=ctx.today,
        weeks=args.weeks,
        location=resolve_location(ctx, args.location),
        between=_period(ctx, args.period),
    )


def _period(ctx: RunContext, period: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of a period that must not be over yet (forecasts look ahead)."""
    from planning.quotas import period_bounds

    if period is None:
        return None
    first, last = period_bounds(period.upper())
    if last < ctx.today:
        raise PonteError(
            f"{period} is over: forecasts and capacity look ahead",
            code="period_over",
            period=period,
        )
    return first, last


def _explain(ctx: RunContext, args: ExplainArgs) -> Any:
    from planning.forecast.views import explain_forecast

    return explain_forecast(
        ctx.engine,
        resolve_product(ctx, args.product),
        today=ctx.today,
        location=resolve_location(ctx, args.location),
    )


def _projection(ctx: RunContext, args: ProjectionArgs) -> ProjectionAnswer:
    from planning.supply import inventory_projection

    sku = resolve_product(ctx, args.product)
    projections, provenance = inventory_projection(
        ctx.engine,
        sku,
        today=ctx.today,
        weeks=args.weeks,
        location=resolve_location(ctx, args.location),
    )
    return ProjectionAnswer(sku, _name(ctx, sku), tuple(projections), provenance)


def _capacity(ctx: RunContext, args: CapacityArgs) -> CapacityAnswer:
    from planning.supply import capacity_report

    family = resolve_family(ctx, args.family)
    plant = resolve_location(ctx, args.plant)
    weeks, provenance = capacity_report(ctx.engine, today=ctx.today, family=family)
    if plant is not None:
        weeks = [w for w in weeks if w.plant == plant]
    between = _period(ctx, args.period)
    covered_until = None
    if between is not None:  # the weeks that overlap the period
        horizon = max((w.week for w in weeks), default=ctx.today) + dt.timedelta(days=6)
        weeks = [w for w in weeks if between[0] - dt.timedelta(days=6) <= w.week <= between[1]]
        if not weeks:
            raise PonteError(
                f"the forecast does not reach {args.period} (it runs to {horizon})",
                code="beyond_forecast",
                until=horizon.isoformat(),
            )
        covered_until = horizon if horizon < between[1] else None
    else:  # the week under way counts as the first of `weeks` (as in the projection)
        monday = ctx.today - dt.timedelta(days=ctx.today.weekday())
        weeks = [w for w in weeks if w.week < monday + dt.timedelta(weeks=args.weeks)]
    return CapacityAnswer(family, plant, tuple(weeks), provenance, args.period, covered_until)


def _atp(ctx: RunContext, args: AtpArgs) -> AtpAnswer:
    from planning.supply import atp

    if args.date < ctx.today:
        raise PonteError(
            f"{args.date} is in the past", code="date_in_past", date=args.date.isoformat()
        )
    sku = resolve_product(ctx, args.product)
    result, provenance = atp(
        ctx.engine,
        sku,
        args.quantity,
        args.date,
        today=ctx.today,
        location=resolve_location(ctx, args.location),
    )
    return AtpAnswer.of(result, _name(ctx, sku), provenance)


def _quota(ctx: RunContext, args: QuotaArgs) -> QuotaAnswer:
    from planning.quotas import period_bounds, quarter_of, quota_status

    caller = ctx.caller
    scope = quota_scope(ctx.engine, caller)
    period = (args.period or quarter_of(ctx.today)).upper()
    period_bounds(period)
    family = resolve_family(ctx, args.family)
    person = _person(ctx, args.person)
    territory = _territory(ctx, args.territory)
    label = ctx.index.people.get(person or "") or ctx.index.territory_name(territory)
    check_quota_access(scope, caller, rep=person, territory=territory, label=label)
    statuses = quota_status(
        ctx.engine, today=ctx.today, rep=person, territory=territory, period=period, family=family
    )
    if person is not None:
        how, whose = ("self" if person == caller.slack_user_id else "person"), person
    elif territory is not None:
        how, whose = "territory", territory
    elif caller.role == Role.rep:
        how, whose = "self", caller.slack_user_id
        statuses = [s for s in statuses if s.owner_kind == "rep" and s.owner == whose]
    elif caller.role == Role.manager:
        how, whose = "team", caller.slack_user_id
        statuses = [s for s in statuses if s.owner_kind == "rep" and scope.allows(rep=s.owner)]
    else:
        how, whose = "all", None
    return QuotaAnswer(period=period, scope=how, whose=whose, statuses=tuple(statuses))


def _person(ctx: RunContext, typed: str | None) -> str | None:
    if typed is None:
        return None
    index = ctx.index
    key = typed.strip().lstrip("<@").rstrip(">").split("|")[0]
    if key.upper() in index.people_upper:
        return index.people_upper[key.upper()]
    people = index.people_named(tuple(fold(typed).split()))
    if len(people) == 1:
        return next(iter(people))
    if people:
        raise PonteError(
            f"{typed!r} could be {', '.join(sorted(people))}",
            code="ambiguous_person",
            person=typed,
            choices=sorted(people),
        )
    raise PonteError(f"unknown person {typed!r}", code="unknown_person", person=typed)


def _territory(ctx: RunContext, typed: str | None) -> str | None:
    if typed is None:
        return None
    index = ctx.index
    if typed.strip().upper() in index.territory_codes:
        return index.territory_codes[typed.strip().upper()]
    found = index.territory(tuple(fold(typed).replace("-", " ").split()))
    if found is None:
        raise PonteError(f"unknown territory {typed!r}", code="unknown_territory", territory=typed)
    return found


def _help(ctx: RunContext, args: HelpArgs) -> HelpAnswer:
    role = ctx.caller.role
    mine = tuple(n for n in ABILITIES if role in ABILITIES[n] and n != "help")
    return HelpAnswer(ctx.caller.name, str(role), mine, COMING)


ABILITY_LIST = (
    Ability(
        "stock_status",
        StockArgs,
        "Current stock of one product (on hand, allocated, available per location, open "
        "orders, next receipt, days of cover) or of a whole family. Use for 'how much X do we "
        "have', 'giacenza', 'disponibilità'.",
        _stock,
    ),
    Ability(
        "demand_forecast",
        ForecastArgs,
        "Weekly demand forecast for one product with 80% range, summed over locations unless "
        "a location is given. Use for 'how much will we sell', 'previsione'.",
        _forecast,
    ),
    Ability(
        "inventory_projection",
        ProjectionArgs,
        "Projected stock week by week (stock + receipts - max(forecast, orders)), with days "
        "of cover and the stockout date. Use for 'when do we run out', 'quando finisce'.",
        _projection,
    ),
    Ability(
        "capacity_check",
        CapacityArgs,
        "Forecast demand against plant capacity per plant, family and week: utilization and "
        "shortfall. Use for 'capacity', 'saturazione impianto'.",
        _capacity,
    ),
    Ability(
        "available_to_promise",
        AtpArgs,
        "Can a quantity of a product be promised by a date, from stock and free capacity? "
        "Returns feasible and the earliest date for the full quantity.",
        _atp,
    ),
    Ability(
        "quota_status",
        QuotaArgs,
        "Sales quota: target, attainment to date, pace so far and weekly pace needed, for the "
        "caller (default), a person, a territory, or a manager's team.",
        _quota,
    ),
    Ability(
        "explain_forecast",
        ExplainArgs,
        "Why a product's forecast is what it is: demand pattern, model, validation error, and "
        "the forecast compared with recent sales and the same weeks last year.",
        _explain,
    ),
    Ability("help", HelpArgs, "What Ponte can do for the person asking.", _help),
)
ABILITIES_BY_NAME = {a.name: a for a in ABILITY_LIST}


def run_tool(ctx: RunContext, name: str, args: dict[str, Any]) -> Any:
    """Authorize, validate and run one ability for the verified caller in `ctx`."""
    ability = ABILITIES_BY_NAME.get(name)
    if ability is None:
        raise PonteError(f"there is no tool {name!r}", code="no_such_tool", tool=name)
    authorize(ctx.caller, name)
    try:
        parsed = ability.schema.model_validate(args)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise PonteError(
            f"bad arguments for {name}: {problems}", code="bad_arguments", problems=problems
        ) from exc
    return ability.run(ctx, parsed)


def plain(value: Any) -> Any:
    """Results as JSON-ready data (dataclasses, dates, DataFrames)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "to_dict") and hasattr(value, "columns"):
        return plain(value.to_dict("records"))
    if isinstance(value, float) and value != value:  # NaN
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


@dataclass
class ToolCalls:
    """What the LangChain tools did during one agent run, for the agent to report."""

    results: list[tuple[str, dict[str, Any], Any]] = field(default_factory=list)
    proposed: tuple[str, dict[str, Any]] | None = None  # a write waiting for the user's yes
    refusal: PermissionDenied | None = None
    error: tuple[str, dict[str, Any], PonteError] | None = None


def build_tools(ctx: RunContext, calls: ToolCalls | None = None) -> list[Any]:
    """The abilities as LangChain tools bound to `ctx`.

    Each returns content for the model (the result as JSON) and, as its artifact, the typed
    result that Ponte renders. Errors become content the model can read (so it can correct
    a bad argument) and are recorded in `calls`.
    """
    from langchain_core.tools import StructuredTool

    calls = calls if calls is not None else ToolCalls()

    def bind(ability: Ability) -> Any:
        def call(**kwargs: Any) -> tuple[str, Any]:
            args = {k: v for k, v in kwargs.items() if v is not None}
            if ability.writes and not ctx.confirmed:
                try:
                    authorize(ctx.caller, ability.name)
                except PermissionDenied as denied:
                    calls.refusal = denied
                    return f"not allowed: {denied}", None
                calls.proposed = (ability.name, plain(args))
                return "Ponte asks the person to confirm this before it is done.", None
            try:
                result = run_tool(ctx, ability.name, args)
            except PermissionDenied as denied:
                calls.refusal = denied
                return f"not allowed: {denied}", None
            except PonteError as error:
                calls.error = (ability.name, args, error)
                return f"error: {error}", None
            calls.results.append((ability.name, plain(args), result))
            return json.dumps(plain(result), default=str)[:6000], result

        return StructuredTool.from_function(
            func=call,
            name=ability.name,
            description=ability.description,
            args_schema=ability.schema,
            response_format="content_and_artifact",
        )

    return [bind(a) for a in abilities()]


def abilities() -> tuple[Ability, ...]:
    return tuple(ABILITIES_BY_NAME.values())
