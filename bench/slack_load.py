"""Slack load benchmark: Ponte in HTTP mode against a mock Slack Web API on loopback.

    python bench/slack_load.py [--seconds 60] [--runs stock:20,mixed:20,mixed:50]
                               [--database URL] [--think SECONDS]

Starts `ponte run` in HTTP mode (uvicorn) in a subprocess, pointed at a mock Web API (the
tests' tests/slack_mock.py) in this process, and sends signed app_mention events from N
workers for `--seconds` seconds. Each worker is a person: it asks, waits for the answer to
reach Slack (the mock), then asks again; so answers/s is what N people asking back to back
get (with --think, each waits that long before asking again: a paced load, what a team
that reads its answers sends, instead of saturation). Two workloads: `stock` (stock
questions only) and `mixed` (a fifth each of stock, forecast, stock projection / stockout,
available-to-promise and quota questions, in English and Italian, from reps, a manager and
an ops planner; forecast and projection answers also draw and upload a chart, as in Slack).
Measures: ack latency (request sent -> HTTP 200 from Ponte), reply latency (request sent ->
first chat.postMessage received by the mock, a "working on it" note included), answers/s,
errors (non-200 acks, failed requests, events never answered), duplicate replies, and
Ponte's peak RSS (VmHWM). Then runs a trivial slack-bolt listener (posts a fixed text),
served the same way, as the ceiling.

Targets (each run of 20 people): ack p99 < 100 ms, reply p95 < 300 ms, 0 errors, 0 duplicate
replies, RSS < 400 MB; for stock questions also >= 60 answers/s and >= 10% of the trivial
listener's throughput. Runs of more people are reported, to show where Ponte saturates.
Without --database, the demo company is generated and forecast into a temporary SQLite file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from slack_sdk.signature import SignatureVerifier  # noqa: E402

from tests.slack_mock import BOT_USER, TEAM, Call, MockSlack  # noqa: E402

TODAY = dt.date(2026, 11, 27)
SECRET = "bench-signing-secret"
REPLY_TIMEOUT = 10.0
REPS = ["U01WALKER", "U01ROSSI", "U01MARCHI"]
# (who asks, question); {} is a SKU. Managers see their team's quota, ops may ask anything
# but quotas of their own.
STOCK = [(rep, q) for q in
         ("how much {} do we have?", "stock {}", "quanto {} abbiamo?", "giacenza {}")
         for rep in REPS]  # fmt: skip
MIXED = [
    ("U01WALKER", "how much {} do we have?"),
    ("U01ROSSI", "previsione {} per i prossimi 3 mesi"),
    ("U01COLOMBO", "when do we run out of {}?"),
    ("U01MARCHI", "posso promettere {qty} {} entro il {day} marzo?"),
    ("U01WALKER", "what's my quota?"),
    ("U01ROSSI", "quanto {} abbiamo?"),
    ("U01WALKER", "forecast {} next 8 weeks"),
    ("U01COLOMBO", "quando finisce {}?"),
    ("U01WALKER", "can I promise {qty} {} by {day} February?"),
    ("U01HARRIS", "how is my team doing against quota?"),
]
WORKLOADS = {"stock": STOCK, "mixed": MIXED}
WORKING = {"Working on it…", "Ci sto lavorando…"}  # the note a slow answer posts first


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


@dataclass
class Run:
    name: str
    workload: str = "stock"
    people: int = 20
    # Event ids are unique per run: a second run over the same database must not have its
    # events dropped as retries of the first run's.
    tag: str = field(default_factory=lambda: f"{time.time_ns():x}")
    skus: list[str] = field(default_factory=list)  # the whole catalogue in stock
    sent: dict[str, float] = field(default_factory=dict)  # event ts -> monotonic send time
    acks: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    peak_rss_mb: float = 0.0  # the process serving HTTP
    total_rss_mb: float = 0.0  # with the processes it started (answerers, chart processes)
    processes: int = 1
    replies: list[float] = field(default_factory=list)
    # Replies to the first pass over the catalogue (every question's first asking, nothing
    # remembered yet) and to the questions asked again after it.
    first_pass: list[float] = field(default_factory=list)
    again: list[float] = field(default_factory=list)
    answered: int = 0
    duplicates: int = 0
    working: int = 0


def demo_database(folder: Path) -> str:
    url = f"sqlite:///{folder / 'ponte.db'}"
    env = {**os.environ, "DATABASE_URL": url, "PONTE_TODAY": TODAY.isoformat()}
    ponte = [sys.executable, "-m", "bot.cli"]
    subprocess.run([*ponte, "demo", "--out", str(folder / "demo")], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    subprocess.run([*ponte, "forecast"], env=env, check=True, stdout=subprocess.DEVNULL)
    return url


def stocked_skus(url: str) -> list[str]:
    """Every product with stock: questions go round the whole catalogue, so that answers
    remembered until the data changes help only as much as they would for real people."""
    from sqlalchemy import text

    from planning.db import make_engine

    engine = make_engine(url)
    with engine.connect() as conn:
        skus = conn.execute(text("SELECT DISTINCT sku FROM stock_level ORDER BY sku")).scalars()
        found = list(skus)
    engine.dispose()
    return found


def start_server(command: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"server on port {port} never became healthy")


def peak_rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()  # Linux
    except OSError:  # gone meanwhile
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def descendants(pid: int) -> list[int]:
    """The processes `pid` started, and theirs (answerers, chart processes), on Linux."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            ppid = next(int(x.split()[1]) for x in status.splitlines() if x.startswith("PPid:"))
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def signed_event(run: Run, i: int, verifier: SignatureVerifier) -> tuple[str, str, dict[str, str]]:
    """Question `i` of the run's workload as a signed app_mention: (its ts, body, headers)."""
    ts = f"1764230000.{i:06d}"
    questions = WORKLOADS[run.workload]
    sku = run.skus[i // len(questions) % len(run.skus)]
    user, question = questions[i % len(questions)]
    # Promises vary in size and date, as customers' orders do.
    question = question.replace("{qty}", str(50 + 37 * i % 900))
    question = question.replace("{day}", str(1 + i % 28))
    body = json.dumps({
        "token": "legacy", "team_id": TEAM, "api_app_id": "A0PONTE",
        "type": "event_callback", "event_id": f"Ev{run.tag}{i}",
        "event_time": int(time.time()),
        "event": {"type": "app_mention", "user": user, "channel": "C0LOAD",
                  "text": f"<@{BOT_USER}> {question.format(sku)}", "ts": ts},
    })  # fmt: skip
    stamp = str(int(time.time()))
    headers = {
        "content-type": "application/json",
        "x-slack-request-timestamp": stamp,
        "x-slack-signature": verifier.generate_signature(timestamp=stamp, body=body),
    }
    return ts, body, headers


def load(run: Run, port: int, seconds: float, mock: MockSlack, think: float = 0.0) -> None:
    verifier = SignatureVerifier(SECRET)
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    counter = iter(range(10**9))
    answered: dict[str, threading.Event] = {}

    def watch(call: Call) -> None:
        if call.method == "chat.postMessage":
            with lock:
                done = answered.get(str(call.params.get("thread_ts")))
            if done is not None:
                done.set()

    mock.watchers[:] = [watch]

    def worker(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            with lock:
                i = next(counter)
            ts, body, headers = signed_event(run, i, verifier)
            done = threading.Event()
            with lock:
                answered[ts] = done
            started = time.monotonic()
            try:
                conn.request("POST", "/slack/events", body=body, headers=headers)
                response = conn.getresponse()
                response.read()
            except OSError as exc:
                with lock:
                    run.errors[type(exc).__name__] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            acked = time.monotonic()
            with lock:
                run.sent[ts] = started
                run.acks.append(acked - started)
                if response.status != 200:
                    run.errors[f"HTTP {response.status}"] += 1
                    continue
            done.wait(REPLY_TIMEOUT)  # counted as "never answered" by collect() if it times out
            if think:
                time.sleep(think)  # a person reads the answer before asking again
        conn.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(run.people)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    run.seconds = time.monotonic() - began


def collect(run: Run, mock: MockSlack, drain: float = 15.0) -> None:
    """Wait for the replies still coming, then match them to the events sent."""
    deadline = time.monotonic() + drain
    while time.monotonic() < deadline:
        if len({c.params.get("thread_ts") for c in mock.of("chat.postMessage")}) >= len(run.sent):
            break
        time.sleep(0.2)
    time.sleep(0.5)
    first: dict[str, float] = {}
    posts: Counter[str] = Counter()
    for call in mock.of("chat.postMessage"):
        ts = call.params.get("thread_ts")
        if ts not in run.sent:
            continue
        if call.params.get("text") in WORKING:
            run.working += 1
        posts[ts] += 1
        first.setdefault(ts, call.at)
    run.answered = len(first)
    run.duplicates = sum(n - 1 for n in posts.values()) - run.working
    run.replies = [first[ts] - run.sent[ts] for ts in first]
    one_pass = len(WORKLOADS[run.workload]) * len(run.skus)
    for ts, at in first.items():
        asked_before = int(ts.partition(".")[2]) >= one_pass  # signed_event's ts holds i
        (run.again if asked_before else run.first_pass).append(at - run.sent[ts])
    missing = len(run.sent) - run.answered
    if missing:
        run.errors["never answered"] += missing


def measure(run: Run, command: list[str], env: dict[str, str], args: argparse.Namespace,
            mock: MockSlack) -> Run:  # fmt: skip
    """Serve with `command` (its "{port}" filled in), load it, and collect the replies."""
    port = free_port()
    mock.reset()
    command = [part.replace("{port}", str(port)) for part in command]
    process = start_server(command, {**env, "PORT": str(port)}, port)
    try:
        load(run, port, args.seconds, mock, think=args.think)
        collect(run, mock)
        run.peak_rss_mb = peak_rss_mb(process.pid)
        others = [peak_rss_mb(pid) for pid in descendants(process.pid)]
        run.processes = 1 + len(others)
        run.total_rss_mb = run.peak_rss_mb + sum(others)
    finally:
        process.terminate()
        process.wait(60)  # it drains first (PONTE_DRAIN_SECONDS)
    return run


def trivial_server(port: int) -> None:
    """A slack-bolt app whose one listener posts a fixed text, served like Ponte."""
    import uvicorn
    from slack_bolt import App, Say
    from slack_sdk import WebClient
    from sqlalchemy import create_engine

    from bot.slack.server import PonteAsgi

    os.environ.pop("SLACK_BOT_TOKEN", None)  # the client below carries it
    client = WebClient(token="xoxb-bench", base_url=os.environ["SLACK_API_URL"])
    app = App(client=client, signing_secret=SECRET, token_verification_enabled=False)

    def mention(event: dict[str, str], say: Say) -> None:
        say(text="ok", thread_ts=event["ts"])

    app.event("app_mention")(mention)
    engine = create_engine("sqlite://")
    uvicorn.run(PonteAsgi(app, engine, SECRET), host="127.0.0.1", port=port, log_level="warning")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--runs", default="stock:20,mixed:20,mixed:50",
                        help="workload:people, comma-separated (stock, mixed)")  # fmt: skip
    parser.add_argument("--database", help="DATABASE_URL to serve (default: a fresh demo)")
    parser.add_argument(
        "--think", type=float, default=0.0, metavar="SECONDS",
        help="each person waits this long after an answer before asking again (default 0: "
        "back to back, Ponte's saturation)",
    )  # fmt: skip
    parser.add_argument(
        "--replicas", type=int, metavar="PEOPLE",
        help="instead: two replicas on PostgreSQL, one stopped, one killed",
    )  # fmt: skip
    parser.add_argument("--replica-workload", choices=sorted(WORKLOADS), default="mixed")
    parser.add_argument(
        "--postgres", default="postgresql://postgres@127.0.0.1:5432/test",
        help="server for --replicas (a database made and dropped there)",
    )  # fmt: skip
    parser.add_argument(
        "--answerers", type=int, help="PONTE_ANSWERERS for Ponte (default: Ponte's own default)"
    )
    parser.add_argument("--serve-trivial", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_trivial:
        trivial_server(args.serve_trivial)
        return
    if args.replicas:
        from replicas import replica_bench

        replica_bench(args)
        return
    plan = [(w, int(n)) for w, _, n in (part.partition(":") for part in args.runs.split(","))]
    if any(w not in WORKLOADS for w, _ in plan):
        raise SystemExit(f"--runs: workloads are {', '.join(WORKLOADS)}")
    console = Console(width=200)
    mock = MockSlack().start()
    runs = []
    with tempfile.TemporaryDirectory(prefix="ponte-slack-bench-") as folder:
        url = args.database or demo_database(Path(folder))
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PONTE_"))}
        env.update({"DATABASE_URL": url, "PONTE_TODAY": TODAY.isoformat(),
                    "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SECRET,
                    "SLACK_API_URL": mock.api_url})  # fmt: skip
        if args.answerers is not None:
            env["PONTE_ANSWERERS"] = str(args.answerers)
        skus = stocked_skus(url)
        for workload, people in plan:
            run = Run(f"Ponte, {workload} questions", workload, people, skus=skus)
            console.print(f"measuring {run.name}, {people} people...")
            runs.append(measure(run, [sys.executable, "-m", "bot.cli", "run"], env, args, mock))
        trivial = Run("trivial bolt listener (ceiling)", "stock", 20, skus=skus)
        runs.append(measure(trivial, [sys.executable, __file__, "--serve-trivial", "{port}"],
                            env, args, mock))  # fmt: skip
    mock.stop()
    report(console, args, runs)


def report(console: Console, args: argparse.Namespace, runs: list[Run]) -> None:
    paced = f", {args.think:g} s between a person's questions" if args.think else ""
    table = Table(
        title=f"Slack HTTP mode, {args.seconds:.0f} s a run, {os.cpu_count()} cores{paced}"
    )
    for column in ("", "people", "events", "ack p50", "ack p99", "reply p50", "reply p95",
                   "p95 first pass", "p95 again", "answers/s", "errors", "duplicates", "slow",
                   "peak RSS", "all processes"):  # fmt: skip
        table.add_column(column, justify="left" if not column else "right")
    for run in runs:
        table.add_row(
            run.name,
            str(run.people),
            str(len(run.sent)),
            f"{pct(run.acks, 50) * 1000:.1f} ms",
            f"{pct(run.acks, 99) * 1000:.1f} ms",
            f"{pct(run.replies, 50) * 1000:.1f} ms",
            f"{pct(run.replies, 95) * 1000:.1f} ms",
            f"{pct(run.first_pass, 95) * 1000:.0f} ms ({len(run.first_pass)})",
            f"{pct(run.again, 95) * 1000:.0f} ms ({len(run.again)})",
            f"{run.answered / run.seconds:.1f}",
            str(sum(run.errors.values())) + (f" {dict(run.errors)}" if run.errors else ""),
            str(run.duplicates),
            str(run.working),
            f"{run.peak_rss_mb:.0f} MB",
            f"{run.total_rss_mb:.0f} MB ({run.processes})",
        )
    console.print(table)
    console.print(
        "(slow: answers that said 'working on it' first; first pass: each question "
        "asked for the first time, nothing remembered; again: asked before, answered "
        "from what Ponte remembers until the data changes)"
    )
    *ponte, trivial = runs
    ceiling = max(trivial.answered / trivial.seconds, 1e-9)
    for run in ponte:
        if run.people > 20:
            continue  # reported, not judged: where it saturates is the finding
        rate = run.answered / run.seconds
        checks = [
            ("ack p99 < 100 ms", pct(run.acks, 99) < 0.100),
            ("reply p95 < 300 ms", pct(run.replies, 95) < 0.300),
            ("0 errors", not run.errors),
            ("0 duplicate replies", run.duplicates == 0),
            ("peak RSS < 400 MB", run.peak_rss_mb < 400),
        ]
        if run.workload == "stock":
            checks += [
                ("answers/s >= 60", rate >= 60),
                (f"answers/s >= 10% of the trivial listener's ({rate / ceiling:.0%})",
                 rate / ceiling >= 0.10),
            ]  # fmt: skip
        for label, ok in checks:
            console.print(f"{'PASS' if ok else 'FAIL'}  {run.name}, {run.people}: {label}")


if __name__ == "__main__":
    main()
