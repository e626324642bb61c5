"""The /ponte slash command."""

from __future__ import annotations

from concurrent.futures import Executor
from typing import Any

from slack_bolt import Ack, App

from bot.blocks.quota_requests import REQUEST_MODAL, form_values
from bot.render.i18n import t
from bot.slack.handlers import Handlers
from bot.slack.listeners.keys import trigger_key
from bot.slack.queue import WorkQueue
from bot.slack.slash import opens_feedback_form, opens_request_form
from tools.amounts import QUANTITY, parse_number

COMMAND = "/ponte"


def register(app: App, queue: WorkQueue, handlers: Handlers, work: Executor) -> None:
    """/ponte: recorded, acknowledged, answered privately by the work queue; `/ponte quota
    request` and `/ponte feedback` alone open their forms (a trigger lasts 3 s: opened now,
    not queued)."""

    def slash(ack: Ack, body: dict[str, Any]) -> None:
        if opens_request_form(body.get("text", "")):
            ack()
            work.submit(handlers.request_form, body)
            return
        if opens_feedback_form(body.get("text", "")):
            ack()
            work.submit(handlers.feedback_form_open, body)
            return
        queue.take("command", trigger_key("command", body), body)
        ack()

    def form_sent(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        values = form_values(view)
        found = QUANTITY.fullmatch(values["target"].replace(" ", ""))
        if found is None:
            lang = handlers.answerer.language(body["user"]["id"])
            ack(response_action="errors", errors={"target": t(lang, "qr_form.bad_target")})
            return
        values["target"] = parse_number(found.group(1), found.group(2))
        queue.take("quota_request_form", trigger_key("quota_form", body),
                   {"user": body["user"]["id"], "team": (body.get("team") or {}).get("id"),
                    "values": values})  # fmt: skip
        ack()

    app.command(COMMAND)(slash)
    app.view(REQUEST_MODAL)(form_sent)
