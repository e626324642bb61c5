"""Stock cards: one product across locations, or a group of products together."""

from __future__ import annotations

from bot.render import i18n
from bot.render.cards.base import MAX_ROWS, Action, Card, group_label, source
from bot.render.i18n import date, number, t, unit
from planning.stock import GroupStock, StockStatus

TEXT: dict[str, tuple[str, str]] = {
    "stock.stock_card.headline": (
        "{available} {u} available ({on_hand} on hand, {allocated} allocated)",
        "{available} {u} disponibili ({on_hand} a magazzino, {allocated} allocati)",
    ),
    "stock.stock_card.text": (
        "At {location} it runs out around {stockout_date} ({cover} days of cover at the "
        "forecast rate)",
        "A {location} finisce verso il {stockout_date} ({cover} giorni di copertura al "
        "ritmo previsto)",
    ),
    "stock.stock_card.not_held": (
        "None at {location}: {sku} is not stocked there; {available} {u} available at {held}",
        "Nessuna giacenza a {location}: {sku} non è tenuto lì; {available} {u} disponibili a "
        "{held}",
    ),
    "stock.stock_card.receipts": (
        "At {location} the {available} available last about {weeks} weeks at the forecast "
        "rate; with the planned receipts, until {stockout_date} ({cover} days of cover)",
        "A {location} i {available} disponibili durano circa {weeks} settimane al ritmo "
        "previsto; con gli arrivi pianificati, fino al {stockout_date} ({cover} giorni di "
        "copertura)",
    ),
    "stock.stock_card.below_safety": (
        "At {location} the projection falls below safety stock ({safety_stock}) in the week "
        "of {week}.",
        "A {location} la proiezione scende sotto la scorta di sicurezza ({safety_stock}) "
        "nella settimana del {week}.",
    ),
    "stock.stock_card.text_2": (
        "At {location} the stock outlasts the 26-week projection.",
        "A {location} la giacenza dura oltre le 26 settimane della proiezione.",
    ),
    "stock.stock_card.text_3": (
        "No stockout projected in the next 26 weeks.",
        "Nessuna rottura prevista nelle prossime 26 settimane.",
    ),
    "stock.stock_card.text_4": (
        "Below safety stock ({safety_stock}).",
        "Sotto la scorta di sicurezza ({safety_stock}).",
    ),
    "stock.stock_card.fields": (
        "Open orders",
        "Ordini aperti",
    ),
    "stock.stock_card.fields_2": (
        "Next receipt",
        "Prossimo arrivo",
    ),
    "stock.stock_card.value": ("Worth at list price", "Valore a prezzo di listino"),
    "stock.stock_card.columns": (
        "location",
        "sede",
    ),
    "stock.stock_card.columns_2": (
        "on hand",
        "a magazzino",
    ),
    "stock.stock_card.columns_3": (
        "allocated",
        "allocati",
    ),
    "stock.stock_card.columns_4": (
        "available",
        "disponibili",
    ),
    "stock.stock_card.columns_5": (
        "runs out",
        "rottura",
    ),
    "stock.stock_card.actions": (
        "Show forecast",
        "Mostra previsione",
    ),
    "stock.stock_card.actions_2": (
        "forecast {sku}",
        "previsione {sku}",
    ),
    "stock.stock_card.actions_3": (
        "Projection",
        "Proiezione",
    ),
    "stock.stock_card.actions_4": (
        "when will {sku} run out",
        "quando finisce {sku}",
    ),
    "stock.group_stock_card.headline": (
        "{available} available across {products} products",
        "{available} disponibili su {products} prodotti",
    ),
    "stock.group_stock_card.value": (
        ", worth {value} at list price",
        ", per {value} a prezzo di listino",
    ),
    "stock.group_stock_card.unpriced": (
        "{count} products have no list price: the value leaves them out.",
        "{count} prodotti non hanno prezzo di listino: il valore non li conta.",
    ),
    "stock.group_stock_card.low": (
        "Below safety stock ({count}): ",
        "Sotto scorta di sicurezza ({count}): ",
    ),
    "stock.group_stock_card.more": (
        "The {shown} holding the most are listed; the totals count all {products}.",
        "Sono elencati i {shown} con più giacenza; i totali contano tutti i {products}.",
    ),
    "stock.group_stock_card.where": ("Available by location", "Disponibili per sede"),
    "stock.group_stock_card.families": (
        "Families (products, available)",
        "Famiglie (prodotti, disponibili)",
    ),
    "stock.group_stock_card.more_families": ("and {count} more", "e altre {count}"),
    "stock.group_stock_card.columns": (
        "name",
        "nome",
    ),
    "stock.group_stock_card.columns_2": (
        "on hand",
        "a magazzino",
    ),
    "stock.group_stock_card.columns_3": (
        "available",
        "disponibili",
    ),
    "stock.group_stock_card.source": (
        "Source: stock as of ",
        "Fonte: giacenze al ",
    ),
}
i18n.register(TEXT)


def stock_card(s: StockStatus, lang: str) -> Card:
    u = unit(lang, s.unit)
    headline = t(
        lang,
        "stock.stock_card.headline",
        available=number(lang, s.available),
        u=u,
        on_hand=number(lang, s.on_hand),
        allocated=number(lang, s.allocated),
    )
    if s.not_held_at is not None:  # the place asked about first: it holds none
        held = ", ".join(loc.location for loc in s.locations) or "–"
        headline = t(
            lang,
            "stock.stock_card.not_held",
            location=s.not_held_at,
            sku=s.sku,
            available=number(lang, s.available),
            u=u,
            held=held,
        )
    notes = []
    for loc in s.locations:
        if loc.stockout_date is None:
            continue
        cover = number(lang, loc.days_of_cover or 0)
        # Receipts stretch the cover well past what is on the shelf: both are said.
        stretched = (
            loc.weeks_of_stock is not None
            and loc.available > 0
            and (loc.days_of_cover or 0) > 7 * loc.weeks_of_stock + 14
        )
        notes.append(
            t(
                lang,
                "stock.stock_card.receipts" if stretched else "stock.stock_card.text",
                location=loc.location,
                stockout_date=date(lang, loc.stockout_date),
                cover=cover,
                available=number(lang, loc.available),
                weeks=number(lang, loc.weeks_of_stock or 0),
            )
        )
    for loc in s.locations:
        if loc.days_of_cover is None and loc.on_hand > 0 and s.provenance.run is not None:
            notes.append(t(lang, "stock.stock_card.text_2", location=loc.location))
    for loc in s.locations:
        if loc.below_safety_from is not None and s.safety_stock > 0:
            notes.append(t(lang, "stock.stock_card.below_safety", location=loc.location,
                           safety_stock=number(lang, s.safety_stock),
                           week=date(lang, loc.below_safety_from)))  # fmt: skip
    if not notes and s.provenance.run is not None:
        notes.append(t(lang, "stock.stock_card.text_3"))
    if s.available < s.safety_stock:
        notes.append(t(lang, "stock.stock_card.text_4", safety_stock=number(lang, s.safety_stock)))
    fields = [
        (t(lang, "stock.stock_card.fields"), number(lang, s.open_orders)),
        (
            t(lang, "stock.stock_card.fields_2"),
            f"{number(lang, s.next_receipt_quantity)} · {date(lang, s.next_receipt_date)}"
            if s.next_receipt_date
            else "–",
        ),
    ]
    if s.value is not None:  # "value of PAD-28 stock": what is available, at list price
        fields.append((t(lang, "stock.stock_card.value"), i18n.money(lang, s.value)))
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
            t(lang, "stock.stock_card.columns"),
            t(lang, "stock.stock_card.columns_2"),
            t(lang, "stock.stock_card.columns_3"),
            t(lang, "stock.stock_card.columns_4"),
            t(lang, "stock.stock_card.columns_5"),
        ),
        rows=rows,
        notes=tuple(notes),
        source=source(lang, s.provenance),
        actions=(
            Action(
                t(lang, "stock.stock_card.actions"),
                t(lang, "stock.stock_card.actions_2", sku=s.sku),
            ),
            Action(
                t(lang, "stock.stock_card.actions_3"),
                t(lang, "stock.stock_card.actions_4", sku=s.sku),
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


# Families named in a group's stock (the rest counted).
MAX_FAMILIES = 15


def group_stock_card(g: GroupStock, lang: str) -> Card:
    headline = t(
        lang,
        "stock.group_stock_card.headline",
        available=number(lang, g.available),
        products=number(lang, g.products),
    )
    if g.unpriced < g.products:  # "what is our stock worth?": at list price
        headline += t(lang, "stock.group_stock_card.value", value=i18n.money(lang, g.value))
    notes = []
    if 0 < g.unpriced < g.products:
        notes.append(t(lang, "stock.group_stock_card.unpriced", count=g.unpriced))
    if g.below_safety_stock:
        low = ", ".join(g.below_safety_stock[:MAX_ROWS])
        more = "…" if len(g.below_safety_stock) > MAX_ROWS else ""
        notes.append(
            t(lang, "stock.group_stock_card.low", count=len(g.below_safety_stock)) + low + more
        )
    if g.products > len(g.lines):
        notes.append(
            t(lang, "stock.group_stock_card.more", shown=len(g.lines), products=g.products)
        )
    fields: tuple[tuple[str, str], ...] = ()
    # Each place's worth beside its units ("stock value by location"), where priced.
    worth_at = dict(g.value_by_location) if g.unpriced < g.products else {}
    if len(g.by_location) > 1:  # where it is: "giacenze coltelli per sede"
        fields = (
            (
                t(lang, "stock.group_stock_card.where"),
                " · ".join(
                    f"{place} {number(lang, units)}"
                    + (f" ({i18n.money(lang, worth_at[place])})" if worth_at else "")
                    for place, units in g.by_location
                ),
            ),
        )
    if g.by_family:  # "che prodotti abbiamo?": the catalogue's families
        shown = [
            f"{name} {number(lang, members)} ({number(lang, units)})"
            for name, members, units in g.by_family[:MAX_FAMILIES]
        ]
        if len(g.by_family) > MAX_FAMILIES:
            others = len(g.by_family) - MAX_FAMILIES
            shown.append(t(lang, "stock.group_stock_card.more_families", count=others))
        fields += ((t(lang, "stock.group_stock_card.families"), " · ".join(shown)),)
    return Card(
        title=group_label(lang, g.group, g.location),
        headline=headline,
        fields=fields,
        columns=(
            "SKU",
            t(lang, "stock.group_stock_card.columns"),
            t(lang, "stock.group_stock_card.columns_2"),
            t(lang, "stock.group_stock_card.columns_3"),
        ),
        rows=tuple(
            (line.sku, line.name, number(lang, line.on_hand), number(lang, line.available))
            for line in g.lines
        ),
        notes=tuple(notes),
        source=t(lang, "stock.group_stock_card.source") + date(lang, g.as_of),
        tone="warning" if g.below_safety_stock else "good",
    )
