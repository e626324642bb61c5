"""One-off weeks a forecast must not repeat: promotions and spikes, taken out of the history
the models learn from.

A seasonal model copies last year: a promotion week that sold twice the usual comes back a
year later as a forecast peak nobody planned (the demo's PAD-28 sold 585 in a February
promotion week against ~350 around it, and its forecast for the same week a year on was
503). Before the models see a series, each week that is a one-off is replaced by the
median of the weeks around it:

- a week the sales file flags as a promotion (`promo` column), always;
- a spike: the week sold more than SPIKE_SIGMAS robust standard deviations (1.4826 x the
  median absolute deviation) above the median of its neighbours, and at least
  SPIKE_MIN_LIFT above it, *and* the same week a season earlier or later (one week either
  side) was no peak: a peak that comes back every year is the season, which must stay.

Sporadic series (intermittent, lumpy) are left alone: in them every sale is a spike. The
last NEIGHBOURS weeks escape the spike rule: a jump there may be the start of a new level,
which only the weeks after it can tell. (Monthly forecasts apply the same rule to months.)
What was replaced is kept with the run (planning.models.ForecastAdjustment), so the
forecast's explanation can say which weeks it did not repeat.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view

from planning.forecast.classify import DemandPattern, classify

Array = npt.NDArray[np.float64]
Reason = Literal["promotion", "spike"]

NEIGHBOURS = 4  # weeks either side whose median is a week's usual level
SPIKE_SIGMAS = 4.5
SPIKE_MIN_LIFT = 0.3  # a spike sells at least 30% above its neighbours' median
RECURRING_SIGMAS = SPIKE_SIGMAS / 2  # the same week a season away this high: the season
MIN_WEEKS = 2 * NEIGHBOURS + 1


@dataclass(frozen=True)
class OneOffs:
    """A series with its one-off weeks replaced, and which weeks those were."""

    cleaned: Array
    weeks: npt.NDArray[np.int64]  # positions in the series
    reasons: tuple[Reason, ...]


def usual_level(y: Array, skip: npt.NDArray[np.bool_]) -> Array:
    """Each week's neighbours' median (NEIGHBOURS either side, the week itself and the
    `skip` weeks left out; fewer at the ends). A week whose neighbours are all skipped (in a
    campaign of several promotion weeks) gets the median of every week not skipped."""
    padded = np.concatenate([np.full(NEIGHBOURS, np.nan), y, np.full(NEIGHBOURS, np.nan)])
    padded[NEIGHBOURS : NEIGHBOURS + y.size][skip] = np.nan
    windows = sliding_window_view(padded, 2 * NEIGHBOURS + 1).copy()
    windows[:, NEIGHBOURS] = np.nan
    with warnings.catch_warnings():  # a week whose neighbours are all skipped has no level
        warnings.simplefilter("ignore", RuntimeWarning)
        level = np.nanmedian(windows, axis=1)
    kept = y[~skip]
    return np.where(np.isnan(level), float(np.median(kept)) if kept.size else 0.0, level)


def one_off_weeks(y: Array, season: int, promo: npt.NDArray[np.bool_] | None = None) -> OneOffs:
    """The weeks of `y` a forecast must not learn from (see the module), replaced."""
    y = np.asarray(y, dtype=np.float64)
    pattern = classify(y)
    if y.size < MIN_WEEKS or pattern.sporadic or pattern is DemandPattern.all_zero:
        return OneOffs(y, np.array([], dtype=np.int64), ())
    flagged = np.zeros(y.size, dtype=bool) if promo is None else np.asarray(promo, dtype=bool)
    level = usual_level(y, flagged)
    flagged &= y > level  # a promotion that sold no more than usual changes nothing
    lift = y - level
    sigma = 1.4826 * float(np.median(np.abs(lift[~flagged]))) if (~flagged).any() else 0.0
    # Counts of a few units a week vary by their square root at least.
    sigma = max(sigma, float(np.sqrt(max(np.median(level), 1.0))))
    peak = (lift > SPIKE_SIGMAS * sigma) & (y > (1 + SPIKE_MIN_LIFT) * level) & ~flagged
    peak[y.size - NEIGHBOURS :] = False
    high = lift > RECURRING_SIGMAS * sigma
    spikes = np.zeros(y.size, dtype=bool)
    for week in np.flatnonzero(peak):
        near = [week + sign * season + d for sign in (-1, 1) for d in (-1, 0, 1)]
        if not any(0 <= k < y.size and high[k] for k in near):
            spikes[week] = True
    replaced = flagged | spikes
    if not replaced.any():
        return OneOffs(y, np.array([], dtype=np.int64), ())
    level = usual_level(y, replaced)
    cleaned = np.where(replaced, level, y)
    weeks = np.flatnonzero(replaced)
    reasons: tuple[Reason, ...] = tuple("promotion" if flagged[w] else "spike" for w in weeks)
    return OneOffs(cleaned, weeks, reasons)


def take_out_one_offs(history: pd.DataFrame, season: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`history` (unique_id, ds, y[, promo]) with each series' one-off weeks replaced, and
    the replacements (unique_id, ds, actual, used, reason)."""
    actual = history["y"].to_numpy(dtype=np.float64)
    learned = actual.copy()
    promo = history["promo"].to_numpy(dtype=bool) if "promo" in history.columns else None
    where: list[npt.NDArray[np.int64]] = []
    reasons: list[Reason] = []
    for positions in history.groupby("unique_id", sort=False).indices.values():
        rows = np.asarray(positions, dtype=np.int64)
        found = one_off_weeks(actual[rows], season, None if promo is None else promo[rows])
        if found.weeks.size:
            learned[rows[found.weeks]] = found.cleaned[found.weeks]
            where.append(rows[found.weeks])
            reasons.extend(found.reasons)
    replaced = np.concatenate(where) if where else np.array([], dtype=np.int64)
    adjustments = pd.DataFrame(
        {
            "unique_id": history["unique_id"].to_numpy()[replaced],
            "ds": history["ds"].to_numpy()[replaced],
            "actual": actual[replaced],
            "used": learned[replaced],
            "reason": reasons,
        }
    )
    return history.assign(y=learned), adjustments
