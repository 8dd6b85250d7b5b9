"""The first checks every exchange file gets, whatever it holds: size, JSON, its format and version.
Each file kind says in its own words what it is not; the rest of the words are shared. No Qt."""

from __future__ import annotations

import json
from typing import Any

from compass.core.errors import ValidationError
from compass.core.session import Problem
from compass.i18n import N_

MAX_FILE_BYTES = 5 * 1024 * 1024


def read_json_document(
    data: bytes,
    *,
    format_name: str,
    readable_versions: tuple[int, ...],
    not_this_kind: str,
    version_not_supported: str,
) -> dict[str, Any]:
    """The document in ``data``, or ``ValidationError`` with the one problem that stops reading it.
    ``not_this_kind`` and ``version_not_supported`` are the file kind's own untranslated messages
    (the latter with ``{version}`` and ``{supported}``)."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError([Problem("too_large", "file", N_("The file is larger than 5 MB."))])
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(
            [Problem("not_json", "file", N_("The file is not JSON: {detail}"), detail=error)]
        ) from error
    except RecursionError as error:  # thousands of nested brackets: no exchange file looks like that
        raise ValidationError(
            [Problem("too_deep", "file", N_("The file nests its data too deeply to be an exchange file."))]
        ) from error
    if not isinstance(document, dict) or document.get("format") != format_name:
        raise ValidationError([Problem("format", "format", not_this_kind)])
    if document.get("version") not in readable_versions:
        raise ValidationError(
            [
                Problem(
                    "version",
                    "version",
                    version_not_supported,
                    version=document.get("version"),
                    supported=max(readable_versions),
                )
            ]
        )
    return document
