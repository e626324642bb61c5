"""Which chart an answer deserves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from bot.render import i18n
from bot.render.i18n import t
from planning.alerts.store import StoredAlert
from planning.answers import CapacityAnswer, ProjectionAnswer, capacity_answer, projection_answer
from planning.errors import PonteError
from planning.forecast.views import ForecastView, forecast_view
from planning.overview import weekly_history
from tools.assistant import Outcome

TEXT: dict[str, tuple[str, str]] = {
    "chart.chart_for.text": (
        "{sku} forecast",
        "{sku} previsione",
    ),
    "chart.chart_for.text_2": (
        "{sku} projected stock",
        "{sku} giacenza prevista",
    ),
    "chart.chart_for.scope": (
        "all families",
        "tutte le famiglie",
    ),
    "chart.chart_for.text_3": (
        "Capacity utilization · {scope}",
        "Saturazione impianti · {scope}",
    ),
}
i18n.register(TEXT)

HISTORY_WEEKS = 52


@dataclass(frozen=True)
class Chart:
    filename: str
    title: str
    png: bytes


# draw(builder, *args) -> PNG bytes: where a chart builder runs (here, or in a child process).
Draw = Callable[..., bytes]


def draw_here(builder: Callable[..., bytes], *args: Any) -> bytes:
    return builder(*args)


def chart_for(outcome: Outcome, engine: Engine, *, draw: Draw = draw_here) -> Chart | None:
    """The chart for a forecast, projection or capacity answer; None for any other outcome.
    Its data is read here; `draw` runs the matplotlib builder (see bot.charts.maker)."""
    if outcome.kind != "answer":
        return None
    return _chart_of(outcome.result, engine, outcome.language, draw)


def _chart_of(result: Any, engine: Engine, lang: str, draw: Draw) -> Chart | None:
    """The chart of a planning result, its data handed to `draw` as bot.charts.draw's plain
    records (what the chart process can read without the planning code)."""
    from bot.charts import draw as d

    if isinstance(result, ForecastView) and result.periods:
        sold = weekly_history(
            engine, result.sku, until=result.start, weeks=HISTORY_WEEKS, location=result.location
        )
        periods = result.periods

        def column(field: str) -> tuple[float, ...]:
            return tuple(float(getattr(p, field)) for p in periods)

        line = d.ForecastLine(
            result.sku, result.name, result.location,
            weeks=tuple(p.period for p in periods),
            forecast=column("forecast"),
            ranges={level: (column(f"lo_{level}"), column(f"hi_{level}")) for level in (80, 95)},
        )  # fmt: skip
        history = d.History(tuple(sold["week"]), tuple(sold["quantity"].astype(float).tolist()))
        return Chart(
            f"forecast-{result.sku}.png",
            t(lang, "chart.chart_for.text", sku=result.sku),
            draw(d.forecast_chart, line, history, lang),
        )
    if isinstance(result, ProjectionAnswer) and result.projections:
        lines = [
            d.StockLine(p.sku, p.location, p.safety_stock,
                        tuple(d.StockWeek(w.week, w.projected_on_hand) for w in p.weeks))
            for p in result.projections
        ]  # fmt: skip
        return Chart(
            f"projection-{result.sku}.png",
            t(lang, "chart.chart_for.text_2", sku=result.sku),
            draw(d.projection_chart, lines, lang),
        )
    if isinstance(result, CapacityAnswer) and result.weeks:
        scope = result.family or t(lang, "chart.chart_for.scope")
        weeks = [
            d.LoadWeek(w.plant, w.family, w.week, w.demand, w.demand_upper, w.capacity_units,
                       w.utilization)
            for w in result.weeks
        ]  # fmt: skip
        return Chart(
            f"capacity-{(result.family or 'all').lower()}.png",
            t(lang, "chart.chart_for.text_3", scope=scope),
            draw(d.capacity_chart, weeks, lang),
        )
    return None


# The weeks an alert's chart shows: a stockout within lead time is near, an excess and a
# capacity problem reach over the horizon the rules check.
ALERT_WEEKS = {"stockout": 12, "excess": 26, "capacity": 26, "quota": 26, "drift": 12}


def alert_chart(
    alert: StoredAlert, engine: Engine, *, today: dt.date, lang: str, draw: Draw = draw_here
) -> Chart | None:
    """The chart behind an alert, for its message's thread, drawn as the answer to the same
    question would be: the product's projected stock at the place (stockout, excess), the
    plant's load against capacity (capacity, quota), the product's forecast against its
    sales (drift). None when its data is gone (a product or plant since removed)."""
    weeks = ALERT_WEEKS.get(alert.rule, 12)
    result: Any
    try:
        if alert.rule in ("stockout", "excess") and alert.sku:
            result = projection_answer(engine, alert.sku, today=today, weeks=weeks,
                                       location=alert.location)  # fmt: skip
        elif alert.rule == "drift" and alert.sku:
            result = forecast_view(engine, alert.sku, today=today, weeks=weeks)
        elif alert.family:
            result = capacity_answer(engine, today=today, family=alert.family,
                                     plant=alert.plant, weeks=weeks)  # fmt: skip
        else:
            return None
    except PonteError:
        return None
    return _chart_of(result, engine, lang, draw)
