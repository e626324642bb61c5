"""The listeners: thin adapters from Slack payloads to the assistant and back.

Each acknowledges at once (events are acknowledged by bolt before the listener runs, since
process_before_response is off) and does its work on bolt's worker threads.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from slack_bolt import Ack, App, Assistant, BoltContext, Respond, Say, SetStatus
from slack_bolt.context.set_suggested_prompts import SetSuggestedPrompts
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.answers import ASK_ACTION, MORE_ACTION, SHARE_ACTION, blocks, fallback_text
from bot.render.cards import card
from bot.render.i18n import ability, example, t
from bot.settings import Settings
from bot.slack.answering import Answerer, MessageReply, PrivateReply
from bot.slack.app import SlackServices
from bot.slack.home import home_for
from bot.slack.slash import slash_request
from planning.access import ABILITIES, identify
from planning.errors import PonteError
from planning.events import first_delivery, forget_event
from tools.router import MAX_CHARS

log = logging.getLogger("ponte.slack")
COMMAND = "/ponte"
SHORTCUT = "ponte_ask"
MESSAGE_SHORTCUT = "ponte_ask_message"
MODAL = "ponte_ask_modal"
QUESTION_BLOCK, QUESTION_INPUT = "question", "question_input"
MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")


def from_a_person(event: dict[str, Any]) -> bool:
    """A person's own new message: not a bot's (ours or another's), not an edit or a join."""
    return event.get("bot_id") is None and event.get("subtype") is None and "user" in event


def is_dm(event: dict[str, Any]) -> bool:
    return event.get("channel_type") == "im" and event.get("thread_ts") is None


def without_mention(text: str, bot_user_id: str | None) -> str:
    """The message without the mention of Ponte that addressed it."""
    return " ".join(
        MENTION.sub(lambda m: "" if m.group(1) == bot_user_id else m.group(0), text).split()
    )


def register_listeners(app: App, services: SlackServices, settings: Settings) -> None:
    answerer = Answerer(services, working_after=settings.ponte_working_after)
    register_conversations(app, answerer)
    register_assistant(app, answerer)
    register_slash(app, answerer)
    register_actions(app, answerer, services)
    register_shortcuts(app, answerer)
    register_home(app, services)


def register_conversations(app: App, answerer: Answerer) -> None:
    def mention(event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        thread = event.get("thread_ts") or event["ts"]
        channel, user = event["channel"], event["user"]
        question = without_mention(event.get("text", ""), context.bot_user_id)
        reply = MessageReply(client, channel, thread)
        outcome = answerer.answer(reply, question, user=user, key=(channel, thread, user))
        answerer.attach_chart(client, outcome, channel=channel, thread_ts=thread)

    def direct_message(event: dict[str, Any], client: WebClient) -> None:
        channel, user = event["channel"], event["user"]
        reply = MessageReply(client, channel)
        outcome = answerer.answer(reply, event.get("text", ""), user=user, key=(channel, user))
        answerer.attach_chart(client, outcome, channel=channel, thread_ts=None)

    def ignore() -> None:
        """Channel chatter, edits, joins and bots' messages: acknowledged, not answered."""

    app.event("app_mention", matchers=[from_a_person])(mention)
    app.event("message", matchers=[from_a_person, is_dm])(direct_message)
    app.event("message")(ignore)


def register_assistant(app: App, answerer: Answerer) -> None:
    """Slack's AI-app threads: suggested prompts when a thread opens, a status while working,
    the answer in the thread."""
    assistant = Assistant()

    def started(
        payload: dict[str, Any], say: Say, set_suggested_prompts: SetSuggestedPrompts
    ) -> None:
        user = payload["assistant_thread"]["user_id"]
        try:
            caller = identify(answerer.services.engine, user)
        except PonteError:
            outcome = answerer.ask("", user=user)  # the polite "who to ask" reply, only
            say(text=fallback_text(card(outcome)))
            return
        lang = caller.language
        say(text=t(lang, "greeting", name=caller.name.split()[0]))
        mine = [name for name, roles in ABILITIES.items() if caller.role in roles]
        prompts = [
            {"title": ability(lang, name).capitalize(), "message": example(lang, name)}
            for name in mine
            if name != "help"
        ]
        if prompts:
            set_suggested_prompts(prompts=prompts[:4])

    def context_changed() -> None:
        """Ponte does not read the channel the user is looking at: nothing to store."""

    def message(payload: dict[str, Any], client: WebClient, set_status: SetStatus) -> None:
        channel, thread, user = payload["channel"], payload["thread_ts"], payload["user"]
        try:
            set_status(t(answerer.language(user), "status"))
        except SlackApiError as exc:  # a reply in a plain DM thread has no assistant status
            log.info("no assistant status in %s: %s", channel, exc.response.get("error"))
        reply = MessageReply(client, channel, thread)
        reply.working = lambda text: None  # type: ignore[method-assign]  # the status says it
        outcome = answerer.answer(reply, payload.get("text", ""), user=user,
                                  key=(channel, thread, user))  # fmt: skip
        answerer.attach_chart(client, outcome, channel=channel, thread_ts=thread)

    assistant.thread_started(started)
    assistant.thread_context_changed(context_changed)
    assistant.user_message(message)
    app.use(assistant)


def register_slash(app: App, answerer: Answerer) -> None:
    def slash(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        ack()
        request = slash_request(command.get("text", ""))
        user, channel = command["user_id"], command.get("channel_id", "")
        answerer.answer(
            PrivateReply(respond, public=request.share),
            request.question,
            user=user,
            key=("slash", channel, user),
            shareable=not request.share,
        )

    app.command(COMMAND)(slash)


def _asked(body: dict[str, Any]) -> dict[str, Any]:
    action = body["actions"][0]
    try:
        value = json.loads(action.get("value") or "{}")
    except json.JSONDecodeError:
        value = {}
    return value if isinstance(value, dict) and isinstance(value.get("ask"), str) else {}


def register_actions(app: App, answerer: Answerer, services: SlackServices) -> None:
    def where(
        body: dict[str, Any], client: WebClient, respond: Respond
    ) -> tuple[Any, tuple[str, ...]]:
        """Where a button's answer goes: privately under a private reply, in the thread of a
        channel message, in the DM for a DM or the Home tab."""
        user = body["user"]["id"]
        container = body.get("container", {})
        channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
        if container.get("is_ephemeral") or (channel and body.get("message") is None):
            return PrivateReply(respond), ("slash", channel or "", user)
        if channel is None:  # App Home: answer in the DM with the app
            return MessageReply(client, user), ("home", user)
        if channel.startswith("D"):
            return MessageReply(client, channel), (channel, user)
        message = body.get("message") or {}
        thread = message.get("thread_ts") or message.get("ts") or container.get("message_ts")
        return MessageReply(client, channel, thread), (channel, thread, user)

    def ask(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        asked = _asked(body)
        if not asked:
            return
        reply, key = where(body, client, respond)
        answerer.answer(reply, asked["ask"], user=body["user"]["id"], key=key,
                        shareable=isinstance(reply, PrivateReply))  # fmt: skip

    def more(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        asked = _asked(body)
        page = asked.get("page")
        if not asked or not isinstance(page, int) or page < 1:
            return
        reply, _ = where(body, client, respond)
        answerer.answer(reply, asked["ask"], user=body["user"]["id"], page=page,
                        shareable=isinstance(reply, PrivateReply))  # fmt: skip

    def share(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        """Post a private answer in the channel: asked again as the person sharing (the
        channel sees only what they may see), once however often the button is pressed."""
        ack()
        asked = _asked(body)
        user = body["user"]["id"]
        container = body.get("container", {})
        channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
        if not asked or not channel:
            return
        once = f"share:{channel}:{container.get('message_ts', '')}:{user}"
        if not first_delivery(services.engine, once, source="slack", now=services.clock.now()):
            return
        outcome = answerer.ask(asked["ask"], user=user)
        lang = outcome.language
        shown = card(outcome)
        page = asked.get("page")
        payload = blocks(shown, page=page if isinstance(page, int) and page > 0 else 1)
        by = t(lang, "shared_by", user=user, question=asked["ask"])[:2000]
        payload.append({"type": "context", "elements": [{"type": "mrkdwn", "text": by}]})
        try:
            client.chat_postMessage(channel=channel, text=fallback_text(shown), blocks=payload)
        except SlackApiError as exc:
            log.info("share in %s failed: %s", channel, exc.response.get("error"))
            forget_event(services.engine, once)  # once invited, the same button works
            respond(text=t(lang, "share_failed"), response_type="ephemeral", replace_original=False)
            return
        respond(delete_original=True)

    app.action(re.compile(rf"^{ASK_ACTION}_\d+$"))(ask)
    app.action(MORE_ACTION)(more)
    app.action(SHARE_ACTION)(share)


def _modal(lang: str, initial: str, metadata: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": MODAL,
        "title": {"type": "plain_text", "text": t(lang, "ask_title")},
        "submit": {"type": "plain_text", "text": t(lang, "ask_submit")},
        "private_metadata": metadata,
        "blocks": [
            {
                "type": "input",
                "block_id": QUESTION_BLOCK,
                "label": {"type": "plain_text", "text": t(lang, "ask_label")},
                "element": {
                    "type": "plain_text_input",
                    "action_id": QUESTION_INPUT,
                    "multiline": True,
                    "initial_value": initial[:3000],
                },
            }
        ],
    }


def register_shortcuts(app: App, answerer: Answerer) -> None:
    """The global shortcut and the message shortcut ("Ask Ponte about this") open a modal
    with the question; the answer arrives in the DM with Ponte."""

    def open_modal(ack: Ack, shortcut: dict[str, Any], client: WebClient) -> None:
        ack()
        user = shortcut["user"]["id"]
        text = (shortcut.get("message") or {}).get("text", "")
        client.views_open(trigger_id=shortcut["trigger_id"],
                          view=_modal(answerer.language(user), text, ""))  # fmt: skip

    def submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        lang = answerer.language(user)
        values = view["state"]["values"].get(QUESTION_BLOCK, {}).get(QUESTION_INPUT, {})
        question = (values.get("value") or "").strip()
        if not question:
            ack(response_action="errors", errors={QUESTION_BLOCK: t(lang, "ask_empty")})
            return
        if len(question) > MAX_CHARS:
            error = t(lang, "ask_too_long", chars=MAX_CHARS)
            ack(response_action="errors", errors={QUESTION_BLOCK: error})
            return
        ack()
        answerer.answer(MessageReply(client, user), question, user=user, key=("home", user))

    app.shortcut(SHORTCUT)(open_modal)
    app.shortcut(MESSAGE_SHORTCUT)(open_modal)
    app.view(MODAL)(submitted)


def register_home(app: App, services: SlackServices) -> None:
    def opened(event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        client.views_publish(user_id=event["user"], view=home_for(services, event["user"]))

    app.event("app_home_opened")(opened)
