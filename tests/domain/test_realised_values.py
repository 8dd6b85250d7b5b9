"""After realisation: realised values per indicator, and what the tender adds to the dashboard KPIs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from compass.core.errors import ItemNotFoundError, ValidationError
from compass.core.session import Collection, IndicatorKind
from compass.method.dashboard import kpi_contributions
from compass.reference.loading import load_reference_data


def _co2(service, session_id: int, kpi: int | None = 5):
    return service.add_item(
        session_id,
        Collection.INDICATORS,
        sdg=13,
        kind=IndicatorKind.QUANTITATIVE,
        name="CO₂ vermeden",
        unit="kg CO₂",
        target=Decimal(120000),
        kpi=kpi,
    )


def test_realised_values_are_recorded_and_removed(service) -> None:
    session = service.create_session("Asfalt")
    indicator = _co2(service, session.id)
    first = service.add_measurement(
        session.id,
        indicator.id,
        value=Decimal(40000),
        measured_on=dt.date(2027, 6, 1),
        source="Leverancier",
    )
    service.add_measurement(
        session.id, indicator.id, value=Decimal(95000), measured_on=dt.date(2027, 12, 1)
    )
    values = [m.value for m in service.get_session(session.id).indicators[0].measurements]
    assert values == [40000, 95000]
    indicator_id, removed = service.remove_measurement(session.id, first.id)
    assert (indicator_id, removed.value, removed.source) == (indicator.id, 40000, "Leverancier")
    with pytest.raises(ItemNotFoundError):
        service.remove_measurement(session.id, first.id)


def test_a_negative_quantity_or_missing_date_is_refused(service) -> None:
    session = service.create_session("Asfalt")
    indicator = _co2(service, session.id)
    with pytest.raises(ValidationError) as caught:
        service.add_measurement(
            session.id, indicator.id, value=Decimal(-1), measured_on=dt.date(2027, 6, 1)
        )
    assert caught.value.problems[0].field == "value"
    with pytest.raises(ValidationError):
        service.add_measurement(session.id, indicator.id, value=Decimal(1), measured_on=None)
    assert service.get_session(session.id).indicators[0].measurements == ()


def test_kpi_contributions_add_targets_and_latest_realised_values(service) -> None:
    reference = load_reference_data()
    session = service.create_session("Asfalt")
    indicator = _co2(service, session.id)
    _co2(service, session.id, kpi=None)  # feeds no KPI
    for day, value in ((1, 50000), (20, 110000)):
        service.add_measurement(
            session.id, indicator.id, value=Decimal(value), measured_on=dt.date(2027, 12, day)
        )
    (contribution,) = kpi_contributions(service.get_session(session.id), reference)
    assert contribution.kpi.id == 5
    assert contribution.targets == {"kg CO₂": Decimal(120000)}
    assert contribution.realised == {"kg CO₂": Decimal(110000)}


def test_an_innovation_pilot_counts_for_the_pilots_kpi(service) -> None:
    reference = load_reference_data()
    session = service.create_session("Sporthal", innovation_pilot=True)
    assert [c.kpi.id for c in kpi_contributions(service.get_session(session.id), reference)] == [6]
