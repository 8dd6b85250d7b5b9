"""What a step still misses, in words, under the fields it concerns: gaps marked ⚠, advice ℹ (advice
does not keep a step from being done). Hidden when there is nothing to say."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QWidget

from compass.core.session import Problem
from compass.method.steps import ADVICE


class FindingsLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warning")
        self.setWordWrap(True)
        self.hide()

    def show_problems(self, found: Iterable[Problem]) -> None:
        lines = [("\u2139 " if p.code in ADVICE else "\u26a0 ") + p.message for p in found]
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
