"""The tender strategy document as plain data: what it says, in which order, in one language.

Built once from a session (``compass.formats.document.build``) and rendered to PDF, to Word and to the
summary page, so the three never tell a different story. Texts are plain (no markup): each renderer
escapes them its own way. No Qt, no reportlab, no python-docx.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class TextStyle(StrEnum):
    BODY = "body"
    SMALL = "small"  # legends, explanations of a table
    NOTE = "note"  # the team's reasons, in italics


class TableKind(StrEnum):
    DATA = "data"  # a header row, then one row per item
    FACTS = "facts"  # no header: a label column and a value column
    SIGNATURE = "signature"  # the approval block: a header row, then rows with room to sign


@dataclass(frozen=True)
class Cell:
    text: str
    detail: str = ""  # a second, smaller line under the text (how a criterion is checked)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1: a section (contents and bookmarks), 2: a part of a section (bookmarks)
    anchor: str  # stable id of the section ("facts", "policy", ...), for links and bookmarks


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: TextStyle = TextStyle.BODY


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False
    # Where each item is resolved (a step's code), for renderers that link (the summary page).
    targets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]  # empty for a FACTS table
    rows: tuple[tuple[Cell, ...], ...]
    # How much room each column wants, relative to the others; renderers size columns by their content
    # and never break a word, using these only to share what is left.
    weights: tuple[int, ...]
    kind: TableKind = TableKind.DATA
    caption: str = ""  # a line right under the table (the award weights under the award criteria)


@dataclass(frozen=True)
class Tile:
    """One SDG in the overview: its number and short name, readable without colour."""

    number: int
    name: str
    colour: str  # "#RRGGBB"
    ink: str  # text colour on ``colour``
    inventoried: bool
    priority: bool
    level: str  # the ambition level in words ("2 significant"), "" when none is set
    mark: str = ""  # what a priority tile says besides its name ("priority · 2 significant")


@dataclass(frozen=True)
class SdgTiles:
    tiles: tuple[Tile, ...]
    legend: str


@dataclass(frozen=True)
class Contents:
    """The table of contents: the level-1 headings after it, with their pages where pages exist."""

    title: str
    # Where a renderer cannot number the pages itself (Word, until its fields are updated): the line
    # that says how to show them ("Right-click the contents and choose Update Field ..."). Empty: the
    # renderer's own words for the document's language.
    update_hint: str = ""


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Bullets | Table | SdgTiles | Contents | PageBreak


@dataclass(frozen=True)
class Document:
    language: str  # "nl" or "en"
    title: str
    subtitle: str  # what the document is ("Uitvraagstrategie (MVOI)")
    organisation: str
    author: str  # for the file's metadata: the organisation and the adviser
    version: str  # in words, e.g. "versie van 2 december 2026, 14:05"
    concept: bool  # not complete yet: every page carries a visible "concept" mark
    concept_mark: str  # the word for it in the document's language
    status: str  # in words: "Concept: 3 open issues" / "Complete, for decision" / "Final"
    header: str  # the running header of the body pages
    page_label: str  # "page {page} of {pages}" in the document's language
    first_page: tuple[Block, ...]  # title block, management summary, decision asked, approval
    body: tuple[Block, ...]  # contents and the sections, from the second page on
    # The label of a table row that goes on over the next page, where it goes on: "{label} (continued)"
    # in the document's language; by default the label itself.
    continued: str = "{label}"
    # The strategy's body starts on page 2, after the decision page; a record flows on under its title.
    body_on_new_page: bool = True
