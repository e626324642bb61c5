"""The weekly feedback digest, one per audience: operations read it by product and plant
(what is wrong with what they make), marketing by theme and competitor (what the market
says). Both from the same week of the store, with the week before for the trend; the
quotes are verbatim."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine, text

from planning.feedback.search import FeedbackSearch, search_feedback
from planning.feedback.store import FeedbackItem, load_items, themes_of_mask

Audience = Literal["operations", "marketing"]
AUDIENCES: tuple[Audience, ...] = ("operations", "marketing")
TOP = 8


@dataclass(frozen=True)
class ProductLine:
    sku: str
    name: str
    plant: str | None  # where its family is made (capacity.csv)
    items: int
    negative: int
    theme: str | None  # the commonest theme
    quote: FeedbackItem | None  # its newest negative item (else newest)


@dataclass(frozen=True)
class FeedbackDigest:
    audience: Audience
    start: dt.date
    end: dt.date
    week: FeedbackSearch  # counts, themes by revenue, quotes, competitors
    products: tuple[ProductLine, ...] = ()  # operations
    plants: tuple[tuple[str, int, int], ...] = ()  # operations: plant, items, negative

    @property
    def key(self) -> str:
        """What the digest is, for recording that it was sent once."""
        return f"feedback_digest:{self.audience}:{self.start.isoformat()}"


def week_before(today: dt.date) -> tuple[dt.date, dt.date]:
    """The seven days up to yesterday: what a Monday digest covers."""
    return today - dt.timedelta(days=7), today - dt.timedelta(days=1)


def weekly_digest(engine: Engine, audience: Audience, *, today: dt.date) -> FeedbackDigest:
    start, end = week_before(today)
    week = search_feedback(engine, today=today, start=start, end=end)
    if audience == "marketing" or week.count == 0:
        return FeedbackDigest(audience, start, end, week)
    products = _products(engine, start, end)
    plants: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for line in products:
        totals = plants[line.plant or "–"]
        totals[0] += line.items
        totals[1] += line.negative
    return FeedbackDigest(
        audience,
        start,
        end,
        week,
        products=tuple(products[:TOP]),
        plants=tuple(
            sorted(((p, n, bad) for p, (n, bad) in plants.items()), key=lambda r: (-r[1], r[0]))
        ),
    )


def _products(engine: Engine, start: dt.date, end: dt.date) -> list[ProductLine]:
    """The week's products by how often customers named them, negatives first on a tie."""
    params = {
        "start": dt.datetime.combine(start, dt.time(), dt.UTC),
        "stop": dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC),
    }
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT fp.sku, f.id, f.sentiment, f.theme_mask FROM feedback_product fp "
                "JOIN feedback f ON f.id = fp.feedback_id WHERE fp.created_at >= :start "
                "AND fp.created_at < :stop AND f.deleted_at IS NULL ORDER BY f.created_at DESC"
            ),
            params,
        ).all()
        names: dict[str, str] = dict(conn.execute(text("SELECT sku, name FROM product")).all())
        family: dict[str, str] = dict(conn.execute(text("SELECT sku, family FROM product")).all())
        plant_of = {
            str(f): str(p)
            for p, f in conn.execute(
                text("SELECT plant, family FROM capacity GROUP BY plant, family ORDER BY plant")
            )
        }
        counted: dict[str, Counter[str]] = defaultdict(Counter)
        themes: dict[str, Counter[str]] = defaultdict(Counter)
        quote: dict[str, int] = {}
        for sku, fid, mood, mask in rows:
            counted[sku]["items"] += 1
            if mood == "negative":
                counted[sku]["negative"] += 1
                quote.setdefault(sku, int(fid))
            themes[sku].update(themes_of_mask(int(mask)))
        for sku, fid, _, _ in rows:
            quote.setdefault(sku, int(fid))
        order = sorted(counted, key=lambda s: (-counted[s]["items"], -counted[s]["negative"], s))
        quoted = {i.id: i for i in load_items(conn, [quote[s] for s in order[:TOP]])}
    return [
        ProductLine(
            sku=sku,
            name=str(names.get(sku, sku)),
            plant=plant_of.get(str(family.get(sku))),
            items=counted[sku]["items"],
            negative=counted[sku]["negative"],
            theme=themes[sku].most_common(1)[0][0] if themes[sku] else None,
            quote=quoted.get(quote[sku]),
        )
        for sku in order
    ]
