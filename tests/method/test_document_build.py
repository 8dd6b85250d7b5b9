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
    # A profile of version 2-3 knew one college threshold; it reads as a route of one step (issue 24).
    from compass.core.profile import profile_from_document, profile_to_document

    document = profile_to_document(OrganisationProfile("Gemeente Maastricht"))
    del document["mandate_route"]
    document["thresholds_eur"]["college_decision"] = "250000"
    profile = profile_from_document(document)
    rows = _approval(build_document(_session(snapshot, profile), REFERENCE, "nl")).rows
    assert rows[-1][0].text == "College van burgemeester en wethouders" and "250.000" in rows[-1][2].text
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
    # The exception by name and reason on the decision page, not "1 standard requirement(s)".
    assert any(
        "not to apply the organisation's standard requirement \u201cFair Trade\u201d, because: geen productgroep"
        in point
        for point in decision.items
    )
    summary = next(b for b in document.first_page if isinstance(b, Table))
    policy_row = next(row for row in summary.rows if row[0].text == "Organisation policy")
    assert policy_row[1].text == (
        "0 of 1 standard requirements that apply are applied. Not applied, with the reason put to the "
        "decision below: 1."
    )
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
    awards = next(
        b for b in document.body if isinstance(b, Table) and "Criterium en hoe het wordt getoetst" in b.header
    )
    assert awards.rows[0][1].detail == "Plan van aanpak"
    # Said so it cannot read as 15 % of 40 % (= 6 %): shares of the total score.
    assert awards.caption.startswith(
        "Prijs 60 %, kwaliteit 40 %, waarvan de kwaliteitscriteria samen 15 % van de totale score."
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


def _summary(document) -> dict[str, str]:
    table = next(b for b in document.first_page if isinstance(b, Table) and b.kind is TableKind.FACTS)
    return {row[0].text: row[1].text for row in table.rows}


def test_page_one_gives_the_facts_whole_and_the_threshold_test_in_words(snapshot) -> None:
    """Issue 24: "... daarna een onderhoudstermijn van 5..." was cut mid-fact; the threshold test is
    said whichever way it falls."""
    from compass.core.codes import ContractKind
    from compass.core.session import AppliedThreshold

    duration = (
        "Ontwerp en realisatie 2028-2029 (circa 20 maanden), daarna een onderhoudstermijn van 5 jaar met "
        "een optie tot verlenging van 2 x 5 jaar; de geraamde waarde omvat alle opties."
    )
    session = _session(snapshot)
    session = replace(
        session,
        facts=replace(session.facts, duration=duration, contract_kind=ContractKind.SERVICES),
        eu_threshold=AppliedThreshold(Decimal(216000), "2026-2027", "Gedelegeerde Verordening (EU) 2025/2152"),
    )
    rows = _summary(build_document(session, REFERENCE, "en"))
    assert rows["Value and duration"].endswith(duration)
    assert rows["EU threshold"] == (
        "EUR 450,000 reaches the EU threshold of EUR 216,000 for services (diensten) (2026-2027): a European "
        "procedure is required."
    )
    small = replace(session, facts=replace(session.facts, contract_value_eur=Decimal(150000)))
    assert "stays below the EU threshold" in _summary(build_document(small, REFERENCE, "en"))["EU threshold"]


def test_a_concept_names_its_first_open_issues_and_conflicts_beside_their_decision(snapshot) -> None:
    """Issue 24: a concept listed its open points only at the end, and a national procedure above the
    threshold was put to the decision on page 1 with the conflict on page 3."""
    from compass.core.codes import ContractKind, Procedure
    from compass.core.session import AppliedThreshold

    session = _session(snapshot)
    session = replace(
        session,
        facts=replace(session.facts, contract_kind=ContractKind.SERVICES, procedure=Procedure.MULTIPLE_QUOTES),
        eu_threshold=AppliedThreshold(Decimal(216000), "2026-2027", "Gedelegeerde Verordening (EU) 2025/2152"),
    )
    document = build_document(session, REFERENCE, "en")
    headings = [b.text for b in document.first_page if isinstance(b, Heading)]
    assert "Open issues" in headings
    lists = [b for b in document.first_page if isinstance(b, Bullets)]
    decision, first_open = lists[0], lists[1]
    assert 0 < len(first_open.items) <= 5
    procedure_point = decision.items[1]
    assert "multiple quotes" in procedure_point.casefold() or "meervoudig" in procedure_point.casefold()
    assert "Open: " in procedure_point and "a European procedure is required" in procedure_point
    others = [b for b in document.first_page if getattr(b, "text", "").startswith("And ")]
    total = len(document.first_page)  # the count of the rest is said when there are more than five
    assert total and (len(first_open.items) < 5 or others)


def test_the_strategy_sections_print_where_the_team_wrote_them(snapshot) -> None:
    """Issue 24: an aanbestedingsstrategie has its occasion, budget, planning, selection and contract;
    page 1 names the occasion and the budget, the body the planning with the legal minimum periods."""
    from compass.core.session import ProcedurePeriods

    session = _session(snapshot)
    session = replace(
        session,
        facts=replace(
            session.facts,
            occasion="Het huidige contract loopt op 31 december 2027 af. Doel: schoon en veilig.",
            budget="Begrotingspost 6.2 Beheer openbare ruimte, gedekt in de meerjarenbegroting.",
            budget_eur=Decimal(500000),
            publication_date=dt.date(2027, 3, 1),
            closing_date=dt.date(2027, 4, 15),
            contract_start=dt.date(2027, 6, 1),
            contract_terms="ARVODI-2018 met bijzondere voorwaarden voor Social Return.",
        ),
        procedure_periods=ProcedurePeriods(40, 6, 20, "Aanbestedingswet 2012, art. 2.71"),
    )
    document = build_document(session, REFERENCE, "en")
    rows = _summary(document)
    assert rows["Occasion and goal"] == "Het huidige contract loopt op 31 december 2027 af."
    assert rows["Budget"].startswith("€ 500,000 available \u00b7 Begrotingspost 6.2")
    headings = [b.text for b in document.body if isinstance(b, Heading)]
    assert {"Budget", "Planning", "Selection and contract"} <= set(headings)
    planning = next(b for b in document.body if isinstance(b, Table) and b.header == ("Milestone", "Date"))
    assert [(r[0].text, r[1].text) for r in planning.rows] == [
        ("Planned publication", "1 Mar 2027"),
        ("Closing date", "15 Apr 2027"),
        ("Contract start", "1 Jun 2027"),
    ]
    notes = [b.text for b in document.body if getattr(b, "text", "").startswith("Legal minimum periods")]
    assert notes and "tenders 40 days after publication" in notes[0]
    bare = build_document(_session(snapshot), REFERENCE, "en")
    assert "Planning" not in [b.text for b in bare.body if isinstance(b, Heading)]  # nothing written, nothing shown


def test_an_external_participant_is_named_only_with_consent(snapshot) -> None:
    """Issue 24 (privacy): the dialogue record printed the full names of external residents; a
    decision document may be published. Internal people and those who agreed keep their names."""
    import datetime as dt

    from compass.core.session import Dialogue, InventoryEntry, Participant

    people = (
        Participant(1, 1, "A. Willems", "Gemeente Maastricht", "project_leader", internal=True),
        Participant(2, 1, "J. Janssen", "Buurtvereniging West", "residents", internal=False),
        Participant(3, 1, "K. Bakker", "Sportclub West", "", internal=False, named=True),
    )
    idea = InventoryEntry(5, 3, EntryKind.OPPORTUNITY, EntrySource.LOCATION, "Beweegzone", dialogue=1, contributor="J. Janssen")
    session = _session(snapshot)
    session = replace(
        session,
        inventory=session.inventory + (idea,),
        dialogues=(Dialogue(1, 1, dt.date(2027, 2, 9), "Stadhuis", "B. Claessens"),),
        participants=people,
    )
    document = build_document(session, REFERENCE, "en")
    cells = [cell.text for block in document.body if isinstance(block, Table) for row in block.rows for cell in row]
    assert "A. Willems" in cells and "K. Bakker" in cells
    assert "J. Janssen" not in cells
    assert "external participant" in cells
    assert any(text.startswith("Buurtvereniging West") for text in cells)  # the idea by organisation and role


def test_page_one_names_the_risks_the_team_marked(snapshot) -> None:
    from compass.core.session import InventoryEntry

    first = InventoryEntry(1, 8, EntryKind.RISK, EntrySource.SUPPLY_CHAIN_GLOBAL, "Uitbuiting in de keten")
    marked = InventoryEntry(2, 8, EntryKind.RISK, EntrySource.LOCATION, "Onveilig werk op locatie", main=True)
    session = replace(_session(snapshot), inventory=(first, marked))
    assert _summary(build_document(session, REFERENCE, "en"))["Main SDG risks"] == "SDG 8: Onveilig werk op locatie"


def test_page_one_says_what_an_award_criterion_may_cost(snapshot) -> None:
    """Issue 24, the price of ambition: under a fictitious discount a 5 % criterion on EUR 2.4 M is
    up to EUR 120,000."""
    from compass.core.codes import ScoringMethod

    award = Criterion(1, 8, CriterionType.AWARD_CRITERION, "Meer SROI scoort hoger", Decimal(5), "Plan")
    session = _session(snapshot, criteria=(award,), quality_weight_pct=Decimal(40))
    session = replace(
        session,
        facts=replace(
            session.facts, contract_value_eur=Decimal(2400000), scoring_method=ScoringMethod.FICTITIOUS_DISCOUNT
        ),
    )
    row = _summary(build_document(session, REFERENCE, "en"))["Award criteria and weights"]
    assert row.startswith("SDG 8 \u2013 Meer SROI scoort hoger: 5 % (up to \u20ac 120,000)")


def test_no_procedure_is_put_to_the_decision_before_the_team_chose_one(snapshot) -> None:
    """Issue 24: a new session started at "Openbaar Europees" and asked approval of it."""
    from compass.core.session import Procedure
    from compass.formats.document.model import Bullets

    def decision(procedure):
        session = _session(snapshot)
        session = replace(session, facts=replace(session.facts, procedure=procedure))
        document = build_document(session, REFERENCE, "en")
        points = next(b for b in document.first_page if isinstance(b, Bullets)).items
        return _summary(document)["Procedure"], points

    shown, points = decision(None)
    assert shown == "not chosen yet"
    assert not any("as the procedure" in point for point in points)
    shown, points = decision(Procedure.PUBLIC_NATIONAL)
    assert shown == Procedure.PUBLIC_NATIONAL.label_in("en")
    assert any("public national tender (openbaar nationaal) as the procedure" in point for point in points)
