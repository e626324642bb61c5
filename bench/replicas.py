"""The two-replica run of bench/slack_load.py (`--replicas PEOPLE`): replica A is stopped
with SIGTERM at a third of the run and restarted, then killed with SIGKILL at two thirds and
restarted, while PEOPLE workers ask mixed questions through a load balancer.

The load balancer sends each question to A or B in turn, skips a replica whose /health is
not 200 (checked every half second, as load balancers do) and, when a replica does not
answer the request at all, sends the same event to the other one (as Slack retries a
delivery that failed). `--replica-workload stock` asks stock questions only. Reported: questions
acknowledged, answered once, twice, never;
reply p95 overall, in the 10 s after each stop, and outside those windows.
Targets: 0 never answered, 0 answered twice, reply p95 < 300 ms outside the windows.
"""

from __future__ import annotations

import argparse
import http.client
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table
from slack_load import (
    REPLY_TIMEOUT,
    SECRET,
    TODAY,
    WORKING,
    Run,
    free_port,
    pct,
    signed_event,
    stocked_skus,
)
from slack_sdk.signature import SignatureVerifier

from tests.slack_mock import Call, MockSlack

WINDOW = 10.0  # seconds after a stop whose replies are reported apart


class Backend:
    """One `ponte run` replica behind the load balancer."""

    def __init__(self, name: str, env: dict[str, str]) -> None:
        self.name, self.env = name, env
        self.up = False
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.start()

    def start(self) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"],
            env={**self.env, "PORT": str(self.port)},
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while self.health() != 200:
            if time.monotonic() > deadline:
                raise SystemExit(f"replica {self.name} never became healthy")
            time.sleep(0.1)
        self.up = True

    def health(self) -> int | None:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            conn.request("GET", "/health")
            return conn.getresponse().status
        except OSError:
            return None

    def stop(self, kill: bool) -> None:
        assert self.process is not None
        if kill:
            self.up = False
            self.process.kill()
        else:
            self.process.terminate()  # it drains; /health tells the balancer
        self.process.wait(60)
        self.up = False

    def post(self, body: str, headers: dict[str, str]) -> int | None:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            conn.request("POST", "/slack/events", body=body, headers=headers)
            return conn.getresponse().status
        except OSError:
            return None


@dataclass
class Outcome:
    sent: dict[str, float] = field(default_factory=dict)  # ts -> seconds into the run
    replies: dict[str, float] = field(default_factory=dict)  # ts -> reply latency
    answers: Counter[str] = field(default_factory=Counter)
    unacked: int = 0
    stops: list[tuple[float, str]] = field(default_factory=list)


def postgres_database(admin_url: str, folder: Path) -> tuple[str, str]:
    """A new database with the demo company and a forecast run: (its URL, its name)."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from planning.db import make_engine, normalize_url

    name = f"ponte_bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(normalize_url(admin_url)).set(database=name)
    rendered = url.render_as_string(hide_password=False)
    env = {**os.environ, "DATABASE_URL": rendered, "PONTE_TODAY": TODAY.isoformat()}
    ponte = [sys.executable, "-m", "bot.cli"]
    subprocess.run([*ponte, "demo", "--out", str(folder / "demo")], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    subprocess.run([*ponte, "forecast"], env=env, check=True, stdout=subprocess.DEVNULL)
    return rendered, name


def drop_database(admin_url: str, name: str) -> None:
    from sqlalchemy import text

    from planning.db import make_engine

    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def replica_bench(args: argparse.Namespace) -> None:
    console = Console(width=160)
    mock = MockSlack().start()
    with tempfile.TemporaryDirectory(prefix="ponte-replicas-") as folder:
        url, name = postgres_database(args.postgres, Path(folder))
        try:
            env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PONTE_"))}
            env.update({"DATABASE_URL": url, "PONTE_TODAY": TODAY.isoformat(),
                        "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SECRET,
                        "SLACK_API_URL": mock.api_url})  # fmt: skip
            if args.answerers is not None:
                env["PONTE_ANSWERERS"] = str(args.answerers)
            run = Run("two replicas", args.replica_workload, args.replicas,
                      skus=stocked_skus(url))  # fmt: skip
            console.print(f"measuring two replicas, {args.replicas} people, {args.seconds:.0f} s")
            outcome = drive(run, env, args.seconds, mock)
        finally:
            drop_database(args.postgres, name)
    mock.stop()
    report(console, args, outcome)


def drive(run: Run, env: dict[str, str], seconds: float, mock: MockSlack) -> Outcome:
    a, b = Backend("A", env), Backend("B", env)
    backends = [a, b]
    outcome = Outcome()
    lock = threading.Lock()
    counter = iter(range(10**9))
    waiting: dict[str, threading.Event] = {}
    verifier = SignatureVerifier(SECRET)
    began = time.monotonic()
    stop_at = began + seconds

    def watch(call: Call) -> None:
        if call.method == "chat.postMessage" and call.params.get("text") not in WORKING:
            with lock:
                done = waiting.get(str(call.params.get("thread_ts")))
            if done is not None:
                done.set()

    mock.watchers[:] = [watch]

    def balance() -> None:  # the load balancer's health checks
        while time.monotonic() < stop_at:
            for backend in backends:
                if backend.process is not None and backend.process.poll() is None:
                    backend.up = backend.health() == 200
            time.sleep(0.5)

    def chaos() -> None:
        for at, kill in ((seconds / 3, False), (2 * seconds / 3, True)):
            time.sleep(max(0.0, began + at - time.monotonic()))
            outcome.stops.append((time.monotonic() - began, "SIGKILL" if kill else "SIGTERM"))
            a.stop(kill)
            a.start()

    def worker() -> None:
        while time.monotonic() < stop_at:
            with lock:
                i = next(counter)
            ts, body, headers = signed_event(run, i, verifier)
            done = threading.Event()
            with lock:
                waiting[ts] = done
            sent = time.monotonic()
            first = backends[i % 2] if backends[i % 2].up else backends[(i + 1) % 2]
            status = first.post(body, headers)
            if status is None:  # no answer at all: the event goes to the other replica
                other = b if first is a else a
                status = other.post(body, headers)
            if status != 200:
                with lock:
                    outcome.unacked += 1
                continue
            with lock:
                outcome.sent[ts] = sent - began
            if done.wait(REPLY_TIMEOUT * 3):
                with lock:
                    outcome.replies.setdefault(ts, time.monotonic() - sent)

    helpers = [threading.Thread(target=balance), threading.Thread(target=chaos)]
    workers = [threading.Thread(target=worker) for _ in range(run.people)]
    for thread in [*helpers, *workers]:
        thread.start()
    for thread in [*workers, *helpers]:
        thread.join()
    time.sleep(15)  # a killed replica's leases run out; its questions are answered late
    for call in mock.of("chat.postMessage"):
        if call.params.get("text") not in WORKING:
            outcome.answers[str(call.params.get("thread_ts"))] += 1
    for backend in backends:
        if backend.process is not None:
            backend.process.terminate()
            backend.process.wait(60)
    return outcome


def report(console: Console, args: argparse.Namespace, outcome: Outcome) -> None:
    asked = list(outcome.sent)
    once = sum(1 for ts in asked if outcome.answers[ts] == 1)
    twice = sum(1 for ts in asked if outcome.answers[ts] > 1)
    never = sum(1 for ts in asked if outcome.answers[ts] == 0)
    windows = [(at, at + WINDOW) for at, _ in outcome.stops]

    def in_windows(ts: str) -> bool:
        return any(lo <= outcome.sent[ts] < hi for lo, hi in windows)

    replied = [ts for ts in asked if ts in outcome.replies]
    overall = [outcome.replies[ts] for ts in replied]
    outside = [outcome.replies[ts] for ts in replied if not in_windows(ts)]
    title = (f"Two replicas over PostgreSQL, {args.replica_workload} questions, "
             f"{args.replicas} people, {args.seconds:.0f} s, {os.cpu_count()} cores")  # fmt: skip
    table = Table(title=title)
    for column in ("asked", "answered once", "answered twice", "never answered",
                   "not acknowledged", "reply p95", "p95 outside the windows"):  # fmt: skip
        table.add_column(column, justify="right")
    p95, p95_outside = pct(overall, 95) * 1000, pct(outside, 95) * 1000
    table.add_row(str(len(asked)), str(once), str(twice), str(never), str(outcome.unacked),
                  f"{p95:.0f} ms", f"{p95_outside:.0f} ms")  # fmt: skip
    console.print(table)
    for (at, what), (lo, hi) in zip(outcome.stops, windows, strict=True):
        inside = [outcome.replies[ts] for ts in replied if lo <= outcome.sent[ts] < hi]
        late = sum(1 for ts in asked if lo <= outcome.sent[ts] < hi and ts not in replied)
        console.print(f"{what} of A at {at:.0f} s: the next {WINDOW:.0f} s asked "
                      f"{sum(1 for ts in asked if lo <= outcome.sent[ts] < hi)}, reply p95 "
                      f"{pct(inside, 95) * 1000:.0f} ms, {late} answered after "
                      f"{REPLY_TIMEOUT * 3:.0f} s or never")  # fmt: skip
    checks = [
        ("0 never answered", never == 0),
        ("0 answered twice", twice == 0),
        ("reply p95 < 300 ms outside the windows", pct(outside, 95) < 0.300),
    ]
    for label, ok in checks:
        console.print(f"{'PASS' if ok else 'FAIL'}  {label}")
