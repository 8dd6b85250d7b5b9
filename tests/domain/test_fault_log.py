"""The fault log keeps every unexpected error with its traceback, stays small, and finds a place to
write even when the data directory cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from compass import fault_log
from compass.fault_log import fault_log_path, record_fault


def _fault(message: str) -> RuntimeError:
    try:
        raise RuntimeError(message)
    except RuntimeError as error:
        return error


def test_faults_are_appended_with_traceback_and_context() -> None:
    first = record_fault(_fault("one"), context="exporting")
    second = record_fault(_fault("two"))
    assert first == second == fault_log_path()
    text = first.read_text(encoding="utf-8")
    assert text.count("Traceback (most recent call last)") == 2
    assert "while: exporting" in text and "RuntimeError: one" in text and "RuntimeError: two" in text
    assert text.index("RuntimeError: one") < text.index("RuntimeError: two")


def test_a_full_log_moves_aside_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fault_log, "MAX_LOG_BYTES", 2000)
    for number in range(12):
        record_fault(_fault(f"fault {number}"))
    current = fault_log_path().read_text(encoding="utf-8")
    older = fault_log_path().with_name("faults.log.1").read_text(encoding="utf-8")
    assert "fault 11" in current and "fault 0" not in current
    assert len(current.encode()) < 2 * 2000  # never more than the limit and one entry
    assert "Traceback" in older  # the earlier faults moved aside, not lost at once


def test_an_unwritable_data_directory_falls_back_to_the_temp_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the directory should be", encoding="utf-8")
    monkeypatch.setattr(fault_log, "fault_log_path", lambda: blocked / "logs" / "faults.log")
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))
    written = record_fault(_fault("no room"))
    assert written == tmp_path / "sdg-compass-faults.log"
    assert "RuntimeError: no room" in written.read_text(encoding="utf-8")
