"""The project facts are declared once (``compass.core.fact_fields``); the type, the database column,
the exchange schema and the field lists that follow from it must agree with that declaration, so a
fact added in one place and forgotten in another fails here (issue 21: ``decision_date`` was written
out in some ten files)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import Boolean, Date, Numeric, String, Text

from compass.core.fact_fields import FACT_FIELDS, FactKind
from compass.core.session import ProjectFacts
from compass.method.field_labels import FACTS, LABELS
from compass.method.fields import LONG_TEXT_FACTS, TEXT_LIMITS
from compass.model.orm import ExactDecimal, SessionRow
from compass.paths import resource_path


def _schema_facts() -> dict:
    schema = json.loads(resource_path("schema", "session.schema.json").read_text(encoding="utf-8"))
    return schema["properties"]["facts"]["properties"]


def test_the_facts_type_has_the_declared_facts_in_their_order() -> None:
    assert [f.name for f in dataclasses.fields(ProjectFacts)] == [f.name for f in FACT_FIELDS]


@pytest.mark.parametrize("field", FACT_FIELDS, ids=lambda field: field.name)
def test_each_fact_has_its_column_of_its_kind(field) -> None:
    column = SessionRow.__table__.columns[field.name]
    expected = {
        FactKind.TEXT: (String, Text),
        FactKind.LONG_TEXT: (Text,),
        FactKind.CODE: (String,),
        FactKind.FLAG: (Boolean,),
        FactKind.AMOUNT: (Numeric, ExactDecimal),
        FactKind.PERCENT: (Numeric, ExactDecimal),
        FactKind.DAY: (Date,),
    }[field.kind]
    assert isinstance(column.type, expected), (field.name, column.type)
    if field.kind is FactKind.CODE and field.required:
        assert not column.nullable


@pytest.mark.parametrize("field", FACT_FIELDS, ids=lambda field: field.name)
def test_each_fact_is_in_the_exchange_schema_with_its_limit_and_codes(field) -> None:
    described = _schema_facts()[field.name]
    if field.is_text:
        assert described["maxLength"] == field.limit
    if field.kind is FactKind.CODE:
        assert field.codes is not None
        choices = described.get("enum") or next(o["enum"] for o in described["oneOf"] if "enum" in o)
        assert set(choices) == {code.value for code in field.codes}
        assert ("oneOf" not in described) == field.required  # an optional code may be null


def test_the_schema_has_no_fact_the_declaration_lacks() -> None:
    assert set(_schema_facts()) == {field.name for field in FACT_FIELDS}


def test_limits_labels_and_long_texts_follow_from_the_declaration() -> None:
    assert TEXT_LIMITS["facts"] == {f.name: f.limit for f in FACT_FIELDS if f.is_text}
    assert {f.name for f in FACT_FIELDS if f.kind is FactKind.LONG_TEXT} == LONG_TEXT_FACTS
    assert LABELS[FACTS] == {f.name: f.label for f in FACT_FIELDS}


def test_every_fact_survives_a_round_trip_through_the_exchange_file(service, shipped_reference) -> None:
    """Written and read by the declaration: a fact the writer or reader skipped would come back
    empty."""
    from compass.formats.session_file import read_session_file, write_session_file

    values = {
        FactKind.TEXT: "Heerlen-Noord",
        FactKind.LONG_TEXT: "Twee regels\nmet tekst",
        FactKind.FLAG: True,
        FactKind.AMOUNT: Decimal("2400000"),
        FactKind.PERCENT: Decimal("62.5"),
    }
    changes = {}
    for field in FACT_FIELDS:
        if field.kind is FactKind.CODE:
            assert field.codes is not None
            changes[field.name] = list(field.codes)[-1]
        elif field.kind is FactKind.DAY:
            changes[field.name] = dt.date(2027, 3, 9)
        else:
            changes[field.name] = values[field.kind]
    session = service.create_session("Wegen")
    written = service.update_facts(session.id, **changes)
    imported = read_session_file(write_session_file(written), shipped_reference)
    assert ProjectFacts(**imported.facts) == written.facts
