"""File dialogs open in the folder last used for that kind of file (documents, sessions, profiles),
remembered across restarts beside the app's other settings; the home folder the first time. A walker
exporting three documents had to climb from the home folder to the tender's folder each time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from compass.paths import user_config_dir


def _settings() -> QSettings:
    # The same INI file as the main window's settings (compass.app.open_settings).
    return QSettings(str(user_config_dir() / "compass.ini"), QSettings.Format.IniFormat)


def folder_for(kind: str) -> Path:
    """The folder last chosen for ``kind``, when it still exists; else the home folder."""
    remembered = str(_settings().value(f"folders/{kind}", "") or "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return Path.home()


def remember_folder(kind: str, chosen_file: str) -> None:
    """After a file was chosen: its folder is where the next dialog for ``kind`` opens."""
    if chosen_file:
        _settings().setValue(f"folders/{kind}", str(Path(chosen_file).parent))
