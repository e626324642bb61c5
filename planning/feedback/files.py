"""Feedback as a file: `ponte feedback export` writes every item to CSV, and `ponte feedback
import` reads the same columns back (feedback kept in a CRM or a spreadsheet, the demo's).

Import is all or nothing: every bad row is listed (file, row, column, reason) and nothing
is stored. A row is known by its date, author and text: importing the same file twice
stores each item once.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pandas as pd
from sqlalchemy import Engine, text

from planning.errors import PonteError
from planning.feedback.store import (
    SENTIMENTS,
    NewFeedback,
    Reading,
    checked_text,
    ingest,
    load_items,
)

COLUMNS = ("date", "author", "customer", "products", "text")
OPTIONAL = ("source", "permalink", "sentiment")
FORMULA = ("=", "+", "-", "@")
EXPORT_COLUMNS = (
    "id", "date", "author", "author_name", "customer", "customer_unmatched", "products",
    "family", "sentiment", "themes", "competitors", "language", "source", "permalink", "text",
)  # fmt: skip


@dataclass(frozen=True)
class FeedbackImport:
    rows: int
    stored: int  # new items; the rest were imported before


def import_feedback(
    engine: Engine, path: Path, *, now: dt.datetime, actor: str, reading: Reading
) -> FeedbackImport:
    """Read a feedback file and store its new items (PonteError listing every bad row)."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise PonteError(f"{path.name}: cannot read it as UTF-8 CSV ({exc})",
                         code="bad_feedback_file", problems=str(exc)) from exc  # fmt: skip
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise PonteError(
            f"{path.name}: missing column(s) {', '.join(missing)} (needed: {', '.join(COLUMNS)})",
            code="bad_feedback_file",
            problems=f"missing {', '.join(missing)}",
        )
    with engine.connect() as conn:
        people = {
            key: str(uid)
            for uid, name in conn.execute(text("SELECT slack_user_id, name FROM person"))
            for key in (str(uid), str(name).lower())
        }
        languages: dict[str, str] = dict(
            conn.execute(text("SELECT slack_user_id, language FROM person")).all()
        )
    problems: list[str] = []
    items: list[NewFeedback] = []
    for row_number, row in enumerate(frame.to_dict("records"), start=2):
        where = f"{path.name}:{row_number}"
        try:
            day = dt.date.fromisoformat(row["date"].strip()[:10])
        except ValueError:
            problems.append(f"{where} date: {row['date']!r} is not a date (YYYY-MM-DD)")
            continue
        author = people.get(row["author"].strip()) or people.get(row["author"].strip().lower())
        if author is None:
            problems.append(f"{where} author: {row['author']!r} is not in the people file")
            continue
        try:
            body = checked_text(_as_written(row["text"]))
        except PonteError as exc:
            problems.append(f"{where} text: {exc}")
            continue
        skus = tuple(s.strip() for s in row["products"].split(";") if s.strip())
        unknown = [s for s in skus if s not in reading.linker.skus]
        if unknown:
            problems.append(f"{where} products: unknown product {unknown[0]!r}")
            continue
        sentiment = (row.get("sentiment") or "").strip() or None
        if sentiment is not None and sentiment not in SENTIMENTS:
            problems.append(f"{where} sentiment: {sentiment!r} is not one of {SENTIMENTS}")
            continue
        key = hashlib.sha1(f"{day}|{author}|{body}".encode()).hexdigest()[:32]
        items.append(
            NewFeedback(
                text=body,
                author=author,
                created_at=dt.datetime.combine(day, dt.time(9), dt.UTC),
                customer=row["customer"].strip() or None,
                products=skus,
                source=(row.get("source") or "").strip() or "import",
                channel="import",
                message_ts=key,
                permalink=(row.get("permalink") or "").strip() or None,
                sentiment=sentiment,
            )
        )
    if problems:
        shown = "\n".join(problems[:50])
        more = f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise PonteError(
            f"{path.name} was not imported: {len(problems)} bad row(s)\n{shown}{more}",
            code="bad_feedback_file",
            problems=shown,
        )
    stored = ingest(engine, items, now=now, actor=actor, reading=reading, languages=languages)
    return FeedbackImport(rows=len(items), stored=stored)


def export_feedback(engine: Engine, out: TextIO) -> int:
    """Write every item not deleted, oldest first, as CSV to `out`; the count written. A
    cell that a spreadsheet would run as a formula (=, +, -, @) starts with a quote."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    written = 0
    with engine.connect() as conn:
        ids = [
            int(i)
            for (i,) in conn.execute(
                text("SELECT id FROM feedback WHERE deleted_at IS NULL ORDER BY created_at, id")
            )
        ]
        for start in range(0, len(ids), 1000):
            for item in load_items(conn, ids[start : start + 1000]):
                cells = [
                    item.id, item.created_at.date().isoformat(), item.author,
                    item.author_name, item.customer or "", item.customer_text or "",
                    ";".join(item.products), item.family or "", item.sentiment,
                    ";".join(item.themes), ";".join(item.competitors), item.language,
                    item.source, item.permalink or "", item.text,
                ]  # fmt: skip
                writer.writerow([_inert(c) for c in cells])
                written += 1
    return written


def _inert(cell: object) -> object:
    if isinstance(cell, str) and cell[:1] in FORMULA:
        return "'" + cell
    return cell


def _as_written(cell: str) -> str:
    """A cell as exported before `_inert` protected it."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA else cell
