"""The EU threshold per period and kind of contract, and whether the procedure fits the value: on the
shipped reference data and plain facts, no database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from compass.core.session import ContractKind, Procedure, ProjectFacts
from compass.method.steps import ADVICE
from compass.method.thresholds import applicable_threshold, procedure_fit, threshold_day
from compass.reference.loading import load_reference_data

REFERENCE = load_reference_data()
PERIODS = REFERENCE.threshold_periods


@pytest.mark.parametrize(
    ("kind", "day", "value", "period"),
    [
        (ContractKind.WORKS, dt.date(2025, 12, 31), "5538000", "2024-2025"),
        (ContractKind.WORKS, dt.date(2026, 1, 1), "5404000", "2026-2027"),
        (ContractKind.SUPPLIES, dt.date(2024, 6, 1), "221000", "2024-2025"),
        (ContractKind.SERVICES, dt.date(2027, 3, 1), "216000", "2026-2027"),
        (ContractKind.SOCIAL_SERVICES, dt.date(2026, 3, 1), "750000", "2026-2027"),
    ],
)
def test_the_threshold_per_period_and_kind(kind, day, value, period) -> None:
    threshold = applicable_threshold(PERIODS, kind, day)
    assert threshold is not None
    assert (threshold.value_eur, threshold.period) == (Decimal(value), period)
    assert "PIANOo" in threshold.source  # a source a user can check


def test_no_threshold_without_a_kind_or_outside_the_shipped_periods() -> None:
    assert applicable_threshold(PERIODS, None, dt.date(2026, 5, 1)) is None
    assert applicable_threshold(PERIODS, ContractKind.WORKS, dt.date(2028, 1, 1)) is None


def test_the_planned_publication_decides_the_period() -> None:
    planned = ProjectFacts("Asfalt", publication_date=dt.date(2027, 3, 1))
    assert threshold_day(planned, dt.date(2025, 5, 1)) == dt.date(2027, 3, 1)
    assert threshold_day(ProjectFacts("Asfalt"), dt.date(2025, 5, 1)) == dt.date(2025, 5, 1)


def _fit(kind: ContractKind | None, value: str | None, procedure: Procedure) -> list[str]:
    facts = ProjectFacts(
        "Tender",
        procedure=procedure,
        contract_kind=kind,
        contract_value_eur=Decimal(value) if value else None,
    )
    threshold = applicable_threshold(PERIODS, kind, dt.date(2026, 6, 1))
    european = REFERENCE.procedure_rules(procedure).european
    return [p.code for p in procedure_fit(facts, threshold, european=european)]


@pytest.mark.parametrize(
    ("kind", "value", "procedure", "codes"),
    [
        (ContractKind.WORKS, "2400000", Procedure.PUBLIC_EUROPEAN, ["european_below_threshold"]),
        (ContractKind.WORKS, "2400000", Procedure.PUBLIC_NATIONAL, []),
        (ContractKind.WORKS, "5404000", Procedure.PUBLIC_NATIONAL, ["european_required"]),  # "at or above"
        (ContractKind.SUPPLIES, "180000", Procedure.MULTIPLE_QUOTES, []),
        (ContractKind.SUPPLIES, "216000", Procedure.MULTIPLE_QUOTES, ["european_required"]),
        (ContractKind.SERVICES, "215999.99", Procedure.SINGLE_QUOTE, []),
        (ContractKind.SOCIAL_SERVICES, "500000", Procedure.PUBLIC_NATIONAL, []),
        (ContractKind.WORKS, "9000000", Procedure.RESTRICTED, []),  # restricted is a European procedure
        # Below the threshold a selection phase needs no European procedure (issue 23: the team had
        # to pick the European restricted one and justify "European").
        (ContractKind.WORKS, "2400000", Procedure.RESTRICTED_NATIONAL, []),
        (ContractKind.WORKS, "5404000", Procedure.RESTRICTED_NATIONAL, ["european_required"]),
        (ContractKind.WORKS, "900000", Procedure.COMPETITIVE_DIALOGUE, ["european_below_threshold"]),
        (None, "500000", Procedure.PUBLIC_NATIONAL, ["contract_kind_missing"]),
        (ContractKind.WORKS, None, Procedure.PUBLIC_NATIONAL, []),  # the missing value is its own gap
    ],
)
def test_the_procedure_fits_the_value(kind, value, procedure, codes) -> None:
    assert _fit(kind, value, procedure) == codes


def test_a_european_procedure_below_the_threshold_is_advice_and_the_reverse_a_gap() -> None:
    assert "european_below_threshold" in ADVICE
    assert "european_required" not in ADVICE


def test_the_message_names_value_kind_threshold_and_period_in_each_language() -> None:
    facts = ProjectFacts(
        "Asfalt",
        procedure=Procedure.PUBLIC_NATIONAL,
        contract_kind=ContractKind.WORKS,
        contract_value_eur=Decimal(6000000),
    )
    threshold = applicable_threshold(PERIODS, ContractKind.WORKS, dt.date(2026, 6, 1))
    (problem,) = procedure_fit(facts, threshold, european=False)
    assert problem.message_in("nl") == (
        "Met EUR 6.000.000 bereikt deze opdracht de Europese drempelwaarde voor werken van EUR 5.404.000 "
        "(2026-2027): een Europese procedure is verplicht."
    )  # the kind in lower case inside the sentence ("voor Werken" was seen in a walk)
    assert "EUR 6,000,000" in problem.message_in("en") and "for works (werken)" in problem.message_in("en")
