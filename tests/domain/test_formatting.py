"""Numbers and dates as each language writes them, in the app and in the document."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from compass.formatting import format_day, format_moment, format_number, parse_day, parse_number


@pytest.mark.parametrize(
    "language, day, expected",
    [("nl", dt.date(2027, 3, 1), "01-03-2027"), ("en", dt.date(2027, 3, 1), "1 Mar 2027")],
)
def test_dates_are_written_the_languages_way(language, day, expected) -> None:
    assert format_day(day, language) == expected


def test_a_moment_adds_the_time() -> None:
    assert format_moment(dt.datetime(2026, 11, 29, 9, 5), "en") == "29 Nov 2026 09:05"
    assert format_moment(dt.datetime(2026, 11, 29, 9, 5), "nl") == "29-11-2026 09:05"


@pytest.mark.parametrize(
    "language, text, value",
    [
        ("nl", "2.400.000", Decimal(2400000)),
        ("nl", "1,5", Decimal("1.5")),
        ("en", "2,400,000", Decimal(2400000)),
        ("en", "1.5", Decimal("1.5")),
        ("nl", "1.5", None),  # a Dutch point groups thousands: 1.5 is not a number
        ("en", "twelve", None),
    ],
)
def test_numbers_are_read_the_languages_way(language, text, value) -> None:
    assert parse_number(text, language) == value


def test_numbers_are_written_the_languages_way() -> None:
    assert format_number(Decimal(2400000), "nl") == "2.400.000"
    assert format_number(Decimal("1.5"), "en") == "1.5"
    assert format_number(Decimal(75), "nl", places=1) == "75,0"


@pytest.mark.parametrize(
    "typed",
    [
        "2-3-2027",
        "02-03-2027",
        "02032027",
        "2/3/27",
        "2.3.2027",
        " 2 maart 2027 ",
        "2 mrt. 2027",
        "2 MRT 2027",
        "2 March 2027",
        "2 Mar 2027",
        "March 2, 2027",
        "2027-03-02",
    ],
)
def test_a_typed_date_is_read_day_first_in_dutch_and_english_forms(typed) -> None:
    assert parse_day(typed) == dt.date(2027, 3, 2)


@pytest.mark.parametrize(
    "typed", ["", "morgen", "31-02-2027", "2 Marchember 2027", "13-13-2027", "2-3", "1234"]
)
def test_what_is_not_a_date_is_refused_not_guessed(typed) -> None:
    assert parse_day(typed) is None


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_day_the_app_writes_is_read_back(language) -> None:
    day = dt.date(2027, 1, 1)
    while day.year < 2029:
        assert parse_day(format_day(day, language)) == day
        day += dt.timedelta(days=1)
