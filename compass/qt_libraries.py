"""The system libraries Qt's X11 platform plugin (xcb) loads on Linux. When one is missing, Qt ends
the process with its own message (and from 6.5 names only xcb-cursor); the app first says in words
which packages to install. A few file checks, no Qt: it runs before the QApplication exists."""

from __future__ import annotations

import os
import sys

# library file -> the Debian/Ubuntu package that ships it
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def _library_folders() -> list[str]:
    arch = getattr(sys.implementation, "_multiarch", "") or ""
    folders = [f"/usr/lib/{arch}", f"/lib/{arch}"] if arch else []
    return [*folders, "/usr/lib64", "/usr/lib", "/lib64", "/lib", "/usr/local/lib"]


def missing_xcb_packages(environ: dict[str, str] | None = None) -> list[str]:
    """The packages to install before Qt can open a window on X11; empty when the libraries are
    there, on another platform, or when Qt will not use xcb (offscreen, Wayland)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return []
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []
    if not platform and env.get("WAYLAND_DISPLAY"):
        return []
    folders = [folder for folder in _library_folders() if os.path.isdir(folder)]
    extra = [folder for folder in env.get("LD_LIBRARY_PATH", "").split(os.pathsep) if folder]
    return [
        package
        for library, package in XCB_LIBRARIES.items()
        if not any(os.path.exists(os.path.join(folder, library)) for folder in [*extra, *folders])
    ]
