"""Organisation profiles: stored, exchanged as a file without loss, checked on import, and the
basis a finished session keeps."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest

from compass.core.errors import ValidationError
from compass.core.profile import (
    FocusSdg,
    LocalInitiative,
    OrganisationProfile,
    OwnCriterion,
    ThemeAmbition,
    profile_from_document,
)
from compass.core.session import AmbitionLevel, CriterionType, SessionStatus
from compass.formats.profile_file import read_profile_file, write_profile_file
from compass.model.database import open_database
from compass.paths import resource_path
from compass.services import ProfileService, SessionService

KNOWN = frozenset({"crit-8-social-return", "crit-13-co2"})


@pytest.fixture
def services(db_url: str, shipped_reference):
    database = open_database(db_url)
    known = KNOWN | {criterion.id for criterion in shipped_reference.criteria}
    yield SessionService(database, shipped_reference), ProfileService(database, known)
    database.dispose()


def _profile(**changes) -> OrganisationProfile:
    base = OrganisationProfile(
        name="Gemeente Voorbeeldstad",
        focus_sdgs=(FocusSdg(13, "Klimaatbeleid 2030"), FocusSdg(8, "Werk voor iedereen")),
        initiatives=(LocalInitiative("Repair café", "Elke zaterdag", (12,)),),
        theme_ambitions=(ThemeAmbition("climate", 2, 4, 2027),),
        social_return_min_pct=Decimal("2"),
        social_return_max_pct=Decimal("5"),
        mvi_threshold_eur=Decimal("50000"),
        social_return_threshold_eur=Decimal("100000"),
        required_sdgs=(9,),
        standard_requirements=("crit-8-social-return",),
        own_criteria=(
            OwnCriterion(
                "own-13-heat",
                (13,),
                CriterionType.AWARD_CRITERION,
                AmbitionLevel.SIGNIFICANT,
                "Hittestress-maatregelen € ≥ 5 %",
                "Plan van aanpak",
            ),
        ),
    )
    return OrganisationProfile(**{**base.__dict__, **changes})


def test_export_then_import_gives_an_equal_profile() -> None:
    profile = _profile()
    assert read_profile_file(write_profile_file(profile), set(KNOWN)) == profile


def test_stored_profiles_round_trip_through_the_database(services) -> None:
    _, profiles = services
    profile_id = profiles.create_profile(_profile())
    assert profiles.get_profile(profile_id) == _profile()
    copy_id = profiles.import_profile(profiles.export_profile(profile_id))
    again_id = profiles.import_profile(profiles.export_profile(profile_id))
    assert len({profile_id, copy_id, again_id}) == 3  # importing twice gives two, never a merge
    assert profiles.get_profile(copy_id) == _profile()


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"\x00\x01 not text", "not JSON"),
        (b"[1, 2, 3]", "not an organisation profile"),
        (json.dumps({"format": "sdg-compass/profile", "version": 99}).encode(), "version 99"),
        (b" " * (64_000_000 + 1), "more than the 64 MB an exchange file may hold"),
    ],
)
def test_unreadable_files_are_refused_clearly(data: bytes, expected: str) -> None:
    with pytest.raises(ValidationError) as caught:
        read_profile_file(data, set(KNOWN))
    assert expected in str(caught.value)


def test_every_problem_in_a_profile_file_is_reported() -> None:
    document = json.loads(write_profile_file(_profile()))
    document["focus_sdgs"][0]["sdg"] = 18
    document["name"] = ""
    with pytest.raises(ValidationError) as caught:
        read_profile_file(json.dumps(document).encode(), set(KNOWN))
    fields = {problem.field for problem in caught.value.problems}
    assert {"focus_sdgs/0/sdg", "name"} <= fields


def test_unknown_catalogue_references_and_inverted_ranges_are_refused() -> None:
    document = json.loads(write_profile_file(_profile()))
    document["standard_requirements"] = ["crit-does-not-exist"]
    document["social_return_pct"] = {"min": "6", "max": "5"}
    with pytest.raises(ValidationError) as caught:
        read_profile_file(json.dumps(document).encode(), set(KNOWN))
    message = str(caught.value)
    assert "crit-does-not-exist" in message and "minimum is above the maximum" in message


def test_profiles_are_listed_own_first_alphabetically_on_every_database(services) -> None:
    """Not by the database's collation: SQLite sorts "Zwolle" before "amsterdam" and "Échternach"
    last, a PostgreSQL server as its locale says."""
    _, profiles = services
    profiles.install_examples()
    for name in ("Zwolle", "amsterdam", "Échternach", "eindhoven", "Zwolle"):
        profiles.create_profile(_profile(name=name))
    names = [s.name for s in profiles.list_profiles() if not s.is_example]
    assert names == ["amsterdam", "Échternach", "eindhoven", "Zwolle", "Zwolle"]
    assert all(s.is_example for s in profiles.list_profiles()[len(names) :])


def test_the_shipped_examples_install_once_and_are_marked(services) -> None:
    _, profiles = services
    created = profiles.install_examples()
    assert len(created) == 2
    assert profiles.install_examples() == []
    summaries = profiles.list_profiles()
    assert all(s.is_example and s.name.startswith("Voorbeeld") for s in summaries)
    heerlen = next(profiles.get_profile(s.id) for s in summaries if "Heerlen" in s.name)
    assert {f.sdg for f in heerlen.focus_sdgs} == {3, 4, 8, 10, 11, 12, 13, 17}
    assert (heerlen.social_return_min_pct, heerlen.social_return_max_pct) == (2, 5)
    maastricht = next(profiles.get_profile(s.id) for s in summaries if "Maastricht" in s.name)
    assert maastricht.mvi_threshold_eur == 50000 and maastricht.social_return_threshold_eur == 100000
    levels = {(a.theme, a.baseline, a.target) for a in maastricht.theme_ambitions}
    assert {
        ("climate", 2, 4),
        ("circular", 2, 4),
        ("environment", 2, 3),
        ("isv", 1, 3),
        ("diversity_inclusion", 1, 3),
        ("social_return", 4, 4),
    } == levels


def test_an_example_stored_before_kpis_moved_into_profiles_receives_them(services) -> None:
    from compass.model.orm import ProfileRow

    _, profiles = services
    shipped = json.loads(resource_path("profiles", "example-heerlen.json").read_text(encoding="utf-8"))
    older = {key: value for key, value in shipped.items() if key not in ("kpis", "mandate_route")}
    older["version"], older["own_criteria"] = 1, []
    older["focus_sdgs"] = [{"sdg": 13, "reason": "Ons eigen woord"}]  # changed by the user
    with profiles._transaction() as db:
        db.add(ProfileRow(name=older["name"], is_example=True, document=json.dumps(older)))
    assert profiles.install_examples() == []  # the database has profiles: nothing is added
    (summary,) = profiles.list_profiles()
    completed = profiles.get_profile(summary.id)
    assert [k.number for k in completed.kpis] == [1, 2, 3, 4, 5, 6]
    assert [c.id for c in completed.own_criteria] == [
        "own-heerlen-challenge-vista-college",
        "own-heerlen-biodiversity-projects",
        "own-heerlen-sprinc-entrepreneurs",  # moved from the catalogue in profile version 3
        "own-heerlen-stadswerkplaats-repair-cafes",
    ]
    assert completed.policy_rules  # version 3: the rules of its plan
    assert completed.mandate_route == profile_from_document(shipped).mandate_route  # version 4
    assert [(f.sdg, f.reason) for f in completed.focus_sdgs] == [(13, "Ons eigen woord")]
    profiles.update_profile(summary.id, replace(completed, kpis=()))  # the user removes them all
    profiles.install_examples()
    assert profiles.get_profile(summary.id).kpis == ()  # and that choice stays


def test_a_version_1_profile_file_still_imports_and_kpi_numbers_are_unique(shipped_reference) -> None:
    known = {criterion.id for criterion in shipped_reference.criteria}
    document = json.loads(resource_path("profiles", "example-maastricht.json").read_text(encoding="utf-8"))
    older = {key: value for key, value in document.items() if key != "kpis"} | {"version": 1}
    assert read_profile_file(json.dumps(older).encode(), known).kpis == ()
    document["kpis"][1]["number"] = document["kpis"][0]["number"]
    with pytest.raises(ValidationError) as caught:
        read_profile_file(json.dumps(document).encode(), known)
    assert [p.code for p in caught.value.problems] == ["duplicate_kpi"]


def test_example_files_are_valid_and_reference_the_shipped_catalogue() -> None:
    from compass.reference.loading import load_reference_data

    catalogue = {criterion.id for criterion in load_reference_data().criteria}
    paths = sorted(resource_path("profiles").glob("*.json"))
    assert len(paths) == 2
    for path in paths:
        profile = read_profile_file(path.read_bytes(), catalogue)
        assert profile.is_example and profile.standard_requirements


def test_a_finished_session_keeps_the_profile_it_was_decided_against(services) -> None:
    sessions, profiles = services
    profile_id = profiles.create_profile(_profile())
    draft = sessions.create_session("Draft", profile_id=profile_id)
    finished = sessions.create_session("Finished", profile_id=profile_id)
    sessions.set_status(finished.id, SessionStatus.FINAL)

    profiles.update_profile(profile_id, _profile(required_sdgs=(9, 17)))
    assert sessions.get_session(draft.id).profile.required_sdgs == (9, 17)  # a draft follows
    assert sessions.get_session(finished.id).profile.required_sdgs == (9,)  # finished: frozen
    with pytest.raises(ValidationError):
        sessions.set_profile(finished.id, None)

    profiles.delete_profile(profile_id)
    assert sessions.get_session(draft.id).profile.required_sdgs == (9, 17)  # kept, not lost
    assert sessions.get_session(finished.id).profile.required_sdgs == (9,)


def test_sessions_refuse_unknown_profiles(services) -> None:
    sessions, _ = services
    with pytest.raises(ValidationError):
        sessions.create_session("X", profile_id=42)
    session = sessions.create_session("Y")
    with pytest.raises(ValidationError):
        sessions.set_profile(session.id, 42)


def test_reopening_follows_the_live_profile_again_unless_it_was_deleted(services) -> None:
    sessions, profiles = services
    profile_id = profiles.create_profile(_profile())
    session = sessions.create_session("Schoonmaak", profile_id=profile_id)
    sessions.set_status(session.id, SessionStatus.FINAL)
    profiles.update_profile(profile_id, _profile(required_sdgs=(9, 17)))
    assert sessions.get_session(session.id).profile.required_sdgs == (9,)
    sessions.set_status(session.id, SessionStatus.DRAFT)
    assert sessions.get_session(session.id).status is SessionStatus.DRAFT
    assert sessions.get_session(session.id).profile.required_sdgs == (9, 17)  # live again

    sessions.set_status(session.id, SessionStatus.FINAL)
    profiles.delete_profile(profile_id)
    sessions.set_status(session.id, SessionStatus.DRAFT)
    assert sessions.get_session(session.id).profile.required_sdgs == (9, 17)  # the only copy stays


def test_the_policy_frame_follows_the_session_and_keeps_the_teams_reasons(services) -> None:
    sessions, profiles = services
    profile_id = profiles.create_profile(
        OrganisationProfile(
            "Gemeente Maastricht",
            social_return_threshold_eur=Decimal(100000),
            standard_requirements=("crit-8-social-return-100k",),
        )
    )
    session = sessions.create_session(
        "Schoonmaak", profile_id=profile_id, contract_value_eur=Decimal(90000)
    )
    (item,) = sessions.get_session(session.id).policy
    assert not item.applies
    sessions.update_facts(session.id, contract_value_eur=Decimal(250000))
    (item,) = sessions.get_session(session.id).policy
    assert item.applies and not item.applied and item.reason == ""
    sessions.set_policy_reason(session.id, "crit-8-social-return-100k", "  Sociale werkplaats levert al  ")
    (item,) = sessions.get_session(session.id).policy
    assert item.reason == "Sociale werkplaats levert al"
    copy = sessions.duplicate_session(session.id)
    assert copy.policy[0].reason == "Sociale werkplaats levert al"
    sessions.set_policy_reason(session.id, "crit-8-social-return-100k", "")
    assert sessions.get_session(session.id).policy_reasons == ()
    with pytest.raises(ValidationError):
        sessions.set_policy_reason(session.id, "crit-8-social-return-100k", "x" * 20001)
