"""One card per result type: what a person reads, in their language, with the key number first.

A card is plain data (title, headline, fields, a small table, notes, where the numbers come
from, follow-up questions); bot.render.text, bot.render.console and bot.blocks turn it into
plain text, rich output or Block Kit. Every number comes from the result object.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bot.render import i18n
from bot.render.i18n import date, number, pct, pick, t
from planning.answers import AtpAnswer, CapacityAnswer, ProjectionAnswer, QuotaAnswer
from planning.forecast.runs import RunSummary
from planning.forecast.views import ForecastExplanation, ForecastView
from planning.products import ProductFacts
from planning.quotas import QuotaStatus
from planning.stock import FamilyStock, StockStatus
from planning.supply import Provenance
from tools.abilities import REGISTRY, HelpAnswer
from tools.assistant import Outcome

MAX_ROWS = 15
CHOICE_BUTTONS = 5  # Slack shows five buttons in a row comfortably


@dataclass(frozen=True)
class Action:
    label: str
    question: str  # asked on the user's behalf when the button is pressed


@dataclass(frozen=True)
class Card:
    headline: str
    title: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    notes: tuple[str, ...] = ()
    source: str | None = None
    actions: tuple[Action, ...] = ()
    tone: str = "info"  # info, good, warning, bad


def card(outcome: Outcome) -> Card:
    """The card for any outcome: an answer, a question back, a refusal or an error."""
    lang = outcome.language
    if outcome.kind == "answer":
        builder = BUILDERS[type(outcome.result)]
        return builder(outcome.result, lang)  # type: ignore[operator]
    return _message(outcome, lang)


# -- provenance ----------------------------------------------------------------------------


def _run(lang: str, run: RunSummary, models: tuple[str, ...] = ()) -> str:
    """The run, and the models behind the numbers (the run's commonest when not given)."""
    model = ", ".join(models or tuple(run.models)[:2]) or "–"
    return pick(
        lang,
        f"forecast run {run.run_id} of {date(lang, run.created_at.date())} "
        f"(sales to the week of {date(lang, run.data_as_of)}; {model})",
        f"previsione n. {run.run_id} del {date(lang, run.created_at.date())} "
        f"(vendite fino alla settimana del {date(lang, run.data_as_of)}; {model})",
    )


def source(lang: str, provenance: Provenance) -> str:
    parts = []
    if provenance.stock_as_of is not None:
        parts.append(
            pick(lang, "stock as of ", "giacenze al ") + date(lang, provenance.stock_as_of)
        )
    if provenance.run is not None:
        parts.append(_run(lang, provenance.run))
    else:
        parts.append(
            pick(lang, "no forecast yet (counted as 0)", "nessuna previsione (contata come 0)")
        )
    return pick(lang, "Source: ", "Fonte: ") + "; ".join(parts)


# -- answers -------------------------------------------------------------------------------


def stock_card(s: StockStatus, lang: str) -> Card:
    u = s.unit
    headline = pick(
        lang,
        f"{number(lang, s.available)} {u} available ({number(lang, s.on_hand)} on hand, "
        f"{number(lang, s.allocated)} allocated)",
        f"{number(lang, s.available)} {u} disponibili ({number(lang, s.on_hand)} a magazzino, "
        f"{number(lang, s.allocated)} allocati)",
    )
    notes = []
    for loc in s.locations:
        if loc.stockout_date is None:
            continue
        cover = number(lang, loc.days_of_cover or 0)
        notes.append(
            pick(
                lang,
                f"At {loc.location} it runs out around {date(lang, loc.stockout_date)} "
                f"({cover} days of cover at the forecast rate)",
                f"A {loc.location} finisce verso il {date(lang, loc.stockout_date)} "
                f"({cover} giorni di copertura al ritmo previsto)",
            )
        )
    for loc in s.locations:
        if loc.days_of_cover is None and loc.on_hand > 0 and s.provenance.run is not None:
            notes.append(
                pick(
                    lang,
                    f"At {loc.location} the stock outlasts the 26-week projection.",
                    f"A {loc.location} la giacenza dura oltre le 26 settimane della proiezione.",
                )
            )
    if not notes and s.provenance.run is not None:
        notes.append(
            pick(
                lang,
                "No stockout projected in the next 26 weeks.",
                "Nessuna rottura prevista nelle prossime 26 settimane.",
            )
        )
    if s.available < s.safety_stock:
        notes.append(
            pick(
                lang,
                f"Below safety stock ({number(lang, s.safety_stock)}).",
                f"Sotto la scorta di sicurezza ({number(lang, s.safety_stock)}).",
            )
        )
    fields = [
        (pick(lang, "Open orders", "Ordini aperti"), number(lang, s.open_orders)),
        (
            pick(lang, "Next receipt", "Prossimo arrivo"),
            f"{number(lang, s.next_receipt_quantity)} · {date(lang, s.next_receipt_date)}"
            if s.next_receipt_date
            else "–",
        ),
    ]
    rows = tuple(
        (
            f"{loc.location} ({loc.location_name})",
            number(lang, loc.on_hand),
            number(lang, loc.allocated),
            number(lang, loc.available),
            date(lang, loc.stockout_date) if loc.stockout_date else "–",
        )
        for loc in s.locations
    )
    return Card(
        title=f"{s.sku} · {s.name}",
        headline=headline,
        fields=tuple(fields),
        columns=(
            pick(lang, "location", "sede"),
            pick(lang, "on hand", "a magazzino"),
            pick(lang, "allocated", "allocati"),
            pick(lang, "available", "disponibili"),
            pick(lang, "runs out", "rottura"),
        ),
        rows=rows,
        notes=tuple(notes),
        source=source(lang, s.provenance),
        actions=(
            Action(
                pick(lang, "Show forecast", "Mostra previsione"),
                pick(lang, f"forecast {s.sku}", f"previsione {s.sku}"),
            ),
            Action(
                pick(lang, "Projection", "Proiezione"),
                pick(lang, f"when will {s.sku} run out", f"quando finisce {s.sku}"),
            ),
        ),
        tone=_stock_tone(s),
    )


def _stock_tone(s: StockStatus) -> str:
    # Red when the location holding most of the stock runs out; amber for a smaller one.
    if s.locations and s.locations[0].stockout_date is not None:
        return "bad"
    if s.stockout_date is not None or s.available < s.safety_stock:
        return "warning"
    return "good"


def family_stock_card(f: FamilyStock, lang: str) -> Card:
    low = [line for line in f.lines if line.below_safety_stock]
    headline = pick(
        lang,
        f"{number(lang, f.available)} available across {len(f.lines)} {f.family} products",
        f"{number(lang, f.available)} disponibili su {len(f.lines)} prodotti {f.family}",
    )
    notes = []
    if low:
        notes.append(
            pick(lang, "Below safety stock: ", "Sotto scorta di sicurezza: ")
            + ", ".join(line.sku for line in low)
        )
    return Card(
        title=f"{f.family}",
        headline=headline,
        columns=(
            "SKU",
            pick(lang, "name", "nome"),
            pick(lang, "on hand", "a magazzino"),
            pick(lang, "available", "disponibili"),
        ),
        rows=tuple(
            (line.sku, line.name, number(lang, line.on_hand), number(lang, line.available))
            for line in f.lines
        ),
        notes=tuple(notes),
        source=pick(lang, "Source: stock as of ", "Fonte: giacenze al ") + date(lang, f.as_of),
        tone="warning" if low else "good",
    )


def forecast_card(v: ForecastView, lang: str) -> Card:
    weeks = len(v.periods)
    where = v.location or pick(lang, "all locations", "tutte le sedi")
    total, low, high = (
        number(lang, v.total),
        number(lang, v.total_lo_80),
        number(lang, v.total_hi_80),
    )
    if v.end is not None:
        end = v.covered_until or v.end  # a period past the forecast is counted to its end
        span_en = f"from {date(lang, v.start)} to {date(lang, end)}"
        span_it = f"dal {date(lang, v.start)} al {date(lang, end)}"
    else:
        span_en, span_it = f"in the next {weeks} weeks", f"nelle prossime {weeks} settimane"
    headline = pick(
        lang,
        f"{total} units forecast {span_en} (80% range {low}–{high})",
        f"{total} pezzi previsti {span_it} (intervallo 80% {low}–{high})",
    )
    return Card(
        title=f"{v.sku} · {v.name} · {where}",
        headline=headline,
        columns=(
            pick(lang, "week of", "settimana del"),
            pick(lang, "forecast", "previsione"),
            pick(lang, "80% range", "intervallo 80%"),
            pick(lang, "95% range", "intervallo 95%"),
        ),
        rows=tuple(
            (
                date(lang, p.period),
                number(lang, p.forecast),
                f"{number(lang, p.lo_80)}–{number(lang, p.hi_80)}",
                f"{number(lang, p.lo_95)}–{number(lang, p.hi_95)}",
            )
            for p in v.periods
        ),
        notes=(
            (
                pick(
                    lang,
                    f"The week of {date(lang, v.periods[0].period)} counts from "
                    f"{date(lang, v.start)}, the days still to come.",
                    f"La settimana del {date(lang, v.periods[0].period)} conta dal "
                    f"{date(lang, v.start)}, i giorni ancora da venire.",
                ),
            )
            if v.periods and v.periods[0].period < v.start and v.end is None
            else ()
        )
        + _coverage_note(lang, v.covered_until),
        source=pick(lang, "Source: ", "Fonte: ") + _run(lang, v.run, v.models),
        actions=(
            Action(
                pick(lang, "Explain", "Spiega"),
                pick(lang, f"explain forecast {v.sku}", f"spiega previsione {v.sku}"),
            ),
        ),
    )


PATTERNS = {
    "smooth": ("steady demand", "domanda regolare"),
    "intermittent": (
        "intermittent demand (many weeks without sales)",
        "domanda intermittente (molte settimane senza vendite)",
    ),
    "lumpy": ("lumpy demand (rare and variable)", "domanda irregolare (rara e variabile)"),
    "erratic": (
        "erratic demand (regular but very variable)",
        "domanda erratica (regolare ma molto variabile)",
    ),
    "too_short": ("too little history (mean so far)", "storico troppo corto (media finora)"),
    "all_zero": ("no sales yet", "nessuna vendita finora"),
}


def _coverage_note(lang: str, until: dt.date | None) -> tuple[str, ...]:
    if until is None:
        return ()
    return (
        pick(
            lang,
            f"The forecast runs to {date(lang, until)}: later days are not counted.",
            f"La previsione arriva al {date(lang, until)}: i giorni successivi non sono contati.",
        ),
    )


def explain_card(e: ForecastExplanation, lang: str) -> Card:
    parts = [
        pick(
            lang,
            f"Forecast {number(lang, e.forecast_weekly)}/week for the next 13 weeks",
            f"Previsione {number(lang, e.forecast_weekly)}/settimana per le prossime 13 settimane",
        )
    ]
    if e.change_vs_recent_pct is not None:
        parts.append(
            pick(
                lang,
                f"{pct(lang, e.change_vs_recent_pct, True)} vs the last 13 weeks "
                f"({number(lang, e.recent_weekly)}/week)",
                f"{pct(lang, e.change_vs_recent_pct, True)} rispetto alle ultime 13 settimane "
                f"({number(lang, e.recent_weekly)}/settimana)",
            )
        )
    if e.change_vs_last_year_pct is not None and e.last_year_weekly is not None:
        parts.append(
            pick(
                lang,
                f"{pct(lang, e.change_vs_last_year_pct, True)} vs the same weeks last "
                f"year ({number(lang, e.last_year_weekly)}/week)",
                f"{pct(lang, e.change_vs_last_year_pct, True)} rispetto alle stesse settimane "
                f"dell'anno scorso ({number(lang, e.last_year_weekly)}/settimana)",
            )
        )
    rows = []
    notes = []
    for s in e.series:
        english, italian = PATTERNS.get(s.pattern, (s.pattern, s.pattern))
        mase = "–" if s.validation_mase is None else number(lang, s.validation_mase, 2)
        rows.append(
            (
                s.location or s.territory,
                pick(lang, english, italian),
                s.model,
                mase,
                number(lang, s.history_periods),
            )
        )
        if s.fallback:
            notes.append(
                pick(
                    lang,
                    f"{s.location}: the model failed, a simple fallback is used.",
                    f"{s.location}: il modello non ha funzionato, uso un metodo semplice.",
                )
            )
    notes.append(
        pick(
            lang,
            "Validation error (MASE) below 1 means the model beat a seasonal naive "
            "forecast on the most recent held-out weeks.",
            "Un errore di validazione (MASE) sotto 1 significa che il modello ha battuto la "
            "previsione stagionale ingenua sulle ultime settimane tenute da parte.",
        )
    )
    return Card(
        title=f"{e.sku} · {e.name}",
        headline="; ".join(parts) + ".",
        columns=(
            pick(lang, "series", "serie"),
            pick(lang, "pattern", "andamento"),
            pick(lang, "model", "modello"),
            "MASE",
            pick(lang, "weeks of history", "settimane di storico"),
        ),
        rows=tuple(rows),
        notes=tuple(notes),
        source=pick(lang, "Source: ", "Fonte: ")
        + _run(lang, e.run, tuple(dict.fromkeys(s.model for s in e.series))),
    )


def projection_card(p: ProjectionAnswer, lang: str) -> Card:
    heads, rows = [], []
    worst = None
    for proj in p.projections:
        if proj.stockout_date is not None:
            heads.append(
                pick(
                    lang,
                    f"{proj.location}: runs out on {date(lang, proj.stockout_date)} "
                    f"({number(lang, proj.days_of_cover or 0)} days of cover)",
                    f"{proj.location}: finisce il {date(lang, proj.stockout_date)} "
                    f"({number(lang, proj.days_of_cover or 0)} giorni di copertura)",
                )
            )
            worst = "bad"
        elif proj.covers_horizon:
            heads.append(
                pick(
                    lang,
                    f"{proj.location}: covers all {len(proj.weeks)} weeks",
                    f"{proj.location}: copre tutte le {len(proj.weeks)} settimane",
                )
            )
        else:
            heads.append(
                f"{proj.location}: {number(lang, proj.days_of_cover or 0)} "
                + pick(lang, "days of cover", "giorni di copertura")
            )
        if proj.first_below_safety_stock is not None and worst is None:
            worst = "warning"
        for w in proj.weeks:
            rows.append(
                (
                    proj.location,
                    date(lang, w.week),
                    number(lang, w.opening),
                    number(lang, w.receipts),
                    number(lang, w.demand),
                    number(lang, w.projected_on_hand),
                )
            )
    notes = [
        pick(
            lang,
            f"{proj.location}: below safety stock from the week of "
            f"{date(lang, proj.first_below_safety_stock)}",
            f"{proj.location}: sotto scorta di sicurezza dalla settimana del "
            f"{date(lang, proj.first_below_safety_stock)}",
        )
        for proj in p.projections
        if proj.first_below_safety_stock is not None
    ]
    notes.append(
        pick(
            lang,
            "Demand = the larger of forecast and open orders each week.",
            "Domanda = il maggiore tra previsione e ordini aperti di ogni settimana.",
        )
    )
    return Card(
        title=f"{p.sku} · {p.name}",
        headline="; ".join(heads)
        if heads
        else pick(lang, "No stock records.", "Nessuna giacenza."),
        columns=(
            pick(lang, "location", "sede"),
            pick(lang, "week of", "settimana del"),
            pick(lang, "opening", "iniziale"),
            pick(lang, "receipts", "arrivi"),
            pick(lang, "demand", "domanda"),
            pick(lang, "projected", "prevista"),
        ),
        rows=tuple(rows),
        notes=tuple(notes),
        source=source(lang, p.provenance),
        tone=worst or "good",
    )


def capacity_card(c: CapacityAnswer, lang: str) -> Card:
    groups: dict[tuple[str, str], list[Any]] = {}
    for w in c.weeks:
        groups.setdefault((w.plant, w.family), []).append(w)
    rows, over = [], []
    for (plant, family), weeks in sorted(groups.items()):
        short = [w for w in weeks if w.shortfall_units > 0]
        peak = max((w.utilization or 0.0 for w in weeks), default=0.0)
        rows.append(
            (
                plant,
                family,
                pct(lang, 100 * peak),
                number(lang, len(short)),
                number(lang, sum(w.shortfall_units for w in short)),
                i18n.money(lang, sum(w.shortfall_revenue for w in short)),
                date(lang, short[0].week) if short else "–",
            )
        )
        if short:
            over.append((plant, family, short))
    weeks_count = len({w.week for w in c.weeks})
    if over:
        plant, family, short = over[0]
        headline = pick(
            lang,
            f"{family} at {plant} is over capacity from the week of {date(lang, short[0].week)}: "
            f"{number(lang, sum(w.shortfall_units for w in short))} units short over "
            f"{len(short)} weeks",
            f"{family} a {plant} è oltre capacità dalla settimana del {date(lang, short[0].week)}: "
            f"mancano {number(lang, sum(w.shortfall_units for w in short))} pezzi in "
            f"{len(short)} settimane",
        )
        if len(over) > 1:
            headline += pick(lang, f" (and {len(over) - 1} more)", f" (e altri {len(over) - 1})")
    else:
        headline = pick(
            lang,
            f"Within capacity for the next {weeks_count} weeks",
            f"Entro la capacità per le prossime {weeks_count} settimane",
        )
    return Card(
        title=pick(lang, "Capacity", "Capacità")
        + (f" · {c.family}" if c.family else "")
        + (f" · {c.plant}" if c.plant else "")
        + (f" · {i18n.period(lang, c.period)}" if c.period else ""),
        headline=headline,
        columns=(
            pick(lang, "plant", "impianto"),
            pick(lang, "family", "famiglia"),
            pick(lang, "peak load", "picco carico"),
            pick(lang, "weeks over", "sett. oltre"),
            pick(lang, "shortfall", "carenza"),
            pick(lang, "revenue at risk", "ricavi a rischio"),
            pick(lang, "first week over", "prima sett. oltre"),
        ),
        rows=tuple(rows),
        notes=_coverage_note(lang, c.covered_until),
        source=source(lang, c.provenance),
        tone="bad" if over else "good",
    )


STEPS = {
    "on_hand": ("{q} on hand", "{q} a magazzino"),
    "allocated": ("− {q} allocated", "− {q} allocati"),
    "receipts": ("+ {q} arriving by {d}", "+ {q} in arrivo entro il {d}"),
    "promised_orders": (
        "− {q} promised to orders due by {d}",
        "− {q} promessi a ordini entro il {d}",
    ),
    "later_orders": (
        "− {q} held back for orders due later (by {d})",
        "− {q} riservati a ordini successivi (entro il {d})",
    ),
    "available_from_stock": (
        "= {q} available to promise from stock by {d}",
        "= {q} disponibili a promettere da magazzino entro il {d}",
    ),
    "capacity": ("+ {q} of free plant capacity by {d}", "+ {q} da capacità libera entro il {d}"),
}


def atp_card(a: AtpAnswer, lang: str) -> Card:
    qty = number(lang, a.quantity, 0 if a.quantity.is_integer() else 2)
    if a.feasible:
        headline = pick(
            lang,
            f"Yes: {qty} × {a.sku} can ship by {date(lang, a.requested_date)}",
            f"Sì: {qty} × {a.sku} possono partire entro il {date(lang, a.requested_date)}",
        )
    elif a.earliest_date is not None:
        headline = pick(
            lang,
            f"No: {qty} × {a.sku} cannot ship by {date(lang, a.requested_date)}; "
            f"earliest date {date(lang, a.earliest_date)}",
            f"No: {qty} × {a.sku} non possono partire entro il "
            f"{date(lang, a.requested_date)}; prima data possibile {date(lang, a.earliest_date)}",
        )
    else:
        headline = pick(
            lang,
            f"No: {qty} × {a.sku} cannot ship by {date(lang, a.requested_date)}, "
            "nor within the planning horizon",
            f"No: {qty} × {a.sku} non possono partire entro il "
            f"{date(lang, a.requested_date)}, né entro l'orizzonte di pianificazione",
        )
    notes = []
    for step in a.reasoning:
        if step.kind not in STEPS:
            continue
        english, italian = STEPS[step.kind]
        quantity = step.quantity
        if step.kind == "available_from_stock" and quantity < 0:
            short, by = number(lang, -quantity), date(lang, step.date)
            notes.append(
                pick(
                    lang,
                    f"= orders already promised are {short} short of stock by {by}",
                    f"= gli ordini già promessi superano la giacenza di {short} entro il {by}",
                )
            )
            continue
        if step.kind == "capacity" and quantity <= 0:
            notes.append(
                pick(lang, "no free plant capacity in time", "nessuna capacità libera in tempo")
            )
            continue
        notes.append(
            pick(lang, english, italian).format(q=number(lang, quantity), d=date(lang, step.date))
        )
    fields = [(pick(lang, "Ship from", "Spedizione da"), a.location)]
    if a.earliest_date is not None:
        fields.append((pick(lang, "Earliest date", "Prima data"), date(lang, a.earliest_date)))
    if a.from_capacity > 0:
        fields.append(
            (
                pick(lang, "From new production", "Da nuova produzione"),
                number(lang, a.from_capacity),
            )
        )
    return Card(
        title=f"{a.sku} · {a.name}",
        headline=headline,
        fields=tuple(fields),
        notes=tuple(notes),
        source=source(lang, a.provenance),
        tone="good" if a.feasible else "bad",
    )


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


def product_card(f: ProductFacts, lang: str) -> Card:
    """The product master's facts about one product, the one asked about first."""
    u = f.unit
    price = (
        "–"
        if f.unit_price is None
        else pick(lang, f"€{number(lang, f.unit_price, 2)}", f"{number(lang, f.unit_price, 2)} €")
        + f" / {u}"
    )
    minimum = "–" if f.min_order_qty is None else f"{number(lang, f.min_order_qty)} {u}"
    where = ", ".join(f"{s.location} ({number(lang, s.on_hand)})" for s in f.stocked_at)
    facts: dict[str, tuple[str, str]] = {  # fact -> (label, value)
        "price": (pick(lang, "List price", "Prezzo di listino"), price),
        "lead_time": (
            pick(lang, "Lead time", "Tempo di consegna"),
            pick(lang, f"{f.lead_time_days} days", f"{f.lead_time_days} giorni"),
        ),
        "safety_stock": (
            pick(lang, "Safety stock", "Scorta di sicurezza"),
            f"{number(lang, f.safety_stock)} {u}",
        ),
        "min_order": (pick(lang, "Minimum order", "Ordine minimo"), minimum),
        "family": (
            pick(lang, "Family", "Famiglia"),
            pick(
                lang,
                f"{f.family} ({f.family_size} products)",
                f"{f.family} ({f.family_size} prodotti)",
            ),
        ),
        "locations": (
            pick(lang, "Stocked at", "A magazzino in"),
            where or pick(lang, "nowhere at the moment", "nessun luogo al momento"),
        ),
    }
    if f.asked is None:
        headline = pick(lang, "From the product master:", "Dall'anagrafica prodotti:")
    else:
        label, value = facts[f.asked]
        if f.asked == "min_order" and f.min_order_qty is None:
            value = pick(lang, "none set", "non impostato")
        elif f.asked == "price" and f.unit_price is None:
            value = pick(lang, "not in the product master", "non in anagrafica")
        headline = f"{label}: {value}"
    shown = [fact for fact in facts if fact != f.asked]
    if f.imported_at is None:
        origin = pick(lang, "Source: product master", "Fonte: anagrafica prodotti")
    else:
        when = date(lang, f.imported_at.date())
        origin = pick(
            lang,
            f"Source: product master, imported {when} by {f.imported_by}",
            f"Fonte: anagrafica prodotti, importata il {when} da {f.imported_by}",
        )
    if f.stocked_at:
        as_of = max(s.as_of for s in f.stocked_at)
        origin += pick(lang, "; stock as of ", "; giacenze al ") + date(lang, as_of)
    return Card(
        title=f"{f.sku} · {f.name}",
        headline=headline,
        fields=tuple(facts[fact] for fact in shown),
        source=origin,
    )


def help_card(h: HelpAnswer, lang: str) -> Card:
    rows = tuple(
        (i18n.ability(lang, name), i18n.example(lang, name, h.sample)) for name in h.abilities
    )
    coming = ", ".join(i18n.ability(lang, name).lower() for name in h.coming)
    return Card(
        title=pick(
            lang,
            f"Hi {h.name.split()[0]}, here is what I can do",
            f"Ciao {h.name.split()[0]}, ecco cosa so fare",
        ),
        headline=pick(
            lang,
            "Ask in plain English or Italian, for example:",
            "Chiedimi in italiano o in inglese, per esempio:",
        ),
        columns=(pick(lang, "about", "su"), pick(lang, "try", "prova")),
        rows=rows,
        notes=(pick(lang, f"Coming later: {coming}.", f"In arrivo: {coming}."),),
    )


BUILDERS = {
    StockStatus: stock_card,
    FamilyStock: family_stock_card,
    ForecastView: forecast_card,
    ForecastExplanation: explain_card,
    ProjectionAnswer: projection_card,
    CapacityAnswer: capacity_card,
    AtpAnswer: atp_card,
    QuotaAnswer: quota_card,
    HelpAnswer: help_card,
    ProductFacts: product_card,
}


# -- everything that is not an answer -------------------------------------------------------


def _examples(lang: str, sample: dict[str, str]) -> str:
    names = ("stock_status", "available_to_promise", "quota_status")
    return " · ".join(f"“{i18n.example(lang, n, sample)}”" for n in names)


def _message(o: Outcome, lang: str) -> Card:
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
            return Card(headline=head + t(lang, "ask_product_any", example="PAD-28"))
        if o.missing == "period":
            return Card(headline=t(lang, "bad_period", period=p.get("unknown") or "?"))
        if o.missing == "person" and p.get("unknown") and not o.choices:
            return Card(
                headline=t(lang, "unknown_person", person=p["unknown"])
                + " "
                + t(lang, "ask_person")
            )
        if o.missing == "person":
            return Card(
                headline=t(lang, "ask_person"),
                rows=_choice_rows(o),
                columns=("#", "", ""),
                notes=(t(lang, "reply_hint"),),
                actions=_choice_actions(o),
            )
        if o.missing == "quantity" and p.get("unknown"):
            return Card(headline=t(lang, "bad_quantity", text=p["unknown"]))
        return Card(headline=t(lang, f"ask_{o.missing}"))
    if o.kind == "read_only":
        return Card(headline=t(lang, "read_only"))
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
        args = ", ".join(f"{k}: {v}" for k, v in o.args.items())
        return Card(
            headline=t(lang, "confirm", ability=i18n.ability(lang, o.tool or ""), args=args),
            actions=(
                Action(pick(lang, "Confirm", "Conferma"), pick(lang, "yes", "sì")),
                Action(pick(lang, "Cancel", "Annulla"), "no"),
            ),
            tone="warning",
        )
    if o.kind == "cancelled":
        return Card(headline=t(lang, "cancelled"))
    if o.kind == "unknown_user":
        admins = p.get("admins") or [pick(lang, "your Ponte admin", "l'amministratore di Ponte")]
        return Card(
            headline=t(
                lang,
                "unknown_user",
                user=p.get("user", "?"),
                admins=pick(lang, " or ", " o ").join(admins),
            )
        )
    if o.kind == "refused":
        params = dict(p)
        if "ability" in params:
            params["ability"] = i18n.ability(lang, params["ability"])
        return Card(headline=t(lang, o.code or "not_allowed", **params), tone="bad")
    if o.kind == "error":
        return Card(headline=_error_text(lang, o), tone="bad")
    if o.kind == "too_long":
        return Card(headline=t(lang, "too_long", chars=number(lang, p.get("chars", 0))))
    if o.kind == "empty":
        return Card(headline=t(lang, "empty"))
    if p.get("hint") == "sales_history":
        return Card(
            headline=t(
                lang,
                "sales_history",
                example=i18n.example(lang, "explain_forecast", p.get("sample")),
            )
        )
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
    p = dict(o.params)
    code = o.code
    if code == "unknown_product":
        text = t(lang, "unknown_product", sku=p.get("sku", "?"))
        if p.get("suggestions"):
            text += " " + t(lang, "did_you_mean", choices=", ".join(p["suggestions"]))
        return text
    for key in ("choices", "known"):
        if isinstance(p.get(key), list):
            p[key] = ", ".join(p[key])
    if code is not None and code in i18n.MESSAGES:
        try:
            return t(lang, code, **p)
        except KeyError:
            pass
    return t(lang, "error", message=p.get("message", "?"))
