"""What sits beside a product's forecast, its explanation and its alerts: what customers
said about it lately (the feedback store) and the reps' forecast notes for the months
shown. Read, never applied: the statistical forecast stays the model's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine

from planning.feedback.notes import Note, notes_for
from planning.feedback.search import Filter, search_feedback
from planning.feedback.store import FeedbackItem
from planning.memo import DataMemo

_MEMO = DataMemo(size=1024)

HEARD_DAYS = 30


@dataclass(frozen=True)
class Heard:
    """Customers' feedback on the products of an answer over the last HEARD_DAYS days."""

    days: int
    items: int
    negative: int
    authors: int  # how many people heard it
    theme: str | None  # the leading theme (by the customers' revenue)
    quote: FeedbackItem | None  # verbatim, the first quote of the search


@dataclass(frozen=True)
class Beside:
    heard: Heard | None
    notes: tuple[Note, ...] = ()


def beside(
    engine: Engine,
    *,
    today: dt.date,
    skus: Sequence[str] = (),
    family: str | None = None,
    until: dt.date | None = None,
    days: int = HEARD_DAYS,
    notes: bool = True,
) -> Beside | None:
    """What was heard about these products (or this family) over the last `days` days and,
    with `notes`, the notes on them for the months from today to `until`; None when there
    is neither. Remembered until the data changes (feedback and notes are audited writes):
    every forecast and explanation answer asks."""
    if not skus and family is None:
        return None
    key = ("beside", today, tuple(skus), family, until, days, notes)
    return _MEMO.get(
        engine, key, lambda: _beside(engine, today, tuple(skus), family, until, days, notes)
    )


def _beside(
    engine: Engine,
    today: dt.date,
    skus: tuple[str, ...],
    family: str | None,
    until: dt.date | None,
    days: int,
    notes: bool,
) -> Beside | None:
    found = search_feedback(
        engine,
        today=today,
        start=today - dt.timedelta(days=days - 1),
        end=today,
        where=Filter(products=tuple(skus) if family is None else (), family=family),
    )
    heard = None
    if found.count:
        heard = Heard(
            days=days,
            items=found.count,
            negative=found.sentiment.get("negative", 0),
            authors=found.authors,
            theme=found.themes[0].theme if found.themes else None,
            quote=found.quotes[0] if found.quotes else None,
        )
    kept = (
        notes_for(engine, skus=skus, family=family, start=today,
                  end=until or today + dt.timedelta(days=183))
        if notes
        else ()
    )  # fmt: skip
    if heard is None and not kept:
        return None
    return Beside(heard, kept)
