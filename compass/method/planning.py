"""The tender's planning against the law, and its budget against the estimate.

From publication to contract: the closing date at least the procedure's minimum period after the notice
(with a selection phase: the request period plus the tender period), the last answers to questions a
few days before closing, the contract after the standstill that follows the award decision, in that
order; a period over Christmas or the summer holidays is advised against (Gids Proportionaliteit:
periods proportional). The periods are reference data per procedure with their source. No Qt.
"""

from __future__ import annotations

import datetime as dt

from compass.core.fact_fields import FACTS_BY_NAME
from compass.core.session import ProcedurePeriods, Problem, ProjectFacts, SessionSnapshot, Words
from compass.i18n import N_, translate_in

PLANNING_ORDER = (
    "publication_date",
    "questions_deadline",
    "closing_date",
    "award_decision_date",
    "contract_start",
)
# Calendar stretches in which a tender period is hard on bidders (month, day) inclusive.
HOLIDAYS = (
    (N_("the Christmas holidays"), (12, 20), (1, 6)),
    (N_("the summer holidays"), (7, 15), (8, 31)),
)


def planning_findings(facts: ProjectFacts, periods: ProcedurePeriods | None) -> list[Problem]:
    """What the planned dates break: an order that runs backwards, or a legal minimum period."""
    found = _order(facts)
    if found or periods is None:
        return found
    published, questions, closing = facts.publication_date, facts.questions_deadline, facts.closing_date
    decision, start = facts.award_decision_date, facts.contract_start
    if published and closing:
        minimum = periods.tender_days + (periods.request_days or 0)
        if (closing - published).days < minimum:
            found.append(
                Problem(
                    "tender_period_short",
                    "closing_date",
                    N_(
                        "The closing date is {days} days after publication; this procedure needs at "
                        "least {minimum} ({source})."
                    ),
                    days=(closing - published).days,
                    minimum=minimum,
                    source=periods.source.split(";")[0],
                )
            )
    if questions and closing and (closing - questions).days < periods.questions_days:
        found.append(
            Problem(
                "questions_late",
                "questions_deadline",
                N_(
                    "The last answers to questions come {days} days before closing; give them at least "
                    "{minimum} days before."
                ),
                days=(closing - questions).days,
                minimum=periods.questions_days,
            )
        )
    if decision and start and (start - decision).days < periods.standstill_days:
        found.append(
            Problem(
                "standstill_short",
                "contract_start",
                N_(
                    "The contract starts {days} days after the award decision; the standstill period is "
                    "{minimum} calendar days (art. 2.127 Aanbestedingswet)."
                ),
                days=(start - decision).days,
                minimum=periods.standstill_days,
            )
        )
    return found


def _order(facts: ProjectFacts) -> list[Problem]:
    planned = [(name, getattr(facts, name)) for name in PLANNING_ORDER if getattr(facts, name) is not None]
    for (before, earlier), (after, later) in zip(planned, planned[1:], strict=False):
        if later < earlier:
            return [
                Problem(
                    "planning_order",
                    after,
                    N_(
                        "The planning runs backwards: {later_name} ({later}) comes before "
                        "{earlier_name} ({earlier})."
                    ),
                    later_name=_label(after),
                    later=later,
                    earlier_name=_label(before),
                    earlier=earlier,
                )
            ]
    return []


def _label(name: str) -> Words:
    label = FACTS_BY_NAME[name].label
    return Words(translate_in("nl", label), translate_in("en", label))


def holiday_advice(facts: ProjectFacts) -> list[Problem]:
    """A tender period over Christmas or the summer holidays: bidders lose weeks (advice)."""
    start, end = facts.publication_date, facts.closing_date
    if start is None or end is None or end < start:
        return []
    found = []
    for name, first, last in HOLIDAYS:
        if _overlaps(start, end, first, last):
            found.append(
                Problem(
                    "tender_period_holidays",
                    "closing_date",
                    N_("The tender period runs over {holidays}: consider a longer period or other dates."),
                    holidays=Words(translate_in("nl", name), translate_in("en", name)),
                )
            )
    return found


def _overlaps(start: dt.date, end: dt.date, first: tuple[int, int], last: tuple[int, int]) -> bool:
    for year in range(start.year - 1, end.year + 1):
        begin = dt.date(year, *first)
        finish = dt.date(year + 1 if last < first else year, *last)
        if begin <= end and start <= finish:
            return True
    return False


def budget_findings(facts: ProjectFacts) -> list[Problem]:
    """An estimate above the budget available: the strategy cannot be adopted without cover."""
    value, budget = facts.contract_value_eur, facts.budget_eur
    if value is None or budget is None or value <= budget:
        return []
    return [
        Problem(
            "budget_short",
            "budget_eur",
            N_(
                "The estimated value (EUR {value}) exceeds the budget available (EUR {budget}): "
                "find cover or lower the estimate."
            ),
            value=value,
            budget=budget,
        )
    ]


# The strategy's sections around the SDG paragraph, and what each asks when it is empty. Advice, not a
# gap: a small single-quote purchase may not need them all, the adviser decides (issue 24).
STRATEGY_SECTIONS = (
    ("occasion", N_("Say why this tender is needed and what it must achieve (occasion and goal).")),
    ("budget", N_("Name the budget line and its cover, and whether the estimate fits it.")),
    ("closing_date", N_("Plan the tender: the closing date, the last answers to questions, the award.")),
    ("selection", N_("Say which exclusion grounds, suitability requirements and selection apply.")),
    ("contract_terms", N_("Name the contract form (ARVODI, UAV, UAV-GC, RAW) and its conditions.")),
    ("contract_management", N_("Say who manages the contract, with which meetings, reports and sanctions.")),
)


def strategy_section_advice(snapshot: SessionSnapshot) -> list[Problem]:
    """The sections of a whole tender strategy the team has not written yet (advice)."""
    facts = snapshot.facts
    return [
        Problem("strategy_section_missing", name, message)
        for name, message in STRATEGY_SECTIONS
        if not _written(getattr(facts, name))
    ]


def _written(value: object) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))
