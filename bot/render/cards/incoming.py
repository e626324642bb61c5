"""What is due to arrive: planned receipts, soonest first, with where they land."""

from __future__ import annotations

from bot.render import i18n
from bot.render.cards.base import Card, group_label
from bot.render.i18n import date, number, t
from planning.incoming import Incoming

TEXT: dict[str, tuple[str, str]] = {
    "incoming.title": ("Arriving · {what}", "In arrivo · {what}"),
    "incoming.headline": (
        "{units} units arriving in {count} receipts of {products} products, from {first} to "
        "{last}{value}",
        "{units} pezzi in arrivo con {count} consegne di {products} prodotti, dal {first} al "
        "{last}{value}",
    ),
    "incoming.headline_one": (
        "{units} units arriving in {count} receipts, from {first} to {last}{value}",
        "{units} pezzi in arrivo con {count} consegne, dal {first} al {last}{value}",
    ),
    "incoming.headline_single": (
        "{units} units arriving on {first} (one receipt){value}",
        "{units} pezzi in arrivo il {first} (una consegna){value}",
    ),
    "incoming.without": (
        "Nothing arriving in the period for {products}",
        "Nessun arrivo nel periodo per {products}",
    ),
    "incoming.next": ("{sku} (next {day})", "{sku} (il prossimo il {day})"),
    "incoming.never": ("{sku} (none planned)", "{sku} (nessuno pianificato)"),
    "incoming.late": (
        "{count} of them ({units} units) were due before today and are still planned: late, "
        "counted as arriving this week, as projections count them.",
        "{count} di queste ({units} pezzi) erano previste prima di oggi e sono ancora "
        "pianificate: in ritardo, contate in arrivo questa settimana, come nelle proiezioni.",
    ),
    "incoming.until_lasts": (
        "Until then at {location}: {available} available now, {orders} due on open orders in "
        "the weeks before; at the forecast's pace the stock lasts until it arrives.",
        "Fino ad allora a {location}: {available} disponibili ora, {orders} dovuti a ordini "
        "aperti nelle settimane prima; al ritmo della previsione le scorte durano fino "
        "all'arrivo.",
    ),
    "incoming.until_short": (
        "Until then at {location}: {available} available now, {orders} due on open orders in "
        "the weeks before; at the forecast's pace the stock runs out on {runs_out}, before "
        "it arrives.",
        "Fino ad allora a {location}: {available} disponibili ora, {orders} dovuti a ordini "
        "aperti nelle settimane prima; al ritmo della previsione le scorte finiscono il "
        "{runs_out}, prima dell'arrivo.",
    ),
    "incoming.value": (", worth {value} at list price", ", per {value} a prezzo di listino"),
    "incoming.none": (
        "Nothing planned to arrive from {first}{until}.",
        "Nessun arrivo pianificato dal {first}{until}.",
    ),
    "incoming.until": (" to {last}", " al {last}"),
    "incoming.where": ("By location: {places}", "Per sede: {places}"),
    "incoming.more": (
        "The first {shown} are listed; the totals count all {count}.",
        "Sono elencati i primi {shown}; i totali li contano tutti e {count}.",
    ),
    "incoming.column.date": ("date", "data"),
    "incoming.column.product": ("product", "prodotto"),
    "incoming.column.location": ("location", "sede"),
    "incoming.column.units": ("units", "pezzi"),
    "incoming.source": (
        "Source: planned receipts (receipts.csv), valued at list price (products.csv)",
        "Fonte: arrivi pianificati (receipts.csv), valorizzati a prezzo di listino (products.csv)",
    ),
}
i18n.register(TEXT)

# Members with nothing arriving, named (the rest counted).
WITHOUT_NAMED = 6


def incoming_card(a: Incoming, lang: str) -> Card:
    what = group_label(lang, a.group, a.location)
    title = t(lang, "incoming.title", what=what)
    if a.period:
        title += f" · {i18n.period(lang, a.period)}"
    first = date(lang, a.first)
    if not a.count:
        until = t(lang, "incoming.until", last=date(lang, a.last)) if a.last else ""
        return Card(title=title, headline=t(lang, "incoming.none", first=first, until=until),
                    source=t(lang, "incoming.source"))  # fmt: skip
    value = t(lang, "incoming.value", value=i18n.money(lang, a.value)) if a.value else ""
    key = "incoming.headline_one" if a.products == 1 else "incoming.headline"
    key = "incoming.headline_single" if a.count == 1 else key
    headline = t(lang, key, units=number(lang, a.units), count=number(lang, a.count),
                 products=number(lang, a.products), first=date(lang, a.soonest),
                 last=date(lang, a.latest), value=value)  # fmt: skip
    notes = []
    if (lasts := a.until_then) is not None:  # "ho ordini a gennaio": does it last till then?
        notes.append(
            t(lang, "incoming.until_short" if lasts.runs_out else "incoming.until_lasts",
              location=lasts.location, available=number(lang, lasts.available),
              orders=number(lang, lasts.orders_due), runs_out=date(lang, lasts.runs_out))
        )  # fmt: skip
    if a.late:
        notes.append(t(lang, "incoming.late", count=number(lang, a.late),
                       units=number(lang, a.late_units)))  # fmt: skip
    if a.without:  # "bastano fino a gennaio?": which of them get nothing meanwhile
        said = [
            t(lang, "incoming.next", sku=sku, day=date(lang, day))
            if day
            else t(lang, "incoming.never", sku=sku)
            for sku, day in a.without[:WITHOUT_NAMED]
        ]
        more = len(a.without) - len(said)
        notes.append(t(lang, "incoming.without", products=", ".join(said))
                     + (f" (+{more})" if more > 0 else ""))  # fmt: skip
    if len(a.by_location) > 1:
        places = " · ".join(f"{place} {number(lang, units)}" for place, units in a.by_location)
        notes.append(t(lang, "incoming.where", places=places))
    if a.count > len(a.receipts):
        notes.append(t(lang, "incoming.more", shown=len(a.receipts), count=a.count))
    column = "incoming.column."
    return Card(
        title=title,
        headline=headline,
        columns=(
            t(lang, column + "date"),
            "SKU",
            t(lang, column + "product"),
            t(lang, column + "location"),
            t(lang, column + "units"),
        ),
        rows=tuple(
            (date(lang, r.day), r.sku, r.name, r.location, number(lang, r.units))
            for r in a.receipts
        ),
        notes=tuple(notes),
        source=t(lang, "incoming.source"),
        tone="info",
    )
