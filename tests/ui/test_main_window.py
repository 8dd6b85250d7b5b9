"""The main window as a user meets it: the start screen's session actions, the facts page's autosave,
undo, the language switch, and what survives a restart."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QLineEdit

from compass.core.session import Procedure
from compass.i18n import current_language
from compass.method.steps import Step
from compass.ui import dialogs


def _ask_title(monkeypatch: pytest.MonkeyPatch, answer: str | None) -> None:
    monkeypatch.setattr(dialogs.TitleDialog, "ask", classmethod(lambda cls, *args, **kw: answer))


def test_new_session_opens_the_wizard_on_the_facts_page(qtbot, make_window, monkeypatch) -> None:
    window = make_window()
    _ask_title(monkeypatch, "Groot onderhoud asfalt 2027")
    window.new_action.trigger()
    assert window.wizard is not None
    assert window.pages.currentWidget() is window.wizard
    assert window.wizard.current_step is Step.FACTS
    titles = [s.title for s in window.services.sessions.list_sessions()]
    assert titles == ["Groot onderhoud asfalt 2027"]
    assert "Groot onderhoud asfalt 2027" in window.windowTitle()


def test_cancelled_new_session_creates_nothing(qtbot, make_window, monkeypatch) -> None:
    window = make_window()
    _ask_title(monkeypatch, None)
    window.new_action.trigger()
    assert window.services.sessions.list_sessions() == []
    assert window.pages.currentWidget() is window.start_screen


def test_facts_are_saved_as_typed_and_undo_restores(qtbot, make_window) -> None:
    window = make_window()
    session = window.services.sessions.create_session("Asfalt")
    window.open_session(session.id)
    page = window.wizard.pages[Step.FACTS]
    organisation = page.editor("organisation")
    assert isinstance(organisation, QLineEdit)
    organisation.setText("Gemeente Heerlen")
    page.flush()
    assert window.services.sessions.get_session(session.id).facts.organisation == "Gemeente Heerlen"

    value = page.editor("contract_value_eur")
    value.setText("1,250,000.50")
    page.flush()
    assert window.services.sessions.get_session(session.id).facts.contract_value_eur == Decimal(
        "1250000.50"
    )

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: value.text() == "")
    assert window.services.sessions.get_session(session.id).facts.contract_value_eur is None
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: value.text() != "")
    assert window.services.sessions.get_session(session.id).facts.contract_value_eur == Decimal(
        "1250000.50"
    )


def test_invalid_facts_show_beside_the_field_and_are_not_saved(qtbot, make_window) -> None:
    window = make_window()
    session = window.services.sessions.create_session("Asfalt")
    window.open_session(session.id)
    page = window.wizard.pages[Step.FACTS]

    page.editor("title").setText("   ")
    page.flush()
    assert page.field("title").problem_text() == "Enter a title for the tender."
    assert window.services.sessions.get_session(session.id).facts.title == "Asfalt"

    page.editor("contract_value_eur").setText("-5")
    page.flush()
    assert "negative" in page.field("contract_value_eur").problem_text()
    page.editor("contract_value_eur").setText("twee ton")
    page.flush()
    assert "amount" in page.field("contract_value_eur").problem_text()
    assert window.services.sessions.get_session(session.id).facts.contract_value_eur is None

    page.editor("contract_value_eur").setText("250000")
    page.flush()
    assert page.field("contract_value_eur").problem_text() == ""


def test_procedure_choice_is_saved(qtbot, make_window) -> None:
    window = make_window()
    session = window.services.sessions.create_session("Bedrijfskleding")
    window.open_session(session.id)
    combo = window.wizard.pages[Step.FACTS].editor("procedure")
    combo.setCurrentIndex(combo.findData(Procedure.MULTIPLE_QUOTES.value))
    combo.activated.emit(combo.currentIndex())
    assert window.services.sessions.get_session(session.id).facts.procedure is Procedure.MULTIPLE_QUOTES


def test_start_screen_search_duplicate_rename_delete(qtbot, make_window, monkeypatch) -> None:
    window = make_window()
    service = window.services.sessions
    asphalt = service.create_session("Groot onderhoud asfalt")
    service.create_session("Bedrijfskleding")
    window.refresh_session_list()
    screen = window.start_screen
    assert screen.model.rowCount() == 2

    screen.search.setText("ASFALT")
    assert [screen.model.session_at(r).title for r in range(screen.model.rowCount())] == [
        "Groot onderhoud asfalt"
    ]
    screen.search.setText("")

    screen.duplicate_requested.emit(asphalt.id)
    assert "Copy of Groot onderhoud asfalt" in [s.title for s in service.list_sessions()]

    _ask_title(monkeypatch, "Asfalt 2028")
    screen.rename_requested.emit(asphalt.id)
    assert service.get_session(asphalt.id).facts.title == "Asfalt 2028"

    monkeypatch.setattr(dialogs.ConfirmDelete, "ask", classmethod(lambda cls, *a: False))
    screen.delete_requested.emit(asphalt.id)
    assert service.session_exists(asphalt.id)
    monkeypatch.setattr(dialogs.ConfirmDelete, "ask", classmethod(lambda cls, *a: True))
    screen.delete_requested.emit(asphalt.id)
    assert not service.session_exists(asphalt.id)
    assert screen.model.row_of(asphalt.id) is None


def test_empty_start_screen_says_what_to_do(qtbot, make_window) -> None:
    window = make_window()
    screen = window.start_screen
    assert screen.list_stack.currentWidget() is screen.empty_hint
    assert "New session" in screen.empty_hint.text()
    assert not screen.open_button.isEnabled()


def test_language_switches_live(qtbot, make_window, monkeypatch) -> None:
    window = make_window()
    window.services.sessions.create_session("Asfalt")
    window.refresh_session_list()
    monkeypatch.setattr(dialogs.SettingsDialog, "ask", classmethod(lambda cls, *a: "nl"))
    window.settings_action.trigger()
    assert current_language() == "nl"
    assert window.file_menu.title() == "&Bestand"
    assert window.start_screen.new_button.text() == "&Nieuwe sessie"
    assert window.settings.value("language") == "nl"
    monkeypatch.setattr(dialogs.SettingsDialog, "ask", classmethod(lambda cls, *a: "en"))
    window.settings_action.trigger()
    assert window.file_menu.title() == "&File"


def test_restart_reopens_the_last_session_with_what_was_typed(qtbot, make_window) -> None:
    window = make_window()
    session = window.services.sessions.create_session("Asfalt")
    window.open_session(session.id)
    window.wizard.pages[Step.FACTS].editor("location").setText("Heerlen-Noord")
    window.close()  # flushes the field that was still being typed

    again = make_window()
    assert again.open_session_id == session.id
    assert again.pages.currentWidget() is again.wizard
    assert again.wizard.pages[Step.FACTS].editor("location").text() == "Heerlen-Noord"


def test_restart_restores_the_window_geometry(qtbot, make_window) -> None:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    size = (700, 500)  # within the offscreen screen (800x600), which restoreGeometry clamps to
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    window.close()

    again = make_window()
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == size
    assert again.pages.currentWidget() is again.start_screen


def test_a_remembered_window_that_does_not_fit_the_screen_opens_to_fit_it() -> None:
    from PySide6.QtCore import QRect

    from compass.ui.main_window import fitted_frame

    screen = QRect(0, 0, 1600, 1000)
    remembered = QRect(0, 0, 3000, 2000)  # from a larger screen, or before 200 % text
    fitted = fitted_frame(remembered, screen)
    assert screen.contains(fitted) and fitted.size().width() == 1100
    assert fitted_frame(QRect(), screen).center() == screen.center()  # nothing remembered
    kept = QRect(100, 80, 1200, 800)
    assert fitted_frame(kept, screen) == kept
    small = QRect(0, 0, 900, 600)
    assert small.contains(fitted_frame(QRect(), small))  # 95 % of a small screen


def test_keyboard_on_the_session_list(qtbot, make_window, monkeypatch) -> None:
    from PySide6.QtCore import Qt

    window = make_window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    service = window.services.sessions
    first = service.create_session("Asfalt")
    service.create_session("Bedrijfskleding")
    window.refresh_session_list(select_id=first.id)
    table = window.start_screen.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.open_session_id == first.id

    window.close_action.trigger()
    assert window.pages.currentWidget() is window.start_screen
    window.refresh_session_list(select_id=first.id)
    table.setFocus()
    monkeypatch.setattr(dialogs.ConfirmDelete, "ask", classmethod(lambda cls, *a: True))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert not service.session_exists(first.id)


def test_from_the_search_enter_opens_the_found_session_and_down_walks_the_list(qtbot, make_window) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    service = window.services.sessions
    service.create_session("Asfalt")
    clothing = service.create_session("Bedrijfskleding")
    window.refresh_session_list()
    search = window.start_screen.search
    search.setFocus()
    qtbot.keyClicks(search, "kled")
    qtbot.waitUntil(lambda: window.start_screen.model.rowCount() == 1)
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.start_screen.table
    assert window.start_screen.selected_id() == clothing.id
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.open_session_id == clothing.id


def test_shortcuts_are_the_standard_ones(make_window) -> None:
    window = make_window()
    shortcuts = {
        action.text(): [s.toString() for s in action.shortcuts()]
        for action in (
            window.new_action,
            window.open_action,
            window.quit_action,
            window.undo_action,
            window.redo_action,
        )
    }
    assert "Ctrl+N" in shortcuts["&New session…"]
    assert "Ctrl+O" in shortcuts["&Open session…"]
    assert "Ctrl+Q" in shortcuts["&Quit"]
    assert "Ctrl+Z" in [s.toString() for s in window.undo_action.shortcuts()]
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]


def test_an_example_opens_as_a_copy(qtbot, make_window, monkeypatch) -> None:
    from compass.reference.examples import list_examples
    from compass.ui.example_picker import ExamplePicker

    window = make_window()
    example = list_examples()[0]
    monkeypatch.setattr(ExamplePicker, "ask", classmethod(lambda cls, parent: example))
    window.start_screen.example_button.click()
    assert window.pages.currentWidget() is window.wizard
    assert window.wizard.snapshot.facts.title == example.title
    window.start_screen.example_button.click()  # again: a second copy, never a merge
    assert [s.title for s in window.services.sessions.list_sessions()] == [example.title] * 2


def test_sessions_are_exported_and_imported_from_the_file_menu(
    qtbot, make_window, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from compass.ui.session_files import SessionFiles

    window = make_window()
    session = window.services.sessions.create_session("Asfalt", organisation="Gemeente Heerlen")
    window.refresh_session_list(select_id=session.id)
    target = tmp_path / "asfalt.json"
    monkeypatch.setattr(SessionFiles, "ask_export_path", lambda self, title: str(target))
    window.session_files.export_action.trigger()
    assert target.exists()

    monkeypatch.setattr(SessionFiles, "ask_import_path", lambda self: str(target))
    window.session_files.import_action.trigger()
    assert window.open_session_id not in (None, session.id)
    assert window.wizard.snapshot.facts.organisation == "Gemeente Heerlen"

    broken = tmp_path / "broken.json"
    broken.write_text(target.read_text(encoding="utf-8").replace('"Asfalt"', '""'), encoding="utf-8")
    monkeypatch.setattr(SessionFiles, "ask_import_path", lambda self: str(broken))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.session_files.import_action.trigger()
    assert "nothing was changed" in shown[0] and "facts/title" in shown[0]
    assert len(window.services.sessions.list_sessions()) == 2


def test_help_lists_the_keyboard_shortcuts(qtbot, make_window, monkeypatch) -> None:
    from compass.ui.shortcut_help import ShortcutsDialog

    shown: list[str] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self.browser.toPlainText()) or 0)
    window = make_window()
    assert window.shortcuts_action in window.help_menu.actions()
    window.shortcuts_action.trigger()
    (text,) = shown
    for keys in ("Ctrl+PgDown", "F1", "F2", "Delete", "Ctrl+Z"):
        assert keys in text


def test_the_undo_history_speaks_the_language_of_the_moment(qtbot, make_window) -> None:
    from compass.i18n import _, set_language

    set_language("nl")
    window = make_window()
    window.retranslate_ui()
    session = window.services.sessions.create_session("Catering")
    window.open_session(session.id)
    page = window.wizard.pages[Step.FACTS]
    page.editor("location").setText("Stadhuis")
    page.flush()
    dutch = window.undo_action.text()
    assert "ongedaan" in dutch and "Locatie" in dutch
    for _round in range(2):  # any number of switches
        set_language("en")
        window.retranslate_ui()
        assert window.undo_action.text() == "&Undo Edit Location"
        assert window.edit_menu.title() == "&Edit"
        set_language("nl")
        window.retranslate_ui()
        assert window.undo_action.text() == dutch
    window.undo_action.trigger()
    assert window.services.sessions.get_session(session.id).facts.location == ""
    assert window.undo_action.text() == _("&Undo")
    set_language("en")


def test_enter_presses_the_focused_button_in_the_main_window(qtbot, make_window) -> None:
    """Found keyboard-only under Xvfb: Enter on "From the catalogue..." did nothing (only Space)."""
    from PySide6.QtCore import Qt

    from compass.method.steps import Step

    window = make_window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_session(window.services.sessions.create_session("Laptops").id)
    window.wizard.go_to(Step.FACTS)
    button = window.wizard.next_button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.wizard.current_step is Step.INVENTORY)


def test_ctrl_z_in_a_field_with_nothing_of_its_own_to_undo_undoes_the_last_change(
    qtbot, make_window
) -> None:
    """Found by a helper trying PostgreSQL: after tabbing into an untouched field, Ctrl+Z did nothing
    (the line edit claimed the key for its own, empty, history); Edit > Undo worked."""
    from PySide6.QtCore import Qt

    from compass.method.steps import Step

    window = make_window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    session = window.services.sessions.create_session("Asfalt")
    window.open_session(session.id)
    facts = window.wizard.pages[Step.FACTS]
    organisation = facts.editor("organisation")
    organisation.setFocus()
    qtbot.keyClicks(organisation, "Heerlen")
    qtbot.keyClick(organisation, Qt.Key.Key_Tab)  # saved: one step on the undo history
    assert window.services.sessions.get_session(session.id).facts.organisation == "Heerlen"
    location = facts.editor("location")
    location.setFocus()
    qtbot.keyClick(location, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # untouched field
    qtbot.waitUntil(lambda: window.services.sessions.get_session(session.id).facts.organisation == "")
    typed = facts.editor("scope")
    typed.setFocus()
    qtbot.keyClicks(typed, "14 km")
    qtbot.keyClick(typed, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # its own typing first
    assert typed.toPlainText() == ""


def test_the_status_line_follows_a_language_switch(qtbot, make_window, monkeypatch) -> None:
    """Seen in a walk: after switching to English the status line kept its Dutch message."""
    from compass.app import AppServices
    from compass.core.errors import StorageError, StorageProblem
    from compass.i18n import set_language

    problem = StorageError(StorageProblem.DISK_FULL, "/data/compass.sqlite3", "/data")
    monkeypatch.setattr(AppServices, "backup_problem", property(lambda services: problem))
    set_language("nl")
    try:
        window = make_window()
        window.retranslate_ui()
        window.after_first_paint()
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "")
        dutch = window.statusBar().currentMessage()
        assert dutch == str(problem) and dutch
        window.apply_language("en")
        english = window.statusBar().currentMessage()
        assert english == str(problem) and english != dutch  # the day's backup problem, said again

        window.statusBar().showMessage("Session saved", 8000)  # a passing message
        window.apply_language("nl")
        assert window.statusBar().currentMessage() == ""
    finally:
        set_language("en")


def test_an_open_issue_link_chooses_the_indicator_it_names(qtbot, make_window) -> None:
    """Seen in a walk: the summary's "Set a target for the indicator ..." opened step 4 with another
    indicator chosen than the one it named."""
    from PySide6.QtCore import QUrl

    from compass.core.session import Collection, IndicatorKind
    from compass.formats.files import read_file
    from compass.formats.session_file import read_session_file
    from compass.reference.examples import list_examples

    window = make_window()
    sessions = window.services.sessions
    example = next(e for e in list_examples() if "asfalt" in e.path.name)
    session_id = sessions.import_session(
        read_session_file(read_file(example.path), window.services.reference)
    ).id
    sdg = sessions.get_session(session_id).priority_sdgs()[0]
    for name in ("Eerste zonder doel", "Tweede zonder doel"):
        sessions.add_item(
            session_id,
            Collection.INDICATORS,
            sdg=sdg,
            kind=IndicatorKind.QUANTITATIVE,
            name=name,
            unit="ton",
        )
    second = next(i for i in sessions.get_session(session_id).indicators if i.name == "Tweede zonder doel")
    window.show()
    window.open_session(session_id)
    window.wizard.go_to(Step.INDICATORS)
    window.wizard.pages[Step.INDICATORS].table.selectRow(0)  # another indicator chosen before
    window.wizard.go_to(Step.SUMMARY)
    summary = window.wizard.pages[Step.SUMMARY]
    link = f"step:indicators#indicator_{second.id}"
    assert f"href='{link}'" in summary.render_html(sessions.get_session(session_id))

    summary.browser.anchorClicked.emit(QUrl(link))

    assert window.wizard.current_step is Step.INDICATORS
    table = window.wizard.pages[Step.INDICATORS].table
    assert table.selected_id() == second.id
    assert table.hasFocus() or not window.isActiveWindow()


@pytest.mark.parametrize("field", ["location", "scope"])
def test_each_ctrl_z_in_a_saved_field_undoes_one_saved_change(qtbot, make_window, field) -> None:
    """Seen in a walk: once typing was saved, the first Ctrl+Z emptied the field on screen only (the
    stored text stayed) and the second seemed to do nothing."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from compass.ui.main_window import install_app_behaviour

    install_app_behaviour()
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    session_id = window.services.sessions.create_session("Leerlingenvervoer").id
    window.open_session(session_id)
    page = window.wizard.pages[Step.FACTS]

    def stored() -> tuple[str, str]:
        facts = window.services.sessions.get_session(session_id).facts
        return getattr(facts, field), facts.organisation

    organisation = page.editor("organisation")
    organisation.setFocus()
    qtbot.keyClicks(organisation, "Gemeente Maastricht")
    qtbot.keyClick(organisation, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: stored() == ("", "Gemeente Maastricht"))
    editor = page.editor(field)
    editor.setFocus()
    qtbot.keyClicks(editor, "Maastricht")
    qtbot.waitUntil(lambda: stored() == ("Maastricht", "Gemeente Maastricht"))  # saved while typing

    def shown() -> str:
        return editor.toPlainText() if hasattr(editor, "toPlainText") else editor.text()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()  # the page shows the undone value
    assert (shown(), stored()) == ("", ("", "Gemeente Maastricht"))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert stored() == ("", "") and organisation.text() == ""


def test_a_change_announced_after_the_window_is_gone_reaches_no_deleted_widget(qtbot, db_url) -> None:
    """A window's refresh after a change ran on a timer with no owner: a change announced as a window
    went away reached its deleted widgets ("Internal C++ object (QStackedWidget) already deleted",
    seen when a test's dialogs ran after another test's window). The window owns the timer now, and a
    window already gone hears nothing."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from compass.app import AppServices, open_settings
    from compass.ui.main_window import MainWindow

    services = AppServices(db_url)
    window = MainWindow(services=services, settings=open_settings())
    services.sessions.create_session("Voor het sluiten")  # heard, its refresh still on the timer
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    services.sessions.create_session("Na het sluiten")  # announced to a window already gone
    qtbot.wait(50)  # pytest-qt fails the test on any exception raised in the event loop
    services.close()
