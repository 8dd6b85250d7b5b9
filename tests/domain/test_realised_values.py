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


def _supplier_code(service, session_id: int):
    return service.add_item(
        session_id,
        Collection.INDICATORS,
        sdg=8,
        kind=IndicatorKind.QUALITATIVE,
        name="Gedragscode leveranciers",
        assessed="Of de keten de gedragscode volgt",
        evidence="Auditrapport",
    )


def test_a_qualitative_indicator_is_assessed_in_words_not_a_number(service) -> None:
    """A walker recording what was found for a qualitative indicator was asked for a number, and the
    strategy printed "7,5" with no scale. Its realised value is the assessment, without a number;
    a quantitative indicator still needs its number."""
    session = service.create_session("Bedrijfskleding")
    code = _supplier_code(service, session.id)
    found = "Voldaan: audit bij twee naaiateliers zonder bevindingen."
    recorded = service.add_measurement(
        session.id, code.id, value=None, measured_on=dt.date(2027, 9, 1), note=found
    )
    assert (recorded.value, recorded.note) == (None, found)
    with pytest.raises(ValidationError) as caught:  # no number and no words: nothing was recorded
        service.add_measurement(session.id, code.id, value=None, measured_on=dt.date(2027, 9, 2))
    assert [(p.code, p.field) for p in caught.value.problems] == [("assessment", "note")]
    co2 = _co2(service, session.id)
    with pytest.raises(ValidationError) as caught:
        service.add_measurement(session.id, co2.id, value=None, measured_on=dt.date(2027, 9, 1), note=found)
    assert [(p.code, p.field) for p in caught.value.problems] == [("number", "value")]
    stored = service.get_session(session.id)
    assert [m.note for i in stored.indicators for m in i.measurements] == [found]


def test_an_assessment_in_words_goes_into_the_file_and_the_document(service, shipped_reference) -> None:
    from compass.formats.document.build import build_document
    from compass.formats.session_file import read_session_file, write_session_file
    from compass.method.dashboard import realised_value_words

    session = service.create_session("Bedrijfskleding")
    code = _supplier_code(service, session.id)
    found = "Voldaan: audit zonder bevindingen."
    service.add_measurement(session.id, code.id, value=None, measured_on=dt.date(2027, 9, 1), note=found)
    snapshot = service.get_session(session.id)
    (measurement,) = snapshot.indicators[0].measurements
    assert realised_value_words(measurement, snapshot.indicators[0], "nl") == found
    again = service.import_session(read_session_file(write_session_file(snapshot), shipped_reference))
    assert [(m.value, m.note) for m in again.indicators[0].measurements] == [(None, found)]
    document = build_document(snapshot, shipped_reference, "nl")
    tables = [block for block in document.body if hasattr(block, "rows")]
    assert found in [cell.text for table in tables for row in table.rows for cell in row]
