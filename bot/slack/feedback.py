"""The feedback work: the form opened and sent, a message saved with the shortcut, a reaction
proposed and saved with its button. Thin: each reads the payload, calls the
record_feedback ability for the verified user, and shows its card in the person's DM.

Every capture is confirmed by the person: the form by its Save, a reaction by the Save
button under the proposal Ponte sends. A message saved twice (the shortcut, then a
reaction) stays one record: the second save is told which record it already is."""

from __future__ import annotations

import dataclasses
import logging
import re
from typing import TYPE_CHECKING, Any

from slack_sdk.errors import SlackApiError

from bot.blocks.feedback import (
    PRODUCTS,
    feedback_form,
    message_of,
    product_options,
    reaction_buttons,
)
from bot.render.i18n import t
from bot.slack.answering import MessageReply
from planning.errors import PonteError
from tools.assistant import Outcome, call, unknown_user
from tools.feedback_abilities import reading_of
from tools.text import fold

if TYPE_CHECKING:
    from slack_sdk import WebClient

    from bot.slack.answering import Answerer

log = logging.getLogger("ponte.slack")
CANNOT_READ = ("not_in_channel", "channel_not_found", "missing_scope", "access_denied")


class FeedbackWork:
    """Mixed into bot.slack.handlers.Handlers: the feedback kinds of recorded work."""

    answerer: Answerer
    client: WebClient

    def feedback_form_open(self, body: dict[str, Any]) -> None:
        """`/ponte feedback`, or the message shortcut: the form (from a message, filled
        with it and what Ponte reads in it). Opened at once: its trigger lasts 3 s."""
        user = (body.get("user") or {}).get("id") or body.get("user_id") or ""
        lang = self.answerer.language(user)
        message = body.get("message") or {}
        try:
            if message and _from_an_app(message):
                self.client.chat_postMessage(channel=user, text=t(lang, "fb_msg.from_bot"))
                return
            view = self._filled_form(lang, user, message, body) if message else feedback_form(lang)
            self.client.views_open(trigger_id=body["trigger_id"], view=view)
        except Exception:
            log.exception("the feedback form did not open for %s", user)

    def _filled_form(
        self, lang: str, user: str, message: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        text = message.get("text") or ""
        channel = (body.get("channel") or {}).get("id")
        clock, assistant = self.answerer.services.clock, self.answerer.services.assistant
        try:
            ctx = assistant.context(user, today=clock.today(), now=clock.now())
        except PonteError:
            return feedback_form(lang, text=text)
        links = reading_of(ctx).linker.find(text)
        names = ctx.index.names
        return feedback_form(
            lang,
            text=text,
            customer=links.customer,
            products=[(sku, names.get(sku, sku)) for sku in links.products],
            channel=channel,
            message_ts=message.get("ts") or body.get("message_ts"),
        )

    def product_choices(self, query: str) -> list[dict[str, Any]]:
        """The product picker's options for what the person typed: codes, then names."""
        index = self.answerer.services.assistant.index()
        typed = fold(query).strip()
        words = [w for w in re.split(r"[\s,]+", typed) if w]
        found = []
        for sku, name in sorted(index.names.items()):
            code, label = fold(sku), fold(name)
            if code.startswith(typed) or all(w in label or w in code for w in words):
                found.append((0 if code.startswith(typed) else 1, sku, name))
        found.sort()
        return product_options([(sku, name) for _, sku, name in found])

    def feedback_form_sent(self, payload: dict[str, Any]) -> None:
        """The form saved: the record (or the one the message already is) in the DM."""
        user, values = payload["user"], payload["values"]
        channel, ts = values.get("channel"), values.get("ts")
        args = {k: values[k] for k in ("text", "customer", "products", "sentiment") if values[k]}
        source = "shortcut" if channel and ts else "modal"
        self._save(user, args, source=source, channel=channel, message_ts=ts)

    def feedback_reaction(self, body: dict[str, Any]) -> None:
        """The feedback emoji on a message: what Ponte would save, with Save and Cancel, in
        the reactor's DM; a message Ponte cannot read or that is gone is said so."""
        event = body["event"]
        user, item = event["user"], event.get("item") or {}
        channel, ts = item.get("channel"), item.get("ts")
        lang = self.answerer.language(user)
        message, problem = self._message(channel, ts)
        if message is None or not channel or not ts:
            self._tell(user, t(lang, problem or "fb_msg.gone"))
            return
        if _from_an_app(message):
            self._tell(user, t(lang, "fb_msg.from_bot"))
            return
        outcome = self._record(user, {"text": message.get("text") or ""}, source="reaction",
                               channel=channel, message_ts=ts, preview=True)  # fmt: skip
        if outcome.kind != "answer" or outcome.result.duplicate:  # refused, or saved before
            self._show(user, outcome)
            return
        from bot.blocks.answers import blocks, fallback_text
        from bot.render.cards import card_for

        shown = card_for(outcome.result, outcome.language)
        shown = dataclasses.replace(shown, headline=t(lang, "fb_msg.reacted"))
        self.client.chat_postMessage(
            channel=user,
            text=fallback_text(shown),
            blocks=[*blocks(shown), reaction_buttons(lang, channel=channel, message_ts=ts)],
        )

    def feedback_button(self, body: dict[str, Any]) -> None:
        """Save or Cancel under a reaction's proposal: the message is read again and saved
        once, however often Save is pressed."""
        user = body["user"]["id"]
        action = (body.get("actions") or [{}])[0]
        lang = self.answerer.language(user)
        named = message_of(action.get("value"))
        container = body.get("container") or {}
        if named is None:
            self._tell(user, t(lang, "stale_button"))
            return
        if action.get("action_id", "").endswith("_cancel"):
            self._replace(container, t(lang, "fb_msg.cancelled"))
            return
        channel, ts = named
        message, problem = self._message(channel, ts)
        if message is None:
            self._replace(container, t(lang, problem or "fb_msg.gone"))
            return
        outcome = self._record(user, {"text": message.get("text") or ""}, source="reaction",
                               channel=channel, message_ts=ts)  # fmt: skip
        if outcome.kind == "answer":  # the proposal's buttons go: saved (or saved before)
            from bot.render.cards import card

            self._replace(container, card(outcome).headline)
        self._show(user, outcome)

    # -- helpers ----------------------------------------------------------------------------

    def _save(self, user: str, args: dict[str, Any], **where: Any) -> None:
        self._show(user, self._record(user, args, **where))

    def _record(
        self,
        user: str,
        args: dict[str, Any],
        *,
        source: str,
        channel: str | None = None,
        message_ts: str | None = None,
        preview: bool = False,
    ) -> Outcome:
        services = self.answerer.services
        clock = services.clock
        try:
            ctx = services.assistant.context(user, today=clock.today(), now=clock.now())
        except PonteError as exc:
            return unknown_user(exc, "en")
        ctx = dataclasses.replace(
            ctx, source=source, channel=channel, message_ts=message_ts,
            permalink=self._permalink(channel, message_ts) if not preview else None,
        )  # fmt: skip
        return call(ctx, "record_feedback", args, language=ctx.language, preview=preview)

    def _permalink(self, channel: str | None, ts: str | None) -> str | None:
        if not channel or not ts:
            return None
        try:
            link = self.client.chat_getPermalink(channel=channel, message_ts=ts).get("permalink")
        except SlackApiError as exc:
            log.info("no permalink for %s %s: %s", channel, ts, exc.response.get("error"))
            return None
        return str(link) if link else None

    def _message(
        self, channel: str | None, ts: str | None
    ) -> tuple[dict[str, Any] | None, str | None]:
        """The message at (channel, ts), or why not: the i18n key of the problem."""
        if not channel or not ts:
            return None, "fb_msg.gone"
        try:
            found = (
                self.client.conversations_history(
                    channel=channel, latest=ts, oldest=ts, inclusive=True, limit=1
                ).get("messages")
                or []
            )
            if not found:  # a reply in a thread is not in the channel's history
                replies = self.client.conversations_replies(channel=channel, ts=ts, limit=1)
                found = [m for m in replies.get("messages") or [] if m.get("ts") == ts]
        except SlackApiError as exc:
            error = exc.response.get("error")
            if error in CANNOT_READ:
                return None, "fb_msg.cannot_read"
            if error in ("thread_not_found", "message_not_found"):
                return None, "fb_msg.gone"
            raise
        message = next((m for m in found if m.get("ts") == ts), None)
        if message is None or message.get("subtype") == "tombstone":
            return None, "fb_msg.gone"
        return message, None

    def _show(self, user: str, outcome: Outcome) -> None:
        self.answerer.show(MessageReply(self.client, user), outcome, shareable=False)

    def _tell(self, user: str, text: str) -> None:
        self.client.chat_postMessage(channel=user, text=text)

    def _replace(self, container: dict[str, Any], text: str) -> None:
        channel, ts = container.get("channel_id"), container.get("message_ts")
        if channel and ts:
            self.client.chat_update(channel=channel, ts=ts, text=text, blocks=[])


def _from_an_app(message: dict[str, Any]) -> bool:
    return bool(message.get("bot_id") or message.get("subtype") == "bot_message")


__all__ = ["PRODUCTS", "FeedbackWork"]
