"""Report cards for the people who run Ponte: what data is loaded and how fresh it is, and how
accurate a past forecast run turned out."""

from __future__ import annotations

from bot.render.cards.base import Card, run_line
from bot.render.i18n import date, number, pick
from planning.forecast.accuracy import AccuracyReport, Scores
from planning.status import DataStatus, StatusWarning

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
PARTS = {
    "families": ("families", "famiglie"),
    "plant": ("plants", "stabilimenti"),
    "warehouse": ("warehouses", "magazzini"),
}


def status_card(s: DataStatus, lang: str) -> Card:
    rows = []
    for e in s.entities:
        english, italian = ENTITIES.get(e.entity, (e.entity, e.entity))
        parts = [
            f"{number(lang, n)} {pick(lang, *PARTS.get(name, (name, name)))}"
            for name, n in e.breakdown.items()
        ]
        detail = ", ".join([*parts, *e.periods])
        first = date(lang, e.first) if e.first else ""
        last = date(lang, e.last) if e.last else ""
        rows.append((pick(lang, english, italian), number(lang, e.rows), first, last, detail))
    fresh = []
    if s.sales_age_days is not None:
        fresh.append(pick(lang, f"sales {s.sales_age_days} day(s) old",
                          f"vendite di {s.sales_age_days} giorni fa"))  # fmt: skip
    if s.stock_age_days is not None:
        fresh.append(pick(lang, f"stock {s.stock_age_days} day(s) old",
                          f"giacenze di {s.stock_age_days} giorni fa"))  # fmt: skip
    if s.last_import_at is not None:
        when = f"{date(lang, s.last_import_at.date())} {s.last_import_at:%H:%M} UTC"
        fresh.append(pick(lang, f"last import {when}", f"ultimo import {when}"))
    headline = (
        pick(lang, "Freshness: ", "Aggiornamento: ") + ", ".join(fresh)
        if fresh
        else pick(lang, "Nothing loaded yet.", "Ancora nessun dato.")
    )
    return Card(
        title=pick(
            lang,
            f"Ponte data as of {date(lang, s.today)}",
            f"Dati di Ponte al {date(lang, s.today)}",
        ),
        headline=headline,
        columns=(
            pick(lang, "data", "dati"),
            pick(lang, "rows", "righe"),
            pick(lang, "from", "dal"),
            pick(lang, "to", "al"),
            pick(lang, "detail", "dettaglio"),
        ),
        rows=tuple(rows),
        notes=tuple(_warning(lang, w, s) for w in s.warnings),
        tone="warning" if s.warnings else "info",
    )


def _warning(lang: str, w: StatusWarning, s: DataStatus) -> str:
    if w.code == "no_data":
        return pick(
            lang,
            "no data loaded: run `ponte demo` or `ponte import PATH`",
            "nessun dato caricato: esegui `ponte demo` o `ponte import PERCORSO`",
        )
    if w.code == "stale_sales":
        return pick(
            lang,
            f"sales history ends {w.days} days before {date(lang, s.today)}: import newer sales",
            f"lo storico vendite finisce {w.days} giorni prima del {date(lang, s.today)}: "
            "importa vendite più recenti",
        )
    return pick(
        lang,
        f"the latest stock snapshot is {w.days} days old",
        f"l'ultima fotografia delle giacenze ha {w.days} giorni",
    )


def accuracy_card(r: AccuracyReport, lang: str) -> Card:
    def share(value: float | None, signed: bool = False) -> str:
        if value is None:
            return "–"
        text = number(lang, value * 100, 1) + "%"
        return ("+" + text) if signed and value > 0 else text

    def row(s: Scores) -> tuple[str, ...]:
        return (
            s.key if s.key != "all" else pick(lang, "all", "tutto"),
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
    headline = pick(
        lang,
        f"WAPE {share(overall.wape)} over {span} (seasonal naive: {share(overall.naive_wape)})",
        f"WAPE {share(overall.wape)} su {span} (naive stagionale: {share(overall.naive_wape)})",
    )
    ranked = sorted((s for s in r.by_series if s.mase is not None), key=lambda s: -(s.mase or 0))
    worst = ", ".join(f"{s.key} {number(lang, s.mase or 0, 2)}" for s in ranked[:WORST])
    notes = (pick(lang, f"Least accurate series (MASE): {worst}",
                  f"Serie meno accurate (MASE): {worst}"),) if worst else ()  # fmt: skip
    return Card(
        title=pick(lang, "Forecast accuracy", "Accuratezza delle previsioni"),
        headline=headline,
        columns=(
            pick(lang, "family", "famiglia"),
            pick(lang, "periods", "periodi"),
            pick(lang, "actual", "venduto"),
            "MASE",
            "WAPE",
            pick(lang, "bias", "distorsione"),
            pick(lang, "naive WAPE", "WAPE naive"),
            pick(lang, "value added", "valore aggiunto"),
        ),
        rows=(*(row(s) for s in r.by_family), row(overall)),
        notes=notes,
        source=pick(lang, "Source: ", "Fonte: ") + run_line(lang, r.run),
        tone="good" if (overall.value_added or 0) > 0 else "warning",
    )
