"""Exact arithmetic: converters to :class:`~decimal.Decimal` and exact ratios.

psoladder never computes with ``float``. Input quantities (hours, amounts,
percentages) become :class:`~decimal.Decimal` through :func:`to_decimal`,
which refuses ``float`` because a binary float cannot hold most decimal
fractions (``0.1 + 0.2 != 0.3``). Rule arithmetic is done on
:class:`~fractions.Fraction` (exact ratios, e.g. 184/365 days), and results
are shown as ``Decimal`` by :func:`as_decimal`. Rounding happens in one place,
:func:`round_half_up`.

>>> to_decimal("32.5")
Decimal('32.5')
>>> to_decimal(3.2)
Traceback (most recent call last):
...
TypeError: float 3.2 refused: pass Decimal('3.2') or the string '3.2' (psoladder computes exactly)
>>> as_decimal(Fraction(184, 365))
Decimal('0.5041095890410958904109589041')
>>> round_half_up(Fraction(25, 2))
Decimal('13')
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from fractions import Fraction

from psoladder.limits import MAX_NUMBER_CHARS

__all__ = [
    "DISPLAY_PRECISION",
    "Exact",
    "as_decimal",
    "as_fraction",
    "display",
    "round_half_up",
    "to_decimal",
]

#: Significant digits of a ``Decimal`` shown for a ratio that does not end
#: (e.g. 184/365). Terminating values are always shown exactly.
DISPLAY_PRECISION = 28

Exact = Fraction | Decimal | int
"""A value psoladder accepts as exact."""

_TOO_LARGE = 10**MAX_NUMBER_CHARS

# A decimal number in ASCII: what ``Decimal`` reads, without the Unicode
# digits, underscores, NaN and Infinity it also accepts.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)


def to_decimal(value: object, *, field: str | None = None) -> Decimal:
    """Convert an ``int``, ``str`` or ``Decimal`` to ``Decimal``; refuse ``float``.

    Args:
        value: The value to convert.
        field: The field name, used in the error message.

    Returns:
        The exact decimal value.

    Strings are read in ASCII (``32.5``, ``-1``, ``1e3``) and at most
    :data:`~psoladder.limits.MAX_NUMBER_CHARS` characters long, checked before
    :class:`~decimal.Decimal` sees them; Unicode digits, underscores, ``NaN``
    and ``Infinity`` are refused.

    Raises:
        TypeError: For a ``float``, ``bool`` or any other type.
        ValueError: For a string that is not a finite decimal number, or too long.

    >>> to_decimal(40)
    Decimal('40')
    >>> to_decimal(" 1e3 ")
    Decimal('1E+3')
    >>> to_decimal("abc", field="hours_per_week")
    Traceback (most recent call last):
    ...
    ValueError: hours_per_week: 'abc' is not a decimal number; write it like 32 or 32.5
    >>> to_decimal("1" * 41)
    Traceback (most recent call last):
    ...
    ValueError: a number of 41 characters is longer than psoladder reads (40)
    """
    where = f"{field}: " if field else ""
    if isinstance(value, bool):
        raise TypeError(f"{where}a bool is not a number; pass an int, a str or a Decimal")
    if isinstance(value, Decimal):
        if value.is_finite() and len(value.as_tuple().digits) > MAX_NUMBER_CHARS:
            raise ValueError(f"{where}a number of more than {MAX_NUMBER_CHARS} digits is "
                             "longer than psoladder reads")
        result = value
    elif isinstance(value, int):
        if abs(value) >= _TOO_LARGE:
            raise ValueError(f"{where}a number of more than {MAX_NUMBER_CHARS} digits is "
                             "longer than psoladder reads")
        return Decimal(value)
    elif isinstance(value, float):
        raise TypeError(
            f"{where}float {value!r} refused: pass Decimal('{value!r}') or the string "
            f"'{value!r}' (psoladder computes exactly)"
        )
    elif isinstance(value, Fraction):
        if max(abs(value.numerator), value.denominator) >= _TOO_LARGE:
            raise ValueError(f"{where}a fraction with terms of more than {MAX_NUMBER_CHARS} "
                             "digits is longer than psoladder reads")
        if _terminates(value):
            return as_decimal(value)
        raise TypeError(f"{where}{value} has no exact decimal form; pass a Decimal or str")
    elif isinstance(value, str):
        text = value.strip()
        if len(text) > MAX_NUMBER_CHARS:
            raise ValueError(f"{where}a number of {len(text)} characters is longer than "
                             f"psoladder reads ({MAX_NUMBER_CHARS})")
        if not _NUMBER.fullmatch(text):
            raise ValueError(
                f"{where}{value!r} is not a decimal number; write it like 32 or 32.5")
        try:
            result = Decimal(text)
        except decimal.InvalidOperation:  # pragma: no cover - the pattern is stricter
            raise ValueError(f"{where}{value!r} is not a decimal number") from None
    else:
        raise TypeError(
            f"{where}a {type(value).__name__} is not a number; pass an int, a str or a Decimal"
        )
    if not result.is_finite():
        raise ValueError(f"{where}{value!r} is not a finite number")
    return result


def _terminates(value: Fraction) -> bool:
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def as_fraction(value: Exact) -> Fraction:
    """Return ``value`` as an exact :class:`~fractions.Fraction`.

    >>> as_fraction(Decimal("0.75"))
    Fraction(3, 4)
    """
    if isinstance(value, Fraction):
        return value
    return Fraction(value)


def as_decimal(value: Exact) -> Decimal:
    """Show an exact value as ``Decimal``.

    A terminating value (e.g. 209/100) is returned exactly; a non-terminating
    one (e.g. 184/365) to :data:`DISPLAY_PRECISION` significant digits, rounded
    half-even. Decisions (levels, caps) are always taken on the exact
    :class:`~fractions.Fraction`, never on this display value.

    >>> as_decimal(Fraction(209, 100))
    Decimal('2.09')
    >>> as_decimal(Fraction(20))
    Decimal('20')
    """
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if _terminates(value):
        # Exact: scale the numerator to a power of ten.
        d = value.denominator
        twos = fives = 0
        while d % 2 == 0:
            d //= 2
            twos += 1
        while d % 5 == 0:
            d //= 5
            fives += 1
        k = max(twos, fives)
        num = value.numerator * (10**k // value.denominator)
        return Decimal(num).scaleb(-k)
    ctx = decimal.Context(prec=DISPLAY_PRECISION, rounding=decimal.ROUND_HALF_EVEN)
    return ctx.divide(Decimal(value.numerator), Decimal(value.denominator))


def round_half_up(value: Exact, places: int = 0) -> Decimal:
    """Round an exact value half-up (away from zero on a tie) to ``places`` decimals.

    This is psoladder's only rounding helper (used for company size, R-SIZE-2,
    and for display).

    >>> round_half_up(Fraction(49, 2))
    Decimal('25')
    >>> round_half_up(Decimal("4.2449"), 2)
    Decimal('4.24')
    >>> round_half_up(Fraction(-5, 2))
    Decimal('-3')
    """
    exact = as_fraction(value)
    scaled = exact * 10**places
    sign = -1 if scaled < 0 else 1
    magnitude = abs(scaled)
    whole, rest = divmod(magnitude.numerator, magnitude.denominator)
    if 2 * rest >= magnitude.denominator:
        whole += 1
    return Decimal(sign * whole).scaleb(-places)


def display(value: Exact, places: int = 4) -> str:
    """Show a value for people, exact or rounded with a leading ``≈``.

    Exact when it has at most ``places`` decimals, else rounded half-up.

    >>> display(Fraction(209, 20)), display(Fraction(100, 51)), display(Decimal("4.250"))
    ('10.45', '≈1.9608', '4.25')
    """
    exact = as_fraction(value)
    rounded = round_half_up(exact, places)
    if as_fraction(rounded) == exact:
        text = format(rounded.normalize(), "f")
        return text if "." not in text else text.rstrip("0").rstrip(".")
    return f"≈{rounded}"
