"""Alt+letter for fields whose labels come from shared wording (the project facts' 18 fields): the
letters are chosen when the labels are set, in the current language, so no two fields of a page and
no menu or navigation button of the window share one.

A letter is taken from the start of a word where possible ("Contract &value"), else from anywhere in
the label; a label left without a free letter gets none rather than a shared one. With the menus and
Back and Next, 18 fields need 24 letters: in both languages two or three labels hold no free letter
(no q, x or z), and Tab reaches those."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QWidget

_MNEMONIC = re.compile(r"&([^&])")


def mnemonic_of(text: str) -> str | None:
    """The letter Alt reaches ``text`` with, lower case; None without one (``&&`` is a plain &)."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _candidates(text: str) -> list[int]:
    """Where a mnemonic may go in ``text``, best first: the start of a word, then any other letter."""
    word_starts = [m.start() for m in re.finditer(r"\b[^\W\d_]", text)]
    others = [i for i, character in enumerate(text) if character.isalpha() and i not in word_starts]
    return [i for i in word_starts + others if text[i].isascii()]


def _marked(text: str, index: int | None) -> str:
    if index is None:
        return text.replace("&", "&&")
    return text[:index].replace("&", "&&") + "&" + text[index:].replace("&", "&&")


def with_mnemonics(texts: list[str], taken: set[str]) -> list[str]:
    """``texts`` each with a mnemonic of its own, on no letter in ``taken``: as many as the letters
    allow (a matching, so an early label does not take the only letter a later one has), word starts
    preferred. A label that cannot have one of its own gets none."""
    candidates = [_candidates(text) for text in texts]
    owner: dict[str, int] = {}  # letter -> label
    chosen: dict[int, int] = {}  # label -> index in its text

    def place(label: int, tried: set[str]) -> bool:
        for index in candidates[label]:
            letter = texts[label][index].casefold()
            if letter in taken or letter in tried:
                continue
            tried.add(letter)
            if letter not in owner or place(owner[letter], tried):
                owner[letter] = label
                chosen[label] = index
                return True
        return False

    for label in range(len(texts)):
        place(label, set())
    return [_marked(text, chosen.get(label)) for label, text in enumerate(texts)]


def letters_in_use(page: QWidget) -> set[str]:
    """The mnemonics of ``page``'s window outside ``page``: its menus and visible buttons and labels
    (Back and Next); empty while the page is not in a window yet."""
    window = page.window()
    taken: set[str] = set()
    if window is page:
        return taken
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            taken.add(mnemonic_of(action.text()) or "")
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if page.isAncestorOf(widget) or not widget.isVisibleTo(window):
            continue
        taken.add(mnemonic_of(widget.text()) or "")
    taken.discard("")
    return taken
