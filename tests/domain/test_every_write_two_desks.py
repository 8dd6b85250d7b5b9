"""Every write the services offer, as two desks on one database (SQLite and PostgreSQL).

The same field written from a stale view asks: ``ConflictError`` names the field as the user sees it
and nothing changes. A different field or item written from a stale view lands beside the other
desk's write. The writes are read from ``SessionService`` itself: a new public method fails
``test_every_public_method_is_a_read_a_creation_or_a_case_here`` until it is classified, and every
project fact, every stored text of every list and the other stored values of each step have a case.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from compass.core.errors import ConflictError
from compass.core.fact_fields import FACT_FIELDS, FactField, FactKind
from compass.core.session import (
    AmbitionLevel,
    Channel,
    Collection,
    CommunicationMoment,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
    MeasurementMoment,
    SessionSnapshot,
    SessionStatus,
    TenderRiskCategory,
)
from compass.method.concurrency import same_value
from compass.method.field_labels import FACTS, LABELS, SESSION
from compass.method.fields import TEXT_LIMITS
from compass.services import ProfileService, SessionService

READS = {
    "announce",
    "latest_session",
    "list_sessions",
    "list_page",
    "get_session",
    "session_exists",
    "item_position",
    "add_listener",
    "remove_listener",
}
# Each makes or removes a whole record: nothing another desk wrote is replaced by it.
CREATES_AND_REMOVES = {
    "create_session",
    "import_session",
    "duplicate_session",
    "delete_session",
    "add_item",
    "remove_item",
    "add_measurement",
    "remove_measurement",
    "move_item",  # the order of a list: no value another desk wrote is overwritten
}

POLICY_ITEMS = ("crit-8-social-return-2-5", "crit-12-circular-design")
# Codes that must name something in the reference data or the profile: not typed by a user.
CODE_FIELDS = {"suggestion_id", "catalogue_id", "profile_initiative_ref", "responsible_role", "theme"}


@dataclasses.dataclass(frozen=True)
class Case:
    """One stored value: how a desk writes it (based on the value it showed) and reads it back."""

    name: str
    method: str
    place: str
    field: str
    values: tuple[Any, Any, Any]  # what both desks see, desk A's value, desk B's value
    write: Callable[[SessionService, dict[str, Any], Any, Any], Any]
    read: Callable[[SessionSnapshot, dict[str, Any]], Any]


def _fact_values(field: FactField) -> tuple[Any, Any, Any]:
    """What both desks see, desk A's value and desk B's, by the fact's declared kind."""
    if field.name == "title":
        return ("Sportpark", "Sportpark Noord", "Sportpark Zuid")
    if field.kind is FactKind.CODE:
        assert field.codes is not None
        codes = list(field.codes)
        return (codes[-1] if field.required else None, codes[0], codes[1])
    return {
        FactKind.FLAG: (False, True, True),
        FactKind.AMOUNT: (None, Decimal("450000"), Decimal("460000")),
        FactKind.PERCENT: (None, Decimal("50"), Decimal("100")),
        FactKind.DAY: (None, dt.date(2027, 3, 1), dt.date(2027, 4, 1)),
    }.get(field.kind, ("", f"{field.name} van A", f"{field.name} van B"))


def _fact_case(field: FactField) -> Case:
    name = field.name

    def write(desk: SessionService, ids: dict[str, Any], value: Any, based_on: Any) -> None:
        expected = None if based_on is _UNSEEN else {name: based_on}
        desk.update_facts(ids["session"], expected, **{name: value})

    return Case(
        f"facts.{name}",
        "update_facts",
        FACTS,
        name,
        _fact_values(field),
        write,
        lambda snapshot, _ids: getattr(snapshot.facts, name),
    )


_UNSEEN = object()  # a write from no view at all (setting up what both desks then see)

ITEMS: dict[Collection, str] = {
    Collection.INVENTORY: "entry",
    Collection.CRITERIA: "criterion",
    Collection.INDICATORS: "indicator",
    Collection.COMMUNICATION: "message",
    Collection.INITIATIVES: "initiative",
    Collection.DIALOGUES: "dialogue",
    Collection.PARTICIPANTS: "participant",
    Collection.AGENDA: "agenda",
    Collection.QUALITY_CRITERIA: "quality_criterion",
    Collection.TENDER_RISKS: "tender_risk",
}
# Values of an item's fields that are not free text.
ITEM_VALUES: dict[tuple[Collection, str], tuple[Any, Any, Any]] = {
    (Collection.INVENTORY, "kind"): (EntryKind.RISK, EntryKind.OPPORTUNITY, EntryKind.OPPORTUNITY),
    (Collection.INVENTORY, "source"): (
        EntrySource.MATERIALS,
        *[source for source in EntrySource if source is not EntrySource.MATERIALS][:2],
    ),
    (Collection.CRITERIA, "weight_pct"): (Decimal("10"), Decimal("15"), Decimal("20")),
    (Collection.INDICATORS, "baseline"): (Decimal("100"), Decimal("90"), Decimal("95")),
    (Collection.INDICATORS, "target"): (Decimal("80"), Decimal("70"), Decimal("75")),
    (Collection.INDICATORS, "measurement_moment"): (
        MeasurementMoment.AT_COMPLETION,
        *[m for m in MeasurementMoment if m is not MeasurementMoment.AT_COMPLETION][:2],
    ),
    (Collection.COMMUNICATION, "moment"): (
        CommunicationMoment.AWARD,
        *[m for m in CommunicationMoment if m is not CommunicationMoment.AWARD][:2],
    ),
    (Collection.DIALOGUES, "votes_per_participant"): (3, 4, 5),
    (Collection.DIALOGUES, "held_on"): (None, dt.date(2027, 1, 10), dt.date(2027, 1, 11)),
    (Collection.PARTICIPANTS, "internal"): (True, False, False),
    (Collection.AGENDA, "planned_minutes"): (10, 15, 20),
    (Collection.QUALITY_CRITERIA, "weight_pct"): (Decimal("10"), Decimal("15"), Decimal("20")),
    (Collection.TENDER_RISKS, "category"): (
        TenderRiskCategory.MARKET,
        TenderRiskCategory.LEGAL,
        TenderRiskCategory.PLANNING,
    ),
    (Collection.TENDER_RISKS, "probability"): (3, 4, 5),
    (Collection.TENDER_RISKS, "impact"): (3, 2, 1),
}


def _item_case(collection: Collection, field: str, values: tuple[Any, Any, Any]) -> Case:
    key = ITEMS[collection]

    def write(desk: SessionService, ids: dict[str, Any], value: Any, based_on: Any) -> None:
        expected = None if based_on is _UNSEEN else {field: based_on}
        desk.update_item(ids["session"], collection, ids[key], expected, **{field: value})

    def read(snapshot: SessionSnapshot, ids: dict[str, Any]) -> Any:
        item = next(i for i in getattr(snapshot, collection.value) if i.id == ids[key])
        return getattr(item, field)

    return Case(f"{collection.value}.{field}", "update_item", collection.value, field, values, write, read)


def _item_cases() -> list[Case]:
    cases = []
    for collection in ITEMS:
        texts = [f for f in TEXT_LIMITS[collection.value] if f not in CODE_FIELDS]
        for field in texts:
            cases.append(_item_case(collection, field, ("x", f"{field} van A", f"{field} van B")))
        for (where, field), values in ITEM_VALUES.items():
            if where is collection:
                cases.append(_item_case(collection, field, values))
    return cases


def _priority_case(sdg: int, field: str, values: tuple[Any, Any, Any]) -> Case:
    def write(desk: SessionService, ids: dict[str, Any], value: Any, based_on: Any) -> None:
        expected = None if based_on is _UNSEEN else {field: based_on}
        desk.set_priority(ids["session"], sdg, expected, **{field: value})

    return Case(
        f"priorities.{sdg}.{field}",
        "set_priority",
        "priorities",
        field,
        values,
        write,
        lambda snapshot, _ids: getattr(snapshot.priority_for(sdg), field),
    )


def _ambition_case(sdg: int, field: str, values: tuple[Any, Any, Any]) -> Case:
    def write(desk: SessionService, ids: dict[str, Any], value: Any, based_on: Any) -> None:
        wanted = {**_ambition_of(desk.get_session(ids["session"]), sdg), field: value}
        level = wanted["level"] or AmbitionLevel.SIGNIFICANT  # a note needs a level
        expected = None if based_on is _UNSEEN else {field: based_on}
        desk.set_ambition(ids["session"], sdg, level, wanted["note"], expected=expected)

    return Case(
        f"ambitions.{sdg}.{field}",
        "set_ambition",
        "ambitions",
        field,
        values,
        write,
        lambda snapshot, _ids: _ambition_of(snapshot, sdg)[field],
    )


def _ambition_of(snapshot: SessionSnapshot, sdg: int) -> dict[str, Any]:
    ambition = next((a for a in snapshot.ambitions if a.sdg == sdg), None)
    if ambition is None:
        return {"level": None, "note": ""}
    return {"level": ambition.level, "note": ambition.note}


def _policy_case(criterion_id: str) -> Case:
    def write(desk: SessionService, ids: dict[str, Any], value: Any, based_on: Any) -> None:
        expected = None if based_on is _UNSEEN else {"policy_reason": based_on}
        desk.set_policy_reason(ids["session"], criterion_id, value, expected)

    return Case(
        f"policy_reason.{criterion_id}",
        "set_policy_reason",
        SESSION,
        "policy_reason",
        ("", "Te duur voor dit perceel", "Geen markt"),
        write,
        lambda snapshot, _ids: dict(snapshot.policy_reasons).get(criterion_id, ""),
    )


def _session_case(method: str, field: str, values: tuple[Any, Any, Any], read: Callable) -> Case:
    def write(desk: SessionService, ids: dict[str, Any], value: Any, based_on: Any) -> None:
        expected = None if based_on is _UNSEEN else {field: based_on}
        getattr(desk, method)(ids["session"], _resolved(value, ids), expected)

    return Case(f"session.{field}", method, SESSION, field, values, write, read)


def _resolved(value: Any, ids: dict[str, Any]) -> Any:
    """Profile ids are only known once the database is open."""
    if isinstance(value, str) and value.startswith("profile:"):
        return ids["profiles"][int(value.split(":")[1])]
    return value


def _votes_case(sdg: int) -> Case:
    def write(desk: SessionService, ids: dict[str, Any], value: Any, based_on: Any) -> None:
        expected = None if based_on is _UNSEEN else {"count": based_on}
        desk.set_votes(ids["session"], 1, ids["participant"], f"sdg:{sdg}", value, expected)

    def read(snapshot: SessionSnapshot, ids: dict[str, Any]) -> Any:
        return next(
            (
                v.count
                for v in snapshot.votes
                if v.participant_id == ids["participant"] and v.target == f"sdg:{sdg}"
            ),
            0,
        )

    return Case(f"votes.sdg{sdg}", "set_votes", "votes", "count", (0, 1, 2), write, read)


def _rename_case() -> Case:
    def write(desk: SessionService, ids: dict[str, Any], value: Any, based_on: Any) -> None:
        desk.rename_session(ids["session"], value, None if based_on is _UNSEEN else based_on)

    return Case(
        "rename.title",
        "rename_session",
        FACTS,
        "title",
        ("Sportpark", "Sportpark (Heerlen)", "Sportpark 2027"),
        write,
        lambda snapshot, _ids: snapshot.facts.title,
    )


CASES: list[Case] = [
    *(_fact_case(field) for field in FACT_FIELDS),  # every fact, from its one declaration
    _rename_case(),
    _session_case(
        "set_status",
        "status",
        (SessionStatus.DRAFT, SessionStatus.FINAL, SessionStatus.FINAL),
        lambda snapshot, _ids: snapshot.status,
    ),
    _session_case(
        "set_quality_weight",
        "quality_weight_pct",
        (None, Decimal("40"), Decimal("50")),
        lambda snapshot, _ids: snapshot.quality_weight_pct,
    ),
    _session_case(
        "set_profile",
        "profile_id",
        (None, "profile:0", "profile:1"),
        lambda snapshot, _ids: snapshot.profile_id,
    ),
    *(_policy_case(criterion) for criterion in POLICY_ITEMS),
    *_item_cases(),
    *(
        _priority_case(sdg, field, values)
        for sdg in (13, 12)
        for field, values in (
            ("selected", (False, True, True)),
            ("focus_reason", ("", "Klimaat eerst", "Circulair eerst")),
            ("urgency", (None, 4, 5)),
            ("urgency_note", ("", "Nu", "Straks")),
            ("votes", (0, 5, 6)),
        )
    ),
    *(
        _ambition_case(sdg, field, values)
        for sdg in (13, 12)
        for field, values in (
            ("level", (AmbitionLevel.SIGNIFICANT, AmbitionLevel.BASIC, AmbitionLevel.AMBITIOUS)),
            ("note", ("", "De markt is er klaar voor", "Eerst een pilot")),
        )
    ),
    *(_votes_case(sdg) for sdg in (8, 13)),
]


def _needs(case: Case) -> set[str]:
    """The records a case writes to, and what they need first (kept small: a session with every
    item for each of these 300 tests took a minute of the suite)."""
    if case.method == "update_item":
        key = ITEMS[Collection(case.place)]
        return {key, "dialogue"} if key in ("participant", "agenda") else {key}
    if case.method == "set_votes":
        return {"participant", "dialogue"}
    if case.method == "set_profile":
        return {"profiles"}
    return set()


def _session_for(desk: SessionService, *cases: Case) -> dict[str, Any]:
    needed = set().union(*(_needs(case) for case in cases))
    sid = desk.create_session("Sportpark", organisation="Gemeente Heerlen").id
    ids: dict[str, Any] = {"session": sid}
    makers: dict[str, Callable[[], Any]] = {
        "entry": lambda: desk.add_item(
            sid,
            Collection.INVENTORY,
            sdg=13,
            kind=EntryKind.RISK,
            source=EntrySource.MATERIALS,
            description="x",
        ),
        "criterion": lambda: (
            desk.set_quality_weight(sid, Decimal("60")),
            desk.add_item(
                sid,
                Collection.CRITERIA,
                sdg=13,
                criterion_type=CriterionType.AWARD_CRITERION,
                text="x",
                weight_pct=Decimal("10"),
            ),
        )[1],
        "indicator": lambda: desk.add_item(
            sid,
            Collection.INDICATORS,
            sdg=13,
            kind=IndicatorKind.QUANTITATIVE,
            name="x",
            unit="kg",
            baseline=Decimal("100"),
            target=Decimal("80"),
            measurement_moment=MeasurementMoment.AT_COMPLETION,
        ),
        "message": lambda: desk.add_item(
            sid,
            Collection.COMMUNICATION,
            stakeholder_role="Raad",
            channel=Channel.PRESS,
            moment=CommunicationMoment.AWARD,
        ),
        "initiative": lambda: desk.add_item(sid, Collection.INITIATIVES, sdg=13, name="x"),
        "dialogue": lambda: desk.add_item(sid, Collection.DIALOGUES, number=1, votes_per_participant=3),
        "participant": lambda: desk.add_item(sid, Collection.PARTICIPANTS, dialogue=1, name="x"),
        "agenda": lambda: desk.add_item(sid, Collection.AGENDA, dialogue=1, title="x", planned_minutes=10),
        "quality_criterion": lambda: (
            desk.set_quality_weight(sid, Decimal("60")),
            desk.add_item(sid, Collection.QUALITY_CRITERIA, name="x", weight_pct=Decimal("10")),
        )[1],
        "tender_risk": lambda: desk.add_item(
            sid,
            Collection.TENDER_RISKS,
            category=TenderRiskCategory.MARKET,
            description="x",
            probability=3,
            impact=3,
        ),
    }
    for key in makers:  # in this order: a dialogue before its participants and agenda
        if key in needed:
            ids[key] = makers[key]().id
    if "profiles" in needed:
        profiles = ProfileService(desk._database, frozenset(c.id for c in desk._reference.criteria))
        profiles.install_examples()
        ids["profiles"] = [profile.id for profile in profiles.list_profiles()]
    return ids


@pytest.fixture
def two_desks(db_url, shipped_reference):
    from compass.model.database import open_database

    databases = [open_database(db_url), open_database(db_url)]
    yield [SessionService(database, shipped_reference) for database in databases]
    for database in databases:
        database.dispose()


def _seen_by_both(case: Case, desk: SessionService, ids: dict[str, Any]) -> None:
    initial = _resolved(case.values[0], ids)
    if not same_value(case.read(desk.get_session(ids["session"]), ids), initial):
        case.write(desk, ids, initial, _UNSEEN)


def test_every_public_method_is_a_read_a_creation_or_a_case_here() -> None:
    public = {name for name, _ in inspect.getmembers(SessionService, inspect.isfunction) if name[0] != "_"}
    writes = {case.method for case in CASES}
    assert public - READS - CREATES_AND_REMOVES == writes, "classify the new method, or give it a case"


def test_every_label_is_the_users_word_not_the_code() -> None:
    for case in CASES:
        label = LABELS[case.place][case.field]
        assert label and label != case.field, case.name


# Every case on SQLite; on the PostgreSQL server every write method once, and the facts once per kind of
# value (text, code, flag, amount, date each have their own column type), which is where the databases
# differ: the same code compares the values, each server locks and commits its way. All 300 cases on
# both doubled the suite's database time for no other difference.
_FACT_KINDS = {fact.name: fact.kind for fact in FACT_FIELDS}


def _server_cases() -> list[int]:
    chosen: list[int] = []
    seen: set[tuple[str, FactKind | None]] = set()
    for index, case in enumerate(CASES):
        key = (case.method, _FACT_KINDS[case.field] if case.method == "update_facts" else None)
        if key not in seen:
            seen.add(key)
            chosen.append(index)
    return chosen


ON_THE_SERVER = _server_cases()
EVERY_CASE = pytest.mark.parametrize("db_backend", ["sqlite"])
ONCE_A_WRITE = pytest.mark.parametrize("db_backend", ["postgresql"])


@EVERY_CASE
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_same_field_from_a_stale_view_asks_and_changes_nothing(two_desks, case: Case) -> None:
    _the_same_field_asks(two_desks, case)


@ONCE_A_WRITE
@pytest.mark.parametrize("index", ON_THE_SERVER, ids=lambda i: CASES[i].name)
def test_the_same_field_asks_on_the_team_database_too(two_desks, index: int) -> None:
    _the_same_field_asks(two_desks, CASES[index])


@EVERY_CASE
@pytest.mark.parametrize("index", range(len(CASES)), ids=lambda i: CASES[i].name)
def test_another_field_from_a_stale_view_lands_beside_it(two_desks, index: int) -> None:
    _another_field_lands(two_desks, index)


@ONCE_A_WRITE
@pytest.mark.parametrize("index", ON_THE_SERVER, ids=lambda i: CASES[i].name)
def test_another_field_lands_on_the_team_database_too(two_desks, index: int) -> None:
    _another_field_lands(two_desks, index)


def _the_same_field_asks(two_desks, case: Case) -> None:
    desk_a, desk_b = two_desks
    ids = _session_for(desk_a, case)
    _seen_by_both(case, desk_a, ids)
    seen, mine, theirs = (_resolved(value, ids) for value in case.values)
    case.write(desk_a, ids, mine, seen)
    with pytest.raises(ConflictError) as conflict:
        case.write(desk_b, ids, theirs, seen)
    assert conflict.value.field == case.field
    assert conflict.value.what == LABELS[case.place][case.field]  # the English label, as the UI shows it
    assert same_value(conflict.value.theirs, mine)
    assert same_value(case.read(desk_b.get_session(ids["session"]), ids), mine)


def _another_field_lands(two_desks, index: int) -> None:
    # The next case: another field, or the same field of another item (another SDG, requirement).
    case, other = CASES[index], CASES[(index + 1) % len(CASES)]
    desk_a, desk_b = two_desks
    ids = _session_for(desk_a, case, other)
    _seen_by_both(case, desk_a, ids)
    _seen_by_both(other, desk_a, ids)
    case.write(desk_a, ids, _resolved(case.values[1], ids), _resolved(case.values[0], ids))
    other.write(desk_b, ids, _resolved(other.values[2], ids), _resolved(other.values[0], ids))
    snapshot = desk_a.get_session(ids["session"])
    assert same_value(case.read(snapshot, ids), _resolved(case.values[1], ids))
    assert same_value(other.read(snapshot, ids), _resolved(other.values[2], ids))
