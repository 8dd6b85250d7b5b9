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
