"""Dates and numbers as people write them: a column's format, found from all its values.

Payroll and spreadsheet exports write ``11-03-2016`` and ``32,5`` as often as
``2016-03-11`` and ``32.5``. A single value does not always say how it is
meant (``01-03-2016``: 1 March or 3 January? ``1.234``: one thousand two
hundred and thirty-four, or one and a bit?), but a column does: its other
values show the order of day and month and the decimal mark. So the format
is decided **per column, from all its values** (issue 12):

* dates: ISO ``jjjj-mm-dd``, or day-month-year with ``-``, ``/`` or ``.``
  (``dd-mm-jjjj``, ``d-m-jjjj``, ``dd/mm/jjjj``, ``dd.mm.jjjj``); a column
  whose values prove month-first (``03/25/2016``) is read month-first. A
  column in which every value could be either is read **day-first**, as
  Dutch usage is, and :attr:`DateDecision.ambiguous` says so (the reader
  turns it into a notice). A column that mixes formats is read in its most
  common one, and every value written otherwise is a located problem;
* numbers: ``1.234,5``, ``1234,5``, ``1,234.5`` and ``1234.5``. A column's
  decimal mark is the one its values prove; a value that could be read
  either way (``1.234``, ``12,500``) in a column that proves neither is a
  problem, never a guess, and so is a value written with the other mark.

Detection is a fold over the column's values (:class:`DateColumn`,
:class:`NumberColumn`, with a count per value), so it needs constant memory
and gives the same decision for a column read row by row (a count of 1 per
row) as for its distinct values with their counts (the columnar engine).
Conversion (:func:`read_date`, :func:`read_number`) then reads each value
with the decision.

>>> column = DateColumn()
>>> for text in ["11-03-2016", "01-02-2020", "5-1-2019"]:
...     column.add(text)
>>> decision = column.decide()
>>> decision.format, decision.ambiguous
(<DateFormat.DMY_DASH: 'dmy-'>, True)
>>> read_date("5-1-2019", decision)
datetime.date(2019, 1, 5)
>>> numbers = detect_numbers(["32", "1.234,5", "36"])
>>> numbers.mark, read_number("1.234,5", numbers)
(<Mark.COMMA: 'comma'>, Decimal('1234.5'))
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Iterable
from decimal import Decimal

import attrs

from psoladder.errors import InputError, shown
from psoladder.limits import MAX_NUMBER_CHARS
from psoladder.messages import problem

__all__ = [
    "DATE_FORMAT_NAMES",
    "DateColumn",
    "DateDecision",
    "DateFormat",
    "Mark",
    "NumberColumn",
    "NumberDecision",
    "date_format",
    "detect_dates",
    "detect_numbers",
    "excel_serial",
    "read_date",
    "read_number",
]


class DateFormat(enum.Enum):
    """How the dates of a column are written (the value is a short code)."""

    ISO = "iso"
    DMY_DASH = "dmy-"
    DMY_SLASH = "dmy/"
    DMY_DOT = "dmy."
    MDY_DASH = "mdy-"
    MDY_SLASH = "mdy/"
    MDY_DOT = "mdy."

    @property
    def separator(self) -> str:
        """The character between the parts."""
        return "-" if self is DateFormat.ISO else self.value[3]

    @property
    def day_first(self) -> bool:
        """Day before month (``dd-mm-jjjj``)."""
        return self.value.startswith("dmy")

    @property
    def family(self) -> str:
        """What a value shows without its order: ``iso`` or its separator."""
        return "iso" if self is DateFormat.ISO else self.separator

    def pattern(self, lang: str = "en") -> str:
        """The format as people write it: ``dd-mm-jjjj`` (nl) or ``dd-mm-yyyy`` (en)."""
        year = "jjjj" if lang == "nl" else "yyyy"
        if self is DateFormat.ISO:
            return f"{year}-mm-dd"
        s = self.separator
        return f"dd{s}mm{s}{year}" if self.day_first else f"mm{s}dd{s}{year}"


def _format(order: str, separator: str) -> DateFormat:
    return DateFormat(order + separator)


#: The names ``date_format`` accepts (case-insensitive; ``d``/``m`` for
#: ``dd``/``mm`` too, and ``yyyy`` for ``jjjj``).
DATE_FORMAT_NAMES: tuple[str, ...] = tuple(
    f.pattern("nl") for f in DateFormat) + tuple(f.pattern("en") for f in DateFormat)


def date_format(name: str) -> DateFormat | None:
    """The format a ``date_format`` setting names, or ``None``.

    >>> date_format("DD-MM-JJJJ"), date_format("d/m/yyyy"), date_format("iso")
    (<DateFormat.DMY_DASH: 'dmy-'>, <DateFormat.DMY_SLASH: 'dmy/'>, <DateFormat.ISO: 'iso'>)
    """
    text = name.strip().lower().replace("yyyy", "jjjj")
    if text == "iso":
        return DateFormat.ISO
    text = re.sub(r"(?<![dm])([dm])(?![dm])", r"\1\1", text)
    for f in DateFormat:
        if f.pattern("nl") == text:
            return f
    return None


_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]0?0:00(?::00)?)?", re.ASCII)
_DM = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})(?:[ T]0?0:00(?::00)?)?",
                 re.ASCII)
# A date with a time of day that is not midnight, or a year of two digits:
# said as such, not as "not a date".
_WITH_TIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}([-/.])[0-9]{1,2}\2[0-9]{4})"
                        r"[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?", re.ASCII)
_SHORT_YEAR = re.compile(r"[0-9]{1,2}([-/.])[0-9]{1,2}\1[0-9]{2}", re.ASCII)


_ISO_ONLY = frozenset({DateFormat.ISO})
# The formats a day-month text can be read in, by separator and by which
# orders its numbers allow (day first, month first).
_ORDERS = {(sep, day_first, month_first): frozenset(
    [*([_format("dmy", sep)] if day_first else []),
     *([_format("mdy", sep)] if month_first else [])])
    for sep in "-/." for day_first in (False, True) for month_first in (False, True)}


@functools.lru_cache(maxsize=1 << 15)
def _shape(text: str) -> tuple[str, frozenset[DateFormat], tuple[int, int, int]] | None:
    """A text's family, the formats it can be read in, and its three numbers.

    A column's texts are shaped twice, to decide its format and to read each
    value: the last 32,768 texts are remembered (every day of some 90 years;
    the results are immutable).

    >>> _shape("2016-03-11")
    ('iso', frozenset({<DateFormat.ISO: 'iso'>}), (2016, 3, 11))
    >>> _shape("25.03.2016")[1], _shape("2016-3-11")
    (frozenset({<DateFormat.DMY_DOT: 'dmy.'>}), None)
    """
    if (len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii()
            and text[:4].isdigit() and text[5:7].isdigit() and text[8:].isdigit()):
        # A plain ISO date (most cells), read without the pattern: what it
        # matches (ASCII digits only; isdigit takes no other ASCII character).
        return "iso", _ISO_ONLY, (int(text[:4]), int(text[5:7]), int(text[8:]))
    m = _ISO.fullmatch(text)
    if m is not None:
        return "iso", _ISO_ONLY, (int(m[1]), int(m[2]), int(m[3]))
    m = _DM.fullmatch(text)
    if m is None:
        return None
    a, sep, b, year = int(m[1]), m[2], int(m[3]), int(m[4])
    return sep, _ORDERS[sep, 1 <= a <= 31 and 1 <= b <= 12, 1 <= a <= 12 and 1 <= b <= 31], \
        (a, b, year)


_FAMILY_ORDER = ("iso", "-", "/", ".")


@attrs.frozen
class DateDecision:
    """How a column's text dates are read.

    Attributes:
        format: The format, or ``None`` when the column has no text date.
        ambiguous: Every value could be day-first or month-first; read
            day-first (Dutch usage).
        explicit: The format was set (``date_format``), not detected.
        dates: Text values that look like dates (by count).
        in_format: How many of them are written in :attr:`format`'s family.
        example: A value that shows the format (for a month-first notice).
    """

    format: DateFormat | None
    ambiguous: bool = False
    explicit: bool = False
    dates: int = 0
    in_format: int = 0
    example: str | None = None

    @property
    def month_first(self) -> bool:
        """The column was proved month-first (worth a notice in a Dutch export)."""
        return self.format is not None and self.format.value.startswith("mdy")


class DateColumn:
    """The shapes of a column's text dates, gathered value by value (constant memory)."""

    def __init__(self) -> None:
        # Per shape (family, formats it can be read in): its count and first text.
        self._counts: dict[tuple[str, frozenset[DateFormat]], int] = {}
        self._first: dict[tuple[str, frozenset[DateFormat]], str] = {}

    def add(self, text: str, count: int = 1) -> None:
        """Count ``count`` occurrences of the (stripped) text value ``text``."""
        shape = _shape(text)
        if shape is None:
            return  # not a date: a problem of its row, not of the column's format
        key = shape[:2]  # (a string and a frozenset: hashed once each, by C code)
        counts = self._counts
        if key in counts:
            counts[key] += count
        else:
            counts[key] = count
            self._first[key] = text

    @property
    def families(self) -> dict[str, int]:
        """How many values of each family (``iso`` or a separator)."""
        found: dict[str, int] = {}
        for (family, _), n in self._counts.items():
            found[family] = found.get(family, 0) + n
        return found

    @property
    def proofs(self) -> dict[DateFormat, int]:
        """How many values can be read in one format only, by that format."""
        return {only: n for (_, formats), n in self._counts.items() if len(formats) == 1
                for only in formats}

    @property
    def examples(self) -> dict[DateFormat, str]:
        """The first value that can be read in one format only, by that format."""
        return {only: text for (_, formats), text in self._first.items() if len(formats) == 1
                for only in formats}

    def decide(self, explicit: DateFormat | None = None) -> DateDecision:
        """The column's format: the explicit one, else its most common written form."""
        families = self.families
        total = sum(families.values())
        if explicit is not None:
            return DateDecision(explicit, explicit=True, dates=total,
                                in_format=families.get(explicit.family, 0))
        if not families:
            return DateDecision(None)
        family = max(_FAMILY_ORDER, key=lambda f: (families.get(f, 0),
                                                   -_FAMILY_ORDER.index(f)))
        count = families[family]
        if family == "iso":
            return DateDecision(DateFormat.ISO, dates=total, in_format=count)
        day, month = _format("dmy", family), _format("mdy", family)
        proofs = self.proofs
        by_day, by_month = proofs.get(day, 0), proofs.get(month, 0)
        if not by_day and not by_month:
            return DateDecision(day, ambiguous=True, dates=total, in_format=count)
        chosen = month if by_month > by_day else day
        return DateDecision(chosen, dates=total, in_format=count,
                            example=self.examples.get(chosen))


def detect_dates(values: Iterable[object], counts: Iterable[int] | None = None, *,
                 explicit: DateFormat | None = None) -> DateDecision:
    """The format of a column from its (distinct) values, each with its count (default 1).

    Values other than text (date cells, numbers) do not take part.

    >>> detect_dates(["2016-03-11", "2017-01-01"]).format
    <DateFormat.ISO: 'iso'>
    >>> detect_dates(["03/25/2016", "04/01/2016"]).format
    <DateFormat.MDY_SLASH: 'mdy/'>
    """
    column = DateColumn()
    weights = iter(counts) if counts is not None else None
    for value in values:
        n = 1 if weights is None else next(weights)
        if isinstance(value, str):
            column.add(value.strip(), n)
    return column.decide(explicit)


def _hint(decision: DateDecision) -> str:
    return "ih.date_forms" if decision.format is None or decision.explicit is False \
        else "ih.date_format_set"


def read_date(text: str, decision: DateDecision, *, field: str | None = None) -> dt.date:
    """The date a (stripped) text stands for, read in the column's format.

    Raises:
        InputError: For a text that is not a date, a date written in another
            format than the column's, or a day that does not exist.

    >>> read_date("30-02-2023", detect_dates(["30-02-2023"]))
    Traceback (most recent call last):
    ...
    psoladder.errors.InputError: 1 problem in the input:
      30 February 2023 does not exist (got '30-02-2023'); check the day and the month
    """
    shape = _shape(text)
    fmt = decision.format
    # (a text with a date's shape is short: shown as it is, never cut)
    value = shown(text) if shape is None else text
    if shape is None:
        if _WITH_TIME.fullmatch(text):
            raise InputError([problem("in.date_time", field=field, value=value,
                                         hint="ih.date_time")])
        if _SHORT_YEAR.fullmatch(text):
            raise InputError([problem("in.short_year", field=field, value=value,
                                         hint="ih.short_year")])
        raise InputError([problem("in.not_a_date", field=field, value=value,
                                     hint=_hint(decision), format=fmt or DateFormat.DMY_DASH)])
    family, formats, (a, b, c) = shape
    if fmt is None:  # pragma: no cover - a column with this value has a format
        raise AssertionError("read_date needs the decision of the value's column")
    if family != fmt.family:
        written = next(iter(formats), None) or _format("dmy", family)
        key = "in.date_format_set" if decision.explicit else "in.date_other_format"
        raise InputError([problem(key, field=field, value=value, hint="ih.date_same",
                                     written=written, format=fmt, count=decision.in_format,
                                     total=decision.dates)])
    if fmt is DateFormat.ISO:
        year, month, day = a, b, c
    elif fmt in formats or not formats:
        day, month, year = (a, b, c) if fmt.day_first else (b, a, c)
    else:
        (other,) = formats
        raise InputError([problem("in.date_other_order", field=field, value=value,
                                     hint="ih.date_same", written=other, format=fmt)])
    try:
        return dt.date(year, month, day)
    except ValueError:
        pass
    if 1 <= month <= 12 and year >= 1:
        raise InputError([problem("in.no_such_day", field=field, value=value,
                                     hint="ih.no_such_day", day=day, month=month, year=year,
                                     format=fmt)])
    raise InputError([problem("in.no_such_date", field=field, value=value,
                                 hint="ih.no_such_day", format=fmt)])


#: Day 0 of Excel's serial numbers (the 1900 date system, past its 29 February
#: 1900, which never was); the 1904 system starts at 1904-01-01.
_EXCEL_1900 = dt.date(1899, 12, 30)
_EXCEL_1904 = dt.date(1904, 1, 1)


def excel_serial(number: int | float, *, epoch_1904: bool = False,
                 field: str | None = None) -> dt.date:
    """The date of an Excel serial number (a date cell that lost its date format).

    >>> excel_serial(42440)
    datetime.date(2016, 3, 11)

    Raises:
        InputError: For a number with a fraction (a time of day) or one that
            is no day of Excel's calendar.
    """
    if isinstance(number, float) and not number.is_integer():
        raise InputError([problem("in.serial_time", field=field, value=repr(number),
                                     hint="ih.date_time")])
    whole = int(number)
    if not 1 <= whole <= 2_958_465:  # 9999-12-31
        raise InputError([problem("in.serial_range", field=field, value=str(whole),
                                     hint="ih.serial")])
    if not epoch_1904 and whole <= 60:
        # Excel counts a 29 February 1900; its first 60 days are one day off.
        return _EXCEL_1900 + dt.timedelta(days=whole + (1 if whole < 60 else 0))
    return (_EXCEL_1904 if epoch_1904 else _EXCEL_1900) + dt.timedelta(days=whole)


# ------------------------------------------------------------------ numbers


class Mark(enum.Enum):
    """The decimal mark of a column of numbers."""

    COMMA = "comma"
    POINT = "point"

    @property
    def char(self) -> str:
        """The character."""
        return "," if self is Mark.COMMA else "."

    @property
    def other(self) -> Mark:
        """The other mark (the thousands separator beside this one)."""
        return Mark.POINT if self is Mark.COMMA else Mark.COMMA


_INT = re.compile(r"[0-9]+", re.ASCII)
_EXPONENT = re.compile(r"[0-9]+(?:\.[0-9]*)?[eE][+-]?[0-9]+", re.ASCII)


def _number_shape(text: str) -> tuple[str, Mark | None] | None:
    """``("int" | "proof" | "ambiguous", mark)`` of an unsigned number text, or ``None``.

    ``proof`` with the mark it proves; ``ambiguous`` with the mark that makes
    it a decimal (``1.234`` is 1.234 with a decimal point, 1234 with a comma).
    """
    if _INT.fullmatch(text):
        return "int", None
    if _EXPONENT.fullmatch(text):
        return ("proof", Mark.POINT) if "." in text else ("int", None)
    for mark in Mark:
        sep, thousands = mark.char, mark.other.char
        grouped = rf"[0-9]{{1,3}}(?:{re.escape(thousands)}[0-9]{{3}})+"
        if re.fullmatch(rf"(?:[0-9]+|{grouped}){re.escape(sep)}[0-9]+", text, re.ASCII):
            whole, _, decimals = text.rpartition(sep)
            if thousands in whole or len(decimals) != 3 or whole.startswith("0") \
                    or len(whole) > 3:
                return "proof", mark
            return "ambiguous", mark
        if re.fullmatch(rf"[0-9]{{1,3}}(?:{re.escape(thousands)}[0-9]{{3}}){{2,}}", text,
                        re.ASCII):
            return "proof", mark  # 1.234.567: dots group thousands, so the mark is a comma
    return None


@attrs.frozen
class NumberDecision:
    """How a column's text numbers are read.

    Attributes:
        mark: The decimal mark, or ``None`` when no value shows it.
        explicit: The mark was set (``decimal_mark``), not detected.
        numbers: Text values that are numbers in either convention.
        in_mark: How many of them agree with :attr:`mark`.
    """

    mark: Mark | None
    explicit: bool = False
    numbers: int = 0
    in_mark: int = 0


class NumberColumn:
    """The decimal marks a column's values prove, gathered value by value."""

    def __init__(self) -> None:
        self.proofs: dict[Mark, int] = {}
        self.numbers = 0

    def add(self, text: str, count: int = 1) -> None:
        """Count ``count`` occurrences of the (cleaned, unsigned) text ``text``."""
        shape = _number_shape(text)
        if shape is None:
            return
        self.numbers += count
        if shape[0] == "proof" and shape[1] is not None:
            self.proofs[shape[1]] = self.proofs.get(shape[1], 0) + count

    def decide(self, explicit: Mark | None = None) -> NumberDecision:
        """The column's decimal mark: the explicit one, else the one most values prove."""
        if explicit is not None:
            return NumberDecision(explicit, explicit=True, numbers=self.numbers,
                                  in_mark=self.numbers - self.proofs.get(explicit.other, 0))
        if not self.proofs:
            return NumberDecision(None, numbers=self.numbers, in_mark=self.numbers)
        comma, point = self.proofs.get(Mark.COMMA, 0), self.proofs.get(Mark.POINT, 0)
        mark = Mark.POINT if point > comma else Mark.COMMA
        return NumberDecision(mark, numbers=self.numbers,
                              in_mark=self.numbers - self.proofs.get(mark.other, 0))


_SIGN = re.compile(r"([+-]?)\s*(.*)", re.DOTALL)


def clean_number(text: str, symbol: str | None = None) -> tuple[str, str]:
    """``(sign, digits)`` of a number text: spaces and an allowed symbol (``€``, ``%``) off.

    >>> clean_number(" € 1.250,50 ", "€"), clean_number("-25 %", "%")
    (('', '1.250,50'), ('-', '25'))
    """
    text = text.strip()
    if symbol is not None:
        if symbol == "€" and text.upper().startswith("EUR") and not text.startswith("€"):
            text = text[3:]
        text = text.strip()
        if text.startswith(symbol):
            text = text[1:]
        elif text.endswith(symbol):
            text = text[:-1]
    m = _SIGN.fullmatch(text.strip())
    assert m is not None
    sign, rest = m[1], m[2].strip()
    if symbol == "€" and rest.startswith("€"):  # -€ 5
        rest = rest[1:].strip()
    return sign, rest


def detect_numbers(values: Iterable[object], counts: Iterable[int] | None = None, *,
                   explicit: Mark | None = None, symbol: str | None = None) -> NumberDecision:
    """The decimal mark of a column from its (distinct) text values, each with its count.

    >>> detect_numbers(["1,234.5", "40"]).mark
    <Mark.POINT: 'point'>
    >>> detect_numbers(["1.234", "40"]).mark is None
    True
    """
    column = NumberColumn()
    weights = iter(counts) if counts is not None else None
    for value in values:
        n = 1 if weights is None else next(weights)
        if isinstance(value, str):
            column.add(clean_number(value, symbol)[1], n)
    return column.decide(explicit)


def read_number(text: str, decision: NumberDecision, *, field: str | None = None,
                symbol: str | None = None) -> Decimal:
    """The exact number a text stands for, read with the column's decimal mark.

    Raises:
        InputError: For a text that is not a number, one written with the
            other decimal mark, or one that is ambiguous in its column.

    >>> read_number("12,500", detect_numbers(["12,500"]))
    Traceback (most recent call last):
    ...
    psoladder.errors.InputError: 1 problem in the input:
      the number can be read as 12,500 or as 12.5, and no other value of its column shows which (got '12,500'); write it without a thousands separator, or set decimal_mark in [payroll]
    """
    value = shown(text)
    if len(text) > MAX_NUMBER_CHARS:
        raise InputError([problem("in.number_too_long", field=field, length=len(text),
                                     most=MAX_NUMBER_CHARS)])
    sign, digits = clean_number(text, symbol)
    shape = _number_shape(digits)
    if shape is None:
        other = next((s for s in ("€", "%") if s in text and s != symbol), None)
        if other is not None:
            raise InputError([problem("in.number_symbol", field=field, value=value,
                                         hint="ih.number", symbol=other)])
        raise InputError([problem("in.not_a_number", field=field, value=value,
                                     hint="ih.number")])
    kind, mark = shape
    chosen = decision.mark
    if kind == "int" or (kind != "int" and mark is None):
        number = digits
    elif kind == "ambiguous" and chosen is None:
        assert mark is not None
        whole, _, decimals = digits.rpartition(mark.char)
        raise InputError([problem("in.number_ambiguous", field=field, value=value,
                                     hint="ih.number_ambiguous", large=Decimal(whole + decimals),
                                     small=Decimal(f"{whole}.{decimals}").normalize())])
    else:
        assert mark is not None
        use = chosen or mark
        if kind == "proof" and use is not mark:
            key = "in.number_mark_set" if decision.explicit else "in.number_other_mark"
            raise InputError([problem(key, field=field, value=value, hint="ih.number_same",
                                         written=mark, mark=use, count=decision.in_mark,
                                         total=decision.numbers)])
        number = digits.replace(use.other.char, "").replace(use.char, ".")
    try:
        return Decimal(sign + number)
    except ArithmeticError:  # pragma: no cover - the shapes are valid decimals
        raise InputError([problem("in.not_a_number", field=field, value=value,
                                     hint="ih.number")]) from None
