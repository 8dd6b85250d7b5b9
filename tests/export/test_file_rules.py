"""What an exchange file may say (issue 21, item 5): a session of any size the app exports imports
again, and the ways other tools write JSON (a byte-order mark, Windows line ends) are read, while a
key said twice, an SDG listed twice and a version of the wrong type are refused in words at their
place. The same reader serves organisation profile files."""

from __future__ import annotations

import codecs
import json
import time
from pathlib import Path

import pytest

from compass.cli import main
from compass.core.errors import ValidationError
from compass.formats import json_document
from compass.formats.profile_file import read_profile_file
from compass.formats.session_file import SESSION_VERSION, read_session_file, session_to_document
from compass.paths import resource_path
from compass.services import open_services

EXAMPLE = resource_path("examples", "asfalt-groot-onderhoud.json")
LONG_TEXT = ("Een lange tekst, over meerdere regels.\n" * 600)[:20_000]


def _example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def _encode(document: dict) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()


def _problems(data: bytes, reference) -> list[tuple[str, str, str]]:
    with pytest.raises(ValidationError) as caught:
        read_session_file(data, reference)
    return [(p.code, p.field, p.message) for p in caught.value.problems]


@pytest.fixture
def services(tmp_path: Path, shipped_reference):
    opened = open_services(f"sqlite:///{(tmp_path / 'compass.sqlite3').as_posix()}", shipped_reference)
    yield opened
    opened.close()


def _large(megabytes: float) -> dict:
    """The example with 20,000-character texts in the inventory and criteria, about this size."""
    document = _example()
    count = int(megabytes * 1_000_000 / len(LONG_TEXT.encode())) + 1
    entry, criterion = document["inventory"][0], document["criteria"][0]
    document["inventory"] += [dict(entry, description=LONG_TEXT, suggestion_id="")] * (count // 2)
    document["criteria"] += [dict(criterion, text=LONG_TEXT, verification=LONG_TEXT, catalogue_id="")] * (
        count // 4
    )
    return document


def test_a_session_over_6_mb_goes_out_and_comes_back(services, tmp_path: Path) -> None:
    """Before, a session over 5 MB was exported without a word and its own import refused it."""
    started = time.perf_counter()
    source = tmp_path / "large.json"
    source.write_bytes(_encode(_large(6.5)))
    first = services.files.import_session(source)
    exported = tmp_path / "exported.json"
    services.files.export_session(first.id, exported)
    assert exported.stat().st_size > 6_000_000
    second = services.files.import_session(exported)
    assert session_to_document(second) == session_to_document(first)
    assert time.perf_counter() - started < 10  # a few seconds on a slow runner


def test_export_refuses_what_import_would_refuse(services, tmp_path: Path, monkeypatch, capsys) -> None:
    """One limit both ways; here lowered so that the test stays small."""
    session = services.files.import_session(EXAMPLE)
    monkeypatch.setattr(json_document, "MAX_FILE_BYTES", 10_000)
    target = tmp_path / "out.json"
    with pytest.raises(ValidationError) as caught:
        services.files.export_session(session.id, target)
    (problem,) = caught.value.problems
    assert problem.code == "too_large_to_export"
    assert "0.1 MB, more than the 0.01 MB" in problem.message and "nothing was written" in problem.message
    assert not target.exists()
    url = services.database.url
    services.close()
    assert main(["--db", url, "export", str(session.id), "--json", str(target)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "nothing was written" in err and not target.exists()


def test_the_limit_is_said_in_the_users_language(shipped_reference) -> None:
    from compass.i18n import set_language

    data = b" " * (json_document.MAX_FILE_BYTES + 1)
    set_language("nl")
    try:
        ((code, field, message),) = _problems(data, shipped_reference)
    finally:
        set_language("en")
    assert (code, field) == ("too_large", "file")
    assert "64,1" in message and "64" in message and "larger" not in message


def test_a_byte_order_mark_is_read(shipped_reference) -> None:
    data = codecs.BOM_UTF8 + EXAMPLE.read_bytes()
    assert read_session_file(data, shipped_reference).facts["title"] == _example()["facts"]["title"]


def test_windows_line_ends_in_a_long_text_are_read_as_line_feeds(services, tmp_path: Path) -> None:
    document = _example()
    document["facts"]["scope"] = "regel 1\r\nregel 2\rregel 3\n"
    document["inventory"][0]["description"] = "line1\r\nline2"
    document["policy_reasons"] = {next(iter(document["policy_reasons"])): "reden\r\nen meer"}
    source = tmp_path / "windows.json"
    source.write_bytes(_encode(document))
    imported = services.files.import_session(source)
    assert imported.facts.scope == "regel 1\nregel 2\nregel 3\n"
    assert imported.inventory[0].description == "line1\nline2"
    assert next(iter(dict(imported.policy_reasons).values())) == "reden\nen meer"


def test_a_carriage_return_in_a_one_line_field_or_another_control_is_still_refused(
    shipped_reference,
) -> None:
    document = _example()
    document["facts"]["title"] = "Asfalt\r\nZuid"
    document["facts"]["scope"] = "regel\r\n\x1b[2J"
    problems = _problems(_encode(document), shipped_reference)
    fields = {field for _code, field, _message in problems}
    assert fields == {"facts/title", "facts/scope"}
    assert any("U+001B" in message for _c, _f, message in problems)


def test_a_key_written_twice_is_named_at_its_place(shipped_reference) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    twice = text.replace('"sdg": 13,', '"sdg": 13,\n      "sdg": 12,', 1)
    twice = twice.replace('"format":', '"status": "draft",\n  "format":', 1)
    problems = _problems(twice.encode(), shipped_reference)
    assert ("duplicate_key", "inventory/0/sdg") in {(c, f) for c, f, _m in problems}
    assert ("duplicate_key", "status") in {(c, f) for c, f, _m in problems}
    message = next(m for c, f, m in problems if f == "inventory/0/sdg")
    assert "sdg" in message and "more than once" in message


@pytest.mark.parametrize("section", ["priorities", "ambitions"])
def test_the_same_sdg_twice_is_named_in_the_file(services, tmp_path, section: str) -> None:
    document = _example()
    document[section].append(dict(document[section][0]))
    last = len(document[section]) - 1
    source = tmp_path / "twice.json"
    source.write_bytes(_encode(document))
    with pytest.raises(ValidationError) as caught:
        services.files.import_session(source)
    (problem,) = caught.value.problems
    assert (problem.code, problem.field) == ("sdg_twice", f"{section}/{last}/sdg")
    sdg = document[section][0]["sdg"]
    assert f"SDG {sdg} is listed twice in {section} (also at {section}/0)" in problem.message
    assert "UNIQUE" not in problem.message
    assert services.sessions.list_sessions() == []


@pytest.mark.parametrize(
    ("version", "code", "words"),
    [
        ("4", "version_type", f'such as {SESSION_VERSION}; the file has text: "4".'),
        (4.0, "version_type", None),  # refused by the number rule or as a number: never read as 4
        (True, "version_type", "the file has true or false: true."),
        (None, "version_type", "the file has nothing (null): null."),
        ([4], "version_type", "the file has a list: [4]."),
        (99, "version", "version 99 is not supported"),
    ],
)
def test_a_version_of_the_wrong_type_is_named(shipped_reference, version, code, words) -> None:
    document = _example()
    document["version"] = version
    ((found, field, message),) = _problems(_encode(document), shipped_reference)
    assert field == "version" and "None" not in message
    if words is not None:
        assert found == code and words in message


def test_a_missing_version_is_named(shipped_reference) -> None:
    document = _example()
    del document["version"]
    ((code, field, message),) = _problems(_encode(document), shipped_reference)
    assert (code, field) == ("version_missing", "version")
    assert '"version" is missing' in message and "None" not in message


def test_profile_files_share_the_rules(shipped_reference) -> None:
    known = {c.id for c in shipped_reference.criteria}
    shipped = next(iter(sorted(resource_path("profiles").glob("*.json"))))
    text = shipped.read_text(encoding="utf-8")
    assert read_profile_file(codecs.BOM_UTF8 + text.encode(), known).name
    twice = text.replace('"format":', '"name": "Twee keer",\n  "format":', 1)
    with pytest.raises(ValidationError) as caught:
        read_profile_file(twice.encode(), known)
    assert [(p.code, p.field) for p in caught.value.problems] == [("duplicate_key", "name")]
    document = json.loads(text)
    document["version"] = str(document["version"])
    with pytest.raises(ValidationError) as caught:
        read_profile_file(json.dumps(document).encode(), known)
    assert [p.code for p in caught.value.problems] == ["version_type"]
