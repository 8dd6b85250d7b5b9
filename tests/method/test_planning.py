"""The tender's planning against the procedure's legal minimum periods, its budget against the estimate,
and the strategy's own sections (issue 24), on plain facts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from compass.core.session import ProcedurePeriods, ProjectFacts
from compass.method.planning import budget_findings, holiday_advice, planning_findings, strategy_section_advice

OPEN_EUROPEAN = ProcedurePeriods(40, 6, 20, "Aanbestedingswet 2012, art. 2.71")
RESTRICTED = ProcedurePeriods(35, 6, 20, "Aanbestedingswet 2012", request_days=30)
PUBLISHED = dt.date(2027, 3, 1)


def _facts(**dates) -> ProjectFacts:
    return ProjectFacts(title="Schoonmaak", publication_date=PUBLISHED, **dates)


def _codes(found) -> list[str]:
    return [p.code for p in found]


@pytest.mark.parametrize(
    ("closing_days", "periods", "codes"),
    [
        (40, OPEN_EUROPEAN, []),
        (39, OPEN_EUROPEAN, ["tender_period_short"]),
        (64, RESTRICTED, ["tender_period_short"]),  # 30 days for requests, then 35 for tenders
        (65, RESTRICTED, []),
        (10, None, []),  # a national procedure: no legal minimum here, the Gids Proportionaliteit asks proportion
    ],
)
def test_the_closing_date_keeps_the_procedures_minimum_period(closing_days, periods, codes) -> None:
    facts = _facts(closing_date=PUBLISHED + dt.timedelta(days=closing_days))
    assert _codes(planning_findings(facts, periods)) == codes


def test_the_minimum_is_named_with_its_source() -> None:
    (short,) = planning_findings(_facts(closing_date=dt.date(2027, 4, 1)), OPEN_EUROPEAN)
    assert short.field == "closing_date"
    assert short.message_in("en") == (
        "The closing date is 31 days after publication; this procedure needs at least 40 "
        "(Aanbestedingswet 2012, art. 2.71)."
    )


def test_answers_to_questions_come_in_time_and_the_contract_waits_for_the_standstill() -> None:
    closing = dt.date(2027, 4, 15)
    facts = _facts(
        questions_deadline=closing - dt.timedelta(days=5),
        closing_date=closing,
        award_decision_date=dt.date(2027, 5, 10),
        contract_start=dt.date(2027, 5, 25),
    )
    found = planning_findings(facts, OPEN_EUROPEAN)
    assert [(p.code, p.field) for p in found] == [
        ("questions_late", "questions_deadline"),
        ("standstill_short", "contract_start"),
    ]
    assert "20 calendar days" in found[1].message_in("en")
    fixed = _facts(
        questions_deadline=closing - dt.timedelta(days=6),
        closing_date=closing,
        award_decision_date=dt.date(2027, 5, 10),
        contract_start=dt.date(2027, 5, 30),
    )
    assert planning_findings(fixed, OPEN_EUROPEAN) == []


def test_a_planning_that_runs_backwards_is_named_first() -> None:
    facts = _facts(closing_date=dt.date(2027, 5, 1), award_decision_date=dt.date(2027, 4, 1))
    (found,) = planning_findings(facts, OPEN_EUROPEAN)
    assert found.code == "planning_order" and found.field == "award_decision_date"
    assert found.message_in("en") == (
        "The planning runs backwards: Award decision (1 Apr 2027) comes before Closing date (1 May 2027)."
    )


@pytest.mark.parametrize(
    ("start", "end", "advised"),
    [
        (dt.date(2027, 12, 1), dt.date(2028, 1, 20), True),  # over Christmas
        (dt.date(2027, 7, 1), dt.date(2027, 8, 10), True),  # into the summer holidays
        (dt.date(2027, 3, 1), dt.date(2027, 4, 15), False),
        (dt.date(2027, 9, 1), dt.date(2027, 10, 15), False),
    ],
)
def test_a_tender_period_over_the_holidays_is_advised_against(start, end, advised) -> None:
    facts = ProjectFacts(title="x", publication_date=start, closing_date=end)
    assert bool(holiday_advice(facts)) is advised


def test_an_estimate_above_the_budget_needs_cover() -> None:
    over = ProjectFacts(title="x", contract_value_eur=Decimal(500000), budget_eur=Decimal(450000))
    (found,) = budget_findings(over)
    assert found.field == "budget_eur" and "500,000" in found.message_in("en")
    assert budget_findings(ProjectFacts(title="x", contract_value_eur=Decimal(400000), budget_eur=Decimal(450000))) == []
    assert budget_findings(ProjectFacts(title="x", contract_value_eur=Decimal(400000))) == []


def test_the_strategy_asks_for_its_own_sections_as_advice(snapshot) -> None:
    empty = strategy_section_advice(snapshot())
    assert [p.field for p in empty] == [
        "occasion",
        "budget",
        "closing_date",
        "selection",
        "contract_terms",
        "contract_management",
    ]
    written = snapshot(
        facts={
            "occasion": "Het contract loopt af.",
            "budget": "Begrotingspost 6.2, gedekt.",
            "closing_date": dt.date(2027, 5, 1),
            "selection": "Uniform Europees Aanbestedingsdocument; referentieproject.",
            "contract_terms": "ARVODI-2018.",
            "contract_management": "Contractmanager openbare ruimte; kwartaaloverleg.",
        }
    )
    assert strategy_section_advice(written) == []
