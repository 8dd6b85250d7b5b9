"""The step 2 priority score. It only orders the list; the team decides which SDGs are priorities.
The formula is shown to users (``score_explanation``), so it lives in one place. No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from compass.core.session import SdgPriority, SessionSnapshot
from compass.i18n import N_, translate_in

FOCUS_POINTS = 3
MAX_INITIATIVE_POINTS = 2
MAX_VOTE_POINTS = 5


@dataclass(frozen=True)
class PriorityScore:
    focus: int
    urgency: int
    initiatives: int
    votes: int

    @property
    def total(self) -> int:
        return self.focus + self.urgency + self.initiatives + self.votes


def priority_score(priority: SdgPriority, initiatives: int, *, is_focus: bool) -> PriorityScore:
    """The score from its inputs: the organisation's focus, the team's urgency, the number of linked
    local initiatives and the workshop votes."""
    return PriorityScore(
        focus=FOCUS_POINTS if is_focus else 0,
        urgency=priority.urgency or 0,
        initiatives=min(initiatives, MAX_INITIATIVE_POINTS),
        votes=min(priority.votes, MAX_VOTE_POINTS),
    )


def sdg_score(snapshot: SessionSnapshot, sdg: int) -> PriorityScore:
    """The score of one SDG in a session: focus from the session's organisation profile (none without
    a profile), initiatives as linked in step 2, urgency and votes as the team entered them."""
    is_focus = snapshot.profile is not None and snapshot.profile.focus_for(sdg) is not None
    initiatives = len(snapshot.initiatives_for(sdg))
    return priority_score(snapshot.priority_for(sdg), initiatives, is_focus=is_focus)


def priority_order(snapshot: SessionSnapshot) -> tuple[int, ...]:
    """The SDGs step 2 weighs (inventoried, or chosen with a reason), highest score first; equal
    scores in SDG order."""
    scores = {sdg: sdg_score(snapshot, sdg).total for sdg in snapshot.considered_sdgs()}
    return tuple(sorted(scores, key=lambda sdg: (-scores[sdg], sdg)))


SCORE_EXPLANATION = N_(
    "Score = focus SDG of the organisation ({focus} points) + urgency in this project (1-5) + "
    "local initiatives to build on (1 point each, at most {initiatives}) + workshop votes "
    "(1 point each, at most {votes}). The score only orders the list: the team decides."
)


def score_explanation(language: str) -> str:
    """The formula in words, in ``language``."""
    message = translate_in(language, SCORE_EXPLANATION)
    return message.format(focus=FOCUS_POINTS, initiatives=MAX_INITIATIVE_POINTS, votes=MAX_VOTE_POINTS)
