"""The demo company's customer feedback: what its reps heard over the last half year, as
the feedback file (planning.feedback.files), deterministic for a seed and a date.

The stories match the demo's data so that feedback, forecasts and alerts tell one story:
the 28 cm non-stick pan arriving scratched (a packaging problem of the last weeks), pots
from Lumezzane delivered late, price pressure on pans from competitors, requests for a 6
cup red moka and a 4 cup induction one, praise for the knives, the 24 cm pan out of stock
in the spring, a few invoice errors, and the export accounts writing in English.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

# (weeks back: newest, oldest), territories ("" = any domestic), products, texts (it, en)
_STORIES: tuple[tuple[tuple[int, int], str, str, tuple[str, ...], int], ...] = (
    ((0, 6), "NO NE CE", "PAD-28", (
        "{customer} dice che la padella antiaderente 28 cm arriva graffiata, imballo leggero",
        "{customer}: due cartoni di PAD-28 arrivati con le padelle rigate, chiedono il reso",
        "Le padelle da 28 arrivano ammaccate da {customer}, scatole rotte negli angoli",
        "{customer} lamenta graffi sul fondo delle padelle 28 cm appena consegnate",
    ), 14),
    ((0, 4), "NO NE CE SU", "PEN-24 PEN-28 PEN-PAS", (
        "{customer}: le pentole alte arrivano con due settimane di ritardo, il cliente è scontento",
        "Consegne delle pentole in ritardo per {customer}, chiedono tempi certi",
        "{customer} si lamenta dei tempi di consegna della pastaiola, tre settimane invece di una",
    ), 10),
    ((0, 12), "NO CE SU IS", "PAD-24 PAD-28 PAD-32", (
        "{customer} dice che Ballarini fa la padella da 24 a 3 euro in meno",
        "Troppo care le padelle rispetto a Lagostina, {customer} vuole uno sconto",
        "{customer} sta passando a Tefal per le padelle, prezzo più basso del 10%",
    ), 9),
    ((0, 20), "", "MOK-R04", (
        "{customer} chiede la moka rossa anche da 6 tazze, la 4 tazze va a ruba",
        "I clienti di {customer} vorrebbero la moka design rossa in versione 6 tazze",
    ), 7),
    ((0, 16), "NE IS", "MOK-I03 MOK-I06", (
        "{customer} chiede una moka induzione da 4 tazze, tra 3 e 6 manca una misura",
    ), 4),
    ((0, 26), "", "COL-SAN COL-CUO", (
        "{customer} è molto soddisfatto del santoku, ottima qualità e si vende bene",
        "Complimenti da {customer} per il coltello da cuoco, il filo regge benissimo",
        "{customer}: coltelli ottimi, nessun reclamo, vogliono ampliare l'assortimento",
    ), 8),
    ((14, 26), "", "PAD-24", (
        "{customer}: la padella 24 è sempre esaurita, perdono vendite",
        "Padella antiaderente 24 cm introvabile da settimane, {customer} è arrabbiato",
    ), 7),
    ((0, 26), "", "", (
        "{customer} segnala una fattura sbagliata, sconto concordato non applicato",
        "{customer} ha ricevuto la bolla senza i codici articolo, chiede di correggerla",
    ), 4),
    ((0, 10), "", "PEN-PRE", (
        "{customer} dice che la pentola a pressione è solida ma la valvola fischia troppo",
    ), 3),
    ((0, 26), "", "PAD-W30", (
        "{customer} vorrebbe il wok con un manico più lungo",
    ), 3),
)  # fmt: skip
_EXPORT: tuple[tuple[tuple[int, int], str, tuple[str, ...], int], ...] = (
    ((0, 20), "MOK-I03 MOK-I06", (
        "{customer} says the induction moka pots sell very well, more stock for Christmas",
        "{customer} loves the induction moka, reorders are coming faster than planned",
    ), 5),
    ((0, 8), "", (
        "{customer} complains that deliveries take too long since the customs paperwork",
        "{customer}: shipment arrived late again, they are losing patience with the courier",
    ), 4),
    ((0, 12), "COL-CEP", (
        "{customer} says the knife block arrives with the box dented, customers notice it",
    ), 2),
)  # fmt: skip
UNMATCHED = ("Ferramenta Rossi", "Casalinghi Sud")  # said by reps, not in the sales data


def demo_feedback(sales: pd.DataFrame, *, today: dt.date, seed: int = 7) -> pd.DataFrame:
    """The feedback file for the demo: one row per item, newest stories densest."""
    rng = np.random.default_rng(seed + 1000)
    sold = sales[sales["customer"] != ""]
    accounts: pd.DataFrame = sold.groupby(["territory", "customer", "rep"], as_index=False)[
        ["quantity"]
    ].sum()
    accounts = accounts.sort_values(["territory", "quantity"], ascending=[True, False])
    domestic = accounts[accounts["territory"] != "EX"]
    export = accounts[accounts["territory"] == "EX"]
    monday = today - dt.timedelta(days=today.weekday())
    rows: list[dict[str, str]] = []

    def when(newest: int, oldest: int) -> dt.date:
        # Recent weeks more likely: a story is news while it lasts.
        weeks = np.arange(newest, oldest + 1)
        weights = 1.0 / (1.0 + weeks - newest)
        back = int(rng.choice(weeks, p=weights / weights.sum()))
        day = monday - dt.timedelta(weeks=back) + dt.timedelta(days=int(rng.integers(0, 5)))
        return min(day, today)

    def add(frame: pd.DataFrame, span: tuple[int, int], products: str, texts: tuple[str, ...],
            count: int) -> None:  # fmt: skip
        for _ in range(count):
            account = frame.iloc[int(rng.integers(0, len(frame)))]
            named = [p for p in products.split() if p]
            product = named[int(rng.integers(0, len(named)))] if named else ""
            rows.append(
                {
                    "date": when(*span).isoformat(),
                    "author": str(account["rep"]),
                    "customer": str(account["customer"]),
                    "products": product,
                    "text": texts[int(rng.integers(0, len(texts)))].format(
                        customer=account["customer"]
                    ),
                }
            )

    for span, territories, products, texts, count in _STORIES:
        wanted = territories.split()
        frame = domestic[domestic["territory"].isin(wanted)] if wanted else domestic
        add(frame, span, products, texts, count)
    for span, products, texts, count in _EXPORT:
        add(export, span, products, texts, count)
    reps = sorted(domestic["rep"].unique())
    for i, name in enumerate(UNMATCHED):
        rows.append(
            {
                "date": (monday - dt.timedelta(weeks=i + 1)).isoformat(),
                "author": str(reps[i % len(reps)]),
                "customer": name,
                "products": "PAD-28" if i == 0 else "",
                "text": (
                    f"{name} dice che la padella nuova da 28 cm arriva graffiata"
                    if i == 0
                    else f"Il cliente {name} chiede consegne più rapide"
                ),
            }
        )
    return pd.DataFrame(rows, columns=["date", "author", "customer", "products", "text"])


def write_demo_feedback(
    sales: pd.DataFrame, out_dir: Path, *, today: dt.date, seed: int = 7
) -> Path:
    """Write the demo's feedback file to `out_dir`/feedback/feedback.csv (a folder of its
    own: it is imported by `ponte feedback import`, not with the contract files)."""
    folder = out_dir / "feedback"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "feedback.csv"
    demo_feedback(sales, today=today, seed=seed).to_csv(
        path, index=False, encoding="utf-8", lineterminator="\n"
    )
    return path
