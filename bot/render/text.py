"""Cards as plain text: the `text` of `ponte ask --json`, and Slack's notification text."""

from __future__ import annotations

from bot.render.cards import Card


def plain(card: Card, *, max_rows: int = 30) -> str:
    lines = []
    if card.title:
        lines.append(card.title)
    lines.append(card.headline)
    lines.extend(f"{name}: {value}" for name, value in card.fields)
    if card.rows:
        table = [card.columns, *card.rows[:max_rows]] if card.columns else list(card.rows)
        widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
        for row in table:
            lines.append(
                "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            )
        if len(card.rows) > max_rows:
            lines.append(f"… (+{len(card.rows) - max_rows})")
    lines.extend(f"- {note}" for note in card.notes)
    if card.source:
        lines.append(card.source)
    return "\n".join(lines)
