"""Buttons pressed on Ponte's answers."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App

from bot.blocks.alerts import ALERT_ACTION
from bot.blocks.answers import ASK_ACTION, MORE_ACTION, SHARE_ACTION
from bot.slack.listeners.keys import trigger_key
from bot.slack.queue import WorkQueue


def register(app: App, queue: WorkQueue) -> None:
    """Buttons on answers: a choice or a follow-up question, More, Share; and the controls
    on alert messages (Acknowledge, Snooze, Assign, Why?)."""

    def pressed(ack: Ack, body: dict[str, Any]) -> None:
        queue.take("button", trigger_key("button", body), body)
        ack()

    def share(ack: Ack, body: dict[str, Any]) -> None:
        queue.take("share", trigger_key("share", body), body)
        ack()

    def alert(ack: Ack, body: dict[str, Any]) -> None:
        queue.take("alert_action", trigger_key("alert", body), body)
        ack()

    app.action(re.compile(rf"^{ASK_ACTION}_\d+$"))(pressed)
    app.action(re.compile(rf"^{ALERT_ACTION}_[a-z0-9_]+$"))(alert)
    app.action(MORE_ACTION)(pressed)
    app.action(SHARE_ACTION)(share)
