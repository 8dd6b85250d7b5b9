"""The shipped reference knowledge: complete, consistent, readable, and refused with a named error
when a file is broken."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from compass.core.errors import ReferenceDataError
from compass.core.session import AmbitionLevel, CriterionType, IndicatorKind, Procedure
from compass.paths import resource_path
from compass.reference.loading import DATA_FILES, load_reference_data
from compass.reference.types import LocalizedText, ReferenceData


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
    assert len(reference.criteria) >= 150
    assert len(reference.indicators) >= 50
    assert len(reference.categories) >= 45
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


def test_the_contract_manager_watches_the_contract(reference) -> None:
    manager = reference.role("contract_manager")
    assert manager.name.nl == "Contractmanager"
    assert any("contract" in r.en for r in manager.responsibilities)
    assert "Heerlen 2024-2026, hoofdstuk 7" in manager.source


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
ORGANISATION_FACTS = (
    "Heerlen",
    "Maastricht",
    "Parkstad",
    "Vista",
    "per jaar",
    "3 a year",
    "a year)",
    # Local partners and instruments an audit found in the generic catalogue (issue 23).
    "CNME",
    "MTB",
    "Sprinc",
    "stadswerkplaats",
    "municipal workshop",
    "impactvoucher",
    "impact voucher",
    "Podium24",
    "SZMH",
    "Mosae",
    "Gebroken Bossen",
    "twee SDG-dialogen",
    "two SDG dialogues",
)


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


# -- procurement categories and what the catalogue offers each ------------------------------------

NATIONAL_ISV_HIGH_RISK = {
    "cat-workwear",
    "cat-catering",
    "cat-paper-print",
    "cat-energy",
    "cat-waste-management",
    "cat-office-supplies",
    "cat-laboratory",
    "cat-ict-workplace",
    "cat-data-centres",
    "cat-data-connections",
}
# Besides the ten: cleaning, ICT hardware (the ICT workplace), vehicles and transport, office furniture.
EVERYDAY_CATEGORIES = {
    "cat-catering",
    "cat-cleaning",
    "cat-ict-workplace",
    "cat-vehicles",
    "cat-transport-logistics",
    "cat-office-furniture",
    "cat-energy",
}


def test_the_ten_isv_high_risk_categories_and_the_everyday_ones(reference) -> None:
    # The city newspaper is print: it falls in the national list's "papier en print" (issue 23).
    assert {c.id for c in reference.categories if c.isv_high_risk} == NATIONAL_ISV_HIGH_RISK | {
        "cat-city-newspaper"
    }
    assert {c.id for c in reference.categories} >= EVERYDAY_CATEGORIES
    assert "hardware" in reference.category("cat-ict-workplace").name.nl


def coverage_gaps(reference: ReferenceData) -> list[str]:
    """What a category falls short of: a criterion at each ambition level, a quantitative indicator."""
    gaps = []
    for category in reference.categories:
        criteria = reference.criteria_for_category(category.id)
        for level in AmbitionLevel:
            found = sum(1 for c in criteria if c.level is level)
            if not found:
                gaps.append(f"{category.id}: no criterion at ambition level {level.value}")
        measurable = [
            i
            for i in reference.indicators_for_category(category.id)
            if i.kind is IndicatorKind.QUANTITATIVE
        ]
        if not measurable:
            gaps.append(f"{category.id}: no quantitative indicator")
    return gaps


def test_every_category_offers_each_ambition_level_and_a_measurable_indicator(reference) -> None:
    gaps = coverage_gaps(reference)
    assert not gaps, "\n".join(gaps)


def test_a_category_that_falls_short_is_named(data_copy: Path) -> None:
    def untag_level_3(data):
        for criterion in data["criteria"]:
            if criterion["level"] == "3" and "cat-cleaning" in criterion.get("categories", []):
                criterion["categories"].remove("cat-cleaning")

    _edit(data_copy, "criteria", untag_level_3)
    assert coverage_gaps(load_reference_data(data_copy)) == [
        "cat-cleaning: no criterion at ambition level 3"
    ]


def test_entries_of_a_category_are_found_in_catalogue_order(reference) -> None:
    cleaning = reference.criteria_for_category("cat-cleaning")
    assert cleaning == tuple(c for c in reference.criteria if "cat-cleaning" in c.categories)
    assert reference.criterion("crit-3-cleaning-ecolabel-products") in cleaning
    assert reference.criterion("crit-12-ict-refurbished-share") not in cleaning
    assert reference.indicator("ind-food-waste") in reference.indicators_for_category("cat-catering")
    assert reference.criteria_for_category("cat-nope") == ()


def test_what_the_catering_tender_could_not_find(reference) -> None:
    """The issue: no award criterion for organic or animal-welfare meat, no food-waste or organic
    share indicator, nothing on emission-free delivery or city logistics, CO2 only in kg."""
    award = [
        c
        for c in reference.criteria_for_category("cat-catering")
        if c.criterion_type is CriterionType.AWARD_CRITERION
    ]
    assert any("biologisch" in c.text.nl and "vlees" in c.text.nl.lower() for c in award)
    assert any("dierenwelzijn" in c.text.nl for c in award)
    measured = {
        i.id
        for i in reference.indicators_for_category("cat-catering")
        if i.kind is IndicatorKind.QUANTITATIVE
    }
    assert {"ind-food-waste", "ind-food-waste-per-meal", "ind-organic-share"} <= measured
    for word in ("bezorg", "logistiek", "transport"):
        assert reference.criteria_for(text=word), word
        assert any(c.name.contains(word) for c in reference.categories), word
    delivery = reference.criteria_for(text="emissievrij")
    assert any("cat-catering" in c.categories for c in delivery)


def test_co2_can_be_given_in_tonnes(reference) -> None:
    co2 = reference.indicator("ind-co2-avoided")
    assert co2.unit == LocalizedText("kg CO₂", "kg CO₂")
    assert (LocalizedText("ton CO₂", "tonnes CO₂"), Decimal(1000)) in co2.equivalent_units
    for indicator in reference.indicators:
        for _unit, factor in indicator.equivalent_units:
            assert indicator.unit is not None and factor > 0, indicator.id


# Publications a user can look up. Each part of a source (split on ';') names one of them, or marks
# what the product added itself ('verificatie: eigen aanvulling', 'eenheid: eigen aanvulling').
CHECKABLE_SOURCES = (
    "Actieplan MVOI Heerlen 2024-2026",
    "Actieplan MVOI Maastricht 2025-2028",
    "MVI-criteriatool (mvicriteria.nl)",
    "PIANOo, ",
    "Nationaal plan MVI 2021-2025",
    "Aanbestedingswet 2012",
    "Gedelegeerde Verordening (EU)",
    "Europese Commissie",
    "Regeling bevordering schone wegvoertuigen",
    "Richtlijn ",
    "Wet milieubeheer",
    "EU Ecolabel",
    "SKAO",
    "PBL",
    "CircuLaw",
    "VNG",
    "TCO Certified",
    "Wegwijzer circulair inkopen (GDCI)",
    "Code Verantwoordelijk Marktgedrag",
    "IMVO-convenant",
    "UN Sustainable Development Goals",
    "colours from the UN",
    # Laws and regulations a buyer of passenger transport, energy, buildings or Wmo services meets.
    "Wet personenvervoer 2000",
    "Wet maatschappelijke ondersteuning 2015",
    "Uitvoeringsbesluit Wmo 2015",
    "Wet op het primair onderwijs",
    "Arbeidstijdenbesluit vervoer",
    "Besluit bouwwerken leefomgeving",
    "Besluit toegankelijkheid van het openbaar vervoer",
    "Regeling garanties van oorsprong",
    "Klimaatakkoord (2019)",
    "Bestuursakkoord Zero Emissie",
    "cao Taxivervoer",
    # Norms, codes, labels and the bodies that run them.
    "NEN-ISO ",
    "Code Veilig Vervoer Rolstoelinzittenden",
    "Stichting TX-Keur",
    "Kiwa Register",
    "Justis",
    "VertiCer",
    "Sociaal Fonds Mobiliteit",
    "Inspectie Leefomgeving en Transport",
    "Green Key (greenkey.nl)",
    "Gids voor duurzame aankopen",
    # Knowledge centres and the national criteria documents before the MVI criteria tool.
    "CROW-KpVV, ",
    "KpVV, ",
    "KpVV (CROW), ",
    "Agentschap NL, Criteria voor duurzaam inkopen van ",
    "Criteria voor duurzaam inkopen van ",
    "Milieucriteria voor het maatschappelijk verantwoord inkopen van ",
    # Public-space works: the knowledge bodies and agreements behind roads, sewers and structures.
    "CROW, ",
    "Stichting RIONED",
    "Energieakkoord voor duurzame groei",
    "Nationaal Platform Duurzame Wegverharding",
    "TPAC, ",
    "VN-verdrag",
    "Verordening (EU) 2016/1628",
)
# What the product wrote itself: a verification ('verificatie: eigen aanvulling'), a unit, or the
# wording of a criterion after its source ('criteriumtekst: eigen uitwerking').
OWN_ADDITION = (": eigen aanvulling", ": eigen uitwerking")


def _every_source(reference: ReferenceData):
    for kind, entries in (
        ("criterion", reference.criteria),
        ("indicator", reference.indicators),
        ("category", reference.categories),
        ("role", reference.roles),
        ("theme", reference.themes),
        ("instrument", reference.instruments),
        ("threshold period", reference.threshold_periods),
    ):
        for entry in entries:
            yield f"{kind} {entry.id}", entry.source


def test_every_entry_cites_a_source_a_user_can_look_up(reference) -> None:
    unchecked = []
    for entry, source in _every_source(reference):
        parts = [part.strip() for part in source.split(";")]
        cited = [part for part in parts if part.startswith(CHECKABLE_SOURCES)]
        other = [p for p in parts if not p.startswith(CHECKABLE_SOURCES) and not p.endswith(OWN_ADDITION)]
        if not cited or other:
            unchecked.append(f"{entry}: {source!r}")
    assert not unchecked, "\n".join(unchecked)


def test_every_criterion_says_where_its_verification_comes_from(reference) -> None:
    """The verification texts are the product's own unless a source says otherwise; it is marked."""
    unmarked = [c.id for c in reference.criteria if "verificatie: " not in c.source]
    assert not unmarked


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


def test_an_unknown_category_is_named_with_file_and_entry(data_copy: Path) -> None:
    def wrong(data):
        data["criteria"][5]["categories"] = ["cat-catering", "cat-nope"]

    _edit(data_copy, "criteria", wrong)
    criterion_id = json.loads((data_copy / "criteria.json").read_text(encoding="utf-8"))["criteria"][5][
        "id"
    ]
    with pytest.raises(ReferenceDataError) as caught:
        load_reference_data(data_copy)
    message = str(caught.value)
    assert message.startswith(f"criteria.json: criteria[5] ({criterion_id}) > categories: ")
    assert "'cat-nope'" in message


def test_an_indicator_with_an_unknown_category_is_refused(data_copy: Path) -> None:
    _edit(data_copy, "indicators", lambda data: data["indicators"][2].update(categories=["cat-nope"]))
    with pytest.raises(ReferenceDataError, match=r"^indicators\.json: indicators\[2\] .*'cat-nope'"):
        load_reference_data(data_copy)


@pytest.mark.parametrize("factor", ["0", "-1000", "1e3", ""])
def test_an_equivalent_unit_needs_a_positive_exact_factor(data_copy: Path, factor: str) -> None:
    def wrong(data):
        data["indicators"][0]["equivalent_units"] = [
            {"unit": {"nl": "ton", "en": "tonnes"}, "factor": factor}
        ]

    _edit(data_copy, "indicators", wrong)
    with pytest.raises(ReferenceDataError, match=r"indicators\.json: .*equivalent_units"):
        load_reference_data(data_copy)


def test_an_indicator_without_a_unit_has_no_equivalent_units(data_copy: Path) -> None:
    def wrong(data):
        qualitative = next(i for i in data["indicators"] if i["unit"] is None)
        qualitative["equivalent_units"] = [{"unit": {"nl": "ton", "en": "tonnes"}, "factor": "1000"}]

    _edit(data_copy, "indicators", wrong)
    with pytest.raises(ReferenceDataError, match="without a unit has no equivalent units"):
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


def test_roles_are_stored_as_codes_and_shown_in_the_current_language(reference) -> None:
    assert reference.role_code(" Gemeenteraad ") == "municipal_council"
    assert reference.role_code("Municipal council") == "municipal_council"
    assert reference.role_code("Buurtvereniging De Kemp") == "Buurtvereniging De Kemp"  # own words stay
    assert reference.role_words("municipal_council", "en") == "Municipal council"
    assert reference.role_words("Gemeenteraad", "en") == "Municipal council"  # stored by name before
    assert reference.role_words("contract_manager", "nl") == "Contractmanager"
    assert reference.role_words("Buurtvereniging De Kemp", "en") == "Buurtvereniging De Kemp"


def test_every_threshold_period_names_the_regulation_that_sets_it(reference) -> None:
    """A buyer checks a threshold against its source: the Commission's delegated regulation for the
    classic directive (2024-2025: 2023/2495; 2026-2027: 2025/2152), not a general description."""
    import re

    cited = re.compile(r"Verordening \(EU\) (\d{4}/\d+)")
    regulations = {period.id: cited.findall(period.source) for period in reference.threshold_periods}
    assert regulations["2024-2025"] == ["2023/2495"]
    assert regulations["2026-2027"] == ["2025/2152"]
    assert all(regulations.values()), regulations


def test_a_duty_that_falls_at_or_after_the_award_is_a_contract_condition(reference) -> None:
    """A minimum requirement is met by every offer; a calculation or report the contractor makes "bij
    opdrachtverlening" is a contract condition (art. 2.80 Aw), as Heerlen's standard CO2 calculation
    is (issue 23: six such entries were typed as minimum requirements)."""
    import re

    from compass.core.session import CriterionType

    after_award = re.compile(r"\b(bij opdrachtverlening|na gunning|na opdrachtverlening)\b", re.IGNORECASE)
    mistyped = [
        criterion.id
        for criterion in reference.criteria
        if after_award.search(criterion.text("nl"))
        and criterion.criterion_type is not CriterionType.CONTRACT_CONDITION
    ]
    assert mistyped == []
    calculation = reference.criterion("crit-7-co2-avoided-calculation")
    assert calculation.criterion_type is CriterionType.CONTRACT_CONDITION


def test_an_r_ladder_step_named_in_a_text_is_the_step_the_text_describes(reference) -> None:
    """PBL's R-ladder: R3 is reuse, R8 recycling. Asphalt granulate in new asphalt was called "(R3)",
    and the indicator of recycled waste counted only "R3 or higher", leaving out the recycling its id
    names (issue 23). A text that speaks of recycling names a range reaching R8; of reuse, one with R3."""
    import re

    texts = []
    for path in [*resource_path("data").glob("*.json"), *resource_path("profiles").glob("*.json")]:
        texts += re.findall(r'"([^"]*\bR\d\b[^"]*)"', path.read_text(encoding="utf-8"))
    for path in resource_path("examples").glob("*.json"):
        texts += re.findall(r'"([^"]*\bR\d\b[^"]*)"', path.read_text(encoding="utf-8"))
    wrong = []
    for text in texts:
        numbers = [int(n) for n in re.findall(r"\bR(\d)\b", text)]
        steps = set(range(min(numbers), max(numbers) + 1))
        if re.search(r"recycl|granula", text, re.IGNORECASE) and 8 not in steps:
            wrong.append(text)
        if re.search(r"hergebruik|\breuse", text, re.IGNORECASE) and 3 not in steps:
            wrong.append(text)
    assert wrong == []
    recycled = reference.indicator("ind-waste-recycled").definition
    assert "R8" in recycled("nl") and "R8" in recycled("en")


def test_the_flags_and_tags_an_audit_found_wrong(reference) -> None:
    """Issue 23, item 10: an ISV check for the printed city newspaper, mobile data in the ISV category
    of data connections, reuse of natural stone on SDG 12 (not 10), no vehicle CO2 cap for fuel cards
    (no vehicles are bought), and item 14: the CO2 Performance Ladder cited to its scheme, not to a
    national plan that only names it; a bijlage 3 example names its row."""
    newspaper = reference.category("cat-city-newspaper")
    assert newspaper.isv_high_risk
    assert any(c.theme == "isv" for c in reference.criteria_for_category("cat-city-newspaper"))
    assert "5G" in reference.category("cat-data-connections").name.nl
    stone = reference.category("cat-natural-stone")
    reuse = [s for s in stone.suggestions if "Hergebruik" in s.text.nl]
    assert reuse and all(s.sdg == 12 for s in reuse)
    assert reference.criterion("crit-13-vehicle-co2-limit") not in reference.criteria_for_category("cat-fuel-cards")
    for entry_id in ("crit-13-co2-ladder-certificate", "crit-13-co2-performance-ladder-award"):
        assert "Nationaal plan" not in reference.criterion(entry_id).source
        assert reference.criterion(entry_id).source.startswith("SKAO")
    import re

    row = re.compile(r"bijlage 3, rij SDG (\d+)")
    for criterion in reference.criteria:
        if "bijlage 3" in criterion.source:
            found = row.search(criterion.source)
            assert found and int(found.group(1)) in criterion.sdgs, criterion.id


def test_the_sports_hall_example_speaks_of_its_roof_not_of_bridges() -> None:
    """A catalogue text copied whole ("eigen terrein, gebouwen of bruggen") into the sports hall's
    award criterion asked a building contractor about bridges (issue 23)."""
    document = json.loads(resource_path("examples", "binnensportaccommodatie-pilot.json").read_text("utf-8"))
    texts = [criterion["text"] for criterion in document["criteria"]]
    assert not [text for text in texts if "brug" in text.casefold()]


def test_a_requirement_says_what_passes(reference) -> None:
    """A minimum requirement is pass or fail at the offer: "minimaliseert", "streeft naar" and "zo veel
    mogelijk" are aims a bid cannot fail (DOMAIN: instrument type; issue 23 and 24)."""
    import re

    aims = re.compile(r"minimalise|streeft naar|zo veel mogelijk|zoveel mogelijk|zo groot mogelijk", re.IGNORECASE)
    vague = [
        criterion.id
        for criterion in reference.criteria
        if criterion.criterion_type is CriterionType.MINIMUM_REQUIREMENT and aims.search(criterion.text.nl)
    ]
    assert vague == []


def test_a_quay_wall_or_bridge_buyer_finds_the_civil_structures(reference) -> None:
    """"Onderhoud kunstwerken" means civil structures; its risks spoke of artists (issue 23)."""
    structures = reference.category("cat-art-maintenance")
    for word in ("kademuur", "brug"):
        assert word in structures.name.nl.casefold()
    assert "quay wall" in structures.name.en.casefold()
    assert not any("kunstenaar" in s.text.nl.casefold() for s in structures.suggestions)
    assert reference.criterion("crit-11-art-culture-in-project") not in reference.criteria_for_category(
        "cat-art-maintenance"
    )
    for category in ("cat-winter-gritting", "cat-roads", "cat-sewer-systems", "cat-traffic-control"):
        reference.category(category)  # the product groups of public-space works are there


@pytest.mark.parametrize("word", ["chauffeur", "vervoer", "VOG", "leerling"])
def test_a_pupil_transport_buyer_finds_entries_by_the_words_of_the_trade(reference, word) -> None:
    """An unseen pupil-transport tender found nothing for these words (issue 23, item 12)."""
    found = [c for c in reference.criteria_for(text=word) if "cat-pupil-transport" in c.categories]
    assert found, word


def test_energy_supply_has_guarantees_of_origin_green_gas_and_local_initiatives(reference) -> None:
    energy = reference.criteria_for_category("cat-energy")
    awards = [c for c in energy if c.criterion_type is CriterionType.AWARD_CRITERION]
    assert any("groen gas" in c.text.nl.casefold() for c in awards)
    assert any("energiecoöperatie" in c.text.nl.casefold() or "lokale energie" in c.text.nl.casefold() for c in energy)
    # Cancelling the guarantees each year in the buyer's name is a duty during the contract.
    cancelled = [c for c in energy if " boekt " in c.text.nl and "garanties van oorsprong" in c.text.nl.casefold()]
    assert any("wind- of zonne-energie" in c.text.nl for c in cancelled)
    assert all(c.criterion_type is CriterionType.CONTRACT_CONDITION for c in cancelled)
    gas = [i for i in reference.indicators_for_category("cat-energy") if "groen gas" in i.name.nl.casefold()]
    assert any(13 in i.sdgs for i in gas)


def test_every_award_criterion_says_how_it_scores(reference) -> None:
    """An award criterion without a scale ("... worden beloond") cannot be scored (issue 24); the
    catalogue gives each one points, a pro-rata scale or a discount the team adjusts."""
    from compass.core.session import Criterion
    from compass.method.completeness import says_how_it_scores

    unscaled = [
        c.id
        for c in reference.criteria
        if c.criterion_type is CriterionType.AWARD_CRITERION
        for language in ("nl", "en")
        if not says_how_it_scores(Criterion(1, c.sdgs[0], c.criterion_type, c.text(language), None, c.verification(language)))
    ]
    assert unscaled == []


def test_every_innovation_question_binds_a_party(reference) -> None:
    """An innovation-oriented question names who offers or does what (the tenderer, the contractor, the
    market); "Pilot met maatregelen om hittestress tegen te gaan" binds no one, and the tender documents
    cannot hold a bidder or contractor to it."""
    from compass.method.completeness import binds_a_party

    unbound = [
        f"{c.id} ({language})"
        for c in reference.criteria
        if c.criterion_type is CriterionType.INNOVATION_QUESTION
        for language in ("nl", "en")
        if not binds_a_party(c.text(language))
    ]
    assert not unbound, "innovation questions that bind no party: " + ", ".join(unbound)


def test_every_innovation_question_of_the_examples_binds_a_party() -> None:
    from compass.method.completeness import binds_a_party

    unbound = []
    for path in sorted(resource_path("examples").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        for number, criterion in enumerate(document["criteria"]):
            if criterion["criterion_type"] == CriterionType.INNOVATION_QUESTION.value and not binds_a_party(
                criterion["text"]
            ):
                unbound.append(f"{path.name}: criteria[{number}] ({criterion.get('catalogue_id', '')})")
    assert not unbound, "innovation questions that bind no party: " + ", ".join(unbound)
