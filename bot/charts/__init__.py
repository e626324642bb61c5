"""Charts as PNG bytes, drawn headless (matplotlib's Agg backend, no screen needed).

`bot.charts.pick.chart_for(outcome, engine)` picks the chart an answer deserves (a forecast,
a projection, a capacity check) or None; Slack uploads it to the thread, the shell saves it
and prints the path. This package imports nothing itself: the chart process
(bot.charts.child) loads only the drawing code.
"""
