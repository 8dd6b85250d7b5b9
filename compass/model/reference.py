"""Loading and validating the reference knowledge in ``resources/data`` into immutable domain objects.

An invalid file stops loading with ``ReferenceDataError`` naming the file, the entry and the problem.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from compass.domain import SDG_NUMBERS, LocalizedText, ReferenceData, Sdg
from compass.errors import ReferenceDataError
from compass.paths import resource_path

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _fail(path: Path, entry: str, problem: str) -> ReferenceDataError:
    return ReferenceDataError(f"{path.name}: {entry}: {problem}")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise _fail(path, "file", error.strerror or str(error)) from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise _fail(path, "file", f"not valid JSON ({error})") from error


def _text(path: Path, entry: str, value: Any, field: str) -> LocalizedText:
    if not isinstance(value, dict):
        raise _fail(path, entry, f"'{field}' must have 'nl' and 'en' texts")
    texts = {}
    for language in ("nl", "en"):
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            raise _fail(path, entry, f"'{field}' has no '{language}' text")
        texts[language] = text
    return LocalizedText(**texts)


def _colour(path: Path, entry: str, value: Any, field: str) -> str:
    if not isinstance(value, str) or not _COLOUR.match(value):
        raise _fail(path, entry, f"'{field}' must be a colour like #1A2B3C, not {value!r}")
    return value.upper()


def load_sdgs(path: Path) -> tuple[Sdg, ...]:
    data = _read_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("sdgs"), list):
        raise _fail(path, "file", "expected an object with a list 'sdgs'")
    sdgs: dict[int, Sdg] = {}
    for index, item in enumerate(data["sdgs"]):
        entry = f"entry {index + 1}"
        if not isinstance(item, dict):
            raise _fail(path, entry, "must be an object")
        number = item.get("number")
        if isinstance(number, bool) or number not in SDG_NUMBERS:
            raise _fail(path, entry, f"'number' must be 1-17, not {number!r}")
        entry = f"SDG {number}"
        if number in sdgs:
            raise _fail(path, entry, "appears twice")
        sdgs[number] = Sdg(
            number=number,
            name=_text(path, entry, item.get("name"), "name"),
            description=_text(path, entry, item.get("description"), "description"),
            colour=_colour(path, entry, item.get("colour"), "colour"),
            text_colour=_colour(path, entry, item.get("text_colour"), "text_colour"),
        )
    missing = sorted(set(SDG_NUMBERS) - set(sdgs))
    if missing:
        raise _fail(path, "file", f"SDGs missing: {missing}")
    return tuple(sdgs[number] for number in SDG_NUMBERS)


def load_reference_data(data_dir: Path | None = None) -> ReferenceData:
    folder = data_dir or resource_path("data")
    return ReferenceData(sdgs=load_sdgs(folder / "sdgs.json"))
