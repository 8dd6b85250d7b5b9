"""A session stored by an older version may hold control characters: its PDF, Word file and summary
page still carry none, in their text or in their metadata."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from pypdf import PdfReader
from sqlalchemy import update

from compass.core.session import Collection, EntryKind, EntrySource
from compass.formats.document.build import build_document
from compass.formats.docx.render import render_docx
from compass.formats.html.render import render_html
from compass.formats.pdf.render import render_pdf
from compass.model.orm import InventoryEntryRow, SessionRow


@pytest.fixture
def db_backend() -> str:
    """Documents are made from a snapshot, whatever database it came from: rendering them once, on
    SQLite, keeps the suite's time down (the exchange and service tests cover PostgreSQL)."""
    return "sqlite"


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def old_session(service):
    """A session whose texts an older version stored without the rule of decision 010."""
    session_id = service.create_session("Asfalt", organisation="Gemeente").id
    entry = service.add_item(
        session_id,
        Collection.INVENTORY,
        sdg=13,
        kind=EntryKind.RISK,
        source=EntrySource.MATERIALS,
        description="Uitstoot",
    )
    # SQL, as an older version wrote them (no U+0000: PostgreSQL never could store one).
    with service._database.session_factory.begin() as db:
        db.execute(
            update(SessionRow)
            .where(SessionRow.id == session_id)
            .values(
                title="Evil\x1b[31mRED\x1b[0m\x9b\x7f\r\nNext",
                organisation="Gemeente\x1b]0;pwned\x07",
                project_leader="A.\x08 de Vries",
                scope="Regel een\x0c\nregel twee\x1b[2J",
            )
        )
        db.execute(
            update(InventoryEntryRow)
            .where(InventoryEntryRow.id == entry.id)
            .values(description="Uitstoot\x07 CO\u2082\x1b[1m")
        )
    return service.get_session(session_id)


def test_the_pdf_carries_no_control_character_in_metadata_or_text(old_session, shipped_reference) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(old_session, shipped_reference, "en")))
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == "Evil[31mRED[0m Next"
    for value in (metadata.title, metadata.author, metadata.subject):
        assert not CONTROL.search(value or ""), value
    xmp = reader.xmp_metadata  # was invalid XML: ESC and NUL are not allowed in XML 1.0
    assert xmp is not None and xmp.dc_title == {"x-default": "Evil[31mRED[0m Next"}
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Uitstoot CO₂[1m" in text
    assert not CONTROL.search(text)


def test_the_word_file_carries_no_control_character(old_session, shipped_reference) -> None:
    data = render_docx(build_document(old_session, shipped_reference, "nl"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                content = archive.read(name).decode("utf-8")
                assert not CONTROL.search(content.replace("\r", "").replace("\n", "")), name


def test_the_summary_page_carries_no_control_character(old_session, shipped_reference) -> None:
    html = render_html(build_document(old_session, shipped_reference, "en"))
    assert "Evil[31mRED[0m Next" in html
    assert not CONTROL.search(html.replace("\n", ""))
