"""What a desk may enter, every database keeps, and reads back the same: SQLite ignores column lengths
and stores anything, PostgreSQL refuses what does not fit. So the method's validation holds exactly
what the columns (and the exchange file) hold, and a value one character too long is refused beside
its field, never by the database. Runs on every backend (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from compass.core.errors import ValidationError
from compass.core.session import (
    Channel,
    Collection,
    CommunicationMoment,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
)

INVENTORY = {"sdg": 13, "kind": EntryKind.RISK, "source": EntrySource.MATERIALS, "description": "CO₂"}
CRITERION = {"sdg": 13, "criterion_type": CriterionType.CONTRACT_CONDITION, "text": "Elektrisch materieel"}
INDICATOR = {"sdg": 13, "kind": IndicatorKind.QUALITATIVE, "name": "Stikstof"}
MESSAGE = {"stakeholder_role": "Bewoners", "channel": Channel.PRESS, "moment": CommunicationMoment.AWARD}
INITIATIVE = {"sdg": 13, "name": "Repair café"}

SHORT_FIELDS = [
    (Collection.INVENTORY, INVENTORY, "theme", 60),
    (Collection.INVENTORY, INVENTORY, "suggestion_id", 80),
    (Collection.CRITERIA, CRITERION, "catalogue_id", 80),
    (Collection.INDICATORS, INDICATOR, "name", 200),
    (Collection.INDICATORS, INDICATOR, "unit", 60),
    (Collection.INDICATORS, INDICATOR, "reference", 200),
    (Collection.INDICATORS, INDICATOR, "data_source", 200),
    (Collection.INDICATORS, INDICATOR, "responsible_role", 80),
    (Collection.COMMUNICATION, MESSAGE, "stakeholder_role", 80),
    (Collection.INITIATIVES, INITIATIVE, "name", 200),
    (Collection.INITIATIVES, INITIATIVE, "profile_initiative_ref", 80),
]


def _items(service, session_id: int, collection: Collection):
    snapshot = service.get_session(session_id)
    return {
        Collection.INVENTORY: snapshot.inventory,
        Collection.CRITERIA: snapshot.criteria,
        Collection.INDICATORS: snapshot.indicators,
        Collection.COMMUNICATION: snapshot.communication,
        Collection.INITIATIVES: snapshot.initiatives,
    }[collection]


@pytest.mark.parametrize(
    "collection, values, field, limit",
    SHORT_FIELDS,
    ids=[f"{c.value}-{f}" for c, _v, f, _l in SHORT_FIELDS],
)
def test_a_short_field_keeps_its_limit_and_refuses_one_more(service, collection, values, field, limit):
    session = service.create_session("Grenzen")
    longest = "é" * (limit - 1) + "€"  # characters, not bytes: both take two or three bytes in UTF-8
    kept = service.add_item(session.id, collection, **{**values, field: longest})
    assert getattr(kept, field) == longest
    (stored,) = _items(service, session.id, collection)
    assert getattr(stored, field) == longest
    with pytest.raises(ValidationError) as caught:
        service.add_item(session.id, collection, **{**values, field: longest + "x"})
    assert [p.field for p in caught.value.problems] == [field]
    with pytest.raises(ValidationError):
        service.update_item(session.id, collection, kept.id, **{field: longest + "x"})
    assert len(_items(service, session.id, collection)) == 1


def test_a_measurement_source_keeps_its_limit(service) -> None:
    session = service.create_session("Meten")
    indicator = service.add_item(session.id, Collection.INDICATORS, **INDICATOR)
    day = dt.date(2027, 5, 1)
    service.add_measurement(session.id, indicator.id, value=Decimal(1), measured_on=day, source="b" * 200)
    with pytest.raises(ValidationError) as caught:
        service.add_measurement(
            session.id, indicator.id, value=Decimal(2), measured_on=day, source="b" * 201
        )
    assert [p.field for p in caught.value.problems] == ["source"]
    (stored,) = service.get_session(session.id).indicators
    assert [m.source for m in stored.measurements] == ["b" * 200]


LARGEST = Decimal("999999999999999.999999")  # what the exchange file holds: 15 digits and 6 decimals


def test_numbers_are_kept_exactly_up_to_what_the_file_holds(service) -> None:
    session = service.create_session("Getallen", contract_value_eur=Decimal("999999999999.999999"))
    service.set_quality_weight(session.id, Decimal("33.333333"))
    service.add_item(
        session.id,
        Collection.CRITERIA,
        sdg=13,
        criterion_type=CriterionType.AWARD_CRITERION,
        text="CO₂",
        weight_pct=Decimal("0.000001"),
    )
    indicator = service.add_item(
        session.id, Collection.INDICATORS, **{**INDICATOR, "baseline": LARGEST, "target": Decimal("-0.5")}
    )
    service.add_measurement(session.id, indicator.id, value=-LARGEST, measured_on=dt.date(2027, 1, 1))
    snapshot = service.get_session(session.id)
    assert snapshot.facts.contract_value_eur == Decimal("999999999999.999999")
    assert str(snapshot.quality_weight_pct) == "33.333333"
    assert str(snapshot.criteria[0].weight_pct) == "0.000001"
    (stored,) = snapshot.indicators
    assert (stored.baseline, stored.target) == (LARGEST, Decimal("-0.5"))
    assert stored.measurements[0].value == -LARGEST


@pytest.mark.parametrize("number", ["1" * 16, "0.1234567", "1" * 60, "1E+50", "12.500000000"])
def test_a_number_the_file_cannot_hold_is_refused_beside_its_field(service, number) -> None:
    session = service.create_session("Getallen")
    with pytest.raises(ValidationError) as caught:
        service.add_item(session.id, Collection.INDICATORS, **{**INDICATOR, "target": Decimal(number)})
    assert [p.field for p in caught.value.problems] == ["target"]
    indicator = service.add_item(session.id, Collection.INDICATORS, **INDICATOR)
    with pytest.raises(ValidationError) as caught:
        service.add_measurement(
            session.id, indicator.id, value=Decimal(number), measured_on=dt.date(2027, 1, 1)
        )
    assert [p.field for p in caught.value.problems] == ["value"]
    assert service.get_session(session.id).indicators[0].measurements == ()


@pytest.mark.parametrize("field", ["contract_value_eur", "quality_weight_pct"])
def test_an_amount_or_weight_with_seven_decimals_is_refused(service, field) -> None:
    session = service.create_session("Getallen")
    with pytest.raises(ValidationError) as caught:
        if field == "contract_value_eur":
            service.update_facts(session.id, contract_value_eur=Decimal("1000.1234567"))
        else:
            service.set_quality_weight(session.id, Decimal("33.3333333"))
    assert [p.field for p in caught.value.problems] == [field]


def test_a_nul_character_never_reaches_a_database(service) -> None:
    """PostgreSQL cannot store U+0000 in text at all (SQLite can); pasted text may carry one, and
    it never means anything. The services refuse it, naming the field, with the other control
    characters (decision 010); one that comes past them is left out before any database sees it."""
    from compass.model.orm import SessionRow

    with pytest.raises(ValidationError) as caught:
        service.create_session("Plak\x00ken")
    assert [(p.field, p.code) for p in caught.value.problems] == [("title", "control_character")]
    session = service.create_session("Plakken")
    with pytest.raises(ValidationError) as caught:
        service.update_facts(session.id, organisation="Gemeente\x00 Heerlen")
    assert [p.field for p in caught.value.problems] == ["organisation"]
    with pytest.raises(ValidationError) as caught:
        service.add_item(session.id, Collection.INVENTORY, **{**INVENTORY, "description": "CO\x00₂"})
    assert [p.field for p in caught.value.problems] == ["description"]
    with service._database.session_factory.begin() as db:  # past the services' validation
        db.get(SessionRow, session.id).organisation = "Gemeente\x00 Heerlen"
    assert service.get_session(session.id).facts.organisation == "Gemeente Heerlen"


def test_search_ignores_the_case_of_accented_letters_too(service) -> None:
    wanted = service.create_session("Één keer per jaar: ÉCOLE-meubilair")
    service.create_session("Schoonmaak")
    for needle in ("één", "ÉÉN", "école", "École-MEUBILAIR"):
        assert [s.id for s in service.list_sessions(needle)] == [wanted.id], needle
        assert service.list_page(needle).total == 1


def test_items_with_equal_places_keep_the_order_they_were_added(service) -> None:
    """Positions can tie (two desks adding at once) and realised values share a date: the order is
    the order of adding on every database, not whatever the server's plan returns."""
    session = service.create_session("Volgorde")
    for n in range(5):
        service.add_item(
            session.id, Collection.CRITERIA, **{**CRITERION, "text": f"eis {n}", "position": 1}
        )
    indicator = service.add_item(session.id, Collection.INDICATORS, **INDICATOR)
    for n in range(5):
        service.add_measurement(
            session.id, indicator.id, value=Decimal(n), measured_on=dt.date(2027, 1, 1), note=str(n)
        )
    snapshot = service.get_session(session.id)
    assert [c.text for c in snapshot.criteria] == [f"eis {n}" for n in range(5)]
    assert [m.note for m in snapshot.indicators[0].measurements] == [str(n) for n in range(5)]


def test_moments_come_back_as_the_same_utc_time(service) -> None:
    before = dt.datetime.now(dt.UTC)
    session = service.create_session("Tijd")
    after = dt.datetime.now(dt.UTC)
    snapshot = service.get_session(session.id)
    assert snapshot.created_at.tzinfo is not None
    assert before - dt.timedelta(seconds=1) <= snapshot.created_at <= after + dt.timedelta(seconds=1)
    assert snapshot.created_at == session.created_at  # microseconds survive too
