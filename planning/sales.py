"""Sales history: what was shipped, by product, family, customer, rep or territory, over a
period, against the period before or the same period a year earlier; the top sellers and
buyers; and when a customer last bought (a quiet account is a signal).

Who sees what (`sales_scope`): reps their own territory's customers and their own sales;
managers their team's; ops and marketing product totals (no customer or rep); admins all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Literal

import pandas as pd
from sqlalchemy import BindParameter, Engine, bindparam, text

from planning.access import Caller, quota_scope, team_of
from planning.db import as_date
from planning.errors import PermissionDenied, PonteError
from planning.models import Role
from planning.quotas import (
    QuotaStatus,
    in_period,
    period_bounds,
    sales_from,
    sales_span,
)

Compare = Literal["previous", "last_year"]
GroupBy = Literal[
    "customer", "product", "person", "territory", "family", "location", "promo", "month"
]
GROUP_COLUMN = {
    "customer": "s.customer",
    "product": "s.sku",
    "person": "s.rep",
    "territory": "s.territory",
    "family": "p.family",
    "location": "s.location",  # where it shipped from
    # Sold on promotion or not (the sales file's promo column), the same keys on every backend
    "promo": "(CASE WHEN s.promo THEN 'promo' ELSE 'regular' END)",
}


@dataclass(frozen=True)
class SalesScope:
    """The rows a caller may read: None means no limit on that column."""

    territories: frozenset[str] | None
    reps: frozenset[str] | None  # whose own sales they may ask by name
    customers_visible: bool


def sales_scope(engine: Engine, caller: Caller) -> SalesScope:
    if caller.role == Role.admin:
        return SalesScope(territories=None, reps=None, customers_visible=True)
    if caller.role in (Role.ops, Role.marketing):
        return SalesScope(territories=None, reps=frozenset(), customers_visible=False)
    # The sales side sees their own sales, their team's, and those people's home
    # territories' (not every territory one of them once sold in: another team's customers).
    quotas = quota_scope(engine, caller, where_sold=False)
    return SalesScope(territories=quotas.territories, reps=quotas.reps, customers_visible=True)


@dataclass(frozen=True)
class SalesFilter:
    product: str | None = None
    family: str | None = None
    customer: str | None = None
    person: str | None = None  # the rep who sold (a manager: their team's reps)
    territory: str | None = None
    products: tuple[str, ...] = ()  # several products together ("the frying pans")


@dataclass(frozen=True)
class SalesFigure:
    start: dt.date
    end: dt.date  # last day counted (never after the data or today)
    units: float
    revenue: float | None


@dataclass(frozen=True)
class SalesRow:
    key: str  # sku, customer, rep id or territory code
    name: str  # what people call it: the product's, rep's or territory's name
    units: float
    revenue: float | None
    share: float  # of the period's units
    # The same key's units in the period compared with, when one is ("by family this year vs
    # last year"): None without a comparison
    previous_units: float | None = None

    @property
    def change_pct(self) -> float | None:
        if self.previous_units is None or self.previous_units <= 0:
            return None
        return 100 * (self.units / self.previous_units - 1)


@dataclass(frozen=True)
class SalesHistory:
    what: SalesFilter
    period: str  # as asked: YYYY, YYYY-Qn or YYYY-MM
    current: SalesFigure
    compare: Compare | None
    previous: SalesFigure | None  # the period compared with, cut to the same length
    group_by: GroupBy | None
    rows: tuple[SalesRow, ...]  # largest first, `top` of them
    top: int | None
    last_purchase: dt.date | None  # the customer's (or filter's) latest sale, any period
    days_since_last_purchase: int | None
    data_through: dt.date | None  # the latest sale in the data
    territories: tuple[str, ...] | None  # the caller's scope when it limited the figures
    label: str = ""  # what was asked about, by name ("Marco Zanetti", "Centro")
    rank_by: str = "units"  # what the split is ordered by, and its shares are of
    prorated: bool = False  # weekly rows straddling the period counted for their days inside
    # Asked why they are behind: the quota of whose sales these are, for the period
    quota: QuotaStatus | None = None
    company_not_theirs: bool = False  # the whole company's asked for, the caller's shown
    # The sales file's first day, when it starts inside the period compared with: that
    # period's figure is only partly there (a "+218%" against a year that began in September)
    previous_from: dt.date | None = None

    @property
    def change_pct(self) -> float | None:
        if self.previous is None or not self.previous.units:
            return None
        return 100 * (self.current.units - self.previous.units) / self.previous.units

    @property
    def revenue_change_pct(self) -> float | None:
        if self.previous is None or not self.previous.revenue or self.current.revenue is None:
            return None
        return 100 * (self.current.revenue - self.previous.revenue) / self.previous.revenue


# How a split is ordered: by units, by revenue, or by the change against the period
# compared with (largest fall first).
Rank = Literal["units", "revenue", "change"]
# What a side-by-side may add up: filters that share no sale (each sale has one family,
# product, customer and territory; a manager's team and a rep of it do share).
DISJOINT = ("family", "product", "customer", "territory")


def _sum(values: list[float | None]) -> float | None:
    known = [x for x in values if x is not None]
    return float(sum(known)) if known else None


def _added(figures: list[SalesFigure]) -> SalesFigure:
    return SalesFigure(
        start=min(f.start for f in figures),
        end=max(f.end for f in figures),
        units=float(sum(f.units for f in figures)),
        revenue=_sum([f.revenue for f in figures]),
    )


def sales_added_up(histories: list[SalesHistory]) -> SalesHistory:
    """The total of the same period's sales of several filters that share no sale ("totale
    moka + pentole nel Q4"): units and revenue summed, and the period compared with too when
    each has it; no split, nothing about one customer's last purchase."""
    first = histories[0]
    before = [h.previous for h in histories]
    return replace(
        first,
        what=SalesFilter(),
        label="",
        current=_added([h.current for h in histories]),
        previous=_added([b for b in before if b is not None]) if all(before) else None,
        group_by=None,
        rows=(),
        top=None,
        last_purchase=None,
        days_since_last_purchase=None,
    )


def orders_added_up(books: list[OrderBook]) -> OrderBook:
    """The total of several filters' open orders that share no line: lines, units and value
    summed (customers are not: one may order from both)."""
    return replace(
        books[0],
        what=SalesFilter(),
        label="",
        lines=sum(b.lines for b in books),
        units=float(sum(b.units for b in books)),
        value=_sum([b.value for b in books]),
        unpriced_lines=sum(b.unpriced_lines for b in books),
        customers=None,
        overdue_lines=sum(b.overdue_lines for b in books),
        overdue_units=float(sum(b.overdue_units for b in books)),
        due_soon_units=float(sum(b.due_soon_units for b in books)),
        groups=(),
        group_count=0,
    )


def sales_history(
    engine: Engine,
    scope: SalesScope,
    what: SalesFilter,
    *,
    period: str,
    today: dt.date,
    compare: Compare | None = None,
    group_by: GroupBy | None = None,
    top: int | None = None,
    last_purchase: bool = False,
    rank_by: Rank = "units",
) -> SalesHistory:
    """Units and revenue shipped for `what` over `period`, within the caller's `scope`.

    A split ranked by "change" ("which customers dropped the most?") is ordered by each key's
    change in units against the period compared with (the same period last year when none
    is asked), the largest fall first, keys that stopped buying included."""
    if rank_by == "change" and compare is None:
        compare = "last_year"
    measure: Literal["units", "revenue"] = "revenue" if rank_by == "revenue" else "units"
    by_change = rank_by == "change" and group_by not in (None, "month")
    selection = checked_selection(engine, scope, what, group_by)
    start, end = period_bounds(period)
    if start > today:
        raise PonteError(
            f"{period} has not started yet: ask for a forecast instead",
            code="period_in_future",
            period=period,
        )
    through = _latest(engine, selection)
    # Weekly rows (dated on Mondays) hold a week each: the data covers that week's last day,
    # and a week straddling the period's start or end counts for its days inside, as quotas
    # count it (planning.quotas.in_period).
    bucket, first_sale, last_sale = sales_span(engine)
    # The data ends where the whole file does (a quiet customer's last purchase is not it).
    covered = None if last_sale is None else last_sale + dt.timedelta(days=bucket - 1)
    end = min(end, today, covered or end)
    previous_bounds = None
    if compare is not None:
        previous_bounds = _compared(period, compare, counted=(start, end))
    split = None
    if group_by not in (None, "month"):
        shown = MAX_COMPARED_KEYS if by_change else top or 10  # a fall may be any key's
        split, current = _split(engine, selection, GROUP_COLUMN[str(group_by)], start, end,
                                bucket, rank_by=measure, top=shown)  # fmt: skip
    previous = None
    if split is None or previous_bounds is not None:  # a split carries its own total
        # Each period read on its own: a quarter against last year's is two quarters, not
        # the fifteen months from one to the other.
        week = dt.timedelta(days=bucket - 1)
        frame = _rows(engine, selection, since=start - week, until=end)
        current = _figure(in_period(frame, start, end, bucket), start, end)
        if previous_bounds is not None:
            first, last = previous_bounds
            before = _rows(engine, selection, since=first - week, until=last)
            previous = _figure(in_period(before, first, last, bucket), first, last)
    rows: tuple[SalesRow, ...] = ()
    if group_by == "month":
        rows = _monthly(frame, start, end, bucket, current)
    elif split is not None and group_by is not None:
        names = _names(engine, group_by)
        rows = _grouped(split, current, names, measure)
        if previous_bounds is not None and (rows or by_change):
            # Each row's own figure in the period compared with (every key of it, not only
            # its top ones: a row new to the top still has last year's figure).
            before, _ = _split(engine, selection, GROUP_COLUMN[str(group_by)], *previous_bounds,
                               bucket, rank_by=measure, top=MAX_COMPARED_KEYS)  # fmt: skip
            units_before = dict(zip(before["key"].astype(str), before["units"].astype(float),
                                    strict=True))  # fmt: skip
            rows = tuple(
                replace(row, previous_units=units_before.get(row.key, 0.0)) for row in rows
            )
            if by_change:  # every key, those gone too, the largest fall first
                rows += _gone(before, {row.key for row in rows}, names, most=len(before))
                rows = tuple(
                    sorted(rows, key=lambda r: r.units - (r.previous_units or 0.0))[: top or 10]
                )
            elif len(split) < (top or 10):  # every key of this period is shown: those gone too
                rows += _gone(before, {row.key for row in rows}, names)
    latest = through if last_purchase else None
    # Said when the scope kept rows out: not for a rep of theirs asked by name (all of
    # whose sales they see) nor a territory asked.
    limited = (
        None if scope.territories is None or what.territory or what.person else scope.territories
    )
    return SalesHistory(
        what=what,
        period=period,
        current=current,
        compare=compare,
        previous=previous,
        group_by=group_by,
        rows=rows,
        top=top,
        rank_by=rank_by,
        last_purchase=latest,
        days_since_last_purchase=None if latest is None else (today - latest).days,
        data_through=covered,
        territories=tuple(sorted(limited)) if limited is not None else None,
        label=label_of(engine, what),
        previous_from=first_sale
        if previous_bounds is not None
        and first_sale is not None
        and first_sale > previous_bounds[0]
        else None,
        prorated=bucket > 1
        and (start.weekday() != 0 or (end + dt.timedelta(days=1)).weekday() != 0),
    )


def checked_selection(
    engine: Engine, scope: SalesScope, what: SalesFilter, group_by: GroupBy | None = None
) -> Selection:
    """The sales of `what` the caller whose `scope` this is may see, once checked that they
    may ask about it (a PermissionDenied naming the rep or territory by name otherwise)."""
    try:
        _check(scope, what, group_by)
    except PermissionDenied as exc:  # said with the rep's or territory's name, not a code
        theirs = what.territory is not None and exc.params.get("whose") == what.territory
        if theirs and _sold_by(engine, scope, "territory", what.territory):
            pass  # "my sales in USA": another territory, where they (or their team) sold
        elif exc.params.get("whose") in (what.person, what.territory):
            whose = label_of(engine, SalesFilter(person=what.person, territory=what.territory))
            raise PermissionDenied(str(exc), code=exc.code, whose=whose) from None
        else:
            raise
    _check_customer(engine, scope, what.customer)
    return sales_selection(scope, what, _team(engine, what.person))


def _sold_by(engine: Engine, scope: SalesScope, column: str, value: str | None) -> bool:
    """Whether the reps whose own sales `scope` shows wherever sold (the caller, a manager's
    team) ever sold to this customer or in this territory: what they may then ask about,
    their own sales of it (the selection keeps to them)."""
    if not scope.reps or value is None:
        return False
    assert column in ("customer", "territory")
    query = text(
        f"SELECT 1 FROM sales_customer_day WHERE {column} = :value AND rep IN :reps LIMIT 1"
    ).bindparams(bindparam("reps", expanding=True))
    with engine.connect() as conn:
        return conn.execute(query, {"value": value, "reps": sorted(scope.reps)}).first() is not None


# A customer's purchases say which of several products a name means when one of them is
# at least this share of what the customer bought of them over the last year.
MOSTLY = 0.8


def most_bought(
    engine: Engine, scope: SalesScope, customer: str, skus: tuple[str, ...], *, today: dt.date
) -> str | None:
    """Which of `skus` `customer` buys ("100 pesto to Vesuvio": the pesto Vesuvio buys): the
    one that is at least MOSTLY of their units of them over the last year; None when none is,
    or the caller may not see that customer's sales."""
    try:
        selection = checked_selection(engine, scope, SalesFilter(customer=customer))
    except PermissionDenied:
        return None
    query = text(
        f"SELECT s.sku, SUM(s.quantity) AS units FROM {sales_from('s.sku')} "
        f"WHERE s.sku IN :among AND s.date >= :since AND s.date <= :today "
        f"AND {selection.where} GROUP BY s.sku"
    ).bindparams(*selection.binds, bindparam("among", expanding=True))
    params = {**selection.params, "among": list(skus), "since": today - dt.timedelta(days=365),
              "today": today}  # fmt: skip
    with engine.connect() as conn:
        units = {str(sku): float(n or 0) for sku, n in conn.execute(query, params)}
    total = sum(units.values())
    best = max(units, key=lambda sku: units[sku], default=None)
    return best if best is not None and total > 0 and units[best] >= MOSTLY * total else None


def label_of(engine: Engine, what: SalesFilter) -> str:
    """The filter by the names people use: the product's, rep's and territory's names."""
    parts = []
    with engine.connect() as conn:
        for value, sql in (
            (what.product, "SELECT name FROM product WHERE sku = :v"),
            (what.family, None),
            (what.customer, None),
            (what.person, "SELECT name FROM person WHERE slack_user_id = :v"),
            (what.territory, "SELECT name FROM territory WHERE code = :v"),
        ):
            if value is None:
                continue
            name = conn.execute(text(sql), {"v": value}).scalar() if sql else None
            parts.append(str(name or value))
    if what.products:  # several products together ("sauce": the four tomato sauces)
        codes = list(what.products)
        more = f" +{len(codes) - NAMED_CODES}" if len(codes) > NAMED_CODES + 1 else ""
        parts.insert(0, ", ".join(codes[: NAMED_CODES if more else None]) + more)
    return " · ".join(parts)


NAMED_CODES = 3  # products named in a label before "+N" says the rest


def _check(scope: SalesScope, what: SalesFilter, group_by: GroupBy | None) -> None:
    if not scope.customers_visible and (what.customer or group_by == "customer"):
        raise PermissionDenied(
            "customer sales are for the sales team", code="sales_customers_hidden"
        )
    if what.person is not None and scope.reps is not None and what.person not in scope.reps:
        raise PermissionDenied(
            f"you may not see {what.person}'s sales", code="sales_not_yours", whose=what.person
        )
    if not scope.customers_visible and group_by == "person":
        raise PermissionDenied("rep sales are for the sales team", code="sales_customers_hidden")
    if (
        what.territory is not None
        and scope.territories is not None
        and what.territory not in scope.territories
    ):
        raise PermissionDenied(
            f"you may not see {what.territory}'s sales",
            code="sales_not_yours",
            whose=what.territory,
        )


def _check_customer(engine: Engine, scope: SalesScope, customer: str | None) -> None:
    """A rep or manager asking about a customer who buys only outside their territories."""
    if customer is None or scope.territories is None:
        return
    with engine.connect() as conn:
        where = {
            str(t)
            for (t,) in conn.execute(
                text("SELECT territory FROM sales_customer WHERE customer = :c"),
                {"c": customer},
            )
        }
    if (
        where
        and not where & scope.territories
        and not _sold_by(engine, scope, "customer", customer)
    ):
        raise PermissionDenied(
            f"you may not see {customer}'s sales", code="sales_not_yours", whose=customer
        )


@dataclass(frozen=True)
class Selection:
    """The WHERE clause (over sales_actual s joined to product p) for a filter and a scope."""

    where: str
    params: dict[str, Any]
    binds: tuple[BindParameter[Any], ...]


def _monthly(
    frame: pd.DataFrame, start: dt.date, end: dt.date, bucket: int, current: SalesFigure
) -> tuple[SalesRow, ...]:
    """Month by month, in calendar order: each month counts its days of weekly rows, so the
    months add up to the period."""
    rows = []
    first = start.replace(day=1)
    while first <= end:
        following = (first + dt.timedelta(days=32)).replace(day=1)
        span = (max(first, start), min(following - dt.timedelta(days=1), end))
        inside = in_period(frame, *span, bucket)
        units, revenue = float(inside["quantity"].sum()), float(inside["revenue"].sum())
        rows.append(
            SalesRow(
                key=f"{first:%Y-%m}",
                name=f"{first:%Y-%m}",
                units=units,
                revenue=revenue,
                share=units / current.units if current.units else 0.0,
            )
        )
        first = following
    return tuple(rows)


def _team(engine: Engine, person: str | None) -> tuple[str, ...]:
    """The reps reporting to `person` (a manager asked about: "vendite team Bianchi")."""
    return () if person is None else tuple(sorted(team_of(engine, person)))


def sales_selection(scope: SalesScope, what: SalesFilter, team: tuple[str, ...] = ()) -> Selection:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    for column, value in (
        ("s.sku", what.product),
        ("p.family", what.family),
        ("s.customer", what.customer),
        ("s.rep", None if team else what.person),
        ("s.territory", what.territory),
    ):
        if value is not None:
            name = column.split(".")[1]
            clauses.append(f"{column} = :{name}")
            params[name] = value
    binds: list[BindParameter[Any]] = []
    for name, column, values in (("skus", "s.sku", what.products), ("team", "s.rep", team)):
        if values:
            clauses.append(f"{column} IN :{name}")
            params[name] = list(values)
            binds.append(bindparam(name, expanding=True))
    if scope.territories is not None:
        # The sales side sees its territories' sales, and its own (a manager: the team's)
        # wherever they sold: what their quotas count.
        seen = "s.territory IN :territories"
        params["territories"] = sorted(scope.territories)
        binds.append(bindparam("territories", expanding=True))
        if scope.reps:
            seen = f"({seen} OR s.rep IN :scope_reps)"
            params["scope_reps"] = sorted(scope.reps)
            binds.append(bindparam("scope_reps", expanding=True))
        clauses.append(seen)
    return Selection(" AND ".join(clauses) or "1 = 1", params, tuple(binds))


def _latest(engine: Engine, selection: Selection) -> dt.date | None:
    """The selection's latest sale, whenever it was: where its data ends, and when a
    customer last bought."""
    query = text(
        f"SELECT max(s.date) FROM {sales_from(selection.where)} WHERE {selection.where}"
    ).bindparams(*selection.binds)
    with engine.connect() as conn:
        return as_date(conn.execute(query, selection.params).scalar())


def _rows(engine: Engine, selection: Selection, *, since: dt.date, until: dt.date) -> pd.DataFrame:
    """The selection's units and revenue per day of sales between two days, summed in the
    database: only the periods asked about are read, and a year of one product's or one
    rep's sales comes back as its 52 weeks, not as its thousands of rows."""
    query = text(
        "SELECT s.date, sum(s.quantity) AS quantity, sum(s.revenue) AS revenue "
        f"FROM {sales_from(selection.where)} "
        f"WHERE s.date >= :since AND s.date <= :until AND {selection.where} GROUP BY s.date"
    ).bindparams(*selection.binds)
    params = {**selection.params, "since": since, "until": until}
    with engine.connect() as conn:
        frame = pd.read_sql_query(query, conn, params=params)
    frame["date"] = pd.to_datetime(frame["date"]).dt.date
    return frame


# Keys read of the period compared with, for a split's rows (families, territories, reps,
# the top products or customers: a few hundred at most).
MAX_COMPARED_KEYS = 100_000


def _split(
    engine: Engine,
    selection: Selection,
    column: str,
    start: dt.date,
    end: dt.date,
    bucket: int,
    *,
    rank_by: Literal["units", "revenue"],
    top: int,
) -> tuple[pd.DataFrame, SalesFigure]:
    """The `top` values of `column` by units or revenue over [start, end] (key, units,
    revenue), and the whole selection's total over it, summed in one pass in the database.
    A weekly row straddling the period's start or end counts for its days inside (the
    weights of `in_period`, one per such day)."""
    edges = [start - dt.timedelta(days=d) for d in range(1, bucket)]
    edges += [end - dt.timedelta(days=d) for d in range(bucket - 1)]
    weights = in_period(
        pd.DataFrame({"date": edges, "quantity": 1.0, "revenue": 0.0}), start, end, bucket
    )
    cases = {f"d{i}": day for i, day in enumerate(weights["date"])}
    shares = {f"w{i}": float(w) for i, w in enumerate(weights["quantity"])}
    # Most rows lie inside the period, whole: they skip the edge days' list (a dozen
    # comparisons per row were two thirds of a quarter's top products at 5,000 SKUs).
    inside = {"inside_from": start, "inside_to": end - dt.timedelta(days=bucket - 1)}
    weight = (
        "(CASE WHEN s.date >= :inside_from AND s.date <= :inside_to THEN 1.0 "
        "ELSE (CASE s.date "
        + " ".join(f"WHEN :d{i} THEN :w{i}" for i in range(len(cases)))
        + " ELSE 1.0 END) END)"
        if cases
        else "1.0"
    )
    measure = "units" if rank_by == "units" else "revenue"
    # Rows without a value of `column` (a sale with no customer) count in the total, never
    # in the ranking: they sort last and are dropped below.
    query = text(
        "SELECT key, units, revenue, sum(units) OVER () AS all_units, "
        "sum(revenue) OVER () AS all_revenue, max(priced) OVER () AS any_priced FROM ("
        f"SELECT {column} AS key, sum(s.quantity * {weight}) AS units, "
        f"sum(coalesce(s.revenue, 0) * {weight}) AS revenue, "
        "max(CASE WHEN s.revenue IS NULL THEN 0 ELSE 1 END) AS priced "
        f"FROM {sales_from(selection.where + column)} "
        f"WHERE s.date >= :since AND s.date <= :until AND {selection.where} "
        f"GROUP BY {column}) AS grouped "
        f"ORDER BY CASE WHEN key = '' THEN 1 ELSE 0 END, {measure} DESC, key LIMIT :top"
    ).bindparams(*selection.binds)
    params = {
        **selection.params,
        **cases,
        **shares,
        **(inside if cases else {}),
        "since": start - dt.timedelta(days=bucket - 1),
        "until": end,
        "top": top + 1,
    }
    with engine.connect() as conn:
        split = pd.read_sql_query(query, conn, params=params)
    if split.empty:
        return split, SalesFigure(start=start, end=end, units=0.0, revenue=None)
    total = SalesFigure(
        start=start,
        end=end,
        units=float(split["all_units"].iloc[0]),
        revenue=float(split["all_revenue"].iloc[0]) if split["any_priced"].iloc[0] else None,
    )
    return split[split["key"].astype(str) != ""].head(top), total


def _figure(inside: pd.DataFrame, start: dt.date, end: dt.date) -> SalesFigure:
    revenue = inside["revenue"]
    return SalesFigure(
        start=start,
        end=end,
        units=float(inside["quantity"].sum()),
        revenue=float(revenue.sum()) if revenue.notna().any() else None,
    )


def _compared(
    period: str, compare: Compare, *, counted: tuple[dt.date, dt.date]
) -> tuple[dt.date, dt.date]:
    """The period compared with: all of it when `period` is over; else as many days of it
    as of `period` are counted so far (1-22 November against 1-22 October: weekly rows
    count for their days inside, so the two spans weigh the same)."""
    before_start, before_end = period_bounds(_before(period, compare))
    start, end = counted
    if end == period_bounds(period)[1]:
        return before_start, before_end
    days = (end - start).days + 1
    return before_start, min(before_start + dt.timedelta(days=days - 1), before_end)


def _before(period: str, compare: Compare) -> str:
    """ "2026-10" -> "2025-10" (last year) or "2026-09" (previous); quarters, years and
    spans of days too (the span before, or the same days a year earlier)."""
    if ".." in period:
        first, last = period_bounds(period)
        if compare == "last_year":
            first, last = year_before(first), year_before(last)
        else:
            first, last = (
                first - (last - first) - dt.timedelta(days=1),
                first - dt.timedelta(days=1),
            )
        return f"{first}..{last}"
    year, _, part = period.upper().partition("-")
    if compare == "last_year":
        return f"{int(year) - 1}{'-' + part if part else ''}"
    if not part:
        return str(int(year) - 1)
    if part.startswith("Q"):
        index = int(year) * 4 + int(part[1]) - 2
        return f"{index // 4}-Q{index % 4 + 1}"
    index = int(year) * 12 + int(part) - 2
    return f"{index // 12}-{index % 12 + 1:02d}"


def year_before(day: dt.date) -> dt.date:
    """The same day one year earlier (28 February for a 29th)."""
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)


NAMES = {
    "product": "SELECT sku, name FROM product",
    "person": "SELECT slack_user_id, name FROM person",
    "territory": "SELECT code, name FROM territory",
    "location": "SELECT code, name FROM location",
}


def _names(engine: Engine, group_by: GroupBy) -> dict[str, str]:
    if group_by not in NAMES:
        return {}
    with engine.connect() as conn:
        return {str(k): str(v) for k, v in conn.execute(text(NAMES[group_by]))}


GONE_ROWS = 5  # keys sold in the period compared with and not in this one, shown at most


def _gone(
    before: pd.DataFrame, shown: set[str], names: dict[str, str], *, most: int = GONE_ROWS
) -> tuple[SalesRow, ...]:
    """The keys that sold in the period compared with and not at all in this one ("is it
    one account?": a customer lost), the largest first, `most` of them: rows of none, with
    what they had."""
    lost = before[~before["key"].astype(str).isin(shown) & (before["units"] > 0)]
    lost = lost.sort_values("units", ascending=False, kind="stable").head(most)
    keys = [str(key) for key in lost["key"]]
    had = [float(units) for units in lost["units"].astype(float)]
    return tuple(
        SalesRow(key, names.get(key, key), 0.0, 0.0, 0.0, previous_units=units)
        for key, units in zip(keys, had, strict=True)
    )


def _grouped(
    split: pd.DataFrame,
    current: SalesFigure,
    names: dict[str, str],
    rank_by: Literal["units", "revenue"],
) -> tuple[SalesRow, ...]:
    """The split of the period's sales (largest first), with each row's share of the
    period's total of the measure it is ranked by."""
    total = (current.revenue or 0.0) if rank_by == "revenue" else current.units
    return tuple(
        SalesRow(
            key=str(key),
            name=names.get(str(key), str(key)),
            units=float(units),
            revenue=float(revenue),
            share=float(units if rank_by == "units" else revenue) / total if total else 0.0,
        )
        for key, units, revenue in zip(
            split["key"], split["units"].astype(float), split["revenue"].astype(float), strict=True
        )
    )


# -- the order book ---------------------------------------------------------------------------

# Orders due within this many days are "due soon".
DUE_SOON_DAYS = 28
ORDER_ROWS = 10
# What an order book is split by ("backlog by family", "ordini aperti per zona").
OrderSplit = Literal["customer", "product", "family", "person", "territory", "location"]
ORDER_KEYS: dict[str, tuple[str, str]] = {  # the split's column and the name shown for it
    "customer": ("customer", "customer"),
    "product": ("sku", "name"),
    "family": ("family", "family"),
    "person": ("rep", "rep_name"),
    "territory": ("territory", "territory_name"),
    "location": ("location", "location_name"),
}


@dataclass(frozen=True)
class OrderGroup:
    """The open orders of one customer (or product, family, rep, territory)."""

    key: str
    name: str
    lines: int
    units: float
    value: float | None  # at list price; None when none of its products has a price
    first_due: dt.date


@dataclass(frozen=True)
class OrderBook:
    """Orders in hand not yet shipped ("backlog", "portafoglio ordini"), within the caller's
    scope: how much, worth what at list price, how much is late or due soon, and whose."""

    what: SalesFilter
    label: str
    today: dt.date
    lines: int
    units: float
    value: float | None  # at list price (orders carry no price); None when nothing is priced
    unpriced_lines: int  # lines of products without a list price: not in `value`
    customers: int | None  # None to a role that does not see customers
    overdue_lines: int  # due before today and still open
    overdue_units: float
    due_soon_units: float  # due from today to DUE_SOON_DAYS ahead
    by: OrderSplit  # what `groups` are
    groups: tuple[OrderGroup, ...]  # largest value first (units without prices), ORDER_ROWS
    group_count: int  # customers (or products) in all, before the cut
    territories: tuple[str, ...] | None  # the caller's scope when it limited the orders
    due: str | None = None  # only the orders due within this period ("shipping in December")
    late: bool = False  # only the orders past their due date ("ordini in ritardo?")


def order_book(
    engine: Engine,
    scope: SalesScope,
    what: SalesFilter,
    *,
    today: dt.date,
    by: OrderSplit | None = None,
    due: str | None = None,
    late: bool = False,
) -> OrderBook:
    """The open orders of `what` (a product, family, customer, rep or territory, or all)
    that the caller's `scope` may see, due within the period `due` when one is given
    (`YYYY-MM`, `YYYY-Qn`, `YYYY` or a span of days; a period gone by holds the orders
    still open that were due then; only those past it when `late`), split `by` customer,
    product, family, rep or territory: by default by customer (by product for one customer,
    or for a role that does not see customers)."""
    split: OrderSplit = by or (
        "product" if what.customer or not scope.customers_visible else "customer"
    )
    _check(scope, what, split if split in ("customer", "person") else None)
    _check_customer(engine, scope, what.customer)
    selection = sales_selection(scope, what, _team(engine, what.person))
    where, params = selection.where, dict(selection.params)
    if due is not None:
        params["due_from"], params["due_to"] = period_bounds(due)
        where += " AND s.due_date >= :due_from AND s.due_date <= :due_to"
    if late:  # "ordini in ritardo?": only those past their due date
        params["today"] = today
        where += " AND s.due_date < :today"
    query = text(
        "SELECT s.customer, s.sku, p.name, p.family, s.rep, s.territory, s.location, s.quantity, "
        f"s.due_date, p.unit_price FROM open_order s JOIN product p ON p.sku = s.sku "
        f"WHERE {where}"
    ).bindparams(*selection.binds)
    with engine.connect() as conn:
        frame = pd.read_sql_query(query, conn, params=params)
    frame["due_date"] = pd.to_datetime(frame["due_date"]).dt.date
    price = pd.to_numeric(frame["unit_price"], errors="coerce")
    frame["value"] = frame["quantity"].astype(float) * price
    priced = price.notna()
    overdue = frame["due_date"] < today
    soon = ~overdue & (frame["due_date"] <= today + dt.timedelta(days=DUE_SOON_DAYS))
    key, name = ORDER_KEYS[split]  # orders without one (no rep) count in the totals only
    if split in ("person", "territory", "location"):  # by the names people use, not codes
        names = _names(engine, split)
        frame[name] = [names.get(str(k), str(k)) for k in frame[key]]
    groups, count = [], int(frame[key].nunique())
    if not frame.empty:
        per = frame.groupby(key).agg(
            name=(name, "first"),
            lines=("quantity", "size"),
            units=("quantity", "sum"),
            value=("value", lambda v: v.sum(min_count=1)),
            first_due=("due_date", "min"),
        )
        per = per.assign(rank=per["value"].fillna(-1.0)).sort_values(
            ["rank", "units"], ascending=False, kind="stable"
        )
        groups = [
            OrderGroup(
                key=str(k),
                name=str(row["name"]),
                lines=int(row["lines"]),
                units=float(row["units"]),
                value=None if pd.isna(row["value"]) else float(row["value"]),
                first_due=row["first_due"],
            )
            for k, row in per.head(ORDER_ROWS).iterrows()
        ]
    # Said when the scope kept rows out: not for a rep of theirs asked by name (all of
    # whose sales they see) nor a territory asked.
    limited = (
        None if scope.territories is None or what.territory or what.person else scope.territories
    )
    return OrderBook(
        what=what,
        label=label_of(engine, what),
        today=today,
        lines=len(frame),
        units=float(frame["quantity"].sum()),
        value=float(frame.loc[priced, "value"].sum()) if priced.any() else None,
        unpriced_lines=int((~priced).sum()),
        customers=int(frame["customer"].nunique()) if scope.customers_visible else None,
        overdue_lines=int(overdue.sum()),
        overdue_units=float(frame.loc[overdue, "quantity"].sum()),
        due_soon_units=float(frame.loc[soon, "quantity"].sum()),
        by=split,
        groups=tuple(groups),
        group_count=count,
        territories=tuple(sorted(limited)) if limited is not None else None,
        due=due,
        late=late,
    )
