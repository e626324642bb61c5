"""A quota change request as the approver's Slack message: the request, before and after,
the plants' impact, and the buttons to decide (Approve, Reject, Ask for changes, History);
once decided, the same message shows the outcome and no buttons. Reject and Ask for changes
open a modal for the reason."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from bot.blocks.answers import blocks, escape, fallback_text
from bot.render import i18n
from bot.render.cards.quota_requests import change, outcome_line, request_card, what
from bot.render.i18n import t
from planning.quota_impact import CapacityImpact
from planning.quota_requests import QuotaChange, QuotaRequestResult

QUOTA_ACTION = "quota_request"  # action ids: quota_request_approve, _reject, _changes, _history
DECISION_MODAL = "quota_decision"
REQUEST_MODAL = "quota_request_form"
TOTAL = "__total__"  # the family select's "every family" option
NOTE_BLOCK, NOTE_INPUT = "note", "note_input"
MAX_NOTE = 2000

TEXT: dict[str, tuple[str, str]] = {
    "qr_msg.approve": ("Approve", "Approva"),
    "qr_msg.reject": ("Reject", "Rifiuta"),
    "qr_msg.changes": ("Ask for changes", "Chiedi modifiche"),
    "qr_msg.history": ("History", "Storico"),
    "qr_msg.asks": (
        "{requester} asks for a quota change (request #{id}): your decision.",
        "{requester} chiede una modifica di quota (richiesta n. {id}): decidi tu.",
    ),
    "qr_msg.reminder": (
        "Reminder: request #{id} from {requester} has waited since {since}.",
        "Promemoria: la richiesta n. {id} di {requester} attende dal {since}.",
    ),
    "qr_msg.modal_title.reject": ("Reject request", "Rifiuta richiesta"),
    "qr_msg.modal_title.changes": ("Ask for changes", "Chiedi modifiche"),
    "qr_msg.modal_submit": ("Send", "Invia"),
    "qr_msg.modal_label": ("Why? (the requester reads it)", "Perché? (lo legge chi ha chiesto)"),
    "qr_msg.history_title": ("History of {what}", "Storico di {what}"),
    "qr_msg.history_none": ("Nothing recorded yet.", "Ancora niente di registrato."),
    "qr_form.title": ("Quota change", "Modifica quota"),
    "qr_form.submit": ("Check", "Verifica"),
    "qr_form.whose": ("Whose quota", "Quota di"),
    "qr_form.period": ("Period", "Periodo"),
    "qr_form.family": ("Family", "Famiglia"),
    "qr_form.total": ("Total (every family)", "Totale (tutte le famiglie)"),
    "qr_form.target": ("New target, units", "Nuovo obiettivo, pezzi"),
    "qr_form.reason": ("Why (the approver reads it)", "Perché (lo legge chi approva)"),
    "qr_form.hint": (
        "Nothing is sent yet: Ponte first shows the change and its impact in your DM.",
        "Non parte ancora nulla: Ponte prima mostra la modifica e il suo impatto nel DM.",
    ),
    "qr_form.bad_target": ("Write a number, e.g. 12500.", "Scrivi un numero, es. 12500."),
    "qr_msg.forged": (
        "This button does not come from this workspace's Ponte: nothing was done.",
        "Questo pulsante non viene dal Ponte di questo workspace: non ho fatto nulla.",
    ),
}
i18n.register(TEXT)


@dataclass(frozen=True)
class RequestRef:
    request: int
    version: int | None


def _value(request: QuotaChange) -> str:
    return json.dumps({"request": request.id, "version": request.version})


def request_of(value: str | None) -> RequestRef | None:
    """The request a button or a modal names (None: not one of Ponte's)."""
    try:
        data = json.loads(value or "")
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("request"), int):
        return None
    version = data.get("version")
    return RequestRef(data["request"], version if isinstance(version, int) else None)


def approval_message(
    request: QuotaChange, impact: CapacityImpact | None, lang: str, *, reminder: bool = False
) -> tuple[str, list[dict[str, Any]]]:
    """The approver's message: open requests carry the buttons; decided ones their outcome."""
    shown = request_card(QuotaRequestResult(request, impact, submitted=True), lang)
    shown = replace(shown, headline=f"{what(lang, request)} ({change(lang, request)})")
    key = "qr_msg.reminder" if reminder else "qr_msg.asks"
    intro = t(lang, key, id=request.id, requester=request.requester_name,
              since=i18n.date(lang, request.created_at.date()))  # fmt: skip
    payload = blocks(shown)
    payload.insert(0, {"type": "section", "text": {"type": "mrkdwn", "text": escape(intro),
                                                    "verbatim": True}})  # fmt: skip
    if request.status != "pending":
        line = outcome_line(lang, request)
        payload.append({"type": "context", "elements": [{"type": "mrkdwn", "text": escape(line),
                                                          "verbatim": True}]})  # fmt: skip
        return line, payload
    value = _value(request)
    buttons = [
        {"type": "button", "action_id": f"{QUOTA_ACTION}_approve", "style": "primary",
         "text": {"type": "plain_text", "text": t(lang, "qr_msg.approve")}, "value": value},
        {"type": "button", "action_id": f"{QUOTA_ACTION}_reject", "style": "danger",
         "text": {"type": "plain_text", "text": t(lang, "qr_msg.reject")}, "value": value},
        {"type": "button", "action_id": f"{QUOTA_ACTION}_changes",
         "text": {"type": "plain_text", "text": t(lang, "qr_msg.changes")}, "value": value},
        {"type": "button", "action_id": f"{QUOTA_ACTION}_history",
         "text": {"type": "plain_text", "text": t(lang, "qr_msg.history")}, "value": value},
    ]  # fmt: skip
    payload.append({"type": "actions", "elements": buttons})
    return intro + " " + fallback_text(shown), payload


def decision_modal(
    ref: RequestRef, decision: str, lang: str, *, channel: str | None, ts: str | None
) -> dict[str, Any]:
    """The reason for a rejection or a request for changes; what it decides rides along."""
    meta = {"request": ref.request, "version": ref.version, "decision": decision,
            "channel": channel, "ts": ts}  # fmt: skip
    return {
        "type": "modal",
        "callback_id": DECISION_MODAL,
        "private_metadata": json.dumps(meta),
        "title": {"type": "plain_text", "text": t(lang, f"qr_msg.modal_title.{decision}")},
        "submit": {"type": "plain_text", "text": t(lang, "qr_msg.modal_submit")},
        "blocks": [
            {
                "type": "input",
                "block_id": NOTE_BLOCK,
                "label": {"type": "plain_text", "text": t(lang, "qr_msg.modal_label")},
                "element": {
                    "type": "plain_text_input",
                    "action_id": NOTE_INPUT,
                    "multiline": True,
                    "max_length": MAX_NOTE,
                },
            }
        ],
    }


def request_form(
    lang: str, *, user: str, periods: list[str], families: list[str]
) -> dict[str, Any]:
    """`/ponte quota request`: whose quota, the period, a family or the total, the new target
    and why. Submitting it shows the checked request in the DM, for a yes."""

    def option(text: str, value: str) -> dict[str, Any]:
        return {"text": {"type": "plain_text", "text": text[:75]}, "value": value}

    def field(block: str, label: str, element: dict[str, Any], **extra: Any) -> dict[str, Any]:
        return {"type": "input", "block_id": block, "element": {"action_id": block, **element},
                "label": {"type": "plain_text", "text": t(lang, label)}, **extra}  # fmt: skip

    total = option(t(lang, "qr_form.total"), TOTAL)
    return {
        "type": "modal",
        "callback_id": REQUEST_MODAL,
        "title": {"type": "plain_text", "text": t(lang, "qr_form.title")},
        "submit": {"type": "plain_text", "text": t(lang, "qr_form.submit")},
        "blocks": [
            field("whose", "qr_form.whose", {"type": "users_select", "initial_user": user}),
            field("period", "qr_form.period", {
                "type": "static_select", "initial_option": option(i18n.period(lang, periods[0]),
                                                                  periods[0]),
                "options": [option(i18n.period(lang, p), p) for p in periods]}),
            field("family", "qr_form.family", {
                "type": "static_select", "initial_option": total,
                "options": [total, *(option(f, f) for f in families[:99])]}),
            field("target", "qr_form.target", {"type": "plain_text_input", "max_length": 20}),
            field("reason", "qr_form.reason", {"type": "plain_text_input", "multiline": True,
                                               "max_length": MAX_NOTE}),
            {"type": "context",
             "elements": [{"type": "plain_text", "text": t(lang, "qr_form.hint")}]},
        ],
    }  # fmt: skip


def form_values(view: dict[str, Any]) -> dict[str, Any]:
    """The request form's answers as the ability's arguments (target as typed)."""
    values = (view.get("state") or {}).get("values") or {}

    def get(block: str) -> dict[str, Any]:
        found: dict[str, Any] = (values.get(block) or {}).get(block) or {}
        return found

    family = (get("family").get("selected_option") or {}).get("value")
    return {
        "person": get("whose").get("selected_user"),
        "period": (get("period").get("selected_option") or {}).get("value"),
        "family": None if family in (None, TOTAL) else family,
        "target": (get("target").get("value") or "").strip(),
        "reason": (get("reason").get("value") or "").strip(),
    }
