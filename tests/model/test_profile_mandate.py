"""The mandate route travels in the profile file (version 4): written and read back, an older file's one
college threshold read as a route of one step (versions 2 and 3), a version 1 file without one, every
bad step refused with its own message at its place, and the shipped examples carry routes that name
their legal basis and invent no amount (issue 24)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from compass.core.errors import ValidationError
from compass.core.profile import (
    LEGACY_COLLEGE_ROLE,
    LEGACY_COLLEGE_SOURCE,
    MandateDecision,
    MandateStep,
    OrganisationProfile,
    profile_from_document,
)
from compass.formats.profile_file import read_profile_file, write_profile_file
from compass.paths import resource_path

ROUTE = (
    MandateStep(Decimal(0), "Budgethouder", MandateDecision.ADVISES, "Budgethoudersregeling 2024, art. 4"),
    MandateStep(Decimal("50000.50"), "Directeur", MandateDecision.ADOPTS, "Mandaatbesluit 2024, art. 3"),
    MandateStep(
        Decimal(1500000), "Gemeenteraad", MandateDecision.INFORMED, "Gemeentewet art. 169", derived=True
    ),
)


def _document(**changes) -> dict:
    document = json.loads(write_profile_file(OrganisationProfile("Gemeente X", mandate_route=ROUTE)))
    document.update(changes)
    return document


def _read(document: dict) -> OrganisationProfile:
    return read_profile_file(json.dumps(document).encode(), set())


def _problems(document: dict) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        _read(document)
    return [(p.field, p.message_in("en")) for p in caught.value.problems]


def test_a_route_survives_export_and_import() -> None:
    data = write_profile_file(OrganisationProfile("Gemeente X", mandate_route=ROUTE))
    document = json.loads(data)
    assert document["version"] == 4
    assert "college_decision" not in document["thresholds_eur"]  # the route replaced it
    assert document["mandate_route"][1] == {
        "from_eur": "50000.50",
        "role": "Directeur",
        "decides": "adopts",
        "source": "Mandaatbesluit 2024, art. 3",
        "derived": False,
    }
    assert read_profile_file(data, set()).mandate_route == ROUTE


@pytest.mark.parametrize("version", [2, 3])
def test_an_older_files_college_threshold_becomes_a_route_of_one_step(version) -> None:
    document = _document(version=version)
    del document["mandate_route"]
    document["thresholds_eur"]["college_decision"] = "250000"
    (step,) = _read(document).mandate_route
    assert step == MandateStep(
        Decimal(250000), LEGACY_COLLEGE_ROLE, MandateDecision.ADOPTS, LEGACY_COLLEGE_SOURCE
    )
    document["thresholds_eur"]["college_decision"] = None
    assert _read(document).mandate_route == ()


def test_a_version_1_file_has_no_route() -> None:
    document = _document(version=1)
    for key in ("mandate_route", "kpis", "policy_rules"):
        del document[key]
    assert _read(document).mandate_route == ()


def test_a_stored_document_with_a_route_ignores_an_old_threshold_beside_it() -> None:
    document = _document()
    document["thresholds_eur"]["college_decision"] = "1"
    assert _read(document).mandate_route == ROUTE


def test_every_bad_step_is_refused_with_its_own_message_at_its_place() -> None:
    document = _document()
    document["mandate_route"][0].update(from_eur="-10", role=" ")
    document["mandate_route"][1].update(decides="signs")
    document["mandate_route"][2].update(source="")
    assert sorted(_problems(document)) == [
        (
            "mandate_route/1/decides",
            "'signs' is not allowed here; choose from: 'adopts', 'advises', 'consulted', 'informed'.",
        ),
        ("mandate_route/2/source", "Empty text is not allowed here."),
    ]
    document["mandate_route"][1].update(decides="adopts")
    document["mandate_route"][2].update(source=" ")
    assert _problems(document) == [
        ("mandate_route/0/from_eur", "Step 1: the amount from which it applies cannot be negative."),
        ("mandate_route/0/role", "Step 1: say who it is."),
        ("mandate_route/2/source", "Step 3: name the rule it comes from (title and article)."),
    ]


def test_a_step_without_a_source_or_with_an_amount_in_words_is_refused() -> None:
    document = _document()
    del document["mandate_route"][0]["source"]
    document["mandate_route"][1]["from_eur"] = "vijftigduizend"
    problems = dict(_problems(document))
    assert problems["mandate_route/0"] == "Missing field: source."
    assert problems["mandate_route/1/from_eur"].startswith("Not a number as the format writes it")


def test_two_steps_adopting_from_one_amount_are_refused() -> None:
    document = _document()
    document["mandate_route"][0]["decides"] = "adopts"
    document["mandate_route"][0]["from_eur"] = "50000.5"
    assert _problems(document) == [
        ("mandate_route", "Two steps adopt the strategy from the same amount (50,000.5).")
    ]


# -- the shipped examples --------------------------------------------------------------------------


@pytest.mark.parametrize("name, rule", [("heerlen", "Heerlen 2024"), ("maastricht", "Maastricht 2010")])
def test_a_shipped_route_names_its_legal_basis_marks_its_reading_and_invents_no_amount(name, rule) -> None:
    document = json.loads(resource_path("profiles", f"example-{name}.json").read_text(encoding="utf-8"))
    assert document["version"] == 4
    college, council = profile_from_document(document).mandate_route
    assert (college.decides, council.decides) == (MandateDecision.ADOPTS, MandateDecision.CONSULTED)
    assert college.source.startswith("Gemeentewet art. 160 lid 1 onder e;") and rule in college.source
    assert council.source.startswith("Gemeentewet art. 169 lid 4")
    # The sources consulted name no amount: the steps apply from 0 and say they are our reading.
    for step in (college, council):
        assert step.from_eur == 0 and step.derived
        assert step.source.endswith("; geen bedrag gevonden")
