"""The wizard for one open session: step indicator on the left, the current page, Back and Next.

Steps can be visited in any order; nothing is lost when moving, because every page saves as it goes
(and ``flush()`` saves what is still being typed before the page is left).

A page is built when it is first shown and shows the newest snapshot when it is shown: a change
refreshes the visible page and the step list, not all seven pages (issue 20: one edit of a big session
rebuilt every table and the whole document as HTML behind the page the user typed on).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import SessionSnapshot
from compass.i18n import _
from compass.method.steps import STEPS, Step, is_done
from compass.ui.pages.base import PageContext, StepPage
from compass.ui.pages.registry import PAGES
from compass.ui.widgets.shortcuts import widget_shortcut
from compass.ui.widgets.step_list import StepList


class LazyPages:
    """The wizard's pages by step. A page is made on first use and, whenever it is asked for, shows
    the wizard's newest snapshot; ``built()`` gives only the pages made so far."""

    def __init__(self, wizard: WizardView) -> None:
        self._wizard = wizard
        self._pages: dict[Step, StepPage] = {}

    def __getitem__(self, step: Step) -> StepPage:
        page = self._pages.get(step)
        if page is None:
            page = self._pages[step] = self._wizard._make_page(step)
        snapshot = self._wizard.snapshot
        if snapshot is not None and page.snapshot is not snapshot:
            page.load(snapshot)
        return page

    def built_page(self, step: Step) -> StepPage | None:
        return self._pages.get(step)

    def built(self) -> Iterator[StepPage]:
        return iter(list(self._pages.values()))

    def values(self) -> Iterator[StepPage]:
        """Every page, each built and up to date (for tests and tools that walk all steps)."""
        return iter([self[step] for step in STEPS])


class WizardView(QWidget):
    back_to_sessions = Signal()
    step_changed = Signal(object)  # Step

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.snapshot: SessionSnapshot | None = None
        self.pages = LazyPages(self)
        self._build()
        self.retranslate_ui()
        self.go_to(Step.FACTS)

    def _build(self) -> None:
        self.step_list = StepList()
        self.step_list.step_chosen.connect(self.go_to)
        self.sessions_button = QPushButton()
        self.sessions_button.clicked.connect(self._on_sessions_button_clicked)
        side = QVBoxLayout()
        side.addWidget(self.sessions_button)
        side.addWidget(self.step_list, 1)
        side_panel = QFrame()
        side_panel.setObjectName("sidePanel")
        side_panel.setLayout(side)
        side_panel.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 20)
        side_panel.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 24)

        self.session_title = QLabel()
        self.session_title.setObjectName("sessionTitle")
        self.session_title.setWordWrap(True)
        self.step_caption = QLabel()
        self.step_caption.setObjectName("stepCaption")
        self.step_caption.setWordWrap(True)
        self.stack = QStackedWidget()
        self._slots: dict[Step, QVBoxLayout] = {}
        for step in STEPS:
            slot = QWidget()
            slot_layout = QVBoxLayout(slot)
            slot_layout.setContentsMargins(0, 0, 0, 0)
            self._slots[step] = slot_layout
            self.stack.addWidget(slot)
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setObjectName("primary")
        self.back_button.clicked.connect(lambda: self._move(-1))
        self.next_button.clicked.connect(lambda: self._move(+1))
        # Step to step from anywhere in the wizard, as tabs in other applications.
        for keys, delta in (("Ctrl+PgDown", +1), ("Ctrl+PgUp", -1)):
            widget_shortcut(
                keys, self, partial(self._move, delta), Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
        nav = QHBoxLayout()
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)

        main = QVBoxLayout()
        main.setContentsMargins(24, 16, 24, 16)
        main.addWidget(self.step_caption)
        main.addWidget(self.session_title)
        main.addWidget(self.stack, 1)
        main.addLayout(nav)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side_panel)
        layout.addLayout(main, 1)

    def _make_page(self, step: Step) -> StepPage:
        page = PAGES[step](self.context)
        self._slots[step].addWidget(page if page.scrolls_itself else _scrollable(page))
        return page

    @property
    def current_step(self) -> Step:
        return STEPS[self.stack.currentIndex()]

    def current_page(self) -> StepPage:
        return self.pages[self.current_step]

    def go_to(self, step: Step) -> None:
        if self.stack.currentIndex() >= 0 and self.current_step is not step:
            self._flush_step(self.current_step)
        self.pages[step]  # noqa: B018 - built and showing the newest snapshot before it is shown
        self.stack.setCurrentIndex(STEPS.index(step))
        self.step_list.set_current_step(step)
        index = STEPS.index(step)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(STEPS) - 1)
        self._update_caption()
        self.step_changed.emit(step)

    def _move(self, delta: int) -> None:
        index = STEPS.index(self.current_step) + delta
        if 0 <= index < len(STEPS):
            self.go_to(STEPS[index])
            self.current_page().setFocus()

    def _on_sessions_button_clicked(self) -> None:
        self.flush()
        self.back_to_sessions.emit()

    def load(self, snapshot: SessionSnapshot) -> None:
        """Show ``snapshot``: on the visible page now, on any other page when it is shown."""
        self.snapshot = snapshot
        self.current_page()  # (loads it)
        self.step_list.set_complete({step: is_done(step, snapshot) for step in STEPS})
        self.session_title.setText(snapshot.facts.title)

    def _flush_step(self, step: Step) -> None:
        page = self.pages.built_page(step)
        if page is not None:
            page.flush()

    def flush(self) -> None:
        for page in self.pages.built():
            page.flush()

    def _update_caption(self) -> None:
        number = self.current_step.number()
        self.step_caption.setText(_("Step {number} of 5").format(number=number) if number else "")

    def retranslate_ui(self) -> None:
        self.sessions_button.setText(_("\u2190 All sessions"))
        self.sessions_button.setToolTip(_("Back to the list of sessions (everything is saved)"))
        self.back_button.setText(_("< &Back"))
        self.back_button.setToolTip(_("Previous step (Ctrl+PgUp)"))
        self.next_button.setText(_("&Next >"))
        self.next_button.setToolTip(_("Next step (Ctrl+PgDown); everything is saved"))
        self.step_list.retranslate_ui()
        for page in self.pages.built():
            page.retranslate_ui()
        self._update_caption()


def _scrollable(page: StepPage) -> QScrollArea:
    """A page scrolls rather than pushing the window beyond the screen when the font is large
    (200 %) or the window small; at normal sizes it fills the area and no scroll bar shows."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area
