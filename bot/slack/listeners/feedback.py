"""Customer feedback: `/ponte feedback` and the message shortcut open the form (at once: the
trigger lasts 3 s), the form sent and a feedback reaction are taken into the work queue,
the product picker's options are answered at once, and the Save / Cancel buttons of a
reaction's proposal are queued like every button."""

from __future__ import annotations

import re
from concurrent.futures import Executor
from typing import Any

from slack_bolt import Ack, App

from bot.blocks.feedback import (
    FEEDBACK_ACTION,
    FEEDBACK_MODAL,
    FEEDBACK_SHORTCUT,
    PRODUCTS,
    TEXT_BLOCK,
    form_values,
)
from bot.render.i18n import t
from bot.slack.handlers import Handlers
from bot.slack.listeners.keys import event_key, trigger_key
from bot.slack.queue import WorkQueue
from planning.errors import PonteError
from planning.feedback.store import MAX_TEXT, checked_text

FORM_ERRORS = {"feedback_too_long": "fb_form.too_long", "feedback_no_words": "fb_form.emoji"}


def register(
    app: App, queue: WorkQueue, handlers: Handlers, work: Executor, emoji: str | None
) -> None:
    """`emoji`: the reaction that proposes saving a message (None: reactions do nothing)."""

    def shortcut(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        work.submit(handlers.feedback_form_open, body)

    def sent(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        values = form_values(view)
        try:
            checked_text(values["text"])
        except PonteError as exc:
            lang = handlers.answerer.language(body["user"]["id"])
            key = FORM_ERRORS.get(exc.code or "", "fb_form.empty")
            ack(response_action="errors", errors={TEXT_BLOCK: t(lang, key, most=MAX_TEXT)})
            return
        queue.take("feedback_form_sent", trigger_key("feedback_form", body),
                   {"user": body["user"]["id"], "values": values})  # fmt: skip
        ack()

    def options(ack: Ack, body: dict[str, Any]) -> None:
        ack(options=handlers.product_choices(str(body.get("value") or "")))

    def reaction(body: dict[str, Any], event: dict[str, Any]) -> None:
        item = event.get("item") or {}
        if emoji and event.get("reaction") == emoji and item.get("type") == "message":
            queue.take("feedback_reaction", event_key(body), body)

    def button(ack: Ack, body: dict[str, Any]) -> None:
        queue.take("feedback_button", trigger_key("feedback_button", body), body)
        ack()

    app.shortcut(FEEDBACK_SHORTCUT)(shortcut)
    app.view(FEEDBACK_MODAL)(sent)
    app.options(PRODUCTS)(options)
    app.event("reaction_added")(reaction)
    app.action(re.compile(rf"^{FEEDBACK_ACTION}_(save|cancel)$"))(button)
