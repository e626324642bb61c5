"""The app manifest asks for exactly what the code uses."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.blocks.feedback import FEEDBACK_SHORTCUT
from bot.slack.listeners import COMMAND, MESSAGE_SHORTCUT, MODAL, SHORTCUT
from tests.bot.slack.conftest import MANIFEST, METHOD_SCOPES, manifest_scopes, scopes_of

# The bot scope each event subscription needs.
EVENT_SCOPES: dict[str, str | None] = {
    "app_home_opened": None,
    "app_mention": "app_mentions:read",
    "assistant_thread_started": "assistant:write",
    "assistant_thread_context_changed": "assistant:write",
    "message.im": "im:history",
    "reaction_added": "reactions:read",
}
BOT_CODE = Path(__file__).parents[3] / "bot"


def manifest() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(MANIFEST.read_text())


def web_api_methods_in_code() -> set[str]:
    """Web API methods the bot code calls through a WebClient (client.chat_postMessage...)."""
    source = "\n".join(p.read_text() for p in BOT_CODE.rglob("*.py"))
    called = set(re.findall(r"client\.([a-z]+_[A-Za-z0-9_]+)\(", source))
    return {name.replace("_", ".") if name != "files_upload_v2" else name for name in called}


def test_every_scope_in_the_manifest_is_needed_and_every_needed_one_is_there() -> None:
    events = manifest()["settings"]["event_subscriptions"]["bot_events"]
    assert set(events) == set(EVENT_SCOPES)
    methods = web_api_methods_in_code()
    if "files_upload_v2" in methods:  # slack_sdk's upload: two Web API calls around the bytes
        methods -= {"files_upload_v2"}
        methods |= {"files.getUploadURLExternal", "files.completeUploadExternal"}
    methods |= {"auth.test"}  # called by bolt: who am I
    assert methods <= set(METHOD_SCOPES), methods - set(METHOD_SCOPES)
    needed = scopes_of(methods) | {s for e in events if (s := EVENT_SCOPES[e])}
    needed |= {"commands"}  # the slash command and the shortcuts
    assert manifest_scopes() == needed


def test_the_manifest_declares_the_command_shortcuts_and_app_home_the_code_handles() -> None:
    features = manifest()["features"]
    assert [c["command"] for c in features["slash_commands"]] == [COMMAND]
    assert {s["callback_id"]: s["type"] for s in features["shortcuts"]} == {
        SHORTCUT: "global",
        MESSAGE_SHORTCUT: "message",
        FEEDBACK_SHORTCUT: "message",
    }
    assert features["app_home"]["home_tab_enabled"] is True
    assert features["app_home"]["messages_tab_enabled"] is True
    assert "assistant_view" in features
    assert manifest()["settings"]["interactivity"]["is_enabled"] is True
    assert MODAL  # the modal is opened by the code, not declared
