"""The room's view of a dialogue on the projector: the agenda item and its question, the 17 SDGs
with their dots (dialogue 1) or the criteria with theirs (dialogue 2), and the item's timer. Large
type, black on white, readable from the back of a room; silent and still (nothing flashes). It only
shows: the facilitator's laptop keeps every control, and nothing here changes the session.

On a second screen it fills that screen; with one screen it is a window beside the facilitator's,
and F11 makes it fill the screen (a laptop mirrored to the projector)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from compass.core.session import SessionSnapshot
from compass.i18n import _, current_language
from compass.method.agenda_timer import clock_text
from compass.method.dialogues import tally
from compass.reference.types import ReferenceData
from compass.ui.workshop.pause_mark import PauseMark
from compass.ui.workshop.run_state import WorkshopRun

TOP_CRITERIA = 8  # what a room can read at once in dialogue 2
STYLE = """
QWidget#presenter { background: white; }
QWidget#presenter QLabel { color: black; }
QLabel#presenterTitle { font-weight: 700; }
QLabel#presenterClock { font-weight: 700; }
QLabel#presenterClock[overtime="true"] { color: #B3261E; }
QFrame#tile { border: 2px solid #222; border-radius: 6px; background: white; }
"""


class _Tile(QFrame):
    """One SDG: its colour as a band, its number and short name, and its dots in big digits."""

    def __init__(self, number: int, name: str, colour: str, text_colour: str) -> None:
        super().__init__()
        self.setObjectName("tile")
        band = QLabel(str(number))
        band.setAlignment(Qt.AlignmentFlag.AlignCenter)
        band.setStyleSheet(f"background: {colour}; color: {text_colour}; font-weight: 700;")
        band.setMinimumWidth(1)
        self.name = QLabel(name)
        self.name.setWordWrap(True)
        self.dots = QLabel("0")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.band = band
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 8, 0)
        row.addWidget(band)
        row.addWidget(self.name, 1)
        row.addWidget(self.dots)


class PresenterView(QWidget):
    def __init__(
        self, reference: ReferenceData, run_state: WorkshopRun, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenter")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self._reference = reference
        self._run = run_state
        self._snapshot: SessionSnapshot | None = None
        self._dialogue = 1
        self.title = QLabel()
        self.title.setObjectName("presenterTitle")
        self.title.setWordWrap(True)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.clock = QLabel()
        self.clock.setObjectName("presenterClock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.tiles: dict[int, _Tile] = {}
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(10)
        for sdg in reference.sdgs:
            self.tiles[sdg.number] = _Tile(
                sdg.number, sdg.name(current_language()), sdg.colour, sdg.text_colour
            )
        self._columns = 0
        self._arrange(5)
        self.criteria = QLabel()
        self.criteria.setWordWrap(True)
        self.criteria.setTextFormat(Qt.TextFormat.PlainText)
        self.total = QLabel()
        heading = QHBoxLayout()
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.question)
        heading.addLayout(words, 1)
        heading.addWidget(self.clock)
        self.pause_mark = PauseMark()
        self.pause_mark.hide()
        heading.addWidget(self.pause_mark, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        # The screen decides the size, never the text: a long SDG name must not push the view wider
        # than the projector (found at 1920 x 1080: six columns of names needed 2,117 pixels).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addLayout(heading)
        layout.addLayout(self.tile_grid, 1)
        layout.addWidget(self.criteria, 1)
        layout.addWidget(self.total)
        run_state.changed.connect(self.refresh)
        run_state.tick.connect(self._show_clock)

    # -- showing --------------------------------------------------------------------------------

    def show_on_room_screen(self, facilitator: QWidget) -> None:
        """Full screen on a screen other than the facilitator's; else a window on theirs."""
        own = facilitator.screen()
        others = [screen for screen in QGuiApplication.screens() if screen is not own]
        if others:
            self._fill(others[0])
        else:
            area = own.availableGeometry() if own is not None else None
            if area is not None:
                self.resize(min(1280, area.width()), min(720, area.height()))
            self.show()
        self.raise_()

    def _fill(self, screen) -> None:
        # The geometry too: without a window manager (a kiosk, a bare X server) full screen alone
        # leaves the window its old size.
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def load(self, snapshot: SessionSnapshot, dialogue: int) -> None:
        self._snapshot, self._dialogue = snapshot, dialogue
        self.refresh()

    def refresh(self) -> None:
        self._scale_fonts()
        language = current_language()
        current = self._run.current
        dialogue_name = (
            _("SDG dialogue 1: risks, opportunities and priorities")
            if self._dialogue == 1
            else _("SDG dialogue 2: ambitions and indicators")
        )
        self.setWindowTitle(dialogue_name)
        self.title.setText(current.title if current is not None else dialogue_name)
        self.question.setText(current.question if current is not None else "")
        self.question.setVisible(bool(self.question.text()))
        counts = tally(self._snapshot, self._dialogue) if self._snapshot is not None else {}
        for sdg in self._reference.sdgs:
            tile = self.tiles[sdg.number]
            tile.name.setText(sdg.name(language))
            dots = counts.get(f"sdg:{sdg.number}", 0)
            tile.dots.setText(str(dots) if dots else "")
            tile.setVisible(self._dialogue == 1)
        self.criteria.setVisible(self._dialogue == 2)
        if self._dialogue == 2 and self._snapshot is not None:
            self.criteria.setText(self._criteria_text(counts))
        voters = (
            len({v.participant_id for v in self._snapshot.votes_of(self._dialogue)})
            if self._snapshot
            else 0
        )
        people = len(self._snapshot.participants_of(self._dialogue)) if self._snapshot else 0
        self.total.setText(
            _("{voted} of {people} participants have voted \u00b7 {dots} dots").format(
                voted=voters, people=people, dots=sum(counts.values())
            )
        )
        self._show_clock()

    def _criteria_text(self, counts) -> str:
        assert self._snapshot is not None
        words = {f"criterion:{c.id}": f"SDG {c.sdg} \u00b7 {c.text}" for c in self._snapshot.criteria}
        lines = []
        for target, dots in sorted(counts.items(), key=lambda item: -item[1])[:TOP_CRITERIA]:
            if target.startswith("ambition:"):
                _kind, sdg, level = target.split(":")
                from compass.core.session import AmbitionLevel

                label = f"SDG {sdg} \u00b7 {AmbitionLevel(level).label()}"
            else:
                label = words.get(target, target)
            lines.append(f"{dots:>3}  \u25cf  {label}")
        return "\n".join(lines) or _("No votes yet.")

    def _show_clock(self) -> None:
        left = self._run.seconds_left()
        over = left is not None and left < 0
        if left is None:
            self.clock.setText("")
        elif over:
            self.clock.setText(_("{time} over").format(time=clock_text(-left)))
        else:
            self.clock.setText(clock_text(left))
        paused = left is not None and not self._run.running()
        self.pause_mark.setVisible(paused)
        self.clock.setAccessibleName(_("Timer paused") if paused else _("Timer"))
        # Over time stands out by a steady colour and the word "over", never by flashing.
        if bool(self.clock.property("overtime")) != over:
            self.clock.setProperty("overtime", over)
            self.clock.style().unpolish(self.clock)
            self.clock.style().polish(self.clock)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        for tile in self.tiles.values():
            self.tile_grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles.values()):
            row, column = divmod(index, columns)
            self.tile_grid.addWidget(tile, row, column)
        self._columns = columns

    def _scale_fonts(self) -> None:
        """Sizes from the window, so a projector's 1080 lines read from the back: six tiles a row on
        a very wide screen, five on 16:9 and narrower, the type as large as both allow."""
        self._arrange(6 if self.width() >= 2400 else 5)
        unit = max(12, min(self.height() // 40, self.width() // 75))
        for label, factor in (
            (self.title, 2.2),
            (self.question, 1.5),
            (self.clock, 3.0),
            (self.criteria, 1.4),
            (self.total, 1.0),
        ):
            font = QFont(label.font())
            font.setPixelSize(int(unit * factor))
            label.setFont(font)
        self.pause_mark.setFont(self.clock.font())
        self.pause_mark.updateGeometry()
        for tile in self.tiles.values():
            for label, factor in ((tile.band, 1.6), (tile.name, 0.9), (tile.dots, 2.4)):
                font = QFont(label.font())
                font.setPixelSize(int(unit * factor))
                label.setFont(font)
            tile.band.setFixedWidth(int(unit * 2.6))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._scale_fonts()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        if event.key() == Qt.Key.Key_F11:  # one screen mirrored to the projector: fill it
            if self.isFullScreen():
                self.showNormal()
            else:
                self._fill(self.screen())
            return
        super().keyPressEvent(event)
