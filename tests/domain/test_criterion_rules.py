"""Step 3 rules from the procedure type and the numbers, enforced by the service with clear
messages: nothing is written when a rule is broken."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compass.core.errors import ValidationError
from compass.core.session import Collection, CriterionType, Procedure

AWARD = CriterionType.AWARD_CRITERION


def _award(service, session_id: int, weight, text: str = "CO₂-prestatieladder"):
    return service.add_item(
        session_id,
        Collection.CRITERIA,
        sdg=13,
        criterion_type=AWARD,
        text=text,
        weight_pct=None if weight is None else Decimal(weight),
    )


def test_no_award_criteria_in_a_single_quote_procedure(service) -> None:
    session = service.create_session("Klein", procedure=Procedure.SINGLE_QUOTE)
    with pytest.raises(ValidationError) as caught:
        _award(service, session.id, 10)
    assert caught.value.problems[0].code == "award_not_allowed"
    assert "Single quote" in caught.value.problems[0].message
    assert service.get_session(session.id).criteria == ()
    service.add_item(
        session.id,
        Collection.CRITERIA,
        sdg=13,
        criterion_type=CriterionType.MINIMUM_REQUIREMENT,
        text="Eis",
    )
    assert len(service.get_session(session.id).criteria) == 1


def test_award_weights_stay_within_the_quality_weight(service) -> None:
    session = service.create_session("Asfalt")
    service.set_quality_weight(session.id, Decimal(100))
    _award(service, session.id, 60)
    second = _award(service, session.id, 40, "MKI")
    with pytest.raises(ValidationError) as caught:
        _award(service, session.id, "0.5", "Emissieloos")
    assert caught.value.problems[0].code == "weights_exceed"
    assert "100.5 %" in caught.value.problems[0].message
    with pytest.raises(ValidationError):
        service.update_item(session.id, Collection.CRITERIA, second.id, weight_pct=Decimal(41))
    service.update_item(session.id, Collection.CRITERIA, second.id, weight_pct=Decimal(30))
    _award(service, session.id, 10, "Emissieloos")
    assert sum(c.weight_pct for c in service.get_session(session.id).criteria) == 100


def test_an_award_criterion_needs_a_weight_and_only_award_criteria_have_one(service) -> None:
    session = service.create_session("Asfalt")
    with pytest.raises(ValidationError) as caught:
        _award(service, session.id, None)
    assert caught.value.problems[0].code == "weight_required"
    with pytest.raises(ValidationError) as caught:
        service.add_item(
            session.id,
            Collection.CRITERIA,
            sdg=13,
            criterion_type=CriterionType.CONTRACT_CONDITION,
            text="ISV",
            weight_pct=Decimal(5),
        )
    assert caught.value.problems[0].code == "weight_only_award"


def _indicator(service, session_id: int, **values):
    from compass.core.session import IndicatorKind

    base = {"sdg": 13, "kind": IndicatorKind.QUANTITATIVE, "name": "CO₂ vermeden", "unit": "kg CO₂"}
    return service.add_item(session_id, Collection.INDICATORS, **{**base, **values})


@pytest.mark.parametrize(
    "values, code, field",
    [
        ({"target": Decimal(-5)}, "negative", "target"),
        ({"baseline": Decimal(10), "target": Decimal(10)}, "target_equals_baseline", "target"),
        ({"unit": "%", "target": Decimal(120)}, "percentage", "target"),
        ({"unit": ""}, "unit_required", "unit"),
        ({"kpi": 100}, "kpi", "kpi"),
        ({"kpi": 0}, "kpi", "kpi"),
    ],
)
def test_indicator_numbers_are_checked(service, values, code, field) -> None:
    session = service.create_session("Asfalt")
    with pytest.raises(ValidationError) as caught:
        _indicator(service, session.id, **values)
    assert (caught.value.problems[0].code, caught.value.problems[0].field) == (code, field)
    assert service.get_session(session.id).indicators == ()


def test_catalogue_indicators_keep_their_unit(service) -> None:
    session = service.create_session("Asfalt")
    with pytest.raises(ValidationError) as caught:
        _indicator(service, session.id, catalogue_id="ind-co2-avoided", unit="ton")
    assert "kg CO₂" in caught.value.problems[0].message
    _indicator(service, session.id, catalogue_id="ind-co2-avoided", unit="kg CO₂", target=Decimal(120000))


def test_the_quality_weight_limits_the_award_weights(service) -> None:
    session = service.create_session("Asfalt")
    service.set_quality_weight(session.id, Decimal(40))
    _award(service, session.id, 30)
    with pytest.raises(ValidationError) as caught:
        _award(service, session.id, 15, "MKI")
    assert "quality weight of 40 %" in caught.value.problems[0].message
    with pytest.raises(ValidationError) as caught:
        service.set_quality_weight(session.id, Decimal(20))
    assert caught.value.problems[0].code == "below_award_weights"
    with pytest.raises(ValidationError):
        service.set_quality_weight(session.id, Decimal(101))
    assert service.get_session(session.id).quality_weight_pct == 40
