"""Charts for Slack answers are drawn by a child process and remembered until the data
changes; a chart that cannot be drawn, or a child that dies, costs that chart only."""

from __future__ import annotations

import os
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.charts import maker as maker_module
from bot.charts.draw import projection_chart
from bot.charts.maker import ChartFailed, ChartMaker, ChildDrawer
from bot.charts.pick import chart_for
from tests.conftest import DEMO_TODAY, Ask

PNG = b"\x89PNG\r\n\x1a\n"


class Refusing:
    """A drawer that must not be asked."""

    def __call__(self, builder: Any, *args: Any) -> bytes:
        raise AssertionError("drawn again")


def test_a_chart_is_drawn_in_a_child_process_and_remembered(
    ask: Ask, demo_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    maker = ChartMaker(demo_engine)
    outcome = ask("forecast PAD-28 next 8 weeks", user="U01WALKER")
    chart = maker.chart(outcome, today=DEMO_TODAY)
    assert chart is not None and chart.png.startswith(PNG)
    assert chart.filename == "forecast-PAD-28.png"
    child = maker_module._SHARED._child
    assert child is not None and child.poll() is None and child.pid != os.getpid()
    monkeypatch.setattr(maker_module, "_SHARED", Refusing())
    assert maker.chart(outcome, today=DEMO_TODAY) == chart  # remembered, not drawn again
    assert maker.chart(ask("stock PAD-28", user="U01WALKER"), today=DEMO_TODAY) is None


def test_a_chart_that_fails_costs_that_chart_only() -> None:
    drawer = ChildDrawer()
    try:
        with pytest.raises(ChartFailed, match="IndexError"):
            drawer(projection_chart, [], "en")  # nothing to draw
        first = drawer._child
        assert first is not None and first.poll() is None  # the child lives on
        with pytest.raises(ChartFailed, match="AttributeError"):
            drawer(Refusing.__call__)  # not a chart builder at all
        assert drawer._child is first
    finally:
        drawer.stop()


def test_a_child_that_died_is_replaced_on_the_next_chart(ask: Ask, demo_engine: Engine) -> None:
    drawer = ChildDrawer()
    try:
        drawer.start()
        first = drawer._child
        assert first is not None
        first.kill()
        first.wait()
        outcome = ask("when do we run out of PAD-28?", user="U01COLOMBO")
        chart = chart_for(outcome, demo_engine, draw=drawer)
        assert chart is not None and chart.png.startswith(PNG)
        assert drawer._child is not None and drawer._child.pid != first.pid
    finally:
        drawer.stop()
