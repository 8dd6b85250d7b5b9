"""The award model on plain data: what a quality point is worth under each price formula, the price of
ambition under weighted points, and what the completeness check finds (issue 24)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compass.core.session import (
    Criterion,
    CriterionType,
    PriceFormula,
    QualityCriterion,
    ScoringMethod,
    TenderRisk,
    TenderRiskCategory,
)
from compass.method.award_model import award_model_findings, award_weights_total
from compass.method.completeness import binds_a_party, criterion_findings
from compass.method.criteria import point_value, price_of_ambition
from compass.method.tender_risks import tender_risk_findings, top_tender_risks

MILLIONS = Decimal(2_400_000)


@pytest.mark.parametrize(
    ("quality", "formula", "zero", "worth"),
    [
        # 70 price points relative to the lowest price: a point near it is EUR 2.4 M / 70.
        (Decimal(30), PriceFormula.RELATIVE, None, MILLIONS / 70),
        # Linear to no points at 50 % above the lowest price: half as steep per euro.
        (Decimal(30), PriceFormula.LINEAR, Decimal(50), MILLIONS * Decimal("0.5") / 70),
        (Decimal(60), PriceFormula.LINEAR, Decimal(100), MILLIONS / 40),
        (Decimal(30), PriceFormula.LINEAR, None, None),  # the percentage is still missing
        (Decimal(100), PriceFormula.RELATIVE, None, None),  # price scores nothing
        (None, PriceFormula.RELATIVE, None, None),
        (Decimal(30), None, None, None),
    ],
)
def test_what_a_quality_point_is_worth(quality, formula, zero, worth) -> None:
    assert point_value(MILLIONS, quality, formula, zero) == worth


def test_the_price_of_ambition_under_weighted_points_follows_the_formula() -> None:
    # 10 points of 100 with 70 price points relative to the lowest price: EUR 342,857.
    price = price_of_ambition(
        Decimal(10),
        MILLIONS,
        ScoringMethod.WEIGHTED_POINTS,
        quality_weight_pct=Decimal(30),
        formula=PriceFormula.RELATIVE,
    )
    assert price == Decimal(342857)
    assert price_of_ambition(Decimal(10), MILLIONS, ScoringMethod.WEIGHTED_POINTS) is None


def _award(weight: int, text: str = "Meer hergebruik scoort 0-10 punten") -> Criterion:
    return Criterion(1, 12, CriterionType.AWARD_CRITERION, text, Decimal(weight), "Commissie")


def _codes(snapshot) -> list[str]:
    return [problem.code for problem in award_model_findings(snapshot)]


def test_weights_that_fall_short_of_the_quality_weight_are_found(snapshot) -> None:
    facts = {"scoring_method": ScoringMethod.FICTITIOUS_DISCOUNT}
    short = snapshot(facts=facts, quality_weight_pct=Decimal(40), criteria=(_award(30),))
    assert _codes(short) == ["weights_short"]
    fit = QualityCriterion(1, "Pasvorm en draagcomfort", Decimal(10), "10/6/3/0 punten", "Draagtest")
    whole = snapshot(
        facts=facts, quality_weight_pct=Decimal(40), criteria=(_award(30),), quality_criteria=(fit,)
    )
    assert award_weights_total(whole) == Decimal(40)
    assert _codes(whole) == []
    # Lowest price (0 %) and no split asks no criteria.
    assert _codes(snapshot(facts=facts, quality_weight_pct=Decimal(0))) == []
    assert _codes(snapshot(facts=facts, quality_weight_pct=None)) == []


def test_a_quality_criterion_without_scale_or_assessment_is_found(snapshot) -> None:
    bare = QualityCriterion(7, "Plan van aanpak", Decimal(15))
    found = award_model_findings(snapshot(quality_weight_pct=Decimal(15), quality_criteria=(bare,)))
    assert [(p.code, p.field) for p in found] == [
        ("quality_scale_missing", "quality_criteria/7"),
        ("quality_unverified", "quality_criteria/7"),
    ]


def test_weighted_points_ask_for_the_price_formula_and_its_percentage(snapshot) -> None:
    def codes(**facts) -> list[str]:
        session = snapshot(
            facts={"scoring_method": ScoringMethod.WEIGHTED_POINTS, **facts},
            quality_weight_pct=Decimal(10),
            criteria=(_award(10),),
        )
        return _codes(session)

    assert codes() == ["price_formula_missing"]
    assert codes(price_formula=PriceFormula.LINEAR) == ["price_zero_missing"]
    assert codes(price_formula=PriceFormula.LINEAR, price_zero_pct=Decimal(50)) == []
    assert codes(price_formula=PriceFormula.RELATIVE) == []


@pytest.mark.parametrize(
    ("text", "binds"),
    [
        ("Innovatie / functionele uitvraag", False),
        ("Pilot met maatregelen om hittestress tegen te gaan.", False),
        ("De opdrachtnemer voert een pilot uit met maatregelen tegen hittestress.", True),
        ("Vraag aan de markt: hoe kan de grondstoffenafdruk omlaag?", True),
        ("De inschrijver beschrijft hoe hij het materiaal hergebruikt.", True),
        ("The contractor runs a pilot with measures against heat stress.", True),
        ("Question to the market: how can the footprint be lowered?", True),
        ("Markten en pleinen worden vergroend.", False),  # "markten" is not the market
    ],
)
def test_an_innovation_question_binds_a_party(text, binds) -> None:
    assert binds_a_party(text) is binds


def test_an_innovation_question_that_binds_no_one_is_found(snapshot) -> None:
    loose = Criterion(
        3, 12, CriterionType.INNOVATION_QUESTION, "Innovatie / functionele uitvraag", None, "Pilot"
    )
    found = [p.code for p in criterion_findings(snapshot(criteria=(loose,)))]
    assert "innovation_unbound" in found


def _risk(n: int, probability: int, impact: int, measure: str = "Marktconsultatie") -> TenderRisk:
    return TenderRisk(n, TenderRiskCategory.MARKET, f"Risico {n}", probability, impact, measure)


def test_page_one_takes_the_highest_scores_the_earlier_first_where_they_tie() -> None:
    risks = (_risk(1, 2, 2), _risk(2, 4, 4), _risk(3, 3, 3), _risk(4, 2, 5), _risk(5, 5, 2))
    assert [r.id for r in top_tender_risks(risks, 3)] == [2, 4, 5]  # 16, then 10 and 10 in entry order
    assert top_tender_risks((), 3) == ()


def test_a_tender_risk_without_a_measure_is_a_gap_and_an_empty_register_advice(snapshot) -> None:
    without = snapshot(tender_risks=(_risk(9, 3, 3, measure=" "),))
    assert [(p.code, p.field) for p in tender_risk_findings(without)] == [
        ("tender_risk_without_measure", "tender_risks/9")
    ]
    assert [p.code for p in tender_risk_findings(snapshot(european_procedure=True))] == [
        "strategy_section_missing"
    ]
    assert tender_risk_findings(snapshot(european_procedure=False)) == []
