"""Every dialog from the keyboard, in both languages: Tab reaches each of its controls, each shows the
focus ring when it has the focus, and no two of its labels or buttons share an Alt+letter."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QTabBar,
    QWidget,
)

from compass.core.backup import BackupSummary
from compass.core.session import Participant
from compass.i18n import set_language
from compass.ui.focus_ring import use_focus_ring
from tests.ui.keyboard_checks import ring_pixels, tab_controls

TAB_LIMIT = 200


def _dialogs(window) -> dict[str, Callable[[], QDialog]]:
    from compass.ui.catalogue_picker import CataloguePicker
    from compass.ui.communication_item_dialog import CommunicationItemDialog
    from compass.ui.dialogs import SettingsDialog, TitleDialog
    from compass.ui.example_picker import ExamplePicker
    from compass.ui.indicator_details import IndicatorDetailsDialog
    from compass.ui.indicator_picker import IndicatorPicker
    from compass.ui.inventory_entry_dialog import InventoryEntryDialog
    from compass.ui.profiles.dialog import ProfilesDialog
    from compass.ui.profiles.editor import ProfileEditorDialog
    from compass.ui.profiles.own_criterion import OwnCriterionDialog
    from compass.ui.restore_dialog import RestoreBackupDialog
    from compass.ui.shortcut_help import ShortcutsDialog
    from compass.ui.workshop.participant_dialog import ParticipantDialog

    services = window.services
    snapshot = services.sessions.get_session(window.open_session_id)
    reference = services.reference
    category = snapshot.facts.category
    profiles = services.profiles
    profile = profiles.get_profile(profiles.list_profiles()[0].id)
    backup = BackupSummary(1, dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC), "daily", 2048, "b.sqlite3")
    person = Participant(id=1, dialogue=1, name="Bram", organisation="Sportclub", role="resident")
    return {
        "catalogue": lambda: CataloguePicker(reference, 13, None, snapshot.profile, window, category),
        "indicators": lambda: IndicatorPicker(reference, 13, window, category),
        "examples": lambda: ExamplePicker(window),
        "risk": lambda: InventoryEntryDialog(snapshot.inventory[0], reference, window),
        "message": lambda: CommunicationItemDialog(snapshot.communication[0], reference, window),
        "indicator": lambda: IndicatorDetailsDialog(snapshot.indicators[0], reference, profile, window),
        "profiles": lambda: ProfilesDialog(profiles, services.files, reference, window),
        "profile": lambda: ProfileEditorDialog(profile, reference, window),
        "own criterion": lambda: OwnCriterionDialog(profiles, None, window),
        "restore": lambda: RestoreBackupDialog([backup], "/tmp", 10, window),
        "title": lambda: TitleDialog("Rename", "New title:", "Asfalt", window),
        "settings": lambda: SettingsDialog("", window),
        "shortcuts": lambda: ShortcutsDialog(window),
        "participant": lambda: ParticipantDialog(person, reference, window),
    }


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _texts(dialog: QDialog) -> list[str]:
    shown = [w for w in dialog.findChildren(QWidget) if w.isVisibleTo(dialog)]
    texts = [w.text() for w in shown if isinstance(w, QLabel | QAbstractButton)]
    texts += [w.title() for w in shown if isinstance(w, QGroupBox)]
    texts += [w.tabText(i) for w in shown if isinstance(w, QTabBar) for i in range(w.count())]
    return texts


def _ring_shows(widget: QWidget) -> bool:
    return ring_pixels(widget.grab().toImage()) > 0


def _walk(dialog: QDialog) -> list[QWidget]:
    visited: list[QWidget] = []
    for _press in range(TAB_LIMIT):
        current = QApplication.focusWidget()
        if current is None or current in visited:
            break
        visited.append(current)
        QApplication.sendEvent(
            current, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        )
        QApplication.processEvents()
    return visited


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_dialog_walks_by_tab_shows_the_ring_and_has_its_own_letters(
    qtbot, example_window, language
) -> None:
    use_focus_ring(QApplication.instance())
    set_language(language)
    example_window.retranslate_ui()
    problems: list[str] = []
    for name, make in _dialogs(example_window).items():
        dialog = make()
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        QApplication.processEvents()
        letters: dict[str, list[str]] = {}
        for text in _texts(dialog):
            if letter := _mnemonic(text):
                letters.setdefault(letter, []).append(text)
        shared = {letter: texts for letter, texts in letters.items() if len(texts) > 1}
        if shared:
            problems.append(f"{name}: shared letters {shared}")
        visited = _walk(dialog)
        missing = [
            f"{type(w).__name__} {w.accessibleName()!r}" for w in tab_controls(dialog) if w not in visited
        ]
        if missing:
            problems.append(f"{name}: Tab never reaches {missing}")
        for widget in visited:
            widget.setFocus()
            QApplication.processEvents()
            if dialog.isAncestorOf(widget) and not _ring_shows(widget):
                problems.append(f"{name}: no ring on {type(widget).__name__} {widget.accessibleName()!r}")
        dialog.reject()
        dialog.deleteLater()
        QApplication.processEvents()
    set_language("en")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_control_of_every_step_shows_the_ring_when_tab_reaches_it(
    qtbot, example_window, language
) -> None:
    from compass.method.steps import STEPS

    use_focus_ring(QApplication.instance())
    set_language(language)
    example_window.retranslate_ui()
    example_window.activateWindow()
    qtbot.waitUntil(example_window.isActiveWindow)
    wizard = example_window.wizard
    without: list[str] = []
    for step in STEPS:
        wizard.go_to(step)
        page = wizard.pages[step]
        page.setFocus()
        QApplication.processEvents()
        for widget in [w for w in _walk(example_window) if page.isAncestorOf(w)]:
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            QApplication.processEvents()
            if not _ring_shows(widget):
                without.append(f"{step.value}: {type(widget).__name__} {widget.accessibleName()!r}")
    set_language("en")
    assert not without, "\n".join(without)
