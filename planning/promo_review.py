"""How a promotion went: its weeks against the weeks just before it and just after.

"How did the last moka promo go?", "com'è andata la promo di febbraio?": the sales file flags
the rows sold on promotion (its optional `promo` column). A promotion is a run of weeks in
which some of the asked products sold on promotion, with no more than a week between them;
the one reviewed is the latest (within a period, when one is asked). Its products' weekly
sales during it are set against their usual level, the weeks just before it that were not on
promotion (the lift, and the extra units it brought), and against the weeks just after it:
sales that only moved forward (customers stocking up at the lower price) show as a dip
after, which takes back part of the extra units. The price per unit before and during says
how deep the discount was. Everything is within the caller's view of sales
(planning.sales.SalesScope), by week whatever the file's rows are (days are summed into
their Monday's week).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, bindparam, text

from planning.errors import PonteError
from planning.quotas import period_bounds, sales_calendar, sales_from
from planning.sales import SalesFilter, SalesScope, Selection, checked_selection, label_of

# Weeks before the promotion (not on promotion themselves) that say the usual level, and
# weeks after it that show whether sales only moved forward.
BASELINE_WEEKS = 4
AFTER_WEEKS = 4
# How far back the usual level is looked for past other promotions.
LOOK_BACK_WEEKS = 13
# Promotion weeks further apart than this are two promotions.
SAME_PROMOTION_GAP = dt.timedelta(days=7)
PROMO_LINES = 10  # products shown, most extra units first
YEAR_WEEKS = 52
EARLIER_SHOWN = 3  # earlier promotions named, to ask about next


@dataclass(frozen=True)
class PromoLine:
    """One promoted product: its units per week before, during and after the promotion."""

    sku: str
    name: str
    before: float
    during: float
    after: float | None  # None until a week after the promotion has sold

    @property
    def lift(self) -> float | None:
        return None if self.before <= 0 else self.during / self.before - 1


@dataclass(frozen=True)
class PromoReview:
    what: SalesFilter
    label: str
    start: dt.date  # the promotion's first day (its first week's Monday for weekly rows)
    end: dt.date  # its last day
    weeks: int  # weeks it ran
    products: int  # products sold on promotion in it
    before_weeks: int  # weeks the usual level is measured on (not on promotion)
    before_start: dt.date
    before: float  # the promoted products' units per week before it
    during: float  # ... during it
    after_weeks: int  # weeks after it counted so far (0 when it has just ended)
    after: float | None  # ... per week after it, None before a week after it has sold
    # How the same weeks moved a year earlier, after against before (the season's own
    # turn, which a dip after the promotion is measured against); None without that year.
    season_change: float | None
    price_before: float | None  # revenue per unit before it (None without revenue)
    price_during: float | None
    lines: tuple[PromoLine, ...]  # most extra units first, PROMO_LINES of them
    earlier: tuple[tuple[dt.date, dt.date], ...]  # earlier promotions (first and last day)
    period: str | None  # the period asked about, if any
    territories: tuple[str, ...] | None  # the caller's scope when it limited the figures

    @property
    def lift(self) -> float | None:
        """Units per week during the promotion over the usual level, minus one."""
        return None if self.before <= 0 else self.during / self.before - 1

    @property
    def extra_units(self) -> float:
        """What the promotion sold beyond the usual level over its weeks."""
        return (self.during - self.before) * self.weeks

    @property
    def after_change(self) -> float | None:
        """Units per week after it against the usual level: below zero is a dip."""
        if self.after is None or self.before <= 0:
            return None
        return self.after / self.before - 1

    @property
    def given_back(self) -> float:
        """Units the weeks after it sold below what the usual level, moved as the season
        moved a year earlier, would have sold: extra units that only came forward."""
        if self.after is None:
            return 0.0
        expected = self.before * (1 + (self.season_change or 0.0))
        return max(0.0, (expected - self.after) * self.after_weeks)

    @property
    def discount(self) -> float | None:
        """How much lower the price per unit was during it (0.15 = 15% lower)."""
        if not self.price_before or self.price_during is None:
            return None
        return 1 - self.price_during / self.price_before


def promo_review(
    engine: Engine,
    scope: SalesScope,
    what: SalesFilter,
    *,
    today: dt.date,
    period: str | None = None,
) -> PromoReview:
    """The latest promotion of `what` (within `period` when given) against the weeks just
    before and after it; a PonteError when there was none, or nothing sold before it."""
    selection = checked_selection(engine, scope, what)
    bounds = period_bounds(period) if period else None
    if bounds is not None and bounds[0] > today:
        raise PonteError(f"{period} has not started yet", code="period_in_future", period=period)
    flagged = _promotion_weeks(engine, selection)
    runs = _runs(sorted(flagged["week"].unique()))
    if bounds is not None:
        runs = [r for r in runs if r[0] <= bounds[1] and r[-1] >= bounds[0]]
    runs = [r for r in runs if r[0] <= today]
    label = label_of(engine, what)
    # Said when the scope kept rows out (as a sales answer says it).
    limited = scope.territories if not (what.territory or what.person) else None
    if not runs:
        raise PonteError(
            f"no sales of {label or 'any product'} were on promotion"
            + (f" in {period}" if period else ""),
            code="no_promotion",
            what=label,
            period=period or "",
            territories=", ".join(sorted(limited or ())),
        )
    weeks = runs[-1]
    skus = sorted(set(flagged[flagged["week"].isin(weeks)]["sku"]))
    first, last = weeks[0], weeks[-1]
    bucket, last_sale = sales_calendar(engine)
    data_end = (last_sale or today) + dt.timedelta(days=bucket - 1)
    since = first - dt.timedelta(weeks=LOOK_BACK_WEEKS + YEAR_WEEKS)
    until = min(last + dt.timedelta(weeks=AFTER_WEEKS, days=6), data_end, today)
    frame = _weekly(engine, selection, skus, since=since, until=until)
    promo_weeks = set(frame.loc[frame["promo"], "week"])
    # The usual level is read on weeks the products were already sold in, not on promotion.
    selling_since = min(frame["week"], default=first)
    before = [w for w in _weeks_before(first) if w not in promo_weeks and w >= selling_since][
        :BASELINE_WEEKS
    ]
    # A week after counts once it is whole in the data and was not another promotion.
    after = [
        w
        for w in (last + dt.timedelta(weeks=k) for k in range(1, AFTER_WEEKS + 1))
        if w + dt.timedelta(days=6) <= min(data_end, today) and w not in promo_weeks
    ]
    if not before:
        raise PonteError(
            f"nothing of {label or 'the products'} sold before the promotion of "
            f"{first:%Y-%m-%d} to compare it with",
            code="promotion_without_baseline",
            start=first.isoformat(),
        )

    def per_week(chosen: list[dt.date]) -> tuple[pd.Series, float, float]:
        """Each product's units per week over `chosen`, and all of them together (units per
        week, revenue in all)."""
        inside = frame[frame["week"].isin(chosen)]
        units = inside.groupby("sku")["units"].sum().reindex(skus, fill_value=0.0) / len(chosen)
        return units, float(units.sum()), float(inside["revenue"].sum())

    names = _names(engine, skus)
    sku_before, units_before, revenue_before = per_week(before)
    sku_during, units_during, revenue_during = per_week(weeks)
    sku_after, units_after = (per_week(after)[:2]) if after else (None, None)
    lines = sorted(
        (
            PromoLine(
                sku,
                names.get(sku, sku),
                float(sku_before[sku]),
                float(sku_during[sku]),
                float(sku_after[sku]) if sku_after is not None else None,
            )
            for sku in skus
        ),
        key=lambda line: (-(line.during - line.before), line.sku),
    )
    season_change = None
    if after:  # the same weeks a year earlier, after against before
        year = dt.timedelta(weeks=YEAR_WEEKS)
        then_before = per_week([w - year for w in before])[1]
        then_after = per_week([w - year for w in after])[1]
        if then_before > 0 and then_after > 0:
            season_change = then_after / then_before - 1
    priced = frame["revenue"].notna().any() and frame["revenue"].sum() > 0
    if len(what.products) > 1 and len(skus) < len(what.products):
        # "the pesto promo": the products of the name that were on it, not every one named
        label = label_of(engine, SalesFilter(products=tuple(skus)))
    return PromoReview(
        what=what,
        label=label,
        start=first,
        end=last + dt.timedelta(days=bucket - 1 if bucket > 1 else 6),
        weeks=len(weeks),
        products=len(skus),
        before_weeks=len(before),
        before_start=min(before),
        before=units_before,
        during=units_during,
        after_weeks=len(after),
        after=units_after,
        season_change=season_change,
        price_before=_price(revenue_before, units_before * len(before)) if priced else None,
        price_during=_price(revenue_during, units_during * len(weeks)) if priced else None,
        lines=tuple(lines[:PROMO_LINES]),
        earlier=tuple((run[0], run[-1] + dt.timedelta(days=6)) for run in reversed(runs[:-1]))[
            :EARLIER_SHOWN
        ],
        period=period,
        territories=tuple(sorted(limited)) if limited is not None else None,
    )


def _price(revenue: float, units: float) -> float | None:
    return revenue / units if units > 0 else None


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _weeks_before(first: dt.date) -> list[dt.date]:
    return [first - dt.timedelta(weeks=k) for k in range(1, LOOK_BACK_WEEKS + 1)]


def _runs(weeks: list[dt.date]) -> list[list[dt.date]]:
    """Promotion weeks grouped into promotions, oldest first."""
    runs: list[list[dt.date]] = []
    for week in weeks:
        if runs and week - runs[-1][-1] <= SAME_PROMOTION_GAP:
            runs[-1].append(week)
        else:
            runs.append([week])
    return runs


def _promotion_weeks(engine: Engine, selection: Selection) -> pd.DataFrame:
    """Every (week, sku) of the selection sold on promotion: a few rows per promotion."""
    query = text(
        f"SELECT s.date, s.sku FROM {sales_from('s.sku s.promo ' + selection.where)} "
        f"WHERE s.promo AND {selection.where} GROUP BY s.date, s.sku"
    ).bindparams(*selection.binds)
    with engine.connect() as conn:
        frame = pd.read_sql_query(query, conn, params=selection.params)
    frame["week"] = [_monday(d) for d in pd.to_datetime(frame["date"]).dt.date]
    return frame


def _weekly(
    engine: Engine, selection: Selection, skus: list[str], *, since: dt.date, until: dt.date
) -> pd.DataFrame:
    """The promoted products' units and revenue per week around the promotion (week, sku,
    units, revenue, promo: whether any of that week's rows was on promotion)."""
    query = text(
        "SELECT s.date, s.sku, sum(s.quantity) AS units, sum(s.revenue) AS revenue, "
        "max(CASE WHEN s.promo THEN 1 ELSE 0 END) AS promo "
        f"FROM {sales_from('s.sku s.promo ' + selection.where)} "
        "WHERE s.date >= :since AND s.date <= :until "
        f"AND s.sku IN :promoted AND {selection.where} GROUP BY s.date, s.sku"
    ).bindparams(*selection.binds, bindparam("promoted", expanding=True))
    params = {**selection.params, "since": since, "until": until, "promoted": skus}
    with engine.connect() as conn:
        frame = pd.read_sql_query(query, conn, params=params)
    frame["week"] = [_monday(d) for d in pd.to_datetime(frame["date"]).dt.date]
    frame["promo"] = frame["promo"].astype(int) > 0
    frame["revenue"] = frame["revenue"].astype(float)
    grouped = frame.groupby(["week", "sku"], as_index=False).agg(
        units=("units", "sum"), revenue=("revenue", "sum"), promo=("promo", "max")
    )
    return grouped


def _names(engine: Engine, skus: list[str]) -> dict[str, str]:
    query = text("SELECT sku, name FROM product WHERE sku IN :skus").bindparams(
        bindparam("skus", expanding=True)
    )
    with engine.connect() as conn:
        return {str(sku): str(name) for sku, name in conn.execute(query, {"skus": skus})}
