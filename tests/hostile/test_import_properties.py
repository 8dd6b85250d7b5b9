"""Property tests over the importer (decision 010): an exchange file with any text, any number or any
nesting in any place is either imported exactly (exporting the new session gives the same file) or
refused with its problems placed in the file; nothing else may happen and nothing is stored."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from hostile_data import BOUNDARY_DECIMALS, complete_session, storable, texts, without_ids
from hypothesis import event, given, settings
from hypothesis import strategies as st

from compass.core.errors import ValidationError
from compass.formats.json_document import MAX_DEPTH
from compass.formats.session_file import read_session_file, write_session_file
from compass.method.fields import TEXT_LIMITS
from compass.method.text import is_multiline, with_line_feeds
from compass.model.database import open_database
from compass.services import SessionService

HOLE = "__HOLE__"
IDS = {"catalogue_id", "suggestion_id", "profile_initiative_ref"}  # checked against the catalogue
REQUIRED = {
    ("facts", "title"),
    ("inventory", "description"),
    ("initiatives", "name"),
    ("criteria", "text"),
    ("indicators", "name"),
    ("indicators", "unit"),  # the indicator of the document is quantitative
    ("communication", "stakeholder_role"),
    ("participants", "name"),
    ("agenda", "title"),
}
ORIGIN = 200  # where an entry or a criterion came from: who brought it in (validate_origin)


@pytest.fixture(scope="module")
def importer(shipped_reference):
    database = open_database("sqlite://")
    service = SessionService(database, shipped_reference)
    yield service
    database.dispose()


@pytest.fixture(scope="module")
def document(importer) -> dict[str, Any]:
    """The export of a session that uses every field; importing it and exporting again gives it back."""
    exported = json.loads(write_session_file(importer.get_session(complete_session(importer)[0])))
    again = importer.import_session(read_session_file(json.dumps(exported).encode(), importer._reference))
    assert json.loads(write_session_file(again)) == exported
    return exported


@dataclass(frozen=True)
class Leaf:
    path: tuple[str | int, ...]
    section: str  # the part of TEXT_LIMITS, or "numbers"
    name: str

    def __repr__(self) -> str:
        return "/".join(map(str, self.path))

    @property
    def where(self) -> str:
        return "/".join(map(str, self.path))


def _leaves(document: Any, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], Any]]:
    if isinstance(document, dict):
        return [leaf for key, value in document.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(document, list):
        return [leaf for n, value in enumerate(document) for leaf in _leaves(value, (*path, n))]
    return [(path, document)]


def _section(path: tuple[str | int, ...]) -> str:
    if "measurements" in path:
        return "measurements"
    return str(path[0])


NUMBERS = {"sdg", "votes", "urgency", "kpi", "contract_value_eur", "quality_weight_pct", "weight_pct"}
NUMBERS |= {"baseline", "target", "value"}


def _text_leaves(document: dict[str, Any]) -> list[Leaf]:
    leaves = []
    for path, value in _leaves(document):
        section, name = _section(path), str(path[-1])
        if section == "policy_reasons":
            leaves.append(Leaf(path, section, "reason"))
        elif (
            isinstance(value, str)
            and name not in IDS
            and (name in TEXT_LIMITS.get(section, {}) or name == "contributor")
        ):
            leaves.append(Leaf(path, section, name))
    return leaves


def _number_leaves(document: dict[str, Any]) -> list[Leaf]:
    return [Leaf(path, "numbers", str(path[-1])) for path, _ in _leaves(document) if path[-1] in NUMBERS]


def _put(document: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    place: Any = changed
    for step in path[:-1]:
        place = place[step]
    place[path[-1]] = value
    return changed


def _get(document: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def _refused(data: bytes, reference) -> list[Any] | None:
    """The problems of a refused file (each put into words in both languages), or None."""
    try:
        read_session_file(data, reference)
    except ValidationError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.field and problem.message and problem.message_in("nl")
        event("refused: " + ", ".join(sorted({p.code for p in error.problems})))
        return list(error.problems)
    return None


def _imported_again(importer: SessionService, data: bytes, reference) -> dict[str, Any]:
    """Import ``data``, export the new session, and check that importing that export changes nothing."""
    sessions = importer.list_page().total
    snapshot = importer.import_session(read_session_file(data, reference))
    assert importer.list_page().total == sessions + 1
    exported = write_session_file(snapshot)
    again = importer.import_session(read_session_file(exported, reference))
    assert without_ids(again) == without_ids(snapshot)
    event("imported, exported and imported again")
    return json.loads(exported)


@given(data=st.data(), text=texts())
def test_any_text_in_a_file_is_imported_exactly_or_refused_in_its_place(
    importer, document, shipped_reference, data, text
) -> None:
    leaf = data.draw(st.sampled_from(_text_leaves(document)))
    changed = _put(document, leaf.path, text)
    limit = ORIGIN if leaf.name == "contributor" else TEXT_LIMITS[leaf.section][leaf.name]
    multiline = is_multiline(leaf.name)
    read = with_line_feeds(text) if multiline else text  # a file's CR LF is read as LF (decision 012)
    must_import = (
        storable(read, multiline=multiline)
        and len(read) <= limit
        and not ((leaf.section, leaf.name) in REQUIRED and not read.strip())
    )
    problems = _refused(json.dumps(changed).encode(), shipped_reference)
    if problems is not None:
        assert not must_import, problems
        assert {p.field for p in problems} == {leaf.where}, problems
        return
    assert must_import, text
    expected = _put(document, leaf.path, read)
    assert _imported_again(importer, json.dumps(changed).encode(), shipped_reference) == expected


@given(data=st.data(), key=texts())
def test_any_key_of_the_policy_reasons_is_imported_exactly_or_refused(
    importer, document, shipped_reference, data, key
) -> None:
    changed = _put(document, ("policy_reasons",), {key: "Sociale onderneming"})
    problems = _refused(json.dumps(changed).encode(), shipped_reference)
    if problems is not None:
        assert not (storable(key, multiline=False) and len(key) <= 80), problems
        assert all(p.field.startswith("policy_reasons/") for p in problems), problems
        return
    assert storable(key, multiline=False) and len(key) <= 80
    assert _imported_again(importer, json.dumps(changed).encode(), shipped_reference) == changed


def _json_literals() -> st.SearchStrategy[str]:
    """Numbers as a file may spell them, in quotes (as our decimals are) or not."""
    spelled = st.one_of(
        st.from_regex(r"-?[0-9]{1,17}(\.[0-9]{0,8})?([eE][+-]?[0-9]{1,4})?", fullmatch=True),
        st.sampled_from([str(d) for d in BOUNDARY_DECIMALS] + ["1" * 5000, "-0", "007", ".5", "5."]),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.integers().map(str),
        st.integers(0, 120).map(str),  # plausible values, so that some files import
        st.decimals(0, 100, places=2).map(str),
    )
    return st.one_of(
        spelled,
        spelled.map(json.dumps),  # in quotes
        st.floats(allow_nan=True, allow_infinity=True).map(json.dumps),  # NaN, Infinity, 1e+300
        st.sampled_from(["true", "null", "[]", "{}", '""', "-", "0x10"]),
    )


@settings(max_examples=80)  # a number is refused for many reasons: more examples reach an import
@given(data=st.data(), literal=_json_literals())
def test_any_number_in_a_file_is_imported_as_written_or_refused(
    importer, document, shipped_reference, data, literal
) -> None:
    leaf = data.draw(st.sampled_from(_number_leaves(document)))
    text = json.dumps(_put(document, leaf.path, HOLE)).replace(f'"{HOLE}"', literal)
    if _refused(text.encode(), shipped_reference) is not None:
        return
    exported = _imported_again(importer, text.encode(), shipped_reference)
    written, stored = json.loads(literal), _get(exported, leaf.path)
    if isinstance(written, str):
        assert Decimal(stored) == Decimal(written)  # "007" is written back as "7"
    else:
        assert type(stored) is type(written) and stored == written


@given(data=st.data(), depth=st.one_of(st.integers(1, 1200), st.sampled_from([5000, 200_000])))
def test_nesting_anywhere_is_refused_never_a_crash(
    importer, document, shipped_reference, data, depth
) -> None:
    leaf = data.draw(st.sampled_from(_text_leaves(document) + _number_leaves(document)))
    text = json.dumps(_put(document, leaf.path, HOLE)).replace(f'"{HOLE}"', "[" * depth + "]" * depth)
    problems = _refused(text.encode(), shipped_reference)
    assert problems is not None  # a list where a text or a number belongs is never right
    if len(leaf.path) + depth - 1 > MAX_DEPTH:  # the innermost list's depth (the document is 0)
        assert [(p.field, p.code) for p in problems] == [("file", "too_deep")]
