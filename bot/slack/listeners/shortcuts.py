"""The Ask shortcuts and their modal.

Opening the modal is the one thing done at once, not queued: its trigger expires in three
seconds, and a lost one only means pressing the shortcut again."""

from __future__ import annotations

import logging
from concurrent.futures import Executor
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.render.i18n import t
from bot.slack.answering import Answerer
from bot.slack.listeners.keys import trigger_key
from bot.slack.queue import WorkQueue
from tools.router import MAX_CHARS

log = logging.getLogger("ponte.slack")
SHORTCUT = "ponte_ask"
MESSAGE_SHORTCUT = "ponte_ask_message"
MODAL = "ponte_ask_modal"
QUESTION_BLOCK, QUESTION_INPUT = "question", "question_input"


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


def register(app: App, answerer: Answerer, queue: WorkQueue, work: Executor) -> None:
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
