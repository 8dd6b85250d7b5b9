"""Dates as a user enters them (planned publication, decision date, a realised value's date): typed in
Dutch and English forms, picked from a calendar that opens at today, left with Tab, emptied; what is not
a date is refused beside the field and nothing is saved. Real key and mouse events throughout."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
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
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    session = window.services.sessions.create_session("Schoonmaak")
    window.open_session(session.id)
    page = window.wizard.pages[Step.FACTS]
    yield window, session.id, page
    set_language("en")


def _stored(window, session_id):
    return window.services.sessions.get_session(session_id).facts


def _tab_into_decision_date(qtbot, page):
    budget_holder, decision = page.editor("budget_holder"), page.editor("decision_date")
    budget_holder.setFocus()
    qtbot.keyClick(budget_holder, Qt.Key.Key_Tab)
    assert decision.hasFocus()
    return decision


@pytest.mark.parametrize(
    ("language", "typed", "shown"),
    [
        ("nl", "02-03-2027", "02-03-2027"),
        ("nl", "2-3-2027", "02-03-2027"),
        ("nl", "02032027", "02-03-2027"),
        ("nl", "2 maart 2027", "02-03-2027"),
        ("en", "2 Mar 2027", "2 Mar 2027"),
        ("en", "2 March 2027", "2 Mar 2027"),
        ("en", "02-03-2027", "2 Mar 2027"),
    ],
)
def test_a_date_is_typed_as_the_user_writes_it_and_saved(qtbot, facts, language, typed, shown) -> None:
    window, session_id, page = facts
    set_language(language)
    window.retranslate_ui()
    decision = _tab_into_decision_date(qtbot, page)
    qtbot.keyClicks(QApplication.focusWidget(), typed)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert not decision.hasFocus()  # one Tab leaves, whatever was typed
    assert _stored(window, session_id).decision_date == dt.date(2027, 3, 2)
    assert decision.text() == shown
    assert window.undo_stack.count() == 1


def test_what_is_no_date_is_refused_beside_the_field_and_nothing_saved(qtbot, facts) -> None:
    window, session_id, page = facts
    window.services.sessions.update_facts(session_id, decision_date=dt.date(2027, 3, 9))
    decision = page.editor("decision_date")
    qtbot.waitUntil(lambda: decision.text() == "09-03-2027")
    decision.setFocus()
    line = QApplication.focusWidget()
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, "31-02-2027")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert "31-02-2027" in page.field("decision_date").problem_text()
    assert decision.text() == "31-02-2027"  # the typing stays to be corrected
    assert _stored(window, session_id).decision_date == dt.date(2027, 3, 9)
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, "28-02-2027")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert page.field("decision_date").problem_text() == ""
    assert _stored(window, session_id).decision_date == dt.date(2027, 2, 28)


def test_tab_through_an_empty_date_changes_nothing(qtbot, facts) -> None:
    window, session_id, page = facts
    decision = _tab_into_decision_date(qtbot, page)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert not decision.hasFocus()
    assert _stored(window, session_id).decision_date is None
    assert decision.text() == ""
    assert window.undo_stack.count() == 0


def test_the_calendar_opens_at_today_from_the_keyboard_and_a_pick_is_saved(qtbot, facts) -> None:
    window, session_id, page = facts
    decision = _tab_into_decision_date(qtbot, page)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = decision._popup.calendar
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # today itself, chosen
    assert not calendar.isVisible()
    assert decision.hasFocus()  # back where the user was, not lost
    assert _stored(window, session_id).decision_date == dt.date.today()


def test_the_calendar_button_opens_at_the_date_and_escape_changes_nothing(qtbot, facts) -> None:
    window, session_id, page = facts
    window.services.sessions.update_facts(session_id, decision_date=dt.date(2027, 3, 9))
    decision = page.editor("decision_date")
    qtbot.waitUntil(lambda: decision.text() == "09-03-2027")
    qtbot.mouseClick(decision.button, Qt.MouseButton.LeftButton)
    calendar = decision._popup.calendar
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate() == QDate(2027, 3, 9)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert decision.hasFocus()
    assert _stored(window, session_id).decision_date == dt.date(2027, 3, 9)
    assert window.undo_stack.count() == 0


def test_up_and_down_move_one_day(qtbot, facts) -> None:
    window, session_id, page = facts
    window.services.sessions.update_facts(session_id, decision_date=dt.date(2027, 3, 9))
    decision = page.editor("decision_date")
    qtbot.waitUntil(lambda: decision.text() == "09-03-2027")
    decision.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert _stored(window, session_id).decision_date == dt.date(2027, 3, 10)


def test_emptying_a_date_removes_it(qtbot, facts) -> None:
    window, session_id, page = facts
    window.services.sessions.update_facts(session_id, decision_date=dt.date(2027, 3, 9))
    decision = page.editor("decision_date")
    qtbot.waitUntil(lambda: decision.text() == "09-03-2027")
    decision.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert _stored(window, session_id).decision_date is None
    assert decision.text() == ""


def test_dates_follow_a_live_language_switch(qtbot, facts) -> None:
    window, session_id, page = facts
    window.services.sessions.update_facts(session_id, decision_date=dt.date(2027, 3, 9))
    decision = page.editor("decision_date")
    qtbot.waitUntil(lambda: decision.text() == "09-03-2027")
    set_language("en")
    window.retranslate_ui()
    assert decision.text() == "9 Mar 2027"  # English month names, not "mrt."
    assert decision._popup.calendar.locale().language() == QLocale.Language.English
    realised = window.wizard.pages[Step.VISIBILITY].realised.date
    assert realised.text() == dt.date.today().strftime("%-d %b %Y")


def test_a_realised_value_without_a_readable_date_is_not_recorded(qtbot, facts) -> None:
    from compass.core.session import Collection, IndicatorKind

    window, session_id, _page = facts
    sessions = window.services.sessions
    sessions.add_item(
        session_id, Collection.INDICATORS, sdg=13, kind=IndicatorKind.QUANTITATIVE, name="CO₂", unit="kg"
    )
    # Step 5 shows the new indicator once it is shown (a hidden page is brought up to date then).
    qtbot.waitUntil(lambda: window.wizard.pages[Step.VISIBILITY].realised.add_button.isEnabled())
    realised = window.wizard.pages[Step.VISIBILITY].realised
    realised.value.setText("5")
    realised.date.line.setText("gisteren")
    qtbot.mouseClick(realised.add_button, Qt.MouseButton.LeftButton)
    assert "gisteren" in realised.date_field.problem_text()
    assert not sessions.get_session(session_id).indicators[0].measurements


def test_realised_values_show_their_date_as_the_language_writes_it(qtbot, facts) -> None:
    from decimal import Decimal

    from compass.core.session import Collection, IndicatorKind

    window, session_id, _page = facts
    sessions = window.services.sessions
    indicator = sessions.add_item(
        session_id, Collection.INDICATORS, sdg=13, kind=IndicatorKind.QUANTITATIVE, name="CO₂", unit="kg"
    )
    sessions.add_measurement(session_id, indicator.id, value=Decimal(5), measured_on=dt.date(2027, 3, 9))
    qtbot.waitUntil(lambda: window.wizard.pages[Step.VISIBILITY].realised.table.rowCount() == 1)
    realised = window.wizard.pages[Step.VISIBILITY].realised
    assert realised.table.item(0, 2).text() == "09-03-2027"
    set_language("en")
    window.retranslate_ui()
    qtbot.waitUntil(lambda: realised.table.item(0, 2).text() == "9 Mar 2027")
