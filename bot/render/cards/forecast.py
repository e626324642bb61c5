"""Forecast cards: the weeks ahead with their range, and why the forecast is what it is."""

from __future__ import annotations

import datetime as dt

from bot.render.cards.base import Action, Card, run_line
from bot.render.i18n import date, number, pct, pick
from planning.forecast.views import ForecastExplanation, ForecastView


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
        + coverage_note(lang, v.covered_until),
        source=pick(lang, "Source: ", "Fonte: ") + run_line(lang, v.run, v.models),
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


def coverage_note(lang: str, until: dt.date | None) -> tuple[str, ...]:
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
        + run_line(lang, e.run, tuple(dict.fromkeys(s.model for s in e.series))),
    )
