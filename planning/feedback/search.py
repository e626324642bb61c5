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
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, text

from planning.errors import PonteError
from planning.feedback.enrich import COMMON, THEMES, words_of
from planning.feedback.store import SENTIMENTS, FeedbackItem, load_items

DEFAULT_DAYS = 90  # a search that names no period reads the last 90 days
QUOTES = 5
MAX_TERMS = 8


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
    wanted: str | None = None  # the sentiment asked for
    query: str | None = None
    period: str | None = None
    summary: str | None = None  # an LLM's short summary, when one is configured


@dataclass(frozen=True)
class Filter:
    products: tuple[str, ...] = ()
    family: str | None = None
    customer: str | None = None
    theme: str | None = None
    sentiment: str | None = None
    query: str | None = None
    author: str | None = None


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
        sentiment = {s: 0 for s in SENTIMENTS}
        for mood, n in conn.execute(
            text(f"SELECT f.sentiment, count(*) FROM feedback f WHERE {clause} GROUP BY 1"),
            params,
        ):
            sentiment[str(mood)] = int(n)
        count = sum(sentiment.values())
        authors, customers, unmatched = conn.execute(
            text(
                "SELECT count(DISTINCT f.author), count(DISTINCT f.customer), "
                f"count(f.customer_text) FROM feedback f WHERE {clause}"
            ),
            params,
        ).one()
        old_clause, old_params = _where(conn, where, *before)
        previous = int(
            conn.execute(
                text(f"SELECT count(*) FROM feedback f WHERE {old_clause}"), old_params
            ).scalar_one()
        )
        themes = _themes(conn, clause, params, old_clause, old_params, today) if count else ()
        quotes = _quotes(conn, clause, params, themes, today) if count else ()
        products = (
            conn.execute(
                text(
                    "SELECT p.sku, count(*) FROM feedback_product p JOIN feedback f ON "
                    f"f.id = p.feedback_id WHERE {clause} GROUP BY p.sku "
                    "ORDER BY count(*) DESC, p.sku LIMIT 5"
                ),
                params,
            ).all()
            if count
            else []
        )
        rivals: Counter[str] = Counter()
        if count:
            for named, n in conn.execute(
                text(
                    "SELECT f.competitors, count(*) FROM feedback f WHERE "
                    f"{clause} AND f.competitors IS NOT NULL GROUP BY f.competitors"
                ),
                params,
            ):
                for name in str(named).split("; "):
                    rivals[name] += int(n)
    return FeedbackSearch(
        start=start,
        end=end,
        count=count,
        previous=previous,
        sentiment=sentiment,
        themes=themes,
        quotes=quotes,
        products=tuple((str(s), int(n)) for s, n in products),
        competitors=tuple(rivals.most_common(5)),
        authors=int(authors),
        customers=int(customers),
        unmatched=int(unmatched or 0),
        product=where.products,
        family=where.family,
        customer=where.customer,
        theme=where.theme,
        wanted=where.sentiment,
        query=where.query,
        period=period,
    )


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
            "EXISTS (SELECT 1 FROM feedback_product fp WHERE fp.feedback_id = f.id "
            f"AND fp.sku IN ({listed}))"
        )
    if where.family:
        params["family"] = where.family
        parts.append(
            "(f.family = :family OR EXISTS (SELECT 1 FROM feedback_product fp JOIN product "
            "pr ON pr.sku = fp.sku WHERE fp.feedback_id = f.id AND pr.family = :family))"
        )
    if where.customer:
        params["customer"] = where.customer
        parts.append("(f.customer = :customer OR f.customer_text = :customer)")
    if where.theme:
        params["theme"] = where.theme
        parts.append(
            "EXISTS (SELECT 1 FROM feedback_theme ft WHERE ft.feedback_id = f.id "
            "AND ft.theme = :theme)"
        )
    if where.sentiment:
        params["sentiment"] = where.sentiment
        parts.append("f.sentiment = :sentiment")
    if where.author:
        params["author"] = where.author
        parts.append("f.author = :author")
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


def _themes(
    conn: Connection,
    clause: str,
    params: dict[str, Any],
    old_clause: str,
    old_params: dict[str, Any],
    today: dt.date,
) -> tuple[ThemeCount, ...]:
    rows = conn.execute(
        text(
            "SELECT t.theme, f.customer, count(*), sum(CASE WHEN f.sentiment = 'negative' "
            "THEN 1 ELSE 0 END) FROM feedback_theme t JOIN feedback f ON f.id = t.feedback_id "
            f"WHERE {clause} GROUP BY t.theme, f.customer"
        ),
        params,
    ).all()
    before: dict[str, int] = dict(
        conn.execute(
            text(
                "SELECT t.theme, count(*) FROM feedback_theme t JOIN feedback f ON "
                f"f.id = t.feedback_id WHERE {old_clause} GROUP BY t.theme"
            ),
            old_params,
        ).all()
    )
    revenue = customer_revenue(conn, {str(c) for _, c, _, _ in rows if c}, today)
    items: Counter[str] = Counter()
    negative: Counter[str] = Counter()
    raised: dict[str, set[str]] = defaultdict(set)
    for theme, customer, n, bad in rows:
        items[theme] += int(n)
        negative[theme] += int(bad or 0)
        if customer:
            raised[theme].add(str(customer))
    counts = [
        ThemeCount(
            theme=theme,
            items=items[theme],
            customers=len(raised[theme]),
            revenue=sum(revenue.get(c, 0.0) for c in raised[theme]),
            negative=negative[theme],
            previous=int(before.get(theme, 0)),
        )
        for theme in items
    ]
    counts.sort(key=lambda t: (-t.revenue, -t.items, t.theme))
    return tuple(counts)


def _quotes(
    conn: Connection,
    clause: str,
    params: dict[str, Any],
    themes: tuple[ThemeCount, ...],
    today: dt.date,
) -> tuple[FeedbackItem, ...]:
    """For each leading theme, its item from the largest customer (newest on a tie), then
    the newest items."""
    recent = conn.execute(
        text(
            f"SELECT f.id, f.customer FROM feedback f WHERE {clause} "
            "ORDER BY f.created_at DESC, f.id DESC LIMIT 200"
        ),
        params,
    ).all()
    ids = [int(i) for i, _ in recent]
    items = {item.id: item for item in load_items(conn, ids)}
    revenue = customer_revenue(conn, {str(c) for _, c in recent if c}, today)
    chosen: list[int] = []
    for theme in themes[:QUOTES]:
        with_theme = [i for i in ids if theme.theme in items[i].themes and i not in chosen]
        if with_theme:
            best = max(
                with_theme, key=lambda i: (revenue.get(items[i].customer or "", 0.0), -ids.index(i))
            )
            chosen.append(best)
    chosen.extend(i for i in ids if i not in chosen)
    return tuple(items[i] for i in chosen[:QUOTES])


def customer_revenue(conn: Connection, customers: set[str], today: dt.date) -> dict[str, float]:
    """Each customer's sales revenue over the 12 months to `today`."""
    if not customers:
        return {}
    names = {f"c{i}": c for i, c in enumerate(sorted(customers))}
    rows = conn.execute(
        text(
            "SELECT customer, sum(coalesce(revenue, 0)) FROM sales_customer_day WHERE "
            "date > :since AND date <= :today AND customer IN "
            f"({', '.join(':' + n for n in names)}) GROUP BY customer"
        ),
        {"since": today - dt.timedelta(days=365), "today": today, **names},
    ).all()
    return {str(c): float(r or 0.0) for c, r in rows}
