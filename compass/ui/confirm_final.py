"""Marking a strategy final while it has open issues asks first, naming how many and the first ones:
a walker marked a strategy with 13 open issues final without a word, and a final strategy is what a
budget holder signs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from compass.core.session import Problem
from compass.i18n import _, ngettext
from compass.ui.confirm import ask_to_confirm

SHOWN = 5  # the first open issues named in the question; the summary lists them all


class ConfirmFinal:
    @staticmethod
    def text(gaps: Sequence[Problem]) -> tuple[str, str]:
        question = ngettext(
            "This strategy still has {count} open issue. Mark it as final anyway?",
            "This strategy still has {count} open issues. Mark it as final anyway?",
            len(gaps),
        ).format(count=len(gaps))
        lines = [f"\u2022 {gap.message}" for gap in gaps[:SHOWN]]
        if len(gaps) > SHOWN:
            lines.append(
                _("\u2026 and {count} more, listed under Open issues.").format(count=len(gaps) - SHOWN)
            )
        return question, "\n".join(lines)

    @classmethod
    def ask(cls, parent: QWidget | None, gaps: Sequence[Problem]) -> bool:
        question, details = cls.text(gaps)
        return ask_to_confirm(parent, _("Mark as final"), question, details, _("Mark as &final"))
