"""The alerts card: what the rules find now, worst first, with who is on each."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.render import i18n
from bot.render.cards.base import Card, source
from bot.render.cards.feedback import beside_notes
from bot.render.i18n import date, money, number, t, text_for
from planning.alerts.answers import AlertLine, AlertList

TEXT: dict[str, tuple[str, str]] = {
    "alerts.title": ("Alerts", "Allerte"),
    "alerts.headline": (
        "{total} alerts (high {high}, medium {medium}, low {low})",
        "{total} allerte (alta gravità {high}, media {medium}, bassa {low})",
    ),
    "alerts.headline_one": (
        "1 alert ({severity})",
        "1 allerta ({severity})",
    ),
    "alerts.none": (
        "No alerts: nothing runs out within lead time, no plant is over capacity{what}.",
        "Nessuna allerta: niente va in rottura entro il lead time, nessun impianto è oltre "
        "la capacità{what}.",
    ),
    "alerts.none_stock": (
        "No stock alerts{what}: nothing runs out within lead time or sits in excess.",
        "Nessuna allerta sulle scorte{what}: niente va in rottura entro il lead time né è "
        "in eccesso.",
    ),
    "alerts.none_focus": (
        "No {focus} alerts{what}.",
        "Nessuna allerta di tipo {focus}{what}.",
    ),
    "alerts.refilled": (
        "{place}'s own stock is refilled by production, so the stock alerts leave it to the "
        "capacity check; with no production planned into it, at the forecast's pace: {what}.",
        "Le scorte proprie di {place} le rifornisce la produzione, quindi le allerte di "
        "scorta le lasciano alla verifica di capacità; senza produzione pianificata, al "
        "ritmo della previsione: {what}.",
    ),
    "alerts.refilled_plants": (
        "Plants' own stock is refilled by production, so the stock alerts leave it to the "
        "capacity check; with no production planned into it, at the forecast's pace: {what}.",
        "Le scorte proprie degli stabilimenti le rifornisce la produzione, quindi le allerte "
        "di scorta le lasciano alla verifica di capacità; senza produzione pianificata, al "
        "ritmo della previsione: {what}.",
    ),
    "alerts.refilled.runs_out": ("{sku} runs out on {day}", "{sku} finisce il {day}"),
    "alerts.refilled.below_safety": (
        "{sku} falls below safety stock from the week of {day}",
        "{sku} scende sotto la scorta di sicurezza dalla settimana del {day}",
    ),
    "alerts.refilled.more": ("{count} more", "altri {count}"),
    "alerts.none_filtered": ("No alerts{what}.", "Non ci sono allerte{what}."),
    "alerts.for": (" for {what}", " per {what}"),
    "alerts.at": (" at {place}", " a {place}"),
    "alerts.assigned.me": (" assigned to you", " assegnate a te"),
    "alerts.assigned.nobody": (" assigned to no one", " non assegnate"),
    "alerts.state.acknowledged": (" acknowledged", " prese in carico"),
    "alerts.state.snoozed": (" snoozed", " rimandate"),
    "alerts.columns": ("severity", "gravità"),
    "alerts.columns_2": ("problem", "problema"),
    "alerts.columns_3": ("at stake", "in gioco"),
    "alerts.columns_4": ("status", "stato"),
    "alerts.more": (
        "The {shown} with most at stake are listed, of {total}.",
        "Sono elencate le {shown} con più in gioco, su {total}.",
    ),
    "alerts.hidden": (
        "Capacity, drift and quota alerts are for planners; these are the stock ones.",
        "Le allerte su capacità, previsioni e quote sono per i pianificatori; queste sono "
        "quelle sulle scorte.",
    ),
    "alerts.skipped": ("{rule} not checked: {why}", "{rule}: controllo non eseguito, {why}"),
    "alerts.skipped.no_forecast": (
        "no weekly forecast yet (run `ponte forecast`)",
        "nessuna previsione settimanale (esegui `ponte forecast`)",
    ),
    "alerts.skipped.no_stock": ("no stock levels imported", "nessuna giacenza importata"),
    "alerts.skipped.no_older_run": (
        "no forecast run is old enough to compare with the sales since",
        "nessuna previsione abbastanza vecchia da confrontare con le vendite successive",
    ),
    "alerts.money_note": (
        "At stake: revenue of the units short (stockout, capacity, quota), stock beyond "
        "cover at list price (excess), 13 weeks of the weekly miss (drift).",
        "In gioco: fatturato dei pezzi mancanti (rottura, capacità, quote), scorta oltre "
        "la copertura a prezzo di listino (eccesso), 13 settimane dello scarto settimanale "
        "(deriva).",
    ),
    "alerts.severity.high": ("high", "alta"),
    "alerts.severity.medium": ("medium", "media"),
    "alerts.severity.low": ("low", "bassa"),
    "alerts.rule.capacity": ("capacity", "capacità"),
    "alerts.rule.stockout": ("stockout", "rottura"),
    "alerts.rule.excess": ("excess", "eccesso"),
    "alerts.rule.drift": ("drift", "deriva"),
    "alerts.rule.quota": ("quota", "quote"),
    "alerts.status.open": ("open", "aperta"),
    "alerts.status.new": ("new", "nuova"),
    "alerts.status.acknowledged": ("acknowledged by {who}", "presa in carico da {who}"),
    "alerts.status.snoozed": ("snoozed until {day}", "rimandata al {day}"),
    "alerts.status.assigned": ("; assigned to {who}", "; assegnata a {who}"),
    "alerts.kind.shortfall": (
        "{family} at {plant} over capacity from {week}: {units} units short in {weeks} weeks "
        "(peak load {load})",
        "{family} a {plant} oltre la capacità dal {week}: mancano {units} pezzi in {weeks} "
        "settimane (carico massimo {load})",
    ),
    "alerts.kind.risk": (
        "{family} at {plant} may exceed capacity from {week} (80% upper bound): up to "
        "{units} units in {weeks} weeks",
        "{family} a {plant} può superare la capacità dal {week} (estremo superiore 80%): "
        "fino a {units} pezzi in {weeks} settimane",
    ),
    "alerts.kind.unknown": (
        "{family}: no capacity on file for its forecast of {units} units: capacity unknown, "
        "not idle",
        "{family}: nessuna capacità in archivio per i {units} pezzi previsti: capacità "
        "sconosciuta, non inutilizzata",
    ),
    "alerts.kind.stockout": (
        "{sku} at {location} runs out in the week of {week}, within its {lead}-day lead "
        "time: {units} units short; order {order}",
        "{sku} a {location} va in rottura nella settimana del {week}, entro il lead time di "
        "{lead} giorni: mancano {units} pezzi; ordinarne {order}",
    ),
    "alerts.kind.stockout_within": (
        "{sku} at {location} runs out in the week of {week}: {units} units short; order "
        "{order} (lead time {lead} days)",
        "{sku} a {location} va in rottura nella settimana del {week}: mancano {units} pezzi; "
        "ordinarne {order} (lead time {lead} giorni)",
    ),
    "alerts.kind.below_safety_stock_within": (
        "{sku} at {location} falls below safety stock ({safety}) in the week of {week}; "
        "order {order} (lead time {lead} days)",
        "{sku} a {location} scende sotto la scorta di sicurezza ({safety}) nella settimana "
        "del {week}; ordinarne {order} (lead time {lead} giorni)",
    ),
    "alerts.within": (
        "Stock running out within the {weeks} weeks asked, not only within lead time.",
        "Scorte in rottura entro le {weeks} settimane chieste, non solo entro il lead time.",
    ),
    "alerts.within_one": (
        "Stock running out within the week asked, not only within lead time.",
        "Scorte in rottura entro la settimana chiesta, non solo entro il lead time.",
    ),
    "alerts.kind.below_safety_stock": (
        "{sku} at {location} falls below safety stock ({safety}) in the week of {week}, "
        "within its {lead}-day lead time; order {order}",
        "{sku} a {location} scende sotto la scorta di sicurezza ({safety}) nella settimana "
        "del {week}, entro il lead time di {lead} giorni; ordinarne {order}",
    ),
    "alerts.kind.excess": (
        "{sku} at {location}: {units} units beyond {cover} weeks of cover{falling}",
        "{sku} a {location}: {units} pezzi oltre {cover} settimane di copertura{falling}",
    ),
    "alerts.falling": (" and demand falling", " e domanda in calo"),
    "alerts.kind.drift": (
        "{sku} sells {direction} its forecast: {units} a week, tracking signal {signal}, "
        "{outside} of the last weeks outside the 80% range",
        "{sku} vende {direction} la previsione: {units} a settimana, tracking signal "
        "{signal}, {outside} delle ultime settimane fuori dall'intervallo 80%",
    ),
    "alerts.above": ("above", "sopra"),
    "alerts.below": ("below", "sotto"),
    "alerts.kind.over_capacity": (
        "{family} {period}: quotas of {quota} units exceed what the plants can make ({can})",
        "{family} {period}: quote per {quota} pezzi oltre quanto gli impianti producono ({can})",
    ),
    "alerts.kind.below_forecast": (
        "{family} {period}: quotas of {quota} units are far below the forecast ({forecast})",
        "{family} {period}: quote per {quota} pezzi molto sotto la previsione ({forecast})",
    ),
}
i18n.register(TEXT)


def _day(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def describe(lang: str, line: AlertLine) -> str:
    """One alert in words, with its key numbers."""
    f, n = line.finding, line.finding.numbers
    where = {"sku": f.sku, "location": f.location, "family": f.family, "plant": f.plant}
    if f.kind in ("shortfall", "risk"):
        return t(lang, f"alerts.kind.{f.kind}", **where, week=date(lang, _day(n["first_week"])),
                 units=number(lang, n["units_short"]), weeks=n["weeks_over"],
                 load=i18n.pct(lang, 100 * n["peak_load"]))  # fmt: skip
    if f.kind == "unknown":
        return t(lang, "alerts.kind.unknown", **where, units=number(lang, n["demand"]))
    if f.kind in ("stockout", "below_safety_stock"):
        key = f"alerts.kind.{f.kind}" + ("_within" if n.get("within_weeks") else "")
        return t(lang, key, **where, week=date(lang, _day(n["week"])),
                 lead=n["lead_time_days"], units=number(lang, n["units_short"]),
                 order=number(lang, n["order_quantity"]),
                 safety=number(lang, n["safety_stock"]))  # fmt: skip
    if f.kind == "excess":
        falling = t(lang, "alerts.falling") if n.get("demand_falling") else ""
        return t(lang, "alerts.kind.excess", **where, units=number(lang, n["units_beyond"]),
                 cover=number(lang, n["cover_weeks"]), falling=falling)  # fmt: skip
    if f.kind == "drift":
        return t(lang, "alerts.kind.drift", sku=f.sku,
                 direction=t(lang, f"alerts.{n['direction']}"),
                 units=number(lang, abs(n["weekly_error"])),
                 signal=number(lang, n["tracking_signal"], 1),
                 outside=n["outside_80"])  # fmt: skip
    return t(lang, f"alerts.kind.{f.kind}", family=f.family, period=i18n.period(lang, f.period),
             quota=number(lang, n["quota"]), can=number(lang, n["capacity"]),
             forecast=number(lang, n["forecast"]))  # fmt: skip


def skipped_note(lang: str, rule: str, why: str) -> str:
    """Why a rule could not run, in words."""
    reason = text_for(lang, f"alerts.skipped.{why}", why)
    return t(lang, "alerts.skipped", rule=t(lang, f"alerts.rule.{rule}"), why=reason)


def status(lang: str, line: AlertLine, people: dict[str, str]) -> str:
    """The alert's number (what `ponte alerts ack ID` takes) and where it stands."""
    stored = line.stored
    if stored is None:
        return t(lang, "alerts.status.new")
    if stored.status == "acknowledged" and stored.acknowledged_by:
        who = people.get(stored.acknowledged_by, stored.acknowledged_by)
        text = t(lang, "alerts.status.acknowledged", who=who)
    elif stored.status == "snoozed":
        text = t(lang, "alerts.status.snoozed", day=date(lang, stored.snoozed_until))
    else:
        text = t(lang, "alerts.status.open")
    if stored.assigned_to:
        text += t(lang, "alerts.status.assigned",
                  who=people.get(stored.assigned_to, stored.assigned_to))  # fmt: skip
    return f"#{stored.id} {text}"


# A plant's own stock named in the note beside its alerts, at most (the rest counted).
REFILLED_NAMED = 5


def refilled_note(lang: str, a: AlertList) -> str:
    """What a plant's own stock does without production planned into it: the stock alerts
    leave it to the capacity check, so it is said beside them, not as alerts."""
    said = [
        t(
            lang,
            f"alerts.refilled.{kind}",
            sku=sku if a.place else f"{sku} @ {plant}",
            day=date(lang, day),
        )
        for sku, plant, day, kind in a.refilled[:REFILLED_NAMED]
    ]
    more = len(a.refilled) - len(said)
    if more > 0:
        said.append(t(lang, "alerts.refilled.more", count=more))
    if a.place is None:
        return t(lang, "alerts.refilled_plants", what="; ".join(said))
    return t(lang, "alerts.refilled", place=a.place, what="; ".join(said))


def alerts_card(a: AlertList, lang: str) -> Card:
    what = ", ".join(x for x in (a.family, a.sku) if x)
    scope = (
        (t(lang, "alerts.for", what=what) if what else "")
        + (t(lang, "alerts.at", place=a.place) if a.place else "")
        + (t(lang, f"alerts.assigned.{a.assigned}") if a.assigned else "")
        + (t(lang, f"alerts.state.{a.status}") if a.status else "")
    )
    if not a.total:
        if a.focus and a.focus in a.skipped:  # not checked: "no drift alerts" would be untrue
            note = skipped_note(lang, a.focus, a.skipped[a.focus])
            headline = note[:1].upper() + note[1:]
        elif a.focus:
            rule = t(lang, f"alerts.rule.{a.focus}")
            headline = t(lang, "alerts.none_focus", focus=rule, what=scope)
        elif a.assigned or a.severity or a.status or a.place:  # a filter left nothing: just that
            headline = t(lang, "alerts.none_filtered", what=scope)
        elif a.hidden_rules:
            headline = t(lang, "alerts.none_stock", what=scope)
        else:
            headline = t(lang, "alerts.none", what=scope)
    elif a.total == 1:
        level = a.lines[0].finding.severity
        headline = t(lang, "alerts.headline_one", severity=t(lang, f"alerts.severity.{level}"))
    else:
        headline = t(lang, "alerts.headline", total=a.total, **{
            s: a.by_severity.get(s, 0) for s in ("high", "medium", "low")})  # fmt: skip
    rows = tuple(
        (
            t(lang, f"alerts.severity.{line.finding.severity}"),
            describe(lang, line),
            money(lang, line.finding.money) if line.finding.money else "–",
            status(lang, line, a.people),
        )
        for line in a.lines
    )
    notes: list[str] = []
    if a.total > len(a.lines):
        notes.append(t(lang, "alerts.more", shown=len(a.lines), total=a.total))
    if a.within_weeks:
        key = "alerts.within_one" if a.within_weeks == 1 else "alerts.within"
        notes.append(t(lang, key, weeks=a.within_weeks))
    if a.hidden_rules:
        notes.append(t(lang, "alerts.hidden"))
    for rule, why in a.skipped.items():
        if a.focus in (None, rule) and (a.total or a.focus != rule):  # not the headline again
            notes.append(skipped_note(lang, rule, why))
    if a.refilled:
        notes.append(refilled_note(lang, a))
    if rows:
        notes.append(t(lang, "alerts.money_note"))
    title = t(lang, "alerts.title")
    if a.focus:
        title += f" · {t(lang, f'alerts.rule.{a.focus}')}"
    for part in (
        what,
        a.place,
        t(lang, f"alerts.assigned.{a.assigned}").strip() if a.assigned else "",
    ):
        if part:
            title += f" · {part}"
    return Card(
        title=title,
        headline=headline,
        columns=tuple(t(lang, f"alerts.columns{s}") for s in ("", "_2", "_3", "_4")),
        rows=rows,
        notes=tuple(notes) + beside_notes(lang, a.beside),
        source=source(lang, a.provenance),
        tone="bad" if a.by_severity.get("high") else ("warning" if a.total else "good"),
    )
