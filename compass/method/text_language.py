"""Whether a text reads as Dutch or English: a small, deterministic guess from function words.

The document prints the team's own words as typed, so an English strategy holds Dutch sentences and a
Dutch one may hold English ones (issue 24). A renderer marks such a text with its language, so that
Word's spelling check, hyphenation and a screen reader treat it as what it is. A wrong mark is worse
than none (a whole paragraph underlined as misspelt), so the guess answers only on clear evidence and
otherwise says it does not know: names, numbers, codes, amounts and short fragments stay unknown.

Pure and Qt-free: no I/O, no language state. Imports nothing of ours.
"""

from __future__ import annotations

import re

DUTCH, ENGLISH = "nl", "en"

# Words that occur in one of the two languages and hardly ever in the other. Left out on purpose,
# because both languages use them: "in", "is", "was", "we", "had", "per", "via", "over" and "of"
# (Dutch "or"). Kept on purpose, because the other language rarely needs them in a tender strategy:
# "die" and "door" (Dutch "that", "by"; English verb and noun), "van" (the English vehicle) and "as".
_DUTCH_WORDS = frozenset(
    """
    de het een van en voor met niet wordt worden werd zijn op te dat die bij naar ook aan om als door
    deze dit er nog uit wij onze ons tot zo maar dan kan moet moeten heeft hebben geen wel zoals welke
    hoe wat waar tussen tijdens alle elke ieder iedere hun zij hij zich omdat zodat waarbij waarin
    waarvoor wanneer vanaf volgens onder tegen daarna binnen zonder sinds al meer minder haar
    """.split()  # noqa: SIM905
)
_ENGLISH_WORDS = frozenset(
    """
    the and to a an are be been for with not by on that this from at as will which our or it its has
    have their they these those when who than into all each must should can may there also only were
    would such other between during after before about how what where why if through without within
    instead every more less many some both but up out
    """.split()  # noqa: SIM905
)
_MARKERS = _DUTCH_WORDS | _ENGLISH_WORDS
# Dutch surnames carry these ("De Vries", "J. van de Ven", "Jan van der Berg"): there they name a person,
# not the language of the text around them.
_NAME_PARTICLES = frozenset({"van", "de", "der", "den", "ten", "ter", "het"})

# A word: letters and digits (any script, accents included) joined by apostrophes ("SDG's", "euro's")
# and hyphens, so a compound is one word and no function word: "door-to-door", "end-of-life". Other
# punctuation separates words. Numbers are words, so "De 17 SDG's" is no name.
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")

LEAST_MARKERS = 2  # one function word may be chance (a name, a quoted term), two make a phrase
DOMINANCE = 2  # the language must have more than twice the other's markers: mixed texts stay unknown


def text_language(text: str) -> str | None:
    """``"nl"`` or ``"en"`` where ``text`` clearly reads as Dutch or English, else None."""
    words = _WORD.findall(text)
    dutch = english = 0
    for index, word in enumerate(words):
        lower = word.lower()
        if lower not in _MARKERS:
            continue
        if len(word) > 1 and word.isupper():  # an acronym or a code: "EN 1176", "IT-diensten"
            continue
        if lower in _NAME_PARTICLES and _in_a_name(words, index):
            continue
        if lower in _DUTCH_WORDS:
            dutch += 1
        else:
            english += 1
    if dutch >= LEAST_MARKERS and dutch > DOMINANCE * english:
        return DUTCH
    if english >= LEAST_MARKERS and english > DOMINANCE * dutch:
        return ENGLISH
    return None


def _in_a_name(words: list[str], index: int) -> bool:
    """Whether the particles around ``index`` stand in a person's name: after the text's start, an
    initial or a first name, and before a capitalised surname."""
    first, last = index, index
    while first > 0 and words[first - 1].lower() in _NAME_PARTICLES:
        first -= 1
    while last + 1 < len(words) and words[last + 1].lower() in _NAME_PARTICLES:
        last += 1
    if first > 0 and not words[first - 1][0].isupper():
        return False
    following = words[last + 1] if last + 1 < len(words) else ""
    return following[:1].isupper() and not following.isupper()
