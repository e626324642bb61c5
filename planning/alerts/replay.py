"""Replay: what the alert rules would have said each past week, knowing only what was known then.

How planners learn to trust thresholds. For every Monday from `start` to `end` the replay
rebuilds the company as it stood that morning in a scratch SQLite database (the sales before
it, the stock on hand, the receipts already ordered, the capacity and the quotas), makes the
weekly forecast from those sales alone and runs every rule (planning.alerts.rules) as the
scheduled scan would. Then it looks at what actually happened:

- a stockout: a product-location's stock on hand at the end of a week was zero;
- a capacity overrun: a plant x family's actual demand in a week, and over four weeks
  around it (its sales, shared between plants as the forecast is), exceeded the capacity in
  force: a lumpy week that stock serves is no overrun, a month over capacity is.

For each, whether and how many weeks ahead a scan had warned (a "stockout" finding for that
product-location; a capacity "shortfall" or "risk" for that plant x family) by an alert still
open the week before. Each alert the replay raised (once, from the scan that raised it until
the scan that no longer found it, as the store notifies once) either came true (the problem
happened at that entity while it was open or within its window after: the SKU's stockout
window, the capacity horizon), was a false alarm, or is too recent to judge (its window runs
past the data). Excess, drift and quota alerts have no event in the history to check them
against: the replay counts them per week.

Stock on a past day (`stock_on`): the latest snapshot at or before that day (stock.csv keeps
every `as_of`), plus the receipts and less the sales in between; before the first snapshot,
that snapshot less the receipts and plus the sales in between. Where stock rose between two
snapshots by more than the sales and receipts explain, the difference arrived (production or
a delivery) on the later snapshot's day. The replay takes every arrival, and every receipt
dated in the past, as planned beforehand: the data does not say when it was booked. Open
orders have no history, so the replay has none (the forecast stands for all demand). A
company with one snapshot and no past receipts gets stock that only grows backwards: no
stockout can be seen, and the stockout figures say nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from statistics import median

import numpy as np
import pandas as pd
from sqlalchemy import Engine, text

from planning.alerts.rules import RULES, AlertSettings, Finding, find_problems
from planning.capacity import capacity_check
from planning.db import make_engine, upgrade
from planning.errors import PonteError
from planning.forecast.runs import FAMILIES, compute_forecast, load_sales, store_run
from planning.projection import week_monday
from planning.supply import read_frame

# The rules whose problems can be seen happening in the history, and the finding kinds that
# warn of them.
CHECKED = {"stockout": ("stockout",), "capacity": ("shortfall", "risk")}
# Rows copied as they are into the scratch database, in foreign-key order.
STATIC = ("location", "territory", "person", "product", "capacity", "quota")
# A stock level at or below this is out (reconstructed stock carries rounding).
EMPTY = 0.5


@dataclass(frozen=True)
class Happened:
    """A problem that actually happened: its first week, and how many weeks before it the
    replay's first warning came (None: not warned)."""

    rule: str
    entity: str
    week: dt.date
    warned_weeks: int | None


@dataclass(frozen=True)
class Raised:
    """An alert the replay raised: the first and last scans that found it; verdict true,
    false (a false alarm) or open (too recent to judge); None for rules not checked."""

    rule: str
    kind: str
    fingerprint: str
    entity: str
    first: dt.date
    last: dt.date
    severity: str
    money: float
    window_weeks: int  # how long after its last scan the problem may still come
    verdict: str | None


@dataclass(frozen=True)
class RuleFigures:
    """One rule's replay in numbers."""

    rule: str
    checked: bool  # whether the history says if its alerts came true
    happened: int
    warned: int
    median_weeks: float | None  # of warning, over the problems warned
    raised: int
    false_alarms: int
    false_posted: int  # of them high or medium: posted as messages (low waits for the digest)
    too_recent: int
    weeks: int

    @property
    def warned_share(self) -> float | None:
        return self.warned / self.happened if self.happened else None

    @property
    def came_true(self) -> int:
        """Alerts whose problem happened (the rest: false alarms or too recent to judge)."""
        return self.raised - self.false_alarms - self.too_recent

    @property
    def false_per_week(self) -> float:
        return self.false_alarms / self.weeks if self.weeks else 0.0

    @property
    def raised_per_week(self) -> float:
        return self.raised / self.weeks if self.weeks else 0.0


@dataclass(frozen=True)
class Replay:
    start: dt.date
    end: dt.date
    weeks: int
    seconds: float
    figures: tuple[RuleFigures, ...]
    happened: tuple[Happened, ...]
    raised: tuple[Raised, ...]
    skipped: dict[str, int] = field(default_factory=dict)  # rule -> weeks it could not run


def replay_alerts(
    engine: Engine,
    *,
    start: dt.date | None,
    end: dt.date | None,
    today: dt.date,
    settings: AlertSettings,
    on_week: Callable[[dt.date, int, int], None] | None = None,
) -> Replay:
    """Replay the weekly alert scan on every Monday from `start`'s week to `end`'s, using
    only what was known each Monday, and score it against what happened (to `today`).
    Without `end`, the last complete week; without `start`, the 52 weeks to `end`."""
    began = time.perf_counter()
    data_end = week_monday(today) - dt.timedelta(weeks=1)  # the last week with all its sales
    last = week_monday(end) if end is not None else data_end
    first = week_monday(start) if start is not None else last - dt.timedelta(weeks=51)
    if first > last and end is None:
        raise PonteError(
            f"--from {start} is after the last complete week of sales ({last}): the replay "
            "looks back, so give a date before it"
        )
    if first > last:
        raise PonteError(f"the replay's --from ({start}) is after its --to ({end})")
    if last > data_end:
        raise PonteError(
            f"the replay can run to the week of {data_end} at the latest: its sales are the "
            f"last complete week before today ({today})"
        )
    sales = load_sales(engine)
    if sales.empty:
        raise PonteError("there are no sales to replay: import sales.csv first")
    sales["date"] = pd.to_datetime(sales["date"]).dt.date
    if sales["date"].min() > first - dt.timedelta(weeks=8):
        raise PonteError(
            f"the replay needs at least 8 weeks of sales before {first}: they start on "
            f"{sales['date'].min()}"
        )
    mondays = _mondays(first, last)
    history = _History.read(engine, sales)
    horizon = max(
        [settings.defaults.horizon_weeks]
        + [int(o.get("horizon_weeks", 0)) for o in settings.families.values()]
    )
    found: dict[dt.date, tuple[Finding, ...]] = {}
    skipped: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="ponte-replay-") as folder:
        scratch = make_engine(f"sqlite:///{Path(folder) / 'replay.db'}")
        try:
            upgrade(scratch)
            _copy_static(engine, scratch)
            done = first - dt.timedelta(weeks=10_000)
            for k, monday in enumerate(mondays):
                if on_week is not None:
                    on_week(monday, k + 1, len(mondays))
                known = sales[sales["date"] < monday]
                _as_of(scratch, history, known[known["date"] >= done], monday)
                done = monday
                known.attrs[FAMILIES] = sales.attrs.get(FAMILIES) or {}
                result = compute_forecast(known, today=monday, horizon=horizon)
                store_run(
                    scratch,
                    result,
                    now=dt.datetime.combine(monday, dt.time(), tzinfo=dt.UTC),
                    engine_name="replay",
                    duration_seconds=0.0,
                )
                scan = find_problems(scratch, today=monday, settings=settings)
                found[monday] = scan.findings
                for rule in scan.skipped:
                    skipped[rule] = skipped.get(rule, 0) + 1
        finally:
            scratch.dispose()
    stockouts = history.stockout_weeks(first, data_end)
    overruns = history.overrun_weeks(first, data_end)
    raised = _episodes(found, mondays, horizon)
    judged = tuple(_judged(r, stockouts, overruns, data_end) for r in raised)
    happened = _happened(stockouts, "stockout", first, last, raised) + _happened(
        overruns, "capacity", first, last, raised
    )
    figures = tuple(_figures(rule, happened, judged, len(mondays)) for rule in RULES)
    return Replay(
        start=first,
        end=last,
        weeks=len(mondays),
        seconds=time.perf_counter() - began,
        figures=figures,
        happened=tuple(sorted(happened, key=lambda h: (h.rule, h.week, h.entity))),
        raised=judged,
        skipped=skipped,
    )


@dataclass
class _History:
    """The company's stock snapshots, receipts, sales, capacity and plants, read once."""

    snapshots: pd.DataFrame  # sku, location, as_of (date), on_hand
    # Net flow (+ received, - sold) per sku x location summed to each day it moved, computed
    # once: every replayed week reads stock from it.
    cumulative: pd.DataFrame
    arrivals: pd.DataFrame  # sku, location, day, quantity, known: receipts, stated or inferred
    weekly_family: pd.DataFrame  # family, week, demand: actual weekly sales per family
    capacity: pd.DataFrame
    plants: set[str]

    @staticmethod
    def read(engine: Engine, sales: pd.DataFrame) -> _History:
        with engine.connect() as conn:
            snapshots = read_frame(conn, "SELECT sku, location, as_of, on_hand FROM stock_level")
            receipts = read_frame(
                conn, "SELECT sku, location, date AS day, quantity FROM planned_receipt"
            )
            products = read_frame(conn, "SELECT sku, family, lead_time_days FROM product")
            capacity = read_frame(
                conn, "SELECT plant, family, start_date, end_date, units_per_week FROM capacity"
            )
            plants = set(read_frame(conn, "SELECT code FROM location WHERE kind = 'plant'")["code"])
        snapshots["as_of"] = pd.to_datetime(snapshots["as_of"]).dt.date
        receipts["day"] = pd.to_datetime(receipts["day"]).dt.date
        # Sales without a location left from where the product is mainly stocked.
        latest = snapshots.sort_values("as_of").groupby(["sku", "location"]).tail(1)
        main = latest.loc[latest.groupby("sku")["on_hand"].idxmax(), ["sku", "location"]]
        where = sales["location"].fillna("").astype(str)
        sold = pd.DataFrame(
            {
                "sku": sales["sku"].astype(str),
                "location": where.where(where != "", sales["sku"].map(dict(main.values))),
                "day": sales["date"],
                "quantity": -pd.to_numeric(sales["quantity"]).astype(float),
            }
        ).dropna(subset=["location"])
        flows = pd.concat([sold, receipts], ignore_index=True) if len(receipts) else sold
        inferred = _inferred_arrivals(snapshots, flows)
        parts = [frame for frame in (receipts, inferred) if not frame.empty]
        family = dict(zip(products["sku"], products["family"], strict=True))
        arrivals = pd.concat(parts, ignore_index=True) if parts else receipts
        lead = dict(zip(products["sku"], products["lead_time_days"].fillna(0), strict=True))
        # Known from the day it must have been ordered: its lead time and a week before.
        arrivals["known"] = [
            day - dt.timedelta(days=int(lead.get(sku, 0)) + 7)
            for sku, day in zip(arrivals["sku"], arrivals["day"], strict=True)
        ]
        weekly = pd.DataFrame(
            {
                "family": sales["sku"].map(family),
                "week": [week_monday(d) for d in sales["date"]],
                "demand": pd.to_numeric(sales["quantity"]).astype(float),
            }
        ).dropna(subset=["family"])
        return _History(
            snapshots=snapshots,
            cumulative=_cumulative(pd.concat([sold, *parts], ignore_index=True)),
            arrivals=arrivals,
            weekly_family=weekly.groupby(["family", "week"])["demand"].sum().reset_index(),
            capacity=capacity,
            plants={str(p) for p in plants},
        )

    def stock(self, days: Sequence[dt.date]) -> pd.DataFrame:
        return _stock_at(self.snapshots, self.cumulative, days)

    def checked_places(self) -> set[tuple[str, str]]:
        """Product-locations whose stock the stockout rule checks: not a plant's own stock
        unless receipts land there (production is what the capacity rule checks)."""
        fed = set(zip(self.arrivals["sku"], self.arrivals["location"], strict=True))
        keys = set(zip(self.snapshots["sku"], self.snapshots["location"], strict=True))
        return {k for k in keys if k[1] not in self.plants or k in fed}

    def stockout_weeks(self, first: dt.date, last: dt.date) -> dict[str, list[dt.date]]:
        """Per sku@location, the weeks from `first` to `last` that ended with nothing on hand."""
        mondays = _mondays(first, last)
        ends = self.stock([m + dt.timedelta(days=6) for m in mondays])
        checked = self.checked_places()
        out: dict[str, list[dt.date]] = {}
        empty = ends[ends["on_hand"] <= EMPTY]
        for sku, location, day in zip(empty["sku"], empty["location"], empty["day"], strict=True):
            if (sku, location) in checked:
                out.setdefault(f"{sku}@{location}", []).append(week_monday(day))
        return out

    def overrun_weeks(self, first: dt.date, last: dt.date) -> dict[str, list[dt.date]]:
        """Per plant/family, the weeks from `first` to `last` whose actual demand exceeded
        the capacity in force, in the week and over four weeks around it (its sales, a
        family made in several plants shared by their capacity as planning.supply shares its
        forecast). A month, not a week alone: one lumpy week of spare parts is served from
        stock; the rule's smooth forecast is a sustained load, and so is this."""
        weekly = self.weekly_family[
            (self.weekly_family["week"] >= first) & (self.weekly_family["week"] <= last)
        ]
        mondays = _mondays(first, last)
        share = self.capacity.groupby(["plant", "family"], as_index=False)["units_per_week"].max()
        total = share.groupby("family")["units_per_week"].transform("sum")
        share["share"] = (share["units_per_week"] / total).fillna(1.0)
        every = share[["plant", "family", "share"]].merge(
            pd.DataFrame({"week": mondays}), how="cross"
        )
        demand = every.merge(weekly, on=["family", "week"], how="left").fillna({"demand": 0.0})
        demand["demand"] = demand["demand"] * demand["share"]
        demand["demand_upper"] = demand["demand"]
        weeks = capacity_check(demand=demand, capacity=self.capacity, unit_revenue={})
        frame = pd.DataFrame(
            {
                "key": [f"{w.plant}/{w.family}" for w in weeks],
                "week": [w.week for w in weeks],
                "demand": [w.demand for w in weeks],
                "capacity": [w.capacity_units for w in weeks],
            }
        )
        out: dict[str, list[dt.date]] = {}
        for key, rows in frame.groupby("key", sort=True):
            rows = rows.sort_values("week")
            # Sums over each week and the three after it (fewer at the end of the data).
            ahead = rows[["demand", "capacity"]].iloc[::-1].rolling(4, min_periods=1).sum()
            ahead = ahead.iloc[::-1]
            month = (ahead["capacity"] > 0) & (ahead["demand"] > ahead["capacity"])
            # A week is over when it is, inside some four weeks that are.
            inside = month.astype(float).rolling(4, min_periods=1).max() > 0
            over = inside & (rows["demand"] > rows["capacity"]) & (rows["capacity"] > 0)
            if over.any():
                out[str(key)] = list(rows.loc[over, "week"])
        return out


def stock_on(snapshots: pd.DataFrame, flows: pd.DataFrame, days: Sequence[dt.date]) -> pd.DataFrame:
    """Stock on hand at the end of each of `days` for every sku x location with a snapshot:
    the latest snapshot at or before the day (else the earliest after it) moved by the
    `flows` (sku, location, day, quantity: + in, - out) in between. Columns sku, location,
    day, on_hand (not clipped: below zero, the data misses an arrival)."""
    return _stock_at(snapshots, _cumulative(flows), days)


def _stock_at(
    snapshots: pd.DataFrame, cumulative: pd.DataFrame, days: Sequence[dt.date]
) -> pd.DataFrame:
    keys = snapshots[["sku", "location"]].drop_duplicates()
    targets = keys.merge(pd.DataFrame({"day": pd.to_datetime(list(days))}), how="cross")
    snaps = snapshots.assign(as_of=pd.to_datetime(snapshots["as_of"]))
    snaps = snaps.sort_values("as_of", kind="stable")
    targets = targets.sort_values("day", kind="stable")
    by = ["sku", "location"]
    before = pd.merge_asof(
        targets, snaps, left_on="day", right_on="as_of", by=by, direction="backward"
    )
    after = pd.merge_asof(
        targets, snaps, left_on="day", right_on="as_of", by=by, direction="forward"
    )
    chosen = before.copy()
    missing = chosen["as_of"].isna()
    chosen.loc[missing, ["as_of", "on_hand"]] = after.loc[missing, ["as_of", "on_hand"]]
    moved = _cumulative_at(cumulative, chosen, "day") - _cumulative_at(cumulative, chosen, "as_of")
    chosen["on_hand"] = chosen["on_hand"].astype(float) + moved
    chosen["day"] = chosen["day"].dt.date
    return (
        chosen[["sku", "location", "day", "on_hand"]]
        .sort_values(["sku", "location", "day"], kind="stable")
        .reset_index(drop=True)
    )


def _cumulative(flows: pd.DataFrame) -> pd.DataFrame:
    """Net flow per sku x location summed up to and including each day it moved."""
    frame = flows.assign(day=pd.to_datetime(flows["day"]))
    frame = frame.groupby(["sku", "location", "day"])["quantity"].sum().reset_index()
    frame = frame.sort_values(["sku", "location", "day"], kind="stable")
    frame["total"] = frame.groupby(["sku", "location"])["quantity"].cumsum()
    return frame[["sku", "location", "day", "total"]].sort_values("day", kind="stable")


def _cumulative_at(cumulative: pd.DataFrame, at: pd.DataFrame, column: str) -> np.ndarray:
    """The summed flow up to each row's `column` day (0 before the first movement)."""
    rows = at[["sku", "location", column]].reset_index(drop=False)
    rows[column] = pd.to_datetime(rows[column])
    merged = pd.merge_asof(
        rows.sort_values(column, kind="stable"),
        cumulative.rename(columns={"day": column}),
        on=column,
        by=["sku", "location"],
        direction="backward",
    )
    merged = merged.set_index("index").reindex(at.index)
    return merged["total"].fillna(0.0).to_numpy(dtype=float)


def _inferred_arrivals(snapshots: pd.DataFrame, flows: pd.DataFrame) -> pd.DataFrame:
    """What arrived between consecutive snapshots beyond what the receipts say: the rise in
    stock the sales and receipts do not explain, dated on the later snapshot."""
    snaps = snapshots.sort_values(["sku", "location", "as_of"], kind="stable").reset_index(
        drop=True
    )
    earlier = snaps.groupby(["sku", "location"]).shift(1)
    pairs = snaps.assign(before=earlier["on_hand"], since=earlier["as_of"]).dropna(subset=["since"])
    if pairs.empty:
        return pd.DataFrame(columns=["sku", "location", "day", "quantity"])
    cumulative = _cumulative(flows)
    moved = _cumulative_at(cumulative, pairs, "as_of") - _cumulative_at(cumulative, pairs, "since")
    gap = pairs["on_hand"].astype(float) - pairs["before"].astype(float) - moved
    arrived = pairs.assign(quantity=gap)[gap > EMPTY]
    return arrived.rename(columns={"as_of": "day"})[["sku", "location", "day", "quantity"]]


def _mondays(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(weeks=k) for k in range(max(0, (last - first).days // 7 + 1))]


def _copy_static(source: Engine, scratch: Engine) -> None:
    """The company's master data, capacity and quotas, as they are (the replay has no
    history of them)."""
    with source.connect() as conn:
        frames = {table: read_frame(conn, f"SELECT * FROM {table}") for table in STATIC}
    # Managers need not exist in the scratch copy: the replay asks nobody anything.
    frames["person"] = frames["person"].assign(manager_slack_user_id=None)
    with scratch.begin() as conn:
        for table in STATIC:
            if not frames[table].empty:
                frames[table].to_sql(table, conn, if_exists="append", index=False)


def _as_of(scratch: Engine, history: _History, new_sales: pd.DataFrame, monday: dt.date) -> None:
    """Make the scratch database what was known on `monday`: the week's sales added, the
    stock that morning, the receipts already ordered."""
    stock = history.stock([monday - dt.timedelta(days=1)])
    stock = stock.assign(
        on_hand=stock["on_hand"].clip(lower=0.0).round(3),
        allocated=0.0,
        as_of=monday - dt.timedelta(days=1),
    ).drop(columns="day")
    arrivals = history.arrivals
    coming = arrivals[(arrivals["day"] >= monday) & (arrivals["known"] <= monday)]
    coming = coming.groupby(["sku", "location", "day"])["quantity"].sum().reset_index()
    coming = coming.rename(columns={"day": "date"})
    sold = new_sales.assign(
        location=new_sales["location"].fillna(""),
        territory=new_sales["territory"].fillna(""),
        customer="",
        rep="",
        promo=new_sales["promo"].fillna(False).astype(bool),
    )
    # One row per key: the scratch copy forgets customers and reps (no rule reads them).
    sold = sold.groupby(
        ["date", "sku", "location", "territory", "customer", "rep"], as_index=False
    ).agg(quantity=("quantity", "sum"), promo=("promo", "max"))
    with scratch.begin() as conn:
        conn.execute(text("DELETE FROM stock_level"))
        conn.execute(text("DELETE FROM planned_receipt"))
        stock.to_sql("stock_level", conn, if_exists="append", index=False)
        if not coming.empty:
            coming.to_sql("planned_receipt", conn, if_exists="append", index=False)
        if not sold.empty:
            sold.to_sql("sales_actual", conn, if_exists="append", index=False)


def _episodes(
    found: dict[dt.date, tuple[Finding, ...]], mondays: list[dt.date], horizon: int
) -> list[Raised]:
    """Each alert the weekly scans would have kept: one from the scan that first found a
    fingerprint until the last scan in a row that still did (with its worst kind)."""
    open_: dict[str, Raised] = {}
    out: list[Raised] = []
    order = {"high": 0, "medium": 1, "low": 2}
    for monday in mondays:
        seen = {f.fingerprint: f for f in found.get(monday, ())}
        for fingerprint in [f for f in open_ if f not in seen]:
            out.append(open_.pop(fingerprint))
        for fingerprint, finding in seen.items():
            was = open_.get(fingerprint)
            kind = finding.kind
            worst = finding.severity
            if was is not None:
                if was.kind == "stockout" or was.kind == "shortfall":
                    kind = was.kind
                worst = min(was.severity, finding.severity, key=order.__getitem__)
            open_[fingerprint] = Raised(
                rule=finding.rule,
                kind=kind,
                fingerprint=fingerprint,
                entity=finding.entity,
                first=was.first if was else monday,
                last=monday,
                severity=worst,
                money=max(finding.money, was.money if was else 0.0),
                window_weeks=_window_weeks(finding, horizon),
                verdict=None,
            )
    out.extend(open_.values())
    return sorted(out, key=lambda r: (r.rule, r.first, r.fingerprint))


def _window_weeks(finding: Finding, horizon: int) -> int:
    """How long after a scan its finding may still come true: the weeks the rule looked
    ahead (a stockout: the SKU's lead time plus a week, or the weeks asked; capacity: the
    horizon)."""
    if finding.rule == "stockout":
        asked = finding.numbers.get("within_weeks")
        lead = int(finding.numbers.get("lead_time_days") or 0)
        return int(asked) if asked else max(1, math.ceil(lead / 7)) + 1
    return horizon


def _judged(
    raised: Raised,
    stockouts: dict[str, list[dt.date]],
    overruns: dict[str, list[dt.date]],
    data_end: dt.date,
) -> Raised:
    warns = CHECKED.get(raised.rule)
    if warns is None or raised.kind not in warns:
        return raised
    events = (stockouts if raised.rule == "stockout" else overruns).get(raised.entity, [])
    until = raised.last + dt.timedelta(weeks=raised.window_weeks)
    if any(raised.first <= week <= until for week in events):
        verdict = "true"
    elif until > data_end:
        verdict = "open"
    else:
        verdict = "false"
    return replace(raised, verdict=verdict)


def _happened(
    weeks: dict[str, list[dt.date]],
    rule: str,
    first: dt.date,
    last: dt.date,
    raised: list[Raised],
) -> tuple[Happened, ...]:
    """The problems that began between `first` and `last` (a run of weeks is one problem),
    each with the weeks of warning the replay gave: from the first scan of the alert still
    open on the problem's first week or the week before."""
    warns = CHECKED[rule]
    alerts = [r for r in raised if r.rule == rule and r.kind in warns]
    out: list[Happened] = []
    for entity, dates in weeks.items():
        spells = [d for d in sorted(dates) if d - dt.timedelta(weeks=1) not in dates]
        for week in spells:
            if not first <= week <= last:
                continue
            ahead = [
                (week - r.first).days // 7
                for r in alerts
                if r.entity == entity and r.first <= week and r.last >= week - dt.timedelta(weeks=1)
            ]
            out.append(Happened(rule, entity, week, max(ahead) if ahead else None))
    return tuple(out)


def _figures(
    rule: str, happened: tuple[Happened, ...], raised: tuple[Raised, ...], weeks: int
) -> RuleFigures:
    warns = CHECKED.get(rule)
    mine = [h for h in happened if h.rule == rule]
    warned = [h.warned_weeks for h in mine if h.warned_weeks is not None]
    alerts = [r for r in raised if r.rule == rule and (warns is None or r.kind in warns)]
    return RuleFigures(
        rule=rule,
        checked=warns is not None,
        happened=len(mine),
        warned=len(warned),
        median_weeks=float(median(warned)) if warned else None,
        raised=len(alerts),
        false_alarms=sum(1 for r in alerts if r.verdict == "false"),
        false_posted=sum(1 for r in alerts if r.verdict == "false" and r.severity != "low"),
        too_recent=sum(1 for r in alerts if r.verdict == "open"),
        weeks=weeks,
    )
