"""Numbers and dates as Dutch and English users type and read them: ``1.250.000,50`` and
``1,250,000.50``, ``22-11-2026 14:05`` and ``22 Nov 2026 14:05``.

No Qt; the UI, the CLI and the PDF share these. ``decimal`` and the patterns load on first use: the
start screen needs only the date format.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

_SEPARATORS = {"nl": (",", "."), "en": (".", ",")}  # (decimal, grouping)
# Spelled out rather than strftime("%b"), which follows the process locale, not the chosen language.
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@cache
def _grouped_pattern(language: str) -> re.Pattern[str]:
    decimal_sep, group_sep = _SEPARATORS[language]
    return re.compile(
        r"^\d{1,3}(" + re.escape(group_sep) + r"\d{3})+(" + re.escape(decimal_sep) + r"\d+)?$"
    )


def parse_number(text: str, language: str) -> Decimal | None:
    """The number in ``text`` or None when it is not one. Accepts a leading minus, currency signs
    and spaces; grouping separators only in groups of three, so ``1.5`` in Dutch is not 15."""
    from decimal import Decimal, InvalidOperation

    language = language if language in _SEPARATORS else "en"
    decimal_sep, group_sep = _SEPARATORS[language]
    cleaned = text.strip().replace("€", "").replace("EUR", "").replace("\u00a0", "").replace(" ", "")
    negative = cleaned.startswith("-")
    body = cleaned[1:] if negative else cleaned
    if not body:
        return None
    if group_sep in body:
        if not _grouped_pattern(language).match(body):
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
        exponent = value.normalize().as_tuple().exponent
        places = 0 if value == value.to_integral_value() else max(0, -int(exponent))
    text = f"{value:,.{places}f}"
    return text.replace(",", "\x00").replace(".", decimal_sep).replace("\x00", group_sep)


def format_day(day: dt.date, language: str) -> str:
    """A date as the language writes it: 01-03-2027 in Dutch, 1 Mar 2027 in English."""
    if language == "nl":
        return day.strftime("%d-%m-%Y")
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def format_moment(moment: dt.datetime, language: str) -> str:
    """A timestamp in local time, as the language writes it."""
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{format_day(local.date(), language)} {local:%H:%M}"
