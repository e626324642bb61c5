"""What every card is made of, and the provenance line every answer ends with."""

from __future__ import annotations

from dataclasses import dataclass

from bot.render.i18n import date, pick
from planning.forecast.runs import RunSummary
from planning.supply import Provenance

MAX_ROWS = 15
CHOICE_BUTTONS = 5  # Slack shows five buttons in a row comfortably


@dataclass(frozen=True)
class Action:
    label: str
    question: str  # asked on the user's behalf when the button is pressed


@dataclass(frozen=True)
class Card:
    headline: str
    title: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    notes: tuple[str, ...] = ()
    source: str | None = None
    actions: tuple[Action, ...] = ()
    tone: str = "info"  # info, good, warning, bad


# -- provenance ----------------------------------------------------------------------------


def run_line(lang: str, run: RunSummary, models: tuple[str, ...] = ()) -> str:
    """The run, and the models behind the numbers (the run's commonest when not given)."""
    model = ", ".join(models or tuple(run.models)[:2]) or "–"
    return pick(
        lang,
        f"forecast run {run.run_id} of {date(lang, run.created_at.date())} "
        f"(sales to the week of {date(lang, run.data_as_of)}; {model})",
        f"previsione n. {run.run_id} del {date(lang, run.created_at.date())} "
        f"(vendite fino alla settimana del {date(lang, run.data_as_of)}; {model})",
    )


def source(lang: str, provenance: Provenance) -> str:
    parts = []
    if provenance.stock_as_of is not None:
        parts.append(
            pick(lang, "stock as of ", "giacenze al ") + date(lang, provenance.stock_as_of)
        )
    if provenance.run is not None:
        parts.append(run_line(lang, provenance.run))
    else:
        parts.append(
            pick(lang, "no forecast yet (counted as 0)", "nessuna previsione (contata come 0)")
        )
    return pick(lang, "Source: ", "Fonte: ") + "; ".join(parts)
