"""Buttons pressed on Ponte's answers, alerts and quota requests; the quota decision modal."""

from __future__ import annotations

import re
from concurrent.futures import Executor
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.blocks.alerts import ALERT_ACTION
from bot.blocks.answers import ASK_ACTION, MORE_ACTION, SHARE_ACTION
from bot.blocks.quota_requests import DECISION_MODAL, QUOTA_ACTION
from bot.slack.handlers import Handlers
from bot.slack.listeners.keys import trigger_key
from bot.slack.queue import WorkQueue


def register(app: App, queue: WorkQueue, handlers: Handlers, work: Executor) -> None:
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

    def quota(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        action = (body.get("actions") or [{}])[0].get("action_id", "")
        ack()
        if action.endswith(("_reject", "_changes")):
            # A modal for the reason: its trigger lasts 3 s, so it opens now, not queued.
            work.submit(handlers.reason_modal, body)
            return
        queue.take("quota_action", trigger_key("quota", body), body)

    def reason_given(ack: Ack, body: dict[str, Any]) -> None:
        queue.take("quota_decision", trigger_key("quota_decision", body), body)
        ack()

    app.action(re.compile(rf"^{ASK_ACTION}_\d+$"))(pressed)
    app.action(re.compile(rf"^{QUOTA_ACTION}_(approve|reject|changes|history)$"))(quota)
    app.view(DECISION_MODAL)(reason_given)
    app.action(re.compile(rf"^{ALERT_ACTION}_[a-z0-9_]+$"))(alert)
    app.action(MORE_ACTION)(pressed)
    app.action(SHARE_ACTION)(share)
