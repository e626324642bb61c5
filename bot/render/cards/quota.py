"""Quota cards: attainment, pace so far and pace needed, for one person or many."""

from __future__ import annotations

from dataclasses import dataclass

from bot.render import i18n
from bot.render.cards.base import Card
from bot.render.i18n import date, number, pct, pick
from planning.answers import QuotaAnswer
from planning.quotas import QuotaStatus


@dataclass(frozen=True)
class _QuotaFigures:
    """A quota in its own measure: units when it has a unit target, else revenue."""

    units: bool
    target: float | None
    sold: float
    attained: float | None
    pace: float  # per week so far
    needed: float | None  # per week from here


def _figures(s: QuotaStatus) -> _QuotaFigures:
    if s.target_units is not None:
        return _QuotaFigures(
            True,
            s.target_units,
            s.sold_units,
            s.attainment_pct,
            s.current_weekly_pace,
            s.required_weekly_pace,
        )
    return _QuotaFigures(
        False,
        s.target_revenue,
        s.sold_revenue,
        s.revenue_attainment_pct,
        s.current_weekly_revenue,
        s.required_weekly_revenue,
    )


def _quota_line(lang: str, s: QuotaStatus) -> tuple[str, ...]:
    f = _figures(s)
    fmt = (lambda x: number(lang, x)) if f.units else (lambda x: i18n.money(lang, x))
    return (
        s.owner_name + (f" ({s.family})" if s.family else ""),
        fmt(f.target) if f.target is not None else "–",
        fmt(f.sold),
        pct(lang, f.attained),
        pct(lang, 100 * s.elapsed_share),
        fmt(f.pace),
        fmt(f.needed) if f.needed is not None else "–",
    )


def quota_card(q: QuotaAnswer, lang: str) -> Card:
    when = i18n.period(lang, q.period)
    if not q.statuses:
        return Card(
            headline=pick(lang, f"No quota found for {when}.", f"Nessuna quota trovata per {when}.")
        )
    first = q.statuses[0]
    f = _figures(first)
    fmt = (lambda x: number(lang, x)) if f.units else (lambda x: i18n.money(lang, x))
    if len(q.statuses) == 1 and f.attained is not None and f.target:
        on_track = (
            pick(lang, "on track", "in linea")
            if first.on_track
            else pick(lang, "behind", "in ritardo")
        )
        attained, target, sold = pct(lang, f.attained), fmt(f.target), fmt(f.sold)
        elapsed = pct(lang, 100 * first.elapsed_share)
        units = pick(lang, " units", " pezzi") if f.units else ""
        headline = pick(
            lang,
            f"{first.owner_name}: {attained} of {target}{units} for {when} ({sold} sold; "
            f"{elapsed} of the period elapsed, {on_track})",
            f"{first.owner_name}: {attained} di {target}{units} per {when} ({sold} venduti; "
            f"{elapsed} del periodo trascorso, {on_track})",
        )
    else:
        behind = [s for s in q.statuses if s.on_track is False]
        headline = pick(
            lang,
            f"{len(q.statuses)} quotas for {when}: {len(behind)} behind pace",
            f"{len(q.statuses)} quote per {when}: {len(behind)} in ritardo",
        )
    notes = []
    if len(q.statuses) == 1 and f.needed is not None:
        needed, left, pace = fmt(f.needed), number(lang, first.weeks_left, 1), fmt(f.pace)
        per_week = (
            pick(lang, " units/week", " pezzi/settimana")
            if f.units
            else "/" + pick(lang, "week", "settimana")
        )
        notes.append(
            pick(
                lang,
                f"Needed from here: {needed}{per_week} over {left} weeks (so far {pace}/week).",
                f"Da qui serve: {needed}{per_week} per {left} settimane (finora {pace}/settimana).",
            )
        )
    measured = date(lang, first.measured_until)
    return Card(
        title=pick(lang, "Quota", "Quota") + f" · {when}",
        headline=headline,
        columns=(
            pick(lang, "who", "chi"),
            "target",
            pick(lang, "sold", "venduto"),
            pick(lang, "attained", "raggiunto"),
            pick(lang, "elapsed", "trascorso"),
            pick(lang, "pace/wk", "ritmo/sett"),
            pick(lang, "needed/wk", "serve/sett"),
        ),
        rows=tuple(_quota_line(lang, s) for s in q.statuses),
        notes=tuple(notes),
        source=pick(
            lang,
            f"Source: quotas (current version) and sales to {measured}",
            f"Fonte: quote (versione corrente) e vendite fino al {measured}",
        )
        if first.measured_until >= first.start
        else pick(
            lang,
            "Source: quotas (current version); no sales imported for this period yet",
            "Fonte: quote (versione corrente); nessuna vendita importata per questo periodo",
        ),
        tone="good" if all(s.on_track for s in q.statuses) else "warning",
    )
