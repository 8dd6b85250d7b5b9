"""The app's look in one place: a style sheet derived from the user's base font size, so headings and
spacing grow with a larger system font instead of clipping."""

from __future__ import annotations

PROBLEM_RED = "#B3261E"
ACCENT = "#19486A"
SIDE_PANEL = "#F1F4F7"
# Where the keyboard is: dark orange, 3:1 or more against white, the side panel and the accent blue
# (WCAG 1.4.11), and used for nothing else. compass/ui/focus_ring.py draws it around focused controls.
FOCUS_COLOUR = "#C2410C"


def style_sheet(base_point_size: float) -> str:
    def pt(factor: float) -> str:
        return f"{base_point_size * factor:.1f}pt"

    return f"""
QLabel#appTitle {{ font-size: {pt(2.0)}; font-weight: 600; color: {ACCENT}; }}
QLabel#pageTitle {{ font-size: {pt(1.6)}; font-weight: 600; color: {ACCENT}; }}
QLabel#sectionTitle {{ font-weight: 600; color: {ACCENT}; margin-top: 8px; }}
QLabel#sessionTitle {{ font-size: {pt(1.25)}; font-weight: 600; }}
QLabel#stepCaption {{ color: #4A5560; }}
QLabel#pageIntro {{ color: #4A5560; margin-bottom: 6px; }}
QLabel#fieldProblem {{ color: {PROBLEM_RED}; }}
QLabel#warning {{ color: #7A4B00; }}
QLabel#emptyHint {{ color: #4A5560; font-size: {pt(1.15)}; padding: 24px; }}
QStackedWidget#sessionList QLabel#emptyHint {{ qproperty-alignment: AlignCenter; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{ border: 1px solid {PROBLEM_RED}; }}
QFrame#sidePanel {{ background: {SIDE_PANEL}; border-right: 1px solid #D5DBE1; }}
QListWidget#stepList {{ background: transparent; border: none; }}
QListWidget#stepList::item {{ padding: 6px 4px; border-radius: 4px; color: #1A1A1A; }}
QListWidget#stepList::item:selected {{ background: #DCE6EF; color: #1A1A1A; }}
QListWidget#stepList::item:selected:focus {{ border: 2px solid {FOCUS_COLOUR}; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT};
    border-radius: 3px; padding: 4px 14px; }}
QPushButton#primary:disabled {{ background: #9FB2C2; border-color: #9FB2C2; }}
QPushButton#primary:focus {{ border: 2px solid #F2C94C; }}
"""
