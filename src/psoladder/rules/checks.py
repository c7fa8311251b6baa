"""The checks a rule value must pass, shared by the rule data and override files.

Each parameter of the rule data names its ``unit``; the unit says what a value
may be: a bounded number with at most a few decimals, a whole number, a list
of known codes, the fee scale. The shipped data is checked against it when it
loads, and every value of a user's override file before it is used, so a
value that would make the computation run away (an exponent of a billion, a
norm row for a size of 10^9) or fail (a cap of 100%) is refused with the key
path of the value, never met later as a traceback.

>>> check = Checker("example")
>>> checked_value("fraction", Decimal("0.8"), "parameters.x", check)
Decimal('0.8')
>>> checked_value("fraction", Decimal("1E+999999999"), "parameters.x", check) is None
True
>>> check.problems
['parameters.x: must be a number from 0 to 1 (got 1E+999999999)']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from psoladder.errors import RuleDataError
from psoladder.model import ContractType, Level, TargetGroup

__all__ = ["UNITS", "Checker", "checked_number", "checked_value", "key_text", "shown"]


class Checker:
    """Collects every problem of a document, each with its key path.

    Args:
        where: The document, e.g. a file name.
        what: What kind of document it is, for the message.
    """

    def __init__(self, where: str, what: str = "rule data") -> None:
        self.where = where
        self.what = what
        self.problems: list[str] = []

    def fail(self, message: str) -> None:
        """Record one problem (``key.path: what is wrong``)."""
        self.problems.append(message)

    def done(self) -> None:
        """Raise a :class:`~psoladder.errors.RuleDataError` naming every problem, if any."""
        if self.problems:
            raise RuleDataError(
                f"{self.what} {self.where} has {len(self.problems)} problem(s):\n"
                + "\n".join(f"  {p}" for p in self.problems)
            )


def shown(value: object, limit: int = 40) -> str:
    """A value as text for an error message, cut short (never a whole file's content)."""
    text = str(value) if isinstance(value, Decimal | int | bool) else repr(value)
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        text = "a number of more than 38 digits"
    return text if len(text) <= limit else text[:limit] + "..."


def key_text(key: object) -> str:
    """A key of a document as a part of a key path: as written when plain, else quoted."""
    if isinstance(key, str) and key.isprintable() and 0 < len(key) <= 40:
        return key
    return shown(key)


def checked_number(value: Any, where: str, check: Checker, *, low: Decimal | int,
                   high: Decimal | int, places: int, above_low: bool = False,
                   whole: bool = False) -> Any:
    """``value`` when it is a number in bounds with at most ``places`` decimals, else ``None``.

    Args:
        value: The value (``Decimal`` or ``int``; ``bool`` and ``float`` are refused).
        where: Its key path.
        check: Where problems go.
        low: The least value.
        high: The largest value.
        places: The most decimals.
        above_low: ``low`` itself is not allowed (e.g. a full-time week of 0 hours).
        whole: Only whole numbers (``int``).
    """
    kind = "whole number" if whole else "number"
    span = f"above {low}" if above_low else f"from {low}"
    if isinstance(value, bool) or not isinstance(value, int if whole else Decimal | int):
        check.fail(f"{where}: must be a {kind} {span} to {high} (got {shown(value)})")
        return None
    number = Decimal(value) if isinstance(value, int) else value
    if (not number.is_finite() or number < low or number > high
            or (above_low and number == low)):
        check.fail(f"{where}: must be a {kind} {span} to {high} (got {shown(value)})")
        return None
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -places:
        check.fail(f"{where}: at most {places} decimals (got {shown(value)})")
        return None
    return value


def _codes(kind: type[Any], what: str) -> Callable[[Any, str, Checker], Any]:
    known = [m.value for m in kind]

    def codes(value: Any, where: str, check: Checker) -> Any:
        if not isinstance(value, list) or len(value) > len(known):
            check.fail(f"{where}: must be a list of {what} codes")
            return None
        bad = [v for v in value if v not in known]
        if bad:
            check.fail(f"{where}: {', '.join(shown(v) for v in bad[:5])} not {what} code(s); "
                       f"use {', '.join(known)}")
            return None
        if len(set(value)) != len(value):
            check.fail(f"{where}: lists a code twice")
            return None
        return value

    return codes


def _number(*, low: Decimal | int, high: Decimal | int, places: int, above_low: bool = False,
            whole: bool = False) -> Callable[[Any, str, Checker], Any]:
    def number(value: Any, where: str, check: Checker) -> Any:
        return checked_number(value, where, check, low=low, high=high, places=places,
                              above_low=above_low, whole=whole)

    return number


def _flag(value: Any, where: str, check: Checker) -> Any:
    if not isinstance(value, bool):
        check.fail(f"{where}: must be true or false (got {shown(value)})")
        return None
    return value


def _fee_scale(value: Any, where: str, check: Checker) -> Any:
    """``[[from_fte, fee], ...]``: at most 50 bands, from-fte rising, fees in whole cents."""
    if not isinstance(value, list) or not 1 <= len(value) <= 50:
        check.fail(f"{where}: must be a list of 1 to 50 [from_fte, fee] bands")
        return None
    previous = None
    for i, band in enumerate(value):
        here = f"{where}[{i}]"
        if not isinstance(band, list) or len(band) != 2:
            check.fail(f"{here}: must be [from_fte, fee]")
            return None
        lower = checked_number(band[0], here, check, low=0, high=10**7, places=4)
        fee = checked_number(band[1], here, check, low=0, high=10**7, places=2)
        if lower is None or fee is None:
            return None
        if previous is not None and lower <= previous:
            check.fail(f"{here}: the bands must start at rising fte")
            return None
        previous = lower
    return value


def _choice(*choices: str) -> Callable[[Any, str, Checker], Any]:
    def choice(value: Any, where: str, check: Checker) -> Any:
        if value not in choices:
            check.fail(f"{where}: must be one of {', '.join(choices)} (got {shown(value)})")
            return None
        return value

    return choice


def _not_overridable(value: Any, where: str, check: Checker) -> Any:
    if isinstance(value, str) and value == "general":
        return value
    check.fail(f"{where}: psoladder implements only the general method ('general')")
    return None


#: What a value of each unit of the rule data may be. A parameter's own
#: ``bounds`` in the data narrow a number further (e.g. an indirect share
#: below 1, where the cap factor would divide by zero).
UNITS: Mapping[str, Callable[[Any, str, Checker], Any]] = {
    "hours/week": _number(low=0, high=168, places=4, above_low=True),
    "fte": _number(low=0, high=10**6, places=4, above_low=True),
    "fraction": _number(low=0, high=1, places=4),
    "weight": _number(low=0, high=1, places=4),
    "fraction of the 30+ minimum share": _number(low=0, high=1, places=4),
    "years": _number(low=0, high=50, places=0, whole=True),
    "months": _number(low=0, high=600, places=0, whole=True),
    "times": _number(low=0, high=10, places=0, whole=True),
    "yes/no": _flag,
    "levels": _codes(Level, "level"),
    "target groups": _codes(TargetGroup, "target group"),
    "contract types": _codes(ContractType, "contract type"),
    "EUR/year by fte": _fee_scale,
    "band": _choice("higher_band", "lower_band"),
    "method": _not_overridable,
}


def checked_value(unit: str, value: Any, where: str, check: Checker,
                  bounds: Sequence[Any] | None = None) -> Any:
    """``value`` when it is a valid value of ``unit`` (within ``bounds``), else ``None``."""
    checked = UNITS[unit](value, where, check)
    if checked is not None and bounds is not None:
        checked = checked_number(checked, where, check, low=bounds[0], high=bounds[1],
                                 places=4)
    return checked
