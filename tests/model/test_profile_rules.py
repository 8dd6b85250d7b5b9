"""The rules and goals an organisation's own plan states travel in its profile, each with the plan's
section as its source, and what the product read into a plan is marked as its own derivation (issue
23, items 5, 8, 9): the shipped examples carry what their seeds say, ask nothing the seeds do not, an
older profile file still reads, and an example stored by an older app receives the rules."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from compass.core.profile import (
    FocusSdg,
    OrganisationProfile,
    OwnCriterion,
    PolicyKind,
    PolicyRule,
    profile_from_document,
)
from compass.core.session import AmbitionLevel, CriterionType
from compass.formats.profile_file import read_profile_file, write_profile_file
from compass.paths import resource_path

HEERLEN_PLAN = "Actieplan MVOI Heerlen 2024-2026"
HEERLEN_PAGE = "Gemeente Heerlen, webpagina Actieplan MVOI 2024-2026, Onze focus 2024-2026"
MAASTRICHT_PLAN = "Actieplan MVOI Maastricht 2025-2028"


def _shipped(name: str) -> OrganisationProfile:
    path = resource_path("profiles", f"example-{name}.json")
    return profile_from_document(json.loads(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def heerlen() -> OrganisationProfile:
    return _shipped("heerlen")


@pytest.fixture(scope="module")
def maastricht() -> OrganisationProfile:
    return _shipped("maastricht")


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


# (profile, the words of the seed the entry holds, the seed's section its source names, rule or goal)
SEED_RULES = [
    # Maastricht, Circulair: the four questions, three pilots with circularity (one as requirement).
    (
        "maastricht",
        (
            "grondstoffenafdruk verlaagd",
            "hernieuwbare, hergebruikte en duurzaam geproduceerde grondstoffen",
            "levensduur van de ingekochte producten en diensten verlengd",
            "hoogwaardige verwerking",
        ),
        f"{MAASTRICHT_PLAN}, Circulair",
        PolicyKind.RULE,
    ),
    (
        "maastricht",
        ("minimaal drie pilots", "gunningscriterium of uitvoeringseis", "minimaal één pilot als eis"),
        f"{MAASTRICHT_PLAN}, Circulair",
        PolicyKind.RULE,
    ),
    (
        "maastricht",
        ("ten minste 50 % circulair", "2030"),
        f"{MAASTRICHT_PLAN}, Circulair",
        PolicyKind.GOAL,
    ),
    # Maastricht, Ketenverantwoordelijkheid: ISV as a contract condition.
    (
        "maastricht",
        ("ketenverantwoordelijkheid (isv)", "uitvoeringsvoorwaarde"),
        f"{MAASTRICHT_PLAN}, Ketenverantwoordelijkheid",
        PolicyKind.RULE,
    ),
    # Maastricht, Klimaat: a climate-neutral organisation by 2030.
    (
        "maastricht",
        ("klimaatneutrale gemeentelijke organisatie in 2030",),
        f"{MAASTRICHT_PLAN}, Klimaat",
        PolicyKind.GOAL,
    ),
    # Maastricht, Social Return: from EUR 100,000 under the Zuid-Limburg rules, and no percentage.
    (
        "maastricht",
        (
            "100 % van de opdrachten vanaf eur 100.000",
            "beleidsregels social return arbeidsmarktregio zuid-limburg",
        ),
        f"{MAASTRICHT_PLAN}, Social Return",
        PolicyKind.RULE,
    ),
    (
        "maastricht",
        ("alle inkopen met een geraamde waarde vanaf eur 50.000",),
        f"{MAASTRICHT_PLAN}, Inleiding",
        PolicyKind.RULE,
    ),
    # Heerlen: the MVI criteria tool for every purchase, RAW for public space, the ISV check.
    (
        "heerlen",
        ("voor elke inkoop", "mvi-criteriatool"),
        f"{HEERLEN_PLAN}, hoofdstuk 4",
        PolicyKind.RULE,
    ),
    (
        "heerlen",
        ("alle aanbestedingen", "mvi-criteriatool", "programma van eisen"),
        f"{HEERLEN_PLAN}, hoofdstuk 6",
        PolicyKind.RULE,
    ),
    (
        "heerlen",
        ("openbare ruimte", "raw-moederbestek standaard"),
        f"{HEERLEN_PLAN}, hoofdstuk 5b",
        PolicyKind.RULE,
    ),
    (
        "heerlen",
        ("mvo risicochecker", "alle producten", "met uitzondering van lokaal hergebruikte producten"),
        f"{HEERLEN_PLAN}, hoofdstuk 5d",
        PolicyKind.RULE,
    ),
    (
        "heerlen",
        ("twee sdg-dialogen", "pilots"),
        f"{HEERLEN_PLAN}, hoofdstuk 6",
        PolicyKind.RULE,
    ),
    # Heerlen's KPI page: the national goals.
    (
        "heerlen",
        ("klimaatakkoord", "55 % in 2030", "100 % in 2050"),
        f"{HEERLEN_PAGE} (kg vermeden CO₂)",
        PolicyKind.GOAL,
    ),
    (
        "heerlen",
        ("grondstoffenakkoord", "primaire materialen van 50 % in 2030", "100 % in 2050"),
        f"{HEERLEN_PAGE} (kg vermeden primaire grondstoffen)",
        PolicyKind.GOAL,
    ),
]


@pytest.mark.parametrize(
    "name, words, source, kind", SEED_RULES, ids=[f"{r[0]}-{r[1][0][:30]}" for r in SEED_RULES]
)
def test_every_rule_of_the_seed_is_in_its_profile_with_the_seeds_section(name, words, source, kind) -> None:
    profile = _shipped(name)
    found = [r for r in profile.policy_rules if all(w.casefold() in _flat(r.text) for w in words)]
    assert found, f"no rule of {name} says {words}"
    (rule,) = found
    assert rule.source.startswith(source), rule.source
    assert rule.kind is kind and not rule.derived


def test_every_rule_names_a_plan_and_a_section_and_rules_are_not_repeated(heerlen, maastricht) -> None:
    for profile, sources in (
        (heerlen, (HEERLEN_PLAN, HEERLEN_PAGE)),
        (maastricht, (MAASTRICHT_PLAN,)),
    ):
        texts = [rule.text for rule in profile.policy_rules]
        assert len(texts) == len(set(texts))
        for rule in profile.policy_rules:
            assert rule.source.startswith(sources) and ", " in rule.source, rule.source


def test_maastrichts_focus_sdgs_are_marked_as_the_products_own_derivation(heerlen, maastricht) -> None:
    """Maastricht's plan names themes, not SDGs: the focus SDGs are ours, and say so; Heerlen's plan
    names its focus SDGs itself (chapter 3)."""
    assert maastricht.focus_sdgs
    for focus in maastricht.focus_sdgs:
        assert focus.derived, focus.sdg
        assert focus.source.startswith(MAASTRICHT_PLAN) and "eigen afleiding" in focus.source
    for focus in heerlen.focus_sdgs:
        assert not focus.derived and focus.source == f"{HEERLEN_PLAN}, hoofdstuk 3 (Uitgangspunten)"


# One organisation's entries that used to sit in the generic catalogue (issue 23, item 9).
MOVED_FROM_THE_CATALOGUE = [
    ("heerlen", "own-heerlen-sprinc-entrepreneurs", "Sprinc", f"{HEERLEN_PLAN}, bijlage 3"),
    (
        "heerlen",
        "own-heerlen-stadswerkplaats-repair-cafes",
        "stadswerkplaats",
        f"{HEERLEN_PLAN}, bijlage 3",
    ),
    ("maastricht", "own-maastricht-impactvoucher", "impactvoucher", f"{MAASTRICHT_PLAN}, Social Return"),
    (
        "maastricht",
        "own-maastricht-social-return-cnme-mtb",
        "(CNME) en MTB",
        f"{MAASTRICHT_PLAN}, Social Return",
    ),
]


@pytest.mark.parametrize("name, criterion_id, words, source", MOVED_FROM_THE_CATALOGUE)
def test_organisation_facts_are_own_criteria_of_their_profile(name, criterion_id, words, source) -> None:
    own = {c.id: c for c in _shipped(name).own_criteria}
    assert words in own[criterion_id].text
    assert own[criterion_id].source.startswith(source)


def test_every_own_criterion_of_an_example_names_its_source(heerlen, maastricht) -> None:
    for profile, plan in ((heerlen, HEERLEN_PLAN), (maastricht, MAASTRICHT_PLAN)):
        for criterion in profile.own_criteria:
            assert criterion.source.startswith(plan), criterion.id
            assert criterion.source.endswith("verificatie: eigen aanvulling"), criterion.id


# -- the examples ask only what their profile or a cited source says ---------------------------------

EXAMPLES = sorted(resource_path("examples").glob("*.json"))
PERCENT_OF_CONTRACT = re.compile(r"\d+(,\d+)?\s*% van de opdracht(waarde|som)", re.IGNORECASE)


def _texts(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "profile":
                yield from _texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value)
    elif isinstance(node, str):
        yield node


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_asks_no_social_return_percentage_its_profile_does_not_give(path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    profile = profile_from_document(document["profile"])
    asked = [text for text in _texts(document) if PERCENT_OF_CONTRACT.search(text)]
    if profile.social_return_min_pct is None:
        assert asked == []
        indicators = [i for i in document["indicators"] if i["catalogue_id"] == "ind-sroi-share"]
        assert indicators == []  # a share of the contract value needs a percentage to aim at
    else:
        low = profile.social_return_min_pct
        high = profile.social_return_max_pct or low
        for text in asked:
            for number in re.findall(r"(\d+(?:,\d+)?)\s*% van de opdracht", text):
                assert low <= float(number.replace(",", ".")) <= high, text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_makes_no_claim_its_profile_calls_the_products_own(path) -> None:
    """Maastricht's plan names no SDG for the sports pilot and no dashboard; its focus SDGs are the
    product's reading, so an example calls them the profile's, not Maastricht's."""
    document = json.loads(path.read_text(encoding="utf-8"))
    text = " ".join(_texts(document))
    for claim in ("in het actieplan noemt SDG", "Maastrichtse dashboard", "focus-SDG van Maastricht"):
        assert claim.casefold() not in text.casefold(), claim
    for stale in ("zoals het beleid vanaf EUR 100.000 vraagt", "werkgeversservicepunt (WSP) van de"):
        assert stale not in text, stale


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_no_example_uses_a_catalogue_entry_that_belongs_to_one_organisation(path) -> None:
    moved = {
        "crit-8-sprinc-entrepreneurs",
        "crit-12-repair-cafe-resale",
        "crit-8-impact-voucher",
        "crit-8-social-return-custom-ict-training",
    }
    document = json.loads(path.read_text(encoding="utf-8"))
    assert not moved & {c["catalogue_id"] for c in document["criteria"]}


# -- the profile file: version 3 written, older versions read -----------------------------------------


def _with_rules() -> OrganisationProfile:
    return OrganisationProfile(
        name="Gemeente Voorbeeldstad",
        focus_sdgs=(FocusSdg(13, "Klimaat", "Actieplan, hoofdstuk 2", derived=True), FocusSdg(8)),
        own_criteria=(
            OwnCriterion(
                "own-13-heat",
                (13,),
                CriterionType.AWARD_CRITERION,
                AmbitionLevel.SIGNIFICANT,
                "Hittestress",
                source="Actieplan, bijlage 1",
            ),
        ),
        policy_rules=(
            PolicyRule("Social Return vanaf EUR 100.000", "Actieplan, hoofdstuk 4", theme="social_return"),
            PolicyRule("Klimaatneutraal in 2030", "Actieplan, hoofdstuk 2", kind=PolicyKind.GOAL),
            PolicyRule("Eigen lezing", "", derived=True),
        ),
    )


def test_a_profile_with_rules_and_sources_survives_export_and_import() -> None:
    data = write_profile_file(_with_rules())
    assert json.loads(data)["version"] == 4  # 4: the mandate route (test_profile_mandate.py)
    assert read_profile_file(data, set()) == _with_rules()


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_profile_file_still_reads_without_rules_or_sources(shipped_reference, version) -> None:
    known = {criterion.id for criterion in shipped_reference.criteria}
    document = json.loads(resource_path("profiles", "example-maastricht.json").read_text(encoding="utf-8"))
    older = {key: value for key, value in document.items() if key != "policy_rules"}
    older["version"] = version
    older["focus_sdgs"] = [{"sdg": f["sdg"], "reason": f["reason"]} for f in document["focus_sdgs"]]
    older["own_criteria"] = [
        {key: value for key, value in c.items() if key != "source"} for c in document["own_criteria"]
    ]
    if version == 1:
        del older["kpis"]
    profile = read_profile_file(json.dumps(older).encode(), known)
    assert profile.policy_rules == ()
    assert all(not f.derived and not f.source for f in profile.focus_sdgs)
    assert all(not c.source for c in profile.own_criteria)
    assert profile.mvi_threshold_eur == 50000


def test_a_rule_without_text_or_of_an_unknown_kind_is_refused() -> None:
    from compass.core.errors import ValidationError

    document = json.loads(write_profile_file(_with_rules()))
    document["policy_rules"][0]["text"] = ""
    document["policy_rules"][1]["kind"] = "wish"
    with pytest.raises(ValidationError) as caught:
        read_profile_file(json.dumps(document).encode(), set())
    assert {p.field for p in caught.value.problems} == {"policy_rules/0/text", "policy_rules/1/kind"}


# -- an example stored by an older app is refreshed, keeping the user's changes -----------------------


@pytest.fixture
def profiles(db_url: str, shipped_reference):
    from compass.model.database import open_database
    from compass.services import ProfileService

    database = open_database(db_url)
    yield ProfileService(database, frozenset(c.id for c in shipped_reference.criteria))
    database.dispose()


def _store(profiles, document: dict) -> None:
    from compass.model.orm import ProfileRow

    with profiles._transaction() as db:
        db.add(ProfileRow(name=document["name"], is_example=True, document=json.dumps(document)))


def _as_version_2(name: str) -> dict:
    document = json.loads(resource_path("profiles", f"example-{name}.json").read_text(encoding="utf-8"))
    older = {key: value for key, value in document.items() if key != "policy_rules"}
    older["version"] = 2
    older["focus_sdgs"] = [{"sdg": f["sdg"], "reason": f["reason"]} for f in document["focus_sdgs"]]
    return older


def test_an_example_stored_at_version_2_receives_the_rules_and_keeps_the_users_changes(profiles) -> None:
    maastricht, heerlen = _as_version_2("maastricht"), _as_version_2("heerlen")
    maastricht["own_criteria"] = []
    maastricht["focus_sdgs"][0]["reason"] = "Ons eigen woord"  # reworded by the user
    heerlen["own_criteria"] = [  # the user deleted the biodiversity criterion of version 2
        {k: v for k, v in c.items() if k != "source"}
        for c in heerlen["own_criteria"]
        if c["id"] == "own-heerlen-challenge-vista-college"
    ]
    _store(profiles, maastricht)
    _store(profiles, heerlen)
    assert profiles.install_examples() == []
    by_name = {s.name: profiles.get_profile(s.id) for s in profiles.list_profiles()}
    completed = by_name[maastricht["name"]]
    assert completed.policy_rules == _shipped("maastricht").policy_rules
    assert [c.id for c in completed.own_criteria] == [
        "own-maastricht-impactvoucher",
        "own-maastricht-social-return-cnme-mtb",
    ]
    reworded, *kept = completed.focus_sdgs
    assert (reworded.reason, reworded.source, reworded.derived) == ("Ons eigen woord", "", False)
    assert all(f.derived and f.source for f in kept)
    heerlen_now = by_name[heerlen["name"]]
    assert [c.id for c in heerlen_now.own_criteria] == [
        "own-heerlen-challenge-vista-college",
        "own-heerlen-sprinc-entrepreneurs",
        "own-heerlen-stadswerkplaats-repair-cafes",
    ]
    assert heerlen_now.own_criteria[0].source.startswith(HEERLEN_PLAN)  # its source is filled in
    assert heerlen_now.kpis == _shipped("heerlen").kpis

    (summary,) = [s for s in profiles.list_profiles() if s.name == maastricht["name"]]
    profiles.update_profile(summary.id, replace(completed, policy_rules=()))  # the user removes them
    profiles.install_examples()
    assert profiles.get_profile(summary.id).policy_rules == ()  # and that choice stays


# -- the profile editor shows the rules with their sources and gives back what was changed -----------


def test_the_editor_shows_the_rules_and_reads_back_changes(qtbot, shipped_reference) -> None:
    from PySide6.QtCore import Qt

    from compass.ui.profiles.editor import ProfileEditorDialog
    from compass.ui.profiles.policy_rules import GOAL, SOURCE, TEXT

    maastricht = _shipped("maastricht")
    editor = ProfileEditorDialog(maastricht, shipped_reference)
    qtbot.addWidget(editor)
    table = editor.policy_rules.table
    assert table.rowCount() == len(maastricht.policy_rules)
    assert table.item(0, SOURCE).text() == maastricht.policy_rules[0].source
    unchanged = editor.profile()
    assert unchanged is not None  # nothing changed: the same profile, KPIs and all (SDGs in order)
    assert unchanged.focus_sdgs == tuple(sorted(maastricht.focus_sdgs, key=lambda f: f.sdg))
    assert replace(unchanged, focus_sdgs=maastricht.focus_sdgs) == maastricht

    editor.policy_rules.add_row(PolicyRule(""))
    row = table.rowCount() - 1
    table.item(row, TEXT).setText("Eigen regel")
    table.item(row, GOAL).setCheckState(Qt.CheckState.Checked)
    table.removeRow(0)
    edited = editor.profile()
    assert edited is not None
    assert edited.policy_rules[:-1] == maastricht.policy_rules[1:]
    assert edited.policy_rules[-1] == PolicyRule("Eigen regel", "", kind=PolicyKind.GOAL)
    assert edited.focus_sdgs == unchanged.focus_sdgs and edited.kpis == maastricht.kpis

    table.item(row - 1, TEXT).setText(" ")
    table.item(row - 1, SOURCE).setText("Actieplan, hoofdstuk 1")
    assert editor.profile() is None
    assert editor.policy_rules.problem.text() == f"Row {row}: write the rule or goal."
