"""The session exchange format: a round trip keeps every datum, and a bad file is refused with every
problem named while the database stays as it was."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from compass.cli import main
from compass.core.errors import ValidationError
from compass.core.session import Collection, CriterionType, Procedure
from compass.formats.session_file import SESSION_VERSION, read_session_file, write_session_file
from compass.model import orm
from compass.reference.loading import load_reference_data

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from screenshots import fill_example  # noqa: E402


@pytest.fixture(scope="module")
def reference():
    return load_reference_data()


def _without_ids(snapshot) -> dict:
    def strip(value):
        if dataclasses.is_dataclass(value):
            return {
                k: strip(v)
                for k, v in dataclasses.asdict(value).items()
                if k not in ("id", "created_at", "updated_at", "profile_id")
            }
        if isinstance(value, dict):
            return {
                k: strip(v)
                for k, v in value.items()
                if k not in ("id", "created_at", "updated_at", "profile_id")
            }
        if isinstance(value, list | tuple):
            return [strip(v) for v in value]
        return value

    return strip(snapshot)


def _filled(service):
    session_id = fill_example(service)
    service.add_item(
        session_id,
        Collection.CRITERIA,
        sdg=13,
        criterion_type=CriterionType.AWARD_CRITERION,
        text="Laagste MKI-score",
        weight_pct=Decimal("20.5"),
        catalogue_id="crit-12-lowest-mki-advantage",
    )
    service.add_item(session_id, Collection.INITIATIVES, sdg=12, name="Repair café")
    indicator = service.get_session(session_id).indicators[0]
    service.add_measurement(
        session_id,
        indicator.id,
        value=Decimal("95000.25"),
        measured_on=dt.date(2027, 12, 1),
        source="Eindrapportage",
    )
    return service.get_session(session_id)


def test_export_then_import_gives_an_equal_session(service, reference) -> None:
    original = _filled(service)
    data = write_session_file(original)
    imported = service.import_session(read_session_file(data, reference))
    assert imported.id != original.id
    assert _without_ids(service.get_session(imported.id)) == _without_ids(original)
    again = service.import_session(read_session_file(data, reference))
    assert again.id not in (original.id, imported.id)  # twice is two sessions, never a merge


@pytest.mark.parametrize("weight", ["0", "0.5", "37.5", "100"])
def test_every_quality_weight_survives_the_round_trip(service, reference, weight) -> None:
    """0 % quality (award on price alone) once came back as 100 %."""
    session_id = service.create_session("Strooizout").id
    service.set_quality_weight(session_id, Decimal(weight))
    data = write_session_file(service.get_session(session_id))
    assert json.loads(data)["quality_weight_pct"] == weight
    imported = service.import_session(read_session_file(data, reference))
    assert imported.quality_weight_pct == Decimal(weight)


def test_a_session_without_a_procedure_survives_the_round_trip(service, reference) -> None:
    """Version 11: no procedure before the team chooses one; the file says null, not a default."""
    session = service.create_session("Groenonderhoud")
    assert session.facts.procedure is None
    data = write_session_file(session)
    assert json.loads(data)["facts"]["procedure"] is None
    assert service.import_session(read_session_file(data, reference)).facts.procedure is None


# A file is refused while it is read, before any database is involved: these run on SQLite only (the
# round trips above and tests/domain/test_every_database_keeps_the_same.py cover the team database).
FILE_ONLY = pytest.mark.parametrize("db_backend", ["sqlite"])


@FILE_ONLY
@pytest.mark.parametrize("weight", ["-1", "100.5", "many"])
def test_a_quality_weight_out_of_range_is_refused(service, reference, weight) -> None:
    document = json.loads(write_session_file(service.get_session(service.create_session("X").id)))
    document["quality_weight_pct"] = weight
    with pytest.raises(ValidationError) as caught:
        read_session_file(json.dumps(document).encode(), reference)
    assert [p.field for p in caught.value.problems] == ["quality_weight_pct"]


def _document(service) -> dict:
    return json.loads(write_session_file(_filled(service)))


def _count_rows(service) -> int:
    with service._database.session_factory() as db:
        return sum(
            db.scalar(select(func.count()).select_from(t))
            for t in (
                orm.SessionRow,
                orm.InventoryEntryRow,
                orm.CriterionRow,
                orm.IndicatorRow,
                orm.MeasurementRow,
                orm.CommunicationRow,
                orm.InitiativeLinkRow,
            )
        )


@FILE_ONLY
@pytest.mark.parametrize(
    "break_it, expected, message",
    [
        (lambda d: d["inventory"][0].update(sdg=18), "inventory/0/sdg", "At most 17 (now 18)."),
        (
            lambda d: d["criteria"][0].update(catalogue_id="crit-unknown"),
            "criteria/0/catalogue_id",
            "Unknown catalogue criterion: crit-unknown",
        ),
        (lambda d: d["indicators"][0].update(target="-5"), "indicators/0/target", "cannot be negative"),
        (
            lambda d: d["indicators"][0].update(target=-5),
            "indicators/0/target",
            'Expected nothing (null) or a number in quotes (e.g. "12.5"), found a whole number.',
        ),
        (lambda d: d["indicators"][0].update(target="12,5"), "indicators/0/target", "Not a number"),
        (lambda d: d["indicators"][0].update(kpi="five"), "indicators/0/kpi", "found text"),
        (lambda d: d["facts"].pop("title"), "facts", "Missing field: title."),
        (lambda d: d["facts"].update(title=12), "facts/title", "Expected text, found a whole number."),
        (lambda d: d["facts"].update(colour="red"), "facts", "Unknown field: 'colour'."),
        (lambda d: d["facts"].update(procedure="auction"), "facts/procedure", "'auction' is not allowed"),
        (
            lambda d: d["facts"].update(publication_date="1-3-2027"),
            "facts/publication_date",
            "Not a date as YYYY-MM-DD: '1-3-2027'.",
        ),
        (lambda d: d.update(version=12), "version", "version 12 is not supported"),
        (lambda d: d["facts"].update(procedure=Procedure.SINGLE_QUOTE.value), "criteria/", ""),
        (
            lambda d: d["inventory"][0].update(suggestion_id="cat-nope/risks/1"),
            "inventory/0/suggestion_id",
            "",
        ),
    ],
)
def test_bad_files_are_refused_with_the_problem_named(
    service, reference, break_it, expected, message
) -> None:
    document = _document(service)
    break_it(document)
    rows = _count_rows(service)
    with pytest.raises(ValidationError) as caught:
        read_session_file(json.dumps(document).encode(), reference)
    named = [p for p in caught.value.problems if p.field.startswith(expected)]
    assert named, caught.value.problems
    assert any(message in p.message for p in named), named
    assert _count_rows(service) == rows


def test_every_problem_is_reported_at_once(service, reference) -> None:
    document = _document(service)
    document["inventory"][0]["sdg"] = 0
    document["communication"][0]["channel"] = "pigeon"
    with pytest.raises(ValidationError) as caught:
        read_session_file(json.dumps(document).encode(), reference)
    fields = {p.field for p in caught.value.problems}
    assert {"inventory/0/sdg", "communication/0/channel"} <= fields


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"definitely not json", "not JSON"),
        (b'{"format": "something-else"}', "not a compass session"),
        (b" " * (64_000_000 + 1), "The file is 64.1 MB, more than the 64 MB an exchange file may hold."),
    ],
)
def test_unreadable_files(reference, data, expected) -> None:
    with pytest.raises(ValidationError, match=expected):
        read_session_file(data, reference)


def test_cli_import_and_export_json(db_url, tmp_path, capsys) -> None:
    main(["--db", db_url, "sessions", "create", "Bedrijfskleding"])
    session_id = capsys.readouterr().out.strip().splitlines()[-1]
    exported = tmp_path / "sessie.json"
    assert main(["--db", db_url, "export", session_id, "--json", str(exported)]) == 0
    assert main(["--db", db_url, "import", str(exported)]) == 0
    new_id = capsys.readouterr().out.strip().splitlines()[-1]
    assert new_id != session_id
    bad = tmp_path / "bad.json"
    bad.write_text(
        exported.read_text(encoding="utf-8").replace('"title": "Bedrijfskleding"', '"title": ""'),
        encoding="utf-8",
    )
    assert main(["--db", db_url, "import", str(bad)]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert errors and all(line.startswith("compass: ") for line in errors)
    main(["--db", db_url, "sessions", "list", "--json"])
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_a_100000_character_field_is_refused_clearly(service, reference) -> None:
    document = _document(service)
    document["facts"]["scope"] = "x" * 100_000
    with pytest.raises(ValidationError) as caught:
        read_session_file(json.dumps(document).encode(), reference)
    (problem,) = caught.value.problems
    assert problem.field == "facts/scope"
    assert problem.message == "At most 20000 characters (now 100000)."


def test_a_file_from_before_schema_0003_with_is_focus_still_imports(service, reference) -> None:
    """Focus comes from the organisation profile; the old stored flag is read and ignored."""
    document = json.loads(write_session_file(_filled(service)))
    assert all("is_focus" not in p for p in document["priorities"])
    for priority in document["priorities"]:
        priority["is_focus"] = True
    imported = service.import_session(read_session_file(json.dumps(document).encode(), reference))
    assert len(imported.priorities) == len(document["priorities"]) > 0


def test_the_file_carries_the_procurement_frame_and_older_versions_still_import(service, reference) -> None:
    import datetime as dt

    from compass.core.session import ContractKind, ScoringMethod

    session_id = service.create_session(
        "Schoonmaak",
        contract_kind=ContractKind.SERVICES,
        lots="Twee percelen: kantoren en scholen",
        scoring_method=ScoringMethod.FICTITIOUS_DISCOUNT,
        decision_date=dt.date(2027, 3, 9),
    ).id
    document = json.loads(write_session_file(service.get_session(session_id)))
    assert (document["version"], document["facts"]["contract_kind"]) == (SESSION_VERSION, "services")
    assert document["facts"]["lots"] == "Twee percelen: kantoren en scholen"
    assert document["facts"]["scoring_method"] == "fictitious_discount"
    assert document["facts"]["decision_date"] == "2027-03-09"
    again = service.import_session(read_session_file(json.dumps(document).encode(), reference))
    assert again.facts.contract_kind is ContractKind.SERVICES
    assert again.facts.lots == "Twee percelen: kantoren en scholen"
    assert again.facts.scoring_method is ScoringMethod.FICTITIOUS_DISCOUNT
    assert again.facts.decision_date == dt.date(2027, 3, 9)

    document["version"] = 3
    for version_4_part in ("dialogues", "participants", "agenda", "votes"):
        del document[version_4_part]
    older = service.import_session(read_session_file(json.dumps(document).encode(), reference))
    assert (older.dialogues, older.participants, older.votes) == ((), (), ())
    assert older.facts.decision_date == dt.date(2027, 3, 9)

    document["version"] = 2
    for version_3_field in ("scoring_method", "decision_date"):
        del document["facts"][version_3_field]
    older = service.import_session(read_session_file(json.dumps(document).encode(), reference))
    assert (older.facts.scoring_method, older.facts.decision_date) == (None, None)
    assert older.facts.contract_kind is ContractKind.SERVICES

    document["version"] = 1
    for version_2_field in ("contract_kind", "duration", "procedure_reason", "lots"):
        del document["facts"][version_2_field]
    old = service.import_session(read_session_file(json.dumps(document).encode(), reference))
    assert old.facts.contract_kind is None
    assert old.facts.title == "Schoonmaak"


def test_a_split_not_decided_stays_undecided_through_the_file(service, reference) -> None:
    session = service.create_session("Strooizout")
    assert session.quality_weight_pct is None
    data = write_session_file(service.get_session(session.id))
    assert json.loads(data)["quality_weight_pct"] is None
    assert service.import_session(read_session_file(data, reference)).quality_weight_pct is None


def test_a_file_of_deeply_nested_brackets_is_refused_in_one_line(tmp_path: Path, capsys) -> None:
    nested = tmp_path / "nested.json"
    nested.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    url = f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}"
    assert main(["--db", url, "import", str(nested)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == "compass: file: The file nests its data too deeply to be an exchange file."


def test_the_teams_policy_reasons_travel_with_the_file(service, reference) -> None:
    session_id = service.create_session("Catering").id
    service.set_policy_reason(
        session_id, "crit-8-social-return-2-5", "Opdracht gaat naar een sociale onderneming"
    )
    data = write_session_file(service.get_session(session_id))
    assert json.loads(data)["policy_reasons"] == {
        "crit-8-social-return-2-5": "Opdracht gaat naar een sociale onderneming"
    }
    imported = service.import_session(read_session_file(data, reference))
    assert imported.policy_reasons == (
        ("crit-8-social-return-2-5", "Opdracht gaat naar een sociale onderneming"),
    )


def test_a_risk_on_two_sdgs_survives_the_file(service, reference) -> None:
    from compass.core.session import EntryKind, EntrySource

    session = service.create_session("Natuursteen")
    service.add_item(
        session.id,
        Collection.INVENTORY,
        sdg=8,
        kind=EntryKind.RISK,
        source=EntrySource.SUPPLY_CHAIN_GLOBAL,
        description="Kinderarbeid en ontbossing in de groeve",
        also_sdgs=(15,),
    )
    data = write_session_file(service.get_session(session.id))
    assert json.loads(data)["inventory"][0]["also_sdgs"] == [15]
    again = service.import_session(read_session_file(data, reference))
    assert again.inventory[0].also_sdgs == (15,) and again.inventoried_sdgs() == (8, 15)


def test_a_message_yearly_during_the_contract_is_planned_and_survives_the_file(service, reference) -> None:
    from compass.core.session import Channel, CommunicationMoment

    session = service.create_session("Schoonmaak")
    service.add_item(
        session.id,
        Collection.COMMUNICATION,
        stakeholder_role="municipal_council",
        channel=Channel.COUNCIL_REPORT,
        moment=CommunicationMoment.DURING_CONTRACT,
        message="Jaarlijkse rapportage over Social Return",
    )
    data = write_session_file(service.get_session(session.id))
    (item,) = service.import_session(read_session_file(data, reference)).communication
    assert item.moment is CommunicationMoment.DURING_CONTRACT
    assert item.moment.label_in("nl") == "Jaarlijks tijdens het contract"


# -- the SDG dialogues (version 4) ---------------------------------------------------------------------


def _with_dialogues(service) -> int:
    """The asphalt session with both dialogues held: people, agenda, dots on SDGs, criteria and an
    ambition level, and ideas that remember where they came from."""
    from compass.core.session import AmbitionLevel, EntryKind, EntrySource
    from compass.method.dialogues import ambition_target, criterion_target, sdg_target

    session_id = _filled(service).id
    service.add_item(
        session_id,
        Collection.DIALOGUES,
        number=1,
        held_on=dt.date(2027, 1, 12),
        place="Stadhuis Heerlen",
        facilitator="MVOI-ambassadeur",
        votes_per_participant=3,
        decisions="SDG 13 en 12 gaan door naar stap 3.",
    )
    service.add_item(session_id, Collection.DIALOGUES, number=2, notes="Marktpartijen positief")
    people = {
        (dialogue, name): service.add_item(
            session_id,
            Collection.PARTICIPANTS,
            dialogue=dialogue,
            name=name,
            organisation=organisation,
            role=role,
            internal=internal,
        ).id
        for dialogue, name, organisation, role, internal in (
            (1, "Anna", "Gemeente Heerlen", "project_leader", True),
            (1, "Bram", "Buurtraad Heerlen-Noord", "residents", False),
            (2, "Anna", "Gemeente Heerlen", "project_leader", True),
            (2, "Cees", "Wegenbouw BV", "Aannemer asfalt", False),
        )
    }
    service.add_item(session_id, Collection.AGENDA, dialogue=1, title="Risico's", planned_minutes=30)
    service.add_item(session_id, Collection.AGENDA, dialogue=2, title="Criteria", question="Haalbaar?")
    service.add_item(
        session_id,
        Collection.INVENTORY,
        sdg=3,
        kind=EntryKind.RISK,
        source=EntrySource.LOCAL_ENVIRONMENT,
        description="Fijnstof bij de school",
        dialogue=1,
        contributor="Bram",
    )
    snapshot = service.get_session(session_id)
    last = snapshot.criteria[-1]
    service.update_item(session_id, Collection.CRITERIA, last.id, dialogue=2, contributor="Cees")
    service.set_votes(session_id, 1, people[1, "Anna"], sdg_target(13), 2)
    service.set_votes(session_id, 1, people[1, "Bram"], sdg_target(3), 3)
    service.set_votes(session_id, 2, people[2, "Cees"], criterion_target(last.id), 2)
    service.set_votes(session_id, 2, people[2, "Anna"], ambition_target(13, AmbitionLevel.SIGNIFICANT), 1)
    return session_id


def _votes_by_content(snapshot) -> list[tuple]:
    """The votes with their participant and criterion by what they are, not by database id."""
    people = {p.id: (p.dialogue, p.name) for p in snapshot.participants}
    texts = {f"criterion:{c.id}": f"criterion: {c.text}" for c in snapshot.criteria}
    return sorted(
        (v.dialogue, people[v.participant_id], texts.get(v.target, v.target), v.count)
        for v in snapshot.votes
    )


def test_the_dialogues_travel_with_the_file_and_votes_find_the_new_criteria(service, reference) -> None:
    original = service.get_session(_with_dialogues(service))
    data = write_session_file(original)
    document = json.loads(data)
    assert document["version"] == SESSION_VERSION
    assert document["participants"][1] == {
        "dialogue": 1,
        "name": "Bram",
        "organisation": "Buurtraad Heerlen-Noord",
        "role": "residents",
        "internal": False,
        "named": False,  # no consent to be named in the record (version 8)
    }
    last = len(document["criteria"]) - 1
    assert {"participant": 3, "target": f"criterion:{last}", "count": 2} in document["votes"]
    assert document["criteria"][last]["dialogue"] == 2

    imported = service.get_session(service.import_session(read_session_file(data, reference)).id)
    for part in ("dialogues", "participants", "agenda", "inventory", "criteria"):
        assert _without_ids(getattr(imported, part)) == _without_ids(getattr(original, part)), part
    assert _votes_by_content(imported) == _votes_by_content(original)
    assert {v.target for v in imported.votes} & {f"criterion:{c.id}" for c in imported.criteria}
    assert not {v.target for v in imported.votes} & {f"criterion:{c.id}" for c in original.criteria}
    assert imported.priority_for(3).votes == 3  # dialogue 1's tally is step 2's votes again
    assert (imported.inventory[-1].dialogue, imported.inventory[-1].contributor) == (1, "Bram")


def test_dots_on_a_removed_criterion_stay_behind_when_exported(service, reference) -> None:
    session_id = _with_dialogues(service)
    criterion = service.get_session(session_id).criteria[-1]
    service.remove_item(session_id, Collection.CRITERIA, criterion.id)
    document = json.loads(write_session_file(service.get_session(session_id)))
    assert all(not v["target"].startswith("criterion:") for v in document["votes"])
    imported = service.import_session(read_session_file(json.dumps(document).encode(), reference))
    assert len(imported.votes) == 3


def _dialogue_document(service) -> dict:
    return json.loads(write_session_file(service.get_session(_with_dialogues(service))))


@FILE_ONLY
@pytest.mark.parametrize(
    "break_it, expected, message",
    [
        (
            lambda d: d["votes"].append({"participant": 0, "target": "sdg:12", "count": 2}),
            "votes/4/count",
            "A participant has 3 votes; 1 are left for this choice.",
        ),
        (
            lambda d: d["votes"].append({"participant": 9, "target": "sdg:12", "count": 1}),
            "votes/4/participant",
            "There is no participant 9 in the file (it lists 4, counted from 0).",
        ),
        (
            lambda d: d["votes"].append({"participant": 3, "target": "criterion:99", "count": 1}),
            "votes/4/target",
            "There is no criterion 99 in the file",
        ),
        (
            lambda d: d["votes"].append({"participant": 0, "target": "criterion:0", "count": 1}),
            "votes/4/target",
            "In dialogue 1 votes go to SDGs",
        ),
        (
            lambda d: d["votes"].append(dict(d["votes"][0], count=1)),
            "votes/4/target",
            "already has dots on this choice",
        ),
        (
            lambda d: d["dialogues"][1].update(number=1),
            "dialogues/1/number",
            "This session already records dialogue 1.",
        ),
        (lambda d: d["dialogues"][0].update(held_on="12-01-2027"), "dialogues/0/held_on", "YYYY-MM-DD"),
        (lambda d: d["participants"][1].update(name=" "), "participants/1/name", "participant's name"),
        (lambda d: d["participants"][1].update(dialogue=3), "participants/1/dialogue", "not allowed"),
        (lambda d: d["agenda"][0].update(planned_minutes=0), "agenda/0/planned_minutes", "At least 1"),
        (lambda d: d["inventory"][-1].update(dialogue=5), "inventory/", "not allowed"),
        (lambda d: d["votes"][0].update(participant="Anna"), "votes/0/participant", "found text"),
    ],
)
def test_a_bad_dialogue_record_is_refused_with_its_place_in_the_file(
    service, reference, break_it, expected, message
) -> None:
    document = _dialogue_document(service)
    break_it(document)
    rows = _count_rows(service)
    with pytest.raises(ValidationError) as caught:
        read_session_file(json.dumps(document).encode(), reference)
    named = [p for p in caught.value.problems if p.field.startswith(expected)]
    assert named, caught.value.problems
    assert any(message in p.message for p in named), named
    assert _count_rows(service) == rows


def test_votes_over_the_limit_are_refused_in_one_line_each_by_the_cli(service, tmp_path, capsys) -> None:
    document = _dialogue_document(service)
    document["dialogues"][0]["votes_per_participant"] = 2  # Bram put 3 dots on SDG 3
    path = tmp_path / "te-veel.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    url = f"sqlite:///{(tmp_path / 'other.sqlite3').as_posix()}"
    assert main(["--db", url, "import", str(path)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == "compass: votes/1/count: A participant has 2 votes; 2 are left for this choice."
