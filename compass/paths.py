"""Where things live on disk: shipped resources, the user's data and cache directories, the default
database URL. No Qt, no SQLAlchemy: the CLI and the fast start path use this too."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "sdg-compass"
APP_AUTHOR = "SDG-inkoopkompas"
DB_ENV_VAR = "COMPASS_DB"
DB_FILE_NAME = "compass.sqlite3"


def resources_dir() -> Path:
    """The shipped resources: inside the package when installed from a wheel, beside it in a checkout."""
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "resources"
    if installed.is_dir():
        return installed
    return package_dir.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def _xdg_dir(variable: str, fallback: str) -> Path | None:
    """On Linux the XDG base directory, as platformdirs gives it, without importing platformdirs:
    it costs the app's start and every CLI command a few milliseconds. None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    base = os.environ.get(variable, "")
    if not os.path.isabs(base):  # the XDG spec: a relative path is to be ignored
        base = os.path.expanduser(fallback)
    if base.startswith("~"):  # no known home: let platformdirs decide (and say so)
        return None
    return Path(base) / APP_NAME


def user_data_dir() -> Path:
    if (path := _xdg_dir("XDG_DATA_HOME", "~/.local/share")) is not None:
        return path
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR)


def user_cache_dir() -> Path:
    if (path := _xdg_dir("XDG_CACHE_HOME", "~/.cache")) is not None:
        return path
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, APP_AUTHOR)


def default_database_url() -> str:
    return "sqlite:///" + (user_data_dir() / DB_FILE_NAME).as_posix()


def resolve_database_url(cli_value: str | None) -> str:
    """``--db`` wins over ``COMPASS_DB``, which wins over the per-user default."""
    if cli_value:
        return cli_value
    return os.environ.get(DB_ENV_VAR) or default_database_url()


def sqlite_file_of(url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL, or None for other databases and in-memory SQLite."""
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if url.startswith(prefix):
            rest = url[len(prefix) :].split("?", 1)[0]
            if rest in ("", ":memory:"):
                return None
            return Path(rest)
    return None


def user_config_dir() -> Path:
    if (path := _xdg_dir("XDG_CONFIG_HOME", "~/.config")) is not None:
        return path
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, APP_AUTHOR)
