"""The session service as the UI and the CLI use it: every change saved at once, refused changes leave
nothing behind, unknown ids give a clear error, duplicates are deep and independent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from compass.core.errors import ItemNotFoundError, SessionNotFoundError, ValidationError
from compass.core.session import (
    AmbitionLevel,
    Channel,
    Collection,
    CommunicationMoment,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
    Procedure,
)
from compass.model import orm


def _fill(service, session_id: int) -> None:
    service.add_item(
        session_id,
        Collection.INVENTORY,
        sdg=13,
        kind=EntryKind.RISK,
        source=EntrySource.MATERIALS,
        description="CO₂ bij productie",
    )
    service.set_priority(session_id, 13, selected=True, urgency=5, focus_reason="klimaatbeleid")
    service.set_ambition(session_id, 13, AmbitionLevel.SIGNIFICANT, "gunning op CO₂")
    service.add_item(
        session_id,
        Collection.CRITERIA,
        sdg=13,
        criterion_type=CriterionType.AWARD_CRITERION,
        text="CO₂-prestatieladder",
        weight_pct=Decimal(10),
    )
    indicator = service.add_item(
        session_id,
        Collection.INDICATORS,
        sdg=13,
        kind=IndicatorKind.QUANTITATIVE,
        name="CO₂ vermeden",
        unit="kg CO₂",
        target=Decimal(120000),
    )
    service.add_item(
        session_id,
        Collection.COMMUNICATION,
        stakeholder_role="Bewoners",
        channel=Channel.PRESS,
        moment=CommunicationMoment.AWARD,
    )
    with service._database.session_factory.begin() as db:
        db.add(
            orm.MeasurementRow(
                indicator_id=indicator.id,
                value=Decimal(90000),
                measured_on=dt.date(2028, 1, 15),
                source="leverancier",
            )
        )


def _count(service, row_class) -> int:
    with service._database.session_factory() as db:
        return db.scalar(select(func.count()).select_from(row_class))


def test_create_requires_a_title_and_writes_nothing_when_refused(service) -> None:
    for title in ("", "   "):
        with pytest.raises(ValidationError) as caught:
            service.create_session(title)
        assert [p.field for p in caught.value.problems] == ["title"]
    with pytest.raises(ValidationError) as caught:
        service.create_session("Asfalt", contract_value_eur=Decimal(-1))
    assert [p.field for p in caught.value.problems] == ["contract_value_eur"]
    assert service.list_sessions() == []


def test_list_is_newest_first_and_searches_titles_literally(service) -> None:
    first = service.create_session("Groot onderhoud asfalt")
    second = service.create_session("Bedrijfskleding 100% fair")
    third = service.create_session("Sporthal_De Kissel")
    assert [s.id for s in service.list_sessions()] == [third.id, second.id, first.id]
    service.update_facts(first.id, location="Heerlen")  # an edit makes it the newest
    assert service.list_sessions()[0].id == first.id
    assert [s.id for s in service.list_sessions("ASFALT")] == [first.id]
    assert [s.id for s in service.list_sessions("100%")] == [second.id]
    assert [s.id for s in service.list_sessions("%")] == [second.id]
    assert [s.id for s in service.list_sessions("l_D")] == [third.id]
    assert service.list_sessions("zwembad") == []


def test_update_facts_is_all_or_nothing(service) -> None:
    session = service.create_session("Asfalt")
    with pytest.raises(ValidationError):
        service.update_facts(session.id, organisation="Gemeente Heerlen", title=" ")
    assert service.get_session(session.id).facts.organisation == ""
    service.update_facts(
        session.id,
        organisation="Gemeente Heerlen",
        procedure=Procedure.MULTIPLE_QUOTES,
        innovation_pilot=True,
        contract_value_eur=Decimal("250000.50"),
        publication_date=dt.date(2027, 3, 1),
        scope="Onderhoud",
    )
    facts = service.get_session(session.id).facts
    assert (facts.organisation, facts.procedure, facts.innovation_pilot) == (
        "Gemeente Heerlen",
        Procedure.MULTIPLE_QUOTES,
        True,
    )
    assert facts.contract_value_eur == Decimal("250000.50")
    assert facts.publication_date == dt.date(2027, 3, 1)


def test_rename(service) -> None:
    session = service.create_session("Asfalt")
    service.rename_session(session.id, "  Asfalt 2027 ")
    assert service.get_session(session.id).facts.title == "Asfalt 2027"
    with pytest.raises(ValidationError):
        service.rename_session(session.id, "")


def test_duplicate_is_a_deep_independent_copy(service) -> None:
    original = service.create_session("Asfalt", organisation="Gemeente Heerlen")
    _fill(service, original.id)
    copy = service.duplicate_session(original.id)
    assert copy.id != original.id
    assert copy.facts.title == "Copy of Asfalt"
    source = service.get_session(original.id)
    for name in ("inventory", "criteria", "indicators", "communication"):
        mine = [
            (type(i).__name__, {k: v for k, v in vars(i).items() if k not in ("id",)})
            for i in getattr(copy, name)
        ]
        theirs = [
            (type(i).__name__, {k: v for k, v in vars(i).items() if k not in ("id",)})
            for i in getattr(source, name)
        ]
        if name == "indicators":
            for entries in (mine, theirs):
                for _, values in entries:
                    values["measurements"] = [(m.value, m.measured_on) for m in values["measurements"]]
        assert mine == theirs, name
    assert copy.priorities == source.priorities and copy.ambitions == source.ambitions
    assert copy.indicators[0].measurements[0].value == Decimal(90000)

    service.remove_item(copy.id, Collection.INVENTORY, copy.inventory[0].id)
    service.update_facts(copy.id, organisation="Gemeente Maastricht")
    after = service.get_session(original.id)
    assert len(after.inventory) == 1 and after.facts.organisation == "Gemeente Heerlen"


def test_delete_removes_every_row_of_the_session(service) -> None:
    keep = service.create_session("Blijft")
    _fill(service, keep.id)
    gone = service.create_session("Weg")
    _fill(service, gone.id)
    service.delete_session(gone.id)
    assert not service.session_exists(gone.id)
    for row_class in (
        orm.InventoryEntryRow,
        orm.SdgPriorityRow,
        orm.AmbitionRow,
        orm.CriterionRow,
        orm.IndicatorRow,
        orm.MeasurementRow,
        orm.CommunicationRow,
    ):
        assert _count(service, row_class) == 1, row_class.__name__


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.get_session(999),
        lambda s: s.rename_session(999, "x"),
        lambda s: s.update_facts(999, organisation="x"),
        lambda s: s.duplicate_session(999),
        lambda s: s.delete_session(999),
        lambda s: s.set_priority(999, 13, selected=True),
        lambda s: s.set_ambition(999, 13, AmbitionLevel.BASIC),
        lambda s: s.add_item(
            999,
            Collection.INVENTORY,
            sdg=13,
            kind=EntryKind.RISK,
            source=EntrySource.LOCATION,
            description="x",
        ),
    ],
)
def test_unknown_session_ids_are_refused_clearly(service, call) -> None:
    with pytest.raises(SessionNotFoundError) as caught:
        call(service)
    assert "999" in str(caught.value)


def test_items_of_another_session_cannot_be_touched(service) -> None:
    mine = service.create_session("Mijn")
    other = service.create_session("Ander")
    entry = service.add_item(
        other.id,
        Collection.INVENTORY,
        sdg=1,
        kind=EntryKind.RISK,
        source=EntrySource.LOCATION,
        description="x",
    )
    with pytest.raises(ItemNotFoundError):
        service.remove_item(mine.id, Collection.INVENTORY, entry.id)
    assert len(service.get_session(other.id).inventory) == 1


@pytest.mark.parametrize(
    "collection, values, field",
    [
        (
            Collection.INVENTORY,
            {"sdg": 18, "kind": EntryKind.RISK, "source": EntrySource.LOCATION, "description": "x"},
            "sdg",
        ),
        (
            Collection.INVENTORY,
            {"sdg": 3, "kind": EntryKind.RISK, "source": EntrySource.LOCATION, "description": " "},
            "description",
        ),
        (
            Collection.CRITERIA,
            {
                "sdg": 3,
                "criterion_type": CriterionType.AWARD_CRITERION,
                "text": "x",
                "weight_pct": Decimal(120),
            },
            "weight_pct",
        ),
        (Collection.INDICATORS, {"sdg": 3, "kind": IndicatorKind.QUALITATIVE, "name": ""}, "name"),
        (
            Collection.COMMUNICATION,
            {"stakeholder_role": "", "channel": Channel.PRESS, "moment": CommunicationMoment.AWARD},
            "stakeholder_role",
        ),
    ],
)
def test_invalid_items_are_refused_and_not_written(service, collection, values, field) -> None:
    session = service.create_session("Asfalt")
    with pytest.raises(ValidationError) as caught:
        service.add_item(session.id, collection, **values)
    assert field in [p.field for p in caught.value.problems]
    assert getattr(service.get_session(session.id), collection.value) == ()


def test_update_item_validates_the_result(service) -> None:
    session = service.create_session("Asfalt")
    entry = service.add_item(
        session.id,
        Collection.INVENTORY,
        sdg=13,
        kind=EntryKind.RISK,
        source=EntrySource.LOCATION,
        description="Geluid",
    )
    service.update_item(session.id, Collection.INVENTORY, entry.id, description="Geluid en NOx")
    with pytest.raises(ValidationError):
        service.update_item(session.id, Collection.INVENTORY, entry.id, description="")
    assert service.get_session(session.id).inventory[0].description == "Geluid en NOx"


def test_priority_urgency_is_one_to_five(service) -> None:
    session = service.create_session("Asfalt")
    for urgency in (0, 6):
        with pytest.raises(ValidationError):
            service.set_priority(session.id, 13, urgency=urgency)
    service.set_priority(session.id, 13, urgency=1)
    service.set_priority(session.id, 13, urgency=None)
    assert service.get_session(session.id).priority_for(13).urgency is None


def test_ambition_set_change_and_clear(service) -> None:
    session = service.create_session("Asfalt")
    service.set_ambition(session.id, 12, AmbitionLevel.BASIC)
    service.set_ambition(session.id, 12, AmbitionLevel.AMBITIOUS, "pilot")
    ambition = service.get_session(session.id).ambition_for(12)
    assert (ambition.level, ambition.note) == (AmbitionLevel.AMBITIOUS, "pilot")
    service.set_ambition(session.id, 12, None)
    assert service.get_session(session.id).ambition_for(12) is None


def test_listeners_hear_each_change_once_and_not_refusals(service) -> None:
    heard: list[int] = []
    service.add_listener(heard.append)
    session = service.create_session("Asfalt")
    service.update_facts(session.id, organisation="Heerlen")
    with pytest.raises(ValidationError):
        service.update_facts(session.id, title="")
    service.set_priority(session.id, 3, selected=True)
    assert heard == [session.id, session.id, session.id]


def test_child_changes_move_updated_at_forward(service) -> None:
    session = service.create_session("Asfalt")
    before = service.get_session(session.id).updated_at
    service.add_item(
        session.id,
        Collection.COMMUNICATION,
        stakeholder_role="Raad",
        channel=Channel.COUNCIL_REPORT,
        moment=CommunicationMoment.COMPLETION,
    )
    assert service.get_session(session.id).updated_at > before


def test_a_long_list_comes_in_pages_with_its_count(service) -> None:
    ids = [service.create_session(f"Aanbesteding {n}").id for n in range(12)]
    newest_first = list(reversed(ids))
    assert [s.id for s in service.list_sessions(limit=5)] == newest_first[:5]
    assert [s.id for s in service.list_sessions(offset=5, limit=5)] == newest_first[5:10]
    assert [s.id for s in service.list_sessions(offset=10, limit=5)] == newest_first[10:]
    page = service.list_page(limit=5)
    assert (page.total, [s.id for s in page.sessions]) == (12, newest_first[:5])
    found = service.list_page("aanbesteding 1", limit=2)  # 1, 10, 11
    assert found.total == 3 and len(found.sessions) == 2
    assert service.list_page("zwembad").total == 0
