"""Charts as PNG bytes, drawn headless (matplotlib's Agg backend, no screen needed).

`chart_for(outcome, engine)` picks the chart an answer deserves (a forecast, a projection, a
capacity check) or None; Slack uploads it to the thread, the shell saves it and prints the path.
"""

from __future__ import annotations

from bot.charts.draw import capacity_chart, forecast_chart, projection_chart
from bot.charts.pick import Chart, chart_for

__all__ = ["Chart", "capacity_chart", "chart_for", "forecast_chart", "projection_chart"]
