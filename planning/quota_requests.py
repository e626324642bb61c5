"""Quota change requests: asked for against the quota version they change, routed to an
approver, stored and audited (the decisions are planning.quota_decisions).

Who may do what (keyed on the verified caller, never on text):
- request: a rep for their own quota; a manager for the quotas of the people who report to
  them (and the territories those people are based in); an admin for anyone's;
- decide (approve, reject, ask for changes): the request's approver (the quota owner's
  manager from the people file; an admin when there is none, or when that manager is the
  one asking) or any admin; never the person who asked, nor the quota's owner.

A decision is one conditional update on the request's version: a double click or two
approvers at once decide it exactly once, and the second is told who was first. Approving a
request whose quota changed since it was made (an import, another approved request) is
refused as stale; the unique index on a quota's versions makes that true even for two
requests approved at the same moment. Every request, decision and quota change leaves an
audit_log entry (planning.audit), which nothing updates or deletes.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, Engine, insert, select, text
from sqlalchemy.exc import IntegrityError

from planning.access import Caller
from planning.audit import audit, quota_entity
from planning.contract import MAX_MONEY, MAX_TARGET_UNITS
from planning.db import as_utc, writing
from planning.errors import PermissionDenied, PonteError
from planning.models import Quota, QuotaRequest, Role
from planning.quota_impact import CapacityImpact, capacity_impact
from planning.quotas import period_bounds

REQUESTS = QuotaRequest.__table__  # type: ignore[attr-defined]
QUOTAS = Quota.__table__  # type: ignore[attr-defined]
PONTE = "ponte"  # the actor of what scheduled jobs do
WRITE_WAIT = 30.0
ABSURD = 1000.0  # a new target this many times the current one (or its inverse) is a typo
MAX_REASON = 2000  # characters
Decision = Literal["approve", "reject", "changes"]
DECISIONS: tuple[Decision, ...] = ("approve", "reject", "changes")
DECIDED = {"approve": "approved", "reject": "rejected", "changes": "changes"}
OPEN = "pending"


@dataclass(frozen=True)
class QuotaChange:
    """A quota change request as stored, with the names of the people it involves."""

    id: int | None  # None: a proposal not submitted yet
    period: str
    rep: str | None
    territory: str | None
    family: str | None
    owner_name: str
    base_version: int
    units_before: float | None
    revenue_before: float | None
    target_units: float | None
    target_revenue: float | None
    reason: str
    requested_by: str
    requester_name: str
    approver: str
    approver_name: str
    status: str  # pending | approved | rejected | changes | expired
    created_at: dt.datetime
    decided_by: str | None = None
    decided_by_name: str | None = None
    decided_at: dt.datetime | None = None
    decision_note: str | None = None
    channel: str | None = None
    message_ts: str | None = None
    version: int = 1
    approver_told: bool = False
    requester_told: bool = True
    kind: str = "change"  # or "allocation": `lines` split a family's quota across territories
    lines: tuple[dict[str, Any], ...] = ()

    @property
    def owner(self) -> str:
        return self.rep or self.territory or ""

    @property
    def entity(self) -> str:
        return f"quota_request:{self.id}"

    @property
    def quota(self) -> str:
        return quota_entity(self.period, self.rep, self.territory, self.family)


@dataclass(frozen=True)
class QuotaRequestResult:
    """A request proposed (waiting for the person's yes) or submitted, with what it asks of
    the plants (None: no forecast to compare with, or the period beyond it)."""

    request: QuotaChange
    impact: CapacityImpact | None
    submitted: bool


# A person's own requests decided this many days ago or less are listed with the open ones.
RECENT_DAYS = 14


@dataclass(frozen=True)
class QuotaRequestList:
    """Requests a person may act on or follow: waiting for them, or made by or for them."""

    requests: tuple[QuotaChange, ...]
    status: str | None  # the status asked for (None: the open ones, and the asker's recent)


def request_change(
    engine: Engine,
    caller: Caller,
    *,
    today: dt.date,
    now: dt.datetime,
    period: str,
    rep: str | None = None,
    territory: str | None = None,
    family: str | None = None,
    target_units: float | None = None,
    target_revenue: float | None = None,
    change_units: float | None = None,
    change_pct: float | None = None,
    change_revenue: float | None = None,
    direction: str | None = None,
    measure_unsaid: bool = False,
    reason: str = "",
    submit: bool = False,
) -> QuotaRequestResult:
    """Check a quota change request from `caller` and, with `submit`, store it for its
    approver (audited). Without `submit` nothing is written: the same checks and the same
    answer, for the person to confirm. A change may be given as the new target, or as
    `change_units` / `change_revenue` / `change_pct` (signed) of the current one;
    `direction` ("up" or "down", what the person's verb said) must agree with it. With
    `measure_unsaid` (a change said as "di 15k"), a quota that also has a revenue target is
    asked which was meant when the two readings differ by more than half the quota.
    Every refusal is a PonteError with a code."""
    period = period.strip().upper()
    _, end = period_bounds(period)
    if end < today:
        raise PonteError(
            f"{period} is over: its quotas are closed", code="period_closed", period=period
        )
    if rep is None and territory is None:
        rep = caller.slack_user_id
    reason = (reason or "").strip()
    if not reason:
        raise PonteError("say why the quota should change", code="quota_reason_needed")
    if len(reason) > MAX_REASON:
        raise PonteError(
            f"the reason is too long (at most {MAX_REASON} characters)",
            code="quota_reason_too_long",
            chars=MAX_REASON,
        )
    relative = any(x is not None for x in (change_units, change_pct, change_revenue))
    if not relative:
        _check_targets(target_units, target_revenue)
    with engine.connect() as conn:
        names = names_of(conn)
        owner = rep or territory or ""
        if rep is not None and rep not in names:
            raise PonteError(f"unknown person {rep!r}", code="unknown_person", person=rep)
        _may_request(conn, caller, rep=rep, territory=territory, label=names.get(owner, owner))
        current = current_quota(conn, period, rep, territory, family)
        if current is None:
            raise PonteError(
                f"{names.get(owner, owner)} has no quota for {period}"
                + (f" in {family}" if family else ""),
                code="no_quota",
                whose=names.get(owner, owner),
                period=period,
                family=f"{family} " if family else "",
            )
        version, units_before, revenue_before = current
        if change_revenue is not None and revenue_before is None:
            raise PonteError(
                f"{names.get(owner, owner)}'s quota for {period} has no revenue target",
                code="quota_no_revenue_target",
                whose=names.get(owner, owner),
                period=period,
            )
        if relative:
            target_units, target_revenue = _relative(
                units_before, revenue_before, change_units, change_pct, change_revenue
            )
            _check_targets(target_units, target_revenue)
        if measure_unsaid and target_units is not None and units_before and revenue_before:
            target_units, target_revenue = _measure_of(target_units, units_before, revenue_before)
        _check_scale(target_units, units_before, "units")
        _check_scale(target_revenue, revenue_before, "revenue")
        _check_direction(direction, target_units, units_before)
        _check_direction(direction, target_revenue, revenue_before)
        if measure_unsaid and change_units is not None and units_before and revenue_before:
            _check_measure(change_units, units_before, revenue_before)
        target_units, target_revenue = in_step(
            target_units, target_revenue, units_before, revenue_before
        )
        if (target_units, target_revenue) == (units_before, revenue_before):
            raise PonteError(
                "that is the quota already", code="quota_target_unchanged", period=period
            )
        waiting = conn.execute(
            select(REQUESTS.c.id).where(
                REQUESTS.c.status == OPEN,
                REQUESTS.c.period == period,
                _same(REQUESTS.c.rep, rep),
                _same(REQUESTS.c.territory, territory),
                _same(REQUESTS.c.family, family),
            )
        ).scalar()
        if waiting is not None:
            raise PonteError(
                f"request #{waiting} for this quota is still waiting for a decision",
                code="quota_request_waiting",
                request=waiting,
            )
        approver = approver_for(conn, caller, rep=rep, territory=territory)
    change = QuotaChange(
        id=None,
        period=period,
        rep=rep,
        territory=None if rep else territory,
        family=family,
        owner_name=names.get(owner, owner),
        base_version=version,
        units_before=units_before,
        revenue_before=revenue_before,
        target_units=target_units,
        target_revenue=target_revenue,
        reason=reason,
        requested_by=caller.slack_user_id,
        requester_name=caller.name,
        approver=approver,
        approver_name=names.get(approver, approver),
        status=OPEN,
        created_at=now,
        approver_told=False,
        requester_told=True,
    )
    impact = capacity_impact(
        engine,
        today=today,
        period=period,
        rep=change.rep,
        territory=change.territory,
        family=family,
        units_after=target_units,
        revenue_after=target_revenue,
    )
    if not submit:
        return QuotaRequestResult(change, impact, submitted=False)
    try:
        with writing(engine, wait=WRITE_WAIT) as conn:
            values = {
                k: v
                for k, v in vars(change).items()
                if k in REQUESTS.c and k not in ("id", "lines")
            }
            key = conn.execute(insert(REQUESTS).values(**values)).inserted_primary_key
            new_id = int(key[0]) if key else 0
            audit(conn, now=now, actor=caller.slack_user_id, action="quota_request.submitted",
                  entity=f"quota_request:{new_id}", details=_details(change, new_id))  # fmt: skip
    except IntegrityError as exc:  # pragma: no cover - no unique key a request can break
        raise PonteError("the request could not be stored") from exc
    return QuotaRequestResult(get_request(engine, new_id), impact, submitted=True)


def get_request(engine: Engine, request_id: int) -> QuotaChange:
    with engine.connect() as conn:
        row = conn.execute(select(REQUESTS).where(REQUESTS.c.id == request_id)).first()
        names = names_of(conn)
    if row is None:
        raise PonteError(
            f"there is no quota request #{request_id}",
            code="no_quota_request",
            request=request_id,
        )
    return stored_request(row, names)


def list_requests(
    engine: Engine, caller: Caller, *, status: str | None = None, now: dt.datetime | None = None
) -> QuotaRequestList:
    """The requests `caller` may follow: waiting for their decision (an admin: every one),
    made by them, for them, or (a manager) for their team; those of `status`, else the open
    ones and (with `now`) the caller's own decided in the last RECENT_DAYS ("what happened
    to my request?" has its answer: rejected, and why)."""
    query = select(REQUESTS).order_by(REQUESTS.c.id.desc()).limit(50)
    if status is not None or now is None:
        query = query.where(REQUESTS.c.status == (status or OPEN))
    else:
        own = (REQUESTS.c.requested_by == caller.slack_user_id) | (
            REQUESTS.c.rep == caller.slack_user_id
        )
        recent = REQUESTS.c.decided_at >= now - dt.timedelta(days=RECENT_DAYS)
        query = query.where((REQUESTS.c.status == OPEN) | (own & recent))
    if caller.role != Role.admin:
        mine = {caller.slack_user_id, *caller.team}
        query = query.where(
            (REQUESTS.c.approver == caller.slack_user_id)
            | REQUESTS.c.requested_by.in_(mine)
            | REQUESTS.c.rep.in_(mine)
        )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
        names = names_of(conn)
    return QuotaRequestList(tuple(stored_request(r, names) for r in rows), status)


# -- checks ---------------------------------------------------------------------------------


def _check_targets(units: float | None, revenue: float | None) -> None:
    if units is None and revenue is None:
        raise PonteError("give the new target, in units or revenue", code="quota_target_missing")
    for value, most in ((units, MAX_TARGET_UNITS), (revenue, MAX_MONEY)):
        if value is None:
            continue
        if value != value or value <= 0:  # NaN, zero, negative
            raise PonteError(
                "a quota target must be more than zero", code="quota_target_not_positive"
            )
        if value > most:
            raise PonteError(
                f"a quota target is at most {most:,.0f}",
                code="quota_target_too_large",
                most=int(most),
            )


def _relative(
    units: float | None,
    revenue: float | None,
    by: float | None,
    pct: float | None,
    by_revenue: float | None = None,
) -> tuple[float | None, float | None]:
    """The new targets for a change "by 500" (units), "by €500" (revenue) or "by 10%" (the
    quota's own measure: units when it has a unit target, else revenue)."""
    if by_revenue is not None:
        return None, round((revenue or 0.0) + by_revenue, 2)
    if pct is not None:
        if units is not None:
            return round(units * (1 + pct / 100)), None
        return None, round((revenue or 0.0) * (1 + pct / 100), 2)
    return (units or 0.0) + (by or 0.0), None


def in_step(
    units: float | None,
    revenue: float | None,
    units_before: float | None,
    revenue_before: float | None,
) -> tuple[float | None, float | None]:
    """Both targets after a change given in one of them (or both): where the quota has both,
    the other moves with it at the quota's own price per unit (12,000 units at 31 € a unit
    was 372,000 €; 12,600 units make it 390,600 €), so the two never disagree; else the
    other stays as it was."""
    if units_before and revenue_before:
        if units is not None and revenue is None:
            return units, round(revenue_before * units / units_before, 2)
        if revenue is not None and units is None:
            return round(units_before * revenue / revenue_before), revenue
    return (
        units if units is not None else units_before,
        revenue if revenue is not None else revenue_before,
    )


def _measure_of(value: float, units: float, revenue: float) -> tuple[float | None, float | None]:
    """(target units, target revenue) for a target said as "a 200k" with no unit, on a
    quota of `units` and €`revenue`: the reading near the quota (within half to twice it)
    when only one is ("200k" on 7,480 units and €240,800 is €200,000, not 27 times the
    units); asked back when both are and they differ; units when neither is."""
    as_units, as_money = value / units, value / revenue
    near_units, near_money = 0.5 <= as_units <= 2.0, 0.5 <= as_money <= 2.0
    if near_money and not near_units:
        return None, value
    if near_money and near_units:
        _ask_which_measure(value, 100 * (as_units - 1), 100 * (as_money - 1))
    return value, None


def _check_measure(change: float, units: float, revenue: float) -> None:
    """ "di 15k" on 8,950 units and €298,100: +15,000 units (+168%) or +€15,000 (+5%)?"""
    _ask_which_measure(abs(change), 100 * change / units, 100 * change / revenue)


def _ask_which_measure(amount: float, units_pct: float, money_pct: float) -> None:
    """A figure said without its unit, read as units or as euros: asked back when the two
    readings change the quota by more than 50 points apart."""
    if abs(units_pct - money_pct) > 50:
        raise PonteError(
            f"{amount:,.0f} could be units ({units_pct:+.0f}%) or euros ({money_pct:+.0f}%)",
            code="quota_measure_unclear",
            change=round(amount),
            units_pct=f"{round(units_pct):+d}",
            money_pct=f"{round(money_pct):+d}",
        )


def _check_direction(direction: str | None, new: float | None, current: float | None) -> None:
    """ "lower my quota to 80,000" when it is 11,420: the verb and the figure disagree."""
    if direction not in ("up", "down") or new is None or current is None:
        return
    if direction == "up" and new < current:
        raise PonteError(
            f"you asked to raise the quota, but {new:,.0f} is below the current {current:,.0f}",
            code="quota_lower_than_asked",
            new=round(new),
            current=round(current),
        )
    if direction == "down" and new > current:
        raise PonteError(
            f"you asked to lower the quota, but {new:,.0f} is above the current {current:,.0f}",
            code="quota_higher_than_asked",
            new=round(new),
            current=round(current),
        )


def _check_scale(new: float | None, current: float | None, what: str) -> None:
    if new is None or not current:
        return
    factor = new / current
    if factor >= ABSURD or factor <= 1 / ABSURD:
        raise PonteError(
            f"{new:,.0f} is {factor:,.4g} times the current {what} target ({current:,.0f}): "
            "check the figure",
            code="quota_target_absurd",
            new=round(new),
            current=round(current),
            factor=f"{factor:.0f}" if factor >= 1 else f"1/{1 / factor:.0f}",
        )


def _may_request(
    conn: Connection, caller: Caller, *, rep: str | None, territory: str | None, label: str
) -> None:
    """Reps their own quota; managers their team's (people and territories); admins any."""
    if caller.role == Role.admin:
        return
    if caller.role == Role.rep and rep == caller.slack_user_id:
        return
    if caller.role == Role.manager:
        if rep is not None and rep in caller.team:
            return
        if rep is None and territory is not None:
            based = {
                str(t)
                for person, t in conn.execute(text("SELECT slack_user_id, territory FROM person"))
                if person in caller.team and t
            }
            if territory in based:
                return
    if caller.role not in (Role.rep, Role.manager):
        raise PermissionDenied(
            f"{caller.name} ({caller.role}) may not request quota changes",
            code="quota_request_role",
            role=str(caller.role),
        )
    raise PermissionDenied(
        f"{caller.name} may not request a change to the quota of {label}",
        code="quota_request_not_yours",
        whose=label,
    )


def approver_for(
    conn: Connection, caller: Caller, *, rep: str | None, territory: str | None
) -> str:
    """The quota owner's manager; an admin when there is none, or when that manager is the
    one asking (nobody approves their own request)."""
    people = conn.execute(
        text("SELECT slack_user_id, role, manager_slack_user_id, territory FROM person")
    ).all()
    if rep is not None:
        managers = {p.manager_slack_user_id for p in people if p.slack_user_id == rep}
    else:
        managers = {p.manager_slack_user_id for p in people if p.territory == territory}
    managers.discard(None)
    managers.discard(caller.slack_user_id)
    if rep is not None:
        managers.discard(rep)
    if len(managers) == 1:
        return str(managers.pop())
    admins = sorted(
        p.slack_user_id
        for p in people
        if p.role == Role.admin and p.slack_user_id not in (caller.slack_user_id, rep)
    )
    if not admins:
        raise PonteError(
            "nobody can approve this request: the people file names no manager for it and "
            "no other admin",
            code="no_approver",
        )
    return str(admins[0])


def current_quota(
    conn: Connection, period: str, rep: str | None, territory: str | None, family: str | None
) -> tuple[int, float | None, float | None] | None:
    row = conn.execute(
        select(QUOTAS.c.version, QUOTAS.c.target_units, QUOTAS.c.target_revenue)
        .where(
            QUOTAS.c.period == period,
            _same(QUOTAS.c.rep, rep),
            _same(QUOTAS.c.territory, None if rep else territory),
            _same(QUOTAS.c.family, family),
        )
        .order_by(QUOTAS.c.version.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return int(row.version), _float(row.target_units), _float(row.target_revenue)


def _same(column: Any, value: str | None) -> Any:
    return column.is_(None) if value is None else column == value


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def names_of(conn: Connection) -> dict[str, str]:
    """Territories' and people's names by code and Slack id."""
    names = {str(k): str(v) for k, v in conn.execute(text("SELECT code, name FROM territory"))}
    names.update(
        {str(k): str(v) for k, v in conn.execute(text("SELECT slack_user_id, name FROM person"))}
    )
    return names


def _details(change: QuotaChange, request_id: int) -> dict[str, Any]:
    return {
        "request": request_id,
        "quota": change.quota,
        "version": change.base_version,
        "before": {"units": change.units_before, "revenue": change.revenue_before},
        "after": {"units": change.target_units, "revenue": change.target_revenue},
        "reason": change.reason,
        "approver": change.approver,
    }


def stored_request(row: Any, names: dict[str, str]) -> QuotaChange:
    owner = row.rep or row.territory or ""
    return QuotaChange(
        id=int(row.id),
        period=row.period,
        rep=row.rep,
        territory=row.territory,
        family=row.family,
        owner_name=names.get(owner, owner),
        base_version=int(row.base_version),
        units_before=_float(row.units_before),
        revenue_before=_float(row.revenue_before),
        target_units=_float(row.target_units),
        target_revenue=_float(row.target_revenue),
        reason=row.reason,
        requested_by=row.requested_by,
        requester_name=names.get(row.requested_by, row.requested_by),
        approver=row.approver,
        approver_name=names.get(row.approver, row.approver),
        status=row.status,
        created_at=as_utc(row.created_at) or dt.datetime.min.replace(tzinfo=dt.UTC),
        decided_by=row.decided_by,
        decided_by_name=names.get(row.decided_by or "", row.decided_by),
        decided_at=as_utc(row.decided_at),
        decision_note=row.decision_note,
        channel=row.channel,
        message_ts=row.message_ts,
        version=int(row.version),
        approver_told=bool(row.approver_told),
        requester_told=bool(row.requester_told),
        kind=row.kind,
        lines=tuple(json.loads(row.lines)) if row.lines else (),
    )
