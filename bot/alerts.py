"""Alerts to Slack: a scan's news posted where the routing rules say, and the daily digest.

`AlertPoster.deliver()` posts every alert waiting to be told (planning.alerts.delivery):
new ones one message each, with the chart behind it in the thread; worse ones by updating
their message and saying it in the thread; cleared ones in the thread; at most the day's
cap per channel, the rest (and low severity) for `digest()`. A channel Ponte cannot post in
(deleted, archived, not invited) falls back to the default channel, with a log line; an
alert whose post failed stays waiting and is posted by the next delivery, so nothing is
lost. Rate limits and Slack's 5xx are retried by the client (bot.slack.app.retry_handlers).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine

from bot.blocks.alerts import alert_message, digest_message
from bot.render.cards.base import run_line
from bot.render.i18n import t
from planning.alerts.delivery import (
    Delivery,
    mark_escalated,
    mark_said,
    pending,
    posted_since,
    to_escalate,
)
from planning.alerts.store import StoredAlert, mark_notified
from planning.forecast.runs import latest_run_id, summarize

log = logging.getLogger("ponte.alerts")
# Errors that say this channel will not take the message: try the default channel.
UNREACHABLE = {"channel_not_found", "not_in_channel", "is_archived", "channel_is_archived"}


@dataclass
class Delivered:
    posted: list[int] = field(default_factory=list)  # alert ids posted or updated
    said: list[int] = field(default_factory=list)  # resolved ones told in their thread
    waiting: list[int] = field(default_factory=list)  # for the digest, or for next time
    failed: list[int] = field(default_factory=list)  # could not be posted: will be retried
    escalated: list[int] = field(default_factory=list)  # unacknowledged too long: told


class AlertPoster:
    def __init__(self, engine: Engine, client: WebClient, delivery: Delivery) -> None:
        self.engine, self.client, self.delivery = engine, client, delivery

    def _source(self) -> str | None:
        run = latest_run_id(self.engine, grain="week")
        if run is None:
            return None
        lang = self.delivery.language
        return t(lang, "base.source.text_3") + run_line(lang, summarize(self.engine, run))

    def deliver(self, *, now: dt.datetime) -> Delivered:
        done = Delivered()
        lang, source = self.delivery.language, self._source()
        start_of_day = now.replace(hour=0, minute=0, second=0, microsecond=0)
        counts: dict[str, int] = {}
        for alert in pending(self.engine):
            if alert.status == "resolved":
                self._say_cleared(alert, now, lang, done)
                continue
            channel = alert.channel or self.delivery.channel_for(alert)
            if channel is None:
                log.warning("alert #%s has no channel: set [delivery] default_channel", alert.id)
                done.waiting.append(alert.id)
                continue
            if alert.severity not in self.delivery.posted:
                done.waiting.append(alert.id)  # the digest's
                continue
            if channel not in counts:
                counts[channel] = posted_since(self.engine, channel, start_of_day)
            if counts[channel] >= self.delivery.cap_per_day:
                done.waiting.append(alert.id)
                continue
            text, blocks = alert_message(alert, lang, source=source,
                                         heard=self._heard(alert, now.date(), lang))  # fmt: skip
            try:
                where, ts = self._post(alert, channel, text, blocks, lang)
            except SlackApiError as exc:
                log.error("alert #%s not posted (%s): it stays waiting", alert.id,
                          exc.response.get("error"))  # fmt: skip
                done.failed.append(alert.id)
                continue
            mark_notified(self.engine, alert.id, channel=where, message_ts=ts, now=now)
            counts[where] = counts.get(where, 0) + 1
            done.posted.append(alert.id)
            if not alert.message_ts:  # a new message: its chart in the thread
                self._chart(alert, where, ts, now.date(), lang)
        self._escalate(now, lang, done)
        return done

    def _heard(self, alert: StoredAlert, today: dt.date, lang: str) -> str | None:
        """What customers said this week about the alert's product (or family), in a line."""
        from bot.render.cards.feedback import beside_notes
        from planning.feedback.beside import beside

        if alert.sku is None and alert.family is None:
            return None
        near = beside(self.engine, today=today, skus=(alert.sku,) if alert.sku else (),
                      family=None if alert.sku else alert.family, days=7, notes=False)  # fmt: skip
        lines = beside_notes(lang, near)
        return lines[0] if lines else None

    def _chart(self, alert: StoredAlert, channel: str, ts: str, today: dt.date, lang: str) -> None:
        """The chart behind the alert, in its thread; a chart that cannot be drawn or
        uploaded is logged and the alert stands without it."""
        from bot.charts.pick import alert_chart

        try:
            chart = alert_chart(alert, self.engine, today=today, lang=lang)
            if chart is not None:
                self.client.files_upload_v2(channel=channel, thread_ts=ts, content=chart.png,
                                            filename=chart.filename, title=chart.title)  # fmt: skip
        except SlackApiError as exc:
            log.warning("alert #%s: chart not uploaded (%s)", alert.id, exc.response.get("error"))
        except Exception:
            log.warning("alert #%s: no chart", alert.id, exc_info=True)

    def _escalate(self, now: dt.datetime, lang: str, done: Delivered) -> None:
        """Alerts left unacknowledged past the set hours: told to `escalate_to`, once."""
        target, hours = self.delivery.escalate_to, self.delivery.escalate_after_hours
        if not target or hours <= 0:
            return
        for alert in to_escalate(self.engine, now=now, hours=hours):
            text, _ = alert_message(alert, lang)
            line = t(lang, "alert_msg.escalated", hours=f"{hours:g}", what=text,
                     channel=alert.channel, id=alert.id)  # fmt: skip
            try:
                self.client.chat_postMessage(channel=target, text=line)
            except SlackApiError as exc:
                log.error("alert #%s not escalated (%s); retried next time", alert.id,
                          exc.response.get("error"))  # fmt: skip
                continue
            mark_escalated(self.engine, alert.id, to=target, now=now)
            done.escalated.append(alert.id)

    def _post(
        self,
        alert: StoredAlert,
        channel: str,
        text: str,
        blocks: list[dict[str, object]],
        lang: str,
    ) -> tuple[str, str]:
        if alert.message_ts and alert.channel:  # worse than when told: update, and say so
            self.client.chat_update(channel=alert.channel, ts=alert.message_ts, text=text,
                                    blocks=blocks)  # fmt: skip
            self.client.chat_postMessage(
                channel=alert.channel, thread_ts=alert.message_ts, reply_broadcast=True,
                text=t(lang, "alert_msg.worse", what=text),
            )  # fmt: skip
            return alert.channel, alert.message_ts
        try:
            posted = self.client.chat_postMessage(channel=channel, text=text, blocks=blocks)
        except SlackApiError as exc:
            fallback = self.delivery.default_channel
            if exc.response.get("error") not in UNREACHABLE or not fallback or fallback == channel:
                raise
            log.warning("alert #%s: cannot post in %s (%s); posting in %s", alert.id, channel,
                        exc.response.get("error"), fallback)  # fmt: skip
            channel = fallback
            posted = self.client.chat_postMessage(channel=channel, text=text, blocks=blocks)
        return str(posted.get("channel") or channel), str(posted["ts"])

    def _say_cleared(
        self, alert: StoredAlert, now: dt.datetime, lang: str, done: Delivered
    ) -> None:
        assert alert.channel and alert.message_ts
        text, blocks = alert_message(alert, lang, source=self._source())
        try:
            self.client.chat_update(channel=alert.channel, ts=alert.message_ts, text=text,
                                    blocks=blocks)  # fmt: skip
            self.client.chat_postMessage(channel=alert.channel, thread_ts=alert.message_ts,
                                         text=t(lang, "alert_msg.cleared"))  # fmt: skip
        except SlackApiError as exc:
            if exc.response.get("error") not in UNREACHABLE | {"message_not_found"}:
                log.error("alert #%s: clearing not said (%s); retried next time", alert.id,
                          exc.response.get("error"))  # fmt: skip
                done.failed.append(alert.id)
                return
            log.warning("alert #%s: its message is gone (%s)", alert.id, exc.response.get("error"))
        mark_said(self.engine, alert.id, now=now, what="cleared_said")
        done.said.append(alert.id)

    def digest(self, *, now: dt.datetime) -> dict[str, list[int]]:
        """One message per channel listing the alerts waiting for it; {channel: alert ids}."""
        lang = self.delivery.language
        by_channel: dict[str, list[StoredAlert]] = {}
        for alert in pending(self.engine):
            channel = alert.channel or self.delivery.channel_for(alert)
            if alert.status == "resolved" or channel is None:
                continue
            by_channel.setdefault(channel, []).append(alert)
        sent: dict[str, list[int]] = {}
        for channel, alerts in by_channel.items():
            text, blocks = digest_message(alerts, lang)
            try:
                self.client.chat_postMessage(channel=channel, text=text, blocks=blocks)
            except SlackApiError as exc:
                log.error("digest for %s not posted (%s): its alerts stay waiting", channel,
                          exc.response.get("error"))  # fmt: skip
                continue
            for alert in alerts:
                mark_notified(self.engine, alert.id, channel=channel, message_ts=None, now=now)
            sent[channel] = [a.id for a in alerts]
        return sent
