"""The SDG dialogues through the service: recorded once per session, votes within limits flowing into
step 2, ideas becoming entries and criterion drafts that remember their dialogue."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compass.core.errors import ValidationError
from compass.core.session import Collection, CriterionType, EntryKind, EntrySource
from compass.method.dialogues import criterion_target, sdg_target, tally


@pytest.fixture
def room(service):
    session = service.create_session("Sportpark pilot")
    service.add_item(session.id, Collection.DIALOGUES, number=1, votes_per_participant=3)
    people = [
        service.add_item(
            session.id, Collection.PARTICIPANTS, dialogue=1, name=name, organisation=org, internal=internal
        )
        for name, org, internal in (
            ("Anna", "Gemeente", True),
            ("Bram", "Sportclub", False),
            ("Cem", "Buurtteam", False),
        )
    ]
    return session.id, people


def test_a_session_records_each_dialogue_once(service, room) -> None:
    session_id, _people = room
    with pytest.raises(ValidationError) as refused:
        service.add_item(session_id, Collection.DIALOGUES, number=1)
    assert refused.value.problems[0].code == "dialogue_exists"
    service.add_item(session_id, Collection.DIALOGUES, number=2)
    assert [d.number for d in service.get_session(session_id).dialogues] == [1, 2]


def test_votes_within_the_limit_flow_into_step_2_and_a_fourth_dot_is_refused(service, room) -> None:
    session_id, (anna, bram, _cem) = room
    service.set_votes(session_id, 1, anna.id, sdg_target(8), 2)
    service.set_votes(session_id, 1, anna.id, sdg_target(13), 1)
    service.set_votes(session_id, 1, bram.id, sdg_target(8), 3)
    before = service.get_session(session_id)
    with pytest.raises(ValidationError) as refused:
        service.set_votes(session_id, 1, anna.id, sdg_target(12), 1)
    assert refused.value.problems[0].code == "votes_over_limit"
    after = service.get_session(session_id)
    assert after.votes == before.votes  # nothing half-written
    assert after.priority_for(8).votes == 5
    assert after.priority_for(13).votes == 1


def test_a_vote_is_corrected_and_taken_off(service, room) -> None:
    session_id, (anna, _bram, _cem) = room
    service.set_votes(session_id, 1, anna.id, sdg_target(8), 3)
    assert service.set_votes(session_id, 1, anna.id, sdg_target(8), 1) == 3  # the count it had
    service.set_votes(session_id, 1, anna.id, sdg_target(13), 2)  # the freed dots can go elsewhere
    assert service.set_votes(session_id, 1, anna.id, sdg_target(8), 0) == 1
    snapshot = service.get_session(session_id)
    assert snapshot.priority_for(8).votes == 0
    assert snapshot.priority_for(13).votes == 2


def test_step_2_votes_cannot_be_typed_over_the_rooms_tally(service, room) -> None:
    session_id, (anna, _bram, _cem) = room
    service.set_priority(session_id, 8, votes=4)  # before the dialogue voted: typed in step 2
    service.set_votes(session_id, 1, anna.id, sdg_target(8), 1)
    assert service.get_session(session_id).priority_for(8).votes == 1
    with pytest.raises(ValidationError) as refused:
        service.set_priority(session_id, 8, votes=4)
    assert refused.value.problems[0].code == "votes_from_dialogue"


def test_removing_a_participant_removes_their_dots(service, room) -> None:
    session_id, (anna, bram, _cem) = room
    service.set_votes(session_id, 1, anna.id, sdg_target(8), 2)
    service.set_votes(session_id, 1, bram.id, sdg_target(8), 1)
    service.remove_item(session_id, Collection.PARTICIPANTS, anna.id)
    assert service.get_session(session_id).priority_for(8).votes == 1


def test_a_vote_needs_a_participant_of_that_dialogue(service, room) -> None:
    session_id, (anna, _bram, _cem) = room
    with pytest.raises(ValidationError):
        service.set_votes(session_id, 2, anna.id, criterion_target(1), 1)


def test_ideas_become_entries_and_criterion_drafts_that_remember_their_dialogue(service, room) -> None:
    session_id, (_anna, bram, _cem) = room
    entry = service.add_item(
        session_id,
        Collection.INVENTORY,
        sdg=3,
        kind=EntryKind.OPPORTUNITY,
        source=EntrySource.LOCAL_ENVIRONMENT,
        description="Sportpark open voor de buurt",
        dialogue=1,
        contributor=bram.name,
    )
    draft = service.add_item(
        session_id,
        Collection.CRITERIA,
        sdg=3,
        criterion_type=CriterionType.AWARD_CRITERION,
        text="Plan voor medegebruik door de buurt",
        weight_pct=Decimal(10),
        dialogue=2,
    )
    snapshot = service.get_session(session_id)
    assert (snapshot.inventory[0].dialogue, snapshot.inventory[0].contributor) == (1, "Bram")
    assert snapshot.criteria[0].dialogue == 2
    assert entry.dialogue == 1 and draft.dialogue == 2


def test_dots_on_a_removed_criterion_no_longer_count(service) -> None:
    session = service.create_session("Pilot")
    service.add_item(session.id, Collection.DIALOGUES, number=2)
    person = service.add_item(session.id, Collection.PARTICIPANTS, dialogue=2, name="Dana")
    criterion = service.add_item(
        session.id,
        Collection.CRITERIA,
        sdg=12,
        criterion_type=CriterionType.MINIMUM_REQUIREMENT,
        text="Hergebruik",
    )
    service.set_votes(session.id, 2, person.id, criterion_target(criterion.id), 2)
    assert tally(service.get_session(session.id), 2)[criterion_target(criterion.id)] == 2
    service.remove_item(session.id, Collection.CRITERIA, criterion.id)
    assert tally(service.get_session(session.id), 2) == {}


def test_a_copy_of_a_session_keeps_its_dialogues_with_their_dots(service, room) -> None:
    from compass.method.dialogues import criterion_target

    session_id, (anna, bram, _cem) = room
    service.add_item(session_id, Collection.DIALOGUES, number=2)
    dana = service.add_item(session_id, Collection.PARTICIPANTS, dialogue=2, name="Dana")
    criterion = service.add_item(
        session_id,
        Collection.CRITERIA,
        sdg=12,
        criterion_type=CriterionType.MINIMUM_REQUIREMENT,
        text="Hergebruik",
    )
    service.add_item(session_id, Collection.AGENDA, dialogue=1, title="Stippen plakken", planned_minutes=15)
    service.set_votes(session_id, 1, anna.id, sdg_target(8), 2)
    service.set_votes(session_id, 1, bram.id, sdg_target(13), 1)
    service.set_votes(session_id, 2, dana.id, criterion_target(criterion.id), 3)
    original = service.get_session(session_id)
    copy = service.duplicate_session(session_id)
    assert [d.number for d in copy.dialogues] == [1, 2]
    assert [p.name for p in copy.participants] == [p.name for p in original.participants]
    assert [a.title for a in copy.agenda] == ["Stippen plakken"]
    assert copy.priority_for(8).votes == 2 and copy.priority_for(13).votes == 1
    assert tally(copy, 2) == {criterion_target(copy.criteria[0].id): 3}  # pointed at the copy's own
    assert {v.participant_id for v in copy.votes} <= {p.id for p in copy.participants}


def test_an_agenda_item_moves_one_place_within_its_own_dialogue(service) -> None:
    """Issue 25: the agenda is reordered in the workshop window; dialogue 2's items keep their place."""
    sid = service.create_session("Plein").id
    for number in (1, 2):
        service.add_item(sid, Collection.DIALOGUES, number=number)
    first, second, third = (
        service.add_item(sid, Collection.AGENDA, dialogue=1, title=title, planned_minutes=10)
        for title in ("Opening", "Kansen", "Stemmen")
    )
    other = service.add_item(sid, Collection.AGENDA, dialogue=2, title="Ambities", planned_minutes=10)

    def order(dialogue: int) -> list[str]:
        return [a.title for a in service.get_session(sid).agenda_of(dialogue)]

    assert service.move_item(sid, Collection.AGENDA, third.id, -1)
    assert order(1) == ["Opening", "Stemmen", "Kansen"]
    assert not service.move_item(sid, Collection.AGENDA, first.id, -1)  # first already: nothing changes
    assert service.move_item(sid, Collection.AGENDA, first.id, 1)
    assert order(1) == ["Stemmen", "Opening", "Kansen"]
    assert not service.move_item(sid, Collection.AGENDA, other.id, 1)  # alone in dialogue 2
    assert order(2) == ["Ambities"]
    assert second.id in {a.id for a in service.get_session(sid).agenda}
