"""Supply cards: the stock projection, plant capacity and available-to-promise."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.render import i18n
from bot.render.cards.base import Card, group_label, source
from bot.render.cards.forecast import coverage_note
from bot.render.i18n import date, number, pct, t
from planning.answers import (
    AtpAnswer,
    CapacityAnswer,
    GroupProjection,
    GroupProjectionLine,
    MoveCheck,
    ProjectionAnswer,
    Transfer,
)
from planning.capacity import CapacityWeek

TEXT: dict[str, tuple[str, str]] = {
    "supply.projection_card.text": (
        "{location}: runs out on {stockout_date} ({value} days of cover)",
        "{location}: finisce il {stockout_date} ({value} giorni di copertura)",
    ),
    "supply.projection_card.text_2": (
        "{location}: covers all {weeks} weeks",
        "{location}: copre tutte le {weeks} settimane",
    ),
    "supply.atp_card.runs_out": (
        "But at the forecast's pace {location} runs out on {day}: this promise takes stock "
        "the forecast expects other customers to buy",
        "Ma al ritmo della previsione {location} finisce il {day}: questa promessa prende "
        "merce che la previsione si aspetta da altri clienti",
    ),
    "supply.atp_card.headline_risk": (
        "Yes, with a risk: {qty} × {sku} can ship by {requested_date}",
        "Sì, con un rischio: {qty} × {sku} possono partire entro il {requested_date}",
    ),
    "supply.atp_card.promise_runs_out": (
        "With this promise on top of the forecast, {location} runs out in the week of {day}",
        "Con questa promessa in più della previsione, {location} resta senza merce nella "
        "settimana del {day}",
    ),
    "supply.atp_card.promise_below_safety": (
        "With this promise on top of the forecast, {location} falls below its safety stock "
        "({safety}) in the week of {day}",
        "Con questa promessa in più della previsione, {location} scende sotto la scorta di "
        "sicurezza ({safety}) nella settimana del {day}",
    ),
    "supply.atp_card.below_safety": (
        "At the forecast's pace {location} falls below its safety stock ({safety}) from the "
        "week of {day}, even without this promise",
        "Al ritmo della previsione {location} scende sotto la scorta di sicurezza ({safety}) "
        "dalla settimana del {day}, anche senza questa promessa",
    ),
    "supply.atp_card.promise_below_again": (
        "; with this promise on top, again in the week of {day}",
        "; con questa promessa in più, di nuovo nella settimana del {day}",
    ),
    "supply.atp_card.next_receipt": (
        " (next receipt: week of {day}).",
        " (prossimo arrivo: settimana del {day}).",
    ),
    "supply.atp_card.no_receipt": (
        ", and no receipt is planned after it in the weeks looked at.",
        ", e nelle settimane considerate non è previsto alcun arrivo dopo.",
    ),
    "supply.projection_card.stock_weeks": (
        " ({stock} weeks of stock at the forecast's pace)",
        " ({stock} settimane di scorta al ritmo della previsione)",
    ),
    "supply.projection_card.stock_excess": (
        " ({stock} weeks of stock at the forecast's pace: excess, {beyond} left beyond {excess} "
        "weeks and safety stock)",
        " ({stock} settimane di scorta al ritmo della previsione: eccedenza, {beyond} pezzi "
        "oltre {excess} settimane e la scorta di sicurezza)",
    ),
    "supply.projection_card.no_demand": (
        " (no demand forecast: all of it is excess)",
        " (nessuna domanda prevista: è tutta eccedenza)",
    ),
    "supply.projection_card.short": (
        "{location}: {short} units of demand left unserved by the week of {week} (the "
        "negative projected stock).",
        "{location}: {short} pezzi di domanda non serviti entro la settimana del {week} (la "
        "giacenza prevista negativa).",
    ),
    "supply.projection_card.transfer": (
        "{source} holds {spare} beyond {excess} weeks of its own demand and its safety stock: "
        "moving {units} of them to {target} would cover its shortfall and safety stock.",
        "{source} ha {spare} pezzi oltre {excess} settimane della propria domanda e la sua "
        "scorta di sicurezza: spostarne {units} a {target} coprirebbe la mancanza e la "
        "scorta di sicurezza.",
    ),
    "supply.projection_card.or_production": (
        " {target} is a plant with no production planned into its stock yet: producing "
        "them is the other way.",
        " {target} è uno stabilimento senza produzione ancora pianificata sulle sue scorte: "
        "produrli è l'altra via.",
    ),
    "supply.projection_card.transfer_part": (
        "{source} holds {spare} beyond {excess} weeks of its own demand and its safety stock: "
        "moving them to {target} would cover {units} of the {needed} it needs.",
        "{source} ha {spare} pezzi oltre {excess} settimane della propria domanda e la sua "
        "scorta di sicurezza: spostarli a {target} coprirebbe {units} dei {needed} che le "
        "servono.",
    ),
    "supply.projection_card.text_3": (
        "days of cover",
        "giorni di copertura",
    ),
    "supply.projection_card.notes": (
        "{location}: below safety stock from the week of {first_below_safety_stock}",
        "{location}: sotto scorta di sicurezza dalla settimana del {first_below_safety_stock}",
    ),
    "supply.projection_card.text_4": (
        "Demand = the larger of forecast and open orders each week.",
        "Domanda = il maggiore tra previsione e ordini aperti di ogni settimana.",
    ),
    "supply.projection_card.headline": (
        "No stock records.",
        "Nessuna giacenza.",
    ),
    "supply.projection_card.columns": (
        "location",
        "sede",
    ),
    "supply.projection_card.columns_2": (
        "week of",
        "settimana del",
    ),
    "supply.projection_card.columns_3": (
        "opening",
        "iniziale",
    ),
    "supply.projection_card.columns_4": (
        "receipts",
        "arrivi",
    ),
    "supply.projection_card.columns_5": (
        "demand",
        "domanda",
    ),
    "supply.projection_card.columns_6": (
        "projected",
        "prevista",
    ),
    "supply.capacity_card.headline": (
        "{family} at {plant} is over capacity from the week of {week}: {value} units short "
        "over {short} of the {weeks_count} weeks looked at",
        "{family} a {plant} è oltre capacità dalla settimana del {week}: mancano {value} "
        "pezzi in {short} delle {weeks_count} settimane considerate",
    ),
    "supply.capacity_card.headline_from": (
        "{family} at {plant} is over capacity from {week}: {value} units short over {short} "
        "of the {weeks_count} weeks looked at",
        "{family} a {plant} è oltre capacità dal {week}: mancano {value} pezzi in {short} "
        "delle {weeks_count} settimane considerate",
    ),
    "supply.capacity_card.headline_period": (
        "Within capacity in {period} ({weeks_count} weeks looked at)",
        "Entro la capacità in {period} ({weeks_count} settimane considerate)",
    ),
    "supply.capacity_card.covered": (
        "; in total, stock above safety stock ({stock} across locations) and capacity free "
        "in the weeks before cover it",
        "; nel complesso, le scorte sopra la scorta di sicurezza ({stock} tra tutte le sedi) "
        "e la capacità libera delle settimane prima lo coprono",
    ),
    "supply.capacity_card.uncovered": (
        "; stock above safety stock ({stock} across locations) and capacity free in the "
        "weeks before leave {uncovered} uncovered",
        "; con le scorte sopra la scorta di sicurezza ({stock} tra tutte le sedi) e la "
        "capacità libera delle settimane prima ne restano scoperti {uncovered}",
    ),
    "supply.capacity_card.cover_note": (
        "{family} at {plant}: {short} units over capacity{cover}",
        "{family} a {plant}: {short} pezzi oltre capacità{cover}",
    ),
    "supply.capacity_card.demand": ("forecast demand", "domanda prevista"),
    "supply.capacity_card.capacity": ("capacity", "capacità"),
    "supply.capacity_card.text": (
        " (and {value} more)",
        " (e altri {value})",
    ),
    "supply.capacity_card.headline_2": (
        "Within capacity for the next {weeks_count} weeks",
        "Entro la capacità per le prossime {weeks_count} settimane",
    ),
    "supply.capacity_card.title": (
        "Capacity",
        "Capacità",
    ),
    "supply.capacity_card.columns": (
        "plant",
        "impianto",
    ),
    "supply.capacity_card.columns_2": (
        "family",
        "famiglia",
    ),
    "supply.capacity_card.columns_3": (
        "peak load",
        "picco carico",
    ),
    "supply.capacity_card.columns_4": (
        "weeks over",
        "sett. oltre",
    ),
    "supply.capacity_card.columns_5": (
        "shortfall",
        "carenza",
    ),
    "supply.capacity_card.columns_6": (
        "revenue at risk",
        "ricavi a rischio",
    ),
    "supply.capacity_card.columns_7": (
        "first week over",
        "prima sett. oltre",
    ),
    "supply.atp_card.split": (
        " ({stock} from stock, the other {made} from free plant capacity: it depends on "
        "production)",
        " ({stock} da magazzino, gli altri {made} da capacità libera dell'impianto: dipende "
        "dalla produzione)",
    ),
    "supply.atp_card.headline": (
        "Yes: {qty} × {sku} can ship by {requested_date}",
        "Sì: {qty} × {sku} possono partire entro il {requested_date}",
    ),
    "supply.atp_card.headline_2": (
        "No: {qty} × {sku} cannot ship by {requested_date}; earliest date {earliest_date}",
        "No: {qty} × {sku} non possono partire entro il {requested_date}; prima data "
        "possibile {earliest_date}",
    ),
    "supply.atp_card.headline_3": (
        "No: {qty} × {sku} cannot ship by {requested_date}, nor within the planning horizon",
        "No: {qty} × {sku} non possono partire entro il {requested_date}, né entro "
        "l'orizzonte di pianificazione",
    ),
    "supply.atp_card.text": (
        "= orders already promised are {short} short of stock by {by}",
        "= gli ordini già promessi superano la giacenza di {short} entro il {by}",
    ),
    "supply.atp_card.text_2": (
        "no free plant capacity in time",
        "nessuna capacità libera in tempo",
    ),
    "supply.atp_card.fields": (
        "Ship from",
        "Spedizione da",
    ),
    "supply.atp_card.elsewhere": (
        "{location} has {available} available to promise by {by}: the whole {qty} could ship "
        "from there (shipping from there, or moving stock, is operations' call).",
        "{location} ha {available} disponibili a promettere entro il {by}: l'intera quantità "
        "({qty}) potrebbe partire da lì (spedire da lì o spostare merce lo decide la "
        "logistica).",
    ),
    "supply.atp_card.served": (
        " (where {customer}'s orders ship from)",
        " (da dove partono gli ordini di {customer})",
    ),
    "supply.atp_card.text_3": (
        "Earliest date",
        "Prima data",
    ),
    "supply.atp_card.text_4": (
        "From new production",
        "Da nuova produzione",
    ),
    "supply.capacity_card.changes": (
        "Capacity for {family} at {plant}: {units} a week, then {changes}.",
        "Capacità per {family} a {plant}: {units} a settimana, poi {changes}.",
    ),
    "supply.capacity_card.change": (
        "{units} from the week of {week}",
        "{units} dalla settimana del {week}",
    ),
    "supply.capacity_card.prorated": (
        "Weeks straddling the period count for their days inside it, as forecasts do.",
        "Le settimane a cavallo del periodo contano per i loro giorni interni, come nelle "
        "previsioni.",
    ),
    "supply.group_projection_card.stockouts": (
        "{count} of {products} run out somewhere within {weeks} weeks, first {name} ({sku}) "
        "at {location} on {day}",
        "{count} su {products} vanno in rottura in almeno una sede entro {weeks} settimane, "
        "per primo {name} ({sku}) a {location} il {day}",
    ),
    "supply.group_projection_card.low": (
        "{count} of {products} fall below safety stock within {weeks} weeks, first {sku} from "
        "the week of {day}",
        "{count} su {products} scendono sotto la scorta di sicurezza entro {weeks} settimane, "
        "per primo {sku} dalla settimana del {day}",
    ),
    "supply.group_projection_card.one_stockout": (
        "{sku} runs out at {location} on {day}",
        "{sku} va in rottura a {location} il {day}",
    ),
    "supply.group_projection_card.one_low": (
        "{sku} falls below safety stock from the week of {day}",
        "{sku} scende sotto la scorta di sicurezza dalla settimana del {day}",
    ),
    "supply.group_projection_card.one_fine": (
        "{sku} does not run out or fall below safety stock in {weeks} weeks",
        "{sku} non va in rottura né sotto la scorta di sicurezza in {weeks} settimane",
    ),
    "supply.group_projection_card.fine": (
        "None of the {products} runs out or falls below safety stock in {weeks} weeks",
        "Nessuno dei {products} va in rottura o sotto scorta di sicurezza in {weeks} settimane",
    ),
    "supply.group_projection_card.excess": (
        "Excess stock (left beyond {threshold} weeks of demand and safety stock): {count}, "
        "most {name} ({sku}), {units} at {places}.",
        "Eccesso di scorta (oltre {threshold} settimane di domanda e la scorta di "
        "sicurezza): {count}, il maggiore {name} ({sku}), {units} pezzi a {places}.",
    ),
    "supply.group_projection_card.one_excess": (
        "{sku} holds excess stock: {units} at {places} left beyond {threshold} weeks of demand "
        "and safety stock.",
        "{sku} ha scorte in eccesso: {units} pezzi a {places} oltre {threshold} settimane di "
        "domanda e la scorta di sicurezza.",
    ),
    "supply.group_projection_card.no_excess": (
        "No excess stock (none beyond {threshold} weeks of cover).",
        "Nessun eccesso di scorta (nessuno oltre {threshold} settimane di copertura).",
    ),
    "supply.group_projection_card.more": (
        "The {shown} most urgent are listed; the counts include all {products}.",
        "Sono elencati i {shown} più urgenti; i conteggi includono tutti i {products}.",
    ),
    "supply.group_projection_card.columns": ("product", "prodotto"),
    "supply.group_projection_card.columns_2": ("available", "disponibili"),
    "supply.group_projection_card.columns_3": ("weeks of stock", "settimane di stock"),
    "supply.group_projection_card.moves": ("Could move: {moves}", "Si potrebbe spostare: {moves}"),
    "supply.group_projection_card.moves_more": (" (and {count} more)", " (e altri {count})"),
    "supply.group_projection_card.move": (
        "{units} {sku} from {source} to {target}, covering its shortfall and safety stock",
        "{units} {sku} da {source} a {target}, che ne coprono la mancanza e la scorta di sicurezza",
    ),
    "supply.group_projection_card.move_part": (
        "{units} {sku} from {source} to {target}, part of what it lacks",
        "{units} {sku} da {source} a {target}, parte di ciò che le manca",
    ),
    "supply.group_projection_card.move_plant": (
        " ({target} is a plant: producing them is the other way)",
        " ({target} è uno stabilimento: produrli è l'altra via)",
    ),
    "supply.move_check.verdict.no": ("No", "No"),
    "supply.move_check.verdict.not_advised": ("Not advisable", "Sconsigliato"),
    "supply.move_check.verdict.part": ("Only in part", "Solo in parte"),
    "supply.move_check.verdict.unneeded": ("Possible, but not needed", "Possibile, ma non serve"),
    "supply.move_check.verdict.yes": ("Yes", "Sì"),
    "supply.move_check.none_held": (
        "{source} holds no {sku} to move",
        "{source} non ha {sku} da spostare",
    ),
    "supply.move_check.not_stocked": (
        "{source} does not stock {sku}: nothing to move from there",
        "{source} non tiene {sku}: da lì non c'è niente da spostare",
    ),
    "supply.move_check.needs_all": (
        "{source} holds {held} {sku} but needs them: it falls below safety stock from the "
        "week of {day} even without a move",
        "{source} ha {held} {sku} ma le servono: scende sotto la scorta di sicurezza dalla "
        "settimana del {day} anche senza spostamenti",
    ),
    "supply.move_check.nothing_spare": (
        "{source} holds {held} {sku} but can spare none without falling below safety stock "
        "within {weeks} weeks",
        "{source} ha {held} {sku} ma non può cederne senza scendere sotto la scorta di "
        "sicurezza entro {weeks} settimane",
    ),
    "supply.move_check.needs_them": (
        "and it needs them: it falls below safety stock from the week of {day} even without a move",
        "e le servono: scende sotto la scorta di sicurezza dalla settimana del {day} anche "
        "senza spostamenti",
    ),
    "supply.move_check.spares_none": (
        "and it can spare none without falling below safety stock within {weeks} weeks",
        "e non può cederne senza scendere sotto la scorta di sicurezza entro {weeks} settimane",
    ),
    "supply.move_check.no_source": (
        "No location can spare {sku} without falling below safety stock within {weeks} weeks",
        "Nessuna sede può cedere {sku} senza scendere sotto la scorta di sicurezza entro "
        "{weeks} settimane",
    ),
    "supply.move_check.spare": (
        "{source} can spare up to {spare} {sku} and stay above safety stock for {weeks} weeks",
        "{source} può cedere fino a {spare} {sku} restando sopra la scorta di sicurezza per "
        "{weeks} settimane",
    ),
    "supply.move_check.fits": (
        "Moving {units} {sku} from {source} to {target} leaves {source} above safety stock "
        "for {weeks} weeks (it could spare {spare})",
        "Spostare {units} {sku} da {source} a {target} lascia {source} sopra la scorta di "
        "sicurezza per {weeks} settimane (potrebbe cederne {spare})",
    ),
    "supply.move_check.too_many": (
        "Moving {units} {sku} would take {source} below safety stock from the week of {day}: "
        "it can spare {spare}",
        "Spostare {units} {sku} porterebbe {source} sotto la scorta di sicurezza dalla "
        "settimana del {day}: può cederne {spare}",
    ),
    "supply.move_check.more_than_held": (
        "{source} holds only {held} {sku}, fewer than the {units} asked",
        "{source} ha solo {held} {sku}, meno dei {units} chiesti",
    ),
    "supply.move_check.target_needs": (
        "{target} needs {needs} more to stay above safety stock for {target_weeks} weeks "
        "(below from the week of {day})",
        "a {target} ne servono {needs} per restare sopra la scorta di sicurezza per "
        "{target_weeks} settimane (sotto dalla settimana del {day})",
    ),
    "supply.move_check.target_needs_now": (
        "{target} is already below safety stock: it needs {needs} more to stay above it for "
        "{target_weeks} weeks",
        "{target} è già sotto la scorta di sicurezza: ne servono {needs} per restarci sopra "
        "per {target_weeks} settimane",
    ),
    "supply.move_check.target_covered": (
        "{units} would cover all that {target} needs",
        "{units} coprirebbero tutto ciò che serve a {target}",
    ),
    "supply.move_check.target_short": (
        "with {units}, {target} would still fall below safety stock from the week of {day}",
        "con {units}, {target} scenderebbe comunque sotto la scorta di sicurezza dalla "
        "settimana del {day}",
    ),
    "supply.move_check.target_fine": (
        "{target} does not need any: it stays above safety stock for {target_weeks} weeks",
        "a {target} non servono: resta sopra la scorta di sicurezza per {target_weeks} settimane",
    ),
    "supply.move_check.no_target": (
        "no other location falls below safety stock within {target_weeks} weeks",
        "nessun'altra sede scende sotto la scorta di sicurezza entro {target_weeks} settimane",
    ),
    "supply.move_check.recorded": (
        "Ponte only checks moves: a transfer is recorded in the company's own systems.",
        "Ponte verifica soltanto gli spostamenti: un trasferimento si registra nei sistemi "
        "aziendali.",
    ),
    "supply.move_check.none_between": (
        "Nothing to move from {source} to {target}: no product holds stock there beyond its "
        "needs where the other runs out",
        "Niente da spostare da {source} a {target}: nessun prodotto ha lì scorte oltre il suo "
        "fabbisogno dove l'altra sede va in rottura",
    ),
    "supply.move_check.elsewhere": ("Elsewhere: {moves}", "Altrove: {moves}"),
    "supply.projection_card.receipts_at_risk": (
        "{units} of the receipts counted arrive in weeks {plant} is over capacity for "
        "{family} (weeks of {weeks}): they may come late, and are counted on time here.",
        "{units} degli arrivi contati cadono in settimane in cui {plant} è oltre capacità per "
        "{family} (settimane del {weeks}): potrebbero tardare, qui sono contati in orario.",
    ),
    "supply.group_projection_card.no_moves": (
        "Nothing to move: no location holds stock beyond its needs where another runs out",
        "Niente da spostare: nessuna sede ha scorte oltre il suo fabbisogno dove un'altra va "
        "in rottura",
    ),
    "supply.group_projection_card.refilled": (
        "Stock at {plants} (a plant, no planned receipts) is refilled by production: when it "
        "runs low is the capacity check's question, not counted here.",
        "Le scorte a {plants} (stabilimento, senza arrivi pianificati) le rifornisce la "
        "produzione: quando calano lo dice la verifica di capacità, non sono contate qui.",
    ),
    "supply.group_projection_card.reading": (
        "Weeks of stock: available stock{where} over its average weekly demand in the next "
        "{threshold} weeks, before receipts; run-out dates and excess count receipts, per "
        "location.",
        "Settimane di stock: giacenza disponibile{where} sulla sua domanda media settimanale "
        "delle prossime {threshold} settimane, prima degli arrivi; le date di rottura e "
        "l'eccesso contano gli arrivi, sede per sede.",
    ),
    "supply.group_projection_card.everywhere": (
        " (all locations together)",
        " (tutte le sedi insieme)",
    ),
    "supply.group_projection_card.columns_4": ("runs out", "rottura"),
    "supply.group_projection_card.flag_excess": ("excess", "eccesso"),
    "supply.group_projection_card.flag_low": ("below safety", "sotto scorta"),
}
i18n.register(TEXT)


# Moves named in a group's projection (the rest counted).
MOVES_NAMED = 3


def _moves(lang: str, transfers: tuple[tuple[str, Transfer], ...]) -> str:
    """What could move between locations, the most units first ("" when nothing)."""
    if not transfers:
        return ""
    key = "supply.group_projection_card."
    said = []
    for sku, move in transfers[:MOVES_NAMED]:
        plant = t(lang, key + "move_plant", target=move.target) if move.plant else ""
        said.append(t(lang, key + ("move" if move.covers else "move_part"), sku=sku,
                      units=number(lang, move.units), source=move.source,
                      target=move.target) + plant)  # fmt: skip
    more = len(transfers) - len(said)
    return "; ".join(said) + (t(lang, key + "moves_more", count=more) if more > 0 else "")


def _asked_moves(lang: str, g: GroupProjection) -> str:
    """What could move, the move the question named first: those between its places, or
    that there are none and what could move elsewhere."""
    key = "supply.group_projection_card."
    if g.move_check is not None:
        return _move_check(lang, g.move_check)
    asked = g.asked_move
    if asked is None or (asked.source is None and asked.target is None):
        moves = _moves(lang, g.transfers)
        return t(lang, key + "moves", moves=moves) if moves else t(lang, key + "no_moves")
    between = tuple(
        (sku, m)
        for sku, m in g.transfers
        if asked.source in (None, m.source) and asked.target in (None, m.target)
    )
    if between:
        return t(lang, key + "moves", moves=_moves(lang, between))
    if asked.source is not None and asked.target is not None:
        said = t(lang, "supply.move_check.none_between", source=asked.source, target=asked.target)
    else:
        said = t(lang, key + "no_moves")
    if g.transfers:
        said += ". " + t(lang, "supply.move_check.elsewhere", moves=_moves(lang, g.transfers))
    return said


def _move_check(lang: str, c: MoveCheck) -> str:
    """One product's asked move: the source's side, then the target's."""
    key = "supply.move_check."

    def said(name: str, **values: Any) -> str:
        return t(lang, key + name, sku=c.sku, source=c.source, target=c.target, weeks=c.weeks,
                 target_weeks=c.target_weeks, **values)  # fmt: skip

    figures = {"held": c.held, "spare": c.spare, "units": c.units, "needs": c.needs}
    n = {name: number(lang, value or 0) for name, value in figures.items()}
    if c.source is None:
        source = said("no_source")
    elif c.held is None:
        source = said("not_stocked")
    elif c.held < 1:
        source = said("none_held")
    elif c.units and c.units > c.held:  # the stock there first, then what it can spare
        source = said("more_than_held", held=n["held"], units=n["units"])
        source += ", " if c.spare < 1 else "; "
        if c.spare < 1 and c.source_low is not None:
            source += said("needs_them", day=date(lang, c.source_low))
        elif c.spare < 1:
            source += said("spares_none")
        else:
            source += said("spare", spare=n["spare"])
    elif c.spare < 1 and c.source_low is not None:
        source = said("needs_all", held=n["held"], day=date(lang, c.source_low))
    elif c.spare < 1:
        source = said("nothing_spare", held=n["held"])
    elif c.units and c.source_low_after is not None:
        source = said("too_many", units=n["units"], spare=n["spare"],
                      day=date(lang, c.source_low_after))  # fmt: skip
    elif c.units:
        source = said("fits", units=n["units"], spare=n["spare"])
    else:
        source = said("spare", spare=n["spare"])
    if c.target is None:
        target = said("no_target")
    elif c.needs < 1:
        target = said("target_fine")
    elif c.target_low_now:
        target = said("target_needs_now", needs=n["needs"])
    else:
        target = said("target_needs", needs=n["needs"], day=date(lang, c.target_low))
        if c.units and c.held is not None and c.units > c.held:
            pass  # what would not be there covers nothing
        elif c.units and c.target_low_after is None:
            target += ": " + said("target_covered", units=n["units"])
        elif c.units:
            target += ": " + said("target_short", units=n["units"],
                                  day=date(lang, c.target_low_after))  # fmt: skip
    if c.plant and c.target is not None:
        target += t(lang, "supply.group_projection_card.move_plant", target=c.target)
    return f"{t(lang, key + 'verdict.' + _verdict(c))}: {source}; {target}"


def _verdict(c: MoveCheck) -> str:
    """The move asked in a word: it cannot be done, should not, only in part, needlessly,
    or yes."""
    if c.source is None or not c.held or (c.units and c.units > c.held):
        return "no"
    if c.spare < 1:
        return "not_advised"
    if c.units and c.source_low_after is not None:
        return "part"
    if c.target is None or c.needs < 1:
        return "unneeded"
    return "yes"


def group_projection_card(g: GroupProjection, lang: str) -> Card:
    """Which products of a group run out, fall below safety stock or hold excess stock."""
    key = "supply.group_projection_card."
    first = g.lines[0] if g.lines else None
    one = g.products == 1 and first is not None  # a product asked on its own (a move)
    if one and first is not None and first.stockout_date is not None:
        headline = t(lang, key + "one_stockout", sku=first.sku, location=first.stockout_at,
                     day=date(lang, first.stockout_date))  # fmt: skip
        tone = "bad"
    elif one and first is not None and first.below_safety_from is not None:
        headline = t(lang, key + "one_low", sku=first.sku, day=date(lang, first.below_safety_from))
        tone = "warning"
    elif one and first is not None:
        headline = t(lang, key + "one_fine", sku=first.sku, weeks=g.weeks)
        tone = "good"
    elif g.stockouts and first is not None and first.stockout_date is not None:
        headline = t(lang, key + "stockouts", count=g.stockouts, products=g.products,
                     weeks=g.weeks, name=first.name, sku=first.sku, location=first.stockout_at,
                     day=date(lang, first.stockout_date))  # fmt: skip
        tone = "bad"
    elif g.below_safety and first is not None:
        day = date(lang, first.below_safety_from)
        headline = t(lang, key + "low", count=g.below_safety, products=g.products,
                     weeks=g.weeks, sku=first.sku, day=day)  # fmt: skip
        tone = "warning"
    else:
        headline = t(lang, key + "fine", products=g.products, weeks=g.weeks)
        tone = "good"
    excess = sorted((line for line in g.lines if line.excess), key=lambda line: -line.beyond)
    threshold = number(lang, g.excess_weeks)
    if g.excess_weeks_most is not None and g.excess_weeks_most != g.excess_weeks:
        threshold += "–" + number(lang, g.excess_weeks_most)  # each family's own
    if excess and one:
        most = excess[0]
        notes = [t(lang, key + "one_excess", threshold=threshold, sku=most.sku,
                   units=number(lang, most.beyond), places=", ".join(most.excess_at))]  # fmt: skip
        tone = "warning" if tone == "good" else tone
    elif excess:
        most = excess[0]
        notes = [t(lang, key + "excess", threshold=threshold, count=g.excess, name=most.name,
                   sku=most.sku, units=number(lang, most.beyond),
                   places=", ".join(most.excess_at))]  # fmt: skip
        tone = "warning" if tone == "good" else tone
    else:
        notes = [t(lang, key + "no_excess", threshold=threshold)]
    moves = _asked_moves(lang, g) if g.focus == "move" else _moves(lang, g.transfers)
    if g.focus == "excess":  # asked about excess: that comes first
        headline, notes = notes[0].rstrip("."), [headline + "."]
    if g.focus == "move":  # asked what could move: that comes first
        notes.insert(0, headline + ".")
        headline = moves
        if g.asked_move is not None and g.asked_move.units:
            notes.append(t(lang, "supply.move_check.recorded"))
    elif moves:
        notes.append(t(lang, key + "moves", moves=moves) + ".")
    if g.products > len(g.lines):
        notes.append(t(lang, key + "more", shown=len(g.lines), products=g.products))
    if g.refilled:
        notes.append(t(lang, key + "refilled", plants=", ".join(g.refilled)))
    where = t(lang, key + "everywhere") if g.location is None else ""
    notes.append(t(lang, key + "reading", where=where, threshold=threshold))

    def flag(line: GroupProjectionLine) -> str:
        if line.excess and g.location is None:
            return t(lang, key + "flag_excess") + f" ({', '.join(line.excess_at)})"
        if line.excess:
            return t(lang, key + "flag_excess")
        if line.below_safety_from is not None and line.stockout_date is None:
            return t(lang, key + "flag_low")
        return ""

    return Card(
        title=group_label(lang, g.group, g.location),
        headline=headline,
        columns=(
            "SKU",
            t(lang, key + "columns"),
            t(lang, key + "columns_2"),
            t(lang, key + "columns_3"),
            t(lang, key + "columns_4"),
            "",
        ),
        rows=tuple(
            (
                line.sku,
                line.name,
                number(lang, line.available),
                "–" if line.weeks_of_cover is None else number(lang, line.weeks_of_cover, 1),
                f"{date(lang, line.stockout_date)} ({line.stockout_at})"
                if line.stockout_date
                else "–",
                flag(line),
            )
            for line in g.lines
        ),
        notes=tuple(notes),
        source=source(lang, g.provenance),
        tone=tone,
    )


def projection_card(p: ProjectionAnswer, lang: str) -> Card:
    heads, rows = [], []
    worst = None
    for proj in p.projections:
        if proj.stockout_date is not None:
            heads.append(
                t(
                    lang,
                    "supply.projection_card.text",
                    location=proj.location,
                    stockout_date=date(lang, proj.stockout_date),
                    value=number(lang, proj.days_of_cover or 0),
                )
            )
            worst = "bad"
        elif proj.covers_horizon:
            heads.append(
                t(
                    lang,
                    "supply.projection_card.text_2",
                    location=proj.location,
                    weeks=len(proj.weeks),
                )
                + _stock_weeks(lang, p, proj.location)
            )
        else:
            heads.append(
                f"{proj.location}: {number(lang, proj.days_of_cover or 0)} "
                + t(lang, "supply.projection_card.text_3")
            )
        if proj.first_below_safety_stock is not None and worst is None:
            worst = "warning"
        for w in proj.weeks:
            rows.append(
                (
                    proj.location,
                    date(lang, w.week),
                    number(lang, w.opening),
                    number(lang, w.receipts),
                    number(lang, w.demand),
                    number(lang, w.projected_on_hand),
                )
            )
    notes = [
        t(
            lang,
            "supply.projection_card.notes",
            location=proj.location,
            first_below_safety_stock=date(lang, proj.first_below_safety_stock),
        )
        for proj in p.projections
        if proj.first_below_safety_stock is not None
    ]
    for proj, cover in zip(p.projections, p.cover, strict=True):
        if cover.short > 0:
            notes.append(
                t(
                    lang,
                    "supply.projection_card.short",
                    location=proj.location,
                    short=number(lang, cover.short),
                    week=date(lang, proj.weeks[-1].week),
                )
            )
    for risk in p.receipts_at_risk:  # receipts counted on time from an overloaded plant
        notes.append(t(lang, "supply.projection_card.receipts_at_risk",
                       units=number(lang, risk.units), plant=risk.plant, family=risk.family,
                       weeks=", ".join(date(lang, w) for w in risk.weeks)))  # fmt: skip
        worst = worst or "warning"
    if p.transfer is not None:
        notes.append(_transfer_note(lang, p))
    notes.append(t(lang, "supply.projection_card.text_4"))
    return Card(
        title=f"{p.sku} · {p.name}",
        headline="; ".join(heads) if heads else t(lang, "supply.projection_card.headline"),
        columns=(
            t(lang, "supply.projection_card.columns"),
            t(lang, "supply.projection_card.columns_2"),
            t(lang, "supply.projection_card.columns_3"),
            t(lang, "supply.projection_card.columns_4"),
            t(lang, "supply.projection_card.columns_5"),
            t(lang, "supply.projection_card.columns_6"),
        ),
        rows=tuple(rows),
        notes=tuple(notes),
        source=source(lang, p.provenance),
        tone=worst or "good",
    )


def _stock_weeks(lang: str, p: ProjectionAnswer, location: str) -> str:
    """How many weeks a location's stock lasts at the forecast's pace, when it lasts beyond
    the weeks projected, and whether that is excess."""
    cover = next((c for c in p.cover if c.location == location), None)
    if cover is None or cover.available <= 0:
        return ""
    if cover.weeks_of_stock is None:
        return t(lang, "supply.projection_card.no_demand")
    key = "stock_excess" if cover.excess else "stock_weeks"
    return t(
        lang,
        f"supply.projection_card.{key}",
        stock=number(lang, cover.weeks_of_stock),
        excess=number(lang, p.excess_weeks),
        beyond=number(lang, cover.beyond),
    )


def _transfer_note(lang: str, p: ProjectionAnswer) -> str:
    move = p.transfer
    assert move is not None
    source = next(c for c in p.cover if c.location == move.source)
    target = next(c for c in p.cover if c.location == move.target)
    safety = next(x.safety_stock for x in p.projections if x.location == move.target)
    return t(
        lang,
        f"supply.projection_card.{'transfer' if move.covers else 'transfer_part'}",
        source=move.source,
        target=move.target,
        spare=number(lang, source.spare),  # as the excess alert and the headline round it
        excess=number(lang, p.excess_weeks),
        units=number(lang, move.units),
        needed=number(lang, target.short + safety),
    ) + (t(lang, "supply.projection_card.or_production", target=move.target) if move.plant else "")


def _first_over(lang: str, week: CapacityWeek, first: dt.date) -> tuple[str, bool]:
    """When a week over capacity starts being counted: its Monday, or the period's first day
    when the week straddles the start of the period asked (said as a day, not a week)."""
    if week.share < 1 and week.week == first:
        inside = round(week.share * 7)
        return date(lang, week.week + dt.timedelta(days=7 - inside)), True
    return date(lang, week.week), False


def capacity_card(c: CapacityAnswer, lang: str) -> Card:
    groups: dict[tuple[str, str], list[Any]] = {}
    for w in c.weeks:
        groups.setdefault((w.plant, w.family), []).append(w)
    first = min((w.week for w in c.weeks), default=dt.date.min)
    rows, over = [], []
    for (plant, family), weeks in sorted(groups.items()):
        short = [w for w in weeks if w.shortfall_units > 0]
        peak = max((w.utilization or 0.0 for w in weeks), default=0.0)
        rows.append(
            (
                plant,
                family,
                number(lang, sum(w.demand for w in weeks)),
                number(lang, sum(w.capacity_units for w in weeks)),
                pct(lang, 100 * peak),
                number(lang, len(short)),
                number(lang, sum(w.shortfall_units for w in short)),
                i18n.money(lang, sum(w.shortfall_revenue for w in short)),
                _first_over(lang, short[0], first)[0] if short else "–",
            )
        )
        if short:
            over.append((plant, family, short))
    weeks_count = len({w.week for w in c.weeks})
    if over:
        plant, family, short = over[0]
        week, straddles = _first_over(lang, short[0], first)
        headline = t(
            lang,
            "supply.capacity_card.headline_from" if straddles else "supply.capacity_card.headline",
            family=family,
            plant=plant,
            week=week,
            value=number(lang, sum(w.shortfall_units for w in short)),
            short=len(short),
            weeks_count=weeks_count,
        )
        if len(over) > 1:
            headline += t(lang, "supply.capacity_card.text", value=len(over) - 1)
        headline += _cover(lang, c, plant, family)
    elif c.period:
        headline = t(lang, "supply.capacity_card.headline_period",
                     period=i18n.period(lang, c.period), weeks_count=weeks_count)  # fmt: skip
    else:
        headline = t(lang, "supply.capacity_card.headline_2", weeks_count=weeks_count)
    # A plant asked for is in the title: its rows need no plant column.
    plant_column = c.plant is None
    columns = (
        t(lang, "supply.capacity_card.columns"),
        t(lang, "supply.capacity_card.columns_2"),
        t(lang, "supply.capacity_card.demand"),
        t(lang, "supply.capacity_card.capacity"),
        t(lang, "supply.capacity_card.columns_3"),
        t(lang, "supply.capacity_card.columns_4"),
        t(lang, "supply.capacity_card.columns_5"),
        t(lang, "supply.capacity_card.columns_6"),
        t(lang, "supply.capacity_card.columns_7"),
    )
    return Card(
        title=t(lang, "supply.capacity_card.title")
        + (f" · {c.family}" if c.family else "")
        + (f" · {c.plant}" if c.plant else "")
        + (f" · {i18n.period(lang, c.period)}" if c.period else ""),
        headline=headline,
        columns=columns if plant_column else columns[1:],
        rows=tuple(rows) if plant_column else tuple(row[1:] for row in rows),
        notes=_other_covers(lang, c, over)
        + _capacity_changes(lang, groups)
        + coverage_note(lang, c.covered_until)
        + (
            (t(lang, "supply.capacity_card.prorated"),) if any(w.share < 1 for w in c.weeks) else ()
        ),
        source=source(lang, c.provenance),
        tone=("warning" if all(x.uncovered < 0.5 for x in c.cover) else "bad") if over else "good",
    )


def _other_covers(
    lang: str, c: CapacityAnswer, over: list[tuple[str, str, list[CapacityWeek]]]
) -> tuple[str, ...]:
    """The plants and families over capacity after the headline's, with their cover."""
    return tuple(
        t(
            lang,
            "supply.capacity_card.cover_note",
            family=family,
            plant=plant,
            short=number(lang, sum(w.shortfall_units for w in short)),
            cover=_cover(lang, c, plant, family),
        )
        for plant, family, short in over[1:]
    )


def _cover(lang: str, c: CapacityAnswer, plant: str, family: str) -> str:
    """What stock above safety stock and building ahead leave of a plant's shortfall."""
    cover = next((x for x in c.cover if (x.plant, x.family) == (plant, family)), None)
    if cover is None:
        return ""
    stock = number(lang, cover.free_stock)
    if cover.uncovered < 0.5:
        return t(lang, "supply.capacity_card.covered", stock=stock)
    return t(lang, "supply.capacity_card.uncovered", stock=stock,
             uncovered=number(lang, cover.uncovered))  # fmt: skip


def _capacity_changes(
    lang: str, groups: dict[tuple[str, str], list[CapacityWeek]]
) -> tuple[str, ...]:
    """Where a plant's weekly capacity changes within the weeks shown (a holiday stop, a
    line added): "why is dry pasta capacity dropping end of december?" is answered by it."""
    notes = []
    for (plant, family), weeks in sorted(groups.items()):
        steps: list[tuple[dt.date, float]] = []
        for w in sorted(weeks, key=lambda w: w.week):
            per_week = round(w.capacity_units / w.share) if w.share > 0 else 0
            if not steps or per_week != steps[-1][1]:
                steps.append((w.week, per_week))
        if len(steps) > 1:
            changes = "; ".join(
                t(lang, "supply.capacity_card.change", units=number(lang, units),
                  week=date(lang, week))
                for week, units in steps[1:]
            )  # fmt: skip
            notes.append(t(lang, "supply.capacity_card.changes", family=family, plant=plant,
                           units=number(lang, steps[0][1]), changes=changes))  # fmt: skip
    return tuple(notes)


STEPS = {
    "on_hand": ("{q} on hand", "{q} a magazzino"),
    "allocated": ("− {q} allocated", "− {q} allocati"),
    "receipts": ("+ {q} arriving by {d}", "+ {q} in arrivo entro il {d}"),
    "promised_orders": (
        "− {q} promised to orders due by {d}",
        "− {q} promessi a ordini entro il {d}",
    ),
    "later_orders": (
        "− {q} held back for orders due later (by {d})",
        "− {q} riservati a ordini successivi (entro il {d})",
    ),
    "available_from_stock": (
        "= {q} available to promise from stock by {d}",
        "= {q} disponibili a promettere da magazzino entro il {d}",
    ),
    "lead_time": (
        "new production ships from {d} at the soonest (its lead time, {q} days)",
        "la nuova produzione parte dal {d}, non prima (lead time di {q} giorni)",
    ),
    "capacity": ("+ {q} of free plant capacity by {d}", "+ {q} da capacità libera entro il {d}"),
}
i18n.register({f"supply.step.{k}": v for k, v in STEPS.items()})


def atp_card(a: AtpAnswer, lang: str) -> Card:
    qty = number(lang, a.quantity, 0 if a.quantity.is_integer() else 2)
    if a.feasible:
        headline = t(
            lang,
            "supply.atp_card.headline_risk" if a.risky else "supply.atp_card.headline",
            qty=qty,
            sku=a.sku,
            requested_date=date(lang, a.requested_date),
        )
    elif a.earliest_date is not None:
        headline = t(
            lang,
            "supply.atp_card.headline_2",
            qty=qty,
            sku=a.sku,
            requested_date=date(lang, a.requested_date),
            earliest_date=date(lang, a.earliest_date),
        )
    else:
        headline = t(
            lang,
            "supply.atp_card.headline_3",
            qty=qty,
            sku=a.sku,
            requested_date=date(lang, a.requested_date),
        )
    if a.earliest_date is not None and a.from_capacity > 0:  # not all of it is on the shelf
        stock = number(lang, max(0.0, a.quantity - a.from_capacity))
        headline += t(
            lang, "supply.atp_card.split", stock=stock, made=number(lang, a.from_capacity)
        )
    notes = []
    for step in a.reasoning:
        if step.kind not in STEPS:
            continue
        quantity = step.quantity
        if step.kind == "available_from_stock" and quantity < 0:
            short, by = number(lang, -quantity), date(lang, step.date)
            notes.append(t(lang, "supply.atp_card.text", short=short, by=by))
            continue
        if step.kind == "capacity" and quantity <= 0:
            notes.append(t(lang, "supply.atp_card.text_2"))
            continue
        notes.append(
            t(lang, f"supply.step.{step.kind}", q=number(lang, quantity), d=date(lang, step.date))
        )
    if a.risky:
        receipt = (
            t(lang, "supply.atp_card.next_receipt", day=date(lang, a.next_receipt))
            if a.next_receipt is not None
            else t(lang, "supply.atp_card.no_receipt")
        )
        if a.runs_out is not None:
            risk = t(lang, "supply.atp_card.runs_out", location=a.location,
                     day=date(lang, a.runs_out))  # fmt: skip
        elif a.promise_runs_out is not None:
            risk = t(lang, "supply.atp_card.promise_runs_out", location=a.location,
                     day=date(lang, a.promise_runs_out))  # fmt: skip
        elif a.below_safety is not None:
            # Said first: the buffer goes whatever is promised; the promise's own risk after.
            safety, day = number(lang, a.safety_stock), date(lang, a.below_safety)
            risk = t(lang, "supply.atp_card.below_safety", location=a.location, safety=safety,
                     day=day)  # fmt: skip
            if a.promise_below_safety is not None and a.promise_below_safety > a.below_safety:
                again = date(lang, a.promise_below_safety)
                risk += t(lang, "supply.atp_card.promise_below_again", day=again)
            elif a.promise_below_safety is not None:  # the promise's dip comes first
                risk = (t(lang, "supply.atp_card.promise_below_safety", location=a.location,
                          safety=safety, day=date(lang, a.promise_below_safety))
                        + ". " + risk)  # fmt: skip
        else:
            risk = t(lang, "supply.atp_card.promise_below_safety", location=a.location,
                     safety=number(lang, a.safety_stock),
                     day=date(lang, a.promise_below_safety))  # fmt: skip
        notes.insert(0, risk + receipt)
    if a.elsewhere is not None:
        place, available = a.elsewhere
        by = date(lang, a.requested_date)
        notes.insert(
            0,
            t(lang, "supply.atp_card.elsewhere", location=place, qty=qty,
              available=number(lang, available), by=by),
        )  # fmt: skip
    shipping = a.location
    if a.customer is not None:  # chosen as where that customer is served
        shipping += t(lang, "supply.atp_card.served", customer=a.customer)
    fields = [(t(lang, "supply.atp_card.fields"), shipping)]
    if a.earliest_date is not None:
        fields.append((t(lang, "supply.atp_card.text_3"), date(lang, a.earliest_date)))
    if a.from_capacity > 0:
        fields.append(
            (
                t(lang, "supply.atp_card.text_4"),
                number(lang, a.from_capacity),
            )
        )
    return Card(
        title=f"{a.sku} · {a.name}",
        headline=headline,
        fields=tuple(fields),
        notes=tuple(notes),
        source=source(lang, a.provenance),
        tone=("warning" if a.risky else "good") if a.feasible else "bad",
    )
