"""Cards as plain text: the `text` of `ponte ask --json`, and Slack's notification text."""

from __future__ import annotations

from collections.abc import Sequence

from bot.render.cards import Card


def aligned(rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Rows as lines of left-aligned columns two spaces apart (for a monospaced font)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def plain(card: Card, *, max_rows: int = 30) -> str:
    lines = []
    if card.title:
        lines.append(card.title)
    lines.append(card.headline)
    lines.extend(f"{name}: {value}" for name, value in card.fields)
    if card.rows:
        shown = list(card.rows[:max_rows])
        lines.extend(aligned([card.columns, *shown] if card.columns else shown))
        if len(card.rows) > max_rows:
            lines.append(f"… (+{len(card.rows) - max_rows})")
    lines.extend(f"- {note}" for note in card.notes)
    lines.extend(f"{label}: {url}" for label, url in card.links)
    if card.source:
        lines.append(card.source)
    return "\n".join(lines)
