"""The audit trail: one append-only log of every write Ponte makes (imports, quota changes,
quota requests and their decisions), read back by entity.

Rows are only ever inserted: migration 0013 puts a trigger on `audit_log` (and on the alert
trail, `alert_event`) that refuses any UPDATE or DELETE, on SQLite and PostgreSQL alike, so
the promise holds for code not yet written and for a person with a SQL prompt.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, or_, select, text

from planning.access import Caller, check_quota_access, quota_scope
from planning.db import as_utc
from planning.errors import PonteError
from planning.memo import data_changed
from planning.models import AuditEntry

AUDIT = AuditEntry.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class AuditEvent:
    id: int
    at: dt.datetime
    actor: str  # a Slack user id, or the name given to an import (--actor)
    action: str
    entity: str | None
    details: dict[str, Any]


def audit(
    conn: Connection,
    *,
    now: dt.datetime,
    actor: str,
    action: str,
    details: dict[str, Any],
    entity: str | None = None,
) -> None:
    """Append one entry, inside the caller's transaction: the change and its trace are
    written together or not at all."""
    data_changed(conn)
    conn.execute(
        insert(AUDIT).values(
            at=now,
            actor=actor,
            action=action,
            entity=entity,
            details=json.dumps(details, default=str, ensure_ascii=False),
        )
    )


def quota_entity(period: str, rep: str | None, territory: str | None, family: str | None) -> str:
    """The audit name of one quota (all its versions): quota:PERIOD:OWNER[:FAMILY]."""
    return ":".join(["quota", period, rep or territory or "", *([family] if family else [])])


@dataclass(frozen=True)
class AuditTrail:
    """The entries asked for (oldest first), with the names of the people in them."""

    entity: str | None
    events: tuple[AuditEvent, ...]
    names: dict[str, str]
    period: str | None = None  # only the quotas of this period (YYYY-Qn)
    made: tuple[dt.date, dt.date] | None = None  # only the entries made between these days
    family: str | None = None  # only the quotas of this family
    request: int | None = None  # only this request's entries


def audit_view(
    engine: Engine, *, entity: str | None = None, also: Sequence[str] = (), limit: int = 200
) -> AuditTrail:
    """`audit_trail` with the people's names, for a card."""
    events = audit_trail(engine, entity=entity, also=also, limit=limit)
    with engine.connect() as conn:
        names = {str(k): str(v) for k, v in conn.execute(
            text("SELECT slack_user_id, name FROM person")
        )}  # fmt: skip
    actors = {e.actor for e in events}
    return AuditTrail(entity, tuple(events), {k: v for k, v in names.items() if k in actors})


def audit_trail(
    engine: Engine, *, entity: str | None = None, also: Sequence[str] = (), limit: int = 200
) -> list[AuditEvent]:
    """The newest `limit` entries, oldest first; with `entity`, those about it: an exact
    name ("quota_request:12") or a prefix ending in ':' or a kind ("quota" is every quota;
    "quota:2027-Q1:" every quota of a period); `also` adds other entities, read the same
    way (a quota's trail and its request's, together)."""
    query = select(AUDIT).order_by(AUDIT.c.id.desc()).limit(limit)
    wanted = [e.rstrip(":") for e in (entity, *also) if e]
    if wanted:
        query = query.where(
            or_(*(
                (AUDIT.c.entity == whole) | AUDIT.c.entity.startswith(whole + ":", autoescape=True)
                for whole in wanted
            ))
        )  # fmt: skip
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [
        AuditEvent(
            id=int(r.id),
            at=as_utc(r.at) or dt.datetime.min.replace(tzinfo=dt.UTC),
            actor=r.actor,
            action=r.action,
            entity=r.entity,
            details=json.loads(r.details),
        )
        for r in reversed(rows)
    ]


def quota_history(
    engine: Engine,
    caller: Caller,
    *,
    person: str | None = None,
    territory: str | None = None,
    period: str | None = None,
    made: tuple[dt.date, dt.date] | None = None,
    family: str | None = None,
    request: int | None = None,
    limit: int = 50,
) -> AuditTrail:
    """The quota changes and requests `caller` may see, newest `limit`, oldest first: an
    admin's or operations' every one, a manager's their team's, a rep's their own; only a
    person's or a territory's when named (PermissionDenied outside the caller's scope); only
    those about the quotas of `period` (YYYY-Qn) or of `family`, only those of one `request`
    (its submission, decision and the quota change it made), and only those `made` between
    two days (UTC), when given."""
    scope = quota_scope(engine, caller)
    check_quota_access(scope, caller, rep=person, territory=territory)
    if request is not None:
        with engine.connect() as conn:
            found = conn.execute(
                text("SELECT id FROM quota_request WHERE id = :id"), {"id": request}
            ).first()
        if found is None:  # "chi ha approvato la richiesta 9?": there is none
            raise PonteError(
                f"there is no quota request #{request}", code="no_quota_request", request=request
            )
    events = audit_trail(engine, entity="quota", also=["quota_request"], limit=2000)
    owners = {person} if person else {territory} if territory else None

    def owner_of(event: AuditEvent) -> str | None:
        about = str(event.details.get("quota") or event.entity or "")
        parts = about.split(":")
        return parts[2] if len(parts) > 2 and parts[0] == "quota" else None

    def about(event: AuditEvent) -> str:
        said = event.details
        if not said.get("quota") and said.get("allocation") and said.get("period"):
            # a split submitted: about the family's quotas of the period, every territory's
            return f"quota:{said['period']}::{said.get('family') or ''}"
        return str(said.get("quota") or event.entity or "")

    def asked(event: AuditEvent) -> bool:
        if period is not None and about(event).split(":")[1:2] != [period]:
            return False
        if family is not None and about(event).split(":")[3:4] != [family]:
            return False
        if request is not None and not (
            event.entity == f"quota_request:{request}" or event.details.get("request") == request
        ):
            return False
        return made is None or made[0] <= event.at.date() <= made[1]

    def theirs(event: AuditEvent) -> bool:
        owner = owner_of(event)
        if owners is not None:
            return owner in owners
        if scope.reps is None:
            return True
        mine = set(scope.reps) | set(scope.territories or ())
        return owner in mine or event.actor in scope.reps

    # A request the caller may follow is followed whole: its decision and the quota changes
    # it made, whoever made them ("how did my split go?": rejected by the admin).
    followed = {e.details.get("request") for e in events if theirs(e)} - {None}
    shown = [e for e in events if asked(e) and (theirs(e) or e.details.get("request") in followed)][
        -limit:
    ]
    with engine.connect() as conn:
        names = {str(k): str(v) for k, v in conn.execute(
            text("SELECT slack_user_id, name FROM person")
        )}  # fmt: skip
        territories = {str(k): str(v) for k, v in conn.execute(
            text("SELECT code, name FROM territory")
        )}  # fmt: skip
    label = (
        names.get(person or "", person) if person else territories.get(territory or "", territory)
    )
    actors = {e.actor for e in shown}
    return AuditTrail(
        label,
        tuple(shown),
        {k: v for k, v in names.items() if k in actors},
        period=period,
        made=made,
        family=family,
        request=request,
    )
