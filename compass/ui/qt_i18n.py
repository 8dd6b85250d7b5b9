"""Qt's own translations (``qtbase``), so standard buttons and dialogs speak the user's language too.
Our own strings use gettext (``compass.i18n``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: QTranslator | None = None


def install_qt_translations(app: QCoreApplication, language: str) -> bool:
    """Replace the installed qtbase catalogue with ``language``'s; English needs none."""
    global _installed
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Dutch if language == "nl" else QLocale.Language.English,
            QLocale.Country.Netherlands if language == "nl" else QLocale.Country.UnitedKingdom,
        )
    )
    if language == "en":
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        return False
    app.installTranslator(translator)
    _installed = translator
    return True
