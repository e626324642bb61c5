"""What every listener shares: which events are a person's, and the key that makes each
request's record unique (Slack's retries carry the same one)."""

from __future__ import annotations

import uuid
from typing import Any


def from_a_person(event: dict[str, Any]) -> bool:
    """A person's own new message (with or without a file): not a bot's (ours or another's),
    not an edit or a join."""
    subtype = event.get("subtype")
    return event.get("bot_id") is None and subtype in (None, "file_share") and "user" in event


def is_dm(event: dict[str, Any]) -> bool:
    return event.get("channel_type") == "im" and event.get("thread_ts") is None


def event_key(body: dict[str, Any]) -> str:
    """Slack's own id for an event: its retries carry the same one."""
    return str(body.get("event_id") or f"event:{uuid.uuid4().hex}")


def trigger_key(kind: str, body: dict[str, Any]) -> str:
    """A command, a button press or a modal submission: one each (Slack does not retry them)."""
    return f"{kind}:{body.get('trigger_id') or uuid.uuid4().hex}"
