"""The app names the system packages Qt's X11 plugin needs when their libraries are missing."""

from __future__ import annotations

import sys

import pytest

from compass import qt_libraries

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin is Linux's")


def test_missing_libraries_are_named_by_their_packages(monkeypatch, tmp_path) -> None:
    (tmp_path / "libxcb-icccm.so.4").write_bytes(b"")
    (tmp_path / "libxkbcommon-x11.so.0").write_bytes(b"")
    monkeypatch.setattr(qt_libraries, "_library_folders", lambda: [str(tmp_path)])
    assert qt_libraries.missing_xcb_packages({"DISPLAY": ":0"}) == ["libxcb-cursor0", "libxcb-keysyms1"]


def test_nothing_is_missing_where_qt_does_not_use_x11(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(qt_libraries, "_library_folders", lambda: [str(tmp_path)])
    assert qt_libraries.missing_xcb_packages({"QT_QPA_PLATFORM": "offscreen"}) == []
    assert qt_libraries.missing_xcb_packages({"WAYLAND_DISPLAY": "wayland-0"}) == []


def test_this_machine_has_them() -> None:
    """CI installs them (.ci/run): the walk through a real X server needs them."""
    assert qt_libraries.missing_xcb_packages({"QT_QPA_PLATFORM": "xcb"}) == []
