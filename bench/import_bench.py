"""Import benchmark: 1,000,000 sales rows (plus their products) into SQLite and PostgreSQL.

    python bench/import_bench.py [--rows 1000000] [--postgres URL]

Generates the files once (not timed), then imports them through `ponte import`'s own code
path into a fresh database per backend, each in its own process so peak memory is the
import's alone. Prints rows/s (validation included) and peak RSS. Target on a 2-core
machine: >= 100,000 rows/s and < 1.5 GB on both.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"


def generate(out: Path, rows: int, seed: int = 1) -> int:
    """Write products, locations, territories, people and `rows` unique sales rows."""
    rng = np.random.default_rng(seed)
    skus = 2_000
    territories = [f"T{i:02d}" for i in range(10)]
    weeks = -(-rows // (skus * len(territories)))
    pd.DataFrame(
        {
            "sku": [f"SKU-{i:05d}" for i in range(skus)],
            "name": [f"Prodotto {i}" for i in range(skus)],
            "family": [f"FAM{i % 8}" for i in range(skus)],
            "unit_price": rng.uniform(5, 200, skus).round(2),
        }
    ).to_csv(out / "products.csv", index=False)
    pd.DataFrame(
        {
            "code": ["WH-1", "PLT-1"],
            "name": ["Magazzino", "Stabilimento"],
            "kind": ["warehouse", "plant"],
        }
    ).to_csv(out / "locations.csv", index=False)
    pd.DataFrame({"code": territories, "name": territories}).to_csv(
        out / "territories.csv", index=False
    )
    reps = [f"UREP{i:02d}" for i in range(len(territories))]
    pd.DataFrame(
        {"slack_user_id": reps, "name": reps, "role": "rep", "territory": territories}
    ).to_csv(out / "people.csv", index=False)
    start = dt.date(2023, 1, 2)
    dates = pd.date_range(start, periods=weeks, freq="7D").strftime("%Y-%m-%d")
    grid = (
        pd.MultiIndex.from_product(
            [dates, range(skus), range(len(territories))], names=["date", "sku", "t"]
        )
        .to_frame(index=False)
        .iloc[:rows]
    )
    quantity = rng.poisson(20, len(grid))
    pd.DataFrame(
        {
            "date": grid["date"],
            "sku": "SKU-" + grid["sku"].astype(str).str.zfill(5),
            "quantity": quantity,
            "location": "WH-1",
            "territory": np.array(territories)[grid["t"]],
            "customer": "Cliente " + (grid["t"] * 7 + grid["sku"] % 5).astype(str),
            "rep": np.array(reps)[grid["t"]],
            "revenue": (quantity * rng.uniform(5, 200, len(grid))).round(2),
        }
    ).to_csv(out / "sales.csv", index=False)
    return len(grid)


def run_one(url: str, folder: Path) -> dict[str, float]:
    """Import `folder` into `url` (migrated fresh); runs inside a child process."""
    from planning.db import make_engine, upgrade
    from planning.importer import import_files

    engine = make_engine(url)
    upgrade(engine)
    started = time.perf_counter()
    summary = import_files(engine, [folder], now=dt.datetime.now(dt.UTC), actor="bench")
    elapsed = time.perf_counter() - started
    engine.dispose()
    sales = summary.counts["sales"]
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": elapsed, "sales_inserted": sales.inserted, "peak_mb": peak_kib / 1024}


def _child(backend: str, url: str, folder: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", url, str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--postgres", default=DEFAULT_POSTGRES, help="admin URL to create a scratch database"
    )
    parser.add_argument("--child", nargs=2, metavar=("URL", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child[0], Path(args.child[1]))))
        return

    console = Console()
    with tempfile.TemporaryDirectory(prefix="ponte-bench-") as tmp:
        folder = Path(tmp) / "files"
        folder.mkdir()
        rows = generate(folder, args.rows)
        total_rows = sum(p.read_bytes().count(b"\n") - 1 for p in folder.glob("*.csv"))
        size_mb = sum(p.stat().st_size for p in folder.glob("*.csv")) / 1e6
        console.print(
            f"generated {rows:,} sales rows ({total_rows:,} rows in all, {size_mb:.0f} MB)"
        )
        table = Table(title=f"ponte import: {rows:,} sales rows + master data")
        for column in ("database", "seconds", "rows/s", "sales inserted", "peak RSS MB"):
            table.add_column(column, justify="right")

        results = [("SQLite", _child("sqlite", f"sqlite:///{tmp}/bench.db", folder))]
        results.extend(_postgres(args.postgres, folder, console))
        for name, r in results:
            table.add_row(
                name,
                f"{r['seconds']:.1f}",
                f"{total_rows / r['seconds']:,.0f}",
                f"{int(r['sales_inserted']):,}",
                f"{r['peak_mb']:,.0f}",
            )
        console.print(table)


def _postgres(admin_url: str, folder: Path, console: Console) -> list[tuple[str, dict[str, float]]]:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from planning.db import make_engine, normalize_url

    name = f"ponte_bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
    except Exception as exc:  # no server: say so, the SQLite figure still stands
        console.print(f"[yellow]PostgreSQL skipped: {exc.__class__.__name__}: {exc}")
        return []
    url = (
        make_url(normalize_url(admin_url)).set(database=name).render_as_string(hide_password=False)
    )
    try:
        return [("PostgreSQL", _child("postgresql", url, folder))]
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


if __name__ == "__main__":
    main()
