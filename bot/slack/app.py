"""The bolt App: built by `create_app(settings, services)`, listeners registered by function.

The WebClient retries rate-limited calls (honouring Retry-After), connection errors and
Slack's 5xx answers, and talks to SLACK_API_URL (GovSlack, a proxy, or a local mock).
Every request is recorded in the work queue before Slack is acknowledged (bot.slack.queue),
so a retry that Slack sends (X-Slack-Retry-Num) is acknowledged and dropped, and a process
that stops leaves its work to the others: one answer per request.
"""

from __future__ import annotations

import logging
import weakref
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry import HttpRequest, HttpResponse, RetryHandler, RetryState
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from sqlalchemy import Engine

from bot.settings import Clock, Settings
from tools.assistant import Assistant

if TYPE_CHECKING:
    from bot.slack.queue import WorkQueue

log = logging.getLogger("ponte.slack")
# Answers in progress at once; more wait their turn (their acks do not). Without an LLM,
# answering is Python work under one GIL: more threads add contention, not throughput, and
# acknowledgements (which now write the request's record) wait behind them. Measured with
# bench/slack_load.py, mixed:20, 40 s, on 2026-11-30: 6 threads ack p99 188-274 ms, reply
# p95 700-750 ms; 3 threads 127 ms, 551 ms; 2 threads 101 ms, 599 ms (answers/s 62-68 in
# all). An LLM's answers mostly wait on the network: then more threads help.
WORKERS = 3
WORKERS_WITH_LLM = 8


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

    Listeners record each request in the durable work queue and acknowledge it (before the
    acknowledgement, so that nothing acknowledged can be lost); answering runs on
    `work_executor` (WORKERS threads when None), so slow answers (an LLM) never keep a
    slash command or a button from its 3-second ack; charts are drawn and uploaded after
    their answer on `chart_executor` (one thread when None), so they never keep the next
    question waiting either. `queue_of(app)` is the app's queue (health, draining).
    Building the app asks Slack who the bot is (auth.test) once, not on the first request."""
    from bot.slack.answering import Answerer
    from bot.slack.handlers import Handlers
    from bot.slack.listeners import register_listeners
    from bot.slack.queue import WorkQueue

    secret = settings.slack_signing_secret
    logging.getLogger("slack_bolt.App").addFilter(_no_token_warning)
    app = App(
        client=web_client(settings),
        signing_secret=secret.get_secret_value() if secret else "",
        # Socket Mode requests are not signed; HTTP requests always are.
        request_verification_enabled=settings.slack_mode == "http",
        # Listeners only record and hand over: Slack's acknowledgement waits for the record.
        process_before_response=True,
        listener_executor=listener_executor,
    )
    workers = WORKERS_WITH_LLM if settings.ponte_llm else WORKERS
    work = work_executor or ThreadPoolExecutor(workers, thread_name_prefix="ponte-answer")
    # One thread: the chart process draws one chart at a time anyway.
    charts = chart_executor or ThreadPoolExecutor(1, thread_name_prefix="ponte-chart")
    answerer = Answerer(services, working_after=settings.ponte_working_after, charts=charts)
    handlers = Handlers(answerer, app.client)
    queue = WorkQueue(services.engine, services.clock, handlers, work)
    answerer.later = queue  # conversations saved with the answered work, in one write
    queue.on_drain.append(answerer.stop_charts)  # charts not drawn yet are not waited for
    _QUEUES[app] = queue
    answerer.after_write = handlers.news  # a quota request or decision: tell who waits
    register_listeners(app, answerer, queue, work, handlers,
                       feedback_emoji=settings.ponte_feedback_emoji)  # fmt: skip
    return app


_QUEUES: weakref.WeakKeyDictionary[App, WorkQueue] = weakref.WeakKeyDictionary()


def queue_of(app: App) -> WorkQueue | None:
    """The work queue `create_app` gave `app` (None for an app built elsewhere)."""
    return _QUEUES.get(app)


def _no_token_warning(record: logging.LogRecord) -> bool:
    # bolt reads SLACK_BOT_TOKEN itself and warns that the client's token wins; it is the
    # same token (web_client reads the same setting), so the warning only confuses.
    return "`token` will be unused" not in record.getMessage()
