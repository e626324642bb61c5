"""Feedback benchmark: 100,000 items ingested with enrichment, then searched, on SQLite and
PostgreSQL, in a company of 5,000 products and 360 customers.

    python bench/feedback_bench.py [--items 100000] [--skus 5000] [--searches 300]
                                   [--backends sqlite,postgres] [--postgres URL]

The company comes from bench/scale_company.py (eight weeks of sales: customers and their
revenue are what feedback search reads). Items are written the way reps write (both
languages, products and customers named, themes of every kind), over the last year, and
ingested through planning.feedback.store.ingest in batches of 1,000, each read (language,
sentiment, themes, competitors, customer and product links) as one saved from Slack is.
Searches are the mix people ask: a product, a family, a customer, a theme, only complaints,
words, a quarter, and everything of the last 90 days; they start once the database has
settled (PostgreSQL's VACUUM ANALYZE, which autovacuum runs within a minute of a bulk
insert; SQLite's ANALYZE). Prints ingest items/s and search
latency per kind (p50, p95, max), plus the enrichment's scores on the labelled sets.
Targets (issue 15): search p95 < 100 ms, ingest >= 1,000 items/s, on both databases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scale_company import generate_company  # noqa: E402
from planning.db import analyze, make_engine, upgrade  # noqa: E402
from planning.demo import FILE_ORDER  # noqa: E402
from planning.feedback.enrich import THEMES  # noqa: E402
from planning.feedback.search import Filter, search_feedback  # noqa: E402
from planning.feedback.store import NewFeedback, ingest, load_reading  # noqa: E402
from planning.importer import import_files  # noqa: E402

TODAY = dt.date(2026, 11, 27)
NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
BATCH = 1000
SAID = {
    "it": (
        "{customer} dice che {product} arriva graffiato, imballo troppo leggero",
        "consegne in ritardo di due settimane per {customer}, il cliente è scontento",
        "{customer} trova {product} troppo caro rispetto a Würth",
        "il cliente {customer} chiede {product} anche in versione inox",
        "ottima qualità, {customer} è molto soddisfatto di {product}",
        "{product} sempre esaurito, {customer} perde vendite",
        "fattura sbagliata per {customer}, sconto non applicato",
        "{customer}: {product} si rompe dopo pochi mesi, chiedono il reso",
        "{customer} ordina di solito a inizio mese, nessun problema",
    ),
    "en": (
        "{customer} says {product} arrives dented, the box is too thin",
        "{customer} complains deliveries are late again",
        "{customer} finds {product} pricier than the Fischer one",
        "{customer} would like {product} in black",
        "{customer} loves {product}, great quality",
        "{product} out of stock again, {customer} is buying elsewhere",
        "nobody answers the phone at customer service, says {customer}",
    ),
}
QUERIES = ("graffi", "ritardo", "invoice", "qualita", "esaurito", "dented box", "prezzo")


def company(url: str, skus: int, folder: Path) -> None:
    frames = generate_company(skus, today=TODAY, weeks=8)
    folder.mkdir(parents=True, exist_ok=True)
    for key in FILE_ORDER:
        frames[key].to_csv(folder / f"{key}.csv", index=False, date_format="%Y-%m-%d")
    engine = make_engine(url)
    upgrade(engine)
    import_files(engine, [folder], now=NOW, actor="bench")
    engine.dispose()


def items(url: str, count: int, seed: int = 11) -> list[NewFeedback]:
    """`count` items over the year to TODAY, named after the company's own things."""
    engine = make_engine(url)
    with engine.connect() as conn:
        products = [(s, n) for s, n in conn.execute(text("SELECT sku, name FROM product"))]
        accounts = conn.execute(text("SELECT DISTINCT customer, rep FROM sales_customer_day"))
        accounts = [(c, r) for c, r in accounts]
        languages = dict(conn.execute(text("SELECT slack_user_id, language FROM person")).all())
    engine.dispose()
    rng = random.Random(seed)
    made = []
    for i in range(count):
        customer, rep = accounts[rng.randrange(len(accounts))]
        sku, name = products[rng.randrange(len(products))]
        lang = "en" if languages.get(rep) == "en" or rng.random() < 0.3 else "it"
        template = rng.choice(SAID[lang])
        named = name if rng.random() < 0.6 else sku
        day = TODAY - dt.timedelta(days=int(rng.random() ** 1.5 * 365))
        made.append(
            NewFeedback(
                text=template.format(customer=customer, product=named),
                author=rep,
                created_at=dt.datetime.combine(day, dt.time(9, i % 60), dt.UTC),
                source="chat",
                channel="CBENCH",
                message_ts=f"{1700000000 + i}.000100",
            )
        )
    return made


def run(url: str, count: int, searches: int) -> dict[str, object]:
    made = items(url, count)
    engine = make_engine(url)
    reading = load_reading(engine, ("Würth", "Fischer"))
    started = time.perf_counter()
    stored = 0
    for start in range(0, len(made), BATCH):
        stored += ingest(engine, made[start : start + BATCH], now=NOW, actor="bench",
                         reading=reading)  # fmt: skip
    ingest_s = time.perf_counter() - started
    settle(engine)
    with engine.connect() as conn:
        skus = [
            s
            for (s,) in conn.execute(
                text(
                    "SELECT sku FROM feedback_product GROUP BY sku ORDER BY count(*) DESC LIMIT 200"
                )
            )
        ]
        families = [f for (f,) in conn.execute(text("SELECT DISTINCT family FROM product"))]
        customers = [c for (c,) in conn.execute(text(
            "SELECT DISTINCT customer FROM feedback WHERE customer IS NOT NULL"))]  # fmt: skip
    rng = random.Random(5)
    kinds = {
        "product": lambda: {"where": Filter(products=(rng.choice(skus),))},
        "family": lambda: {"where": Filter(family=rng.choice(families))},
        "customer": lambda: {"where": Filter(customer=rng.choice(customers))},
        "theme, complaints": lambda: {
            "where": Filter(theme=rng.choice(THEMES), sentiment="negative")
        },
        "words": lambda: {"where": Filter(query=rng.choice(QUERIES))},
        "a quarter": lambda: {
            "start": dt.date(2026, 7, 1),
            "end": dt.date(2026, 9, 30),
            "where": Filter(family=rng.choice(families)),
        },
        "everything, 90 days": lambda: {},
    }
    timings: dict[str, list[float]] = {k: [] for k in kinds}
    for i in range(searches):
        kind = list(kinds)[i % len(kinds)]
        asked = kinds[kind]()
        started = time.perf_counter()
        search_feedback(engine, today=TODAY, **asked)  # type: ignore[arg-type]
        timings[kind].append((time.perf_counter() - started) * 1000)
    engine.dispose()
    return {"stored": stored, "ingest_s": ingest_s, "timings": timings}


def settle(engine: Engine) -> None:
    """What the database does by itself within a minute of a bulk insert (autovacuum on
    PostgreSQL: statistics and the visibility map index-only scans need), done now so that
    the searches measure the store as it is in use, not in its first minute."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM (ANALYZE) feedback, feedback_product")
    else:
        analyze(engine, ["feedback", "feedback_product"])


def labelled_scores() -> list[tuple[str, float, float, float, float]]:
    from tests.planning.feedback_heldout import HELDOUT
    from tests.planning.feedback_labelled import LABELLED
    from tests.planning.test_feedback_enrichment import scores

    rows = []
    for name, labelled in (("first (100)", LABELLED), ("second (80)", HELDOUT)):
        got = scores(labelled)
        rows.append((name, got["language"], got["sentiment"], got["precision"], got["recall"]))
    return rows


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--skus", type=int, default=5_000)
    parser.add_argument("--searches", type=int, default=350)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    args = parser.parse_args()
    console = Console()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "company"
        results = {}
        for backend in args.backends.split(","):
            if backend == "sqlite":
                url = f"sqlite:///{Path(tmp) / 'feedback.db'}"
                drop = None
            else:
                admin = make_engine(args.postgres, isolation_level="AUTOCOMMIT")
                name = f"ponte_bench_{uuid.uuid4().hex[:10]}"
                with admin.connect() as conn:
                    conn.execute(text(f'CREATE DATABASE "{name}"'))
                url = args.postgres.rsplit("/", 1)[0] + f"/{name}"
                drop = (admin, name)
            try:
                console.print(f"{backend}: loading a company of {args.skus:,} products…")
                company(url, args.skus, folder)
                console.print(f"{backend}: ingesting {args.items:,} items, then searching…")
                results[backend] = run(url, args.items, args.searches)
            finally:
                if drop is not None:
                    admin, name = drop
                    with admin.connect() as conn:
                        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                    admin.dispose()
    table = Table(title=f"Feedback: {args.items:,} items, {args.skus:,} products")
    table.add_column("backend")
    table.add_column("ingest items/s", justify="right")
    table.add_column("search", justify="left")
    table.add_column("p50 ms", justify="right")
    table.add_column("p95 ms", justify="right")
    table.add_column("max ms", justify="right")
    for backend, result in results.items():
        rate = result["stored"] / result["ingest_s"]  # type: ignore[operator]
        timings: dict[str, list[float]] = result["timings"]  # type: ignore[assignment]
        everything = [v for values in timings.values() for v in values]
        for i, (kind, values) in enumerate([*timings.items(), ("all searches", everything)]):
            table.add_row(
                backend if i == 0 else "", f"{rate:,.0f}" if i == 0 else "", kind,
                f"{statistics.median(values):.1f}", f"{_p(values, 0.95):.1f}",
                f"{max(values):.1f}",
            )  # fmt: skip
    console.print(table)
    scores = Table(title="Offline enrichment on the labelled sets")
    for column in ("set", "language", "sentiment", "theme precision", "theme recall"):
        scores.add_column(column, justify="right" if column != "set" else "left")
    for name, *values in labelled_scores():
        scores.add_row(name, *(f"{v:.0%}" for v in values))
    console.print(scores)


if __name__ == "__main__":
    main()
