"""One whole session read with the standard library's ``sqlite3`` alone, for the command line's export.

Why this exists: ``compass export`` must cost at most 3x a bare reportlab or python-docx document
(issue 20), and importing SQLAlchemy and the ORM alone takes more than that whole budget. So when the
database is a SQLite file at the current schema, the export reads the session here, into plain rows
with the ORM's attribute names, and builds its snapshot with the very functions the services use
(``compass.model.snapshots``). Anything unusual (another database, a file to migrate, a missing
session, a value that does not read) returns None and the caller takes the services' path, which
gives the proper messages.

The stored shapes below repeat what ``compass.model.orm`` declares: ``tests/model/test_quick_snapshot.py``
derives them from the ORM and fails on any difference, and compares the snapshots of both paths.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from compass.core import codes
from compass.core.session import SessionSnapshot
from compass.model.quick_index import quick_file
from compass.model.snapshots import snapshot_of
from compass.model.sqlite_probe import connect_read_only


def _sdgs(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part)


_READERS: dict[str, Callable[[Any], Any]] = {
    "decimal": Decimal,
    "sdgs": _sdgs,
    "bool": bool,
    "date": dt.date.fromisoformat,
    "datetime": dt.datetime.fromisoformat,
}

# Per table, the columns whose stored text or number is not the value itself: how each is read.
# Other columns (integers, strings) are read as they are stored. Enum names are classes of
# ``compass.core.codes``, stored by their code.
STORED_KINDS: dict[str, dict[str, str]] = {
    "profiles": {"is_example": "bool", "created_at": "datetime", "updated_at": "datetime"},
    "sessions": {
        "procedure": "Procedure",
        "contract_kind": "ContractKind",
        "innovation_pilot": "bool",
        "contract_value_eur": "decimal",
        "publication_date": "date",
        "scoring_method": "ScoringMethod",
        "price_formula": "PriceFormula",
        "price_zero_pct": "decimal",
        "decision_date": "date",
        "budget_eur": "decimal",
        "questions_deadline": "date",
        "closing_date": "date",
        "award_decision_date": "date",
        "contract_start": "date",
        "status": "SessionStatus",
        "quality_weight_pct": "decimal",
        "created_at": "datetime",
        "updated_at": "datetime",
    },
    "ambitions": {"level": "AmbitionLevel"},
    "communication_items": {"channel": "Channel", "moment": "CommunicationMoment"},
    "criteria": {"criterion_type": "CriterionType", "weight_pct": "decimal"},
    "dialogue_agenda": {},
    "dialogue_participants": {"internal": "bool", "named": "bool"},
    "dialogues": {"held_on": "date"},
    "indicators": {
        "kind": "IndicatorKind",
        "baseline": "decimal",
        "target": "decimal",
        "measurement_moment": "MeasurementMoment",
    },
    "initiative_links": {},
    "inventory_entries": {"kind": "EntryKind", "source": "EntrySource", "also_sdgs": "sdgs", "main": "bool"},
    "sdg_priorities": {"selected": "bool"},
    "dialogue_votes": {},
    "quality_criteria": {"weight_pct": "decimal"},
    "tender_risks": {"category": "TenderRiskCategory"},
    "measurements": {"value": "decimal", "measured_on": "date"},
}

# The session's lists: attribute, table and order, as ``SessionRow``'s relationships declare them.
SESSION_LISTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("inventory", "inventory_entries", ("position", "id")),
    ("priorities", "sdg_priorities", ("sdg",)),
    ("initiatives", "initiative_links", ("id",)),
    ("ambitions", "ambitions", ("sdg",)),
    ("criteria", "criteria", ("position", "id")),
    ("indicators", "indicators", ("position", "id")),
    ("communication", "communication_items", ("position", "id")),
    ("quality_criteria", "quality_criteria", ("position", "id")),
    ("tender_risks", "tender_risks", ("position", "id")),
    ("dialogues", "dialogues", ("number",)),
    ("participants", "dialogue_participants", ("position", "id")),
    ("agenda", "dialogue_agenda", ("position", "id")),
    ("votes", "dialogue_votes", ("id",)),
)
MEASUREMENT_ORDER = ("measured_on", "id")


def _reader(kind: str) -> Callable[[Any], Any]:
    reader = _READERS.get(kind)
    return reader if reader is not None else getattr(codes, kind)


def _rows(cursor: sqlite3.Cursor, table: str) -> list[SimpleNamespace]:
    names = [column[0] for column in cursor.description]
    readers = {name: _reader(kind) for name, kind in STORED_KINDS[table].items()}
    rows = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        for name, read in readers.items():
            if row.get(name) is not None:
                row[name] = read(row[name])
        rows.append(SimpleNamespace(**row))
    return rows


def _select(
    connection: sqlite3.Connection, table: str, where: str, order: tuple[str, ...], key: int
) -> list[SimpleNamespace]:
    # Table and column names come from the constants above, never from input.
    query = f"SELECT * FROM {table} WHERE {where} = ? ORDER BY {', '.join(order)}"  # noqa: S608
    return _rows(connection.execute(query, (key,)), table)


def _session_row(connection: sqlite3.Connection, session_id: int) -> SimpleNamespace | None:
    found = _select(connection, "sessions", "id", ("id",), session_id)
    if not found:
        return None
    session = found[0]
    for attribute, table, order in SESSION_LISTS:
        setattr(session, attribute, _select(connection, table, "session_id", order, session_id))
    for indicator in session.indicators:
        indicator.measurements = _select(
            connection, "measurements", "indicator_id", MEASUREMENT_ORDER, indicator.id
        )
    session.profile = None
    if session.profile_id is not None:
        profiles = _select(connection, "profiles", "id", ("id",), session.profile_id)
        session.profile = profiles[0] if profiles else None
    return session


def quick_snapshot(url: str, session_id: int) -> SessionSnapshot | None:
    """The stored session as ``snapshots.snapshot_of`` builds it from the ORM's rows (without the
    facts the reference data adds: ``compass.method.derived``); None when the services must answer."""
    path = quick_file(url)
    if path is None:
        return None
    try:
        connection = connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        connection.execute("BEGIN")  # one read transaction: every list from the same moment
        row = _session_row(connection, session_id)
        return None if row is None else snapshot_of(row)  # type: ignore[arg-type]
    except (sqlite3.Error, ValueError, TypeError, AttributeError):
        return None
    finally:
        connection.close()
