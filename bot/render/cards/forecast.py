"""Forecast cards: the weeks ahead with their range, and why the forecast is what it is."""

from __future__ import annotations

import datetime as dt

from bot.render import i18n
from bot.render.cards.base import Action, Card, group_label, run_line
from bot.render.cards.feedback import beside_notes
from bot.render.i18n import date, number, pct, t
from planning.forecast.accuracy import Accuracy
from planning.forecast.views import ForecastView, GroupForecast, YearBefore

TEXT: dict[str, tuple[str, str]] = {
    "forecast.year_before": (
        "The same days a year earlier ({start} – {end}): {units} sold; the forecast is {change}.",
        "Gli stessi giorni un anno prima ({start} – {end}): {units} venduti; la previsione è "
        "{change}.",
    ),
    "forecast.forecast_card.where": (
        "all locations",
        "tutte le sedi",
    ),
    "forecast.forecast_card.headline": (
        "{total} units forecast {span} (80% range {low}–{high})",
        "{total} pezzi previsti {span} (intervallo 80% {low}–{high})",
    ),
    "forecast.forecast_card.between": ("from {start} to {end}", "dal {start} al {end}"),
    "forecast.forecast_card.ahead": (
        "in the next {weeks} weeks",
        "nelle prossime {weeks} settimane",
    ),
    "forecast.forecast_card.columns": (
        "week of",
        "settimana del",
    ),
    "forecast.forecast_card.columns_2": (
        "forecast",
        "previsione",
    ),
    "forecast.forecast_card.columns_3": (
        "80% range",
        "intervallo 80%",
    ),
    "forecast.forecast_card.columns_4": (
        "95% range",
        "intervallo 95%",
    ),
    "forecast.forecast_card.notes": (
        "The week of {period} counts from {start}, the days still to come.",
        "La settimana del {period} conta dal {start}, i giorni ancora da venire.",
    ),
    "forecast.forecast_card.source": (
        "Source: ",
        "Fonte: ",
    ),
    "forecast.forecast_card.actions": (
        "Explain",
        "Spiega",
    ),
    "forecast.forecast_card.actions_2": (
        "explain forecast {sku}",
        "spiega previsione {sku}",
    ),
    "forecast.coverage_note.text": (
        "The forecast runs to {until}: later days are not counted.",
        "La previsione arriva al {until}: i giorni successivi non sono contati.",
    ),
    "forecast.group_forecast_card.headline": (
        "{total} units forecast {span} across {products} products (80% range {low}–{high})",
        "{total} pezzi previsti {span} su {products} prodotti (intervallo 80% {low}–{high})",
    ),
    "forecast.group_forecast_card.lead": (
        "Largest: {name} ({sku}) with {share} of the total.",
        "Il più grande: {name} ({sku}) con il {share} del totale.",
    ),
    "forecast.group_forecast_card.more": (
        "The {shown} largest are listed; the total counts all {products}.",
        "Sono elencati i {shown} più grandi; il totale conta tutti i {products}.",
    ),
    "forecast.group_forecast_card.range": (
        "The range treats the products' errors as independent (this forecast run could not "
        "measure how they move together).",
        "L'intervallo tratta gli errori dei prodotti come indipendenti (questa previsione non "
        "ha potuto misurare quanto si muovono insieme).",
    ),
    "forecast.group_forecast_card.range_together": (
        "The range counts the products' errors as moving together (correlation {rho}, "
        "measured on the weeks the forecast held out): wider than for independent errors.",
        "L'intervallo conta che gli errori dei prodotti si muovono insieme (correlazione "
        "{rho}, misurata sulle settimane tenute da parte): più ampio che per errori "
        "indipendenti.",
    ),
    "forecast.group_forecast_card.range_slightly": (
        "The range counts the products' errors as moving together only slightly (correlation "
        "{rho}, measured on the weeks the forecast held out): hardly wider than for independent "
        "errors.",
        "L'intervallo conta che gli errori dei prodotti si muovono insieme solo di poco "
        "(correlazione {rho}, misurata sulle settimane tenute da parte): appena più ampio che "
        "per errori indipendenti.",
    ),
    "forecast.group_forecast_card.columns": ("product", "prodotto"),
    "forecast.group_forecast_card.columns_2": ("forecast", "previsione"),
    "forecast.group_forecast_card.columns_3": ("share", "quota"),
    "forecast.accuracy.actuals": (
        "WAPE {wape} over {periods} weeks of sales since forecast run {run} ({start}–{end}); "
        "seasonal naive {naive}",
        "WAPE {wape} su {periods} settimane di vendite dopo la previsione n. {run} "
        "({start}–{end}); naive stagionale {naive}",
    ),
    "forecast.accuracy.better": (
        "The forecast beats seasonal naive by {points} points of WAPE.",
        "La previsione batte il naive stagionale di {points} punti di WAPE.",
    ),
    "forecast.accuracy.worse": (
        "Seasonal naive (the same weeks last year) did better, by {points} points of WAPE.",
        "Il naive stagionale (le stesse settimane dell'anno scorso) ha fatto meglio, di "
        "{points} punti di WAPE.",
    ),
    "forecast.accuracy.bias": (
        "Bias {bias}: the forecast ran {way}.",
        "Distorsione {bias}: la previsione è stata {way}.",
    ),
    "forecast.accuracy.high": ("high", "alta"),
    "forecast.accuracy.low": ("low", "bassa"),
    "forecast.accuracy.held_out": (
        "Not yet checked against later sales (forecast run {run} saw sales to {as_of}); on "
        "{span} held out when the models were chosen, {wape}median MASE {mase}",
        "Non ancora verificata sulle vendite successive (la previsione n. {run} ha visto le "
        "vendite fino al {as_of}); {span} tenute da parte nella scelta dei modelli, "
        "{wape}MASE mediano {mase}",
    ),
    # Which weeks that is: the last ones before the run's data end ("il mese scorso" asked).
    "forecast.accuracy.span": ("the weeks", "sulle settimane"),
    "forecast.accuracy.span_n": (
        "the last {weeks} weeks of sales",
        "sulle ultime {weeks} settimane di vendite",
    ),
    # Runs stored before held-out sales were kept (migration 0016) have no WAPE to give.
    "forecast.accuracy.held_out_wape": (
        "errors of {wape} of what sold (WAPE), ",
        "errori pari al {wape} del venduto (WAPE), ",
    ),
    "forecast.accuracy.mase": (
        "MASE below 1 beats seasonal naive: {beating} of {series} series do.",
        "Un MASE sotto 1 batte il naive stagionale: ci riescono {beating} serie su {series}.",
    ),
    "forecast.accuracy.worst": (
        "Least accurate on held-out weeks: {worst}",
        "Meno accurate sulle settimane tenute da parte: {worst}",
    ),
    "forecast.accuracy.overall": ("All products", "Tutti i prodotti"),
    "forecast.accuracy.title": ("Forecast accuracy · {what}", "Accuratezza previsioni · {what}"),
}
i18n.register(TEXT)

# Below this, products' errors that "move together" hardly do (trial 14 read "moving
# together (correlation 0,02)" as a contradiction).
SLIGHT_CORRELATION = 0.1


def accuracy_answer_card(a: Accuracy, lang: str) -> Card:
    """Accuracy as asked in chat: against later sales when it can be, held-out error always."""
    what = a.sku or a.family or t(lang, "forecast.accuracy.overall")
    notes = []
    mase = "–" if a.validation_mase is None else number(lang, a.validation_mase, 2)
    wape = (
        ""
        if a.validation_wape is None
        else t(lang, "forecast.accuracy.held_out_wape", wape=pct(lang, 100 * a.validation_wape))
    )
    span = t(lang, "forecast.accuracy.span")
    if a.held_out_periods is not None and a.latest_run.grain.startswith("w"):
        fewest, most = a.held_out_periods
        weeks = str(most) if fewest == most else f"{fewest}-{most}"
        span = t(lang, "forecast.accuracy.span_n", weeks=weeks)
    held_out = t(lang, "forecast.accuracy.held_out", run=a.latest_run.run_id,
                 as_of=date(lang, a.latest_run.data_as_of), mase=mase, wape=wape,
                 span=span)  # fmt: skip
    scores = a.against_actuals
    if scores is not None and scores.wape is not None and a.scored_run is not None:
        headline = t(
            lang,
            "forecast.accuracy.actuals",
            wape=pct(lang, 100 * scores.wape),
            periods=scores.periods,
            run=a.scored_run.run_id,
            start=date(lang, a.scored_from),
            end=date(lang, a.scored_to),
            naive=pct(lang, 100 * (scores.naive_wape or 0)),
        )
        if scores.value_added is not None:
            key = "better" if scores.value_added >= 0 else "worse"
            points = number(lang, abs(100 * scores.value_added), 1)
            notes.append(t(lang, f"forecast.accuracy.{key}", points=points))
        if scores.bias is not None:
            way = t(lang, "forecast.accuracy." + ("high" if scores.bias > 0 else "low"))
            notes.append(
                t(
                    lang,
                    "forecast.accuracy.bias",
                    bias=pct(lang, 100 * scores.bias, signed=True),
                    way=way,
                )
            )
        notes.append(held_out + ".")
    else:
        headline = held_out
    notes.append(t(lang, "forecast.accuracy.mase", beating=a.beating_naive, series=a.series))
    if a.worst and a.series > 1:
        worst = ", ".join(f"{uid} ({number(lang, m, 2)})" for uid, m in a.worst)
        notes.append(t(lang, "forecast.accuracy.worst", worst=worst))
    return Card(
        title=t(lang, "forecast.accuracy.title", what=what),
        headline=headline,
        notes=tuple(notes),
        source=t(lang, "forecast.forecast_card.source") + run_line(lang, a.latest_run),
        tone="info",
    )


def _span(lang: str, start: dt.date, end: dt.date | None, until: dt.date | None, weeks: int) -> str:
    if end is not None:
        return t(
            lang,
            "forecast.forecast_card.between",
            start=date(lang, start),
            end=date(lang, until or end),  # a period past the forecast is counted to its end
        )
    return t(lang, "forecast.forecast_card.ahead", weeks=weeks)


def year_before_note(lang: str, before: YearBefore | None, total: float) -> tuple[str, ...]:
    """What sold over the same days a year earlier, and how the forecast compares."""
    if before is None:
        return ()
    change = before.change_pct(total)
    return (
        t(lang, "forecast.year_before", start=date(lang, before.start), end=date(lang, before.end),
          units=number(lang, before.units), change=pct(lang, change, signed=True)),
    )  # fmt: skip


def group_forecast_card(g: GroupForecast, lang: str) -> Card:
    """A group's forecast: the total first, then the products that make it."""
    headline = t(
        lang,
        "forecast.group_forecast_card.headline",
        total=number(lang, g.total),
        span=_span(lang, g.start, g.end, g.covered_until, len(g.periods)),
        products=number(lang, g.products),
        low=number(lang, g.total_lo_80),
        high=number(lang, g.total_hi_80),
    )
    notes = []
    if g.contributors and g.products > 1:
        lead = g.contributors[0]
        notes.append(
            t(
                lang,
                "forecast.group_forecast_card.lead",
                name=lead.name,
                sku=lead.sku,
                share=pct(lang, 100 * lead.share),
            )
        )
    if g.products > len(g.contributors):
        notes.append(
            t(
                lang,
                "forecast.group_forecast_card.more",
                shown=len(g.contributors),
                products=g.products,
            )
        )
    if g.error_correlation > 0:
        rho = number(lang, g.error_correlation, 2)
        together = "together" if g.error_correlation >= SLIGHT_CORRELATION else "slightly"
        notes.append(t(lang, f"forecast.group_forecast_card.range_{together}", rho=rho))
    else:
        notes.append(t(lang, "forecast.group_forecast_card.range"))
    return Card(
        title=group_label(lang, g.group, g.location),
        headline=headline,
        columns=(
            "SKU",
            t(lang, "forecast.group_forecast_card.columns"),
            t(lang, "forecast.group_forecast_card.columns_2"),
            t(lang, "forecast.group_forecast_card.columns_3"),
        ),
        rows=tuple(
            (c.sku, c.name, number(lang, c.total), pct(lang, 100 * c.share)) for c in g.contributors
        ),
        notes=tuple(notes)
        + year_before_note(lang, g.year_before, g.total)
        + coverage_note(lang, g.covered_until)
        + beside_notes(lang, g.beside),
        source=t(lang, "forecast.forecast_card.source") + run_line(lang, g.run),
    )


def forecast_card(v: ForecastView, lang: str) -> Card:
    weeks = len(v.periods)
    where = v.location or t(lang, "forecast.forecast_card.where")
    total, low, high = (
        number(lang, v.total),
        number(lang, v.total_lo_80),
        number(lang, v.total_hi_80),
    )
    if v.end is not None:
        end = v.covered_until or v.end  # a period past the forecast is counted to its end
        span = t(lang, "forecast.forecast_card.between", start=date(lang, v.start),
                 end=date(lang, end))  # fmt: skip
    else:
        span = t(lang, "forecast.forecast_card.ahead", weeks=weeks)
    headline = t(lang, "forecast.forecast_card.headline", total=total, span=span, low=low,
                 high=high)  # fmt: skip
    return Card(
        title=f"{v.sku} · {v.name} · {where}",
        headline=headline,
        columns=(
            t(lang, "forecast.forecast_card.columns"),
            t(lang, "forecast.forecast_card.columns_2"),
            t(lang, "forecast.forecast_card.columns_3"),
            t(lang, "forecast.forecast_card.columns_4"),
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
                t(
                    lang,
                    "forecast.forecast_card.notes",
                    period=date(lang, v.periods[0].period),
                    start=date(lang, v.start),
                ),
            )
            if v.periods and v.periods[0].period < v.start and v.end is None
            else ()
        )
        + year_before_note(lang, v.year_before, v.total)
        + coverage_note(lang, v.covered_until)
        + beside_notes(lang, v.beside),
        source=t(lang, "forecast.forecast_card.source") + run_line(lang, v.run, v.models),
        actions=(
            Action(
                t(lang, "forecast.forecast_card.actions"),
                t(lang, "forecast.forecast_card.actions_2", sku=v.sku),
            ),
        ),
    )


def coverage_note(lang: str, until: dt.date | None) -> tuple[str, ...]:
    if until is None:
        return ()
    return (t(lang, "forecast.coverage_note.text", until=date(lang, until)),)
