"""After realisation: realised values per indicator, recorded and removed through the service."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from compass.core.errors import ItemNotFoundError, ValidationError
from compass.core.session import Collection, IndicatorKind


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
