"""Inclusive date ranges, the peiljaar and counting-window arithmetic.

Conventions (R-FTE-3, R-TG-0a, decisions):

* A :class:`DateRange` includes both ends: an HR end date is the last working
  day.
* "N years from date D" is the half-open range ``[D, D + N years)``, computed
  as dateutil's ``relativedelta(years=N)`` does: 29 February + 1 year is 28
  February, and the last day that counts is the day before the anniversary
  (:func:`years_from`).
* "Until date U" counts up to and including U; no U means open-ended.
* Arithmetic never overflows: input dates lie between 1900 and 2100
  (:mod:`psoladder.limits`), and a result past the calendar's last day
  (9999-12-31, e.g. a user-supplied window of 10,000 years) is clamped to
  :data:`FOREVER` (open-ended), one before its first day to :data:`BEGINNING`.

>>> r = DateRange(dt.date(2023, 7, 1), dt.date(2023, 12, 31))
>>> r.days
184
>>> years_from(dt.date(2020, 2, 29), 1)
DateRange(start=datetime.date(2020, 2, 29), end=datetime.date(2021, 2, 27))
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import attrs

from psoladder.errors import InputError, Problem, Words

__all__ = [
    "BEGINNING",
    "FOREVER",
    "DateRange",
    "application_problem",
    "default_peiljaar",
    "months_after",
    "validate_peiljaar",
    "years_after",
    "years_from",
]

BEGINNING = dt.date.min
FOREVER = dt.date.max


@attrs.frozen(order=True)
class DateRange:
    """A range of whole days, both ends included.

    Attributes:
        start: The first day.
        end: The last day (inclusive).
    """

    start: dt.date
    end: dt.date

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InputError([Problem(
                f"end {self.end.isoformat()} lies before start {self.start.isoformat()}",
                field="end",
                hint="an end date is the last day (inclusive) and cannot precede the start",
                words=_words("in.end_before_start", "ih.range_end", end=self.end,
                             start=self.start),
            )])

    @property
    def days(self) -> int:
        """Number of days, both ends included."""
        return (self.end - self.start).days + 1

    def intersect(self, other: DateRange | None) -> DateRange | None:
        """The days in both ranges, or ``None`` when they do not overlap.

        >>> a = DateRange(dt.date(2023, 1, 1), dt.date(2023, 6, 30))
        >>> a.intersect(DateRange(dt.date(2023, 6, 1), dt.date(2024, 1, 1))).days
        30
        """
        if other is None:
            return None
        start = max(self.start, other.start)
        end = min(self.end, other.end)
        return DateRange(start, end) if start <= end else None

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def __str__(self) -> str:
        end = "open" if self.end == FOREVER else self.end.isoformat()
        start = "open" if self.start == BEGINNING else self.start.isoformat()
        return f"{start}..{end}"


def years_after(day: dt.date, years: int) -> dt.date:
    """The anniversary ``years`` after ``day`` (29 February -> 28 February).

    Clamped to the calendar (see the module docs):

    >>> years_after(dt.date(2100, 12, 31), 10_000)
    datetime.date(9999, 12, 31)
    """
    return months_after(day, 12 * years)


def months_after(day: dt.date, months: int) -> dt.date:
    """The day ``months`` calendar months after ``day`` (31 Aug + 6 -> 28/29 Feb).

    Clamped to the calendar: :data:`FOREVER` when the result would lie after
    it, :data:`BEGINNING` when before it.
    """
    month = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(month, 12)
    if year > dt.MAXYEAR:
        return FOREVER
    if year < dt.MINYEAR:
        return BEGINNING
    # The same day of the target month, or its last day when it is shorter
    # (as dateutil's relativedelta, without its cost in the counting windows).
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def years_from(day: dt.date, years: int) -> DateRange:
    """The counting window "``years`` years from ``day``": ``[day, day + years)``.

    A window reaching past the calendar is open-ended.

    >>> str(years_from(dt.date(2017, 3, 1), 5))
    '2017-03-01..2022-02-28'
    >>> str(years_from(dt.date(2100, 12, 31), 8000))
    '2100-12-31..open'
    """
    anniversary = years_after(day, years)
    end = FOREVER if anniversary == FOREVER else anniversary - dt.timedelta(days=1)
    return DateRange(day, end)


def default_peiljaar(application_date: dt.date) -> DateRange:
    """The default peiljaar: the calendar year before the application date (R-FTE-4).

    >>> str(default_peiljaar(dt.date(2024, 5, 1)))
    '2023-01-01..2023-12-31'
    """
    year = application_date.year - 1
    return DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31))


def _words(key: str, hint: str, **params: Any) -> Words:
    """The keys of a problem's words in :mod:`psoladder.messages`, with their parameters.

    That module imports this one, so the English is written here too; a test
    checks that the message table says the same.
    """
    return Words(key, hint, tuple(params.items()))


def application_problem(on: dt.date, peiljaar: DateRange, *,
                        given: bool = False) -> Problem | None:
    """The problem of an application date on or before the end of the peiljaar, if any.

    The peiljaar is measured before the application (R-FTE-4, R-ED-1): an
    earlier date would apply an edition to a year it never saw.

    Args:
        on: The application date.
        peiljaar: The peiljaar.
        given: The date was given in place of the organisation's (an option).

    >>> p = DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    >>> application_problem(dt.date(2024, 1, 1), p) is None
    True
    >>> application_problem(dt.date(2023, 12, 31), p).field
    'application_date'
    """
    if on > peiljaar.end:
        return None
    instead = " given in place of the organisation's" if given else ""
    return Problem(f"the application date{instead} is not after the end of the peiljaar "
                   f"{peiljaar}", field="application_date", value=on.isoformat(),
                   hint=f"the application follows the peiljaar: give a date after "
                        f"{peiljaar.end.isoformat()}, or the peiljaar measured before the "
                        f"application, e.g. {default_peiljaar(on)}",
                   words=_words("in.application_given_not_after" if given
                                else "in.application_not_after", "ih.application_after",
                                peiljaar=peiljaar, end=peiljaar.end,
                                default=default_peiljaar(on)))


def validate_peiljaar(peiljaar: DateRange) -> DateRange:
    """Check that ``peiljaar`` spans exactly 12 consecutive months (R-FTE-4).

    >>> str(validate_peiljaar(DateRange(dt.date(2023, 4, 1), dt.date(2024, 3, 31))))
    '2023-04-01..2024-03-31'
    >>> validate_peiljaar(DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 30)))
    Traceback (most recent call last):
    ...
    psoladder.errors.InputError: 1 problem in the input:
      field 'peiljaar': a peiljaar is exactly 12 consecutive months (R-FTE-4) (got '2023-01-01..2023-12-30'); for a start of 2023-01-01 the end is 2023-12-31
    """
    expected_end = months_after(peiljaar.start, 12) - dt.timedelta(days=1)
    if peiljaar.end != expected_end:
        raise InputError([Problem(
            "a peiljaar is exactly 12 consecutive months (R-FTE-4)",
            field="peiljaar",
            value=str(peiljaar),
            hint=f"for a start of {peiljaar.start.isoformat()} the end is "
            f"{expected_end.isoformat()}",
            words=_words("in.peiljaar_months", "ih.peiljaar_end", start=peiljaar.start,
                         end=expected_end),
        )])
    return peiljaar
