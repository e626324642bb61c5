"""The product sheet: what the product master says, the fact asked about first."""

from __future__ import annotations

from bot.render import i18n
from bot.render.cards.base import Card
from bot.render.i18n import date, number, t, unit
from planning.products import ProductFacts

TEXT: dict[str, tuple[str, str]] = {
    "product.product_card.price": (
        "€{value}",
        "{value} €",
    ),
    "product.product_card.text": (
        "List price",
        "Prezzo di listino",
    ),
    "product.product_card.text_2": (
        "Lead time",
        "Tempo di consegna",
    ),
    "product.product_card.text_3": (
        "{lead_time_days} days",
        "{lead_time_days} giorni",
    ),
    "product.product_card.text_4": (
        "Safety stock",
        "Scorta di sicurezza",
    ),
    "product.product_card.text_5": (
        "Minimum order",
        "Ordine minimo",
    ),
    "product.product_card.text_6": (
        "Family",
        "Famiglia",
    ),
    "product.product_card.text_7": (
        "{family} ({family_size} products)",
        "{family} ({family_size} prodotti)",
    ),
    "product.product_card.text_8": (
        "Stocked at",
        "A magazzino in",
    ),
    "product.product_card.text_9": (
        "nowhere at the moment",
        "nessun luogo al momento",
    ),
    "product.product_card.headline": (
        "From the product master:",
        "Dall'anagrafica prodotti:",
    ),
    "product.product_card.value": (
        "none set",
        "non impostato",
    ),
    "product.product_card.value_2": (
        "not in the product master",
        "non in anagrafica",
    ),
    "product.product_card.origin": (
        "Source: product master",
        "Fonte: anagrafica prodotti",
    ),
    "product.product_card.origin_2": (
        "Source: product master, imported {when} by {imported_by}",
        "Fonte: anagrafica prodotti, importata il {when} da {imported_by}",
    ),
    "product.product_card.text_10": (
        "; stock as of ",
        "; giacenze al ",
    ),
}
i18n.register(TEXT)


def product_card(f: ProductFacts, lang: str) -> Card:
    """The product master's facts about one product, the one asked about first."""
    u = unit(lang, f.unit)
    price = (
        "–"
        if f.unit_price is None
        else t(lang, "product.product_card.price", value=number(lang, f.unit_price, 2)) + f" / {u}"
    )
    minimum = "–" if f.min_order_qty is None else f"{number(lang, f.min_order_qty)} {u}"
    where = ", ".join(f"{s.location} ({number(lang, s.on_hand)})" for s in f.stocked_at)
    facts: dict[str, tuple[str, str]] = {  # fact -> (label, value)
        "price": (t(lang, "product.product_card.text"), price),
        "lead_time": (
            t(lang, "product.product_card.text_2"),
            t(lang, "product.product_card.text_3", lead_time_days=f.lead_time_days),
        ),
        "safety_stock": (
            t(lang, "product.product_card.text_4"),
            f"{number(lang, f.safety_stock)} {u}",
        ),
        "min_order": (t(lang, "product.product_card.text_5"), minimum),
        "family": (
            t(lang, "product.product_card.text_6"),
            t(lang, "product.product_card.text_7", family=f.family, family_size=f.family_size),
        ),
        "locations": (
            t(lang, "product.product_card.text_8"),
            where or t(lang, "product.product_card.text_9"),
        ),
    }
    if f.asked is None:
        headline = t(lang, "product.product_card.headline")
    else:
        label, value = facts[f.asked]
        if f.asked == "min_order" and f.min_order_qty is None:
            value = t(lang, "product.product_card.value")
        elif f.asked == "price" and f.unit_price is None:
            value = t(lang, "product.product_card.value_2")
        headline = f"{label}: {value}"
    shown = [fact for fact in facts if fact != f.asked]
    if f.imported_at is None:
        origin = t(lang, "product.product_card.origin")
    else:
        when = date(lang, f.imported_at.date())
        origin = t(lang, "product.product_card.origin_2", when=when, imported_by=f.imported_by)
    if f.stocked_at:
        as_of = max(s.as_of for s in f.stocked_at)
        origin += t(lang, "product.product_card.text_10") + date(lang, as_of)
    return Card(
        title=f"{f.sku} · {f.name}",
        headline=headline,
        fields=tuple(facts[fact] for fact in shown),
        source=origin,
    )
