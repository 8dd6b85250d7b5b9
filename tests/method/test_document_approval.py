"""The approval table on page 1 follows the organisation's mandate route (issue 24): below, at and
above the route's steps, without a contract value (not guessed), without a route (as before), and
with the shipped example profiles, whose routes name the college for a large contract."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from compass.core.profile import MandateDecision, MandateStep, OrganisationProfile, profile_from_document
from compass.formats.document.build import build_document
from compass.formats.document.model import Table, TableKind
from compass.paths import resource_path
from compass.reference.loading import load_reference_data

REFERENCE = load_reference_data()
ROUTE = (
    MandateStep(Decimal(50000), "Directeur", MandateDecision.ADOPTS, "Mandaatbesluit 2024, art. 3"),
    MandateStep(Decimal(1500000), "College van B&W", MandateDecision.ADOPTS, "Mandaatbesluit 2024, art. 2"),
    MandateStep(
        Decimal(1500000),
        "Gemeenteraad",
        MandateDecision.CONSULTED,
        "Gemeentewet art. 169 lid 4",
        derived=True,
    ),
)
PEOPLE = [
    ("Project leader", "A. Willems", "submits"),
    ("Procurement adviser", "B. Claessens", "advises"),
]


def _rows(snapshot, value, profile=None, language="en") -> list[tuple[str, str, str]]:
    facts = {
        "project_leader": "A. Willems",
        "procurement_adviser": "B. Claessens",
        "budget_holder": "C. Hermans",
        "contract_value_eur": value,
    }
    if profile is None:
        profile = OrganisationProfile("Gemeente Voorbeeldstad", mandate_route=ROUTE)
    document = build_document(snapshot(facts=facts, profile=profile), REFERENCE, language)
    table = next(b for b in document.first_page if isinstance(b, Table) and b.kind is TableKind.SIGNATURE)
    return [(row[0].text, row[1].text, row[2].text) for row in table.rows]


def test_below_the_route_the_budget_holder_adopts_as_before(snapshot) -> None:
    assert _rows(snapshot, Decimal("49999")) == [
        *PEOPLE,
        ("Budget holder", "C. Hermans", "adopts (budget holder)"),
    ]


def test_at_a_steps_amount_that_step_adopts_with_its_amount_and_rule(snapshot) -> None:
    assert _rows(snapshot, Decimal(50000)) == [
        *PEOPLE,
        ("Budget holder", "C. Hermans", "submits (budget holder)"),
        ("Directeur", "\u2013", "adopts (from \u20ac 50,000; Mandaatbesluit 2024, art. 3)"),
    ]


def test_above_the_route_the_highest_step_adopts_and_the_council_is_consulted(snapshot) -> None:
    assert _rows(snapshot, Decimal(6500000)) == [
        *PEOPLE,
        ("Budget holder", "C. Hermans", "submits (budget holder)"),
        ("College van B&W", "\u2013", "adopts (from \u20ac 1,500,000; Mandaatbesluit 2024, art. 2)"),
        (
            "Gemeenteraad",
            "\u2013",
            "consulted (wishes and objections) (from \u20ac 1,500,000; Gemeentewet art. 169 lid 4; "
            "own derivation)",
        ),
    ]


def test_without_a_contract_value_the_route_is_not_guessed(snapshot) -> None:
    assert _rows(snapshot, None) == [
        *PEOPLE,
        (
            "Budget holder",
            "C. Hermans",
            "Mandate route not determined yet: the contract value is not known.",
        ),
    ]


def test_without_a_route_the_budget_holder_adopts_whatever_the_value(snapshot) -> None:
    plain = OrganisationProfile("Gemeente Voorbeeldstad")
    for value in (None, Decimal(6500000)):
        assert _rows(snapshot, value, plain)[-1] == (
            "Budget holder",
            "C. Hermans",
            "adopts (budget holder)",
        )


@pytest.mark.parametrize("name", ["heerlen", "maastricht"])
def test_a_large_contract_of_a_shipped_example_names_the_college_by_its_legal_basis(snapshot, name) -> None:
    """The EUR 6.5 M, 15-year contract that a budget holder used to adopt alone."""
    path = resource_path("profiles", f"example-{name}.json")
    profile = profile_from_document(json.loads(path.read_text(encoding="utf-8")))
    rows = _rows(snapshot, Decimal(6500000), profile)
    assert rows[2] == ("Budget holder", "C. Hermans", "submits (budget holder)")
    college, council = rows[3:]
    assert college[0].startswith("College van B&W")
    assert college[2].startswith("adopts (Gemeentewet art. 160 lid 1 onder e;")
    assert college[2].endswith("; own derivation)")  # no amount in the sources: the reading is ours
    assert council[0].startswith("Gemeenteraad")
    assert "Gemeentewet art. 169 lid 4" in council[2]
