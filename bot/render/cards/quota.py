"""Quota cards: attainment, pace so far and pace needed, for one person or many."""

from __future__ import annotations

from dataclasses import dataclass

from bot.render import i18n
from bot.render.cards.base import Card
from bot.render.i18n import date, number, pct, t
from planning.answers import QuotaAnswer
from planning.quotas import QuotaStatus, period_kind

TEXT: dict[str, tuple[str, str]] = {
    "quota.quota_card.reps_of": (
        "{territory} has no quota of its own; its reps': ",
        "{territory} non ha una quota propria; quella dei suoi venditori: ",
    ),
    "quota.quota_card.per_quarter": (
        "Quotas are set per quarter, none for {asked}: {when}'s. ",
        "Le quote sono per trimestre, nessuna per {asked}: ecco il {when}. ",
    ),
    "quota.quota_card.parts": (
        "The {when} target is its {parts} {kind}' quotas added up.",
        "Il target del {when} è la somma delle quote dei suoi {parts} {kind}.",
    ),
    "quota.quota_card.parts.quarters": ("quarters", "trimestri"),
    "quota.quota_card.parts.months": ("months", "mesi"),
    "quota.quota_card.month_sold": (
        "In {month} so far: {units} units sold ({revenue}), {share} of the quarter's sales.",
        "A {month} finora: {units} pezzi venduti ({revenue}), {share} delle vendite del trimestre.",
    ),
    "quota.quota_card.per_quarter_year": (
        "Quotas are set per quarter and not every quarter of {asked} has one: here is {when}. ",
        "Le quote sono per trimestre e non tutti i trimestri del {asked} ne hanno una: ecco il "
        "{when}. ",
    ),
    "quota.quota_card.headline": (
        "No quota found for {when}.",
        "Nessuna quota trovata per {when}.",
    ),
    "quota.quota_card.on_track": (
        "on track",
        "in linea",
    ),
    "quota.quota_card.on_track_2": (
        "behind",
        "in ritardo",
    ),
    "quota.quota_card.units": (
        " units",
        " pezzi",
    ),
    "quota.quota_card.headline_2": (
        "{owner_name}: {attained} of {target}{units} for {when} ({sold} sold{money}; "
        "{elapsed} of the period elapsed, {on_track})",
        "{owner_name}: {attained} di {target}{units} per {when} ({sold} venduti{money}; "
        "{elapsed} del periodo trascorso, {on_track})",
    ),
    "quota.quota_card.headline_3": (
        "{statuses} quotas for {when}: {behind} behind pace",
        "{statuses} quote per {when}: {behind} in ritardo",
    ),
    "quota.quota_card.per_week": (
        " units/week",
        " pezzi/settimana",
    ),
    "quota.quota_card.per_week_2": (
        "week",
        "settimana",
    ),
    "quota.quota_card.text": (
        "Still to sell: {gap}, so {needed}{per_week} over {left} weeks (so far {pace}/week).",
        "Mancano {gap}: servono {needed}{per_week} per {left} settimane (finora {pace}/settimana).",
    ),
    "quota.quota_card.title": (
        "Quota",
        "Quota",
    ),
    "quota.quota_card.columns": (
        "who",
        "chi",
    ),
    "quota.quota_card.columns_2": (
        "sold",
        "venduto",
    ),
    "quota.quota_card.columns_3": (
        "attained",
        "raggiunto",
    ),
    "quota.quota_card.columns_4": (
        "elapsed",
        "trascorso",
    ),
    "quota.quota_card.columns_5": (
        "pace/wk",
        "ritmo/sett",
    ),
    "quota.quota_card.columns_6": (
        "needed/wk",
        "serve/sett",
    ),
    "quota.quota_card.columns_7": (
        "forecast at end",
        "previsto a fine periodo",
    ),
    "quota.quota_card.forecast": (
        "If demand comes as forecast: {units} by {day} ({pct} of target).",
        "Se la domanda arriva come previsto: {units} entro il {day} ({pct} dell'obiettivo).",
    ),
    "quota.quota_card.at_pace": (
        "At the pace so far: {units} by {day} ({pct} of target).",
        "Al ritmo di finora: {units} entro il {day} ({pct} dell'obiettivo).",
    ),
    "quota.quota_card.forecast_partial": (
        " The forecast reaches {day}: the days after it are not counted.",
        " La previsione arriva al {day}: i giorni dopo non sono contati.",
    ),
    "quota.quota_card.per_product": (
        "Quotas are set per product family or in total, not per product: {product} is in "
        "{family}. ",
        "Le quote si fissano per famiglia di prodotti o in totale, non per prodotto: {product} "
        "è nella famiglia {family}. ",
    ),
    "quota.quota_card.no_family": (
        "No {family} quota of its own for {when}: the total quota. ",
        "Nessuna quota {family} a sé per {when}: la quota totale. ",
    ),
    "quota.quota_card.together_all": (
        "The company's {count} rep quotas together: {attained} of {target} ({sold} sold).",
        "Le {count} quote dei venditori insieme: {attained} di {target} ({sold} venduti).",
    ),
    "quota.quota_card.together_team": (
        "The team's {count} quotas together: {attained} of {target} ({sold} sold).",
        "Le {count} quote del team insieme: {attained} di {target} ({sold} venduti).",
    ),
    "quota.quota_card.together_forecast": (
        " If demand comes as forecast: {units} at the end ({pct}).",
        " Se la domanda arriva come previsto: {units} a fine periodo ({pct}).",
    ),
    "quota.quota_card.family_total": (
        "All quotas together ask for {units} {family} in {when}: family quotas whole, the "
        "others spread over families by what each owner sold in the last 13 weeks.",
        "Tutte le quote insieme chiedono {units} {family} in {when}: le quote di famiglia "
        "intere, le altre ripartite tra le famiglie come ciascuno ha venduto nelle ultime 13 "
        "settimane.",
    ),
    "quota.quota_card.company_not_theirs": (
        "The whole company's quotas are for operations and admins: these are your team's.",
        "Le quote di tutta l'azienda sono per operations e admin: queste sono quelle del tuo team.",
    ),
    "quota.quota_card.family_totals": (
        "All quotas together ask, per family, in {when}: {each} units (family quotas whole, "
        "the others spread over families by what each owner sold in the last 13 weeks).",
        "Tutte le quote insieme chiedono, per famiglia, in {when}: {each} pezzi (le quote di "
        "famiglia intere, le altre ripartite come ciascuno ha venduto nelle ultime 13 "
        "settimane).",
    ),
    "quota.quota_card.ranked": (
        "Ranked by attainment to date.",
        "In ordine di raggiungimento ad oggi.",
    ),
    "quota.quota_card.source_forecast": (
        "; forecast at end: the latest weekly forecast times each one's share of the last 13 "
        "weeks' sales",
        "; previsto a fine periodo: l'ultima previsione settimanale per la quota di vendite di "
        "ciascuno nelle ultime 13 settimane",
    ),
    "quota.quota_card.source": (
        "Source: quotas (current version) and sales to {measured}",
        "Fonte: quote (versione corrente) e vendite fino al {measured}",
    ),
    "quota.quota_card.source_2": (
        "Source: quotas (current version); no sales imported for this period yet",
        "Fonte: quote (versione corrente); nessuna vendita importata per questo periodo",
    ),
}
i18n.register(TEXT)


@dataclass(frozen=True)
class _QuotaFigures:
    """A quota in its own measure: units when it has a unit target, else revenue."""

    units: bool
    target: float | None
    sold: float
    attained: float | None
    pace: float  # per week so far
    needed: float | None  # per week from here


def _figures(s: QuotaStatus) -> _QuotaFigures:
    if s.target_units is not None:
        return _QuotaFigures(
            True,
            s.target_units,
            s.sold_units,
            s.attainment_pct,
            s.current_weekly_pace,
            s.required_weekly_pace,
        )
    return _QuotaFigures(
        False,
        s.target_revenue,
        s.sold_revenue,
        s.revenue_attainment_pct,
        s.current_weekly_revenue,
        s.required_weekly_revenue,
    )


def one_quota(s: QuotaStatus, lang: str) -> str:
    """One quota in a line: attained of target, sold, how much of the period has gone and
    whether that is on track (the quota answer's headline, and the why-behind answer's)."""
    f = _figures(s)
    fmt = (lambda x: number(lang, x)) if f.units else (lambda x: i18n.money(lang, x))
    units = t(lang, "quota.quota_card.units") if f.units else ""
    money = ""
    if f.units and s.target_revenue:  # both targets: the revenue one too, and its sales
        units += f" ({i18n.money(lang, s.target_revenue)})"
        money = f", {i18n.money(lang, s.sold_revenue)}"
    return t(
        lang,
        "quota.quota_card.headline_2",
        owner_name=s.owner_name,
        attained=pct(lang, f.attained),
        target=fmt(f.target or 0.0),
        units=units,
        when=i18n.period(lang, s.period),
        sold=fmt(f.sold),
        money=money,
        elapsed=pct(lang, 100 * s.elapsed_share),
        on_track=t(
            lang, "quota.quota_card.on_track" if s.on_track else "quota.quota_card.on_track_2"
        ),
    )


def still_to_sell(s: QuotaStatus, lang: str) -> str | None:
    """What is left to sell, per week over the weeks left, against the pace so far."""
    f = _figures(s)
    if f.needed is None:
        return None
    fmt = (lambda x: number(lang, x)) if f.units else (lambda x: i18n.money(lang, x))
    per_week = (
        t(lang, "quota.quota_card.per_week")
        if f.units
        else "/" + t(lang, "quota.quota_card.per_week_2")
    )
    gap = fmt(max(0.0, (f.target or 0.0) - f.sold)) + (
        t(lang, "quota.quota_card.units") if f.units else ""
    )
    if f.units and s.target_revenue:  # and in euros, when the quota has both
        gap += f" ({i18n.money(lang, max(0.0, s.target_revenue - s.sold_revenue))})"
    return t(lang, "quota.quota_card.text", gap=gap, needed=fmt(f.needed), per_week=per_week,
             left=number(lang, s.weeks_left, 1), pace=fmt(f.pace))  # fmt: skip


def _quota_line(lang: str, s: QuotaStatus) -> tuple[str, ...]:
    f = _figures(s)
    fmt = (lambda x: number(lang, x)) if f.units else (lambda x: i18n.money(lang, x))
    return (
        s.owner_name + (f" ({s.family})" if s.family else ""),
        fmt(f.target) if f.target is not None else "–",
        fmt(f.sold),
        pct(lang, f.attained),
        pct(lang, 100 * s.elapsed_share),
        fmt(f.pace),
        fmt(f.needed) if f.needed is not None else "–",
        pct(lang, s.forecast_attainment_pct),
    )


def quota_card(q: QuotaAnswer, lang: str) -> Card:
    when = i18n.period(lang, q.period)
    # What was asked and is not a quota here, said before the quota shown instead.
    said = ""
    if q.product is not None:
        said += t(lang, "quota.quota_card.per_product", product=q.product, family=q.family or "–")
    if q.asked_period is not None:
        # A year whose quarters do not all have quotas ("attainment ytd") is not "none".
        key = "per_quarter_year" if period_kind(q.asked_period) == "year" else "per_quarter"
        said += t(lang, f"quota.quota_card.{key}", asked=i18n.period(lang, q.asked_period),
                  when=when)  # fmt: skip
    if q.no_family_quota:
        said += t(lang, "quota.quota_card.no_family", family=q.family, when=when)
    if not q.statuses:
        return Card(headline=said + t(lang, "quota.quota_card.headline", when=when))
    first = q.statuses[0]
    f = _figures(first)
    fmt = (lambda x: number(lang, x)) if f.units else (lambda x: i18n.money(lang, x))
    if len(q.statuses) == 1 and f.attained is not None and f.target:
        headline = one_quota(first, lang)
    else:
        behind = [s for s in q.statuses if s.on_track is False]
        headline = t(
            lang,
            "quota.quota_card.headline_3",
            statuses=len(q.statuses),
            when=when,
            behind=len(behind),
        )
    if q.reps_of_territory:  # the territory asked about first: its quota is its reps'
        headline = t(lang, "quota.quota_card.reps_of", territory=q.label or q.whose) + headline
    headline = said + headline
    notes = []
    if len(q.statuses) == 1 and (still := still_to_sell(first, lang)):
        notes.append(still)
    if len(q.statuses) == 1 and first.forecast_attainment_pct is not None:
        at_end = first.forecast_units_at_end if f.units else first.forecast_revenue_at_end
        share = pct(lang, first.forecast_attainment_pct)
        line = t(lang, "quota.quota_card.forecast", units=fmt(at_end or 0.0),
                 day=date(lang, first.end), pct=share)  # fmt: skip
        if first.forecast_through is not None and first.forecast_through < first.end:
            line += t(lang, "quota.quota_card.forecast_partial",
                      day=date(lang, first.forecast_through))  # fmt: skip
        notes.append(line)
    if len(q.statuses) == 1 and f.target and first.weeks_left > 0 and first.elapsed_share > 0:
        # "dove arrivo col ritmo attuale": what the pace so far makes by the end.
        at_pace = f.sold + f.pace * first.weeks_left
        share = pct(lang, 100 * at_pace / f.target)
        notes.append(t(lang, "quota.quota_card.at_pace", units=fmt(at_pace),
                       day=date(lang, first.end), pct=share))  # fmt: skip
    if len(q.statuses) == 1 and first.parts > 1:  # "attainment ytd": the year's quarters
        kind = "quarters" if first.parts == 4 else "months"  # a year's 4, or 3 or 12 months
        notes.insert(0, t(lang, "quota.quota_card.parts", when=when, parts=first.parts,
                          kind=t(lang, f"quota.quota_card.parts.{kind}")))  # fmt: skip
    if q.asked_sold is not None and q.asked_period is not None:
        # "how's my quota this month": the month's own sales, beside the quarter's quota
        in_month, revenue = q.asked_sold
        share = pct(lang, 100 * in_month / first.sold_units) if first.sold_units else "–"
        notes.insert(0, t(lang, "quota.quota_card.month_sold",
                          month=i18n.period(lang, q.asked_period), units=number(lang, in_month),
                          revenue=i18n.money(lang, revenue), share=share))  # fmt: skip
    if q.together is not None:  # "quota totale azienda vs venduto", "how is my team doing"
        g = q.together
        unit = t(lang, "quota.quota_card.units")
        show = (lambda x: number(lang, x) + unit) if g.units else (lambda x: i18n.money(lang, x))
        attained = pct(lang, 100 * g.sold / g.target) if g.target else "–"
        line = t(lang, f"quota.quota_card.together_{q.scope}", count=g.count,
                 target=show(g.target), sold=show(g.sold), attained=attained)  # fmt: skip
        if g.forecast_at_end is not None and g.target:
            line += t(lang, "quota.quota_card.together_forecast", units=show(g.forecast_at_end),
                      pct=pct(lang, 100 * g.forecast_at_end / g.target))  # fmt: skip
        notes.insert(0, line)
    if q.company_not_theirs:  # "totale aziendale quote Q4" from a manager
        notes.insert(0, t(lang, "quota.quota_card.company_not_theirs"))
    if q.family_totals:
        each = " · ".join(f"{f} {number(lang, u)}" for f, u in q.family_totals)
        notes.append(t(lang, "quota.quota_card.family_totals", each=each, when=when))
    if q.family_total is not None:
        notes.append(t(lang, "quota.quota_card.family_total", family=q.family, when=when,
                       units=number(lang, q.family_total)))  # fmt: skip
    if len(q.statuses) > 1 and q.scope in ("team", "all", "territory"):
        notes.append(t(lang, "quota.quota_card.ranked"))
    measured = date(lang, first.measured_until)
    return Card(
        title=t(lang, "quota.quota_card.title") + f" · {when}",
        headline=headline,
        columns=(
            t(lang, "quota.quota_card.columns"),
            "target",
            t(lang, "quota.quota_card.columns_2"),
            t(lang, "quota.quota_card.columns_3"),
            t(lang, "quota.quota_card.columns_4"),
            t(lang, "quota.quota_card.columns_5"),
            t(lang, "quota.quota_card.columns_6"),
            t(lang, "quota.quota_card.columns_7"),
        ),
        rows=tuple(_quota_line(lang, s) for s in q.statuses),
        notes=tuple(notes),
        source=(
            t(lang, "quota.quota_card.source", measured=measured)
            if first.measured_until >= first.start
            else t(lang, "quota.quota_card.source_2")
        )
        + (
            t(lang, "quota.quota_card.source_forecast")
            if first.forecast_attainment_pct is not None
            else ""
        ),
        tone="good" if all(s.on_track for s in q.statuses) else "warning",
    )
