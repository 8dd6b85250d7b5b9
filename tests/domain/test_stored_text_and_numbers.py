"""The services store a text or a number exactly or refuse it naming the field, and a refused call
leaves the session as it was. Each case here once crashed or stored what could not be exported."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

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
)


def _refused(service, session_id: int, call, field: str, code: str | None = None) -> None:
    before = service.get_session(session_id)
    with pytest.raises(ValidationError) as caught:
        call()
    fields = [problem.field for problem in caught.value.problems]
    assert field in fields, caught.value.problems
    if code is not None:
        assert code in [problem.code for problem in caught.value.problems]
    assert service.get_session(session_id) == before


def test_a_title_with_an_escape_sequence_is_refused_and_nothing_is_created(service) -> None:
    with pytest.raises(ValidationError) as caught:
        service.create_session("Asfalt\x1b[31m")
    (problem,) = caught.value.problems
    assert (problem.field, problem.code) == ("title", "control_character")
    assert "U+001B" in problem.message
    assert service.list_sessions() == []


@pytest.mark.parametrize("text", ["a\ud800b", "a\x00b", "a\ufffeb", "a\x9bb"])
def test_texts_of_every_step_refuse_what_cannot_be_stored(service, text) -> None:
    session_id = service.create_session("Strooizout").id
    indicator = service.add_item(
        session_id, Collection.INDICATORS, sdg=13, kind=IndicatorKind.QUALITATIVE, name="Aanpak"
    )
    calls = {
        "organisation": lambda: service.update_facts(session_id, organisation=text),
        "scope": lambda: service.update_facts(session_id, scope=text),
        "description": lambda: service.add_item(
            session_id,
            Collection.INVENTORY,
            sdg=13,
            kind=EntryKind.RISK,
            source=EntrySource.MATERIALS,
            description=text,
        ),
        "focus_reason": lambda: service.set_priority(session_id, 13, focus_reason=text),
        "note": lambda: service.set_ambition(session_id, 13, AmbitionLevel.BASIC, note=text),
        "verification": lambda: service.add_item(
            session_id,
            Collection.CRITERIA,
            sdg=13,
            criterion_type=CriterionType.MINIMUM_REQUIREMENT,
            text="Eis",
            verification=text,
        ),
        "unit": lambda: service.update_item(session_id, Collection.INDICATORS, indicator.id, unit=text),
        "evidence": lambda: service.update_item(
            session_id, Collection.INDICATORS, indicator.id, evidence=text
        ),
        "source": lambda: service.add_measurement(
            session_id, indicator.id, value=Decimal(1), measured_on=dt.date(2027, 1, 1), source=text
        ),
        "message": lambda: service.add_item(
            session_id,
            Collection.COMMUNICATION,
            stakeholder_role="Raad",
            channel=Channel.PRESS,
            moment=CommunicationMoment.AWARD,
            message=text,
        ),
        "name": lambda: service.add_item(session_id, Collection.INITIATIVES, sdg=13, name=text),
        "reason": lambda: service.set_policy_reason(session_id, "crit-8-social-return-2-5", text),
        "criterion_id": lambda: service.set_policy_reason(session_id, text, "Geen personeel"),
    }
    for field, call in calls.items():
        _refused(service, session_id, call, field)


def test_a_one_line_field_refuses_a_line_break_a_long_text_keeps_it(service) -> None:
    session_id = service.create_session("Schoonmaak").id
    _refused(
        service, session_id, lambda: service.update_facts(session_id, location="Heerlen\nNoord"), "location"
    )
    kept = service.update_facts(session_id, lots="Perceel 1:\tkantoren\nPerceel 2:\tscholen")
    assert kept.facts.lots == "Perceel 1:\tkantoren\nPerceel 2:\tscholen"


def test_right_to_left_marks_emoji_and_combining_marks_are_kept_exactly(service) -> None:
    title = "\u200fمناقصة\u200e 👩\u200d🔧 Cafe\u0301"
    session = service.create_session(title)
    assert service.get_session(session.id).facts.title == title


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"contract_value_eur": Decimal("-0")}, "contract_value_eur"),  # was a CHECK constraint failure
        ({"contract_value_eur": Decimal("0.0000001")}, "contract_value_eur"),
        ({"contract_value_eur": Decimal("NaN")}, "contract_value_eur"),
    ],
)
def test_a_contract_value_the_file_cannot_carry_is_refused(service, changes, field) -> None:
    session_id = service.create_session("Asfalt").id
    _refused(service, session_id, lambda: service.update_facts(session_id, **changes), field)


def test_boundary_numbers_are_refused_in_every_numeric_field(service) -> None:
    session_id = service.create_session("Asfalt").id
    indicator = service.add_item(
        session_id, Collection.INDICATORS, sdg=13, kind=IndicatorKind.QUANTITATIVE, name="CO2", unit="kg"
    )

    def quantity(**numbers):
        return lambda: service.add_item(
            session_id,
            Collection.INDICATORS,
            sdg=13,
            kind=IndicatorKind.QUANTITATIVE,
            name="CO2",
            unit="kg",
            **numbers,
        )

    for value in (Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("1e400"), Decimal(10**20)):
        _refused(service, session_id, quantity(baseline=value), "baseline")  # NaN was InvalidOperation
        _refused(service, session_id, quantity(target=value), "target")
        _refused(
            service,
            session_id,
            lambda v=value: service.add_measurement(
                session_id, indicator.id, value=v, measured_on=dt.date(2027, 1, 1)
            ),
            "value",
        )
        _refused(
            service,
            session_id,
            lambda v=value: service.set_quality_weight(session_id, v),
            "quality_weight_pct",
        )
        _refused(
            service,
            session_id,
            lambda v=value: service.add_item(
                session_id,
                Collection.CRITERIA,
                sdg=13,
                criterion_type=CriterionType.AWARD_CRITERION,
                text="MKI",
                weight_pct=v,
            ),
            "weight_pct",
        )
    for votes in (-1, 100_000, 2**64):  # 2**64 was an OverflowError from SQLite
        _refused(
            service, session_id, lambda n=votes: service.set_priority(session_id, 13, votes=n), "votes"
        )
    for kpi in (0, 100, 2**64):
        _refused(service, session_id, quantity(kpi=kpi), "kpi")


def test_numbers_at_the_edges_of_what_the_file_carries_are_kept_exactly(service) -> None:
    session_id = service.create_session("Asfalt").id
    service.set_quality_weight(session_id, Decimal("-0"))
    assert str(service.get_session(session_id).quality_weight_pct) == "-0"
    indicator = service.add_item(
        session_id,
        Collection.INDICATORS,
        sdg=13,
        kind=IndicatorKind.QUANTITATIVE,
        name="CO2",
        unit="kg",
        baseline=Decimal("999999999999999.999999"),
        target=Decimal("0.000001"),
    )
    assert (str(indicator.baseline), str(indicator.target)) == ("999999999999999.999999", "0.000001")
    service.set_priority(session_id, 13, votes=99)
    assert service.get_session(session_id).priority_for(13).votes == 99


def test_a_copy_of_an_old_row_with_a_control_character_gets_a_printable_title(service) -> None:
    from sqlalchemy import update

    from compass.model.orm import SessionRow

    session_id = service.create_session("Oud").id
    with service._database.session_factory.begin() as db:  # SQL, as an older version stored it
        db.execute(update(SessionRow).where(SessionRow.id == session_id).values(title="Oud\x1b[2J\x07"))
    copy = service.duplicate_session(session_id)
    assert copy.facts.title == "Copy of Oud[2J"
    with pytest.raises(ValidationError):
        service.duplicate_session(session_id, title="Kopie\x07")


@pytest.mark.parametrize("target", ["sdg:²", "sdg:٣", "criterion:²", "ambition:¹³:1"])
def test_a_vote_on_a_choice_spelled_with_other_digits_is_refused(service, target) -> None:
    """ "²" passes str.isdigit and int("²") raises: that was a ValueError, or a stored vote that broke
    the tally later."""
    session_id = service.create_session("Sportpark").id
    dialogue = 1 if target.startswith("sdg") else 2
    anna = service.add_item(session_id, Collection.PARTICIPANTS, dialogue=dialogue, name="Anna")
    _refused(
        service, session_id, lambda: service.set_votes(session_id, dialogue, anna.id, target, 1), "target"
    )
