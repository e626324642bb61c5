"""Complete answers, with their provenance and scope inside: what the abilities return.

The projection, capacity, available-to-promise and quota computations (planning.supply,
planning.quotas) return their numbers; these put them together the way a person asked: one
product's name and projection, one plant's or one period's capacity, who may see which quota.
Front doors only render them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
from sqlalchemy import Engine, text

from planning.access import Caller, check_quota_access, quota_scope, team_of
from planning.alerts.rules import AlertSettings
from planning.atp import AtpResult
from planning.capacity import CapacityWeek
from planning.errors import PermissionDenied, PonteError
from planning.groups import TOP_LINES, ProductGroup, members
from planning.models import Role
from planning.projection import InventoryProjection, days_inside, week_monday
from planning.quota_impact import family_quotas
from planning.quotas import (
    QuotaStatus,
    ahead,
    period_bounds,
    period_kind,
    quarter_of,
    quota_status,
    sold_between,
)
from planning.scan import StockScan, scan_stock
from planning.scenario import free_stock_at_plants, uncovered
from planning.supply import (
    Provenance,
    atp,
    capacity_report,
    inventory_projection,
    latest_stock,
)


@dataclass(frozen=True)
class LocationCover:
    """How long a location's stock lasts at the forecast's pace, what it holds in excess
    (as the excess alert measures it: projection.excess) and what it leaves unserved."""

    location: str
    available: float  # on hand - allocated now
    weekly_demand: float  # average demand per week over the excess threshold's weeks
    weeks_of_stock: float | None  # available / weekly demand; None without demand
    excess: bool  # beyond the threshold's weeks and safety stock by more than the margin
    beyond: float  # projected stock above safety stock once the threshold's weeks have passed
    spare: float  # what may leave: `beyond` when in excess and not running out, else 0
    short: float  # demand left unserved by the last week projected (projected stock below 0)


@dataclass(frozen=True)
class Transfer:
    """Stock one location holds beyond its needs that would cover another's shortfall."""

    source: str
    target: str
    units: float  # the target's shortfall and safety stock, at most the source's spare
    covers: bool  # whether that is all the target needs
    # The target is a plant with no production planned into its stock: production may refill
    # it instead (the alerts leave such a plant to the capacity check).
    plant: bool = False


@dataclass(frozen=True)
class AskedMove:
    """A move between locations the question names: from `source` to `target` (either may
    be left unnamed), of `units` when a quantity is asked."""

    source: str | None = None
    target: str | None = None
    units: float | None = None


@dataclass(frozen=True)
class MoveCheck:
    """One product's asked move, checked week by week over the `weeks` projected: what the
    source holds and can spare without falling below its safety stock, what the target
    lacks to stay at its own, and what moving the units asked would do to each."""

    sku: str
    source: str | None  # None: no location holds any to spare
    target: str | None  # None: no other location lacks any
    units: float | None  # asked
    weeks: int  # the source's weeks looked at (the excess threshold's)
    target_weeks: int  # the target's (the weeks asked)
    held: float | None  # available at the source now; None when it does not stock the product
    spare: float  # what may leave the source without it falling below safety stock
    source_low: dt.date | None  # the source falls below safety stock from this week anyway
    needs: float  # what the target lacks to stay at safety stock through the weeks
    target_low: dt.date | None  # the target falls below safety stock from this week
    target_low_now: bool  # already in the week of today
    source_low_after: dt.date | None = None  # with the units asked gone
    target_low_after: dt.date | None = None  # with the units asked arrived (None: covered)
    plant: bool = False  # the target is a plant production refills


@dataclass(frozen=True)
class ProjectionAnswer:
    sku: str
    name: str
    projections: tuple[InventoryProjection, ...]
    provenance: Provenance
    cover: tuple[LocationCover, ...] = ()  # one per projection, same order
    transfer: Transfer | None = None
    excess_weeks: float = 26.0  # the product's family's threshold (alert settings)
    # Planned receipts counted in weeks its family's plant is over capacity (the capacity
    # check): they may come late, and the projection counts them on time.
    receipts_at_risk: tuple[ReceiptsAtRisk, ...] = ()


@dataclass(frozen=True)
class ReceiptsAtRisk:
    plant: str
    family: str
    weeks: tuple[dt.date, ...]  # Mondays with receipts while the plant is over capacity
    units: float  # those receipts, over every location projected


@dataclass(frozen=True)
class CapacityAnswer:
    family: str | None
    plant: str | None
    weeks: tuple[CapacityWeek, ...]
    provenance: Provenance
    period: str | None = None  # YYYY-MM or YYYY-Qn when the question named one
    covered_until: dt.date | None = None  # the forecast's last day, when the period goes past
    # Per plant and family over capacity: what stock above safety stock and capacity left
    # free from this week cover of it (planning.scenario.uncovered).
    cover: tuple[CapacityCover, ...] = ()


@dataclass(frozen=True)
class CapacityCover:
    plant: str
    family: str
    free_stock: float  # the family's stock above safety stock, this plant's share
    uncovered: float  # what neither it nor building ahead from this week covers


@dataclass(frozen=True)
class AtpAnswer(AtpResult):
    """Available-to-promise, flat: the computation's fields (`feasible`, `earliest_date`
    are what a caller reads), plus the product's name and where the numbers come from."""

    name: str
    provenance: Provenance
    # The ship-from location's projection at the forecast's pace (planning.projection), when
    # it runs out before the promise ships or within SQUEEZE_DAYS after: stock the forecast
    # expects other customers to buy (orders in hand are part of that forecast).
    runs_out: dt.date | None = None
    # Otherwise what the promise itself does there, taken as one more order due the week it
    # ships (a week's demand being the larger of its forecast and its orders): the week its
    # stock would then run out, or fall below safety stock, where it otherwise would not.
    promise_runs_out: dt.date | None = None
    promise_below_safety: dt.date | None = None
    # The week it falls below safety stock at the forecast's pace without the promise, when
    # that is before it ships or within SQUEEZE_DAYS after (and it does not run out).
    below_safety: dt.date | None = None
    safety_stock: float = 0.0
    # The first planned receipt from the week trouble starts (None: none in the weeks looked at).
    next_receipt: dt.date | None = None
    # The customer the promise is for, when its ship-from location was chosen as the one
    # that customer's orders (or, new to the product, its territory's) have shipped from.
    customer: str | None = None
    # Another location that could ship the whole quantity from its own stock by the date,
    # when this one cannot (or only at a risk): (location, its stock available to promise).
    elsewhere: tuple[str, float] | None = None

    @property
    def risky(self) -> bool:
        return any(
            (self.runs_out, self.promise_runs_out, self.promise_below_safety, self.below_safety)
        )


# A promise whose location runs out this many days after it ships (or earlier) says so.
SQUEEZE_DAYS = 28
# The projection behind that warning looks at most this far ahead.
MAX_ATP_WEEKS = 52


@dataclass(frozen=True)
class QuotaTotal:
    """Several quotas added up: the reps' total quotas (territories' where no rep has one),
    in units where every one has a unit target, else in revenue."""

    count: int
    units: bool
    target: float
    sold: float
    forecast_at_end: float | None  # None: not every quota has a forecast at its end


def _together(statuses: list[QuotaStatus]) -> QuotaTotal | None:
    whole = [s for s in statuses if not s.family]
    reps = [s for s in whole if s.owner_kind == "rep"]
    added = reps or whole  # territory quotas overlap the reps': never both
    if len(added) < 2:
        return None
    units = all(s.target_units is not None for s in added)
    if not units and not all(s.target_revenue is not None for s in added):
        return None
    target = sum((s.target_units if units else s.target_revenue) or 0.0 for s in added)
    sold = sum(s.sold_units if units else s.sold_revenue for s in added)
    ends = [s.forecast_units_at_end if units else s.forecast_revenue_at_end for s in added]
    forecast = None if any(e is None for e in ends) else sum(e or 0.0 for e in ends)
    return QuotaTotal(len(added), units, target, sold, forecast)


@dataclass(frozen=True)
class QuotaAnswer:
    period: str
    scope: str  # self, team, person, territory, all
    whose: str | None  # the person or territory asked about
    statuses: tuple[QuotaStatus, ...]
    label: str | None = None  # the person's or territory's name
    family: str | None = None  # the family asked about (its quota, or the total when it has none)
    no_family_quota: bool = False  # the family has no quota of its own: the totals are shown
    product: str | None = None  # a product asked about: quotas are per family, so its family's
    together: QuotaTotal | None = None  # a team's or the company's quotas added up
    family_total: float | None = None  # units of the family all quotas ask for (ops, admins)
    family_totals: tuple[tuple[str, float], ...] = ()  # every family's, when asked by family
    company_not_theirs: bool = False  # the company's asked for by a manager: their team's
    # A month or a year asked, with no quota of its own: the quarter holding it is shown
    asked_period: str | None = None
    # A month asked of one quota: what its owner sold in that month so far (units, revenue)
    asked_sold: tuple[float, float] | None = None

    @property
    def reps_of_territory(self) -> bool:
        """A territory asked about that has no quota of its own: these are its reps'."""
        return self.scope == "territory" and all(s.owner_kind == "rep" for s in self.statuses)


# A group projection reads one scan of every member (planning.scan); beyond this many, ask
# for a family. Everything at 5,000 products (15,000 product-locations) took 0.5 s warm,
# 1.3 s first, on 2 Dec 2026: "cosa possiamo spostare tra i magazzini?" is answered at a
# real customer's size (it was refused past 300 products, when each member was projected
# on its own).
MAX_PROJECTED = 20_000


@dataclass(frozen=True)
class GroupProjectionLine:
    sku: str
    name: str
    available: float  # on hand - allocated, over the locations looked at
    weekly_demand: float  # average demand per week over the excess threshold's weeks
    weeks_of_cover: float | None  # available / weekly demand; None without demand
    stockout_date: dt.date | None  # earliest projected stockout at any location
    stockout_at: str | None  # where that is
    below_safety_from: dt.date | None
    # Where it holds excess stock (as the excess alert measures it), and how much in all
    excess_at: tuple[str, ...] = ()
    beyond: float = 0.0

    @property
    def excess(self) -> bool:
        return bool(self.excess_at)


@dataclass(frozen=True)
class GroupProjection:
    """The projection of several products: which run out, which fall below safety stock,
    which hold excess stock; the most urgent first."""

    group: ProductGroup
    location: str | None
    weeks: int
    # The members' excess threshold (alert settings, per family): one number when they share
    # it, the lowest and highest when their families differ
    excess_weeks: float
    products: int  # members projected (those stocked where asked)
    lines: tuple[GroupProjectionLine, ...]  # stockouts (soonest first), below safety, excess
    stockouts: int
    below_safety: int
    excess: int
    provenance: Provenance
    focus: str | None = None  # "excess" or "move" when that was the question: said first
    # Plants whose own stock runs low without planned receipts: production refills it (the
    # capacity check's question, as the alert rules have it), so it is not counted here.
    refilled: tuple[str, ...] = ()
    excess_weeks_most: float | None = None  # the highest threshold, when families differ
    # What could move between locations, per product (sku, transfer), the most units first
    transfers: tuple[tuple[str, Transfer], ...] = ()
    asked_move: AskedMove | None = None  # the move the question named
    # It checked, for one product asked (a group's named move is `transfers` between them)
    move_check: MoveCheck | None = None


def product_name(engine: Engine, sku: str) -> str:
    with engine.connect() as conn:
        name = conn.execute(text("SELECT name FROM product WHERE sku = :sku"), {"sku": sku})
        return str(name.scalar() or sku)


class Beyond(NamedTuple):
    """One product-location's stock beyond its family's excess threshold (projection.excess)."""

    units: float  # above safety stock once the threshold's weeks have passed
    weekly: float  # average weekly demand over them
    excess: bool  # by more than the margin's weeks of it
    spare: float  # what could leave now, never taking it below safety stock in those weeks
    room: float = 0.0  # the same, excess or not


def _excess(
    engine: Engine,
    families: dict[str, str],
    *,
    today: dt.date,
    weeks: int,
    settings: AlertSettings,
) -> tuple[dict[tuple[str, str], Beyond], StockScan]:
    """Per (sku, location) of the `families`' keys, the stock left beyond each family's
    excess threshold, projected at least that far (the weeks asked may be fewer): the same
    figures, by the same rule, as the excess alerts; and the scan they come from."""
    longest = max([weeks, *(int(settings.of(f).excess_weeks) for f in families.values())])
    scan = scan_stock(engine, today=today, weeks=longest, skus=frozenset(families))
    skus = scan.rows["sku"].astype(str).tolist()
    limits = [settings.of(families.get(sku)) for sku in skus]
    found = scan.projected.excess(
        np.array([int(t.excess_weeks) for t in limits], dtype=np.int64),
        np.array([t.excess_margin_weeks for t in limits], dtype=float),
        covered=scan.forecast_weeks,
    )
    places = scan.rows["location"].astype(str).tolist()
    per_row = zip(
        np.nan_to_num(found.beyond).tolist(),
        found.weekly.tolist(),
        found.flagged.tolist(),
        found.spare.tolist(),
        found.room.tolist(),
        strict=True,
    )
    keys = zip(skus, places, strict=True)
    return {key: Beyond(*row) for key, row in zip(keys, per_row, strict=True)}, scan


def projection_answer(
    engine: Engine,
    sku: str,
    *,
    today: dt.date,
    weeks: int,
    location: str | None,
    settings: AlertSettings | None = None,
) -> ProjectionAnswer:
    settings = settings or AlertSettings()
    projections, provenance = inventory_projection(
        engine, sku, today=today, weeks=weeks, location=location
    )
    with engine.connect() as conn:
        family = conn.execute(
            text("SELECT family FROM product WHERE sku = :sku"), {"sku": sku}
        ).scalar()
    families = {sku: str(family or "")}
    found, _ = _excess(engine, families, today=today, weeks=weeks, settings=settings)
    cover = tuple(_cover(p, found.get((sku, p.location))) for p in projections)
    move = _transfer(projections, cover)
    if move is not None:
        with engine.connect() as conn:
            kind = conn.execute(
                text("SELECT kind FROM location WHERE code = :code"), {"code": move.target}
            ).scalar()
        target = next(p for p in projections if p.location == move.target)
        unplanned = not any(w.receipts > 0 for w in target.weeks)
        move = dataclasses.replace(move, plant=kind == "plant" and unplanned)
    return ProjectionAnswer(
        sku,
        product_name(engine, sku),
        tuple(projections),
        provenance,
        cover=cover,
        transfer=move,
        excess_weeks=settings.of(families[sku]).excess_weeks,
        receipts_at_risk=_receipts_at_risk(engine, projections, families[sku], today=today),
    )


def _receipts_at_risk(
    engine: Engine, projections: list[InventoryProjection], family: str, *, today: dt.date
) -> tuple[ReceiptsAtRisk, ...]:
    """The receipts a projection counts in weeks its family's plant is over capacity (its
    forecast demand above the capacity in force): production planned there may not come
    out on time. Nothing without a weekly forecast, or when no receipt falls in such a week."""
    receiving = {w.week for p in projections for w in p.weeks if w.receipts > 0}
    if not family or not receiving:
        return ()
    try:
        weeks, _ = capacity_report(engine, today=today, family=family)
    except PonteError:  # no weekly forecast yet: no capacity check to read
        return ()
    over: dict[str, set[dt.date]] = {}
    for w in weeks:
        if w.shortfall_units > 0 and w.week in receiving:
            over.setdefault(w.plant, set()).add(w.week)
    found = []
    for plant, mondays in sorted(over.items()):
        units = sum(w.receipts for p in projections for w in p.weeks if w.week in mondays)
        found.append(ReceiptsAtRisk(plant, family, tuple(sorted(mondays)), float(units)))
    return tuple(found)


def _cover(p: InventoryProjection, found: Beyond | None) -> LocationCover:
    """`p`'s cover, with what it holds beyond the excess threshold (`found`; None when the
    longer projection has no such row)."""
    available = p.on_hand - p.allocated
    found = found or Beyond(0.0, p.weekly_demand, False, 0.0)
    lowest = min((w.projected_on_hand for w in p.weeks), default=0.0)
    # Excess, and what may leave, never from a location that runs out itself within the
    # weeks looked at.
    excess = found.excess and available > 0 and p.stockout_date is None
    return LocationCover(
        location=p.location,
        available=available,
        weekly_demand=found.weekly,
        weeks_of_stock=available / found.weekly if found.weekly > 0 else None,
        excess=excess,
        beyond=found.units,
        spare=found.spare if excess else 0.0,
        short=max(0.0, -lowest),
    )


def _transfer(
    projections: list[InventoryProjection], cover: tuple[LocationCover, ...]
) -> Transfer | None:
    """From the location with the most stock beyond its needs to the one that runs out
    first: what would keep the latter at its safety stock to the last week projected."""
    running_out = [
        (p.stockout_date, p, c)
        for p, c in zip(projections, cover, strict=True)
        if p.stockout_date is not None and c.short > 0
    ]
    if not running_out:
        return None
    _, target, short = min(running_out, key=lambda item: (item[0], item[1].location))
    spare = [c for c in cover if c.spare >= 1 and c.location != target.location]
    if not spare:
        return None
    source = max(spare, key=lambda c: (c.spare, c.location))
    needed = math.ceil(short.short + target.safety_stock)
    units = min(float(needed), math.floor(source.spare))
    if units <= 0:
        return None
    return Transfer(source.location, target.location, units, units >= needed)


def group_projection(
    engine: Engine,
    group: ProductGroup,
    *,
    today: dt.date,
    weeks: int,
    location: str | None,
    focus: str | None = None,
    settings: AlertSettings | None = None,
    asked: AskedMove | None = None,
) -> GroupProjection:
    """Every member of `group` projected `weeks` ahead at every location (or `location`,
    skipping members not stocked there), most urgent first; excess stock as the alerts
    measure it (`settings`' thresholds); the move `asked` checked, for one product."""
    settings = settings or AlertSettings()
    with engine.connect() as conn:
        group, products = members(conn, group)
    if len(products) > MAX_PROJECTED:
        raise PonteError(
            f"{len(products)} products are too many to project at once",
            code="group_too_large",
            products=len(products),
        )
    # The members' projections at once (planning.scan, as the ops Home projects every
    # product), at `location` when one is asked (members not stocked there are left out),
    # instead of one projection per member.
    # One scan as long as the longest excess threshold answers the weeks asked too.
    families = dict(zip(products["sku"].astype(str), products["family"].astype(str), strict=True))
    beyond, longer = _excess(engine, families, today=today, weeks=weeks, settings=settings)
    scan = longer.head(weeks)
    mine = scan.rows
    if location is not None:
        mine = mine[mine["location"] == location]
    # Across locations, a plant's stock that production refills is not a run-out here (the
    # capacity check's question, as the alert rules have it); asked about the plant, it is.
    by_sku: dict[str, list[tuple[InventoryProjection, bool]]] = {}
    for row, sku in zip(mine.index, mine["sku"], strict=True):
        fed = location is None and bool(scan.production_fed[int(row)])
        by_sku.setdefault(str(sku), []).append((scan.projection(int(row)), fed))
    as_of = max(mine["as_of"]) if not mine.empty else None
    provenance = Provenance(stock_as_of=as_of, run=scan.run)
    limits = [settings.of(f).excess_weeks for f in set(families.values())] or [
        settings.defaults.excess_weeks
    ]
    lines = []
    transfers: list[tuple[str, Transfer]] = []
    refilled = {
        p.location
        for pairs in by_sku.values()
        for p, fed in pairs
        if fed and (p.stockout_date or p.first_below_safety_stock)
    }
    for sku, name in zip(products["sku"], products["name"], strict=True):
        pairs = by_sku.get(str(sku), [])
        if not pairs:
            continue
        found = [p for p, _ in pairs]
        available = sum(p.on_hand - p.allocated for p in found)
        # Each location's cover as one product's answer has it (its pace over the excess
        # threshold's weeks, its excess), the paces summed.
        covers = {p.location: _cover(p, beyond.get((str(sku), p.location))) for p in found}
        demand = sum(c.weekly_demand for c in covers.values())
        cover = available / demand if demand > 0 else None
        watched = [p for p, fed in pairs if not fed]
        stockouts = sorted((p.stockout_date, p.location) for p in watched if p.stockout_date)
        lows = [p.first_below_safety_stock for p in watched if p.first_below_safety_stock]
        # Excess where a location (a plant production refills aside, as the alerts have it)
        # holds stock beyond the threshold and does not run out within the weeks asked.
        excess = [(p.location, covers[p.location].beyond) for p in watched
                  if covers[p.location].excess]  # fmt: skip
        # What one location could send another that runs out, as one product's answer says.
        move = _transfer(found, tuple(covers[p.location] for p in found))
        if move is not None:
            refills = {p.location: is_fed for p, is_fed in pairs}
            transfers.append((str(sku), dataclasses.replace(move, plant=refills[move.target])))
        lines.append(
            GroupProjectionLine(
                sku=str(sku),
                name=str(name),
                available=available,
                weekly_demand=demand,
                weeks_of_cover=cover,
                stockout_date=stockouts[0][0] if stockouts else None,
                stockout_at=stockouts[0][1] if stockouts else None,
                below_safety_from=min(lows) if lows else None,
                excess_at=tuple(place for place, _ in excess),
                beyond=sum(units for _, units in excess),
            )
        )
    if not lines:
        raise PonteError(
            "none of these products is stocked there", code="group_not_stocked", location=location
        )

    def urgency(line: GroupProjectionLine) -> tuple[int, dt.date, float, str]:
        if line.stockout_date is not None:
            return (0, line.stockout_date, 0.0, line.sku)
        if line.below_safety_from is not None:
            return (1, line.below_safety_from, 0.0, line.sku)
        if line.excess:
            return (2, dt.date.min, -line.beyond, line.sku)
        return (3, dt.date.min, line.weeks_of_cover or 0.0, line.sku)

    lines.sort(key=urgency)
    check = None
    if asked is not None and len(products) == 1:  # one product: the move asked, checked
        sku = str(products["sku"].iloc[0])
        rows = longer.rows[longer.rows["sku"] == sku]
        at = {}
        for place, row in zip(rows["location"].astype(str), rows.index, strict=True):
            left = beyond.get((sku, place))
            at[place] = Side(longer.projection(int(row)), left.room if left else 0.0,
                             bool(longer.production_fed[int(row)]))  # fmt: skip
        check = check_move(sku, at, asked, weeks=weeks)
    return GroupProjection(
        group=group,
        location=location,
        weeks=weeks,
        excess_weeks=min(limits),
        excess_weeks_most=max(limits),
        transfers=tuple(sorted(transfers, key=lambda m: (-m[1].units, m[0]))),
        products=len(lines),
        lines=tuple(lines[:TOP_LINES]),
        stockouts=sum(line.stockout_date is not None for line in lines),
        below_safety=sum(
            line.stockout_date is None and line.below_safety_from is not None for line in lines
        ),
        excess=sum(line.excess for line in lines),
        provenance=provenance,
        focus=focus,
        refilled=tuple(sorted(refilled)),
        asked_move=asked,
        move_check=check,
    )


class Side(NamedTuple):
    """One location a move could be from or to."""

    projection: InventoryProjection  # as far as the excess threshold looks
    room: float  # what may leave without it falling below safety stock in those weeks
    refilled: bool  # a plant production refills


def check_move(sku: str, at: dict[str, Side], asked: AskedMove, *, weeks: int) -> MoveCheck:
    """The move `asked` of `sku` between two of the locations projected (`at`): the source
    over the excess threshold's weeks (what could leave it, as the excess alerts count),
    the target over the `weeks` asked (what it lacks, as a suggested transfer counts). A
    side left unnamed is the location with the most room (the source) or the one lacking
    most (the target); a named location that does not stock the product holds none and
    needs none."""
    source, target = asked.source, asked.target
    others = [place for place in sorted(at) if place not in (source, target)]
    if source is None:
        sparing = [place for place in others if at[place].room >= 1]
        source = max(sparing, key=lambda place: at[place].room, default=None)
    if target is None:
        lacking = [p for p in others if p != source and _lacks(at[p].projection, weeks) > 0]
        target = max(lacking, key=lambda p: _lacks(at[p].projection, weeks), default=None)
    sent, got = at.get(source or ""), at.get(target or "")
    units = asked.units
    return MoveCheck(
        sku=sku,
        source=source,
        target=target,
        units=units,
        weeks=len(next(iter(at.values())).projection.weeks) if at else weeks,
        target_weeks=weeks,
        held=None
        if sent is None
        else max(0.0, sent.projection.on_hand - sent.projection.allocated),
        spare=float(math.floor(sent.room)) if sent else 0.0,
        source_low=sent.projection.first_below_safety_stock if sent else None,
        needs=_lacks(got.projection, weeks) if got else 0.0,
        target_low=_low_from(got.projection, 0.0, weeks) if got else None,
        target_low_now=got is not None and _low_from(got.projection, 0.0, 1) is not None,
        source_low_after=_low_from(sent.projection, -units, None) if sent and units else None,
        target_low_after=_low_from(got.projection, units, weeks) if got and units else None,
        plant=got.refilled if got else False,
    )


def _lacks(p: InventoryProjection, weeks: int) -> float:
    """What `p`'s location would need now for none of its first `weeks` to close below its
    safety stock."""
    worst = max((p.safety_stock - w.projected_on_hand for w in p.weeks[:weeks]), default=0.0)
    return float(max(0, math.ceil(worst)))


def _low_from(p: InventoryProjection, change: float, weeks: int | None) -> dt.date | None:
    """The first of `p`'s first `weeks` (all when None) closing below safety stock with
    `change` units more (fewer when negative) from now on."""
    return next(
        (w.week for w in p.weeks[:weeks] if w.projected_on_hand + change < p.safety_stock), None
    )


def capacity_answer(
    engine: Engine,
    *,
    today: dt.date,
    family: str | None,
    plant: str | None,
    weeks: int,
    period: str | None = None,
) -> CapacityAnswer:
    """Capacity against demand for `family` (or all) at `plant` (or all): the next `weeks`
    weeks, or the weeks overlapping `period` (which must not be over)."""
    found, provenance = capacity_report(engine, today=today, family=family)
    report = found
    if plant is not None:
        found = [w for w in found if w.plant == plant]
    covered_until = None
    if period is not None:  # the weeks that overlap the period
        first, last = ahead(period, today)
        horizon = max((w.week for w in found), default=today) + dt.timedelta(days=6)
        found = [
            w.counted(days_inside(w.week, max(first, today), last) / 7)
            for w in found
            if first - dt.timedelta(days=6) <= w.week <= last
        ]
        if not found:
            raise PonteError(
                f"the forecast does not reach {period} (it runs to {horizon})",
                code="beyond_forecast",
                until=horizon.isoformat(),
            )
        covered_until = horizon if horizon < last else None
    else:  # the week under way counts as the first of `weeks` (as in the projection)
        monday = today - dt.timedelta(days=today.weekday())
        found = [w for w in found if w.week < monday + dt.timedelta(weeks=weeks)]
    return CapacityAnswer(family, plant, tuple(found), provenance, period, covered_until,
                          _covered(engine, report, found))  # fmt: skip


def _covered(
    engine: Engine, report: list[CapacityWeek], shown: list[CapacityWeek]
) -> tuple[CapacityCover, ...]:
    """For each plant and family over capacity in the weeks `shown`: the stock above safety
    stock and the capacity free from this week to the last week shown, and what they leave
    uncovered ("capacity shortfall ignores stock that covers it", trial 30)."""
    over = sorted({(w.plant, w.family) for w in shown if w.shortfall_units > 0})
    if not over:
        return ()
    last = max(w.week for w in shown)
    looked = [w for w in report if w.week <= last]
    free, _ = free_stock_at_plants(engine, {family for _, family in over}, looked)
    return tuple(
        CapacityCover(
            plant,
            family,
            free.get((plant, family), 0.0),
            uncovered(
                [w for w in looked if (w.plant, w.family) == (plant, family)],
                free.get((plant, family), 0.0),
            ),
        )
        for plant, family in over
    )


def atp_answer(
    engine: Engine,
    sku: str,
    quantity: float,
    requested_date: dt.date,
    *,
    today: dt.date,
    location: str | None,
    customer: tuple[str, str | None] | None = None,
) -> AtpAnswer:
    """Can `quantity` of `sku` ship by `requested_date`: from `location`, else from where
    `customer` (its name and territory) is served, else from where most of it is stocked."""
    if requested_date < today:
        raise PonteError(
            f"{requested_date} is in the past",
            code="date_in_past",
            date=requested_date.isoformat(),
        )
    served = None
    if location is None and customer is not None:
        location = served = served_from(engine, sku, *customer)
    result, provenance = atp(engine, sku, quantity, requested_date, today=today, location=location)
    fields = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
    risk = _promise_risk(engine, result, quantity, requested_date, today)
    answer = AtpAnswer(**fields, name=product_name(engine, sku), provenance=provenance, **risk,
                       customer=customer[0] if served and customer else None)  # fmt: skip
    if answer.feasible and not answer.risky:
        return answer
    return dataclasses.replace(answer, elsewhere=_ships_elsewhere(engine, answer, today))


def _ships_elsewhere(engine: Engine, a: AtpAnswer, today: dt.date) -> tuple[str, float] | None:
    """The other location holding the most of `a`'s product available to promise by its date,
    if that covers the whole quantity from stock: "No from Bologna" is not the last word
    when Nola holds 4,545."""
    with engine.connect() as conn:
        places = [p for p in latest_stock(conn, a.sku)["location"] if p != a.location]
    best: tuple[str, float] | None = None
    for place in places:
        there, _ = atp(engine, a.sku, a.quantity, a.requested_date, today=today, location=place)
        whole = there.feasible and there.from_capacity <= 0
        if whole and (best is None or there.available_from_stock > best[1]):
            best = (place, there.available_from_stock)
    return best


def served_from(engine: Engine, sku: str, customer: str, territory: str | None) -> str | None:
    """The location that shipped most of `sku` to `customer` (or, when it never bought it,
    to its `territory`), among those holding `sku` now: where its promise ships from. None
    when neither bought it from a location that stocks it."""
    shipped = """
        SELECT location, SUM(quantity) AS units FROM sales_actual
        WHERE sku = :sku AND {who} = :value AND location <> ''
        GROUP BY location ORDER BY units DESC, location
    """
    with engine.connect() as conn:
        held = set(latest_stock(conn, sku)["location"])
        for who, value in (("customer", customer), ("territory", territory)):
            if value is None:
                continue
            rows = conn.execute(text(shipped.format(who=who)), {"sku": sku, "value": value})
            for place, _ in rows:
                if place in held:
                    return str(place)
    return None


def _promise_risk(
    engine: Engine, result: AtpResult, quantity: float, requested: dt.date, today: dt.date
) -> dict[str, Any]:
    """What the ship-from location's projection says of the promise (AtpAnswer's fields)."""
    if result.earliest_date is None:
        return {}
    ships = requested if result.feasible else result.earliest_date
    weeks = min(MAX_ATP_WEEKS, (ships - today).days // 7 + SQUEEZE_DAYS // 7 + 1)
    (here,), _ = inventory_projection(
        engine, result.sku, today=today, weeks=weeks, location=result.location
    )
    found: dict[str, Any] = {"safety_stock": here.safety_stock}
    trouble: dt.date | None = None
    if here.stockout_date is not None and here.stockout_date <= ships + dt.timedelta(
        days=SQUEEZE_DAYS
    ):
        found["runs_out"] = trouble = here.stockout_date
    elif result.from_capacity <= 0:  # from stock alone: the promise draws on it that week
        below = here.first_below_safety_stock
        if below is not None and below <= ships + dt.timedelta(days=SQUEEZE_DAYS):
            found["below_safety"] = below  # its buffer is gone with or without the promise
        monday = week_monday(ships)
        taken = 0.0
        for w in here.weeks:
            if w.week == monday:
                taken = max(w.forecast, w.open_orders + quantity) - w.demand
            closing = w.projected_on_hand - taken
            if taken > 0 and closing < 0 and "promise_runs_out" not in found:
                found["promise_runs_out"] = w.week
            if (
                taken > 0
                and closing < here.safety_stock <= w.projected_on_hand
                and "promise_below_safety" not in found
            ):
                found["promise_below_safety"] = w.week
        if "promise_runs_out" in found:
            found.pop("promise_below_safety", None)  # the worse of the two is said
        dates = [found.get(k) for k in ("promise_runs_out", "promise_below_safety", "below_safety")]
        trouble = min((d for d in dates if d is not None), default=None)
    else:
        return found
    if trouble is not None:
        start = week_monday(trouble)
        found["next_receipt"] = next(
            (w.week for w in here.weeks if w.receipts > 0 and w.week >= start), None
        )
    return found


def _rank(s: QuotaStatus) -> float:
    """The furthest ahead first; a quota without a target last."""
    attained = s.attainment_pct if s.attainment_pct is not None else s.revenue_attainment_pct
    return -attained if attained is not None else float("inf")


def quota_answer(
    engine: Engine,
    caller: Caller,
    *,
    today: dt.date,
    person: str | None = None,
    territory: str | None = None,
    period: str | None = None,
    family: str | None = None,
    label: str | None = None,
    product: str | None = None,
    by_family: bool = False,
    company: bool = False,
) -> QuotaAnswer:
    """The quotas `caller` asked about and may see: their own (reps), their team's
    (managers) or everyone's (ops, admins) by default; a person's or a territory's when
    named (PermissionDenied outside their scope; `label` names it in the message). A
    `family` with no quota of its own there shows the total quotas, and says so; a `product`
    (quotas are never per product) is answered with its `family`'s."""
    scope = quota_scope(engine, caller)
    period = (period or quarter_of(today)).upper()
    period_bounds(period)
    team = team_of(engine, person) if person is not None else frozenset()
    # "quota del team di Bianchi": a manager with no quota of their own has the team's.
    teams = bool(team) and not quota_status(engine, today=today, rep=person, period=period)
    try:
        check_quota_access(scope, caller, rep=person, territory=territory, label=label)
    except PermissionDenied as refused:
        if teams:  # said as the team's, which is what was asked
            refused.code = "quota_team_not_yours"
        raise
    # Whose quotas the answer shows, decided once: only those reps' own quotas (`among`)
    # are worked out, not everyone's to be filtered afterwards.
    among: frozenset[str] | None = None
    if teams:
        how, whose, among = "team", person, team
        person = None
    elif person is not None:
        how, whose = ("self" if person == caller.slack_user_id else "person"), person
    elif territory is not None:
        how, whose = "territory", territory
    elif caller.role == Role.manager:
        how, whose, among = "team", caller.slack_user_id, scope.reps
    elif caller.role in (Role.ops, Role.admin):
        how, whose = "all", None
    else:  # a rep, or anyone else: their own (nobody else has quotas of their own)
        how, whose = "self", caller.slack_user_id
        among = frozenset({caller.slack_user_id})

    def read(family: str | None) -> list[QuotaStatus]:
        found = quota_status(
            engine,
            today=today,
            rep=person,
            territory=territory,
            period=period,
            family=family,
            among=among,
        )
        if how == "team" and family is not None:  # "quote moka q1": the team's territories'
            found += [
                s
                for s in quota_status(engine, today=today, period=period, family=family)
                if s.owner_kind == "territory" and s.owner in (scope.territories or ())
            ]
        return found

    statuses = read(family)
    asked_period = None
    if not statuses and (held := _quarter_holding(period, today)) is not None:
        # "come sto col budget di novembre?", "attainment ytd": quotas are set per quarter
        asked, period = period, held
        statuses = read(family)
        if statuses:
            asked_period = asked
        else:  # none there either: "no quota for 2025", as asked
            period = asked
    no_family_quota = family is not None and not statuses
    if no_family_quota:  # "walker's forecast on pentole": no PENTOLE quota, the total then
        statuses = [s for s in read(None) if not s.family]
    if territory is not None and caller.role == Role.rep:
        # A territory's figures, not a colleague's own quota.
        statuses = [s for s in statuses if s.owner_kind != "rep" or s.owner == caller.slack_user_id]
    if len(statuses) > 1 and how in ("team", "all", "territory"):
        # A team ranked: the furthest ahead first (in each quota's own measure).
        statuses = sorted(statuses, key=_rank)
    family_total: float | None = None
    family_totals: tuple[tuple[str, float], ...] = ()
    if how == "all" and (family is not None or by_family):
        # "quanta moka secondo le quote?", "quota totale q1 per famiglia": all quotas' worth
        every = family_quotas(engine, today=today, period=period)
        family_total = every.get(family) if family is not None else None
        if by_family and family is None:
            family_totals = tuple(sorted(every.items(), key=lambda kv: -kv[1]))
    asked_sold = None
    if asked_period is not None and period_kind(asked_period) == "month" and len(statuses) == 1:
        # "quota di questo mese": the quarter's quota, and the month's own sales beside it
        first, last = period_bounds(asked_period)
        if first <= today:
            asked_sold = sold_between(engine, statuses[0], first, last, today=today)
    return QuotaAnswer(
        period=period,
        scope=how,
        whose=whose,
        statuses=tuple(statuses),
        label=label,
        family=family,
        no_family_quota=no_family_quota,
        product=product,
        together=_together(statuses) if how in ("team", "all") else None,
        family_total=family_total,
        family_totals=family_totals,
        company_not_theirs=company and how == "team",
        asked_period=asked_period,
        asked_sold=asked_sold,
    )


def _quarter_holding(period: str, today: dt.date) -> str | None:
    """The quarter that answers for a month or a span of days within one quarter ("this
    week": the one it is in) or a year (today's quarter in this year, the last of a past
    one, the first of a future one); None for other periods."""
    kind = period_kind(period)
    if kind == "month":
        return quarter_of(period_bounds(period)[0])
    if kind == "span":
        first, last = period_bounds(period)
        return quarter_of(first) if quarter_of(first) == quarter_of(last) else None
    if kind != "year":
        return None
    year = int(period)
    if year == today.year:
        return quarter_of(today)
    return f"{year}-Q4" if year < today.year else f"{year}-Q1"
