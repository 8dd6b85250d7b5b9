"""What one tender contributes to the organisation's dashboard KPIs (DOMAIN: six KPIs across
projects): its indicators that feed each KPI, with targets and realised values added up per unit.
No Qt; the future portfolio dashboard adds these up across sessions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from compass.core.session import Indicator, SessionSnapshot
from compass.reference.types import Kpi, ReferenceData


@dataclass(frozen=True)
class KpiContribution:
    kpi: Kpi
    indicators: tuple[Indicator, ...]
    targets: dict[str, Decimal]  # per unit
    realised: dict[str, Decimal]  # per unit, the latest measurement of each indicator

    @property
    def measured(self) -> bool:
        return bool(self.realised)


def kpi_contributions(snapshot: SessionSnapshot, reference: ReferenceData) -> list[KpiContribution]:
    """One entry per KPI the tender feeds, in KPI order; a pilot feeds KPI 6 by being one."""
    by_kpi: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in snapshot.indicators:
        if indicator.kpi is not None:
            by_kpi[indicator.kpi].append(indicator)
    contributions = []
    for kpi in reference.kpis:
        indicators = by_kpi.get(kpi.id, [])
        if not indicators and not (kpi.id == 6 and snapshot.facts.innovation_pilot):
            continue
        targets: dict[str, Decimal] = defaultdict(Decimal)
        realised: dict[str, Decimal] = defaultdict(Decimal)
        for indicator in indicators:
            if indicator.target is not None:
                targets[indicator.unit] += indicator.target
            if indicator.measurements:
                latest = max(indicator.measurements, key=lambda m: m.measured_on)
                realised[indicator.unit] += latest.value
        contributions.append(KpiContribution(kpi, tuple(indicators), dict(targets), dict(realised)))
    return contributions
