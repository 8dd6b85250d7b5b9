"""A project leader takes a new tender through every step in the UI, closes the app, starts it again
on the same database and finds everything back."""

from __future__ import annotations

from decimal import Decimal

from compass.core.session import (
    AmbitionLevel,
    Channel,
    ContractKind,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
    Procedure,
    ScoringMethod,
)
from compass.method.steps import STEPS, Step
from compass.ui import dialogs
from compass.ui.indicator_details import IndicatorDetailsDialog
from compass.ui.widgets.criteria_box import VERIFICATION_COLUMN


def test_walk_every_step_then_restart(qtbot, make_window, monkeypatch) -> None:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    monkeypatch.setattr(
        dialogs.TitleDialog, "ask", classmethod(lambda cls, *a, **k: "Groot onderhoud asfalt")
    )
    window.new_action.trigger()
    wizard = window.wizard
    session_id = window.open_session_id

    facts = wizard.pages[Step.FACTS]
    facts.editor("title").setText("Groot onderhoud asfalt 2027")
    facts.editor("organisation").setText("Gemeente Heerlen")
    facts.editor("contract_value_eur").setText("2,400,000")
    kind = facts.editor("contract_kind")
    kind.setCurrentIndex(kind.findData(ContractKind.WORKS.value))
    kind.activated.emit(kind.currentIndex())
    procedure = facts.editor("procedure")
    # EUR 2.4 million of works stays below the EU threshold: a national procedure fits.
    procedure.setCurrentIndex(procedure.findData(Procedure.PUBLIC_NATIONAL.value))
    procedure.activated.emit(procedure.currentIndex())
    facts.editor("scope").setPlainText("Groot onderhoud van 14 km wegdek, inclusief markering.")
    facts.editor("duration").setText("8 maanden uitvoering, geen opties")
    facts.editor("procedure_reason").setPlainText(
        "Onder de drempel voor werken: openbaar nationaal volstaat."
    )
    facts.editor("lots").setPlainText("Geen percelen: één werk met één bouwplaats.")
    facts.editor("project_leader").setText("A. Jansen")
    facts.editor("procurement_adviser").setText("B. de Vries")
    facts.editor("budget_holder").setText("C. Bakker")
    qtbot.keyClicks(facts.editor("decision_date").line, "15-2-2027")  # no Enter, no Tab

    wizard.next_button.click()  # leaving the page saves what was still being typed
    assert wizard.current_step is Step.INVENTORY
    assert window.services.sessions.get_session(session_id).facts.decision_date.isoformat() == "2027-02-15"
    inventory = wizard.pages[Step.INVENTORY]
    for sdg, kind, source, text in (
        (13, EntryKind.RISK, EntrySource.MATERIALS, "CO₂-uitstoot bij productie van asfalt"),
        (12, EntryKind.OPPORTUNITY, EntrySource.MATERIALS, "Hergebruik van asfaltgranulaat"),
    ):
        inventory.sdg.set_current_sdg(sdg)
        inventory.kind.set_current(kind)
        inventory.source.set_current(source)
        inventory.description.setText(text)
        inventory.add_button.click()
    qtbot.waitUntil(lambda: inventory.table.rowCount() == 2)  # pages refresh after each change

    wizard.next_button.click()
    priorities = wizard.pages[Step.PRIORITIES]
    qtbot.waitUntil(lambda: priorities.table.rowCount() == 2)
    priorities.check_box(13).setChecked(True)
    priorities.urgency_box(13).setValue(5)
    priorities.check_box(12).setChecked(True)

    wizard.next_button.click()
    ambition = wizard.pages[Step.AMBITION]
    qtbot.waitUntil(lambda: len(ambition.boxes) == 2)
    ambition.quality.setText("60")  # best price-quality ratio: 40 % price, 60 % quality
    ambition.quality.editingFinished.emit()
    ambition.scoring.setCurrentIndex(ambition.scoring.findData(ScoringMethod.FICTITIOUS_DISCOUNT.value))
    ambition.scoring.activated.emit(ambition.scoring.currentIndex())
    for sdg, level in ((13, AmbitionLevel.SIGNIFICANT), (12, AmbitionLevel.BASIC)):
        box = ambition.level_box(sdg)
        box.setCurrentIndex(box.findData(level.value))
        box.activated.emit(box.currentIndex())
    climate = ambition.boxes[13]
    climate.new_type.set_current(CriterionType.AWARD_CRITERION)
    climate.new_text.setText("Laagste MKI-score krijgt gunningsvoordeel")
    climate.new_weight.setText("20")
    climate.add_button.click()
    circular = ambition.boxes[12]
    circular.new_type.set_current(CriterionType.MINIMUM_REQUIREMENT)
    circular.new_text.setText("Minimaal 30 % hergebruikt asfaltgranulaat")
    circular.add_button.click()
    qtbot.waitUntil(lambda: climate.table.rowCount() == 1 and circular.table.rowCount() == 1)
    # The rest of the 60 % quality: a criterion that serves no SDG, so the weights add up.
    other = ambition.award_model
    other.name.setText("Plan van aanpak")
    other.weight.setText("40")
    other.scale.setText("40 punten uitstekend, 20 voldoende, 0 onvoldoende")
    other.verification.setText("Beoordelingscommissie van drie leden")
    other.add_button.click()
    qtbot.waitUntil(lambda: other.table.rowCount() == 1)
    # Every criterion says how it is checked (the "How it is checked" column, edited in place).
    for box, check in (
        (climate, "MKI-berekening bij inschrijving, getoetst door de inkoopadviseur"),
        (circular, "Leveringsdocumenten en steekproef bij oplevering"),
    ):
        box.table.item(0, VERIFICATION_COLUMN).setText(check)
    qtbot.waitUntil(
        lambda: all(c.verification for c in window.services.sessions.get_session(session_id).criteria)
    )

    wizard.next_button.click()
    indicators = wizard.pages[Step.INDICATORS]
    qtbot.waitUntil(lambda: indicators.sdg.count() == 2)
    for sdg, name, unit, target in (
        (13, "CO₂ vermeden", "kg CO₂", "120,000"),
        (12, "Primaire grondstoffen vermeden", "kg", "800,000"),
    ):
        indicators.sdg.set_current_sdg(sdg)
        indicators.kind.set_current(IndicatorKind.QUANTITATIVE)
        indicators.name.setText(name)
        indicators.unit.setText(unit)
        indicators.baseline.setText("0")
        indicators.target.setText(target)
        indicators.add_button.click()
    qtbot.waitUntil(lambda: indicators.table.rowCount() == 2)

    def fill_details(dialog) -> int:  # the details dialog as a user fills it in
        dialog.role.setEditText("Contractmanager")
        dialog.data_source.setText("MVI Platform impactberekening")
        return IndicatorDetailsDialog.DialogCode.Accepted

    monkeypatch.setattr(IndicatorDetailsDialog, "exec", fill_details)
    for row in range(2):
        indicators.table.selectRow(row)
        indicators.details_button.click()
    qtbot.waitUntil(
        lambda: all(i.data_source for i in window.services.sessions.get_session(session_id).indicators)
    )

    wizard.next_button.click()
    visibility = wizard.pages[Step.VISIBILITY]
    visibility.stakeholder.setEditText("Omwonenden")
    visibility.channel.set_current(Channel.SITE_VISIT)
    visibility.message.setText("Open dag op de vernieuwde weg")
    visibility.add_button.click()

    wizard.next_button.click()
    assert wizard.current_step is Step.SUMMARY
    summary = wizard.pages[Step.SUMMARY].browser
    qtbot.waitUntil(lambda: "No open issues: the strategy is complete." in summary.toPlainText())
    assert all(wizard.step_list._complete[step] for step in STEPS)
    window.close()

    again = make_window()
    assert again.open_session_id == session_id
    snapshot = again.services.sessions.get_session(session_id)
    assert snapshot.facts.title == "Groot onderhoud asfalt 2027"
    assert snapshot.facts.organisation == "Gemeente Heerlen"
    assert snapshot.facts.contract_value_eur == Decimal(2400000)
    assert snapshot.facts.scope.startswith("Groot onderhoud van 14 km")
    assert [(e.sdg, e.kind) for e in snapshot.inventory] == [
        (13, EntryKind.RISK),
        (12, EntryKind.OPPORTUNITY),
    ]
    assert snapshot.priority_sdgs() == (12, 13)
    assert snapshot.priority_for(13).urgency == 5
    assert snapshot.ambition_for(13).level is AmbitionLevel.SIGNIFICANT
    assert [(c.sdg, c.criterion_type, c.weight_pct) for c in snapshot.criteria] == [
        (13, CriterionType.AWARD_CRITERION, Decimal(20)),
        (12, CriterionType.MINIMUM_REQUIREMENT, None),
    ]
    assert [(i.sdg, i.unit, i.target) for i in snapshot.indicators] == [
        (13, "kg CO₂", Decimal(120000)),
        (12, "kg", Decimal(800000)),
    ]
    assert [(c.stakeholder_role, c.channel) for c in snapshot.communication] == [
        ("Omwonenden", Channel.SITE_VISIT)
    ]
    assert again.wizard.pages[Step.INVENTORY].table.rowCount() == 2
    assert [s.title for s in again.services.sessions.list_sessions()] == ["Groot onderhoud asfalt 2027"]
