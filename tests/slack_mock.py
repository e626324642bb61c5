"""A local stand-in for Slack's Web API: a threaded HTTP server that records every call.

Web API methods arrive at /api/<method> (form-encoded or JSON, as slack_sdk sends them),
slash-command and button replies at /respond/<n> (a response_url), file bytes at /upload/<id>.
It can answer the next call of a method with a failure (429 with Retry-After, a 500, or an
`ok: false` error), to test what Ponte does then.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

BOT_USER = "UPONTEBOT"
BOT_ID = "BPONTE"
TEAM = "T0PONTE"


@dataclass
class Call:
    method: str  # a Web API method, or "response_url", or "upload"
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)

    def blocks(self) -> list[dict[str, Any]]:
        value = self.params.get("blocks") or []
        return json.loads(value) if isinstance(value, str) else value

    def view(self) -> dict[str, Any]:
        value = self.params.get("view") or {}
        return json.loads(value) if isinstance(value, str) else value


@dataclass
class Failure:
    status: int = 200
    body: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


def refused_twice() -> tuple[Failure, Failure]:
    """Slack refusing a call twice before answering it: rate-limited (retry after a
    second), then an internal error."""
    return (
        Failure(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}),
        Failure(500, {"ok": False, "error": "internal_error"}),
    )


class MockSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.messages: dict[tuple[str, str], dict[str, Any]] = {}  # as Slack keeps them
        self.failures: dict[str, list[Failure | None]] = {}
        self.attempts: dict[str, int] = {}
        self.watchers: list[Callable[[Call], None]] = []  # told of every call as it lands
        self._lock = threading.Condition()
        self._ts = itertools.count(1)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def start(self) -> MockSlack:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self.messages.clear()
            self.failures.clear()
            self.attempts.clear()

    def fail(self, method: str, *failures: Failure | None) -> None:
        """Answer the next calls of `method` with these failures, in order, then normally
        (None: that call is answered normally)."""
        with self._lock:
            self.failures.setdefault(method, []).extend(failures)

    def of(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def methods(self, *, ignore: tuple[str, ...] = ("auth.test",)) -> list[str]:
        with self._lock:
            return [c.method for c in self.calls if c.method not in ignore]

    def wait_for(self, method: str, count: int = 1, timeout: float = 20.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        with self._lock:
            while len([c for c in self.calls if c.method == method]) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [c.method for c in self.calls]
                    raise AssertionError(f"{count} × {method} not called in {timeout}s: {seen}")
                self._lock.wait(left)
            return [c for c in self.calls if c.method == method]

    def settle(self, quiet: float = 0.4, timeout: float = 20.0) -> list[str]:
        """Wait until no call has arrived for `quiet` seconds; the methods called so far."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                last = self.calls[-1].at if self.calls else 0.0
            if time.monotonic() - last >= quiet:
                break
            time.sleep(quiet / 4)
        return self.methods()

    # -- the server side ----------------------------------------------------------------------

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        ts = f"1764230000.{next(self._ts):06d}"
        if method == "auth.test":
            return {"ok": True, "user_id": BOT_USER, "bot_id": BOT_ID, "team_id": TEAM,
                    "user": "ponte", "team": "Ponte"}  # fmt: skip
        if method == "chat.postMessage":
            channel = str(params.get("channel"))
            if channel.startswith(("U", "W")):  # posting to a person: their DM with the app
                channel = "D" + channel[1:]
            self.messages[(channel, ts)] = {"ts": ts, "text": params.get("text"),
                                            "thread_ts": params.get("thread_ts"),
                                            "metadata": _json(params.get("metadata"))}  # fmt: skip
            return {"ok": True, "channel": channel, "ts": ts,
                    "message": {"text": params.get("text"), "ts": ts}}  # fmt: skip
        if method == "chat.update":
            if str(params.get("channel")).startswith(("U", "W")):  # as Slack: ids only
                return {"ok": False, "error": "channel_not_found"}
            found = self.messages.get((str(params.get("channel")), str(params.get("ts"))))
            if found is not None:
                found.update(text=params.get("text"), metadata=_json(params.get("metadata")))
            return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts")}
        if method in ("conversations.replies", "conversations.history"):
            channel, thread = str(params.get("channel")), params.get("ts")
            shown = [
                dict(m) for (c, _), m in sorted(self.messages.items())
                if c == channel and (m["thread_ts"] == thread or m["ts"] == thread
                                     if method == "conversations.replies"
                                     else not m["thread_ts"])
            ]  # fmt: skip
            return {"ok": True, "messages": shown}
        if method == "chat.getPermalink":
            channel, at = params.get("channel"), str(params.get("message_ts")).replace(".", "")
            link = f"https://ponte-test.slack.com/archives/{channel}/p{at}"
            return {"ok": True, "channel": channel, "permalink": link}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ts):06d}"
            return {"ok": True, "upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = params.get("files")
            files = json.loads(files) if isinstance(files, str) else files or []
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]}
        if method in ("views.publish", "views.open"):
            view = params.get("view")
            return {"ok": True, "view": json.loads(view) if isinstance(view, str) else view}
        if method == "apps.connections.open":
            return {"ok": False, "error": "invalid_auth"}
        return {"ok": True}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        mock = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length)
                path = self.path.split("?")[0]
                if path.startswith("/api/"):
                    method = path[len("/api/") :]
                elif path.startswith("/respond/"):
                    method = "response_url"
                elif path.startswith("/upload/"):
                    method = "upload"
                else:
                    self._send(404, {"ok": False, "error": "unknown_path"})
                    return
                params = self._params(raw, method)
                with mock._lock:
                    mock.attempts[method] = mock.attempts.get(method, 0) + 1
                    queued = mock.failures.get(method)
                    failure = queued.pop(0) if queued else None
                if failure is not None:
                    self._send(failure.status, failure.body, failure.headers)
                    return
                body = {"ok": True} if method in ("response_url", "upload") else None
                answer = body or mock._answer(method, params)
                call = Call(method, params)
                with mock._lock:
                    mock.calls.append(call)
                    mock._lock.notify_all()
                for watcher in mock.watchers:
                    watcher(call)
                self._send(200, answer)

            def _params(self, raw: bytes, method: str) -> dict[str, Any]:
                kind = self.headers.get("content-type", "")
                if method == "upload":
                    return {"bytes": len(raw), "png": raw[:8] == b"\x89PNG\r\n\x1a\n"}
                if "json" in kind:
                    return json.loads(raw or b"{}")
                return {k: v[0] for k, v in urllib.parse.parse_qs(raw.decode()).items()}

            def _send(
                self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _json(value: Any) -> Any:
    """A parameter slack_sdk sent as JSON text in a form, as the object it is."""
    return json.loads(value) if isinstance(value, str) and value.startswith("{") else value
