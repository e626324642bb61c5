"""Router benchmark: 10,000 varied questions against a catalogue of 10,000 products.

    python bench/router_bench.py [--questions 10000] [--products 10000] [--cold-runs 5]

Part 1 routes questions (English and Italian, SKU codes and product names, typos, dates,
periods, quantities) with the deterministic router: tool execution excluded, the catalogue
index built once beforehand (its build time is reported). Prints p50/p95/p99 latency per
question and questions/s. Target: p95 <= 20 ms on this 2-core machine.

Part 2 asks the realistic question set (tests/tools/role_questions.py: questions typed in
each role's voice, written before the router was changed) through the assistant over the demo
company, as the person who typed each one, and prints the share answered as a planner expects,
per role and language (`--failures` lists the rest). Target: >= 90%.

Part 3 times an end-to-end `ponte ask` stock question in a fresh process (interpreter start,
imports, schema check, routing, SQL, rendering) against the demo database. Target: < 1.5 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planning.catalogue import Catalogue  # noqa: E402
from tests.tools.kept_sets import KEPT  # noqa: E402
from tests.tools.role_questions import judge  # noqa: E402
from tools.matching import CatalogueIndex  # noqa: E402
from tools.router import RESERVED, Router  # noqa: E402

TODAY = dt.date(2026, 11, 27)
FAMILIES = {
    "PADELLE": ["Padella antiaderente", "Wok", "Bistecchiera ghisa", "Saltapasta", "Crepiera"],
    "PENTOLE": ["Pentola alta inox", "Casseruola", "Tegame", "Pentola pressione", "Pescera"],
    "MOKA": ["Moka Classica", "Moka Induzione", "Moka Elettrica", "Caffettiera design"],
    "COLTELLI": ["Coltello cuoco", "Coltello pane", "Spelucchino", "Santoku", "Mannaia"],
    "RICAMBI": ["Guarnizione", "Filtro", "Valvola sicurezza", "Manico universale", "Pomolo"],
    "UTENSILI": ["Mestolo", "Schiumarola", "Frusta", "Pinza", "Spatola", "Grattugia"],
    "TAVOLA": ["Piatto piano", "Piatto fondo", "Bicchiere", "Caraffa", "Zuccheriera"],
    "FORNO": ["Teglia", "Tortiera", "Stampo muffin", "Pirofila", "Leccarda"],
}
FINISHES = [
    "inox",
    "rame",
    "nero",
    "rosso",
    "blu",
    "bianco",
    "verde",
    "oro",
    "titanio",
    "ceramica",
    "pietra",
    "bambu",
    "premium",
    "pro",
    "chef",
    "casa",
    "eco",
    "slim",
]
# The same names in English, for the catalogue's `name_en` and aliases (as products.csv has).
ENGLISH = {
    "Padella antiaderente": "Non-stick frying pan", "Wok": "Wok",
    "Bistecchiera ghisa": "Cast iron grill pan", "Saltapasta": "Saute pan",
    "Crepiera": "Crepe pan", "Pentola alta inox": "Steel stock pot", "Casseruola": "Saucepan",
    "Tegame": "Shallow pan", "Pentola pressione": "Pressure cooker", "Pescera": "Fish kettle",
    "Moka Classica": "Classic moka pot", "Moka Induzione": "Induction moka pot",
    "Moka Elettrica": "Electric moka pot", "Caffettiera design": "Design coffee maker",
    "Coltello cuoco": "Chef knife", "Coltello pane": "Bread knife",
    "Spelucchino": "Paring knife", "Santoku": "Santoku knife", "Mannaia": "Cleaver",
    "Guarnizione": "Gasket", "Filtro": "Filter", "Valvola sicurezza": "Safety valve",
    "Manico universale": "Universal handle", "Pomolo": "Lid knob", "Mestolo": "Ladle",
    "Schiumarola": "Skimmer", "Frusta": "Whisk", "Pinza": "Tongs", "Spatola": "Spatula",
    "Grattugia": "Grater", "Piatto piano": "Dinner plate", "Piatto fondo": "Soup plate",
    "Bicchiere": "Glass", "Caraffa": "Jug", "Zuccheriera": "Sugar bowl",
    "Teglia": "Baking tray", "Tortiera": "Cake tin", "Stampo muffin": "Muffin mould",
    "Pirofila": "Baking dish", "Leccarda": "Roasting pan",
}  # fmt: skip
FINISHES_EN = {
    "inox": "stainless", "rame": "copper", "nero": "black", "rosso": "red", "blu": "blue",
    "bianco": "white", "verde": "green", "oro": "gold", "titanio": "titanium",
    "ceramica": "ceramic", "pietra": "stone", "bambu": "bamboo", "casa": "home",
}  # fmt: skip
SIZES = [
    *(f"{n} cm" for n in (16, 18, 20, 24, 26, 28, 30, 32)),
    *("1 L", "2 L", "3 tazze", "6 tazze", "9 tazze", "12 tazze"),
    *("conf. 3", "conf. 6", "set 4", "set 6"),
]


def catalogue(products: int, rng: random.Random) -> Catalogue:
    """`products` products of 8 families, each with an English name and an alias (products.csv
    `name_en` and `aliases`)."""
    rows, other = [], []
    seen = set()
    while len(rows) < products:
        family = rng.choice(list(FAMILIES))
        base, finish, size = rng.choice(FAMILIES[family]), rng.choice(FINISHES), rng.choice(SIZES)
        name = f"{base} {finish} {size}"
        if name in seen:
            name = f"{name} v{len(rows)}"
        seen.add(name)
        sku = f"{family[:3]}-{len(rows):05d}"
        rows.append((sku, name, family))
        english = f"{ENGLISH[base]} {FINISHES_EN.get(finish, finish)} {size}"
        other += [(sku, english), (sku, f"{ENGLISH[base].split()[-1]} {finish} {size}")]
    return Catalogue(
        other_names=tuple(other),
        version=(0, 0),
        products=tuple(rows),
        locations=(("PLT-LUM", "Stabilimento di Lumezzane", "plant"),
                   ("PLT-MAN", "Stabilimento di Maniago", "plant"),
                   ("WH-MIL", "Magazzino centrale Milano", "warehouse")),
        territories=(("NO", "Nord-Ovest"), ("NE", "Nord-Est"), ("CE", "Centro"), ("SU", "Sud")),
        people=tuple((f"U{i:04d}", f"Persona{i} Cognome{i}", "rep") for i in range(200)),
    )  # fmt: skip


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 6:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


TEMPLATES = [
    "how much {p} do we have?", "stock of {p} at WH-MIL", "quanta giacenza abbiamo di {p}?",
    "giacenza {p} a Lumezzane", "forecast for {p} next 8 weeks", "previsione {p} prossimi 3 mesi",
    "when will {p} run out?", "quando finisce {p}?", "why is the forecast for {p} so high?",
    "spiegami la previsione di {p}", "can I promise {q} {p} by {d}?",
    "posso promettere {q} pezzi di {p} entro il {d}?", "riusciamo a consegnare {q} {p} {rel}?",
    "capacity for {f} next 6 weeks", "saturazione impianto per {f}", "what's my quota {per}?",
    "come sto andando con la quota {per}?", "quota di <@U0042> nel {per}", "scorte {f}",
    "help", "cosa sai fare?", "change my quota to 10k", "il cliente dice che {p} si rompe",
]  # fmt: skip


def questions(cat: Catalogue, count: int, rng: random.Random) -> list[str]:
    out = []
    other: dict[str, list[str]] = {}
    for sku, name in cat.other_names:
        other.setdefault(sku, []).append(name)
    for _ in range(count):
        sku, name, family = rng.choice(cat.products)
        mode = rng.random()
        if mode < 0.4:
            product = sku if rng.random() < 0.7 else sku.lower().replace("-", "")
        else:
            if rng.random() < 0.3:  # the English name or an alias, as an export rep types it
                name = rng.choice(other[sku])
            words = name.split()
            product = " ".join(typo(w, rng) if rng.random() < 0.2 else w for w in words)
        out.append(
            rng.choice(TEMPLATES).format(
                p=product,
                f=family.lower(),
                q=rng.choice(["500", "1.5k", "2,000", "300 units", "80 pz"]),
                d=rng.choice(["15 March", "15 marzo", "2027-01-15", "20/12", "next week"]),
                rel=rng.choice(["fra due settimane", "in 3 weeks", "domani", "entro fine mese"]),
                per=rng.choice(["this quarter", "Q1", "il prossimo trimestre", "questo mese"]),
            )
        )
    return out


def route_bench(products: int, count: int) -> dict[str, float]:
    rng = random.Random(11)
    cat = catalogue(products, rng)
    started = time.perf_counter()
    router = Router(CatalogueIndex(cat, RESERVED))
    build = time.perf_counter() - started
    asked = questions(cat, count, rng)
    for q in asked[:200]:  # warm-up: regex caches, first allocations
        router.route(q, user="U0001", language="it", today=TODAY)
    times, kinds = [], {"call": 0}
    wall = time.perf_counter()
    for q in asked:
        t0 = time.perf_counter()
        route = router.route(q, user="U0001", language="it", today=TODAY)
        times.append((time.perf_counter() - t0) * 1000)
        kinds[route.kind] = kinds.get(route.kind, 0) + 1
    total = time.perf_counter() - wall
    times.sort()
    return {
        "build_s": build,
        "p50": statistics.median(times),
        "p95": times[int(0.95 * len(times)) - 1],
        "p99": times[int(0.99 * len(times)) - 1],
        "max": times[-1],
        "qps": len(times) / total,
        "calls": kinds.get("call", 0) / len(times),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def realistic(
    console: Console, failures: bool, *, which: str = "realistic"
) -> list[tuple[str, str, str]]:
    """Ask one kept question set (tests/tools/kept_sets.py) through the assistant over the
    demo company; print the share answered right per role and language; return the
    questions missed (asker, text, why)."""
    questions, name = KEPT[which].questions, KEPT[which].title
    from planning.db import make_engine, upgrade
    from planning.demo import generate_demo, write_demo_files
    from tests.conftest import load_company
    from tools.assistant import Assistant
    from tools.router import question_language

    now = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)
    with tempfile.TemporaryDirectory(prefix="ponte-bench-") as folder:
        frames = generate_demo(seed=7, today=TODAY)
        write_demo_files(frames, Path(folder))
        engine = make_engine(f"sqlite:///{folder}/ponte.db")
        upgrade(engine)
        assistant = Assistant(load_company(engine, Path(folder)))
        roles = dict(zip(frames["people"]["slack_user_id"], frames["people"]["role"], strict=True))
        score: dict[tuple[str, str], list[int]] = {}
        wrong = []
        for q in questions:
            outcome = assistant.ask(q.text, user=q.asker, today=TODAY, now=now)
            problem = judge(q, outcome)
            key = (roles[q.asker], question_language(q.text, "it"))
            score.setdefault(key, [0, 0])[0] += problem is None
            score[key][1] += 1
            if problem:
                wrong.append((q.asker, q.text, problem))
        engine.dispose()
    table = Table(title=f"{name} ({len(questions)}), answered as a planner expects")
    for column in ("role", "English", "Italian", "all"):
        table.add_column(column, justify="right")
    for role in ("rep", "manager", "ops", "marketing", "admin", "all"):
        cells = []
        for language in ("en", "it", None):
            right = sum(r for (ro, la), (r, _) in score.items()
                        if role in (ro, "all") and language in (la, None))  # fmt: skip
            asked = sum(n for (ro, la), (_, n) in score.items()
                        if role in (ro, "all") and language in (la, None))  # fmt: skip
            cells.append(f"{100 * right / asked:.0f}% of {asked}" if asked else "-")
        table.add_row(role, *cells)
    console.print(table)
    if failures:
        for asker, text, problem in wrong:
            console.print(f"{asker}: {text!r}: {problem}", markup=False, highlight=False)
    share = 1 - len(wrong) / len(questions)
    verdict = "met" if share >= 0.9 else "NOT met"
    console.print(f"Target >= 90% right: {verdict} ({100 * share:.1f}%)")
    return wrong


def cold_ask(runs: int) -> list[float]:
    """Seconds for `ponte ask` (a fresh process each time) on a demo database."""
    ponte = str(Path(sys.executable).with_name("ponte"))
    with tempfile.TemporaryDirectory(prefix="ponte-bench-") as folder:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder}/ponte.db",
               "PONTE_TODAY": TODAY.isoformat()}  # fmt: skip
        env.pop("PONTE_LLM", None)
        for setup in (["demo", "--out", f"{folder}/files"], ["forecast"]):
            subprocess.run([ponte, *setup], env=env, check=True, capture_output=True)
        seconds = []
        for _ in range(runs):
            t0 = time.perf_counter()
            done = subprocess.run(
                [ponte, "ask", "--as", "U01ROSSI", "quanta giacenza abbiamo di PAD-28?"],
                env=env, check=True, capture_output=True, text=True,
            )  # fmt: skip
            seconds.append(time.perf_counter() - t0)
            assert "PAD-28" in done.stdout, done.stdout
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--failures", action="store_true", help="list the questions missed")
    parser.add_argument("--only-realistic", action="store_true", help="skip the timings")
    args = parser.parse_args()
    console = Console()
    for which in KEPT:
        realistic(console, args.failures, which=which)
    if args.only_realistic:
        return
    r = route_bench(args.products, args.questions)
    table = Table(
        title=f"Routing {args.questions:,} questions, {args.products:,} products "
        "(with English names and aliases)"
    )
    for column in ("p50 ms", "p95 ms", "p99 ms", "max ms", "questions/s", "routed to a tool",
                   "index build s", "peak RSS MB"):  # fmt: skip
        table.add_column(column, justify="right")
    table.add_row(f"{r['p50']:.2f}", f"{r['p95']:.2f}", f"{r['p99']:.2f}", f"{r['max']:.1f}",
                  f"{r['qps']:,.0f}", f"{100 * r['calls']:.0f}%", f"{r['build_s']:.2f}",
                  f"{r['rss_mb']:,.0f}")  # fmt: skip
    console.print(table)
    console.print(f"Target p95 <= 20 ms: {'met' if r['p95'] <= 20 else 'NOT met'}")
    if args.cold_runs:
        seconds = cold_ask(args.cold_runs)
        table = Table(title="`ponte ask` stock question, fresh process (demo database)")
        for column in ("runs", "min s", "median s", "max s"):
            table.add_column(column, justify="right")
        table.add_row(str(len(seconds)), f"{min(seconds):.2f}",
                      f"{statistics.median(seconds):.2f}", f"{max(seconds):.2f}")  # fmt: skip
        console.print(table)
        verdict = "met" if statistics.median(seconds) < 1.5 else "NOT met"
        console.print(f"Target < 1.5 s cold: {verdict}")


if __name__ == "__main__":
    main()
