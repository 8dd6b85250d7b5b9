"""What a tender adds to the KPIs its own organisation measures, on plain data: the KPIs come from
the session's profile (Heerlen's six, Maastricht's own), never from generic reference data."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from compass.core.profile import OrganisationProfile, profile_from_document
from compass.core.session import Indicator, IndicatorKind, Measurement
from compass.method.dashboard import kpi_contributions
from compass.paths import resource_path


def _example(name: str) -> OrganisationProfile:
    path = resource_path("profiles", f"example-{name}.json")
    return profile_from_document(json.loads(path.read_text(encoding="utf-8")))


def _co2(indicator_id: int, kpi: int | None, *measured: tuple[int, int]) -> Indicator:
    return Indicator(
        indicator_id,
        13,
        IndicatorKind.QUANTITATIVE,
        "CO\u2082 vermeden",
        unit="kg CO\u2082",
        target=Decimal(120000),
        kpi=kpi,
        measurements=tuple(
            Measurement(n, Decimal(value), dt.date(2027, 12, day))
            for n, (day, value) in enumerate(measured)
        ),
    )


def test_each_organisation_measures_its_own_kpis() -> None:
    heerlen, maastricht = _example("heerlen"), _example("maastricht")
    assert [k.number for k in heerlen.kpis] == [1, 2, 3, 4, 5, 6]
    assert heerlen.kpi(6).target == "3 per jaar" and heerlen.kpi(6).counts_innovation_pilots
    assert "4 per jaar" in maastricht.kpi(1).target and maastricht.kpi(1).counts_innovation_pilots
    # The same catalogue indicator feeds a different KPI in each organisation.
    assert heerlen.kpi_for_indicator("ind-co2-avoided").number == 5
    assert maastricht.kpi_for_indicator("ind-co2-avoided").number == 2
    assert heerlen.kpi_for_indicator("ind-water-buffering") is None


def test_contributions_add_targets_and_the_latest_realised_values(snapshot) -> None:
    heerlen = _example("heerlen")
    session = snapshot(
        profile=heerlen,
        indicators=(_co2(1, 5, (1, 50000), (20, 110000)), _co2(2, None)),  # the second feeds no KPI
    )
    (contribution,) = kpi_contributions(session)
    assert (contribution.kpi.number, contribution.kpi.name) == (5, "Vermeden CO\u2082")
    assert contribution.targets == {"kg CO\u2082": Decimal(120000)}
    assert contribution.realised == {"kg CO\u2082": Decimal(110000)}


def test_an_innovation_pilot_counts_for_the_kpi_that_counts_pilots(snapshot) -> None:
    pilot = {"innovation_pilot": True}
    assert [
        c.kpi.number for c in kpi_contributions(snapshot(facts=pilot, profile=_example("heerlen")))
    ] == [6]
    maastricht = kpi_contributions(snapshot(facts=pilot, profile=_example("maastricht")))
    assert [c.kpi.name for c in maastricht] == ["CO\u2082- en circulaire pilots"]


def test_without_a_profile_or_with_a_number_the_profile_lacks_nothing_is_claimed(snapshot) -> None:
    assert kpi_contributions(snapshot(indicators=(_co2(1, 5),))) == []
    assert kpi_contributions(snapshot(indicators=(_co2(1, 9),), profile=_example("maastricht"))) == []
