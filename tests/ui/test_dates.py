"""Dates on the facts page (planned publication, decision date) as a user enters them: an empty date
is typed into, picked from a calendar that opens at today, left with Tab, and emptied with Delete;
nothing is saved until the user chose. Real key and mouse events throughout."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication

from compass.i18n import set_language
from compass.method.steps import Step


@pytest.fixture
def facts(qtbot, make_window):
    set_language("nl")
    window = make_window()
    window.retranslate_ui()
    window.show()
    qtbot.waitExposed(window)
    session = window.services.sessions.create_session("Schoonmaak")
    window.open_session(session.id)
    page = window.wizard.pages[Step.FACTS]
    yield window, session.id, page
    set_language("en")


def _stored(window, session_id):
    return window.services.sessions.get_session(session_id).facts


def test_a_date_is_typed_into_an_empty_field_and_saved(qtbot, facts) -> None:
    window, session_id, page = facts
    budget_holder, decision = page.editor("budget_holder"), page.editor("decision_date")
    budget_holder.setFocus()
    qtbot.keyClick(budget_holder, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is decision
    qtbot.keyClicks(decision, "09032027")
    qtbot.keyClick(decision, Qt.Key.Key_Tab)  # a chosen date walks its sections before Tab leaves
    page.flush()
    assert _stored(window, session_id).decision_date == dt.date(2027, 3, 9)
    assert decision.text() == "09-03-2027"


def test_tab_through_an_empty_date_changes_nothing(qtbot, facts) -> None:
    window, session_id, page = facts
    budget_holder, decision = page.editor("budget_holder"), page.editor("decision_date")
    budget_holder.setFocus()
    qtbot.keyClick(budget_holder, Qt.Key.Key_Tab)
    assert decision.text() == QDate.currentDate().toString("dd-MM-yyyy")  # today, provisionally
    qtbot.keyClick(decision, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not decision  # one Tab leaves an empty date
    page.flush()
    assert _stored(window, session_id).decision_date is None
    assert decision.text() == "nog niet gepland"
    assert window.undo_stack.count() == 0


def test_the_calendar_opens_at_today_and_a_pick_is_saved(qtbot, facts) -> None:
    window, session_id, page = facts
    decision = page.editor("decision_date")
    qtbot.mouseClick(decision, Qt.MouseButton.LeftButton, pos=QPoint(decision.width() - 8, decision.height() // 2))
    calendar = decision.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # today itself, chosen
    page.flush()
    assert _stored(window, session_id).decision_date == dt.date(today.year(), today.month(), today.day())


def test_delete_empties_a_date(qtbot, facts) -> None:
    window, session_id, page = facts
    window.services.sessions.update_facts(session_id, decision_date=dt.date(2027, 3, 9))
    decision = page.editor("decision_date")
    qtbot.waitUntil(lambda: decision.text() == "09-03-2027")
    decision.setFocus()
    qtbot.keyClick(decision, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(decision, Qt.Key.Key_Delete)
    page.flush()
    assert _stored(window, session_id).decision_date is None
    assert decision.text() == "nog niet gepland"


def test_dates_follow_a_live_language_switch(qtbot, facts) -> None:
    window, session_id, page = facts
    window.services.sessions.update_facts(session_id, decision_date=dt.date(2027, 3, 9))
    decision = page.editor("decision_date")
    qtbot.waitUntil(lambda: decision.text() == "09-03-2027")
    decision.setLocale(QLocale(QLocale.Language.Dutch))  # as on a desk whose system speaks Dutch
    set_language("en")
    window.retranslate_ui()
    assert decision.text() == "9 Mar 2027"  # English month names, not "mrt."
    realised = window.wizard.pages[Step.VISIBILITY].realised.date
    assert realised.locale().language() == realised.locale().Language.English


def test_realised_values_show_their_date_as_the_language_writes_it(qtbot, facts) -> None:
    from decimal import Decimal

    from compass.core.session import Collection, IndicatorKind

    window, session_id, _page = facts
    sessions = window.services.sessions
    indicator = sessions.add_item(
        session_id, Collection.INDICATORS, sdg=13, kind=IndicatorKind.QUANTITATIVE, name="CO₂", unit="kg"
    )
    sessions.add_measurement(session_id, indicator.id, value=Decimal(5), measured_on=dt.date(2027, 3, 9))
    realised = window.wizard.pages[Step.VISIBILITY].realised
    qtbot.waitUntil(lambda: realised.table.rowCount() == 1)
    assert realised.table.item(0, 2).text() == "09-03-2027"
    set_language("en")
    window.retranslate_ui()
    qtbot.waitUntil(lambda: realised.table.item(0, 2).text() == "9 Mar 2027")
