"""The strategy's first page names the risks the team marked as main (issue 24: the first two in entry
order put NOx on a pupil-transport strategy and left out the pupils' safety)."""

from __future__ import annotations

from compass.core.session import EntryKind, EntrySource, InventoryEntry, SdgPriority
from compass.method.risks import main_risks

NOX = InventoryEntry(1, 11, EntryKind.RISK, EntrySource.LOCATION, "NOx-uitstoot van busjes")
NOISE = InventoryEntry(2, 11, EntryKind.RISK, EntrySource.LOCATION, "Geluid bij scholen")
SAFETY = InventoryEntry(3, 3, EntryKind.RISK, EntrySource.LOCATION, "Veiligheid van leerlingen in de bus")
CHANCE = InventoryEntry(4, 3, EntryKind.OPPORTUNITY, EntrySource.LOCATION, "Vaste chauffeur", main=True)


def _session(snapshot, *entries):
    return snapshot(
        inventory=entries, priorities=(SdgPriority(3, selected=True), SdgPriority(11, selected=True))
    )


def test_without_marks_the_first_risks_of_the_priorities(snapshot) -> None:
    assert main_risks(_session(snapshot, NOX, NOISE, SAFETY), 2) == (NOX, NOISE)


def test_the_marked_risks_whatever_their_order(snapshot) -> None:
    marked = InventoryEntry(3, 3, EntryKind.RISK, EntrySource.LOCATION, SAFETY.description, main=True)
    assert main_risks(_session(snapshot, NOX, NOISE, marked), 2) == (marked,)


def test_an_opportunity_is_never_a_main_risk(snapshot) -> None:
    assert main_risks(_session(snapshot, CHANCE, NOX), 2) == (NOX,)
