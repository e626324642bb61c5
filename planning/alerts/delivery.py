"""Where alerts go and when: routing rules, the daily cap per channel, the digest's share.

Pure decisions over stored alerts (planning.alerts.store); bot.alerts posts them to Slack.

- An alert goes to the channel of the first route that matches it (a route names a family,
  a place, or both: a plant, or the location of a stock alert), else the default channel.
- High and medium alerts are posted one message each, at most `cap_per_day` per channel
  and day (Rome or UTC: the day of the scan's clock); beyond the cap, and low ones always,
  they wait for the channel's daily digest, one message listing them.
- A worsened alert is posted again (its first message is updated, and the news goes in its
  thread); a resolved one that had a message says so in the thread.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select, update

from planning.alerts.rules import SEVERITIES
from planning.alerts.store import ALERTS, EVENTS, SCANNER, StoredAlert, add_event, stored_alert
from planning.db import as_utc, writing
from planning.errors import PonteError

WRITE_WAIT = 30.0


@dataclass(frozen=True)
class AlertRoute:
    channel: str
    family: str | None = None
    place: str | None = None  # a plant or a location code

    def matches(self, alert: StoredAlert) -> bool:
        if self.family is not None and (alert.family or "").lower() != self.family.lower():
            return False
        places = {p.lower() for p in (alert.plant, alert.location) if p}
        return self.place is None or self.place.lower() in places


@dataclass(frozen=True)
class Delivery:
    """How alerts reach Slack (the alerts file's [delivery] table)."""

    default_channel: str | None = None
    routes: tuple[AlertRoute, ...] = ()
    cap_per_day: int = 20
    language: str = "en"
    # An alert posted this many hours ago and still neither acknowledged nor snoozed is
    # escalated to `escalate_to` (a channel or a person's Slack id), once; 0 = never.
    escalate_after_hours: float = 0.0
    escalate_to: str | None = None
    # Severities posted one by one; the others wait for the digest.
    posted: frozenset[str] = field(default_factory=lambda: frozenset({"high", "medium"}))

    def channel_for(self, alert: StoredAlert) -> str | None:
        for route in self.routes:
            if route.matches(alert):
                return route.channel
        return self.default_channel

    @staticmethod
    def from_mapping(data: dict[str, Any]) -> Delivery:
        """From the alerts file's [delivery] table; a PonteError naming what is wrong."""
        known = {"default_channel", "routes", "cap_per_day", "language", "digest",
                 "escalate_after_hours", "escalate_to"}  # fmt: skip
        unknown = set(data) - known
        if unknown:
            raise PonteError(f"unknown delivery setting {sorted(unknown)[0]!r}: use " +
                             ", ".join(sorted(known)))  # fmt: skip
        routes = []
        for k, route in enumerate(data.get("routes") or []):
            if not isinstance(route, dict) or not isinstance(route.get("channel"), str):
                raise PonteError(f"delivery route {k + 1} needs a channel")
            extra = set(route) - {"channel", "family", "place"}
            if extra:
                raise PonteError(f"delivery route {k + 1}: unknown key {sorted(extra)[0]!r}")
            routes.append(AlertRoute(route["channel"], route.get("family"), route.get("place")))
        cap = data.get("cap_per_day", 20)
        if isinstance(cap, bool) or not isinstance(cap, int) or cap < 0:
            raise PonteError("cap_per_day must be a whole number, 0 or more")
        language = data.get("language", "en")
        if language not in ("en", "it"):
            raise PonteError("delivery language must be en or it")
        digest = data.get("digest", "low")
        if digest not in SEVERITIES:
            raise PonteError(f"digest must be one of {', '.join(SEVERITIES)}")
        posted = frozenset(SEVERITIES[: SEVERITIES.index(digest)])
        hours = data.get("escalate_after_hours", 0)
        if isinstance(hours, bool) or not isinstance(hours, int | float) or hours < 0:
            raise PonteError("escalate_after_hours must be a number of hours, 0 or more")
        target = data.get("escalate_to")
        if hours and not isinstance(target, str):
            raise PonteError("escalate_after_hours needs escalate_to (a channel or a user id)")
        return Delivery(
            default_channel=data.get("default_channel"),
            routes=tuple(routes),
            cap_per_day=cap,
            language=language,
            escalate_after_hours=float(hours),
            escalate_to=target,
            posted=posted,
        )


def pending(engine: Engine) -> list[StoredAlert]:
    """Alerts with something to say: open ones not yet (re-)notified, resolved ones whose
    message should say they cleared."""
    with engine.connect() as conn:
        rows = conn.execute(select(ALERTS).where(ALERTS.c.notify.is_(True))).all()
    order = {s: k for k, s in enumerate(SEVERITIES)}
    alerts = [stored_alert(r) for r in rows]
    return sorted(alerts, key=lambda a: (order.get(a.severity, 9), -a.money, a.id))


def posted_since(engine: Engine, channel: str, since: dt.datetime) -> int:
    """Alert messages posted to `channel` since `since` (the cap counts them)."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(EVENTS.c.details).where(EVENTS.c.action == "notified", EVENTS.c.at >= since)
        ).all()
    return sum(1 for (details,) in rows if json.loads(details).get("channel") == channel)


def mark_said(engine: Engine, alert_id: int, *, now: dt.datetime, what: str) -> None:
    """A resolved alert's thread was told (or there was nothing to tell): done with it."""
    with writing(engine, wait=WRITE_WAIT) as conn:
        conn.execute(update(ALERTS).where(ALERTS.c.id == alert_id).values(notify=False))
        add_event(conn, alert_id, now, SCANNER, what, {})


def to_escalate(engine: Engine, *, now: dt.datetime, hours: float) -> list[StoredAlert]:
    """Open alerts posted more than `hours` ago that nobody acknowledged or snoozed since,
    and not escalated yet (each alert is escalated once per posting)."""
    if hours <= 0:
        return []
    with engine.connect() as conn:
        rows = conn.execute(
            select(ALERTS).where(ALERTS.c.status == "open", ALERTS.c.message_ts.is_not(None))
        ).all()
        ids = [row.id for row in rows]
        # Every event of those alerts in one query (newest first), not one query per alert.
        events: dict[int, list[tuple[str, dt.datetime]]] = {}
        for alert_id, action, at in conn.execute(
            select(EVENTS.c.alert_id, EVENTS.c.action, EVENTS.c.at)
            .where(EVENTS.c.alert_id.in_(ids))
            .order_by(EVENTS.c.id.desc())
        ):
            stamp = as_utc(at)  # an event's time is never missing (NOT NULL)
            if stamp is not None:
                events.setdefault(alert_id, []).append((action, stamp))
    out = []
    for row in rows:
        mine = events.get(row.id, [])
        posted = next((at for action, at in mine if action == "notified"), None)
        if posted is None:
            continue
        since = [action for action, at in mine if at >= posted]
        if "escalated" in since or now - posted < dt.timedelta(hours=hours):
            continue
        out.append(stored_alert(row))
    return out


def mark_escalated(engine: Engine, alert_id: int, *, to: str, now: dt.datetime) -> None:
    with writing(engine, wait=WRITE_WAIT) as conn:
        add_event(conn, alert_id, now, SCANNER, "escalated", {"to": to})
