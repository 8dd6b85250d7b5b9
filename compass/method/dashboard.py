"""What one tender contributes to the KPIs its organisation measures across projects (the profile's
KPIs: Heerlen's six, Maastricht's own): its indicators that feed each KPI, with targets and realised
values added up per unit. No Qt; the future portfolio dashboard adds these up across sessions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from compass.core.profile import ProfileKpi
from compass.core.session import Indicator, Measurement, SessionSnapshot
from compass.formatting import format_number


@dataclass(frozen=True)
class KpiContribution:
    kpi: ProfileKpi
    indicators: tuple[Indicator, ...]
    targets: dict[str, Decimal]  # per unit
    realised: dict[str, Decimal]  # per unit, the latest measurement of each indicator

    @property
    def measured(self) -> bool:
        return bool(self.realised)


def kpi_contributions(snapshot: SessionSnapshot) -> list[KpiContribution]:
    """One entry per KPI of the session's profile that the tender feeds, in KPI order; an innovation
    pilot feeds the KPI that counts pilots by being one. No profile, no KPIs."""
    if snapshot.profile is None:
        return []
    by_kpi: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in snapshot.indicators:
        if indicator.kpi is not None:
            by_kpi[indicator.kpi].append(indicator)
    contributions = []
    for kpi in snapshot.profile.kpis:
        indicators = by_kpi.get(kpi.number, [])
        if not indicators and not (kpi.counts_innovation_pilots and snapshot.facts.innovation_pilot):
            continue
        targets: dict[str, Decimal] = defaultdict(Decimal)
        realised: dict[str, Decimal] = defaultdict(Decimal)
        for indicator in indicators:
            if indicator.target is not None:
                targets[indicator.unit] += indicator.target
            numbers = [m for m in indicator.measurements if m.value is not None]
            if numbers:
                latest = max(numbers, key=lambda m: m.measured_on)
                assert latest.value is not None
                realised[indicator.unit] += latest.value
        contributions.append(KpiContribution(kpi, tuple(indicators), dict(targets), dict(realised)))
    return contributions


def realised_value_words(measurement: Measurement, indicator: Indicator, language: str) -> str:
    """A realised value as a reader sees it: the number with the indicator's unit, or for an
    assessment in words (a qualitative indicator) the words themselves."""
    if measurement.value is None:
        return measurement.note
    return f"{format_number(measurement.value, language)} {indicator.unit}".strip()
