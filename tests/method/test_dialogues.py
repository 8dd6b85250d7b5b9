"""The SDG dialogues' rules on plain data: who may vote on what, and never more dots than given."""

from __future__ import annotations

from compass.core.session import AmbitionLevel, Vote
from compass.method.dialogues import (
    ambition_target,
    target_is_valid,
    validate_agenda_item,
    validate_participant,
    vote_limit_problems,
)


def _votes(*counts: tuple[int, str, int]) -> list[Vote]:
    return [Vote(n, 1, participant, target, count) for n, (participant, target, count) in enumerate(counts)]


def test_a_participant_never_has_more_dots_than_the_dialogue_gives() -> None:
    votes = _votes((1, "sdg:8", 2), (2, "sdg:8", 3))
    assert vote_limit_problems(votes, 1, "sdg:13", 1, limit=3) == []
    [problem] = vote_limit_problems(votes, 1, "sdg:13", 2, limit=3)
    assert problem.code == "votes_over_limit"
    assert dict(problem.params) == {"limit": 3, "left": 1}
    # Another participant's dots do not count against this one.
    assert vote_limit_problems(votes, 3, "sdg:13", 3, limit=3) == []


def test_correcting_a_vote_replaces_it_rather_than_adding_to_it() -> None:
    votes = _votes((1, "sdg:8", 3))
    assert vote_limit_problems(votes, 1, "sdg:8", 2, limit=3) == []  # 3 on SDG 8 corrected to 2
    assert vote_limit_problems(votes, 1, "sdg:8", 4, limit=3)


def test_dialogue_1_votes_on_sdgs_and_dialogue_2_on_criteria_and_ambitions() -> None:
    assert target_is_valid(1, "sdg:8")
    assert not target_is_valid(1, "sdg:18")
    assert not target_is_valid(1, "criterion:4")
    assert target_is_valid(2, "criterion:4")
    assert target_is_valid(2, ambition_target(13, AmbitionLevel.SIGNIFICANT))
    assert not target_is_valid(2, "ambition:13:9")
    assert not target_is_valid(2, "sdg:8")


def test_participants_and_agenda_items_need_their_words() -> None:
    assert [p.code for p in validate_participant({"dialogue": 1, "name": " "})] == ["name_required"]
    assert [p.code for p in validate_participant({"dialogue": 3, "name": "A"})] == ["dialogue_unknown"]
    assert validate_agenda_item({"dialogue": 2, "title": "Ambitions", "planned_minutes": 20}) == []
    assert [p.code for p in validate_agenda_item({"dialogue": 2, "title": "A", "planned_minutes": 0})] == [
        "planned_minutes"
    ]
