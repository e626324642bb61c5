"""The work behind each kind of Slack request, run from the durable queue: a mention, a DM,
an assistant thread, its greeting, the Home tab, /ponte, a button, Share, the Ask modal.

Each handler gets the recorded work (Slack's body as it came in) and does everything from
it, with the app's Web API client and a retried response_url: so any Ponte process can do
any work, whichever process Slack delivered it to.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import OperationalError

from bot.blocks.alerts import ALERT_ACTION, AlertRef, alert_message, alert_of
from bot.blocks.answers import blocks, fallback_text, literal
from bot.blocks.home import home_view
from bot.blocks.quota_requests import (
    NOTE_BLOCK,
    NOTE_INPUT,
    QUOTA_ACTION,
    RequestRef,
    decision_modal,
    request_form,
    request_of,
)
from bot.quota_requests import QuotaNews
from bot.render.cards import card, card_for
from bot.render.cards.messages import refusal_text
from bot.render.i18n import t
from bot.slack.answering import Answerer, MessageReply, PrivateReply, Reply
from bot.slack.feedback import FeedbackWork
from bot.slack.home import home_for
from bot.slack.queue import CURRENT
from bot.slack.respond import ReplyLost, RetryingRespond
from bot.slack.slash import slash_request
from planning.access import Caller, identify
from planning.alerts.store import MAX_SNOOZE_DAYS, StoredAlert, act, get_alert
from planning.audit import audit_view
from planning.db import is_lock_timeout
from planning.errors import PermissionDenied, PonteError
from planning.events import first_delivery, forget_event
from planning.models import Role
from planning.quota_decisions import Decision, decide, decide_request
from planning.quota_requests import QuotaChange, get_request
from planning.quotas import period_bounds, quarter_of
from planning.work import Work
from tools.abilities import REGISTRY
from tools.assistant import unknown_user
from tools.registry import example, label, sample_of

log = logging.getLogger("ponte.slack")
MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")
SHARE_WAIT = 1.0  # seconds Share's once-only record may wait for SQLite's write lock


def dm_key(user: str) -> tuple[str, ...]:
    """The conversation of a person's DM with Ponte, however they reached it (the Messages
    tab, a modal, a Home tab button)."""
    return ("dm", user)


def without_mention(text: str, bot_user_id: str | None) -> str:
    """The message without the mention of Ponte that addressed it."""
    return " ".join(
        MENTION.sub(lambda m: "" if m.group(1) == bot_user_id else m.group(0), text).split()
    )


def respond_for(body: dict[str, Any]) -> RetryingRespond:
    """Replies through the request's own response_url (None on the Home tab)."""
    channel = (body.get("channel") or {}).get("id") or body.get("channel_id")
    user = (body.get("user") or {}).get("id") or body.get("user_id")
    return RetryingRespond(response_url=body.get("response_url"), channel=channel, user=user)


class Handlers(FeedbackWork):
    """Runs one piece of recorded work: `handlers(work)`."""

    def __init__(self, answerer: Answerer, client: WebClient) -> None:
        self.answerer, self.client = answerer, client
        self.services = answerer.services
        self._team: str | None = None

    def __call__(self, work: Work) -> None:
        getattr(self, work.kind)(work.payload)

    # -- messages ------------------------------------------------------------------------

    def mention(self, body: dict[str, Any]) -> None:
        event = body["event"]
        thread = event.get("thread_ts") or event["ts"]
        channel, user = event["channel"], event["user"]
        bot = (body.get("authorizations") or [{}])[0].get("user_id")
        question = without_mention(event.get("text", ""), bot)
        reply = self.message_reply(channel, thread)
        if self.answered_before(reply):
            return
        # A mention outside a thread starts one: nothing was said in it yet to read back.
        outcome = self.answerer.answer(reply, question, user=user, key=(channel, thread, user),
                                       fresh="thread_ts" not in event)  # fmt: skip
        self.answerer.attach_chart(self.client, outcome, channel=channel, thread_ts=thread)

    def dm(self, body: dict[str, Any]) -> None:
        event = body["event"]
        channel, user = event["channel"], event["user"]
        reply = self.message_reply(channel)
        if self.answered_before(reply):
            return
        outcome = self.answerer.answer(reply, event.get("text", ""), user=user,
                                       key=dm_key(user))  # fmt: skip
        self.answerer.attach_chart(self.client, outcome, channel=channel, thread_ts=None)

    def message_reply(
        self, channel: str, thread: str | None = None, *, working_note: bool = True
    ) -> MessageReply:
        work = CURRENT.get()
        return MessageReply(self.client, channel, thread, working_note=working_note,
                            key=work.key if work else None)  # fmt: skip

    def answered_before(self, reply: MessageReply) -> bool:
        """Work taken over from a process that stopped: was its answer already posted?"""
        work = CURRENT.get()
        if work is None or work.attempts <= 1:
            return False
        if reply.already_answered(work.received_at):
            log.info("%s %s was already answered before it was taken over", work.kind,
                     work.key)  # fmt: skip
            return True
        return False

    def assistant_message(self, body: dict[str, Any]) -> None:
        """A message in an assistant thread (or a plain DM thread: no status there, and it
        continues the DM's conversation)."""
        event = body["event"]
        channel, thread, user = event["channel"], event["thread_ts"], event["user"]
        question = event.get("text", "")
        key: tuple[str, ...]
        try:
            self.client.assistant_threads_setStatus(
                channel_id=channel, thread_ts=thread,
                status=t(self.answerer.language(user, question), "status"),
            )  # fmt: skip
            status, key = True, (channel, thread, user)
        except SlackApiError as exc:
            log.info("no assistant status in %s: %s", channel, exc.response.get("error"))
            status, key = False, dm_key(user)
        # With the assistant's status showing, no "working on it" message is needed.
        reply = self.message_reply(channel, thread, working_note=not status)
        if self.answered_before(reply):
            return
        outcome = self.answerer.answer(reply, question, user=user, key=key)
        self.answerer.attach_chart(self.client, outcome, channel=channel, thread_ts=thread)

    def greeting(self, body: dict[str, Any]) -> None:
        """An assistant thread opened: hello by name, and prompts for the person's role."""
        thread = body["event"]["assistant_thread"]
        user, channel, ts = thread["user_id"], thread["channel_id"], thread["thread_ts"]

        def say(text: str) -> None:
            self.client.chat_postMessage(channel=channel, thread_ts=ts, text=text)

        try:
            caller = identify(self.services.engine, user)
        except PonteError as exc:  # the polite "who to ask" reply, and nothing else
            say(fallback_text(card(unknown_user(exc, "en"))))
            return
        except Exception as exc:
            self.answerer.failed(exc, user, "(greeting)", say)
            return
        lang = caller.language
        say(t(lang, "greeting", name=literal(caller.name.split()[0])))
        sample = sample_of(self.services.assistant.index())
        prompts = [
            {"title": label(a.name, lang).capitalize(), "message": example(a, lang, sample)}
            for a in REGISTRY.for_role(caller.role)
        ]
        if prompts:
            self.client.assistant_threads_setSuggestedPrompts(
                channel_id=channel, thread_ts=ts, prompts=prompts[:4]
            )

    def home(self, body: dict[str, Any]) -> None:
        user = body["event"]["user"]

        def publish(view: dict[str, Any]) -> None:
            self.client.views_publish(user_id=user, view=view)

        try:
            view = home_for(self.services, user)
        except Exception as exc:  # the tab says why it is empty instead of showing old figures
            self.answerer.failed(exc, user, "(App Home)",
                                 lambda text: publish(home_view("Ponte", [], text)))  # fmt: skip
            return
        publish(view)

    def modal(self, body: dict[str, Any]) -> None:
        user, question = body["user"], body["question"]
        self.answerer.answer(MessageReply(self.client, user), question, user=user,
                             key=dm_key(user))  # fmt: skip

    # -- /ponte and buttons --------------------------------------------------------------

    def command(self, body: dict[str, Any]) -> None:
        request = slash_request(body.get("text", ""))
        user, channel = body["user_id"], body.get("channel_id", "")
        self.answerer.answer(
            PrivateReply(respond_for(body), public=request.share),
            request.question,
            user=user,
            key=("slash", channel, user),
            shareable=not request.share,
        )

    def button(self, body: dict[str, Any]) -> None:
        user, value = body["user"]["id"], button_value(body)
        respond = respond_for(body)
        if not value:
            self.stale(respond, user)
            return
        reply = ButtonReply(body, value, self.client, respond)
        if "ask" in value:
            outcome = self.answerer.answer(reply, value["ask"], user=user, key=reply.key,
                                           shareable=reply.private)  # fmt: skip
        else:
            outcome = self.answerer.answer(reply, rerun=value, user=user,
                                           page=value.get("page", 1),
                                           shareable=reply.private)  # fmt: skip
        where = reply.posted_in()
        if where is not None:  # answered in a thread or a DM: its chart goes there too
            self.answerer.attach_chart(self.client, outcome, channel=where[0], thread_ts=where[1])

    def share(self, body: dict[str, Any]) -> None:
        """Post a private answer for the whole channel, through the reply's own response_url
        (so it goes where the asker asked, never where only Ponte may write), run again as
        the person sharing, once however often the button is pressed. The private copy goes
        only once the public one is there."""
        user, value = body["user"]["id"], button_value(body)
        respond = respond_for(body)
        if "tool" not in value or not respond.response_url:
            self.stale(respond, user)
            return
        container = body.get("container", {})
        once = f"share:{container.get('channel_id', '')}:{container.get('message_ts', '')}:{user}"
        services, answerer = self.services, self.answerer

        def tell(text: str) -> None:
            privately(self.client, respond, user, text, [])

        try:
            if not first_delivery(services.engine, once, source="slack", now=services.clock.now(),
                                  wait=SHARE_WAIT):  # fmt: skip
                return
        except OperationalError as exc:
            if not is_lock_timeout(exc):  # the database is down: nothing shared
                answerer.failed(exc, user, value, tell)
                return
            # Readable, but an import holds the write lock: share now, unguarded, rather
            # than make everyone wait for the import (a second press could share twice).
            log.warning("share %s taken on without its once-only record (%s)", once,
                        exc.__class__.__name__)  # fmt: skip
        except Exception as exc:  # nothing shared, nothing recorded
            answerer.failed(exc, user, value, tell)
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
            line = {"type": "mrkdwn", "text": by, "verbatim": True}
            payload.append({"type": "context", "elements": [line]})
            try:
                respond(text=fallback_text(shown), blocks=payload, response_type="in_channel",
                        replace_original=False)  # fmt: skip
                shared = True
            except ReplyLost:  # the private copy stays; say so, it may be pressed again
                respond(text=t(outcome.language, "share_failed"), response_type="ephemeral",
                        replace_original=False)  # fmt: skip
                return
            respond(delete_original=True)
        except ReplyLost:
            return  # logged with its channel and user
        except Exception as exc:
            answerer.failed(exc, user, value, tell)
        finally:
            if not shared:  # not shared: the button may be pressed again
                try:
                    forget_event(services.engine, once)
                except Exception as exc:
                    log.warning("share %s stays recorded (%s): pressing again does nothing",
                                once, exc.__class__.__name__)  # fmt: skip

    # -- alert messages ---------------------------------------------------------------------

    def alert_action(self, body: dict[str, Any]) -> None:
        """A control on an alert's message: act on the alert as the verified presser
        (planning.alerts.store authorizes and applies it once), then show who did what on
        the message; whatever changed nothing is told to the presser alone, in their
        language. Why? answers, in the alert's thread, the question behind its numbers."""
        action = (body.get("actions") or [{}])[0]
        kind = str(action.get("action_id", "")).removeprefix(f"{ALERT_ACTION}_")
        user = body["user"]["id"]
        respond = respond_for(body)
        ref = alert_of(action.get("value")) or _alert_on_message(body.get("message") or {})
        if ref is None:
            self.stale(respond, user)
            return
        alert_id, version = ref.alert, ref.version
        engine, clock = self.services.engine, self.services.clock
        lang = self.answerer.language(user)  # the presser's, for what only they see

        def tell(text: str) -> None:
            privately(self.client, respond, user, text, [])

        try:
            if kind == "why":
                self.alert_why(body, get_alert(engine, alert_id), user)
                return
            caller = identify(engine, user)
            name, extra = _alert_change(kind, action, clock.today())
            done = act(engine, alert_id, name, caller=caller, now=clock.now(), today=clock.today(),
                       version=version if "value" in action else None, **extra)  # fmt: skip
        except PonteError as exc:
            tell(_alert_refusal(lang, exc))
            return
        except Exception as exc:
            self.answerer.failed(exc, user, kind, tell)
            return
        container = body.get("container", {})
        channel, ts = container.get("channel_id"), container.get("message_ts")
        if channel and ts:
            text, blocks = alert_message(done, ref.lang, actor={name: user})
            self.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)

    def alert_why(self, body: dict[str, Any], alert: StoredAlert, user: str) -> None:
        """The numbers behind an alert, period by period: the ability that shows them, run
        as the presser (with their permissions), answered in the alert's thread."""
        question = why_question(alert)
        reply = ButtonReply(body, question, self.client, respond_for(body))
        outcome = self.answerer.answer(reply, rerun=question, user=user, shareable=reply.private)
        where = reply.posted_in()
        if where is not None:
            self.answerer.attach_chart(self.client, outcome, channel=where[0], thread_ts=where[1])

    def stale(self, respond: RetryingRespond, user: str) -> None:
        privately(self.client, respond, user, t(self.answerer.language(user), "stale_button"), [])

    # -- quota requests -----------------------------------------------------------------------

    def news(self) -> None:
        """Tell approvers and requesters what they wait for (bot.quota_requests)."""
        QuotaNews(self.services.engine, self.client).deliver(today=self.services.clock.today())

    def team(self) -> str | None:
        """The workspace this app is installed in (asked of Slack once)."""
        if self._team is None:
            self._team = str(self.client.auth_test().get("team_id") or "")
        return self._team or None

    def foreign(self, body: dict[str, Any]) -> bool:
        """A request signed with our secret but from another workspace (an org-wide app, a
        replayed payload): nothing of a quota is decided from it."""
        team = (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id")
        ours = self.team()
        return bool(ours and team and team != ours)

    def quota_action(self, body: dict[str, Any]) -> None:
        """Approve or History on a quota request's message, as the verified presser; the
        decision is made once (planning.quota_requests), then everyone waiting is told and
        the message shows the outcome. What changed nothing is told to the presser alone."""
        action = (body.get("actions") or [{}])[0]
        kind = str(action.get("action_id", "")).removeprefix(f"{QUOTA_ACTION}_")
        user = body["user"]["id"]
        respond = respond_for(body)
        ref = request_of(action.get("value"))
        lang = self.answerer.language(user)

        def tell(text: str) -> None:
            privately(self.client, respond, user, text, [])

        if ref is None:
            self.stale(respond, user)
            return
        if self.foreign(body):
            log.warning("quota action from another workspace refused: %s", body.get("team"))
            tell(t(lang, "qr_msg.forged"))
            return
        if kind == "history":
            self.quota_history(ref, user, lang, respond, tell)
            return
        self.decide_once(ref, "approve", user=user, lang=lang, tell=tell)

    def quota_history(
        self,
        ref: RequestRef,
        user: str,
        lang: str,
        respond: RetryingRespond,
        tell: Callable[[str], None],
    ) -> None:
        """History: the quota's changes and this request's own steps, to the presser alone
        (an allocation's quotas are each territory's: its request's trail names them)."""
        engine = self.services.engine
        try:
            request = get_request(engine, ref.request)
            _may_see(identify(engine, user), request)
            quota = None if request.kind == "allocation" else request.quota
            trail = audit_view(engine, entity=quota or request.entity, also=[request.entity])
        except PonteError as exc:
            tell(refusal_text(lang, exc))
            return
        except Exception as exc:
            self.answerer.failed(exc, user, "history", tell)
            return
        shown = card_for(trail, lang)
        privately(self.client, respond, user, fallback_text(shown), blocks(shown))

    def decide_once(
        self,
        ref: RequestRef,
        decision: Decision,
        *,
        user: str,
        lang: str,
        tell: Callable[[str], None],
        note: str | None = None,
    ) -> None:
        """A decision from a button or the reason modal, as the verified presser, once
        (planning.quota_decisions); then everyone waiting is told and the approver's message
        shows the outcome. What changed nothing is told to the presser alone."""
        engine, clock = self.services.engine, self.services.clock
        try:
            decide(engine, ref.request, decision, caller=identify(engine, user), now=clock.now(),
                   today=clock.today(), note=note, version=ref.version)  # fmt: skip
        except PonteError as exc:
            tell(refusal_text(lang, exc))
            return
        except Exception as exc:
            self.answerer.failed(exc, user, decision, tell)
            return
        self.news()

    def reason_modal(self, body: dict[str, Any]) -> None:
        """Reject or Ask for changes: the modal for the reason, if the presser may decide the
        request (else why not, at once, without a modal to fill in for nothing)."""
        action = (body.get("actions") or [{}])[0]
        decision = str(action.get("action_id", "")).removeprefix(f"{QUOTA_ACTION}_")
        user, respond = body["user"]["id"], respond_for(body)
        ref = request_of(action.get("value"))
        lang = self.answerer.language(user)
        if ref is None:
            self.stale(respond, user)
            return
        try:
            if self.foreign(body):
                privately(self.client, respond, user, t(lang, "qr_msg.forged"), [])
                return
            engine, clock = self.services.engine, self.services.clock
            decide_request(engine, ref.request, decision, caller=identify(engine, user),  # type: ignore[arg-type]
                           now=clock.now(), today=clock.today(), note="-")  # fmt: skip
            container = body.get("container") or {}
            view = decision_modal(ref, decision, lang, channel=container.get("channel_id"),
                                  ts=container.get("message_ts"))  # fmt: skip
            self.client.views_open(trigger_id=body["trigger_id"], view=view)
        except PonteError as exc:
            privately(self.client, respond, user, refusal_text(lang, exc), [])
        except Exception:
            log.exception("the quota decision modal did not open for %s", user)

    def request_form(self, body: dict[str, Any]) -> None:
        """`/ponte quota request`: the form, with the company's families and the quarters
        a quota can still change in."""
        user = body["user_id"]
        lang = self.answerer.language(user)
        today = self.services.clock.today()
        quarters = [quarter_of(today)]
        for _ in range(2):
            _, end = period_bounds(quarters[-1])
            quarters.append(quarter_of(end + dt.timedelta(days=1)))
        index = self.services.assistant.index()
        families = sorted(set(index.family_of.values()))
        view = request_form(lang, user=user, periods=quarters, families=families)
        try:
            self.client.views_open(trigger_id=body["trigger_id"], view=view)
        except Exception:
            log.exception("the quota request form did not open for %s", user)

    def quota_request_form(self, payload: dict[str, Any]) -> None:
        """The form sent: the request checked and shown in the DM, waiting for the yes
        there (the same conversation a request typed in the DM would be)."""
        user, values = payload["user"], payload["values"]
        args = {"person": values.get("person") if values.get("person") != user else None,
                "period": values.get("period"), "family": values.get("family"),
                "target_units": values.get("target"), "reason": values.get("reason")}  # fmt: skip
        self.answerer.propose(MessageReply(self.client, user), user=user,
                              tool="request_quota_change",
                              args={k: v for k, v in args.items() if v not in (None, "")},
                              key=dm_key(user))  # fmt: skip

    def quota_decision(self, body: dict[str, Any]) -> None:
        """The reason modal sent: reject or ask for changes, once; the presser hears of a
        refusal in their DM with Ponte (a modal has no reply link)."""
        user = body["user"]["id"]
        view = body.get("view") or {}
        meta = _json(view.get("private_metadata"))
        ref = request_of(view.get("private_metadata"))
        decision = meta.get("decision")
        values = (view.get("state") or {}).get("values") or {}
        note = ((values.get(NOTE_BLOCK) or {}).get(NOTE_INPUT) or {}).get("value") or ""
        lang = self.answerer.language(user)

        def tell(text: str) -> None:
            self.client.chat_postMessage(channel=user, text=text)

        if ref is None or decision not in ("reject", "changes"):
            tell(t(lang, "stale_button"))
            return
        if self.foreign(body):
            tell(t(lang, "qr_msg.forged"))
            return
        self.decide_once(ref, decision, user=user, lang=lang, tell=tell, note=note)


def _json(value: Any) -> dict[str, Any]:
    try:
        data = json.loads(value or "")
    except (TypeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _may_see(caller: Caller, request: QuotaChange) -> None:
    """A request's history: for the people in it (asker, owner, approver), the owner's
    manager, and admins."""
    involved = {request.requested_by, request.approver, request.rep}
    if caller.role == Role.admin or caller.slack_user_id in involved:
        return
    if request.rep is not None and request.rep in caller.team:
        return
    raise PermissionDenied(
        f"{caller.name} may not see the quota of {request.owner_name}",
        code="quota_not_yours",
        whose=request.owner_name,
    )


def why_question(alert: StoredAlert) -> dict[str, Any]:
    """The call whose answer shows an alert's numbers period by period: the projection of
    a stock alert's product and place (forecast, orders, receipts, stock), the capacity
    check of a plant's family, the explanation of a drifting product's forecast."""
    if alert.rule in ("stockout", "excess"):
        args: dict[str, Any] = {"product": alert.sku, "location": alert.location, "weeks": 12}
        return {"tool": "inventory_projection", "args": args}
    if alert.rule == "drift":
        return {"tool": "explain_forecast", "args": {"product": alert.sku}}
    args = {"family": alert.family, "weeks": 12}
    if alert.plant:
        args["plant"] = alert.plant
    if alert.rule == "quota" and alert.period:
        args = {"family": alert.family, "period": alert.period}
    return {"tool": "capacity_check", "args": args}


def _alert_change(kind: str, action: dict[str, Any], today: dt.date) -> tuple[str, dict[str, Any]]:
    """The store's action and its arguments for a control of the alert message."""
    if kind == "ack":
        return "acknowledge", {}
    if kind.startswith("snooze_") and kind.removeprefix("snooze_").isdigit():
        return "snooze", {"until": today + dt.timedelta(days=int(kind.removeprefix("snooze_")))}
    if kind == "until":
        try:
            return "snooze", {"until": dt.date.fromisoformat(str(action.get("selected_date")))}
        except ValueError as exc:
            raise PonteError("bad date", code="bad_snooze", days=MAX_SNOOZE_DAYS) from exc
    if kind == "assign":
        return "assign", {"assignee": action.get("selected_user")}
    raise PonteError(f"unknown alert control {kind!r}", code="stale_button")


def _alert_on_message(message: dict[str, Any]) -> AlertRef | None:
    """A select or date picker carries no value: the alert is the one its message's buttons
    name (whatever version they showed: a choice made in a select is not a double click)."""
    for block in message.get("blocks") or []:
        for element in block.get("elements") or []:
            found = alert_of(element.get("value")) if isinstance(element, dict) else None
            if found is not None:
                return AlertRef(found.alert, None, found.lang)
    return None


def _alert_refusal(lang: str, exc: PonteError) -> str:
    if exc.code == "not_allowed":
        exc = PonteError(str(exc), code=exc.code,
                         **{**exc.params, "ability": t(lang, "alerts.title").lower()})  # fmt: skip
    return refusal_text(lang, exc)


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
        self,
        body: dict[str, Any],
        value: dict[str, Any],
        client: WebClient,
        respond: RetryingRespond,
    ) -> None:
        self.user = user = body["user"]["id"]
        container = body.get("container", {})
        channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
        message = body.get("message") or {}
        thread = message.get("thread_ts")
        self.client, self.respond = client, respond
        self.private = bool(container.get("is_ephemeral") or (channel and not message))
        self.public = False  # an answer here is seen by others than the presser
        self.went_privately = self.private
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
        self.went_privately = True
        privately(self.client, self.respond, self.user, text, blocks)

    def posted_in(self) -> tuple[str, str | None] | None:
        """The channel (and thread) the answer was posted in, when it was not private."""
        if self.went_privately or not isinstance(self.inner, MessageReply):
            return None
        return self.inner.channel, self.inner.thread_ts


def privately(
    client: WebClient, respond: RetryingRespond, user: str, text: str, blocks: list[dict[str, Any]]
) -> None:
    """Only `user` sees it: through the interaction's response_url, or in their DM with
    Ponte when there is none (a Home tab button)."""
    if respond.response_url:
        respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)
    else:
        client.chat_postMessage(channel=user, text=text, blocks=blocks)
