"""The range of a sum of weeks of a forecast from the weeks' ranges.

A forecast's errors in successive weeks move together: a level that was misjudged stays
misjudged for weeks. So the range of a total is wider than the parts' half-widths added in
quadrature (independent errors) and narrower than the half-widths added up (errors that move
as one). With every pair of parts' errors correlated by rho, the half-width of the sum is

    sqrt(Σw² + rho · ((Σw)² − Σw²))

(exact for normal errors: rho = 0 is quadrature, rho = 1 is plain addition).

The same holds across products: a family's weekly total (an answer about "the pans", the
capacity check's upper bound) sums products whose errors move together when a shock hits the
whole family (a promotion, a customer's order cycle, a season misjudged for all), by how
much differs from company to company. Each forecast run measures it per family from its own
series' errors on the held-out weeks (`error_correlation`), and stores it
(planning.models.ForecastFamily).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import overload

import numpy as np
import pandas as pd

# Measured with bench/forecast_history.py (two companies, 52 to 156 weeks of history, the
# 4, 13 and 26 weeks an answer sums): 80% ranges of totals held 76/66/53% of outcomes in
# quadrature (rho 0), 95/96/96% added up (rho 1), 83/84/82% at 0.15 (95% ranges: 97/93/91).
# Short histories' errors move together more (a missed season): with 52 weeks a 26-week
# total's 80% range held 61-63% even at 0.15; long ones less (86-95% at 156 weeks).
WEEK_CORRELATION = 0.15


@overload
def total_half_width(sum_of_squares: float, sum_of_widths: float, rho: float) -> float: ...
@overload
def total_half_width(
    sum_of_squares: pd.Series, sum_of_widths: pd.Series, rho: float | pd.Series
) -> pd.Series: ...
def total_half_width(
    sum_of_squares: float | pd.Series,
    sum_of_widths: float | pd.Series,
    rho: float | pd.Series,
) -> float | pd.Series:
    """Half-width of a total from its parts' summed squared half-widths and summed
    half-widths, their errors correlated by `rho` (0 independent, 1 moving as one; one per
    total when given as a Series)."""
    spread = sum_of_squares + rho * (sum_of_widths**2 - sum_of_squares)
    if isinstance(spread, pd.Series):
        return np.sqrt(spread.clip(lower=0.0))
    return float(np.sqrt(max(spread, 0.0)))


# Held-out weeks a group's series must share before their errors' correlation is measured
# (fewer and one lucky week decides it); below it the parts count as independent.
MIN_SHARED_WEEKS = 8
# The correlation of every series of a run together (key of `error_correlation`'s result):
# groups that span families.
EVERY_SERIES = ""


def error_correlation(
    errors: pd.DataFrame, group_of: Mapping[str, str], *, min_weeks: int = MIN_SHARED_WEEKS
) -> dict[str, float]:
    """How much the errors of a group's series move together, per group and for all series
    (key EVERY_SERIES), between 0 (independent) and 1 (as one).

    `errors` holds unique_id and held_out_error: each series' errors on its last held-out
    periods, oldest first (NaN rows ignored), all ending on the run's last week. A group's
    series are compared on the weeks all of them held out, the most recent ones: with m_i
    the mean squared error of series i and M that of their sum, the correlation that makes
    the total's range add up (`total_half_width`) is

        rho = (M - Σm_i) / ((Σ√m_i)² - Σm_i)

    Errors' means are kept (a bias shared by a family is a shared error). A group with
    fewer than two series or `min_weeks` shared weeks is left out (its parts then count as
    independent)."""
    known = errors[["unique_id", "held_out_error"]].dropna()
    if known.empty:
        return {}
    known = known.assign(
        back=known.groupby("unique_id").cumcount(ascending=False),
        group=known["unique_id"].map(lambda uid: group_of.get(str(uid))),
    )
    out: dict[str, float] = {}
    every = _correlation(known, min_weeks)
    if every is not None:
        out[EVERY_SERIES] = every
    for group, part in known.dropna(subset=["group"]).groupby("group"):
        rho = _correlation(part, min_weeks)
        if rho is not None:
            out[str(group)] = rho
    return out


def _correlation(part: pd.DataFrame, min_weeks: int) -> float | None:
    depth = part.groupby("unique_id")["back"].max() + 1
    # The weeks most of the group's series held out (series with fewer are left out).
    weeks = int(depth.median()) if len(depth) else 0
    if weeks < min_weeks:
        return None
    members = depth.index[depth >= weeks]
    if len(members) < 2:
        return None
    shared = part[part["unique_id"].isin(members) & (part["back"] < weeks)]
    grid = shared.pivot(index="back", columns="unique_id", values="held_out_error")
    each = (grid**2).mean()
    together = float((grid.sum(axis=1) ** 2).mean())
    alone = float(each.sum())
    spread = float(np.sqrt(each).sum() ** 2) - alone
    if spread <= 0:
        return None
    return float(np.clip((together - alone) / spread, 0.0, 1.0))
