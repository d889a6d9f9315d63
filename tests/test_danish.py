"""Danish dates and times exactly as the house layout writes them."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from referent.danish import format_date, format_span, format_time, format_when, parse_time


def test_the_header_time_line_exactly() -> None:
    text = format_when(date(2023, 3, 13), time(14, 30), time(16, 30))
    assert text == "Mandag den 13. marts 2023 kl. 14.30 \u2013 16.30"
    assert "-" not in text  # an en dash, never a hyphen


def test_time_line_without_end_without_start_and_without_weekday() -> None:
    day = date(2023, 4, 17)
    assert format_when(day, time(10, 30), None) == "Mandag den 17. april 2023 kl. 10.30"
    assert format_when(day, None, None) == "Mandag den 17. april 2023"
    assert format_when(day, None, time(12, 0)) == "Mandag den 17. april 2023"
    assert format_when(day, time(9, 5), time(12, 0), weekday=False) == "17. april 2023 kl. 09.05 \u2013 12.00"


@pytest.mark.parametrize(
    ("offset", "weekday"),
    enumerate(["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"]),
)
def test_every_weekday(offset: int, weekday: str) -> None:
    day = date(2023, 3, 13) + timedelta(days=offset)  # 13 March 2023 is a Monday
    assert format_date(day) == f"{weekday} den {day.day}. marts 2023"


@pytest.mark.parametrize(
    ("month", "name"),
    enumerate(
        [
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ],
        start=1,
    ),
)
def test_every_month(month: int, name: str) -> None:
    assert format_date(date(2024, month, 1), weekday=False) == f"1. {name} 2024"


def test_day_has_no_leading_zero_and_year_is_full() -> None:
    assert format_date(date(2022, 3, 5), weekday=False) == "5. marts 2022"
    assert format_date(date(2022, 3, 31)) == "Torsdag den 31. marts 2022"


@pytest.mark.parametrize(
    ("value", "text"),
    [(time(14, 30), "14.30"), (time(9, 5), "09.05"), (time(0, 0), "00.00"), (time(23, 59, 59), "23.59")],
)
def test_format_time(value: time, text: str) -> None:
    assert format_time(value) == text


def test_format_span() -> None:
    assert format_span(None, None) == ""
    assert format_span(time(14, 30), None) == "kl. 14.30"
    assert format_span(time(14, 30), time(16, 0)) == "kl. 14.30 \u2013 16.00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14.30", time(14, 30)),
        ("9.05", time(9, 5)),
        ("09.05", time(9, 5)),
        ("14:30", time(14, 30)),
        (" 14.30 ", time(14, 30)),
        ("0.00", time(0, 0)),
        ("23.59", time(23, 59)),
    ],
)
def test_parse_time(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("25.61", "is not a possible time of day"),
        ("14.60", "is not a possible time of day"),
        ("24.00", "is not a possible time of day"),
        ("abc", "is not a time; write it as 14.30"),
        ("", "is not a time"),
        ("14", "is not a time"),
        ("14.3", "is not a time"),
        ("14.300", "is not a time"),
        ("-1.30", "is not a time"),
        ("14,30", "is not a time"),
        ("14.30.00", "is not a time"),
    ],
)
def test_parse_time_rejects(text: str, phrase: str) -> None:
    with pytest.raises(ValueError, match=phrase) as error:
        parse_time(text)
    assert f"'{text}'" in str(error.value)  # the message quotes what was written


def test_parse_and_format_are_inverse_for_every_minute() -> None:
    for minutes in range(24 * 60):
        value = time(minutes // 60, minutes % 60)
        assert parse_time(format_time(value)) == value
