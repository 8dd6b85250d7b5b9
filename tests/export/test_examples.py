"""The shipped example sessions: each imports, makes a PDF in both languages that shows its title,
priority SDGs, criteria and indicator units, and opens from the start screen as a copy."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from compass.formats.pdf.render import render_pdf
from compass.formats.session_file import read_session_file
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
    for criterion in snapshot.criteria:
        assert criterion.text[:40] in text.replace("\n", " ")
    for indicator in snapshot.indicators:
        if indicator.unit:
            assert indicator.unit in text


def test_the_innovation_pilot_example_plans_dialogues(service, reference) -> None:
    pilot = next(e for e in EXAMPLES if "pilot" in e.path.stem)
    snapshot = service.get_session(
        service.import_session(read_session_file(pilot.path.read_bytes(), reference)).id
    )
    assert snapshot.facts.innovation_pilot
    assert any("SDG-dialogen" in c.text for c in snapshot.criteria)
