"""Stock cards: one product across locations, or a whole family."""

from __future__ import annotations

from bot.render.cards.base import Action, Card, source
from bot.render.i18n import date, number, pick
from planning.stock import FamilyStock, StockStatus


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
