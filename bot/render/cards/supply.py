"""Supply cards: the stock projection, plant capacity and available-to-promise."""

from __future__ import annotations

from typing import Any

from bot.render import i18n
from bot.render.cards.base import Card, source
from bot.render.cards.forecast import coverage_note
from bot.render.i18n import date, number, pct, pick
from planning.answers import AtpAnswer, CapacityAnswer, ProjectionAnswer


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
        notes=coverage_note(lang, c.covered_until),
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
