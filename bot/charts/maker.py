"""Charts for Slack answers, drawn in a child process and remembered until the data changes.

Drawing a chart is 60-400 ms of matplotlib, nearly all of it holding Python's GIL: drawn on
an answering thread it stalls every other answer and acknowledgement in the process. So the
data is read here and the drawing runs in one child process (`bot.charts.child`: its own
interpreter, free to use the machine's other core), and each chart is remembered by its
answer (ability, arguments, language, day) until an import or a forecast run changes the
data. A chart that fails, or a child that dies or hangs, costs that chart only: the caller
logs it and the answer stands; the next chart starts a new child.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from bot.charts.child import read_frame, write_frame
from bot.charts.pick import Chart, chart_for
from planning.memo import DataMemo
from tools.assistant import Outcome

CHARTED = ("demand_forecast", "inventory_projection", "capacity_check")
DRAW_TIMEOUT = 60.0  # seconds: a chart later than this is given up (the answer stands)


class ChartFailed(Exception):
    """The child could not draw the chart; the message says why."""


class ChildDrawer:
    """Runs chart builders in a child process, one chart at a time (the child draws one at a
    time anyway; callers wait without holding the GIL)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self._lock:
            self._running()

    def _running(self) -> subprocess.Popen[bytes]:
        if self._child is None or self._child.poll() is not None:
            self._child = subprocess.Popen(
                [sys.executable, "-m", "bot.charts.child"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        return self._child

    def __call__(self, builder: Callable[..., bytes], *args: Any) -> bytes:
        with self._lock:
            child = self._running()
            assert child.stdin is not None and child.stdout is not None
            hung = threading.Timer(DRAW_TIMEOUT, child.kill)
            hung.start()
            try:
                write_frame(child.stdin, (builder.__name__, args))
                reply = read_frame(child.stdout)
            except OSError:
                reply = None
            finally:
                hung.cancel()
            if reply is None:  # dead, killed as hung, or its pipe broke: a new one next time
                child.kill()
                child.wait()
                self._child = None
                raise ChartFailed(f"the chart process stopped (exit code {child.returncode})")
            ok, value = reply
            if not ok:
                raise ChartFailed(str(value))
            return bytes(value)

    def stop(self) -> None:
        with self._lock:
            if self._child is not None:
                self._child.kill()
                self._child.wait()
                self._child = None


_SHARED = ChildDrawer()  # one drawing process per Ponte process, started on first use


def stop_drawing() -> None:
    """Stop this process's chart process (started again should a chart be wanted)."""
    _SHARED.stop()


class ChartMaker:
    """The chart an answer deserves, for one database, drawn by the shared child process."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.memo = DataMemo(size=256)
        _SHARED.start()  # its imports are paid now, not on the first question

    @staticmethod
    def charted(outcome: Outcome) -> bool:
        """Whether the answer deserves a chart at all."""
        return outcome.kind == "answer" and outcome.tool in CHARTED

    def chart(self, outcome: Outcome, *, today: dt.date) -> Chart | None:
        if not self.charted(outcome):
            return None
        args = json.dumps(outcome.args, sort_keys=True, default=str)
        key = (outcome.tool, args, outcome.language, today)
        return self.memo.get(
            self.engine, key, lambda: chart_for(outcome, self.engine, draw=_SHARED)
        )
