"""What each step still misses (compass.method.steps), as the step list, the summary and the PDF
show it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from compass.core.session import (
    AmbitionLevel,
    Channel,
    Collection,
    CommunicationMoment,
    ContractKind,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
    Procedure,
    PriceFormula,
    ScoringMethod,
)
from compass.method.steps import (
    METHOD_STEPS,
    STEPS,
    Step,
    all_advice,
    all_gaps,
    all_problems,
    is_complete,
    problems,
)


def _codes(step: Step, snapshot) -> list[str]:
    """The step's problems, without the advice on the strategy's own sections (tests/method/test_planning.py)."""
    return [p.code for p in problems(step, snapshot) if p.code != "strategy_section_missing"]


def test_the_method_has_five_numbered_steps_between_facts_and_summary() -> None:
    assert STEPS[0] is Step.FACTS and STEPS[-1] is Step.SUMMARY
    assert [step.number() for step in METHOD_STEPS] == [1, 2, 3, 4, 5]
    assert Step.FACTS.number() is None


def test_a_new_session_shows_a_gap_in_every_step(service) -> None:
    snapshot = service.get_session(service.create_session("Asfalt").id)
    assert _codes(Step.FACTS, snapshot) == [
        "organisation_missing",
        "value_missing",
        "duration_missing",
        "procedure_reason_missing",
        "lots_missing",
        "procedure_missing",  # no procedure before the team chooses one (issue 24)
        "contract_kind_missing",
        "approval_name",
        "approval_name",
        "approval_name",
        "decision_date_missing",
    ]
    assert [p.field for p in problems(Step.FACTS, snapshot) if p.code == "approval_name"] == [
        "project_leader",
        "procurement_adviser",
        "budget_holder",
    ]
    assert _codes(Step.INVENTORY, snapshot) == ["inventory_empty"]
    assert _codes(Step.PRIORITIES, snapshot) == ["no_priority"]
    assert _codes(Step.AMBITION, snapshot) == []  # nothing to set without priorities
    assert _codes(Step.INDICATORS, snapshot) == []
    assert _codes(Step.VISIBILITY, snapshot) == ["communication_empty"]
    assert _codes(Step.SUMMARY, snapshot) == []


def test_gaps_close_as_the_steps_are_filled(service) -> None:
    sid = service.create_session(
        "Asfalt",
        organisation="Heerlen",
        contract_value_eur=Decimal(100),
        contract_kind=ContractKind.WORKS,
        procedure=Procedure.PUBLIC_NATIONAL,
        duration="8 maanden",
        procedure_reason="Onder de drempel: nationaal volstaat",
        lots="Geen percelen: één werk",
        project_leader="A. Jansen",
        procurement_adviser="B. de Vries",
        budget_holder="C. Bakker",
        decision_date=dt.date(2027, 2, 1),
    ).id
    assert _codes(Step.FACTS, service.get_session(sid)) == []
    service.add_item(
        sid,
        Collection.INVENTORY,
        sdg=13,
        kind=EntryKind.RISK,
        source=EntrySource.MATERIALS,
        description="CO₂",
    )
    service.set_priority(sid, 13, selected=True)
    snapshot = service.get_session(sid)
    assert _codes(Step.AMBITION, snapshot) == ["ambition_missing", "criteria_missing", "split_missing"]
    assert _codes(Step.INDICATORS, snapshot) == ["indicator_missing"]

    service.set_ambition(sid, 13, AmbitionLevel.BASIC)
    criterion = service.add_item(
        sid,
        Collection.CRITERIA,
        sdg=13,
        criterion_type=CriterionType.MINIMUM_REQUIREMENT,
        text="Klimaateisen uit de MVI-criteriatool, [x] % emissievrij",
    )
    assert _codes(Step.AMBITION, service.get_session(sid)) == ["split_missing", "placeholder", "unverified"]
    service.update_item(
        sid,
        Collection.CRITERIA,
        criterion.id,
        text="Klimaateisen uit de MVI-criteriatool, 50 % emissievrij",
        verification="Materieellijst bij inschrijving; controle op de bouwplaats",
    )
    assert _codes(Step.AMBITION, service.get_session(sid)) == ["split_missing"]
    service.set_quality_weight(sid, Decimal(60))  # 40 % price, 60 % quality
    # 60 % quality with no criterion to earn it: the award model does not add up.
    assert _codes(Step.AMBITION, service.get_session(sid)) == ["scoring_method_missing", "weights_short"]
    service.add_item(sid, Collection.QUALITY_CRITERIA, name="Plan van aanpak", weight_pct=Decimal(60))
    assert _codes(Step.AMBITION, service.get_session(sid)) == [
        "scoring_method_missing",
        "quality_scale_missing",
        "quality_unverified",
    ]
    quality = service.get_session(sid).quality_criteria[0]
    service.update_item(
        sid,
        Collection.QUALITY_CRITERIA,
        quality.id,
        scale="60 punten: uitstekend; 40: goed; 20: voldoende; 0: onvoldoende",
        verification="Beoordelingscommissie van drie leden",
    )
    service.update_facts(sid, scoring_method=ScoringMethod.WEIGHTED_POINTS)
    assert _codes(Step.AMBITION, service.get_session(sid)) == ["price_formula_missing"]
    service.update_facts(sid, price_formula=PriceFormula.LINEAR)
    assert _codes(Step.AMBITION, service.get_session(sid)) == ["price_zero_missing"]
    service.update_facts(sid, price_zero_pct=Decimal(50))
    assert _codes(Step.AMBITION, service.get_session(sid)) == []
    service.update_facts(sid, scoring_method=ScoringMethod.FICTITIOUS_DISCOUNT)
    assert _codes(Step.AMBITION, service.get_session(sid)) == []
    indicator = service.add_item(
        sid, Collection.INDICATORS, sdg=13, kind=IndicatorKind.QUANTITATIVE, name="CO₂ vermeden", unit="kg"
    )
    assert _codes(Step.INDICATORS, service.get_session(sid)) == [
        "target_missing",
        "indicator_owner",
        "indicator_source",
    ]
    service.update_item(
        sid,
        Collection.INDICATORS,
        indicator.id,
        target=Decimal(5000),
        responsible_role="Contractmanager",
        data_source="MVI Platform impactberekening",
    )
    service.add_item(
        sid,
        Collection.COMMUNICATION,
        stakeholder_role="Raad",
        channel=Channel.COUNCIL_REPORT,
        moment=CommunicationMoment.COMPLETION,
    )
    left = all_problems(service.get_session(sid))
    assert [p for _step, p in left if p.code != "strategy_section_missing"] == []


def test_a_priority_without_inventory_does_not_count(service) -> None:
    sid = service.create_session("Asfalt").id
    service.set_priority(sid, 4, selected=True)  # e.g. left over after its entries were removed
    snapshot = service.get_session(sid)
    assert _codes(Step.PRIORITIES, snapshot) == ["no_priority"]
    assert _codes(Step.AMBITION, snapshot) == [] and _codes(Step.INDICATORS, snapshot) == []


def test_more_than_five_priorities_is_a_warning(service) -> None:
    sid = service.create_session("Asfalt").id
    for sdg in range(1, 7):
        service.add_item(
            sid,
            Collection.INVENTORY,
            sdg=sdg,
            kind=EntryKind.OPPORTUNITY,
            source=EntrySource.LOCATION,
            description="kans",
        )
        service.set_priority(sid, sdg, selected=True)
    snapshot = service.get_session(sid)
    assert _codes(Step.PRIORITIES, snapshot) == ["many_priorities"]
    # Advice, not a gap: the step is complete and the document lists nothing open for it.
    assert is_complete(Step.PRIORITIES, snapshot)
    assert [p.code for _s, p in all_advice(snapshot) if p.code != "strategy_section_missing"] == [
        "many_priorities"
    ]
    assert all(p.code != "many_priorities" for _s, p in all_gaps(snapshot))


def test_a_procedure_changed_to_single_quote_flags_its_award_criteria(service) -> None:
    from decimal import Decimal

    from compass.core.session import Procedure

    sid = service.create_session("Asfalt").id
    service.add_item(
        sid,
        Collection.CRITERIA,
        sdg=13,
        criterion_type=CriterionType.AWARD_CRITERION,
        text="MKI",
        weight_pct=Decimal(20),
    )
    assert "award_not_allowed" not in _codes(Step.AMBITION, service.get_session(sid))
    service.update_facts(sid, procedure=Procedure.SINGLE_QUOTE)
    snapshot = service.get_session(sid)
    assert not snapshot.award_criteria_allowed
    assert "award_not_allowed" in _codes(Step.AMBITION, snapshot)


def test_a_step_is_done_only_with_content_and_nothing_missing(service) -> None:
    from compass.method.steps import is_done

    snapshot = service.get_session(service.create_session("Leeg").id)
    # Steps 3 and 4 ask nothing before there are priorities, yet nothing is done in them either.
    assert is_complete(Step.AMBITION, snapshot) and is_complete(Step.INDICATORS, snapshot)
    assert not any(is_done(step, snapshot) for step in STEPS)
