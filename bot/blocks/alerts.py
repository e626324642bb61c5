"""An alert as a Slack message: the problem and its key numbers, who is on it, and the
buttons to act (Acknowledge, Snooze a day / a week / until a date, Assign, Why?)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.blocks.answers import escape
from bot.render import i18n
from bot.render.cards.alerts import describe
from bot.render.i18n import date, money, t
from planning.alerts.answers import AlertLine
from planning.alerts.store import StoredAlert

ALERT_ACTION = "alert"  # action ids: alert_ack, alert_snooze_1, alert_snooze_7, ...
SEVERITY_MARK = {"high": ":red_circle:", "medium": ":large_orange_circle:", "low": ":white_circle:"}

TEXT: dict[str, tuple[str, str]] = {
    "alert_msg.ack": ("Acknowledge", "Presa in carico"),
    "alert_msg.snooze_day": ("Snooze 1 day", "Rimanda 1 giorno"),
    "alert_msg.snooze_week": ("Snooze 1 week", "Rimanda 1 settimana"),
    "alert_msg.until": ("Snooze until…", "Rimanda al…"),
    "alert_msg.assign": ("Assign to…", "Assegna a…"),
    "alert_msg.why": ("Why?", "Perché?"),
    "alert_msg.context": (
        "At stake {money} · alert #{id} · first seen {first}",
        "In gioco {money} · allerta n. {id} · vista la prima volta il {first}",
    ),
    "alert_msg.acknowledged": ("Acknowledged by <@{who}>", "Presa in carico da <@{who}>"),
    "alert_msg.snoozed": ("Snoozed until {day} by <@{who}>", "Rimandata al {day} da <@{who}>"),
    "alert_msg.assigned": ("Assigned to <@{who}>", "Assegnata a <@{who}>"),
    "alert_msg.resolved": (
        "Resolved on {day}: the problem cleared",
        "Risolta il {day}: il problema non c'è più",
    ),
    "alert_msg.cleared": (
        ":white_check_mark: Cleared: the latest scan no longer finds this problem.",
        ":white_check_mark: Risolta: l'ultima scansione non trova più questo problema.",
    ),
    "alert_msg.worse": (":arrow_up: Worse now: {what}", ":arrow_up: Peggiorata: {what}"),
    "alert_msg.digest": (
        "Daily digest: {count} alerts to look at",
        "Riepilogo del giorno: {count} allerte da guardare",
    ),
    "alert_msg.digest_line": ("{mark} #{id} {what}", "{mark} n. {id} {what}"),
    "alert_msg.escalated": (
        ":rotating_light: Not acknowledged for {hours} hours (alert #{id} in <#{channel}>): {what}",
        ":rotating_light: Nessuno l'ha presa in carico da {hours} ore (allerta n. {id} in "
        "<#{channel}>): {what}",
    ),
}

i18n.register(TEXT)


def _value(alert: StoredAlert, lang: str, **extra: Any) -> str:
    return json.dumps({"alert": alert.id, "version": alert.version, "lang": lang, **extra})


def status_lines(alert: StoredAlert, lang: str, actor: dict[str, str]) -> list[str]:
    """Who did what to it, as the message shows (`actor`: the last person per action)."""
    lines = []
    if alert.status == "resolved" and alert.resolved_at is not None:
        lines.append(t(lang, "alert_msg.resolved", day=date(lang, alert.resolved_at.date())))
    if alert.acknowledged_by and alert.status == "acknowledged":
        lines.append(t(lang, "alert_msg.acknowledged", who=alert.acknowledged_by))
    if alert.status == "snoozed" and alert.snoozed_until:
        lines.append(t(lang, "alert_msg.snoozed", day=date(lang, alert.snoozed_until),
                       who=actor.get("snooze", "")))  # fmt: skip
    if alert.assigned_to:
        lines.append(t(lang, "alert_msg.assigned", who=alert.assigned_to))
    return lines


def alert_message(
    alert: StoredAlert,
    lang: str,
    *,
    source: str | None = None,
    actor: dict[str, str] | None = None,
    heard: str | None = None,
) -> tuple[str, list[dict[str, Any]]]:
    """Notification text and blocks of one alert's message; `heard`: what customers said
    about its product this week, in a line."""
    what = describe(lang, AlertLine(alert.finding(), alert))
    severity = t(lang, f"alerts.severity.{alert.severity}")
    mark = SEVERITY_MARK.get(alert.severity, "")
    text = f"{severity}: {what}"
    out: list[dict[str, Any]] = [
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "verbatim": True,
                "text": f"{mark} *{escape(severity)}* · {escape(what)}",
            },
        },
    ]
    context = t(lang, "alert_msg.context", money=money(lang, alert.money) if alert.money else "–",
                id=alert.id, first=date(lang, alert.first_seen.date()))  # fmt: skip
    elements = [{"type": "mrkdwn", "text": escape(context), "verbatim": True}]
    if heard:
        elements.append({"type": "mrkdwn", "text": escape(heard), "verbatim": True})
    if source:
        elements.append({"type": "mrkdwn", "text": escape(source), "verbatim": True})
    out.append({"type": "context", "elements": elements})
    status = status_lines(alert, lang, actor or {})
    if status:  # written by Ponte: the mentions of who acted are meant
        out.append(
            {"type": "context", "elements": [{"type": "mrkdwn", "text": " · ".join(status)}]}
        )
    if alert.status != "resolved":
        out.append({"type": "actions", "elements": _controls(alert, lang)})
    return text, out


def _controls(alert: StoredAlert, lang: str) -> list[dict[str, Any]]:
    def button(label: str, action: str, **extra: Any) -> dict[str, Any]:
        return {"type": "button", "action_id": f"{ALERT_ACTION}_{action}",
                "text": {"type": "plain_text", "text": t(lang, label)},
                "value": _value(alert, lang, **extra)}  # fmt: skip

    controls = [
        button("alert_msg.ack", "ack"),
        button("alert_msg.snooze_day", "snooze_1", days=1),
        button("alert_msg.snooze_week", "snooze_7", days=7),
        {"type": "datepicker", "action_id": f"{ALERT_ACTION}_until",
         "placeholder": {"type": "plain_text", "text": t(lang, "alert_msg.until")}},
        {"type": "users_select", "action_id": f"{ALERT_ACTION}_assign",
         "placeholder": {"type": "plain_text", "text": t(lang, "alert_msg.assign")}},
        button("alert_msg.why", "why"),
    ]  # fmt: skip
    if alert.status == "acknowledged":
        controls.pop(0)
    return controls


def digest_message(alerts: list[StoredAlert], lang: str) -> tuple[str, list[dict[str, Any]]]:
    """One message listing the alerts that wait for the digest."""
    head = t(lang, "alert_msg.digest", count=len(alerts))
    lines = [
        t(
            lang,
            "alert_msg.digest_line",
            mark=SEVERITY_MARK.get(a.severity, ""),
            id=a.id,
            what=escape(describe(lang, AlertLine(a.finding(), a))),
        )
        for a in alerts
    ]
    out: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"*{head}*"}}
    ]
    chunk: list[str] = []
    for line in lines:  # sections of at most ~2,800 characters, at most 45 of them
        if sum(len(x) + 1 for x in chunk) + len(line) > 2800:
            out.append({"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(chunk)}})
            chunk = []
        chunk.append(line)
    if chunk:
        out.append({"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(chunk)}})
    return head, out[:48]


@dataclass(frozen=True)
class AlertRef:
    """What a control on an alert's message carries: the alert, the version its message
    showed, and the message's language."""

    alert: int
    version: int | None
    lang: str


def alert_of(value: str | None) -> AlertRef | None:
    """The alert a control names (None: not one of Ponte's)."""
    try:
        data = json.loads(value or "")
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("alert"), int):
        return None
    version = data.get("version")
    lang = "it" if data.get("lang") == "it" else "en"
    return AlertRef(data["alert"], version if isinstance(version, int) else None, lang)
