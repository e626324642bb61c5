"""Slack's AI-app threads."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, Assistant

from bot.slack.listeners.keys import event_key
from bot.slack.queue import WorkQueue


def register(app: App, queue: WorkQueue) -> None:
    """Slack's AI-app threads: a greeting and suggested prompts when a thread opens, the
    answer in the thread. (bolt routes every DM reply in a thread here.)"""
    assistant = Assistant()

    def started(body: dict[str, Any]) -> None:
        queue.take("greeting", event_key(body), body)

    def context_changed() -> None:
        """Ponte does not read the channel the user is looking at: nothing to store."""

    def message(body: dict[str, Any]) -> None:
        queue.take("assistant_message", event_key(body), body)

    assistant.thread_started(started)
    assistant.thread_context_changed(context_changed)
    assistant.user_message(message)
    app.use(assistant)
