"""Translations of our own strings with gettext: ``_()``, ``ngettext()``, ``pgettext()``, ``N_()``.

No Qt here, so the domain, the CLI and the PDF can be translated, each in its own language if needed.
The catalogues ship as ``.po`` files in ``resources/translations/<lang>/LC_MESSAGES/compass.po``; the
compiled ``.mo`` is made on first use and cached under a name derived from the ``.po`` content, so a
changed catalogue can never be served stale.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

from compass.paths import resource_path, user_cache_dir

DOMAIN = "compass"
LANGUAGES: tuple[str, ...] = ("nl", "en")
SOURCE_LANGUAGE = "en"

_translations: dict[str, gettext.NullTranslations] = {}
_current: gettext.NullTranslations = gettext.NullTranslations()
_current_language = SOURCE_LANGUAGE


def language_for_locale(locale_name: str | None) -> str:
    """Dutch for any ``nl*`` locale, English otherwise."""
    name = (locale_name or "").lower().replace("-", "_")
    if name.startswith(("nl", "dutch")):  # "Dutch_Netherlands" is what Windows reports
        return "nl"
    return "en"


def system_language() -> str:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):  # gettext's order
        value = os.environ.get(variable)
        if value:
            return language_for_locale(value)
    import locale

    try:
        return language_for_locale(locale.getlocale()[0])
    except ValueError:
        return "en"


def _po_path(language: str) -> Path:
    return resource_path("translations", language, "LC_MESSAGES", f"{DOMAIN}.po")


def _compiled_catalogue(po_path: Path) -> Path:
    # A checksum, not a cryptographic hash: it only tells catalogue versions apart, and hashlib
    # (OpenSSL) costs a Dutch user's start-up 3 ms.
    import zlib

    data = po_path.read_bytes()
    digest = f"{zlib.crc32(data):08x}{len(data):x}"
    mo_path = user_cache_dir() / "translations" / f"{po_path.parent.parent.name}-{digest}.mo"
    if not mo_path.exists():
        _compile(po_path, mo_path)
    return mo_path


def _compile(po_path: Path, mo_path: Path) -> None:
    # Babel is imported only here: compiling happens once per catalogue version.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as source:
        catalogue = read_po(source, locale=po_path.parent.parent.name, domain=DOMAIN)
    mo_path.parent.mkdir(parents=True, exist_ok=True)
    partial = mo_path.with_suffix(".partial")
    with partial.open("wb") as target:
        write_mo(target, catalogue, use_fuzzy=False)
    partial.replace(mo_path)  # atomic: a half-written catalogue is never picked up


def translations_for(language: str) -> gettext.NullTranslations:
    """The catalogue for ``language`` (cached); English is the source language and needs none."""
    if language not in _translations:
        po_path = _po_path(language)
        if language == SOURCE_LANGUAGE or not po_path.exists():
            _translations[language] = gettext.NullTranslations()
        else:
            with _compiled_catalogue(po_path).open("rb") as mo:
                _translations[language] = gettext.GNUTranslations(mo)
    return _translations[language]


def set_language(language: str) -> None:
    global _current, _current_language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    _current = translations_for(language)
    _current_language = language


def current_language() -> str:
    return _current_language


class Phrase(str):
    """A translated message that remembers what it translated, so a text that stays on screen (an
    undo step in the Edit menu) can be said again after the language changes."""

    source: str
    params: dict[str, object]

    def __new__(cls, text: str, source: str, params: dict[str, object] | None = None) -> Phrase:
        phrase = super().__new__(cls, text)
        phrase.source = source
        phrase.params = params or {}
        return phrase

    def format(self, *args: object, **kwargs: object) -> Phrase:
        text = str.format(self, *args, **kwargs)
        return Phrase(text, self.source, dict(kwargs)) if not args else Phrase(text, text)

    def again(self) -> str:
        """The same message in the language of the moment, its parameters too where they are phrases."""
        params = {
            key: value.again() if isinstance(value, Phrase) else value for key, value in self.params.items()
        }
        message = _(self.source)
        return str.format(message, **params) if params else str(message)


def _(message: str) -> str:
    return Phrase(_current.gettext(message), message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def N_(message: str) -> str:
    """Marks a string for extraction; it is translated later, where it is shown."""
    return message


def translate_in(language: str, message: str) -> str:
    """One message in a given language, whatever the UI language is (for the PDF and the CLI)."""
    return translations_for(language).gettext(message)
