"""Fixtures for UI tests: a main window on a test database, built like the app builds it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from compass.app import AppServices, open_settings
from compass.ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot, db_url: str) -> Callable[..., MainWindow]:
    """Builds a main window on ``db_url``; call it again for a "restarted" app."""
    windows: list[MainWindow] = []

    def build(url: str | None = None) -> MainWindow:
        services = AppServices(url or db_url)
        window = MainWindow(services=services, settings=open_settings())
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
