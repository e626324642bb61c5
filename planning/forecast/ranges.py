"""The range of a sum of weeks of a forecast from the weeks' ranges.

A forecast's errors in successive weeks move together: a level that was misjudged stays
misjudged for weeks. So the range of a total is wider than the parts' half-widths added in
quadrature (independent errors) and narrower than the half-widths added up (errors that move
as one). With every pair of parts' errors correlated by rho, the half-width of the sum is

    sqrt(Σw² + rho · ((Σw)² − Σw²))

(exact for normal errors: rho = 0 is quadrature, rho = 1 is plain addition). Products of a
family are still added in quadrature (views._summed, forecast_family_week.spread2): their
errors' correlation differs from company to company (see issue 16's note).
"""

from __future__ import annotations

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
    sum_of_squares: pd.Series, sum_of_widths: pd.Series, rho: float
) -> pd.Series: ...
def total_half_width(
    sum_of_squares: float | pd.Series, sum_of_widths: float | pd.Series, rho: float
) -> float | pd.Series:
    """Half-width of a total from its parts' summed squared half-widths and summed
    half-widths, their errors correlated by `rho` (0 independent, 1 moving as one)."""
    spread = sum_of_squares + rho * (sum_of_widths**2 - sum_of_squares)
    if isinstance(spread, pd.Series):
        return np.sqrt(spread.clip(lower=0.0))
    return float(np.sqrt(max(spread, 0.0)))
