from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from psoladder.errors import InputError
from psoladder.numbers import as_decimal, display, round_half_up, to_decimal
from psoladder.periods import (
    BEGINNING,
    FOREVER,
    DateRange,
    default_peiljaar,
    months_after,
    validate_peiljaar,
    years_from,
)


@pytest.mark.parametrize("value", [3.2, 0.0, float("nan")])
def test_float_is_refused_with_a_hint(value: float) -> None:
    with pytest.raises(TypeError, match=r"pass Decimal\("):
        to_decimal(value, field="hours_per_week")


def test_bool_is_refused() -> None:
    with pytest.raises(TypeError, match="bool"):
        to_decimal(True)


@pytest.mark.parametrize(("value", "expected"), [(32, Decimal(32)), ("32.5", Decimal("32.5")),
                                                  (Decimal("1.10"), Decimal("1.10")),
                                                  (Fraction(1, 4), Decimal("0.25"))])
def test_exact_inputs_convert(value: object, expected: Decimal) -> None:
    assert to_decimal(value) == expected


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1,5", ""])
def test_bad_strings(value: str) -> None:
    with pytest.raises(ValueError, match="number"):
        to_decimal(value)


def test_non_terminating_fraction_is_not_a_decimal() -> None:
    with pytest.raises(TypeError, match="no exact decimal"):
        to_decimal(Fraction(1, 3))


@pytest.mark.parametrize(("value", "places", "expected"), [
    (Fraction(5, 2), 0, "3"), (Fraction(49, 2), 0, "25"), (Fraction(4899, 200), 0, "24"),
    (Fraction(-5, 2), 0, "-3"), (Decimal("0.125"), 2, "0.13"), (Decimal("0.1249"), 2, "0.12"),
])
def test_round_half_up(value: Fraction | Decimal, places: int, expected: str) -> None:
    assert round_half_up(value, places) == Decimal(expected)


def test_as_decimal_is_exact_when_the_value_terminates() -> None:
    assert as_decimal(Fraction(209, 100)) == Decimal("2.09")
    assert as_decimal(Fraction(1, 1024)) == Decimal(1) / Decimal(1024)
    assert str(as_decimal(Fraction(184, 365))).startswith("0.50410958")


def test_display() -> None:
    assert display(Fraction(1, 3), 2) == "≈0.33"
    assert display(Fraction(5)) == "5"


def test_date_range_inclusive_and_ordered() -> None:
    assert DateRange(dt.date(2023, 1, 1), dt.date(2023, 1, 1)).days == 1
    with pytest.raises(InputError, match="before start"):
        DateRange(dt.date(2023, 1, 2), dt.date(2023, 1, 1))


def test_years_from_29_february() -> None:
    window = years_from(dt.date(2020, 2, 29), 1)
    assert window.end == dt.date(2021, 2, 27)  # anniversary 2021-02-28 is the first day out
    assert years_from(dt.date(2019, 3, 1), 5).end == dt.date(2024, 2, 29)


def test_peiljaar_default_and_validation() -> None:
    assert default_peiljaar(dt.date(2024, 3, 31)) == DateRange(dt.date(2023, 1, 1),
                                                              dt.date(2023, 12, 31))
    ok = DateRange(dt.date(2023, 3, 1), dt.date(2024, 2, 29))
    assert validate_peiljaar(ok) is ok
    for bad_end in (dt.date(2024, 2, 28), dt.date(2024, 3, 1)):
        with pytest.raises(InputError, match="12 consecutive months"):
            validate_peiljaar(DateRange(dt.date(2023, 3, 1), bad_end))


@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
       months=st.integers(min_value=-22_000, max_value=22_000))
@settings(max_examples=500, deadline=None)
def test_months_after_is_dateutils_relativedelta_within_the_calendar(
        day: dt.date, months: int) -> None:
    # months_after computes what relativedelta computed before (the 29
    # February and month-end clamps), clamped to the calendar.
    expected = day + relativedelta(months=months)
    assert months_after(day, months) == expected


@pytest.mark.parametrize(("day", "months", "expected"), [
    (dt.date(2023, 8, 31), 6, dt.date(2024, 2, 29)),
    (dt.date(2022, 8, 31), 6, dt.date(2023, 2, 28)),
    (dt.date(2020, 2, 29), 12, dt.date(2021, 2, 28)),
    (dt.date(2020, 2, 29), 48, dt.date(2024, 2, 29)),
    (dt.date(2024, 3, 31), -1, dt.date(2024, 2, 29)),
    (dt.date(2024, 1, 15), 0, dt.date(2024, 1, 15)),
    (dt.date(9999, 6, 1), 7, FOREVER),
    (dt.date(1, 3, 1), -3, BEGINNING),
])
def test_months_after_clamps(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_after(day, months) == expected
