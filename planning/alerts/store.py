"""Alerts kept: one row per problem episode, a lifecycle, and an append-only event trail.

A scan's findings (planning.alerts.rules) are reconciled with the stored alerts by
fingerprint (rule x entity x period):

- a new problem opens an alert, to be notified;
- a known one is updated (money, numbers, last seen); it is notified again only when it
  worsens: a worse kind (risk -> shortfall, below safety stock -> stockout) or a higher
  severity than when it was last notified; a worsened alert that was acknowledged or
  snoozed opens again;
- a snooze that has run out opens the alert again, to be notified;
- an alert whose rule ran and no longer finds it is resolved ("cleared"); a rule that could
  not run (no forecast, say) resolves nothing.

At most one alert per fingerprint is not resolved (a partial unique index): two scans at
once, or a scan killed half-way and run again, cannot make duplicates. People act on alerts
(acknowledge, snooze, assign) through `act`, authorized here on the verified user and
applied with a conditional update on the row's version, so a double click or two people at
once have exactly one effect and the second is told who was first. Every change leaves an
`alert_event` row; no code path updates or deletes those.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from planning.access import Audience, Caller
from planning.alerts.rules import KIND_RANK, SEVERITIES, Finding, Scan
from planning.db import writing
from planning.errors import PermissionDenied, PonteError
from planning.models import Alert, AlertEvent

ALERTS = Alert.__table__  # type: ignore[attr-defined]
EVENTS = AlertEvent.__table__  # type: ignore[attr-defined]
SCANNER = "ponte"  # the actor of what scans do
WRITE_WAIT = 30.0  # seconds a scan or an action waits for another writer
MAX_SNOOZE_DAYS = 90
ACTIONS = ("acknowledge", "snooze", "assign")
NOT_RESOLVED = ("open", "acknowledged", "snoozed")
# An event's action as said after the fact ("already acknowledged by ...").
DONE = {"acknowledge": "acknowledged", "snooze": "snoozed", "assign": "assigned"}


class AlertConflict(PonteError):
    """The alert was changed by someone else first (a double click, two people at once)."""


@dataclass(frozen=True)
class StoredAlert:
    id: int
    fingerprint: str
    rule: str
    kind: str
    entity: str
    period: str
    family: str | None
    sku: str | None
    location: str | None
    plant: str | None
    severity: str
    money: float
    numbers: dict[str, Any]
    status: str  # open | acknowledged | snoozed | resolved
    first_seen: dt.datetime
    last_seen: dt.datetime
    resolved_at: dt.datetime | None
    snoozed_until: dt.date | None
    assigned_to: str | None
    acknowledged_by: str | None
    notify: bool  # waiting to be (re-)notified
    channel: str | None
    message_ts: str | None
    version: int

    def finding(self) -> Finding:
        """The problem as the rules found it when last scanned."""
        return Finding(
            rule=self.rule,
            kind=self.kind,
            entity=self.entity,
            period=self.period,
            money=self.money,
            severity=self.severity,
            numbers=self.numbers,
            family=self.family,
            sku=self.sku,
            location=self.location,
            plant=self.plant,
        )


@dataclass(frozen=True)
class ScanResult:
    """What a scan changed: ids of alerts opened, worsened, reopened (snooze over), resolved."""

    opened: tuple[int, ...]
    worsened: tuple[int, ...]
    reopened: tuple[int, ...]
    resolved: tuple[int, ...]
    unchanged: int
    # Per finding's fingerprint: new, worse, back (snooze over) or known; the alerts resolved.
    changes: dict[str, str] = field(default_factory=dict)
    cleared: tuple[StoredAlert, ...] = ()

    @property
    def to_notify(self) -> tuple[int, ...]:
        return self.opened + self.worsened + self.reopened


def _worse(finding: Finding, kind: str | None, level: str | None) -> bool:
    """Worse than when it was last notified: a worse kind, or a higher severity."""
    if kind is None or level is None:
        return True
    if KIND_RANK.get(finding.kind, 0) != KIND_RANK.get(kind, 0):
        return KIND_RANK.get(finding.kind, 0) > KIND_RANK.get(kind, 0)
    return SEVERITIES.index(finding.severity) < SEVERITIES.index(level)


def record_scan(engine: Engine, scan: Scan, *, now: dt.datetime) -> ScanResult:
    """Reconcile `scan`'s findings with the stored alerts (one transaction; run again on a
    conflict with a scan that ran at the same time)."""
    try:
        return _record(engine, scan, now)
    except IntegrityError:
        return _record(engine, scan, now)  # the other scan's alerts are known now


def _changes(current: dict[str, Any], scan: Scan) -> tuple[dict[str, str], list[Any]]:
    """What a scan does to the unresolved alerts `current` (fingerprint -> row): per
    finding "new", "worse" (notified again), "back" (snooze over) or "known"; and the rows
    it resolves (their rule ran and no longer finds them)."""
    remaining = dict(current)
    out: dict[str, str] = {}
    for finding in scan.findings:
        row = remaining.pop(finding.fingerprint, None)
        if row is None:
            out[finding.fingerprint] = "new"
        elif row.notify:
            out[finding.fingerprint] = "known"  # not notified yet: it will be, as it is now
        elif _worse(finding, row.notified_kind, row.notified_severity):
            out[finding.fingerprint] = "worse"
        elif row.status == "snoozed" and row.snoozed_until and row.snoozed_until <= scan.today:
            out[finding.fingerprint] = "back"
        else:
            out[finding.fingerprint] = "known"
    return out, [row for row in remaining.values() if row.rule in scan.evaluated]


def _unresolved(conn: Connection) -> dict[str, Any]:
    query = select(ALERTS).where(ALERTS.c.status.in_(NOT_RESOLVED))
    return {row.fingerprint: row for row in conn.execute(query)}


def _record(engine: Engine, scan: Scan, now: dt.datetime) -> ScanResult:
    opened: list[int] = []
    worsened: list[int] = []
    reopened: list[int] = []
    resolved: list[int] = []
    with writing(engine, wait=WRITE_WAIT) as conn:
        current = _unresolved(conn)
        changes, cleared = _changes(current, scan)
        for finding in scan.findings:
            change = changes[finding.fingerprint]
            if change == "new":
                opened.append(_open(conn, finding, now))
                continue
            row = current[finding.fingerprint]
            values: dict[str, Any] = {
                "kind": finding.kind,
                "severity": finding.severity,
                "money": finding.money,
                "numbers": json.dumps(finding.numbers, default=str),
                "last_seen": now,
            }
            if change in ("worse", "back"):
                values.update(status="open", notify=True, snoozed_until=None)
            _update(conn, row.id, row.version, values)
            if change != "known":
                (worsened if change == "worse" else reopened).append(row.id)
                add_event(conn, row.id, now, SCANNER,
                          "worsened" if change == "worse" else "snooze_over",
                          {"kind": finding.kind, "severity": finding.severity,
                           "money": finding.money})  # fmt: skip
        for row in cleared:
            # A posted alert says in its thread that it cleared (planning.alerts.delivery).
            _update(conn, row.id, row.version, {"status": "resolved", "resolved_at": now,
                                                "notify": row.message_ts is not None})  # fmt: skip
            add_event(conn, row.id, now, SCANNER, "resolved", {"reason": "cleared"})
            resolved.append(row.id)
    unchanged = sum(1 for c in changes.values() if c == "known")
    return ScanResult(tuple(opened), tuple(worsened), tuple(reopened), tuple(resolved), unchanged,
                      changes=changes, cleared=tuple(stored_alert(r) for r in cleared))  # fmt: skip


def preview_scan(engine: Engine, scan: Scan) -> tuple[dict[str, str], list[StoredAlert]]:
    """What `record_scan` would do, without doing it (its `changes` and `cleared`)."""
    with engine.connect() as conn:
        changes, cleared = _changes(_unresolved(conn), scan)
    return changes, [stored_alert(row) for row in cleared]


def _open(conn: Connection, finding: Finding, now: dt.datetime) -> int:
    inserted = conn.execute(
        insert(ALERTS).values(
            fingerprint=finding.fingerprint,
            rule=finding.rule,
            kind=finding.kind,
            entity=finding.entity,
            period=finding.period,
            family=finding.family,
            sku=finding.sku,
            location=finding.location,
            plant=finding.plant,
            severity=finding.severity,
            money=finding.money,
            numbers=json.dumps(finding.numbers, default=str),
            status="open",
            first_seen=now,
            last_seen=now,
            notify=True,
            version=1,
        )
    )
    key = inserted.inserted_primary_key
    assert key is not None
    alert_id = int(key[0])
    add_event(conn, alert_id, now, SCANNER, "opened", {"kind": finding.kind,
           "severity": finding.severity, "money": finding.money})  # fmt: skip
    return alert_id


def _update(conn: Connection, alert_id: int, version: int, values: dict[str, Any]) -> bool:
    """Apply `values` if the row is still at `version`; False when someone changed it first."""
    done = conn.execute(
        update(ALERTS)
        .where(ALERTS.c.id == alert_id, ALERTS.c.version == version)
        .values(**values, version=version + 1)
    )
    return bool(done.rowcount)


def add_event(
    conn: Connection,
    alert_id: int,
    at: dt.datetime,
    actor: str,
    action: str,
    details: dict[str, Any],
) -> None:
    """One append-only event of an alert's life (inside the caller's transaction): the only
    writer of alert_event, which nothing updates or deletes."""
    conn.execute(
        insert(EVENTS).values(
            alert_id=alert_id,
            at=at,
            actor=actor,
            action=action,
            details=json.dumps(details, default=str),
        )
    )


def mark_notified(
    engine: Engine, alert_id: int, *, channel: str, message_ts: str | None, now: dt.datetime
) -> None:
    """The alert was posted (or put in a digest: `message_ts` None): no longer waiting."""
    with writing(engine, wait=WRITE_WAIT) as conn:
        row = conn.execute(select(ALERTS).where(ALERTS.c.id == alert_id)).one()
        values = {"notify": False, "notified_kind": row.kind, "notified_severity": row.severity,
                  "channel": channel}  # fmt: skip
        if message_ts is not None:
            values["message_ts"] = message_ts
        conn.execute(update(ALERTS).where(ALERTS.c.id == alert_id).values(**values))
        add_event(conn, alert_id, now, SCANNER, "notified" if message_ts else "digested",
               {"channel": channel, "ts": message_ts})  # fmt: skip


def act(
    engine: Engine,
    alert_id: int,
    action: str,
    *,
    caller: Caller,
    now: dt.datetime,
    today: dt.date,
    until: dt.date | None = None,
    assignee: str | None = None,
    version: int | None = None,
) -> StoredAlert:
    """`caller` acknowledges, snoozes (until a day) or assigns (to a person) an alert.

    Planners only (managers, operations, admins): a rep is refused. `version`, when given, is
    the version the person saw (a button carries it): a change since then, or the same
    action already done, is an AlertConflict naming who acted first."""
    if action not in ACTIONS:
        raise PonteError(f"unknown alert action {action!r}: use {', '.join(ACTIONS)}")
    # Not authorize(): its refusal is "may not use alerts", and reps may read them. The code
    # stays a literal here, where tests/bot/test_messages.py finds every code to check.
    if caller.role not in Audience.PLANNERS.value:
        raise PermissionDenied(
            f"{caller.name} ({caller.role}) may read alerts but not acknowledge, snooze or "
            "assign them: planners (managers, operations, admins) do",
            code="alert_act_planners",
            role=str(caller.role),
        )
    values: dict[str, Any]
    if action == "acknowledge":
        values = {"status": "acknowledged", "acknowledged_by": caller.slack_user_id,
                  "acknowledged_at": now, "snoozed_until": None}  # fmt: skip
        details: dict[str, Any] = {}
    elif action == "snooze":
        if until is None or until <= today:
            raise PonteError(
                "snooze until a day after today", code="bad_snooze", days=MAX_SNOOZE_DAYS
            )
        if until > today + dt.timedelta(days=MAX_SNOOZE_DAYS):
            raise PonteError(
                f"snooze for at most {MAX_SNOOZE_DAYS} days",
                code="bad_snooze",
                days=MAX_SNOOZE_DAYS,
            )
        values, details = {"status": "snoozed", "snoozed_until": until}, {"until": until}
    else:
        if not assignee:
            raise PonteError("assign to whom?", code="no_assignee")
        with engine.connect() as conn:
            known = conn.execute(
                text("SELECT name FROM person WHERE slack_user_id = :id"), {"id": assignee}
            ).scalar()
        if known is None:
            raise PonteError(
                f"{assignee} is not in Ponte's people list", code="unknown_person", person=assignee
            )
        values, details = {"assigned_to": assignee}, {"to": assignee}
    with writing(engine, wait=WRITE_WAIT) as conn:
        row = conn.execute(select(ALERTS).where(ALERTS.c.id == alert_id)).first()
        if row is None:
            raise PonteError(f"there is no alert {alert_id}", code="no_alert", alert=alert_id)
        _refuse_stale(conn, row, action, version, values)
        if not _update(conn, row.id, row.version, values):
            raise _conflict(conn, row.id)
        add_event(conn, row.id, now, caller.slack_user_id, action, details)
    return get_alert(engine, alert_id)


def _refuse_stale(
    conn: Connection, row: Any, action: str, version: int | None, values: dict[str, Any]
) -> None:
    if row.status == "resolved":
        raise AlertConflict(
            "this alert is already resolved: the problem cleared", code="alert_resolved"
        )
    done = {
        "acknowledge": row.status == "acknowledged",
        "snooze": row.status == "snoozed" and row.snoozed_until == values.get("snoozed_until"),
        "assign": row.assigned_to == values.get("assigned_to"),
    }[action]
    if done or (version is not None and version != row.version):
        raise _conflict(conn, row.id)


def _conflict(conn: Connection, alert_id: int) -> AlertConflict:
    last = conn.execute(
        select(EVENTS.c.actor, EVENTS.c.action, EVENTS.c.at)
        .where(EVENTS.c.alert_id == alert_id)
        .order_by(EVENTS.c.id.desc())
        .limit(1)
    ).first()
    actor, action, at = (last.actor, last.action, last.at) if last else ("", "", None)
    name = conn.execute(
        text("SELECT name FROM person WHERE slack_user_id = :id"), {"id": actor}
    ).scalar()
    return AlertConflict(
        f"already {DONE.get(action, action)} by {name or actor}",
        code="alert_conflict",
        actor=name or actor,
        action=DONE.get(action, action),
        at=at,
    )


def stored_alert(row: Any) -> StoredAlert:
    """An alert row as read (dates from either database's types)."""

    def day(value: Any) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        return dt.date.fromisoformat(str(value)[:10])

    def moment(value: Any) -> dt.datetime | None:
        if value is None or isinstance(value, dt.datetime):
            return value
        return dt.datetime.fromisoformat(str(value))

    return StoredAlert(
        id=int(row.id),
        fingerprint=row.fingerprint,
        rule=row.rule,
        kind=row.kind,
        entity=row.entity,
        period=row.period,
        family=row.family,
        sku=row.sku,
        location=row.location,
        plant=row.plant,
        severity=row.severity,
        money=float(row.money),
        numbers=json.loads(row.numbers),
        status=row.status,
        first_seen=moment(row.first_seen),  # type: ignore[arg-type]
        last_seen=moment(row.last_seen),  # type: ignore[arg-type]
        resolved_at=moment(row.resolved_at),
        snoozed_until=day(row.snoozed_until),
        assigned_to=row.assigned_to,
        acknowledged_by=row.acknowledged_by,
        notify=bool(row.notify),
        channel=row.channel,
        message_ts=row.message_ts,
        version=int(row.version),
    )


def get_alert(engine: Engine, alert_id: int) -> StoredAlert:
    with engine.connect() as conn:
        row = conn.execute(select(ALERTS).where(ALERTS.c.id == alert_id)).first()
    if row is None:
        raise PonteError(f"there is no alert {alert_id}", code="no_alert", alert=alert_id)
    return stored_alert(row)


def stored_alerts(
    engine: Engine, *, ids: Iterable[int] | None = None, resolved: bool = False
) -> list[StoredAlert]:
    """Alerts not resolved (and resolved ones too with `resolved`), or those of `ids`, most
    money at stake first within severity."""
    query = select(ALERTS)
    if ids is not None:
        query = query.where(ALERTS.c.id.in_(list(ids)))
    elif not resolved:
        query = query.where(ALERTS.c.status.in_(NOT_RESOLVED))
    with engine.connect() as conn:
        rows = [stored_alert(r) for r in conn.execute(query)]
    order = {s: k for k, s in enumerate(SEVERITIES)}
    return sorted(rows, key=lambda a: (order.get(a.severity, 9), -a.money, a.id))


def alert_events(
    engine: Engine, alert_id: int
) -> list[tuple[dt.datetime, str, str, dict[str, Any]]]:
    """An alert's trail, oldest first: when, who, what, details."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(EVENTS.c.at, EVENTS.c.actor, EVENTS.c.action, EVENTS.c.details)
            .where(EVENTS.c.alert_id == alert_id)
            .order_by(EVENTS.c.id)
        ).all()
    return [(r.at, r.actor, r.action, json.loads(r.details)) for r in rows]
