"""The method's rules on plain data: no SQLite, no Qt. (The service tests in tests/domain check that
the services apply them before writing.)"""

from __future__ import annotations

from decimal import Decimal

import pytest

from compass.core.profile import FocusSdg, OrganisationProfile
from compass.core.session import (
    Ambition,
    AmbitionLevel,
    Criterion,
    CriterionType,
    EntryKind,
    EntrySource,
    InitiativeLink,
    InventoryEntry,
    Procedure,
    ScoringMethod,
    SdgPriority,
)
from compass.method.ambition import ambition_advice, criterion_type_for_level
from compass.method.completeness import placeholder_in
from compass.method.criteria import (
    lowest_price_findings,
    award_basis_findings,
    award_basis_text,
    criterion_rule_problems,
    with_social_return,
)
from compass.method.fields import validate_percentage
from compass.method.priority_score import priority_order, sdg_score
from compass.reference.loading import load_reference_data

AWARD = CriterionType.AWARD_CRITERION
REFERENCE = load_reference_data()


def _codes(values, procedure=Procedure.PUBLIC_EUROPEAN, quality=Decimal(100), others=()):
    rules = REFERENCE.procedure_rules(procedure)
    return [p.code for p in criterion_rule_problems(values, rules, quality, others)]


def test_award_criteria_need_a_procedure_that_has_them_and_a_weight() -> None:
    assert _codes({"criterion_type": AWARD, "weight_pct": Decimal(10)}, Procedure.SINGLE_QUOTE) == [
        "award_not_allowed"
    ]
    assert _codes({"criterion_type": AWARD, "weight_pct": None}) == ["weight_required"]
    assert _codes({"criterion_type": AWARD, "weight_pct": Decimal(10)}) == []
    assert _codes({"criterion_type": CriterionType.MINIMUM_REQUIREMENT, "weight_pct": Decimal(5)}) == [
        "weight_only_award"
    ]


@pytest.mark.parametrize(
    ("quality", "others", "weight", "fits"),
    [
        (Decimal(0), (), Decimal(0), True),  # price only: an award criterion may weigh nothing
        (Decimal(0), (), Decimal("0.1"), False),
        (Decimal(30), (Decimal(20),), Decimal(10), True),
        (Decimal(30), (Decimal(20),), Decimal("10.01"), False),
    ],
)
def test_award_weights_stay_within_the_quality_weight(quality, others, weight, fits) -> None:
    codes = _codes({"criterion_type": AWARD, "weight_pct": weight}, quality=quality, others=others)
    assert (codes == []) is fits
    assert fits or codes == ["weights_exceed"]


def test_which_procedures_allow_award_and_selection_criteria_comes_from_the_reference_data() -> None:
    rules = {r.procedure: r for r in REFERENCE.procedures}
    assert rules[Procedure.PUBLIC_EUROPEAN].allows_award_criteria
    assert not rules[Procedure.SINGLE_QUOTE].allows_award_criteria
    assert rules[Procedure.RESTRICTED].selection_phase and rules[Procedure.RESTRICTED].european
    assert not rules[Procedure.PUBLIC_EUROPEAN].selection_phase


@pytest.mark.parametrize(
    ("procedure", "codes"),
    [
        (Procedure.PUBLIC_EUROPEAN, ["selection_without_phase"]),  # the PSO case the review found
        (Procedure.MULTIPLE_QUOTES, ["selection_without_phase"]),
        (Procedure.RESTRICTED, []),
        (Procedure.RESTRICTED_NATIONAL, []),  # selects too, below the threshold
        (Procedure.COMPETITIVE_DIALOGUE, []),
    ],
)
def test_selection_criteria_only_where_the_procedure_selects(procedure, codes) -> None:
    assert _codes({"criterion_type": CriterionType.SELECTION_CRITERION}, procedure) == codes


@pytest.mark.parametrize("value", [Decimal(0), Decimal(100), Decimal("37.5"), 0, 100])
def test_percentages_from_0_to_100(value) -> None:
    assert validate_percentage(value, "quality_weight_pct") == []


@pytest.mark.parametrize("value", [Decimal(-1), Decimal("100.01"), True, "50"])
def test_what_is_not_a_percentage(value) -> None:
    assert [p.code for p in validate_percentage(value, "quality_weight_pct")] == ["percentage"]


def _entry(number: int, sdg: int) -> InventoryEntry:
    return InventoryEntry(number, sdg, EntryKind.RISK, EntrySource.SUPPLY_CHAIN_GLOBAL, f"risico {number}")


def test_the_priority_score_takes_focus_from_the_profile_and_counts_linked_initiatives(snapshot) -> None:
    session = snapshot(
        inventory=(_entry(1, 8), _entry(2, 12), _entry(3, 13)),
        priorities=(SdgPriority(8, urgency=2, votes=9), SdgPriority(13, urgency=4)),
        initiatives=tuple(InitiativeLink(n, 12, f"initiatief {n}") for n in range(1, 4)),
        profile=OrganisationProfile("Gemeente Heerlen", focus_sdgs=(FocusSdg(13, "klimaatakkoord"),)),
    )
    climate, work, consumption = sdg_score(session, 13), sdg_score(session, 8), sdg_score(session, 12)
    assert (climate.focus, climate.urgency, climate.initiatives, climate.votes) == (3, 4, 0, 0)
    assert (work.focus, work.urgency, work.votes) == (0, 2, 5)  # votes count at most 5
    assert consumption.initiatives == 2  # at most 2, however many are linked
    assert priority_order(session) == (8, 13, 12)  # 7, 7, 2: equal scores in SDG order


def test_without_a_profile_no_sdg_is_a_focus(snapshot) -> None:
    session = snapshot(inventory=(_entry(1, 13),), priorities=(SdgPriority(13, urgency=1),))
    assert sdg_score(session, 13).focus == 0


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (AmbitionLevel.BASIC, CriterionType.MINIMUM_REQUIREMENT),
        (AmbitionLevel.SIGNIFICANT, CriterionType.AWARD_CRITERION),
        (AmbitionLevel.AMBITIOUS, CriterionType.INNOVATION_QUESTION),
        (None, CriterionType.MINIMUM_REQUIREMENT),
    ],
)
def test_the_criterion_type_that_fits_a_level(level, expected) -> None:
    assert criterion_type_for_level(level) is expected


def test_step_3_advice_per_sdg(snapshot) -> None:
    reference = load_reference_data()
    empty = snapshot(ambitions=(Ambition(13, AmbitionLevel.AMBITIOUS),))
    assert [p.code for p in ambition_advice(empty, 13, reference)] == [
        "innovation_dialogues",
        "no_criterion",
    ]
    many = snapshot(
        criteria=tuple(Criterion(n, 12, CriterionType.MINIMUM_REQUIREMENT, f"eis {n}") for n in range(1, 7))
    )
    (advice,) = ambition_advice(many, 12, reference)
    assert advice.code == "many_criteria" and dict(advice.params) == {"count": 6}


def test_a_social_return_criterion_carries_the_profiles_range() -> None:
    profile = OrganisationProfile(
        "Gemeente Heerlen", social_return_min_pct=Decimal(2), social_return_max_pct=Decimal("5.5")
    )
    assert with_social_return("Social Return", "social_return", profile, "nl") == (
        "Social Return (organisatieprofiel: 2-5,5 % van de opdrachtwaarde)"
    )
    assert with_social_return("CO2-ladder", "climate", profile, "nl") == "CO2-ladder"
    assert with_social_return("Social Return", "social_return", None, "en") == "Social Return"


def test_a_social_return_requirement_takes_the_profiles_figure_for_its_blank() -> None:
    """Heerlen's requirement "[x] % of the contract value" stayed a placeholder though the profile says
    2-5 % (issue 23): the blank takes the policy's lowest figure, the note keeps the range."""
    profile = OrganisationProfile(
        "Gemeente Heerlen", social_return_min_pct=Decimal(2), social_return_max_pct=Decimal(5)
    )
    text = "De opdrachtnemer besteedt, ongeacht het soort opdracht, [x] % van de opdrachtsom aan Social Return."
    assert with_social_return(text, "social_return", profile, "nl") == (
        "De opdrachtnemer besteedt, ongeacht het soort opdracht, 2 % van de opdrachtsom aan Social Return."
        " (organisatieprofiel: 2-5 % van de opdrachtwaarde)"
    )
    assert placeholder_in(with_social_return(text, "social_return", profile, "nl")) is None
    assert with_social_return(text, "social_return", None, "nl") == text  # no policy: the team fills it in


@pytest.mark.parametrize(
    ("quality", "codes"),
    [(None, ["split_missing"]), (Decimal(100), ["price_left_out"]), (Decimal(60), []), (Decimal(0), [])],
)
def test_the_price_quality_split_is_decided_not_defaulted(quality, codes) -> None:
    assert [p.code for p in award_basis_findings(quality)] == codes


@pytest.mark.parametrize(
    ("quality", "allowed", "reason", "codes"),
    [
        (Decimal(0), True, "", ["lowest_price_unmotivated"]),
        (Decimal(0), True, "  \n", ["lowest_price_unmotivated"]),
        (Decimal(0), True, "Vaste kwaliteit in het bestek; alleen de prijs onderscheidt.", []),
        (Decimal(0), False, "", []),  # a procedure without award criteria has no choice to motivate
        (Decimal(30), True, "", []),
        (None, True, "", []),  # not decided: the split itself is asked for
    ],
)
def test_an_award_on_lowest_price_asks_its_motivation(quality, allowed, reason, codes) -> None:
    """Art. 2.114 lid 3 Aw: lowest price or lowest cost is motivated in the tender documents; a 0 %
    quality weight printed "best price-quality ratio: 100 % price" with no finding (issue 23)."""
    found = lowest_price_findings(quality, allowed, reason)
    assert [p.code for p in found] == codes
    assert all(p.field == "award_basis_reason" for p in found)


def test_without_a_split_award_weights_are_not_held_against_a_phantom_100() -> None:
    assert _codes({"criterion_type": AWARD, "weight_pct": Decimal(70)}, quality=None) == []


@pytest.mark.parametrize(
    ("quality", "allowed", "language", "scoring", "words"),
    [
        (
            Decimal(60),
            True,
            "nl",
            ScoringMethod.FICTITIOUS_DISCOUNT,
            "beste prijs-kwaliteitverhouding: 40 % prijs, 60 % kwaliteit; "
            "fictieve korting per criterium (gunnen op waarde)",
        ),
        (
            Decimal("37.5"),
            True,
            "en",
            None,
            "best price-quality ratio: 62.5 % price, 37.5 % quality; scoring method not decided yet",
        ),
        # Lowest price is an award basis of its own, not a price-quality ratio of 100 % price.
        (Decimal(0), True, "en", None, "lowest price or lowest cost (quality weight 0 %)"),
        (Decimal(0), True, "nl", None, "laagste prijs of laagste kosten (kwaliteitsweging 0 %)"),
        (None, True, "en", None, "not decided yet"),
        (Decimal(60), False, "nl", None, "laagste prijs (de procedure kent geen gunningscriteria)"),
    ],
)
def test_the_award_basis_in_words(quality, allowed, language, scoring, words) -> None:
    assert award_basis_text(quality, allowed, language, scoring) == words


def test_a_catalogue_indicator_keeps_the_catalogues_unit() -> None:
    from compass.method.fields import catalogue_unit_problems, indicator_units

    units = indicator_units(REFERENCE)
    assert units["ind-co2-avoided"][0] == "kg CO\u2082"
    picked = {"catalogue_id": "ind-co2-avoided"}
    assert [p.code for p in catalogue_unit_problems({**picked, "unit": "ton"}, units)] == ["unit_mismatch"]
    assert catalogue_unit_problems({**picked, "unit": "kg CO\u2082"}, units) == []
    assert catalogue_unit_problems({"catalogue_id": "", "unit": "ton"}, units) == []  # the team's own


def test_the_quality_weight_never_drops_below_the_award_weights_given() -> None:
    from compass.method.criteria import quality_weight_problems

    assert quality_weight_problems(Decimal(40), Decimal("37.5")) == []
    assert quality_weight_problems(None, Decimal(40)) == []  # back to "not decided"
    (problem,) = quality_weight_problems(Decimal(30), Decimal("37.5"))
    assert problem.code == "below_award_weights" and "37,5 %" in problem.message_in("nl")
    assert [p.code for p in quality_weight_problems(Decimal(101), Decimal(0))] == ["percentage"]


def test_a_catalogue_indicator_may_use_an_equivalent_unit_of_the_same_quantity() -> None:
    from compass.method.fields import catalogue_unit_problems, indicator_units

    units = indicator_units(load_reference_data())
    assert units["ind-co2-avoided"][:1] == ("kg CO₂",) and "ton CO₂" in units["ind-co2-avoided"]
    assert catalogue_unit_problems({"catalogue_id": "ind-co2-avoided", "unit": "ton CO₂"}, units) == []
    (wrong,) = catalogue_unit_problems({"catalogue_id": "ind-co2-avoided", "unit": "kWh"}, units)
    assert wrong.code == "unit_mismatch"


@pytest.mark.parametrize(
    ("typed", "accepted"),
    [
        ("kg CO₂", True),
        ("ton CO2 per jaar", True),  # refused in a walk
        ("Tonnes CO₂ / year", True),
        ("  kg  co2 ", True),
        ("liter", False),
        ("kg CO₂ per persoon", False),
    ],
)
def test_a_catalogue_indicators_unit_may_be_typed_as_people_write_it(typed: str, accepted: bool) -> None:
    from compass.method.fields import catalogue_unit_problems

    units = {"ind-co2": ("kg CO₂", "ton CO₂", "tonnes CO₂")}
    problems = catalogue_unit_problems({"catalogue_id": "ind-co2", "unit": typed}, units)
    assert (problems == []) is accepted


@pytest.mark.parametrize(
    ("weight", "value", "scoring", "price"),
    [
        (Decimal(5), Decimal(2400000), ScoringMethod.FICTITIOUS_DISCOUNT, Decimal(120000)),  # issue 24's example
        (Decimal("2.5"), Decimal(450000), ScoringMethod.FICTITIOUS_DISCOUNT, Decimal(11250)),
        (Decimal(5), Decimal(2400000), ScoringMethod.WEIGHTED_POINTS, None),  # depends on the price formula
        (Decimal(5), None, ScoringMethod.FICTITIOUS_DISCOUNT, None),
        (None, Decimal(2400000), ScoringMethod.FICTITIOUS_DISCOUNT, None),
        (Decimal(5), Decimal(2400000), None, None),
    ],
)
def test_the_price_of_ambition_of_a_fictitious_discount(weight, value, scoring, price) -> None:
    from compass.method.criteria import price_of_ambition

    assert price_of_ambition(weight, value, scoring) == price
