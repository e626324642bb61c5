"""The listeners: thin adapters from Slack payloads to the assistant and back.

Each acknowledges at once (events are acknowledged by bolt before the listener runs, since
process_before_response is off) and hands its work to the answering threads. Every event is
taken on once (`Answerer.once`): a retried delivery stops there, and a database too busy or
down to record it delays or stops no one's answer.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

from slack_bolt import Ack, App, Assistant, BoltContext, Respond, Say, SetStatus
from slack_bolt.context.set_suggested_prompts import SetSuggestedPrompts
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot.blocks.answers import (
    ASK_ACTION,
    MORE_ACTION,
    SHARE_ACTION,
    blocks,
    escape,
    fallback_text,
)
from bot.blocks.home import home_view
from bot.render.cards import card
from bot.render.i18n import ability, example, t
from bot.settings import Settings
from bot.slack.answering import Answerer, MessageReply, PrivateReply, Reply
from bot.slack.app import ExactlyOnce, SlackServices
from bot.slack.home import home_for
from bot.slack.slash import slash_request
from planning.access import ABILITIES, identify
from planning.errors import PonteError
from planning.events import first_delivery, forget_event
from tools.assistant import unknown_user
from tools.router import MAX_CHARS

log = logging.getLogger("ponte.slack")
COMMAND = "/ponte"
SHORTCUT = "ponte_ask"
MESSAGE_SHORTCUT = "ponte_ask_message"
MODAL = "ponte_ask_modal"
QUESTION_BLOCK, QUESTION_INPUT = "question", "question_input"
MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")


def from_a_person(event: dict[str, Any]) -> bool:
    """A person's own new message (with or without a file): not a bot's (ours or another's),
    not an edit or a join."""
    subtype = event.get("subtype")
    return event.get("bot_id") is None and subtype in (None, "file_share") and "user" in event


def is_dm(event: dict[str, Any]) -> bool:
    return event.get("channel_type") == "im" and event.get("thread_ts") is None


def dm_key(user: str) -> tuple[str, ...]:
    """The conversation of a person's DM with Ponte, however they reached it (the Messages
    tab, a modal, a Home tab button)."""
    return ("dm", user)


def without_mention(text: str, bot_user_id: str | None) -> str:
    """The message without the mention of Ponte that addressed it."""
    return " ".join(
        MENTION.sub(lambda m: "" if m.group(1) == bot_user_id else m.group(0), text).split()
    )


Later = Callable[..., None]


def register_listeners(
    app: App, services: SlackServices, settings: Settings, work: Executor, charts: Executor
) -> None:
    answerer = Answerer(services, working_after=settings.ponte_working_after, charts=charts)
    once = answerer.once

    def later(fn: Callable[..., None], *args: Any) -> None:
        """Run `fn` on the answering pool; a failure is logged with its traceback."""

        def logged() -> None:
            try:
                fn(*args)
            except Exception:
                log.exception("Slack work %s failed", getattr(fn, "__name__", fn))

        work.submit(logged)

    register_conversations(app, answerer, later)
    register_assistant(app, answerer, once, later)
    register_slash(app, answerer, later)
    register_actions(app, answerer, services, later)
    register_shortcuts(app, answerer, later)
    register_home(app, answerer, later)


def register_conversations(app: App, answerer: Answerer, later: Later) -> None:
    def answer_mention(body: dict[str, Any], event: dict[str, Any], bot: str | None,
                       client: WebClient) -> None:  # fmt: skip
        thread = event.get("thread_ts") or event["ts"]
        channel, user = event["channel"], event["user"]
        question = without_mention(event.get("text", ""), bot)
        reply = MessageReply(client, channel, thread)
        outcome = answerer.answer(reply, question, user=user, key=(channel, thread, user),
                                  event=body)  # fmt: skip
        answerer.attach_chart(client, outcome, channel=channel, thread_ts=thread)

    def mention(
        body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        later(answer_mention, body, event, context.bot_user_id, client)

    def answer_dm(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        channel, user = event["channel"], event["user"]
        reply = MessageReply(client, channel)
        outcome = answerer.answer(reply, event.get("text", ""), user=user, key=dm_key(user),
                                  event=body)  # fmt: skip
        answerer.attach_chart(client, outcome, channel=channel, thread_ts=None)

    def direct_message(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        later(answer_dm, body, event, client)

    def ignore() -> None:
        """Channel chatter, edits, joins and bots' messages: acknowledged, not answered."""

    app.event("app_mention", matchers=[from_a_person])(mention)
    app.event("message", matchers=[from_a_person, is_dm])(direct_message)
    app.event("message")(ignore)


def register_assistant(app: App, answerer: Answerer, once: ExactlyOnce, later: Later) -> None:
    """Slack's AI-app threads: suggested prompts when a thread opens, a status while working,
    the answer in the thread. (bolt routes every DM reply in a thread here.)"""
    assistant = Assistant()

    def greet(
        body: dict[str, Any],
        payload: dict[str, Any],
        say: Say,
        set_suggested_prompts: SetSuggestedPrompts,
    ) -> None:
        if not once(body):
            return
        user = payload["assistant_thread"]["user_id"]
        try:
            caller = identify(answerer.services.engine, user)
        except PonteError as exc:  # the polite "who to ask" reply, and nothing else
            say(text=fallback_text(card(unknown_user(exc, "en"))))
            return
        except SQLAlchemyError as exc:
            say(text=answerer.apology(exc, user, "(greeting)"))
            return
        lang = caller.language
        say(text=t(lang, "greeting", name=escape(caller.name.split()[0])))
        mine = [name for name, roles in ABILITIES.items() if caller.role in roles]
        prompts = [
            {"title": ability(lang, name).capitalize(), "message": example(lang, name)}
            for name in mine
            if name != "help"
        ]
        if prompts:
            set_suggested_prompts(prompts=prompts[:4])

    def started(
        body: dict[str, Any],
        payload: dict[str, Any],
        say: Say,
        set_suggested_prompts: SetSuggestedPrompts,
    ) -> None:
        later(greet, body, payload, say, set_suggested_prompts)

    def context_changed() -> None:
        """Ponte does not read the channel the user is looking at: nothing to store."""

    def answer_in_thread(
        body: dict[str, Any], payload: dict[str, Any], client: WebClient, set_status: SetStatus
    ) -> None:
        channel, thread, user = payload["channel"], payload["thread_ts"], payload["user"]
        question = payload.get("text", "")
        key: tuple[str, ...]
        try:
            set_status(t(answerer.language(user, question), "status"))
            status, key = True, (channel, thread, user)
        except SlackApiError as exc:  # a plain DM thread: no assistant, the DM's conversation
            log.info("no assistant status in %s: %s", channel, exc.response.get("error"))
            status, key = False, dm_key(user)
        # With the assistant's status showing, no "working on it" message is needed.
        reply = MessageReply(client, channel, thread, working_note=not status)
        outcome = answerer.answer(reply, question, user=user, key=key, event=body)
        answerer.attach_chart(client, outcome, channel=channel, thread_ts=thread)

    def message(
        body: dict[str, Any], payload: dict[str, Any], client: WebClient, set_status: SetStatus
    ) -> None:
        later(answer_in_thread, body, payload, client, set_status)

    assistant.thread_started(started)
    assistant.thread_context_changed(context_changed)
    assistant.user_message(message)
    app.use(assistant)


def register_slash(app: App, answerer: Answerer, later: Later) -> None:
    def answer_command(command: dict[str, Any], respond: Respond) -> None:
        request = slash_request(command.get("text", ""))
        user, channel = command["user_id"], command.get("channel_id", "")
        answerer.answer(
            PrivateReply(respond, public=request.share),
            request.question,
            user=user,
            key=("slash", channel, user),
            shareable=not request.share,
        )

    def slash(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        ack()
        later(answer_command, command, respond)

    app.command(COMMAND)(slash)


def button_value(body: dict[str, Any]) -> dict[str, Any]:
    """The pressed button's value, if it is one Ponte made: {"ask": question} for a
    follow-up, {"tool", "args", "page"} for More and Share; {} for anything else."""
    action = (body.get("actions") or [{}])[0]
    try:
        value = json.loads(action.get("value") or "{}")
    except json.JSONDecodeError:
        return {}
    if not isinstance(value, dict):
        return {}
    if isinstance(value.get("ask"), str):
        return value
    page = value.get("page", 1)
    rerun = isinstance(value.get("tool"), str) and isinstance(value.get("args"), dict)
    return value if rerun and isinstance(page, int) and page >= 1 else {}


class ButtonReply:
    """Where a button's answer goes: privately under a private reply, in the thread of a
    channel message or a DM thread, at the top of the DM for a DM or the Home tab. In a
    channel thread it is public only for the person who asked there (as their own mention
    would be): anyone else's press is answered to them alone, and so is everything when
    Ponte may not post in that channel."""

    def __init__(
        self, body: dict[str, Any], value: dict[str, Any], client: WebClient, respond: Respond
    ) -> None:
        self.user = user = body["user"]["id"]
        container = body.get("container", {})
        channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
        message = body.get("message") or {}
        thread = message.get("thread_ts")
        self.client, self.respond = client, respond
        self.private = bool(container.get("is_ephemeral") or (channel and not message))
        self.public = False  # an answer here is seen by others than the presser
        self.inner: Reply
        self.key: tuple[str, ...]
        if self.private:
            self.inner, self.key = PrivateReply(respond, notes=False), ("slash", channel, user)
        elif channel is None or (channel.startswith("D") and thread is None):
            self.inner, self.key = MessageReply(client, channel or user), dm_key(user)
        else:
            thread = thread or message.get("ts") or container.get("message_ts")
            self.inner, self.key = MessageReply(client, channel, thread), (channel, thread, user)
            self.public = not channel.startswith("D")
        self.asker = value.get("by")

    @property
    def for_the_asker(self) -> bool:
        return self.asker in (None, self.user)

    def working(self, text: str) -> None:
        if not self.public or self.for_the_asker:
            self.inner.working(text)

    def withdraw(self) -> None:
        self.inner.withdraw()

    def post(self, text: str, blocks: list[dict[str, Any]], *, answered: bool) -> None:
        if self.public and not self.for_the_asker:
            self.privately(text, blocks)
            return
        try:
            self.inner.post(text, blocks, answered=answered)
        except SlackApiError as exc:  # e.g. not_in_channel under a shared /ponte reply
            log.info("button answer goes privately: %s", exc.response.get("error"))
            self.privately(text, blocks)

    def privately(self, text: str, blocks: list[dict[str, Any]]) -> None:
        privately(self.client, self.respond, self.user, text, blocks)


def privately(
    client: WebClient, respond: Respond, user: str, text: str, blocks: list[dict[str, Any]]
) -> None:
    """Only `user` sees it: through the interaction's response_url, or in their DM with
    Ponte when there is none (a Home tab button)."""
    if respond.response_url:
        respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)
    else:
        client.chat_postMessage(channel=user, text=text, blocks=blocks)


def register_actions(app: App, answerer: Answerer, services: SlackServices, later: Later) -> None:
    def stale(client: WebClient, respond: Respond, user: str) -> None:
        privately(client, respond, user, t(answerer.language(user), "stale_button"), [])

    def answer_button(body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        user, value = body["user"]["id"], button_value(body)
        if not value:
            stale(client, respond, user)
            return
        reply = ButtonReply(body, value, client, respond)
        if "ask" in value:
            answerer.answer(reply, value["ask"], user=user, key=reply.key,
                            shareable=reply.private)  # fmt: skip
        else:
            answerer.answer(reply, rerun=value, user=user, page=value.get("page", 1),
                            shareable=reply.private)  # fmt: skip

    def pressed(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        later(answer_button, body, client, respond)

    def share_answer(body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        """Post a private answer for the whole channel, through the reply's own response_url
        (so it goes where the asker asked, never where only Ponte may write), run again as
        the person sharing, once however often the button is pressed. The private copy goes
        only once the public one is there."""
        user, value = body["user"]["id"], button_value(body)
        if "tool" not in value or not respond.response_url:
            stale(client, respond, user)
            return
        container = body.get("container", {})
        once = f"share:{container.get('channel_id', '')}:{container.get('message_ts', '')}:{user}"
        try:
            if not first_delivery(services.engine, once, source="slack", now=services.clock.now()):
                return
        except SQLAlchemyError as exc:  # nothing shared, nothing recorded: press again later
            privately(client, respond, user, answerer.apology(exc, user, value), [])
            return
        shared = False
        try:
            outcome = answerer.rerun(value, user=user)
            if outcome.kind != "answer":  # no longer theirs to see: say why, privately
                answerer.show(PrivateReply(respond, notes=False), outcome, shareable=False)
                return
            shown = card(outcome)
            payload = blocks(shown, page=value.get("page", 1))
            by = t(outcome.language, "shared_by", user=user)
            payload.append({"type": "context", "elements": [{"type": "mrkdwn", "text": by}]})
            posted = respond(text=fallback_text(shown), blocks=payload,
                             response_type="in_channel", replace_original=False)  # fmt: skip
            shared = posted.status_code == 200
            if shared:
                respond(delete_original=True)
            else:
                log.warning("share failed: %s %s", posted.status_code, posted.body)
                respond(text=t(outcome.language, "share_failed"), response_type="ephemeral",
                        replace_original=False)  # fmt: skip
        except Exception as exc:
            privately(client, respond, user, answerer.apology(exc, user, value), [])
        finally:
            if not shared:  # not shared: the button may be pressed again
                try:
                    forget_event(services.engine, once)
                except SQLAlchemyError as exc:
                    log.warning("share %s stays recorded (%s): pressing again does nothing",
                                once, exc.__class__.__name__)  # fmt: skip

    def share(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        later(share_answer, body, client, respond)

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


def register_shortcuts(app: App, answerer: Answerer, later: Later) -> None:
    """The global shortcut and the message shortcut ("Ask Ponte about this") open a modal
    with the question; the answer arrives in the DM with Ponte."""

    def show_modal(shortcut: dict[str, Any], client: WebClient) -> None:
        user = shortcut["user"]["id"]
        text = (shortcut.get("message") or {}).get("text") or ""
        client.views_open(trigger_id=shortcut["trigger_id"],
                          view=_modal(answerer.language(user), text))  # fmt: skip

    def open_modal(ack: Ack, shortcut: dict[str, Any], client: WebClient) -> None:
        ack()
        later(show_modal, shortcut, client)  # the trigger lasts 3 s: the pool is not full

    def answer_modal(user: str, question: str, client: WebClient) -> None:
        answerer.answer(MessageReply(client, user), question, user=user, key=dm_key(user))

    def submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        values = view["state"]["values"].get(QUESTION_BLOCK, {}).get(QUESTION_INPUT, {})
        question = (values.get("value") or "").strip()
        if not question or len(question) > MAX_CHARS:
            lang = answerer.language(user)
            error = t(lang, "ask_too_long", chars=MAX_CHARS) if question else t(lang, "ask_empty")
            ack(response_action="errors", errors={QUESTION_BLOCK: error})
            return
        ack()
        later(answer_modal, user, question, client)

    app.shortcut(SHORTCUT)(open_modal)
    app.shortcut(MESSAGE_SHORTCUT)(open_modal)
    app.view(MODAL)(submitted)


def register_home(app: App, answerer: Answerer, later: Later) -> None:
    services, once = answerer.services, answerer.once

    def publish(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home" or not once(body):
            return
        user = event["user"]
        try:
            view = home_for(services, user)
        except Exception as exc:  # the tab says why it is empty instead of showing old figures
            view = home_view("Ponte", [], answerer.apology(exc, user, "(App Home)"))
        client.views_publish(user_id=user, view=view)

    def opened(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        later(publish, body, event, client)

    app.event("app_home_opened")(opened)
