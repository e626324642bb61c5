"""The /ponte slash command."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.slack.listeners.keys import trigger_key
from bot.slack.queue import WorkQueue

COMMAND = "/ponte"


def register(app: App, queue: WorkQueue) -> None:
    """/ponte: recorded, acknowledged, answered privately by the work queue."""

    def slash(ack: Ack, body: dict[str, Any]) -> None:
        queue.take("command", trigger_key("command", body), body)
        ack()

    app.command(COMMAND)(slash)
