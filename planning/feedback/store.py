"""The feedback store: record (checked and shown first, saved on the person's yes), edit,
delete, and bulk ingest; every write audited (entity "feedback:<id>").

Who may do what (keyed on the verified caller): every person in the people list records and
reads feedback; only its author or an admin edits or deletes it. One Slack message is one
record: saving it again (a shortcut after a reaction, a double click) finds the first, and
the unique index on (channel, message ts) keeps that true for two saves at the same moment.
An edit or a deletion is a conditional update on the item's version: two at once change it
once. A deleted item keeps its row, hidden from every read, and its audit trail.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from planning.access import Caller
from planning.audit import audit
from planning.db import analyze, as_utc, writing
from planning.errors import PermissionDenied, PonteError
from planning.feedback.enrich import THEMES as THEME_CODES
from planning.feedback.enrich import Enrichment, enrich
from planning.feedback.links import Linker, load_linker
from planning.models import Feedback, FeedbackProduct, Role
from planning.text import fold

FEEDBACK = Feedback.__table__  # type: ignore[attr-defined]
PRODUCTS = FeedbackProduct.__table__  # type: ignore[attr-defined]
MAX_TEXT = 10_000  # characters: a long customer e-mail fits, a pasted file does not
MAX_PRODUCTS = 20
WRITE_WAIT = 30.0
BULK = 500  # items ingested at once after which the planner's statistics are refreshed
SOURCES = ("chat", "modal", "shortcut", "reaction", "import")
SENTIMENTS = ("negative", "neutral", "positive")
# Slack's emoji codes (":thumbsup:") and pictographs are not words.
EMOJI_CODE = re.compile(r":[a-z0-9_+'-]+:")
LETTER = re.compile(r"[^\W_]", re.UNICODE)


@dataclass(frozen=True)
class FeedbackItem:
    """One piece of feedback as stored (id None: proposed, not saved yet)."""

    id: int | None
    text: str  # verbatim: escape it wherever it is shown
    language: str
    sentiment: str
    themes: tuple[str, ...]
    products: tuple[str, ...]
    customer: str | None  # a customer of the sales data
    customer_text: str | None  # a name that matched no customer: kept as written
    family: str | None
    competitors: tuple[str, ...]
    author: str
    author_name: str
    source: str
    created_at: dt.datetime
    channel: str | None = None
    message_ts: str | None = None
    permalink: str | None = None
    edited_at: dt.datetime | None = None
    deleted_at: dt.datetime | None = None
    version: int = 1

    @property
    def entity(self) -> str:
        return f"feedback:{self.id}"


@dataclass(frozen=True)
class FeedbackRecord:
    """A record proposed (waiting for the person's yes) or saved; `duplicate`: the Slack
    message was saved before, and `item` is that first record."""

    item: FeedbackItem
    saved: bool
    duplicate: bool = False


@dataclass(frozen=True)
class FeedbackChange:
    """An edit or a deletion, proposed or done; `before` is the text it replaces."""

    item: FeedbackItem
    action: str  # edit | delete
    done: bool
    before: str = ""


@dataclass(frozen=True)
class NewFeedback:
    """One item for `ingest`: what a file or a benchmark brings, already attributed."""

    text: str
    author: str
    created_at: dt.datetime
    customer: str | None = None
    products: tuple[str, ...] = ()
    family: str | None = None
    source: str = "import"
    channel: str | None = None
    message_ts: str | None = None
    permalink: str | None = None
    sentiment: str | None = None


@dataclass(frozen=True)
class Reading:
    """What the store needs to read feedback: the company's names and its competitors."""

    linker: Linker
    competitors: tuple[str, ...] = ()
    own_names: frozenset[str] = field(default_factory=frozenset)


def load_reading(engine: Engine, competitors: Sequence[str] = ()) -> Reading:
    """The company's names as the database holds them now, and its competitors' names (the
    configured ones and those feedback named before)."""
    linker = load_linker(engine)
    return Reading(linker, tuple(dict.fromkeys([*competitors, *known_competitors(engine)])))


def known_competitors(engine: Engine) -> tuple[str, ...]:
    """Competitors feedback has named: once "Lagostina" was read in a comparison, a later
    "da lagostina costano meno" names it too, in any case."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT DISTINCT competitors FROM feedback WHERE competitors IS NOT NULL "
                "AND deleted_at IS NULL"
            )
        ).all()
    return tuple(sorted({n for (named,) in rows for n in str(named).split("; ") if n}))


def checked_text(text_: str) -> str:
    """The text as written, once it says something (PonteError otherwise)."""
    if len(text_) > MAX_TEXT:
        raise PonteError(
            f"feedback is {len(text_):,} characters; keep it under {MAX_TEXT:,}",
            code="feedback_too_long",
            chars=len(text_),
            most=MAX_TEXT,
        )
    stripped = text_.strip()
    if not stripped:
        raise PonteError("the feedback has no text", code="feedback_empty")
    if not LETTER.search(EMOJI_CODE.sub(" ", stripped)):
        raise PonteError("the feedback has no words, only emoji", code="feedback_no_words")
    return stripped


def read(
    text_: str,
    reading: Reading,
    *,
    language: str = "en",
    customer: str | None = None,
    products: Sequence[str] = (),
) -> tuple[Enrichment, str | None, str | None, tuple[str, ...]]:
    """Enrichment, customer (matched), customer as typed (unmatched) and products of a
    text: the ones named by the person first, then the ones the text names."""
    linker = reading.linker
    found = linker.find(text_)
    matched, unmatched = found.customer, None
    if customer:
        matched = linker.customer(customer) or (customer if customer in linker.customers else None)
        unmatched = None if matched else customer.strip()[:200]
    unknown = [p for p in products if p not in linker.skus]
    if unknown:
        raise PonteError(f"unknown product {unknown[0]!r}", code="unknown_product", sku=unknown[0])
    skus = tuple(dict.fromkeys([*products, *found.products]))[:MAX_PRODUCTS]
    enrichment = enrich(
        text_,
        default_language=language,
        competitors=reading.competitors,
        own_names=reading.own_names | ({unmatched} if unmatched else set()),
        is_own=linker.own,
    )
    return enrichment, matched, unmatched, skus


def _what_was_read(
    enrichment: Enrichment, matched: str | None, unmatched: str | None, skus: tuple[str, ...]
) -> dict[str, Any]:
    """The fields of an item that come from reading its text."""
    return {
        "language": enrichment.language,
        "themes": enrichment.themes,
        "products": skus,
        "customer": matched,
        "customer_text": unmatched,
        "competitors": enrichment.competitors,
    }


def record_feedback(
    engine: Engine,
    caller: Caller,
    *,
    text_: str,
    now: dt.datetime,
    reading: Reading,
    source: str = "chat",
    customer: str | None = None,
    products: Sequence[str] = (),
    family: str | None = None,
    sentiment: str | None = None,
    channel: str | None = None,
    message_ts: str | None = None,
    permalink: str | None = None,
    save: bool = False,
) -> FeedbackRecord:
    """Check and read feedback from `caller`; with `save`, store it (audited). Without
    `save` nothing is written: what would be stored is returned, for the person's yes."""
    if source not in SOURCES:
        raise ValueError(f"unknown feedback source {source!r}")
    if channel and message_ts:
        first = _saved_message(engine, channel, message_ts)
        if first is not None:
            return FeedbackRecord(first, saved=False, duplicate=True)
    body = checked_text(text_)
    enrichment, matched, unmatched, skus = read(
        body, reading, language=caller.language, customer=customer, products=products
    )
    item = FeedbackItem(
        id=None,
        text=body,
        **_what_was_read(enrichment, matched, unmatched, skus),
        sentiment=sentiment if sentiment in SENTIMENTS else enrichment.sentiment,
        family=family if family in reading.linker.families else None,
        author=caller.slack_user_id,
        author_name=caller.name,
        source=source,
        created_at=now,
        channel=channel,
        message_ts=message_ts,
        permalink=permalink,
    )
    if not save:
        return FeedbackRecord(item, saved=False)
    try:
        with writing(engine, wait=WRITE_WAIT) as conn:
            feedback_id = _insert(conn, [item], [enrichment.score])[0]
            audit(conn, now=now, actor=caller.slack_user_id, action="feedback.saved",
                  entity=f"feedback:{feedback_id}", details=_details(item))  # fmt: skip
    except IntegrityError:
        # The same message saved at the same moment by another click: that one stands.
        first = _saved_message(engine, channel or "", message_ts or "")
        if first is None:
            raise
        return FeedbackRecord(first, saved=False, duplicate=True)
    return FeedbackRecord(replace(item, id=feedback_id), saved=True)


def ingest(
    engine: Engine,
    items: Sequence[NewFeedback],
    *,
    now: dt.datetime,
    actor: str,
    reading: Reading,
    languages: dict[str, str] | None = None,
) -> int:
    """Store many items at once, each read as `record_feedback` reads one, in one
    transaction with one audit entry; messages saved before are skipped. The count stored."""
    rows: list[FeedbackItem] = []
    scores: list[float] = []
    seen: set[tuple[str, str]] = set()
    for new in items:
        body = checked_text(new.text)
        if new.channel and new.message_ts:
            if (new.channel, new.message_ts) in seen:
                continue
            seen.add((new.channel, new.message_ts))
        default = (languages or {}).get(new.author, "en")
        enrichment, matched, unmatched, skus = read(
            body, reading, language=default, customer=new.customer, products=new.products
        )
        rows.append(
            FeedbackItem(
                id=None, text=body, **_what_was_read(enrichment, matched, unmatched, skus),
                sentiment=new.sentiment if new.sentiment in SENTIMENTS else enrichment.sentiment,
                family=new.family, author=new.author, author_name="", source=new.source,
                created_at=new.created_at, channel=new.channel, message_ts=new.message_ts,
                permalink=new.permalink,
            )
        )  # fmt: skip
        scores.append(enrichment.score)
    if not rows:
        return 0
    with writing(engine, wait=WRITE_WAIT) as conn:
        # The messages of this batch saved before (one probe of the unique index per
        # channel, not a read of every message ever saved).
        asked: dict[str, list[str]] = {}
        for item in rows:
            if item.channel and item.message_ts:
                asked.setdefault(item.channel, []).append(item.message_ts)
        saved = {
            (channel, str(ts))
            for channel, stamps in asked.items()
            for (ts,) in conn.execute(
                select(FEEDBACK.c.message_ts).where(
                    FEEDBACK.c.channel == channel, FEEDBACK.c.message_ts.in_(stamps)
                )
            )
        }
        keep = [i for i, item in enumerate(rows) if (item.channel, item.message_ts) not in saved]
        before = int(conn.execute(select(func.max(FEEDBACK.c.id))).scalar() or 0)
        _insert(conn, [rows[i] for i in keep], [scores[i] for i in keep])
        audit(conn, now=now, actor=actor, action="feedback.imported", details={"items": len(keep)})
    if len(keep) >= BULK and len(keep) * 5 >= before + len(keep):
        # A batch that is a fifth of the store or more changes what the planner should
        # choose (PostgreSQL's own statistics come minutes later; SQLite keeps none
        # unasked): searches right after stay fast. Smaller ones change nothing that counts.
        analyze(engine, ["feedback", "feedback_product"])
    return len(keep)


def _insert(conn: Connection, items: Sequence[FeedbackItem], scores: Sequence[float]) -> list[int]:
    if not items:
        return []
    rows = [
        {
            "text": item.text,
            "language": item.language,
            "sentiment": item.sentiment,
            "score": score,
            "theme_mask": theme_mask(item.themes),
            "customer": item.customer,
            "customer_text": item.customer_text,
            "family": item.family,
            "competitors": "; ".join(item.competitors) or None,
            "author": item.author,
            "source": item.source,
            "channel": item.channel,
            "message_ts": item.message_ts,
            "permalink": item.permalink,
            "created_at": item.created_at,
            "search_text": search_text(item),
            "version": 1,
        }
        for item, score in zip(items, scores, strict=True)
    ]
    result = conn.execute(
        insert(FEEDBACK).returning(FEEDBACK.c.id, sort_by_parameter_order=True), rows
    )
    ids = [int(i) for (i,) in result]
    products = [
        {"feedback_id": i, "sku": sku, "created_at": item.created_at}
        for i, item in zip(ids, items, strict=True)
        for sku in item.products
    ]
    if products:
        conn.execute(insert(PRODUCTS), products)
    return ids


def theme_mask(themes: Iterable[str]) -> int:
    """The themes as bits: THEMES[i] is bit i."""
    return sum(1 << THEME_CODES.index(t) for t in set(themes))


def themes_of_mask(mask: int) -> tuple[str, ...]:
    return tuple(t for i, t in enumerate(THEME_CODES) if mask & (1 << i))


def search_text(item: FeedbackItem) -> str:
    """What full-text search reads: the words of the text and of the names it is linked to,
    folded ("qualità" is found by "qualita")."""
    return fold(" ".join([item.text, item.customer or item.customer_text or "", *item.competitors]))


def edit_feedback(
    engine: Engine,
    caller: Caller,
    feedback_id: int,
    *,
    text_: str,
    now: dt.datetime,
    reading: Reading,
    products: Sequence[str] = (),
    apply: bool = False,
) -> FeedbackChange:
    """Change an item's text (its author or an admin), read again; audited with the text
    it replaces. The products are the ones named with the change and the new text's; when
    neither names any, the item keeps the ones it had (a corrected sentence about the same
    pan). Without `apply`, what would change."""
    current = get_feedback(engine, feedback_id)
    _may_change(caller, current)
    body = checked_text(text_)
    enrichment, matched, unmatched, skus = read(
        body, reading, language=current.language,
        customer=current.customer or current.customer_text, products=products,
    )  # fmt: skip
    skus = skus or current.products
    changed = replace(
        current,
        text=body,
        **_what_was_read(enrichment, matched, unmatched, skus),
        sentiment=enrichment.sentiment,
        edited_at=now,
        version=current.version + 1,
    )
    if not apply:
        return FeedbackChange(changed, "edit", done=False, before=current.text)
    with writing(engine, wait=WRITE_WAIT) as conn:
        _conditional(
            conn,
            current,
            text=body,
            language=changed.language,
            sentiment=changed.sentiment,
            score=enrichment.score,
            theme_mask=theme_mask(changed.themes),
            customer=matched,
            customer_text=unmatched,
            competitors="; ".join(changed.competitors) or None,
            search_text=search_text(changed),
            edited_at=now,
        )
        conn.execute(PRODUCTS.delete().where(PRODUCTS.c.feedback_id == feedback_id))
        if skus:
            conn.execute(
                insert(PRODUCTS),
                [{"feedback_id": feedback_id, "sku": sku, "created_at": current.created_at}
                 for sku in skus],
            )  # fmt: skip
        audit(conn, now=now, actor=caller.slack_user_id, action="feedback.edited",
              entity=current.entity, details={"before": current.text, "after": body})  # fmt: skip
    return FeedbackChange(changed, "edit", done=True, before=current.text)


def delete_feedback(
    engine: Engine, caller: Caller, feedback_id: int, *, now: dt.datetime, apply: bool = False
) -> FeedbackChange:
    """Hide an item from every read (its author or an admin); audited with its text."""
    current = get_feedback(engine, feedback_id)
    _may_change(caller, current)
    gone = replace(current, deleted_at=now, version=current.version + 1)
    if not apply:
        return FeedbackChange(gone, "delete", done=False, before=current.text)
    with writing(engine, wait=WRITE_WAIT) as conn:
        _conditional(conn, current, deleted_at=now)
        # Its products leave the counts with it (the audit trail keeps what it named).
        conn.execute(PRODUCTS.delete().where(PRODUCTS.c.feedback_id == feedback_id))
        audit(conn, now=now, actor=caller.slack_user_id, action="feedback.deleted",
              entity=current.entity, details={"text": current.text})  # fmt: skip
    return FeedbackChange(gone, "delete", done=True, before=current.text)


def _conditional(conn: Connection, current: FeedbackItem, **values: object) -> None:
    """Update the item only if nobody changed it since it was read."""
    changed = conn.execute(
        update(FEEDBACK)
        .where(
            FEEDBACK.c.id == current.id,
            FEEDBACK.c.version == current.version,
            FEEDBACK.c.deleted_at.is_(None),
        )
        .values(version=current.version + 1, **values)
    ).rowcount
    if changed != 1:
        raise PonteError(
            f"feedback {current.id} was changed or deleted a moment ago; look again",
            code="feedback_changed",
            feedback=current.id,
        )


def _may_change(caller: Caller, item: FeedbackItem) -> None:
    if caller.role != Role.admin and caller.slack_user_id != item.author:
        raise PermissionDenied(
            f"only {item.author_name or item.author} (who saved it) or an admin may change "
            f"feedback {item.id}",
            code="feedback_not_yours",
            feedback=item.id,
            author=item.author_name or item.author,
        )


def get_feedback(engine: Engine, feedback_id: int) -> FeedbackItem:
    """One item, deleted or not (PonteError when there is none)."""
    with engine.connect() as conn:
        items = load_items(conn, [feedback_id], deleted=True)
    if not items:
        raise PonteError(
            f"there is no feedback {feedback_id}", code="no_such_feedback", feedback=feedback_id
        )
    item = items[0]
    if item.deleted_at is not None:
        raise PonteError(
            f"feedback {feedback_id} was deleted", code="feedback_deleted", feedback=feedback_id
        )
    return item


def _saved_message(engine: Engine, channel: str, message_ts: str) -> FeedbackItem | None:
    with engine.connect() as conn:
        found = conn.execute(
            select(FEEDBACK.c.id).where(
                FEEDBACK.c.channel == channel, FEEDBACK.c.message_ts == message_ts
            )
        ).first()
        if found is None:
            return None
        return load_items(conn, [int(found[0])], deleted=True)[0]


def load_items(
    conn: Connection, ids: Iterable[int], *, deleted: bool = False
) -> list[FeedbackItem]:
    """Items by id (in the order given), with their products, themes and author's name."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    rows = conn.execute(select(FEEDBACK).where(FEEDBACK.c.id.in_(wanted))).mappings().all()
    products: dict[int, list[str]] = {}
    for fid, sku in conn.execute(
        select(PRODUCTS.c.feedback_id, PRODUCTS.c.sku).where(PRODUCTS.c.feedback_id.in_(wanted))
    ):
        products.setdefault(int(fid), []).append(str(sku))
    names = _names(conn, {r["author"] for r in rows})
    order = {fid: i for i, fid in enumerate(wanted)}
    items = []
    for r in rows:
        if r["deleted_at"] is not None and not deleted:
            continue
        fid = int(r["id"])
        items.append(
            FeedbackItem(
                id=fid, text=r["text"], language=r["language"], sentiment=r["sentiment"],
                themes=themes_of_mask(int(r["theme_mask"])),
                products=tuple(products.get(fid, ())), customer=r["customer"],
                customer_text=r["customer_text"], family=r["family"],
                competitors=tuple(c for c in (r["competitors"] or "").split("; ") if c),
                author=r["author"], author_name=names.get(r["author"], r["author"]),
                source=r["source"], created_at=as_utc(r["created_at"]) or dt.datetime.min,
                channel=r["channel"], message_ts=r["message_ts"], permalink=r["permalink"],
                edited_at=as_utc(r["edited_at"]), deleted_at=as_utc(r["deleted_at"]),
                version=int(r["version"]),
            )
        )  # fmt: skip
    items.sort(key=lambda item: order[item.id or 0])
    return items


def _names(conn: Connection, people: set[str]) -> dict[str, str]:
    if not people:
        return {}
    rows = conn.execute(text("SELECT slack_user_id, name FROM person")).all()
    return {str(k): str(v) for k, v in rows if k in people}


def _details(item: FeedbackItem) -> dict[str, object]:
    return {
        "source": item.source,
        "customer": item.customer or item.customer_text,
        "products": list(item.products),
        "sentiment": item.sentiment,
        "chars": len(item.text),
        "permalink": item.permalink,
    }
