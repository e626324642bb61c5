"""The alert replay: stock rebuilt from snapshots, sales and receipts, and the demo company's
past problems found, warned about ahead, and scored."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import Engine

from planning.alerts.replay import replay_alerts, stock_on
from planning.alerts.rules import AlertSettings
from planning.demo import (
    DEMO_SCENARIO,
    PAST_OVERRUN_WEEKS_AGO,
    PAST_STOCKOUT_WEEKS_AGO,
)
from planning.errors import PonteError
from planning.projection import week_monday
from tests.conftest import DEMO_TODAY

D = dt.date
THIS_MONDAY = week_monday(DEMO_TODAY)


def weeks_ago(n: int) -> dt.date:
    return THIS_MONDAY - dt.timedelta(weeks=n)


def test_stock_is_rolled_forward_from_the_last_snapshot_and_back_from_the_first() -> None:
    snapshots = pd.DataFrame(
        {"sku": ["A", "A"], "location": ["W", "W"], "as_of": [D(2026, 3, 1), D(2026, 3, 15)],
         "on_hand": [100.0, 130.0]}
    )  # fmt: skip
    # Sold 20 on 3 Mar and 30 on 10 Mar; 50 received on 12 Mar; sold 5 on 20 Mar.
    flows = pd.DataFrame(
        {"sku": ["A"] * 4, "location": ["W"] * 4,
         "day": [D(2026, 3, 3), D(2026, 3, 10), D(2026, 3, 12), D(2026, 3, 20)],
         "quantity": [-20.0, -30.0, 50.0, -5.0]}
    )  # fmt: skip
    days = [D(2026, 2, 28), D(2026, 3, 5), D(2026, 3, 12), D(2026, 3, 21)]
    stock = stock_on(snapshots, flows, days).set_index("day")["on_hand"]
    assert stock[D(2026, 2, 28)] == 100  # before the first snapshot: nothing moved since
    assert stock[D(2026, 3, 5)] == 80  # 100 - 20
    assert stock[D(2026, 3, 12)] == 100  # 100 - 20 - 30 + 50
    assert stock[D(2026, 3, 21)] == 125  # the later snapshot, 130, less the 5 sold since


def test_replay_warns_of_the_past_stockout_ahead_and_keeps_todays_open(
    demo_engine: Engine,
) -> None:
    out = weeks_ago(PAST_STOCKOUT_WEEKS_AGO)
    replay = replay_alerts(
        demo_engine,
        start=out - dt.timedelta(weeks=5),
        end=out,
        today=DEMO_TODAY,
        settings=AlertSettings(),
    )
    entity = f"{DEMO_SCENARIO.past_stockout_sku}@WH-MIL"
    (happened,) = [h for h in replay.happened if h.entity == entity]
    assert happened.week == out
    # Warned while the late batch could still be chased: at least two weeks before.
    assert happened.warned_weeks is not None and happened.warned_weeks >= 2
    (alert,) = [r for r in replay.raised if r.entity == entity and r.kind == "stockout"]
    assert alert.verdict == "true"
    stockout = next(f for f in replay.figures if f.rule == "stockout")
    assert stockout.happened >= 1 and stockout.warned >= 1
    judged = [r for r in replay.raised if r.rule == "stockout" and r.kind == "stockout"]
    assert stockout.false_alarms == sum(1 for r in judged if r.verdict == "false")
    assert stockout.false_posted == sum(
        1 for r in judged if r.verdict == "false" and r.severity in ("high", "medium")
    )
    assert replay.weeks == 6


def test_replay_sees_the_past_line_stop_coming_and_never_uses_later_sales(
    demo_engine: Engine,
) -> None:
    stop = weeks_ago(PAST_OVERRUN_WEEKS_AGO)
    plant, family = DEMO_SCENARIO.past_overrun
    replay = replay_alerts(
        demo_engine, start=stop - dt.timedelta(weeks=2), end=stop, today=DEMO_TODAY,
        settings=AlertSettings(),
    )  # fmt: skip
    (happened,) = [h for h in replay.happened if h.entity == f"{plant}/{family}"]
    assert happened.week == stop and happened.warned_weeks == 2
    capacity = next(f for f in replay.figures if f.rule == "capacity")
    assert capacity.warned >= 1
    # The same replay a week shorter found the same problems in the weeks both scanned:
    # a scan never saw what came after its Monday.
    shorter = replay_alerts(
        demo_engine, start=stop - dt.timedelta(weeks=2), end=stop - dt.timedelta(weeks=1),
        today=DEMO_TODAY, settings=AlertSettings(),
    )  # fmt: skip
    first = {(r.fingerprint, r.first) for r in shorter.raised}
    assert first == {(r.fingerprint, r.first) for r in replay.raised if r.first < stop}


@pytest.mark.parametrize(
    ("start", "end", "says"),
    [
        (D(2026, 10, 5), D(2026, 9, 7), "is after its --to"),
        (D(2026, 11, 2), D(2026, 11, 30), "can run to the week of 2026-11-16 at the latest"),
        (D(2023, 11, 27), D(2023, 12, 4), "needs at least 8 weeks of sales before 2023-11-27"),
    ],
)
def test_a_replay_that_cannot_run_says_why(
    demo_engine: Engine, start: dt.date, end: dt.date, says: str
) -> None:
    with pytest.raises(PonteError, match=says):
        replay_alerts(demo_engine, start=start, end=end, today=DEMO_TODAY, settings=AlertSettings())
