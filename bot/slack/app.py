"""The bolt App: built by `create_app(settings, services)`, listeners registered by function.

The WebClient retries rate-limited calls (honouring Retry-After), connection errors and
Slack's 5xx answers, and talks to SLACK_API_URL (GovSlack, a proxy, or a local mock).
Every Events API delivery is recorded by event id before its listener does anything, so a
retry that Slack sends (X-Slack-Retry-Num) is acknowledged and dropped: one answer per event.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry import HttpRequest, HttpResponse, RetryHandler, RetryState
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.settings import Clock, Settings
from planning.events import first_delivery, forget_events
from tools.assistant import Assistant

log = logging.getLogger("ponte.slack")
REMEMBER_EVENTS = dt.timedelta(days=1)  # Slack gives up retrying long before
FORGET_EVERY = 1000  # events between clean-ups of old event ids
# Seconds an event's exactly-once record may wait for SQLite's write lock (a long import
# holds it) before the event is answered without it.
RECORD_WAIT = 1.0
# Answers in progress at once; more wait their turn (their acks do not). Answering is mostly
# Python work under one GIL: more threads add contention, not throughput (measured: 16
# threads gave ack p99 114 ms in one run of bench/slack_load.py, 6 threads 25-62 ms).
WORKERS = 6


@dataclass
class SlackServices:
    """What the listeners need: the database, the assistant engine and the clock."""

    engine: Engine
    assistant: Assistant
    clock: Clock


class AnyServerErrorRetryHandler(ServerErrorRetryHandler):
    """Retries every 5xx (a proxy's 502 and 504 too), not only Slack's own 500 and 503."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and 500 <= response.status_code < 600


def retry_handlers() -> list[RetryHandler]:
    """How every call to Slack is retried, Web API and response_url alike: rate limits after
    their Retry-After, connection errors and server errors with backoff."""
    return [
        RateLimitErrorRetryHandler(max_retry_count=3),
        ConnectionErrorRetryHandler(max_retry_count=3),
        AnyServerErrorRetryHandler(max_retry_count=2),
    ]


def web_client(settings: Settings) -> WebClient:
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    base_url = settings.slack_api_url.rstrip("/") + "/"
    return WebClient(token=token, base_url=base_url, timeout=30, retry_handlers=retry_handlers())


def create_app(
    settings: Settings,
    services: SlackServices,
    *,
    listener_executor: Executor | None = None,
    work_executor: Executor | None = None,
    chart_executor: Executor | None = None,
) -> App:
    """The Slack app for `settings` (Socket Mode or HTTP), with every listener registered.

    Bolt's listener threads (`listener_executor`, bolt's own pool when None) only acknowledge
    and hand over; answering runs on `work_executor` (WORKERS threads when None), so slow
    answers (an LLM) never keep a slash command or a button from its 3-second ack; charts
    are drawn and uploaded after their answer on `chart_executor` (one thread when None),
    so they never keep the next question waiting either.
    Building the app asks Slack who the bot is (auth.test) once, not on the first request."""
    from bot.slack.listeners import register_listeners
    from bot.slack.respond import retrying_respond

    secret = settings.slack_signing_secret
    logging.getLogger("slack_bolt.App").addFilter(_no_token_warning)
    app = App(
        client=web_client(settings),
        signing_secret=secret.get_secret_value() if secret else "",
        # Socket Mode requests are not signed; HTTP requests always are.
        request_verification_enabled=settings.slack_mode == "http",
        process_before_response=False,  # ack first, then answer on a worker thread
        listener_executor=listener_executor,
    )
    work = work_executor or ThreadPoolExecutor(WORKERS, thread_name_prefix="ponte-answer")
    # One thread: the chart process draws one chart at a time anyway.
    charts = chart_executor or ThreadPoolExecutor(1, thread_name_prefix="ponte-chart")
    app.use(retrying_respond)
    register_listeners(app, services, settings, work, charts)
    return app


def _no_token_warning(record: logging.LogRecord) -> bool:
    # bolt reads SLACK_BOT_TOKEN itself and warns that the client's token wins; it is the
    # same token (web_client reads the same setting), so the warning only confuses.
    return "`token` will be unused" not in record.getMessage()


class ExactlyOnce:
    """Takes on an Events API delivery once: the first delivery of an event id wins, a retry
    (on this replica or another) is dropped. Called on an answering thread, after the
    acknowledgement, so a busy database never delays an ack into a retry; the primary key
    still lets only one of two concurrent deliveries through.

    When the record cannot be written (the database is down, or another writer keeps it
    locked past RECORD_WAIT) the event is taken on anyway and the log says so: a possible
    second answer, should Slack retry, beats a question silently lost."""

    def __init__(self, services: SlackServices) -> None:
        self.services = services
        self.seen = 0
        # SQLite has one writer at a time, and a writer that finds it taken sleeps in steps
        # of up to 100 ms before trying again: this process's threads queue here instead.
        self.sqlite = services.engine.dialect.name == "sqlite"
        self.writer = threading.Lock()

    def __call__(self, body: dict[str, Any]) -> bool:
        event_id = body.get("event_id")
        if not event_id:
            return True
        now = self.services.clock.now()
        engine = self.services.engine
        try:
            started = time.monotonic()
            if self.sqlite and not self.writer.acquire(timeout=RECORD_WAIT):
                raise TimeoutError("another answer's record held SQLite for too long")
            try:
                wait = max(RECORD_WAIT - (time.monotonic() - started), 0.01)
                first = first_delivery(engine, str(event_id), source="slack", now=now, wait=wait)
            finally:
                if self.sqlite:
                    self.writer.release()
        except (SQLAlchemyError, TimeoutError) as exc:
            log.warning("event %s taken on without its exactly-once record (%s): a retry of "
                        "it could be answered twice", event_id, _first_line(exc))  # fmt: skip
            return True
        if not first:
            log.info("event %s already taken on: retry dropped", event_id)
            return False
        self.seen += 1
        if self.seen % FORGET_EVERY == 1:
            try:
                forget_events(engine, before=now - REMEMBER_EVENTS)
            except SQLAlchemyError as exc:  # next time, then
                log.warning("old event ids not pruned: %s", _first_line(exc))
        return True


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__
