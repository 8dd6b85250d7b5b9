"""Qt's own dialogs speak the app's language: its file dialog had two labels left in English in Dutch,
which Qt's catalogue lacks; after a switch to English nothing Dutch remains."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel

from compass.ui.qt_i18n import install_qt_translations


def _file_dialog_words(qtbot) -> list[str]:
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    labels = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
    buttons = [w.text() for w in dialog.findChildren(QAbstractButton) if w.text()]
    dialog.close()
    return labels + buttons


def test_the_file_dialog_is_dutch_in_the_dutch_app_and_english_after_a_switch(qtbot, qapp) -> None:
    try:
        assert install_qt_translations(qapp, "nl")
        dutch = _file_dialog_words(qtbot)
        assert {"&Zoeken in:", "Bestands&type:", "Bestands&naam:", "Op&slaan", "Annuleren"} <= set(dutch)
        assert install_qt_translations(qapp, "en")
        english = _file_dialog_words(qtbot)
        assert "&Look in:" in english and "Files of &type:" in english
    finally:
        install_qt_translations(qapp, "en")
