"""The what-if card: plant load as planned and with the change asked, and whether it holds."""

from __future__ import annotations

from bot.render import i18n
from bot.render.cards.base import Card, source
from bot.render.cards.forecast import coverage_note
from bot.render.i18n import date, number, pct, t
from planning.scenario import Scenario, ScenarioLine, WhatIfAnswer

TEXT: dict[str, tuple[str, str]] = {
    "scenario.title": ("What if", "E se"),
    "scenario.demand_of": ("{what} demand {change}", "domanda di {what} {change}"),
    "scenario.all_demand": ("all demand {change}", "tutta la domanda {change}"),
    "scenario.at_plant": (" at {plant}", " a {plant}"),
    "scenario.capacity_of": ("{plant} capacity {change}", "capacità di {plant} {change}"),
    "scenario.stopped": ("{plant} stopped", "{plant} fermo"),
    "scenario.products": ("{count} products", "{count} prodotti"),
    "scenario.span": ("from {first} to {last}", "dal {first} al {last}"),
    "scenario.holds": (
        "Yes: with {change} {span}, {plants} stay within capacity; the highest load is "
        "{peak} at {plant} for {family} ({before} as planned).",
        "Sì: con {change} {span}, {plants} restano entro la capacità; il carico più "
        "alto è {peak} a {plant} per {family} ({before} da piano).",
    ),
    "scenario.holds_one": (
        "Yes: with {change} {span}, {plants} stays within capacity; the highest load is "
        "{peak} for {family} ({before} as planned).",
        "Sì: con {change} {span}, {plants} resta entro la capacità; il carico più "
        "alto è {peak} per {family} ({before} da piano).",
    ),
    "scenario.holds_idle": (
        "Yes: with {change} {span}, nothing goes over capacity.",
        "Sì: con {change} {span}, nulla va oltre la capacità.",
    ),
    "scenario.holds_with_stock": (
        "Yes, with stock: with {change} {span}, {plant} goes over capacity for {family} "
        "{weeks} from the week of {week} ({short} units{planned}), covered by stock above "
        "safety stock and capacity left free in the weeks before.",
        "Sì, con le scorte: con {change} {span}, {plant} va oltre capacità per {family} "
        "{weeks} dalla settimana del {week} ({short} pezzi{planned}), coperti dalle scorte "
        "sopra la scorta di sicurezza e dalla capacità libera delle settimane prima.",
    ),
    "scenario.planned_short": ("; {short} as planned", "; {short} da piano"),
    "scenario.weeks.one": ("in its one week", "nella sua unica settimana"),
    "scenario.weeks.both": ("in both weeks", "in entrambe le settimane"),
    "scenario.weeks.all": ("in all {count} weeks", "in tutte e {count} le settimane"),
    "scenario.weeks.single": ("in one week of {of}", "in una settimana su {of}"),
    "scenario.weeks.some": ("in {count} of {of} weeks", "in {count} settimane su {of}"),
    "scenario.fails": (
        "No: with {change} {span}, {plant} cannot make {uncovered} units of {family} "
        "({money}) in time, even with stock above safety stock and building ahead; over "
        "capacity from the week of {week}.",
        "No: con {change} {span}, a {plant} mancano {uncovered} pezzi di {family} ({money}) "
        "anche con le scorte sopra la scorta di sicurezza e producendo in anticipo; oltre "
        "capacità dalla settimana del {week}.",
    ),
    "scenario.fails_anyway": (
        " As planned it already lacks {before}.",
        " Già da piano ne mancano {before}.",
    ),
    "scenario.also_short": (
        " {what} cannot keep up either.",
        " Non ce la fanno neanche {what}.",
    ),
    "scenario.at": ("{family} at {plant}", "{family} a {plant}"),
    "scenario.holds_with_stock_many": (
        "Yes, with stock: with {change} {span}, {what} go over capacity ({short} units in "
        "all{planned}, from the week of {week}), covered by stock above safety stock and "
        "capacity left free in the weeks before.",
        "Sì, con le scorte: con {change} {span}, {what} vanno oltre capacità ({short} pezzi "
        "in tutto{planned}, dalla settimana del {week}), coperti dalle scorte sopra la scorta di "
        "sicurezza e dalla capacità libera delle settimane prima.",
    ),
    "scenario.column.plant": ("plant", "stabilimento"),
    "scenario.column.family": ("family", "famiglia"),
    "scenario.column.demand": ("demand", "domanda"),
    "scenario.column.capacity": ("capacity", "capacità"),
    "scenario.column.peak": ("peak load", "picco carico"),
    "scenario.column.short": ("over capacity", "oltre capacità"),
    "scenario.column.stock": ("free stock", "scorte libere"),
    "scenario.column.uncovered": ("uncovered", "scoperto"),
    "scenario.added": (
        "The change adds {units} units of demand over the weeks it covers.",
        "La variazione aggiunge {units} pezzi di domanda nelle settimane che copre.",
    ),
    "scenario.removed": (
        "The change takes {units} units of demand away over the weeks it covers.",
        "La variazione toglie {units} pezzi di domanda nelle settimane che copre.",
    ),
    "scenario.arrows": (
        "Arrows: as planned → with the change, over the weeks it covers; free stock is stock "
        "above safety stock.",
        "Frecce: da piano → con la variazione, nelle settimane che copre; le scorte libere sono "
        "quelle sopra la scorta di sicurezza.",
    ),
    "scenario.how": (
        "Uncovered is what the weeks over capacity lack after the stock above safety stock "
        "(every location's, shared among the plants that make the family) and the capacity "
        "left free from this week on, for the family as a whole (the projection says which "
        "products run short where their own stock is low).",
        "Scoperto è quanto manca nelle settimane oltre capacità dopo le scorte sopra la "
        "scorta di sicurezza (di tutte le sedi, ripartite tra gli stabilimenti che fanno la "
        "famiglia) e la capacità libera da questa settimana in poi, per la famiglia nel suo "
        "insieme (la proiezione dice quali prodotti restano corti dove hanno poche scorte).",
    ),
    "scenario.plant_share": (
        "Only {plant}'s share of that demand changes.",
        "Cambia solo la quota di quella domanda fatta a {plant}.",
    ),
    "scenario.nothing_stored": (
        "Nothing was changed: the scenario is worked out on the latest forecast and the "
        "capacity file, and stored nowhere.",
        "Non ho cambiato nulla: lo scenario è calcolato sull'ultima previsione e sul file "
        "della capacità, e non viene salvato.",
    ),
}
i18n.register(TEXT)


def _signed(lang: str, value: float) -> str:
    shown = number(lang, value, 0 if value == int(value) else 1) + "%"
    return shown if value < 0 else "+" + shown


def change_said(lang: str, s: Scenario) -> str:
    """The change, in words: "MOKA demand +20%", "PLT-MAN stopped"."""
    parts = []
    if s.demand_change is not None:
        change = _signed(lang, s.demand_change)
        what = s.family or (
            " + ".join(s.skus)
            if len(s.skus) <= 3
            else t(lang, "scenario.products", count=len(s.skus))
        )
        parts.append(
            t(lang, "scenario.demand_of", what=what, change=change)
            if s.skus or s.family
            else t(lang, "scenario.all_demand", change=change)
        )
        if s.plant is not None and s.capacity_change is None:
            parts[-1] += t(lang, "scenario.at_plant", plant=s.plant)
    if s.capacity_change is not None and s.plant is not None:
        plant = f"{s.plant} ({s.family})" if s.family and s.demand_change is None else s.plant
        parts.append(
            t(lang, "scenario.stopped", plant=plant)
            if s.capacity_change <= -100
            else t(
                lang, "scenario.capacity_of", plant=plant, change=_signed(lang, s.capacity_change)
            )
        )
    return i18n.listed(lang, parts)


def what_if_card(a: WhatIfAnswer, lang: str) -> Card:
    s = a.scenario
    change = change_said(lang, s)
    # A change past the forecast is worked out, and said, to the forecast's last day.
    last = a.covered_until or s.last
    span = t(lang, "scenario.span", first=date(lang, s.first), last=date(lang, last))
    # What the change does first: the most it adds, then the most there is.
    failing = sorted((x for x in a.lines if not x.copes),
                     key=lambda x: (-(x.uncovered - x.uncovered_before), -x.uncovered))  # fmt: skip
    over = sorted((x for x in a.lines if x.weeks_over_after),
                  key=lambda x: (-(x.short_after - x.short), -x.short_after))  # fmt: skip
    if failing:
        worst = failing[0]
        headline = t(
            lang,
            "scenario.fails",
            change=change,
            span=span,
            plant=worst.plant,
            family=worst.family,
            uncovered=number(lang, worst.uncovered),
            money=i18n.money(lang, worst.revenue_uncovered),
            week=date(lang, worst.first_over_after),
        )
        if worst.uncovered_before > 0:
            before = number(lang, worst.uncovered_before)
            headline += t(lang, "scenario.fails_anyway", before=before)
        if len(failing) > 1:
            headline += t(lang, "scenario.also_short", what=_where(lang, failing[1:]))
        tone = "bad"
    elif len(over) > 1:  # every family over capacity said, with the total
        headline = t(
            lang,
            "scenario.holds_with_stock_many",
            change=change,
            span=span,
            what=_where(lang, over),
            short=number(lang, sum(x.short_after for x in over)),
            week=date(lang, min(x.first_over_after for x in over if x.first_over_after)),
            planned=t(lang, "scenario.planned_short", short=number(lang, planned))
            if (planned := sum(x.short for x in over)) >= 0.5
            else "",
        )
        tone = "warning"
    elif over:
        worst = over[0]
        headline = t(
            lang,
            "scenario.holds_with_stock",
            change=change,
            span=span,
            plant=worst.plant,
            family=worst.family,
            weeks=_weeks(lang, worst.weeks_over_after, worst.weeks),
            week=date(lang, worst.first_over_after),
            short=number(lang, worst.short_after),
            planned=t(lang, "scenario.planned_short", short=number(lang, worst.short))
            if worst.short >= 0.5
            else "",
        )
        tone = "warning"
    else:
        loaded = [x for x in a.lines if x.peak_after is not None]
        if loaded:
            top = max(loaded, key=lambda x: x.peak_after or 0.0)
            # The plants the change touches: another one over capacity as planned is not
            # this scenario's to clear.
            plants = sorted({x.plant for x in a.lines})
            headline = t(
                lang,
                "scenario.holds_one" if len(plants) == 1 else "scenario.holds",
                change=change,
                span=span,
                plants=i18n.listed(lang, plants),
                plant=top.plant,
                family=top.family,
                peak=pct(lang, 100 * (top.peak_after or 0.0)),
                before=pct(lang, None if top.peak is None else 100 * top.peak),
            )
        else:
            headline = t(lang, "scenario.holds_idle", change=change, span=span)
        tone = "good"
    columns = tuple(
        t(lang, f"scenario.column.{c}")
        for c in ("plant", "family", "demand", "capacity", "peak", "short", "stock", "uncovered")
    )
    notes: list[str] = []
    if a.added_units >= 0.5:
        notes.append(t(lang, "scenario.added", units=number(lang, a.added_units)))
    elif a.added_units <= -0.5:
        notes.append(t(lang, "scenario.removed", units=number(lang, -a.added_units)))
    if s.plant is not None and s.demand_change is not None and s.capacity_change is None:
        notes.append(t(lang, "scenario.plant_share", plant=s.plant))
    notes.append(t(lang, "scenario.arrows"))
    if failing or over:  # how "uncovered" is worked out, where it is shown to matter
        notes.append(t(lang, "scenario.how"))
    notes.extend(coverage_note(lang, a.covered_until))
    notes.append(t(lang, "scenario.nothing_stored"))
    return Card(
        title=f"{t(lang, 'scenario.title')} · {change}",
        headline=headline,
        columns=columns,
        rows=tuple(_row(lang, x) for x in a.lines),
        notes=tuple(notes),
        source=source(lang, a.provenance),
        tone=tone,
    )


def _where(lang: str, lines: list[ScenarioLine]) -> str:
    """ "MOKA, PADELLE and PENTOLE at PLT-LUM", "COLTELLI at PLT-MAN and MOKA at PLT-LUM"."""
    plants: dict[str, list[str]] = {}
    for x in lines:
        plants.setdefault(x.plant, []).append(x.family)
    return i18n.listed(
        lang,
        [t(lang, "scenario.at", family=i18n.listed(lang, f), plant=p) for p, f in plants.items()],
    )


def _weeks(lang: str, count: int, of: int) -> str:
    """ "in 2 of 5 weeks", "in both weeks", "in all 5 weeks"."""
    if count == of:
        key = {1: "one", 2: "both"}.get(count, "all")
    else:
        key = "single" if count == 1 else "some"
    return t(lang, f"scenario.weeks.{key}", count=count, of=of)


def _row(lang: str, x: ScenarioLine) -> tuple[str, ...]:
    def load(value: float | None) -> str:
        return pct(lang, None if value is None else 100 * value)

    return (
        x.plant,
        x.family,
        f"{number(lang, x.demand)} → {number(lang, x.demand_after)}",
        number(lang, x.capacity_after)
        if x.capacity_after == x.capacity
        else f"{number(lang, x.capacity)} → {number(lang, x.capacity_after)}",
        f"{load(x.peak)} → {load(x.peak_after)}",
        number(lang, x.short_after)
        if round(x.short) == round(x.short_after)
        else f"{number(lang, x.short)} → {number(lang, x.short_after)}",
        number(lang, x.free_stock),
        number(lang, x.uncovered),
    )
