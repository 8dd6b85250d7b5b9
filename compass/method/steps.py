"""The wizard's steps as data, their order, and why a step is incomplete. No Qt.

The UI renders this (step list, gaps on the summary page), the CLI and the PDF reuse it. Problems here
are gaps to fix, not errors: a user may move freely between steps.
"""

from __future__ import annotations

from enum import StrEnum

from compass.core.session import CriterionType, IndicatorKind, Problem, SessionSnapshot
from compass.i18n import N_, translate_in
from compass.method.award_model import award_model_findings, award_weights_total
from compass.method.completeness import (
    approval_findings,
    criterion_findings,
    indicator_findings,
    scoring_findings,
)
from compass.method.criteria import (
    award_basis_findings,
    award_not_allowed,
    lowest_price_findings,
    selection_without_phase,
    weights_exceed,
)
from compass.method.legal_scope import legal_scope_findings
from compass.method.planning import (
    budget_findings,
    holiday_advice,
    planning_findings,
    strategy_section_advice,
)
from compass.method.policy import policy_findings
from compass.method.tender_risks import tender_risk_findings
from compass.method.thresholds import procedure_fit


class Step(StrEnum):
    FACTS = "facts"
    INVENTORY = "inventory"
    PRIORITIES = "priorities"
    AMBITION = "ambition"
    INDICATORS = "indicators"
    VISIBILITY = "visibility"
    SUMMARY = "summary"

    def number(self) -> int | None:
        """The method's own step number (1-5), or None for the facts and summary pages."""
        return METHOD_STEPS.index(self) + 1 if self in METHOD_STEPS else None

    def title_in(self, language: str) -> str:
        return translate_in(language, _TITLES[self])

    def subtitle_in(self, language: str) -> str:
        return translate_in(language, _SUBTITLES[self])


STEPS: tuple[Step, ...] = tuple(Step)
METHOD_STEPS: tuple[Step, ...] = STEPS[1:6]

# The method's own site labels (sdginkoopkompas.nl): Dutch first in the catalogue's nl column.
_TITLES = {
    Step.FACTS: N_("Project facts"),
    Step.INVENTORY: N_("Insight"),
    Step.PRIORITIES: N_("Prioritise"),
    Step.AMBITION: N_("Ambition"),
    Step.INDICATORS: N_("Indicator"),
    Step.VISIBILITY: N_("Impact"),
    Step.SUMMARY: N_("Summary"),
}
_SUBTITLES = {
    Step.FACTS: N_("what is being bought, how and by whom"),
    Step.INVENTORY: N_("risks and opportunities"),
    Step.PRIORITIES: N_("highest impact"),
    Step.AMBITION: N_("select the level"),
    Step.INDICATORS: N_("make it measurable"),
    Step.VISIBILITY: N_("make it visible"),
    Step.SUMMARY: N_("at a glance"),
}

MANY_PRIORITIES = 5
PARTNERSHIPS = 17


def problems(step: Step, snapshot: SessionSnapshot) -> list[Problem]:
    """What is still missing in ``step`` for this session (empty when the step is complete)."""
    return _CHECKS[step](snapshot)


def all_problems(snapshot: SessionSnapshot) -> list[tuple[Step, Problem]]:
    return [(step, problem) for step in STEPS for problem in problems(step, snapshot)]


# What the method advises without requiring it: shown on the step and in the summary, but a step
# with only advice left counts as complete and the document lists no gap for it.
ADVICE = frozenset(
    {
        "many_priorities",
        "partnerships",
        "european_below_threshold",
        "price_left_out",
        "tender_period_holidays",
        "strategy_section_missing",
    }
)


def is_complete(step: Step, snapshot: SessionSnapshot) -> bool:
    return all(problem.code in ADVICE for problem in problems(step, snapshot))


def has_content(step: Step, snapshot: SessionSnapshot) -> bool:
    """Whether the team has recorded anything in ``step`` yet: a step without content is not done,
    even when nothing is missing yet (steps 3 and 4 ask nothing before priorities are chosen)."""
    facts = snapshot.facts
    content = {
        Step.FACTS: bool(facts.organisation.strip() or facts.contract_value_eur is not None),
        Step.INVENTORY: bool(snapshot.inventory),
        Step.PRIORITIES: bool(snapshot.priority_sdgs()),
        Step.AMBITION: bool(snapshot.ambitions or snapshot.criteria),
        Step.INDICATORS: bool(snapshot.indicators),
        Step.VISIBILITY: bool(snapshot.communication),
    }
    if step is Step.SUMMARY:  # the summary holds what the steps hold
        return all(content[method_step] for method_step in METHOD_STEPS)
    return content[step]


def is_done(step: Step, snapshot: SessionSnapshot) -> bool:
    """What the step list marks with a check: content recorded and nothing missing."""
    return has_content(step, snapshot) and is_complete(step, snapshot)


def all_gaps(snapshot: SessionSnapshot) -> list[tuple[Step, Problem]]:
    return [(step, problem) for step, problem in all_problems(snapshot) if problem.code not in ADVICE]


def all_advice(snapshot: SessionSnapshot) -> list[tuple[Step, Problem]]:
    return [(step, problem) for step, problem in all_problems(snapshot) if problem.code in ADVICE]


def _facts(snapshot: SessionSnapshot) -> list[Problem]:
    facts = snapshot.facts
    found = []
    if not facts.organisation.strip():
        found.append(Problem("organisation_missing", "organisation", N_("Name the organisation.")))
    if facts.contract_value_eur is None:
        found.append(Problem("value_missing", "contract_value_eur", N_("Estimate the contract value.")))
    if not facts.duration.strip():
        found.append(
            Problem(
                "duration_missing",
                "duration",
                N_("State the duration with its options and extensions: the value covers all of it."),
            )
        )
    if not facts.procedure_reason.strip():
        found.append(
            Problem(
                "procedure_reason_missing",
                "procedure_reason",
                N_("Say why this procedure fits the tender."),
            )
        )
    if not facts.lots.strip():
        found.append(
            Problem(
                "lots_missing",
                "lots",
                N_(
                    "Say how the contract is divided into lots, or why it is not (art. 1.5 "
                    "Aanbestedingswet)."
                ),
            )
        )
    found += procedure_fit(facts, snapshot.eu_threshold, european=snapshot.european_procedure)
    found += lowest_price_findings(
        snapshot.quality_weight_pct, snapshot.award_criteria_allowed, facts.award_basis_reason
    )
    found += planning_findings(facts, snapshot.procedure_periods) + holiday_advice(facts)
    found += budget_findings(facts) + strategy_section_advice(snapshot) + tender_risk_findings(snapshot)
    return found + approval_findings(snapshot)


def _inventory(snapshot: SessionSnapshot) -> list[Problem]:
    if not snapshot.inventory:
        return [
            Problem(
                "inventory_empty",
                "inventory",
                N_("Record at least one risk or opportunity for an SDG."),
            )
        ]
    return []


def _priorities(snapshot: SessionSnapshot) -> list[Problem]:
    selected = snapshot.priority_sdgs()
    if not selected:
        return [Problem("no_priority", "selected", N_("Select at least one priority SDG."))]
    found = []
    if len(selected) > MANY_PRIORITIES:
        found.append(
            Problem(
                "many_priorities",
                "selected",
                N_("More than {count} priorities dilute the impact; consider fewer."),
                count=MANY_PRIORITIES,
            )
        )
    initiatives = any(link.sdg in selected for link in snapshot.initiatives)
    if PARTNERSHIPS not in selected and (PARTNERSHIPS in snapshot.inventoried_sdgs() or initiatives):
        found.append(
            Problem(
                "partnerships",
                "selected",
                N_(
                    "Partnerships are in play (local initiatives or SDG 17 in the inventory): consider "
                    "SDG 17, which touches almost every purchase."
                ),
            )
        )
    return found


def _ambition(snapshot: SessionSnapshot) -> list[Problem]:
    found = []
    for sdg in snapshot.priority_sdgs():
        if snapshot.ambition_for(sdg) is None:
            found.append(
                Problem(
                    "ambition_missing",
                    f"sdg_{sdg}",
                    N_("Set an ambition level for SDG {sdg}."),
                    sdg=sdg,
                )
            )
        if not snapshot.criteria_for(sdg):
            found.append(
                Problem(
                    "criteria_missing",
                    f"sdg_{sdg}",
                    N_("Add at least one criterion for SDG {sdg}."),
                    sdg=sdg,
                )
            )
    awards = [c for c in snapshot.criteria if c.criterion_type is CriterionType.AWARD_CRITERION]
    if (awards or snapshot.quality_criteria) and not snapshot.award_criteria_allowed:
        found.append(award_not_allowed(snapshot.facts.procedure, "criteria"))
    selections = [c for c in snapshot.criteria if c.criterion_type is CriterionType.SELECTION_CRITERION]
    if selections and not snapshot.selection_phase:
        found.append(selection_without_phase(snapshot.facts.procedure, "criteria"))
    total = award_weights_total(snapshot)
    quality = snapshot.quality_weight_pct
    if quality is not None and total > quality:
        found.append(weights_exceed(total, quality, "criteria"))
    if snapshot.priority_sdgs() and (awards or snapshot.award_criteria_allowed):
        found += award_basis_findings(quality)
    return (
        found
        + policy_findings(snapshot)
        + legal_scope_findings(snapshot)
        + criterion_findings(snapshot)
        + scoring_findings(snapshot)
        + award_model_findings(snapshot)
    )


def _indicators(snapshot: SessionSnapshot) -> list[Problem]:
    found = []
    for sdg in snapshot.priority_sdgs():
        indicators = snapshot.indicators_for(sdg)
        if not indicators:
            found.append(
                Problem(
                    "indicator_missing",
                    f"sdg_{sdg}",
                    N_("Choose at least one indicator for SDG {sdg}."),
                    sdg=sdg,
                )
            )
        for indicator in indicators:
            if indicator.kind is IndicatorKind.QUANTITATIVE and indicator.target is None:
                found.append(
                    Problem(
                        "target_missing",
                        f"indicator_{indicator.id}",
                        N_("Set a target for the indicator '{name}'."),
                        name=indicator.name,
                    )
                )
    return found + indicator_findings(snapshot)


def _visibility(snapshot: SessionSnapshot) -> list[Problem]:
    if not snapshot.communication:
        return [
            Problem(
                "communication_empty",
                "communication",
                N_("Plan how the impact is communicated to at least one stakeholder."),
            )
        ]
    return []


def _summary(snapshot: SessionSnapshot) -> list[Problem]:
    return []


_CHECKS = {
    Step.FACTS: _facts,
    Step.INVENTORY: _inventory,
    Step.PRIORITIES: _priorities,
    Step.AMBITION: _ambition,
    Step.INDICATORS: _indicators,
    Step.VISIBILITY: _visibility,
    Step.SUMMARY: _summary,
}
