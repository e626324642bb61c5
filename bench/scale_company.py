"""A generated company of any size, in the public file contract, for the scale benchmarks.

    python bench/scale_company.py 5000 /tmp/company-5000

`write_company(skus, out, today=...)` writes products, locations, territories, people,
stock, sales, capacity, receipts, open_orders and quotas as `ponte import` reads them: three
locations (two plants and a warehouse), twelve territories with a rep each under three
managers, 156 weeks of weekly sales ending the week before `today` (about 470 rows per SKU:
2.4M at 5,000 SKUs), a quarter of the SKUs sporadic, seasonal and trending demand, stock,
receipts, open orders, capacity per plant and family sized near demand (some families short),
and quotas per rep for every quarter of this year. Seeded: the same arguments give the same
files. Nothing in it is the demo's: product words come from a hardware catalogue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planning.demo import FILE_ORDER  # noqa: E402

WEEKS = 156
TERRITORIES = 12
CUSTOMERS_PER_TERRITORY = 30
PLANTS = ("PLT-NORD", "PLT-SUD")
WAREHOUSE = "WH-CENTRO"
ITEMS = (
    "Bullone", "Vite", "Dado", "Rondella", "Tassello", "Cerniera", "Maniglia", "Staffa",
    "Tubo", "Raccordo", "Valvola", "Guarnizione", "Catena", "Molla", "Perno", "Rivetto",
)  # fmt: skip
FINISHES = ("zincato", "inox", "ottone", "nero", "bianco", "grezzo", "cromato", "rame")
FAMILIES = (
    "VITERIA", "BULLONERIA", "TASSELLI", "CERNIERE", "MANIGLIE", "STAFFE", "TUBI",
    "RACCORDI", "VALVOLE", "GUARNIZIONI", "CATENE", "MOLLE", "PERNI", "RIVETTI", "SERRATURE",
    "LUCCHETTI", "CARDINI", "GANCI", "RUOTE", "BINARI", "PROFILI", "COLLE", "SIGILLANTI",
    "ABRASIVI", "UTENSILI",
)  # fmt: skip


def family_count(skus: int) -> int:
    """How many product families a company of `skus` products has (2 to 25)."""
    return max(2, min(len(FAMILIES), skus // 20))


def generate_company(
    skus: int, *, today: dt.date, seed: int = 5, weeks: int = WEEKS
) -> dict[str, pd.DataFrame]:
    """Every contract file of a company with `skus` products and `weeks` weeks of sales."""
    rng = np.random.default_rng(seed)
    families = family_count(skus)
    family = [FAMILIES[i % families] for i in range(skus)]
    plant_of = {FAMILIES[i]: PLANTS[i % 2] for i in range(families)}
    codes = [f"HW-{i:05d}" for i in range(skus)]
    names = [
        f"{ITEMS[i % len(ITEMS)]} {FINISHES[(i // len(ITEMS)) % len(FINISHES)]} "
        f"{4 + i % 37} mm serie {i // (len(ITEMS) * len(FINISHES))}"
        for i in range(skus)
    ]
    level = rng.lognormal(3.0, 1.0, skus).clip(1, 800)  # mean weekly units
    sporadic = rng.random(skus) < 0.25
    level[sporadic] = rng.uniform(0.2, 2.0, sporadic.sum())
    price = rng.uniform(0.5, 120, skus).round(2)
    products = pd.DataFrame(
        {
            "sku": codes,
            "name": names,
            "family": family,
            "unit": "pcs",
            "unit_price": price,
            "lead_time_days": rng.choice([7, 14, 21, 28, 42], skus),
            "safety_stock": np.round(level * rng.uniform(1, 3, skus)),
            "min_order_qty": None,
            "name_en": None,
            "aliases": None,
        }
    )

    this_monday = today - dt.timedelta(days=today.weekday())
    mondays = pd.date_range(this_monday - dt.timedelta(weeks=weeks), periods=weeks, freq="7D")
    t = np.arange(weeks)
    peak = rng.integers(0, 52, skus)
    amplitude = rng.uniform(0, 0.5, skus)
    trend = rng.uniform(-0.3, 0.4, skus)
    shape = (1 + amplitude[:, None] * np.cos(2 * np.pi * (t[None, :] - peak[:, None]) / 52)) * (
        1 + trend[:, None] * t[None, :] / weeks
    )
    # Each SKU-week is sold through four channels (customer lines): three ship from the
    # warehouse, the fourth from the family's plant for half the SKUs.
    channels = 4
    expected = (level[:, None] * shape)[:, :, None] / channels
    quantity = rng.poisson(np.broadcast_to(expected, (skus, weeks, channels)))
    from_plant = rng.random(skus) < 0.5
    sku_index, week_index, channel = np.nonzero(quantity)
    units = quantity[sku_index, week_index, channel].astype(float)
    territory_index = (sku_index * 7 + channel * 5 + week_index) % TERRITORIES
    customer_index = (sku_index + week_index * 3 + channel) % CUSTOMERS_PER_TERRITORY
    location = np.where(
        (channel == 3) & from_plant[sku_index],
        np.array([plant_of[f] for f in family])[sku_index],
        WAREHOUSE,
    )
    territories = [f"T{i + 1:02d}" for i in range(TERRITORIES)]
    reps = [f"UREP{i + 1:02d}" for i in range(TERRITORIES)]
    sales = pd.DataFrame(
        {
            "date": mondays[week_index],
            "sku": np.array(codes)[sku_index],
            "location": location,
            "territory": np.array(territories)[territory_index],
            "customer": [
                f"Cliente {t + 1:02d}-{c + 1:02d}"
                for t, c in zip(territory_index, customer_index, strict=True)
            ],
            "rep": np.array(reps)[territory_index],
            "quantity": units,
            "revenue": (units * price[sku_index]).round(2),
        }
    )

    recent = level * shape[:, -8:].mean(axis=1)
    stock_rows = []
    for i in range(skus):
        plant = plant_of[family[i]]
        share = 0.5 if from_plant[i] else 0.0
        for where, part in ((WAREHOUSE, 1 - share / 3), (plant, share / 3)):
            if part == 0 and rng.random() < 0.7:
                continue
            cover = rng.uniform(0, 20)  # weeks of cover: some run out soon, some sit
            stock_rows.append((codes[i], where, today, round(recent[i] * part * cover), 0))
    stock = pd.DataFrame(stock_rows, columns=["sku", "location", "as_of", "on_hand", "allocated"])

    weekly_by_family = pd.Series(recent).groupby(family).sum()
    tight = rng.uniform(0.8, 1.5, len(weekly_by_family))
    capacity = pd.DataFrame(
        {
            "plant": [plant_of[f] for f in weekly_by_family.index],
            "family": weekly_by_family.index,
            "start_date": mondays[0],
            "end_date": None,
            "units_per_week": np.round(weekly_by_family.to_numpy() * tight),
        }
    )

    incoming = rng.random(skus) < 0.3
    receipts = pd.DataFrame(
        {
            "sku": np.array(codes)[incoming],
            "location": WAREHOUSE,
            "date": [
                this_monday + dt.timedelta(weeks=int(w)) for w in rng.integers(1, 9, incoming.sum())
            ],
            "quantity": np.round(recent[incoming] * 4 + 1),
        }
    )

    ordered = rng.integers(0, skus, skus * 2)
    orders = pd.DataFrame(
        {
            "order_id": [f"ORD-{i:07d}" for i in range(len(ordered))],
            "customer": [f"Cliente {i % TERRITORIES + 1:02d}-01" for i in range(len(ordered))],
            "sku": np.array(codes)[ordered],
            "quantity": np.round(recent[ordered] * rng.uniform(0.1, 0.6, len(ordered)) + 1),
            "due_date": [
                this_monday + dt.timedelta(days=int(d)) for d in rng.integers(0, 42, len(ordered))
            ],
            "location": None,
            "territory": [territories[i % TERRITORIES] for i in range(len(ordered))],
            "rep": [reps[i % TERRITORIES] for i in range(len(ordered))],
        }
    )

    managers = ["UMGR01", "UMGR02", "UMGR03"]
    people = pd.DataFrame(
        [
            *((m, f"Manager {i + 1}", "manager", None, None, None, "it") for i, m in
              enumerate(managers)),
            *((r, f"Venditore {i + 1}", "rep", None, managers[i % 3], territories[i],
               "it" if i % 2 else "en") for i, r in enumerate(reps)),
            ("UOPS01", "Pianificatore", "ops", None, None, None, "it"),
            ("UMKT01", "Marketing", "marketing", None, None, None, "en"),
            ("UADM01", "Admin", "admin", None, None, None, "en"),
        ],
        columns=[
            "slack_user_id", "name", "role", "email", "manager_slack_user_id", "territory",
            "language",
        ],
    )  # fmt: skip

    sold = sales[sales["date"].dt.year == today.year].groupby("rep")["quantity"].sum()
    quotas = pd.DataFrame(
        [
            (f"{today.year}-Q{q}", rep, None, None, round(sold.get(rep, 0) / 4 * 1.1), None)
            for q in range(1, 5)
            for rep in reps
        ],
        columns=[
            "period", "rep", "territory", "family", "target_units", "target_revenue",
        ],
    )  # fmt: skip
    return {
        "products": products,
        "locations": pd.DataFrame(
            [
                (PLANTS[0], "Stabilimento Nord", "plant", "Nord"),
                (PLANTS[1], "Stabilimento Sud", "plant", "Sud"),
                (WAREHOUSE, "Magazzino Centrale", "warehouse", "Centro"),
            ],
            columns=["code", "name", "kind", "region"],
        ),
        "territories": pd.DataFrame(
            [(t, f"Zona {t}", "Italia") for t in territories], columns=["code", "name", "region"]
        ),
        "people": people,
        "stock": stock,
        "sales": sales,
        "capacity": capacity,
        "receipts": receipts,
        "open_orders": orders,
        "quotas": quotas,
        "commission_plans": pd.DataFrame(
            [(None, "rep", 0.0, 2.0, 0.0), (None, "rep", 100.0, 5.0, 1000.0)],
            columns=["person", "role", "from_attainment_pct", "rate_pct", "bonus"],
        ),
    }


def forecast_company(
    name: str, *, today: dt.date, seed: int, weeks: int = WEEKS
) -> dict[str, pd.DataFrame]:
    """The two companies the forecast benchmarks compare: `demo`, the housewares demo (mild
    seasons, promotions marked), or `hardware`, this wholesaler with 300 SKUs (yearly swings
    of up to +-50%, each product peaking in its own week)."""
    if name == "demo":
        from planning.demo import generate_demo

        return generate_demo(seed=seed, today=today, weeks=weeks)
    return generate_company(300, today=today, seed=seed, weeks=weeks)


PROMOTION_EVERY = 13  # weeks between two promotions, each of one family in turn


def with_promotions(sales: pd.DataFrame, products: pd.DataFrame) -> pd.DataFrame:
    """The sales with a `promo` column: every PROMOTION_EVERY weeks one family, in turn, is
    on promotion for two weeks (flags only, the quantities unchanged: what a promotion's
    review costs to read is what is measured, bench/scale_answers.py)."""
    weeks = sorted(sales["date"].unique())
    families = sorted(products["family"].unique())
    family_of = products.set_index("sku")["family"]
    promoted: dict[object, str] = {}
    for k, start in enumerate(range(0, len(weeks) - 1, PROMOTION_EVERY)):
        for week in weeks[start : start + 2]:
            promoted[week] = families[k % len(families)]
    on = sales["date"].map(promoted)
    return sales.assign(promo=(on == sales["sku"].map(family_of)).map({True: "yes", False: ""}))


def promoted_families(skus: int, weeks: int = WEEKS) -> list[str]:
    """The families `with_promotions` puts on promotion after the first weeks of sales (a
    promotion at the very start has no usual level before it to be reviewed against)."""
    families = sorted(FAMILIES[: family_count(skus)])
    starts = range(0, weeks - 1, PROMOTION_EVERY)
    return [families[k % len(families)] for k, start in enumerate(starts) if start > 0]


def write_company(skus: int, out: Path, *, today: dt.date, seed: int = 5) -> list[Path]:
    """Write the company's files into `out`, in the contract's order; returns their paths."""
    frames = generate_company(skus, today=today, seed=seed)
    frames["sales"] = with_promotions(frames["sales"], frames["products"])
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for key in FILE_ORDER:
        path = out / f"{key}.csv"
        # pandas' own writer: the demo's cell-by-cell one takes minutes on 2.4M rows.
        frames[key].to_csv(path, index=False, date_format="%Y-%m-%d", lineterminator="\n")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("skus", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 11, 27))
    args = parser.parse_args()
    for path in write_company(args.skus, args.out, today=args.today):
        print(path)


if __name__ == "__main__":
    main()
