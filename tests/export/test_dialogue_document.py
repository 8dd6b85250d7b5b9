"""The SDG dialogues in the strategy document, read back from the PDF (pypdf) and the Word file
(python-docx) in both languages: who was there, where the dots went and what was decided."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import docx
import pytest
from pypdf import PdfReader

from compass.core.session import (
    AgendaItem,
    Ambition,
    AmbitionLevel,
    Criterion,
    CriterionType,
    Dialogue,
    EntryKind,
    EntrySource,
    InventoryEntry,
    Participant,
    ProjectFacts,
    SdgPriority,
    SessionSnapshot,
    SessionStatus,
    Vote,
)
from compass.formats.document.build import build_document
from compass.formats.document.model import Heading, Table
from compass.formats.docx.render import render_docx
from compass.formats.pdf.render import render_document
from compass.method.dialogues import with_dialogue_votes


@pytest.fixture
def db_backend() -> str:
    """Documents are made from a snapshot, whatever database it came from: rendering them once, on
    SQLite, keeps the suite's time down (the exchange and service tests cover PostgreSQL)."""
    return "sqlite"


MOMENT = dt.datetime(2027, 3, 1, 9, 30, tzinfo=dt.UTC)
DECIDED = "Besluit: SDG 13 gaat voor."
NOTED = "Opgeschreven door de griffie."


def _session() -> SessionSnapshot:
    """Both dialogues held: dots on SDGs in the first, on a criterion and an ambition in the second."""
    snapshot = SessionSnapshot(
        id=1,
        facts=ProjectFacts(title="Sportpark Zuid", organisation="Gemeente Heerlen"),
        status=SessionStatus.DRAFT,
        quality_weight_pct=Decimal(40),
        created_at=MOMENT,
        updated_at=MOMENT,
        inventory=(
            InventoryEntry(
                1,
                13,
                EntryKind.OPPORTUNITY,
                EntrySource.LOCATION,
                "Zonnedak op de kantine",
                dialogue=1,
                contributor="Bram Smeets",
            ),
        ),
        priorities=(SdgPriority(13, selected=True, focus_reason="Klimaat"),),
        ambitions=(Ambition(13, AmbitionLevel.SIGNIFICANT),),
        criteria=(
            Criterion(
                7,
                13,
                CriterionType.AWARD_CRITERION,
                "Eigen opwekking op het dak",
                Decimal(10),
                "Opgave bij inschrijving",
                dialogue=2,
                contributor="Cees Wolfs",
            ),
        ),
        dialogues=(
            Dialogue(
                1, 1, dt.date(2027, 1, 12), "Kantine Sportpark Zuid", "Eva Lemmens", NOTED, DECIDED, 3
            ),
            Dialogue(2, 2, dt.date(2027, 2, 9), "Stadhuis", "Eva Lemmens", "", "Criteria vastgesteld.", 3),
        ),
        participants=(
            Participant(11, 1, "Anna Willems", "Gemeente Heerlen", "project_leader", True),
            Participant(12, 1, "Bram Smeets", "Buurtraad Zuid", "residents", False),
            Participant(21, 2, "Cees Wolfs", "Wolfs Installaties", "supplier", False, named=True),
        ),
        agenda=(
            AgendaItem(1, 1, "Kansen en risico's", "Wat ziet u op het terrein?", 40),
            AgendaItem(2, 2, "Conceptcriteria", "Wat is haalbaar?", 30),
        ),
        votes=(
            Vote(1, 1, 11, "sdg:13", 2),
            Vote(2, 1, 12, "sdg:13", 1),
            Vote(3, 1, 12, "sdg:3", 2),
            Vote(4, 2, 21, "criterion:7", 2),
            Vote(5, 2, 21, "ambition:13:2", 1),
        ),
    )
    return with_dialogue_votes(snapshot)  # as the services give it: dialogue 1's dots are step 2's votes


WORDS = {
    "nl": {
        "heading": "SDG-dialogen",
        "first": "Dialoog 1: risico's, kansen en prioriteiten",
        "roles": ("Projectleider", "Bewoners", "Leverancier"),
        "from": ("intern", "extern"),
        "dots": "Stippen plakken: 5 stippen van 2 deelnemers, elk met hoogstens 3.",
        "date": "12-01-2027",
        "idea": "Stap 1: kans, SDG 13",
        "ambition": "Ambitie voor SDG 13 Klimaatactie",
    },
    "en": {
        "heading": "SDG dialogues",
        "first": "Dialogue 1: risks, opportunities and priorities",
        "roles": ("Project leader", "Residents", "Supplier"),
        "from": ("internal", "external"),
        "dots": "Dot voting: 5 dots from 2 participants, each with at most 3.",
        "date": "12 Jan 2027",
        "idea": "Step 1: opportunity, SDG 13",
        "ambition": "Ambition for SDG 13 Climate action",
    },
}


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", params=["nl", "en"])
def made(request, shipped_reference):
    """The model, the PDF's text and the Word file of the session in one language."""
    model = build_document(_session(), shipped_reference, request.param)
    pdf = PdfReader(io.BytesIO(render_document(model)))
    word = docx.Document(io.BytesIO(render_docx(model)))
    return request.param, model, _flat("\n".join(page.extract_text() for page in pdf.pages)), word


def _word_text(word) -> str:
    parts = [p.text for p in word.paragraphs]
    parts += [p.text for table in word.tables for cell in table._cells for p in cell.paragraphs]
    return _flat("\n".join(parts))


def test_both_documents_name_who_was_there(made) -> None:
    language, _model, pdf, word = made
    words = WORDS[language]
    for text in (pdf, _word_text(word)):
        for expected in (
            words["heading"],
            words["first"],
            "Anna Willems",
            "Buurtraad Zuid",
            "Wolfs Installaties",
            "Kantine Sportpark Zuid",
            "Eva Lemmens",
            words["date"],
            *words["roles"],
            *words["from"],
        ):
            assert expected in text, (language, expected)
        assert "Bram Smeets" not in text, language  # a decision document may be published (issue 24)


def test_both_documents_show_the_dots_the_decisions_and_the_ideas(made) -> None:
    language, _model, pdf, word = made
    words = WORDS[language]
    for text in (pdf, _word_text(word)):
        for expected in (
            words["dots"],
            DECIDED,
            "Criteria vastgesteld.",
            NOTED,
            words["idea"],
            "Buurtraad Zuid",  # an external resident without consent: by organisation and role
            "Cees Wolfs",
            words["ambition"],
            "Eigen opwekking op het dak",
        ):
            assert expected in text, (language, expected)


def test_the_tally_reads_as_a_table_in_word(made) -> None:
    """Dialogue 1's dots per SDG, most first, with their share; the typed workshop record is not
    repeated beside them."""
    language, model, _pdf, word = made
    dots = "Stippen" if language == "nl" else "Dots"
    tallies = [t for t in word.tables if len(t.rows[0].cells) == 4 and t.rows[0].cells[1].text == dots]
    (sdgs,) = tallies
    rows = [[c.text for c in row.cells][1:3] for row in sdgs.rows[1:]]
    assert rows == [["3", "60 %"], ["2", "40 %"]]
    assert [row.cells[0].text.split()[0] for row in sdgs.rows[1:]] == ["13", "3"]
    headings = [b.anchor for b in model.body if isinstance(b, Heading)]
    assert "dialogues" in headings and "workshop" not in headings
    # The record is working material, in the annex behind the decision and its open issues.
    assert headings.index("open") < headings.index("annex") < headings.index("dialogues")
    word_headings = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert WORDS[language]["first"] in word_headings


def test_dialogue_2s_choices_are_the_criterion_and_the_ambition_in_words(made) -> None:
    language, model, _pdf, _word = made
    choice = "Keuze" if language == "nl" else "Choice"
    (table,) = [b for b in model.body if isinstance(b, Table) and b.header[:1] == (choice,)]
    first, second = table.rows
    assert (first[0].text, first[1].text) == ("Eigen opwekking op het dak", "2")
    assert first[0].detail.startswith("SDG 13 \u00b7 ")
    assert second[0].text.startswith(WORDS[language]["ambition"])
