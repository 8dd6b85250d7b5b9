"""Where the law allows a catalogue entry, and the criteria of a session that are used outside it.

A reserved contract under art. 2.82a Aw is only for certain health, social and cultural services
(listed by CPV code in art. 77 of Directive 2014/24/EU); a catalogue that offered it for cleaning or
green maintenance let a buyer reserve a contract the law does not allow (issue 23). The reference data
states each such entry's scope; this module decides whether a tender lies outside it. No Qt, no
database, no language state.
"""

from __future__ import annotations

from collections.abc import Iterable

from compass.core.codes import ContractKind
from compass.core.session import Problem, SessionSnapshot
from compass.i18n import N_
from compass.method.completeness import quoted
from compass.reference.types import LegalScope, ReferenceData

# What the service stores on the snapshot: the catalogue id of a taken entry outside its scope,
# and the law that limits it (the entry's scope source), for the finding's words.
OutsideScope = tuple[tuple[str, str], ...]


def is_outside(scope: LegalScope | None, category_id: str, contract_kind: ContractKind | None) -> bool:
    """Whether a tender of this category and kind lies outside ``scope``. Unknown facts (a category in
    the team's own words, no kind chosen yet) are not held against the entry: the finding is for a
    tender the app knows to be outside, the CPV check stays the team's (the scope's explanation says so)."""
    if scope is None:
        return False
    if contract_kind is not None and contract_kind not in scope.contract_kinds:
        return True
    return bool(category_id and scope.categories and category_id not in scope.categories)


def outside_legal_scope(
    catalogue_ids: Iterable[str],
    reference: ReferenceData,
    category_id: str,
    contract_kind: ContractKind | None,
) -> OutsideScope:
    """The taken catalogue entries whose legal scope this tender is outside of, with the law."""
    known = {criterion.id: criterion for criterion in reference.criteria}
    found: dict[str, str] = {}
    for catalogue_id in catalogue_ids:
        criterion = known.get(catalogue_id)
        scope = criterion.legal_scope if criterion else None
        if scope is not None and is_outside(scope, category_id, contract_kind):
            found[catalogue_id] = scope.source
    return tuple(found.items())


def legal_scope_findings(snapshot: SessionSnapshot) -> list[Problem]:
    """Step 3: every criterion taken from an entry the law does not allow for this tender."""
    law = dict(snapshot.outside_legal_scope)
    return [
        Problem(
            "outside_legal_scope",
            f"criteria/{criterion.id}",
            N_(
                "The law does not allow this criterion for SDG {sdg} in this tender ({law}): remove "
                "it, or correct the category or kind of contract if they are wrong. {text}"
            ),
            sdg=criterion.sdg,
            law=law[criterion.catalogue_id],
            text=quoted(criterion.text),
        )
        for criterion in snapshot.criteria
        if criterion.catalogue_id in law
    ]
