"""HTTP mode served for real (uvicorn on loopback), and `ponte run` choosing its mode."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import Engine

from tests.bot.slack.conftest import SECRET, Rig, free_port, serving
from tests.conftest import DEMO_TODAY
from tests.slack_mock import MockSlack


def request(url: str, body: bytes | None = None, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    req = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def signed(body: str, secret: str = SECRET) -> dict[str, str]:
    stamp = str(int(time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    return {"content-type": "application/json", "x-slack-request-timestamp": stamp,
            "x-slack-signature": signature}  # fmt: skip


@pytest.fixture
def served(rig: Rig) -> Iterator[tuple[Rig, str]]:
    with serving(rig) as url:
        yield rig, url


def test_http_mode_answers_health_checks_and_signed_events(served: tuple[Rig, str]) -> None:
    rig, url = served
    assert request(f"{url}/health") == (200, '{"ok": true}')
    body = rig.event_body({"type": "app_mention", "user": "U01WALKER", "channel": "C0SALES",
                           "text": "<@UPONTEBOT> stock PAD-28", "ts": "1764230009.1"})  # fmt: skip
    started = time.monotonic()
    status, _ = request(f"{url}/slack/events", body.encode(), signed(body))
    assert status == 200 and time.monotonic() - started < 3  # inside Slack's window
    [answer] = rig.mock.wait_for("chat.postMessage")
    assert answer.params["thread_ts"] == "1764230009.1"
    bad = request(f"{url}/slack/events", body.encode(), signed(body, secret="wrong"))
    assert bad[0] == 401
    assert request(f"{url}/elsewhere")[0] == 404
    assert rig.calls() == ["chat.postMessage"]


MALFORMED: list[tuple[str, bytes, str]] = [
    ("bad JSON", b'{"type": "event_callback", "event": {', "application/json"),
    (
        "a form whose payload is not JSON",
        b"payload=%7Bnot+json",
        "application/x-www-form-urlencoded",
    ),
    ("bytes that are not UTF-8", b'{"text": "caf\xe9"}', "application/json"),
    ("JSON that is not an object", b"[]", "application/json"),
    ("JSON null", b"null", "application/json"),
    ("a form whose payload is a list", b"payload=%5B%5D", "application/x-www-form-urlencoded"),
    ("nesting deeper than Python can read", b"[" * 100_000, "application/json"),
    (
        "an event that is not an object",
        b'{"type": "event_callback", "event": []}',
        "application/json",
    ),
]


@pytest.mark.parametrize(("body", "kind"), [pytest.param(b, k, id=n) for n, b, k in MALFORMED])
def test_a_malformed_request_is_refused_with_one_log_line_and_no_traceback(
    served: tuple[Rig, str], caplog: pytest.LogCaptureFixture, body: bytes, kind: str
) -> None:
    rig, url = served
    stamp = str(int(time.time()))
    unsigned = {"content-type": kind, "x-slack-request-timestamp": stamp,
                "x-slack-signature": "v0=" + "0" * 64}  # fmt: skip
    garbage_stamp = {**unsigned, "x-slack-request-timestamp": "soon"}
    base = b"v0:" + stamp.encode() + b":" + body  # signed as bytes, as Slack would
    signature = "v0=" + hmac.new(SECRET.encode(), base, hashlib.sha256).hexdigest()
    with caplog.at_level(logging.INFO):
        # Not Slack's: 401 whatever the body holds, before anything reads it.
        assert request(f"{url}/slack/events", body, unsigned)[0] == 401
        assert request(f"{url}/slack/events", body, garbage_stamp)[0] == 401
        assert request(f"{url}/slack/events", body, {"content-type": kind})[0] == 401
        # Slack's signature on a body Ponte cannot read: 400.
        signed_headers = {**unsigned, "x-slack-signature": signature}
        assert request(f"{url}/slack/events", body, signed_headers)[0] == 400
    lines = [r for r in caplog.records if r.name.startswith(("ponte", "uvicorn", "slack_bolt"))]
    assert [r.levelname for r in lines] == ["INFO", "INFO", "INFO", "WARNING"]
    assert not any(r.exc_info for r in caplog.records)  # no traceback for anyone to flood
    assert rig.calls() == []  # nothing was answered or changed


JOBS_OFF = '[jobs]\nforecast_refresh = "off"\nalert_scan = "off"\nalert_digest = "off"\n'


def run_ponte(env: dict[str, str], tmp_path: Path, demo_engine: Engine) -> subprocess.Popen[str]:
    database = tmp_path / "ponte.db"
    assert demo_engine.url.database is not None
    shutil.copy(demo_engine.url.database, database)
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PONTE_"))}
    clean.update({"DATABASE_URL": f"sqlite:///{database}", "PONTE_TODAY": DEMO_TODAY.isoformat(),
                  "SLACK_BOT_TOKEN": "xoxb-test", **env})  # fmt: skip
    (tmp_path / "ponte-alerts.toml").write_text(JOBS_OFF)  # no cron minute inside the test
    command = [sys.executable, "-m", "bot.cli", "run"]
    return subprocess.Popen(command, cwd=tmp_path, env=clean, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)  # fmt: skip


def test_ponte_run_serves_http_mode_when_a_signing_secret_is_set(
    mock_slack: MockSlack, tmp_path: Path, demo_engine: Engine
) -> None:
    port = free_port()
    env = {"SLACK_SIGNING_SECRET": SECRET, "PORT": str(port), "SLACK_API_URL": mock_slack.api_url}
    process = run_ponte(env, tmp_path, demo_engine)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("Slack HTTP mode (SLACK_SIGNING_SECRET) as ponte in Ponte: ")
        assert f"listening on port {port}, requests at /slack/events" in line
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                assert request(f"http://127.0.0.1:{port}/health") == (200, '{"ok": true}')
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        else:
            pytest.fail("ponte run never answered /health")
    finally:
        process.terminate()
        process.wait(10)


def test_ponte_run_uses_socket_mode_when_an_app_token_is_set(
    mock_slack: MockSlack, tmp_path: Path, demo_engine: Engine
) -> None:
    mock_slack.reset()
    env = {"SLACK_APP_TOKEN": "xapp-test", "SLACK_API_URL": mock_slack.api_url}
    process = run_ponte(env, tmp_path, demo_engine)
    try:
        output, _ = process.communicate(timeout=60)
    finally:
        process.kill()
    lines = output.splitlines()
    assert lines[0] == "Slack Socket Mode (SLACK_APP_TOKEN): connecting to Slack as ponte in Ponte."
    # The mock, like Slack with a revoked token, refuses to open a socket: one clear line.
    assert lines[-1].startswith("Error: Slack refused SLACK_APP_TOKEN (invalid_auth)")
    assert process.returncode == 1
    assert mock_slack.of("apps.connections.open")  # asked our mock, not slack.com


def test_ponte_run_with_a_revoked_bot_token_says_so(
    mock_slack: MockSlack, tmp_path: Path, demo_engine: Engine
) -> None:
    from tests.slack_mock import Failure

    mock_slack.reset()
    mock_slack.fail("auth.test", Failure(body={"ok": False, "error": "token_revoked"}))
    env = {"SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": mock_slack.api_url}
    output, _ = run_ponte(env, tmp_path, demo_engine).communicate(timeout=60)
    assert output.splitlines()[-1].startswith(
        "Error: Slack refused SLACK_BOT_TOKEN (token_revoked)"
    )


def test_a_forged_signature_or_an_oversized_body_is_refused_without_a_traceback(
    served: tuple[Rig, str], caplog: pytest.LogCaptureFixture
) -> None:
    rig, url = served
    stamp = str(int(time.time()))
    with caplog.at_level(logging.INFO):
        odd = {"content-type": "application/json", "x-slack-request-timestamp": stamp,
               "x-slack-signature": "v0=\xe9\xe9"}  # not ASCII  # fmt: skip
        assert request(f"{url}/slack/events", b"{}", odd)[0] == 401
        big = b'{"text": "' + b"x" * (2 << 20) + b'"}'  # twice what Slack ever sends
        assert request(f"{url}/slack/events", big, signed(big.decode()))[0] == 413
    assert not any(r.exc_info for r in caplog.records)
    assert rig.calls() == []
