"""A problem carries a code and parameters; its words are made where it is shown, in that place's
language, without switching the app's language (a document in Dutch from an English app, on a
worker thread)."""

from __future__ import annotations

import threading
from decimal import Decimal

from compass.core.session import CriterionType, Problem, Procedure
from compass.formats.document.build import gap_messages
from compass.i18n import current_language, set_language
from compass.method.criteria import criterion_rule_problems
from compass.reference.loading import load_reference_data


def _single_quote_award() -> Problem:
    (problem,) = criterion_rule_problems(
        {"criterion_type": CriterionType.AWARD_CRITERION, "weight_pct": Decimal(10)},
        load_reference_data().procedure_rules(Procedure.SINGLE_QUOTE),
        Decimal(100),
        [],
    )
    return problem


def test_the_problem_holds_code_and_parameters_not_words() -> None:
    problem = _single_quote_award()
    assert problem.code == "award_not_allowed" and problem.field == "criterion_type"
    assert dict(problem.params) == {"procedure": Procedure.SINGLE_QUOTE}


def test_the_same_problem_in_each_language() -> None:
    problem = _single_quote_award()
    set_language("en")
    english = problem.message
    assert english.startswith("A Single quote (enkelvoudig onderhands) procedure has no award criteria")
    dutch = problem.message_in("nl")
    assert "gunningscriteria" in dutch and "enkelvoudig" in dutch.lower() and dutch != english
    assert current_language() == "en"  # nothing switched


def test_numbers_are_written_as_the_language_writes_them() -> None:
    (problem,) = criterion_rule_problems(
        {"criterion_type": CriterionType.AWARD_CRITERION, "weight_pct": Decimal("40.5")},
        load_reference_data().procedure_rules(Procedure.PUBLIC_EUROPEAN),
        Decimal("37.5"),
        [Decimal(0)],
    )
    assert problem.code == "weights_exceed"
    assert "40.5 %" in problem.message_in("en") and "37.5 %" in problem.message_in("en")
    assert "40,5 %" in problem.message_in("nl") and "37,5 %" in problem.message_in("nl")


def test_a_moved_problem_keeps_its_words() -> None:
    problem = _single_quote_award()
    moved = problem.at("criteria/3/criterion_type")
    assert moved.field == "criteria/3/criterion_type"
    assert (moved.code, moved.params, moved.message_in("nl")) == (
        problem.code,
        problem.params,
        problem.message_in("nl"),
    )


def test_a_document_in_another_language_on_a_worker_thread(snapshot) -> None:
    set_language("en")
    session = snapshot()  # nothing inventoried: every step has its gap
    english = gap_messages(session, "en")
    found: list[list[str]] = []
    worker = threading.Thread(target=lambda: found.append(gap_messages(session, "nl")))
    worker.start()
    worker.join()
    (dutch,) = found
    assert len(dutch) == len(english) > 0
    assert all(nl != en for nl, en in zip(dutch, english, strict=True))
    assert current_language() == "en"


def test_a_phrase_can_be_said_again_in_another_language() -> None:
    from compass.i18n import _

    set_language("nl")
    try:
        label = _("Location")
        phrase = _("Edit {field}").format(field=label)
        assert "Locatie" in phrase
        set_language("en")
        assert phrase.again() == "Edit Location"  # the nested label follows too
        assert str(phrase) != phrase.again()  # the phrase itself stays what was said
    finally:
        set_language("en")
