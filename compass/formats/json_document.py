"""The first checks every exchange file gets, whatever it holds: size, JSON, its format and version,
how deep it nests, keys said twice, and every text and number in it (``literal_problems``). Each file
kind says in its own words what it is not; the rest of the words are shared. The one size limit is
checked when a file is written too (``check_written_size``), so the app never writes a file it would
refuse to read (decision 012). No Qt."""

from __future__ import annotations

import codecs
import json
from decimal import ROUND_UP, Decimal
from typing import Any

from compass.core.errors import ValidationError
from compass.core.session import Problem
from compass.i18n import N_
from compass.method.text import character_problems, is_multiline, printable, with_line_feeds

# One limit for reading and for writing (decision 012): the field limits allow a session of some
# 20 billion characters, which no laptop parses; 64 MB takes about 6 s and 550 MB of memory to import.
MAX_FILE_BYTES = 64_000_000
# Our formats nest seven levels at most (a session's profile's KPI's indicator ids); a file nesting
# deeper is no exchange file, and refusing it early keeps every later check off deep recursion.
MAX_DEPTH = 32
# Whole numbers in our formats are small (years, counts, SDG numbers); longer digit strings are refused
# before Python converts them (it refuses beyond 4,300 digits with an error of its own).
MAX_WHOLE_DIGITS = 15
# Objects keyed by an id rather than by field names: their values are all the named field.
_MAPS = {"policy_reasons": "reason"}


class UnwrittenNumber:
    """A JSON number our formats never write (a fraction, an exponent, NaN, Infinity, a very long
    whole number), kept as written so that the problem can quote it with its place in the file."""

    def __init__(self, literal: str) -> None:
        self.literal = literal

    def __str__(self) -> str:
        return self.literal if len(self.literal) <= 24 else self.literal[:20] + "…"


def _whole_number(literal: str) -> int | UnwrittenNumber:
    if len(literal.lstrip("-")) > MAX_WHOLE_DIGITS:
        return UnwrittenNumber(literal)
    return int(literal)


class _KeyedTwice(dict[str, Any]):
    """A JSON object that named some key more than once (the last value is kept, as ``json`` does);
    ``literal_problems`` names each such key at its place in the file."""

    twice: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document = dict(pairs)
    if len(document) == len(pairs):
        return document
    seen: set[str] = set()
    twice: list[str] = []
    for key, _value in pairs:
        if key in seen and key not in twice:
            twice.append(key)
        seen.add(key)
    marked = _KeyedTwice(document)
    marked.twice = tuple(twice)
    return marked


def _megabytes(size: int) -> Decimal:
    """A size in MB with one decimal, rounded up: a file just over the limit never shows as equal."""
    return (Decimal(size) / Decimal(1_000_000)).quantize(Decimal("0.1"), rounding=ROUND_UP)


def check_written_size(data: bytes) -> bytes:
    """``data`` if it may be imported again; else ``ValidationError`` in words, and nothing is
    written: an export that its own import refuses is worse than none."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            [
                Problem(
                    "too_large_to_export",
                    "file",
                    N_(
                        "The file would be {size} MB, more than the {limit} MB an exchange file may "
                        "hold, so it could not be imported again; nothing was written. Shorten the "
                        "longest texts or remove entries, and export again."
                    ),
                    size=_megabytes(len(data)),
                    limit=Decimal(MAX_FILE_BYTES) / Decimal(1_000_000),
                )
            ]
        )
    return data


def _too_deep() -> ValidationError:
    return ValidationError(
        [Problem("too_deep", "file", N_("The file nests its data too deeply to be an exchange file."))]
    )


def literal_problems(document: Any) -> list[Problem]:
    """Every key, text and number of a parsed document checked where it stands: texts by the storage
    rule of ``compass.method.text`` (a field holds several lines when its name says so), numbers as
    our formats write them. Raises ``ValidationError`` at once for a document nested too deeply.
    Iterative, so no document can exhaust the stack."""
    problems: list[Problem] = []
    stack: list[tuple[str, str, int, Any]] = [("", "", 0, document)]
    while stack:
        where, name, depth, value = stack.pop()
        if depth > MAX_DEPTH:
            raise _too_deep()
        children: list[tuple[str, str, int, Any]] = []
        for key in getattr(value, "twice", ()):
            shown = printable(key, multiline=False)
            problems.append(
                Problem(
                    "duplicate_key",
                    f"{where}/{shown}" if where else shown,
                    N_("The field {key} is written more than once here; a file says each field once."),
                    key=shown,
                )
            )
        if isinstance(value, dict):
            for key, child in value.items():
                shown = printable(key, multiline=False)
                path = f"{where}/{shown}" if where else shown
                problems += character_problems(path, key, multiline=False)
                children.append((path, _MAPS.get(name, str(key)), depth + 1, child))
        elif isinstance(value, list):
            children = [(f"{where}/{n}", name, depth + 1, child) for n, child in enumerate(value)]
        elif isinstance(value, str):
            problems += character_problems(where or "document", value, multiline=is_multiline(name))
        elif isinstance(value, UnwrittenNumber):
            problems.append(
                Problem(
                    "number_form",
                    where or "document",
                    N_(
                        "Not a number this file can hold ({value}): whole numbers are written with "
                        'digits only, other numbers as text in quotes (e.g. "12.5").'
                    ),
                    value=str(value),
                )
            )
        stack.extend(reversed(children))  # the file's order, for the messages
    return problems


def _with_line_feeds(document: Any) -> Any:
    """``document`` with every multi-line field's CR LF and lone CR as LF: a file written on Windows
    keeps its line ends inside the texts. Single-line fields are left as they are (and refused)."""
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:
        name, value = stack.pop()
        if isinstance(value, dict):
            for key, child in value.items():
                field = _MAPS.get(name, str(key))
                if isinstance(child, str) and is_multiline(field) and "\r" in child:
                    value[key] = with_line_feeds(child)
                elif isinstance(child, dict | list):
                    stack.append((field, child))
        elif isinstance(value, list):
            for n, child in enumerate(value):
                if isinstance(child, str) and is_multiline(name) and "\r" in child:
                    value[n] = with_line_feeds(child)
                elif isinstance(child, dict | list):
                    stack.append((name, child))
    return document


def _version_problem(
    document: dict[str, Any], readable_versions: tuple[int, ...], version_not_supported: str
) -> Problem | None:
    if "version" not in document:
        return Problem(
            "version_missing",
            "version",
            N_(
                "The file does not say which version of its format it is written in (the field "
                '"version" is missing); this app reads version {supported}.'
            ),
            supported=max(readable_versions),
        )
    version = document["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        from compass.formats.schema_messages import json_kind

        return Problem(
            "version_type",
            "version",
            N_(
                "The version must be a whole number written without quotes, such as {supported}; "
                "the file has {found}: {value}."
            ),
            supported=max(readable_versions),
            found=json_kind(version),
            value=printable(json.dumps(version, ensure_ascii=False, default=str)[:40], multiline=False),
        )
    if version not in readable_versions:
        return Problem(
            "version", "version", version_not_supported, version=version, supported=max(readable_versions)
        )
    return None


def read_json_document(
    data: bytes,
    *,
    format_name: str,
    readable_versions: tuple[int, ...],
    not_this_kind: str,
    version_not_supported: str,
) -> dict[str, Any]:
    """The document in ``data``, or ``ValidationError`` with the one problem that stops reading it.
    ``not_this_kind`` and ``version_not_supported`` are the file kind's own untranslated messages
    (the latter with ``{version}`` and ``{supported}``). A UTF-8 byte-order mark at the start is
    allowed (Notepad writes one); CR LF in multi-line texts is read as LF."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            [
                Problem(
                    "too_large",
                    "file",
                    N_("The file is {size} MB, more than the {limit} MB an exchange file may hold."),
                    size=_megabytes(len(data)),
                    limit=Decimal(MAX_FILE_BYTES) / Decimal(1_000_000),
                )
            ]
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        document = json.loads(
            data.decode("utf-8"),
            parse_float=UnwrittenNumber,
            parse_constant=UnwrittenNumber,  # NaN, Infinity, -Infinity: not JSON at all
            parse_int=_whole_number,
            object_pairs_hook=_object,
        )
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(
            [Problem("not_json", "file", N_("The file is not JSON: {detail}"), detail=error)]
        ) from error
    except RecursionError as error:  # thousands of nested brackets: no exchange file looks like that
        raise _too_deep() from error
    if not isinstance(document, dict) or document.get("format") != format_name:
        raise ValidationError([Problem("format", "format", not_this_kind)])
    problem = _version_problem(document, readable_versions, version_not_supported)
    if problem is not None:
        raise ValidationError([problem])
    problems = literal_problems(_with_line_feeds(document))
    if problems:
        raise ValidationError(problems)
    return document
