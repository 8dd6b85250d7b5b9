"""The rule for stored text and numbers, on plain data: which characters a field refuses, what a
terminal or a document is given instead, and that the limits are the exchange format's own."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from compass.core.codes import NUMBER_MAX_DECIMALS, NUMBER_MAX_DIGITS, SHORT_TEXT_MAX_LENGTH
from compass.method.fields import (
    TEXT_LIMITS,
    number_size_problems,
    validate_fact_changes,
    validate_percentage,
    validate_priority_changes,
)
from compass.method.text import MULTILINE_FIELDS, character_problems, printable
from compass.paths import resource_path

REFUSED_EVERYWHERE = {
    "NUL": "\x00",
    "bell": "\x07",
    "escape": "\x1b",
    "carriage return": "\r",
    "vertical tab": "\x0b",
    "DEL": "\x7f",
    "next line (C1)": "\x85",
    "CSI (C1)": "\x9b",
    "lone high surrogate": "\ud800",
    "lone low surrogate": "\udfff",
    "U+FFFE": "\ufffe",
    "U+FFFF": "\uffff",
    "U+FDD0": "\ufdd0",
    "last of a plane": "\U0001fffe",
    "last code point": "\U0010ffff",
}
ONE_LINE_ONLY = {
    "tab": "\t",
    "line feed": "\n",
    "line separator": "\u2028",
    "paragraph separator": "\u2029",
}
ALLOWED = {
    "Dutch": "Café ‘De Ruïne’ – €1.250",
    "right-to-left mark and Arabic": "\u200fمناقصة\u200e",
    "combining marks": "e\u0301\u0308",
    "emoji with joiners": "👩\u200d🔧👍🏽",
    "bidi override": "\u202eabc\u202c",
    "byte order mark inside": "a\ufeffb",
    "private use": "\ue000",
}


@pytest.mark.parametrize("character", REFUSED_EVERYWHERE.values(), ids=REFUSED_EVERYWHERE.keys())
@pytest.mark.parametrize("field", ["title", "scope"])
def test_a_control_character_or_a_non_character_is_refused_with_its_place(field, character) -> None:
    (problem,) = character_problems(field, f"ab{character}c")
    assert problem.field == field
    assert problem.code in ("control_character", "not_a_character")
    assert f"U+{ord(character):04X}" in problem.message
    assert "position 3" in problem.message
    assert "U+" in problem.message_in("nl") and "positie 3" in problem.message_in("nl")


@pytest.mark.parametrize("character", ONE_LINE_ONLY.values(), ids=ONE_LINE_ONLY.keys())
def test_a_line_break_or_a_tab_is_refused_in_a_one_line_field_only(character) -> None:
    (problem,) = character_problems("title", f"a{character}b")
    assert (problem.code, problem.field) == ("line_break", "title")
    assert "position 2" in problem.message
    assert character_problems("scope", f"a{character}b") == []


@pytest.mark.parametrize("text", ALLOWED.values(), ids=ALLOWED.keys())
def test_any_other_text_is_kept_as_it_is(text) -> None:
    assert character_problems("title", text) == []
    assert printable(text, multiline=False) == text


def test_printable_leaves_out_what_storage_refuses() -> None:
    hostile = "A\x00B\x1b[31mC\x7f\x9b\ud800\ufffeD\r\nE\tF"
    assert printable(hostile) == "AB[31mCD\nE\tF"
    assert printable(hostile, multiline=False) == "AB[31mCD E F"
    assert printable("a\x1bb", replacement=lambda c: f"<{ord(c)}>") == "a<27>b"


def test_the_fact_validation_refuses_a_control_character_beside_the_field() -> None:
    (problem,) = validate_fact_changes({"organisation": "Gemeente\x1b[2J"})
    assert (problem.code, problem.field) == ("control_character", "organisation")
    assert validate_fact_changes({"scope": "line one\nline two\ttabbed"}) == []
    # The title is stored trimmed: what a trim removes is no problem, what stays is.
    assert validate_fact_changes({"title": "  Asfalt\r\n"}) == []
    assert [p.code for p in validate_fact_changes({"title": "As\r\nfalt"})] == ["control_character"]


def _schema_texts(schema: dict, path: str = "") -> dict[str, int]:
    """Every text field of a schema with its maxLength, by its path ("indicators/[]/unit")."""
    definitions = schema.get("$defs", {})
    found: dict[str, int] = {}

    def walk(node: dict, where: str) -> None:
        if "$ref" in node and node["$ref"].startswith("#/$defs/"):
            node = {**definitions[node["$ref"].rsplit("/", 1)[-1]], **node}
        for option in node.get("oneOf", ()):
            walk(option, where)
        if node.get("type") == "string" and "maxLength" in node:
            found[where] = node["maxLength"]
        for name, child in node.get("properties", {}).items():
            walk(child, f"{where}/{name}".lstrip("/"))
        if isinstance(node.get("additionalProperties"), dict):
            walk(node["additionalProperties"], f"{where}/*")
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{where}/[]")

    walk(schema, path)
    return found


def _schema(name: str) -> dict:
    return json.loads(resource_path("schema", f"{name}.schema.json").read_text(encoding="utf-8"))


def test_the_services_limits_are_the_exchange_formats_limits() -> None:
    """What the services store can always be exported and imported again."""
    schema = _schema_texts(_schema("session"))
    where = {
        "facts": "facts/{}",
        "measurements": "indicators/[]/measurements/[]/{}",
        "policy_reasons": "policy_reasons/*",
    }
    for section, limits in TEXT_LIMITS.items():
        for name, limit in limits.items():
            if (section, name) == ("policy_reasons", "criterion_id"):
                continue  # a key, which the schema leaves free
            if section == "policy_reasons":
                path = "policy_reasons/*"
            else:
                path = where.get(section, section + "/[]/{}").format(name)
            assert schema.get(path) == limit, (section, name, schema.get(path))
    stored = {
        where.get(section, section + "/[]/{}").format(name)
        for section, limits in TEXT_LIMITS.items()
        for name in limits
    }
    # Where a step-1 entry or a criterion came from: checked by validate_origin, with the same limit.
    origin = {"inventory/[]/contributor", "criteria/[]/contributor"}
    assert all(schema[path] == SHORT_TEXT_MAX_LENGTH for path in origin)
    # A vote's choice is a code ("sdg:3") that compass.method.dialogues.target_is_valid reads.
    assert set(schema) - stored - origin - {"policy_reasons/*", "votes/[]/target"} == set()


def test_a_field_holds_several_lines_exactly_when_the_formats_give_it_room_for_them() -> None:
    for kind in ("session", "profile"):
        for path, limit in _schema_texts(_schema(kind)).items():
            name = "reason" if path.startswith("policy_reasons") else path.replace("/[]", "").split("/")[-1]
            assert (name in MULTILINE_FIELDS) == (limit >= 20_000), (kind, path)


def test_the_number_size_is_the_exchange_formats_decimal() -> None:
    pattern = f"^-?[0-9]{{1,{NUMBER_MAX_DIGITS}}}(\\.[0-9]{{1,{NUMBER_MAX_DECIMALS}}})?$"
    assert _schema("session")["$defs"]["decimal"]["pattern"] == pattern


@pytest.mark.parametrize(
    "value, code",
    [
        ("NaN", "number"),
        ("sNaN", "number"),
        ("Infinity", "number"),
        ("-Infinity", "number"),
        ("1e400", "number_size"),
        ("1e999999999", "number_size"),
        ("1E+15", "number_size"),
        ("1" * 5000, "number_size"),
        ("1e-400", "number_size"),
        ("0.0000001", "number_size"),
        ("1.0000000", "number_size"),  # stored as typed: seven places the file cannot write
    ],
)
def test_a_number_the_file_cannot_write_is_refused(value, code) -> None:
    assert [p.code for p in number_size_problems(Decimal(value), "target")] == [code]


@pytest.mark.parametrize(
    "value", ["0", "-0", "12.5", "0.000001", "999999999999999.999999", "-999999999999999", "0E+5", "1E+14"]
)
def test_a_number_the_file_can_write_is_kept(value) -> None:
    assert number_size_problems(Decimal(value), "target") == []


def test_percentages_and_votes_at_their_edges() -> None:
    for value in ("NaN", "sNaN", "Infinity", "-0.0000001", "100.000001"):
        assert [p.code for p in validate_percentage(Decimal(value), "weight_pct")] == ["percentage"]
    assert [p.code for p in validate_percentage(Decimal("12.1234567"), "weight_pct")] == ["number_size"]
    assert validate_percentage(Decimal("-0"), "weight_pct") == []
    assert [p.code for p in validate_priority_changes({"votes": 100_000})] == ["votes"]
    assert [p.code for p in validate_priority_changes({"votes": 2**64})] == ["votes"]
    assert validate_priority_changes({"votes": 99_999}) == []
