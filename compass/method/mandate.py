"""The mandate route of an organisation profile: which of its steps apply to a contract value, which
one adopts the strategy, and what makes a route unusable. Plain data in and out; no Qt, no database,
no language (the words are made where a step is shown).

A step applies from its ``from_eur`` on, that amount included. Of the adopting steps that apply only
the highest one adopts: a strategy climbs the route, it is not adopted twice. Steps that advise, are
consulted or are informed apply alongside it. Below the lowest step the route says nothing, and the
budget holder's own mandate stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from compass.core.profile import MandateDecision, MandateStep
from compass.core.session import Problem
from compass.i18n import N_

# What a step does, in words (document and profile editor): the code is stored, the words are shown.
DECIDES_WORDS: dict[MandateDecision, str] = {
    MandateDecision.ADOPTS: N_("adopts"),
    MandateDecision.ADVISES: N_("advises"),
    MandateDecision.CONSULTED: N_("consulted (wishes and objections)"),
    MandateDecision.INFORMED: N_("is informed"),
}


@dataclass(frozen=True)
class RouteForValue:
    steps: tuple[MandateStep, ...]  # the steps that apply, lowest amount first
    adopting: MandateStep | None  # the one that adopts, or None: the budget holder's mandate stands


def ordered(route: Sequence[MandateStep]) -> tuple[MandateStep, ...]:
    """The route by amount; steps of one amount keep the order the organisation gave them."""
    return tuple(sorted(route, key=lambda step: step.from_eur))


def route_for_value(route: Sequence[MandateStep], value: Decimal) -> RouteForValue:
    reached = [step for step in ordered(route) if step.from_eur <= value]
    adopting = next((s for s in reversed(reached) if s.decides is MandateDecision.ADOPTS), None)
    steps = tuple(s for s in reached if s.decides is not MandateDecision.ADOPTS or s is adopting)
    return RouteForValue(steps, adopting)


def route_problems(route: Sequence[MandateStep], field: str = "mandate_route") -> list[Problem]:
    """What makes a route unusable, each at its step (``mandate_route/2/source``). A file's types and
    codes are the schema's to check; these are the rules a well-formed file can still break."""
    problems: list[Problem] = []
    for index, step in enumerate(route):
        at = f"{field}/{index}"
        if step.from_eur < 0:
            problems.append(
                Problem(
                    "mandate_amount",
                    f"{at}/from_eur",
                    N_("Step {row}: the amount from which it applies cannot be negative."),
                    row=index + 1,
                )
            )
        if not step.role.strip():
            problems.append(
                Problem("mandate_role", f"{at}/role", N_("Step {row}: say who it is."), row=index + 1)
            )
        if not step.source.strip():
            problems.append(
                Problem(
                    "mandate_source",
                    f"{at}/source",
                    N_("Step {row}: name the rule it comes from (title and article)."),
                    row=index + 1,
                )
            )
    adopting = [step.from_eur for step in route if step.decides is MandateDecision.ADOPTS]
    for amount in sorted({a for a in adopting if adopting.count(a) > 1}):
        problems.append(
            Problem(
                "mandate_two_adopt",
                field,
                N_("Two steps adopt the strategy from the same amount ({amount})."),
                amount=amount,
            )
        )
    return problems
