"""Quota requests to Slack: the approver's message, the requester's answer, reminders.

`QuotaNews.deliver()` tells everyone what they are waiting for: a new request goes to its
approver as a DM with the buttons to decide; a decided (or expired) one goes to its
requester, and the approver's message is updated to show the outcome without buttons. It
runs after every request or decision made in Slack and on the scheduler (the
`quota_requests` job, which also reminds approvers and expires old requests), so a post
that failed (Slack down, rate limited past the client's retries) is made by the next run:
what was not told stays marked untold in the database. Each message speaks its reader's
language (people.csv).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine, text

from bot.blocks.quota_requests import approval_message
from bot.render.cards.quota_requests import outcome_line
from planning.quota_decisions import (
    expire_requests,
    mark_reminded,
    mark_told,
    requests_to_remind,
    to_deliver,
)
from planning.quota_impact import CapacityImpact, capacity_impact
from planning.quota_requests import QuotaChange

log = logging.getLogger("ponte.quota")


@dataclass
class Told:
    approvers: list[int] = field(default_factory=list)  # request ids posted to the approver
    requesters: list[int] = field(default_factory=list)  # outcomes told to the requester
    reminded: list[int] = field(default_factory=list)
    expired: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)  # left untold: the next run tries again


class QuotaNews:
    def __init__(self, engine: Engine, client: WebClient) -> None:
        self.engine, self.client = engine, client

    def language(self, user: str) -> str:
        with self.engine.connect() as conn:
            lang = conn.execute(
                text("SELECT language FROM person WHERE slack_user_id = :u"), {"u": user}
            ).scalar()
        return "it" if lang == "it" else "en"

    def impact(self, request: QuotaChange, today: dt.date) -> CapacityImpact | None:
        if request.kind == "allocation":  # its card shows the split, capped when proposed
            return None
        try:
            return capacity_impact(
                self.engine, today=today, period=request.period, rep=request.rep,
                territory=request.territory, family=request.family,
                units_after=request.target_units, revenue_after=request.target_revenue,
            )  # fmt: skip
        except Exception:  # the impact is context: the request goes out without it
            log.warning("no capacity impact for quota request #%s", request.id, exc_info=True)
            return None

    def deliver(self, *, today: dt.date, done: Told | None = None) -> Told:
        done = done or Told()
        for request in to_deliver(self.engine):
            assert request.id is not None
            try:
                if request.status == "pending" and not request.approver_told:
                    self._ask_approver(request, today)
                    done.approvers.append(request.id)
                elif not request.requester_told:
                    self._tell_requester(request, today)
                    done.requesters.append(request.id)
            except SlackApiError as exc:
                log.warning("quota request #%s not told (%s): the next run tries again",
                            request.id, exc.response.get("error"))  # fmt: skip
                done.failed.append(request.id)
        return done

    def _ask_approver(self, request: QuotaChange, today: dt.date) -> None:
        lang = self.language(request.approver)
        said, blocks = approval_message(request, self.impact(request, today), lang)
        sent = self.client.chat_postMessage(channel=request.approver, text=said, blocks=blocks)
        assert request.id is not None
        mark_told(self.engine, request.id, approver=True, channel=sent.get("channel"),
                  message_ts=sent.get("ts"))  # fmt: skip

    def _tell_requester(self, request: QuotaChange, today: dt.date) -> None:
        assert request.id is not None
        if request.channel and request.message_ts:
            lang = self.language(request.approver)
            said, blocks = approval_message(request, self.impact(request, today), lang)
            try:
                self.client.chat_update(channel=request.channel, ts=request.message_ts,
                                        text=said, blocks=blocks)  # fmt: skip
            except SlackApiError as exc:  # the message was deleted: the requester still hears
                log.info("approval message of #%s not updated: %s", request.id,
                         exc.response.get("error"))  # fmt: skip
        line = outcome_line(self.language(request.requested_by), request)
        self.client.chat_postMessage(channel=request.requested_by, text=line)
        mark_told(self.engine, request.id, requester=True)

    def remind_and_expire(
        self, *, now: dt.datetime, today: dt.date, remind_after: dt.timedelta,
        expire_after: dt.timedelta,
    ) -> Told:  # fmt: skip
        """Expire requests older than `expire_after` (their requesters are told), remind the
        approvers of those waiting longer than `remind_after`, then deliver the rest."""
        done = Told()
        done.expired = [r.id for r in expire_requests(self.engine, now=now, after=expire_after)
                        if r.id is not None]  # fmt: skip
        for request in requests_to_remind(self.engine, now=now, after=remind_after):
            assert request.id is not None
            lang = self.language(request.approver)
            said, blocks = approval_message(request, self.impact(request, today), lang,
                                            reminder=True)  # fmt: skip
            try:
                self.client.chat_postMessage(channel=request.approver, text=said, blocks=blocks)
            except SlackApiError as exc:
                log.warning("reminder of quota request #%s not sent (%s)", request.id,
                            exc.response.get("error"))  # fmt: skip
                done.failed.append(request.id)
                continue
            mark_reminded(self.engine, request.id, now=now)
            done.reminded.append(request.id)
        return self.deliver(today=today, done=done)
