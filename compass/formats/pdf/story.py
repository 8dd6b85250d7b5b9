"""The content of the tender strategy document as a list of reportlab flowables: a pure function of
the session, the reference data and the language. Every text a user typed is escaped, so markup
characters appear literally and are never interpreted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from compass.core.session import CriterionType, SessionSnapshot
from compass.formats.pdf.styles import BOLD, FONT, RULE, ZEBRA, styles
from compass.formats.pdf.templates import HeadingParagraph, body_pages
from compass.formatting import format_day, format_number
from compass.i18n import N_, translate_in
from compass.method.criteria import award_basis_text
from compass.method.policy import policy_status_text
from compass.method.priority_score import priority_order, score_explanation, sdg_score
from compass.method.reasons import priority_reason_text
from compass.method.steps import all_gaps
from compass.method.suggestions import category_label
from compass.reference.types import ReferenceData

PAGE_WIDTH = 170 * mm
LEGEND = N_(
    "Coloured: inventoried in step 1. \u201cpriority\u201d: selected in step 2, with the ambition "
    "level of step 3 (1 basic, 2 significant, 3 ambitious)."
)
WEIGHTS = N_("Award weights of the SDG criteria together: {total} % of a quality weight of {limit} %.")
NO_SPLIT = N_(
    "Award weights of the SDG criteria together: {total} %; the price/quality split is not decided."
)


def text(value: str) -> str:
    """User text for a Paragraph: escaped, line breaks kept."""
    return escape(value).replace("\n", "<br/>")


class SdgOverview(Flowable):
    """The 17 SDG tiles in two rows: coloured when inventoried, marked when a priority."""

    TILE, GAP, COLUMNS = 17.5 * mm, 1.5 * mm, 9

    def __init__(self, tiles: list[tuple[int, str, str, bool, str]]) -> None:
        super().__init__()
        self.tiles = tiles
        self.width = PAGE_WIDTH
        self.height = 2 * self.TILE + self.GAP

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        for number, colour, ink, inventoried, mark in self.tiles:
            row, column = divmod(number - 1, self.COLUMNS)
            x = column * (self.TILE + self.GAP)
            y = (1 - row) * (self.TILE + self.GAP)
            fill = colors.HexColor(colour)
            if not inventoried:
                fill = colors.Color(fill.red, fill.green, fill.blue, alpha=0.3)
            canvas.setFillColor(fill)
            canvas.roundRect(x, y, self.TILE, self.TILE, 2, stroke=0, fill=1)
            canvas.setFillColor(colors.HexColor(ink if inventoried else "#1A1A1A"))
            canvas.setFont(BOLD, 11)
            canvas.drawString(x + 2 * mm, y + self.TILE - 5 * mm, str(number))
            if mark:
                canvas.setFont(FONT, 6.5)
                canvas.drawString(x + 2 * mm, y + 2.5 * mm, mark)


class _Story:
    def __init__(
        self, snapshot: SessionSnapshot, reference: ReferenceData, language: str, gaps: list[str]
    ) -> None:
        self.s, self.ref, self.lang, self.gap_messages = snapshot, reference, language, gaps
        self.st = styles()
        self.tr: Callable[[str], str] = lambda message: translate_in(language, message)
        self.flow: list[Flowable] = []

    # -- helpers ------------------------------------------------------------------------------------

    def p(self, content: str, style: str = "body") -> Paragraph:
        return Paragraph(content, self.st[style])

    def heading(self, title: str, level: int = 0) -> None:
        paragraph = HeadingParagraph(escape(title), self.st["h1" if level == 0 else "h2"], level)
        if level == 0:
            self.flow.append(CondPageBreak(60 * mm))
        self.flow.append(paragraph)

    def table(self, rows: list[list[str]], widths: list[float], header: bool = True) -> Table:
        cells = [
            [self.p(cell, "cell_bold" if header and r == 0 else "cell") for cell in row]
            for r, row in enumerate(rows)
        ]
        # splitInRow: a cell taller than a page (a long scope) continues on the next page
        table = Table(cells, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1)
        style: list[Any] = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # reportlab's table default is Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        for row in range(1 if header else 0, len(rows), 2):
            style.append(("BACKGROUND", (0, row), (-1, row), ZEBRA))
        table.setStyle(TableStyle(style))
        return table

    def number(self, value: Decimal | None) -> str:
        return "\u2013" if value is None else format_number(value, self.lang)

    def sdg_name(self, number: int) -> str:
        return f"{number} {self.ref.sdg(number).name(self.lang)}"

    # -- sections -----------------------------------------------------------------------------------

    def cover(self) -> None:
        tr, facts = self.tr, self.s.facts
        self.flow += [
            Spacer(1, 40 * mm),
            self.p(text(facts.title), "title"),
            self.p(escape(tr(N_("Tender strategy (MVOI uitvraagstrategie)"))), "subtitle"),
        ]
        value = (
            f"\u20ac {format_number(facts.contract_value_eur, self.lang)}"
            if facts.contract_value_eur is not None
            else "\u2013"
        )
        authors = ", ".join(x for x in (facts.project_leader, facts.procurement_adviser) if x)
        rows = [
            (tr(N_("Organisation")), facts.organisation or "\u2013"),
            (
                tr(N_("Procedure")),
                facts.procedure.label_in(self.lang)
                + (" \u00b7 " + tr(N_("innovation pilot")) if facts.innovation_pilot else ""),
            ),
            (tr(N_("Estimated contract value")), value),
            (tr(N_("Date")), format_day(dt.date.today(), self.lang)),
            (tr(N_("Authors")), authors or "\u2013"),
            (tr(N_("Status")), self.s.status.label_in(self.lang)),
        ]
        self.flow.append(
            self.table([[escape(k), text(v)] for k, v in rows], [45 * mm, 125 * mm], header=False)
        )
        self.flow += [body_pages(), PageBreak()]

    def contents(self) -> None:
        self.flow.append(self.p(escape(self.tr(N_("Contents"))), "h1"))
        toc = TableOfContents()
        toc.levelStyles = [self.st["toc1"]]
        toc.tableStyle = TableStyle(
            [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
        self.flow += [toc, PageBreak()]

    def facts(self) -> None:
        tr, f = self.tr, self.s.facts
        self.heading(tr(N_("Project facts")))
        category = category_label(f.category, self.ref, self.lang)
        rows = [
            (tr(N_("Procurement category")), category),
            (tr(N_("Kind of contract")), f.contract_kind.label_in(self.lang) if f.contract_kind else ""),
            (tr(N_("Duration and options")), f.duration),
            (tr(N_("Why this procedure")), f.procedure_reason),
            (tr(N_("Lots")), f.lots),
            (
                tr(N_("Award basis")),
                award_basis_text(
                    self.s.quality_weight_pct, self.s.award_criteria_allowed, self.lang, f.scoring_method
                ),
            ),
            (
                tr(N_("Planned publication")),
                format_day(f.publication_date, self.lang) if f.publication_date else "\u2013",
            ),
            (tr(N_("Location")), f.location),
            (tr(N_("Project leader")), f.project_leader),
            (tr(N_("Procurement adviser")), f.procurement_adviser),
            (tr(N_("Budget holder")), f.budget_holder),
            (
                tr(N_("Decision planned on")),
                format_day(f.decision_date, self.lang) if f.decision_date else "\u2013",
            ),
            (tr(N_("Organisation profile")), self.s.profile.name if self.s.profile else "\u2013"),
            (tr(N_("Main materials and products")), f.materials),
            (tr(N_("Scope (short description)")), f.scope),
        ]
        self.flow.append(
            self.table(
                [[escape(k), text(v or "\u2013")] for k, v in rows], [50 * mm, 120 * mm], header=False
            )
        )

    def overview(self) -> None:
        tr = self.tr
        self.heading(tr(N_("The 17 SDGs in this tender")))
        tiles = []
        for sdg in self.ref.sdgs:
            ambition = self.s.ambition_for(sdg.number)
            mark = ""
            if sdg.number in self.s.priority_sdgs():
                mark = tr(N_("priority")) + (f" \u00b7 {ambition.level.value}" if ambition else "")
            tiles.append(
                (sdg.number, sdg.colour, sdg.text_colour, sdg.number in self.s.inventoried_sdgs(), mark)
            )
        drawing = SdgOverview(tiles)
        legend = tr(LEGEND)
        self.flow += [drawing, Spacer(1, 3 * mm), self.p(escape(legend), "small")]

    def inventory(self) -> None:
        tr = self.tr
        self.heading(tr(N_("Step 1 - Insight: risks and opportunities")))
        if not self.s.inventory:
            self.flow.append(self.p(escape(tr(N_("Nothing recorded.")))))
        for sdg in self.s.inventoried_sdgs():
            entries = [e for e in self.s.inventory if e.sdg == sdg]
            rows = [[escape(tr(N_("Kind"))), escape(tr(N_("Where"))), escape(tr(N_("Description")))]]
            rows += [
                [
                    escape(e.kind.label_in(self.lang)),
                    escape(e.source.label_in(self.lang)),
                    text(e.description),
                ]
                for e in entries
            ]
            self.flow.append(
                KeepTogether(
                    [
                        self.p(escape(self.sdg_name(sdg)), "h2"),
                        self.table(rows, [25 * mm, 40 * mm, 105 * mm]),
                    ]
                )
            )

    def priorities(self) -> None:
        tr, s = self.tr, self.s
        self.heading(tr(N_("Step 2 - Prioritise: highest impact")))
        rows = [
            [
                escape(tr(N_(h)))
                for h in ("SDG", "Focus", "Urgency (1-5)", "Initiatives", "Votes", "Score", "Priority")
            ]
        ]
        for sdg in priority_order(s):  # the order step 2 shows
            priority = s.priority_for(sdg)
            focus = s.profile.focus_for(sdg) if s.profile else None
            links = s.initiatives_for(sdg)
            score = sdg_score(s, sdg)
            rows.append(
                [
                    escape(self.sdg_name(sdg)),
                    escape(tr(N_("yes")) if focus else "\u2013"),
                    str(priority.urgency or "\u2013"),
                    text(", ".join(link.name for link in links) or "\u2013"),
                    str(priority.votes),
                    str(score.total),
                    escape(tr(N_("yes")) if sdg in s.priority_sdgs() else "\u2013"),
                ]
            )
        self.flow.append(self.table(rows, [42 * mm, 15 * mm, 22 * mm, 33 * mm, 19 * mm, 15 * mm, 24 * mm]))
        self.flow.append(self.p(escape(score_explanation(self.lang)), "small"))
        reasons = sorted(
            (p.sdg, priority_reason_text(p.focus_reason, p.urgency_note, self.lang))
            for p in s.priorities
            if p.focus_reason or p.urgency_note
        )
        if reasons:
            self.flow.append(self.p(f"<b>{escape(tr(N_('Why these priorities')))}</b>"))
            for sdg, reason in reasons:
                self.flow.append(self.p(f"{escape(self.sdg_name(sdg))}: {escape(reason)}"))

    def policy(self) -> None:
        """The organisation's standard requirements and where each stands (only with a profile)."""
        if not self.s.policy:
            return
        tr = self.tr
        self.heading(tr(N_("Organisation policy")), level=1)
        rows = [[escape(tr(N_("Requirement"))), escape(tr(N_("In this tender")))]]
        for item in self.s.policy:
            rows.append([text(item.text(self.lang)), escape(policy_status_text(item, self.lang))])
        self.flow.append(self.table(rows, [110 * mm, 60 * mm]))

    def ambition(self) -> None:
        tr, s = self.tr, self.s
        self.heading(tr(N_("Step 3 - Ambition: level and criteria")))
        levels = [
            [escape(tr(N_("Priority SDG"))), escape(tr(N_("Ambition level"))), escape(tr(N_("Criteria")))]
        ]
        for sdg in s.priority_sdgs():
            ambition = s.ambition_for(sdg)
            level = ambition.level.label_in(self.lang) if ambition else tr(N_("Not set yet"))
            why = f"<br/><i>{escape(ambition.note)}</i>" if ambition and ambition.note else ""
            levels.append([escape(self.sdg_name(sdg)), escape(level) + why, str(len(s.criteria_for(sdg)))])
        if len(levels) > 1:
            self.flow.append(self.table(levels, [75 * mm, 75 * mm, 20 * mm]))
        for criterion_type in CriterionType:
            chosen = [c for c in s.criteria if c.criterion_type is criterion_type]
            if not chosen:
                continue
            weight = criterion_type is CriterionType.AWARD_CRITERION
            rows = [
                [escape(tr(N_("SDG"))), escape(tr(N_("Criterion")))]
                + ([escape(tr(N_("Weight %")))] if weight else [])
            ]
            for c in chosen:
                rows.append(
                    [
                        str(c.sdg),
                        text(c.text)
                        + (f"<br/><font size=7.5>{text(c.verification)}</font>" if c.verification else ""),
                    ]
                    + ([self.number(c.weight_pct)] if weight else [])
                )
            widths = [14 * mm, 136 * mm, 20 * mm] if weight else [14 * mm, 156 * mm]
            self.flow.append(self.p(escape(criterion_type.label_in(self.lang)), "h2"))
            self.flow.append(self.table(rows, widths))
        if any(c.criterion_type is CriterionType.AWARD_CRITERION for c in s.criteria):
            total = sum(
                (
                    c.weight_pct or 0
                    for c in s.criteria
                    if c.criterion_type is CriterionType.AWARD_CRITERION
                ),
                Decimal(0),
            )
            if s.quality_weight_pct is None:
                weights = tr(NO_SPLIT).format(total=self.number(Decimal(total)))
            else:
                weights = tr(WEIGHTS).format(
                    total=self.number(Decimal(total)), limit=self.number(s.quality_weight_pct)
                )
            self.flow.append(self.p(escape(weights), "small"))

    def indicators(self) -> None:
        tr = self.tr
        self.heading(tr(N_("Step 4 - Indicators: making it measurable")))
        rows = [
            [
                escape(tr(N_(h)))
                for h in ("SDG", "Indicator", "Unit", "Baseline", "Target", "Measured", "KPI")
            ]
        ]
        for i in self.s.indicators:
            detail = i.reference or (
                f"{i.assessed} \u2013 {i.evidence}".strip(" \u2013") if i.assessed or i.evidence else ""
            )
            rows.append(
                [
                    str(i.sdg),
                    text(i.name) + (f"<br/><font size=7.5>{text(detail)}</font>" if detail else ""),
                    text(i.unit),
                    self.number(i.baseline),
                    self.number(i.target),
                    escape(i.measurement_moment.label_in(self.lang)) if i.measurement_moment else "",
                    str(i.kpi or ""),
                ]
            )
        if len(rows) == 1:
            self.flow.append(self.p(escape(tr(N_("No indicators yet.")))))
            return
        self.flow.append(self.table(rows, [13 * mm, 53 * mm, 20 * mm, 22 * mm, 24 * mm, 26 * mm, 12 * mm]))

    def visibility(self) -> None:
        tr = self.tr
        self.heading(tr(N_("Step 5 - Impact: making it visible")))
        rows = [[escape(tr(N_(h))) for h in ("Who", "Channel", "Moment", "Message")]]
        rows += [
            [
                text(c.stakeholder_role),
                escape(c.channel.label_in(self.lang)),
                escape(c.moment.label_in(self.lang)),
                text(c.message),
            ]
            for c in self.s.communication
        ]
        if len(rows) > 1:
            self.flow.append(self.table(rows, [35 * mm, 35 * mm, 25 * mm, 75 * mm]))
        measured = [(i, m) for i in self.s.indicators for m in i.measurements]
        if measured:
            self.flow.append(self.p(escape(tr(N_("Realised values"))), "h2"))
            rows = [[escape(tr(N_(h))) for h in ("Indicator", "Value", "Date", "Source")]]
            rows += [
                [
                    text(i.name),
                    f"{self.number(m.value)} {text(i.unit)}",
                    format_day(m.measured_on, self.lang),
                    text(m.source),
                ]
                for i, m in measured
            ]
            self.flow.append(self.table(rows, [70 * mm, 35 * mm, 25 * mm, 40 * mm]))

    def workshop(self) -> None:
        """The record of the SDG dialogue or workshop, when one was held: for now the dot votes
        that ordered step 2 (workshop mode will add its ideas and participants here)."""
        tr = self.tr
        voted = sorted(
            ((p.votes, p.sdg) for p in self.s.priorities if p.votes and p.sdg in self.s.inventoried_sdgs()),
            reverse=True,
        )
        if not voted:
            return
        self.heading(tr(N_("Workshop record")))
        total = sum(votes for votes, _sdg in voted)
        self.flow.append(
            self.p(
                escape(
                    tr(
                        N_(
                            "Dot voting in an SDG dialogue or workshop: {total} votes in all. The votes "
                            "count in the priority score of step 2; the team made the choice."
                        )
                    ).format(total=total)
                )
            )
        )
        rows = [[escape(tr(N_(h))) for h in ("SDG", "Votes", "Share of the votes", "Priority")]]
        for votes, sdg in voted:
            share = format_number(Decimal(votes * 100) / Decimal(total), self.lang, places=0)
            rows.append(
                [
                    escape(self.sdg_name(sdg)),
                    str(votes),
                    f"{share} %",
                    escape(tr(N_("yes")) if sdg in self.s.priority_sdgs() else "\u2013"),
                ]
            )
        self.flow.append(self.table(rows, [80 * mm, 25 * mm, 40 * mm, 25 * mm]))

    def gaps(self) -> None:
        tr = self.tr
        self.heading(tr(N_("Open gaps")))
        if not self.gap_messages:
            self.flow.append(self.p(escape(tr(N_("No open gaps: the strategy is complete.")))))
        for message in self.gap_messages:
            self.flow.append(self.p("\u2022 " + escape(message)))

    def approval(self) -> None:
        tr, f = self.tr, self.s.facts
        self.heading(tr(N_("Approval")))
        rows = [
            [
                escape(tr(N_("Role"))),
                escape(tr(N_("Name"))),
                escape(tr(N_("Date"))),
                escape(tr(N_("Signature"))),
            ]
        ]
        for role, name in (
            (tr(N_("Budget holder")), f.budget_holder),
            (tr(N_("Procurement adviser")), f.procurement_adviser),
        ):
            rows.append([escape(role), text(name), "", ""])
        table = self.table(rows, [40 * mm, 50 * mm, 30 * mm, 50 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white]),
                    ("BOTTOMPADDING", (0, 1), (-1, -1), 14),
                ]
            )
        )
        self.flow.append(table)


def gap_messages(snapshot: SessionSnapshot, language: str) -> list[str]:
    """The open gaps in ``language``, whatever language the app speaks (any thread)."""
    return [problem.message_in(language) for _step, problem in all_gaps(snapshot)]


def build_story(snapshot: SessionSnapshot, reference: ReferenceData, language: str) -> list[Flowable]:
    gaps = gap_messages(snapshot, language)
    story = _Story(snapshot, reference, language, gaps)
    for section in (
        story.cover,
        story.contents,
        story.facts,
        story.overview,
        story.inventory,
        story.priorities,
        story.ambition,
        story.policy,
        story.indicators,
        story.visibility,
        story.workshop,
        story.gaps,
        story.approval,
    ):
        section()
    return story.flow


# Messages used above only through N_() in a loop of column titles, listed for the extractor.
_COLUMN_TITLES = (
    N_("SDG"),
    N_("Focus"),
    N_("Urgency (1-5)"),
    N_("Initiatives"),
    N_("Votes"),
    N_("Score"),
    N_("Priority"),
    N_("Indicator"),
    N_("Unit"),
    N_("Baseline"),
    N_("Target"),
    N_("Measured"),
    N_("KPI"),
    N_("Who"),
    N_("Channel"),
    N_("Moment"),
    N_("Message"),
    N_("Value"),
    N_("Date"),
    N_("Source"),
    N_("Share of the votes"),
)
