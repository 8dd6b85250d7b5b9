"""Which risks the strategy's first page names as its main risks. No Qt.

The team marks them (step 1); a first page that took the first two in entry order put NOx on a
pupil-transport strategy and left out the pupils' safety for which SDG 3 was chosen (issue 24).
"""

from __future__ import annotations

from compass.core.session import EntryKind, InventoryEntry, SessionSnapshot


def main_risks(snapshot: SessionSnapshot, unmarked: int) -> tuple[InventoryEntry, ...]:
    """Every risk the team marked as main; without marks, the first ``unmarked`` risks of the
    priority SDGs, as before there were marks."""
    risks = [entry for entry in snapshot.inventory if entry.kind is EntryKind.RISK]
    marked = tuple(entry for entry in risks if entry.main)
    if marked:
        return marked
    priorities = snapshot.priority_sdgs()
    return tuple(e for e in risks if any(e.touches(sdg) for sdg in priorities))[:unmarked]
