"""Serving the app: Socket Mode (a websocket to Slack, no public URL) or HTTP mode (uvicorn,
a production ASGI server, with Events API, interactivity and slash commands on /slack/events
and a health check on /health)."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import signal
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from types import FrameType
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.asgi import SlackRequestHandler
from slack_bolt.adapter.asgi.http_request import AsgiHttpRequest
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine, text

from bot.settings import Settings
from bot.slack.app import queue_of
from planning.errors import PonteError

log = logging.getLogger("ponte.slack")
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/health"
MAX_REQUEST_AGE = 5 * 60  # seconds: Slack's rule against replayed requests
# Slack's largest requests (a modal's state, a message's blocks) are tens of kilobytes.
MAX_BODY = 1 << 20
DISPATCHERS = 32
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class PonteAsgi(SlackRequestHandler):
    """bolt's ASGI handler, dispatching on a worker thread (a slow request never holds up
    the others' acknowledgements) and answering health checks.

    The signature is checked before the body is read as JSON or a form (and the timestamp
    before the body is read at all, which may not pass MAX_BODY): a request that is not
    Slack's gets 401 however malformed it is, a signed one Ponte cannot parse 400, each with
    one log line (bolt would parse first, and a bad body became a 500 with a traceback that
    anyone could write into the log)."""

    def __init__(self, app: App, engine: Engine, signing_secret: str) -> None:
        super().__init__(app, path=EVENTS_PATH)
        self.engine = engine
        self.secret = signing_secret.encode()
        self.queue = queue_of(app)
        # Acknowledging waits for the request's record: enough threads that requests
        # arriving together are recorded together (asyncio's default pool has cores + 4).
        self.dispatchers = ThreadPoolExecutor(DISPATCHERS, thread_name_prefix="ponte-ack")

    async def dispatch(self, request: AsgiHttpRequest) -> BoltResponse:
        headers: dict[str, str | Sequence[str]] = {
            name.decode("latin-1").lower(): value.decode("latin-1")
            for name, value in request.raw_headers
        }
        stamp, signature = (headers.get(f"x-slack-{h}") for h in ("request-timestamp", "signature"))
        if not fresh(stamp) or not isinstance(signature, str):  # before reading any body
            log.info("refused a request to %s without a valid Slack signature", EVENTS_PATH)
            return BoltResponse(status=401, body="")
        raw = await _raw_body(request, MAX_BODY)
        if raw is None:
            log.warning("refused a request to %s larger than %d bytes", EVENTS_PATH, MAX_BODY)
            return BoltResponse(status=413, body="")
        if not self.signed(raw, str(stamp), signature):
            log.info("refused a request to %s without a valid Slack signature", EVENTS_PATH)
            return BoltResponse(status=401, body="")
        try:
            bolt_request = BoltRequest(
                body=raw.decode("utf-8"), query=request.query_string, headers=headers
            )
            readable(bolt_request.body)
        except Exception as exc:  # not UTF-8, bad JSON, not an object: bolt reads it as dicts
            log.warning("refused a signed request Ponte cannot read: %s", _one_line(exc))
            return BoltResponse(status=400, body="")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.dispatchers, self.app.dispatch, bolt_request)

    def signed(self, body: bytes, stamp: str, signature: str) -> bool:
        """Slack's signature: v0, HMAC-SHA256 of the raw bytes. On bytes, not text: a body
        or a header that is not even UTF-8 is still judged, never a crash."""
        base = b"v0:" + stamp.encode() + b":" + body
        expected = b"v0=" + hmac.new(self.secret, base, hashlib.sha256).hexdigest().encode()
        return hmac.compare_digest(expected, signature.encode("latin-1", errors="replace"))

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == HEALTH_PATH:
            # Draining (stopping after SIGTERM): not ok, so a load balancer sends no more.
            draining = self.queue is not None and self.queue.status().draining
            ok = not draining and await asyncio.to_thread(self.database_ok)
            body = json.dumps({"ok": ok, **({"draining": True} if draining else {})}).encode()
            await send({"type": "http.response.start", "status": 200 if ok else 503,
                        "headers": [(b"content-type", b"application/json")]})  # fmt: skip
            await send({"type": "http.response.body", "body": body})
            return
        await super().__call__(scope, receive, send)

    def database_ok(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception:
            return False
        return True


def fresh(stamp: object) -> bool:
    """A request timestamp at most five minutes from now (Slack's rule against replays)."""
    if not isinstance(stamp, str) or not stamp.isascii() or not stamp.strip().isdigit():
        return False
    return abs(time.time() - int(stamp)) <= MAX_REQUEST_AGE


def readable(body: object) -> None:
    """A ValueError unless `body` has the shape bolt expects: a JSON object, whose `event`
    (when it has one) is an object too."""
    if not isinstance(body, dict):
        raise ValueError(f"the body is a {type(body).__name__}, not an object")
    if "event" in body and not isinstance(body["event"], dict):
        raise ValueError("its event is not an object")


async def _raw_body(request: AsgiHttpRequest, limit: int) -> bytes | None:
    """The body, or None once it grows past `limit` bytes (the rest is not read)."""
    chunks = bytearray()
    while True:
        message = await request.receive()
        if message["type"] != "http.request":  # the client went away
            break
        chunks.extend(message.get("body", b""))
        if len(chunks) > limit:
            return None
        if not message.get("more_body", False):
            break
    return bytes(chunks)


def _one_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


class DrainingServer:
    """uvicorn that, on SIGTERM (or Ctrl-C), first drains Ponte's work queue: /health says
    draining, requests still arriving are recorded for the other processes, the answers in
    progress get `grace` seconds to finish, what is left is handed back; then uvicorn
    stops. A second signal stops at once."""

    def __init__(self, handler: PonteAsgi, *, host: str, port: int, grace: float) -> None:
        import uvicorn

        outer = self

        class Server(uvicorn.Server):
            def handle_exit(self, sig: int, frame: FrameType | None) -> None:
                if outer.draining is None:
                    outer.draining = threading.Thread(target=outer.drain, name="ponte-drain")
                    outer.draining.start()
                else:
                    super().handle_exit(sig, frame)

        config = uvicorn.Config(handler, host=host, port=port, log_level="warning",
                                lifespan="off")  # fmt: skip
        self.server = Server(config)
        assert handler.queue is not None
        self.queue, self.grace = handler.queue, grace
        self.draining: threading.Thread | None = None

    def drain(self) -> None:
        self.queue.drain(self.grace)
        self.server.should_exit = True

    def run(self) -> None:
        self.server.run()
        if self.draining is not None:
            self.draining.join()


def serve_http(app: App, settings: Settings, engine: Engine, *, host: str = "0.0.0.0") -> None:
    assert settings.slack_signing_secret is not None
    handler = PonteAsgi(app, engine, settings.slack_signing_secret.get_secret_value())
    assert handler.queue is not None
    handler.queue.start()  # work a stopped process left behind is taken on from now
    DrainingServer(handler, host=host, port=settings.port,
                   grace=settings.ponte_drain_seconds).run()  # fmt: skip


def check_token(client: WebClient, settings: Settings) -> str:
    """Who the bot token belongs to, or a PonteError saying what Slack said about it."""
    try:
        found = client.auth_test()
    except SlackApiError as exc:
        raise PonteError(
            f"Slack refused SLACK_BOT_TOKEN ({exc.response.get('error')}): copy the Bot User "
            "OAuth Token (xoxb-…) from the app's Install App page"
        ) from exc
    except OSError as exc:
        raise PonteError(f"cannot reach Slack at {settings.slack_api_url}: {exc}") from exc
    return f"{found.get('user')} in {found.get('team')}"


def serve_socket(app: App, settings: Settings) -> None:
    """Socket Mode until SIGTERM (or Ctrl-C): then the work queue drains (see
    DrainingServer) and the socket closes."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    assert settings.slack_app_token is not None
    queue = queue_of(app)
    assert queue is not None
    queue.start()
    handler = SocketModeHandler(app, settings.slack_app_token.get_secret_value())
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in STOP_SIGNALS}
    try:
        handler.connect()
    except SlackApiError as exc:
        raise PonteError(
            f"Slack refused SLACK_APP_TOKEN ({exc.response.get('error')}): generate an "
            "app-level token (xapp-…) with the connections:write scope under Basic Information"
        ) from exc
    try:
        stop.wait()
        queue.drain(settings.ponte_drain_seconds)
    finally:
        handler.close()
        for sig, handler_before in previous.items():
            signal.signal(sig, handler_before)
