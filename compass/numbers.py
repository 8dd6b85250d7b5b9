"""Numbers as Dutch and English users type and read them: ``1.250.000,50`` and ``1,250,000.50``.
No Qt; the UI, the CLI and the PDF share these."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_SEPARATORS = {"nl": (",", "."), "en": (".", ",")}  # (decimal, grouping)
_GROUPED = {
    language: re.compile(r"^\d{1,3}(" + re.escape(group) + r"\d{3})+(" + re.escape(dec) + r"\d+)?$")
    for language, (dec, group) in _SEPARATORS.items()
}


def parse_number(text: str, language: str) -> Decimal | None:
    """The number in ``text`` or None when it is not one. Accepts a leading minus, currency signs
    and spaces; grouping separators only in groups of three, so ``1.5`` in Dutch is not 15."""
    decimal_sep, group_sep = _SEPARATORS.get(language, _SEPARATORS["en"])
    cleaned = text.strip().replace("€", "").replace("EUR", "").replace("\u00a0", "").replace(" ", "")
    negative = cleaned.startswith("-")
    body = cleaned[1:] if negative else cleaned
    if not body:
        return None
    if group_sep in body:
        if not _GROUPED[language if language in _GROUPED else "en"].match(body):
            return None
        body = body.replace(group_sep, "")
    body = body.replace(decimal_sep, ".")
    if not re.fullmatch(r"\d+(\.\d+)?|\.\d+", body):
        return None
    try:
        value = Decimal(body)
    except InvalidOperation:
        return None
    return -value if negative else value


def format_number(value: Decimal, language: str, *, places: int | None = None) -> str:
    """``value`` with the language's separators; whole numbers without decimals unless ``places``."""
    decimal_sep, group_sep = _SEPARATORS.get(language, _SEPARATORS["en"])
    if places is None:
        places = 0 if value == value.to_integral_value() else max(0, -value.normalize().as_tuple().exponent)
    text = f"{value:,.{places}f}"
    return text.replace(",", "\x00").replace(".", decimal_sep).replace("\x00", group_sep)
