"""What every card is made of, and the provenance line every answer ends with."""

from __future__ import annotations

from dataclasses import dataclass

from bot.render import i18n
from bot.render.i18n import date, t
from planning.forecast.runs import RunSummary
from planning.groups import ProductGroup
from planning.supply import Provenance

TEXT: dict[str, tuple[str, str]] = {
    "base.run_line.text": (
        "forecast run {run_id} of {date} (sales to the week of {data_as_of}; {model})",
        "previsione n. {run_id} del {date} (vendite fino alla settimana del {data_as_of}; {model})",
    ),
    "base.run_line.plain": (
        "forecast run {run_id} of {date} (sales to the week of {data_as_of})",
        "previsione n. {run_id} del {date} (vendite fino alla settimana del {data_as_of})",
    ),
    "base.run_line.stale": (
        "; sales imported on {date} are not in it yet: run `ponte forecast`",
        "; non include le vendite importate il {date}: esegui `ponte forecast`",
    ),
    "base.source.text": (
        "stock as of ",
        "giacenze al ",
    ),
    "base.source.text_2": (
        "no forecast yet (counted as 0)",
        "nessuna previsione (contata come 0)",
    ),
    "base.source.text_3": (
        "Source: ",
        "Fonte: ",
    ),
    "base.group.all": ("All products", "Tutti i prodotti"),
    "base.group.many": ("{count} products", "{count} prodotti"),
}
i18n.register(TEXT)

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
    # Links to read more (a quoted message's Slack permalink): (label, https URL).
    links: tuple[tuple[str, str], ...] = ()


def group_label(lang: str, group: ProductGroup, location: str | None = None) -> str:
    """What a group answer is about: the family, the products named, or all products."""
    if group.family is not None:
        label = group.family
    elif group.skus:
        label = (
            " + ".join(group.skus)
            if len(group.skus) <= 4
            else t(lang, "base.group.many", count=len(group.skus))
        )
    else:
        label = t(lang, "base.group.all")
    return f"{label} · {location}" if location else label


# -- provenance ----------------------------------------------------------------------------


def run_line(
    lang: str,
    run: RunSummary,
    models: tuple[str, ...] = (),
    *,
    stale: bool = True,
    named: bool = True,
) -> str:
    """The run, and the models behind the numbers (the run's commonest when not given;
    none when not `named`: a plant's load or a stock answer is not about one forecast's
    model, and the names read as jargon there); with `stale`, whether sales imported since
    are missing from it (not said of a past run scored against those very sales)."""
    model = ", ".join(models or tuple(run.models)[:2]) or "–"
    line = t(
        lang,
        "base.run_line.text" if named else "base.run_line.plain",
        run_id=run.run_id,
        date=date(lang, run.created_at.date()),
        data_as_of=date(lang, run.data_as_of),
        model=model,
    )
    if stale and run.sales_imported_after is not None:
        line += t(lang, "base.run_line.stale", date=date(lang, run.sales_imported_after.date()))
    return line


def source(lang: str, provenance: Provenance) -> str:
    parts = []
    if provenance.stock_as_of is not None:
        parts.append(t(lang, "base.source.text") + date(lang, provenance.stock_as_of))
    if provenance.run is not None:
        parts.append(run_line(lang, provenance.run, named=False))
    else:
        parts.append(t(lang, "base.source.text_2"))
    return t(lang, "base.source.text_3") + "; ".join(parts)
