"""The yardstick for start-up: a bare 5-page PySide6 QWizard that quits right after its first paint."""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


class _QuitOnPaint(QObject):
    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    wizard = QWizard()
    for number in range(1, 6):
        page = QWizardPage()
        page.setTitle(f"Step {number}")
        QVBoxLayout(page).addWidget(QLabel(f"Content of step {number}"))
        wizard.addPage(page)
    watcher = _QuitOnPaint()
    wizard.installEventFilter(watcher)
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
