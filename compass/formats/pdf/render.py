"""Rendering the tender strategy document to PDF bytes (A4, embedded fonts, metadata, bookmarks).
Writing the file is the caller's: ``compass.formats.files.write_file`` never leaves half a PDF."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import XMP
from reportlab.platypus import PageBreak, Paragraph

from compass.core.session import SessionSnapshot
from compass.formats.document.build import build_document
from compass.formats.document.model import Document
from compass.formats.document.printable import printable_document
from compass.formats.pdf.story import Gap, flowables, text
from compass.formats.pdf.styles import FONT, styles
from compass.formats.pdf.templates import LayoutCanvas, StrategyDocTemplate, body_pages
from compass.reference.types import ReferenceData

CREATOR = "SDG Procurement Compass"


def render_pdf(snapshot: SessionSnapshot, reference: ReferenceData, language: str) -> bytes:
    """The document as bytes, in ``language`` whatever the app speaks; safe on a worker thread."""
    return render_document(build_document(snapshot, reference, language))


def render_document(document: Document) -> bytes:
    document = printable_document(document)  # no control character in the text or the metadata
    buffer = io.BytesIO()
    template = StrategyDocTemplate(
        buffer,
        header=document.header,
        page_label=document.page_label,
        concept_mark=document.concept_mark if document.concept else "",
        title=document.title,
        author=document.author,
        subject=document.subtitle,
        creator=CREATOR,
        lang=document.language,
    )
    st = styles()
    story = [
        Paragraph(text(document.title), st["title"]),
        Paragraph(escape(document.subtitle), st["subtitle"]),
        # Pages after the first carry the running header, also when the first page runs over.
        body_pages(),
        *flowables(document.first_page, document.continued),
        *([PageBreak()] if document.body_on_new_page else []),
        *flowables(document.body, document.continued),
        Gap(1, 2 * mm),
    ]
    template.multiBuild(story, canvasmaker=_canvas(document))
    return buffer.getvalue()


def _canvas(document: Document) -> type[LayoutCanvas]:
    """A canvas that starts in the embedded font and shows the title in the viewer's title bar."""

    class StrategyCanvas(LayoutCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("initialFontName", FONT)  # else Helvetica lands in the PDF, not embedded
            super().__init__(*args, **kwargs)
            self.setViewerPreference("DisplayDocTitle", "true")
            # XMP metadata has no public API in reportlab; the catalog of the canvas's document takes it.
            catalog = self._doc.Catalog  # type: ignore[attr-defined]
            catalog.Metadata = XMP(creator=lambda _doc: _xmp(document).encode("utf-8"))

    return StrategyCanvas


def _xmp(document: Document) -> str:
    """Dublin Core and PDF metadata as XMP, so archives and screen readers find title, author,
    subject and language (the Info dictionary alone is deprecated in PDF 2.0)."""
    title, author, subject = (escape(x) for x in (document.title, document.author, document.subtitle))
    language = "nl-NL" if document.language == "nl" else "en-GB"
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>ReportLab</pdf:Producer>
   <xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
