"""A start screen over many sessions: the first page shows at once, scrolling with the mouse wheel or
the keyboard brings the rest, and search finds any session, also one far down the list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from compass.app import AppServices, open_settings
from compass.model.quick_index import quick_first_page
from compass.ui import session_list_actions
from compass.ui.main_window import MainWindow

PAGE = 10
SESSIONS = 35


@pytest.fixture
def many_sessions(db_url: str, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """35 sessions, oldest first; the start screen loads them 10 at a time."""
    monkeypatch.setattr(session_list_actions, "LIST_PAGE_SIZE", PAGE)
    services = AppServices(db_url)
    ids = [services.sessions.create_session(f"Aanbesteding {n:02d}").id for n in range(SESSIONS)]
    services.close()
    return ids


def _window(qtbot, db_url: str, fast_start: bool) -> MainWindow:
    services = AppServices(db_url)
    initial = quick_first_page(db_url, limit=PAGE) if fast_start else None
    window = MainWindow(services=services, settings=open_settings(), initial_sessions=initial)
    window.resize(700, 500)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _wheel_down(widget, notches: int = 1) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        QPoint(0, 0),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("fast_start", [True, False], ids=["quick first page", "through the services"])
def test_the_wheel_loads_the_rest_of_the_list(qtbot, db_url, many_sessions, fast_start) -> None:
    window = _window(qtbot, db_url, fast_start)
    screen = window.start_screen
    model = screen.model
    assert model.rowCount() == PAGE
    assert model.session_at(0).id == many_sessions[-1]  # newest first
    assert screen.count_label.isVisible()
    assert (
        screen.count_label.text()
        == f"{PAGE} of {SESSIONS} sessions shown: scroll down for more, or search by title."
    )
    window.after_first_paint()
    for _ in range(200):
        if model.rowCount() == SESSIONS:
            break
        _wheel_down(screen.table.viewport(), 3)
        QApplication.processEvents()
    assert [model.session_at(row).id for row in range(SESSIONS)] == list(reversed(many_sessions))
    assert not screen.count_label.isVisible()


def test_the_keyboard_reaches_the_last_session(qtbot, db_url, many_sessions) -> None:
    window = _window(qtbot, db_url, fast_start=True)
    table = window.start_screen.table
    table.setFocus()
    for _ in range(10):
        QTest.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
    assert window.start_screen.model.rowCount() == SESSIONS
    assert window.start_screen.selected_id() == many_sessions[0]  # the oldest, at the very end


def test_search_finds_a_session_that_is_not_loaded_yet(qtbot, db_url, many_sessions) -> None:
    window = _window(qtbot, db_url, fast_start=True)
    screen = window.start_screen
    assert screen.model.row_of(many_sessions[0]) is None  # far beyond the first page
    QTest.keyClicks(screen.search, "Aanbesteding 00")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.session_at(0).id == many_sessions[0]
    assert not screen.count_label.isVisible()
    QTest.keyClick(screen.search, Qt.Key.Key_Tab)
    QTest.keyClick(screen.table, Qt.Key.Key_Return)
    assert window.open_session_id == many_sessions[0]
