"""The feedback cards: a record shown for the person's yes (or saved), a search's counts,
themes and verbatim quotes, an edit or a deletion, and a forecast note. Quotes are the
customers' words as recorded, never paraphrased; every renderer escapes them."""

from __future__ import annotations

from bot.render import i18n
from bot.render.cards.base import Action, Card
from bot.render.i18n import date, number, pct, period, t
from planning.feedback.beside import Beside
from planning.feedback.digest import FeedbackDigest
from planning.feedback.notes import Note, NoteResult
from planning.feedback.search import FeedbackSearch, ThemeCount
from planning.feedback.store import FeedbackChange, FeedbackItem, FeedbackRecord

QUOTE_CHARS = 280
QUOTES_BY_PRODUCT = 4
COLUMNS = {
    "en": ("theme", "items", "customers", "their revenue (12 mo.)", "negative"),
    "it": ("tema", "feedback", "clienti", "loro fatturato (12 mesi)", "negativi"),
}

TEXT: dict[str, tuple[str, str]] = {
    "feedback.title": ("Customer feedback", "Feedback dei clienti"),
    "feedback.proposed": ("Save this customer feedback?", "Salvo questo feedback del cliente?"),
    "feedback.saved": ("Saved as feedback #{id}.", "Salvato come feedback n. {id}."),
    "feedback.duplicate": (
        "This message was already saved as feedback #{id} by {who} on {date}: nothing new "
        "was stored.",
        "Questo messaggio era già stato salvato come feedback n. {id} da {who} il {date}: non "
        "ho salvato nulla di nuovo.",
    ),
    "feedback.customer": ("Customer", "Cliente"),
    "feedback.unmatched": (
        "{name} (not in the sales data: kept as written)",
        "{name} (non nei dati di vendita: tenuto come scritto)",
    ),
    "feedback.none": ("–", "–"),
    "feedback.products": ("Products", "Prodotti"),
    "feedback.family": ("Family", "Famiglia"),
    "feedback.sentiment": ("Sentiment", "Tono"),
    "feedback.themes": ("Themes", "Temi"),
    "feedback.competitors": ("Competitors named", "Concorrenti citati"),
    "feedback.text": ("Said", "Detto"),
    "feedback.negative": ("negative", "negativo"),
    "feedback.neutral": ("neutral", "neutro"),
    "feedback.positive": ("positive", "positivo"),
    "feedback.theme.delivery": ("delivery", "consegne"),
    "feedback.theme.damage": ("damage & packaging", "danni e imballo"),
    "feedback.theme.price": ("price", "prezzo"),
    "feedback.theme.competitor": ("competitors", "concorrenza"),
    "feedback.theme.quality": ("quality", "qualità"),
    "feedback.theme.availability": ("availability", "disponibilità"),
    "feedback.theme.request": ("requests", "richieste"),
    "feedback.theme.service": ("service", "servizio"),
    "feedback.search_title": (
        "What customers say · {what} · {when}",
        "Cosa dicono i clienti · {what} · {when}",
    ),
    "feedback.everything": ("all feedback", "tutto il feedback"),
    "feedback.headline": (
        "{count} from {customers}, recorded by {authors} ({trend}); "
        "{negative} negative, {positive} positive.",
        "{count} da {customers}, registrati da {authors} ({trend}); "
        "negativi {negative}, positivi {positive}.",
    ),
    "feedback.headline_one": (
        "1 item from {customers}, recorded by {authors} ({trend}); "
        "{negative} negative, {positive} positive.",
        "1 feedback da {customers}, registrato da {authors} ({trend}); "
        "negativi {negative}, positivi {positive}.",
    ),
    "feedback.items_one": ("{n} item", "{n} feedback"),
    "feedback.items_many": ("{n} items", "{n} feedback"),
    "feedback.customers_one": ("{n} customer", "{n} cliente"),
    "feedback.customers_many": ("{n} customers", "{n} clienti"),
    "feedback.people_one": ("{n} person", "{n} persona"),
    "feedback.people_many": ("{n} people", "{n} persone"),
    "feedback.trend_up": (
        "{previous} the period before, {change}",
        "{previous} nel periodo prima, {change}",
    ),
    "feedback.trend_new": ("none the period before", "nessuno nel periodo prima"),
    "feedback.nothing": (
        "No feedback {what} from {start} to {end}.",
        "Nessun feedback {what} dal {start} al {end}.",
    ),
    "feedback.about": ("on {what}", "su {what}"),
    "feedback.ranking": (
        "Themes are ranked by the revenue of the customers who raised them, then by how often.",
        "I temi sono in ordine di fatturato dei clienti che li hanno sollevati, poi di frequenza.",
    ),
    "feedback.quote": (
        "“{text}” — {customer}, {who}, {date}",
        "«{text}» — {customer}, {who}, {date}",
    ),
    "feedback.summary": (
        "Summary (AI, from the items below): {text}",
        "Riassunto (AI, dai feedback qui sotto): {text}",
    ),
    "feedback.link": ("#{id} in Slack", "n. {id} in Slack"),
    "feedback.products_named": ("Most named: {products}.", "Più citati: {products}."),
    "feedback.who": ("Customers: {names}{more}.", "Clienti: {names}{more}."),
    "feedback.who_more": (" and {count} more", " e altri {count}"),
    "feedback.rivals": ("Competitors named: {names}.", "Concorrenti citati: {names}."),
    "feedback.unmatched_note": (
        "{count} items name a customer that is not in the sales data.",
        "{count} feedback citano un cliente che non è nei dati di vendita.",
    ),
    "feedback.source": (
        "Source: the feedback store ({start} to {end}); themes and sentiment read offline.",
        "Fonte: l'archivio dei feedback (dal {start} al {end}); temi e tono letti offline.",
    ),
    "feedback.ask_negative": ("Only the complaints", "Solo le lamentele"),
    "feedback.ask_negative_q": ("negative feedback {about}", "feedback negativi {about}"),
    "feedback.edit_proposed": (
        "Change feedback #{id} to this?",
        "Cambio il feedback n. {id} così?",
    ),
    "feedback.edited": ("Feedback #{id} changed.", "Feedback n. {id} cambiato."),
    "feedback.delete_proposed": ("Delete feedback #{id}?", "Cancello il feedback n. {id}?"),
    "feedback.deleted": (
        "Feedback #{id} deleted (its text stays in the audit trail).",
        "Feedback n. {id} cancellato (il testo resta nello storico delle modifiche).",
    ),
    "feedback.before": ("Before", "Prima"),
    "note.title": ("Forecast note", "Nota al forecast"),
    "note.proposed": ("Add this note beside the forecast?", "Aggiungo questa nota al forecast?"),
    "note.saved": (
        "Note #{id} added: the demand review shows it beside the forecast (the forecast itself "
        "does not change).",
        "Nota n. {id} aggiunta: la revisione della domanda la mostra accanto al forecast (il "
        "forecast non cambia).",
    ),
    "note.what": (
        "{quantity} {what} in {month}{customer}",
        "{quantity} {what} a {month}{customer}",
    ),
    "note.from": (" from {customer}", " da {customer}"),
    "digest.title_operations": (
        "Customer feedback this week · operations · {start} – {end}",
        "Feedback dei clienti della settimana · operations · {start} – {end}",
    ),
    "digest.title_marketing": (
        "Customer feedback this week · marketing · {start} – {end}",
        "Feedback dei clienti della settimana · marketing · {start} – {end}",
    ),
    "digest.nothing": (
        "No customer feedback was recorded this week.",
        "Nessun feedback dei clienti registrato questa settimana.",
    ),
    "digest.product": (
        "{sku} {name}: {items} ({negative} negative){theme}{plant}",
        "{sku} {name}: {items} ({negative} negativi){theme}{plant}",
    ),
    "digest.theme_of": (", mostly {theme}", ", soprattutto {theme}"),
    "digest.plant_of": (" · {plant}", " · {plant}"),
    "digest.plants": ("By plant: {plants}.", "Per stabilimento: {plants}."),
    "digest.plant_line": (
        "{plant} {items} ({negative} negative)",
        "{plant} {items} ({negative} negativi)",
    ),
    "digest.columns": (
        "theme|items|customers|their revenue|last week",
        "tema|feedback|clienti|loro fatturato|sett. prima",
    ),
    "digest.products_columns": (
        "product|items|negative|mostly",
        "prodotto|feedback|negativi|soprattutto",
    ),
    "beside.heard": (
        "Customers, last {days} days: {items} from {authors}, {negative} negative{theme}.",
        "Clienti, ultimi {days} giorni: {items} da {authors}, negativi {negative}{theme}.",
    ),
    "beside.theme": (", mostly {theme}", ", soprattutto {theme}"),
    "beside.note": (
        "Forecast note by {who}: {what} (not in the forecast).",
        "Nota al forecast di {who}: {what} (non inclusa nel forecast).",
    ),
    # errors and questions back
    "ask_text": (
        "What did the customer say? Write it as you heard it.",
        "Cosa ha detto il cliente? Scrivilo come l'hai sentito.",
    ),
    "ask_month": ("For which month? (e.g. January)", "Per quale mese? (es. gennaio)"),
    "feedback_empty": (
        "The feedback has no text: write what the customer said.",
        "Il feedback è vuoto: scrivi cosa ha detto il cliente.",
    ),
    "feedback_no_words": (
        "Only emoji: write in words what the customer said.",
        "Solo emoji: scrivi a parole cosa ha detto il cliente.",
    ),
    "feedback_too_long": (
        "That is {chars} characters; feedback is at most {most}: keep the customer's words "
        "and leave out the rest.",
        "Sono {chars} caratteri; un feedback ne ha al massimo {most}: tieni le parole del "
        "cliente e togli il resto.",
    ),
    "feedback_not_yours": (
        "Only {author} (who saved it) or an admin may change feedback #{feedback}.",
        "Solo {author} (che l'ha salvato) o un amministratore può cambiare il feedback n. "
        "{feedback}.",
    ),
    "feedback_changed": (
        "Feedback #{feedback} was changed or deleted a moment ago: nothing was done; look "
        "at it again.",
        "Il feedback n. {feedback} è stato cambiato o cancellato un attimo fa: non ho fatto "
        "nulla; riguardalo.",
    ),
    "no_such_feedback": (
        "There is no feedback #{feedback}.",
        "Non esiste il feedback n. {feedback}.",
    ),
    "feedback_deleted": (
        "Feedback #{feedback} was deleted.",
        "Il feedback n. {feedback} è stato cancellato.",
    ),
    "unknown_theme": (
        "There is no theme {theme!r}: the themes are {known}.",
        "Non esiste il tema {theme!r}: i temi sono {known}.",
    ),
    "bad_feedback_file": (
        "The feedback file was not imported: {problems}",
        "Il file dei feedback non è stato importato: {problems}",
    ),
    "feedback_period_ahead": (
        "{period} has not started: feedback is what customers already said.",
        "{period} non è ancora iniziato: il feedback è ciò che i clienti hanno già detto.",
    ),
    "note_needs_product": (
        "A forecast note is about a product or a family: which one?",
        "Una nota al forecast riguarda un prodotto o una famiglia: quale?",
    ),
    "bad_note_quantity": (
        "{quantity} is not a quantity a note can hold: say how many units more (or fewer).",
        "{quantity} non è una quantità per una nota: indica quanti pezzi in più (o in meno).",
    ),
    "note_period_over": (
        "{period} is over: a forecast note is about a month to come.",
        "{period} è passato: una nota al forecast riguarda un mese che deve venire.",
    ),
}
i18n.register(TEXT)


def sentiment(lang: str, value: str) -> str:
    return t(lang, f"feedback.{value}")


def theme(lang: str, value: str) -> str:
    return t(lang, f"feedback.theme.{value}")


def _customer(lang: str, item: FeedbackItem) -> str:
    if item.customer:
        return item.customer
    if item.customer_text:
        return t(lang, "feedback.unmatched", name=item.customer_text)
    return t(lang, "feedback.none")


def item_fields(lang: str, item: FeedbackItem) -> tuple[tuple[str, str], ...]:
    """What was read in one item, for the person to check before the yes."""
    fields = [
        (t(lang, "feedback.customer"), _customer(lang, item)),
        (t(lang, "feedback.products"), ", ".join(item.products) or t(lang, "feedback.none")),
        (t(lang, "feedback.sentiment"), sentiment(lang, item.sentiment)),
        (
            t(lang, "feedback.themes"),
            ", ".join(theme(lang, x) for x in item.themes) or t(lang, "feedback.none"),
        ),
    ]
    if item.family:
        fields.insert(2, (t(lang, "feedback.family"), item.family))
    if item.competitors:
        fields.append((t(lang, "feedback.competitors"), ", ".join(item.competitors)))
    return tuple(fields)


def record_card(r: FeedbackRecord, lang: str) -> Card:
    item = r.item
    if r.duplicate:
        headline = t(lang, "feedback.duplicate", id=item.id, who=item.author_name,
                     date=date(lang, item.created_at.date()))  # fmt: skip
    elif r.saved:
        headline = t(lang, "feedback.saved", id=item.id)
    else:
        headline = t(lang, "feedback.proposed")
    return Card(
        title=t(lang, "feedback.title"),
        headline=headline,
        fields=item_fields(lang, item),
        notes=(f"{t(lang, 'feedback.text')}: “{_cut(item.text, 1500)}”",),
        links=_links(lang, (item,)),
        tone="good" if r.saved else "info",
    )


def change_card(c: FeedbackChange, lang: str) -> Card:
    item = c.item
    key = {
        ("edit", False): "feedback.edit_proposed",
        ("edit", True): "feedback.edited",
        ("delete", False): "feedback.delete_proposed",
        ("delete", True): "feedback.deleted",
    }[(c.action, c.done)]
    notes = [f"{t(lang, 'feedback.text')}: “{_cut(item.text, 1500)}”"]
    if c.action == "edit":
        notes.insert(0, f"{t(lang, 'feedback.before')}: “{_cut(c.before, 1500)}”")
    return Card(
        title=t(lang, "feedback.title"),
        headline=t(lang, key, id=item.id),
        fields=item_fields(lang, item),
        notes=tuple(notes),
        tone="good" if c.done else "warning" if c.action == "delete" else "info",
    )


def search_card(s: FeedbackSearch, lang: str) -> Card:
    what = _about(s, lang)
    when = period(lang, s.period) if s.period else f"{date(lang, s.start)} – {date(lang, s.end)}"
    title = t(lang, "feedback.search_title", what=what, when=when)
    if s.count == 0:
        about = (
            t(lang, "feedback.about", what=what) if what != t(lang, "feedback.everything") else ""
        )
        return Card(
            title=title,
            headline=" ".join(
                t(
                    lang,
                    "feedback.nothing",
                    what=about,
                    start=date(lang, s.start),
                    end=date(lang, s.end),
                ).split()
            ),
            source=t(lang, "feedback.source", start=date(lang, s.start), end=date(lang, s.end)),
        )
    if s.previous:
        change = (s.count - s.previous) / s.previous
        trend = t(lang, "feedback.trend_up", previous=number(lang, s.previous),
                  change=pct(lang, change * 100, signed=True))  # fmt: skip
    else:
        trend = t(lang, "feedback.trend_new")
    counts = {"customers": counted(lang, "customers", s.customers),
              "authors": counted(lang, "people", s.authors), "trend": trend,
              "negative": s.sentiment.get("negative", 0),
              "positive": s.sentiment.get("positive", 0)}  # fmt: skip
    if s.count == 1:
        headline = t(lang, "feedback.headline_one", **counts)
    else:
        headline = t(lang, "feedback.headline", count=counted(lang, "items", s.count), **counts)
    rows = tuple(_theme_row(lang, c, c.negative) for c in s.themes)
    notes = [_quote(lang, q) for q in s.quotes]
    if s.summary:  # the model's words, marked as such; the quotes below stay verbatim
        notes.insert(0, t(lang, "feedback.summary", text=s.summary))
    if s.who and s.customer is None:  # who said it ("chi chiede la moka rossa 6 tazze?")
        names = ", ".join(f"{name} ({number(lang, n)})" for name, n in s.who)
        rest = s.customers - len(s.who)
        more = t(lang, "feedback.who_more", count=number(lang, rest)) if rest > 0 else ""
        notes.append(t(lang, "feedback.who", names=names, more=more))
    if s.products:
        named = ", ".join(f"{sku} ({n})" for sku, n in s.products)
        notes.append(t(lang, "feedback.products_named", products=named))
    if s.competitors:
        notes.append(
            t(lang, "feedback.rivals", names=", ".join(f"{c} ({n})" for c, n in s.competitors))
        )
    if s.unmatched:
        notes.append(t(lang, "feedback.unmatched_note", count=s.unmatched))
    if rows:
        notes.append(t(lang, "feedback.ranking"))
    actions: tuple[Action, ...] = ()
    if s.wanted is None and s.sentiment.get("negative"):
        about = _about(s, lang) if (s.product or s.family or s.customer) else ""
        actions = (
            Action(t(lang, "feedback.ask_negative"),
                   " ".join(t(lang, "feedback.ask_negative_q", about=about).split())),
        )  # fmt: skip
    return Card(
        title=title,
        headline=headline,
        columns=COLUMNS["it" if lang == "it" else "en"],
        rows=rows,
        notes=tuple(notes),
        links=_links(lang, s.quotes),
        source=t(lang, "feedback.source", start=date(lang, s.start), end=date(lang, s.end)),
        actions=actions,
        tone="warning" if s.sentiment.get("negative", 0) > s.count / 2 else "info",
    )


def _theme_row(lang: str, c: ThemeCount, last: int) -> tuple[str, ...]:
    """A theme's line: items, customers, their revenue, and `last` (negatives, or the
    week before)."""
    return (theme(lang, c.theme), number(lang, c.items), number(lang, c.customers),
            i18n.money(lang, c.revenue), number(lang, last))  # fmt: skip


def note_card(r: NoteResult, lang: str) -> Card:
    n = r.note
    return Card(
        title=t(lang, "note.title"),
        headline=t(lang, "note.saved", id=n.id) if r.saved else t(lang, "note.proposed"),
        fields=((t(lang, "note.title"), note_line(lang, n)),),
        notes=(f"“{_cut(n.note, 500)}”",) if n.note else (),
        tone="good" if r.saved else "info",
    )


def note_line(lang: str, n: Note) -> str:
    """ "+500 PAD-28 in January 2027 from ACME" (a note, in a line)."""
    customer = t(lang, "note.from", customer=n.customer) if n.customer else ""
    quantity = ("+" if n.quantity > 0 else "") + number(lang, n.quantity)
    return t(lang, "note.what", quantity=quantity, what=n.sku or n.family or "",
             month=period(lang, n.period), customer=customer)  # fmt: skip


def _about(s: FeedbackSearch, lang: str) -> str:
    parts = [*s.product]
    if s.family:
        parts.append(s.family)
    if s.customer:
        parts.append(s.customer)
    if s.territory:
        parts.append(s.territory)
    if s.theme:
        parts.append(theme(lang, s.theme))
    if s.wanted:
        parts.append(sentiment(lang, s.wanted))
    if s.query:
        parts.append(f"“{s.query}”")
    return " · ".join(parts) or t(lang, "feedback.everything")


def _quote(lang: str, item: FeedbackItem) -> str:
    return t(lang, "feedback.quote", text=_cut(item.text, QUOTE_CHARS),
             customer=item.customer or item.customer_text or "–", who=item.author_name,
             date=date(lang, item.created_at.date()))  # fmt: skip


def _links(lang: str, items: tuple[FeedbackItem, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((t(lang, "feedback.link", id=i.id), i.permalink) for i in items if i.permalink)


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def digest_card(d: FeedbackDigest, lang: str) -> Card:
    """The week's digest for operations (by product and plant) or marketing (by theme and
    competitor), with verbatim quotes."""
    week = d.week
    title = t(lang, f"digest.title_{d.audience}", start=date(lang, d.start), end=date(lang, d.end))
    if week.count == 0:
        return Card(title=title, headline=t(lang, "digest.nothing"))
    shown = search_card(week, lang)
    notes = list(shown.notes)
    if d.audience == "operations":
        columns = tuple(t(lang, "digest.products_columns").split("|"))
        rows: tuple[tuple[str, ...], ...] = tuple(
            (
                f"{p.sku} {p.name}",
                number(lang, p.items),
                number(lang, p.negative),
                theme(lang, p.theme) if p.theme else "–",
            )
            for p in d.products
        )
        plants = ", ".join(
            t(lang, "digest.plant_line", plant=plant, items=n, negative=bad)
            for plant, n, bad in d.plants
        )
        # What each of the most named products was told, then where they are made.
        # the same words said twice (or an item naming two products): quoted once
        notes = list(
            dict.fromkeys(_quote(lang, p.quote) for p in d.products[:QUOTES_BY_PRODUCT] if p.quote)
        )
        if plants:
            notes.append(t(lang, "digest.plants", plants=plants))
    else:
        columns = tuple(t(lang, "digest.columns").split("|"))
        rows = tuple(_theme_row(lang, c, c.previous) for c in week.themes)
    return Card(
        title=title,
        headline=shown.headline,
        columns=columns,
        rows=rows,
        notes=tuple(notes),
        links=shown.links,
        source=shown.source,
        tone=shown.tone,
    )


def counted(lang: str, what: str, n: int) -> str:
    """ "1 customer", "3 clienti": `what` (items, customers, people) with its number."""
    return t(lang, f"feedback.{what}_{'one' if n == 1 else 'many'}", n=number(lang, n))


def beside_notes(lang: str, near: Beside | None) -> tuple[str, ...]:
    """What customers said lately and the reps' notes, as lines under a forecast, its
    explanation or an alert."""
    if near is None:
        return ()
    lines = []
    if near.heard is not None:
        h = near.heard
        mostly = t(lang, "beside.theme", theme=theme(lang, h.theme)) if h.theme else ""
        lines.append(t(lang, "beside.heard", days=h.days, items=counted(lang, "items", h.items),
                       authors=counted(lang, "people", h.authors), negative=h.negative,
                       theme=mostly))  # fmt: skip
        if h.quote is not None:
            lines.append(_quote(lang, h.quote))
    lines.extend(
        t(lang, "beside.note", who=n.author_name, what=note_line(lang, n)) for n in near.notes
    )
    return tuple(lines)
