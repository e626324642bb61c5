"""Cards that only App Home shows: the stock of a rep's top products and the products
nearest to running out."""

from __future__ import annotations

from collections.abc import Sequence

from bot.render import i18n
from bot.render.cards import Action, Card
from bot.render.i18n import date, number, t
from planning.projection import InventoryProjection
from planning.stock import StockStatus

TEXT: dict[str, tuple[str, str]] = {
    "home_cards.top_stock_card.title": (
        "Your top products",
        "I tuoi prodotti principali",
    ),
    "home_cards.top_stock_card.headline": (
        "No sales of yours in the last 13 weeks yet.",
        "Nessuna tua vendita nelle ultime 13 settimane.",
    ),
    "home_cards.top_stock_card.title_2": (
        "Your top products",
        "I tuoi prodotti principali",
    ),
    "home_cards.top_stock_card.headline_2": (
        "{short} of your top {statuses} products are projected to run out",
        "{short} dei tuoi {statuses} prodotti principali rischiano la rottura",
    ),
    "home_cards.top_stock_card.headline_3": (
        "Your top {statuses} products are covered",
        "I tuoi {statuses} prodotti principali sono coperti",
    ),
    "home_cards.top_stock_card.columns": (
        "product",
        "prodotto",
    ),
    "home_cards.top_stock_card.columns_2": (
        "available",
        "disponibile",
    ),
    "home_cards.top_stock_card.columns_3": (
        "on hand",
        "a magazzino",
    ),
    "home_cards.top_stock_card.columns_4": (
        "runs out",
        "rottura",
    ),
    "home_cards.top_stock_card.actions": (
        "Stock {sku}",
        "Giacenza {sku}",
    ),
    "home_cards.top_stock_card.actions_2": (
        "stock {sku}",
        "giacenza {sku}",
    ),
    "home_cards.stockouts_card.title": (
        "Nearest to stockout",
        "Più vicini alla rottura",
    ),
    "home_cards.stockouts_card.headline": (
        "Nothing runs short in the next {weeks} weeks.",
        "Nessuna rottura nelle prossime {weeks} settimane.",
    ),
    "home_cards.stockouts_card.headline_2": (
        "{sku} at {location} runs out on {stockout_date}",
        "{sku} a {location} va in rottura il {stockout_date}",
    ),
    "home_cards.stockouts_card.headline_3": (
        "{sku} at {location} falls below safety stock",
        "{sku} a {location} scende sotto la scorta di sicurezza",
    ),
    "home_cards.stockouts_card.columns": (
        "product",
        "prodotto",
    ),
    "home_cards.stockouts_card.columns_2": (
        "location",
        "sede",
    ),
    "home_cards.stockouts_card.columns_3": (
        "days of cover",
        "giorni di copertura",
    ),
    "home_cards.stockouts_card.columns_4": (
        "runs out",
        "rottura",
    ),
    "home_cards.stockouts_card.columns_5": (
        "below safety",
        "sotto scorta",
    ),
    "home_cards.stockouts_card.actions": (
        "Projection {sku}",
        "Proiezione {sku}",
    ),
    "home_cards.stockouts_card.actions_2": (
        "when will {sku} run out",
        "quando finisce {sku}",
    ),
}
i18n.register(TEXT)


def top_stock_card(statuses: Sequence[StockStatus], lang: str) -> Card:
    """One line per product: available, on hand, days to the projected stockout."""
    if not statuses:
        return Card(
            title=t(lang, "home_cards.top_stock_card.title"),
            headline=t(lang, "home_cards.top_stock_card.headline"),
        )
    short = [s for s in statuses if s.stockout_date is not None]
    return Card(
        title=t(lang, "home_cards.top_stock_card.title_2"),
        headline=t(
            lang, "home_cards.top_stock_card.headline_2", short=len(short), statuses=len(statuses)
        )
        if short
        else t(lang, "home_cards.top_stock_card.headline_3", statuses=len(statuses)),
        columns=(
            t(lang, "home_cards.top_stock_card.columns"),
            t(lang, "home_cards.top_stock_card.columns_2"),
            t(lang, "home_cards.top_stock_card.columns_3"),
            t(lang, "home_cards.top_stock_card.columns_4"),
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
                t(lang, "home_cards.top_stock_card.actions", sku=s.sku),
                t(lang, "home_cards.top_stock_card.actions_2", sku=s.sku),
            )
            for s in short[:3]
        ),
    )


def stockouts_card(projections: Sequence[InventoryProjection], lang: str, weeks: int) -> Card:
    """The product-locations that run out (or fall below safety stock) first."""
    title = t(lang, "home_cards.stockouts_card.title")
    if not projections:
        return Card(
            title=title,
            headline=t(lang, "home_cards.stockouts_card.headline", weeks=weeks),
            tone="good",
        )
    first = projections[0]
    return Card(
        title=title,
        headline=t(
            lang,
            "home_cards.stockouts_card.headline_2",
            sku=first.sku,
            location=first.location,
            stockout_date=date(lang, first.stockout_date),
        )
        if first.stockout_date
        else t(
            lang, "home_cards.stockouts_card.headline_3", sku=first.sku, location=first.location
        ),
        columns=(
            t(lang, "home_cards.stockouts_card.columns"),
            t(lang, "home_cards.stockouts_card.columns_2"),
            t(lang, "home_cards.stockouts_card.columns_3"),
            t(lang, "home_cards.stockouts_card.columns_4"),
            t(lang, "home_cards.stockouts_card.columns_5"),
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
                t(lang, "home_cards.stockouts_card.actions", sku=first.sku),
                t(lang, "home_cards.stockouts_card.actions_2", sku=first.sku),
            ),
        ),
    )
