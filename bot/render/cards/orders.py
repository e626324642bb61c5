"""Open orders (the order book): how much is in hand, worth what, how much is late or due
soon, and whose."""

from __future__ import annotations

from bot.render import i18n
from bot.render.cards.base import Card
from bot.render.cards.sales import filter_label
from bot.render.i18n import date, number, t
from planning.sales import DUE_SOON_DAYS, OrderBook

TEXT: dict[str, tuple[str, str]] = {
    "orders.title": ("Open orders · {what}", "Ordini aperti · {what}"),
    "orders.due": (" · due {period}", " · in consegna {period}"),
    "orders.late": (" · past due", " · in ritardo"),
    "orders.none_late": (
        "No open order is past its due date.",
        "Nessun ordine aperto ha passato la data di consegna.",
    ),
    "orders.none_due": (
        "No open orders due {period}.",
        "Nessun ordine aperto in consegna {period}.",
    ),
    "orders.headline": (
        "{units} units on {lines} open order lines from {customers} customers{value}",
        "{units} pezzi in {lines} righe d'ordine aperte di {customers} clienti{value}",
    ),
    "orders.headline_one": (
        "{units} units on {lines} open order lines{value}",
        "{units} pezzi in {lines} righe d'ordine aperte{value}",
    ),
    "orders.value": (", worth {value} at list price", ", per {value} a prezzo di listino"),
    "orders.none": ("No open orders.", "Nessun ordine aperto."),
    "orders.overdue": (
        "{lines} lines ({units} units) are past their due date and still open.",
        "{lines} righe ({units} pezzi) hanno passato la data di consegna e sono ancora aperte.",
    ),
    "orders.on_time": ("None is past its due date.", "Nessuna ha passato la data di consegna."),
    "orders.soon": (
        "Due in the next {days} days: {units} units.",
        "In consegna nei prossimi {days} giorni: {units} pezzi.",
    ),
    "orders.unpriced": (
        "{lines} lines are of products without a list price: not in the value.",
        "{lines} righe sono di prodotti senza prezzo di listino: non contate nel valore.",
    ),
    "orders.more": (
        "The {shown} largest are listed; the totals count every line.",
        "Sono elencati i {shown} maggiori; i totali contano ogni riga.",
    ),
    "orders.scope": (
        "Only your territories' orders ({territories}), and yours or your team's wherever "
        "they ship",
        "Solo gli ordini dei tuoi territori ({territories}) e i tuoi o del tuo team ovunque vadano",
    ),
    "orders.column.customer": ("customer", "cliente"),
    "orders.column.product": ("product", "prodotto"),
    "orders.column.family": ("family", "famiglia"),
    "orders.column.person": ("rep", "venditore"),
    "orders.column.territory": ("territory", "territorio"),
    "orders.column.location": ("ships from", "spedisce da"),
    "orders.column.lines": ("lines", "righe"),
    "orders.column.units": ("units", "pezzi"),
    "orders.column.value": ("value €", "valore €"),
    "orders.column.first_due": ("first due", "prima consegna"),
    "orders.source": (
        "Source: open orders (open_orders.csv), valued at list price (products.csv)",
        "Fonte: ordini aperti (open_orders.csv), valorizzati a prezzo di listino (products.csv)",
    ),
}
i18n.register(TEXT)


def orders_card(b: OrderBook, lang: str) -> Card:
    title = t(lang, "orders.title", what=filter_label(lang, b.what, b.label))
    due = i18n.period(lang, b.due) if b.due else None
    if due:
        title += t(lang, "orders.due", period=due)
    if b.late:
        title += t(lang, "orders.late")
    if not b.lines:
        none = t(lang, "orders.none_due", period=due) if due else t(lang, "orders.none")
        none = t(lang, "orders.none_late") if b.late else none
        return Card(title=title, headline=none, source=t(lang, "orders.source"))
    value = t(lang, "orders.value", value=i18n.money(lang, b.value)) if b.value else ""
    # How many customers, to those who see customers (planning.sales.SalesScope).
    key = "orders.headline_one" if b.customers in (None, 1) else "orders.headline"
    headline = t(lang, key, units=number(lang, b.units), lines=number(lang, b.lines),
                 customers=number(lang, b.customers or 0), value=value)  # fmt: skip
    late = number(lang, b.overdue_lines), number(lang, b.overdue_units)
    notes = [
        t(lang, "orders.overdue", lines=late[0], units=late[1])
        if b.overdue_lines
        else t(lang, "orders.on_time"),
        t(lang, "orders.soon", days=DUE_SOON_DAYS, units=number(lang, b.due_soon_units)),
    ]
    if b.unpriced_lines:
        notes.append(t(lang, "orders.unpriced", lines=number(lang, b.unpriced_lines)))
    if b.group_count > len(b.groups):
        notes.append(t(lang, "orders.more", shown=len(b.groups)))
    if b.territories is not None:
        notes.append(t(lang, "orders.scope", territories=", ".join(b.territories)))
    return Card(
        title=title,
        headline=headline,
        columns=(
            t(lang, f"orders.column.{b.by}"),
            t(lang, "orders.column.lines"),
            t(lang, "orders.column.units"),
            t(lang, "orders.column.value"),
            t(lang, "orders.column.first_due"),
        ),
        rows=tuple(
            (
                f"{g.name} ({g.key})" if b.by in ("product", "territory", "location") else g.name,
                number(lang, g.lines),
                number(lang, g.units),
                "–" if g.value is None else number(lang, g.value),
                date(lang, g.first_due),
            )
            for g in b.groups
        ),
        notes=tuple(notes),
        source=t(lang, "orders.source"),
        tone="warning" if b.overdue_lines else "info",
    )
