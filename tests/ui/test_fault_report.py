"""An unexpected error in a slot is written to the fault log and told to the user with the log's
path, in the user's language; the window stays, with its data, and the next try works."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from compass.fault_log import fault_log_path
from compass.i18n import set_language
from compass.method.steps import Step
from compass.ui.fault_report import FaultReporter, fault_message


@pytest.fixture
def shown(qtbot):
    """The messages the user would see, and the reporter installed as the app installs it."""
    messages: list[tuple[str, str]] = []
    reporter = FaultReporter(show=lambda summary, path: messages.append((summary, path)))
    reporter.install()
    yield messages
    reporter.uninstall()


def test_a_failing_click_is_logged_shown_and_survived(qtbot, make_window, monkeypatch, shown) -> None:
    window = make_window()
    window.show()
    session = window.services.sessions.create_session("Catering stadhuis")
    window.open_session(session.id)
    window.wizard.go_to(Step.INVENTORY)
    page = window.wizard.pages[Step.INVENTORY]
    page.description.setText("Voedselverspilling in de keuken")
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)

    service = window.services.sessions
    real_add = service.add_item

    def failing_add(*args, **kwargs):
        raise RuntimeError("disk hiccup")

    monkeypatch.setattr(service, "add_item", failing_add)
    page.description.setText("Plastic wegwerpverpakkingen")
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 1)

    summary, path = shown[0]
    assert summary == "disk hiccup"
    assert path == str(fault_log_path())
    log = fault_log_path().read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: disk hiccup" in log and "failing_add" in log
    assert window.isVisible()
    assert page.description.text() == "Plastic wegwerpverpakkingen"  # what was typed is still there
    assert [e.description for e in service.get_session(session.id).inventory] == [
        "Voedselverspilling in de keuken"
    ]

    monkeypatch.setattr(service, "add_item", real_add)
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2)
    assert len(shown) == 1


def test_a_fault_in_a_worker_thread_is_shown_from_the_window(qtbot, shown) -> None:
    def work() -> None:
        raise ValueError("rendering failed")

    worker = threading.Thread(target=work, name="export")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0][0] == "rendering failed"
    assert "thread: export" in fault_log_path().read_text(encoding="utf-8")


def test_a_burst_of_faults_is_logged_whole_and_shown_once_at_a_time(qtbot) -> None:
    shown: list[str] = []
    inner: list[FaultReporter] = []

    def show(summary: str, path: str) -> None:
        shown.append(summary)
        # While the first message is open, two more faults happen.
        for number in (2, 3):
            try:
                raise RuntimeError(f"fault {number}")
            except RuntimeError as error:
                inner[0].handle(RuntimeError, error, error.__traceback__)
        qtbot.wait(20)

    reporter = FaultReporter(show=show)
    inner.append(reporter)
    try:
        raise RuntimeError("fault 1")
    except RuntimeError as error:
        reporter.handle(RuntimeError, error, error.__traceback__)
    qtbot.waitUntil(lambda: len(shown) >= 1)
    qtbot.wait(50)
    log = fault_log_path().read_text(encoding="utf-8")
    assert all(f"RuntimeError: fault {n}" in log for n in (1, 2, 3))
    assert shown == ["fault 1"]


def test_the_message_speaks_the_users_language() -> None:
    set_language("nl")
    text = fault_message("disk hiccup", "/home/an/.local/share/sdg-compass/logs/faults.log")
    assert "Er ging onverwacht iets mis" in text
    assert "/home/an/.local/share/sdg-compass/logs/faults.log" in text
