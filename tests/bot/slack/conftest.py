"""The real bolt App, built by create_app over the demo company, with signed requests in and
a local mock of Slack's Web API out."""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import SecretStr
from slack_bolt import App
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.models.blocks import Block
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import Engine

from bot.settings import Clock, Settings
from bot.slack.app import SlackServices, create_app, queue_of
from tests.conftest import DEMO_TODAY
from tests.helpers import block_texts
from tests.slack_mock import BOT_ID, BOT_USER, TEAM, MockSlack
from tools.assistant import Assistant

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
MANIFEST = Path(__file__).parents[3] / "slack" / "manifest.yaml"

# The bot scope each Web API method needs (api.slack.com/methods); None: no scope. Reading a
# conversation needs the scope of its kind: public and private channels (a DM's, im:history,
# is there already for DM events).
METHOD_SCOPES: dict[str, str | tuple[str, ...] | None] = {
    "conversations.replies": ("channels:history", "groups:history"),
    "conversations.history": ("channels:history", "groups:history"),
    "auth.test": None,
    "chat.postMessage": "chat:write",
    "chat.update": "chat:write",
    "chat.delete": "chat:write",
    "chat.getPermalink": None,
    "views.publish": None,
    "views.open": None,
    "files.getUploadURLExternal": "files:write",
    "files.completeUploadExternal": "files:write",
    "assistant.threads.setStatus": "assistant:write",
    "assistant.threads.setSuggestedPrompts": "assistant:write",
    "assistant.threads.setTitle": "assistant:write",
}
# Not Web API methods: a slash command's or a button's response_url, and a file's bytes.
NOT_METHODS = ("response_url", "upload")


def scopes_of(methods: set[str]) -> set[str]:
    """The bot scopes these Web API methods need, together."""
    needed: set[str] = set()
    for method in methods:
        scope = METHOD_SCOPES[method]
        needed |= {scope} if isinstance(scope, str) else set(scope or ())
    return needed


def manifest_scopes() -> set[str]:
    manifest = yaml.safe_load(MANIFEST.read_text())
    return set(manifest["oauth_config"]["scopes"]["bot"])


@pytest.fixture(scope="session")
def mock_slack() -> Iterator[MockSlack]:
    mock = MockSlack().start()
    yield mock
    mock.stop()


def slack_settings(mock: MockSlack, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "slack_bot_token": SecretStr("xoxb-test"),
        "slack_signing_secret": SecretStr(SECRET),
        "slack_api_url": mock.api_url,
        "ponte_working_after": 10.0,
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class Tracked(ThreadPoolExecutor):
    """bolt's listener pool, counting the work it still has, so a test can wait for the app
    to finish instead of guessing how long a chart takes."""

    def __init__(self) -> None:
        super().__init__(max_workers=4)
        self.pending = 0
        self.changed = threading.Condition()

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self.changed:
            self.pending += 1
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(self._done)
        return future

    def _done(self, _: Future[Any]) -> None:
        with self.changed:
            self.pending -= 1
            self.changed.notify_all()

    def idle(self, timeout: float = 30.0) -> None:
        with self.changed:
            if not self.changed.wait_for(lambda: self.pending == 0, timeout):
                raise AssertionError(f"the app was still busy after {timeout}s")


@dataclass
class Rig:
    """The app under test and what it sends to the mock Slack."""

    app: App
    mock: MockSlack
    engine: Engine
    executor: Tracked

    def calls(self) -> list[str]:
        """Once the app has finished its work: the Web API methods it called, in order."""
        self.executor.idle()
        return self.mock.methods()

    def __post_init__(self) -> None:
        # Unique across rigs: Slack never repeats a trigger id, and the queue drops repeats.
        self.ids = itertools.count(time.time_ns())

    # -- signed requests ----------------------------------------------------------------------

    def send(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        secret: str = SECRET,
        retry: int | None = None,
    ) -> BoltResponse:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
        headers = {
            "content-type": [content_type],
            "x-slack-request-timestamp": [stamp],
            "x-slack-signature": [signature],
        }
        if retry is not None:
            headers["x-slack-retry-num"] = [str(retry)]
            headers["x-slack-retry-reason"] = ["http_timeout"]
        return self.app.dispatch(BoltRequest(body=body, headers=headers))

    def event_body(self, event: dict[str, Any], event_id: str | None = None) -> str:
        return json.dumps({
            "token": "legacy", "team_id": TEAM, "api_app_id": "A0PONTE", "type": "event_callback",
            "event": event, "event_id": event_id or f"Ev{time.time_ns()}{next(self.ids)}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
        })  # fmt: skip

    def event(self, event: dict[str, Any], **kwargs: Any) -> BoltResponse:
        event_id = kwargs.pop("event_id", None)
        return self.send(self.event_body(event, event_id), "application/json", **kwargs)

    def mention(
        self, text: str, *, user: str, channel: str = "C0SALES", thread_ts: str | None = None,
        **kw: Any,
    ) -> str:  # fmt: skip
        ts = f"{time.time():.6f}"
        event = {"type": "app_mention", "user": user, "text": f"<@{BOT_USER}> {text}",
                 "ts": ts, "channel": channel, "event_ts": ts}  # fmt: skip
        if thread_ts:
            event["thread_ts"] = thread_ts
        assert self.event(event, **kw).status == 200
        return ts

    def dm(self, text: str, *, user: str, channel: str = "D0PONTE", **extra: Any) -> str:
        ts = f"{time.time():.6f}"
        event = {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts,
                 "channel": channel, "event_ts": ts, **extra}  # fmt: skip
        assert self.event(event).status == 200
        return ts

    def form(self, fields: dict[str, str], **kwargs: Any) -> BoltResponse:
        body = urllib.parse.urlencode(fields)
        return self.send(body, "application/x-www-form-urlencoded", **kwargs)

    def slash(self, text: str, *, user: str, channel: str = "C0SALES") -> BoltResponse:
        return self.form({
            "token": "legacy", "team_id": TEAM, "channel_id": channel, "channel_name": "sales",
            "user_id": user, "user_name": user.lower(), "command": "/ponte", "text": text,
            "response_url": f"{self.mock.url}/respond/{next(self.ids)}",
            "trigger_id": f"trigger.{next(self.ids)}", "api_app_id": "A0PONTE",
        })  # fmt: skip

    def interaction(self, payload: dict[str, Any]) -> BoltResponse:
        payload = {"team": {"id": TEAM}, "api_app_id": "A0PONTE", "token": "legacy", **payload}
        return self.form({"payload": json.dumps(payload)})

    def click(
        self,
        button: dict[str, Any],
        *,
        user: str,
        channel: str | None = "C0SALES",
        message: dict[str, Any] | None = None,
        ephemeral: bool = False,
    ) -> BoltResponse:
        """Press `button` (a button element from blocks Ponte sent) on a message, or on the
        Home tab when `channel` is None (no channel, no message, no response_url there)."""
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user, "team_id": TEAM},
            "trigger_id": f"trigger.{next(self.ids)}",
            "actions": [
                {
                    "type": "button",
                    "action_id": button["action_id"],
                    "block_id": "b1",
                    "value": button.get("value"),
                    "action_ts": f"{time.time():.6f}",
                }
            ],
        }
        if channel is None:
            payload["container"] = {"type": "view", "view_id": "V0HOME"}
            payload["view"] = {"id": "V0HOME", "type": "home"}
            return self.interaction(payload)
        ts = (message or {}).get("ts") or f"{time.time():.6f}"
        payload["container"] = {"type": "message", "message_ts": ts, "channel_id": channel,
                                "is_ephemeral": ephemeral}  # fmt: skip
        payload["channel"] = {"id": channel}
        payload["response_url"] = f"{self.mock.url}/respond/{next(self.ids)}"
        if not ephemeral:
            payload["message"] = message or {"ts": ts, "type": "message"}
        return self.interaction(payload)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(rig: Rig) -> Iterator[str]:
    """The rig's app served for real over HTTP (uvicorn on loopback): its base URL."""
    import uvicorn

    from bot.slack.server import PonteAsgi

    port = free_port()
    config = uvicorn.Config(PonteAsgi(rig.app, rig.engine, SECRET), host="127.0.0.1",
                            port=port, log_level="warning", lifespan="off")  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def button(blocks: list[dict[str, Any]], label: str) -> dict[str, Any]:
    found = [b for b in buttons(blocks) if b["text"]["text"].startswith(label)]
    assert found, f"no {label!r} button in {[b['text']['text'] for b in buttons(blocks)]}"
    return found[0]


def block_text(blocks: list[dict[str, Any]]) -> str:
    """Every text a reader sees in the blocks, in order."""
    return "\n".join(block_texts(blocks))


def valid_blocks(blocks: list[dict[str, Any]], *, limit: int) -> None:
    """slack_sdk's own validation of each block (text lengths, element counts), and the
    number of blocks a message (50) or a Home tab (100) may hold."""
    assert len(blocks) <= limit
    for block in blocks:
        parsed = Block.parse(block)
        assert parsed is not None, block
        parsed.validate_json()


@pytest.fixture
def make_rig(mock_slack: MockSlack, demo_engine: Engine) -> Iterator[Any]:
    """Builds the app (settings may be overridden); after the test, every Web API method the
    app called must have its scope in the manifest."""
    mock_slack.reset()

    executors: list[Tracked] = []

    def build(engine: Engine = demo_engine, **overrides: Any) -> Rig:
        services = SlackServices(engine, Assistant(engine), Clock(DEMO_TODAY))
        executors.append(Tracked())
        settings = slack_settings(mock_slack, **overrides)
        app = create_app(settings, services, listener_executor=executors[-1],
                         work_executor=executors[-1], chart_executor=executors[-1])  # fmt: skip
        return Rig(app, mock_slack, engine, executors[-1])

    apps: list[App] = []

    def build_app(engine: Engine = demo_engine, **overrides: Any) -> Rig:
        rig = build(engine, **overrides)
        apps.append(rig.app)
        return rig

    yield build_app
    for executor in executors:  # work still running lands here, not in the next test
        executor.idle()
        executor.shutdown()
    for app in apps:
        queue = queue_of(app)
        if queue is not None:
            queue.stop()
    for call in mock_slack.calls:  # every payload sent fits Slack's Block Kit limits
        valid_blocks(call.blocks() if call.method != "views.publish" else call.view()["blocks"],
                     limit=100 if call.method == "views.publish" else 50)  # fmt: skip
    called = {c.method for c in mock_slack.calls} - set(NOT_METHODS)
    unknown = called - set(METHOD_SCOPES)
    assert not unknown, f"add the scope these methods need to METHOD_SCOPES: {unknown}"
    needed = scopes_of(called)
    missing = needed - manifest_scopes()
    assert not missing, f"the app called methods whose scopes the manifest lacks: {missing}"


@pytest.fixture
def rig(make_rig: Any) -> Rig:
    return make_rig()


@pytest.fixture
def postgres_demo(postgres_url: str, demo_dir: Path) -> Iterator[tuple[Engine, str]]:
    """The demo company in a new PostgreSQL database (no forecast run): engine and name."""
    from planning.db import make_engine, upgrade
    from planning.importer import import_files
    from tests.conftest import NOW

    engine = make_engine(postgres_url)
    upgrade(engine)
    import_files(engine, [demo_dir], now=NOW, actor="test")
    yield engine, str(engine.url.database)
    engine.dispose()


__all__ = ["BOT_ID", "BOT_USER", "Rig"]
