"""Reading the feedback store: what customers say about a product, a family, a customer, a
theme or any words, over a period, against the period before.

Themes are ranked by the revenue of the customers who raised them (their sales over the
last year): a theme from the largest accounts outranks a louder one from small ones.
Quotes are verbatim: for each leading theme, the item from the largest customer, then the
newest. Full-text search is SQLite's FTS5 or PostgreSQL's text search, matching word
prefixes of the folded text ("graffi" finds "graffiata", "qualita" finds "qualità").
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, text

from planning.catalogue import catalogue_version
from planning.errors import PonteError
from planning.feedback.enrich import COMMON, THEMES, words_of
from planning.feedback.store import (
    SENTIMENTS,
    FeedbackItem,
    load_items,
    theme_mask,
    themes_of_mask,
)

DEFAULT_DAYS = 90  # a search that names no period reads the last 90 days
QUOTES = 5
MAX_TERMS = 8
# Customers named in an answer (who said it), the most items first.
WHO_NAMED = 8


@dataclass(frozen=True)
class ThemeCount:
    theme: str
    items: int
    customers: int  # distinct customers who raised it
    revenue: float  # their sales over the last 12 months
    negative: int
    previous: int  # items in the period before


@dataclass(frozen=True)
class FeedbackSearch:
    """What customers said, for one filter over one period."""

    start: dt.date
    end: dt.date
    count: int
    previous: int  # the same filter over the period just before, as long
    sentiment: dict[str, int]  # negative / neutral / positive counts
    themes: tuple[ThemeCount, ...]  # by customers' revenue, then items
    quotes: tuple[FeedbackItem, ...]
    products: tuple[tuple[str, int], ...]  # most mentioned products
    competitors: tuple[tuple[str, int], ...]
    authors: int  # how many people recorded them
    customers: int
    unmatched: int  # items naming a customer not in the sales data
    # the filter, as asked
    product: tuple[str, ...] = ()
    family: str | None = None
    customer: str | None = None
    theme: str | None = None
    territory: str | None = None
    wanted: str | None = None  # the sentiment asked for
    query: str | None = None
    period: str | None = None
    summary: str | None = None  # an LLM's short summary, when one is configured
    # Who said it: the customers with most items first (then the largest), WHO_NAMED of them.
    who: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Filter:
    products: tuple[str, ...] = ()
    family: str | None = None
    customer: str | None = None
    theme: str | None = None
    sentiment: str | None = None
    query: str | None = None
    author: str | None = None
    territory: str | None = None  # only the customers who buy there


def search_feedback(
    engine: Engine,
    *,
    today: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
    period: str | None = None,
    where: Filter = Filter(),
) -> FeedbackSearch:
    """Feedback matching `where` from `start` to `end` (the last DEFAULT_DAYS days when not
    given), with counts, themes, quotes and the trend against the period before."""
    if where.theme is not None and where.theme not in THEMES:
        raise PonteError(
            f"unknown theme {where.theme!r}", code="unknown_theme", theme=where.theme,
            known=", ".join(THEMES),
        )  # fmt: skip
    if where.sentiment is not None and where.sentiment not in SENTIMENTS:
        raise PonteError(f"unknown sentiment {where.sentiment!r}", code="bad_arguments",
                         problems=f"sentiment: {where.sentiment}")  # fmt: skip
    end = end or today
    start = start or end - dt.timedelta(days=DEFAULT_DAYS - 1)
    days = (end - start).days + 1
    before = (start - dt.timedelta(days=days), start - dt.timedelta(days=1))
    with engine.connect() as conn:
        clause, params = _where(conn, where, start, end)
        # One pass over the period's items (the covering index, not the rows): every count
        # below comes from these groups.
        groups = conn.execute(
            text(
                "SELECT f.sentiment, f.theme_mask, f.customer, f.author, f.competitors, "
                f"count(f.customer_text), count(*) FROM feedback f WHERE {clause} "
                "GROUP BY f.sentiment, f.theme_mask, f.customer, f.author, f.competitors"
            ),
            params,
        ).all()
        old_clause, old_params = _where(conn, where, *before)
        earlier = conn.execute(
            text(
                f"SELECT f.theme_mask, count(*) FROM feedback f WHERE {old_clause} "
                "GROUP BY f.theme_mask"
            ),
            old_params,
        ).all()
        count = sum(int(n) for *_, n in groups)
        products = _products(conn, where, clause, params) if count else []
        rivals: Counter[str] = Counter()
        sentiment = {s: 0 for s in SENTIMENTS}
        authors: set[str] = set()
        customers: Counter[str] = Counter()
        unmatched = 0
        items: Counter[str] = Counter()
        negative: Counter[str] = Counter()
        raised: dict[str, set[str]] = defaultdict(set)
        for mood, mask, customer, author, named, named_only, n in groups:
            for name in str(named or "").split("; "):
                if name:
                    rivals[name] += int(n)
            sentiment[str(mood)] = sentiment.get(str(mood), 0) + int(n)
            authors.add(str(author))
            unmatched += int(named_only)
            if customer:
                customers[str(customer)] += int(n)
            for theme in themes_of_mask(int(mask)):
                items[theme] += int(n)
                if mood == "negative":
                    negative[theme] += int(n)
                if customer:
                    raised[theme].add(str(customer))
        # Customers' revenue only when there is something to rank (a whole year of sales,
        # remembered until the next import).
        revenue = customer_revenue(engine, today) if count else {}
        previous: Counter[str] = Counter()
        for mask, n in earlier:
            for theme in themes_of_mask(int(mask)):
                previous[theme] += int(n)
        themes = sorted(
            (
                ThemeCount(
                    theme=theme,
                    items=items[theme],
                    customers=len(raised[theme]),
                    revenue=sum(revenue.get(c, 0.0) for c in raised[theme]),
                    negative=negative[theme],
                    previous=previous[theme],
                )
                for theme in items
            ),
            key=lambda t: (-t.revenue, -t.items, t.theme),
        )
        quotes = _quotes(conn, clause, params, tuple(themes), revenue) if count else ()
    return FeedbackSearch(
        start=start,
        end=end,
        count=count,
        previous=sum(int(n) for _, n in earlier),
        sentiment=sentiment,
        themes=tuple(themes),
        quotes=quotes,
        products=tuple((str(s), int(n)) for s, n in products),
        competitors=tuple(rivals.most_common(5)),
        authors=len(authors),
        customers=len(customers),
        unmatched=unmatched,
        product=where.products,
        family=where.family,
        customer=where.customer,
        theme=where.theme,
        territory=where.territory,
        wanted=where.sentiment,
        query=where.query,
        period=period,
        who=tuple(
            sorted(customers.items(), key=lambda c: (-c[1], -revenue.get(c[0], 0.0), c[0]))[
                :WHO_NAMED
            ]
        ),
    )


def _products(
    conn: Connection, where: Filter, clause: str, params: dict[str, Any]
) -> list[tuple[str, int]]:
    """The most named products of the items found: counted on the products' own rows
    (which carry the item's date), limited to the items found when more than the period
    is asked."""
    if where == Filter():  # the period alone: the product rows carry the date
        sql = (
            "SELECT fp.sku, count(*) FROM feedback_product fp WHERE fp.created_at >= :start "
            "AND fp.created_at < :stop GROUP BY fp.sku ORDER BY count(*) DESC, fp.sku LIMIT 5"
        )
    else:  # the items found first (a product's are a handful), then their products
        sql = (
            "SELECT fp.sku, count(*) FROM (SELECT f.id FROM feedback f WHERE "
            f"{clause}) found JOIN feedback_product fp ON fp.feedback_id = found.id "
            "GROUP BY fp.sku ORDER BY count(*) DESC, fp.sku LIMIT 5"
        )
    rows = conn.execute(text(sql), params).all()
    return [(str(s), int(n)) for s, n in rows]


def _where(
    conn: Connection, where: Filter, start: dt.date, end: dt.date
) -> tuple[str, dict[str, Any]]:
    """SQL conditions on `feedback f` for the filter and the days."""
    parts = ["f.deleted_at IS NULL", "f.created_at >= :start", "f.created_at < :stop"]
    params: dict[str, Any] = {
        "start": dt.datetime.combine(start, dt.time(), dt.UTC),
        "stop": dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC),
    }
    if where.products:
        names = {f"p{i}": sku for i, sku in enumerate(where.products)}
        params.update(names)
        listed = ", ".join(f":{n}" for n in names)
        parts.append(
            f"f.id IN (SELECT fp.feedback_id FROM feedback_product fp WHERE fp.sku IN ({listed}))"
        )
    if where.family:
        params["family"] = where.family
        # One list of ids (its products' family, or the family named), not an OR that keeps
        # a planner from the index.
        parts.append(
            "f.id IN (SELECT fp.feedback_id FROM feedback_product fp JOIN product pr ON "
            "pr.sku = fp.sku WHERE pr.family = :family UNION SELECT fa.id FROM feedback fa "
            "WHERE fa.family = :family)"
        )
    if where.customer:
        params["customer"] = where.customer
        parts.append("(f.customer = :customer OR f.customer_text = :customer)")
    if where.theme:
        params["theme_bit"] = theme_mask((where.theme,))
        parts.append("(f.theme_mask & :theme_bit) <> 0")
    if where.sentiment:
        params["sentiment"] = where.sentiment
        parts.append("f.sentiment = :sentiment")
    if where.author:
        params["author"] = where.author
        parts.append("f.author = :author")
    if where.territory:
        params["territory"] = where.territory
        parts.append(
            "f.customer IN (SELECT sc.customer FROM sales_customer sc "
            "WHERE sc.territory = :territory)"
        )
    terms = [t for t in words_of(where.query or "") if len(t) > 1 and t not in COMMON]
    terms = terms[:MAX_TERMS]
    if terms:
        if conn.dialect.name == "sqlite":
            params["match"] = " ".join(f'"{t}"*' for t in terms)
            parts.append("f.id IN (SELECT rowid FROM feedback_fts WHERE feedback_fts MATCH :match)")
        else:
            params["match"] = " & ".join(f"{t}:*" for t in terms)
            parts.append("to_tsvector('simple', f.search_text) @@ to_tsquery('simple', :match)")
    return " AND ".join(parts), params


def _quotes(
    conn: Connection,
    clause: str,
    params: dict[str, Any],
    themes: tuple[ThemeCount, ...],
    revenue: dict[str, float],
) -> tuple[FeedbackItem, ...]:
    """For each leading theme, its newest item from the largest customer, then the newest
    items; read whole only once chosen."""
    recent = conn.execute(
        text(
            f"SELECT f.id, f.customer, f.theme_mask FROM feedback f WHERE {clause} "
            "ORDER BY f.created_at DESC, f.id DESC LIMIT 200"
        ),
        params,
    ).all()
    chosen: list[int] = []
    for theme in themes[:QUOTES]:
        bit = theme_mask((theme.theme,))
        with_theme = [
            (revenue.get(customer or "", 0.0), -at, int(fid))
            for at, (fid, customer, mask) in enumerate(recent)
            if int(mask) & bit and int(fid) not in chosen
        ]
        if with_theme:
            chosen.append(max(with_theme)[2])
    chosen.extend(int(fid) for fid, _, _ in recent if int(fid) not in chosen)
    return tuple(load_items(conn, chosen[:QUOTES]))


# Per engine (weakly: a disposed engine's entry goes with it), by (imports, today).
_REVENUE: weakref.WeakKeyDictionary[Engine, dict[tuple[tuple[int, int], dt.date], Any]] = (
    weakref.WeakKeyDictionary()
)
_REVENUE_LOCK = threading.Lock()


def customer_revenue(engine: Engine, today: dt.date) -> dict[str, float]:
    """Each customer's sales revenue over the 12 months to `today`, remembered until the next
    import (sales change with imports alone; feedback saved in between does not)."""
    key = (catalogue_version(engine), today)
    with _REVENUE_LOCK:
        known = _REVENUE.setdefault(engine, {})
        if key in known:
            return dict(known[key])
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT customer, sum(coalesce(revenue, 0)) FROM sales_customer_day "
                "WHERE date > :since AND date <= :today AND customer <> '' GROUP BY customer"
            ),
            {"since": today - dt.timedelta(days=365), "today": today},
        ).all()
    found = {str(c): float(r or 0.0) for c, r in rows}
    with _REVENUE_LOCK:
        known = _REVENUE.setdefault(engine, {})
        if len(known) >= 4:
            known.clear()
        known[key] = found
    return dict(found)
