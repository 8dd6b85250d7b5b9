"""Rendering the tender strategy document to PDF bytes (A4, embedded fonts, metadata, bookmarks).
Writing the file is the caller's: ``compass.formats.files.write_file`` never leaves half a PDF."""

from __future__ import annotations

import io

from compass.core.session import SessionSnapshot
from compass.formats.pdf.story import build_story
from compass.formats.pdf.templates import NumberedCanvas, StrategyDocTemplate
from compass.i18n import N_, translate_in
from compass.reference.types import ReferenceData

PAGE_LABEL = N_("page {page} of {pages}")
SUBJECT = N_("Tender strategy (MVOI uitvraagstrategie)")


def render_pdf(snapshot: SessionSnapshot, reference: ReferenceData, language: str) -> bytes:
    """The document as bytes, in ``language`` whatever the app speaks; safe on a worker thread."""
    facts = snapshot.facts
    buffer = io.BytesIO()
    document = StrategyDocTemplate(
        buffer,
        header=f"{facts.title} \u2013 {facts.organisation}".rstrip(" \u2013"),
        title=facts.title,
        author=", ".join(x for x in (facts.organisation, facts.procurement_adviser) if x),
        subject=translate_in(language, SUBJECT),
        creator="SDG Procurement Compass",
        lang=language,
    )
    canvas_class = type("PageCanvas", (NumberedCanvas,), {"page_label": translate_in(language, PAGE_LABEL)})
    document.multiBuild(build_story(snapshot, reference, language), canvasmaker=canvas_class)
    return buffer.getvalue()
