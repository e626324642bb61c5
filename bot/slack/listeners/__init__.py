"""The listeners: thin adapters that record what Slack asks of Ponte and acknowledge it.

Each one runs before Slack gets its acknowledgement (process_before_response is on): it
takes the request into the durable work queue (bot.slack.queue), which records it in the
database and starts it on the answering threads, then acknowledges. The work itself is in
bot.slack.handlers, run from the recorded body: whichever process holds it can do it. A
retry of a request already taken on stops at the queue.

One module per kind (events, the assistant, commands, actions, shortcuts, feedback), each
with its `register`.
"""

from __future__ import annotations

from concurrent.futures import Executor

from slack_bolt import App

from bot.slack.answering import Answerer
from bot.slack.handlers import Handlers
from bot.slack.listeners import actions, assistant, commands, events, feedback, shortcuts
from bot.slack.listeners.commands import COMMAND
from bot.slack.listeners.shortcuts import MESSAGE_SHORTCUT, MODAL, SHORTCUT
from bot.slack.queue import WorkQueue

__all__ = ["COMMAND", "MESSAGE_SHORTCUT", "MODAL", "SHORTCUT", "register_listeners"]


def register_listeners(
    app: App,
    answerer: Answerer,
    queue: WorkQueue,
    work: Executor,
    handlers: Handlers,
    *,
    feedback_emoji: str | None = None,
) -> None:
    events.register(app, queue)
    assistant.register(app, queue)
    commands.register(app, queue, handlers, work)
    actions.register(app, queue, handlers, work)
    shortcuts.register(app, answerer, queue, work)
    feedback.register(app, queue, handlers, work, feedback_emoji)
