"""Quota change requests decided: approved (the quota's next version, or every territory's
quota of an allocation in one transaction), rejected or sent back for changes, by the
approver or an admin, exactly once; expired when nobody decides; and the bookkeeping of who
has been told what (bot.quota_requests posts it).

A decision is one conditional update on the request's version: of two deciders at once the
second waits on the row and then finds it decided, and is told by whom. Approving a request
whose quota changed since it was made is refused as stale (the unique index on a quota's
versions keeps that true at the same instant). Every decision and every quota written leaves
an audit_log entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from planning.access import Caller
from planning.audit import audit, quota_entity
from planning.db import as_utc, writing
from planning.errors import PermissionDenied, PonteError
from planning.models import Role
from planning.quota_requests import (
    DECIDED,
    DECISIONS,
    MAX_REASON,
    OPEN,
    PONTE,
    QUOTAS,
    REQUESTS,
    WRITE_WAIT,
    Decision,
    QuotaChange,
    current_quota,
    get_request,
    in_step,
    names_of,
    stored_request,
)
from planning.quotas import period_bounds


class QuotaRequestConflict(PonteError):
    """The request was decided (or expired) before this decision arrived."""


def decide(
    engine: Engine,
    request_id: int,
    decision: Decision,
    *,
    caller: Caller,
    now: dt.datetime,
    today: dt.date,
    note: str | None = None,
    version: int | None = None,
) -> QuotaChange:
    """Approve, reject or ask for changes to a request, as the verified `caller`, once.
    `version` is the request's version the person saw (a button carries it). Approving
    writes the quota's next version; a reason is needed to reject or ask for changes."""
    request, note = _checked(engine, request_id, decision, caller=caller, note=note,
                             version=version)  # fmt: skip
    try:
        with writing(engine, wait=WRITE_WAIT) as conn:
            # The request first: of two deciders at once, the second waits on its row and
            # then finds it decided (not the quota changed by the first one's approval).
            changed = conn.execute(
                update(REQUESTS)
                .where(
                    REQUESTS.c.id == request_id,
                    REQUESTS.c.version == request.version,
                    REQUESTS.c.status == OPEN,
                )
                .values(
                    status=DECIDED[decision],
                    decided_by=caller.slack_user_id,
                    decided_at=now,
                    decision_note=note,
                    requester_told=False,
                    version=request.version + 1,
                )
            ).rowcount
            if changed != 1:
                raise _Lost
            # The decision first, then what it changed: the trail reads in that order.
            audit(conn, now=now, actor=caller.slack_user_id,
                  action=f"quota_request.{DECIDED[decision]}", entity=request.entity,
                  details={"request": request.id, "reason": note,
                           "quota": request.quota})  # fmt: skip
            if decision == "approve" and request.kind == "allocation":
                _apply_allocation(conn, request, caller=caller, now=now, today=today)
            elif decision == "approve":
                _apply(conn, request, caller=caller, now=now, today=today)
    except _Lost:
        raise _decided(get_request(engine, request_id)) from None
    except IntegrityError:
        # Another request for the same quota was approved at this very moment: this one
        # now changes a version that is no longer current.
        raise _stale(engine, request) from None
    return get_request(engine, request_id)


class _Lost(Exception):
    """The conditional update found the request already changed."""


def _apply(
    conn: Connection, request: QuotaChange, *, caller: Caller, now: dt.datetime, today: dt.date
) -> None:
    """The quota's next version, if the request still changes the current one."""
    _still_current(conn, request, today)
    conn.execute(
        insert(QUOTAS).values(
            period=request.period,
            rep=request.rep,
            territory=request.territory,
            family=request.family,
            version=request.base_version + 1,
            target_units=request.target_units,
            target_revenue=request.target_revenue,
            source=f"request:{request.id}",
            created_at=now,
        )
    )
    audit(conn, now=now, actor=caller.slack_user_id, action="quota.changed",
          entity=request.quota,
          details={"request": request.id, "version": request.base_version + 1,
                   "before": {"units": request.units_before, "revenue": request.revenue_before},
                   "after": {"units": request.target_units, "revenue": request.target_revenue},
                   "reason": request.reason, "requested_by": request.requested_by})  # fmt: skip


def _apply_allocation(
    conn: Connection, request: QuotaChange, *, caller: Caller, now: dt.datetime, today: dt.date
) -> None:
    """Every territory's quota of the change set, as one transaction: all or none. A
    territory whose quota changed since the proposal makes the whole set stale."""
    _still_current(conn, request, today)
    for line in request.lines:
        territory = str(line["territory"])
        current = current_quota(conn, request.period, None, territory, request.family)
        version, units_before, revenue_before = current or (0, None, None)
        # The target the line sets, and the other one moved with it (or kept) by in_step.
        units, revenue = in_step(
            float(line["units"]) if "units" in line else None,
            float(line["revenue"]) if "revenue" in line else None,
            units_before,
            revenue_before,
        )
        conn.execute(
            insert(QUOTAS).values(
                period=request.period, rep=None, territory=territory, family=request.family,
                version=version + 1, target_units=units, target_revenue=revenue,
                source=f"request:{request.id}", created_at=now,
            )
        )  # fmt: skip
        audit(conn, now=now, actor=caller.slack_user_id, action="quota.changed",
              entity=quota_entity(request.period, None, territory, request.family),
              details={"request": request.id, "version": version + 1,
                       "before": {"units": units_before, "revenue": revenue_before},
                       "after": {"units": units, "revenue": revenue},
                       "reason": request.reason, "requested_by": request.requested_by,
                       "allocation": True})  # fmt: skip


def _still_current(conn: Connection, request: QuotaChange, today: dt.date) -> None:
    """Refuse to apply a request to a closed period, or to a quota (any quota of an
    allocation) that changed since the request was made."""
    _, end = period_bounds(request.period)
    if end < today:
        raise PonteError(
            f"{request.period} is over: its quotas are closed",
            code="period_closed",
            period=request.period,
        )
    if request.kind == "allocation":
        for line in request.lines:
            found = current_quota(conn, request.period, None, str(line["territory"]),
                                  request.family)  # fmt: skip
            if (found[0] if found else 0) != int(line["version"]):
                raise _stale(conn.engine, request)
        return
    current = current_quota(conn, request.period, request.rep, request.territory, request.family)
    if current is None or current[0] != request.base_version:
        raise _stale(conn.engine, request)


@dataclass(frozen=True)
class QuotaDecision:
    """A decision shown for the person's yes (`applied` False) or made (True)."""

    request: QuotaChange
    decision: Decision
    note: str | None
    applied: bool


def decide_request(
    engine: Engine,
    request_id: int,
    decision: Decision,
    *,
    caller: Caller,
    now: dt.datetime,
    today: dt.date,
    note: str | None = None,
    apply: bool = False,
) -> QuotaDecision:
    """`decide`, or with `apply` False the same checks and nothing written (for a yes)."""
    if apply:
        done = decide(engine, request_id, decision, caller=caller, now=now, today=today,
                      note=note)  # fmt: skip
        return QuotaDecision(done, decision, note, applied=True)
    request, note = _checked(engine, request_id, decision, caller=caller, note=note)
    if decision == "approve":
        with engine.connect() as conn:
            _still_current(conn, request, today)
    return QuotaDecision(request, decision, note, applied=False)


def _checked(
    engine: Engine,
    request_id: int,
    decision: Decision,
    *,
    caller: Caller,
    note: str | None,
    version: int | None = None,
) -> tuple[QuotaChange, str | None]:
    """The request, if `caller` may make this decision on it now; the note, trimmed."""
    if decision not in DECISIONS:
        raise PonteError(f"unknown decision {decision!r}: use {', '.join(DECISIONS)}")
    note = (note or "").strip() or None
    if decision != "approve" and note is None:
        raise PonteError("say why", code="quota_decision_reason", decision=decision)
    if note is not None and len(note) > MAX_REASON:
        raise PonteError(
            f"the reason is too long (at most {MAX_REASON} characters)",
            code="quota_reason_too_long",
            chars=MAX_REASON,
        )
    request = get_request(engine, request_id)
    _may_decide(caller, request)
    if request.status != OPEN or (version is not None and version != request.version):
        raise _decided(request)
    return request, note


def expire_requests(engine: Engine, *, now: dt.datetime, after: dt.timedelta) -> list[QuotaChange]:
    """Requests waiting longer than `after` expire (audited; their requesters to be told)."""
    expired = []
    for request in _waiting_since(engine, now - after):
        with writing(engine, wait=WRITE_WAIT) as conn:
            changed = conn.execute(
                update(REQUESTS)
                .where(
                    REQUESTS.c.id == request.id,
                    REQUESTS.c.version == request.version,
                    REQUESTS.c.status == OPEN,
                )
                .values(
                    status="expired",
                    decided_at=now,
                    requester_told=False,
                    version=request.version + 1,
                )
            ).rowcount
            if changed == 1:
                audit(conn, now=now, actor=PONTE, action="quota_request.expired",
                      entity=request.entity,
                      details={"request": request.id, "waited_days": after.days})  # fmt: skip
        if changed == 1:
            expired.append(get_request(engine, int(request.id or 0)))
    return expired


def requests_to_remind(
    engine: Engine, *, now: dt.datetime, after: dt.timedelta
) -> list[QuotaChange]:
    """Requests waiting longer than `after` whose approver was not reminded within `after`."""
    out = []
    for request in _waiting_since(engine, now - after):
        with engine.connect() as conn:
            reminded = conn.execute(
                select(REQUESTS.c.reminded_at).where(REQUESTS.c.id == request.id)
            ).scalar()
        reminded_at = as_utc(reminded)
        if reminded_at is None or reminded_at <= now - after:
            out.append(request)
    return out


def mark_reminded(engine: Engine, request_id: int, *, now: dt.datetime) -> None:
    with writing(engine, wait=WRITE_WAIT) as conn:
        conn.execute(update(REQUESTS).where(REQUESTS.c.id == request_id).values(reminded_at=now))


def mark_told(
    engine: Engine,
    request_id: int,
    *,
    approver: bool = False,
    requester: bool = False,
    channel: str | None = None,
    message_ts: str | None = None,
) -> None:
    """Delivery bookkeeping (not a change of the request: its version stays, so buttons
    posted before this stay valid)."""
    values: dict[str, Any] = {}
    if approver:
        values.update(approver_told=True, channel=channel, message_ts=message_ts)
    if requester:
        values["requester_told"] = True
    if values:
        with writing(engine, wait=WRITE_WAIT) as conn:
            conn.execute(update(REQUESTS).where(REQUESTS.c.id == request_id).values(**values))


def to_deliver(engine: Engine) -> list[QuotaChange]:
    """Requests whose approver or requester has not been told yet."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(REQUESTS)
            .where(
                ((REQUESTS.c.status == OPEN) & ~REQUESTS.c.approver_told)
                | ~REQUESTS.c.requester_told
            )
            .order_by(REQUESTS.c.id)
        ).all()
        names = names_of(conn)
    return [stored_request(r, names) for r in rows]


def _may_decide(caller: Caller, request: QuotaChange) -> None:
    if caller.slack_user_id in (request.requested_by, request.rep):
        raise PermissionDenied(
            "nobody approves their own request",
            code="quota_self_approval",
        )
    if caller.role != Role.admin and caller.slack_user_id != request.approver:
        raise PermissionDenied(
            f"{caller.name} may not decide request #{request.id}: "
            f"{request.approver_name} (or an admin) does",
            code="quota_not_approver",
            approver=request.approver_name,
            request=request.id,
        )


def _decided(request: QuotaChange) -> QuotaRequestConflict:
    if request.status == "expired":
        return QuotaRequestConflict(
            f"request #{request.id} expired without a decision",
            code="quota_request_expired",
            request=request.id,
        )
    who = request.decided_by_name or request.decided_by or ""
    return QuotaRequestConflict(
        f"request #{request.id} was already {request.status} by {who}",
        code="quota_request_decided",
        request=request.id,
        status=request.status,
        actor=who,
    )


def _stale(engine: Engine, request: QuotaChange) -> PonteError:
    with engine.connect() as conn:
        current = current_quota(
            conn, request.period, request.rep, request.territory, request.family
        )
    version, units, revenue = current or (0, None, None)
    return PonteError(
        f"the quota changed since request #{request.id} was made (now version {version}): "
        "it cannot be approved as it is; reject it, or ask for a new request",
        code="quota_request_stale",
        request=request.id,
        version=version,
        units=units,
        revenue=revenue,
    )


def _waiting_since(engine: Engine, before: dt.datetime) -> list[QuotaChange]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(REQUESTS)
            .where(REQUESTS.c.status == OPEN, REQUESTS.c.created_at <= before)
            .order_by(REQUESTS.c.id)
        ).all()
        names = names_of(conn)
    return [stored_request(r, names) for r in rows]
