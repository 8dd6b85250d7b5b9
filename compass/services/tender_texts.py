"""Exporting a session's tender texts (its requirements, criteria and conditions for the tender
documents) as a Word file: the use case the window calls; the command line writes the same file
through ``compass.formats.tender_texts_word``. Touches no database, so it may run on a worker thread;
python-docx loads on the first export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compass.core.session import SessionSnapshot
    from compass.reference.types import ReferenceData


def export_tender_texts(
    snapshot: SessionSnapshot, reference: ReferenceData, path: str | Path, language: str
) -> None:
    from compass.formats.tender_texts_word import write_tender_texts_docx

    write_tender_texts_docx(snapshot, reference, path, language)
