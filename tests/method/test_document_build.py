"""The tender strategy document as data, built from plain snapshots: the first page decides (status,
decision asked, approval with its mandate), tiles read without colour, reasons sit where the choices
are. The renderers only draw this; their own tests read the files back."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from compass.core.profile import OrganisationProfile
from compass.core.session import (
    Ambition,
    AmbitionLevel,
    Criterion,
    CriterionType,
    EntryKind,
    EntrySource,
    InventoryEntry,
    PolicyItem,
    SdgPriority,
    Words,
)
from compass.formats.document.build import build_document
from compass.formats.document.model import Bullets, Heading, SdgTiles, Table, TableKind
from compass.reference.loading import load_reference_data

REFERENCE = load_reference_data()
NAMED = {
    "organisation": "Gemeente Maastricht",
    "project_leader": "A. Willems",
    "procurement_adviser": "B. Claessens",
    "budget_holder": "C. Hermans",
    "decision_date": dt.date(2027, 3, 15),
    "contract_value_eur": Decimal(450000),
}


def _session(snapshot, profile=None, **parts):
    entry = InventoryEntry(1, 8, EntryKind.RISK, EntrySource.SUPPLY_CHAIN_GLOBAL, "Uitbuiting in de keten")
    return snapshot(
        facts=NAMED,
        profile=profile,
        inventory=(entry,),
        priorities=(SdgPriority(8, selected=True, focus_reason="Eerlijk werk telt"),),
        ambitions=(Ambition(8, AmbitionLevel.SIGNIFICANT, "De markt kan het"),),
        **parts,
    )


def _approval(document) -> Table:
    return next(b for b in document.first_page if isinstance(b, Table) and b.kind is TableKind.SIGNATURE)


def test_an_incomplete_strategy_is_a_concept_that_says_why(snapshot) -> None:
    document = build_document(_session(snapshot), REFERENCE, "nl")
    assert document.concept and document.concept_mark == "CONCEPT"
    assert document.status.startswith("Concept: ") and "open punt" in document.status
    decision = next(b for b in document.first_page if isinstance(b, Bullets))
    assert decision.numbered and "blijft een concept" in decision.items[-1]


def test_the_approval_names_people_roles_mandate_and_the_planned_date(snapshot) -> None:
    document = build_document(_session(snapshot), REFERENCE, "en")
    approval = _approval(document)
    assert approval.header == ("Role", "Name", "Mandate", "Date", "Signature")
    assert [(r[0].text, r[1].text, r[2].text) for r in approval.rows] == [
        ("Project leader", "A. Willems", "submits"),
        ("Procurement adviser", "B. Claessens", "advises"),
        ("Budget holder", "C. Hermans", "adopts (budget holder)"),
    ]
    texts = [getattr(b, "text", "") for b in document.first_page]
    assert "Decision planned on 15 Mar 2027." in texts


def test_the_college_decides_where_the_profile_says_so(snapshot) -> None:
    profile = OrganisationProfile("Gemeente Maastricht", college_decision_from_eur=Decimal(250000))
    rows = _approval(build_document(_session(snapshot, profile), REFERENCE, "nl")).rows
    assert rows[-1][0].text == "College van B&W" and "250.000" in rows[-1][2].text
    session = _session(snapshot, profile)
    small = replace(session, facts=replace(session.facts, contract_value_eur=Decimal(90000)))
    assert len(_approval(build_document(small, REFERENCE, "nl")).rows) == 3


def test_policy_not_applied_for_a_reason_is_put_to_the_decision(snapshot) -> None:
    item = PolicyItem(
        "crit-10-fair-trade-standard",
        Words("Fair Trade", "Fair Trade"),
        True,
        None,
        False,
        "geen productgroep",
    )
    document = build_document(_session(snapshot, policy=(item,)), REFERENCE, "en")
    decision = next(b for b in document.first_page if isinstance(b, Bullets))
    assert any("not to apply 1 standard requirement" in point for point in decision.items)
    policy = [
        b for b in document.body if isinstance(b, Table) and b.header == ("Requirement", "In this tender")
    ]
    assert policy[0].rows[0][1].text == "not applied, because: geen productgroep"


def test_tiles_say_priority_and_level_in_words_and_award_weights_follow_their_table(snapshot) -> None:
    award = Criterion(
        1, 8, CriterionType.AWARD_CRITERION, "Meer SROI scoort", Decimal(15), "Plan van aanpak"
    )
    document = build_document(
        _session(snapshot, criteria=(award,), quality_weight_pct=Decimal(40)), REFERENCE, "nl"
    )
    tiles = next(b for b in document.body if isinstance(b, SdgTiles)).tiles
    eight = tiles[7]
    assert (eight.number, eight.name, eight.priority, eight.mark) == (
        8,
        "Eerlijk werk en economische groei",
        True,
        "prioriteit \u00b7 niveau 2",
    )
    assert not tiles[0].inventoried and tiles[0].mark == ""
    awards = next(b for b in document.body if isinstance(b, Table) and "Weging %" in b.header)
    assert awards.rows[0][1].detail == "Plan van aanpak"
    assert awards.caption.startswith(
        "Wegingen van de SDG-criteria samen: 15 % van een kwaliteitsweging van 40 %"
    )
    headings = [b.text for b in document.body if isinstance(b, Heading)]
    assert headings.index("Aanbestedingskader") < headings.index("Stap 1 - Inzicht: risico's en kansen")
    levels = next(b for b in document.body if isinstance(b, Table) and "Waarom dit niveau" in b.header)
    assert levels.rows[0][2].text == "De markt kan het"  # the reason sits where the choice is


def test_dialogues_have_a_section_only_when_held_and_typed_votes_keep_the_workshop_record(snapshot) -> None:
    from compass.core.session import Dialogue, Participant, Vote
    from compass.method.dialogues import with_dialogue_votes

    typed = _session(snapshot)
    typed = replace(typed, priorities=(replace(typed.priorities[0], votes=4),))
    anchors = [b.anchor for b in build_document(typed, REFERENCE, "en").body if isinstance(b, Heading)]
    assert "workshop" in anchors and "dialogues" not in anchors

    held = with_dialogue_votes(
        replace(
            typed,
            dialogues=(Dialogue(1, 1, place="Stadhuis"),),
            participants=(Participant(5, 1, "Anna", role="budget_holder", internal=True),),
            votes=(Vote(1, 1, 5, "sdg:8", 3),),
        )
    )
    document = build_document(held, REFERENCE, "nl")
    anchors = [b.anchor for b in document.body if isinstance(b, Heading)]
    assert "dialogues" in anchors and "dialogue-1" in anchors and "workshop" not in anchors
    people = next(b for b in document.body if isinstance(b, Table) and b.header[:1] == ("Deelnemer",))
    assert [c.text for c in people.rows[0]] == ["Anna", "\u2013", "Budgethouder", "intern"]
    facts = next(b for b in document.body if isinstance(b, Table) and b.rows[0][0].text == "Datum")
    assert facts.rows[0][1].text == "\u2013"  # no date yet: a dash, not an empty cell
