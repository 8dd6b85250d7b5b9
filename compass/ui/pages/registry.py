"""Which page shows which step: adding a step is one line here (and one in ``compass.method.steps``)."""

from __future__ import annotations

from compass.method.steps import Step
from compass.ui.pages.ambition import AmbitionPage
from compass.ui.pages.base import StepPage
from compass.ui.pages.facts import FactsPage
from compass.ui.pages.indicators import IndicatorsPage
from compass.ui.pages.inventory import InventoryPage
from compass.ui.pages.priorities import PrioritiesPage
from compass.ui.pages.summary import SummaryPage
from compass.ui.pages.visibility import VisibilityPage

PAGES: dict[Step, type[StepPage]] = {
    Step.FACTS: FactsPage,
    Step.INVENTORY: InventoryPage,
    Step.PRIORITIES: PrioritiesPage,
    Step.AMBITION: AmbitionPage,
    Step.INDICATORS: IndicatorsPage,
    Step.VISIBILITY: VisibilityPage,
    Step.SUMMARY: SummaryPage,
}
