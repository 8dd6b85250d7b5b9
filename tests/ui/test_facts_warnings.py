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
