"""Answers at the size of a real company: every ability and every App Home at 50, 500 and
5,000 products, on SQLite and PostgreSQL.

    python bench/scale_answers.py [--sizes 50,500,5000] [--backends sqlite,postgres]
                                  [--repeat 20] [--postgres URL] [--data DIR]

For each size the company is generated in the file contract (bench/scale_company.py: 3
locations, 3 years of weekly sales, about 2.4M sales rows at 5,000 SKUs), imported with
`ponte import` and forecast with `ponte forecast` into a fresh database per backend (a new
SQLite file; a new PostgreSQL database, dropped afterwards). Then, in a fresh process:

- warm: each ability is called `--repeat` times through the assistant's own `call` (access
  checks, the planning function, the result), each time about a different product, family,
  rep or date, so that no answer is a remembered one; p50 and p95 per ability;
- App Home: each role's Home built as Slack asks for it, the ops Home first in the process
  (the first after the import and the forecast) and again right after a new stock import;
- cold: `ponte ask` in a new process (interpreter, imports, routing, SQL, rendering), with
  the process's peak RSS.

Targets at 5,000 SKUs (issue 18): every ability warm p95 < 300 ms, cold `ponte ask` < 2 s,
every App Home < 2 s (the first after an import included), peak RSS of an answer < 500 MB,
and single-product answers growing sub-linearly from 500 to 5,000 SKUs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 11, 27)
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
PONTE = [sys.executable, "-m", "bot.cli"]
# (label, question, who asks): what `ponte ask` is timed on in a fresh process.
COLD = (
    ("stock", "how many HW-{sku} do we have", "UREP01"),
    ("forecast", "forecast for HW-{sku}", "UOPS01"),
    ("ATP", "can I promise 50 HW-{sku} by 2027-01-15", "UREP01"),
    ("capacity", "capacity for viteria", "UOPS01"),
    ("quota", "what's my quota", "UREP01"),
    ("team quota", "quota del mio team", "UMGR01"),
    ("sales", "sales of HW-{sku} this year", "UADM01"),
)
HOMES = (("rep", "UREP02"), ("manager", "UMGR01"), ("ops", "UOPS01"), ("marketing", "UMKT01"))


def _env(url: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": url, "PONTE_TODAY": TODAY.isoformat()}


def _run(args: list[str], url: str) -> float:
    started = time.perf_counter()
    subprocess.run(args, env=_env(url), cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def _measured(args: list[str], url: str) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and output of one fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        args, env=_env(url), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert process.stdout is not None
    out = process.stdout.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, out


# --- the worker: one fresh process per company and backend ----------------------------------


def worker(url: str, skus: int, repeat: int, stock_file: str) -> dict[str, Any]:
    """Time every ability warm and every Home in this process; returns the figures."""
    import resource

    from bot.settings import Clock
    from bot.slack.app import SlackServices
    from bot.slack.home import home_for
    from planning.db import make_engine
    from planning.memo import forget_everything
    from tools.abilities import writes
    from tools.assistant import Assistant, call

    engine = make_engine(url)
    assistant = Assistant(engine)
    clock = Clock(TODAY)
    services = SlackServices(engine, assistant, clock)
    rng = random.Random(3)
    now = dt.datetime.combine(TODAY, dt.time(9), tzinfo=dt.UTC)
    out: dict[str, Any] = {"warm": {}, "home": {}}

    started = time.perf_counter()
    home_for(services, "UOPS01")
    out["home"]["ops, first after import and forecast"] = [time.perf_counter() - started]

    def sku() -> str:
        return f"HW-{rng.randrange(skus):05d}"

    from scale_company import FAMILIES, family_count, promoted_families

    def family() -> str:
        return FAMILIES[rng.randrange(family_count(skus))]

    def rep() -> str:
        return f"UREP{rng.randrange(12) + 1:02d}"

    abilities: dict[str, tuple[str, str, Any]] = {
        "stock of one SKU": ("UREP01", "stock_status", lambda: {"product": sku()}),
        "stock of a family": ("UOPS01", "stock_status", lambda: {"family": family()}),
        "forecast of one SKU": ("UOPS01", "demand_forecast", lambda: {"product": sku()}),
        "forecast of a family": ("UOPS01", "demand_forecast", lambda: {"family": family()}),
        "projection of one SKU": ("UOPS01", "inventory_projection", lambda: {"product": sku()}),
        "ATP of one SKU": (
            "UREP01",
            "available_to_promise",
            lambda: {
                "product": sku(),
                "quantity": rng.randrange(1, 500),
                "date": TODAY + dt.timedelta(days=rng.randrange(3, 90)),
            },
        ),
        "capacity of a family": ("UOPS01", "capacity_check", lambda: {"family": family()}),
        "capacity, all plants": (
            "UOPS01",
            "capacity_check",
            lambda: {"weeks": rng.randrange(4, 26)},
        ),
        "what if: a family's demand changes": (
            "UOPS01",
            "what_if",
            lambda: {
                "family": family(),
                "demand_change": rng.randrange(-30, 60) or 10,
                "period": "2027-01",
            },
        ),
        "what if: one SKU's demand changes": (
            "UOPS01",
            "what_if",
            lambda: {
                "product": sku(),
                "demand_change": rng.randrange(10, 100),
                "period": "2027-02",
            },
        ),
        "what if: all demand changes": (
            "UMGR01",
            "what_if",
            lambda: {"demand_change": rng.randrange(-30, 60) or 10, "weeks": rng.randrange(2, 12)},
        ),
        "what if: a plant stops": (
            "UOPS01",
            "what_if",
            lambda: {
                "plant": rng.choice(("PLT-NORD", "PLT-SUD")),
                "capacity_change": -100,
                "weeks": rng.randrange(1, 4),
            },
        ),
        "explain a forecast": ("UOPS01", "explain_forecast", lambda: {"product": sku()}),
        "explain a family's forecast": (
            "UOPS01",
            "explain_forecast",
            lambda: {"family": family()},
        ),
        "forecast accuracy": ("UOPS01", "forecast_accuracy", lambda: {"product": sku()}),
        "product info": ("UREP01", "product_info", lambda: {"product": sku()}),
        "quota of a rep": (None, "quota_status", lambda: {}),
        "quota of a team": (
            "UMGR01",
            "quota_status",
            lambda: {"period": f"2026-Q{rng.randrange(4) + 1}"},
        ),
        "quota change checked, with its impact": (
            None,
            "request_quota_change",
            lambda: {"period": "2026-Q4", "change_pct": rng.randrange(5, 30), "reason": "bench"},
        ),
        "quota split across territories": (
            "UMGR01",
            "allocate_quota",
            lambda: {"family": family(), "period": "2026-Q4", "target_units": 10_000},
        ),
        "commission on a deal": (
            None,
            "commission_estimate",
            lambda: {"product": sku(), "quantity": rng.randrange(10, 500)},
        ),
        "sales of one SKU": ("UADM01", "sales_history", lambda: {"product": sku()}),
        # A plain total is said beside the same days a year before (two periods read).
        "sales of everything, this year": ("UADM01", "sales_history", lambda: {"period": "2026"}),
        "sales of a rep by customer": (
            "UADM01",
            "sales_history",
            lambda: {"person": rep(), "group_by": "customer", "period": "2026"},
        ),
        "team sales by customer, year vs last year": (
            "UMGR01",
            "sales_history",
            lambda: {
                "group_by": "customer",
                "compare": "last_year",
                "period": f"2026-Q{rng.randrange(4) + 1}" if rng.random() < 0.5 else "2026",
            },
        ),
        "how a family's last promotion went": (
            "UADM01",
            "promo_review",
            lambda: {"family": rng.choice(promoted_families(skus))},
        ),
        "the last promotion, everything": ("UADM01", "promo_review", lambda: {}),
        "excess stock in a family": (
            "UOPS01",
            "inventory_projection",
            lambda: {"family": family(), "focus": "excess"},
        ),
        "what could move, over everything": (
            "UOPS01",
            "inventory_projection",
            lambda: {"all_products": True, "focus": "move", "weeks": rng.randrange(4, 26)},
        ),
        "open orders by family, due next month": (
            "UOPS01",
            "open_orders",
            lambda: {"group_by": "family", "due": "2026-12"},
        ),
        "forecast of everything, with last year": (
            "UOPS01",
            "demand_forecast",
            lambda: {"all_products": True, "weeks": rng.randrange(4, 26)},
        ),
        "explain everything's forecast": (
            "UOPS01",
            "explain_forecast",
            lambda: {"all_products": True},
        ),
        "stock of everything, by family": (
            "UOPS01",
            "stock_status",
            lambda: {"all_products": True},
        ),
        "open orders of a family": ("UOPS01", "open_orders", lambda: {"family": family()}),
        "a rep's open orders": (None, "open_orders", lambda: {}),
        "top products by revenue": (
            "UADM01",
            "sales_history",
            lambda: {
                "group_by": "product",
                "rank_by": "revenue",
                "top": 10,
                "period": f"2026-Q{rng.randrange(4) + 1}",
            },
        ),
    }
    failures: dict[str, str] = {}
    for label, (who, tool, args) in abilities.items():
        times = []
        for _ in range(repeat):
            user = who or rep()
            ctx = assistant.context(user, today=TODAY, now=now)
            forget_everything()  # every answer as the first after an import
            started = time.perf_counter()
            # A write is timed as the person sees it first: checked and shown, not done.
            outcome = call(ctx, tool, args(), language="en", preview=writes(tool))
            times.append(time.perf_counter() - started)
            if outcome.kind not in ("answer", "ask") and label not in failures:
                said = outcome.params.get("message") or outcome.code or ""
                failures[label] = f"{outcome.kind}: {str(said)[:120]}"
        out["warm"][label] = times
    out["failures"] = failures

    for role, user in HOMES:
        times = []
        for _ in range(max(3, repeat // 4)):
            forget_everything()
            started = time.perf_counter()
            home_for(services, user)
            times.append(time.perf_counter() - started)
        out["home"][role] = times

    # A new stock snapshot changes the data every answer is remembered against.
    subprocess.run(
        [*PONTE, "import", stock_file], env=_env(url), cwd=ROOT, check=True, capture_output=True
    )
    started = time.perf_counter()
    home_for(services, "UOPS01")
    out["home"]["ops, first after a stock import"] = [time.perf_counter() - started]
    out["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


# --- the driver -----------------------------------------------------------------------------


def _database(backend: str, skus: int, data: Path, postgres: str) -> tuple[str, Any]:
    """A fresh, empty database URL and a function that drops it."""
    if backend == "sqlite":
        path = data / f"scale-{skus}-{uuid.uuid4().hex[:6]}.db"
        return f"sqlite:///{path}", lambda: [
            p.unlink(missing_ok=True) for p in data.glob(path.name + "*")
        ]
    from sqlalchemy import create_engine, text

    from planning.db import normalize_url

    name = f"ponte_scale_{skus}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(normalize_url(postgres), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return postgres.rsplit("/", 1)[0] + f"/{name}", drop


def measure(skus: int, backend: str, args: argparse.Namespace, console: Console) -> dict[str, Any]:
    files = args.data / f"company-{skus}"
    from planning.demo import FILE_ORDER

    # Written again unless every file of the contract is there (a file added since counts).
    if not all((files / f"{name}.csv").exists() for name in FILE_ORDER):
        # In a process of its own: a child's peak RSS starts from its parent's at fork, so
        # this process must stay small for the cold answers' figures to be their own.
        subprocess.run(
            [sys.executable, str(Path(__file__).parent / "scale_company.py"), str(skus),
             str(files), "--today", TODAY.isoformat()],
            check=True,
            capture_output=True,
        )  # fmt: skip
    url, drop = _database(backend, skus, args.data, args.postgres)
    try:
        console.print(f"[dim]{skus} SKUs on {backend}: importing…[/dim]")
        setup = {"import": _run([*PONTE, "import", *map(str, sorted(files.glob("*.csv")))], url)}
        console.print(f"[dim]{skus} SKUs on {backend}: forecasting…[/dim]")
        setup["forecast"] = _run([*PONTE, "forecast"], url)
        console.print(f"[dim]{skus} SKUs on {backend}: answering…[/dim]")
        seconds, peak, out = _measured(
            [
                sys.executable,
                str(Path(__file__)),
                "--worker",
                url,
                "--skus",
                str(skus),
                "--repeat",
                str(args.repeat),
                "--stock-file",
                str(files / "stock.csv"),
            ],
            url,
        )
        figures = json.loads(out.strip().splitlines()[-1])
        figures["setup"] = setup
        figures["cold"] = {}
        rng = random.Random(7)
        for label, question, user in COLD:
            runs = []
            for _ in range(args.cold_runs):
                text = question.format(sku=f"{rng.randrange(skus):05d}")
                seconds, peak, answer = _measured(
                    [*PONTE, "ask", "--as", user, "--json", text], url
                )
                runs.append((seconds, peak))
                if '"kind": "answer"' not in answer:
                    figures["failures"][f"cold {label}"] = answer[-600:]
            figures["cold"][label] = runs
        return figures
    finally:
        drop()


def _ms(values: list[float], q: float) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.0f}"


def _table(
    title: str, first: str, columns: list[tuple[int, str]], labels: list[str], cell: Any
) -> Table:
    """One row per label, one column per (size, backend): `cell(key, label)` fills it."""
    table = Table(title=title)
    table.add_column(first)
    for skus, backend in columns:
        table.add_column(f"{skus} {backend}", justify="right")
    for label in labels:
        table.add_row(label, *(cell(key, label) for key in columns))
    return table


def report(results: dict[tuple[int, str], dict[str, Any]], console: Console) -> None:
    columns = list(results)
    first = next(iter(results.values()))

    def warm(key: tuple[int, str], label: str) -> str:
        values = results[key]["warm"][label]
        return f"{_ms(values, 0.5)} / {_ms(values, 0.95)}"

    def home(key: tuple[int, str], label: str) -> str:
        values = results[key]["home"][label]
        return f"{_ms(values, 0.5)} / {1000 * max(values):.0f}"

    def cold(key: tuple[int, str], label: str) -> str:
        if label == "warm process peak RSS":
            return f"{results[key]['worker_peak_mb']:.0f} MB"
        if label.startswith("setup: ponte "):
            return f"{results[key]['setup'][label.split()[-1]]:.1f} s"
        runs = results[key]["cold"][label]
        return f"{statistics.median(s for s, _ in runs):.2f} s · {max(m for _, m in runs):.0f} MB"

    title = "Warm answers in-process, each a first answer, ms (p50 / p95)"
    console.print(_table(title, "ability", columns, list(first["warm"]), warm))
    console.print(_table("App Home, ms (p50 / max)", "Home", columns, list(first["home"]), home))
    labels = [label for label, _, _ in COLD]
    labels += ["warm process peak RSS", "setup: ponte import", "setup: ponte forecast"]
    title = "Cold `ponte ask`, s (median) and peak RSS, MB (max)"
    console.print(_table(title, "question", columns, labels, cold))
    for key, figures in results.items():
        for label, problem in figures.get("failures", {}).items():
            console.print(f"[red]{key[0]} {key[1]}: {label} did not answer: {problem}[/red]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,500,5000")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument(
        "--postgres", default=os.environ.get("PONTE_BENCH_POSTGRES", DEFAULT_POSTGRES)
    )
    parser.add_argument("--data", type=Path, default=Path("/tmp/ponte-scale"))
    parser.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--skus", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--stock-file", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    if args.worker:
        print(json.dumps(worker(args.worker, args.skus, args.repeat, args.stock_file)))
        return
    args.data.mkdir(parents=True, exist_ok=True)
    console = Console()
    results = {}
    for skus in (int(s) for s in args.sizes.split(",")):
        for backend in args.backends.split(","):
            results[(skus, backend)] = measure(skus, backend, args, console)
    report(results, console)


if __name__ == "__main__":
    main()
