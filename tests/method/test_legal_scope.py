"""An entry the law limits (a reserved contract under art. 2.82a Aw: only certain health, social and
cultural services) is refused as incomplete where the tender lies outside it (issue 23), on plain data
and with the shipped catalogue."""

from __future__ import annotations

import pytest

from compass.core.codes import ContractKind
from compass.core.session import Criterion, CriterionType, SdgPriority
from compass.method.derived import with_derived_facts
from compass.method.legal_scope import is_outside, legal_scope_findings, outside_legal_scope
from compass.method.steps import Step, problems
from compass.reference.loading import load_reference_data
from compass.reference.types import LegalScope, LocalizedText

RESERVED_282A = "crit-8-reserved-contract-282a"
SOCIAL_SERVICES_ONLY = LegalScope(
    (ContractKind.SERVICES, ContractKind.SOCIAL_SERVICES),
    LocalizedText("Alleen sociale diensten.", "Only social services."),
    "Aanbestedingswet 2012, art. 2.82a",
    ("cat-street-coach",),
)


@pytest.fixture(scope="module")
def reference():
    return load_reference_data()


@pytest.mark.parametrize(
    ("category", "kind", "outside"),
    [
        ("cat-street-coach", ContractKind.SOCIAL_SERVICES, False),
        ("cat-street-coach", ContractKind.WORKS, True),  # the kind alone rules it out
        ("cat-cleaning", ContractKind.SERVICES, True),  # a service, but not a social one
        ("cat-cleaning", None, True),
        ("", ContractKind.SOCIAL_SERVICES, False),  # own words for the category: the CPV check is the team's
        ("", None, False),
        ("", ContractKind.SUPPLIES, True),
    ],
)
def test_a_tender_outside_the_scope_is_known_by_its_category_or_kind(category, kind, outside) -> None:
    assert is_outside(SOCIAL_SERVICES_ONLY, category, kind) is outside


def test_an_entry_without_a_scope_fits_every_tender() -> None:
    assert not is_outside(None, "cat-cleaning", ContractKind.WORKS)


def test_the_reserved_contract_of_282a_is_limited_to_social_services(reference) -> None:
    reserved = reference.criterion(RESERVED_282A)
    assert reserved.legal_scope is not None
    assert set(reserved.legal_scope.contract_kinds) == {ContractKind.SERVICES, ContractKind.SOCIAL_SERVICES}
    assert "2.82a" in reserved.legal_scope.source and "CPV" in reserved.legal_scope.explanation.nl
    # Offered only where the law allows it: it sorted first for cleaning, catering and green works.
    assert set(reserved.categories) <= set(reserved.legal_scope.categories)
    for category in ("cat-cleaning", "cat-catering", "cat-green-works", "cat-grass-maintenance"):
        assert reserved not in reference.criteria_for_category(category), category
    assert outside_legal_scope([RESERVED_282A], reference, "cat-cleaning", ContractKind.SERVICES) == (
        (RESERVED_282A, reserved.legal_scope.source),
    )


def test_sheltered_workshops_have_their_own_reservation(reference) -> None:
    """Art. 2.82 (sheltered workshops, 30 % disadvantaged workers) was missing; it is where cleaning,
    catering and green maintenance can reserve a contract."""
    sheltered = reference.criterion("crit-8-reserved-contract-282")
    assert "2.82 " in sheltered.text.nl and "30 %" in sheltered.text.nl
    assert "cat-cleaning" in sheltered.categories and "cat-green-works" in sheltered.categories
    assert sheltered.legal_scope is None


def _session(snapshot, category: str, kind: ContractKind | None):
    return snapshot(
        facts={"category": category, "contract_kind": kind},
        priorities=(SdgPriority(8, selected=True),),
        criteria=(
            Criterion(1, 8, CriterionType.SUITABILITY_REQUIREMENT, "Voorbehouden opdracht", catalogue_id=RESERVED_282A),
            Criterion(2, 8, CriterionType.CONTRACT_CONDITION, "Social Return", verification="Rapportage"),
        ),
    )


def test_a_cleaning_tender_that_reserves_under_282a_stays_a_draft(snapshot, reference) -> None:
    session = with_derived_facts(_session(snapshot, "cat-cleaning", ContractKind.SERVICES), reference)
    found = legal_scope_findings(session)
    assert [(p.code, p.field) for p in found] == [("outside_legal_scope", "criteria/1")]
    assert dict(found[0].params)["law"].startswith("Aanbestedingswet 2012, art. 2.82a")
    assert any(p.code == "outside_legal_scope" for p in problems(Step.AMBITION, session))


def test_a_street_coach_tender_may_reserve_under_282a(snapshot, reference) -> None:
    session = with_derived_facts(_session(snapshot, "cat-street-coach", ContractKind.SOCIAL_SERVICES), reference)
    assert legal_scope_findings(session) == []
    assert session.outside_legal_scope == ()


def test_the_category_typed_by_its_name_counts_as_the_category(snapshot, reference) -> None:
    session = with_derived_facts(_session(snapshot, "Schoonmaak", None), reference)
    assert [p.code for p in legal_scope_findings(session)] == ["outside_legal_scope"]


def test_the_catalogue_refuses_an_entry_tagged_outside_its_own_scope(tmp_path) -> None:
    """Tagging the reserved contract to cleaning again is a data error named with file and entry."""
    import json
    import shutil

    from compass.core.errors import ReferenceDataError
    from compass.paths import resource_path

    folder = tmp_path / "data"
    shutil.copytree(resource_path("data"), folder)
    path = folder / "criteria.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    entry = next(c for c in data["criteria"] if c["id"] == RESERVED_282A)
    entry["categories"].append("cat-cleaning")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"crit-8-reserved-contract-282a.*'cat-cleaning' is outside its legal scope"):
        load_reference_data(folder)
