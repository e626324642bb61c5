"""The listeners: thin adapters that record what Slack asks of Ponte and acknowledge it.

Each one runs before Slack gets its acknowledgement (process_before_response is on): it
takes the request into the durable work queue (bot.slack.queue), which records it in the
database and starts it on the answering threads, then acknowledges. The work itself is in
bot.slack.handlers, run from the recorded body: whichever process holds it can do it. A
retry of a request already taken on stops at the queue.

Opening the Ask modal is the one thing done at once, not queued: its trigger expires in
three seconds, and a lost one only means pressing the shortcut again.
"""

from __future__ import annotations

import logging
import re
import uuid
from concurrent.futures import Executor
from typing import Any

from slack_bolt import Ack, App, Assistant
from slack_sdk import WebClient

from bot.blocks.answers import ASK_ACTION, MORE_ACTION, SHARE_ACTION
from bot.render.i18n import t
from bot.slack.answering import Answerer
from bot.slack.queue import WorkQueue
from tools.router import MAX_CHARS

log = logging.getLogger("ponte.slack")
COMMAND = "/ponte"
SHORTCUT = "ponte_ask"
MESSAGE_SHORTCUT = "ponte_ask_message"
MODAL = "ponte_ask_modal"
QUESTION_BLOCK, QUESTION_INPUT = "question", "question_input"


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


def register_listeners(app: App, answerer: Answerer, queue: WorkQueue, work: Executor) -> None:
    register_events(app, queue)
    register_assistant(app, queue)
    register_interactions(app, queue)
    register_shortcuts(app, answerer, queue, work)


def register_events(app: App, queue: WorkQueue) -> None:
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


def register_assistant(app: App, queue: WorkQueue) -> None:
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


def register_interactions(app: App, queue: WorkQueue) -> None:
    def slash(ack: Ack, body: dict[str, Any]) -> None:
        queue.take("command", trigger_key("command", body), body)
        ack()

    def pressed(ack: Ack, body: dict[str, Any]) -> None:
        queue.take("button", trigger_key("button", body), body)
        ack()

    def share(ack: Ack, body: dict[str, Any]) -> None:
        queue.take("share", trigger_key("share", body), body)
        ack()

    app.command(COMMAND)(slash)
    app.action(re.compile(rf"^{ASK_ACTION}_\d+$"))(pressed)
    app.action(MORE_ACTION)(pressed)
    app.action(SHARE_ACTION)(share)


def _modal(lang: str, initial: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": MODAL,
        "title": {"type": "plain_text", "text": t(lang, "ask_title")},
        "submit": {"type": "plain_text", "text": t(lang, "ask_submit")},
        "blocks": [
            {
                "type": "input",
                "block_id": QUESTION_BLOCK,
                "label": {"type": "plain_text", "text": t(lang, "ask_label")},
                "element": {
                    "type": "plain_text_input",
                    "action_id": QUESTION_INPUT,
                    "multiline": True,
                    "max_length": MAX_CHARS,
                    "initial_value": initial[:MAX_CHARS],
                },
            }
        ],
    }


def register_shortcuts(app: App, answerer: Answerer, queue: WorkQueue, work: Executor) -> None:
    """The global shortcut and the message shortcut ("Ask Ponte about this") open a modal
    with the question; the answer arrives in the DM with Ponte."""

    def show_modal(shortcut: dict[str, Any], client: WebClient) -> None:
        user = shortcut["user"]["id"]
        text = (shortcut.get("message") or {}).get("text") or ""
        try:
            client.views_open(trigger_id=shortcut["trigger_id"],
                              view=_modal(answerer.language(user), text))  # fmt: skip
        except Exception:
            log.exception("the Ask modal did not open for %s", user)

    def open_modal(ack: Ack, shortcut: dict[str, Any], client: WebClient) -> None:
        ack()
        work.submit(show_modal, shortcut, client)  # the trigger lasts 3 s: the pool is not full

    def submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        user = body["user"]["id"]
        values = view["state"]["values"].get(QUESTION_BLOCK, {}).get(QUESTION_INPUT, {})
        question = (values.get("value") or "").strip()
        if not question or len(question) > MAX_CHARS:
            lang = answerer.language(user)
            error = t(lang, "ask_too_long", chars=MAX_CHARS) if question else t(lang, "ask_empty")
            ack(response_action="errors", errors={QUESTION_BLOCK: error})
            return
        queue.take("modal", trigger_key("modal", body), {"user": user, "question": question})
        ack()

    app.shortcut(SHORTCUT)(open_modal)
    app.shortcut(MESSAGE_SHORTCUT)(open_modal)
    app.view(MODAL)(submitted)
