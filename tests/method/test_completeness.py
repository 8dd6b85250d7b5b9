"""What keeps a strategy from being complete, on plain data: placeholders, criteria nobody can check,
award criteria without a weight or a scoring method, catalogue entries filed under another SDG,
indicators on SDGs that are not priorities or without an owner or a data source, an approval without
names or a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from compass.core.session import (
    Criterion,
    CriterionType,
    EntryKind,
    EntrySource,
    Indicator,
    IndicatorKind,
    InventoryEntry,
    ScoringMethod,
    SdgPriority,
)
from compass.method.completeness import (
    approval_findings,
    criterion_findings,
    indicator_findings,
    placeholder_in,
    scoring_findings,
)
from compass.method.steps import Step, is_complete

REQUIREMENT = CriterionType.MINIMUM_REQUIREMENT


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Het aandeel emissievrij materieel ([x] %) wordt beloond.", "[x]"),
        ("Levering aan [naam leverancier] binnen twee weken", "[naam leverancier]"),
        ("Zie de bijlage ...", "..."),
        ("Zie de bijlage \u2026", "\u2026"),
        ("Minimaal 30 % hergebruikt asfaltgranulaat (R8).", None),
        ("CO\u2082-Prestatieladder niveau 3 of gelijkwaardig", None),
    ],
)
def test_placeholders_are_found(text, found) -> None:
    assert placeholder_in(text) == found


def _criterion(text: str, verification: str = "Certificaat bij inschrijving", sdg: int = 13) -> Criterion:
    return Criterion(1, sdg, REQUIREMENT, text, verification=verification)


def test_a_criterion_needs_its_blanks_filled_and_a_way_to_check_it(snapshot) -> None:
    assert criterion_findings(snapshot(criteria=(_criterion("50 % emissievrij materieel"),))) == []
    (blank,) = criterion_findings(snapshot(criteria=(_criterion("([x] %) emissievrij materieel"),)))
    assert (blank.code, blank.field, dict(blank.params)["found"]) == ("placeholder", "criteria/1", "[x]")
    assert "placeholder ([x])" in blank.message_in("en") and "invulplek ([x])" in blank.message_in("nl")
    (unchecked,) = criterion_findings(
        snapshot(criteria=(_criterion("50 % emissievrij", verification=" "),))
    )
    assert unchecked.code == "unverified"
    codes = [p.code for p in criterion_findings(snapshot(criteria=(_criterion("[x] %", verification=""),)))]
    assert codes == ["placeholder", "unverified"]


def _indicator(sdg: int = 13, role: str = "Contractmanager", source: str = "MVI Platform") -> Indicator:
    return Indicator(
        1,
        sdg,
        IndicatorKind.QUANTITATIVE,
        "CO\u2082 vermeden",
        unit="kg CO\u2082",
        target=Decimal(1000),
        responsible_role=role,
        data_source=source,
    )


def _prioritised(snapshot, *indicators: Indicator):
    entry = InventoryEntry(1, 13, EntryKind.RISK, EntrySource.MATERIALS, "CO\u2082")
    return snapshot(inventory=(entry,), priorities=(SdgPriority(13, selected=True),), indicators=indicators)


def test_an_indicator_measures_a_priority_with_an_owner_and_a_source(snapshot) -> None:
    assert indicator_findings(_prioritised(snapshot, _indicator())) == []
    assert [p.code for p in indicator_findings(_prioritised(snapshot, _indicator(sdg=10)))] == [
        "indicator_not_priority"
    ]
    assert [p.code for p in indicator_findings(_prioritised(snapshot, _indicator(role="", source="")))] == [
        "indicator_owner",
        "indicator_source",
    ]


def test_findings_keep_their_step_from_being_complete(snapshot) -> None:
    session = _prioritised(snapshot, _indicator(role=""))
    assert not is_complete(Step.INDICATORS, session)
    assert is_complete(Step.INDICATORS, _prioritised(snapshot, _indicator()))


def _award(weight: Decimal | None, sdg: int = 13, catalogue_id: str = "") -> Criterion:
    return Criterion(
        2,
        sdg,
        CriterionType.AWARD_CRITERION,
        "Meer emissievrij materieel scoort hoger",
        weight_pct=weight,
        verification="Materieellijst",
        catalogue_id=catalogue_id,
    )


def test_an_award_criterion_needs_its_weight_and_the_quality_part_a_scoring_method(snapshot) -> None:
    assert [p.code for p in criterion_findings(snapshot(criteria=(_award(None),)))] == [
        "award_weight_missing"
    ]
    assert criterion_findings(snapshot(criteria=(_award(Decimal(10)),))) == []
    weighted = snapshot(criteria=(_award(Decimal(10)),), quality_weight_pct=Decimal(40))
    (missing,) = scoring_findings(weighted)
    assert (missing.code, missing.field) == ("scoring_method_missing", "scoring_method")
    decided = snapshot(
        criteria=(_award(Decimal(10)),),
        quality_weight_pct=Decimal(40),
        facts={"scoring_method": ScoringMethod.WEIGHTED_POINTS},
    )
    assert scoring_findings(decided) == []
    # Lowest price: no quality part, nothing to score; a procedure without award criteria neither.
    assert scoring_findings(snapshot(quality_weight_pct=Decimal(0))) == []
    assert scoring_findings(snapshot(quality_weight_pct=Decimal(40), award_criteria_allowed=False)) == []
    assert scoring_findings(snapshot(quality_weight_pct=None)) == []


def test_a_catalogue_entry_filed_under_another_sdg_is_a_finding(snapshot) -> None:
    social_return = (("crit-8-social-return", (8,)), ("ind-social-return-hours", (8,)))
    criterion = _award(Decimal(10), sdg=10, catalogue_id="crit-8-social-return")
    (wrong,) = criterion_findings(snapshot(criteria=(criterion,), catalogue_sdgs=social_return))
    assert (wrong.code, dict(wrong.params)["expected"]) == ("criterion_sdg_mismatch", "8")
    assert "SDG 10" in wrong.message_in("en") and "SDG 8" in wrong.message_in("en")
    on_its_sdg = _award(Decimal(10), sdg=8, catalogue_id="crit-8-social-return")
    assert criterion_findings(snapshot(criteria=(on_its_sdg,), catalogue_sdgs=social_return)) == []

    indicator = replace(_indicator(sdg=13), catalogue_id="ind-social-return-hours")
    codes = [p.code for p in indicator_findings(_prioritised(snapshot, indicator))]
    assert codes == []  # without the catalogue's SDGs nothing is claimed
    session = replace(_prioritised(snapshot, indicator), catalogue_sdgs=social_return)
    (mismatch,) = indicator_findings(session)
    assert (mismatch.code, mismatch.field) == ("indicator_sdg_mismatch", "indicators/1")


def test_the_approval_names_its_people_and_its_date(snapshot) -> None:
    codes = [(p.code, p.field) for p in approval_findings(snapshot())]
    assert codes == [
        ("approval_name", "project_leader"),
        ("approval_name", "procurement_adviser"),
        ("approval_name", "budget_holder"),
        ("decision_date_missing", "decision_date"),
    ]
    named = {
        "project_leader": "A. Jansen",
        "procurement_adviser": "B. de Vries",
        "budget_holder": " ",
        "decision_date": dt.date(2027, 2, 1),
    }
    assert [p.field for p in approval_findings(snapshot(facts=named))] == ["budget_holder"]
    named["budget_holder"] = "C. Bakker"
    assert approval_findings(snapshot(facts=named)) == []


def test_one_risk_on_two_sdgs_counts_for_both(snapshot) -> None:
    from compass.method.fields import validate_inventory_entry

    entry = InventoryEntry(
        1, 8, EntryKind.RISK, EntrySource.SUPPLY_CHAIN_GLOBAL, "Kinderarbeid en ontbossing", also_sdgs=(15,)
    )
    session = snapshot(inventory=(entry,), priorities=(SdgPriority(15, selected=True),))
    assert session.inventoried_sdgs() == (8, 15)
    assert session.entries_for(15) == (entry,) and session.priority_sdgs() == (15,)
    base = {"sdg": 8, "kind": EntryKind.RISK, "source": EntrySource.MATERIALS, "description": "x"}
    assert validate_inventory_entry({**base, "also_sdgs": (15,)}) == []
    for wrong in ((8,), (18,), ("15",)):
        assert [p.code for p in validate_inventory_entry({**base, "also_sdgs": wrong})] == ["also_sdgs"]


def test_an_sdg_outside_the_inventory_is_a_priority_only_with_a_reason(snapshot) -> None:
    from compass.method.priority_score import priority_order

    entry = InventoryEntry(1, 13, EntryKind.RISK, EntrySource.MATERIALS, "CO\u2082")
    without = snapshot(inventory=(entry,), priorities=(SdgPriority(17, selected=True),))
    assert without.priority_sdgs() == () and 17 not in priority_order(without)
    chosen = SdgPriority(17, selected=True, focus_reason="Samenwerking met de regio is de kern")
    session = snapshot(inventory=(entry,), priorities=(chosen,))
    assert session.priority_sdgs() == (17,) and set(priority_order(session)) == {13, 17}


@pytest.mark.parametrize(
    ("text", "aim"),
    [
        ("De opdrachtnemer minimaliseert afval en transport.", True),
        ("De opdrachtnemer streeft naar zo min mogelijk transport.", True),
        ("Zo veel mogelijk materialen worden hergebruikt.", True),
        ("The contractor minimises waste.", True),
        ("Waar mogelijk wordt elektrisch materieel ingezet.", True),
        ("Ten minste 50 % van het materieel is emissieloos.", False),
        ("De inschrijver levert bij inschrijving een afvalplan; de opdrachtnemer voert het uit.", False),
        ("Minimaal 25 % van de massa is hergebruikt materiaal.", False),  # 'minimaal' is a number, not an aim
    ],
)
def test_a_requirement_that_reads_as_an_aim_is_found(snapshot, text, aim) -> None:
    """Issue 24: "De opdrachtnemer minimaliseert afval ..." was typed as a requirement; an offer cannot
    fail it. Requirements are pass or fail."""
    session = snapshot(criteria=(Criterion(1, 12, REQUIREMENT, text, verification="Afvalplan"),))
    codes = [p.code for p in criterion_findings(session)]
    assert ("requirement_is_an_aim" in codes) is aim


@pytest.mark.parametrize(
    ("text", "verification", "scaled"),
    [
        ("Ontwerpvoorstellen die meer beweging stimuleren worden beloond.", "Plan", False),
        ("Ontwerpvoorstellen die meer beweging stimuleren worden beloond.", "0, 4, 7 of 10 punten", True),
        ("Het aandeel hergebruikt materiaal wordt beloond: hoe hoger het aandeel, hoe hoger de score.", "", True),
        ("Per niveau een fictieve korting van 2 % op de inschrijfprijs.", "", True),
        ("More points the larger the share of reused material.", "", True),
    ],
)
def test_an_award_criterion_says_how_it_scores(snapshot, text, verification, scaled) -> None:
    """Issue 24: several award criteria had no scale ("... worden beloond")."""
    award = Criterion(1, 3, CriterionType.AWARD_CRITERION, text, Decimal(10), verification)
    codes = [p.code for p in criterion_findings(snapshot(criteria=(award,)))]
    assert ("award_scale_missing" in codes) is not scaled
