"""The first checks every exchange file gets, whatever it holds: size, JSON, its format and version,
how deep it nests, and every text and number in it (``literal_problems``). Each file kind says in its
own words what it is not; the rest of the words are shared. No Qt."""

from __future__ import annotations

import json
from typing import Any

from compass.core.errors import ValidationError
from compass.core.session import Problem
from compass.i18n import N_
from compass.method.text import character_problems, is_multiline, printable

MAX_FILE_BYTES = 5 * 1024 * 1024
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
    (the latter with ``{version}`` and ``{supported}``)."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError([Problem("too_large", "file", N_("The file is larger than 5 MB."))])
    try:
        document = json.loads(
            data.decode("utf-8"),
            parse_float=UnwrittenNumber,
            parse_constant=UnwrittenNumber,  # NaN, Infinity, -Infinity: not JSON at all
            parse_int=_whole_number,
        )
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(
            [Problem("not_json", "file", N_("The file is not JSON: {detail}"), detail=error)]
        ) from error
    except RecursionError as error:  # thousands of nested brackets: no exchange file looks like that
        raise _too_deep() from error
    if not isinstance(document, dict) or document.get("format") != format_name:
        raise ValidationError([Problem("format", "format", not_this_kind)])
    if document.get("version") not in readable_versions:
        raise ValidationError(
            [
                Problem(
                    "version",
                    "version",
                    version_not_supported,
                    version=document.get("version"),
                    supported=max(readable_versions),
                )
            ]
        )
    problems = literal_problems(document)
    if problems:
        raise ValidationError(problems)
    return document
