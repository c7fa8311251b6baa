"""Numbers and dates for people, in Dutch (``nl``) and English (``en``).

Every figure psoladder shows a person goes through this module, so a report,
the explanation, a warning and the notebook view write the same number the
same way. The conventions are those of the language:

=========== ==================== ==================
kind        ``nl``               ``en``
=========== ==================== ==================
fte         ``0,6316``           ``0.6316``
percentage  ``4,11 %``           ``4.11%``
euro        ``€ 1.834.331,09``   ``€1,834,331.09``
count       ``1.234``            ``1,234``
date        ``1 mei 2024``       ``1 May 2024``
period      ``1 januari 2023 t/m ``1 January 2023 to
            31 december 2023``   31 December 2023``
=========== ==================== ==================

fte have 4 decimals, percentages and euros 2, rounded half-up
(:func:`psoladder.numbers.round_half_up`, the project's one rounding rule).
Shown figures are rounded; decisions are always taken on the exact values,
which :func:`exact_value` writes out (``exact=True`` on every function, and the
``--exact`` option of the command line).

The rules are written by hand for exactly these two languages (decimal
comma and point, thousands separators, month names, the position of ``%`` and
``€``), so the library needs no locale package at run time; a test compares
them with `Babel <https://babel.pocoo.org>`_ (CLDR data) over thousands of
values. Two deliberate differences from CLDR: Dutch percentages carry a space
before ``%`` (``4,11 %``, as in Dutch government and NEN style), and a plain
space rather than a no-break space follows ``€``.

>>> from fractions import Fraction
>>> fte(Fraction(12, 19), "nl"), fte(Fraction(12, 19), "en")
('0,6316', '0.6316')
>>> percent(Fraction(2055161, 500000), "nl"), percent(Decimal("4.1103"), "en")
('4,11 %', '4.11%')
>>> money(Decimal("1834331.09"), "nl"), money(Decimal("1834331.09"), "en")
('€ 1.834.331,09', '€1,834,331.09')
>>> date(dt.date(2024, 5, 1), "nl"), date(dt.date(2024, 5, 1), "en")
('1 mei 2024', '1 May 2024')
>>> fte(Fraction(12, 19), "nl", exact=True)
'12/19 ≈ 0,6315789473684210526315789474'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from psoladder.numbers import Exact, as_decimal, as_fraction, round_half_up
from psoladder.periods import BEGINNING, FOREVER, DateRange

__all__ = [
    "LANGUAGES",
    "Lang",
    "count",
    "date",
    "exact_value",
    "fte",
    "join",
    "language",
    "list_separator",
    "money",
    "number",
    "percent",
    "period",
    "separating_places",
]

Lang = Literal["nl", "en"]
#: The languages psoladder writes.
LANGUAGES: tuple[Lang, ...] = ("nl", "en")

#: Places of each kind of figure.
FTE_PLACES = 4
PERCENT_PLACES = 2
MONEY_PLACES = 2

# Locale data (the equivalent of CLDR's for these two languages).
_DECIMAL = {"nl": ",", "en": "."}
_GROUP = {"nl": ".", "en": ","}
_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
_PERIOD = {  # both ends, open end, open start, both open
    "nl": ("{start} t/m {end}", "vanaf {start}", "tot en met {end}", "zonder begin of einde"),
    "en": ("{start} to {end}", "from {start}", "up to and including {end}",
           "without start or end"),
}
_APPROX = "≈"


def language(lang: str) -> Lang:
    """``lang`` checked: ``nl`` or ``en``.

    >>> language("xx")
    Traceback (most recent call last):
    ...
    ValueError: unknown language 'xx'; use nl or en
    """
    if lang == "nl":
        return "nl"
    if lang == "en":
        return "en"
    raise ValueError(f"unknown language {lang!r}; use nl or en")


def _digits(value: Decimal, lang: str, grouping: bool) -> str:
    """A finite decimal with the language's separators (no exponent)."""
    text = format(value, "f")
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, frac = text.partition(".")
    if grouping and len(whole) > 3:
        head = len(whole) % 3 or 3
        parts = [whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)]
        whole = _GROUP[language(lang)].join(parts)
    if sign and set(whole + frac) <= {"0"}:
        sign = ""  # -0,00 is shown as 0,00
    return sign + whole + (_DECIMAL[language(lang)] + frac if frac else "")


def number(value: Exact, lang: str, places: int | None = None, *, grouping: bool = True,
           exact: bool = False) -> str:
    """A number with the language's decimal sign and thousands separators.

    Args:
        value: The exact value.
        lang: ``nl`` or ``en``.
        places: Decimals shown, rounded half-up; ``None`` shows the value as
            it is, up to 4 decimals, without trailing zeros (weights, hours).
        grouping: Use thousands separators.
        exact: Write the exact value instead (see :func:`exact_value`).

    >>> number(Decimal("1234.5"), "nl"), number(Decimal("0.75"), "en"), number(2, "nl", 2)
    ('1.234,5', '0.75', '2,00')
    >>> number(Fraction(2, 3), "en")
    '0.6667'
    """
    if exact:
        return exact_value(value, lang)
    if places is None:
        rounded = round_half_up(value, 4).normalize()
        if rounded == rounded.to_integral_value():
            rounded = rounded.quantize(Decimal(1))
    else:
        rounded = round_half_up(value, places)
    return _digits(rounded, lang, grouping)


def exact_value(value: Exact, lang: str) -> str:
    """The exact value: all its decimals, or a fraction with 28 significant digits beside it.

    >>> exact_value(Fraction(209, 100), "nl"), exact_value(Fraction(1, 3), "en")
    ('2,09', '1/3 ≈ 0.3333333333333333333333333333')
    """
    f = as_fraction(value)
    d = as_decimal(f)
    if Fraction(d) == f:
        return _digits(d, lang, True)
    return f"{f.numerator}/{f.denominator} {_APPROX} {_digits(d, lang, True)}"


def fte(value: Exact, lang: str, *, exact: bool = False) -> str:
    """An fte figure with 4 decimals: ``0,6316`` / ``0.6316``."""
    return number(value, lang, FTE_PLACES, exact=exact)


def percent(value: Exact, lang: str, *, exact: bool = False, places: int = PERCENT_PLACES) -> str:
    """A percentage (``value`` is in percent) with 2 decimals: ``4,11 %`` / ``4.11%``.

    >>> percent(30, "nl"), percent(Fraction(100, 51), "en", places=4)
    ('30,00 %', '1.9608%')
    """
    text = number(value, lang, places, exact=exact)
    return f"{text} %" if language(lang) == "nl" else f"{text}%"


def money(value: Exact, lang: str, *, exact: bool = False) -> str:
    """Euros with 2 decimals and thousands separators: ``€ 1.834.331,09`` / ``€1,834,331.09``.

    >>> money(Decimal("-5"), "nl"), money(Decimal("-5"), "en")
    ('€ -5,00', '-€5.00')
    """
    text = number(value, lang, MONEY_PLACES, exact=exact)
    if language(lang) == "nl":
        return f"€ {text}"
    if text.startswith("-"):
        return f"-€{text[1:]}"
    return f"€{text}"


def count(value: int, lang: str) -> str:
    """A whole number of things with thousands separators: ``1.234`` / ``1,234``."""
    return _digits(Decimal(value), lang, True)


def date(day: dt.date, lang: str) -> str:
    """A date written out: ``1 mei 2024`` / ``1 May 2024``."""
    return f"{day.day} {_MONTHS[language(lang)][day.month - 1]} {day.year}"


def period(days: DateRange, lang: str) -> str:
    """An inclusive range of days, open ends in words.

    >>> period(DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31)), "nl")
    '1 januari 2023 t/m 31 december 2023'
    >>> period(DateRange(dt.date(2021, 2, 1), FOREVER), "en")
    'from 1 February 2021'
    """
    both, from_, until, neither = _PERIOD[language(lang)]
    open_start, open_end = days.start == BEGINNING, days.end == FOREVER
    if open_start and open_end:
        return neither
    if open_end:
        return from_.format(start=date(days.start, lang))
    if open_start:
        return until.format(end=date(days.end, lang))
    return both.format(start=date(days.start, lang), end=date(days.end, lang))


def join(items: Iterable[str], lang: str) -> str:
    """Items separated for the language: ``a, b en c`` / ``a, b and c``.

    >>> join(["a", "b", "c"], "nl"), join(["a"], "en"), join(["a", "b"], "en")
    ('a, b en c', 'a', 'a and b')
    """
    words = list(items)
    last = " en " if language(lang) == "nl" else " and "
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + last + words[-1]


def list_separator(lang: str) -> str:
    """Separator of numbers in a list: ``;`` in Dutch (the comma is the decimal sign)."""
    return "; " if language(lang) == "nl" else ", "


def approx(value: Exact, shown: Exact) -> bool:
    """Whether ``shown`` (a rounded form) differs from the exact ``value``."""
    return as_fraction(value) != as_fraction(shown)


def separating_places(a: Exact, b: Exact, lang: str, places: int = PERCENT_PLACES) -> int:
    """The fewest decimals (at least ``places``) that show ``a`` and ``b`` differently.

    Used where a rounded score is compared with a norm: 5,0999 % is below a
    norm of 5,1 % and must not be shown as ``5,10 % < 5,10 %``.

    >>> separating_places(Fraction(50999, 10000), Fraction(51, 10), "nl")
    4
    """
    fa, fb = as_fraction(a), as_fraction(b)
    if fa == fb:
        return places
    shown = places
    while number(fa, lang, shown) == number(fb, lang, shown) and shown < 28:
        shown += 1
    return shown
