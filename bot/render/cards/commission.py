"""The commission card: what a deal (or closing the target) would pay, step by step, and
what was earned so far, from the commission plan."""

from __future__ import annotations

from bot.render import i18n
from bot.render.cards.base import Card
from bot.render.i18n import money, number, pct, period, t
from planning.commission import CommissionEstimate, Step

TEXT: dict[str, tuple[str, str]] = {
    "commission.title": ("Commission · {who} · {when}", "Provvigioni · {who} · {when}"),
    "commission.deal_units": (
        "If {who} closes {units} more {sku} ({units} × {price} = {revenue}): about {extra} "
        "more commission; attainment {before} → {after}.",
        "Se {who} chiude altri {units} {sku} ({units} × {price} = {revenue}): circa {extra} "
        "di provvigione in più; raggiungimento {before} → {after}.",
    ),
    "commission.deal_revenue": (
        "If {who} sells {revenue} more: about {extra} more commission; attainment {before} → "
        "{after}.",
        "Se {who} vende altri {revenue}: circa {extra} di provvigione in più; raggiungimento "
        "{before} → {after}.",
    ),
    "commission.deal_target": (
        "If {who} closes the target ({left} more, {revenue}): about {extra} more commission, "
        "bonuses included; attainment {before} → 100%.",
        "Se {who} chiude l'obiettivo (altri {left}, {revenue}): circa {extra} di provvigione in "
        "più, premi inclusi; raggiungimento {before} → 100%.",
    ),
    "commission_reach": (
        "{pct}% is not an attainment to reach: say a percentage of the target above zero.",
        "{pct}% non è un raggiungimento possibile: indica una percentuale dell'obiettivo sopra "
        "zero.",
    ),
    "commission.deal_reach": (
        "If {who} reaches {after} of the target ({left} more, {revenue}): about {extra} more "
        "commission, bonuses included; attainment {before} → {after}.",
        "Se {who} arriva al {after} dell'obiettivo (altri {left}, {revenue}): circa {extra} di "
        "provvigione in più, premi inclusi; raggiungimento {before} → {after}.",
    ),
    "commission.at_reach": (
        "{who} is already at {before}, beyond {reach} of the target: nothing is left to close.",
        "{who} è già al {before}, oltre il {reach} dell'obiettivo: non resta nulla da chiudere.",
    ),
    "commission.at_target": (
        "{who} has already reached the target ({before}): nothing is left to close.",
        "{who} ha già raggiunto l'obiettivo ({before}): non resta nulla da chiudere.",
    ),
    "commission.so_far": (
        "{who} has earned about {earned} so far: {revenue} sold, {before} of the target.",
        "{who} ha maturato circa {earned} finora: {revenue} venduti, {before} dell'obiettivo.",
    ),
    "commission.so_far_note": (
        "So far: {earned} on {revenue} sold ({before} of the target).",
        "Finora: {earned} su {revenue} venduti ({before} dell'obiettivo).",
    ),
    "commission.left_units": ("{value} units", "{value} pezzi"),
    "commission.at_average": (
        "what is left is valued at {who}'s average price so far, {price} a unit",
        "quanto manca è valutato al prezzo medio di {who} finora, {price} al pezzo",
    ),
    "commission.columns": (
        "attainment|revenue|rate|commission",
        "raggiungimento|fatturato|aliquota|provvigione",
    ),
    "commission.bonus": ("bonus on reaching it", "premio al raggiungimento"),
    "commission.plan": ("Plan ({whose}): {tiers}.", "Piano ({whose}): {tiers}."),
    "commission.personal": ("personal", "personale"),
    "commission.role": ("the {role}s' plan", "piano dei {role}"),
    "commission.tier": ("{rate} from {start}", "{rate} da {start}"),
    "commission.tier_bonus": (" (+{bonus})", " (+{bonus})"),
    "commission.how": (
        "Each tier's rate pays the revenue sold while attainment is in it; a deal that "
        "crosses a tier is paid at each rate for its share. An estimate: the payroll decides.",
        "L'aliquota di ogni scaglione paga il fatturato venduto mentre il raggiungimento è "
        "in quello scaglione; un affare a cavallo di due è pagato per la sua parte in "
        "ciascuno. È una stima: decide l'ufficio paghe.",
    ),
    "commission.source": (
        "Source: commission_plans.csv, the quota (current version) and sales to {day}",
        "Fonte: commission_plans.csv, la quota (versione corrente) e le vendite fino al {day}",
    ),
    # refusals
    "commission_not_yours": (
        "Sorry, pay is private: you can see your own (a manager: the team's).",
        "Mi dispiace, i compensi sono riservati: puoi vedere i tuoi (un responsabile: quelli "
        "del team).",
    ),
    "no_commission_plan": (
        "There is no commission plan for {whose}: commission_plans.csv names neither them nor "
        "the role {role}.",
        "Non c'è un piano provvigioni per {whose}: commission_plans.csv non indica né la "
        "persona né il ruolo {role}.",
    ),
    "no_price": (
        "{sku} has no list price: the deal cannot be valued.",
        "{sku} non ha un prezzo di listino: l'affare non si può valutare.",
    ),
}
i18n.register(TEXT)


def _price(lang: str, value: float) -> str:
    """A unit price to the cent (a total rounds to the euro)."""
    shown = number(lang, value, 2)
    return f"€{shown}" if lang == "en" else f"{shown} €"


def _row(lang: str, s: Step) -> tuple[str, str, str, str]:
    if s.bonus:
        return (pct(lang, s.from_pct), "", t(lang, "commission.bonus"), money(lang, s.amount))
    return (
        f"{pct(lang, s.from_pct)} → {pct(lang, s.to_pct)}",
        money(lang, s.revenue),
        f"{number(lang, s.rate_pct, 1 if s.rate_pct % 1 else 0)}%",
        money(lang, s.amount),
    )


def commission_card(c: CommissionEstimate, lang: str) -> Card:
    who, before = c.person_name, pct(lang, c.attainment_pct)
    common = {"who": who, "before": before, "after": pct(lang, c.attainment_after),
              "extra": money(lang, c.extra), "revenue": money(lang, c.deal_revenue)}  # fmt: skip
    notes = []
    if c.deal == "units":
        price = _price(lang, c.unit_price or 0.0)
        headline = t(lang, "commission.deal_units", units=number(lang, c.quantity),
                     sku=c.sku or "", price=price, **common)  # fmt: skip
    elif c.deal == "revenue":
        headline = t(lang, "commission.deal_revenue", **common)
    elif c.deal == "target" and c.deal_revenue <= 0:
        key = "commission.at_target" if c.reach_pct == 100 else "commission.at_reach"
        headline = t(lang, key, reach=pct(lang, c.reach_pct), **common)
    elif c.deal == "target":
        left = (t(lang, "commission.left_units", value=number(lang, c.quantity))
                if c.units_measure else money(lang, c.deal_revenue))  # fmt: skip
        key = "commission.deal_target" if c.reach_pct == 100 else "commission.deal_reach"
        headline = t(lang, key, left=left, **common)
        if c.units_measure and c.unit_price:
            said = t(lang, "commission.at_average", who=who, price=_price(lang, c.unit_price))
            notes.append(said[:1].upper() + said[1:] + ".")
    else:
        headline = t(lang, "commission.so_far", who=who, before=before,
                     earned=money(lang, c.earned), revenue=money(lang, c.sold_revenue))  # fmt: skip
    steps = c.steps if c.deal != "none" else c.earned_steps
    if c.deal != "none":
        notes.insert(0, t(lang, "commission.so_far_note", earned=money(lang, c.earned),
                          revenue=money(lang, c.sold_revenue), before=before))  # fmt: skip
    tiers = ", ".join(
        t(lang, "commission.tier", rate=f"{number(lang, x.rate_pct, 1 if x.rate_pct % 1 else 0)}%",
          start=pct(lang, x.from_pct))
        + (t(lang, "commission.tier_bonus", bonus=money(lang, x.bonus)) if x.bonus else "")
        for x in c.tiers
    )  # fmt: skip
    whose = (t(lang, "commission.personal") if c.plan == "personal"
             else t(lang, "commission.role", role=c.plan))  # fmt: skip
    notes.append(t(lang, "commission.plan", whose=whose, tiers=tiers))
    notes.append(t(lang, "commission.how"))
    return Card(
        headline=headline,
        title=t(lang, "commission.title", who=who, when=period(lang, c.period)),
        columns=tuple(t(lang, "commission.columns").split("|")),
        rows=tuple(_row(lang, s) for s in steps),
        notes=tuple(notes),
        source=t(lang, "commission.source", day=i18n.date(lang, c.measured_until)),
        tone="good",
    )
