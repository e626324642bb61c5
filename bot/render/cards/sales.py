"""Sales history: the total asked for first, then the comparison, the split and the customer's
last purchase."""

from __future__ import annotations

from bot.render import i18n
from bot.render.cards.base import Card
from bot.render.cards.quota import one_quota, still_to_sell
from bot.render.i18n import date, number, pct, period, t
from planning.sales import SalesFigure, SalesFilter, SalesHistory

TEXT: dict[str, tuple[str, str]] = {
    "sales.title": ("Sales · {what} · {period}", "Vendite · {what} · {period}"),
    "sales.everything": ("all products", "tutti i prodotti"),
    "sales.headline": (
        "{units} units sold{revenue} from {start} to {end}",
        "{units} pezzi venduti{revenue} dal {start} al {end}",
    ),
    "sales.revenue": (" (€{value})", " ({value} €)"),
    "sales.nothing": (
        "Nothing sold from {start} to {end}",
        "Nessuna vendita dal {start} al {end}",
    ),
    "sales.previous": ("The period before", "Il periodo precedente"),
    "sales.partly_before": (
        "The sales data starts on {day}: the period compared with is only partly in it, so "
        "the change overstates growth.",
        "I dati di vendita iniziano il {day}: il periodo di confronto vi è solo in parte, "
        "quindi la variazione sovrastima la crescita.",
    ),
    "sales.quota": ("Quota", "Quota"),
    "sales.company_not_theirs": (
        "The whole company's sales are not yours to see: your territories' ({territories}) "
        "and your team's wherever sold. ",
        "Le vendite di tutta l'azienda non sono visibili per te: ecco quelle dei tuoi "
        "territori ({territories}) e del tuo team ovunque vendute. ",
    ),
    "sales.last_year": ("The same period last year", "Lo stesso periodo dell'anno scorso"),
    "sales.compared": (
        "{units} units ({start} – {end}): {change}",
        "{units} pezzi ({start} – {end}): {change}",
    ),
    "sales.change": ("{sign}{pct}%", "{sign}{pct}%"),
    "sales.no_base": ("nothing sold then", "nessuna vendita allora"),
    "sales.both": (
        "{units} in units, {revenue} in revenue",
        "{units} in pezzi, {revenue} in fatturato",
    ),
    "sales.prorated": (
        "Sales are weekly rows: a week straddling the period counts for its days inside it.",
        "Le vendite sono settimanali: una settimana a cavallo del periodo conta per i suoi "
        "giorni interni.",
    ),
    "sales.by_change": (
        "Largest fall first, against {then}.",
        "Prima il calo maggiore, rispetto {then}.",
    ),
    "sales.then.last_year": ("the same period last year", "allo stesso periodo dell'anno scorso"),
    "sales.then.previous": ("the period before", "al periodo precedente"),
    "sales.most_of_the_fall": (
        "{name} accounts for {units} of the {fall} fewer units ({share}).",
        "Da {name} vengono {units} dei {fall} pezzi in meno ({share}).",
    ),
    "sales.last_purchase": ("Last purchase", "Ultimo acquisto"),
    "sales.last_purchase_days": (
        "{day} ({days})",
        "{day} ({days})",
    ),
    "sales.column.customer": ("Customer", "Cliente"),
    "sales.column.product": ("Product", "Prodotto"),
    "sales.column.person": ("Rep", "Venditore"),
    "sales.column.territory": ("Territory", "Territorio"),
    "sales.column.family": ("Family", "Famiglia"),
    "sales.column.location": ("Shipped from", "Spedito da"),
    "sales.column.promo": ("Sold", "Venduto"),
    "sales.promo.promo": ("on promotion", "in promozione"),
    "sales.promo.regular": ("at regular price", "a prezzo pieno"),
    "sales.column.month": ("Month", "Mese"),
    "sales.column.units": ("Units", "Pezzi"),
    "sales.column.revenue": ("Revenue €", "Fatturato €"),
    "sales.column.share": ("Share", "Incidenza"),  # not "Quota": a quota is a target
    "sales.column.before.last_year": ("Units last year", "Pezzi anno prima"),
    "sales.column.before.previous": ("Units before", "Pezzi periodo prima"),
    "sales.column.change": ("Change", "Variazione"),
    "sales.column.share_revenue": ("Share of revenue", "Incidenza sul fatturato"),
    "sales.scope": (
        "Only your territories' sales ({territories}), and yours or your team's wherever sold",
        "Solo le vendite dei tuoi territori ({territories}) e le tue o del tuo team ovunque "
        "vendute",
    ),
    "sales.source": (
        "Source: shipped sales (sales.csv), data through {through}",
        "Fonte: vendite spedite (sales.csv), dati fino al {through}",
    ),
}
i18n.register(TEXT)


def filter_label(lang: str, w: SalesFilter, label: str) -> str:
    """What sales (or orders) were asked about, by name, or "all products"."""
    named = (w.product, w.family, w.customer, w.person, w.territory)
    return label or " · ".join(str(x) for x in named if x) or t(lang, "sales.everything")


def sales_card(h: SalesHistory, lang: str) -> Card:
    what = filter_label(lang, h.what, h.label)
    headline = _headline(h.current, lang)
    fields: list[tuple[str, str]] = []
    notes: list[str] = []
    tone = "info"
    if h.previous is not None and h.compare is not None:
        label = t(lang, f"sales.{h.compare}")
        change = h.change_pct
        shown = (
            t(lang, "sales.no_base")
            if change is None
            else t(
                lang, "sales.change", sign="+" if change >= 0 else "", pct=number(lang, change, 1)
            )
        )
        fields.append(
            (
                label,
                t(
                    lang,
                    "sales.compared",
                    units=number(lang, h.previous.units),
                    start=date(lang, h.previous.start),
                    end=date(lang, h.previous.end),
                    change=shown,
                ),
            )
        )
        revenue = h.revenue_change_pct
        if revenue is not None and change is not None:  # units and money can part ways
            shown = t(
                lang,
                "sales.both",
                units=shown,
                revenue=t(lang, "sales.change", sign="+" if revenue >= 0 else "",
                          pct=number(lang, revenue, 1)),
            )  # fmt: skip
        headline += f" · {shown}"
        if change is not None:
            tone = "good" if change >= 0 else "warning"
        if h.previous_from is not None:  # the period compared with is only partly in the data
            notes.append(t(lang, "sales.partly_before", day=date(lang, h.previous_from)))
            tone = "info"  # no growth to show as good news
    if h.quota is not None:  # "why is X behind?": the quota first, then where sales fell
        fields.insert(0, (t(lang, "sales.quota"), one_quota(h.quota, lang)))
        if still := still_to_sell(h.quota, lang):
            notes.append(still)
    if h.last_purchase is not None:
        value = t(
            lang,
            "sales.last_purchase_days",
            day=date(lang, h.last_purchase),
            days=i18n.days_ago(lang, h.days_since_last_purchase or 0),
        )
        headline = f"{t(lang, 'sales.last_purchase')}: {value} · {headline}"
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    if h.group_by is not None:
        columns = (
            t(lang, f"sales.column.{h.group_by}"),
            t(lang, "sales.column.units"),
            t(lang, "sales.column.revenue"),
            t(
                lang,
                "sales.column.share_revenue" if h.rank_by == "revenue" else "sales.column.share",
            ),
        )
        rows = tuple(
            (
                i18n.period(lang, r.key)
                if h.group_by == "month"
                else t(lang, f"sales.promo.{r.key}")
                if h.group_by == "promo"
                else r.name
                if r.name == r.key or h.group_by == "person"
                else f"{r.name} ({r.key})",
                number(lang, r.units),
                number(lang, r.revenue or 0),
                f"{number(lang, 100 * r.share, 1)}%",
            )
            for r in h.rows
        )
        if h.previous is not None and any(r.previous_units is not None for r in h.rows):
            # "by family this year vs last year": each row's own figure then, and the change
            before = t(lang, f"sales.column.before.{h.compare or 'previous'}")
            columns += (before, t(lang, "sales.column.change"))
            rows = tuple(
                (*row, number(lang, r.previous_units or 0), pct(lang, r.change_pct, signed=True))
                for row, r in zip(rows, h.rows, strict=True)
            )
    if h.rank_by == "change" and h.rows and h.previous is not None:
        notes.append(t(lang, "sales.by_change", then=t(lang, f"sales.then.{h.compare}")))
        fall = h.previous.units - h.current.units
        first = h.rows[0]
        lost = (first.previous_units or 0.0) - first.units
        if fall > 0 and lost > 0:  # the reason: how much of the fall the first is
            notes.insert(0, t(lang, "sales.most_of_the_fall", name=first.name,
                              units=number(lang, lost), share=pct(lang, 100 * lost / fall),
                              fall=number(lang, fall)))  # fmt: skip
    if h.company_not_theirs and h.territories is not None:  # asked of the whole company
        headline = t(lang, "sales.company_not_theirs",
                     territories=", ".join(h.territories)) + headline  # fmt: skip
    elif h.territories is not None:
        notes.append(t(lang, "sales.scope", territories=", ".join(h.territories)))
    if h.prorated:
        notes.append(t(lang, "sales.prorated"))
    through = date(lang, h.data_through) if h.data_through else "–"
    return Card(
        title=t(lang, "sales.title", what=what, period=period(lang, h.period)),
        headline=headline,
        fields=tuple(fields),
        columns=columns,
        rows=rows,
        notes=tuple(notes),
        source=t(lang, "sales.source", through=through),
        tone=tone,
    )


def _headline(f: SalesFigure, lang: str) -> str:
    if not f.units:
        return t(lang, "sales.nothing", start=date(lang, f.start), end=date(lang, f.end))
    revenue = "" if f.revenue is None else t(lang, "sales.revenue", value=number(lang, f.revenue))
    return t(
        lang,
        "sales.headline",
        units=number(lang, f.units),
        revenue=revenue,
        start=date(lang, f.start),
        end=date(lang, f.end),
    )
