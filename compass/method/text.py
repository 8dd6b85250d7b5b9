"""Which characters a stored text may hold, and text made safe to show: one rule for both sides.

Storing (decision 010): a text from a user or a file is kept exactly as given or refused with a
problem naming the field and the character; it is never changed silently. Refused in every text:
the C0 control characters other than tab and line feed (carriage return too: the app's own text
editors give line feeds), DEL, the C1 controls, lone surrogates (halves of a character, which no
encoding can store) and the Unicode noncharacters (U+FDD0 to U+FDEF and the last two code points
of every plane, U+FFFE and U+FFFF among them). A single-line field (a title, a name, a role, a unit,
an id) refuses tab, line feed and the Unicode line and paragraph separators as well; which fields
hold several lines is said once, by name, in ``MULTILINE_FIELDS``.

Showing: ``printable`` leaves out what storing refuses, so a terminal, a PDF or a Word file never
receives a control character, even from a row an older version stored.

No Qt, no database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from compass.i18n import N_

if TYPE_CHECKING:  # ``printable`` serves the command line's fast listing, which skips the snapshots
    from compass.core.session import Problem

# The fields whose text may run over several lines: the long texts (20,000 characters) of the
# session and profile formats and of the SDG dialogues. Every other text field holds one line.
MULTILINE_FIELDS = frozenset(
    {
        "assessed",
        "award_basis_reason",
        "budget",
        "contract_management",
        "contract_terms",
        "decisions",
        "description",
        "estimate_basis",
        "evidence",
        "focus_reason",
        "lots",
        "materials",
        "measure",
        "message",
        "note",
        "notes",
        "occasion",
        "procedure_reason",
        "question",
        "reason",
        "scale",
        "scope",
        "selection",
        "text",
        "urgency_note",
        "verification",
    }
)

_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 without tab and line feed, DEL, C1
_NOT_CHARACTERS = "\ud800-\udfff\ufdd0-\ufdef" + "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
_LINE_BREAKS = "\t\n\u2028\u2029"
_REFUSED_IN_LINES = re.compile(f"[{_CONTROL}{_NOT_CHARACTERS}]")
_REFUSED_IN_A_LINE = re.compile(f"[{_CONTROL}{_NOT_CHARACTERS}{_LINE_BREAKS}]")
_IS_CONTROL = re.compile(f"[{_CONTROL}]")
_LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]")


def is_multiline(field: str) -> bool:
    return field in MULTILINE_FIELDS


def with_line_feeds(text: str) -> str:
    """``text`` with Windows (CR LF) and old Mac (CR) line ends as line feeds. Only a file reader
    uses it, for multi-line fields (decision 012): the services still refuse a carriage return."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def character_problems(field: str, text: str, *, multiline: bool | None = None) -> list[Problem]:
    """The first character of ``text`` that may not be stored in ``field``, as a problem; ``multiline``
    defaults to what ``MULTILINE_FIELDS`` says of the field's name."""
    lines = is_multiline(field) if multiline is None else multiline
    found = (_REFUSED_IN_LINES if lines else _REFUSED_IN_A_LINE).search(text)
    if found is None:
        return []
    from compass.core.session import Problem

    character, position = found.group(), found.start() + 1
    code_point = f"U+{ord(character):04X}"
    if character in _LINE_BREAKS:
        return [
            Problem(
                "line_break",
                field,
                N_("Keep this to one line: it holds a line break or a tab at position {position}."),
                position=position,
            )
        ]
    if not _IS_CONTROL.match(character):
        return [
            Problem(
                "not_a_character",
                field,
                N_(
                    "This text holds {character} at position {position}, which is not a character "
                    "and cannot be stored; remove it."
                ),
                character=code_point,
                position=position,
            )
        ]
    return [
        Problem(
            "control_character",
            field,
            N_(
                "This text holds an invisible control character ({character}) at position {position}, "
                "which cannot be stored; remove it."
            ),
            character=code_point,
            position=position,
        )
    ]


def printable(text: str, *, multiline: bool = True, replacement: Callable[[str], str] | None = None) -> str:
    """``text`` without what storing refuses (``replacement`` of each such character instead, if
    given), for a terminal or a document. A single line gets a space for a line break or a tab."""
    if not multiline:
        text = _LINE_BREAK.sub(" ", text)
    if replacement is None:
        return _REFUSED_IN_LINES.sub("", text)
    return _REFUSED_IN_LINES.sub(lambda match: replacement(match.group()), text)
