"""Step 3 per priority SDG: which criterion type fits the chosen ambition level, and the advice the
method gives beside the criteria (innovation dialogues, at least one criterion, proportionality).
Pure functions; the page shows what they return. No Qt, no database."""

from __future__ import annotations

from compass.core.session import AmbitionLevel, CriterionType, Problem, SessionSnapshot
from compass.i18n import N_
from compass.method.criteria import PROPORTIONAL_CRITERIA_PER_SDG
from compass.reference.types import ReferenceData

# The method's three levels (seed 001, section 6, "Aanpak met SDG dialogen en SDG inkoopkompas"):
# basic asks a minimum requirement, significant rewards in the award, ambitious asks the market for
# innovation.
_TYPE_FOR_LEVEL = {
    AmbitionLevel.BASIC: CriterionType.MINIMUM_REQUIREMENT,
    AmbitionLevel.SIGNIFICANT: CriterionType.AWARD_CRITERION,
    AmbitionLevel.AMBITIOUS: CriterionType.INNOVATION_QUESTION,
}


def criterion_type_for_level(level: AmbitionLevel | None) -> CriterionType:
    """The criterion type to propose for a new criterion at ``level`` (a requirement when unset)."""
    if level is None:
        return CriterionType.MINIMUM_REQUIREMENT
    return _TYPE_FOR_LEVEL.get(level, CriterionType.MINIMUM_REQUIREMENT)


def ambition_advice(snapshot: SessionSnapshot, sdg: int, reference: ReferenceData) -> list[Problem]:
    """What the method advises for one priority SDG in step 3; advice, never a refusal."""
    advice = []
    ambition = snapshot.ambition_for(sdg)
    if ambition and ambition.level is AmbitionLevel.AMBITIOUS:
        advice.append(
            Problem(
                "innovation_dialogues",
                "level",
                N_(
                    "Innovation: plan the {count} SDG dialogues with internal and external "
                    "stakeholders, and consider marking the tender as an innovation pilot."
                ),
                count=reference.innovation_dialogues,
            )
        )
    criteria = snapshot.criteria_for(sdg)
    if not criteria:
        advice.append(
            Problem(
                "no_criterion",
                "criteria",
                N_("Add at least one criterion, from the catalogue or your own."),
            )
        )
    if len(criteria) > PROPORTIONAL_CRITERIA_PER_SDG:
        advice.append(
            Problem(
                "many_criteria",
                "criteria",
                N_(
                    "{count} criteria for one SDG: fewer, well-chosen criteria keep a tender proportionate."
                ),
                count=len(criteria),
            )
        )
    return advice
