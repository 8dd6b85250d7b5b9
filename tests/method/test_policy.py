"""The organisation's policy frame on plain data: which standard requirements apply by value, which are
applied, and which are open because nobody said why not."""

from __future__ import annotations

from decimal import Decimal

from compass.core.profile import OrganisationProfile
from compass.core.session import Criterion, CriterionType
from compass.method.policy import policy_findings, policy_frame, policy_status_text
from compass.reference.loading import load_reference_data

REFERENCE = load_reference_data()
MAASTRICHT = OrganisationProfile(
    "Gemeente Maastricht",
    mvi_threshold_eur=Decimal(50000),
    social_return_threshold_eur=Decimal(100000),
    standard_requirements=("crit-12-mvi-criteria-50k", "crit-8-social-return-100k"),
)
HEERLEN = OrganisationProfile(
    "Gemeente Heerlen",
    social_return_min_pct=Decimal(2),
    social_return_max_pct=Decimal(5),
    standard_requirements=("crit-8-social-return-2-5", "crit-4-co2-calculation-all-purchases"),
)


def _frame(snapshot, profile, value, *, applied=(), reasons=()):
    criteria = tuple(
        Criterion(n, 8, CriterionType.CONTRACT_CONDITION, "uit het beleid", catalogue_id=cid)
        for n, cid in enumerate(applied, start=1)
    )
    session = snapshot(
        facts={"contract_value_eur": Decimal(value) if value is not None else None},
        profile=profile,
        criteria=criteria,
        policy_reasons=tuple(reasons),
    )
    from dataclasses import replace

    return replace(session, policy=policy_frame(session, REFERENCE))


def test_thresholds_decide_which_requirements_apply(snapshot) -> None:
    workwear = _frame(snapshot, MAASTRICHT, "80000")  # MVI from 50,000; Social Return from 100,000
    assert [(i.criterion_id, i.applies) for i in workwear.policy] == [
        ("crit-12-mvi-criteria-50k", True),
        ("crit-8-social-return-100k", False),
    ]
    assert [p.field for p in policy_findings(workwear)] == ["policy/crit-12-mvi-criteria-50k"]
    assert policy_status_text(workwear.policy[1], "nl") == "geldt niet: de waarde blijft onder EUR 100.000"
    big = _frame(snapshot, MAASTRICHT, "180000")
    assert all(item.applies for item in big.policy)
    assert len(policy_findings(big)) == 2


def test_a_requirement_without_a_threshold_applies_to_every_tender(snapshot) -> None:
    small = _frame(snapshot, HEERLEN, "5000")
    assert all(item.applies for item in small.policy)  # Heerlen: Social Return on every contract
    unknown_value = _frame(snapshot, MAASTRICHT, None)
    assert all(item.applies for item in unknown_value.policy)  # no value yet: to be safe, it applies


def test_applied_or_explained_requirements_are_not_open(snapshot) -> None:
    session = _frame(
        snapshot,
        HEERLEN,
        "800000",
        applied=("crit-8-social-return-2-5",),
        reasons=(("crit-4-co2-calculation-all-purchases", "Geen transport of materieel in deze opdracht"),),
    )
    assert [(i.applied, i.reason) for i in session.policy] == [
        (True, ""),
        (False, "Geen transport of materieel in deze opdracht"),
    ]
    assert policy_findings(session) == []
    assert policy_status_text(session.policy[0], "en") == "applied"
    assert policy_status_text(session.policy[1], "en") == (
        "not applied, because: Geen transport of materieel in deze opdracht"
    )


def test_the_open_requirement_is_named_in_each_language(snapshot) -> None:
    (open_item,) = policy_findings(_frame(snapshot, MAASTRICHT, "60000"))
    assert "De MVI-criteria van PIANOo" in open_item.message_in("nl")
    assert "apply it, or say why" in open_item.message_in("en")


def test_without_a_profile_there_is_no_policy_frame(snapshot) -> None:
    assert _frame(snapshot, None, "1000000").policy == ()


def test_an_applied_requirement_reads_as_the_team_worded_it(snapshot) -> None:
    open_item, applied_item = _frame(
        snapshot, MAASTRICHT, "450000", applied=("crit-8-social-return-100k",)
    ).policy
    assert "[x]" not in applied_item.text("nl") and applied_item.text("nl") == "uit het beleid"
    assert open_item.text("nl").startswith("De MVI-criteria van PIANOo")  # the catalogue's words
