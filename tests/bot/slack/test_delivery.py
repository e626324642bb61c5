"""What Slack's delivery rules demand: signed requests only, one answer per event however
often Slack retries it, and rate limits waited out rather than answers lost."""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from planning.db import make_engine
from tests.bot.slack.conftest import Rig
from tests.slack_mock import Failure


def processed(engine: Engine, event_id: str) -> int:
    """How many times the event was taken on (recorded in the work queue)."""
    with engine.connect() as conn:
        query = text("SELECT count(*) FROM pending_work WHERE key = :id")
        return int(conn.execute(query, {"id": event_id}).scalar_one())


def mention_event(text_: str = "stock PAD-28") -> dict[str, object]:
    return {"type": "app_mention", "user": "U01WALKER", "channel": "C0SALES",
            "text": f"<@UPONTEBOT> {text_}", "ts": f"{time.time():.6f}"}  # fmt: skip


def test_a_bad_signature_is_refused_and_changes_nothing(rig: Rig, demo_engine: Engine) -> None:
    body = rig.event_body(mention_event(), event_id="EvBADSIG")
    response = rig.send(body, "application/json", secret="not-the-secret")
    assert response.status == 401
    assert rig.calls() == [] and processed(demo_engine, "EvBADSIG") == 0


def test_a_request_older_than_five_minutes_is_refused(rig: Rig, demo_engine: Engine) -> None:
    body = rig.event_body(mention_event(), event_id="EvREPLAY")
    response = rig.send(body, "application/json", timestamp=int(time.time()) - 6 * 60)
    assert response.status == 401
    assert rig.calls() == [] and processed(demo_engine, "EvREPLAY") == 0
    assert rig.form({"command": "/ponte", "text": "stock PAD-28", "user_id": "U01WALKER"},
                    timestamp=int(time.time()) - 301).status == 401  # fmt: skip
    assert rig.calls() == []


def test_a_retried_event_is_answered_once(rig: Rig, demo_engine: Engine) -> None:
    event = mention_event()
    first = rig.event(event, event_id="EvRETRY1")
    again = rig.event(event, event_id="EvRETRY1", retry=1)
    later = rig.event(event, event_id="EvRETRY1", retry=2)
    assert first.status == again.status == later.status == 200
    assert rig.calls() == ["chat.postMessage"]
    assert processed(demo_engine, "EvRETRY1") == 1


def test_a_retry_reaching_another_replica_is_still_answered_once(
    make_rig, demo_engine: Engine
) -> None:  # type: ignore[no-untyped-def]
    one, two = make_rig(), make_rig()  # two processes' apps over one database
    event = mention_event()
    one.event(event, event_id="EvREPLICA")
    two.event(event, event_id="EvREPLICA", retry=1)
    one.calls(), two.calls()
    assert one.mock.methods() == ["chat.postMessage"]


def test_a_rate_limited_answer_waits_and_still_arrives(rig: Rig) -> None:
    rig.mock.fail(
        "chat.postMessage",
        Failure(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}),
    )
    started = time.monotonic()
    rig.mention("stock PAD-28", user="U01WALKER")
    [answer] = rig.mock.wait_for("chat.postMessage")
    assert time.monotonic() - started >= 1.0  # Retry-After was honoured
    assert rig.calls() == ["chat.postMessage"] and rig.mock.attempts["chat.postMessage"] == 2
    assert "pcs available" in answer.params["text"]


def test_a_slack_outage_moment_is_retried(rig: Rig) -> None:
    rig.mock.fail("chat.postMessage", Failure(503, {"ok": False, "error": "service_unavailable"}))
    rig.mention("stock PAD-28", user="U01WALKER")
    [answer] = rig.mock.wait_for("chat.postMessage")
    assert rig.mock.attempts["chat.postMessage"] == 2 and "pcs available" in answer.params["text"]


def test_url_verification_is_answered_with_the_challenge(rig: Rig) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "c0ffee", "token": "legacy"})
    response = rig.send(body, "application/json")
    assert response.status == 200 and "c0ffee" in response.body


def test_when_ponte_breaks_the_asker_is_told_rather_than_left_waiting(
    make_rig, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    broken = make_engine(f"sqlite:///{tmp_path / 'no-schema.db'}")  # no tables at all
    rig = make_rig(engine=broken)
    rig.slash("stock PAD-28", user="U01WALKER")
    [reply] = rig.mock.wait_for("response_url")
    assert reply.params["text"].startswith("Something went wrong on my side")
    assert reply.params["response_type"] == "ephemeral"


def test_slash_commands_are_acknowledged_while_every_answering_thread_is_busy(
    mock_slack, demo_engine: Engine
) -> None:  # type: ignore[no-untyped-def]
    from concurrent.futures import ThreadPoolExecutor

    from bot.settings import Clock
    from bot.slack.app import SlackServices, create_app
    from tests.bot.slack.conftest import slack_settings
    from tests.conftest import DEMO_TODAY
    from tools.assistant import Assistant

    mock_slack.reset()
    work = ThreadPoolExecutor(max_workers=1)
    release = threading.Event()
    work.submit(release.wait)  # a slow answer (an LLM, say) holds the only answering thread
    services = SlackServices(demo_engine, Assistant(demo_engine), Clock(DEMO_TODAY))
    rig = Rig(create_app(slack_settings(mock_slack), services, work_executor=work), mock_slack,
              demo_engine, None)  # type: ignore[arg-type]  # fmt: skip
    started = time.monotonic()
    responses = [rig.slash("stock PAD-28", user="U01WALKER") for _ in range(8)]
    assert all(r.status == 200 for r in responses)
    assert time.monotonic() - started < 3  # all eight inside Slack's window, not 404s
    assert mock_slack.of("response_url") == []  # their answers wait their turn...
    release.set()
    assert len(mock_slack.wait_for("response_url", 8)) == 8  # ...and then all arrive
    work.shutdown(wait=True)


def test_a_slash_reply_that_slack_refuses_for_a_moment_is_retried(rig: Rig) -> None:
    rig.mock.fail(
        "response_url",
        Failure(429, {"ok": False}, {"Retry-After": "1"}),
        Failure(502, {"ok": False}),
    )
    rig.slash("stock PAD-28", user="U01WALKER")
    [reply] = rig.mock.wait_for("response_url")
    assert rig.mock.attempts["response_url"] == 3  # a rate limit and a bad gateway, then it
    assert "pcs available" in reply.params["text"]


def test_a_slash_reply_lost_for_good_is_logged_with_its_channel_and_user(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    gone = Failure(404, {"ok": False, "error": "expired_url"})
    rig.mock.fail("response_url", gone, gone, gone, gone)
    with caplog.at_level(logging.WARNING, logger="ponte.slack"):
        rig.slash("stock PAD-28", user="U01WALKER", channel="C0ORDERS")
        rig.calls()
    assert rig.mock.attempts["response_url"] == 1  # a 404 is final: no pointless retries
    [line] = [r.getMessage() for r in caplog.records if "lost" in r.getMessage()]
    assert line.startswith("reply to U01WALKER in C0ORDERS lost: Slack's response_url answered 404")


def left_by_a_stopped_replica(rig: Rig, key: str, thread: str, reply: dict | None) -> None:  # type: ignore[type-arg]
    """Work another process took on and stopped doing (its lease ran out), and what it had
    posted in the thread before it stopped: `reply` as {"final": bool}, or nothing."""
    import datetime as dt

    from planning.work import record

    body = json.loads(rig.event_body(mention_event() | {"ts": thread}, event_id=key))
    asked = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=20)
    record(rig.engine, key=key, kind="mention", payload=body, now=asked, owner="stopped",
           lease=dt.timedelta(seconds=6))  # fmt: skip
    if reply is not None:
        ts = f"{thread}9"
        rig.mock.messages[("C0SALES", ts)] = {
            "ts": ts, "text": "…", "thread_ts": thread,
            "metadata": {"event_type": "ponte_reply", "event_payload": {"key": key, **reply}},
        }  # fmt: skip


def taken_over(rig: Rig) -> list[str]:
    from bot.slack.app import queue_of

    queue = queue_of(rig.app)
    assert queue is not None and queue.sweep() >= 1
    return rig.calls()


def test_work_a_stopped_replica_had_answered_is_not_answered_again(rig: Rig) -> None:
    left_by_a_stopped_replica(rig, "EvTAKEN1", "1764230300.000001", {"final": True})
    assert taken_over(rig) == ["conversations.replies"]  # it looked, and found the answer
    assert processed(rig.engine, "EvTAKEN1") == 1


def test_work_a_stopped_replica_had_begun_finishes_in_its_working_note(rig: Rig) -> None:
    left_by_a_stopped_replica(rig, "EvTAKEN2", "1764230300.000002", {"final": False})
    assert taken_over(rig) == ["conversations.replies", "chat.update"]
    [update] = rig.mock.of("chat.update")
    assert update.params["ts"] == "1764230300.0000029" and "pcs available" in update.params["text"]


def test_work_a_stopped_replica_had_not_answered_is_answered(rig: Rig) -> None:
    left_by_a_stopped_replica(rig, "EvTAKEN3", "1764230300.000003", None)
    assert taken_over(rig) == ["conversations.replies", "chat.postMessage"]
    [answer] = rig.mock.of("chat.postMessage")
    assert answer.params["thread_ts"] == "1764230300.000003"
    metadata = answer.params["metadata"]  # JSON in the body, as slack_sdk sends it
    metadata = json.loads(metadata) if isinstance(metadata, str) else metadata
    assert metadata["event_payload"] == {"key": "EvTAKEN3", "final": True}
