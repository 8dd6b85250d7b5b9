"""What the property tests of this folder share: hostile texts and numbers as Hypothesis strategies,
an independent statement of what may be stored, and a session that uses every field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

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
)

# Characters that break terminals, XML, encoders and parsers, and characters that are real text.
TRICKY = [
    "\x00", "\x07", "\x08", "\x1b", "\x1b[31m", "\r", "\r\n", "\x0b", "\x0c", "\x1f", "\x7f", "\x85",
    "\x9b", "\ud800", "\udfff", "\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff", "\t", "\n",
    "\u2028", "\u2029", "\u200f", "\u200e", "\u202e", "\u0301", "\ufeff", "\u00a0", "👩\u200d🔧", "👍🏽",
    "ë", "€", "CO₂", "مناقصة", " ", "",
]  # fmt: skip
# Around the limits of the fields (60, 80, 200, 20,000) and far beyond them.
SIZES = [59, 60, 61, 79, 80, 81, 199, 200, 201, 19_999, 20_000, 20_001, 100_000]

ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates and unassigned code points too


READABLE = st.text(st.characters(exclude_categories=("Cc", "Cs", "Cn", "Zl", "Zp")), max_size=12)


def texts() -> st.SearchStrategy[str]:
    """Readable text with one tricky piece in it, any characters at all, or a text of a size near a
    limit; each is refused or stored exactly."""
    pieces = st.one_of(st.sampled_from(TRICKY), ANY_CHARACTER, st.text(max_size=4))
    one_tricky = st.builds(lambda a, piece, b: a + piece + b, READABLE, st.sampled_from(TRICKY), READABLE)
    short = st.one_of(READABLE, one_tricky, st.lists(pieces, max_size=10).map("".join))
    sized = st.builds(
        lambda piece, size: (piece * size)[:size],
        st.lists(st.one_of(ANY_CHARACTER, st.sampled_from(TRICKY[:-1])), min_size=1, max_size=3).map(
            "".join
        ),
        st.sampled_from(SIZES),
    )
    return st.one_of(short, sized)


BOUNDARY_DECIMALS = [
    Decimal(text)
    for text in (
        "0", "-0", "0.0", "-0.000000", "0E+5", "1E+14", "1E+15", "1e400", "-1e400", "1e-400", "0.000001",
        "0.0000001", "1.0000000", "12.5", "99.999999", "100", "100.000001", "999999999999999.999999",
        "1000000000000", "1000000000000.000001", "-999999999999999", "1" * 16, "1" * 40, "NaN", "-NaN",
        "sNaN", "Infinity", "-Infinity",
    )
]  # fmt: skip


def decimals() -> st.SearchStrategy[Decimal | int]:
    return st.one_of(
        st.sampled_from(BOUNDARY_DECIMALS),
        st.decimals(allow_nan=True, allow_infinity=True),
        st.integers(min_value=-(10**20), max_value=10**20),
        st.sampled_from([2**63, -(2**63) - 1, 2**64, 10**5000]),
    )


def whole_numbers() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.integers(min_value=-5, max_value=120),
        st.integers(),
        st.sampled_from([99_999, 100_000, 2**31, 2**63, -(2**63) - 1, 2**64, 10**5000]),
        st.booleans(),
    )


def refused_character(character: str, *, multiline: bool) -> bool:
    """Decision 010, written out again apart from the code under test."""
    code = ord(character)
    if character in "\t\n\u2028\u2029":
        return not multiline
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or 0xD800 <= code <= 0xDFFF
        or 0xFDD0 <= code <= 0xFDEF
        or (code & 0xFFFE) == 0xFFFE
    )


def storable(text: str, *, multiline: bool) -> bool:
    return not any(refused_character(c, multiline=multiline) for c in text)


def exchange_decimal(value: Decimal | int) -> bool:
    """Whether the exchange format can write the number exactly (its schema's pattern)."""
    number = Decimal(value)
    if not number.is_finite() or abs(number.adjusted()) > 40 or number.as_tuple().exponent < -40:
        return False
    return re.fullmatch(r"-?[0-9]{1,15}(\.[0-9]{1,6})?", format(number, "f")) is not None


def without_ids(value: Any) -> Any:
    """A snapshot as comparable data: ids and moments differ between a session and its import."""
    skip = ("id", "created_at", "updated_at", "profile_id")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items() if k not in skip}
    if isinstance(value, list | tuple):
        return [without_ids(v) for v in value]
    return value


def complete_session(service) -> tuple[int, int, int]:
    """A session with an item in every list and text in every field: (session, indicator, criterion)."""
    session_id = service.create_session(
        "Groot onderhoud asfalt",
        organisation="Gemeente Heerlen",
        category="Wegen",
        duration="4 jaar",
        procedure_reason="Europees: boven de drempel",
        lots="Geen percelen",
        contract_value_eur=Decimal("2400000"),
        project_leader="Anna",
        procurement_adviser="Joris",
        budget_holder="Wethouder",
        location="Heerlen",
        materials="Asfalt",
        scope="14 km wegdek",
        decision_date=dt.date(2027, 3, 9),
    ).id
    service.set_quality_weight(session_id, Decimal("40"))
    service.add_item(session_id, Collection.DIALOGUES, number=1, place="Stadhuis", facilitator="Iris")
    service.add_item(session_id, Collection.DIALOGUES, number=2, notes="Goed gesprek", decisions="Door")
    service.add_item(
        session_id, Collection.PARTICIPANTS, dialogue=1, name="Bram", organisation="Sportclub", role="Lid"
    )
    service.add_item(session_id, Collection.AGENDA, dialogue=2, title="Opening", question="Wat telt?")
    service.add_item(
        session_id,
        Collection.INVENTORY,
        sdg=13,
        kind=EntryKind.RISK,
        source=EntrySource.MATERIALS,
        description="Uitstoot",
        theme="climate",
        dialogue=1,
        contributor="Bram",
    )
    service.set_priority(
        session_id, 13, selected=True, focus_reason="Klimaat", urgency=4, urgency_note="Nu", votes=7
    )
    service.add_item(session_id, Collection.INITIATIVES, sdg=13, name="Repair café", description="Zaterdag")
    service.set_ambition(session_id, 13, AmbitionLevel.SIGNIFICANT, note="Markt is er klaar voor")
    criterion = service.add_item(
        session_id,
        Collection.CRITERIA,
        sdg=13,
        criterion_type=CriterionType.AWARD_CRITERION,
        text="Laagste MKI",
        weight_pct=Decimal("20.5"),
        verification="Berekening",
    )
    indicator = service.add_item(
        session_id,
        Collection.INDICATORS,
        sdg=13,
        kind=IndicatorKind.QUANTITATIVE,
        name="CO₂",
        unit="kg",
        baseline=Decimal("100"),
        target=Decimal("80"),
        reference="Nulmeting",
        measurement_moment=MeasurementMoment.AT_COMPLETION,
        data_source="Rapport",
        responsible_role="contract_manager",
        kpi=3,
        assessed="Jaarlijks",
        evidence="Meetrapport",
    )
    service.add_measurement(
        session_id,
        indicator.id,
        value=Decimal("90"),
        measured_on=dt.date(2028, 1, 1),
        source="Eind",
        note="Ok",
    )
    service.add_item(
        session_id,
        Collection.COMMUNICATION,
        stakeholder_role="Raad",
        channel=Channel.PRESS,
        moment=CommunicationMoment.AWARD,
        message="Persbericht",
    )
    service.set_policy_reason(session_id, "crit-8-social-return-2-5", "Sociale onderneming")
    return session_id, indicator.id, criterion.id
