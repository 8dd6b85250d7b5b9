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


def format_number(value: Decimal | int, language: str, *, places: int | None = None) -> str:
    """``value`` with the language's separators; whole numbers without decimals unless ``places``."""
    decimal_sep, group_sep = _SEPARATORS.get(language, _SEPARATORS["en"])
    if isinstance(value, int):  # a count: no need for decimal (1 ms of the start screen's import)
        places = places or 0
    elif places is None:
        exponent = value.normalize().as_tuple().exponent
        places = 0 if value == value.to_integral_value() else max(0, -int(exponent))
    text = f"{value:,.{places}f}"
    return text.replace(",", "\x00").replace(".", decimal_sep).replace("\x00", group_sep)


def format_day(day: dt.date, language: str) -> str:
    """A date as the language writes it: 01-03-2027 in Dutch, 1 Mar 2027 in English."""
    if language == "nl":
        return day.strftime("%d-%m-%Y")
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


_MONTH_WORDS = {
    # Dutch and English, full and short, lower case; both languages are read whatever the UI speaks.
    **{
        name: number
        for number, name in enumerate(
            (
                "januari",
                "februari",
                "maart",
                "april",
                "mei",
                "juni",
                "juli",
                "augustus",
                "september",
                "oktober",
                "november",
                "december",
            ),
            start=1,
        )
    },
    **{
        name: number
        for number, name in enumerate(
            (
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ),
            start=1,
        )
    },
    **{
        name: number
        for number, name in enumerate(
            ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"), start=1
        )
    },
    **{name.lower(): number for number, name in enumerate(_EN_MONTHS, start=1)},
    "mar": 3,
    "oct": 10,
    "sept": 9,
    "maa": 3,
}
_NUMERIC_DAY = re.compile(r"(\d{1,2})[-/. ]+(\d{1,2})[-/. ]+(\d{4}|\d{2})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})\.?\s*([^\W\d_]+)\.?,?\s*(\d{4}|\d{2})")
_MONTH_NAME_DAY = re.compile(r"([^\W\d_]+)\.?\s*(\d{1,2}),?\s+(\d{4}|\d{2})")


def parse_day(text: str) -> dt.date | None:
    """The date a Dutch or British user typed, or None when ``text`` is not one. Day before month,
    as both write it: ``2-3-2027``, ``02032027``, ``2 maart 2027``, ``2 mrt. 2027``, ``2 March 2027``,
    ``March 2, 2027``, ``2027-03-02``; a two-digit year is in this century. An impossible date
    (31-02-2027) is None, never rolled over into the next month."""
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return None
    parts: tuple[str, str, str] | None = None
    if re.fullmatch(r"\d{8}", cleaned):
        parts = (cleaned[:2], cleaned[2:4], cleaned[4:])
    elif match := _ISO_DAY.fullmatch(cleaned):
        parts = (match[3], match[2], match[1])
    elif match := _NUMERIC_DAY.fullmatch(cleaned):
        parts = (match[1], match[2], match[3])
    elif match := _DAY_MONTH_NAME.fullmatch(cleaned):
        month = _MONTH_WORDS.get(match[2])
        parts = (match[1], str(month), match[3]) if month else None
    elif match := _MONTH_NAME_DAY.fullmatch(cleaned):
        month = _MONTH_WORDS.get(match[1])
        parts = (match[2], str(month), match[3]) if month else None
    if parts is None:
        return None
    day, month, year = (int(part) for part in parts)
    if len(parts[2]) == 2:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def format_moment(moment: dt.datetime, language: str, *, seconds: bool = False) -> str:
    """A timestamp in local time, as the language writes it."""
    local = moment.astimezone() if moment.tzinfo else moment
    return (
        f"{format_day(local.date(), language)} {local:%H:%M:%S}"
        if seconds
        else (f"{format_day(local.date(), language)} {local:%H:%M}")
    )


def format_size(size: int, language: str) -> str:
    """A file size as people read it: 840 KB, 12.5 MB (12,5 MB in Dutch)."""
    from decimal import Decimal

    if size < 1000 * 1000:
        return f"{format_number(Decimal(max(1, round(size / 1000))), language)} KB"
    return f"{format_number(Decimal(size) / Decimal(1000 * 1000), language, places=1)} MB"
