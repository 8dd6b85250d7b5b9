"""The example sessions shipped in resources/examples (exchange format), offered on the start screen
and opened as a copy."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from compass.paths import resource_path


@dataclass(frozen=True)
class Example:
    path: Path
    title: str
    organisation: str
    procedure: str


def list_examples() -> list[Example]:
    examples = []
    for path in sorted(resource_path("examples").glob("*.json")):
        facts = json.loads(path.read_text(encoding="utf-8"))["facts"]
        examples.append(Example(path, facts["title"], facts.get("organisation", ""), facts["procedure"]))
    return examples
