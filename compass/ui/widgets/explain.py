"""Tooltips that explain the method's words where the user chooses them: every item of a choice
list carries its explanation, and the list itself explains the current choice. The explanations
come from the reference data (vocabulary.json), so the app and the documents say the same."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from compass.i18n import current_language
from compass.reference.types import Term

_CONNECTED = "_explained"


def explain_choices(combo: QComboBox, describe: Callable[[object], str]) -> None:
    """``describe`` maps an item's data to its explanation ("" for none). Call again after the
    items or the language change."""
    for index in range(combo.count()):
        combo.setItemData(index, describe(combo.itemData(index)) or None, Qt.ItemDataRole.ToolTipRole)

    if not combo.property(_CONNECTED):
        combo.setProperty(_CONNECTED, True)
        combo.currentIndexChanged.connect(lambda _index: explain_current(combo))
    explain_current(combo)


def explain_current(combo: QComboBox) -> None:
    """The list's tooltip explains its current choice. Called by ``explain_choices`` on every change,
    and by a page that set the choice with its signals blocked (loading a session): the procedure list
    showed "Openbaar Europees" with the explanation of a single quote."""
    if combo.property(_CONNECTED):
        combo.setToolTip(combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole) or "")


def term_describer(terms: Sequence[Term]) -> Callable[[object], str]:
    """Explanations of ambition levels or criterion types by their code, in the UI language."""
    by_id = {term.id: term for term in terms}

    def describe(code: object) -> str:
        term = by_id.get(str(code))
        return term.description(current_language()) if term else ""

    return describe
