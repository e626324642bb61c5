"""What a rep earns: the commission plan (commission_plans.csv) applied to the quota.

A plan is tiers of attainment: from each tier's `from_attainment_pct` on, its `rate_pct` of
the revenue sold (marginal, like tax brackets: the revenue sold while attainment was in a
tier earns that tier's rate), and a `bonus` paid once on reaching the tier. A person's own
plan wins over their role's. Attainment is the quota's own measure (units when it has a unit
target, else revenue); revenue is spread evenly over the attainment it brings, so a deal that
crosses a tier is paid at each rate for its share on either side.

`commission_estimate` answers "what do I earn if I close 500 more PAD-28?" (the deal at list
price) and "...if I close my target?" (what is left of it, at the rep's own average price so
far), with every step of the arithmetic. Reps see their own, managers their team's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from planning.access import Caller
from planning.errors import PermissionDenied, PonteError
from planning.models import Role
from planning.quotas import QuotaStatus, period_bounds, quarter_of, quota_status


@dataclass(frozen=True)
class Tier:
    from_pct: float
    rate_pct: float
    bonus: float


@dataclass(frozen=True)
class Step:
    """One line of the arithmetic: `revenue` earned in attainment [from_pct, to_pct] pays
    `rate_pct`, or a bonus for reaching `from_pct` (revenue 0)."""

    from_pct: float
    to_pct: float
    revenue: float
    rate_pct: float
    amount: float
    bonus: bool = False


@dataclass(frozen=True)
class CommissionEstimate:
    person: str
    person_name: str
    period: str
    plan: str  # "personal" or the role whose plan applies
    tiers: tuple[Tier, ...]
    units_measure: bool  # attainment in units (else revenue)
    target: float
    sold: float  # in the quota's measure
    sold_revenue: float
    attainment_pct: float  # now
    earned: float  # commission on what is sold so far (bonuses included)
    earned_steps: tuple[Step, ...]
    deal: str  # "units" (a product and quantity), "revenue", "target" or "none"
    sku: str | None
    quantity: float  # units of the deal (0 for a revenue deal)
    unit_price: float | None  # the price the deal is valued at
    deal_revenue: float
    attainment_after: float
    extra: float  # commission the deal adds
    steps: tuple[Step, ...]
    measured_until: dt.date  # sales counted up to this day
    reach_pct: float = 100.0  # a "target" deal: the attainment it reaches


def commission_estimate(
    engine: Engine,
    caller: Caller,
    *,
    today: dt.date,
    person: str | None = None,
    period: str | None = None,
    sku: str | None = None,
    quantity: float | None = None,
    revenue: float | None = None,
    to_target: bool = False,
    reach_pct: float | None = None,
) -> CommissionEstimate:
    """The commission `person` (the caller by default) has earned this period and what a deal
    (`quantity` of `sku`, or `revenue`, or closing the target, or reaching `reach_pct` of it:
    "if I hit 120%") would add."""
    if reach_pct is not None and not (0 < reach_pct <= 1000):
        raise PonteError(
            "an attainment is a percentage above zero", code="commission_reach", pct=reach_pct
        )
    if to_target and reach_pct is None:
        reach_pct = 100.0
    person = person or caller.slack_user_id
    _may_see(caller, person)
    period = (period or quarter_of(today)).upper()
    period_bounds(period)
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT name, role FROM person WHERE slack_user_id = :p"), {"p": person}
        ).first()
        if row is None:
            raise PonteError(f"unknown person {person!r}", code="unknown_person", person=person)
        name, role = str(row.name), str(row.role)
        tiers, plan = _plan(conn, person, role, name)
        price = None
        if sku is not None:
            price = conn.execute(
                text("SELECT unit_price FROM product WHERE sku = :s"), {"s": sku}
            ).scalar()
            if price is None:
                raise PonteError(f"{sku} has no list price", code="no_price", sku=sku)
    totals = [s for s in quota_status(engine, today=today, rep=person, period=period)
              if s.family is None]  # fmt: skip
    if not totals and re.fullmatch(r"\d{4}-\d{2}", period):
        # "a 50k deal next month": a month without a quota of its own counts in the quarter
        # holding it, whose quota the plan pays on.
        period = quarter_of(period_bounds(period)[0])
        totals = [s for s in quota_status(engine, today=today, rep=person, period=period)
                  if s.family is None]  # fmt: skip
    if not totals:
        raise PonteError(
            f"{name} has no quota for {period}", code="no_quota", whose=name, period=period,
            family="",
        )  # fmt: skip
    status = totals[0]
    units_measure = bool(status.target_units)
    target = float(status.target_units or status.target_revenue or 0.0)
    if target <= 0:
        raise PonteError(f"{name} has no quota for {period}", code="no_quota", whose=name,
                         period=period, family="")  # fmt: skip
    sold = status.sold_units if units_measure else status.sold_revenue
    now_pct = 100 * sold / target
    earned_steps = _pay(tiers, 0.0, now_pct, status.sold_revenue)
    deal, units, deal_revenue, unit_price = "none", 0.0, 0.0, None
    if sku is not None and quantity:
        deal, units, unit_price = "units", float(quantity), float(price or 0.0)
        deal_revenue = units * unit_price
    elif revenue:
        deal, deal_revenue = "revenue", float(revenue)
    elif reach_pct is not None:
        deal = "target"
        left = max(0.0, target * reach_pct / 100 - sold)
        if units_measure:
            unit_price = _average_price(status)
            units, deal_revenue = left, left * unit_price
        else:
            deal_revenue = left
    added = 100 * (units if units_measure and deal != "revenue" else deal_revenue) / target
    if units_measure and deal == "revenue":
        # A revenue deal on a unit quota: its units at the rep's average price so far.
        unit_price = _average_price(status)
        added = 100 * (deal_revenue / unit_price if unit_price else 0.0) / target
    steps = _pay(tiers, now_pct, now_pct + added, deal_revenue)
    return CommissionEstimate(
        person=person,
        person_name=name,
        period=period,
        plan=plan,
        tiers=tiers,
        units_measure=units_measure,
        target=target,
        sold=sold,
        sold_revenue=status.sold_revenue,
        attainment_pct=now_pct,
        earned=sum(s.amount for s in earned_steps),
        earned_steps=earned_steps,
        deal=deal,
        sku=sku,
        quantity=units,
        unit_price=unit_price,
        deal_revenue=deal_revenue,
        attainment_after=now_pct + added,
        extra=sum(s.amount for s in steps),
        steps=steps,
        measured_until=status.measured_until,
        reach_pct=reach_pct if reach_pct is not None else 100.0,
    )


def _pay(tiers: tuple[Tier, ...], start: float, end: float, revenue: float) -> tuple[Step, ...]:
    """The commission on `revenue` earned evenly while attainment went from `start` to
    `end`: each tier's rate on its share, and the bonus of every tier reached on the way."""
    steps: list[Step] = []
    if end <= start:
        return ()
    bounds = [t.from_pct for t in tiers[1:]] + [float("inf")]
    for tier, upper in zip(tiers, bounds, strict=True):
        if tier.bonus and start < tier.from_pct <= end:  # reached on the way
            steps.append(Step(tier.from_pct, tier.from_pct, 0.0, 0.0, tier.bonus, bonus=True))
        low, high = max(start, tier.from_pct), min(end, upper)
        if high > low:
            share = revenue * (high - low) / (end - start)
            steps.append(Step(low, high, share, tier.rate_pct, share * tier.rate_pct / 100))
    return tuple(steps)


def _average_price(status: QuotaStatus) -> float:
    return status.sold_revenue / status.sold_units if status.sold_units else 0.0


def _plan(conn: Connection, person: str, role: str, name: str) -> tuple[tuple[Tier, ...], str]:
    query = text(
        "SELECT person, role, from_attainment_pct, rate_pct, bonus FROM commission_tier "
        "WHERE person = :person OR (person = '' AND role = :role) ORDER BY from_attainment_pct"
    )
    rows = conn.execute(query, {"person": person, "role": role}).all()
    own = [r for r in rows if r.person == person]
    chosen, plan = (own, "personal") if own else ([r for r in rows if r.person == ""], role)
    if not chosen:
        raise PonteError(
            f"there is no commission plan for {name} (commission_plans.csv names neither them "
            f"nor the role {role})",
            code="no_commission_plan",
            whose=name,
            role=role,
        )
    return tuple(Tier(float(r.from_attainment_pct), float(r.rate_pct), float(r.bonus or 0))
                 for r in chosen), plan  # fmt: skip


def _may_see(caller: Caller, person: str) -> None:
    """Pay is private: reps their own, managers their team's, admins everyone's."""
    if caller.role == Role.admin or person == caller.slack_user_id:
        return
    if caller.role == Role.manager and person in caller.team:
        return
    raise PermissionDenied(
        f"{caller.name} may not see what {person} earns",
        code="commission_not_yours",
    )
