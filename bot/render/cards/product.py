"""The product sheet: what the product master says, the fact asked about first."""

from __future__ import annotations

from bot.render.cards.base import Card
from bot.render.i18n import date, number, pick
from planning.products import ProductFacts


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
