"""Report cards for the people who run Ponte: what data is loaded and how fresh it is, and how
accurate a past forecast run turned out."""

from __future__ import annotations

import datetime as dt

from bot.render import i18n
from bot.render.cards.base import Card, run_line
from bot.render.i18n import date, number, t, text_for
from planning.forecast.accuracy import AccuracyReport, Scores
from planning.status import DataStatus, StatusWarning

TEXT: dict[str, tuple[str, str]] = {
    "reports.status_card.text": (
        "latest sales row dated {day} ({sales_age_days})",
        "ultima riga di vendite del {day} ({sales_age_days})",
    ),
    "reports.status_card.text_2": (
        "stock as of {day} ({stock_age_days})",
        "giacenze al {day} ({stock_age_days})",
    ),
    "reports.status_card.text_3": (
        "last import {when}",
        "ultimo import {when}",
    ),
    "reports.status_card.headline": (
        "Freshness: ",
        "Aggiornamento: ",
    ),
    "reports.status_card.headline_2": (
        "Nothing loaded yet.",
        "Ancora nessun dato.",
    ),
    "reports.status_card.title": (
        "Ponte data as of {today}",
        "Dati di Ponte al {today}",
    ),
    "reports.status_card.columns": (
        "data",
        "dati",
    ),
    "reports.status_card.columns_2": (
        "rows",
        "righe",
    ),
    "reports.status_card.columns_3": (
        "from",
        "dal",
    ),
    "reports.status_card.columns_4": (
        "to",
        "al",
    ),
    "reports.status_card.columns_5": (
        "detail",
        "dettaglio",
    ),
    "reports.warning.text": (
        "no data loaded: run `ponte demo` or `ponte import PATH`",
        "nessun dato caricato: esegui `ponte demo` o `ponte import PERCORSO`",
    ),
    "reports.warning.text_2": (
        "sales history ends {days} days before {today}: import newer sales",
        "lo storico vendite finisce {days} giorni prima del {today}: importa vendite più recenti",
    ),
    "reports.warning.text_3": (
        "the latest stock snapshot is {days} days old",
        "l'ultima fotografia delle giacenze ha {days} giorni",
    ),
    "reports.row.text": (
        "all",
        "tutto",
    ),
    "reports.accuracy_card.headline": (
        "WAPE {wape} over {span} (seasonal naive: {naive_wape})",
        "WAPE {wape} su {span} (naive stagionale: {naive_wape})",
    ),
    "reports.accuracy_card.notes": (
        "Least accurate series (MASE): {worst}",
        "Serie meno accurate (MASE): {worst}",
    ),
    "reports.accuracy_card.title": (
        "Forecast accuracy",
        "Accuratezza delle previsioni",
    ),
    "reports.accuracy_card.columns": (
        "family",
        "famiglia",
    ),
    "reports.accuracy_card.columns_2": (
        "periods",
        "periodi",
    ),
    "reports.accuracy_card.columns_3": (
        "actual",
        "venduto",
    ),
    "reports.accuracy_card.columns_4": (
        "bias",
        "distorsione",
    ),
    "reports.accuracy_card.columns_5": (
        "naive WAPE",
        "WAPE naive",
    ),
    "reports.accuracy_card.columns_6": (
        "value added",
        "valore aggiunto",
    ),
    "reports.accuracy_card.source": (
        "Source: ",
        "Fonte: ",
    ),
}
i18n.register(TEXT)

WORST = 10  # least accurate series named under the accuracy table

ENTITIES = {
    "products": ("products", "prodotti"),
    "locations": ("locations", "sedi"),
    "territories": ("territories", "territori"),
    "people": ("people", "persone"),
    "stock": ("stock", "giacenze"),
    "sales": ("sales", "vendite"),
    "capacity": ("capacity", "capacità"),
    "receipts": ("receipts", "arrivi"),
    "open_orders": ("open orders", "ordini aperti"),
    "quotas": ("quotas", "quote"),
}
i18n.register({f"reports.entities.{k}": v for k, v in ENTITIES.items()})
PARTS = {
    "families": ("families", "famiglie"),
    "plant": ("plants", "stabilimenti"),
    "warehouse": ("warehouses", "magazzini"),
    "plant.one": ("plant", "stabilimento"),
    "warehouse.one": ("warehouse", "magazzino"),
    "families.one": ("family", "famiglia"),
}
i18n.register({f"reports.parts.{k}": v for k, v in PARTS.items()})


def status_card(s: DataStatus, lang: str) -> Card:
    rows = []
    for e in s.entities:
        entity = text_for(lang, f"reports.entities.{e.entity}", e.entity)
        parts = [
            f"{number(lang, n)} "
            + text_for(lang, f"reports.parts.{name}{'.one' if n == 1 else ''}", name)
            for name, n in e.breakdown.items()
        ]
        detail = ", ".join([*parts, *e.periods])
        first = date(lang, e.first) if e.first else ""
        last = date(lang, e.last) if e.last else ""
        rows.append((entity, number(lang, e.rows), first, last, detail))
    fresh = []
    if s.sales_age_days is not None:
        sold = s.today - dt.timedelta(days=s.sales_age_days)  # the latest sales row's day
        fresh.append(t(lang, "reports.status_card.text", day=date(lang, sold),
                       sales_age_days=i18n.days_ago(lang, s.sales_age_days)))  # fmt: skip
    if s.stock_age_days is not None:
        counted = s.today - dt.timedelta(days=s.stock_age_days)
        fresh.append(t(lang, "reports.status_card.text_2", day=date(lang, counted),
                       stock_age_days=i18n.days_ago(lang, s.stock_age_days)))  # fmt: skip
    if s.last_import_at is not None:
        when = f"{date(lang, s.last_import_at.date())} {s.last_import_at:%H:%M} UTC"
        fresh.append(t(lang, "reports.status_card.text_3", when=when))
    headline = (
        t(lang, "reports.status_card.headline") + ", ".join(fresh)
        if fresh
        else t(lang, "reports.status_card.headline_2")
    )
    return Card(
        title=t(lang, "reports.status_card.title", today=date(lang, s.today)),
        headline=headline,
        columns=(
            t(lang, "reports.status_card.columns"),
            t(lang, "reports.status_card.columns_2"),
            t(lang, "reports.status_card.columns_3"),
            t(lang, "reports.status_card.columns_4"),
            t(lang, "reports.status_card.columns_5"),
        ),
        rows=tuple(rows),
        notes=tuple(_warning(lang, w, s) for w in s.warnings),
        tone="warning" if s.warnings else "info",
    )


def _warning(lang: str, w: StatusWarning, s: DataStatus) -> str:
    if w.code == "no_data":
        return t(lang, "reports.warning.text")
    if w.code == "stale_sales":
        return t(lang, "reports.warning.text_2", days=w.days, today=date(lang, s.today))
    return t(lang, "reports.warning.text_3", days=w.days)


def accuracy_card(r: AccuracyReport, lang: str) -> Card:
    def share(value: float | None, signed: bool = False) -> str:
        if value is None:
            return "–"
        text = number(lang, value * 100, 1) + "%"
        return ("+" + text) if signed and value > 0 else text

    def row(s: Scores) -> tuple[str, ...]:
        return (
            s.key if s.key != "all" else t(lang, "reports.row.text"),
            number(lang, s.periods),
            number(lang, s.actual),
            number(lang, s.mase, 2) if s.mase is not None else "–",
            share(s.wape),
            share(s.bias, signed=True),
            share(s.naive_wape),
            share(s.value_added, signed=True),
        )

    overall = r.overall
    span = f"{date(lang, r.scored_from)} – {date(lang, r.scored_to)}"
    headline = t(
        lang,
        "reports.accuracy_card.headline",
        wape=share(overall.wape),
        span=span,
        naive_wape=share(overall.naive_wape),
    )
    ranked = sorted((s for s in r.by_series if s.mase is not None), key=lambda s: -(s.mase or 0))
    worst = ", ".join(f"{s.key} {number(lang, s.mase or 0, 2)}" for s in ranked[:WORST])
    notes = (t(lang, "reports.accuracy_card.notes", worst=worst),) if worst else ()
    return Card(
        title=t(lang, "reports.accuracy_card.title"),
        headline=headline,
        columns=(
            t(lang, "reports.accuracy_card.columns"),
            t(lang, "reports.accuracy_card.columns_2"),
            t(lang, "reports.accuracy_card.columns_3"),
            "MASE",
            "WAPE",
            t(lang, "reports.accuracy_card.columns_4"),
            t(lang, "reports.accuracy_card.columns_5"),
            t(lang, "reports.accuracy_card.columns_6"),
        ),
        rows=(*(row(s) for s in r.by_family), row(overall)),
        notes=notes,
        source=t(lang, "reports.accuracy_card.source") + run_line(lang, r.run, stale=False),
        tone="good" if (overall.value_added or 0) > 0 else "warning",
    )
