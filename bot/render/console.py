"""Cards in the terminal, with rich: headline in colour, table, notes, source."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bot.render.cards import Card

STYLE = {"good": "green", "warning": "yellow", "bad": "red", "info": "bold"}


def show(console: Console, card: Card, *, max_rows: int = 30) -> None:
    if card.title:
        console.print(f"[bold]{escape(card.title)}[/]", highlight=False)
    console.print(f"[{STYLE.get(card.tone, 'bold')}]{escape(card.headline)}[/]", highlight=False)
    for name, value in card.fields:
        console.print(f"  {escape(name)}: {escape(value)}", highlight=False)
    if card.rows:
        table = Table(show_header=bool(card.columns), header_style="dim")
        for i, column in enumerate(card.columns or ("",) * len(card.rows[0])):
            table.add_column(column, justify="left" if i < 2 else "right")
        for row in card.rows[:max_rows]:
            table.add_row(*(escape(cell) for cell in row))
        console.print(table)
        if len(card.rows) > max_rows:
            console.print(f"[dim]… +{len(card.rows) - max_rows}[/]")
    for note in card.notes:
        console.print(f"  • {escape(note)}", highlight=False)
    for label, url in card.links:
        console.print(f"  [dim]{escape(label)}: {escape(url)}[/]", highlight=False)
    if card.source:
        console.print(f"[dim]{card.source}[/]", highlight=False)
