"""Demand patterns (Syntetos-Boylan): which family of models suits a series.

ADI is the average interval between non-zero demands, CV² the squared coefficient of
variation of the non-zero sizes. The cut-offs 1.32 and 0.49 are Syntetos, Boylan & Croston
(2005): below both, demand is smooth; long gaps make it intermittent; volatile sizes make it
erratic; both make it lumpy.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import numpy.typing as npt

ADI_CUTOFF = 1.32
CV2_CUTOFF = 0.49
# Fewer observations than this and no model can be validated: a flagged fallback is used.
MIN_HISTORY = 6


def held_out(periods: int, horizon: int) -> int:
    """How many of a series' last periods validate its models: the horizon, at most a
    quarter of the history (planning.forecast.model; a season is validated only when a whole
    one comes before them)."""
    return min(horizon, max(1, periods // 4))


class DemandPattern(StrEnum):
    smooth = "smooth"
    erratic = "erratic"
    intermittent = "intermittent"
    lumpy = "lumpy"
    too_short = "too_short"
    all_zero = "all_zero"

    @property
    def sporadic(self) -> bool:
        """Intermittent or lumpy: Croston-type models, not ETS/Theta."""
        return self in (DemandPattern.intermittent, DemandPattern.lumpy)


def classify(y: npt.NDArray[np.float64]) -> DemandPattern:
    """Classify one series of per-period demand (NaN-free, oldest first)."""
    nonzero = y[y != 0]
    if nonzero.size == 0:
        return DemandPattern.all_zero
    if y.size < MIN_HISTORY:
        return DemandPattern.too_short
    adi = y.size / nonzero.size
    mean = nonzero.mean()
    cv2 = float((nonzero.std() / mean) ** 2) if mean != 0 else 0.0
    if adi < ADI_CUTOFF:
        return DemandPattern.smooth if cv2 < CV2_CUTOFF else DemandPattern.erratic
    return DemandPattern.intermittent if cv2 < CV2_CUTOFF else DemandPattern.lumpy
