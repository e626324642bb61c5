"""Demo data for Officine Ponte S.p.A., a fictional Italian housewares maker.

`generate_demo` builds every file of the public contract as DataFrames; `write_demo_files`
writes them as CSV. The output is a pure function of `(seed, today)`: the catalogue, people
and the built-in planning situations (`DEMO_SCENARIO`) are fixed, the rng only adds texture
(noise, promotions, customers, orders), so docs and tests can rely on the situations for any
seed and any date.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd

from planning.errors import PonteError

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

HISTORY_WEEKS = 156  # the default history; `generate_demo(weeks=...)` gives 8 to 260
MIN_WEEKS, MAX_WEEKS = 8, 260
RECENT_WEEKS = 8  # "recent demand" in this module always means the last 8 weeks of history
STOCK_HISTORY_WEEKS = 52  # weekly stock snapshots kept at the warehouse (the ERP's Sunday extract)
PAST_STOCKOUT_WEEKS_AGO = 20  # the past stockout's week, counted back from this week
PAST_OVERRUN_WEEKS_AGO = 30  # the past line stop's first week (it lasts four)
HORIZON_WEEKS = 12  # how far ahead plans (receipts, capacity sizing) look
LUMP_PROBABILITY = 0.08  # spare parts: chance that a territory orders a SKU in a given week
# Contract (dependency) order: a file only references files before it.
FILE_ORDER: tuple[str, ...] = (
    "products", "locations", "territories", "people", "stock",
    "sales", "capacity", "receipts", "open_orders", "quotas", "commission_plans",
)  # fmt: skip


@dataclass(frozen=True)
class DemoScenario:
    """The planning situations built into the demo data, by code."""

    capacity_family: str  # family whose demand outgrows capacity within the next 8 weeks
    capacity_plant: str  # the plant where that happens
    stockout_sku: str  # runs out at the warehouse within its lead time
    past_stockout_sku: str  # ran out at the warehouse 20 weeks ago (a batch came late)
    past_overrun: tuple[str, str]  # plant, family: a month-long line stop 30 weeks ago
    excess_sku: str  # more than 26 weeks of cover at the warehouse
    over_quota_rep: str  # slack_user_id of a rep well over quota
    under_quota_rep: str  # slack_user_id of a rep well under quota


DEMO_SCENARIO = DemoScenario(
    capacity_family="PENTOLE",
    capacity_plant="PLT-LUM",
    stockout_sku="PAD-28",
    past_stockout_sku="PAD-24",
    past_overrun=("PLT-MAN", "COLTELLI"),
    excess_sku="COL-FIL",
    over_quota_rep="U01MARCHI",
    under_quota_rep="U01ESPOSITO",
)
WAREHOUSE = "WH-MIL"
EXPORT = "EX"
_LOST_CUSTOMER_TERRITORY = "SU"  # the under-quota rep's territory; its first customer walks away

# family: (plant, export share, seasonal amplitude, seasonal peak ISO week, Christmas bump)
_FAMILIES: dict[str, tuple[str, float, float, int, float]] = {
    "MOKA": ("PLT-LUM", 0.25, 0.15, 47, 0.9),
    "PENTOLE": ("PLT-LUM", 0.0, 0.06, 44, 0.1),
    "PADELLE": ("PLT-LUM", 0.0, 0.06, 40, 0.1),
    "COLTELLI": ("PLT-MAN", 0.30, 0.05, 48, 0.6),
    "RICAMBI": ("PLT-MAN", 0.15, 0.10, 8, 0.0),
}

# sku, name, family, unit price (EUR), lead time (days), current weekly units, yearly growth
_PRODUCTS: tuple[tuple[str, str, str, float, int, float, float], ...] = (
    ("MOK-001", "Moka Classica 1 tazza", "MOKA", 18.90, 21, 110, -0.06),
    ("MOK-002", "Moka Classica 2 tazze", "MOKA", 21.90, 21, 170, -0.02),
    ("MOK-003", "Moka Classica 3 tazze", "MOKA", 24.90, 21, 520, 0.02),
    ("MOK-006", "Moka Classica 6 tazze", "MOKA", 32.90, 21, 360, 0.0),
    ("MOK-009", "Moka Classica 9 tazze", "MOKA", 39.90, 28, 120, -0.04),
    ("MOK-012", "Moka Classica 12 tazze", "MOKA", 46.90, 28, 70, -0.05),
    ("MOK-I03", "Moka Induzione 3 tazze", "MOKA", 34.90, 28, 240, 0.15),
    ("MOK-I06", "Moka Induzione 6 tazze", "MOKA", 44.90, 28, 180, 0.12),
    ("MOK-E02", "Moka Elettrica 2 tazze", "MOKA", 59.90, 35, 60, 0.20),
    ("MOK-R04", "Moka Rossa 4 tazze edizione design", "MOKA", 38.50, 28, 90, 0.05),
    ("PEN-16", "Casseruola inox 16 cm", "PENTOLE", 29.90, 28, 140, 0.0),
    ("PEN-20", "Casseruola inox 20 cm", "PENTOLE", 36.90, 28, 180, 0.0),
    ("PEN-24", "Pentola alta inox 24 cm", "PENTOLE", 49.90, 35, 150, 0.0),
    ("PEN-28", "Pentola alta inox 28 cm", "PENTOLE", 59.90, 35, 90, 0.0),
    ("PEN-PAS", "Pentola pasta 5 L con scolapasta", "PENTOLE", 54.90, 35, 160, 0.0),
    ("PEN-PRE", "Pentola a pressione 6 L", "PENTOLE", 89.00, 42, 70, 0.0),
    ("PEN-TEG", "Tegame inox 24 cm", "PENTOLE", 34.90, 28, 110, 0.0),
    ("PEN-SAU", "Casseruola conica 18 cm", "PENTOLE", 39.90, 28, 60, 0.0),
    ("PAD-20", "Padella antiaderente 20 cm", "PADELLE", 19.90, 21, 230, -0.03),
    ("PAD-24", "Padella antiaderente 24 cm", "PADELLE", 24.90, 21, 300, 0.0),
    ("PAD-28", "Padella antiaderente 28 cm", "PADELLE", 29.90, 28, 340, 0.0),
    ("PAD-32", "Padella antiaderente 32 cm", "PADELLE", 34.90, 28, 140, 0.02),
    ("PAD-W30", "Wok antiaderente 30 cm", "PADELLE", 39.90, 35, 80, 0.08),
    ("PAD-G28", "Bistecchiera in ghisa 28 cm", "PADELLE", 54.90, 42, 50, 0.04),
    ("PAD-S28", "Saltapasta antiaderente 28 cm", "PADELLE", 32.90, 28, 120, 0.03),
    ("PAD-C24", "Crepiera antiaderente 24 cm", "PADELLE", 27.90, 28, 40, -0.05),
    ("COL-CUO", "Coltello da cuoco 20 cm", "COLTELLI", 49.90, 35, 150, 0.06),
    ("COL-PAN", "Coltello pane 22 cm", "COLTELLI", 34.90, 35, 90, 0.0),
    ("COL-SPE", "Spelucchino 9 cm", "COLTELLI", 14.90, 28, 210, 0.02),
    ("COL-FIL", "Coltello per filettare 18 cm", "COLTELLI", 44.90, 42, 45, -0.12),
    ("COL-SAN", "Santoku 17 cm", "COLTELLI", 59.90, 42, 70, 0.10),
    ("COL-BIS", "Set 6 coltelli bistecca", "COLTELLI", 39.90, 35, 110, 0.0),
    ("COL-CEP", "Ceppo con 5 coltelli", "COLTELLI", 129.00, 42, 35, 0.03),
    ("RIC-G03", "Guarnizione moka 3 tazze (conf. 3)", "RICAMBI", 3.50, 14, 60, 0.0),
    ("RIC-G06", "Guarnizione moka 6 tazze (conf. 3)", "RICAMBI", 3.90, 14, 40, 0.0),
    ("RIC-F03", "Filtro moka 3 tazze", "RICAMBI", 4.90, 14, 25, 0.0),
    ("RIC-F06", "Filtro moka 6 tazze", "RICAMBI", 5.50, 14, 18, 0.0),
    ("RIC-VAL", "Valvola di sicurezza moka", "RICAMBI", 2.90, 21, 20, 0.0),
    ("RIC-MAN", "Manico universale per padella", "RICAMBI", 6.90, 21, 15, 0.0),
    ("RIC-POM", "Pomolo coperchio in bachelite", "RICAMBI", 2.50, 21, 12, 0.0),
)

# The export catalogue's names (products.csv `name_en`) and the sales team's own words for a
# few products (`aliases`).
_ENGLISH = {
    "MOK-001": "Classic moka pot 1 cup", "MOK-002": "Classic moka pot 2 cups",
    "MOK-003": "Classic moka pot 3 cups", "MOK-006": "Classic moka pot 6 cups",
    "MOK-009": "Classic moka pot 9 cups", "MOK-012": "Classic moka pot 12 cups",
    "MOK-I03": "Induction moka pot 3 cups", "MOK-I06": "Induction moka pot 6 cups",
    "MOK-E02": "Electric moka pot 2 cups", "MOK-R04": "Red moka pot 4 cups design edition",
    "PEN-16": "Stainless saucepan 16 cm", "PEN-20": "Stainless saucepan 20 cm",
    "PEN-24": "Stainless stockpot 24 cm", "PEN-28": "Stainless stockpot 28 cm",
    "PEN-PAS": "Pasta pot 5 L with colander", "PEN-PRE": "Pressure cooker 6 L",
    "PEN-TEG": "Stainless shallow casserole 24 cm", "PEN-SAU": "Conical saucier 18 cm",
    "PAD-20": "Non-stick frying pan 20 cm", "PAD-24": "Non-stick frying pan 24 cm",
    "PAD-28": "Non-stick frying pan 28 cm", "PAD-32": "Non-stick frying pan 32 cm",
    "PAD-W30": "Non-stick wok 30 cm", "PAD-G28": "Cast iron grill pan 28 cm",
    "PAD-S28": "Non-stick saute pan 28 cm", "PAD-C24": "Non-stick crepe pan 24 cm",
    "COL-CUO": "Chef's knife 20 cm", "COL-PAN": "Bread knife 22 cm",
    "COL-SPE": "Paring knife 9 cm", "COL-FIL": "Filleting knife 18 cm",
    "COL-SAN": "Santoku knife 17 cm", "COL-BIS": "Steak knife set of 6",
    "COL-CEP": "Knife block with 5 knives", "RIC-G03": "Moka gasket 3 cups (pack of 3)",
    "RIC-G06": "Moka gasket 6 cups (pack of 3)", "RIC-F03": "Moka filter 3 cups",
    "RIC-F06": "Moka filter 6 cups", "RIC-VAL": "Moka safety valve",
    "RIC-MAN": "Universal pan handle", "RIC-POM": "Bakelite lid knob",
}  # fmt: skip
_ALIASES = {
    "PAD-W30": "wok",
    "PEN-PRE": "pressione; pentola pressione",
    "PEN-PAS": "pastaiola",
    "COL-CEP": "ceppo coltelli",
    "MOK-R04": "moka rossa; moka design",
}

_LOCATIONS = (
    ("PLT-LUM", "Stabilimento di Lumezzane (BS)", "plant", "Lombardia"),
    ("PLT-MAN", "Stabilimento di Maniago (PN)", "plant", "Friuli-Venezia Giulia"),
    ("WH-MIL", "Magazzino centrale Milano", "warehouse", "Lombardia"),
)
# code, name, region, share of domestic demand; EX must stay last (array column -1)
_TERRITORIES: tuple[tuple[str, str, str, float], ...] = (
    ("NO", "Nord-Ovest", "Italia", 0.32),
    ("NE", "Nord-Est", "Italia", 0.25),
    ("CE", "Centro", "Italia", 0.20),
    ("SU", "Sud", "Italia", 0.15),
    ("IS", "Isole", "Italia", 0.08),
    ("EX", "Export", "Estero", 0.0),
)
# Retailers per territory, largest account first.
_CUSTOMERS: dict[str, list[str]] = {
    code: names.split("; ")
    for code, names in {
        "NO": "Casalinghi Colombo; Emporio Navigli; Casa & Cucina Sabauda; Ferramenta Sforza; "
        "Brianza Casa",
        "NE": "Casalinghi Serenissima; Emporio Dolomiti; Casa Friulana; Cucine Scaligere",
        "CE": "Casalinghi Medicei; Emporio Tiberino; La Dispensa Umbra; Bottega Adriatica",
        "SU": "Grandi Magazzini Partenope; Casalinghi Vesuvio; Emporio Salentino; Casa Lucana",
        "IS": "Casalinghi Trinacria; Emporio Sardo; Bottega Etnea",
        "EX": "Casa Italia Import GmbH; Bottega Italiana Ltd; Maison de la Moka SARL",
    }.items()
}

# slack_user_id, name, role, manager, territory, language
_PEOPLE: tuple[tuple[str, str, str, str | None, str | None, str], ...] = (
    ("U01BIANCHI", "Paolo Bianchi", "manager", None, None, "it"),
    ("U01HARRIS", "Emma Harris", "manager", None, None, "en"),
    ("U01ROSSI", "Giulia Rossi", "rep", "U01BIANCHI", "NO", "it"),
    ("U01BRAMBILLA", "Luca Brambilla", "rep", "U01BIANCHI", "NO", "it"),
    ("U01ZANETTI", "Marco Zanetti", "rep", "U01BIANCHI", "NE", "it"),
    ("U01MARCHI", "Elena Marchi", "rep", "U01HARRIS", "CE", "it"),
    ("U01ESPOSITO", "Antonio Esposito", "rep", "U01HARRIS", "SU", "it"),
    ("U01LOBIANCO", "Salvatore Lo Bianco", "rep", "U01HARRIS", "IS", "it"),
    ("U01WALKER", "James Walker", "rep", "U01HARRIS", "EX", "en"),
    ("U01COLOMBO", "Sara Colombo", "ops", None, None, "it"),
    ("U01GALLI", "Davide Galli", "ops", None, None, "it"),
    ("U01MORETTI", "Chiara Moretti", "ops", None, None, "it"),
    ("U01RICCI", "Francesca Ricci", "marketing", None, None, "it"),
    ("U01BARBIERI", "Alessio Barbieri", "marketing", None, None, "it"),
    ("U01DEANGELIS", "Roberta De Angelis", "admin", None, None, "it"),
)
# territory, family, has target_units, has target_revenue: the optional columns vary on purpose
_TERRITORY_QUOTAS = (("NO", "MOKA", True, True), ("NE", "PADELLE", True, False),
                     ("EX", "COLTELLI", False, True))  # fmt: skip
_SKUS = [p[0] for p in _PRODUCTS]
_FAMILY_OF = [p[2] for p in _PRODUCTS]


def _frame(rows: Sequence[Sequence[object]], columns: str, dates: str = "") -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=columns.split())
    for col in dates.split():
        frame[col] = pd.to_datetime(frame[col])
    return frame


def _customer_weights(count: int, *, lost_first: bool = False) -> FloatArray:
    # Account sizes fall off with rank; a lost account simply stops buying.
    weights = 1.0 / (np.arange(count, dtype=np.float64) + 2.0)
    if lost_first:
        weights[0] = 0.0
    return weights


def _pick(rng: np.random.Generator, weights: FloatArray, size: int) -> IntArray:
    cumulative = np.cumsum(weights) / weights.sum()
    picked = np.searchsorted(cumulative, rng.random(size), side="right")
    return np.minimum(picked, len(weights) - 1).astype(np.int64)


def _rep_for(territory: str, customer: int) -> str:
    # Where a territory has two reps, accounts are split between them alternately.
    reps = [p[0] for p in _PEOPLE if p[2] == "rep" and p[4] == territory]
    return reps[customer % len(reps)]


def _weekday(day: dt.date) -> dt.date:
    # Plants ship and customers receive on working days: weekend dates slide to Monday.
    return day + dt.timedelta(days=7 - day.weekday() if day.weekday() >= 5 else 0)


def _quarter(day: dt.date) -> tuple[str, dt.date, dt.date]:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = dt.date(day.year, first_month, 1)
    end = dt.date(day.year + first_month // 10, (first_month + 2) % 12 + 1, 1)
    return f"{day.year}-Q{(first_month - 1) // 3 + 1}", start, end


def _expected_demand(mondays: list[dt.date], history: int) -> FloatArray:
    """Noise-free weekly demand per (week, sku, territory), history and horizon alike."""
    age = (history - 1) - np.arange(len(mondays), dtype=np.float64)  # < 0 is the future
    iso = np.array([d.isocalendar().week for d in mondays], dtype=np.float64)
    base = np.array([p[5] for p in _PRODUCTS])
    trend = np.exp(-np.outer(age / 52.0, np.array([p[6] for p in _PRODUCTS])))
    season = np.empty_like(trend)
    share = np.zeros((len(_PRODUCTS), len(_TERRITORIES)))
    domestic = np.array([t[3] for t in _TERRITORIES])
    gap = np.abs(iso - 50.0)
    christmas_bump = np.exp(-0.5 * (np.minimum(gap, 52.0 - gap) / 2.0) ** 2)
    for j, family in enumerate(_FAMILY_OF):
        _, export, amplitude, peak, christmas = _FAMILIES[family]
        season[:, j] = (
            1.0 + amplitude * np.cos(2.0 * np.pi * (iso - peak) / 52.0) + christmas * christmas_bump
        )
        share[j] = domestic * (1.0 - export)
        share[j, -1] = export
        if family == DEMO_SCENARIO.capacity_family:
            # Flat until a year ago, then +67% in a year, still climbing over the horizon.
            trend[:, j] *= 1.0 - 0.4 * np.minimum(age, 52.0) / 52.0
    lost = np.ones((len(mondays), len(_TERRITORIES)))
    lost_col = [t[0] for t in _TERRITORIES].index(_LOST_CUSTOMER_TERRITORY)
    lost[age < RECENT_WEEKS, lost_col] = 0.5  # the big account is gone and stays gone
    demand: FloatArray = (
        base[None, :, None] * (trend * season)[:, :, None] * share[None] * lost[:, None, :]
    )
    return demand


def _sample_quantities(
    expected: FloatArray, rng: np.random.Generator
) -> tuple[IntArray, npt.NDArray[np.bool_]]:
    """Observed weekly units (promotions, noise, Poisson counts and lumpy spare parts), and
    which weeks of which products were on promotion."""
    weeks = expected.shape[0]
    promo = np.ones(expected.shape[:2])
    for family in _FAMILIES:
        cols = [j for j, f in enumerate(_FAMILY_OF) if f == family]
        # Promotions stay out of the recent weeks so the built-in situations read cleanly.
        for start in rng.choice(weeks - RECENT_WEEKS - 2, size=4, replace=False):
            length = int(rng.integers(1, 3))
            promo[start : start + length, cols] = 1.0 + rng.uniform(0.4, 0.8)
    mean = expected.copy()
    mean[:, :, :-1] *= promo[:, :, None]  # the volantino runs in Italy, not abroad
    mean *= rng.gamma(20.0, 1.0 / 20.0, size=mean.shape)
    steady = rng.poisson(mean)
    hit = rng.random(mean.shape) < LUMP_PROBABILITY
    lumps = np.where(hit, rng.poisson(mean / LUMP_PROBABILITY), 0)
    lumpy = np.array([f == "RICAMBI" for f in _FAMILY_OF])
    return np.where(lumpy[None, :, None], lumps, steady).astype(np.int64), promo > 1.0


def _sales(
    qty: IntArray,
    promo: npt.NDArray[np.bool_],
    mondays: list[dt.date],
    rng: np.random.Generator,
) -> pd.DataFrame:
    history = len(mondays)
    week, sku, terr = np.nonzero(qty)
    codes = [t[0] for t in _TERRITORIES]
    customer = np.zeros(len(week), dtype=np.int64)
    for k, code in enumerate(codes):
        rows = terr == k
        count = len(_CUSTOMERS[code])
        if code == _LOST_CUSTOMER_TERRITORY:
            late = rows & (week >= history - RECENT_WEEKS)
            customer[late] = _pick(rng, _customer_weights(count, lost_first=True), int(late.sum()))
            rows &= ~late
        customer[rows] = _pick(rng, _customer_weights(count), int(rows.sum()))
    quantity = qty[week, sku, terr]
    price = np.array([p[3] for p in _PRODUCTS])[sku]
    revenue = np.round(quantity * price * rng.uniform(0.85, 1.0, len(week)), 2)
    pairs = list(zip((codes[t] for t in terr), customer.tolist(), strict=True))
    return pd.DataFrame(
        {
            "date": pd.to_datetime(pd.Series(mondays)).to_numpy()[week],
            "sku": [_SKUS[j] for j in sku],
            "quantity": quantity,
            "location": [
                _FAMILIES[_FAMILY_OF[j]][0] if t == EXPORT else WAREHOUSE
                for j, (t, _) in zip(sku, pairs, strict=True)
            ],
            "territory": [t for t, _ in pairs],
            "customer": [_CUSTOMERS[t][c] for t, c in pairs],
            "rep": [_rep_for(t, c) for t, c in pairs],
            "revenue": revenue,
            # The company marks its volantino weeks (Italy only) in the sales file.
            "promo": promo[week, sku] & (np.array(codes)[terr] != EXPORT),
        }
    )


def generate_demo(
    *, seed: int = 7, today: dt.date, weeks: int = HISTORY_WEEKS
) -> dict[str, pd.DataFrame]:
    """Build the demo company's data as one DataFrame per contract file.

    Returns frames keyed products, locations, territories, people, stock, sales, capacity,
    receipts, open_orders and quotas, with columns in contract order and dates as datetime64.
    Sales history is `weeks` weekly buckets (8 to 260; 156 by default) dated on Mondays,
    ending the week before the one that contains `today`. The same `(seed, today, weeks)`
    always gives the same frames; fewer than 156 weeks are the last weeks of the default
    company's history (everything else unchanged), so the same company can be forecast from
    one, two or three years of its past.
    """
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise PonteError(f"the demo's history can be {MIN_WEEKS} to {MAX_WEEKS} weeks, not {weeks}")
    history = max(weeks, HISTORY_WEEKS)
    # Independent streams, so that tweaking one file's recipe leaves the others unchanged.
    root = np.random.default_rng(seed)
    streams = root.spawn(7)
    sales_rng, product_rng, order_rng, stock_rng, plan_rng, quota_rng, past_rng = streams
    this_monday = today - dt.timedelta(days=today.weekday())
    first_monday = this_monday - dt.timedelta(weeks=history)
    mondays = [first_monday + dt.timedelta(weeks=i) for i in range(history + HORIZON_WEEKS)]
    expected = _expected_demand(mondays, history)
    qty, promo = _sample_quantities(expected[:history], sales_rng)
    sales = _past_stockout(_sales(qty, promo, mondays[:history], sales_rng), this_monday)
    future = expected[history:]
    # Plans are sized on whichever is higher, what just sold or what the season brings.
    rate = {
        WAREHOUSE: np.maximum(
            qty[-RECENT_WEEKS:, :, :-1].sum(2).mean(0), future[:, :, :-1].sum(2).mean(0)
        ),
        EXPORT: np.maximum(qty[-RECENT_WEEKS:, :, -1].mean(0), future[:, :, -1].mean(0)),
    }

    safety = np.maximum(
        1, np.round(qty[-26:].sum(2).mean(0) * product_rng.uniform(1, 2, len(_SKUS)))
    )
    # Sold by the carton: a minimum order of a few days' sales, in tens.
    minimum = np.maximum(10, np.round(qty[-26:].sum(2).mean(0) / 20, -1))
    products = _frame(
        [
            (*p[:3], "pcs", p[3], p[4], int(s), int(m), _ENGLISH[p[0]], _ALIASES.get(p[0], ""))
            for p, s, m in zip(_PRODUCTS, safety, minimum, strict=True)
        ],
        "sku name family unit unit_price lead_time_days safety_stock min_order_qty name_en aliases",
    )
    open_orders = _open_orders(future[0], today, order_rng)
    stock = _stock(qty, rate, today, stock_rng)
    kept = sales[sales["date"] >= pd.Timestamp(this_monday - dt.timedelta(weeks=weeks))]
    return {
        "products": products,
        "locations": _frame(_LOCATIONS, "code name kind region"),
        "territories": _frame([t[:3] for t in _TERRITORIES], "code name region"),
        "people": _frame(
            [(*p[:3], _email(p[1]), *p[3:]) for p in _PEOPLE],
            "slack_user_id name role email manager_slack_user_id territory language",
        ),
        "stock": pd.concat(
            [
                _stock_history(stock, kept, safety, rate[WAREHOUSE], this_monday, past_rng, weeks),
                stock,
            ],
            ignore_index=True,
        ),
        # The last `weeks` of the history (the whole of it by default).
        "sales": kept,
        "capacity": _capacity(qty, future, mondays, history),
        "receipts": _receipts(rate[WAREHOUSE], today, plan_rng),
        "open_orders": open_orders,
        "quotas": _quotas(sales, today, quota_rng),
        "commission_plans": _COMMISSION_PLANS.copy(),
    }


# The reps' plan (2% of revenue, 4% from 80% of the quota, 6% and a €500 bonus from 100%),
# and James Walker's own export plan: a flat 3%, 5% and €1,000 from 100%.
_COMMISSION_PLANS = pd.DataFrame(
    [(None, "rep", 0.0, 2.0, 0.0), (None, "rep", 80.0, 4.0, 0.0), (None, "rep", 100.0, 6.0, 500.0),
     ("U01WALKER", None, 0.0, 3.0, 0.0), ("U01WALKER", None, 100.0, 5.0, 1000.0)],
    columns=["person", "role", "from_attainment_pct", "rate_pct", "bonus"],
)  # fmt: skip


def _email(name: str) -> str:
    first, *rest = name.lower().split()
    return f"{first}.{''.join(rest)}@officineponte.it"


def _open_orders(this_week: FloatArray, today: dt.date, rng: np.random.Generator) -> pd.DataFrame:
    """Customer orders due in the next six weeks, drawn where this week's demand is."""
    weight = this_week.ravel() / this_week.sum()
    rows = []
    for i in range(int(rng.integers(40, 71))):
        j, k = divmod(int(rng.choice(weight.size, p=weight)), len(_TERRITORIES))
        code = _TERRITORIES[k][0]
        lost = code == _LOST_CUSTOMER_TERRITORY
        c = int(_pick(rng, _customer_weights(len(_CUSTOMERS[code]), lost_first=lost), 1)[0])
        units = max(1, math.ceil(this_week[j, k] * rng.uniform(0.15, 0.5)))
        due = _weekday(today + dt.timedelta(days=int(rng.integers(3, 41))))
        location = _FAMILIES[_FAMILY_OF[j]][0] if code == EXPORT else WAREHOUSE
        order_id = f"SO-{today.year % 100:02d}{i + 1:03d}"
        rows.append(
            (order_id, _CUSTOMERS[code][c], _SKUS[j], units, due, location, code, _rep_for(code, c))
        )
    return _frame(
        rows, "order_id customer sku quantity due_date location territory rep", "due_date"
    )


def _stock(
    qty: IntArray,
    rate: dict[str, FloatArray],
    today: dt.date,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """One snapshot per SKU at the warehouse, plus the plant for exported families."""
    # The ERP's nightly extract: stock as of yesterday's close, i.e. as_of = today - 1 day.
    as_of = today - dt.timedelta(days=1)
    rows = []
    for j, (sku, family) in enumerate(zip(_SKUS, _FAMILY_OF, strict=True)):
        sites = [(WAREHOUSE, WAREHOUSE)]
        if _FAMILIES[family][1] > 0:
            sites.append((_FAMILIES[family][0], EXPORT))
        for location, market in sites:
            on_hand = round(rate[market][j] * rng.uniform(3, 8))
            # Allocated = already picked or on quality hold: orders it serves are no longer
            # in the open-order extract, so nothing is subtracted twice.
            reserved = round(on_hand * rng.uniform(0.0, 0.08))
            local = qty[:, j, :-1].sum(axis=1) if market == WAREHOUSE else qty[:, j, -1]
            windows = [float(local[-n:].mean()) for n in (8, 13, 26)]
            if family == "RICAMBI" and max(windows) > 0:
                # A quiet spell of a lumpy spare part must not read as a second excess story.
                on_hand = min(on_hand, round(20 * min(w for w in windows if w > 0)))
            if (sku, location) == (DEMO_SCENARIO.stockout_sku, WAREHOUSE):
                # Deliberately on the low side of every averaging window a planner might use.
                on_hand, reserved = round(1.5 * min(windows)), 0
            elif (sku, location) == (DEMO_SCENARIO.excess_sku, WAREHOUSE):
                on_hand = round(40 * max(qty[-n:, j].sum(1).mean() for n in (8, 13, 26)))
            rows.append((sku, location, on_hand, min(on_hand, reserved), as_of))
    return _frame(rows, "sku location on_hand allocated as_of", "as_of")


def _past_stockout(sales: pd.DataFrame, this_monday: dt.date) -> pd.DataFrame:
    """The past stockout in the sales: in its week the warehouse sold 60% of the demand
    (all it had), the week after nothing (the next batch came late)."""
    week = pd.Timestamp(this_monday - dt.timedelta(weeks=PAST_STOCKOUT_WEEKS_AGO))
    mine = (sales["sku"] == DEMO_SCENARIO.past_stockout_sku) & (sales["location"] == WAREHOUSE)
    short = mine & (sales["date"] == week)
    sales = sales.copy()
    sales.loc[short, "quantity"] = (sales.loc[short, "quantity"] * 0.6).astype(np.int64)
    sales.loc[short, "revenue"] = (sales.loc[short, "revenue"] * 0.6).round(2)
    gone = mine & (sales["date"] == week + pd.Timedelta(weeks=1))
    return sales[~gone & (sales["quantity"] > 0)].reset_index(drop=True)


def _stock_history(
    stock: pd.DataFrame,
    sales: pd.DataFrame,
    safety: FloatArray,
    rate: FloatArray,
    this_monday: dt.date,
    rng: np.random.Generator,
    history: int,
) -> pd.DataFrame:
    """The warehouse's Sunday snapshots of the last STOCK_HISTORY_WEEKS weeks (at most the
    `history` of sales), worked back
    from today's stock through the sales: production batches land when stock nears safety
    stock plus half a week, except around the past stockout, whose batch came two weeks late
    (its stock ends the stockout week and the next at zero)."""
    kept = min(STOCK_HISTORY_WEEKS, history)
    weeks = [this_monday - dt.timedelta(weeks=k) for k in range(1, kept + 1)]
    first = pd.Timestamp(weeks[-1])
    local = sales[(sales["location"] == WAREHOUSE) & (sales["date"] >= first)]
    sold = local.groupby(["sku", "date"])["quantity"].sum()
    now = stock[stock["location"] == WAREHOUSE].set_index("sku")["on_hand"]
    out_week = this_monday - dt.timedelta(weeks=PAST_STOCKOUT_WEEKS_AGO)
    rows: list[tuple[object, ...]] = []
    for j, sku in enumerate(_SKUS):
        lower = float(safety[j]) + 0.5 * float(rate[j])
        level = float(now[sku])  # the end of last week: nothing is dated this week yet
        for monday in weeks:
            if monday < this_monday - dt.timedelta(weeks=1):
                rows.append((sku, WAREHOUSE, round(level), 0, monday + dt.timedelta(days=6)))
            start = level + float(sold.get((sku, pd.Timestamp(monday)), 0))  # before its sales
            if sku == DEMO_SCENARIO.past_stockout_sku and monday == out_week + dt.timedelta(
                weeks=2
            ):
                level = 0.0  # the late batch landed this week: nothing was left before it
            elif sku == DEMO_SCENARIO.past_stockout_sku and monday == out_week + dt.timedelta(
                weeks=1
            ):
                level = 0.0  # out all week
            elif start > lower + 3.5 * float(rate[j]) and not (
                sku == DEMO_SCENARIO.past_stockout_sku
                and out_week - dt.timedelta(weeks=3) <= monday <= out_week
            ):
                level = round(lower + rng.uniform(0, 1) * float(rate[j]))  # a batch landed
            else:
                level = start
    rows.sort(key=lambda r: (str(r[4]), str(r[0])))
    return _frame(rows, "sku location on_hand allocated as_of", "as_of")


def _capacity(
    qty: IntArray, future: FloatArray, mondays: list[dt.date], history: int
) -> pd.DataFrame:
    """Open-ended weekly capacity per plant and family, plus the scenario line's overhaul."""
    # The overhaul starts two Mondays after this week's Monday (mondays[history]).
    overhaul = mondays[history] + dt.timedelta(weeks=2)
    scenario = (DEMO_SCENARIO.capacity_plant, DEMO_SCENARIO.capacity_family)
    rows: list[tuple[object, ...]] = []
    for family, (plant, *_) in _FAMILIES.items():
        cols = [j for j, f in enumerate(_FAMILY_OF) if f == family]
        recent = float(qty[-RECENT_WEEKS:, cols].sum(axis=(1, 2)).mean())
        # 30% above demand, sized on the coming seasonal peak too, so only the scenario breaches.
        units = int(round(1.3 * max(recent, float(future[:, cols].sum(axis=(1, 2)).max())), -1))
        if (plant, family) == scenario:
            rows.append((plant, family, mondays[0], overhaul - dt.timedelta(days=1), units))
            rows.append((plant, family, overhaul, None, round(0.75 * recent)))
        elif (plant, family) == DEMO_SCENARIO.past_overrun:
            # A line stop that happened: four weeks at 60% of the demand of the time.
            stop = mondays[history - PAST_OVERRUN_WEEKS_AGO]
            back = stop + dt.timedelta(weeks=4)
            ago = history - PAST_OVERRUN_WEEKS_AGO
            then = float(qty[ago - 8 : ago, cols].sum(axis=(1, 2)).mean())
            rows.append((plant, family, mondays[0], stop - dt.timedelta(days=1), units))
            rows.append((plant, family, stop, back - dt.timedelta(days=1), round(0.6 * then)))
            rows.append((plant, family, back, None, units))
        else:
            rows.append((plant, family, mondays[0], None, units))
    return _frame(rows, "plant family start_date end_date units_per_week", "start_date end_date")


def _receipts(rate: FloatArray, today: dt.date, rng: np.random.Generator) -> pd.DataFrame:
    """Planned production landing at the warehouse in batches of 2-4 weeks of demand."""
    rows = []
    for j, sku in enumerate(_SKUS):
        if sku == DEMO_SCENARIO.excess_sku:
            continue
        day = today + dt.timedelta(days=int(rng.integers(2, 15)))
        if sku == DEMO_SCENARIO.stockout_sku:
            day = today + dt.timedelta(days=42)  # the next batch is booked too late
        while day <= today + dt.timedelta(weeks=HORIZON_WEEKS):
            batch = int(rng.integers(2, 5))
            rows.append((sku, WAREHOUSE, _weekday(day), max(1, round(rate[j] * batch))))
            if sku == DEMO_SCENARIO.stockout_sku:
                break
            day += dt.timedelta(weeks=batch)
    return _frame(rows, "sku location date quantity", "date")


def _pace(sales: pd.DataFrame, weeks: float) -> tuple[float, float]:
    # The recent weekly run rate stretched over a period: what a rep is "on track" for.
    scale = weeks / RECENT_WEEKS
    return float(sales["quantity"].sum()) * scale, float(sales["revenue"].sum()) * scale


def _quotas(sales: pd.DataFrame, today: dt.date, rng: np.random.Generator) -> pd.DataFrame:
    """Targets for this quarter and the next, set against each rep's recent run rate."""
    recent = sales[sales["date"] > sales["date"].max() - pd.Timedelta(weeks=RECENT_WEEKS)]
    family = recent["sku"].map(dict(zip(_SKUS, _FAMILY_OF, strict=True)))
    current, start, end = _quarter(today)
    following, _, after = _quarter(end)
    rows: list[tuple[object, ...]] = []
    for period, weeks in ((current, (end - start).days / 7), (following, (after - end).days / 7)):
        for rep in (p[0] for p in _PEOPLE if p[2] == "rep"):
            factor = rng.uniform(0.95, 1.10)
            if period == current and rep == DEMO_SCENARIO.over_quota_rep:
                factor = 0.6
            elif period == current and rep == DEMO_SCENARIO.under_quota_rep:
                factor = 1.6
            units, revenue = _pace(recent[recent["rep"] == rep], weeks)
            rows.append(
                (period, rep, None, None, round(factor * units, -1), round(factor * revenue, -2))
            )
        for territory, fam, with_units, with_revenue in _TERRITORY_QUOTAS:
            factor = rng.uniform(0.95, 1.10)
            units, revenue = _pace(
                recent[(recent["territory"] == territory) & (family == fam)], weeks
            )
            target_units = round(factor * units, -1) if with_units else None
            target_revenue = round(factor * revenue, -2) if with_revenue else None
            rows.append((period, None, territory, fam, target_units, target_revenue))
    quotas = _frame(rows, "period rep territory family target_units target_revenue")
    quotas["target_units"] = quotas["target_units"].astype("Int64")
    quotas["target_revenue"] = quotas["target_revenue"].astype("float64")
    return quotas


def _format_cell(value: object) -> str:
    # Blank for missing, ISO dates, and no ".0" on numbers that are whole.
    if value is None or value is pd.NaT or value is pd.NA:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, bool | np.bool_):  # a flag: "yes", or blank for no
        return "yes" if value else ""
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float | np.floating):
        number = float(value)
        return str(int(number)) if number.is_integer() else f"{number:.6f}".rstrip("0").rstrip(".")
    return str(value)


def write_demo_files(frames: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write each frame as `<key>.csv` (UTF-8, header row) in `out_dir`, creating it.

    Dates are written as YYYY-MM-DD, missing optional values as blank cells and whole numbers
    without decimals. Returns the paths in contract order (any extra keys last).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    keys = [k for k in FILE_ORDER if k in frames] + [k for k in frames if k not in FILE_ORDER]
    paths: list[Path] = []
    for key in keys:
        frame = frames[key].astype(object)
        text = frame.map(_format_cell)
        path = out_dir / f"{key}.csv"
        text.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        paths.append(path)
    return paths
