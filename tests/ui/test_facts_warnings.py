"""The facts page says, where the procedure is chosen, whether it fits the value and the EU threshold,
and lists at its foot what the facts still miss (approval names, decision date, ...)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from compass.core.session import ContractKind, Procedure
from compass.method.steps import Step


def test_the_procedure_warning_follows_the_choice(qtbot, make_window) -> None:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    sessions = window.services.sessions
    session = sessions.create_session(
        "Schoonmaak",
        contract_kind=ContractKind.SERVICES,
        contract_value_eur=Decimal(450000),
        procedure=Procedure.MULTIPLE_QUOTES,
    )
    window.open_session(session.id)
    page = window.wizard.pages[Step.FACTS]
    assert page.procedure_note.isVisible()
    assert "a European procedure is required" in page.procedure_note.text()
    assert "216,000" in page.procedure_note.text()
    procedure = page.editor("procedure")
    procedure.setFocus()
    european = procedure.findData(Procedure.PUBLIC_EUROPEAN.value)
    while procedure.currentIndex() != european:  # a closed combo steps with the arrow keys
        qtbot.keyClick(procedure, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: not page.procedure_note.isVisible())
    assert sessions.get_session(session.id).facts.procedure is Procedure.PUBLIC_EUROPEAN
    assert "Name the budget holder who approves the strategy." in page.gaps.text()
    page.editor("budget_holder").setFocus()
    qtbot.keyClicks(page.editor("budget_holder"), "C. Bakker")
    page.flush()
    qtbot.waitUntil(lambda: "budget holder who approves" not in page.gaps.text())


def test_a_typed_amount_reads_as_an_amount_once_the_user_moves_on(qtbot, make_window) -> None:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    session = window.services.sessions.create_session("Catering")
    window.open_session(session.id)
    page = window.wizard.pages[Step.FACTS]
    value = page.editor("contract_value_eur")
    value.setFocus()
    qtbot.keyClicks(value, "800000")
    qtbot.keyClick(value, Qt.Key.Key_Tab)  # on to the next field: saved and shown as an amount
    qtbot.waitUntil(
        lambda: window.services.sessions.get_session(session.id).facts.contract_value_eur == 800000
    )
    qtbot.waitUntil(lambda: value.text() == "800,000")


def test_an_award_on_lowest_price_asks_why_on_the_facts_page(qtbot, make_window) -> None:
    """A 0 % quality weight is an award on lowest price (art. 2.114 lid 3 Aw): the facts page shows
    the field for the motivation and names it among what is missing until the team writes it; with
    quality weighted the row stays out of the way."""
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    sessions = window.services.sessions
    session = sessions.create_session("Strooizout", contract_kind=ContractKind.SUPPLIES)
    sessions.set_quality_weight(session.id, Decimal(40))
    window.open_session(session.id)
    page = window.wizard.pages[Step.FACTS]
    reason = page.field("award_basis_reason")
    assert not reason.isVisible()
    sessions.set_quality_weight(session.id, Decimal(0))
    window.open_session(session.id)
    qtbot.waitUntil(reason.isVisible)
    assert "The award is on lowest price" in page.gaps.text()
    editor = page.editor("award_basis_reason")
    editor.setFocus()
    qtbot.keyClicks(editor, "Genormeerd product; alleen de prijs onderscheidt.")
    page.flush()
    qtbot.waitUntil(
        lambda: sessions.get_session(session.id).facts.award_basis_reason
        == "Genormeerd product; alleen de prijs onderscheidt."
    )
    qtbot.waitUntil(lambda: "The award is on lowest price" not in page.gaps.text())


def test_the_budget_and_the_planning_are_checked_on_the_facts_page(qtbot, make_window) -> None:
    """Issue 24: the budget is typed as an amount like the value, and an estimate above it or a
    closing date inside the legal minimum period is named at the foot of the page."""
    import datetime as dt

    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    sessions = window.services.sessions
    session = sessions.create_session(
        "Schoonmaak",
        contract_kind=ContractKind.SERVICES,
        contract_value_eur=Decimal(450000),
        procedure=Procedure.PUBLIC_EUROPEAN,
    )
    sessions.update_facts(
        session.id, publication_date=dt.date(2027, 3, 1), closing_date=dt.date(2027, 3, 20)
    )
    window.open_session(session.id)
    page = window.wizard.pages[Step.FACTS]
    assert "The closing date is 19 days after publication; this procedure needs at least 40" in page.gaps.text()
    budget = page.editor("budget_eur")
    budget.setFocus()
    qtbot.keyClicks(budget, "400000")
    qtbot.keyClick(budget, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: sessions.get_session(session.id).facts.budget_eur == 400000)
    qtbot.waitUntil(lambda: budget.text() == "400,000")
    assert "exceeds the budget available" in page.gaps.text()
    assert "EUR 450,000 reaches the EU threshold" in page.threshold_note.text()


def test_a_new_session_has_no_procedure_until_the_team_chooses_one(qtbot, make_window) -> None:
    """Issue 24: a new session started at "Openbaar Europees" and its strategy asked approval of it."""
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    sessions = window.services.sessions
    session = sessions.create_session("Groenonderhoud", contract_kind=ContractKind.SERVICES)
    window.open_session(session.id)
    page = window.wizard.pages[Step.FACTS]
    procedure = page.editor("procedure")
    assert procedure.currentText() == "not chosen yet"
    assert "Choose the procedure" in page.procedure_note.text()
    procedure.setFocus()
    qtbot.keyClick(procedure, Qt.Key.Key_Down)  # the first procedure in the list
    qtbot.waitUntil(lambda: sessions.get_session(session.id).facts.procedure is Procedure.SINGLE_QUOTE)
    qtbot.waitUntil(lambda: "Choose the procedure" not in page.procedure_note.text())
    window.undo_stack.undo()
    assert sessions.get_session(session.id).facts.procedure is None
