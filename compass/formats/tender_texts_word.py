"""The tender texts (``compass.formats.tender_texts``) as a Word file to paste from: one heading per
part of the tender documents, under it a table per kind of text (number, text, weight for award
criteria, how it is checked, SDG, catalogue id) with a repeating header row.

Laid out in the shared document model and drawn by the strategy document's Word renderer
(``compass.formats.docx.render``), so both Word files have the same styles, language, metadata and
stable bytes. python-docx loads only when a file is rendered: ``compass export`` pays for it only when
it writes this file. No Qt, no database.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from compass.core.errors import CompassError
from compass.core.session import CriterionType
from compass.formats.document.model import (
    Block,
    Cell,
    Document,
    Heading,
    Paragraph,
    Table,
    TableKind,
    TextStyle,
)
from compass.formats.files import write_file
from compass.formats.tender_texts import (
    PARTS,
    TenderSection,
    TenderText,
    TenderTexts,
    build_tender_texts,
)
from compass.i18n import N_, _, translate_in

if TYPE_CHECKING:
    from compass.core.session import SessionSnapshot
    from compass.reference.types import ReferenceData

NUMBER = N_("No.")
HOW_CHECKED = N_("How it is checked")
CATALOGUE_ID = N_("Catalogue id")
WEIGHT = N_("Weight %")
SDG = N_("SDG")

# How the room left beyond each column's longest word is shared: to the text most, then to how it is
# checked; number, weight, SDG and catalogue id keep what their longest word needs.
TEXT_WEIGHTS = (0, 8, 3, 0, 0)
AWARD_WEIGHTS = (0, 8, 0, 3, 0, 0)


def tender_texts_document(texts: TenderTexts) -> Document:
    """The texts as the shared document model: everything on the pages after the title block."""
    language = texts.language

    def tr(message: str) -> str:
        return translate_in(language, message)

    meta = " \u00b7 ".join(x for x in (texts.organisation, texts.version, texts.status) if x)
    blocks: list[Block] = [Paragraph(meta, TextStyle.SMALL), Paragraph(texts.introduction)]
    if texts.empty_note:
        blocks.append(Paragraph(texts.empty_note, TextStyle.NOTE))
    for section in texts.sections:
        blocks += _section(section, tr, language)
    title = texts.title or texts.subtitle
    return Document(
        language=texts.language,
        title=title,
        subtitle=texts.subtitle if texts.title else "",
        organisation=texts.organisation,
        author=texts.author,
        version=texts.version,
        concept=texts.concept,
        concept_mark=tr(N_("CONCEPT")),
        status=texts.status,
        header=" \u2013 ".join(x for x in (texts.title, texts.subtitle) if x),
        page_label=tr(N_("page {page} of {pages}")),
        first_page=tuple(blocks),
        body=(),
    )


def _section(section: TenderSection, tr: Callable[[str], str], language: str) -> list[Block]:
    blocks: list[Block] = [
        Heading(section.title, 1, section.part.value),
        Paragraph(section.explanation, TextStyle.SMALL),
    ]
    if section.award_basis:
        rows = [(Cell(tr(N_("Award basis"))), Cell(section.award_basis))]
        if section.lowest_price_reason:
            rows.append(
                (Cell(tr(N_("Why lowest price or lowest cost"))), Cell(section.lowest_price_reason))
            )
        if section.price_formula:
            rows.append((Cell(tr(N_("How price scores"))), Cell(section.price_formula)))
        blocks.append(Table((), tuple(rows), (3, 8), TableKind.FACTS))
    blocks += [Paragraph(note, TextStyle.NOTE) for note in section.notes]
    for kind in PARTS[section.part]:
        texts = section.of_kind(kind)
        if texts:
            caption = "" if section.quality else section.weights
            blocks.append(_table(kind, texts, caption, tr, language))
    if section.quality:
        blocks.append(_quality_table(section, tr))
    return blocks


def _quality_table(section: TenderSection, tr: Callable[[str], str]) -> Table:
    """The quality criteria that serve no SDG, after the SDG ones; the weights line under the last
    table covers both."""
    return Table(
        (tr(NUMBER), tr(N_("Other quality criterion")), tr(WEIGHT), tr(N_("Scale")), tr(HOW_CHECKED)),
        tuple(
            (Cell(str(q.number)), Cell(q.name), Cell(q.weight), Cell(q.scale), Cell(q.verification))
            for q in section.quality
        ),
        (1, 5, 2, 6, 6),
        caption=section.weights,
    )


def _table(
    kind: CriterionType,
    texts: tuple[TenderText, ...],
    caption: str,
    tr: Callable[[str], str],
    language: str,
) -> Table:
    award = kind is CriterionType.AWARD_CRITERION
    header = [tr(NUMBER), kind.label_in(language)]
    if award:
        header.append(tr(WEIGHT))
    header += [tr(HOW_CHECKED), tr(SDG), tr(CATALOGUE_ID)]
    rows = []
    for text in texts:
        row = [Cell(str(text.number)), Cell(text.text)]
        if award:
            row.append(Cell(text.weight))
        row += [Cell(text.verification), Cell(str(text.sdg)), Cell(text.source)]
        rows.append(tuple(row))
    return Table(
        tuple(header),
        tuple(rows),
        AWARD_WEIGHTS if award else TEXT_WEIGHTS,
        caption=caption if award else "",
    )


def render_tender_texts_docx(texts: TenderTexts) -> bytes:
    from compass.formats.docx.render import render_docx  # python-docx: only when a file is made

    return render_docx(tender_texts_document(texts))


def write_tender_texts_docx(
    snapshot: SessionSnapshot, reference: ReferenceData, path: str | Path, language: str
) -> None:
    """The session's tender texts as a Word file at ``path``, all or nothing (any thread). An empty
    name is refused in words before anything is rendered (``Path("")`` is the current folder)."""
    if not str(path).strip():
        raise CompassError(
            _("Cannot write {file}: {detail}").format(file=f"\u201c{path}\u201d", detail=_("no file name"))
        )
    write_file(path, render_tender_texts_docx(build_tender_texts(snapshot, reference, language)))
