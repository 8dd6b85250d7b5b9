"""Two ideas from the room that say the same, merged into one: what the kept idea becomes. No Qt.

A merge of an idea on SDG 6 with one on SDG 13 kept only SDG 6 without a word (issue 25): an entry of
step 1 keeps every SDG of both (the others as ``also_sdgs``). A draft criterion of dialogue 2 belongs
to one SDG: two on different SDGs are not the same criterion, and the merge says so.
"""

from __future__ import annotations

from typing import Any

from compass.core.errors import ValidationError
from compass.core.session import Criterion, InventoryEntry, Problem
from compass.i18n import N_


def merged_changes(kept: InventoryEntry | Criterion, merged: InventoryEntry | Criterion) -> dict[str, Any]:
    """The fields of ``kept`` that change when ``merged`` goes into it: the words of both (the second
    only when it adds something), both contributors, and for a step-1 entry every SDG of both.
    ``ValidationError`` for criteria on different SDGs."""
    if isinstance(kept, Criterion) and isinstance(merged, Criterion) and kept.sdg != merged.sdg:
        raise ValidationError(
            [
                Problem(
                    "merge_across_sdgs",
                    "sdg",
                    N_(
                        "A criterion for SDG {kept} and one for SDG {merged} are not the same criterion: "
                        "keep both, or move one to the other's SDG first."
                    ),
                    kept=kept.sdg,
                    merged=merged.sdg,
                )
            ]
        )
    text_field = "description" if isinstance(kept, InventoryEntry) else "text"
    combined = getattr(kept, text_field).rstrip()
    added = getattr(merged, text_field).strip()
    if added and added.casefold() not in combined.casefold():
        combined = f"{combined} / {added}"
    contributors = [name.strip() for name in (*kept.contributor.split(","), *merged.contributor.split(","))]
    changes: dict[str, Any] = {
        text_field: combined,
        "contributor": ", ".join(dict.fromkeys(name for name in contributors if name)),
    }
    if isinstance(kept, InventoryEntry) and isinstance(merged, InventoryEntry):
        others = {merged.sdg, *merged.also_sdgs, *kept.also_sdgs} - {kept.sdg}
        changes["also_sdgs"] = tuple(sorted(others))
    return {name: value for name, value in changes.items() if getattr(kept, name) != value}
