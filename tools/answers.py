"""Typed results of the tools that wrap more than one planning result.

Planning results (StockStatus, FamilyStock, ForecastView, ForecastExplanation) are returned
as they are; these add the provenance or the scope a renderer needs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from planning.atp import AtpResult
from planning.capacity import CapacityWeek
from planning.projection import InventoryProjection
from planning.quotas import QuotaStatus
from planning.supply import Provenance


@dataclass(frozen=True)
class ProjectionAnswer:
    sku: str
    name: str
    projections: tuple[InventoryProjection, ...]
    provenance: Provenance


@dataclass(frozen=True)
class CapacityAnswer:
    family: str | None
    plant: str | None
    weeks: tuple[CapacityWeek, ...]
    provenance: Provenance
    period: str | None = None  # YYYY-MM or YYYY-Qn when the question named one
    covered_until: dt.date | None = None  # the forecast's last day, when the period goes past


@dataclass(frozen=True)
class AtpAnswer(AtpResult):
    """Available-to-promise, flat: the planning result's fields (`feasible`, `earliest_date`
    are what a caller reads), plus the product's name and where the numbers come from."""

    name: str
    provenance: Provenance

    @classmethod
    def of(cls, result: AtpResult, name: str, provenance: Provenance) -> AtpAnswer:
        fields = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
        return cls(**fields, name=name, provenance=provenance)


@dataclass(frozen=True)
class QuotaAnswer:
    period: str
    scope: str  # self, team, person, territory, all
    whose: str | None  # the person or territory asked about
    statuses: tuple[QuotaStatus, ...]


@dataclass(frozen=True)
class HelpAnswer:
    name: str
    role: str
    abilities: tuple[str, ...]  # what this person can ask now
    coming: tuple[str, ...]  # recognised, arriving with later capabilities
    sample: dict[str, str]  # a product and family of the company's, for the examples
