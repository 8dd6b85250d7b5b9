"""Hostile exchange files: control characters, numbers JSON allows but our formats never write, and
deep nesting are refused with their place in the file, and the database stays as it was."""

from __future__ import annotations

import json

import pytest

from compass.core.errors import ValidationError
from compass.core.profile import OrganisationProfile
from compass.formats.profile_file import read_profile_file, write_profile_file
from compass.formats.session_file import read_session_file, write_session_file


def _document(service) -> dict:
    return json.loads(write_session_file(service.get_session(service.create_session("Asfalt").id)))


def _problems(data: bytes, shipped_reference) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        read_session_file(data, shipped_reference)
    return [(p.field, p.code) for p in caught.value.problems]


@pytest.mark.parametrize(
    "break_it, expected",
    [
        (lambda d: d["facts"].update(title="Evil\x00\x1b[31mRED"), ("facts/title", "control_character")),
        (lambda d: d["facts"].update(organisation="a\rb"), ("facts/organisation", "control_character")),
        (lambda d: d["facts"].update(location="two\nlines"), ("facts/location", "line_break")),
        (lambda d: d["facts"].update(scope="a\ud800"), ("facts/scope", "not_a_character")),
        (lambda d: d["facts"].update(scope="a\uffff"), ("facts/scope", "not_a_character")),
        (
            lambda d: d.update(policy_reasons={"crit\x1b": "x"}),
            ("policy_reasons/crit", "control_character"),
        ),
        (
            lambda d: d.update(policy_reasons={"crit-1": "\x9b2J"}),
            ("policy_reasons/crit-1", "control_character"),
        ),
        (
            lambda d: d["facts"].update(contract_value_eur="-0"),
            ("facts/contract_value_eur", "value_negative"),
        ),
    ],
)
def test_texts_and_values_that_cannot_be_stored_are_refused_where_they_stand(
    service, shipped_reference, break_it, expected
) -> None:
    document = _document(service)
    break_it(document)
    assert expected in _problems(json.dumps(document).encode(), shipped_reference)


@pytest.mark.parametrize(
    "literal, shown",
    [
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("-Infinity", "-Infinity"),
        ("1e400", "1e400"),
        ("-0.0", "-0.0"),
        ("3.0", "3.0"),
        ("9" * 5000, "9" * 20 + "\u2026"),  # beyond Python's own 4,300-digit limit: was a ValueError
        ("12345678901234567890", "12345678901234567890"),
    ],
)
def test_numbers_json_allows_but_the_format_never_writes_are_refused(
    service, shipped_reference, literal, shown
) -> None:
    document = _document(service)
    document["priorities"] = [{"sdg": 3, "votes": "VOTES"}]
    data = json.dumps(document).replace('"VOTES"', literal).encode()
    with pytest.raises(ValidationError) as caught:
        read_session_file(data, shipped_reference)
    (problem,) = caught.value.problems
    assert (problem.field, problem.code) == ("priorities/0/votes", "number_form")
    assert f"({shown})" in problem.message


def test_votes_beyond_the_count_are_refused(service, shipped_reference) -> None:
    document = _document(service)
    document["priorities"] = [
        {"sdg": 3, "votes": 100_000},
        {"sdg": 4, "votes": 2**64},
    ]  # 2**64: OverflowError
    problems = _problems(json.dumps(document).encode(), shipped_reference)
    assert problems == [("priorities/1/votes", "number_form")]
    document["priorities"].pop()
    assert _problems(json.dumps(document).encode(), shipped_reference) == [("priorities/0/votes", "schema")]


@pytest.mark.parametrize("depth", [33, 500, 990, 5000, 200_000])
def test_deep_nesting_anywhere_is_refused_in_one_problem(service, shipped_reference, depth) -> None:
    document = _document(service)
    document["policy_reasons"] = {"x": "NEST"}
    data = json.dumps(document).replace('"NEST"', "[" * depth + "]" * depth).encode()
    assert _problems(data, shipped_reference) == [("file", "too_deep")]
    # Bare brackets are no compass file at all; too deep for JSON, they are refused as that.
    (bare,) = _problems(b"[" * depth + b"]" * depth, shipped_reference)
    assert bare in (("format", "format"), ("file", "too_deep"))


def test_nesting_as_deep_as_the_format_goes_is_read(service, shipped_reference) -> None:
    document = _document(service)
    document["policy_reasons"] = {"x": "NEST"}
    data = json.dumps(document).replace('"NEST"', "[" * 30 + "]" * 30).encode()
    assert _problems(data, shipped_reference) == [("policy_reasons/x", "schema")]  # a list, not a text


def test_a_profile_file_or_a_typed_profile_refuses_control_characters(shipped_reference) -> None:
    from compass.model.database import open_database
    from compass.services import ProfileService

    data = write_profile_file(OrganisationProfile(name="Gemeente\x1b]0;pwned\x07"))
    with pytest.raises(ValidationError) as caught:
        read_profile_file(data, set())
    assert [(p.field, p.code) for p in caught.value.problems] == [("name", "control_character")]

    database = open_database("sqlite://")
    try:
        profiles = ProfileService(database, frozenset())
        with pytest.raises(ValidationError) as caught:
            profiles.create_profile(OrganisationProfile(name="Heerlen\u2028Noord"))
        assert [(p.field, p.code) for p in caught.value.problems] == [("name", "line_break")]
        assert profiles.list_profiles() == []
    finally:
        database.dispose()
