"""Customer feedback in Slack: the form (`/ponte feedback`, and the message shortcut "Save as
customer feedback", which fills it with the message), the product picker's options, and
the Save / Cancel buttons of a reaction's proposal."""

from __future__ import annotations

import json
from typing import Any

from bot.render import i18n
from bot.render.i18n import t
from planning.feedback.store import MAX_TEXT

FEEDBACK_MODAL = "ponte_feedback_form"
FEEDBACK_SHORTCUT = "ponte_feedback_message"  # the message shortcut
FEEDBACK_ACTION = "ponte_feedback"  # buttons: ponte_feedback_save, ponte_feedback_cancel
PRODUCTS = "products"  # the product picker (options loaded as the person types)
CUSTOMER, SENTIMENT, TEXT_BLOCK = "customer", "sentiment", "text"
AUTO = "auto"
MAX_OPTIONS = 25

TEXT: dict[str, tuple[str, str]] = {
    "fb_form.title": ("Customer feedback", "Feedback cliente"),
    "fb_form.submit": ("Save", "Salva"),
    "fb_form.text": ("What the customer said", "Cosa ha detto il cliente"),
    "fb_form.customer": ("Customer", "Cliente"),
    "fb_form.customer_hint": (
        "As in the sales data; a name Ponte does not know is kept as written.",
        "Come nei dati di vendita; un nome che Ponte non conosce resta come scritto.",
    ),
    "fb_form.products": ("Products", "Prodotti"),
    "fb_form.sentiment": ("Sentiment", "Tono"),
    "fb_form.auto": ("Let Ponte read it", "Lo legge Ponte"),
    "fb_form.hint": (
        "Everyone in the company can read it; you or an admin can change it later.",
        "Tutti in azienda possono leggerlo; tu o un amministratore potete cambiarlo in seguito.",
    ),
    "fb_form.empty": ("Write what the customer said.", "Scrivi cosa ha detto il cliente."),
    "fb_form.emoji": ("Write it in words, not only emoji.", "Scrivilo a parole, non solo emoji."),
    "fb_form.too_long": (
        "At most {most} characters: keep the customer's words.",
        "Al massimo {most} caratteri: tieni le parole del cliente.",
    ),
    "fb_msg.save": ("Save", "Salva"),
    "fb_msg.cancel": ("Cancel", "Annulla"),
    "fb_msg.cancelled": ("Not saved.", "Non salvato."),
    "fb_msg.from_bot": (
        "That message comes from an app, not from a customer: nothing was saved.",
        "Quel messaggio viene da un'app, non da un cliente: non ho salvato nulla.",
    ),
    "fb_msg.cannot_read": (
        "I cannot read that channel, so nothing was saved: invite me there (/invite "
        "@Ponte) or use the message shortcut “Save as customer feedback”.",
        "Non posso leggere quel canale, quindi non ho salvato nulla: invitami (/invite "
        "@Ponte) o usa la scorciatoia “Salva come feedback cliente”.",
    ),
    "fb_msg.gone": (
        "That message is not there any more (deleted?): nothing was saved.",
        "Quel messaggio non c'è più (cancellato?): non ho salvato nulla.",
    ),
    "fb_msg.reacted": (
        "You marked a message as customer feedback. Save it like this?",
        "Hai segnato un messaggio come feedback del cliente. Lo salvo così?",
    ),
}
i18n.register(TEXT)


def _option(text: str, value: str) -> dict[str, Any]:
    return {"text": {"type": "plain_text", "text": text[:75]}, "value": value[:150]}


def product_options(found: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """The picker's options: "PAD-28 · Padella antiaderente 28 cm", at most MAX_OPTIONS."""
    return [_option(f"{sku} · {name}", sku) for sku, name in found[:MAX_OPTIONS]]


def feedback_form(
    lang: str,
    *,
    text: str = "",
    customer: str | None = None,
    products: list[tuple[str, str]] | None = None,
    channel: str | None = None,
    message_ts: str | None = None,
) -> dict[str, Any]:
    """The form; from the message shortcut, filled with the message and what Ponte read in
    it, and carrying the message's channel and ts (one message, one record)."""

    def field(block: str, label: str, element: dict[str, Any], **extra: Any) -> dict[str, Any]:
        return {"type": "input", "block_id": block, "element": {"action_id": block, **element},
                "label": {"type": "plain_text", "text": t(lang, label)}, **extra}  # fmt: skip

    auto = _option(t(lang, "fb_form.auto"), AUTO)
    moods = [auto] + [_option(t(lang, f"feedback.{m}"), m)
                      for m in ("negative", "neutral", "positive")]  # fmt: skip
    text_input: dict[str, Any] = {"type": "plain_text_input", "multiline": True,
                                  "max_length": MAX_TEXT}  # fmt: skip
    if text:
        text_input["initial_value"] = text[:MAX_TEXT]
    customer_input: dict[str, Any] = {"type": "plain_text_input", "max_length": 200}
    if customer:
        customer_input["initial_value"] = customer
    picker: dict[str, Any] = {"type": "multi_external_select", "min_query_length": 1,
                              "max_selected_items": 20}  # fmt: skip
    if products:
        picker["initial_options"] = product_options(products)
    meta = {"channel": channel, "ts": message_ts} if channel and message_ts else {}
    return {
        "type": "modal",
        "callback_id": FEEDBACK_MODAL,
        "private_metadata": json.dumps(meta),
        "title": {"type": "plain_text", "text": t(lang, "fb_form.title")},
        "submit": {"type": "plain_text", "text": t(lang, "fb_form.submit")},
        "blocks": [
            field(TEXT_BLOCK, "fb_form.text", text_input),
            field(CUSTOMER, "fb_form.customer", customer_input, optional=True,
                  hint={"type": "plain_text", "text": t(lang, "fb_form.customer_hint")}),
            field(PRODUCTS, "fb_form.products", picker, optional=True),
            field(SENTIMENT, "fb_form.sentiment", {"type": "static_select",
                                                   "initial_option": auto, "options": moods}),
            {"type": "context",
             "elements": [{"type": "plain_text", "text": t(lang, "fb_form.hint")}]},
        ],
    }  # fmt: skip


def form_values(view: dict[str, Any]) -> dict[str, Any]:
    """The form's answers: text (as typed), customer, products, sentiment, and the message
    it came from (channel, ts) when the shortcut opened it."""
    values = (view.get("state") or {}).get("values") or {}

    def get(block: str) -> dict[str, Any]:
        found: dict[str, Any] = (values.get(block) or {}).get(block) or {}
        return found

    try:
        meta = json.loads(view.get("private_metadata") or "{}")
    except json.JSONDecodeError:
        meta = {}
    mood = (get(SENTIMENT).get("selected_option") or {}).get("value")
    return {
        "text": get(TEXT_BLOCK).get("value") or "",
        "customer": (get(CUSTOMER).get("value") or "").strip() or None,
        "products": [o["value"] for o in get(PRODUCTS).get("selected_options") or []],
        "sentiment": None if mood in (None, AUTO) else mood,
        "channel": meta.get("channel") if isinstance(meta, dict) else None,
        "ts": meta.get("ts") if isinstance(meta, dict) else None,
    }


def reaction_buttons(lang: str, *, channel: str, message_ts: str) -> dict[str, Any]:
    """Save / Cancel under a reaction's proposal; the value names the message (its text is
    read again from Slack when Save is pressed, never taken from the button)."""
    value = json.dumps({"channel": channel, "ts": message_ts})
    return {
        "type": "actions",
        "elements": [
            {"type": "button", "style": "primary", "action_id": f"{FEEDBACK_ACTION}_save",
             "text": {"type": "plain_text", "text": t(lang, "fb_msg.save")}, "value": value},
            {"type": "button", "action_id": f"{FEEDBACK_ACTION}_cancel",
             "text": {"type": "plain_text", "text": t(lang, "fb_msg.cancel")}, "value": value},
        ],
    }  # fmt: skip


def message_of(value: str | None) -> tuple[str, str] | None:
    """(channel, ts) a button names, or None when it is not one of Ponte's."""
    try:
        data = json.loads(value or "")
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict):
        return None
    channel, ts = data.get("channel"), data.get("ts")
    if isinstance(channel, str) and isinstance(ts, str) and channel and ts:
        return channel, ts
    return None
