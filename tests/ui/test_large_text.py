"""Text stays readable at a large font (the 200 % a visually impaired user sets): nothing that
carries meaning is cut off or squeezed to a sliver."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QTableWidgetItem

from compass.i18n import set_language
from compass.reference.loading import load_reference_data
from compass.ui.widgets.item_table import ItemTable
from compass.ui.widgets.sdg_tiles import SdgTiles


@pytest.fixture
def doubled_font(qapp):
    original = QFont(qapp.font())
    large = QFont(original)
    large.setPointSizeF(original.pointSizeF() * 2)
    QApplication.setFont(large)
    yield
    QApplication.setFont(original)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("width", [900, 1100, 1600])
def test_every_sdg_name_fits_its_tile_at_double_font_size(qtbot, doubled_font, language, width) -> None:
    set_language(language)
    reference = load_reference_data()
    tiles = SdgTiles(reference)
    qtbot.addWidget(tiles)
    tiles.resize(width, tiles.sizeHint().height())
    tiles.resize(width, tiles.sizeHint().height())
    line = tiles.fontMetrics().height()
    for sdg in reference.sdgs:
        rect = tiles._rect(sdg.number)
        assert rect.right() <= width, f"SDG {sdg.number} runs off the widget at width {width}"
        assert rect.bottom() <= tiles.sizeHint().height()
        inner_width = int(rect.width()) - 10
        name = sdg.name(language)
        font = tiles._name_font(QFont(tiles.font()), name, inner_width)
        assert font.pointSizeF() >= tiles.font().pointSizeF() * 0.6, (
            f"SDG {sdg.number} name shrunk to unreadable"
        )
        needed = QFontMetrics(font).boundingRect(
            0, 0, inner_width, 10_000, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), name
        )
        assert line + needed.height() <= rect.height(), f"SDG {sdg.number} name cut off: {name}"
    set_language("en")


def test_a_narrow_table_keeps_short_columns_whole_and_the_text_readable(qtbot, doubled_font) -> None:
    table = ItemTable(stretch_column=3)
    qtbot.addWidget(table)
    table.set_headers(["SDG", "Kind", "Where it arises", "Description", "Origin"])
    table.set_rows(
        [
            (
                1,
                [
                    "13",
                    "Risk",
                    "Supply chain - global",
                    "CO\u2082 emissions from producing asphalt",
                    "team",
                ],
            ),
            (
                2,
                [
                    "8",
                    "Opportunity",
                    "Local environment",
                    "Social Return: 5 % of the contract",
                    "suggestion",
                ],
            ),
        ]
    )
    table.resize(600, 400)
    table.show()
    qtbot.waitExposed(table)
    header = table.horizontalHeader()
    available = table.viewport().width()
    assert header.sectionSize(3) >= 0.15 * available - 1
    assert header.sectionSize(0) >= table.sizeHintForColumn(0)  # the SDG number is never cut
    if sum(header.sectionSize(c) for c in range(5)) > available + 1:  # words whole: it scrolls
        qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
    table.resize(1600, 400)
    QApplication.processEvents()
    for column in (0, 1, 2, 4):  # room enough: every short column at its full width
        assert header.sectionSize(column) >= table.sizeHintForColumn(column)


def test_table_headers_wrap_between_words_instead_of_being_cut(qtbot, doubled_font) -> None:
    table = ItemTable(stretch_column=0)
    qtbot.addWidget(table)
    table.set_headers(["SDG", "Risks / opportunities", "Urgency (1-5)", "Initiatives", "Votes"])
    table.set_rows([(1, ["13  Climate action", "1 / 1", "5", "0", "0"])])
    table.resize(800, 300)
    table.show()
    qtbot.waitExposed(table)
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(1, 5):
        text = table.horizontalHeaderItem(column).text()
        longest_word = max(metrics.horizontalAdvance(word) for word in text.split())
        assert header.sectionSize(column) >= longest_word, f"header {text!r} cut inside a word"
    assert header.height() >= 2 * metrics.height(), "a wrapped header gets a second line"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_word_is_cut_in_the_tables_of_the_example_at_double_size(
    qtbot, make_window, doubled_font, language
) -> None:
    """The asphalt example at 200 % in a 1500 x 1000 window: every word in every table cell fits
    its column (cells wrap between words), so nothing is shown as 'Quantitati…'."""
    from compass.formats.files import read_file
    from compass.formats.session_file import read_session_file
    from compass.method.steps import STEPS
    from compass.reference.examples import list_examples
    from compass.ui.widgets.fitted_table import FittedTable

    set_language(language)
    window = make_window()
    reference = window.services.reference
    example = next(e for e in list_examples() if "asfalt" in e.path.name)
    imported = read_session_file(read_file(example.path), reference)
    window.open_session(window.services.sessions.import_session(imported).id)
    window.resize(1500, 1000)
    window.show()
    qtbot.waitExposed(window)
    for step in STEPS:
        window.wizard.go_to(step)
        QApplication.processEvents()
        for table in window.wizard.pages[step].findChildren(FittedTable):
            if not table.isVisible():
                continue
            metrics = table.fontMetrics()
            header = table.horizontalHeader()
            for row in range(table.rowCount()):
                for column in range(table.columnCount()):
                    item = table.item(row, column)
                    if item is None or not item.text().strip():
                        continue
                    icon = table.iconSize().width() if not item.icon().isNull() else 0
                    longest = max(metrics.horizontalAdvance(word) for word in item.text().split())
                    assert icon + longest <= header.sectionSize(column), (
                        f"{step.value}: {item.text()!r} is cut in a {header.sectionSize(column)} px column"
                    )
    set_language("en")


def test_at_double_size_the_window_fits_a_laptop_screen(qtbot, make_window, doubled_font) -> None:
    """At 200 % text every step still fits 1366 x 768 (the window's minimum, which the largest page
    decides); pages scroll rather than pushing the buttons off-screen."""
    from compass.formats.files import read_file
    from compass.formats.session_file import read_session_file
    from compass.method.steps import STEPS
    from compass.reference.examples import list_examples

    window = make_window()
    reference = window.services.reference
    example = next(e for e in list_examples() if "asfalt" in e.path.name)
    imported = read_session_file(read_file(example.path), reference)
    window.open_session(window.services.sessions.import_session(imported).id)
    for step in STEPS:
        window.wizard.go_to(step)
        QApplication.processEvents()
        needed = window.minimumSizeHint()
        assert needed.width() <= 1366 and needed.height() <= 768, (step.value, needed)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_at_double_size_no_step_scrolls_sideways_on_a_laptop_screen(
    qtbot, make_window, doubled_font, language
) -> None:
    """Found under Xvfb at 200 %: the facts page's procedure list sized itself to its longest entry,
    cutting the fields and the intro off at the right behind a horizontal scroll bar."""
    from PySide6.QtWidgets import QScrollArea

    from compass.method.steps import STEPS

    set_language(language)
    try:
        window = make_window()
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.open_session(window.services.sessions.create_session("Laptops").id)
        for step in STEPS:
            window.wizard.go_to(step)
            QApplication.processEvents()
            shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
            assert shown == [window], shown  # no stray part of a page shown as a window of its own
            for area in window.wizard.findChildren(QScrollArea):
                if area.isVisible():
                    assert area.horizontalScrollBar().maximum() == 0, (step.value, area.widget())
    finally:
        set_language("en")


def test_a_wrapped_add_form_gives_its_last_field_the_rest_of_the_row(qtbot) -> None:
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

    from compass.ui.widgets.add_form import AddForm

    fields = [QLineEdit() for _ in range(4)]
    form = AddForm(fields, (QPushButton("Add"),), columns=4)
    page = QWidget()  # as on a page: the page's layout, not the form's own, sets the minimum
    layout = QVBoxLayout(page)
    layout.addWidget(form)
    qtbot.addWidget(page)
    page.show()
    margins = layout.contentsMargins().left() + layout.contentsMargins().right()
    page.resize(form._width_for(4) + margins, 300)
    qtbot.waitUntil(lambda: form.columns == 4)
    page.resize(form._width_for(3) + margins, 300)
    qtbot.waitUntil(lambda: form.columns == 3)
    # Alone on its row, the last field spans all three columns.
    qtbot.waitUntil(lambda: fields[3].width() > 2 * fields[0].width())
    page.resize(form.minimumSizeHint().width() + margins, 400)
    qtbot.waitUntil(lambda: form.columns < 3)
    assert form._width_for(form.columns) <= form.width()  # at its minimum, it still fits


def test_a_table_too_narrow_for_its_words_scrolls_instead_of_cutting_them(qtbot, doubled_font) -> None:
    """Found at 200 % in step 2: 'opportunities' and 'Initiatives' were cut in their headers."""
    from compass.ui.widgets.fitted_table import FittedTable

    table = FittedTable(stretch_column=0)
    qtbot.addWidget(table)
    headers = ["SDG", "Risks / opportunities", "Initiatives", "Urgency", "Votes", "Score"]
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(1)
    for column, text in enumerate(
        ["12 Responsible consumption and production", "1 / 0", "0", "3", "0", "3"]
    ):
        table.setItem(0, column, QTableWidgetItem(text))
    table.resize(300, 300)
    table.show()
    table.fit_columns()
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column, text in enumerate(headers):
        longest = max(metrics.horizontalAdvance(word) for word in text.split())
        assert header.sectionSize(column) >= longest, (
            f"{text!r} cut in a {header.sectionSize(column)} px column"
        )
    assert table.horizontalScrollBar().maximum() > 0  # what does not fit is reached by scrolling


def test_a_control_in_a_cell_beyond_the_edge_scrolls_into_view_when_it_gets_focus(
    qtbot, doubled_font
) -> None:
    from PySide6.QtWidgets import QCheckBox

    from compass.ui.widgets.fitted_table import FittedTable
    from compass.ui.widgets.focus_in_view import install_focus_in_view

    install_focus_in_view()
    table = FittedTable(stretch_column=0)
    qtbot.addWidget(table)
    headers = ["SDG", "Risks / opportunities", "Initiatives", "Priority"]
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(1)
    for column, text in enumerate(["12 Responsible consumption and production", "1 / 0", "0"]):
        table.setItem(0, column, QTableWidgetItem(text))
    check = QCheckBox()
    table.setCellWidget(0, 3, check)
    table.resize(160, 300)
    table.show()
    table.activateWindow()
    qtbot.waitUntil(table.isActiveWindow)
    table.fit_columns()
    assert table.horizontalScrollBar().maximum() > 0
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.horizontalScrollBar().setValue(0)  # the start of the row in view, as when the page opens
    qtbot.waitUntil(lambda: not table.viewport().rect().contains(check.geometry()))
    check.setFocus()  # as Tab or a mnemonic moves there
    assert check.hasFocus()
    qtbot.waitUntil(lambda: table.viewport().rect().contains(check.geometry()), timeout=2000)


def test_at_double_size_the_workshop_window_fits_a_laptop_screen(qtbot, make_window, doubled_font) -> None:
    """Seen under Xvfb at 200 %: the workshop window was wider than the screen, its title on one line
    and its buttons beside the dialogues' long names, the presenter button off the screen."""
    from compass.formats.files import read_file
    from compass.formats.session_file import read_session_file
    from compass.reference.examples import list_examples

    window = make_window()
    reference = window.services.reference
    example = next(e for e in list_examples() if "binnensport" in e.path.name)  # the longest title
    imported = read_session_file(read_file(example.path), reference)
    window.open_session(window.services.sessions.import_session(imported).id)
    window.show()
    window.workshop.open_window()
    facilitator = window.workshop.window
    assert facilitator is not None
    QApplication.processEvents()
    needed = facilitator.minimumSizeHint()
    tall = {type(panel).__name__: panel.minimumSizeHint().height() for panel in facilitator.panels}
    assert needed.width() <= 1366 and needed.height() <= 768, (needed, tall)
