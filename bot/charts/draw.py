"""Pure chart builders: plain data in (this module's own small records of dates and
numbers), PNG bytes out.

They run in the chart process (bot.charts.child), which unpickles their arguments: records
of this module, not planning's, keep pandas and the planning code out of that process (it
weighs about 75 MB instead of 230). bot.charts.pick turns planning's results into them.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from bot.render import i18n
from bot.render.i18n import t

TEXT: dict[str, tuple[str, str]] = {
    "chart.forecast_chart.label": (
        "sold",
        "venduto",
    ),
    "chart.forecast_chart.label_2": (
        "{level}% range",
        "intervallo {level}%",
    ),
    "chart.forecast_chart.label_3": (
        "forecast",
        "previsione",
    ),
    "chart.forecast_chart.where": (
        "all locations",
        "tutte le sedi",
    ),
    "chart.forecast_chart.text": (
        "units per week",
        "pezzi a settimana",
    ),
    "chart.projection_chart.text": (
        "{sku}: projected stock",
        "{sku}: giacenza prevista",
    ),
    "chart.projection_chart.text_2": (
        "units (dotted: safety stock)",
        "pezzi (punteggiato: scorta di sicurezza)",
    ),
    "chart.capacity_chart.label": (
        "forecast demand",
        "domanda prevista",
    ),
    "chart.capacity_chart.label_2": (
        "95% upper end",
        "estremo 95%",
    ),
    "chart.capacity_chart.label_3": (
        "capacity",
        "capacità",
    ),
    "chart.capacity_chart.text": (
        "{plant} · {family} · peak utilization {peak:.0%}",
        "{plant} · {family} · saturazione massima {peak:.0%}",
    ),
    "chart.capacity_chart.text_2": (
        "units per week",
        "pezzi a settimana",
    ),
}
i18n.register(TEXT)

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class ForecastLine:
    """A product's forecast week by week, with its ranges by level (80, 95): (low, high)."""

    sku: str
    name: str
    location: str | None  # None: all locations
    weeks: tuple[dt.date, ...]
    forecast: tuple[float, ...]
    ranges: dict[int, tuple[tuple[float, ...], tuple[float, ...]]]


@dataclass(frozen=True)
class History:
    """Units sold per week: Mondays and quantities."""

    weeks: tuple[dt.date, ...]
    quantities: tuple[float, ...]


@dataclass(frozen=True)
class StockWeek:
    week: dt.date
    projected_on_hand: float


@dataclass(frozen=True)
class StockLine:
    """One location's projected stock."""

    sku: str
    location: str
    safety_stock: float
    weeks: tuple[StockWeek, ...]


@dataclass(frozen=True)
class LoadWeek:
    """A plant and family's week: forecast demand against the capacity in force."""

    plant: str
    family: str
    week: dt.date
    demand: float
    demand_upper: float
    capacity_units: float
    utilization: float | None


HISTORY = "#4a5568"
FORECAST = "#2b6cb0"
CAPACITY = "#c53030"
MAX_PANELS = 6


PANEL_INCHES = 3.2
# Margins in inches, fixed: matplotlib's constrained layout measured every tick label of
# every panel and cost 40% of a chart's time, for the same picture.
TOP, BOTTOM, LEFT, RIGHT, BETWEEN = 0.35, 0.75, 0.95, 0.15, 0.75


def _figure(rows: int = 1) -> Figure:
    # Figure (not pyplot) keeps no global state: safe from any thread.
    from matplotlib.figure import Figure

    width, height = 8.0, PANEL_INCHES * rows
    figure = Figure(figsize=(width, height), dpi=110)
    figure.subplots_adjust(
        left=LEFT / width,
        right=1 - RIGHT / width,
        top=1 - TOP / height,
        bottom=BOTTOM / height,
        hspace=BETWEEN / (PANEL_INCHES - BETWEEN),
    )
    return figure


def _days(days: Sequence[dt.date]) -> np.ndarray:
    return np.array(days, dtype="datetime64[D]")


def _png(figure: Figure) -> bytes:
    # Dates slanted to fit; autofmt_xdate resets the bottom margin unless told ours.
    figure.autofmt_xdate(bottom=BOTTOM / figure.get_figheight())
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def forecast_chart(view: ForecastLine, history: History, lang: str) -> bytes:
    """Weekly sales history, the forecast and its 80% and 95% bands."""
    figure = _figure()
    ax = figure.add_subplot()
    weeks = _days(view.weeks)
    ax.plot(
        _days(history.weeks),
        history.quantities,
        color=HISTORY,
        label=t(lang, "chart.forecast_chart.label"),
    )
    for level, alpha in ((95, 0.15), (80, 0.3)):
        ax.fill_between(
            weeks,
            *view.ranges[level],
            color=FORECAST,
            alpha=alpha,
            label=t(lang, "chart.forecast_chart.label_2", level=level),
        )
    ax.plot(
        weeks,
        view.forecast,
        color=FORECAST,
        marker=".",
        label=t(lang, "chart.forecast_chart.label_3"),
    )
    where = view.location or t(lang, "chart.forecast_chart.where")
    ax.set_title(f"{view.sku} · {view.name} · {where}")
    ax.set_ylabel(t(lang, "chart.forecast_chart.text"))
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize="small")
    return _png(figure)


def projection_chart(projections: Sequence[StockLine], lang: str) -> bytes:
    """Projected stock per location week by week, with the safety stock and zero lines."""
    figure = _figure()
    ax = figure.add_subplot()
    for p in projections:
        line = ax.step(
            _days([w.week for w in p.weeks]),
            [w.projected_on_hand for w in p.weeks],
            where="post",
            label=p.location,
        )
        ax.axhline(p.safety_stock, color=line[0].get_color(), linestyle=":", alpha=0.7)
    ax.axhline(0, color=CAPACITY, linewidth=1)
    first = projections[0]
    ax.set_title(t(lang, "chart.projection_chart.text", sku=first.sku))
    ax.set_ylabel(t(lang, "chart.projection_chart.text_2"))
    ax.grid(alpha=0.3)
    ax.legend(loc="upper right", fontsize="small")
    return _png(figure)


def capacity_chart(weeks: Sequence[LoadWeek], lang: str) -> bytes:
    """Per plant and family: weekly forecast demand (bars, 95% upper end as a tick) against
    the capacity in force (line), and utilization in the panel title."""
    groups: dict[tuple[str, str], list[LoadWeek]] = {}
    for w in weeks:
        groups.setdefault((w.plant, w.family), []).append(w)
    panels = sorted(groups.items(), key=lambda kv: -max(w.utilization or 0 for w in kv[1]))
    panels = panels[:MAX_PANELS]
    figure = _figure(rows=max(1, len(panels)))
    axes = figure.subplots(max(1, len(panels)), 1, squeeze=False)[:, 0]
    for ax, ((plant, family), rows) in zip(axes, panels, strict=False):
        days = _days([w.week for w in rows])
        ax.bar(
            days,
            [w.demand for w in rows],
            width=5,
            color=FORECAST,
            alpha=0.7,
            label=t(lang, "chart.capacity_chart.label"),
        )
        ax.scatter(
            days,
            [w.demand_upper for w in rows],
            marker="_",
            color=FORECAST,
            label=t(lang, "chart.capacity_chart.label_2"),
        )
        ax.step(
            days,
            [w.capacity_units for w in rows],
            where="mid",
            color=CAPACITY,
            label=t(lang, "chart.capacity_chart.label_3"),
        )
        peak = max(w.utilization or 0 for w in rows)
        ax.set_title(t(lang, "chart.capacity_chart.text", plant=plant, family=family, peak=peak))
        ax.set_ylabel(t(lang, "chart.capacity_chart.text_2"))
        ax.grid(alpha=0.3)
        ax.legend(loc="upper left", fontsize="small")
    return _png(figure)
