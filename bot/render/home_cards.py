"""Cards that only App Home shows: the stock of a rep's top products and the products
nearest to running out."""

from __future__ import annotations

from collections.abc import Sequence

from bot.render.cards import Action, Card
from bot.render.i18n import date, number, pick
from planning.projection import InventoryProjection
from planning.stock import StockStatus


def top_stock_card(statuses: Sequence[StockStatus], lang: str) -> Card:
    """One line per product: available, on hand, days to the projected stockout."""
    if not statuses:
        return Card(
            title=pick(lang, "Your top products", "I tuoi prodotti principali"),
            headline=pick(
                lang,
                "No sales of yours in the last 13 weeks yet.",
                "Nessuna tua vendita nelle ultime 13 settimane.",
            ),
        )
    short = [s for s in statuses if s.stockout_date is not None]
    return Card(
        title=pick(lang, "Your top products", "I tuoi prodotti principali"),
        headline=pick(
            lang,
            f"{len(short)} of your top {len(statuses)} products are projected to run out",
            f"{len(short)} dei tuoi {len(statuses)} prodotti principali rischiano la rottura",
        )
        if short
        else pick(
            lang,
            f"Your top {len(statuses)} products are covered",
            f"I tuoi {len(statuses)} prodotti principali sono coperti",
        ),
        columns=(
            pick(lang, "product", "prodotto"),
            pick(lang, "available", "disponibile"),
            pick(lang, "on hand", "a magazzino"),
            pick(lang, "runs out", "rottura"),
        ),
        rows=tuple(
            (
                s.sku,
                number(lang, s.available),
                number(lang, s.on_hand),
                date(lang, s.stockout_date) if s.stockout_date else "–",
            )
            for s in statuses
        ),
        tone="warning" if short else "good",
        actions=tuple(
            Action(
                pick(lang, f"Stock {s.sku}", f"Giacenza {s.sku}"),
                pick(lang, f"stock {s.sku}", f"giacenza {s.sku}"),
            )
            for s in short[:3]
        ),
    )


def stockouts_card(projections: Sequence[InventoryProjection], lang: str, weeks: int) -> Card:
    """The product-locations that run out (or fall below safety stock) first."""
    title = pick(lang, "Nearest to stockout", "Più vicini alla rottura")
    if not projections:
        return Card(
            title=title,
            headline=pick(
                lang,
                f"Nothing runs short in the next {weeks} weeks.",
                f"Nessuna rottura nelle prossime {weeks} settimane.",
            ),
            tone="good",
        )
    first = projections[0]
    return Card(
        title=title,
        headline=pick(
            lang,
            f"{first.sku} at {first.location} runs out on {date(lang, first.stockout_date)}",
            f"{first.sku} a {first.location} va in rottura il {date(lang, first.stockout_date)}",
        )
        if first.stockout_date
        else pick(
            lang,
            f"{first.sku} at {first.location} falls below safety stock",
            f"{first.sku} a {first.location} scende sotto la scorta di sicurezza",
        ),
        columns=(
            pick(lang, "product", "prodotto"),
            pick(lang, "location", "sede"),
            pick(lang, "days of cover", "giorni di copertura"),
            pick(lang, "runs out", "rottura"),
            pick(lang, "below safety", "sotto scorta"),
        ),
        rows=tuple(
            (
                p.sku,
                p.location,
                number(lang, p.days_of_cover) if p.days_of_cover is not None else "–",
                date(lang, p.stockout_date) if p.stockout_date else "–",
                date(lang, p.first_below_safety_stock) if p.first_below_safety_stock else "–",
            )
            for p in projections
        ),
        tone="bad" if first.stockout_date else "warning",
        actions=(
            Action(
                pick(lang, f"Projection {first.sku}", f"Proiezione {first.sku}"),
                pick(lang, f"when will {first.sku} run out", f"quando finisce {first.sku}"),
            ),
        ),
    )
