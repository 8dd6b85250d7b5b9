"""The organisation's policy frame in a session: each standard requirement of its profile, whether it
applies to this tender (the profile's thresholds: Social Return from one value, MVI criteria from
another), whether the team applied it, and if not, why. A requirement that applies, is not applied and
has no reason is an open issue. Pure functions over a snapshot and the reference data.
"""

from __future__ import annotations

from decimal import Decimal

from compass.core.session import PolicyItem, Problem, SessionSnapshot, Words
from compass.i18n import N_
from compass.method.criteria import SOCIAL_RETURN_THEME
from compass.reference.types import ReferenceData


def policy_frame(snapshot: SessionSnapshot, reference: ReferenceData) -> tuple[PolicyItem, ...]:
    """The profile's standard requirements as they stand in this session (none without a profile)."""
    profile = snapshot.profile
    if profile is None:
        return ()
    known = {criterion.id: criterion for criterion in reference.criteria}
    own = {criterion.id: criterion for criterion in profile.own_criteria}
    # Applied, a requirement reads as the team worded it in this tender (its blanks filled in).
    applied = {c.catalogue_id: c.text for c in snapshot.criteria if c.catalogue_id}
    reasons = dict(snapshot.policy_reasons)
    items = []
    for criterion_id in profile.standard_requirements:
        if criterion_id in known:
            entry = known[criterion_id]
            text, theme = Words(entry.text.nl, entry.text.en), entry.theme
        elif criterion_id in own:
            text, theme = Words(own[criterion_id].text, own[criterion_id].text), own[criterion_id].theme
        else:
            continue  # the profile was checked on import; an entry gone from the catalogue is skipped
        if criterion_id in applied:
            text = Words(applied[criterion_id], applied[criterion_id])
        threshold = (
            profile.social_return_threshold_eur
            if theme == SOCIAL_RETURN_THEME
            else profile.mvi_threshold_eur
        )
        items.append(
            PolicyItem(
                criterion_id=criterion_id,
                text=text,
                applies=_reaches(snapshot.facts.contract_value_eur, threshold),
                threshold_eur=threshold,
                applied=criterion_id in applied,
                reason=reasons.get(criterion_id, ""),
            )
        )
    return tuple(items)


def _reaches(value: Decimal | None, threshold: Decimal | None) -> bool:
    """Without a threshold a requirement applies to every tender; without a value, to be safe, too."""
    return threshold is None or value is None or value >= threshold


def policy_findings(snapshot: SessionSnapshot) -> list[Problem]:
    """Requirements that apply but are neither applied nor explained."""
    return [
        Problem(
            "policy_unapplied",
            f"policy/{item.criterion_id}",
            N_(
                "The organisation's policy asks for \u201c{text}\u201d: apply it, or say why it does "
                "not fit this tender."
            ),
            text=item.text,
        )
        for item in snapshot.policy
        if item.applies and not item.applied and not item.reason.strip()
    ]


def policy_status_text(item: PolicyItem, language: str) -> str:
    """Where a requirement stands, as the summary and the document say it."""
    from compass.formatting import format_number
    from compass.i18n import translate_in

    if item.applied and item.threshold_eur is not None:
        # Which threshold made it apply: the reader sees why this tender carries it.
        return translate_in(language, N_("applied (the policy asks it from EUR {threshold})")).format(
            threshold=format_number(item.threshold_eur, language)
        )
    if item.applied:
        return translate_in(language, N_("applied"))
    if not item.applies and item.threshold_eur is not None:
        return translate_in(language, N_("does not apply: the value stays below EUR {threshold}")).format(
            threshold=format_number(item.threshold_eur, language)
        )
    if item.reason.strip():
        return translate_in(language, N_("not applied, because: {reason}")).format(
            reason=item.reason.strip()
        )
    return translate_in(language, N_("open: apply it or say why not"))


def policy_criterion(
    snapshot: SessionSnapshot, reference: ReferenceData, criterion_id: str, language: str
) -> dict[str, object] | None:
    """The criterion a policy requirement becomes in this session: worded as the catalogue (or the
    profile) words it, under a priority SDG it serves where there is one, with the profile's Social
    Return range in its text."""
    from compass.method.criteria import with_social_return

    profile = snapshot.profile
    known = {criterion.id: criterion for criterion in reference.criteria}
    if criterion_id in known:
        entry = known[criterion_id]
        sdgs, kind, theme = entry.sdgs, entry.criterion_type, entry.theme
        text, verification = entry.text(language), entry.verification(language)
    elif profile is not None and (
        own := next((c for c in profile.own_criteria if c.id == criterion_id), None)
    ):
        sdgs, kind, theme, text, verification = (
            own.sdgs,
            own.criterion_type,
            own.theme,
            own.text,
            own.verification,
        )
    else:
        return None
    priorities = snapshot.priority_sdgs()
    sdg = next((number for number in sdgs if number in priorities), sdgs[0])
    return {
        "sdg": sdg,
        "criterion_type": kind,
        "text": with_social_return(text, theme or "", profile, language),
        "verification": verification,
        "catalogue_id": criterion_id,
        "weight_pct": None,
    }
