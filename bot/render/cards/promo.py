"""How a promotion went: the lift first, then whether the weeks after gave it back, then each
promoted product."""

from __future__ import annotations

from bot.render import i18n
from bot.render.cards.base import Card
from bot.render.cards.sales import filter_label
from bot.render.i18n import date, number, pct, t
from planning.promo_review import PromoReview

TEXT: dict[str, tuple[str, str]] = {
    "promo.title": (
        "Promotion · {what} · {start} – {end}",
        "Promozione · {what} · {start} – {end}",
    ),
    "promo.headline": (
        "{during} units a week during the promotion against {before} before it ({lift}): "
        "about {extra} units more {weeks}",
        "{during} pezzi a settimana durante la promozione contro {before} prima ({lift}): "
        "circa {extra} pezzi in più {weeks}",
    ),
    "promo.headline_flat": (
        "{during} units a week during the promotion against {before} before it ({lift}): "
        "no extra units {weeks}",
        "{during} pezzi a settimana durante la promozione contro {before} prima ({lift}): "
        "nessun pezzo in più {weeks}",
    ),
    "promo.weeks": ("over its {n} weeks", "nelle sue {n} settimane"),
    "promo.one_week": ("in its one week", "nella sua settimana"),
    "promo.field.before": ("Before (usual level)", "Prima (livello abituale)"),
    "promo.field.before_value": (
        "{units} a week, {weeks} weeks from {start} (not on promotion)",
        "{units} a settimana, {weeks} settimane dal {start} (non in promozione)",
    ),
    "promo.field.after": ("After", "Dopo"),
    "promo.field.after_value": (
        "{units} a week over the {weeks} weeks since ({change} against before)",
        "{units} a settimana nelle {weeks} settimane dopo ({change} rispetto a prima)",
    ),
    "promo.field.after_none": (
        "too recent: no whole week sold since",
        "troppo recente: nessuna settimana intera venduta dopo",
    ),
    "promo.field.price": ("Price per unit", "Prezzo per pezzo"),
    "promo.field.price_value": (
        "{during} during against {before} before ({discount} lower)",
        "{during} durante contro {before} prima ({discount} in meno)",
    ),
    "promo.season": ("Same weeks a year earlier", "Stesse settimane un anno prima"),
    "promo.season_value": (
        "after against before: {change}",
        "dopo rispetto a prima: {change}",
    ),
    "promo.dip": (
        "After it, sales ran {lost} units below the usual level{moved}: about {share} of the "
        "extra units only came forward (customers stocking up).",
        "Dopo, le vendite sono state {lost} pezzi sotto il livello abituale{moved}: circa "
        "{share} dei pezzi in più è solo stato anticipato (clienti che fanno scorta).",
    ),
    "promo.dip_moved": (
        " (allowing for how the same weeks moved a year earlier)",
        " (tenuto conto di come si sono mosse le stesse settimane un anno prima)",
    ),
    "promo.products": (
        "{count} products sold on promotion; the {shown} that gained most are shown.",
        "{count} prodotti venduti in promozione; sono mostrati i {shown} che hanno guadagnato "
        "di più.",
    ),
    "promo.earlier": ("Earlier promotions: {dates}.", "Promozioni precedenti: {dates}."),
    "promo.column.product": ("Product", "Prodotto"),
    "promo.column.before": ("Before/wk", "Prima/sett"),
    "promo.column.during": ("During/wk", "Durante/sett"),
    "promo.column.lift": ("Lift", "Aumento"),
    "promo.column.after": ("After/wk", "Dopo/sett"),
    "promo.source": (
        "Source: shipped sales (sales.csv), rows flagged in its promo column",
        "Fonte: vendite spedite (sales.csv), righe segnate nella colonna promo",
    ),
}
i18n.register(TEXT)


# A price per unit lower by less than this is no discount worth saying.
MIN_DISCOUNT = 0.01
# The dip after a promotion is said when it took back at least this share of its extra units.
GIVEN_BACK = 0.1


def _change(lang: str, share: float) -> str:
    """A change as a signed whole percentage, "0%" when it rounds to nothing."""
    rounded = round(100 * share)
    return pct(lang, rounded, signed=True) if rounded else pct(lang, 0)


def _price(lang: str, value: float) -> str:
    """A price per unit with its cents when they matter (a 2.19 € jar, not "2 €")."""
    return i18n.money(lang, value, 2 if value < 100 else 0)


def promo_card(r: PromoReview, lang: str) -> Card:
    weeks = t(lang, "promo.weeks", n=r.weeks) if r.weeks > 1 else t(lang, "promo.one_week")
    figures = {
        "during": number(lang, r.during),
        "before": number(lang, r.before),
        "lift": _change(lang, r.lift) if r.lift is not None else "–",
        "weeks": weeks,
    }
    if r.extra_units > 0:
        headline = t(lang, "promo.headline", extra=number(lang, r.extra_units), **figures)
    else:
        headline = t(lang, "promo.headline_flat", **figures)
    usual = t(lang, "promo.field.before_value", units=number(lang, r.before),
              weeks=r.before_weeks, start=date(lang, r.before_start))  # fmt: skip
    since = (
        t(lang, "promo.field.after_none")
        if r.after is None
        else t(lang, "promo.field.after_value", units=number(lang, r.after),
               weeks=r.after_weeks, change=_change(lang, r.after_change or 0.0))
    )  # fmt: skip
    fields = [(t(lang, "promo.field.before"), usual), (t(lang, "promo.field.after"), since)]
    if r.season_change is not None:
        fields.append(
            (
                t(lang, "promo.season"),
                t(lang, "promo.season_value", change=_change(lang, r.season_change)),
            )
        )
    prices = (r.price_before, r.price_during)
    if r.discount is not None and r.discount >= MIN_DISCOUNT and None not in prices:
        before, during = (_price(lang, p or 0.0) for p in prices)
        fields.append((
            t(lang, "promo.field.price"),
            t(lang, "promo.field.price_value", during=during, before=before,
              discount=pct(lang, 100 * r.discount)),
        ))  # fmt: skip
    notes = []
    if r.extra_units > 0 and r.given_back >= GIVEN_BACK * r.extra_units:
        moved = t(lang, "promo.dip_moved") if r.season_change is not None else ""
        notes.append(t(lang, "promo.dip", lost=number(lang, r.given_back), moved=moved,
                       share=pct(lang, 100 * min(1.0, r.given_back / r.extra_units))))  # fmt: skip
    if r.products > len(r.lines):
        notes.append(t(lang, "promo.products", count=r.products, shown=len(r.lines)))
    if r.earlier:
        spans = ", ".join(f"{date(lang, first)} – {date(lang, last)}" for first, last in r.earlier)
        notes.append(t(lang, "promo.earlier", dates=spans))
    if r.territories:
        notes.append(t(lang, "sales.scope", territories=", ".join(r.territories)))
    rows = tuple(
        (
            f"{line.sku} · {line.name}",
            number(lang, line.before),
            number(lang, line.during),
            _change(lang, line.lift) if line.lift is not None else "–",
            number(lang, line.after) if line.after is not None else "–",
        )
        for line in r.lines
    )
    columns = tuple(
        t(lang, f"promo.column.{c}") for c in ("product", "before", "during", "lift", "after")
    )
    what = filter_label(lang, r.what, r.label)
    return Card(
        title=t(lang, "promo.title", what=what, start=date(lang, r.start), end=date(lang, r.end)),
        headline=headline,
        fields=tuple(fields),
        columns=columns,
        rows=rows,
        notes=tuple(notes),
        source=t(lang, "promo.source"),
        tone="good" if r.extra_units > 0 else "warning",
    )
