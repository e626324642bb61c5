"""One alert scan at the size of a real company: every rule over 50,000 SKU x location series.

    python bench/alerts_bench.py [--series 50000] [--backend sqlite|postgres] [--postgres URL]

The company is bench/scale_company.py's hardware wholesaler, grown to `--series` series
(a SKU sells from the warehouse, and half of them from their family's plant too) with 20
weeks of sales, imported with `ponte import`'s own `import_files`. Its forecast runs are
stored through `store_run`, as `ponte forecast` stores them, but their values are a plain
level (the last 8 weeks' mean, with ranges from their spread) instead of statsforecast's
26-week fits, which at this size take longer than the whole benchmark should: the scan
reads a run's stored rows and never how they were made. Two runs: the latest, and one made
six weeks earlier (so the drift rule runs too).

Then, in a fresh process, `find_problems` (all five rules: capacity, stockout, excess,
drift, quota) is timed cold (the first scan after the data changed: every read and the
vectorised projection) and warm (a second scan: what the memo keeps), with the process's
peak RSS. Target (issue 13): under 5 s and 1 GB on the 2-core development machine.
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
sys.path.insert(0, str(ROOT / "bench"))

TODAY = dt.date(2026, 11, 27)
WEEKS = 20
HORIZON = 26


def build(url: str, series: int, console: Console) -> None:
    from scale_company import generate_company

    from planning.db import make_engine, upgrade
    from planning.forecast.demand import demand_history
    from planning.importer import import_files

    skus = int(series / 1.5)
    engine = make_engine(url)
    upgrade(engine)
    started = time.perf_counter()
    frames = generate_company(skus, today=TODAY, weeks=WEEKS)
    with tempfile.TemporaryDirectory() as folder:
        for key, frame in frames.items():
            frame.to_csv(Path(folder) / f"{key}.csv", index=False, date_format="%Y-%m-%d")
        import_files(engine, [Path(folder)], now=dt.datetime.now(dt.UTC), actor="bench")
    console.print(f"  imported {skus:,} SKUs, {len(frames['sales']):,} sales lines in "
                  f"{time.perf_counter() - started:.0f} s", highlight=False)  # fmt: skip
    history = demand_history(frames["sales"], end=TODAY, grain="week")
    for made in (TODAY - dt.timedelta(weeks=6), TODAY):
        _store_level_run(engine, history, made)
    count = history["unique_id"].nunique()
    console.print(f"  {count:,} series; two forecast runs stored", highlight=False)
    engine.dispose()


def _store_level_run(engine, history: pd.DataFrame, made: dt.date) -> None:  # type: ignore[no-untyped-def]
    from planning.forecast.demand import last_complete_period
    from planning.forecast.runs import ForecastResult, store_run

    cut = pd.Timestamp(last_complete_period(made, "week"))
    seen = history[history["ds"] <= cut]
    recent = seen[seen["ds"] > cut - pd.Timedelta(weeks=8)]
    stats = recent.groupby("unique_id")["y"].agg(["mean", "std"]).fillna(0.0)
    meta = seen.groupby("unique_id", as_index=False).agg(
        sku=("sku", "first"), location=("location", "first"), territory=("territory", "first"),
        history_periods=("y", "size"),
    )  # fmt: skip
    meta = meta.assign(pattern="smooth", model="Level of the last 8 weeks", validation_mase=1.0,
                       fallback=False)  # fmt: skip
    mondays = pd.date_range(cut + pd.Timedelta(weeks=1), periods=HORIZON, freq="7D")
    level = stats["mean"].to_numpy()
    spread = np.maximum(stats["std"].to_numpy(), 0.2 * level + 0.5)
    n = len(stats)
    values = pd.DataFrame({
        "unique_id": np.repeat(stats.index.to_numpy(), HORIZON),
        "ds": np.tile(mondays, n),
        "forecast": np.repeat(level, HORIZON),
        "lo_80": np.repeat(np.maximum(level - 1.2816 * spread, 0), HORIZON),
        "hi_80": np.repeat(level + 1.2816 * spread, HORIZON),
        "lo_95": np.repeat(np.maximum(level - 1.96 * spread, 0), HORIZON),
        "hi_95": np.repeat(level + 1.96 * spread, HORIZON),
    })  # fmt: skip
    result = ForecastResult(grain="week", horizon=HORIZON, data_as_of=cut.date(), series=meta,
                            values=values)  # fmt: skip
    store_run(engine, result, now=dt.datetime.combine(made, dt.time(6), dt.UTC),
              engine_name="local", duration_seconds=0.0)  # fmt: skip


def _peak_mb() -> float:
    """This process's peak RSS (VmHWM: unlike ru_maxrss, not inherited from the forked
    parent that built the company)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return float(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scan(url: str) -> dict[str, float]:
    """Run in a fresh process: the cold scan, the warm one, and the peak RSS."""
    from planning.alerts.rules import AlertSettings, find_problems
    from planning.db import make_engine

    engine = make_engine(url)
    before = _peak_mb()
    started = time.perf_counter()
    first = find_problems(engine, today=TODAY, settings=AlertSettings())
    cold = time.perf_counter() - started
    started = time.perf_counter()
    find_problems(engine, today=TODAY, settings=AlertSettings())
    warm = time.perf_counter() - started
    peak = _peak_mb()
    by_rule: dict[str, float] = {}
    for finding in first.findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    return {"cold": cold, "warm": warm, "peak_mb": peak, "imports_mb": before,
            "findings": len(first.findings), "skipped": len(first.skipped), **by_rule}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=50_000)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--keep", type=Path, help="build the SQLite database here and keep it")
    parser.add_argument("--scan-only", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scan_only:
        print(json.dumps(scan(args.scan_only)))
        return
    console = Console()
    with tempfile.TemporaryDirectory() as folder:
        drop = None
        if args.backend == "sqlite":
            url = f"sqlite:///{(args.keep or Path(folder)) / 'ponte.db'}"
        else:
            from sqlalchemy import create_engine, text

            name = f"ponte_alerts_{uuid.uuid4().hex[:8]}"
            admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = args.postgres.rsplit("/", 1)[0] + f"/{name}"

            def drop() -> None:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))

        try:
            console.print(f"Building a company of {args.series:,} series ({args.backend})…")
            build(url, args.series, console)
            out = subprocess.run([sys.executable, __file__, "--scan-only", url], check=True,
                                 capture_output=True, text=True)  # fmt: skip
            result = json.loads(out.stdout.strip().splitlines()[-1])
        finally:
            if drop is not None:
                drop()
    table = Table(title=f"One alert scan, {args.series:,} series, all rules ({args.backend})")
    for column in ("cold s", "warm s", "peak RSS MB", "RSS before the scan MB", "findings"):
        table.add_column(column, justify="right")
    table.add_row(f"{result['cold']:.2f}", f"{result['warm']:.2f}", f"{result['peak_mb']:.0f}",
                  f"{result['imports_mb']:.0f}", f"{result['findings']:,.0f}")  # fmt: skip
    console.print(table)
    rules = {
        k: v for k, v in result.items() if k in ("capacity", "stockout", "excess", "drift", "quota")
    }
    console.print(f"  findings per rule: {rules}; rules skipped: {result['skipped']:.0f}",
                  highlight=False)  # fmt: skip
    met = result["cold"] < 5 and result["peak_mb"] < 1024
    console.print(f"  target (< 5 s and < 1 GB): {'met' if met else 'NOT met'}", highlight=False)


if __name__ == "__main__":
    main()
