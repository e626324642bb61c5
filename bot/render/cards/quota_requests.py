"""Quota change cards: a request (before its yes, and once sent), a decision, the list of
requests; with what the change asks of the plants. The reasons people typed are shown as
typed (the Block Kit layer escapes every text, so markup in them stays text)."""

from __future__ import annotations

from typing import Any

from bot.render import i18n
from bot.render.cards.base import Card
from bot.render.i18n import date, number, period, t, text_for
from planning.allocation import AllocationProposal
from planning.audit import AuditEvent, AuditTrail
from planning.quota_decisions import QuotaDecision
from planning.quota_impact import CapacityImpact
from planning.quota_requests import (
    RECENT_DAYS,
    QuotaChange,
    QuotaRequestList,
    QuotaRequestResult,
)

TEXT: dict[str, tuple[str, str]] = {
    "qr.title": ("Quota change", "Modifica quota"),
    "qr.list_title": ("Quota requests", "Richieste di quota"),
    "qr.what": (
        "{owner}'s {family}quota for {when} from {before} to {after}",
        "quota {family}di {owner} per {when} da {before} a {after}",
    ),
    "qr.family": ("{family} ", "{family} "),
    "qr.units": ("{value} units", "{value} pezzi"),
    "qr.propose": ("Ask to change {what} ({change})?", "Chiedere di portare la {what} ({change})?"),
    "qr.sent": (
        "Request #{id} sent to {approver}: {what} ({change}).",
        "Richiesta n. {id} inviata a {approver}: {what} ({change}).",
    ),
    "qr.field.approver": ("Decides", "Decide"),
    "qr.field.reason": ("Reason", "Motivo"),
    "qr.field.requested_by": ("Asked by", "Chiesta da"),
    "qr.field.decided_by": ("Decided by", "Decisa da"),
    "qr.field.status": ("Status", "Stato"),
    "qr.field.note": ("Decision note", "Nota della decisione"),
    "qr.impact.columns": (
        "family|quota change|quota after|forecast|plants can make|",
        "famiglia|variazione|quota dopo|previsione|capacità impianti|",
    ),
    "qr.impact.short": (
        "{units} short ({weeks} wk of production)",
        "mancano {units} ({weeks} sett. di produzione)",
    ),
    "qr.impact.already": ("already over before", "già oltre prima"),
    "qr.impact.ok": ("can make", "fattibile"),
    "qr.impact.none": ("no plant capacity on file", "nessuna capacità registrata"),
    "qr.impact.cannot": (
        "The plants cannot make {families} at the new quota: {short} units short over the period.",
        "Gli impianti non riescono a produrre {families} con la nuova quota: mancano {short} "
        "pezzi nel periodo.",
    ),
    "qr.impact.still": (
        "The cut eases {families}, which the plants still cannot make in full: {short} units "
        "short over the period after it.",
        "La riduzione alleggerisce {families}, che gli impianti non riescono comunque a "
        "produrre per intero: dopo mancano ancora {short} pezzi nel periodo.",
    ),
    "qr.impact.fits": (
        "The plants can make what the new quota asks.",
        "Gli impianti riescono a produrre quanto chiede la nuova quota.",
    ),
    "qr.impact.mix": (
        "A total quota is spread over families as its owner sold them over the last 13 weeks.",
        "Una quota totale è ripartita tra le famiglie come il titolare le ha vendute nelle "
        "ultime 13 settimane.",
    ),
    "qr.impact.days_territories": (
        "Quotas of every territory for the family (not the reps' quotas, which overlap them), "
        "counted from {first} to {last}, against the forecast and the plants' capacity of "
        "those days.",
        "Quote di tutti i territori per la famiglia (non quelle dei venditori, che vi si "
        "sovrappongono), contate dal {first} al {last}, contro previsione e capacità degli "
        "impianti di quei giorni.",
    ),
    "qr.impact.days": (
        "Quotas of every rep for the family, counted from {first} to {last}, against the "
        "forecast and the plants' capacity of those days.",
        "Quote di tutti i venditori per la famiglia, contate dal {first} al {last}, contro "
        "previsione e capacità degli impianti di quei giorni.",
    ),
    "qr.impact.partial": (
        "The forecast reaches {last}: the rest of the period is not counted.",
        "La previsione arriva al {last}: il resto del periodo non è contato.",
    ),
    "qr.impact.unknown": (
        "No capacity impact: there is no forecast covering {when} yet.",
        "Nessun impatto sulla capacità: manca una previsione che copra {when}.",
    ),
    "qr.decide.approve": (
        "Approve request #{id}: {what}?",
        "Approvare la richiesta n. {id}: {what}?",
    ),
    "qr.decide.reject": (
        "Reject request #{id} ({what}) saying: {note}?",
        "Rifiutare la richiesta n. {id} ({what}) con la nota: {note}?",
    ),
    "qr.decide.changes": (
        "Send request #{id} ({what}) back to {requester} for changes: {note}?",
        "Rimandare la richiesta n. {id} ({what}) a {requester} per modifiche: {note}?",
    ),
    "qr.done.approved": (
        "Request #{id} approved by {by}: {owner}'s quota for {when} is now {after}.",
        "Richiesta n. {id} approvata da {by}: la quota di {owner} per {when} ora è {after}.",
    ),
    "qr.done.approved_set": (
        "Request #{id} approved by {by}: {what}, now in force.",
        "Richiesta n. {id} approvata da {by}: {what}, ora in vigore.",
    ),
    "qr.done.rejected": (
        "Request #{id} rejected by {by}: {what}.",
        "Richiesta n. {id} rifiutata da {by}: {what}.",
    ),
    "qr.done.changes": (
        "Request #{id} sent back for changes by {by}: {what}.",
        "Richiesta n. {id} rimandata per modifiche da {by}: {what}.",
    ),
    "qr.done.expired": (
        "Request #{id} expired without a decision: {what}.",
        "Richiesta n. {id} scaduta senza decisione: {what}.",
    ),
    "qr.done.pending": (
        "Request #{id} waits for {approver}: {what}.",
        "Richiesta n. {id} in attesa di {approver}: {what}.",
    ),
    "qr.list.none": ("No quota requests {status}.", "Nessuna richiesta di quota {status}."),
    "qr.list.some": ("{count} quota requests {status}", "{count} richieste di quota {status}"),
    "qr.list.one": ("1 quota request {status}", "1 richiesta di quota {status}"),
    "qr.list.columns": (
        "#|whose|period|from → to|asked by|decides|since",
        "n.|di chi|periodo|da → a|chiesta da|decide|dal",
    ),
    "qr.status.pending": ("waiting", "in attesa"),
    "qr.list.mixed": (
        "{waiting} waiting; {decided} of yours decided in the last {days} days",
        "{waiting} in attesa; {decided} tue decise negli ultimi {days} giorni",
    ),
    "qr.row.approved": ("approved by {by}", "approvata da {by}"),
    "qr.row.rejected": ("rejected by {by}", "rifiutata da {by}"),
    "qr.row.changes": ("sent back by {by}", "rimandata da {by}"),
    "qr.row.expired": ("expired", "scaduta"),
    "qr.status.approved": ("approved", "approvate"),
    "qr.status.rejected": ("rejected", "rifiutate"),
    "qr.status.changes": ("sent back for changes", "rimandate per modifiche"),
    "qr.status.expired": ("expired", "scadute"),
    "qr.in_step": (
        "The revenue target moves with it, at the quota's own {price} a unit: {revenue_before} "
        "→ {revenue_after}.",
        "L'obiettivo di fatturato si muove con la quota, ai suoi {price} al pezzo: "
        "{revenue_before} → {revenue_after}.",
    ),
    "alloc.what": (
        "{family} quotas for {when} across {count} territories: {total}",
        "quote {family} per {when} su {count} territori: {total}",
    ),
    "alloc.propose": (
        "Send {approver} for approval: {what}?",
        "Mandare a {approver} per l'approvazione: {what}?",
    ),
    "alloc.sent": (
        "Request #{id} sent to {approver}: {what}.",
        "Richiesta n. {id} inviata a {approver}: {what}.",
    ),
    "alloc.capped": (
        "The plants can make {capacity} {family} from {first} to {last}; with {held} already "
        "held by other territories, the split is capped at {total}, {cut} below the {asked} "
        "asked for.",
        "Gli impianti producono {capacity} {family} dal {first} al {last}; con {held} già "
        "assegnati ad altri territori, la ripartizione si ferma a {total}, {cut} sotto i "
        "{asked} chiesti.",
    ),
    "alloc.fits": (
        "The plants can make {capacity} {family} from {first} to {last}: the split fits.",
        "Gli impianti producono {capacity} {family} dal {first} al {last}: la ripartizione ci sta.",
    ),
    "alloc.no_capacity": (
        "No plant capacity or forecast on file for {family}: the split is not capped.",
        "Nessuna capacità o previsione registrata per {family}: la ripartizione non ha tetto.",
    ),
    "alloc.whole_units": ("whole units", "pezzi interi"),
    "alloc.whole_euros": ("whole euros", "euro interi"),
    "alloc.in_revenue": (
        "Revenue quotas: the plants' capacity is counted at {family}'s mean list price, {price} "
        "a unit.",
        "Quote di fatturato: la capacità degli impianti è contata al prezzo di listino medio "
        "{family}, {price} al pezzo.",
    ),
    "alloc.how_recent": (
        "Each territory's share is its share of {family} sales in the last 13 weeks, as "
        "asked; {whole}, adding up to the total.",
        "La quota di ogni territorio è la sua parte delle vendite {family} nelle ultime 13 "
        "settimane, come chiesto; {whole}, che sommano il totale.",
    ),
    "alloc.how_last_year": (
        "Each territory's share is its share of {family} sales in the same period a year "
        "earlier, as asked; {whole}, adding up to the total.",
        "La quota di ogni territorio è la sua parte delle vendite {family} nello stesso "
        "periodo dell'anno prima, come chiesto; {whole}, che sommano il totale.",
    ),
    "alloc.how_even": (
        "Equal parts, as asked; {whole}, adding up to the total.",
        "Parti uguali, come chiesto; {whole}, che sommano il totale.",
    ),
    "alloc.how_asked": (
        "The split as asked; {whole}, adding up to the total.",
        "La ripartizione come chiesta; {whole}, che sommano il totale.",
    ),
    "alloc.off_forecast": (
        "Far from what they can be expected to sell (their recent share of the forecast): "
        "{territories}.",
        "Lontano da quanto ci si può aspettare che vendano (la loro quota recente della "
        "previsione): {territories}.",
    ),
    "alloc.off_line": ("{name} {quota} vs {forecast}", "{name} {quota} contro {forecast}"),
    "allocation_nothing_held": (
        "Your territories hold no {family} quota for {period} to move: say the total to split. "
        "Nothing was changed.",
        "I tuoi territori non hanno quote {family} per {period} da spostare: indica il totale "
        "da ripartire. Non ho cambiato nulla.",
    ),
    "allocation_shares": (
        "The shares add up to {total}%, not 100%.",
        "Le quote sommano al {total}%, non al 100%.",
    ),
    "alloc.how": (
        "Each territory's share is the mean of its share of {family} sales in the last 13 "
        "weeks and in the same period a year earlier (the recent share alone where there was "
        "none); {whole}, adding up to the total.",
        "La quota di ogni territorio è la media della sua parte delle vendite {family} nelle "
        "ultime 13 settimane e nello stesso periodo dell'anno prima (solo la recente dove "
        "allora non ce n'erano); {whole}, che sommano il totale.",
    ),
    "alloc.columns": (
        "territory|last 13 wk|a year ago|share|quota|forecast|now",
        "territorio|ultime 13 sett.|un anno fa|quota %|quota|previsione|ora",
    ),
    "alloc.title": ("Quota allocation", "Ripartizione quote"),
    "alloc.set_columns": ("territory|quota now|quota after", "territorio|quota ora|quota dopo"),
    "alloc.set_proposed": (
        "territory|quota now|quota proposed",
        "territorio|quota ora|quota proposta",
    ),
    "alloc.territories": ("{count} territories", "{count} territori"),
    "allocation_managers": (
        "Sorry, quotas are split across territories by managers and admins, not by your role "
        "({role}).",
        "Mi dispiace, le quote si ripartiscono tra i territori da responsabili e admin, non "
        "dal tuo ruolo ({role}).",
    ),
    "no_territories": (
        "You have no territories to split a quota across: nobody in the people file reports "
        "to you with a territory.",
        "Non hai territori tra cui ripartire una quota: nell'anagrafica nessuno con un "
        "territorio risponde a te.",
    ),
    "audit.title": ("Audit trail", "Registro delle modifiche"),
    "audit.headline": ("{count} entries{about}", "{count} voci{about}"),
    "audit.headline_one": ("1 entry{about}", "1 voce{about}"),
    "audit.about": (" about {entity}", " su {entity}"),
    "audit.none": ("Nothing recorded{about}.", "Niente di registrato{about}."),
    "audit.period": (" for the quotas of {when}", " per le quote di {when}"),
    "audit.request": (" about request #{id}", " sulla richiesta n. {id}"),
    "audit.family": (" for {family} quotas", " per le quote {family}"),
    "audit.family_period": (
        " for the {family} quotas of {when}",
        " per le quote {family} di {when}",
    ),
    "audit.made_on": (" on {day}", " il {day}"),
    "audit.made": (" from {first} to {last}", " dal {first} al {last}"),
    "audit.columns": ("when|who|what|details", "quando|chi|cosa|dettagli"),
    "audit.action.import": ("import", "importazione"),
    "audit.action.quota.changed": ("quota changed", "quota modificata"),
    "audit.action.quota_request.submitted": ("change requested", "richiesta inviata"),
    "audit.action.quota_request.approved": ("approved", "approvata"),
    "audit.action.quota_request.rejected": ("rejected", "rifiutata"),
    "audit.action.quota_request.changes": ("changes asked for", "modifiche chieste"),
    "audit.action.quota_request.expired": ("expired", "scaduta"),
    "audit.import": ("import of {files}", "importazione di {files}"),
    "audit.change": ("{before} → {after}", "{before} → {after}"),
    "audit.note": (
        "Entries are only ever added: the database refuses to change or remove them.",
        "Le voci si possono solo aggiungere: il database rifiuta di cambiarle o toglierle.",
    ),
    "qr.source": (
        "Source: quotas (current version), the people file, forecast and plant capacity",
        "Fonte: quote (versione corrente), anagrafica persone, previsione e capacità",
    ),
    # the refusals and errors of planning.quota_requests
    "period_closed": (
        "{period} is over: its quotas are closed.",
        "{period} è chiuso: le sue quote non cambiano più.",
    ),
    "quota_reason_needed": (
        "Say why the quota should change (e.g. “… because ACME doubled its order”).",
        "Di' perché la quota deve cambiare (es. “… perché ACME ha raddoppiato l'ordine”).",
    ),
    "quota_reason_too_long": (
        "The reason is too long: at most {chars} characters.",
        "Il motivo è troppo lungo: al massimo {chars} caratteri.",
    ),
    "quota_target_missing": (
        "What should the new target be? Give units (“to 12,000”) or a change (“by 10%”).",
        "Quale deve essere il nuovo obiettivo? Indica i pezzi (“a 12.000”) o una variazione "
        "(“del 10%”).",
    ),
    "quota_target_not_positive": (
        "A quota target must be more than zero.",
        "Un obiettivo di quota deve essere maggiore di zero.",
    ),
    "quota_target_too_large": (
        "A quota target is at most {most}.",
        "Un obiettivo di quota è al massimo {most}.",
    ),
    "quota_measure_unclear": (
        "{change} could be pieces ({units_pct}% on the quota) or euros ({money_pct}% on its "
        "revenue target): say “{change} pieces” or “€{change}”. Nothing was changed.",
        "{change} possono essere pezzi ({units_pct}% sulla quota) o euro ({money_pct}% "
        "sull'obiettivo di fatturato): scrivi “{change} pezzi” o “{change} €”. Non ho cambiato "
        "nulla.",
    ),
    "quota_team_change": (
        "A quota change is asked one quota at a time, each with its own decision: say whose "
        "(your team: {people}), e.g. “raise Rossi's Q1 quota by 5% because…”. Nothing was "
        "changed.",
        "Una modifica di quota si chiede una quota alla volta, ognuna con la sua decisione: "
        "di' di chi (il tuo team: {people}), per esempio “alza la quota Q1 di Rossi del 5% "
        "perché…”. Non ho cambiato nulla.",
    ),
    "quota_no_revenue_target": (
        "{whose}'s quota for {period} has no revenue target to change: it is set in units. "
        "Nothing was changed.",
        "La quota di {whose} per {period} non ha un obiettivo di fatturato da cambiare: è in "
        "pezzi. Non ho cambiato nulla.",
    ),
    "quota_target_absurd": (
        "{new} is {factor} times the current target ({current}): check the figure; an admin "
        "can import it if it is right.",
        "{new} è {factor} volte l'obiettivo attuale ({current}): controlla la cifra; se è "
        "giusta un admin può importarla.",
    ),
    "quota_lower_than_asked": (
        "You asked to raise the quota, but {new} is below the current {current}: which is it?",
        "Hai chiesto di alzare la quota, ma {new} è sotto quella attuale ({current}): quale "
        "delle due?",
    ),
    "quota_higher_than_asked": (
        "You asked to lower the quota, but {new} is above the current {current}: which is it?",
        "Hai chiesto di abbassare la quota, ma {new} è sopra quella attuale ({current}): "
        "quale delle due?",
    ),
    "quota_target_unchanged": (
        "That is already the quota for {period}: nothing to change.",
        "È già la quota per {period}: niente da cambiare.",
    ),
    "no_quota": (
        "{whose} has no quota for {period} {family}to change; an admin imports new quotas.",
        "{whose} non ha una quota per {period} {family}da cambiare; le nuove quote le importa "
        "un admin.",
    ),
    "quota_request_waiting": (
        "Request #{request} for this quota still waits for a decision: one at a time.",
        "La richiesta n. {request} per questa quota attende ancora una decisione: una alla volta.",
    ),
    "quota_request_role": (
        "Sorry, quota changes are asked for by reps and their managers, not by your role ({role}).",
        "Mi dispiace, le modifiche di quota le chiedono i venditori e i loro responsabili, "
        "non il tuo ruolo ({role}).",
    ),
    "quota_request_not_yours": (
        "Sorry, you can ask to change your own quota (a manager: the team's), not {whose}'s.",
        "Mi dispiace, puoi chiedere di cambiare la tua quota (un responsabile: quelle del "
        "team), non quella di {whose}.",
    ),
    "quota_self_approval": (
        "Sorry, nobody approves their own request or their own quota.",
        "Mi dispiace, nessuno approva la propria richiesta o la propria quota.",
    ),
    "quota_not_approver": (
        "Sorry, request #{request} is for {approver} (or an admin) to decide.",
        "Mi dispiace, la richiesta n. {request} la decide {approver} (o un admin).",
    ),
    "quota_decision_reason": (
        "Say why (e.g. “reject 3: the plant is full in March”).",
        "Di' perché (es. “rifiuta la 3: l'impianto è pieno a marzo”).",
    ),
    "quota_request_decided": (
        "Request #{request} was already decided by {actor}.",
        "La richiesta n. {request} è già stata decisa da {actor}.",
    ),
    "quota_request_expired": (
        "Request #{request} expired without a decision: ask for a new one.",
        "La richiesta n. {request} è scaduta senza decisione: fanne una nuova.",
    ),
    "quota_request_stale": (
        "The quota changed since request #{request} was made (now version {version}): it "
        "cannot be approved as it is. Reject it, or ask for a new request.",
        "La quota è cambiata da quando è stata fatta la richiesta n. {request} (ora versione "
        "{version}): non si può approvare così. Rifiutala o chiedine una nuova.",
    ),
    "no_quota_request": (
        "There is no quota request #{request}.",
        "Non esiste la richiesta di quota n. {request}.",
    ),
    "no_approver": (
        "Nobody can approve this: the people file names no manager for it and no other admin.",
        "Nessuno può approvarla: l'anagrafica non indica un responsabile né un altro admin.",
    ),
    "ask_note": (
        "Why? The requester reads it as you write it.",
        "Perché? Chi ha chiesto lo legge così come lo scrivi.",
    ),
    "ask_target": (
        "What should the new target be? (“12,000”, “+500”, “-10%”)",
        "Quale deve essere il nuovo obiettivo? (“12.000”, “+500”, “-10%”)",
    ),
    "ask_reason": (
        "Why should it change? Your words go to the approver as you write them.",
        "Perché deve cambiare? Le tue parole arrivano a chi approva così come le scrivi.",
    ),
}
i18n.register(TEXT)


def _units(lang: str, value: float | None) -> str:
    return "–" if value is None else t(lang, "qr.units", value=number(lang, value))


def _target(lang: str, r: QuotaChange, before: bool) -> str:
    """A target in units, with its revenue beside when the quota has both ("11,860 units
    (€348,300)"): a change asked in euros reads as asked."""
    units = r.units_before if before else r.target_units
    revenue = r.revenue_before if before else r.target_revenue
    if units is None:
        return i18n.money(lang, revenue or 0.0)
    if revenue is None:
        return _units(lang, units)
    return f"{_units(lang, units)} ({i18n.money(lang, revenue)})"


def _line(lang: str, line: dict[str, Any], key: str | None = None) -> str:
    """One territory's quota in an allocation's change set (`key`: "before"), in its
    measure: units, or euros for a split of revenue quotas."""
    in_revenue = "revenue" in line
    value = line.get(key or ("revenue" if in_revenue else "units"))
    if value is None:
        return "–"
    return i18n.money(lang, float(value)) if in_revenue else number(lang, float(value))


def what(lang: str, r: QuotaChange) -> str:
    """ "Giulia Rossi's quota for Q1 2027 from 11,920 units to 12,500 units"."""
    if r.kind == "allocation":
        in_revenue = r.target_units is None
        total = (r.target_revenue if in_revenue else r.target_units) or 0.0
        return allocation_what(lang, r.family or "", r.period, len(r.lines), total, in_revenue)
    return t(
        lang,
        "qr.what",
        owner=r.owner_name,
        family=t(lang, "qr.family", family=r.family) if r.family else "",
        when=period(lang, r.period),
        before=_target(lang, r, True),
        after=_target(lang, r, False),
    )


def change(lang: str, r: QuotaChange) -> str:
    """ "+580, +4.9%" in the quota's own measure."""
    if r.kind == "allocation":
        return ", ".join(
            f"{x['territory']} {_line(lang, x, 'before')} → {_line(lang, x)}"
            if x.get("before") is not None
            else f"{x['territory']} {_line(lang, x)}"
            for x in r.lines
        )
    if r.units_before is not None and r.target_units is not None:
        before, after, fmt = r.units_before, r.target_units, lambda x: number(lang, x)
    else:
        before, after = r.revenue_before or 0.0, r.target_revenue or 0.0
        fmt = lambda x: i18n.money(lang, x)  # noqa: E731
    delta = after - before
    sign = "+" if delta >= 0 else "-"
    pct = f", {i18n.pct(lang, 100 * delta / before, signed=True)}" if before else ""
    return f"{sign}{fmt(abs(delta))}{pct}"


def _fields(
    lang: str, r: QuotaChange, *, requested_by: bool = False
) -> tuple[tuple[str, str], ...]:
    # Who decided (an admin may decide instead of the approver named), else who decides.
    if r.decided_by_name:
        fields = [(t(lang, "qr.field.decided_by"), r.decided_by_name)]
    else:
        fields = [(t(lang, "qr.field.approver"), r.approver_name)]
    if requested_by:
        fields.append((t(lang, "qr.field.requested_by"), r.requester_name))
    fields.append((t(lang, "qr.field.reason"), r.reason))
    if r.decision_note:
        fields.append((t(lang, "qr.field.note"), r.decision_note))
    return tuple(fields)


def _impact(
    lang: str, impact: CapacityImpact | None, when: str
) -> tuple[list[tuple[str, ...]], list[str], str]:
    """The impact table's rows, its notes, and the card's tone."""
    if impact is None:
        return [], [t(lang, "qr.impact.unknown", when=when)], "info"
    rows: list[tuple[str, ...]] = []
    for f in impact.families:
        if f.capacity <= 0:
            verdict = t(lang, "qr.impact.none")
        elif f.cannot_make:
            verdict = t(lang, "qr.impact.short", units=number(lang, f.shortfall_units),
                        weeks=number(lang, f.shortfall_weeks, 1))  # fmt: skip
            if f.over_before:
                verdict += f" · {t(lang, 'qr.impact.already')}"
        else:
            verdict = t(lang, "qr.impact.ok")
        sign = "+" if f.change >= 0 else "-"
        rows.append((f.family, sign + number(lang, abs(f.change)), number(lang, f.quota_after),
                     number(lang, f.forecast), number(lang, f.capacity), verdict))  # fmt: skip
    notes = []
    short = impact.cannot_make
    if short:
        # A cut that leaves a family beyond the plants eases it: "still", not a new problem.
        eased = all(f.change < 0 for f in short)
        notes.append(
            t(
                lang,
                "qr.impact.still" if eased else "qr.impact.cannot",
                families=", ".join(f.family for f in short),
                short=number(lang, sum(f.shortfall_units for f in short)),
            )
        )
    elif impact.families:
        notes.append(t(lang, "qr.impact.fits"))
    if impact.split_by_mix:
        notes.append(t(lang, "qr.impact.mix"))
    key = "qr.impact.days_territories" if impact.by_territory else "qr.impact.days"
    notes.append(t(lang, key, first=date(lang, impact.first), last=date(lang, impact.last)))
    if not impact.full_period:
        notes.append(t(lang, "qr.impact.partial", last=date(lang, impact.last)))
    return rows, notes, "bad" if short else "good"


def request_card(result: QuotaRequestResult, lang: str) -> Card:
    r = result.request
    rows, notes, tone = _impact(lang, result.impact, period(lang, r.period))
    columns = tuple(t(lang, "qr.impact.columns").split("|"))
    if r.kind == "allocation":  # the change set: each territory's quota before and after
        columns = tuple(t(lang, "alloc.set_columns").split("|"))
        rows = [(x["territory"], _line(lang, x, "before"), _line(lang, x)) for x in r.lines]
        notes, tone = [], "info"
    if r.kind != "allocation" and r.units_before and r.revenue_before and r.target_revenue:
        # Both targets, one asked: the other moves with it (planning.quota_requests.in_step).
        price = i18n.money(lang, r.revenue_before / r.units_before, 2)
        before, after = i18n.money(lang, r.revenue_before), i18n.money(lang, r.target_revenue)
        notes.insert(0, t(lang, "qr.in_step", revenue_before=before, revenue_after=after,
                          price=price))  # fmt: skip
    key = "qr.sent" if result.submitted else "qr.propose"
    headline = t(lang, key, id=r.id or "", approver=r.approver_name, what=what(lang, r),
                 change=change(lang, r))  # fmt: skip
    return Card(
        headline=headline,
        title=t(lang, "qr.title"),
        fields=_fields(lang, r),
        columns=columns if rows else (),
        rows=tuple(rows),
        notes=tuple(notes),
        source=t(lang, "qr.source"),
        tone=tone if not result.submitted else "info",
    )


def decision_card(d: QuotaDecision, lang: str) -> Card:
    r = d.request
    if not d.applied:
        headline = t(lang, f"qr.decide.{d.decision}", id=r.id, what=what(lang, r),
                     note=d.note or "", requester=r.requester_name)  # fmt: skip
    else:
        headline = outcome_line(lang, r)
    rows: tuple[tuple[str, ...], ...] = ()
    if r.kind == "allocation":  # what is being decided: each territory's quota
        rows = tuple((str(x["territory"]), _line(lang, x, "before"), _line(lang, x))
                     for x in r.lines)  # fmt: skip
    # A split's lines are proposals until approved: "proposed", not "after", once refused.
    header = "alloc.set_columns" if r.status in ("pending", "approved") else "alloc.set_proposed"
    return Card(
        headline=headline,
        title=t(lang, "alloc.title" if r.kind == "allocation" else "qr.title"),
        fields=_fields(lang, r, requested_by=True),
        columns=tuple(t(lang, header).split("|")) if rows else (),
        rows=rows,
        tone="good" if r.status == "approved" else "info",
    )


def outcome_line(lang: str, r: QuotaChange) -> str:
    """Where a request stands, in one line: what the requester and the approver are told."""
    if r.kind == "allocation" and r.status == "approved":
        return t(lang, "qr.done.approved_set", id=r.id, by=r.decided_by_name or "",
                 what=what(lang, r))  # fmt: skip
    return t(
        lang,
        f"qr.done.{r.status}",
        id=r.id,
        by=r.decided_by_name or "",
        owner=r.owner_name,
        when=period(lang, r.period),
        after=_target(lang, r, False),
        what=what(lang, r),
        approver=r.approver_name,
    )


def request_list_card(listing: QuotaRequestList, lang: str) -> Card:
    status = t(lang, f"qr.status.{listing.status or 'pending'}")
    if not listing.requests:
        return Card(headline=t(lang, "qr.list.none", status=status))
    decided = sum(r.status != "pending" for r in listing.requests)
    rows = tuple(
        (
            f"#{r.id}",
            (
                t(lang, "alloc.territories", count=len(r.lines))
                if r.kind == "allocation"
                else r.owner_name
            )
            + (f" ({r.family})" if r.family else ""),
            period(lang, r.period),
            change(lang, r)  # an allocation: each territory's quota
            if r.kind == "allocation"
            else f"{_target(lang, r, True)} → {_target(lang, r, False)}",
            r.requester_name,
            r.approver_name
            if r.status == "pending"
            else t(lang, f"qr.row.{r.status}", by=r.decided_by_name or "–"),
            date(lang, r.created_at.date()),
        )
        for r in listing.requests
    )
    headline = t(lang, "qr.list.one" if len(rows) == 1 else "qr.list.some", count=len(rows),
                 status=status)  # fmt: skip
    if listing.status is None and decided:  # the person's own, decided lately, with them
        headline = t(lang, "qr.list.mixed", waiting=len(rows) - decided, decided=decided,
                     days=RECENT_DAYS)  # fmt: skip
    return Card(
        headline=headline,
        title=t(lang, "qr.list_title"),
        columns=tuple(t(lang, "qr.list.columns").split("|")),
        rows=rows,
        notes=tuple(
            f"#{r.id}: {r.reason}" + (f" → {r.decision_note}" if r.decision_note else "")
            for r in listing.requests[:10]
        ),
    )


def audit_card(trail: AuditTrail, lang: str) -> Card:
    """Who did what, when, to what: every entry asked for, oldest first."""
    about = t(lang, "audit.about", entity=trail.entity) if trail.entity else ""
    if trail.request is not None:
        about += t(lang, "audit.request", id=trail.request)
    if trail.family and trail.period:
        about += t(lang, "audit.family_period", family=trail.family,
                   when=period(lang, trail.period))  # fmt: skip
    elif trail.family:
        about += t(lang, "audit.family", family=trail.family)
    elif trail.period:
        about += t(lang, "audit.period", when=period(lang, trail.period))
    if trail.made is not None:
        first, last = trail.made
        about += (
            t(lang, "audit.made_on", day=date(lang, first))
            if first == last
            else t(lang, "audit.made", first=date(lang, first), last=date(lang, last))
        )
    if not trail.events:
        return Card(headline=t(lang, "audit.none", about=about))
    rows = tuple(
        (
            f"{date(lang, e.at.date())} {e.at:%H:%M}",
            trail.names.get(e.actor, e.actor),
            text_for(lang, f"audit.action.{e.action}", e.action)
            + (f" #{e.details['request']}" if e.details.get("request") else ""),
            _audit_details(lang, e),
        )
        for e in trail.events
    )
    return Card(
        headline=t(
            lang,
            "audit.headline_one" if len(rows) == 1 else "audit.headline",
            count=len(rows),
            about=about,
        ),
        title=t(lang, "audit.title"),
        columns=tuple(t(lang, "audit.columns").split("|")),
        rows=rows,
        notes=(t(lang, "audit.note"),),
    )


def _audit_details(lang: str, e: AuditEvent) -> str:
    d = e.details
    if e.action == "import":
        return t(lang, "audit.import", files=", ".join(map(str, d.get("files") or [])))
    parts = []
    before, after = d.get("before") or {}, d.get("after") or {}
    if before or after:
        parts.append(
            t(lang, "audit.change", before=_amounts(lang, before), after=_amounts(lang, after))
        )
    if d.get("reason"):
        parts.append(str(d["reason"]))
    return " · ".join(parts)


def _amounts(lang: str, figures: dict[str, float | None]) -> str:
    units, revenue = figures.get("units"), figures.get("revenue")
    if units is not None:
        return _units(lang, units)
    return i18n.money(lang, revenue) if revenue is not None else "–"


def allocation_what(
    lang: str, family: str, period_: str, count: int, total: float, in_revenue: bool = False
) -> str:
    shown = i18n.money(lang, total) if in_revenue else _units(lang, total)
    return t(lang, "alloc.what", family=family, when=period(lang, period_), count=count,
             total=shown)  # fmt: skip


def allocation_card(a: AllocationProposal, lang: str) -> Card:
    said = allocation_what(lang, a.family, a.period, len(a.lines), a.total, a.in_revenue)
    # The quotas in the split's measure; the plants' capacity always in units.
    amount = (lambda x: i18n.money(lang, x)) if a.in_revenue else (lambda x: number(lang, x))
    if a.submitted and a.request is not None:
        headline = t(lang, "alloc.sent", id=a.request.id, approver=a.request.approver_name,
                     what=said)  # fmt: skip
    else:
        headline = t(lang, "alloc.propose", what=said, approver=a.approver_name)
    rows = tuple(
        (
            f"{x.name} ({x.territory})",
            i18n.pct(lang, 100 * x.recent_share),
            i18n.pct(lang, 100 * x.last_year_share) if x.last_year_share is not None else "–",
            i18n.pct(lang, 100 * x.share),
            amount(x.units),
            amount(x.forecast) if x.forecast is not None else "–",
            amount(x.current) if x.current is not None else "–",
        )
        for x in a.lines
    )
    fmt = {"family": a.family, "first": date(lang, a.first), "last": date(lang, a.last)}
    if a.capacity is None:
        notes = [t(lang, "alloc.no_capacity", family=a.family)]
    elif a.capped:
        cut, asked = amount(a.asked - a.total), amount(a.asked)
        notes = [t(lang, "alloc.capped", capacity=number(lang, a.capacity),
                   held=number(lang, a.held_elsewhere), total=amount(a.total),
                   cut=cut, asked=asked, **fmt)]  # fmt: skip
    else:
        notes = [t(lang, "alloc.fits", capacity=number(lang, a.capacity), **fmt)]
    off = [
        t(lang, "alloc.off_line", name=x.name, quota=amount(x.units), forecast=amount(x.forecast))
        for x in a.lines
        if x.forecast and not 0.8 <= x.units / x.forecast <= 1.2
    ]  # fmt: skip
    if off:  # a quota 20% above or below what the territory can be expected to sell
        notes.append(t(lang, "alloc.off_forecast", territories="; ".join(off)))
    how = {"even": "alloc.how_even", "asked": "alloc.how_asked", "recent": "alloc.how_recent",
           "last_year": "alloc.how_last_year"}.get(a.basis, "alloc.how")  # fmt: skip
    whole = t(lang, "alloc.whole_euros" if a.in_revenue else "alloc.whole_units")
    notes.append(t(lang, how, family=a.family, whole=whole))
    if a.in_revenue and a.price:
        notes.append(
            t(lang, "alloc.in_revenue", family=a.family, price=i18n.money(lang, a.price, 2))
        )
    return Card(
        headline=headline,
        title=t(lang, "alloc.title"),
        fields=(((t(lang, "qr.field.approver"), a.request.approver_name),) if a.request else ()),
        columns=tuple(t(lang, "alloc.columns").split("|")),
        rows=rows,
        notes=tuple(notes),
        source=t(lang, "qr.source"),
        tone="warning" if a.capped else "info",
    )
