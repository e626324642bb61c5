"""The alert rules: where forecast demand diverges from capacity, stock or quotas.

Each rule reads what the answers read (planning.scan's projection of every product-location,
planning.supply's capacity report, the latest weekly forecast run, the quotas) and returns
`Finding`s: a problem, the entity and period it concerns, the money at stake and the numbers
behind it. Nothing is stored here; planning.alerts.store keeps the findings as alerts with a
lifecycle. Thresholds come from `AlertSettings` (global, with per-family overrides).

Rules (the issue's list, each documented in the README under Alerts):

- capacity: a plant x family's forecast demand exceeds capacity in a coming week (point
  forecast: "shortfall"; the 80% upper bound only: "risk"); revenue of the units short. A
  family with forecast demand and no capacity at all is "capacity unknown", never 0% load.
- stockout: within the SKU's lead time (so no new order can arrive first) projected stock at
  a location runs out ("stockout") or falls below safety stock ("below safety stock"), after
  every planned receipt; the order quantity that would keep it at safety stock, and the
  revenue of the demand that cannot be served.
- excess: cover beyond `excess_weeks` with the forecast below recent sales (demand falling):
  the units beyond that cover, valued at list price (the catalogue holds no unit cost).
- drift: since an older forecast run was made, the product's weekly sales fell outside its
  80% range in most recent weeks, or the tracking signal (summed errors over mean absolute
  error) passed +-4: demand has shifted.
- quota: the quotas set for a family and period add up to more than its plants can make in
  that period, or to far less than its forecast demand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from sqlalchemy import Engine, text

from planning.capacity import CapacityWeek
from planning.errors import PonteError
from planning.forecast.runs import latest_run_id
from planning.memo import DataMemo
from planning.projection import days_inside, week_monday
from planning.quotas import period_bounds
from planning.scan import scan_stock
from planning.supply import capacity_report, read_frame

_MEMO = DataMemo(size=8)

# Normal quantiles: the capacity report carries each week's 95% upper bound; the risk rule
# uses the 80% one, the same distance from the point forecast scaled by z(0.90)/z(0.975).
Z80, Z95 = 1.2816, 1.9600
MAD_OF_SIGMA = 0.7979  # a normal error's mean absolute deviation, in standard deviations

RULES = ("capacity", "stockout", "excess", "drift", "quota")
# Why a rule could not run (Scan.skipped's values), said in words by bot.render.
SKIPPED = {
    "no_forecast": "no weekly forecast yet: run `ponte forecast` first",
    "no_stock": "no stock levels imported",
    "no_older_run": "no forecast run old enough to compare with the sales since (drift_weeks)",
}
SEVERITIES = ("high", "medium", "low")


@dataclass(frozen=True)
class Thresholds:
    """What counts as a problem; every field may be overridden per family."""

    horizon_weeks: int = 26  # how far ahead capacity and stock are checked
    # Stock that runs out (or falls below safety stock) within this many weeks; 0 = within
    # each SKU's own lead time (no new order can arrive first), the default. A question
    # ("what runs out in the next 4 weeks?") sets it.
    stockout_weeks: int = 0
    excess_weeks: float = 26.0  # cover beyond this many weeks is excess
    # ... by at least this many weeks of the forecast's average demand (27 weeks of cover is
    # not a write-down story).
    excess_margin_weeks: float = 4.0
    # Demand is falling when the next 13 weeks' forecast is below this share of the last 13
    # weeks' sales: an excess then ranks one severity higher (a write-down is likelier).
    falling_below: float = 1.0
    # A capacity "risk" (the 80% upper bound over capacity, the point forecast not) counts
    # in weeks loaded at least this much by the point forecast: a wide range alone, on a
    # half-idle plant, is no risk.
    risk_min_load: float = 0.85
    drift_weeks: int = 4  # recent weeks a drift is judged on
    drift_outside: int = 3  # of which at least this many outside the 80% range
    tracking_signal: float = 4.0
    # ... and only when the summed error is also this many standard deviations of a sum of
    # that many weeks (the forecast's own spread): over 4 weeks a signal of 4 is passed by
    # chance one product-week in nine (the replay raised 144 drift alerts a year on the
    # demo's 40 products, 114 of them so); 3 standard deviations, one in 370.
    drift_sigmas: float = 3.0
    quota_below_forecast: float = 0.5  # quotas under half the forecast demand
    high_money: float = 10_000.0  # money at stake for "high" severity
    medium_money: float = 1_000.0  # and for "medium"; below is "low"


@dataclass(frozen=True)
class AlertSettings:
    """Global thresholds and per-family overrides (family -> {field: value})."""

    defaults: Thresholds = field(default_factory=Thresholds)
    families: dict[str, dict[str, Any]] = field(default_factory=dict)

    def of(self, family: str | None) -> Thresholds:
        """The thresholds for `family` (its overrides, matched case-insensitively)."""
        return self._by_family.get((family or "").lower(), self.defaults)

    @cached_property
    def _by_family(self) -> dict[str, Thresholds]:
        return {f.lower(): replace(self.defaults, **over) for f, over in self.families.items()}

    @staticmethod
    def from_mapping(data: dict[str, Any]) -> AlertSettings:
        """From a parsed settings file: top-level thresholds and a `families` table. An
        unknown threshold or a value that is not a positive number is a PonteError."""
        known = {f for f in Thresholds.__dataclass_fields__}

        def checked(values: dict[str, Any], where: str) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for key, value in values.items():
                if key not in known:
                    raise PonteError(
                        f"unknown alert threshold {key!r} in {where}: use one of "
                        + ", ".join(sorted(known))
                    )
                if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                    raise PonteError(f"alert threshold {key} in {where} must be a positive number")
                kind = type(getattr(Thresholds(), key))
                out[key] = kind(value)
            return out

        families = data.get("families") or {}
        top = {k: v for k, v in data.items() if k != "families"}
        return AlertSettings(
            defaults=replace(Thresholds(), **checked(top, "the alert settings")),
            families={str(f): checked(dict(v), f"family {f}") for f, v in families.items()},
        )


@dataclass(frozen=True)
class Finding:
    """One problem found by a rule, as of a scan."""

    rule: str  # one of RULES
    kind: str  # the rule's level: shortfall | risk | unknown, stockout | below_safety_stock, ...
    entity: str  # what it is about: PLT-LUM/PENTOLE, PAD-28@WH-MIL, PAD-28, PENTOLE
    period: str  # the period it concerns (a month, a quota period), '' when it has none
    money: float  # revenue or stock value at stake, in the catalogue's currency
    severity: str  # high | medium | low, from the money at stake
    numbers: dict[str, Any]  # the key numbers, for the message and "Why?"
    family: str | None = None
    sku: str | None = None
    location: str | None = None
    plant: str | None = None

    @property
    def fingerprint(self) -> str:
        """The same problem in every scan: rule, entity and period."""
        return f"{self.rule}:{self.entity}" + (f":{self.period}" if self.period else "")


# How bad a rule's kind is: a worse kind of the same alert notifies again.
KIND_RANK = {
    "unknown": 0,
    "risk": 1,
    "shortfall": 2,
    "below_safety_stock": 1,
    "stockout": 2,
    "excess": 1,
    "drift": 1,
    "below_forecast": 1,
    "over_capacity": 2,
}


def severity(money: float, limits: Thresholds) -> str:
    if money >= limits.high_money:
        return "high"
    return "medium" if money >= limits.medium_money else "low"


@dataclass(frozen=True)
class Scan:
    """Everything the rules found as of `today`, and which rules could run (a rule that
    could not, for want of a forecast say, resolves nothing)."""

    today: dt.date
    findings: tuple[Finding, ...]
    evaluated: frozenset[str]
    skipped: dict[str, str]  # rule -> why it could not run: a key of SKIPPED


def find_problems(engine: Engine, *, today: dt.date, settings: AlertSettings) -> Scan:
    """Run every rule as of `today`."""
    findings: list[Finding] = []
    evaluated: set[str] = set()
    skipped: dict[str, str] = {}
    if latest_run_id(engine, grain="week") is None:
        return Scan(today, (), frozenset(), dict.fromkeys(RULES, "no_forecast"))
    with engine.connect() as conn:
        products = read_frame(
            conn, "SELECT sku, name, family, unit_price, lead_time_days, safety_stock FROM product"
        )
    products["unit_price"] = products["unit_price"].astype(float).fillna(0.0)
    # What two rules read, read once: the capacity report and each family's mean price.
    weeks, _ = capacity_report(engine, today=today)
    means = products.groupby("family")["unit_price"].mean()
    shared = _Shared(products, {str(f): float(p) for f, p in means.items()}, weeks)
    for rules, run in (
        (("capacity",), _capacity),
        (("stockout", "excess"), _stock),  # one projection, both ends of it
        (("drift",), _drift),
        (("quota",), _quota),
    ):
        found, why = run(engine, today, settings, shared)
        if why:
            skipped.update(dict.fromkeys(rules, why))
        else:
            evaluated.update(rules)
            findings.extend(found)
    order = {s: k for k, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (order[f.severity], -f.money, f.fingerprint))
    return Scan(today, tuple(findings), frozenset(evaluated), skipped)


@dataclass(frozen=True)
class _Shared:
    """What several rules read, read once per scan."""

    products: pd.DataFrame  # sku, name, family, unit_price, lead_time_days, safety_stock
    price: dict[str, float]  # family -> mean unit price
    weeks: list[CapacityWeek]  # the capacity report from today


Rule = tuple[list[Finding], str | None]


def _capacity(engine: Engine, today: dt.date, settings: AlertSettings, shared: _Shared) -> Rule:
    weeks, price = shared.weeks, shared.price
    with engine.connect() as conn:
        planned = read_frame(conn, "SELECT DISTINCT family FROM capacity")
        demanded = read_frame(
            conn,
            "SELECT family, sum(demand) AS demand FROM forecast_family_week "
            "WHERE run_id = :run AND ds >= :first GROUP BY family",
            run=latest_run_id(engine, grain="week"),
            first=week_monday(today).isoformat(),
        )
    out: list[Finding] = []
    known = set(planned["family"].astype(str))
    for family, demand in zip(demanded["family"], demanded["demand"], strict=True):
        if str(family) in known or not demand or demand <= 0:
            continue
        out.append(
            Finding(
                rule="capacity",
                kind="unknown",
                entity=str(family),
                period="",
                money=0.0,
                severity="low",
                numbers={"demand": float(demand), "capacity": None},
                family=str(family),
            )
        )
    by_key: dict[tuple[str, str], list[CapacityWeek]] = {}
    for week in weeks:
        by_key.setdefault((week.plant, week.family), []).append(week)
    for (plant, family), rows in sorted(by_key.items()):
        limits = settings.of(family)
        last = week_monday(today) + dt.timedelta(weeks=limits.horizon_weeks)
        rows = [w for w in rows if w.week < last and w.capacity_units > 0]
        over = [w for w in rows if w.shortfall_units > 0]
        upper80 = [
            w.demand + (w.demand_upper - w.demand) * Z80 / Z95 - w.capacity_units for w in rows
        ]
        risky = [
            w
            for w, short in zip(rows, upper80, strict=True)
            if short > 0 and w.demand >= limits.risk_min_load * w.capacity_units
        ]
        if over:
            kind, hit = "shortfall", over
            units = sum(w.shortfall_units for w in over)
        elif risky:
            kind, hit = "risk", risky
            units = sum(
                max(0.0, s)
                for w, s in zip(rows, upper80, strict=True)
                if w.demand >= limits.risk_min_load * w.capacity_units
            )
        else:
            continue
        money = units * float(price.get(family, 0.0))
        first = hit[0]
        peak = max(rows, key=lambda w: w.demand / w.capacity_units)
        out.append(
            Finding(
                rule="capacity",
                kind=kind,
                entity=f"{plant}/{family}",
                period=f"{first.week:%Y-%m}",
                money=money,
                severity=severity(money, limits),
                numbers={
                    "first_week": first.week.isoformat(),
                    "weeks_over": len(hit),
                    "units_short": units,
                    "peak_load": peak.demand / peak.capacity_units,
                    "peak_week": peak.week.isoformat(),
                    "capacity": first.capacity_units,
                    "demand": first.demand,
                },
                family=family,
                plant=plant,
            )
        )
    return out, None


def _per_row(settings: AlertSettings, families: list[str], name: str) -> npt.NDArray[np.float64]:
    """Threshold `name` for each row's family (overrides where a family has them)."""
    values = {f: float(getattr(settings.of(f), name)) for f in set(families)}
    return np.array([values[f] for f in families], dtype=float)


def _stock(engine: Engine, today: dt.date, settings: AlertSettings, shared: _Shared) -> Rule:
    """Stockout and excess over every product-location's projection at once (vectorised:
    the Python work is per finding, not per row)."""
    products = shared.products
    horizon = max(
        settings.defaults.horizon_weeks,
        settings.defaults.stockout_weeks,
        *(int(o.get("horizon_weeks", 0)) for o in settings.families.values()),
        1,
    )
    scan = scan_stock(engine, today=today, weeks=horizon)
    if scan.rows.empty:
        return [], "no_stock"
    projected = scan.projected
    info = scan.rows[["sku", "location", "on_hand"]].merge(
        products, on="sku", how="left", validate="many_to_one"
    )
    skus, places = info["sku"].astype(str).tolist(), info["location"].astype(str).tolist()
    families = info["family"].astype(str).tolist()
    prices = info["unit_price"].to_numpy(dtype=float)
    leads = info["lead_time_days"].to_numpy(dtype=float)
    held = info["on_hand"].to_numpy(dtype=float)
    closing, safety = projected.closing, projected.safety_stock
    weeks = closing.shape[1]
    column = np.arange(weeks)[None, :]
    skipped = scan.production_fed  # production refills it: the capacity rule's question
    asked = _per_row(settings, families, "stockout_weeks")
    lead_window = np.maximum(1, np.ceil(leads / 7)) + 1
    window = np.where(asked > 0, asked, lead_window)[:, None]
    inside = column < window  # which problems are listed: those within the weeks asked
    # What is short and must be ordered is measured over the lead time at least, as the
    # scheduled scan measures it: "the next 2 weeks" lists the same problem with the same
    # units, money and severity, not the part of it that falls inside two weeks.
    measured = column < np.maximum(window, lead_window[:, None])
    lowest = np.where(measured, closing, np.inf).min(axis=1)
    need = np.where(measured, safety[:, None] - closing, -np.inf).max(axis=1)
    short = np.maximum(0.0, -lowest)
    threshold = np.where(lowest < 0, 0.0, safety)
    first = np.argmax(measured & (closing < threshold[:, None]), axis=1)
    low = (np.where(inside, closing, np.inf).min(axis=1) < safety) & ~skipped
    mondays = projected.mondays
    out: list[Finding] = []
    for row in np.flatnonzero(low).tolist():
        limits = settings.of(families[row])
        kind = "stockout" if lowest[row] < 0 else "below_safety_stock"
        money = float(short[row] * prices[row])
        out.append(
            Finding(
                rule="stockout",
                kind=kind,
                entity=f"{skus[row]}@{places[row]}",
                period="",
                money=money,
                severity=severity(money, limits) if kind == "stockout" else "low",
                numbers={
                    "week": mondays[int(first[row])].isoformat(),
                    "lead_time_days": int(leads[row]),
                    "within_weeks": limits.stockout_weeks or None,
                    "units_short": float(short[row]),
                    "order_quantity": float(need[row]),
                    "safety_stock": float(safety[row]),
                    "on_hand": float(held[row]),
                },
                family=families[row],
                sku=skus[row],
                location=places[row],
            )
        )
    # The stock left beyond the cover weeks (projection.excess, as a product's and a family's
    # projection answers measure it).
    cover = _per_row(settings, families, "excess_weeks").astype(np.int64)
    margin = _per_row(settings, families, "excess_margin_weeks")
    found = projected.excess(cover, margin, covered=scan.forecast_weeks)
    beyond = found.beyond
    excess = (~low) & found.flagged & ~skipped
    ahead = projected.forecast[:, :13].sum(axis=1)
    # Recent sales only of the products in excess: a few hundred read through the product
    # index, not a quarter of every sale summed.
    candidates = frozenset(skus[row] for row in np.flatnonzero(excess).tolist())
    recent = _recent_sales(engine, today, candidates) if candidates else {}
    before = np.array([recent.get((s, p), 0.0) for s, p in zip(skus, places, strict=True)])
    falling = ahead < _per_row(settings, families, "falling_below") * before
    for row in np.flatnonzero(excess).tolist():
        limits = settings.of(families[row])
        money = float(beyond[row] * prices[row])
        level = severity(money, limits)
        if falling[row] and level != "high":
            level = SEVERITIES[SEVERITIES.index(level) - 1]
        out.append(
            Finding(
                rule="excess",
                kind="excess",
                entity=f"{skus[row]}@{places[row]}",
                period="",
                money=money,
                severity=level,
                numbers={
                    "units_beyond": float(beyond[row]),
                    "demand_falling": bool(falling[row]),
                    "cover_weeks": float(cover[row]),
                    "forecast_13_weeks": float(ahead[row]),
                    "sold_last_13_weeks": float(before[row]),
                    "on_hand": float(held[row]),
                },
                family=families[row],
                sku=skus[row],
                location=places[row],
            )
        )
    return out, None


def _recent_sales(
    engine: Engine, today: dt.date, skus: frozenset[str]
) -> dict[tuple[str, str], float]:
    """Units the `skus` sold per location in the 13 weeks before today (remembered until an
    import changes the data)."""
    return _MEMO.get(
        engine, ("recent_sales", today, skus), lambda: _read_recent_sales(engine, today, skus)
    )


def _read_recent_sales(
    engine: Engine, today: dt.date, skus: frozenset[str]
) -> dict[tuple[str, str], float]:
    since = today - dt.timedelta(weeks=13)
    with engine.connect() as conn:
        frame = read_frame(
            conn,
            "SELECT sku, location, sum(quantity) AS quantity FROM sales_actual "
            "WHERE sku IN :skus AND date >= :since AND date < :today GROUP BY sku, location",
            skus=skus,
            since=since.isoformat(),
            today=today.isoformat(),
        )
    return {
        (str(s), str(loc or "")): float(q or 0)
        for s, loc, q in zip(frame["sku"], frame["location"], frame["quantity"], strict=True)
    }


def _drift(engine: Engine, today: dt.date, settings: AlertSettings, shared: _Shared) -> Rule:
    """Against the newest weekly run that has `drift_weeks` weeks of sales after it."""
    products = shared.products
    weeks = settings.defaults.drift_weeks
    table = _MEMO.get(engine, ("drift", today, weeks), lambda: _drift_table(engine, today, weeks))
    if table is None:
        return [], "no_older_run"
    run_id, whole = table
    price = dict(zip(products["sku"], products["unit_price"], strict=True))
    family = dict(zip(products["sku"], products["family"], strict=True))
    families = [str(family.get(sku, "")) for sku in whole.index]
    outside_limit = _per_row(settings, families, "drift_outside")
    signal_limit = _per_row(settings, families, "tracking_signal")
    sigmas = _per_row(settings, families, "drift_sigmas")
    signal = np.abs(whole["signal"].to_numpy())
    # The signal is the sum over 0.8 sigma (the mean absolute error): in standard deviations
    # of a sum of n weeks, signal x 0.8 / sqrt(n).
    spread = signal * MAD_OF_SIGMA / np.sqrt(np.maximum(whole["weeks"].to_numpy(), 1))
    flagged = (whole["outside"].to_numpy() >= outside_limit) | (
        (signal >= signal_limit) & (spread >= sigmas)
    )
    out: list[Finding] = []
    picked = whole[flagged]
    for sku, weeks_seen, outside, signal, weekly in zip(
        picked.index,
        picked["weeks"],
        picked["outside"],
        picked["signal"],
        picked["weekly"],
        strict=True,
    ):
        limits = settings.of(str(family.get(sku, "")))
        money = abs(float(weekly)) * 13 * float(price.get(sku, 0.0))
        out.append(
            Finding(
                rule="drift",
                kind="drift",
                entity=str(sku),
                period="",
                money=money,
                severity=severity(money, limits),
                numbers={
                    "run": run_id,
                    "weeks": int(weeks_seen),
                    "outside_80": int(outside),
                    "direction": "above" if signal > 0 else "below",
                    "tracking_signal": float(signal),
                    "weekly_error": float(weekly),
                },
                family=str(family.get(sku, "")) or None,
                sku=str(sku),
            )
        )
    return out, None


def _drift_table(engine: Engine, today: dt.date, weeks: int) -> tuple[int, pd.DataFrame] | None:
    """Per product, since the newest run `weeks` or more weeks old: weeks seen, summed
    error, the tracking signal, weeks outside the 80% range, the recent weekly error
    (remembered until the data changes); None when no run is old enough."""
    last_week = week_monday(today) - dt.timedelta(weeks=1)
    with engine.connect() as conn:
        runs = conn.execute(
            text(
                "SELECT id, data_as_of FROM forecast_run WHERE grain = 'week' "
                "ORDER BY data_as_of DESC, id DESC"
            )
        ).all()
    older = [
        (int(run_id), pd.Timestamp(as_of).date())
        for run_id, as_of in runs
        if pd.Timestamp(as_of).date() + dt.timedelta(weeks=weeks) <= last_week
    ]
    if not older:
        return None
    run_id, as_of = older[0]
    first = as_of + dt.timedelta(weeks=1)
    with engine.connect() as conn:
        forecast = read_frame(
            conn,
            "SELECT s.sku, v.ds, sum(v.forecast) AS forecast, sum(v.lo_80) AS lo, "
            "sum(v.hi_80) AS hi FROM forecast_value v JOIN forecast_series s "
            "ON s.run_id = v.run_id AND s.unique_id = v.unique_id "
            "WHERE v.run_id = :run AND v.ds >= :first AND v.ds <= :last GROUP BY s.sku, v.ds",
            run=run_id,
            first=first.isoformat(),
            last=last_week.isoformat(),
        )
        sales = read_frame(
            conn,
            "SELECT sku, date, sum(quantity) AS quantity FROM sales_actual "
            "WHERE date >= :first AND date < :end GROUP BY sku, date",
            first=first.isoformat(),
            end=(last_week + dt.timedelta(days=7)).isoformat(),
        )
    if forecast.empty:
        return None
    sales["ds"] = (pd.to_datetime(sales["date"]) - pd.to_timedelta(
        pd.to_datetime(sales["date"]).dt.weekday, unit="D")).dt.date.astype(str)  # fmt: skip
    actual = sales.groupby(["sku", "ds"])["quantity"].sum()
    forecast["ds"] = pd.to_datetime(forecast["ds"]).dt.date.astype(str)
    frame = forecast.set_index(["sku", "ds"]).join(actual.rename("actual")).fillna({"actual": 0.0})
    frame = frame.reset_index().sort_values(["sku", "ds"], kind="stable")
    frame["error"] = frame["actual"] - frame["forecast"]
    # The tracking signal's yardstick is the error the forecast itself expected (its 80%
    # range as a normal spread, whose mean absolute deviation is 0.8 sigma), not the few
    # errors since the run: over six weeks those make any one-signed run of errors +-6.
    frame["sigma"] = (frame["hi"] - frame["lo"]) / (2 * Z80)
    frame["miss"] = frame["error"].abs()
    whole = frame.groupby("sku").agg(
        weeks=("error", "size"), total=("error", "sum"), sigma=("sigma", "mean"),
        mad=("miss", "mean"),
    )  # fmt: skip
    last = (
        frame.groupby("sku")
        .tail(weeks)
        .assign(above=lambda f: f["actual"] > f["hi"], below=lambda f: f["actual"] < f["lo"])
    )
    recent = last.groupby("sku").agg(above=("above", "sum"), below=("below", "sum"),
                                     weekly=("error", "mean"))  # fmt: skip
    whole = whole.join(recent)
    yardstick = np.where(whole["sigma"] > 0, MAD_OF_SIGMA * whole["sigma"], whole["mad"])
    with np.errstate(divide="ignore", invalid="ignore"):
        whole["signal"] = np.where(yardstick > 0, whole["total"] / yardstick, 0.0)
    whole["outside"] = whole[["above", "below"]].max(axis=1)
    return run_id, whole


def _quota(engine: Engine, today: dt.date, settings: AlertSettings, shared: _Shared) -> Rule:
    with engine.connect() as conn:
        quotas = read_frame(conn, "SELECT * FROM quota WHERE family IS NOT NULL")
    if quotas.empty:
        return [], None
    key = ["period", "rep", "territory", "family"]
    current = quotas.fillna({"rep": "", "territory": "", "family": ""})
    current = current.sort_values("version").groupby(key, as_index=False).last()
    # Territory quotas and their reps' quotas overlap: count reps where a family has them.
    by_rep = current[current["rep"] != ""]
    chosen = by_rep if not by_rep.empty else current
    totals = chosen.groupby(["family", "period"], as_index=False)["target_units"].sum()
    # "Far below the forecast" only where the family's quotas cover everyone with a quota in
    # the period: a family quota of three reps out of ten is no company target.
    owners = current.assign(owner=current["rep"].where(current["rep"] != "", current["territory"]))
    everyone = owners.groupby("period")["owner"].nunique()
    holders = owners[owners["family"] != ""].groupby(["family", "period"])["owner"].nunique()
    weeks, price = shared.weeks, shared.price
    capacity = pd.DataFrame(
        {
            "family": [w.family for w in weeks],
            "week": [w.week for w in weeks],
            "capacity": [w.capacity_units for w in weeks],
            "demand": [w.demand for w in weeks],
        }
    )
    out: list[Finding] = []
    horizon_end = capacity["week"].max() if not capacity.empty else today
    for family, period, target in totals.itertuples(index=False):
        if not target or pd.isna(target):
            continue
        try:
            start, end = period_bounds(str(period))
        except PonteError:
            continue
        if end < today or capacity.empty or end > horizon_end + dt.timedelta(days=6):
            continue  # over, or beyond what the forecast covers
        limits = settings.of(str(family))
        # A period already under way: the quota's share of its days still to come, against
        # the capacity and demand of those days.
        first = max(start, today)
        target = float(target) * ((end - first).days + 1) / ((end - start).days + 1)
        mine = capacity[(capacity["family"] == family) & (capacity["week"] >= week_monday(first))]
        mine = mine[mine["week"] <= end]
        if mine.empty:
            continue
        share = np.array([days_inside(w, first, end) / 7 for w in mine["week"]])
        can_make = float((mine["capacity"].to_numpy() * share).sum())
        demand = float((mine["demand"].to_numpy() * share).sum())
        unit = float(price.get(family, 0.0))
        if can_make > 0 and target > can_make:
            kind, money = "over_capacity", (target - can_make) * unit
        elif (
            demand > 0
            and target < limits.quota_below_forecast * demand
            and holders.get((family, period), 0) >= everyone.get(period, 0)
        ):
            kind, money = "below_forecast", (demand - target) * unit
        else:
            continue
        out.append(
            Finding(
                rule="quota",
                kind=kind,
                entity=str(family),
                period=str(period),
                money=money,
                severity=severity(money, limits),
                numbers={
                    "quota": target,
                    "capacity": can_make,
                    "forecast": demand,
                    "from": first.isoformat(),
                    "to": end.isoformat(),
                },
                family=str(family),
            )
        )
    return out, None
