"""Property tests over the services (decision 010): any text or number given to any field is either
stored exactly (read back equal, and exported and imported equal) or refused with a problem on that
field, leaving the session exactly as it was. Nothing else may happen: no other exception."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from hostile_data import (
    complete_session,
    decimals,
    exchange_decimal,
    storable,
    texts,
    whole_numbers,
    without_ids,
)
from hypothesis import event, given, settings
from hypothesis import strategies as st

from compass.core.errors import ValidationError
from compass.core.session import (
    AmbitionLevel,
    Channel,
    Collection,
    CommunicationMoment,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
    SessionSnapshot,
)
from compass.formats.session_file import read_session_file, write_session_file
from compass.method.fields import TEXT_LIMITS
from compass.method.text import is_multiline
from compass.model.database import open_database
from compass.services import SessionService

Ids = tuple[int, int, int]  # session, indicator, criterion


@pytest.fixture(scope="module")
def hostile_service(shipped_reference):
    database = open_database("sqlite://")  # in memory: the same transactions without waiting for a disk
    service = SessionService(database, shipped_reference)
    service.template_id = complete_session(service)[0]  # type: ignore[attr-defined]
    yield service
    database.dispose()


def _fresh(service: SessionService) -> Ids:
    """A new session with an item in every list and text in every field (a copy of the template)."""
    copy = service.duplicate_session(service.template_id)  # type: ignore[attr-defined]
    return copy.id, copy.indicators[0].id, copy.criteria[0].id


def _store_in_dialogue(service: SessionService, session_id: int, name: str, text: Any) -> object:
    """Dialogue 1 is recorded once per session (a copied session keeps it): a text goes into it."""
    record = service.get_session(session_id).dialogue(1)
    if record is None:
        return service.add_item(session_id, Collection.DIALOGUES, number=1, **{name: text})
    return service.update_item(session_id, Collection.DIALOGUES, record.id, **{name: text})


@dataclass(frozen=True)
class Field:
    name: str  # as the problem names it
    limit: int
    store: Callable[[SessionService, Ids, Any], object]
    read: Callable[[SessionSnapshot], Any]
    required: bool = False  # must not be blank
    trimmed: bool = False  # the service trims it at both ends before storing (decision 010)
    exported: bool = True  # an id the import checks against the catalogue is stored only

    def __repr__(self) -> str:  # what Hypothesis prints for a failing example
        return f"Field({self.name})"


def _facts() -> list[Field]:
    return [
        Field(
            name,
            limit,
            lambda s, ids, text, n=name: s.update_facts(ids[0], **{n: text}),
            lambda snap, n=name: getattr(snap.facts, n),
            required=name == "title",
            trimmed=name == "title",
        )
        for name, limit in TEXT_LIMITS["facts"].items()
    ]


def _entry(s: SessionService, ids: Ids, **values: Any) -> object:
    values = {"description": "Uitstoot", **values}
    return s.add_item(
        ids[0], Collection.INVENTORY, sdg=12, kind=EntryKind.RISK, source=EntrySource.MATERIALS, **values
    )


def _indicator(s: SessionService, ids: Ids, **values: Any) -> object:
    values = {"name": "Aanpak", **values}
    return s.add_item(ids[0], Collection.INDICATORS, sdg=12, kind=IndicatorKind.QUALITATIVE, **values)


def _message(s: SessionService, ids: Ids, **values: Any) -> object:
    values = {"stakeholder_role": "Raad", **values}
    return s.add_item(
        ids[0], Collection.COMMUNICATION, channel=Channel.PRESS, moment=CommunicationMoment.AWARD, **values
    )


def _last(items: tuple[Any, ...], name: str) -> Any:
    return getattr(items[-1], name)


LIMITS = {name: limit for limits in TEXT_LIMITS.values() for name, limit in limits.items()}
TEXT_FIELDS = [
    *_facts(),
    Field(
        "description",
        LIMITS["description"],
        lambda s, ids, t: _entry(s, ids, description=t),
        lambda snap: _last(snap.inventory, "description"),
        required=True,
    ),
    Field(
        "theme", 60, lambda s, ids, t: _entry(s, ids, theme=t), lambda snap: _last(snap.inventory, "theme")
    ),
    Field(
        "suggestion_id",
        80,
        lambda s, ids, t: _entry(s, ids, suggestion_id=t),
        lambda snap: _last(snap.inventory, "suggestion_id"),
        exported=False,
    ),
    *(
        Field(
            name,
            LIMITS[name],
            lambda s, ids, t, n=name: s.set_priority(ids[0], 12, **{n: t}),
            lambda snap, n=name: getattr(snap.priority_for(12), n),
        )
        for name in ("focus_reason", "urgency_note")
    ),
    Field(
        "name",
        200,
        lambda s, ids, t: s.add_item(ids[0], Collection.INITIATIVES, sdg=12, name=t),
        lambda snap: _last(snap.initiatives, "name"),
        required=True,
    ),
    Field(
        "description",
        LIMITS["description"],
        lambda s, ids, t: s.add_item(ids[0], Collection.INITIATIVES, sdg=12, name="Café", description=t),
        lambda snap: _last(snap.initiatives, "description"),
    ),
    Field(
        "note",
        LIMITS["note"],
        lambda s, ids, t: s.set_ambition(ids[0], 12, AmbitionLevel.BASIC, note=t),
        lambda snap: snap.ambition_for(12).note,
    ),
    *(
        Field(
            name,
            LIMITS[name],
            lambda s, ids, t, n=name: s.add_item(
                ids[0],
                Collection.CRITERIA,
                sdg=12,
                criterion_type=CriterionType.MINIMUM_REQUIREMENT,
                **{"text": "Eis", n: t},
            ),
            lambda snap, n=name: _last(snap.criteria, n),
            required=name == "text",
        )
        for name in ("text", "verification")
    ),
    Field(
        "text",
        LIMITS["text"],
        lambda s, ids, t: s.update_item(ids[0], Collection.CRITERIA, ids[2], text=t),
        lambda snap: snap.criteria[0].text,
        required=True,
    ),
    *(
        Field(
            name,
            TEXT_LIMITS["indicators"][name],
            lambda s, ids, t, n=name: _indicator(s, ids, **{n: t}),
            lambda snap, n=name: _last(snap.indicators, n),
            required=name == "name",
        )
        for name in ("name", "unit", "reference", "data_source", "responsible_role", "assessed", "evidence")
    ),
    *(
        Field(
            name,
            TEXT_LIMITS["measurements"][name],
            lambda s, ids, t, n=name: s.add_measurement(
                ids[0], ids[1], value=Decimal(95), measured_on=dt.date(2028, 2, 1), **{n: t}
            ),
            lambda snap, n=name: _last(snap.indicators[0].measurements, n),
            trimmed=True,
        )
        for name in ("source", "note")
    ),
    *(
        Field(
            name,
            TEXT_LIMITS["communication"][name],
            lambda s, ids, t, n=name: _message(s, ids, **{n: t}),
            lambda snap, n=name: _last(snap.communication, n),
            required=name == "stakeholder_role",
        )
        for name in ("stakeholder_role", "message")
    ),
    # The SDG dialogues (issue 14, exchange format version 4).
    *(
        Field(
            name,
            limit,
            lambda s, ids, t, n=name: _store_in_dialogue(s, ids[0], n, t),
            lambda snap, n=name: getattr(snap.dialogue(1), n),
        )
        for name, limit in (("place", 200), ("facilitator", 200), ("notes", 20_000), ("decisions", 20_000))
    ),
    *(
        Field(
            name,
            limit,
            lambda s, ids, t, n=name: s.add_item(
                ids[0], Collection.PARTICIPANTS, dialogue=1, **{"name": "Anna", n: t}
            ),
            lambda snap, n=name: getattr(snap.participants[-1], n),
            required=name == "name",
        )
        for name, limit in (("name", 200), ("organisation", 200), ("role", 80))
    ),
    *(
        Field(
            name,
            limit,
            lambda s, ids, t, n=name: s.add_item(
                ids[0], Collection.AGENDA, dialogue=2, **{"title": "Opening", n: t}
            ),
            lambda snap, n=name: getattr(snap.agenda[-1], n),
            required=name == "title",
        )
        for name, limit in (("title", 200), ("question", 20_000))
    ),
    Field(
        "contributor",
        200,
        lambda s, ids, t: _entry(s, ids, dialogue=1, contributor=t),
        lambda snap: _last(snap.inventory, "contributor"),
    ),
    Field(
        "reason",
        LIMITS["reason"],
        lambda s, ids, t: s.set_policy_reason(ids[0], "crit-x", t),
        lambda snap: dict(snap.policy_reasons).get("crit-x", ""),
        trimmed=True,
    ),
    Field(
        "criterion_id",
        80,
        lambda s, ids, t: s.set_policy_reason(ids[0], t, "Reden"),
        lambda snap: next(k for k, v in snap.policy_reasons if v == "Reden"),
    ),
]


def _must_store(field: Field, text: str) -> bool:
    """What decision 010 says must be accepted; anything else may be refused."""
    kept = text.strip() if field.trimmed else text
    return (
        storable(kept, multiline=is_multiline(field.name))
        and len(text) <= field.limit
        and not (field.required and not text.strip())
    )


def _exported_and_imported_equal(service: SessionService, snapshot: SessionSnapshot, reference) -> None:
    event("stored, exported and imported")
    imported = service.import_session(read_session_file(write_session_file(snapshot), reference))
    assert without_ids(service.get_session(imported.id)) == without_ids(snapshot)


def _refused_in_place(
    service: SessionService, ids: Ids, before: SessionSnapshot, error, field: str
) -> None:
    assert error.problems
    event("refused: " + ", ".join(sorted({problem.code for problem in error.problems})))
    assert {problem.field for problem in error.problems} == {field}, error.problems
    for problem in error.problems:  # words in both languages, without a format error
        assert problem.message and problem.message_in("nl")
    assert service.get_session(ids[0]) == before  # nothing half-written, not even updated_at


@settings(max_examples=100)  # some 50 fields: a few examples each; every field is swept below
@given(field=st.sampled_from(TEXT_FIELDS), text=texts())
def test_any_text_is_stored_exactly_or_refused_in_place(
    hostile_service, shipped_reference, field, text
) -> None:
    ids = _fresh(hostile_service)
    before = hostile_service.get_session(ids[0])
    try:
        field.store(hostile_service, ids, text)
    except ValidationError as error:
        assert not _must_store(field, text), error.problems
        _refused_in_place(hostile_service, ids, before, error, field.name)
        return
    after = hostile_service.get_session(ids[0])
    stored = field.read(after)
    assert stored == (text.strip() if field.trimmed else text)
    assert storable(stored, multiline=is_multiline(field.name)) and len(stored) <= field.limit
    if field.exported:
        _exported_and_imported_equal(hostile_service, after, shipped_reference)


@dataclass(frozen=True)
class NumberField:
    name: str
    store: Callable[[SessionService, Ids, Any], object]
    read: Callable[[SessionSnapshot], Any]
    lowest: Decimal = Decimal(0)
    highest: Decimal | None = None
    unsigned: bool = False  # -0 refused too
    prepare: Callable[[SessionService, Ids], object] = lambda s, ids: None

    def __repr__(self) -> str:
        return f"NumberField({self.name})"


def _quantity(s: SessionService, ids: Ids, **values: Any) -> object:
    return s.add_item(
        ids[0],
        Collection.INDICATORS,
        sdg=12,
        kind=IndicatorKind.QUANTITATIVE,
        name="CO₂",
        unit="kg",
        **values,
    )


def _award(s: SessionService, ids: Ids, weight: Any) -> object:
    return s.add_item(
        ids[0],
        Collection.CRITERIA,
        sdg=12,
        criterion_type=CriterionType.AWARD_CRITERION,
        text="MKI",
        weight_pct=weight,
    )


def _no_split_decided(s: SessionService, ids: Ids) -> None:
    """Any award weight from 0 to 100 fits then."""
    s.remove_item(ids[0], Collection.CRITERIA, ids[2])
    s.set_quality_weight(ids[0], None)


DECIMAL_FIELDS = [
    NumberField(
        "contract_value_eur",
        lambda s, ids, v: s.update_facts(ids[0], contract_value_eur=v),
        lambda snap: snap.facts.contract_value_eur,
        highest=Decimal("1000000000000"),
        unsigned=True,
    ),
    NumberField(
        "quality_weight_pct",
        lambda s, ids, v: s.set_quality_weight(ids[0], v),
        lambda snap: snap.quality_weight_pct,
        lowest=Decimal("20.5"),  # the award criterion of the complete session weighs 20.5 %
        highest=Decimal(100),
    ),
    NumberField(
        "weight_pct",
        _award,
        lambda snap: snap.criteria[-1].weight_pct,
        highest=Decimal(100),
        prepare=_no_split_decided,
    ),
    NumberField(
        "baseline",
        lambda s, ids, v: _quantity(s, ids, baseline=v),
        lambda snap: snap.indicators[-1].baseline,
    ),
    NumberField(
        "target", lambda s, ids, v: _quantity(s, ids, target=v), lambda snap: snap.indicators[-1].target
    ),
    NumberField(
        "value",
        lambda s, ids, v: s.add_measurement(ids[0], ids[1], value=v, measured_on=dt.date(2028, 2, 1)),
        lambda snap: snap.indicators[0].measurements[-1].value,
    ),
]


def _must_store_decimal(field: NumberField, value: Decimal | int) -> bool:
    if not exchange_decimal(value):
        return False
    number = Decimal(value)
    if field.unsigned and number.is_signed():
        return False
    return number >= field.lowest and (field.highest is None or number <= field.highest)


@given(field=st.sampled_from(DECIMAL_FIELDS), value=decimals())
def test_any_number_is_stored_exactly_or_refused_in_place(
    hostile_service, shipped_reference, field, value
) -> None:
    ids = _fresh(hostile_service)
    field.prepare(hostile_service, ids)
    before = hostile_service.get_session(ids[0])
    try:
        field.store(hostile_service, ids, value)
    except ValidationError as error:
        assert not _must_store_decimal(field, value), error.problems
        _refused_in_place(hostile_service, ids, before, error, field.name)
        return
    assert _must_store_decimal(field, value), value
    after = hostile_service.get_session(ids[0])
    stored = field.read(after)
    assert stored == value and str(stored) == str(Decimal(value))  # the same digits, not only equal
    _exported_and_imported_equal(hostile_service, after, shipped_reference)


WHOLE_FIELDS = {
    "votes": (lambda s, ids, v: s.set_priority(ids[0], 12, votes=v), range(0, 100_000)),
    "urgency": (lambda s, ids, v: s.set_priority(ids[0], 12, urgency=v), range(1, 6)),
    "kpi": (lambda s, ids, v: _quantity(s, ids, kpi=v), range(1, 100)),
    "sdg": (lambda s, ids, v: s.set_priority(ids[0], v, votes=1), range(1, 18)),
}


@given(name=st.sampled_from(sorted(WHOLE_FIELDS)), value=whole_numbers())
def test_any_whole_number_is_stored_or_refused_in_place(
    hostile_service, shipped_reference, name, value
) -> None:
    store, allowed = WHOLE_FIELDS[name]
    ids = _fresh(hostile_service)
    before = hostile_service.get_session(ids[0])
    valid = not isinstance(value, bool) and value in allowed
    try:
        store(hostile_service, ids, value)
    except ValidationError as error:
        assert not valid, error.problems
        _refused_in_place(hostile_service, ids, before, error, name)
        return
    assert valid, value
    _exported_and_imported_equal(hostile_service, hostile_service.get_session(ids[0]), shipped_reference)


SWEEP = [
    "\x00",
    "\x1b",
    "\r",
    "\x7f",
    "\x85",
    "\x9b",
    "\ud800",
    "\ufffe",
    "\U0010ffff",
    "\t",
    "\n",
    "\u2028",
]


@pytest.mark.parametrize("field", TEXT_FIELDS, ids=lambda f: f.name)
def test_every_text_field_refuses_each_kind_of_character_it_may_not_hold(hostile_service, field) -> None:
    """Deterministic, beside the random search: every field meets every kind of character once."""
    ids = _fresh(hostile_service)
    multiline = is_multiline(field.name)
    kept = "Tekst \u200f👩\u200d🔧 e\u0301"
    for character in SWEEP:
        text = f"Tekst{character}tekst"
        if storable(text, multiline=multiline):
            kept += text
            continue
        with pytest.raises(ValidationError) as caught:
            field.store(hostile_service, ids, text)
        assert [p.field for p in caught.value.problems] == [field.name], (character, caught.value.problems)
    field.store(hostile_service, ids, kept)  # tab and line breaks in a multi-line field
    assert field.read(hostile_service.get_session(ids[0])) == kept
