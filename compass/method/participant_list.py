"""A list of participants pasted from a mail or a spreadsheet, or read from a CSV file: one person per
line, name first, then organisation, role and whether internal (issue 25). No Qt.

The columns follow a header line when there is one (naam/name, organisatie/organisation, rol/role,
intern/internal), else that order. Cells are separated by tabs (a spreadsheet's copy), semicolons (a
Dutch CSV) or commas; a line with one cell is a name. Every line that cannot be read is named with its
number and nothing is added, so a list goes in whole or not at all.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from compass.core.codes import SHORT_TEXT_MAX_LENGTH
from compass.core.session import Problem
from compass.i18n import N_

MAX_LISTED = 500  # more than any room; a longer paste is a wrong file
FIELDS = ("name", "organisation", "role", "internal")
_HEADERS = {
    "name": {"naam", "name", "deelnemer", "participant"},
    "organisation": {"organisatie", "organisation", "organization", "bedrijf", "company"},
    "role": {"rol", "role", "functie", "stakeholder"},
    "internal": {"intern", "internal", "intern/extern", "internal/external"},
}
_YES = {"ja", "j", "yes", "y", "intern", "internal", "x", "1", "true", "waar"}
_NO = {"nee", "n", "no", "extern", "external", "0", "false", "onwaar", ""}


@dataclass(frozen=True)
class ListedParticipant:
    name: str
    organisation: str = ""
    role: str = ""  # as typed; the caller maps a known role to its code
    internal: bool = False


def _delimiter(lines: list[str]) -> str:
    for candidate in ("\t", ";", ","):
        if any(candidate in line for line in lines):
            return candidate
    return "\t"


def _columns(first: list[str]) -> dict[str, int] | None:
    """The header's columns by field, or None when the first line is a person."""
    found = {}
    for index, cell in enumerate(first):
        for field, words in _HEADERS.items():
            if cell.strip().casefold() in words:
                found[field] = index
    return found if "name" in found else None


def read_participant_list(text: str) -> tuple[list[ListedParticipant], list[Problem]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbered = [(number, line) for number, line in enumerate(lines, start=1) if line.strip()]
    if not numbered:
        return [], [Problem("list_empty", "list", N_("The list is empty: paste one participant per line."))]
    rows = list(
        csv.reader((line for _n, line in numbered), delimiter=_delimiter([line for _n, line in numbered]))
    )
    columns = _columns(rows[0])
    if columns is not None:
        numbered, rows = numbered[1:], rows[1:]
    columns = columns or {field: index for index, field in enumerate(FIELDS)}
    if len(rows) > MAX_LISTED:
        return [], [
            Problem(
                "list_too_long",
                "list",
                N_("The list has {count} lines; at most {most} participants are read at once."),
                count=len(rows),
                most=MAX_LISTED,
            )
        ]
    people: list[ListedParticipant] = []
    problems: list[Problem] = []
    for (number, _line), cells in zip(numbered, rows, strict=True):

        def cell(field: str, cells: list[str] = cells) -> str:
            index = columns.get(field)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        name, internal = cell("name"), cell("internal").casefold()
        if not name:
            problems.append(Problem("list_name", "list", N_("Line {line} has no name."), line=number))
            continue
        too_long = [f for f in ("name", "organisation", "role") if len(cell(f)) > SHORT_TEXT_MAX_LENGTH]
        if too_long:
            problems.append(
                Problem(
                    "list_too_long_cell",
                    "list",
                    N_("Line {line}: a cell is longer than {most} characters."),
                    line=number,
                    most=SHORT_TEXT_MAX_LENGTH,
                )
            )
            continue
        if internal not in _YES | _NO:
            problems.append(
                Problem(
                    "list_internal",
                    "list",
                    N_(
                        "Line {line}: \u201c{value}\u201d does not say internal or external "
                        "(ja/nee, intern/extern)."
                    ),
                    line=number,
                    value=cell("internal"),
                )
            )
            continue
        people.append(ListedParticipant(name, cell("organisation"), cell("role"), internal in _YES))
    return people, problems
