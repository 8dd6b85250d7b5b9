"""The workshop window's tabs: each panel scrolls inside its tab, so at 200 % text on a laptop the
window fits the screen and a tall panel (the ideas, the dots of 17 SDGs) scrolls instead of pushing
the window past the screen's edge (seen under Xvfb)."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget


class PanelTabs(QTabWidget):
    def add_panel(self, panel: QWidget) -> int:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(panel)
        return self.addTab(scroll, "")

    def panel_at(self, index: int) -> QWidget | None:
        scroll = self.widget(index)
        return scroll.widget() if isinstance(scroll, QScrollArea) else scroll

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt override
        """A panel is shown by itself, not by the scroll area around it."""
        for index in range(self.count()):
            if self.panel_at(index) is widget:
                self.setCurrentIndex(index)
                return
        super().setCurrentWidget(widget)

    def currentWidget(self) -> QWidget:  # noqa: N802 - Qt override
        return self.panel_at(self.currentIndex()) or super().currentWidget()
