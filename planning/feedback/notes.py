"""Forecast notes: what a rep expects beside the statistical forecast ("+500 from ACME in
January"), shown in the demand review next to the forecast it concerns. Stored and audited,
never applied: the forecast stays the model's, and the planner decides what to do with the
note.

Who may write one: the people who sell (reps, managers, admins). Everyone reads them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Engine, insert, text

from planning.access import Caller
from planning.audit import audit
from planning.db import as_utc, writing
from planning.errors import PermissionDenied, PonteError
from planning.models import ForecastNote, Role

NOTES = ForecastNote.__table__  # type: ignore[attr-defined]
MAX_NOTE = 2000
MAX_QUANTITY = 1_000_000_000
WRITERS = (Role.rep, Role.manager, Role.admin)


@dataclass(frozen=True)
class Note:
    id: int | None  # None: proposed, waiting for the person's yes
    sku: str | None
    family: str | None
    customer: str | None
    period: str  # YYYY-MM
    quantity: float  # more (negative: fewer) than the forecast
    note: str
    author: str
    author_name: str
    created_at: dt.datetime


@dataclass(frozen=True)
class NoteResult:
    note: Note
    saved: bool


def add_note(
    engine: Engine,
    caller: Caller,
    *,
    today: dt.date,
    now: dt.datetime,
    period: str,
    quantity: float,
    note: str,
    sku: str | None = None,
    family: str | None = None,
    customer: str | None = None,
    save: bool = False,
) -> NoteResult:
    """Check a forecast note from `caller` and, with `save`, store it (audited)."""
    if caller.role not in WRITERS:
        raise PermissionDenied(
            f"{caller.name} ({caller.role}) may not add forecast notes",
            code="not_allowed",
            ability="forecast_note",
            role=str(caller.role),
        )
    if sku is None and family is None:
        raise PonteError(
            "a forecast note is about a product or a family", code="note_needs_product"
        )
    if not (quantity == quantity and 0 < abs(quantity) <= MAX_QUANTITY):  # NaN is not
        raise PonteError(
            f"{quantity:g} is not a quantity a note can hold", code="bad_note_quantity",
            quantity=quantity,
        )  # fmt: skip
    month = _month(period)
    if month < dt.date(today.year, today.month, 1):
        raise PonteError(
            f"{period} is over: a forecast note is about a month to come",
            code="note_period_over",
            period=period,
        )
    body = note.strip()[:MAX_NOTE]
    made = Note(
        id=None, sku=sku, family=family, customer=customer, period=period,
        quantity=float(quantity), note=body, author=caller.slack_user_id,
        author_name=caller.name, created_at=now,
    )  # fmt: skip
    if not save:
        return NoteResult(made, saved=False)
    with writing(engine, wait=30.0) as conn:
        note_id = conn.execute(
            insert(NOTES)
            .returning(NOTES.c.id)
            .values(
                sku=sku,
                family=family,
                customer=customer,
                period=period,
                quantity=float(quantity),
                note=body,
                author=caller.slack_user_id,
                created_at=now,
            )
        ).scalar_one()
        audit(conn, now=now, actor=caller.slack_user_id, action="forecast_note.added",
              entity=f"forecast_note:{note_id}",
              details={"sku": sku, "family": family, "customer": customer, "period": period,
                       "quantity": quantity})  # fmt: skip
    return NoteResult(replace(made, id=int(note_id)), saved=True)


def notes_for(
    engine: Engine,
    *,
    skus: Sequence[str] = (),
    family: str | None = None,
    start: dt.date,
    end: dt.date,
) -> tuple[Note, ...]:
    """Notes on these products (or on their family) for the months from `start` to `end`."""
    first, last = f"{start:%Y-%m}", f"{end:%Y-%m}"
    names = {f"s{i}": s for i, s in enumerate(skus)}
    about = []
    if names:
        about.append(f"n.sku IN ({', '.join(':' + n for n in names)})")
    if family:
        about.append("n.family = :family")
    if not about:
        return ()
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT n.id, n.sku, n.family, n.customer, n.period, n.quantity, n.note, "
                "n.author, coalesce(p.name, n.author) AS author_name, n.created_at "
                "FROM forecast_note n LEFT JOIN person p ON p.slack_user_id = n.author "
                f"WHERE n.deleted_at IS NULL AND ({' OR '.join(about)}) "
                "AND n.period >= :first AND n.period <= :last ORDER BY n.period, n.id"
            ),
            {**names, "family": family, "first": first, "last": last},
        ).all()
    return tuple(
        Note(
            id=int(r.id),
            sku=r.sku,
            family=r.family,
            customer=r.customer,
            period=r.period,
            quantity=float(r.quantity),
            note=r.note,
            author=r.author,
            author_name=r.author_name,
            created_at=as_utc(r.created_at) or dt.datetime.min,
        )
        for r in rows
    )


def _month(period: str) -> dt.date:
    try:
        year, month = (int(p) for p in period.split("-"))
        return dt.date(year, month, 1)
    except ValueError:
        raise PonteError(
            f"{period!r} is not a month (YYYY-MM)", code="bad_period", period=period
        ) from None
