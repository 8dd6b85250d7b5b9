"""The shipped reference knowledge: complete, consistent, readable, and refused with a named error
when a file is broken."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from compass.core.errors import ReferenceDataError
from compass.core.session import AmbitionLevel, CriterionType, IndicatorKind, Procedure
from compass.paths import resource_path
from compass.reference.loading import DATA_FILES, load_reference_data


@pytest.fixture(scope="module")
def reference():
    return load_reference_data()


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_all_17_sdgs_with_names_colours_and_readable_text(reference) -> None:
    assert [sdg.number for sdg in reference.sdgs] == list(range(1, 18))
    for sdg in reference.sdgs:
        assert sdg.name.nl and sdg.name.en and sdg.description.nl and sdg.description.en
        assert _contrast(sdg.colour, sdg.text_colour) >= 4.5, sdg.number
    assert reference.sdg(13).name.nl == "Klimaatactie"
    assert reference.sdg(7).colour == "#FCC30B"


def test_the_six_themes_and_their_sdgs(reference) -> None:
    themes = {theme.id: theme for theme in reference.themes}
    assert set(themes) == {
        "climate",
        "circular",
        "environment",
        "isv",
        "diversity_inclusion",
        "social_return",
    }
    assert themes["climate"].primary_sdgs == (13,)
    assert themes["circular"].primary_sdgs == (12,)
    assert themes["environment"].primary_sdgs == (11,)
    assert themes["social_return"].primary_sdgs == (8,)
    assert 10 in themes["isv"].primary_sdgs and 10 in themes["diversity_inclusion"].primary_sdgs


def test_vocabulary_covers_the_methods_codes(reference) -> None:
    assert [t.id for t in reference.ambition_levels] == [level.value for level in AmbitionLevel]
    assert {t.id for t in reference.criterion_types} == {t.value for t in CriterionType}
    assert [m.level for m in reference.manifest_levels] == [1, 2, 3, 4, 5]
    assert reference.manifest_levels[3].name.nl == "Borging"
    assert reference.manifest_levels[4].name is None  # not in our sources: no invented name
    assert not reference.procedure_rules(Procedure.SINGLE_QUOTE).allows_award_criteria
    assert reference.procedure_rules(Procedure.PUBLIC_EUROPEAN).allows_award_criteria
    assert reference.innovation_dialogues == 2


def test_catalogues_meet_their_minimum_sizes(reference) -> None:
    assert len(reference.criteria) >= 60
    assert len(reference.indicators) >= 30
    assert len(reference.categories) >= 30
    assert {c.level for c in reference.criteria} == set(AmbitionLevel)
    assert any(i.kind is IndicatorKind.QUALITATIVE for i in reference.indicators)


def test_every_reference_resolves(reference) -> None:
    theme_ids = {theme.id for theme in reference.themes}
    for criterion in reference.criteria:
        assert criterion.theme is None or criterion.theme in theme_ids, criterion.id
    for indicator in reference.indicators:
        assert indicator.theme is None or indicator.theme in theme_ids, indicator.id
        if indicator.kind is IndicatorKind.QUANTITATIVE:
            assert indicator.unit is not None, indicator.id
    for category in reference.categories:
        assert set(category.themes) <= theme_ids, category.id
        for suggestion in category.suggestions:
            assert suggestion.sdg in category.sdgs
            assert reference.suggestion(suggestion.id) is suggestion
    for instrument in ("r-ladder", "mki", "co2-performance-ladder", "pso"):
        assert reference.instrument(instrument).explanation.nl
    assert [step.code for step in reference.instrument("r-ladder").steps] == [f"R{n}" for n in range(10)]


def test_stakeholder_roles_of_figure_13(reference) -> None:
    roles = {role.id for role in reference.roles}
    assert {
        "administrator",
        "senior_policy_officer",
        "management",
        "budget_holder",
        "project_leader",
        "procurement_adviser",
        "contractor",
        "supplier",
    } <= roles
    budget_holder = reference.role("budget_holder")
    assert any("indicator" in r.en for r in budget_holder.responsibilities)


def test_urgency_hints_name_their_source_and_year(reference) -> None:
    assert reference.urgency.year == 2021
    assert "Brede Welvaart" in reference.urgency.source.nl
    assert {sdg for sdg in range(1, 18) if reference.urgency.for_sdg(sdg)} == {3, 10, 13, 14, 15}


# -- the content against the seeds -------------------------------------------------------------------

INDICATORS_OF_CHAPTERS_5_AND_8 = [
    ("ind-co2-avoided", 13, "kg CO₂", 5),
    ("ind-nox-avoided", 11, "kg NOx", 3),
    ("ind-primary-materials-avoided", 12, "kg", 4),
    ("ind-fair-trade-products", 10, "number", 1),
    ("ind-sroi-share", 8, "%", 2),
    ("ind-sroi-hours", 8, "hours", 2),
    ("ind-pilots", 17, "number", 6),
]


@pytest.mark.parametrize("indicator_id, sdg, unit, kpi", INDICATORS_OF_CHAPTERS_5_AND_8)
def test_indicators_of_the_seed_with_sdg_unit_and_heerlens_kpi(
    reference, heerlen_profile, indicator_id, sdg, unit, kpi
) -> None:
    indicator = reference.indicator(indicator_id)
    assert indicator.sdgs[0] == sdg
    assert indicator.unit.en == unit
    assert heerlen_profile.kpi_for_indicator(indicator_id).number == kpi


@pytest.fixture(scope="module")
def heerlen_profile():
    import json

    from compass.core.profile import profile_from_document
    from compass.paths import resource_path

    path = resource_path("profiles", "example-heerlen.json")
    return profile_from_document(json.loads(path.read_text(encoding="utf-8")))


# One organisation's facts never reach the reference data every user sees (DOMAIN: organisation
# policy); they live in that organisation's profile.
ORGANISATION_FACTS = ("Heerlen", "Maastricht", "Parkstad", "Vista", "per jaar", "3 a year", "a year)")


def test_generic_reference_data_holds_no_organisations_own_facts() -> None:
    from compass.paths import resource_path

    for path in sorted(resource_path("data").glob("*.json")):
        for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if '"source"' in line:  # citing an organisation's plan as the source is right
                continue
            found = [fact for fact in ORGANISATION_FACTS if fact in line]
            assert not found, f"{path.name}:{line_number}: {found} in {line.strip()[:120]}"


def test_the_organisations_own_facts_are_in_their_profiles(heerlen_profile) -> None:
    own = {c.id: c for c in heerlen_profile.own_criteria}
    assert "Vista college" in own["own-heerlen-challenge-vista-college"].text
    assert "Gebroken Bossen" in own["own-heerlen-biodiversity-projects"].text


def test_indicators_the_issue_lists_are_present(reference) -> None:
    units = {(i.sdgs[0], i.unit.en if i.unit else None) for i in reference.indicators}
    for expected in [(12, "%"), (13, "m³"), (13, "m²"), (7, "%"), (12, "EUR"), (8, "number")]:
        assert expected in units, expected
    names = " ".join(i.name.en for i in reference.indicators)
    for words in (
        "reused",
        "renewable",
        "reusable",
        "native trees",
        "Performance Ladder",
        "Social Enterprise",
        "work-experience",
        "Social enterprises",
    ):
        assert words.lower() in names.lower(), words


# -- broken files ----------------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(resource_path("data"), folder)
    return folder


def _edit(folder: Path, name: str, change) -> None:
    path = folder / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_an_unknown_sdg_is_named_with_file_and_entry(data_copy: Path) -> None:
    def break_it(data):
        data["criteria"][3]["sdgs"] = [18]

    _edit(data_copy, "criteria", break_it)
    criterion_id = json.loads((data_copy / "criteria.json").read_text(encoding="utf-8"))["criteria"][3][
        "id"
    ]
    with pytest.raises(ReferenceDataError) as caught:
        load_reference_data(data_copy)
    message = str(caught.value)
    assert message.startswith("criteria.json: ")
    assert criterion_id in message and "18" in message


def test_a_missing_dutch_text_is_named(data_copy: Path) -> None:
    _edit(data_copy, "themes", lambda data: data["themes"][1]["name"].pop("nl"))
    with pytest.raises(ReferenceDataError, match=r"themes\.json: .*circular.*'nl'"):
        load_reference_data(data_copy)


def test_not_json_at_all(data_copy: Path) -> None:
    (data_copy / "indicators.json").write_text("{ this is not json", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"indicators\.json: file: not valid JSON"):
        load_reference_data(data_copy)


def test_a_missing_file_is_named(data_copy: Path) -> None:
    (data_copy / "urgency.json").unlink()
    with pytest.raises(ReferenceDataError, match=r"urgency\.json: file"):
        load_reference_data(data_copy)


def test_duplicate_ids_are_refused(data_copy: Path) -> None:
    def duplicate(data):
        data["indicators"].append(dict(data["indicators"][0]))

    _edit(data_copy, "indicators", duplicate)
    with pytest.raises(ReferenceDataError, match="appears twice"):
        load_reference_data(data_copy)


def test_a_suggestion_outside_the_categorys_sdgs_is_refused(data_copy: Path) -> None:
    def wrong(data):
        category = data["categories"][0]
        outside = next(n for n in range(1, 18) if n not in category["sdgs"])
        category["risks"][0]["sdg"] = outside

    _edit(data_copy, "categories", wrong)
    with pytest.raises(ReferenceDataError, match=r"categories\.json: .*risks"):
        load_reference_data(data_copy)


def test_every_data_file_is_loaded() -> None:
    assert {p.stem for p in resource_path("data").glob("*.json")} == set(DATA_FILES)


# Every cell of bijlage 3 of seed 001 (DOMAIN.md's catalogue table): SDG, level, words of the example.
BIJLAGE_3 = [
    (10, "1", "MVO Risicochecker"),
    (10, "2", "Fair Trade"),
    (10, "2", "armoede"),
    (10, "3", "eerlijke productieketen"),
    (4, "1", "rekentool"),
    (4, "2", "praktijkgestuurd leren"),
    (4, "3", "challenges"),
    (7, "1", "windcertificaten"),
    (7, "1", "groengascertificaten"),
    (7, "1", "vermeden CO₂"),
    (7, "2", "eigen terrein"),
    (7, "2", "voor het project zelf"),
    (7, "3", "oplaadpunten"),
    (8, "1", "van de opdrachtsom aan Social Return"),  # Heerlen's 2-5 % lives in its profile
    (8, "2", "werkervaringsplaatsen"),
    (8, "2", "sociale ondernemingen"),
    (8, "2", "werkbedrijf"),
    (8, "3", "schone kringlopen"),
    (12, "1", "afval en transport"),
    (12, "1", "primaire materialen"),
    (12, "2", "hergebruikt"),
    (12, "2", "hernieuwbaar"),
    (12, "2", "herbruikbaar"),
    (12, "3", "Milieukostenindicator"),
    (12, "3", "materialenregisseur"),
    (12, "3", "repair"),
    (13, "1", "klimaateisen"),
    (13, "1", "vermeden CO₂"),
    (13, "2", "Waterbuffering"),
    (13, "2", "inheemse bomen"),
    (13, "2", "Ontharden"),
    (13, "2", "Emissievrij"),
    (13, "3", "hittestress"),
    (13, "3", "klimaatadaptatieplan"),
    (15, "1", "juiste plant"),
    (15, "1", "duurzaam beheerde bossen"),
    (15, "2", "ruimtebeslag"),
    (15, "2", "groenbeheer"),
    (15, "2", "bodemvruchtbaarheid"),
    (15, "3", "biodiversiteit"),
    (15, "3", "Natuurinclusief"),
    (3, "1", "Schadelijke stoffen"),
    (3, "1", "Dierproefvrije"),
    (3, "1", "CMR"),
    (3, "2", "luchtkwaliteit"),
    (3, "2", "Geluidsreductie"),
    (3, "2", "beweging"),
    (3, "3", "(school)pleinen"),
    (3, "3", "snuffelfietsen"),
    (11, "1", "Energie-efficiëntielabels"),
    (11, "1", "NOx"),
    (11, "2", "Emissiereductie"),
    (11, "2", "leefbaarheid"),
    (11, "3", "kringlopen"),
]


@pytest.mark.parametrize("sdg, level, words", BIJLAGE_3, ids=lambda v: str(v))
def test_every_example_of_bijlage_3_is_in_the_catalogue(reference, sdg, level, words) -> None:
    found = [
        c
        for c in reference.criteria_for(sdg=sdg, level=AmbitionLevel(level))
        if words.casefold() in c.text.nl.casefold()
    ]
    assert found, f"SDG {sdg} level {level}: nothing with {words!r}"
    assert any(c.sdgs[0] == sdg for c in found)


def test_every_source_is_one_a_user_can_check(reference) -> None:
    """Sources name a document and section or a public source; never the team's internal brief."""
    import json

    from compass.paths import resource_path

    internal = ("domain.md", "brief", "style.md", "issue")
    for path in sorted(resource_path("data").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        for node in _sources(json.loads(text)):
            assert not any(word in node.lower() for word in internal), f"{path.name}: {node}"


def _sources(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "source" and isinstance(value, str):
                yield value
            else:
                yield from _sources(value)
    elif isinstance(node, list):
        for value in node:
            yield from _sources(value)
