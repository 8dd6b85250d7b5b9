"""What a stored session implies under the reference data: its policy frame, what its procedure allows,
the EU threshold of its publication day, the SDGs the catalogue covers, the entries the law does not
allow here and the votes of its dialogues.

One function, so a session read through the services and one read by the command line's quick path
(``compass.model.quick_snapshot``) carry the same derived facts.
"""

from __future__ import annotations

from dataclasses import replace

from compass.core.session import SessionSnapshot
from compass.method.completeness import catalogue_sdgs
from compass.method.dialogues import with_dialogue_votes
from compass.method.legal_scope import outside_legal_scope
from compass.method.policy import policy_frame
from compass.method.suggestions import session_category
from compass.method.thresholds import applicable_threshold, threshold_day
from compass.reference.types import ReferenceData


def with_derived_facts(stored: SessionSnapshot, reference: ReferenceData) -> SessionSnapshot:
    snapshot = with_dialogue_votes(stored)
    day = threshold_day(snapshot.facts, snapshot.updated_at.date())
    snapshot = replace(snapshot, policy=policy_frame(snapshot, reference))
    rules = reference.procedure_rules(snapshot.facts.procedure)
    return replace(
        snapshot,
        award_criteria_allowed=rules.allows_award_criteria,
        european_procedure=rules.european,
        procedure_periods=rules.periods,
        selection_phase=rules.selection_phase,
        eu_threshold=applicable_threshold(reference.threshold_periods, snapshot.facts.contract_kind, day),
        catalogue_sdgs=catalogue_sdgs(snapshot, reference),
        outside_legal_scope=outside_legal_scope(
            (criterion.catalogue_id for criterion in snapshot.criteria if criterion.catalogue_id),
            reference,
            session_category(snapshot, reference),
            snapshot.facts.contract_kind,
        ),
    )
