"""The document as a reader may receive it: every text without the characters storage refuses
(``compass.method.text``), so a session stored by an older version still makes a valid PDF, Word file
and summary page, with no control character in their text or metadata. Each renderer starts here.
No Qt, no reportlab, no python-docx."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from enum import Enum
from typing import Any

from compass.formats.document.model import Document
from compass.method.text import printable

# Texts of one line: the title block, the running header and footer, and the file's metadata.
_LINE_FIELDS = (
    "title",
    "subtitle",
    "organisation",
    "author",
    "version",
    "concept_mark",
    "status",
    "header",
    "page_label",
)


def printable_document(document: Document) -> Document:
    changes: dict[str, Any] = {
        name: printable(getattr(document, name), multiline=False) for name in _LINE_FIELDS
    }
    changes.update(first_page=_printable(document.first_page), body=_printable(document.body))
    return replace(document, **changes)


def _printable(value: Any) -> Any:
    if isinstance(value, Enum):  # a style or a kind: a code, not text
        return value
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, tuple):
        return tuple(_printable(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _printable(getattr(value, f.name)) for f in fields(value)})
    return value
