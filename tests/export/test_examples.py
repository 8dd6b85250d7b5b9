"""The shipped example sessions: each imports, makes a PDF in both languages that shows its title,
priority SDGs, criteria and indicator units, and opens from the start screen as a copy. Each is also a
complete strategy: no gap left, no placeholder, and its organisation's policy applied or explained."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from compass.formats.pdf.render import render_pdf
from compass.formats.session_file import SESSION_VERSION, read_session_file
from compass.method.catalogue_words import in_language
from compass.method.completeness import placeholder_in
from compass.method.steps import all_advice, all_gaps
from compass.paths import resource_path
from compass.reference.examples import list_examples
from compass.reference.loading import load_reference_data

EXAMPLES = list_examples()


@pytest.fixture(scope="module")
def reference():
    return load_reference_data()


def test_three_examples_from_the_seeds() -> None:
    titles = " ".join(e.title for e in EXAMPLES)
    assert len(EXAMPLES) >= 3
    assert "asfalt" in titles and "Bedrijfskleding" in titles and "Binnensport" in titles
    procedures = {e.title.split()[0]: e.procedure for e in EXAMPLES}
    assert procedures["Bedrijfskleding"] == "multiple_quotes"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.path.stem)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_example_imports_and_makes_its_document(service, reference, example, language) -> None:
    imported = read_session_file(example.path.read_bytes(), reference)
    snapshot = service.get_session(service.import_session(imported).id)
    assert snapshot.profile is not None  # the profile it was decided against travels along
    pdf = render_pdf(snapshot, reference, language)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert snapshot.facts.title in text
    for sdg in snapshot.priority_sdgs():
        assert reference.sdg(sdg).name(language) in text
    # A catalogue text the team left unchanged prints in the document's language (issue 24).
    shown = in_language(snapshot, reference, language)
    for criterion in shown.criteria:
        assert criterion.text[:40] in text.replace("\n", " ")
    for indicator in shown.indicators:
        if indicator.unit:
            assert indicator.unit in text


def _imported(service, reference, document: bytes):
    return service.get_session(service.import_session(read_session_file(document, reference)).id)


def test_the_innovation_pilot_example_plans_dialogues(service, reference) -> None:
    """The two SDG dialogues are the client's own process, planned in the facts; no bidder is asked
    for them."""
    pilot = next(e for e in EXAMPLES if "pilot" in e.path.stem)
    snapshot = _imported(service, reference, pilot.path.read_bytes())
    assert snapshot.facts.innovation_pilot
    assert "SDG-dialogen" in snapshot.facts.procedure_reason
    assert not any("SDG-dialog" in c.text for c in snapshot.criteria)


def test_the_innovation_pilot_example_records_its_two_dialogues(service, reference) -> None:
    """Who was there, what the room voted and decided, and which ideas came from it; the dialogues
    are the client's own process, so no criterion asks bidders to run them, and dialogue 1's dots are
    the votes step 2 weighs."""
    from compass.method.dialogues import sdg_tally, tally

    pilot = next(e for e in EXAMPLES if "pilot" in e.path.stem)
    snapshot = _imported(service, reference, pilot.path.read_bytes())
    assert [d.number for d in snapshot.dialogues] == [1, 2]
    for number in (1, 2):
        record = snapshot.dialogue(number)
        assert record and record.held_on and record.place and record.facilitator and record.decisions
        people = snapshot.participants_of(number)
        assert 8 <= len(people) <= 12
        assert {p.internal for p in people} == {True, False}
        assert all(p.role for p in people) and snapshot.agenda_of(number)
        assert sum(tally(snapshot, number).values()) <= record.votes_per_participant * len(people)
    assert record.held_on > snapshot.dialogue(1).held_on
    assert snapshot.facts.publication_date > record.held_on
    assert sdg_tally(snapshot) == {p.sdg: p.votes for p in snapshot.priorities if p.votes}
    assert any(target.startswith("criterion:") for target in tally(snapshot, 2))
    assert any(e.dialogue == 1 and e.contributor for e in snapshot.inventory)
    assert any(c.dialogue == 2 and c.contributor for c in snapshot.criteria)
    for criterion in snapshot.criteria:
        assert "dialo" not in (criterion.text + criterion.verification).lower(), criterion.text


def test_the_innovation_pilot_example_puts_circularity_in_the_contract(service, reference) -> None:
    """Maastricht asks its pilots four circularity questions and at least one circularity criterion as
    a requirement or contract condition."""
    pilot = next(e for e in EXAMPLES if "pilot" in e.path.stem)
    snapshot = _imported(service, reference, pilot.path.read_bytes())
    binding = {"minimum_requirement", "contract_condition"}
    assert any(c.sdg == 12 and c.criterion_type.value in binding for c in snapshot.criteria)
    taken = {c.catalogue_id for c in snapshot.criteria}
    assert {"crit-12-lowest-mki-advantage", "crit-12-lifespan-extension"} <= taken
    assert "crit-12-end-of-life-processing" in taken


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.path.stem)
def test_each_example_is_a_complete_strategy(service, reference, example) -> None:
    snapshot = _imported(service, reference, example.path.read_bytes())
    assert all_gaps(snapshot) == []
    assert "european_below_threshold" not in [problem.code for _, problem in all_advice(snapshot)]
    for criterion in snapshot.criteria:
        for text in (criterion.text, criterion.verification):
            assert placeholder_in(text) is None, text
        assert criterion.verification.strip(), criterion.text
    for indicator in snapshot.indicators:
        for text in (indicator.name, indicator.unit, indicator.reference, indicator.data_source):
            assert placeholder_in(text) is None, text
    assert snapshot.policy, "the example is decided against a profile with standard requirements"
    for item in snapshot.policy:
        assert item.applied or item.reason.strip(), item.criterion_id


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.path.stem)
def test_each_example_carries_the_shipped_profile_it_was_decided_against(example) -> None:
    document = json.loads(example.path.read_text(encoding="utf-8"))
    shipped = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(resource_path("profiles").glob("*.json"))
    ]
    assert document["version"] == SESSION_VERSION  # the examples are written as the app writes files
    assert document["profile"] in shipped


def test_a_placeholder_put_back_makes_an_example_incomplete(service, reference) -> None:
    example = EXAMPLES[0]
    document = json.loads(example.path.read_text(encoding="utf-8"))
    document["criteria"][0]["text"] += " Het percentage is [x] %."
    snapshot = _imported(service, reference, json.dumps(document, ensure_ascii=False).encode())
    gaps = [problem.code for _, problem in all_gaps(snapshot)]
    assert gaps == ["placeholder"]


def _flat(text: str) -> str:
    return " ".join(text.split())


# The document is made from the snapshot; that the team database gives the same snapshot is
# test_each_example_imports_and_makes_its_document's (and tests/domain's) part, so the layout checks
# below run on SQLite only.
LAYOUT_ONLY = pytest.mark.parametrize("db_backend", ["sqlite"])


@LAYOUT_ONLY
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.path.stem)
def test_bookmarks_and_contents_land_on_their_pages(service, reference, example, language) -> None:
    from pdf_reading import outline

    from compass.formats.document.build import build_document
    from compass.formats.document.model import Contents, Heading
    from compass.formats.pdf.render import render_document

    snapshot = _imported(service, reference, example.path.read_bytes())
    document = build_document(snapshot, reference, language)
    reader = PdfReader(io.BytesIO(render_document(document)))
    pages = [_flat(page.extract_text()) for page in reader.pages]
    marks = list(outline(reader))
    headings = [b for b in document.first_page + document.body if isinstance(b, Heading)]
    assert [(title, level) for title, _page, level in marks] == [(h.text, h.level - 1) for h in headings]
    for title, page, _level in marks:
        assert _flat(title) in pages[page], f"{title!r} is not on page {page + 1}"
    assert marks[0][1] == 0  # the management summary is on the first page
    assert not document.concept and not any(document.concept_mark in text for text in pages)
    contents = next(b for b in document.body if isinstance(b, Contents))
    first_section = next(b for b in document.body if isinstance(b, Heading))
    # The first section's page (a first page that runs over has the running header too).
    contents_page = next(page for title, page, _level in marks if title == first_section.text)
    assert pages[contents_page].startswith(_flat(document.header))
    assert contents.title in pages[contents_page]
    assert _flat(first_section.text) in pages[contents_page], "the contents share a page with the text"


@LAYOUT_ONLY
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.path.stem)
def test_no_word_is_broken_inside_a_table_cell(service, reference, example, language) -> None:
    from compass.formats.document.build import build_document
    from compass.formats.document.model import Table
    from compass.formats.pdf.render import render_document

    snapshot = _imported(service, reference, example.path.read_bytes())
    document = build_document(snapshot, reference, language)
    text = _flat(_pdf_text(render_document(document)))
    for table in (b for b in document.first_page + document.body if isinstance(b, Table)):
        for cell_text in [*table.header, *(c.text for row in table.rows for c in row)]:
            for word in cell_text.split():
                assert word in text, f"{word!r} of {cell_text[:60]!r} is broken or missing"


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
