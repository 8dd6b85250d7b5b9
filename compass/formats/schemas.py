"""The validators of the exchange formats' JSON schemas (``resources/schema``), built once per process.

Building one means reading and parsing the schema and setting up jsonschema's reference resolution;
doing that for every imported file cost more than checking a small file. A validator keeps no state
between ``iter_errors`` calls, so one serves every import. jsonschema is imported on first use only:
a command that reads no file never loads it."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from compass.paths import resource_path


@cache
def validator_for(schema_file: str) -> Any:
    """The Draft 2020-12 validator of ``resources/schema/<schema_file>``."""
    from jsonschema import Draft202012Validator

    schema = json.loads(resource_path("schema", schema_file).read_text(encoding="utf-8"))
    return Draft202012Validator(schema)
