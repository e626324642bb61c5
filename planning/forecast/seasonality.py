"""A season for products with too little history to validate one of their own: borrowed
from the family, or read from the one year they have.

A product launched last spring cannot show its own yearly season, but its sister products
(same family, any location) with two years or more usually can. For each family, the
seasonal profile is pooled over those sisters: each series' sales over its centred 52-week
moving average, averaged by week of the year, over the years and then over the sisters,
smoothed and scaled to average 1. It is used only when it stands clearly above the noise
it was estimated with (its variance across the weeks of the year more than
`MIN_SIGNAL_TO_NOISE` times the variance the averaging leaves); a family without such a
profile lends nothing.

A short series is divided by its family's profile before the models see it (so they learn
its level and trend without the season), and its forecast and ranges are multiplied back by
the profile of the weeks ahead, but only if the profile fits what it sold so far (less
variation around a straight line once divided by it): a product that sells against its
family's season, or a family whose products peak at different times (their pooled profile
fits none of them), keeps its own course. Measured by taking a third of a company's products
back to 26-64 weeks of history: on the demo (families share a season) WAPE on those products
went from 25.4/20.6/19.0/18.9% to 16.7/15.2/16.4/16.6% at 26/40/52/64 weeks, bias from
-23/-16/-14/-14% to -6/-2/-5/-6%; on the hardware company (each product peaks in its own
week) 35.1/31.5/29.4/28.0% to 36.0/32.2/28.0/26.7%. (Also requiring the sisters to agree
with each other cost the demo up to 2 points and gained hardware under 1.) The model name
says so (`…, season of PADELLE`), and the forecast's explanation tells the planner.

A series with a year of history or a little more that borrows nothing (a company whose
sales file starts a year ago has no sister with two years) takes the season its own year
shows, when that year rose and fell more clearly than a trend or a single step explains
(`one_year_profile`); the model name ends `…, season from its one year`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from planning.forecast.classify import DemandPattern, classify, held_out

Array = npt.NDArray[np.float64]
# A sister lends its season once it has this many seasons of history.
MIN_SISTER_SEASONS = 2
# The profile's spread across the year must exceed this many times its estimation noise.
MIN_SIGNAL_TO_NOISE = 4.0
# Weeks (periods) either side averaged to smooth the profile (weekly profiles are noisy).
SMOOTHING = 2
# No period of the profile below this share of the average (a near-zero week would blow a
# division up).
FLOOR = 0.2
BORROWED = ", season of "
# A series with a year of history or a little more (too little to validate a season of its
# own: planning.forecast.model needs a whole season before its held-out periods) may still
# show its own, when the year rose and fell clearly: its sales are fitted with a straight
# line plus `HARMONICS` yearly waves (52, 26 and 17 weeks), and the waves are kept when they
# explain the year better than the line alone, than the line with one step (a new customer,
# a lost listing: a level that moved once, which a single year cannot tell from a season
# but which must not come back next year) and than the line times its family's season when
# that fits it, all judged by the Bayesian information criterion. Only for seasons of at least
# `MIN_YEAR_PERIODS` periods (weeks: a monthly year has too few points for eight numbers).
HARMONICS = 3
MIN_YEAR_PERIODS = 32
# Periods at either end of the year where the step model may not put its step.
STEP_MARGIN = 4
ONE_YEAR = ", season from its one year"
# The `family` of a profile a series found in its own year.
OWN = ""


@dataclass(frozen=True)
class Profile:
    family: str
    factors: Array  # one per period of the year, averaging 1
    sisters: int


def position_in_year(ds: pd.Series, season: int) -> npt.NDArray[np.int64]:
    """0-based period of the year: ISO week (week 53 folded into 52) or month."""
    stamps = pd.to_datetime(ds)
    if season == 12:
        return np.asarray(stamps.dt.month.to_numpy() - 1, dtype=np.int64)
    week = stamps.dt.isocalendar().week.to_numpy(dtype=np.int64)
    return np.asarray(np.minimum(week, season) - 1, dtype=np.int64)


@dataclass(frozen=True)
class _Rows:
    """A history's columns and each series' rows, read once for both passes over it."""

    y: Array
    skus: npt.NDArray[np.object_]
    positions: npt.NDArray[np.int64]  # period of the year of every row
    series: dict[str, npt.NDArray[np.int64]]  # unique_id -> its rows

    @staticmethod
    def of(history: pd.DataFrame, season: int) -> _Rows:
        groups = history.groupby("unique_id", sort=False).indices
        return _Rows(
            y=history["y"].to_numpy(dtype=np.float64),
            skus=history["sku" if "sku" in history else "unique_id"].to_numpy(dtype=object),
            positions=position_in_year(history["ds"], season),
            series={str(u): np.asarray(r, dtype=np.int64) for u, r in groups.items()},
        )


def family_profiles(
    history: pd.DataFrame, families: Mapping[str, str], season: int
) -> dict[str, Profile]:
    """Per family, the pooled seasonal profile of its long, regular series (if it is real)."""
    return _profiles(_Rows.of(history, season), families, season)


def _profiles(data: _Rows, families: Mapping[str, str], season: int) -> dict[str, Profile]:
    ratios: dict[str, list[tuple[npt.NDArray[np.int64], Array]]] = {}
    for rows in data.series.values():
        family = families.get(str(data.skus[rows[0]]))
        y = data.y[rows]
        if family is None or y.size < MIN_SISTER_SEASONS * season:
            continue
        if classify(y) not in (DemandPattern.smooth, DemandPattern.erratic):
            continue
        level = _centred_average(y, season)
        inside = np.isfinite(level) & (level > 0)
        ratios.setdefault(family, []).append(
            (data.positions[rows][inside], y[inside] / level[inside])
        )
    profiles = {}
    for family, series in ratios.items():
        profile = _pooled(series, season)
        if profile is not None:
            profiles[family] = Profile(family, profile, len(series))
    return profiles


def _centred_average(y: Array, season: int) -> Array:
    """The 2x`season` centred moving average (NaN where the window does not fit)."""
    half = season // 2
    out = np.full(y.size, np.nan)
    if y.size <= season:
        return out
    window = np.ones(season + 1)
    window[0] = window[-1] = 0.5  # an even season: the classical 2xm average
    out[half : y.size - half] = np.convolve(y, window / season, mode="valid")
    return out


def _pooled(series: list[tuple[npt.NDArray[np.int64], Array]], season: int) -> Array | None:
    """The sisters' profiles averaged, smoothed and normalised; None when it is noise."""
    profiles, noise = [], []
    for position, ratio in series:
        counts = np.bincount(position, minlength=season)
        if (counts > 0).sum() < season - 2:  # a series that misses part of the year
            continue
        sums = np.bincount(position, weights=ratio, minlength=season)
        seen = np.flatnonzero(counts)
        # A period it never saw (two years whose middle holds an ISO week 53 see week 52
        # twice and another week not at all): from the periods either side.
        mean = np.interp(np.arange(season), seen, sums[seen] / counts[seen], period=season)
        counts = np.maximum(counts, 1)
        squares = np.bincount(position, weights=(ratio - mean[position]) ** 2, minlength=season)
        profiles.append(mean)
        # Noise of each period's mean: the ratios' spread around it, over how many there are
        # (with one year per period, the week-to-week spread stands in for it).
        spread = squares / np.maximum(counts - 1, 1)
        spread = np.where(counts > 1, spread, np.var(ratio - mean[position]) or np.var(ratio))
        noise.append(spread / counts)
    if not profiles:
        return None
    raw = np.mean(profiles, axis=0)
    variance_of_mean = np.mean(noise, axis=0) / len(profiles)
    kernel = np.ones(2 * SMOOTHING + 1) / (2 * SMOOTHING + 1)
    padded = np.concatenate([raw[-SMOOTHING:], raw, raw[:SMOOTHING]])
    smooth = np.convolve(padded, kernel, mode="valid")
    smooth_noise = float(np.mean(variance_of_mean)) / (2 * SMOOTHING + 1)
    if np.var(smooth) < MIN_SIGNAL_TO_NOISE * smooth_noise:
        return None
    smooth = np.maximum(smooth / smooth.mean(), FLOOR)
    return smooth / smooth.mean()


def one_year_profile(
    y: Array, positions: npt.NDArray[np.int64], season: int, rival: Array | None = None
) -> Array | None:
    """The season a single year of `y` shows (factors per period of the year, averaging 1),
    or None when a trend or one step explains the year as well (see HARMONICS), or, given a
    `rival` season (its family's factors per period of the year), a line times that one."""
    n = y.size
    if not one_year_possible(n, season) or not np.isfinite(y).all():
        return None
    t = np.arange(n, dtype=np.float64)
    line = np.column_stack([np.ones(n), t])
    angle = 2 * np.pi * np.outer(positions, np.arange(1, HARMONICS + 1)) / season
    waves = np.column_stack([np.sin(angle), np.cos(angle)])
    coefficients, *_ = np.linalg.lstsq(np.column_stack([line, waves]), y, rcond=None)
    with_waves = float(np.sum((y - np.column_stack([line, waves]) @ coefficients) ** 2))
    fitted_line, *_ = np.linalg.lstsq(line, y, rcond=None)
    residual = y - line @ fitted_line
    alone = float(residual @ residual)
    # The best single step: each step column with the line taken out of it, at once.
    steps = (t[:, None] >= t[None, STEP_MARGIN : n - STEP_MARGIN]).astype(np.float64)
    taken, *_ = np.linalg.lstsq(line, steps, rcond=None)
    steps -= line @ taken
    norms = np.einsum("ij,ij->j", steps, steps)
    gains = np.where(norms > 0, (residual @ steps) ** 2 / np.where(norms > 0, norms, 1), 0.0)
    with_step = alone - float(gains.max(initial=0.0))

    def bic(rss: float, numbers: int) -> float:
        return n * math.log(max(rss, 1e-9) / n) + numbers * math.log(n)

    contenders = [bic(alone, 2), bic(with_step, 4)]
    if rival is not None:
        scaled = line * rival[positions][:, None]
        fitted, *_ = np.linalg.lstsq(scaled, y, rcond=None)
        contenders.append(bic(float(np.sum((y - scaled @ fitted) ** 2)), 2))
    if bic(with_waves, 2 + 2 * HARMONICS) >= min(contenders):
        return None
    level = float(np.mean(y))
    if level <= 0:
        return None
    every = 2 * np.pi * np.outer(np.arange(season), np.arange(1, HARMONICS + 1)) / season
    wave = np.column_stack([np.sin(every), np.cos(every)]) @ coefficients[2:]
    factors = np.maximum(1 + wave / level, FLOOR)
    return np.asarray(factors / factors.mean(), dtype=np.float64)


def one_year_possible(periods: int, season: int) -> bool:
    """Whether a series this long may show a season in its one year (`one_year_profile`)."""
    return season >= MIN_YEAR_PERIODS and periods >= season


def own_season_possible(periods: int, horizon: int, season: int) -> bool:
    """Whether the demand model can validate a season on this much history (see
    planning.forecast.model: a season before the held-out periods)."""
    return periods - held_out(periods, horizon) >= season


def _spread(y: Array) -> float:
    """Variation around a straight line, relative to the level (what a season explains)."""
    t = np.arange(y.size, dtype=np.float64)
    slope, intercept = np.polyfit(t, y, 1)
    level = float(np.mean(y)) or 1.0
    return float(np.std(y - (slope * t + intercept)) / abs(level))


def borrow_seasons(
    history: pd.DataFrame,
    families: Mapping[str, str],
    *,
    horizon: int,
    season: int,
) -> tuple[pd.DataFrame, dict[str, Profile]]:
    """`history` with each short regular series divided by a season it cannot validate on
    its own (the season its one year shows, when it has one and that explains the year
    better than its family's profile; else that profile when it fits), and which series
    took one (unique_id -> profile)."""
    if history.empty or (season < MIN_YEAR_PERIODS and not families):
        return history, {}
    data = _Rows.of(history, season)
    profiles = _profiles(data, families, season) if families else {}
    y = data.y.copy()
    borrowed: dict[str, Profile] = {}
    for uid, rows in data.series.items():
        if own_season_possible(rows.size, horizon, season):
            continue
        if classify(y[rows]) not in (DemandPattern.smooth, DemandPattern.erratic):
            continue
        positions = data.positions[rows]
        profile = profiles.get(families.get(str(data.skus[rows[0]]), ""))
        if profile is not None and _spread(y[rows] / profile.factors[positions]) >= _spread(
            y[rows]
        ):
            profile = None  # the family's season does not fit what this product sold so far
        # A year of its own may show a season that fits it better than its family's (sisters
        # that peak in different weeks pool into a profile that suits few of them).
        factors = one_year_profile(
            y[rows], positions, season, profile.factors if profile is not None else None
        )
        if factors is not None:
            profile = Profile(OWN, factors, 0)
        if profile is not None:
            y[rows] = y[rows] / profile.factors[positions]
            borrowed[uid] = profile
    return history.assign(y=y), borrowed


def season_back(values: pd.DataFrame, borrowed: Mapping[str, Profile], season: int) -> None:
    """Multiply, in place, the forecasts and ranges of the series that borrowed a season by
    their family's profile, and name it in their model."""
    if not borrowed:
        return
    rows = values["unique_id"].isin(list(borrowed)).to_numpy()
    position = position_in_year(values.loc[rows, "ds"], season)
    lenders = values.loc[rows, "unique_id"]
    factors = np.array([borrowed[u].factors[p] for u, p in zip(lenders, position, strict=True)])
    for column in ("forecast", "lo_80", "hi_80", "lo_95", "hi_95"):
        values.loc[rows, column] = values.loc[rows, column].to_numpy() * factors
    values.loc[rows, "model"] = [
        with_season(m, borrowed[u].family)
        for u, m in zip(values.loc[rows, "unique_id"], values.loc[rows, "model"], strict=True)
    ]


def with_season(model: str, family: str) -> str:
    """The model name of a series that borrowed its family's season, or (`family` OWN)
    took the season of its one year (fits 120 characters)."""
    suffix = ONE_YEAR if family == OWN else BORROWED + family
    return model[: 120 - len(suffix)] + suffix


def season_lender(model: str) -> str | None:
    """The family whose season a series borrowed, from its model name, if it did."""
    if BORROWED not in model:
        return None
    return model.rsplit(BORROWED, 1)[1]


def season_of_one_year(model: str) -> bool:
    """Whether a series' season is the one its single year of history showed."""
    return model.endswith(ONE_YEAR)
