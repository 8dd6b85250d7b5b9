"""The mandate route on plain data: which steps apply to a contract value (from the step's amount on,
that amount included), which one adopts (the highest that applies), and what makes a route unusable."""

from __future__ import annotations

from decimal import Decimal

from compass.core.profile import MandateDecision, MandateStep
from compass.method.mandate import DECIDES_WORDS, ordered, route_for_value, route_problems

ADOPTS, ADVISES = MandateDecision.ADOPTS, MandateDecision.ADVISES
CONSULTED, INFORMED = MandateDecision.CONSULTED, MandateDecision.INFORMED

DIRECTOR = MandateStep(Decimal(50000), "Directeur", ADOPTS, "Mandaatbesluit 2024, art. 3")
CONTROLLER = MandateStep(Decimal(50000), "Concerncontroller", ADVISES, "Budgethoudersregeling, art. 5")
COLLEGE = MandateStep(Decimal(1500000), "College van B&W", ADOPTS, "Mandaatbesluit 2024, art. 2")
COUNCIL = MandateStep(Decimal(1500000), "Gemeenteraad", CONSULTED, "Gemeentewet art. 169 lid 4")
ROUTE = (DIRECTOR, CONTROLLER, COLLEGE, COUNCIL)


def test_below_the_lowest_step_nothing_applies_and_the_budget_holder_keeps_the_decision() -> None:
    found = route_for_value(ROUTE, Decimal("49999.99"))
    assert found.steps == () and found.adopting is None


def test_a_step_applies_from_exactly_its_amount() -> None:
    found = route_for_value(ROUTE, Decimal(50000))
    assert found.steps == (DIRECTOR, CONTROLLER) and found.adopting is DIRECTOR
    assert route_for_value(ROUTE, Decimal(1500000)).adopting is COLLEGE


def test_only_the_highest_adopting_step_adopts_and_the_others_apply_beside_it() -> None:
    found = route_for_value(ROUTE, Decimal(6500000))
    assert found.adopting is COLLEGE
    assert found.steps == (CONTROLLER, COLLEGE, COUNCIL)  # the director no longer adopts


def test_an_empty_route_says_nothing() -> None:
    found = route_for_value((), Decimal(6500000))
    assert found.steps == () and found.adopting is None


def test_an_unsorted_route_is_read_by_amount_keeping_the_order_within_one_amount() -> None:
    shuffled = (COUNCIL, COLLEGE, CONTROLLER, DIRECTOR)
    assert ordered(shuffled) == (CONTROLLER, DIRECTOR, COUNCIL, COLLEGE)
    assert route_for_value(shuffled, Decimal(6500000)).steps == (CONTROLLER, COUNCIL, COLLEGE)
    assert route_for_value(shuffled, Decimal(60000)).adopting is DIRECTOR


def test_steps_that_do_not_adopt_leave_the_decision_with_the_budget_holder() -> None:
    informed = MandateStep(Decimal(0), "Wethouder", INFORMED, "Werkafspraak, par. 2")
    found = route_for_value((informed,), Decimal(10))
    assert found.steps == (informed,) and found.adopting is None


def test_a_step_from_zero_applies_to_every_value() -> None:
    college = MandateStep(Decimal(0), "College", ADOPTS, "Gemeentewet art. 160 lid 1 onder e", derived=True)
    assert route_for_value((college,), Decimal(0)).adopting is college


def test_a_usable_route_has_no_problems() -> None:
    assert route_problems(ROUTE) == []
    assert route_problems(()) == []


def test_every_problem_of_a_step_is_named_at_its_field() -> None:
    bad = MandateStep(Decimal(-1), "  ", ADVISES, " ")
    problems = route_problems((DIRECTOR, bad))
    assert [(p.code, p.field) for p in problems] == [
        ("mandate_amount", "mandate_route/1/from_eur"),
        ("mandate_role", "mandate_route/1/role"),
        ("mandate_source", "mandate_route/1/source"),
    ]
    assert problems[0].message_in("en") == "Step 2: the amount from which it applies cannot be negative."


def test_two_steps_adopting_from_one_amount_are_refused() -> None:
    twice = MandateStep(Decimal(50000), "Afdelingshoofd", ADOPTS, "Mandaatbesluit 2024, art. 4")
    (problem,) = route_problems((DIRECTOR, twice))
    assert problem.code == "mandate_two_adopt"
    assert problem.message_in("en") == "Two steps adopt the strategy from the same amount (50,000)."


def test_every_decision_has_its_words() -> None:
    assert set(DECIDES_WORDS) == set(MandateDecision)
