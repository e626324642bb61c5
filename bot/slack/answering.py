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
from concurrent.futures import Executor
from dataclasses import replace
from typing import Any, Protocol

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot.blocks.answers import blocks, fallback_text
from bot.charts.maker import ChartMaker
from bot.render.cards import card
from bot.render.i18n import t
from bot.slack.app import ExactlyOnce, SlackServices
from bot.slack.notes import Notes
from planning.access import identify
from planning.db import is_unavailable
from planning.errors import PonteError
from tools.assistant import Conversation, Outcome
from tools.router import question_language

log = logging.getLogger("ponte.slack")
MAX_CONVERSATIONS = 10_000
LANGUAGES = ("en", "it")


class Reply(Protocol):
    """Where an answer goes: a thread, a DM, a slash command's private reply."""

    def working(self, text: str) -> None: ...

    def post(self, text: str, blocks: list[dict[str, Any]], *, answered: bool) -> None: ...

    def withdraw(self) -> None:
        """Take back the "working on it" note: there will be no answer here after all."""


class MessageReply:
    """A message in a channel, a thread or a DM; the "working on it" message becomes the
    answer. `channel` may be a user id: Slack then posts in the app's DM with them."""

    def __init__(
        self,
        client: WebClient,
        channel: str,
        thread_ts: str | None = None,
        *,
        working_note: bool = True,  # False where an assistant status already says it
    ) -> None:
        self.client, self.channel, self.thread_ts = client, channel, thread_ts
        self.working_note = working_note
        self.placeholder: str | None = None

    def working(self, text: str) -> None:
        if not self.working_note:
            return
        sent = self.client.chat_postMessage(
            channel=self.channel, thread_ts=self.thread_ts, text=text
        )
        # chat.update wants the conversation's id (a DM's D…), not the user id posted to.
        self.channel, self.placeholder = sent["channel"], sent["ts"]

    def post(self, text: str, blocks: list[dict[str, Any]], *, answered: bool) -> None:
        if self.placeholder is not None:
            self.client.chat_update(
                channel=self.channel, ts=self.placeholder, text=text, blocks=blocks
            )
        else:
            self.client.chat_postMessage(
                channel=self.channel, thread_ts=self.thread_ts, text=text, blocks=blocks
            )

    def withdraw(self) -> None:
        if self.placeholder is not None:
            self.client.chat_delete(channel=self.channel, ts=self.placeholder)
            self.placeholder = None


class PrivateReply:
    """A reply through a response_url (a slash command's or a button's): only the asker sees
    it, unless `public` and it is an answer (a refusal or a question back stays private).
    A slash command shows "working on it" and then replaces it; a button press, whose
    "original" is the message it sits on, just adds the answer."""

    def __init__(
        self, respond: Callable[..., Any], *, public: bool = False, notes: bool = True
    ) -> None:
        self.respond, self.public, self.notes = respond, public, notes
        self.replace = False

    def working(self, text: str) -> None:
        if self.notes:
            self.respond(text=text, response_type="ephemeral")
            self.replace = True

    def post(self, text: str, blocks: list[dict[str, Any]], *, answered: bool) -> None:
        public = self.public and answered
        if self.replace and public:  # the private "working" note goes, the answer is public
            self.respond(delete_original=True)
            self.replace = False
        self.respond(
            text=text,
            blocks=blocks,
            response_type="in_channel" if public else "ephemeral",
            replace_original=self.replace,
        )

    def withdraw(self) -> None:
        if self.replace:
            self.respond(delete_original=True)
            self.replace = False


class Answerer:
    def __init__(self, services: SlackServices, *, working_after: float, charts: Executor) -> None:
        self.services = services
        self.working_after = working_after
        self.once = ExactlyOnce(services)
        self.notes = Notes()
        self.charts = ChartMaker(services.engine)
        self.chart_work = charts
        self.conversations: OrderedDict[tuple[str, ...], Conversation] = OrderedDict()
        # People's languages as last read from the database, so that an apology for a
        # database that is down still speaks theirs.
        self.languages: dict[str, str] = {}
        self._lock = threading.Lock()

    def conversation(self, key: tuple[str, ...]) -> Conversation:
        with self._lock:
            found = self.conversations.pop(key, None) or Conversation()
            self.conversations[key] = found  # most recent last
            while len(self.conversations) > MAX_CONVERSATIONS:
                self.conversations.popitem(last=False)
            return found

    def language(self, user: str, question: str = "") -> str:
        """The user's language: from the people list; when the database cannot say, as last
        seen, else the question's own; English for people Ponte does not know."""
        try:
            language = identify(self.services.engine, user).language
        except PonteError:
            return "en"
        except SQLAlchemyError:
            return self.languages.get(user) or question_language(question, "en")
        self.languages[user] = language
        return language

    def ask(self, question: str, *, user: str, key: tuple[str, ...] | None = None) -> Outcome:
        clock = self.services.clock
        return self.services.assistant.ask(
            question,
            user=user,
            today=clock.today(),
            now=clock.now(),
            conversation=self.conversation(key) if key else None,
        )

    def rerun(self, value: dict[str, Any], *, user: str) -> Outcome:
        """A button's call (tool and arguments of an earlier answer) run again as `user`."""
        clock = self.services.clock
        outcome = self.services.assistant.rerun(
            str(value["tool"]), dict(value["args"]), user=user,
            today=clock.today(), now=clock.now(),
        )  # fmt: skip
        lang = value.get("lang")
        if lang in LANGUAGES and outcome.kind == "answer":  # as the answer it continues
            outcome = replace(outcome, language=lang)
        return outcome

    def answer(
        self,
        reply: Reply,
        question: str | None = None,
        *,
        user: str,
        key: tuple[str, ...] | None = None,
        rerun: dict[str, Any] | None = None,
        page: int = 1,
        shareable: bool = False,
        event: dict[str, Any] | None = None,
    ) -> Outcome | None:
        """Answer `question` (or run `rerun` again) for `user` into `reply`, saying "working
        on it" first when that takes longer than `working_after` seconds. `event` (an Events
        API body) is taken on once: a retry of it stops here. When something breaks, the
        asker is told so in their language (the log has the traceback), never left waiting;
        a database that is down says so."""

        def working() -> None:  # only slow answers pay for finding the user's language
            reply.working(t(self.language(user, question or ""), "working"))

        note = self.notes.arm(self.working_after, working)
        try:
            if event is not None and not self.once(event):
                note.settle()
                reply.withdraw()  # a note posted while the record waited: not ours to answer
                return None
            if rerun is not None:
                outcome = self.rerun(rerun, user=user)
            else:
                outcome = self.ask(question or "", user=user, key=key)
            note.settle()  # a "working" message being sent lands before the answer
            if outcome.caller is not None:
                self.languages[user] = outcome.caller.language
            self.show(reply, outcome, page=page, shareable=shareable)
        except Exception as exc:
            note.settle()
            reply.post(self.apology(exc, user, question or rerun), [], answered=False)
            return None
        return outcome

    def apology(self, exc: Exception, user: str, question: object) -> str:
        """What to tell `user` when answering `question` failed with `exc` (logged here with
        its traceback): that the database is down, or that something broke."""
        down = is_unavailable(exc)
        log.error("answering %r for %s failed%s", question, user,
                  ": the database failed" if down else "", exc_info=exc)  # fmt: skip
        said = question if isinstance(question, str) else ""
        return t(self.language(user, said), "database_down" if down else "broken")

    def show(self, reply: Reply, outcome: Outcome, *, page: int = 1, shareable: bool) -> None:
        shown = card(outcome)
        lang = outcome.language
        answered = outcome.kind == "answer" and outcome.tool is not None
        again = {"tool": outcome.tool, "args": outcome.args, "lang": lang} if answered else None
        share = t(lang, "share") if shareable and answered else None
        more = t(lang, "more")
        asker = outcome.caller.slack_user_id if outcome.caller else None
        payload = blocks(shown, rerun=again, page=page, share_label=share, more_label=more,
                         asker=asker)  # fmt: skip
        reply.post(fallback_text(shown), payload, answered=answered)

    def attach_chart(
        self, client: WebClient, outcome: Outcome | None, *, channel: str, thread_ts: str | None
    ) -> None:
        """Upload the answer's chart (if it has one) to the thread, after the answer and
        without keeping the answering thread: a chart that cannot be drawn or uploaded is
        logged, the answer already stands."""
        if outcome is None or not ChartMaker.charted(outcome):
            return

        def upload() -> None:
            try:
                chart = self.charts.chart(outcome, today=self.services.clock.today())
                if chart is not None:
                    client.files_upload_v2(channel=channel, thread_ts=thread_ts,
                                           content=chart.png, filename=chart.filename,
                                           title=chart.title)  # fmt: skip
            except SlackApiError as exc:
                log.warning("chart upload failed: %s", exc.response.get("error"))
            except Exception:
                log.warning("no chart for %s %s", outcome.tool, outcome.args, exc_info=True)

        self.chart_work.submit(upload)
