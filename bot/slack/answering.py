"""One question from Slack, answered: the assistant engine with the verified user, a "working
on it" status when the answer is slow, the card as blocks, and a chart where one helps.

Conversations (what Ponte asked back, the last question for "and by January?") are kept per
thread and user in this process; a follow-up that lands on another replica starts afresh.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.answers import blocks, fallback_text
from bot.render.cards import card
from bot.render.i18n import t
from bot.slack.app import SlackServices
from planning.access import identify
from planning.errors import PonteError
from tools.assistant import Conversation, Outcome

log = logging.getLogger("ponte.slack")
MAX_CONVERSATIONS = 10_000


class Reply(Protocol):
    """Where an answer goes: a thread, a DM, a slash command's private reply."""

    def working(self, text: str) -> None: ...

    def post(self, text: str, blocks: list[dict[str, Any]]) -> None: ...


class MessageReply:
    """A message in a channel or thread; the "working on it" message becomes the answer."""

    def __init__(self, client: WebClient, channel: str, thread_ts: str | None = None) -> None:
        self.client, self.channel, self.thread_ts = client, channel, thread_ts
        self.placeholder: str | None = None

    def working(self, text: str) -> None:
        sent = self.client.chat_postMessage(
            channel=self.channel, thread_ts=self.thread_ts, text=text
        )
        self.placeholder = sent["ts"]

    def post(self, text: str, blocks: list[dict[str, Any]]) -> None:
        if self.placeholder is not None:
            self.client.chat_update(
                channel=self.channel, ts=self.placeholder, text=text, blocks=blocks
            )
        else:
            self.client.chat_postMessage(
                channel=self.channel, thread_ts=self.thread_ts, text=text, blocks=blocks
            )


class PrivateReply:
    """A slash command's reply through its response_url: only the asker sees it, unless
    `public` (then the whole channel does)."""

    def __init__(self, respond: Callable[..., Any], *, public: bool = False) -> None:
        self.respond = respond
        self.kind = "in_channel" if public else "ephemeral"
        self.replace = False

    def working(self, text: str) -> None:
        self.respond(text=text, response_type="ephemeral")
        self.replace = True

    def post(self, text: str, blocks: list[dict[str, Any]]) -> None:
        if self.replace and self.kind == "in_channel":  # the private "working" note goes
            self.respond(delete_original=True)
            self.replace = False
        self.respond(
            text=text, blocks=blocks, response_type=self.kind, replace_original=self.replace
        )


class Answerer:
    def __init__(self, services: SlackServices, *, working_after: float) -> None:
        self.services = services
        self.working_after = working_after
        self.conversations: OrderedDict[tuple[str, ...], Conversation] = OrderedDict()
        self._lock = threading.Lock()

    def conversation(self, key: tuple[str, ...]) -> Conversation:
        with self._lock:
            found = self.conversations.pop(key, None) or Conversation()
            self.conversations[key] = found  # most recent last
            while len(self.conversations) > MAX_CONVERSATIONS:
                self.conversations.popitem(last=False)
            return found

    def language(self, user: str) -> str:
        try:
            return identify(self.services.engine, user).language
        except PonteError:
            return "en"

    def ask(self, question: str, *, user: str, key: tuple[str, ...] | None = None) -> Outcome:
        clock = self.services.clock
        return self.services.assistant.ask(
            question,
            user=user,
            today=clock.today(),
            now=clock.now(),
            conversation=self.conversation(key) if key else None,
        )

    def answer(
        self,
        reply: Reply,
        question: str,
        *,
        user: str,
        key: tuple[str, ...] | None = None,
        page: int = 1,
        shareable: bool = False,
    ) -> Outcome:
        """Answer `question` from `user` into `reply`, saying "working on it" first when the
        answer takes longer than `working_after` seconds."""
        def working() -> None:  # only slow answers pay for finding the user's language
            reply.working(t(self.language(user), "working"))

        timer = threading.Timer(self.working_after, working)
        timer.start()
        try:
            outcome = self.ask(question, user=user, key=key)
        finally:
            timer.cancel()
            timer.join()  # a "working" message being sent lands before the answer
        shown = card(outcome)
        lang = outcome.language
        share = t(lang, "share") if shareable and outcome.kind == "answer" else None
        reply.post(
            fallback_text(shown),
            blocks(
                shown, question=question, page=page, share_label=share, more_label=t(lang, "more")
            ),
        )
        return outcome

    def attach_chart(
        self, client: WebClient, outcome: Outcome, *, channel: str, thread_ts: str | None
    ) -> None:
        """Upload the answer's chart (if it has one) to the thread; a failed upload is
        logged, the answer already stands."""
        from bot.charts import chart_for

        chart = chart_for(outcome, self.services.engine)
        if chart is None:
            return
        try:
            client.files_upload_v2(
                channel=channel,
                thread_ts=thread_ts,
                content=chart.png,
                filename=chart.filename,
                title=chart.title,
            )
        except SlackApiError as exc:
            log.warning("chart upload failed: %s", exc.response.get("error"))
