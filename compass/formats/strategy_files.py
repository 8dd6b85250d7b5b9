"""The tender strategy document written to a file, as PDF or Word: the one way the menu, the start
screen and the command line (by the services or by its quick path) write it. Touches no database, so
it may run on a worker thread; each renderer loads on its first use."""

from __future__ import annotations

from pathlib import Path

from compass.core.session import SessionSnapshot
from compass.formats.files import write_file
from compass.reference.types import ReferenceData


def write_strategy_pdf(
    snapshot: SessionSnapshot, reference: ReferenceData, path: str | Path, language: str
) -> None:
    from compass.formats.pdf.render import render_pdf

    write_file(path, render_pdf(snapshot, reference, language))


def write_strategy_docx(
    snapshot: SessionSnapshot, reference: ReferenceData, path: str | Path, language: str
) -> None:
    from compass.formats.document.build import build_document
    from compass.formats.docx.render import render_docx

    write_file(path, render_docx(build_document(snapshot, reference, language)))


def write_dialogue_record(
    snapshot: SessionSnapshot, reference: ReferenceData, path: str | Path, language: str
) -> None:
    """The SDG dialogues' record on its own, PDF or Word as the file's name says (.docx: Word)."""
    from compass.formats.document.build import build_dialogue_record

    document = build_dialogue_record(snapshot, reference, language)
    if str(path).lower().endswith(".docx"):
        from compass.formats.docx.render import render_docx

        write_file(path, render_docx(document))
    else:
        from compass.formats.pdf.render import render_document

        write_file(path, render_document(document))
