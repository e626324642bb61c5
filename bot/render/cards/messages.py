"""Everything that is not an answer: help, questions asked back, refusals and errors."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from bot.render import i18n
from bot.render.cards.base import CHOICE_BUTTONS, Action, Card
from bot.render.i18n import number, t
from planning.errors import PonteError
from planning.feedback.store import MAX_TEXT
from tools.abilities import REGISTRY, HelpAnswer
from tools.assistant import Outcome
from tools.router import MAX_CHARS

TEXT: dict[str, tuple[str, str]] = {
    "not_allowed.what_if.rep": (
        "What-if scenarios plan the plants' load, which reps see through their promises: ask "
        'whether you can promise a quantity by a date ("can I promise 500 [product] by 15 '
        'Dec?") for what production can serve your customer, or ask your manager to run the '
        "scenario.",
        "Gli scenari (e se...) pianificano il carico degli stabilimenti, che chi vende vede "
        "attraverso le promesse: chiedi se puoi promettere una quantità entro una data "
        '("posso promettere 500 [prodotto] entro il 15 dicembre?") per sapere cosa la '
        "produzione può dare al tuo cliente, o chiedi al tuo manager di fare lo scenario.",
    ),
    "not_allowed.capacity_check.rep": (
        "Plant capacity is for planning; reps see it through their promises: ask whether you "
        'can promise a quantity by a date ("can I promise 500 [product] by 15 Dec?"), '
        "which counts what the plant can still make in time.",
        "La capacità degli stabilimenti è per la pianificazione; chi vende la vede attraverso "
        'le promesse: chiedi se puoi promettere una quantità entro una data ("posso '
        'promettere 500 [prodotto] entro il 15 dicembre?"), che conta quanto lo stabilimento '
        "può ancora produrre in tempo.",
    ),
    "messages.help_card.title": (
        "Hi {split}, here is what I can do",
        "Ciao {split}, ecco cosa so fare",
    ),
    "messages.help_card.headline": (
        "Ask in plain English or Italian, for example:",
        "Chiedimi in italiano o in inglese, per esempio:",
    ),
    "messages.help_card.columns": (
        "about",
        "su",
    ),
    "messages.help_card.columns_2": (
        "try",
        "prova",
    ),
    "messages.help_card.notes": (
        "Coming later: {coming}.",
        "In arrivo: {coming}.",
    ),
    "messages.message_card.actions": (
        "Confirm",
        "Conferma",
    ),
    "messages.message_card.actions_2": (
        "yes",
        "sì",
    ),
    "messages.message_card.actions_3": (
        "Cancel",
        "Annulla",
    ),
    "messages.message_card.admins": (
        "your Ponte admin",
        "l'amministratore di Ponte",
    ),
    "messages.message_card.admins_2": (
        " or ",
        " o ",
    ),
}
i18n.register(TEXT)


def help_card(h: HelpAnswer, lang: str) -> Card:
    rows = tuple(
        (i18n.ability(lang, name), i18n.example(lang, name, h.sample)) for name in h.abilities
    )
    coming = ", ".join(i18n.ability(lang, name).lower() for name in h.coming)
    return Card(
        title=t(lang, "messages.help_card.title", split=h.name.split()[0]),
        headline=t(lang, "messages.help_card.headline"),
        columns=(t(lang, "messages.help_card.columns"), t(lang, "messages.help_card.columns_2")),
        rows=rows,
        notes=(t(lang, "messages.help_card.notes", coming=coming),),
    )


# -- everything that is not an answer -------------------------------------------------------


def _examples(lang: str, sample: dict[str, str]) -> str:
    names = ("stock_status", "available_to_promise", "quota_status")
    return " · ".join(f"“{i18n.example(lang, n, sample)}”" for n in names)


def confirm_card(o: Outcome, lang: str, shown: Card | None) -> Card:
    """A write waiting for the person's yes: what it would do (`shown`, the card of its
    checked preview) or, without one, the call and its arguments; Yes and No buttons."""
    if shown is None:
        args = ", ".join(f"{k}: {v}" for k, v in o.args.items())
        headline = t(lang, "confirm", ability=i18n.ability(lang, o.tool or ""), args=args)
        shown = Card(headline=headline)
    else:
        shown = replace(shown, headline=f"{shown.headline} {t(lang, 'confirm_reply')}")
    return replace(
        shown,
        actions=(
            Action(
                t(lang, "messages.message_card.actions"),
                t(lang, "messages.message_card.actions_2"),
            ),
            Action(t(lang, "messages.message_card.actions_3"), "no"),
        ),
        tone="warning",
    )


def message_card(o: Outcome, lang: str) -> Card:
    p = o.params
    if o.kind == "clarify":
        if o.params.get("unknown") and o.missing == "date":
            return Card(headline=t(lang, "bad_date", text=p["unknown"]) + " " + t(lang, "ask_date"))
        if o.missing == "product":
            head = t(lang, "unknown_product", sku=p["unknown"]) + " " if p.get("unknown") else ""
            if o.choices:
                ask = t(lang, "one_of_these") if head else t(lang, "ask_product")
                return Card(
                    headline=head + ask,
                    rows=_choice_rows(o),
                    columns=("#", "SKU", ""),
                    notes=(t(lang, "reply_hint"),),
                    actions=_choice_actions(o),
                )
            if o.tool == "forecast_note" and not head:  # "per Emporio Dolomiti, mettine +150"
                return Card(headline=t(lang, "ask_note_product", example="PAD-28"))
            return Card(headline=head + t(lang, "ask_product_any", example="PAD-28"))
        if o.missing == "period":
            return Card(headline=t(lang, "bad_period", period=p.get("unknown") or "?"))
        if o.missing == "person" and p.get("unknown") and not o.choices:
            return Card(
                headline=t(lang, "unknown_person", person=p["unknown"])
                + " "
                + t(lang, "ask_person")
            )
        if o.missing in ("person", "customer") and o.choices:
            unknown = p.get("unknown") if o.missing == "customer" else None
            return Card(
                headline=(t(lang, "unknown_customer", customer=unknown) + " " if unknown else "")
                + t(lang, f"ask_{o.missing}"),
                rows=_choice_rows(o),
                columns=("#", "", ""),
                notes=(t(lang, "reply_hint"),),
                actions=_choice_actions(o),
            )
        if o.missing == "shares":
            names: list[str] = [*list(p.get("territories") or ()), "…", "…"]
            first, second = names[0], names[1]
            return Card(headline=t(lang, "ask_shares", first=first, second=second))
        if o.missing == "quantity" and p.get("unknown") and o.tool == "forecast_note":
            said = t(lang, "note_in_units", text=p["unknown"])
            if p.get("percent_units") is not None:  # what the percentage is of the forecast
                said += " " + t(lang, "percent_of_forecast", text=p["unknown"].lstrip("+-"),
                                named=p["named"], period=i18n.period(lang, p["period"]),
                                total=number(lang, p["forecast_total"]),
                                units=number(lang, p["percent_units"]))  # fmt: skip
            return Card(headline=said)
        if o.missing == "quantity" and p.get("unknown"):
            return Card(headline=t(lang, "bad_quantity", text=p["unknown"]))
        return Card(headline=t(lang, f"ask_{o.missing}"))
    if o.kind == "read_only":
        return Card(headline=t(lang, "read_only"))
    if o.kind == "unavailable" and o.tool == "list_alerts":  # "notify me when PAD-28 is back"
        return Card(headline=t(lang, "unavailable_subscribe"))
    if o.kind == "unavailable" and o.tool == "act_on_alerts":  # "ack alert 3"
        return Card(headline=t(lang, "unavailable_alert_act"))
    if o.kind == "unavailable":
        role = o.caller.role if o.caller else None
        mine = [i18n.ability(lang, a.name) for a in REGISTRY.for_role(role)]
        return Card(
            headline=t(
                lang,
                "unavailable",
                ability=i18n.ability(lang, o.tool or ""),
                abilities=", ".join(mine),
            )
        )
    if o.kind == "confirm":
        return confirm_card(o, lang, None)
    if o.kind == "cancelled":
        return Card(headline=t(lang, "cancelled"))
    if o.kind == "unknown_user":
        admins = p.get("admins") or [t(lang, "messages.message_card.admins")]
        return Card(
            headline=t(
                lang,
                "unknown_user",
                user=p.get("user", "?"),
                admins=t(lang, "messages.message_card.admins_2").join(admins),
            )
        )
    if o.kind == "refused":
        params = dict(p)
        if "ability" in params:
            params["ability"] = i18n.ability(lang, params["ability"])
        if "rule" in params:  # an alert rule, in the reader's words
            params["rule"] = i18n.text_for(lang, f"alerts.rule.{params['rule']}", params["rule"])
        _whose_listed(lang, params)
        code = o.code or "not_allowed"
        # A role an ability is not for, told what to ask instead where there is something
        # ("what if" to a rep: the promise, and the manager), not to change the role.
        own = f"{code}.{p.get('ability')}.{p.get('role')}"
        return Card(headline=i18n.text_for(lang, own, t(lang, code, **params), **params),
                    tone="bad")  # fmt: skip
    if o.kind == "error":
        return Card(headline=_error_text(lang, o), tone="bad")
    if o.kind == "too_long":
        return Card(headline=t(lang, "too_long", chars=number(lang, p.get("chars", 0)),
                               limit=number(lang, MAX_CHARS),
                               feedback_limit=number(lang, MAX_TEXT)))  # fmt: skip
    if o.kind == "empty":
        return Card(headline=t(lang, "empty"))
    head = ""
    if p.get("unknown"):
        head = t(lang, "unknown_product", sku=p["unknown"]) + " "
        if p.get("suggestions"):
            head += t(lang, "did_you_mean", choices=", ".join(p["suggestions"])) + " "
    return Card(
        headline=head
        + t(lang, "not_understood", examples=_examples(lang, o.params.get("sample") or {}))
    )


def _choice_actions(o: Outcome) -> tuple[Action, ...]:
    """The first choices as buttons: pressing one answers the question asked back, on any
    Ponte process (the conversation is in the database). People are shown by name."""
    names = o.params.get("names", {})
    shown = (lambda c: names.get(c, c)) if o.missing == "person" else (lambda c: c)
    return tuple(Action(f"{i}. {shown(c)}", c) for i, c in enumerate(o.choices[:CHOICE_BUTTONS], 1))


def _choice_rows(o: Outcome) -> tuple[tuple[str, ...], ...]:
    names = o.params.get("names", {})
    return tuple((str(i), c, names.get(c, "")) for i, c in enumerate(o.choices, 1))


def _error_text(lang: str, o: Outcome) -> str:
    return error_text(lang, o.code, o.params)


def refusal_text(lang: str, exc: PonteError) -> str:
    """A refusal or an error a person caused, as one line in `lang`."""
    return error_text(lang, exc.code, {"message": str(exc), **exc.params})


def _whose_listed(lang: str, params: dict[str, Any]) -> None:
    """Several refused at once (a comparison's sides): "A and B", "A e B"."""
    if isinstance(params.get("whose"), list):
        params["whose"] = i18n.listed(lang, params["whose"])


def error_text(lang: str, code: str | None, params: dict[str, Any]) -> str:
    """A PonteError's code and parameters as one line in `lang`."""
    p = dict(params)
    if code == "no_promotion":  # of what, where the asker looks, when
        return t(
            lang,
            code,
            what=p.get("what") or t(lang, "no_promotion.everything"),
            where=t(lang, "no_promotion.where", territories=p["territories"])
            if p.get("territories")
            else "",
            when=t(lang, "no_promotion.when", period=i18n.period(lang, p["period"]))
            if p.get("period")
            else "",
        )
    if code == "unknown_product":
        text = t(lang, "unknown_product", sku=p.get("sku", "?"))
        if p.get("suggestions"):
            text += " " + t(lang, "did_you_mean", choices=", ".join(p["suggestions"]))
        return text
    for key in ("choices", "known"):
        if isinstance(p.get(key), list):
            p[key] = ", ".join(p[key])
    # Days and periods as people read them ("23 May 2027", "Sep 2026"), not as stored.
    if isinstance(p.get("until"), str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", p["until"]):
        p["until"] = i18n.date(lang, dt.date.fromisoformat(p["until"]))
    if code in ("period_over", "beyond_forecast") and isinstance(p.get("period"), str):
        p["period"] = i18n.period(lang, p["period"])
    _whose_listed(lang, p)
    for key, value in p.items():  # "5.770.000", not 5770000 (numbers, not ids or rows)
        if (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and key not in ("request", "id", "row", "line", "version", "feedback")
            and abs(value) >= 1000
        ):
            p[key] = number(lang, value, 0 if value == int(value) else 2)
    if code is not None and code in i18n.MESSAGES:
        try:
            return t(lang, code, **p)
        except KeyError:
            pass
    return t(lang, "error", message=p.get("message", "?"))
