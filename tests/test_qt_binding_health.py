"""The Qt binding must not corrupt the interpreter (decision 006).

PySide6-Essentials 6.12.0 on Python 3.11 lowers ``None``'s reference count on every Qt call that
returns nothing; the app then aborts with ``none_dealloc`` after a few hundred page changes. This test
makes many thousands of such calls, of the kinds the app makes all the time, and requires ``None``'s
count to stay where it was. It checks in batches and stops at the first drift, so a faulty binding
fails this test instead of aborting the whole run. On Python 3.12 and later ``None`` is immortal; the
pytest header says so (see ``tests/conftest.py``) and the test still runs the calls.
"""

from __future__ import annotations

import sys

import PySide6
import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel

BATCHES = 20
CALLS_PER_BATCH = 1000  # four calls each: 80,000 void calls, far below None's count at start
# Creating and freeing the Python objects of a batch may move None's count by a few references
# (frames, caches); a faulty binding moves it by one per call.
TOLERANCE = 50


def none_is_immortal() -> bool:
    """PEP 683: from Python 3.12 ``None``'s count is pinned far above anything real code reaches."""
    return sys.version_info >= (3, 12)


def _void_calls(item: QStandardItem, model: QStandardItemModel, label: QLabel, count: int) -> None:
    for _ in range(count):
        item.setToolTip("t")
        item.setEditable(False)
        label.setText("a")
        model.setHorizontalHeaderLabels(["x"])


def _give_back_lost_references(drift: int) -> None:
    """Undo the damage this test did, so the rest of the run reports instead of aborting."""
    import ctypes

    for _ in range(max(0, -drift)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))


def test_void_qt_calls_leave_none_alone(qtbot) -> None:
    item, model, label = QStandardItem("x"), QStandardItemModel(0, 1), QLabel()
    qtbot.addWidget(label)
    _void_calls(item, model, label, 10)  # first calls create caches and method wrappers
    start = sys.getrefcount(None)
    for batch in range(BATCHES):
        _void_calls(item, model, label, CALLS_PER_BATCH)
        drift = sys.getrefcount(None) - start
        if abs(drift) > TOLERANCE:
            _give_back_lost_references(drift)
            pytest.fail(
                f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]}: None's reference "
                f"count moved by {drift} after {(batch + 1) * CALLS_PER_BATCH * 4} void Qt calls; the app "
                "would abort with 'none_dealloc'. Exclude this release in pyproject.toml (decision 006)."
            )
    if none_is_immortal():
        assert sys.getrefcount(None) == start
