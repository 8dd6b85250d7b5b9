"""The Dutch catalogue is complete and safe: every message translated, placeholders kept, and the
catalogue compiles and is picked up when the language switches."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from compass import i18n
from compass.paths import resource_path

PACKAGE = Path(__file__).resolve().parent.parent / "compass"
CATALOGUE = resource_path("translations", "nl", "LC_MESSAGES", "compass.po")
MARKERS = {"_", "N_"}


def _catalogue():
    with CATALOGUE.open("rb") as handle:
        return read_po(handle, locale="nl")


def _marked_messages() -> set[str]:
    """Every literal passed to _() or N_() in the package, found by parsing the source."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_marked_message_has_a_dutch_translation() -> None:
    translated = {m.id: m.string for m in _catalogue() if m.id and isinstance(m.id, str)}
    missing = sorted(m for m in _marked_messages() if not translated.get(m))
    assert not missing, "untranslated (run scripts/update_translations.py):\n" + "\n".join(missing)


def test_translations_keep_their_placeholders() -> None:
    wrong = [
        (m.id, m.string)
        for m in _catalogue()
        if m.id and isinstance(m.id, str) and m.string and _fields(m.id) != _fields(m.string)
    ]
    assert not wrong


def test_accelerators_survive_translation() -> None:
    wrong = [
        m.id
        for m in _catalogue()
        if isinstance(m.id, str) and m.string and re.search(r"&\w", m.id) and "&" not in m.string
    ]
    assert not wrong


@pytest.mark.parametrize("language, expected", [("nl", "Projectgegevens"), ("en", "Project facts")])
def test_switching_language_switches_messages(language: str, expected: str) -> None:
    i18n.set_language(language)
    assert i18n._("Project facts") == expected


def test_changed_catalogue_is_recompiled(tmp_path: Path, monkeypatch) -> None:
    po = tmp_path / "nl" / "LC_MESSAGES" / "compass.po"
    po.parent.mkdir(parents=True)
    po.write_text(CATALOGUE.read_text(encoding="utf-8"), encoding="utf-8")
    first = i18n._compiled_catalogue(po)
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgstr "Projectgegevens"', 'msgstr "Projectfeiten"'),
        encoding="utf-8",
    )
    second = i18n._compiled_catalogue(po)
    assert first != second
    import gettext

    with second.open("rb") as handle:
        assert gettext.GNUTranslations(handle).gettext("Project facts") == "Projectfeiten"


@pytest.mark.parametrize(
    "locale_name, language",
    [
        ("nl_NL.UTF-8", "nl"),
        ("nl_BE", "nl"),
        ("nl", "nl"),
        ("en_US.UTF-8", "en"),
        ("de_DE", "en"),
        ("Dutch_Netherlands", "nl"),
        (None, "en"),
        ("", "en"),
    ],
)
def test_language_follows_the_locale(locale_name: str | None, language: str) -> None:
    assert i18n.language_for_locale(locale_name) == language
