"""A database the app may not write: the start-up dialog says why and offers to open it read-only;
then the window says it is read-only, browsing works and an edit is refused with a clear message.
(tests/model/test_unwritable.py makes files truly read-only; here the check before opening is told
so, and the read-only opening itself is real.)"""

from __future__ import annotations

import pytest

from compass import app as app_module
from compass.core.errors import StorageError, StorageProblem
from compass.model import database as database_module
from compass.model import quick_index
from compass.ui import main_window as main_window_module
from compass.ui.dialogs import TitleDialog


@pytest.fixture
def unwritable(db_url: str, monkeypatch: pytest.MonkeyPatch, shipped_reference) -> str:
    from compass.services import open_services

    services = open_services(db_url, shipped_reference)
    services.sessions.create_session("Asfalt")
    services.close()
    monkeypatch.setattr(database_module, "write_problem", lambda path: StorageProblem.READ_ONLY_FILE)
    monkeypatch.setattr(quick_index, "write_problem", lambda path: StorageProblem.READ_ONLY_FILE)
    monkeypatch.setenv(app_module.QUIT_AFTER_FIRST_PAINT_VAR, "1")
    return db_url


def test_start_up_offers_read_only_and_the_window_refuses_edits_clearly(
    qtbot, unwritable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[StorageError] = []
    monkeypatch.setattr(
        app_module, "ask_open_read_only", lambda error, quit=False: offered.append(error) or True
    )
    windows = []
    build = app_module.build_main_window
    monkeypatch.setattr(
        app_module, "build_main_window", lambda *a, **k: windows.append(build(*a, **k)) or windows[-1]
    )
    assert app_module.run_app(unwritable) == 0
    (error,) = offered
    assert error.problem is StorageProblem.READ_ONLY_FILE and "read-only" in str(error)
    (window,) = windows
    qtbot.addWidget(window)
    assert window.windowTitle().endswith("(read-only)")
    assert [s.title for s in window.services.sessions.list_sessions()] == ["Asfalt"]
    warnings: list[str] = []
    monkeypatch.setattr(main_window_module.QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(TitleDialog, "ask", classmethod(lambda cls, *a, **k: "Nieuw"))
    window.new_session()
    assert len(warnings) == 1 and "open read-only: this change was not saved" in warnings[0]
    assert [s.title for s in window.services.sessions.list_sessions()] == ["Asfalt"]
    window.services.close()


def test_declining_read_only_ends_the_start_with_one_line(
    unwritable: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(app_module, "ask_open_read_only", lambda error, quit=False: False)
    assert app_module.run_app(unwritable) == app_module.EXIT_DATABASE_ERROR
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "read-only" in err[0]
