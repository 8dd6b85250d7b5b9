"""The summary: the whole strategy at a glance (facts, priority SDGs with their ambition and
indicators) and the open gaps, each linked to the step that fixes it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import CriterionType, Problem, SessionSnapshot, SessionStatus
from compass.formatting import format_day, format_number
from compass.i18n import _, current_language, ngettext
from compass.method.criteria import award_basis_text
from compass.method.policy import policy_status_text
from compass.method.reasons import priority_reason_text
from compass.method.steps import Step, all_advice, all_gaps
from compass.ui.commands import SetStatusCommand
from compass.ui.pages.base import PageContext, StepPage, page_heading
from compass.ui.pdf_export import PdfExporter

STEP_LINK = "step:"


class SummaryPage(StepPage):
    step = Step.SUMMARY

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._title, self._intro = page_heading(layout)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        layout.addWidget(self.browser, 1)
        self.export_language = QComboBox()
        self.export_language.addItem("Nederlands", "nl")
        self.export_language.addItem("English", "en")
        self.export_button = QPushButton()
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.export_pdf)
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.exporter = PdfExporter(self)
        self.exporter.started.connect(self._on_exporter_started)
        self.exporter.finished.connect(self._on_exporter_finished)
        self.exporter.failed.connect(self._on_exporter_failed)
        self.status_label = QLabel()
        self.status_button = QPushButton()
        self.status_button.clicked.connect(self._on_status_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.status_label)
        row.addWidget(self.status_button)
        row.addWidget(self.export_status, 1)
        row.addWidget(self.export_language)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.setFocusProxy(self.browser)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._title.setText(_("Summary"))
        self._intro.setText(
            _(
                "The strategy at a glance, and what is still open. Click a gap to go "
                "to the step that fixes it."
            )
        )
        self.browser.setAccessibleName(_("Summary of the session"))
        self.export_button.setText(_("&Export as PDF\u2026"))
        self.export_button.setToolTip(_("The tender strategy document, ready for the tender file."))
        self.export_language.setAccessibleName(_("Language of the document"))
        self.export_language.setToolTip(_("The language of the PDF; the app keeps its own language."))
        self.export_language.setCurrentIndex(max(0, self.export_language.findData(current_language())))
        self._show_status()
        if self.snapshot is not None:
            self.load(self.snapshot)

    def load(self, snapshot: SessionSnapshot) -> None:
        super().load(snapshot)
        self._show_status()
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self.render_html(snapshot))
        self.browser.verticalScrollBar().setValue(scroll)

    def render_html(self, snapshot: SessionSnapshot) -> str:
        language = current_language()
        facts = snapshot.facts
        value = (
            format_number(facts.contract_value_eur, language)
            if facts.contract_value_eur is not None
            else "\u2013"
        )
        published = (
            format_day(facts.publication_date, current_language()) if facts.publication_date else "\u2013"
        )
        fact_rows = [
            (_("Title"), facts.title),
            (_("Organisation"), facts.organisation or "\u2013"),
            (
                _("Procedure"),
                facts.procedure.label()
                + (" \u00b7 " + _("innovation pilot") if facts.innovation_pilot else ""),
            ),
            (
                _("Estimated contract value"),
                f"\u20ac {value}" if facts.contract_value_eur is not None else value,
            ),
            (_("Planned publication"), published),
            (_("Kind of contract"), facts.contract_kind.label() if facts.contract_kind else "\u2013"),
            (_("Duration and options"), facts.duration or "\u2013"),
            (_("Why this procedure"), facts.procedure_reason or "\u2013"),
            (_("Lots"), facts.lots or "\u2013"),
            (
                _("Award basis"),
                award_basis_text(
                    snapshot.quality_weight_pct,
                    snapshot.award_criteria_allowed,
                    language,
                    facts.scoring_method,
                ),
            ),
            (
                _("Decision planned on"),
                format_day(facts.decision_date, language) if facts.decision_date else "\u2013",
            ),
        ]
        parts = [_heading(_("Project facts")), "<table cellpadding='3'>"]
        parts += [f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in fact_rows]
        parts.append("</table>")

        parts.append(_heading(_("Priority SDGs")))
        priorities = snapshot.priority_sdgs()
        if not priorities:
            parts.append(_paragraph(_("None selected yet.")))
        else:
            parts.append("<table cellpadding='4' cellspacing='2' width='100%'>")
            parts.append(
                "<tr>"
                + "".join(
                    f"<th align='left'>{escape(h)}</th>" for h in (_("SDG"), _("Ambition"), _("Indicators"))
                )
                + "</tr>"
            )
            for number in priorities:
                sdg = self.context.reference.sdg(number)
                ambition = snapshot.ambition_for(number)
                indicators = (
                    "<br>".join(
                        escape(
                            i.name
                            + (
                                f": {format_number(i.target, language)} {i.unit}".rstrip()
                                if i.target is not None
                                else ""
                            )
                        )
                        for i in snapshot.indicators_for(number)
                    )
                    or "\u2013"
                )
                parts.append(
                    f"<tr><td bgcolor='{sdg.colour}' style='color:{sdg.text_colour}'>"
                    f"<b>{number}</b> {escape(sdg.name(language))}</td>"
                    f"<td>{escape(ambition.level.label() if ambition else chr(0x2013))}"
                    + (f"<br><i>{escape(ambition.note)}</i>" if ambition and ambition.note else "")
                    + "</td>"
                    f"<td>{indicators}</td></tr>"
                )
            parts.append("</table>")
        reasons = [
            (p.sdg, priority_reason_text(p.focus_reason, p.urgency_note, language))
            for p in snapshot.priorities
            if p.focus_reason or p.urgency_note
        ]
        if reasons:
            parts.append(_heading(_("Why these priorities")))
            parts.append(
                "<ul>"
                + "".join(f"<li>SDG {sdg}: {escape(reason)}</li>" for sdg, reason in sorted(reasons))
                + "</ul>"
            )
        if snapshot.policy:
            parts.append(_heading(_("Organisation policy")))
            parts.append(
                "<ul>"
                + "".join(
                    f"<li>{escape(item.text(language))} \u2013 "
                    f"<i>{escape(policy_status_text(item, language))}</i></li>"
                    for item in snapshot.policy
                )
                + "</ul>"
            )
        if snapshot.criteria:
            parts.append(_heading(_("Criteria by type")))
            for criterion_type in CriterionType:
                chosen = [c for c in snapshot.criteria if c.criterion_type is criterion_type]
                if not chosen:
                    continue
                items = "".join(
                    f"<li>SDG {c.sdg}: {escape(c.text)}"
                    + (
                        f" ({escape(format_number(c.weight_pct, language))} %)"
                        if c.weight_pct is not None
                        else ""
                    )
                    + "</li>"
                    for c in chosen
                )
                parts.append(f"<p><b>{escape(criterion_type.label())}</b></p><ul>{items}</ul>")
        recorded = ngettext(
            "{n} risk or opportunity recorded.",
            "{n} risks and opportunities recorded.",
            len(snapshot.inventory),
        ).format(n=len(snapshot.inventory))
        planned = ngettext(
            "{n} item in the communication plan.",
            "{n} items in the communication plan.",
            len(snapshot.communication),
        ).format(n=len(snapshot.communication))
        parts.append(f"<p>{escape(recorded)} {escape(planned)}</p>")

        gaps = all_gaps(snapshot)
        parts.append(_heading(_("Open gaps")))
        if not gaps:
            parts.append(_paragraph(_("No open gaps: the strategy is complete.")))
        else:
            parts.append(_linked_list(gaps))
        advice = all_advice(snapshot)
        if advice:
            parts.append(_heading(_("Points to consider")))
            parts.append(_linked_list(advice))
        return "".join(parts)

    # -- status -------------------------------------------------------------------------------------

    def _show_status(self) -> None:
        final = self.snapshot is not None and self.snapshot.status is SessionStatus.FINAL
        status = SessionStatus.FINAL if final else SessionStatus.DRAFT
        self.status_label.setText(_("Status: {status}").format(status=status.label()))
        if final:
            self.status_button.setText(_("Re&open as draft"))
            self.status_button.setToolTip(
                _("Make changes again; the session follows its organisation profile again (Ctrl+Z undoes)")
            )
        else:
            self.status_button.setText(_("&Mark as final"))
            self.status_button.setToolTip(
                _(
                    "The strategy is decided: the organisation profile it was decided against is kept "
                    "with it, even when the profile changes later (Ctrl+Z undoes)"
                )
            )
        self.status_button.setEnabled(self.snapshot is not None)

    def _on_status_button_clicked(self) -> None:
        if self.snapshot is None:
            return
        old = self.snapshot.status
        new = SessionStatus.DRAFT if old is SessionStatus.FINAL else SessionStatus.FINAL
        text = _("Mark as final") if new is SessionStatus.FINAL else _("Reopen as draft")
        self.run(SetStatusCommand(self.service(), self.session_id, old, new, text))

    # -- export -------------------------------------------------------------------------------------

    def export_pdf(self) -> None:
        if self.snapshot is None or self.exporter.busy:
            return
        path = self.exporter.ask_path(self.snapshot)
        if path:
            self.exporter.export(
                self.snapshot, self.context.files(), str(self.export_language.currentData()), path
            )

    def _on_exporter_started(self) -> None:
        self.export_button.setEnabled(False)
        self.export_status.setText(_("Making the document\u2026"))

    def _on_exporter_finished(self, path: str) -> None:
        self.export_button.setEnabled(True)
        self.export_status.setText(_("Saved as {file}.").format(file=path))
        self.exporter.offer_to_open(path)

    def _on_exporter_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.export_status.setText(_("The document could not be made: {reason}").format(reason=message))

    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(STEP_LINK):
            self.context.go_to_step(Step(text[len(STEP_LINK) :]))


def _step_name(step: Step) -> str:
    number = step.number()
    if number is None:
        return step.title_in(current_language())
    return _("step {number}, {title}").format(number=number, title=step.title_in(current_language()))


# Messages stay outside f-strings: Babel's extractor does not look inside them.
def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _linked_list(found: list[tuple[Step, Problem]]) -> str:
    """Each problem with a link to the step that fixes it."""
    items = []
    for step, problem in found:
        link = escape(_("Go to {step}").format(step=_step_name(step)))
        items.append(f"<li>{escape(problem.message)} <a href='{STEP_LINK}{step.value}'>{link}</a></li>")
    return "<ul>" + "".join(items) + "</ul>"
