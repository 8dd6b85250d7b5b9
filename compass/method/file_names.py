"""A file name proposed from a title (a session's, a profile's name): one name, in the folder the
dialog proposes, that every platform can create.

A title is the user's text and may hold anything a one-line field allows: ``/etc/cron.d/x`` made the
export dialog open in ``/etc/cron.d``, and ``Inkoop 2027/2028 wegen`` proposed ``2028 wegen.json``.
So the name proposed from it has no folder part and no path separator (``/`` and ``\\`` become
``-``), none of the characters Windows refuses in a name (``<>:"|?*``, left out), no control or
format character (a right-to-left override would show ``fdp.exe`` as ``exe.pdf``), no name Windows
reserves for a device (``CON``, ``NUL.json``, ``com1 .txt``...), no dot, hyphen or space at either
end, at most ``MAX_STEM_BYTES`` bytes in UTF-8, and when nothing is left, the fallback the caller
gives. The rest of the title is kept as typed, accents and all.

No Qt, no database.
"""

from __future__ import annotations

import re
import unicodedata

# 255 bytes is the limit of a name on ext4, NTFS (in UTF-16 units) and APFS; room is left for the
# extension and the ".partial" suffix of an all-or-nothing write.
MAX_STEM_BYTES = 200

_SEPARATORS = re.compile(r"[/\\]+")
_REFUSED_ON_WINDOWS = re.compile(r'[<>:"|?*]')  # a colon also names a drive, or on macOS a folder
_SPACES = re.compile(r"\s+")
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{device}{digit}" for device in ("COM", "LPT") for digit in "123456789\u00b9\u00b2\u00b3"}
)


def file_name_for(title: str, extension: str, fallback: str) -> str:
    """``<cleaned title><extension>`` (``extension`` with its dot, e.g. ``".json"``), or
    ``<fallback><extension>`` when nothing of the title is left; the fallback is cleaned too."""
    stem = clean_stem(title) or clean_stem(fallback) or "file"
    return stem + extension


def clean_stem(text: str) -> str:
    """``text`` as the part of a file name before its extension (see the module's rules); empty when
    nothing usable is left."""
    kept = "".join(_kept(character) for character in text)
    kept = _REFUSED_ON_WINDOWS.sub("", _SEPARATORS.sub("-", kept))
    stem = _trimmed(_SPACES.sub(" ", kept))
    stem = _trimmed(_shortened(stem))
    if stem.split(".")[0].rstrip(" ").upper() in _RESERVED:
        stem = "_" + stem  # "_CON" is an ordinary name
    return stem


def _kept(character: str) -> str:
    """The character, a space for a line break or tab, or nothing for what a name must not hold."""
    category = unicodedata.category(character)
    if category in ("Zl", "Zp") or character in "\t\n\r\x0b\x0c":
        return " "
    if category in ("Cc", "Cf", "Cs", "Cn"):  # controls, format characters, lone surrogates, unassigned
        return ""
    return character


def _trimmed(stem: str) -> str:
    """Without a leading dot (a hidden file) or hyphen (read as an option by a command line), and
    without a dot or space at either end (Windows drops trailing ones: the file would not have the
    name proposed)."""
    return stem.strip(" .-")


def _shortened(stem: str) -> str:
    """At most ``MAX_STEM_BYTES`` bytes of UTF-8, cut between characters."""
    return stem.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", errors="ignore")
