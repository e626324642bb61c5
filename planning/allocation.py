"""Territory allocation: a family's quota for a period split across a manager's territories
by what each can be expected to sell, capped at what the plants can make, proposed as one
change set that the approver decides like any quota change request.

Each territory's share blends two readings of its weight in the family: its share of the
family's sales over the last 13 weeks (what it sells now: the base of its forecast, since the
forecast is per product and location) and its share in the same period a year earlier (its
season). Where there is no sale a year earlier, the recent share alone counts. The total is
capped at the plants' capacity for the family over the period's days still to come, less
the family quotas other territories already hold there; a cap is said, with the units cut.
Units are whole, and add up to the total exactly (largest remainders).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, insert, text

from planning.access import Caller
from planning.audit import audit
from planning.db import writing
from planning.errors import PermissionDenied, PonteError
from planning.models import Role
from planning.quota_impact import period_load
from planning.quota_requests import (
    REQUESTS,
    WRITE_WAIT,
    QuotaChange,
    approver_for,
    get_request,
    names_of,
)
from planning.quotas import period_bounds
from planning.supply import canonical_family, capacity_report

RECENT_WEEKS = 13
MAX_TOTAL = 1e12


@dataclass(frozen=True)
class AllocationLine:
    territory: str
    name: str
    recent_units: float  # the family's units sold there in the last RECENT_WEEKS
    recent_share: float
    last_year_units: float  # in the same period a year earlier
    last_year_share: float | None  # None: no sale of the family anywhere a year earlier
    share: float  # the blend the split uses
    units: int  # the quota proposed, in the split's measure (units, or whole euros)
    current: float | None  # the territory's current family quota (same measure), if any
    version: int  # the version the new quota will follow (0: a new quota)
    forecast: float | None = None  # its share of the company's recent sales, of the forecast


@dataclass(frozen=True)
class AllocationProposal:
    family: str
    period: str
    asked: float  # the total asked for
    total: int  # the total split (the cap, when the plants cannot make what was asked)
    capacity: float | None  # what the plants can make of the family in the days counted
    held_elsewhere: float  # family quota other territories already hold in the period
    first: dt.date  # the days counted for capacity: from here ...
    last: dt.date  # ... to here
    capped: bool
    lines: tuple[AllocationLine, ...]
    request: QuotaChange | None  # the change set, once submitted
    submitted: bool
    basis: str = "sales"  # how the shares were set: "sales" (the blend), "recent",
    # "last_year", "even" or "asked"
    approver_name: str = ""  # who decides the change set
    in_revenue: bool = False  # a split of revenue quotas: totals and lines in whole euros
    price: float = 0.0  # the family's mean list price (revenue to units for the plants)


def propose_allocation(
    engine: Engine,
    caller: Caller,
    *,
    today: dt.date,
    now: dt.datetime,
    family: str,
    period: str,
    total_units: float | None = None,
    total_revenue: float | None = None,
    shares: dict[str, float] | None = None,
    even: bool = False,
    by: str | None = None,
    whole: bool = False,
    reason: str = "",
    submit: bool = False,
) -> AllocationProposal:
    """Split `total_units` (or `total_revenue`: revenue quotas, whole euros) of `family` for
    `period` across the caller's territories (a manager's: where their team is based; an
    admin's: every territory): by their sales (module docstring), in equal parts (`even`),
    or as the person said (`shares`: territory code -> percent, adding up to 100, among the
    caller's territories); `by` "recent" or "last_year" takes one of the two sales shares
    alone ("by last year's sales"). With `whole` ("tutta la quota padelle al nord ovest"),
    the family's quotas the caller's territories hold now are what is split (the total,
    when none is given) and those territories given no share get none. A revenue split is
    capped at the plants' capacity at the family's mean list price. With `submit`, the
    split is stored as one change request for the approver (audited); without, nothing is
    written."""
    if caller.role not in (Role.manager, Role.admin):
        raise PermissionDenied(
            f"{caller.name} ({caller.role}) may not allocate quotas: managers and admins do",
            code="allocation_managers",
            role=str(caller.role),
        )
    in_revenue = total_units is None and total_revenue is not None
    asked = total_revenue if in_revenue else total_units
    held_total = whole and asked is None  # the total is what the territories hold now
    if not held_total and (
        asked is None or not (asked == asked) or asked <= 0 or asked > MAX_TOTAL
    ):
        raise PonteError("a quota target must be more than zero", code="quota_target_not_positive")
    period = period.strip().upper()
    start, end = period_bounds(period)
    if end < today:
        raise PonteError(
            f"{period} is over: its quotas are closed", code="period_closed", period=period
        )
    with engine.connect() as conn:
        families = pd.Series(
            [f for (f,) in conn.execute(text("SELECT DISTINCT family FROM product"))]
        )
        family = canonical_family(families, family)
        names = names_of(conn)
        people = conn.execute(text("SELECT slack_user_id, territory FROM person")).all()
        price = float(conn.execute(
            text("SELECT avg(unit_price) FROM product WHERE family = :f"), {"f": family}
        ).scalar() or 0.0)  # fmt: skip
        every = [str(c) for (c,) in conn.execute(text("SELECT code FROM territory ORDER BY code"))]
    if caller.role == Role.admin:
        mine = every
    else:
        mine = sorted({str(t) for p, t in people if p in caller.team and t})
    if not mine:
        raise PonteError(
            f"{caller.name} has no territories to allocate: nobody in the people file reports "
            "to them with a territory",
            code="no_territories",
        )
    given = _asked_shares(shares, mine, names) if shares else None
    current = _current(engine, period, family)
    if whole:  # the others holding a quota of the family now give it up
        given = {t: 0.0 for t in mine if t in current} | (given or {})
        holding = [current[t] for t in given if t in current]
        if held_total:
            units = sum(u or 0.0 for u, _, _ in holding)
            revenue = sum(r or 0.0 for _, r, _ in holding)
            in_revenue, asked = (False, units) if units else (True, revenue)
            if not asked:
                raise PonteError(
                    f"your territories hold no {family} quota for {period} to move",
                    code="allocation_nothing_held",
                    family=family,
                    period=period,
                )
    if given is not None:
        mine = sorted(given)
    if asked is None:  # pragma: no cover - checked above, or the held total
        raise PonteError("a quota target must be more than zero", code="quota_target_not_positive")
    recent, last_year = _sales(engine, family, today, start, end)
    # Each territory's current quota in the measure split (units, or revenue); what the
    # others hold, in units for the plants (revenue at the family's mean price).
    held_now = {t: (r if in_revenue else u, v) for t, (u, r, v) in current.items()}
    split = _split(mine, names, recent, last_year, held_now)
    basis = "asked" if given is not None else "even" if even else by or "sales"
    if basis in ("asked", "even"):
        split = [AllocationLine(**{**vars(x), "share": given[x.territory] / 100 if given
                                   else 1 / len(split)}) for x in split]  # fmt: skip
    elif basis == "recent" or (basis == "last_year" and split and split[0].last_year_share is None):
        basis = "recent"  # no sale a year earlier: the recent share is all there is
        split = [AllocationLine(**{**vars(x), "share": x.recent_share}) for x in split]
    elif basis == "last_year":
        split = [AllocationLine(**{**vars(x), "share": x.last_year_share or 0.0}) for x in split]
    first = max(start, today)
    capacity, last, demand = _capacity(engine, today, family, first, end)
    held = sum(
        u if u is not None else (r or 0.0) / price if price else 0.0
        for t, (u, r, _) in current.items()
        if t not in mine
    )
    total = round(asked)
    capped = False
    # The quotas are spread evenly over the period: the days counted carry their share of
    # this total and of what other territories hold, against the capacity of those days.
    counted = ((last - first).days + 1) / ((end - start).days + 1)
    as_units = total / price if in_revenue and price else None if in_revenue else total
    if (
        capacity is not None
        and as_units is not None
        and counted > 0
        and (as_units + held) * counted > capacity
    ):
        cap = max(0.0, capacity / counted - held)
        total, capped = math.floor(cap * price if in_revenue else cap), True
    lines = _units(split, total)
    # What each territory can be expected to sell of the family in the period: its share of
    # the whole company's recent sales of it, of the family's forecast; beside its quota.
    company = sum(recent.values())
    scale = 1 / counted if counted else 0.0
    worth = price if in_revenue else 1.0  # the forecast in the quota's measure
    lines = tuple(
        AllocationLine(**{**vars(x), "forecast": demand * x.recent_units / company * scale * worth})
        if demand is not None and company and worth
        else x
        for x in lines
    )
    with engine.connect() as conn:  # who will decide: the proposer's own manager, else an admin
        approver = approver_for(conn, caller, rep=caller.slack_user_id, territory=None)
    request = None
    if submit:
        request = _submit(engine, caller, now=now, period=period, family=family, total=total,
                          lines=lines, reason=reason, in_revenue=in_revenue,
                          approver=approver)  # fmt: skip
    return AllocationProposal(
        family=family,
        period=period,
        asked=float(asked),
        total=total,
        capacity=capacity,
        held_elsewhere=held,
        first=first,
        last=last,
        capped=capped,
        lines=lines,
        request=request,
        submitted=submit,
        basis=basis,
        approver_name=names.get(approver, approver),
        in_revenue=in_revenue,
        price=price,
    )


def _asked_shares(
    shares: dict[str, float], mine: list[str], names: dict[str, str]
) -> dict[str, float]:
    """The split the person gave, by territory code: each one theirs, adding up to 100."""

    def key(name: str) -> str:  # "Nord-Ovest", "nord ovest", "NORD_OVEST"
        return " ".join(name.lower().replace("-", " ").replace("_", " ").split())

    codes = {key(n): code for code, n in names.items() if code in mine}
    codes.update({key(code): code for code in mine})
    out: dict[str, float] = {}
    for said, pct in shares.items():
        code = codes.get(key(said))
        if code is None:
            raise PonteError(
                f"{said!r} is not one of your territories ({', '.join(mine)})",
                code="unknown_territory",
                territory=said,
            )
        if not (pct == pct) or pct < 0:
            raise PonteError("a share must be a percentage", code="allocation_shares", total=pct)
        out[code] = out.get(code, 0.0) + float(pct)
    total = sum(out.values())
    if abs(total - 100) > 0.5:
        raise PonteError(
            f"the shares add up to {total:g}%, not 100%", code="allocation_shares", total=total
        )
    return out


def _sales(
    engine: Engine, family: str, today: dt.date, start: dt.date, end: dt.date
) -> tuple[dict[str, float], dict[str, float]]:
    """The family's units per territory: over the last RECENT_WEEKS, and over the same
    period a year earlier."""
    ago = dt.timedelta(days=364)  # 52 weeks: the same weekdays
    query = text(
        "SELECT s.territory, sum(s.quantity) FROM sales_actual s JOIN product p ON p.sku = s.sku "
        "WHERE p.family = :family AND s.date > :since AND s.date <= :until GROUP BY s.territory"
    )
    with engine.connect() as conn:
        recent = {
            str(t): float(u or 0)
            for t, u in conn.execute(
                query,
                {
                    "family": family,
                    "since": today - dt.timedelta(weeks=RECENT_WEEKS),
                    "until": today,
                },
            )
        }
        last_year = {
            str(t): float(u or 0)
            for t, u in conn.execute(
                query,
                {"family": family, "since": start - ago - dt.timedelta(days=1), "until": end - ago},
            )
        }
    return recent, last_year  # fmt: skip


def _current(
    engine: Engine, period: str, family: str
) -> dict[str, tuple[float | None, float | None, int]]:
    """Each territory's current quota for the family in the period: units, revenue and
    version."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT territory, version, target_units, target_revenue FROM quota "
                "WHERE period = :period AND family = :family AND rep IS NULL "
                "AND territory IS NOT NULL"
            ),
            {"period": period, "family": family},
        ).all()
    out: dict[str, tuple[float | None, float | None, int]] = {}
    for territory, version, units, revenue in rows:
        if str(territory) not in out or out[str(territory)][2] < int(version):
            out[str(territory)] = (
                None if units is None else float(units),
                None if revenue is None else float(revenue),
                int(version),
            )
    return out


def _split(
    mine: list[str],
    names: dict[str, str],
    recent: dict[str, float],
    last_year: dict[str, float],
    current: dict[str, tuple[float | None, int]],
) -> list[AllocationLine]:
    recent_total = sum(recent.get(t, 0.0) for t in mine)
    year_total = sum(last_year.get(t, 0.0) for t in mine)
    lines = []
    for t in mine:
        r = recent.get(t, 0.0) / recent_total if recent_total else 1 / len(mine)
        y = last_year.get(t, 0.0) / year_total if year_total else None
        held = current.get(t, (None, 0))
        lines.append(AllocationLine(
            territory=t, name=names.get(t, t), recent_units=recent.get(t, 0.0), recent_share=r,
            last_year_units=last_year.get(t, 0.0), last_year_share=y,
            share=r if y is None else (r + y) / 2, units=0, current=held[0], version=held[1],
        ))  # fmt: skip
    return lines


def _units(lines: list[AllocationLine], total: int) -> tuple[AllocationLine, ...]:
    """Whole units by largest remainder: they add up to `total` exactly."""
    exact = [line.share * total for line in lines]
    floors = [math.floor(x) for x in exact]
    left = total - sum(floors)
    order = sorted(range(len(lines)), key=lambda i: exact[i] - floors[i], reverse=True)
    for i in order[:left]:
        floors[i] += 1
    return tuple(
        AllocationLine(**{**vars(line), "units": units})
        for line, units in zip(lines, floors, strict=True)
    )


def _capacity(
    engine: Engine, today: dt.date, family: str, first: dt.date, end: dt.date
) -> tuple[float | None, dt.date, float | None]:
    """What the plants can make of the family from `first` to the period's end (or as far as
    the forecast reaches), the last day counted, and the family's forecast over those days;
    None without capacity (or forecast)."""
    try:
        weeks, _ = capacity_report(engine, today=today, family=family)
    except PonteError:
        return None, end, None
    if not weeks:
        return None, end, None
    last = min(end, max(w.week for w in weeks) + dt.timedelta(days=6))
    load = period_load(weeks, family, first, last)
    return (load.capacity if load.capacity > 0 else None), last, load.demand


def _submit(
    engine: Engine,
    caller: Caller,
    *,
    now: dt.datetime,
    period: str,
    family: str,
    total: int,
    lines: tuple[AllocationLine, ...],
    reason: str,
    approver: str,
    in_revenue: bool = False,
) -> QuotaChange:
    said = f"€{total}" if in_revenue else str(total)
    reason = reason.strip() or (  # in the proposer's words when they gave none
        f"ripartizione di {said} {family} per {period}"
        if caller.language == "it"
        else f"allocation of {said} {family} for {period}"
    )
    measure = "revenue" if in_revenue else "units"  # what each line sets
    change_set = [{"territory": x.territory, measure: x.units, "before": x.current,
                   "version": x.version} for x in lines]  # fmt: skip
    with writing(engine, wait=WRITE_WAIT) as conn:
        key = conn.execute(insert(REQUESTS).values(
            period=period, rep=None, territory=None, family=family, base_version=0,
            units_before=None if in_revenue else sum(x.current or 0.0 for x in lines),
            revenue_before=sum(x.current or 0.0 for x in lines) if in_revenue else None,
            target_units=None if in_revenue else float(total),
            target_revenue=float(total) if in_revenue else None, reason=reason,
            requested_by=caller.slack_user_id, approver=approver, status="pending",
            created_at=now, approver_told=False, requester_told=True, version=1,
            kind="allocation", lines=json.dumps(change_set),
        )).inserted_primary_key  # fmt: skip
        new_id = int(key[0]) if key else 0
        audit(conn, now=now, actor=caller.slack_user_id, action="quota_request.submitted",
              entity=f"quota_request:{new_id}",
              details={"request": new_id, "allocation": change_set, "family": family,
                       "period": period, "total": total, "reason": reason,
                       "approver": approver})  # fmt: skip
    return get_request(engine, new_id)
