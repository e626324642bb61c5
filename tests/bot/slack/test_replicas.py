"""Two real `ponte run` processes in HTTP mode over one PostgreSQL database, with signed
requests and the mock Slack Web API: one reply per question however Slack delivers it,
nothing lost when a replica is stopped (SIGTERM) or killed (SIGKILL), and a conversation
that continues on the other replica."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import Engine

from tests.bot.slack.conftest import SECRET, Rig, free_port, serving
from tests.conftest import DEMO_TODAY
from tests.slack_mock import BOT_USER, TEAM, MockSlack

pytestmark = pytest.mark.postgres
JOBS_OFF = '[jobs]\nforecast_refresh = "off"\nalert_scan = "off"\nalert_digest = "off"\n'
SKUS = ["PAD-20", "PAD-24", "PAD-28", "MOK-001", "MOK-003", "MOK-006", "COL-FIL", "MOK-009"]


class Replica:
    """One `ponte run` process in HTTP mode."""

    def __init__(self, name: str, database: str, mock: MockSlack, tmp: Path, **env: str) -> None:
        self.name, self.port = name, free_port()
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PONTE_"))}
        clean.update({"DATABASE_URL": database, "PONTE_TODAY": DEMO_TODAY.isoformat(),
                      "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
                      "SLACK_API_URL": mock.api_url, "PORT": str(self.port),
                      "PONTE_WORKING_AFTER": "30", **env})  # fmt: skip
        self.log = (tmp / f"{name}.log").open("w")
        # These replicas answer; the scheduled jobs (bot.jobs, tested in test_jobs.py) stay
        # off, so that a cron minute falling inside a test adds no forecast run to it.
        (tmp / "ponte-alerts.toml").write_text(JOBS_OFF)
        command = [sys.executable, "-m", "bot.cli", "run"]
        self.process = subprocess.Popen(command, cwd=tmp, env=clean, stdout=self.log,
                                        stderr=subprocess.STDOUT)  # fmt: skip
        deadline = time.monotonic() + 60
        while self.health() != 200:
            assert self.process.poll() is None, f"replica {name} stopped at start"
            assert time.monotonic() < deadline, f"replica {name} never became healthy"
            time.sleep(0.2)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def health(self) -> int | None:
        try:
            with urllib.request.urlopen(f"{self.url}/health", timeout=5) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)
        except OSError:
            return None

    def send(self, body: str, *, retry: int | None = None) -> int | None:
        """POST a signed request; its HTTP status, or None when nobody answered."""
        stamp = str(int(time.time()))
        headers = {"content-type": "application/json", "x-slack-request-timestamp": stamp,
                   "x-slack-signature": SignatureVerifier(SECRET).generate_signature(
                       timestamp=stamp, body=body)}  # fmt: skip
        if retry is not None:
            headers["x-slack-retry-num"] = str(retry)
        request = urllib.request.Request(f"{self.url}/slack/events", data=body.encode(),
                                         headers=headers)  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)
        except OSError:
            return None

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(30)
        self.log.close()


@pytest.fixture
def replicas(
    postgres_demo: tuple[Engine, str], mock_slack: MockSlack, tmp_path: Path
) -> Iterator[Any]:
    engine, _ = postgres_demo
    url = engine.url.render_as_string(hide_password=False)
    mock_slack.reset()
    started: list[Replica] = []

    def start(name: str, **env: str) -> Replica:
        started.append(Replica(name, url, mock_slack, tmp_path, **env))
        return started[-1]

    yield start
    for replica in started:
        replica.close()


def mention(text: str, ts: str, *, event_id: str | None = None, user: str = "U01WALKER",
            channel: str = "C0SALES") -> str:  # fmt: skip
    return json.dumps({
        "token": "legacy", "team_id": TEAM, "api_app_id": "A0PONTE", "type": "event_callback",
        "event_id": event_id or f"Ev{ts.replace('.', '')}", "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
        "event": {"type": "app_mention", "user": user, "channel": channel, "ts": ts,
                  "text": f"<@{BOT_USER}> {text}", "event_ts": ts},
    })  # fmt: skip


def dm(text: str, ts: str, *, user: str = "U01WALKER", channel: str = "D0WALKER") -> str:
    return json.dumps({
        "token": "legacy", "team_id": TEAM, "api_app_id": "A0PONTE", "type": "event_callback",
        "event_id": f"Ev{ts.replace('.', '')}", "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
        "event": {"type": "message", "channel_type": "im", "user": user, "channel": channel,
                  "ts": ts, "text": text, "event_ts": ts},
    })  # fmt: skip


def answers(mock: MockSlack, thread: str) -> list[str]:
    return [str(c.params["text"]) for c in mock.of("chat.postMessage")
            if c.params.get("thread_ts") == thread]  # fmt: skip


def wait_until_answered(mock: MockSlack, threads: list[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(answers(mock, t) for t in threads):
            time.sleep(1.0)  # let any second answer arrive too, to be counted
            return
        time.sleep(0.2)
    missing = [t for t in threads if not answers(mock, t)]
    raise AssertionError(f"{len(missing)} of {len(threads)} questions never answered")


def burst(replica: Replica, count: int, prefix: str) -> list[str]:
    """`count` stock questions sent to `replica` at once (each in its own thread); the
    threads' ts, all acknowledged."""
    threads = [f"1764231{prefix}.{i:06d}" for i in range(count)]
    statuses: list[int | None] = []

    def send(i: int) -> None:
        statuses.append(replica.send(mention(f"stock {SKUS[i % len(SKUS)]}", threads[i])))

    senders = [threading.Thread(target=send, args=(i,)) for i in range(count)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    assert statuses == [200] * count
    return threads


def test_one_event_delivered_to_both_replicas_and_retried_is_answered_once(
    replicas: Any, mock_slack: MockSlack
) -> None:
    a, b = replicas("a"), replicas("b")
    body = mention("stock PAD-28", "1764230100.000001")
    results: list[int | None] = []
    senders = [threading.Thread(target=lambda r=r: results.append(r.send(body))) for r in (a, b)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    assert results == [200, 200]
    assert a.send(body, retry=1) == 200 and b.send(body, retry=2) == 200
    wait_until_answered(mock_slack, ["1764230100.000001"], timeout=20)
    [answer] = answers(mock_slack, "1764230100.000001")
    assert "pcs available" in answer


def test_a_replica_stopped_mid_load_loses_nothing(replicas: Any, mock_slack: MockSlack) -> None:
    a = replicas("a", PONTE_DRAIN_SECONDS="0.3")  # hands most of its queue back
    b = replicas("b")
    threads = burst(a, 40, "2")
    stopped = time.monotonic()
    a.stop(signal.SIGTERM)
    assert a.process.wait(20) == 0  # drained and exited of its own accord
    assert time.monotonic() - stopped < 10
    threads += burst(b, 10, "3")  # the load balancer sends the rest to b
    wait_until_answered(mock_slack, threads, timeout=30)
    twice = [t for t in threads if len(answers(mock_slack, t)) > 1]
    assert twice == []


def test_a_replica_killed_mid_load_loses_nothing_once_its_leases_run_out(
    replicas: Any, mock_slack: MockSlack
) -> None:
    # One process (no answerer, which would go on answering: tests/bot/slack/
    # test_answerers.py kills a replica's every process): its leases must run out.
    a, _ = replicas("a", PONTE_ANSWERERS="0"), replicas("b")
    threads = burst(a, 40, "4")
    a.stop(signal.SIGKILL)
    a.process.wait(10)
    wait_until_answered(mock_slack, threads, timeout=40)  # a's leases: 6 s
    twice = [t for t in threads if len(answers(mock_slack, t)) > 1]
    assert twice == []


def test_a_follow_up_on_the_other_replica_continues_the_conversation(
    replicas: Any, mock_slack: MockSlack
) -> None:
    a, b = replicas("a"), replicas("b")
    assert a.send(dm("how much pentola alta do we have?", "1764230200.000001")) == 200
    asked = mock_slack.wait_for("chat.postMessage")[0]
    assert "Which product" in asked.params["text"]
    assert b.send(dm("1", "1764230200.000002")) == 200  # the answer reaches the other one
    reply = mock_slack.wait_for("chat.postMessage", 2)[1]
    assert "pcs available" in reply.params["text"]


def test_health_says_draining_while_a_replica_stops(make_rig: Any) -> None:
    import urllib.request as request

    from bot.slack.app import queue_of

    rig: Rig = make_rig()
    queue = queue_of(rig.app)
    assert queue is not None
    with serving(rig) as url:
        queue.drain(0.0)
        try:
            request.urlopen(f"{url}/health", timeout=5)
            raise AssertionError("a draining replica said it was healthy")
        except urllib.error.HTTPError as exc:
            assert exc.code == 503
            assert json.loads(exc.read()) == {"ok": False, "draining": True}
