"""Fixtures for UI tests: a main window on a test database, built like the app builds it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from compass.app import AppServices, open_settings
from compass.ui import commands
from compass.ui.main_window import MainWindow


def _unexpected_conflict(conflict) -> bool:
    pytest.fail(f"unexpected conflict between desks: {conflict}")


@pytest.fixture
def make_window(qtbot, db_url: str) -> Callable[..., MainWindow]:
    """Builds a main window on ``db_url``; call it again for a "restarted" app."""
    windows: list[MainWindow] = []

    def build(url: str | None = None) -> MainWindow:
        services = AppServices(url or db_url)
        window = MainWindow(services=services, settings=open_settings())
        # A conflict no test asked for fails the test instead of waiting on a modal dialog.
        commands.choose_on_conflict(_unexpected_conflict)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.services.close()


@pytest.fixture
def db_url(tmp_path) -> str:
    """The UI runs on a new SQLite file: what a desk starts with (the database tests cover PostgreSQL)."""
    return f"sqlite:///{(tmp_path / 'compass.sqlite3').as_posix()}"


@pytest.fixture
def example_window(qtbot, make_window):
    """The main window at 1200 x 800 with the asphalt example open on its first step."""
    from compass.formats.files import read_file
    from compass.formats.session_file import read_session_file
    from compass.reference.examples import list_examples

    window = make_window()
    reference = window.services.reference
    example = next(e for e in list_examples() if "asfalt" in e.path.name)
    imported = read_session_file(read_file(example.path), reference)
    session = window.services.sessions.import_session(imported)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.open_session(session.id)
    return window
