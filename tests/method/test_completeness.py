"""What keeps a strategy from being complete, on plain data: placeholders, criteria nobody can check,
indicators on SDGs that are not priorities, indicators without an owner or a data source."""

from __future__ import annotations

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
    SdgPriority,
)
from compass.method.completeness import criterion_findings, indicator_findings, placeholder_in
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
