"""Events: mentions, DMs and the App Home opening, taken into the work queue."""

from __future__ import annotations

from typing import Any

from slack_bolt import App

from bot.slack.listeners.keys import event_key, from_a_person, is_dm
from bot.slack.queue import WorkQueue


def register(app: App, queue: WorkQueue) -> None:
    def mention(body: dict[str, Any]) -> None:
        queue.take("mention", event_key(body), body)

    def direct_message(body: dict[str, Any]) -> None:
        queue.take("dm", event_key(body), body)

    def home_opened(body: dict[str, Any], event: dict[str, Any]) -> None:
        if event.get("tab", "home") == "home":  # the Messages tab opening asks for nothing
            queue.take("home", event_key(body), body)

    def ignore() -> None:
        """Channel chatter, edits, joins and bots' messages: acknowledged, not answered."""

    app.event("app_mention", matchers=[from_a_person])(mention)
    app.event("message", matchers=[from_a_person, is_dm])(direct_message)
    app.event("message")(ignore)
    app.event("app_home_opened")(home_opened)
