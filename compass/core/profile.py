"""Organisation profiles: the policy a municipality brings to every tender (focus SDGs, local
initiatives, Manifest ambition per theme, Social Return, thresholds, SDGs every tender must address,
standard requirements, its own catalogue entries, the KPIs its own plan measures, the rules and
goals its plan states, each with where the plan says so, and its mandate route: who adopts, advises
or is consulted or informed on a strategy from which contract value), and the documented exchange
format that lets a municipality hand its profile to every desk.

What the product reads into a plan rather than finds in it (a focus SDG derived from a theme) is
marked ``derived``, so a user can tell the organisation's words from ours.

No Qt, no SQLAlchemy. Texts in a profile are the organisation's own words, in its own language.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from compass.core.session import AmbitionLevel, CriterionType

PROFILE_FORMAT = "sdg-compass/profile"
# 2 adds the organisation's KPIs; 3 its policy rules and the sources of its entries; 4 the mandate route
PROFILE_VERSION = 4
READABLE_PROFILE_VERSIONS = (1, 2, 3, 4)
# Versions 2-3 knew one value from which the college decides; it reads as a route of that one step.
LEGACY_COLLEGE_ROLE = "College van burgemeester en wethouders"
LEGACY_COLLEGE_SOURCE = "profiel (oude drempel: besluit college vanaf)"


@dataclass(frozen=True)
class FocusSdg:
    sdg: int
    reason: str = ""
    source: str = ""  # where the plan names it, e.g. "Actieplan MVOI Heerlen 2024-2026, hoofdstuk 3"
    derived: bool = False  # the product's own reading of the plan (version 3)


@dataclass(frozen=True)
class LocalInitiative:
    name: str
    description: str = ""
    sdgs: tuple[int, ...] = ()


@dataclass(frozen=True)
class ThemeAmbition:
    """Manifest MVOI level of one theme: the baseline (nulmeting) and the target for a year."""

    theme: str
    baseline: int
    target: int
    year: int


@dataclass(frozen=True)
class OwnCriterion:
    """A catalogue entry the organisation added itself; shipped entries stay read-only."""

    id: str
    sdgs: tuple[int, ...]
    criterion_type: CriterionType
    level: AmbitionLevel
    text: str
    verification: str = ""
    theme: str | None = None
    source: str = ""  # the plan's section it comes from (version 3)


class PolicyKind(StrEnum):
    """A rule the organisation applies to its tenders, or a goal it works towards."""

    RULE = "rule"
    GOAL = "goal"


@dataclass(frozen=True)
class PolicyRule:
    """One rule or goal the organisation's own plan states, in its words, with the plan's section as
    the source; ``derived`` marks what the product read into the plan rather than found in it."""

    text: str
    source: str = ""
    derived: bool = False
    kind: PolicyKind = PolicyKind.RULE
    theme: str | None = None


class KpiMeasure(StrEnum):
    """Where a KPI's figures come from: the tender calendar, or a per-project impact calculation."""

    CALENDAR = "calendar"
    IMPACT_CALCULATION = "impact_calculation"


@dataclass(frozen=True)
class ProfileKpi:
    """A KPI the organisation's own plan measures across its tenders (its dashboard). Tenders feed
    it through their indicators; the catalogue indicators listed here feed it when picked."""

    number: int
    name: str
    sdgs: tuple[int, ...]
    description: str = ""
    target: str = ""  # the plan's goal in its own words, e.g. "minimaal 4 per jaar"
    measured_by: KpiMeasure = KpiMeasure.CALENDAR
    source: str = ""  # where the plan sets it, e.g. "Actieplan MVOI Heerlen 2024-2026, hoofdstuk 8"
    catalogue_indicators: tuple[str, ...] = ()
    counts_innovation_pilots: bool = False  # an innovation pilot feeds it by being one

    def label(self) -> str:
        return f"{self.number} {self.name}"


class MandateDecision(StrEnum):
    """What one step of the mandate route does with a strategy."""

    ADOPTS = "adopts"
    ADVISES = "advises"
    CONSULTED = "consulted"  # may state wishes and objections first (Gemeentewet art. 169 lid 4)
    INFORMED = "informed"


@dataclass(frozen=True)
class MandateStep:
    """From ``from_eur`` on, ``role`` (the organisation's words) does what ``decides`` says, as
    ``source`` (the rule a user can look up) states; ``derived`` marks the product's reading of a
    rule that names no amount (version 4)."""

    from_eur: Decimal
    role: str
    decides: MandateDecision
    source: str
    derived: bool = False


@dataclass(frozen=True)
class OrganisationProfile:
    name: str
    is_example: bool = False
    focus_sdgs: tuple[FocusSdg, ...] = ()
    initiatives: tuple[LocalInitiative, ...] = ()
    theme_ambitions: tuple[ThemeAmbition, ...] = ()
    social_return_min_pct: Decimal | None = None
    social_return_max_pct: Decimal | None = None
    mvi_threshold_eur: Decimal | None = None
    social_return_threshold_eur: Decimal | None = None
    # Who decides on a strategy from which value, beyond the budget holder (compass.method.mandate).
    mandate_route: tuple[MandateStep, ...] = ()
    required_sdgs: tuple[int, ...] = ()
    standard_requirements: tuple[str, ...] = ()  # ids of catalogue criteria applied to every tender
    own_criteria: tuple[OwnCriterion, ...] = ()
    kpis: tuple[ProfileKpi, ...] = ()
    policy_rules: tuple[PolicyRule, ...] = ()

    def focus_for(self, sdg: int) -> FocusSdg | None:
        return next((f for f in self.focus_sdgs if f.sdg == sdg), None)

    def kpi(self, number: int | None) -> ProfileKpi | None:
        return next((k for k in self.kpis if k.number == number), None) if number else None

    def kpi_for_indicator(self, catalogue_id: str) -> ProfileKpi | None:
        """The KPI a picked catalogue indicator feeds in this organisation, if any."""
        return next((k for k in self.kpis if catalogue_id in k.catalogue_indicators), None)


@dataclass(frozen=True)
class ProfileSummary:
    id: int
    name: str
    is_example: bool


# -- the profile as a document (stored in the database and in profile files) ---------------------------


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def profile_to_document(profile: OrganisationProfile) -> dict[str, Any]:
    """The profile as a JSON-ready document in the exchange format (resources/schema/profile...)."""
    return {
        "format": PROFILE_FORMAT,
        "version": PROFILE_VERSION,
        "name": profile.name,
        "is_example": profile.is_example,
        "focus_sdgs": [
            {"sdg": f.sdg, "reason": f.reason, "source": f.source, "derived": f.derived}
            for f in profile.focus_sdgs
        ],
        "initiatives": [
            {"name": i.name, "description": i.description, "sdgs": list(i.sdgs)}
            for i in profile.initiatives
        ],
        "theme_ambitions": [
            {"theme": a.theme, "baseline": a.baseline, "target": a.target, "year": a.year}
            for a in profile.theme_ambitions
        ],
        "social_return_pct": {
            "min": _number(profile.social_return_min_pct),
            "max": _number(profile.social_return_max_pct),
        },
        "thresholds_eur": {
            "mvi_criteria": _number(profile.mvi_threshold_eur),
            "social_return": _number(profile.social_return_threshold_eur),
        },
        "mandate_route": [
            {
                "from_eur": format(step.from_eur, "f"),
                "role": step.role,
                "decides": step.decides.value,
                "source": step.source,
                "derived": step.derived,
            }
            for step in profile.mandate_route
        ],
        "required_sdgs": list(profile.required_sdgs),
        "standard_requirements": list(profile.standard_requirements),
        "own_criteria": [
            {
                "id": c.id,
                "sdgs": list(c.sdgs),
                "criterion_type": c.criterion_type.value,
                "level": c.level.value,
                "text": c.text,
                "verification": c.verification,
                "theme": c.theme,
                "source": c.source,
            }
            for c in profile.own_criteria
        ],
        "kpis": [
            {
                "number": k.number,
                "name": k.name,
                "sdgs": list(k.sdgs),
                "description": k.description,
                "target": k.target,
                "measured_by": k.measured_by.value,
                "source": k.source,
                "catalogue_indicators": list(k.catalogue_indicators),
                "counts_innovation_pilots": k.counts_innovation_pilots,
            }
            for k in profile.kpis
        ],
        "policy_rules": [
            {
                "text": r.text,
                "source": r.source,
                "derived": r.derived,
                "kind": r.kind.value,
                "theme": r.theme,
            }
            for r in profile.policy_rules
        ],
    }


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def mandate_step_from_document(step: dict[str, Any]) -> MandateStep:
    return MandateStep(
        Decimal(step["from_eur"]),
        step["role"],
        MandateDecision(step["decides"]),
        step["source"],
        step.get("derived", False),
    )


def _mandate_route(document: dict[str, Any]) -> tuple[MandateStep, ...]:
    if "mandate_route" in document:  # version 4: the route replaces the one threshold
        return tuple(mandate_step_from_document(step) for step in document["mandate_route"])
    college = document["thresholds_eur"].get("college_decision")  # versions 2-3
    if college is None:
        return ()
    return (
        MandateStep(Decimal(college), LEGACY_COLLEGE_ROLE, MandateDecision.ADOPTS, LEGACY_COLLEGE_SOURCE),
    )


def profile_from_document(document: dict[str, Any]) -> OrganisationProfile:
    """A profile from a document that already passed ``validate_profile_document``."""
    return OrganisationProfile(
        name=document["name"],
        is_example=document.get("is_example", False),
        focus_sdgs=tuple(
            FocusSdg(f["sdg"], f.get("reason", ""), f.get("source", ""), f.get("derived", False))
            for f in document["focus_sdgs"]
        ),
        initiatives=tuple(
            LocalInitiative(i["name"], i.get("description", ""), tuple(i.get("sdgs", ())))
            for i in document["initiatives"]
        ),
        theme_ambitions=tuple(
            ThemeAmbition(a["theme"], a["baseline"], a["target"], a["year"])
            for a in document["theme_ambitions"]
        ),
        social_return_min_pct=_decimal(document["social_return_pct"]["min"]),
        social_return_max_pct=_decimal(document["social_return_pct"]["max"]),
        mvi_threshold_eur=_decimal(document["thresholds_eur"]["mvi_criteria"]),
        social_return_threshold_eur=_decimal(document["thresholds_eur"]["social_return"]),
        mandate_route=_mandate_route(document),
        required_sdgs=tuple(document["required_sdgs"]),
        standard_requirements=tuple(document["standard_requirements"]),
        own_criteria=tuple(
            OwnCriterion(
                c["id"],
                tuple(c["sdgs"]),
                CriterionType(c["criterion_type"]),
                AmbitionLevel(c["level"]),
                c["text"],
                c.get("verification", ""),
                c.get("theme"),
                c.get("source", ""),  # version 3
            )
            for c in document["own_criteria"]
        ),
        kpis=tuple(  # version 2
            ProfileKpi(
                k["number"],
                k["name"],
                tuple(k["sdgs"]),
                k.get("description", ""),
                k.get("target", ""),
                KpiMeasure(k.get("measured_by", KpiMeasure.CALENDAR.value)),
                k.get("source", ""),
                tuple(k.get("catalogue_indicators", ())),
                k.get("counts_innovation_pilots", False),
            )
            for k in document.get("kpis", ())
        ),
        policy_rules=tuple(  # version 3
            PolicyRule(
                r["text"],
                r.get("source", ""),
                r.get("derived", False),
                PolicyKind(r.get("kind", PolicyKind.RULE.value)),
                r.get("theme"),
            )
            for r in document.get("policy_rules", ())
        ),
    )
