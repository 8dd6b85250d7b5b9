"""The tender strategy document: what a reader must find in it, that typed text stays literal, and
that every font is embedded."""

from __future__ import annotations

import io
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from compass.cli import main
from compass.core.session import AmbitionLevel, Collection, CriterionType, EntryKind, EntrySource
from compass.formats.pdf.render import render_pdf
from compass.reference.loading import load_reference_data

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from pdf_reading import outline  # noqa: E402
from screenshots import fill_example  # noqa: E402 - the realistic asphalt session


@pytest.fixture
def db_backend() -> str:
    """Documents are made from a snapshot, whatever database it came from: rendering them once, on
    SQLite, keeps the suite's time down (the exchange and service tests cover PostgreSQL)."""
    return "sqlite"


@pytest.fixture(scope="module")
def reference():
    return load_reference_data()


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize(
    "language, heading, sdg_name",
    [("nl", "Aanbestedingskader", "Klimaatactie"), ("en", "Procurement frame", "Climate action")],
)
def test_the_document_shows_the_strategy(service, reference, language, heading, sdg_name) -> None:
    session_id = fill_example(service)
    service.add_item(
        session_id,
        Collection.CRITERIA,
        sdg=13,
        criterion_type=CriterionType.AWARD_CRITERION,
        text="Laagste MKI-score krijgt gunningsvoordeel",
        weight_pct=Decimal(20),
    )
    pdf = render_pdf(service.get_session(session_id), reference, language)
    text = _text(pdf)
    for expected in (
        "Groot onderhoud asfalt 2027",
        heading,
        sdg_name,
        "Laagste MKI-score krijgt gunningsvoordeel",
        "kg CO₂",
        "Open dag",
    ):
        assert expected in text, expected
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Groot onderhoud asfalt 2027"
    assert "Gemeente Heerlen" in reader.metadata.author
    assert len(reader.outline) >= 8  # a bookmark per section
    pages = len(reader.pages)
    footer = "pagina 2 van" if language == "nl" else "page 2 of"
    assert f"{footer} {pages}" in reader.pages[1].extract_text()


def test_every_font_is_embedded(service, reference) -> None:
    pdf = render_pdf(service.get_session(fill_example(service)), reference, "nl")
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            fonts[font["/BaseFont"]] = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    assert fonts and all(fonts.values()), fonts


def test_typed_markup_and_symbols_appear_literally(service, reference) -> None:
    tricky = "<b>Asfalt</b> & <img src=x> <link href='y'>z</link> {title} %s 100%"
    session = service.create_session(tricky, organisation="Gemeente Eëné")
    service.add_item(
        session.id,
        Collection.INVENTORY,
        sdg=13,
        kind=EntryKind.RISK,
        source=EntrySource.MATERIALS,
        description="CO₂ € ≥ ≤ – • ë é ï 🙂 שלום",
    )
    text = _text(render_pdf(service.get_session(session.id), reference, "en"))
    assert "<b>Asfalt</b> & <img src=x>" in text
    assert "<link href='y'>z</link> {title} %s 100%" in text
    assert "CO₂ € ≥ ≤ – • ë é ï" in text
    assert "Gemeente Eëné" in text


def test_very_long_text_wraps_over_pages(service, reference) -> None:
    session = service.create_session("Lang", scope=("Zeer lange omschrijving " * 800).strip())
    service.set_ambition(session.id, 13, AmbitionLevel.BASIC)
    pdf = render_pdf(service.get_session(session.id), reference, "nl")
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 4


def test_cli_export_writes_the_pdf_and_refuses_unknown_sessions(db_url, tmp_path, capsys) -> None:
    main(["--db", db_url, "sessions", "create", "Bedrijfskleding"])
    session_id = int(capsys.readouterr().out.strip().splitlines()[-1])
    target = tmp_path / "strategie.pdf"
    assert main(["--db", db_url, "export", str(session_id), "--pdf", str(target), "--lang", "nl"]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    missing = tmp_path / "none.pdf"
    assert main(["--db", db_url, "export", "999", "--pdf", str(missing)]) == 2
    assert "999" in capsys.readouterr().err and not missing.exists()


def test_cli_export_writes_the_word_file(db_url, tmp_path, capsys) -> None:
    from docx import Document as WordDocument

    main(["--db", db_url, "sessions", "create", "Bedrijfskleding"])
    session_id = int(capsys.readouterr().out.strip().splitlines()[-1])
    target = tmp_path / "strategie.docx"
    assert main(["--db", db_url, "export", str(session_id), "--docx", str(target), "--lang", "en"]) == 0
    headings = [p.text for p in WordDocument(str(target)).paragraphs if p.style.name == "Heading 1"]
    assert "Procurement frame" in headings


def test_a_workshop_record_appears_only_when_votes_were_cast(service, reference) -> None:
    session_id = fill_example(service)
    without = _text(render_pdf(service.get_session(session_id), reference, "en"))
    assert "Workshop record" not in without
    service.set_priority(session_id, 13, votes=6)
    service.set_priority(session_id, 12, votes=2)
    document = _text(render_pdf(service.get_session(session_id), reference, "en"))
    record = document[document.rindex("Workshop record") :]  # the section, not its contents line
    assert "8 votes in all" in record
    cells = record.split("\n")
    assert cells[cells.index("13 Climate action") :][:3] == ["13 Climate action", "6", "75 %"]
    row = cells.index("12 Responsible consumption and production")
    assert cells[row : row + 3] == ["12 Responsible consumption and production", "2", "25 %"]
    reader = PdfReader(io.BytesIO(render_pdf(service.get_session(session_id), reference, "nl")))
    assert "Verslag van de workshop" in [title for title, _page, _level in outline(reader)]


def test_step_2_lists_the_sdgs_in_the_order_the_app_shows_with_the_teams_reasons(
    service, reference
) -> None:
    from compass.core.session import Collection, EntryKind, EntrySource
    from compass.method.priority_score import priority_order

    session_id = service.create_session("Catering stadhuis").id
    for sdg in (2, 12, 8):
        service.add_item(
            session_id,
            Collection.INVENTORY,
            sdg=sdg,
            kind=EntryKind.RISK,
            source=EntrySource.SUPPLY_CHAIN_GLOBAL,
            description=f"risico {sdg}",
        )
    service.set_priority(
        session_id, 12, urgency=5, selected=True, focus_reason="Voedselverspilling halveren"
    )
    service.set_priority(session_id, 8, urgency=3)
    snapshot = service.get_session(session_id)
    assert priority_order(snapshot) == (12, 8, 2)
    text = _text(render_pdf(snapshot, reference, "nl"))
    heading = "Stap 2 - Prioriteren"
    annex = text.rindex("Bijlage: werkmateriaal")  # steps 1 and 2 are working material behind the decision
    step_2 = text[text.index(heading, annex) :]
    assert step_2.index("12 Verantwoorde") < step_2.index("8 Eerlijk werk") < step_2.index("2 Geen honger")
    assert "Waarom deze prioriteiten" in step_2 and "Voedselverspilling halveren" in step_2


def test_the_pdf_names_its_title_language_and_metadata_for_viewers_and_archives(service, reference) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(service.get_session(fill_example(service)), reference, "nl")))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = reader.xmp_metadata
    assert xmp is not None and xmp.dc_title == {"x-default": "Groot onderhoud asfalt 2027"}
    assert xmp.dc_language == ["nl-NL"]


def test_a_concept_says_so_on_every_page_and_a_complete_strategy_does_not(service, reference) -> None:
    concept = PdfReader(io.BytesIO(render_pdf(service.get_session(fill_example(service)), reference, "nl")))
    assert all("CONCEPT" in page.extract_text() for page in concept.pages)
    assert "Concept:" in concept.pages[0].extract_text()  # the status line names the open issues
