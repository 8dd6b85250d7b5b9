"""Qt's own translations (``qtbase``), so standard buttons and dialogs speak the user's language too.
Our own strings use gettext (``compass.i18n``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: QTranslator | None = None
_supplement: QTranslator | None = None

# Qt's own Dutch catalogue leaves a few labels of its file dialog in English ("half English" in the
# Dutch app); these fill the gaps, by Qt's context and source text.
_MISSING_IN_QTBASE = {
    "nl": {
        ("QFileDialog", "&Look in:"): "&Zoeken in:",
        ("QFileDialog", "Files of &type:"): "Bestands&type:",
    },
}


class _Supplement(QTranslator):
    def __init__(self, parent: QCoreApplication, words: dict[tuple[str, str], str]) -> None:
        super().__init__(parent)
        self._words = words

    def translate(  # noqa: D102 - Qt override
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None is Qt's "no translation here": the next catalogue (qtbase) answers instead.
        return self._words.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self._words


def install_qt_translations(app: QCoreApplication, language: str) -> bool:
    """Replace the installed qtbase catalogue with ``language``'s; English needs none."""
    global _installed, _supplement
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if _supplement is not None:
        app.removeTranslator(_supplement)
        _supplement = None
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
    if language in _MISSING_IN_QTBASE:  # installed last, so it is asked first
        _supplement = _Supplement(app, _MISSING_IN_QTBASE[language])
        app.installTranslator(_supplement)
    return True
