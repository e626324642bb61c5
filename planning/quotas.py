"""Quota status: target, attainment to date and the pace still needed, per rep or territory.

The current version of each quota (periods `YYYY-MM`, `YYYY-Qn` or `YYYY`) is compared with
the sales inside the period. When every sales row is dated on a Monday the rows are weekly
buckets: a week straddling the period's start or end counts for the share of its days inside
the period, "to date" means up to the end of the last week imported (never past `today`), and
the pace is measured over that same span. Daily rows count as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable
from dataclasses import dataclass, replace
from typing import Any, Literal

import pandas as pd
from sqlalchemy import Engine, bindparam, text

from planning.db import as_date
from planning.errors import PonteError
from planning.memo import DataMemo

_MEMO = DataMemo(size=1024)
PERIOD = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$")
SPAN = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")
DAYS_PER_WEEK = 7


def period_kind(period: str) -> Literal["year", "quarter", "month", "span"] | None:
    """What `period` names: a year (`YYYY`), quarter (`YYYY-Qn`), month (`YYYY-MM`) or span
    of days; None when it is none of them."""
    if SPAN.match(period):
        return "span"
    if (match := PERIOD.match(period.upper())) is None:
        return None
    return "month" if match.group(2) else "quarter" if match.group(3) else "year"


def ahead(period: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of a period that must not be over yet (forecasts, capacity and
    scenarios look ahead)."""
    first, last = period_bounds(period.upper())
    if last < today:
        raise PonteError(
            f"{period} is over: forecasts and capacity look ahead",
            code="period_over",
            period=period,
        )
    return first, last


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """First and last day of a `YYYY-MM`, `YYYY-Qn` or `YYYY` period, or of a span of days
    `YYYY-MM-DD..YYYY-MM-DD` ("the last 3 months")."""
    if (span := SPAN.match(period)) is not None:
        try:
            first, last = (dt.date.fromisoformat(d) for d in span.groups())
        except ValueError:
            first, last = dt.date.max, dt.date.min
        if last < first:
            raise PonteError(f"{period!r} is not a period", code="bad_period", period=period)
        return first, last
    match = PERIOD.match(period.upper())
    if match is None:
        raise PonteError(
            f"{period!r} is not a period (use YYYY-MM, YYYY-Qn or YYYY)",
            code="bad_period",
            period=period,
        )
    year = int(match.group(1))
    if not 1 <= year <= 9998:  # the calendar (and the day after the period) must exist
        raise PonteError(
            f"{period!r} is not a period (use YYYY-MM, YYYY-Qn or YYYY)",
            code="bad_period",
            period=period,
        )
    if match.group(2):
        first_month, months = int(match.group(2)), 1
    elif match.group(3):
        first_month, months = 3 * int(match.group(3)) - 2, 3
    else:
        first_month, months = 1, 12
    start = dt.date(year, first_month, 1)
    after = first_month + months
    end = dt.date(year + (after - 1) // 12, (after - 1) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def quarter_of(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


@dataclass(frozen=True)
class QuotaStatus:
    period: str
    start: dt.date
    end: dt.date
    owner_kind: Literal["rep", "territory"]
    owner: str
    owner_name: str
    family: str | None  # None = all families
    version: int
    target_units: float | None
    target_revenue: float | None
    sold_units: float
    sold_revenue: float
    measured_until: dt.date  # sales counted up to (and including) this day
    elapsed_share: float  # share of the period the counted sales cover, 0..1
    attainment_pct: float | None  # units sold / target units x 100
    revenue_attainment_pct: float | None
    on_track: bool | None  # attainment at least the elapsed share of the period
    current_weekly_pace: float  # units sold per week so far
    required_weekly_pace: float | None  # units per week still needed to reach the target
    current_weekly_revenue: float  # revenue per week so far
    required_weekly_revenue: float | None  # revenue per week still needed (revenue target)
    weeks_left: float
    # Where the period ends if demand comes as forecast: sold so far plus the owner's share
    # (their part of the company's sales of the family, or of everything, over the last 13
    # weeks) of the forecast for the days still to come. None without a weekly forecast.
    forecast_units_at_end: float | None = None
    forecast_revenue_at_end: float | None = None
    forecast_attainment_pct: float | None = None  # in the quota's own measure
    forecast_through: dt.date | None = None  # the last day the forecast covers (the period's
    # end when it covers it all)
    parts: int = 1  # quotas added up: a year's 4 quarterly ones (planning.quotas._added_up)


def quota_status(
    engine: Engine,
    *,
    today: dt.date,
    rep: str | None = None,
    territory: str | None = None,
    period: str | None = None,
    family: str | None = None,
    among: frozenset[str] | None = None,
) -> list[QuotaStatus]:
    """Status of the current quota versions for a rep or territory (or all of them; with
    `among`, only these reps' own quotas). Remembered until an import or a forecast run
    changes the data."""
    key = ("quota_status", today, rep, territory, period, family, among)
    found = _MEMO.get(
        engine,
        key,
        lambda: tuple(_quota_status(engine, today, rep, territory, period, family, among)),
    )
    return list(found)


def _quota_status(
    engine: Engine,
    today: dt.date,
    rep: str | None,
    territory: str | None,
    period: str | None,
    family: str | None,
    among: frozenset[str] | None = None,
) -> list[QuotaStatus]:
    wanted = period.upper() if period else None
    if wanted is not None:
        period_bounds(wanted)  # a bad period is the user's error: say so before querying
    with engine.connect() as conn:
        quotas = pd.read_sql_query(text("SELECT * FROM quota"), conn)
        people = {k: v for k, v in conn.execute(text("SELECT slack_user_id, name FROM person"))}
        based = {
            str(k): str(t or "")
            for k, t in conn.execute(text("SELECT slack_user_id, territory FROM person"))
        }
        territories = {k: v for k, v in conn.execute(text("SELECT code, name FROM territory"))}
    if rep is not None and rep not in people:
        raise PonteError(f"unknown person {rep!r}", code="unknown_person", person=rep)
    if territory is not None and territory not in territories:
        raise PonteError(f"unknown territory {territory!r}")
    if quotas.empty:
        return []
    key = ["period", "rep", "territory", "family"]
    current = quotas.fillna({"rep": "", "territory": "", "family": ""})
    current = current.sort_values("version").groupby(key, as_index=False).last()
    if wanted is None:
        wanted = quarter_of(today)
    current = _added_up(current, wanted)
    if rep is not None:
        current = current[current["rep"] == rep]
    if territory is not None:
        named = current["territory"] == territory
        if current[named & (current["rep"] == "")].empty:
            # A territory with no quota of its own has its reps' quotas.
            reps = {person for person, where in based.items() if where == territory}
            named = named | current["rep"].isin(reps)
        current = current[named]
    if among is not None:
        current = current[current["rep"].isin(among)]
    if family is not None:
        current = current[current["family"].str.lower() == family.lower()]
    if current.empty:
        return []
    bucket, last_sale = sales_calendar(engine)
    start, end = period_bounds(wanted)
    sales = _period_sales(
        engine,
        since=start - dt.timedelta(days=bucket - 1),
        until=min(end, today),
        reps=sorted({r for r in current["rep"] if r}),
        territories=sorted({t for t in current["territory"] if t}),
        by_family=bool((current["family"] != "").any()),
    )
    sales["date"] = pd.to_datetime(sales["date"]).dt.date
    covered = last_sale + dt.timedelta(days=bucket - 1) if last_sale else None
    out = []
    for row in current.to_dict("records"):
        start, end = period_bounds(str(row["period"]))
        is_rep = bool(row["rep"])
        owner = str(row["rep"] or row["territory"])
        mine = sales[
            (sales["rep" if is_rep else "territory"] == owner)
            & (sales["date"] >= start - dt.timedelta(days=bucket - 1))
            & (sales["date"] <= min(end, today))
        ]
        if row["family"]:
            mine = mine[mine["family"] == row["family"]]
        mine = in_period(mine, start, end, bucket)
        out.append(
            _status(row, start, end, owner, is_rep, mine, covered, today, people, territories)
        )
    out = with_forecast(engine, out)
    return sorted(out, key=lambda s: (s.owner_kind, s.owner, s.family or ""))


def sales_calendar(engine: Engine) -> tuple[int, dt.date | None]:
    """(7, last week) when every sales row is dated on a Monday, so rows are weekly
    buckets; (1, last day) for daily rows. From the days sales are dated on (a small table
    the import keeps), remembered until the data changes."""
    bucket, _, last = sales_span(engine)
    return bucket, last


def sales_span(engine: Engine) -> tuple[int, dt.date | None, dt.date | None]:
    """(bucket, the first sale's day, the last's): `sales_calendar` with where the sales
    file starts, so that a period compared with is known to be covered or not."""

    def compute() -> tuple[int, dt.date | None, dt.date | None]:
        with engine.connect() as conn:
            days = [as_date(d) for d in conn.execute(text("SELECT date FROM sales_date"))
                    .scalars()]  # fmt: skip
        known = [d for d in days if d is not None]
        if not known:
            return 1, None, None
        return (7 if all(d.weekday() == 0 for d in known) else 1), min(known), max(known)

    return _MEMO.get(engine, "sales_span", compute)


def in_period(frame: pd.DataFrame, start: dt.date, end: dt.date, bucket: int) -> pd.DataFrame:
    """The sales rows (date, quantity, revenue, ...) that fall inside [start, end]: a row
    is a `bucket` of days from its date (7 for weekly rows), and one straddling either end
    counts for the share of its days inside, so that every answer counts a week the same."""
    day = pd.to_datetime(frame["date"])
    inside = (day >= pd.Timestamp(start) - pd.Timedelta(days=bucket - 1)) & (
        day <= pd.Timestamp(end)
    )
    frame, day = frame[inside], day[inside]
    first = day.where(day >= pd.Timestamp(start), pd.Timestamp(start))
    last = day + pd.Timedelta(days=bucket - 1)
    last = last.where(last <= pd.Timestamp(end), pd.Timestamp(end))
    weight = ((last - first).dt.days + 1) / bucket
    return frame.assign(quantity=frame["quantity"] * weight, revenue=frame["revenue"] * weight)


def sales_from(uses: str) -> str:
    """The sales `uses` (the SQL that will read them, over `s` and `p`) needs: the sums per
    day, territory, rep and customer (planning.models.SalesCustomerDay, a hundredth of the
    lines) unless it names a product, a location or the promo flag; joined to the catalogue
    only when it needs a product's family (a lookup per line, a third of a quarter's
    scan)."""
    if not any(column in uses for column in ("s.sku", "s.location", "s.promo", "p.family")):
        return "sales_customer_day s"
    return "sales_actual s" + (" JOIN product p ON p.sku = s.sku" if "p.family" in uses else "")


def sold_between(
    engine: Engine, status: QuotaStatus, start: dt.date, end: dt.date, *, today: dt.date
) -> tuple[float, float]:
    """Units and revenue the quota's owner (and family) sold from `start` to `end` (today
    at the latest), counted as the quota counts them: "this month" of a quarter's quota."""
    bucket, _ = sales_calendar(engine)
    rep = status.owner_kind == "rep"
    sales = _period_sales(
        engine,
        since=start - dt.timedelta(days=bucket - 1),
        until=min(end, today),
        reps=[status.owner] if rep else [],
        territories=[] if rep else [status.owner],
        by_family=status.family is not None,
    )
    mine = sales[sales["rep" if rep else "territory"] == status.owner]
    if status.family is not None:
        mine = mine[mine["family"] == status.family]
    inside = in_period(mine, start, min(end, today), bucket)
    return float(inside["quantity"].sum()), float(inside["revenue"].fillna(0.0).sum())


def _parts_of(period: str) -> list[set[str]]:
    """The periods a longer one is made of, as quotas may be set: a year's quarters or
    months, a quarter's months."""
    kind = period_kind(period)
    if kind == "year":
        return [
            {f"{period}-Q{q}" for q in range(1, 5)},
            {f"{period}-{m:02d}" for m in range(1, 13)},
        ]
    if kind == "quarter":
        first = 3 * int(period[-1]) - 2
        return [{f"{period[:4]}-{m:02d}" for m in range(first, first + 3)}]
    return []


def _added_up(current: pd.DataFrame, wanted: str) -> pd.DataFrame:
    """The current quotas of `wanted`: each owner's own, or, where it has none, its quotas
    for every quarter (or month) of it added up ("attainment ytd" of a company that sets
    quotas per quarter is the year's four added up). An owner with some of the parts only
    has no quota for `wanted` (a part of the year is not the year's target)."""
    owners = ["rep", "territory", "family"]
    own = current[current["period"] == wanted].assign(parts=1)
    have = {tuple(k) for k in own[owners].itertuples(index=False)}
    added = []
    for parts in _parts_of(wanted):
        inside = current[current["period"].isin(parts)]
        for named, group in inside.groupby(owners):
            if named in have or set(group["period"]) != parts:
                continue
            have.add(named)
            targets = {
                column: group[column].sum() if group[column].notna().all() else None
                for column in ("target_units", "target_revenue")
            }
            added.append(
                {
                    **dict(zip(owners, named, strict=True)),
                    "period": wanted,
                    "version": int(group["version"].max()),
                    **targets,
                    "parts": len(parts),
                }
            )
    return pd.concat([own, pd.DataFrame(added)]) if added else own


def _period_sales(
    engine: Engine,
    *,
    since: dt.date,
    until: dt.date,
    reps: list[str],
    territories: list[str],
    by_family: bool,
) -> pd.DataFrame:
    """The sales of a period (and the week before it) for these reps and territories, per
    day, rep, territory and product family: only what the quotas asked about is read."""
    owners = []
    if reps:
        owners.append("s.rep IN :reps")
    if territories:
        owners.append("s.territory IN :territories")
    # Summed per day, rep, territory and family in the database: a quarter of a rep's sales
    # is thousands of rows, their sums a few hundred.
    # Only a quota for a family reads sales lines (joined to the catalogue); the others read
    # the sums per customer and day.
    family = "p.family" if by_family else "''"
    query = text(
        f"SELECT s.date, s.territory, s.rep, {family} AS family, sum(s.quantity) AS quantity, "
        f"sum(s.revenue) AS revenue FROM {sales_from(family)} "
        f"WHERE s.date >= :since AND s.date <= :until AND ({' OR '.join(owners)}) "
        f"GROUP BY s.date, s.territory, s.rep{', p.family' if by_family else ''}"
    ).bindparams(
        *([bindparam("reps", expanding=True)] if reps else []),
        *([bindparam("territories", expanding=True)] if territories else []),
    )
    params: dict[str, Any] = {"since": since, "until": until}
    if reps:
        params["reps"] = reps
    if territories:
        params["territories"] = territories
    with engine.connect() as conn:
        return pd.read_sql_query(query, conn, params=params)


def _status(
    row: dict[Hashable, Any],
    start: dt.date,
    end: dt.date,
    owner: str,
    is_rep: bool,
    sales: pd.DataFrame,
    covered: dt.date | None,
    today: dt.date,
    people: dict[str, str],
    territories: dict[str, str],
) -> QuotaStatus:
    covered = covered or start - dt.timedelta(days=1)
    measured_until = max(start - dt.timedelta(days=1), min(end, today, covered))
    length = (end - start).days + 1
    elapsed_days = (measured_until - start).days + 1
    elapsed_share = elapsed_days / length
    units = float(sales["quantity"].sum())
    revenue = float(sales["revenue"].fillna(0).sum())
    target_units = _number(row["target_units"])
    target_revenue = _number(row["target_revenue"])
    # What is still needed must come from the days the imported sales do not cover yet.
    weeks_left = max(0.0, (end - measured_until).days / DAYS_PER_WEEK)
    attainment = 100 * units / target_units if target_units else None
    revenue_attainment = 100 * revenue / target_revenue if target_revenue else None
    primary = attainment if attainment is not None else revenue_attainment
    required = required_revenue = None
    if target_units is not None and weeks_left > 0:
        required = max(0.0, target_units - units) / weeks_left
    if target_revenue is not None and weeks_left > 0:
        required_revenue = max(0.0, target_revenue - revenue) / weeks_left
    weeks_elapsed = elapsed_days / DAYS_PER_WEEK
    return QuotaStatus(
        period=str(row["period"]),
        start=start,
        end=end,
        owner_kind="rep" if is_rep else "territory",
        owner=owner,
        owner_name=(people if is_rep else territories).get(owner, owner),
        family=str(row["family"]) or None,
        version=int(str(row["version"])),
        target_units=target_units,
        target_revenue=target_revenue,
        sold_units=units,
        sold_revenue=revenue,
        measured_until=measured_until,
        elapsed_share=elapsed_share,
        attainment_pct=attainment,
        revenue_attainment_pct=revenue_attainment,
        on_track=None if primary is None else primary >= 100 * elapsed_share,
        current_weekly_pace=units / weeks_elapsed if weeks_elapsed > 0 else 0.0,
        required_weekly_pace=required,
        current_weekly_revenue=revenue / weeks_elapsed if weeks_elapsed > 0 else 0.0,
        required_weekly_revenue=required_revenue,
        weeks_left=weeks_left,
        parts=int(row.get("parts", 1)),
    )


def _number(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


# An owner's share of the company's sales is measured over the last quarter: an account won
# or lost lately counts (a share is a ratio of the same weeks: no season in it).
SHARE_WEEKS = 13


def with_forecast(engine: Engine, statuses: list[QuotaStatus]) -> list[QuotaStatus]:
    """Each status with where it ends if demand comes as forecast (see QuotaStatus)."""
    from planning.forecast.runs import latest_run_id
    from planning.projection import days_inside

    run = latest_run_id(engine, grain="week")
    if run is None or not statuses:
        return statuses
    with engine.connect() as conn:
        weeks = pd.read_sql_query(
            text("SELECT family, ds, demand FROM forecast_family_week WHERE run_id = :run"),
            conn,
            params={"run": run},
        )
    if weeks.empty:
        return statuses
    weeks["ds"] = pd.to_datetime(weeks["ds"]).dt.date
    last_day = max(weeks["ds"]) + dt.timedelta(days=6)
    out = []
    for s in statuses:
        first = s.measured_until + dt.timedelta(days=1)
        through = min(s.end, last_day)
        mine = weeks if s.family is None else weeks[weeks["family"].str.lower() == s.family.lower()]
        rest = sum(
            float(d) * days_inside(ds, first, through) / DAYS_PER_WEEK
            for ds, d in zip(mine["ds"], mine["demand"], strict=True)
        )
        share_units, share_revenue, price = _share(engine, s)
        units = s.sold_units + share_units * rest
        revenue = s.sold_revenue + share_revenue * rest * price
        if s.target_units:
            pct: float | None = 100 * units / s.target_units
        elif s.target_revenue:
            pct = 100 * revenue / s.target_revenue
        else:
            pct = None
        out.append(
            replace(
                s,
                forecast_units_at_end=units,
                forecast_revenue_at_end=revenue,
                forecast_attainment_pct=pct,
                forecast_through=max(through, s.measured_until),
            )
        )
    return out


def _share(engine: Engine, s: QuotaStatus) -> tuple[float, float, float]:
    """The owner's share of the company's units and revenue (in the quota's family, or in
    everything) over the SHARE_WEEKS before the sales counted, and the company's revenue
    per unit there: what turns the company's forecast into theirs."""
    until = s.measured_until
    since = until - dt.timedelta(weeks=SHARE_WEEKS)
    who = "s.rep" if s.owner_kind == "rep" else "s.territory"
    family = "p.family = :family AND " if s.family else ""
    source = sales_from("p.family" if s.family else "")
    query = text(
        f"SELECT sum(CASE WHEN {who} = :owner THEN s.quantity ELSE 0 END), sum(s.quantity), "
        f"sum(CASE WHEN {who} = :owner THEN coalesce(s.revenue, 0) ELSE 0 END), "
        f"sum(coalesce(s.revenue, 0)) FROM {source} "
        f"WHERE {family}s.date > :since AND s.date <= :until"
    )
    params: dict[str, Any] = {"owner": s.owner, "since": since, "until": until}
    if s.family:
        params["family"] = s.family
    with engine.connect() as conn:
        mine, everyone, my_revenue, revenue = (
            float(v or 0) for v in conn.execute(query, params).one()
        )
    return (
        mine / everyone if everyone else 0.0,
        my_revenue / revenue if revenue else 0.0,
        revenue / everyone if everyone else 0.0,
    )
