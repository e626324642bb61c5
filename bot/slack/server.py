"""Serving the app: Socket Mode (a websocket to Slack, no public URL) or HTTP mode (uvicorn,
a production ASGI server, with Events API, interactivity and slash commands on /slack/events
and a health check on /health)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
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
from planning.errors import PonteError

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/health"
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class PonteAsgi(SlackRequestHandler):
    """bolt's ASGI handler, dispatching on a worker thread (a slow request never holds up
    the others' acknowledgements) and answering health checks."""

    def __init__(self, app: App, engine: Engine) -> None:
        super().__init__(app, path=EVENTS_PATH)
        self.engine = engine

    async def dispatch(self, request: AsgiHttpRequest) -> BoltResponse:
        bolt_request = BoltRequest(
            body=await request.get_raw_body(),
            query=request.query_string,
            headers=request.get_headers(),
        )
        return await asyncio.to_thread(self.app.dispatch, bolt_request)

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == HEALTH_PATH:
            ok = await asyncio.to_thread(self.database_ok)
            body = json.dumps({"ok": ok}).encode()
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


def serve_http(app: App, settings: Settings, engine: Engine, *, host: str = "0.0.0.0") -> None:
    import uvicorn

    uvicorn.run(PonteAsgi(app, engine), host=host, port=settings.port, log_level="warning")


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
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    assert settings.slack_app_token is not None
    try:
        SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()
    except SlackApiError as exc:
        raise PonteError(
            f"Slack refused SLACK_APP_TOKEN ({exc.response.get('error')}): generate an "
            "app-level token (xapp-…) with the connections:write scope under Basic Information"
        ) from exc
