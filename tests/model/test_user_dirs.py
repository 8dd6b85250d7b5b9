"""The user's folders are where platformdirs puts them, though the start path no longer imports it."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from compass import paths

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG shortcut is Linux's")

CASES = [
    {},
    {"XDG_DATA_HOME": "/srv/data", "XDG_CONFIG_HOME": "/srv/config", "XDG_CACHE_HOME": "/srv/cache"},
    {"XDG_DATA_HOME": "  ", "XDG_CONFIG_HOME": "", "XDG_CACHE_HOME": "relative/cache"},
]


@pytest.mark.parametrize("environment", CASES, ids=["defaults", "set", "blank-and-relative"])
def test_the_folders_match_platformdirs(environment, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    assert paths.user_data_dir() == platformdirs.user_data_path(paths.APP_NAME, paths.APP_AUTHOR)
    assert paths.user_config_dir() == platformdirs.user_config_path(paths.APP_NAME, paths.APP_AUTHOR)
    assert paths.user_cache_dir() == platformdirs.user_cache_path(paths.APP_NAME, paths.APP_AUTHOR)
