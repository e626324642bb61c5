"""One question from Slack, answered: the assistant engine with the verified user, a "working
on it" status when the answer is slow, the card as blocks, and a chart where one helps.

Conversations (what Ponte asked back, the last question for "and by January?") are kept per
thread and user in the database, so a follow-up continues on whichever process it reaches.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
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
from bot.slack.app import SlackServices
from bot.slack.notes import Notes
from bot.slack.queue import CURRENT, AnswerLater, WorkQueue
from bot.slack.respond import ReplyLost
from planning.access import identify
from planning.conversations import load_state, save_state
from planning.db import is_unavailable
from planning.errors import PonteError
from tools.abilities import writes
from tools.assistant import Conversation, Outcome, unknown_user
from tools.router import Route, question_language

log = logging.getLogger("ponte.slack")
CHART_BACKLOG = 8  # charts waiting to be drawn before more are skipped
REPLY_EVENT = "ponte_reply"  # the metadata event type marking Ponte's replies
CONVERSATION_TTL = dt.timedelta(hours=8)  # a working day: then a thread starts afresh
SAVE_WAIT = 1.0  # seconds a conversation's save may wait for SQLite's write lock
LANGUAGES = ("en", "it")


class Reply(Protocol):
    """Where an answer goes: a thread, a DM, a slash command's private reply."""

    def working(self, text: str) -> None: ...

    def post(self, text: str, blocks: list[dict[str, Any]], *, answered: bool) -> None: ...


class MessageReply:
    """A message in a channel, a thread or a DM; the "working on it" message becomes the
    answer. `channel` may be a user id: Slack then posts in the app's DM with them.

    Each message Ponte posts for queued work carries the work's key in its metadata (and
    whether it is the final reply), so that a process taking the work over from one that
    died can see what was already posted: `already_answered` then says so, or has the
    answer replace the "working on it" note the other one left."""

    def __init__(
        self,
        client: WebClient,
        channel: str,
        thread_ts: str | None = None,
        *,
        working_note: bool = True,  # False where an assistant status already says it
        key: str | None = None,  # the queued work this replies to
    ) -> None:
        self.client, self.channel, self.thread_ts = client, channel, thread_ts
        self.working_note = working_note
        self.key = key
        self.placeholder: str | None = None

    def _metadata(self, final: bool) -> dict[str, Any] | None:
        if self.key is None:
            return None
        return {"event_type": REPLY_EVENT, "event_payload": {"key": self.key, "final": final}}

    def working(self, text: str) -> None:
        if not self.working_note:
            return
        sent = self.client.chat_postMessage(
            channel=self.channel, thread_ts=self.thread_ts, text=text,
            metadata=self._metadata(final=False),
        )  # fmt: skip
        # chat.update wants the conversation's id (a DM's D…), not the user id posted to.
        self.channel, self.placeholder = sent["channel"], sent["ts"]

    def post(self, text: str, blocks: list[dict[str, Any]], *, answered: bool) -> None:
        if self.placeholder is not None:
            self.client.chat_update(
                channel=self.channel, ts=self.placeholder, text=text, blocks=blocks,
                metadata=self._metadata(final=True),
            )  # fmt: skip
        else:
            sent = self.client.chat_postMessage(
                channel=self.channel, thread_ts=self.thread_ts, text=text, blocks=blocks,
                metadata=self._metadata(final=True),
            )  # fmt: skip
            self.channel = sent.get("channel") or self.channel  # a DM's D…, for its chart

    def already_answered(self, since: dt.datetime) -> bool:
        """Taking over work another process may have begun: True when its final reply is
        already in Slack; a "working on it" note it left becomes this reply's placeholder.
        When Slack cannot be asked (no history scope here), answer: twice beats never."""
        assert self.key is not None
        try:
            if self.thread_ts is not None:
                found = self.client.conversations_replies(
                    channel=self.channel, ts=self.thread_ts, include_all_metadata=True,
                    limit=200,
                )  # fmt: skip
            else:
                oldest = f"{since.timestamp() - 60:.6f}"
                found = self.client.conversations_history(
                    channel=self.channel, oldest=oldest, include_all_metadata=True, limit=200
                )
        except SlackApiError as exc:
            log.info("cannot look for an earlier reply to %s: %s", self.key,
                     exc.response.get("error"))  # fmt: skip
            return False
        for message in found.get("messages") or []:
            metadata = message.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") != REPLY_EVENT or payload.get("key") != self.key:
                continue
            if payload.get("final"):
                return True
            self.placeholder = message.get("ts")
        return False


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


class Answerer:
    def __init__(self, services: SlackServices, *, working_after: float, charts: Executor) -> None:
        self.services = services
        self.working_after = working_after
        self.notes = Notes()
        self.charts = ChartMaker(services.engine)
        self.chart_work = charts
        # Charts are a bonus: under a flood, the answers go on and charts past a backlog wait
        # for no one.
        self._charts_lock = threading.Lock()
        # Queued work's conversations are saved with the queue's finishes (create_app sets it).
        self.later: WorkQueue | None = None
        self._charts_waiting = 0
        self._charts_stopped = False
        # People's languages as last read from the database, so that an apology for a
        # database that is down still speaks theirs.
        self.languages: dict[str, str] = {}
        # Run after an answer that wrote something others wait for (a quota request or
        # decision): their messages go out at once, not at the next scheduled run.
        self.after_write: Callable[[], None] | None = None

    def conversation(self, key: tuple[str, ...]) -> Conversation:
        """The conversation `key` as any process left it (a new one when none or expired)."""
        saved = self.later.unsaved(_key(key)) if self.later is not None else None
        if saved is None:
            saved = load_state(self.services.engine, _key(key), now=self.services.clock.now())
        return Conversation.from_json(saved) if saved else Conversation()

    def remember(self, key: tuple[str, ...], conversation: Conversation) -> None:
        """Save the conversation for its next message, which may reach another process,
        before the answer goes out (outside queued work: queued work hands it to the queue,
        see `ask`). If the database cannot take it now (locked by an import), the answer
        still goes out and the next message starts afresh."""
        expires = self.services.clock.now() + CONVERSATION_TTL
        try:
            save_state(self.services.engine, _key(key), conversation.to_json(),
                       expires_at=expires, wait=SAVE_WAIT)  # fmt: skip
        except SQLAlchemyError as exc:
            log.warning("conversation %s not saved: %s", _key(key), exc.__class__.__name__)

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

    def ask(
        self, question: str, *, user: str, key: tuple[str, ...] | None = None, fresh: bool = False
    ) -> Outcome:
        """`fresh`: the conversation `key` has just begun (a mention starting a thread),
        so there is nothing saved to read."""
        clock = self.services.clock
        conversation = (Conversation() if fresh else self.conversation(key)) if key else None
        outcome = self.services.assistant.ask(
            question, user=user, today=clock.today(), now=clock.now(), conversation=conversation
        )
        if key and conversation is not None:
            self._keep(key, conversation)
        return outcome

    def propose(
        self, reply: Reply, *, user: str, tool: str, args: dict[str, Any], key: tuple[str, ...]
    ) -> Outcome:
        """A call filled in on a form (the quota request modal), handled as if asked in the
        conversation `key`: a write is checked and shown, and waits there for the yes."""
        clock, assistant = self.services.clock, self.services.assistant
        conversation = self.conversation(key)
        try:
            ctx = assistant.context(user, today=clock.today(), now=clock.now())
        except PonteError as exc:
            outcome = unknown_user(exc, "en")
        else:
            route = Route(language=ctx.language, kind="call", tool=tool, args=args)
            outcome = assistant.follow(route, ctx, conversation)
            self._keep(key, conversation)
        self.show(reply, outcome, shareable=False)
        return outcome

    def _keep(self, key: tuple[str, ...], conversation: Conversation) -> None:
        """The conversation saved for its next message (see `remember`); queued work hands
        it to the queue, which writes it with the work's finish."""
        if self.later is not None and CURRENT.get() is not None:
            expires = self.services.clock.now() + CONVERSATION_TTL
            self.later.remember(_key(key), conversation.to_json(), expires)
            if conversation.pending is not None or conversation.awaiting is not None:
                # Ponte asked something back: the reply (a button, "1") may come at once,
                # to another process. Written before the question goes out.
                self.later.flush()
        else:
            self.remember(key, conversation)

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
        fresh: bool = False,
    ) -> Outcome | None:
        """Answer `question` (or run `rerun` again) for `user` into `reply`, saying "working
        on it" first when that takes longer than `working_after` seconds. When something
        breaks, the asker is told so in their language (the log has the traceback), never
        left waiting; a database that is down says so (see `failed`)."""

        def working() -> None:  # only slow answers pay for finding the user's language
            reply.working(t(self.language(user, question or ""), "working"))

        note = self.notes.arm(self.working_after, working)
        try:
            if rerun is not None:
                outcome = self.rerun(rerun, user=user)
            else:
                outcome = self.ask(question or "", user=user, key=key, fresh=fresh)
            note.settle()  # a "working" message being sent lands before the answer
            if outcome.caller is not None:
                self.languages[user] = outcome.caller.language
            self.show(reply, outcome, page=page, shareable=shareable)
            if outcome.kind == "answer" and writes(outcome.tool or "") and self.after_write:
                self._tell_others()
        except ReplyLost:  # logged with its channel and user: that link says nothing more
            note.settle()
            return None
        except Exception as exc:
            note.settle()
            self.failed(exc, user, question or rerun,
                        lambda text: reply.post(text, [], answered=False))  # fmt: skip
            return None
        return outcome

    def _tell_others(self) -> None:
        """The write is done and its answer shown: a failure to tell others now is logged,
        and the scheduled run tells them (what is untold stays marked so)."""
        try:
            assert self.after_write is not None
            self.after_write()
        except Exception:
            log.warning("news of a write not delivered now: the scheduled run will", exc_info=True)

    def failed(
        self, exc: Exception, user: str, question: object, tell: Callable[[str], None]
    ) -> None:
        """Answering `question` for `user` failed with `exc` (logged here with its
        traceback): `tell` them so. With the database down, and the work queued, they are
        told once, and AnswerLater puts the work back: the real answer follows when the
        database is back."""
        down = is_unavailable(exc)
        log.error("answering %r for %s failed%s", question, user,
                  ": the database is unavailable" if down else "", exc_info=exc)  # fmt: skip
        work = CURRENT.get()
        queued = down and work is not None
        if not (queued and work is not None and work.apologized):
            said = question if isinstance(question, str) else ""
            text = t(self.language(user, said), "answer_later" if queued else
                     "database_down" if down else "broken")  # fmt: skip
            tell(text)
        if queued:
            raise AnswerLater from exc

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
        with self._charts_lock:
            if self._charts_waiting >= CHART_BACKLOG or self._charts_stopped:
                log.info("chart for %s skipped: %d charts already waiting", outcome.tool,
                         self._charts_waiting)  # fmt: skip
                return
            self._charts_waiting += 1

        def upload() -> None:
            with self._charts_lock:
                self._charts_waiting -= 1
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

    def stop_charts(self) -> None:
        """Stopping: charts not drawn yet are dropped, not waited for."""
        with self._charts_lock:
            self._charts_stopped = True
        shutdown = getattr(self.chart_work, "shutdown", None)
        if shutdown is not None:
            shutdown(wait=False, cancel_futures=True)


def _key(key: tuple[str, ...]) -> str:
    return "|".join(key)
