"""The alerts as a person asks for them: "any alerts for PENTOLE?", "cosa va in rottura?".

The list is what the rules find now (so it never lags behind an import or a forecast run),
with each problem's stored lifecycle beside it when a scan has kept it (acknowledged by whom,
snoozed until when, assigned to whom). Who sees what is decided here, on the verified caller:
planners (managers, operations, admins) every rule; reps and marketing the stock rules
(what is about to run out, what is in excess: what they can or should sell), not plant
capacity, forecast drift or quota checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from sqlalchemy import Engine, bindparam, text

from planning.access import Caller
from planning.alerts.rules import RULES, SEVERITIES, AlertSettings, Finding, find_problems
from planning.alerts.store import StoredAlert, stored_alerts
from planning.db import as_date
from planning.errors import PonteError
from planning.feedback.beside import Beside
from planning.forecast.runs import latest_run_id, summarize
from planning.groups import ProductGroup, members
from planning.models import Role
from planning.scan import scan_stock
from planning.supply import Provenance

PLANNER_ROLES = frozenset({Role.manager, Role.ops, Role.admin})
STOCK_RULES = frozenset({"stockout", "excess"})
MAX_LINES = 15


def visible_rules(caller: Caller) -> frozenset[str]:
    """The rules whose alerts `caller` may read."""
    return frozenset(RULES) if caller.role in PLANNER_ROLES else STOCK_RULES


@dataclass(frozen=True)
class AlertLine:
    finding: Finding
    stored: StoredAlert | None  # its lifecycle, when a scan has kept it


@dataclass(frozen=True)
class AlertList:
    today: dt.date
    family: str | None
    sku: str | None
    focus: str | None  # one rule asked about
    severity: str | None  # only this severity and worse
    place: str | None  # only alerts at this plant or location
    assigned: str | None  # only alerts assigned to the asker ("me") or to no one ("nobody")
    status: str | None  # only alerts acknowledged, or snoozed
    lines: tuple[AlertLine, ...]  # most money at stake first within severity; MAX_LINES
    total: int  # lines before the cut
    by_severity: dict[str, int]
    within_weeks: int | None  # stock running out within these weeks (None: lead time)
    hidden_rules: tuple[str, ...]  # rules the caller may not read
    skipped: dict[str, str]  # rule -> why it could not run
    provenance: Provenance
    people: dict[str, str]  # slack user id -> name, of those who acted on the lines
    # What customers said this week about the product or family asked about.
    beside: Beside | None = None
    # A plant asked about, or what runs out anywhere: plants' own stock that production
    # refills, which the stock alerts leave to the capacity check, where it runs out (or
    # falls below safety stock) at the forecast's pace within the weeks looked at.
    refilled: tuple[tuple[str, str, dt.date, str], ...] = ()  # (sku, plant, day, kind)


def alerts_answer(
    engine: Engine,
    caller: Caller,
    *,
    today: dt.date,
    settings: AlertSettings,
    family: str | None = None,
    sku: str | None = None,
    focus: str | None = None,
    severity: str | None = None,
    within_weeks: int | None = None,
    place: str | None = None,
    assigned: str | None = None,
    status: str | None = None,
) -> AlertList:
    """The alerts `caller` may read, now; `within_weeks` looks for stock running out within
    that many weeks instead of within each product's lead time ("what runs out in the next
    4 weeks?", "before Christmas"); `place` keeps a plant's capacity alerts and the stock
    alerts of that location; `assigned` those assigned to the caller ("me") or to no one
    ("nobody")."""
    if status not in (None, "acknowledged", "snoozed"):
        raise PonteError(f"unknown alert status {status!r}: use acknowledged or snoozed")
    if assigned not in (None, "me", "nobody"):
        raise PonteError(f"unknown assignment filter {assigned!r}: use me or nobody")
    if focus is not None and focus not in RULES:
        raise PonteError(f"unknown kind of alert {focus!r}: use {', '.join(RULES)}")
    if severity is not None and severity not in SEVERITIES:
        raise PonteError(f"unknown severity {severity!r}: use {', '.join(SEVERITIES)}")
    allowed = visible_rules(caller)
    if focus is not None and focus not in allowed:
        from planning.errors import PermissionDenied

        raise PermissionDenied(
            f"{caller.name} ({caller.role}) may not see {focus} alerts",
            code="alerts_not_yours",
            rule=focus,
        )
    if within_weeks is not None:
        if not 1 <= within_weeks <= 104:
            raise PonteError(
                f"ask for 1 to 104 weeks ahead, not {within_weeks}", code="bad_horizon"
            )
        settings = replace(
            settings, defaults=replace(settings.defaults, stockout_weeks=within_weeks)
        )
    scan = find_problems(engine, today=today, settings=settings)
    kept = {a.fingerprint: a for a in stored_alerts(engine)}
    worst = SEVERITIES.index(severity) if severity else len(SEVERITIES)
    lines = [
        AlertLine(f, kept.get(f.fingerprint))
        for f in scan.findings
        if f.rule in allowed
        and (focus is None or f.rule == focus)
        and (family is None or (f.family or "").lower() == family.lower())
        and (sku is None or f.sku == sku)
        and (place is None or place in (f.plant, f.location))
        and SEVERITIES.index(f.severity) <= worst
    ]
    if assigned is not None:
        mine = caller.slack_user_id if assigned == "me" else None
        lines = [x for x in lines if (x.stored.assigned_to if x.stored else None) == mine]
    if status is not None:
        lines = [x for x in lines if x.stored is not None and x.stored.status == status]
    found = _listing(
        engine,
        today,
        lines,
        family=family,
        sku=sku,
        focus=focus,
        severity=severity,
        within_weeks=within_weeks,
        place=place,
        assigned=assigned,
        status=status,
        hidden=tuple(r for r in RULES if r not in allowed),
        skipped={r: why for r, why in scan.skipped.items() if r in allowed},
    )
    asked_plant = place is not None and focus in (None, "stockout")
    if not (asked_plant or (place is None and focus == "stockout")) or (
        assigned or status or severity
    ):
        return found  # not the list of what is there: nothing beside it
    weeks = within_weeks or settings.defaults.horizon_weeks
    return replace(found, refilled=_refilled(engine, today, place, weeks, family, sku))


def _refilled(
    engine: Engine,
    today: dt.date,
    place: str | None,
    weeks: int,
    family: str | None,
    sku: str | None,
) -> tuple[tuple[str, str, dt.date, str], ...]:
    """At `place` when it is a plant (at every plant: None), the plant's own stock that
    production refills (no receipt planned) that runs out or falls below safety stock
    within `weeks`, soonest first."""
    scan = scan_stock(engine, today=today, weeks=weeks)
    risky = scan.at_risk()
    if risky.empty:
        return ()
    fed = scan.production_fed[risky["row"].to_numpy(dtype=np.int64)]
    risky = risky[fed & ((risky["location"] == place) | (place is None)).to_numpy()]
    if sku is not None:
        risky = risky[risky["sku"] == sku]
    if family is not None and not risky.empty:
        with engine.connect() as conn:
            _, of_family = members(conn, ProductGroup(family=family))
        risky = risky[risky["sku"].isin(set(of_family["sku"]))]
    out = []
    for line in risky.itertuples():
        where = str(line.location)
        if line.stockout_date is not None and not pd.isna(line.stockout_date):
            out.append((str(line.sku), where, line.stockout_date, "runs_out"))
        else:
            out.append((str(line.sku), where, line.first_below_safety_stock, "below_safety"))
    return tuple(out)


def _listing(
    engine: Engine,
    today: dt.date,
    lines: list[AlertLine],
    *,
    hidden: tuple[str, ...],
    family: str | None = None,
    sku: str | None = None,
    focus: str | None = None,
    severity: str | None = None,
    within_weeks: int | None = None,
    place: str | None = None,
    assigned: str | None = None,
    status: str | None = None,
    skipped: dict[str, str] | None = None,
) -> AlertList:
    """The list as answered: the first MAX_LINES lines, counts by severity, the names of who
    acted on those shown, and where the numbers come from."""
    shown = lines[:MAX_LINES]
    acted = sorted({
        who for line in shown if line.stored is not None
        for who in (line.stored.acknowledged_by, line.stored.assigned_to) if who
    })  # fmt: skip
    people: dict[str, str] = {}
    with engine.connect() as conn:
        stock_as_of = conn.execute(text("SELECT max(as_of) FROM stock_level")).scalar()
        if acted:
            query = text(
                "SELECT slack_user_id, name FROM person WHERE slack_user_id IN :ids"
            ).bindparams(bindparam("ids", expanding=True))
            people = {str(k): str(v) for k, v in conn.execute(query, {"ids": acted})}
    run_id = latest_run_id(engine, grain="week")
    return AlertList(
        today=today,
        family=family,
        sku=sku,
        focus=focus,
        severity=severity,
        place=place,
        assigned=assigned,
        status=status,
        lines=tuple(shown),
        total=len(lines),
        by_severity={s: sum(1 for x in lines if x.finding.severity == s) for s in SEVERITIES},
        within_weeks=within_weeks,
        hidden_rules=hidden,
        skipped=skipped or {},
        provenance=Provenance(
            stock_as_of=as_date(stock_as_of) if stock_as_of else None,
            run=summarize(engine, run_id) if run_id is not None else None,
        ),
        people=people,
    )


def kept_alerts(engine: Engine, caller: Caller, *, today: dt.date) -> AlertList:
    """The alerts the last scan kept and that are not resolved, for the caller's App Home:
    those assigned to them first, then by severity and money at stake (read from the store,
    no scan: the Home opens in a blink at any size)."""
    allowed = visible_rules(caller)
    kept = [a for a in stored_alerts(engine) if a.rule in allowed]
    kept.sort(key=lambda a: a.assigned_to != caller.slack_user_id)  # stable: severity kept
    lines = [AlertLine(a.finding(), a) for a in kept]
    return _listing(engine, today, lines, hidden=tuple(r for r in RULES if r not in allowed))
