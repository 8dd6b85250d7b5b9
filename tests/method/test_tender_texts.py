"""The tender texts built from plain snapshots (issue 24, item 7): each criterion in the part of the
tender documents it goes into, with its SDG, how it is checked and its catalogue id (or "own text"),
the award criteria with their weights, the price/quality split and the scoring method. No database,
no Word, no Qt."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compass.core.session import (
    Criterion,
    CriterionType,
    PriceFormula,
    Procedure,
    QualityCriterion,
    ScoringMethod,
)
from compass.formats.tender_texts import (
    PART_OF,
    PARTS,
    TenderPart,
    build_tender_texts,
)

T = CriterionType


def _criteria() -> tuple[Criterion, ...]:
    return (
        Criterion(
            1, 12, T.MINIMUM_REQUIREMENT, "Hout is FSC of PEFC.", None, "Certificaat.", "crit-12-wood"
        ),
        Criterion(2, 8, T.CONTRACT_CONDITION, "Social Return 5 %.", None, "", ""),
        Criterion(3, 13, T.AWARD_CRITERION, "Minder CO2 dan de referentie.", Decimal("12.5"), "CO2-plan."),
        Criterion(4, 3, T.MINIMUM_REQUIREMENT, "Geen CMR-stoffen.", None, "Verklaring.", "crit-3-cmr"),
        Criterion(5, 8, T.SUITABILITY_REQUIREMENT, "ISO 14001 of gelijkwaardig.", None, "Certificaat."),
        Criterion(6, 8, T.SELECTION_CRITERION, "Referentieprojecten met SROI.", None, "Referenties."),
        Criterion(7, 12, T.INNOVATION_QUESTION, "Hoe kan het circulair?", None, "Pitch.", "crit-12-pilot"),
        Criterion(
            8, 12, T.AWARD_CRITERION, "Aandeel hergebruikt materiaal.", Decimal(20), "Materialenpaspoort."
        ),
    )


def _session(snapshot, **parts):
    parts.setdefault("criteria", _criteria())
    parts.setdefault("quality_weight_pct", Decimal(60))
    facts = parts.pop("facts", {"scoring_method": ScoringMethod.WEIGHTED_POINTS})
    return snapshot("Bedrijfskleding", facts=facts, **parts)


def test_every_kind_of_criterion_has_its_part(snapshot, shipped_reference) -> None:
    assert set(PART_OF) == set(CriterionType)
    texts = build_tender_texts(_session(snapshot, selection_phase=True), shipped_reference, "en")
    assert [s.part for s in texts.sections] == list(PARTS)
    placed = {text.criterion_id: section.part for section in texts.sections for text in section.texts}
    assert placed == {
        1: TenderPart.REQUIREMENTS,
        4: TenderPart.REQUIREMENTS,
        3: TenderPart.AWARD,
        8: TenderPart.AWARD,
        5: TenderPart.SELECTION,
        6: TenderPart.SELECTION,
        2: TenderPart.CONTRACT,
        7: TenderPart.INNOVATION,
    }
    assert [s.title for s in texts.sections] == [
        "Programme of requirements",
        "Award guidelines",
        "Selection and suitability",
        "Contract (special contract conditions)",
        "Innovation",
    ]


def test_each_text_carries_its_sdg_verification_and_catalogue_id(snapshot, shipped_reference) -> None:
    texts = build_tender_texts(_session(snapshot), shipped_reference, "en")
    by_id = {text.criterion_id: text for text in texts.texts}
    wood = by_id[1]
    assert (wood.text, wood.sdg, wood.verification) == ("Hout is FSC of PEFC.", 12, "Certificaat.")
    assert (wood.catalogue_id, wood.source) == ("crit-12-wood", "crit-12-wood")
    assert wood.sdg_name == shipped_reference.sdg(12).name("en")
    social = by_id[2]
    assert (social.catalogue_id, social.source) == ("", "own text")
    assert social.verification == "to be decided"  # said, so the reader sees it is open


def test_texts_are_numbered_per_kind_in_sdg_order(snapshot, shipped_reference) -> None:
    texts = build_tender_texts(_session(snapshot, selection_phase=True), shipped_reference, "en")
    requirements = texts.section(TenderPart.REQUIREMENTS)
    assert [(t.number, t.sdg) for t in requirements.texts] == [(1, 3), (2, 12)]
    selection = texts.section(TenderPart.SELECTION)
    assert [(t.criterion_type, t.number) for t in selection.texts] == [
        (T.SUITABILITY_REQUIREMENT, 1),
        (T.SELECTION_CRITERION, 1),
    ]


def test_award_guidelines_carry_weights_split_and_scoring_method(snapshot, shipped_reference) -> None:
    texts = build_tender_texts(_session(snapshot), shipped_reference, "nl")
    award = texts.section(TenderPart.AWARD)
    assert [(t.weight_pct, t.weight) for t in award.texts] == [
        (Decimal(20), "20"),  # SDG 12 before SDG 13
        (Decimal("12.5"), "12,5"),
    ]
    assert "40 % prijs, 60 % kwaliteit" in award.award_basis
    assert "puntenmethode" in award.award_basis
    assert award.weights == (
        "Prijs 40 %, kwaliteit 60 %, waarvan de kwaliteitscriteria samen 32,5 % van de totale score."
    )
    assert all(
        t.weight == "" and t.weight_pct is None
        for t in texts.texts
        if t.criterion_type is not T.AWARD_CRITERION
    )


def test_an_undecided_split_and_scoring_method_are_said(snapshot, shipped_reference) -> None:
    texts = build_tender_texts(
        _session(snapshot, quality_weight_pct=None, facts={}), shipped_reference, "en"
    )
    award = texts.section(TenderPart.AWARD)
    assert award.award_basis == "not decided yet"
    assert "the price/quality split is not decided" in award.weights
    decided = build_tender_texts(_session(snapshot, facts={}), shipped_reference, "en")
    assert "scoring method not decided yet" in decided.section(TenderPart.AWARD).award_basis


def test_lowest_price_keeps_its_reason(snapshot, shipped_reference) -> None:
    facts = {"award_basis_reason": "Vaste specificatie, geen kwaliteitsverschil."}
    texts = build_tender_texts(
        _session(snapshot, quality_weight_pct=Decimal(0), facts=facts), shipped_reference, "en"
    )
    award = texts.section(TenderPart.AWARD)
    assert award.award_basis == "lowest price or lowest cost (quality weight 0 %)"
    assert award.lowest_price_reason == "Vaste specificatie, geen kwaliteitsverschil."


@pytest.mark.parametrize("phase", [True, False])
def test_a_selection_criterion_without_a_selection_phase_is_shown_with_a_warning(
    snapshot, shipped_reference, phase: bool
) -> None:
    facts = {"procedure": Procedure.PUBLIC_EUROPEAN}
    texts = build_tender_texts(
        _session(snapshot, selection_phase=phase, facts=facts), shipped_reference, "en"
    )
    selection = texts.section(TenderPart.SELECTION)
    assert len(selection.texts) == 2
    if phase:
        assert selection.notes == ()
    else:
        (note,) = selection.notes
        assert "no selection phase" in note


def test_award_criteria_in_a_procedure_without_them_are_shown_with_a_warning(
    snapshot, shipped_reference
) -> None:
    facts = {"procedure": Procedure.SINGLE_QUOTE}
    texts = build_tender_texts(
        _session(snapshot, award_criteria_allowed=False, facts=facts), shipped_reference, "en"
    )
    award = texts.section(TenderPart.AWARD)
    (note,) = award.notes
    assert "has no award criteria" in note
    assert award.award_basis == "lowest price (the procedure has no award criteria)"


def test_only_parts_with_texts_are_there_and_blank_texts_are_left_out(snapshot, shipped_reference) -> None:
    criteria = (
        Criterion(1, 12, T.CONTRACT_CONDITION, "Rapportage per jaar.", None, "Rapport."),
        Criterion(2, 12, T.MINIMUM_REQUIREMENT, "   ", None, "Iets."),
    )
    texts = build_tender_texts(_session(snapshot, criteria=criteria), shipped_reference, "en")
    assert [s.part for s in texts.sections] == [TenderPart.CONTRACT]
    assert texts.empty_note == ""


def test_a_session_without_criteria_says_so(snapshot, shipped_reference) -> None:
    texts = build_tender_texts(_session(snapshot, criteria=()), shipped_reference, "en")
    assert texts.sections == ()
    assert "no requirements, criteria or conditions yet" in texts.empty_note


def test_the_status_is_the_strategys(snapshot, shipped_reference) -> None:
    draft = build_tender_texts(_session(snapshot), shipped_reference, "en")
    assert draft.concept and draft.status.startswith("Concept: ")
    assert draft.title == "Bedrijfskleding"
    assert draft.subtitle == "Texts for the tender documents"


def test_the_same_session_in_dutch(snapshot, shipped_reference) -> None:
    """The words of the document in its own language, whatever the app speaks."""
    texts = build_tender_texts(_session(snapshot), shipped_reference, "nl")
    assert [s.title for s in texts.sections][:2] == ["Programma van Eisen", "Gunningsleidraad"]
    social = next(t for t in texts.texts if t.criterion_id == 2)
    assert social.source == "eigen tekst"
    assert social.verification == "nog te bepalen"
    assert texts.subtitle == "Teksten voor de aanbestedingsstukken"


def test_the_award_guidelines_hold_the_quality_criteria_beyond_the_sdgs_and_the_price_formula(
    snapshot, shipped_reference
) -> None:
    """Issue 24: "plan van aanpak 15 punten" was in no table of the strategy, nor of its tender texts."""
    approach = QualityCriterion(1, "Plan van aanpak", Decimal("27.5"), "27,5 punten uitstekend", "")
    facts = {
        "scoring_method": ScoringMethod.WEIGHTED_POINTS,
        "price_formula": PriceFormula.RELATIVE,
        "contract_value_eur": Decimal(400000),
    }
    texts = build_tender_texts(
        _session(snapshot, facts=facts, quality_criteria=(approach,)), shipped_reference, "nl"
    )
    award = texts.section(TenderPart.AWARD)
    ((number, name, weight, scale, verification),) = [
        (q.number, q.name, q.weight, q.scale, q.verification) for q in award.quality
    ]
    assert (number, name, weight, scale) == (1, "Plan van aanpak", "27,5", "27,5 punten uitstekend")
    assert verification == "nog te bepalen"  # the team has not said how: said, not left blank
    assert "waarvan de kwaliteitscriteria samen 60 % van de totale score" in award.weights
    # 40 price points relative to the lowest price: a quality point is EUR 400,000 / 40.
    assert "laagste prijs / inschrijfprijs x 40" in award.price_formula
    assert "\u20ac 10.000" in award.price_formula
    only_other = build_tender_texts(
        _session(snapshot, facts=facts, criteria=(), quality_criteria=(approach,)), shipped_reference, "nl"
    )
    assert only_other.section(TenderPart.AWARD) is not None  # the part is there without SDG criteria
